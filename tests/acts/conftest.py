"""Shared set-up of the acts tests: a data folder, a reviewer (a recipient, who holds a key),
a volunteer, a person from an imported list, a source and a facility."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image

from tests.factories import STAFF_PASSWORD, import_rows, make_staff
from tizim.accounts.selectors import recipient_id
from tizim.accounts.services import unlock_key_at_login
from tizim.acts import services
from tizim.acts.models import Facility
from tizim.core.acts.vocabulary import FacilityKind
from tizim.registry.models import Person, Source

CANARY = "Kanarbekov-7Q4Z"  # a fictional officer's name that must never be stored in the clear


def photo_with_gps(colour: tuple[int, int, int] = (180, 40, 40)) -> bytes:
    """A small JPEG carrying GPS and a camera make, as a phone would write them."""
    image = Image.new("RGB", (48, 32), colour)
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker" + CANARY
    exif[0x8825] = {1: "N", 2: (43.0, 14.0, 30.0), 3: "E", 4: (76.0, 53.0, 0.0)}
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    return out.getvalue()


@dataclass
class World:
    home: Path
    reviewer: object
    volunteer: object
    analyst: object
    person: Person
    source: Source
    recipient: str
    private_key: bytes


@pytest.fixture
def world(settings, tmp_path, transactional_db) -> World:
    settings.TIZIM_HOME = tmp_path / "home"
    settings.MEDIA_ROOT = tmp_path / "home" / "media"
    settings.TIZIM_KEY_KDF = "min"
    reviewer = make_staff("rev", "reviewer")
    volunteer = make_staff("vol", "volunteer")
    analyst = make_staff("ana", "analyst")
    import_rows(
        tmp_path,
        [
            ["1", "Жағыпаров Ерлан", "1972", "Алматы", "задержан", "06.01.2022", "ИВС"],
            ["2", "Серікбаев Ерлан", "1985", "Талдыкорган", "погиб", "07.01.2022", ""],
        ],
    )
    person = Person.objects.get(records__full_name__icontains="Жағыпаров")
    private_key, problem = unlock_key_at_login(reviewer, STAFF_PASSWORD)
    assert private_key is not None, problem
    return World(
        home=tmp_path / "home",
        reviewer=reviewer,
        volunteer=volunteer,
        analyst=analyst,
        person=person,
        source=Source.objects.get(name="ngo-sheet"),
        recipient=recipient_id("rev"),
        private_key=private_key,
    )


def create_almaty_ivs() -> Facility:
    """The Almaty police's temporary detention centre, as a facility of the registry."""
    return services.create_facility(
        "almaty-ivs",
        kind=FacilityKind.TEMPORARY_DETENTION,
        name_en="Temporary detention centre of the Almaty police department",
        name_ru="ИВС ДП г. Алматы",
        name_kk="Алматы қ. ПД уақытша ұстау изоляторы",
        place_code="almaty",
        actor="test",
    )


@pytest.fixture
def ivs(world):
    return create_almaty_ivs()
