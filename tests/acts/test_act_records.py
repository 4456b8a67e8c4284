"""Acts as the registry stores them: the vocabularies with their kk/ru/en labels, partial
dates kept as precisely as said, sources and confidence per act, events, sealed officers."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection

from tests.acts.conftest import CANARY
from tizim.acts import services
from tizim.acts.forms import ACT_TYPE_FORM_CHOICES, UNIT_FORM_CHOICES
from tizim.acts.models import Act, partial_from
from tizim.acts.templatetags.acts_tags import act_label, facility_kind_label, unit_label
from tizim.audit.models import AuditEntry
from tizim.audit.selectors import verify_chain
from tizim.core.acts.vocabulary import ActType, FacilityKind, UnitKind
from tizim.core.dates import parse_partial_datetime

pytestmark = pytest.mark.django_db(transaction=True)
ALMATY = datetime.timezone(datetime.timedelta(hours=6))


@pytest.mark.parametrize(
    ("code", "en", "ru", "kk"),
    [
        (ActType.TORTURE_BEATING, "beating", "избиение", "ұрып-соғу"),
        (
            ActType.DETENTION,
            "arrest or detention",
            "задержание или арест",
            "ұстау немесе қамауға алу",
        ),
        (ActType.KILLING, "killing", "убийство", "кісі өлтіру"),
    ],
)
def test_act_types_have_labels_in_three_languages(code, en, ru, kk):
    assert (act_label(code.value), act_label(code.value, "ru"), act_label(code.value, "kk")) == (
        en,
        ru,
        kk,
    )
    # the act form offers all three to a volunteer
    offered = dict(ACT_TYPE_FORM_CHOICES)[code.value]
    assert en in offered and ru in offered and kk in offered


def test_forces_and_facilities_have_labels_in_three_languages():
    assert unit_label("national_guard", "kk") == "Ұлттық ұлан"
    assert unit_label("national_guard", "ru") == "Национальная гвардия"
    assert unit_label("csto", "en") == "CSTO foreign troops"
    assert facility_kind_label("pretrial_detention", "ru") == "следственный изолятор (СИЗО)"
    assert facility_kind_label("morgue", "kk") == "мәйітхана (морг)"
    every_unit = {code for code, _ in UNIT_FORM_CHOICES}
    assert every_unit == {u.value for u in UnitKind}
    for kind in FacilityKind:
        assert all(kind.label(lang) for lang in ("kk", "ru", "en"))
    assert act_label("no-such-code") == "no-such-code"  # an unknown code is shown, not a crash


def test_an_act_with_a_partial_date_keeps_its_precision_and_bounds(world, ivs):
    start = parse_partial_datetime("около 8 вечера 6 января 2022")
    end = parse_partial_datetime("7 января")
    act = services.record_act(
        world.person,
        act_type=ActType.TORTURE_BEATING,
        start=start,
        end=end,
        place_text="г. Алматы",
        facility=ivs,
        unit_kind=UnitKind.NATIONAL_GUARD,
        confidence=Act.Confidence.PROBABLE,
        citations=[services.Citation(world.source, "row 1")],
        description="Beaten with batons in the yard.",
        actor=world.volunteer,
    )
    act = Act.objects.get(pk=act.pk)
    assert (act.start_year, act.start_month, act.start_day, act.start_hour, act.start_minute) == (
        2022,
        1,
        6,
        20,
        None,
    )
    assert act.start_approximate and act.start.precision == "hour"
    assert str(act.start) == "~2022-01-06T20"
    assert act.start_earliest == datetime.datetime(2022, 1, 6, 20, 0, tzinfo=ALMATY)
    assert act.start_latest == datetime.datetime(2022, 1, 6, 20, 59, 59, 999999, tzinfo=ALMATY)
    assert act.end == end and act.end.precision == "day"
    assert act.place_code == "almaty"
    assert [c.citation for c in act.citations.all()] == ["row 1"]
    assert act.get_confidence_display().startswith("probable")
    assert partial_from(act, "start") == start
    entry = AuditEntry.objects.get(action="act.create")
    assert entry.actor == "vol" and entry.details["act_type"] == "torture.beating"


def test_a_month_only_date_and_an_unknown_date_are_kept(world):
    month = services.record_act(
        world.person,
        act_type="threats",
        start=parse_partial_datetime("January 2022"),
        actor="test",
    )
    assert month.start.precision == "month"
    assert month.start_latest.date() == datetime.date(2022, 1, 31)
    unknown = services.record_act(world.person, act_type="threats", start=None, actor="test")
    assert unknown.start is None and unknown.when == "date unknown"


def test_bad_input_is_refused_with_a_reason_and_nothing_is_written(world):
    with pytest.raises(services.ActsError, match="before the start"):
        services.record_act(
            world.person,
            act_type="detention",
            start=parse_partial_datetime("7 января"),
            end=parse_partial_datetime("6 января"),
            actor="test",
        )
    with pytest.raises(services.ActsError, match="unknown act type"):
        services.record_act(world.person, act_type="teasing", start=None, actor="test")
    unit = services.create_unit(kind="police", name_en="Almaty police department", actor="test")
    with pytest.raises(services.ActsError, match="is police"):
        services.record_act(
            world.person,
            act_type="detention",
            start=None,
            unit=unit,
            unit_kind="army",
            actor="test",
        )
    assert not Act.objects.exists()


def test_a_unit_lends_its_kind_and_an_event_groups_acts(world):
    unit = services.create_unit(kind="national_guard", name_en="Almaty garrison", actor="test")
    square = services.create_event(
        "Shooting at Republic Square",
        start=parse_partial_datetime("6 января 2022 около 19:00"),
        place_text="Алматы",
        actor="test",
    )
    act = services.record_act(
        world.person, act_type="shooting", start=square.start, unit=unit, event=square, actor="test"
    )
    assert act.unit_kind == "national_guard"
    assert list(square.acts.all()) == [act]
    assert square.place_code == "almaty"


def test_officers_names_are_sealed_before_storage(world):
    act = services.record_act(
        world.person,
        act_type="torture.beating",
        start=parse_partial_datetime("6.01.2022"),
        perpetrator=services.SealedPerpetrator(
            officers=f"Lt. {CANARY}", note=f"{CANARY} held the baton"
        ),
        actor=world.volunteer,
    )
    stored = bytes(Act.objects.get(pk=act.pk).sealed_perpetrator)
    assert CANARY.encode() not in stored and act.sealed_to == [world.recipient]
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM acts_act")
        assert CANARY not in repr(cursor.fetchall())
        cursor.execute("SELECT details FROM audit_auditentry")
        assert CANARY not in repr(cursor.fetchall())
    opened = services.unseal_perpetrator(
        act, recipient=world.recipient, private_key=world.private_key, actor=world.reviewer
    )
    assert opened.officers == f"Lt. {CANARY}" and CANARY in opened.note
    assert AuditEntry.objects.filter(action="act.perpetrator.unseal", actor="rev").count() == 1
    assert verify_chain().ok


def test_a_volunteer_may_record_but_never_unseal_perpetrators(world):
    act = services.record_act(
        world.person,
        act_type="torture",
        start=None,
        perpetrator=services.SealedPerpetrator(officers=CANARY),
        actor=world.volunteer,
    )
    with pytest.raises(PermissionDenied):
        services.unseal_perpetrator(
            act, recipient=world.recipient, private_key=world.private_key, actor=world.volunteer
        )
    with pytest.raises(PermissionDenied):
        services.change_act(act, act_type="torture", start=None, actor=world.volunteer)
    with pytest.raises(PermissionDenied):
        services.record_act(world.person, act_type="torture", start=None, actor=world.analyst)
    assert not AuditEntry.objects.filter(action="act.perpetrator.unseal").exists()


def test_correcting_an_act_keeps_the_seal_unless_replaced(world):
    act = services.record_act(
        world.person,
        act_type="detention",
        start=None,
        perpetrator=services.SealedPerpetrator(officers=CANARY),
        actor="test",
    )
    sealed = bytes(act.sealed_perpetrator)
    services.change_act(
        act,
        act_type="arbitrary_arrest",
        start=parse_partial_datetime("6 января"),
        actor=world.reviewer,
    )
    act.refresh_from_db()
    assert act.act_type == "arbitrary_arrest" and bytes(act.sealed_perpetrator) == sealed
    change = AuditEntry.objects.get(action="act.change")
    assert (
        "act_type" in change.details["fields"]
        and "sealed_perpetrator" not in change.details["fields"]
    )


def test_export_acts_from_the_command_line_in_csv_and_json(world, tmp_path):
    import csv
    import io
    import json

    from tizim.acts.exports import COLUMNS
    from tizim.cli import main

    services.record_act(
        world.person,
        act_type="torture.electric_shock",
        start=parse_partial_datetime("около 8 вечера 6 января 2022"),
        unit_kind="knb",
        citations=[services.Citation(world.source, "row 1")],
        perpetrator=services.SealedPerpetrator(officers=CANARY),
        actor="test",
    )
    out = io.StringIO()
    assert (
        main(["export", "acts", "--format", "csv", "--output", str(tmp_path / "a.csv")], out=out)
        == 0
    )
    text = (tmp_path / "a.csv").read_text(encoding="utf-8")
    (row,) = list(csv.DictReader(io.StringIO(text)))
    assert tuple(row) == COLUMNS and CANARY not in text
    assert (row["act_type"], row["start"], row["start_precision"], row["perpetrator_sealed"]) == (
        "torture.electric_shock",
        "~2022-01-06T20",
        "hour",
        "true",
    )
    assert row["sources"] == "ngo-sheet: row 1" and row["person_id"] == world.person.public_id
    assert (
        main(["export", "acts", "--format", "json", "--output", str(tmp_path / "a.json")], out=out)
        == 0
    )
    doc = json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))
    assert doc["acts"][0]["start_earliest"] == "2022-01-06T20:00"
    assert doc["vocabularies"]["unit_kind"]["knb"]["kk"].startswith("Ұлттық қауіпсіздік")
    assert main(["export", "acts", "--format", "xlsx", "--output", str(tmp_path / "a.xlsx")]) == 1
    assert AuditEntry.objects.filter(action="acts.export", actor="cli").count() == 2
