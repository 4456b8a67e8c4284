"""The demo's acts: facilities in three languages, the Republic Square incident, acts following
the demo persons' fates, and sealed generated photos that verify; loading twice adds nothing."""

from __future__ import annotations

import io

import pytest

from tests.factories import import_rows
from tizim.accounts.services import set_password
from tizim.acts import services
from tizim.acts.demo import load_demo_acts
from tizim.acts.models import Act, Event, Evidence, Facility

pytestmark = pytest.mark.django_db(transaction=True)
NAMES = [
    f"{surname} {given}"
    for surname in ("Абенов", "Берикова", "Долматов", "Ермекова", "Жумабаев")
    for given in ("Арман", "Гульнара", "Нурлан", "Сауле")
]


def test_demo_acts_load_once_and_their_evidence_verifies(world, tmp_path):
    import_rows(
        tmp_path,
        [
            [str(i), name, "1980", "Алматы", fate, f"0{6 + i % 3}.01.2022", ""]
            for i, (name, fate) in enumerate(
                zip(NAMES, ["погиб", "задержан", "ранен", "задержан", "задержан"] * 4, strict=False)
            )
        ],
        filename="demo.csv",
    )
    out = io.StringIO()
    created = load_demo_acts(out)
    assert created > 10 and "FICTIONAL" in out.getvalue()
    assert Facility.objects.filter(kind="morgue").exists()
    assert all(f.name_kk and f.name_ru and f.name_en for f in Facility.objects.all())
    assert Event.objects.filter(title__contains="Republic Square").get().acts.exists()
    assert Act.objects.filter(act_type="detention", facility__isnull=False).exists()
    files = Evidence.objects.filter(received_by="demo").count()
    assert files >= 1
    assert services.verify_evidence(recipient=world.recipient, private_key=world.private_key).ok
    assert load_demo_acts(io.StringIO()) == 0 and Act.objects.count() == created
    # the reviewer's key is replaced (a password reset): fresh copies are sealed for the new key
    set_password(world.reviewer, "another long password 43", actor="test")
    again = io.StringIO()
    load_demo_acts(again)
    assert "sealed again" in again.getvalue()
    assert Evidence.objects.filter(received_by="demo").count() == 2 * files
    assert load_demo_acts(io.StringIO()) == 0
    assert Evidence.objects.filter(received_by="demo").count() == 2 * files
