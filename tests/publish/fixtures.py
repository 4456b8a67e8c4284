"""A small fictional registry for the public-site tests, with canary strings planted in every
field that must never be published (notes, raw-only columns, full birth dates, facilities of
the living), so a leak anywhere is a failing search for the canary."""

from __future__ import annotations

import datetime
from pathlib import Path

from tests.factories import import_rows
from tizim.registry.membership import merge_persons
from tizim.registry.models import Person, Record

D = datetime.date
HEADERS = (
    "№",
    "ФИО",
    "Дата рождения",
    "Город",
    "Статус",
    "Дата",
    "Место содержания",
    "Примечание",
    "Телефон родственников",
)
PRESS_HEADERS = ("№", "Name", "Year of birth", "City", "Status", "Date")

# Canaries: none of these may appear on any public page, download or search result.
CANARY_NOTE = "CANARYNOTE7731"
CANARY_PHONE = "CANARYPHONE+7701"
CANARY_FACILITY = "CANARYSIZO-Almaty"
CANARY_MORGUE = "CANARYMORGUE-3"
CANARY_BIRTH_ISO = "1972-03-12"
CANARY_BIRTH_TEXT = "12.03.1972"
CANARIES = (CANARY_NOTE, CANARY_PHONE, CANARY_FACILITY, CANARY_MORGUE, CANARY_BIRTH_ISO)

NGO_ROWS = [
    (
        "1",
        "Жагипаров Ерлан",
        CANARY_BIRTH_TEXT,
        "Алматы",
        "погиб",
        "06.01.2022",
        CANARY_MORGUE,
        CANARY_NOTE + " a",
        CANARY_PHONE,
    ),
    (
        "2",
        "Касымова Айгуль",
        "1995",
        "Алматы",
        "пропала без вести",
        "06.01.2022",
        "",
        CANARY_NOTE + " b",
        CANARY_PHONE,
    ),
    (
        "3",
        "Серикбаев Нурлан",
        "1985",
        "Алматы",
        "задержан",
        "08.01.2022",
        CANARY_FACILITY,
        CANARY_NOTE + " c",
        CANARY_PHONE,
    ),
    ("4", "Оспанов Данияр", "1979", "Шымкент", "ранен", "07.01.2022", "", CANARY_NOTE, ""),
    ("5", "Тулегенов Бауыржан", "1990", "Талдыкорган", "задержан", "07.01.2022", "", "", ""),
]
PRESS_ROWS = [
    ("1", "Zhagiparov Yerlan", "1972", "Almaty", "killed", "06.01.2022"),
    ("2", "Tulegenov Bauyrzhan", "1990", "Taldykorgan", "detained", "07.01.2022"),
]
FORM_ROWS = [("1", "Ахметов Болат", "1988", "Тараз", "погиб", "09.01.2022", "", "", "")]


def person_of(source: str, row: int) -> Person:
    return Record.objects.get(source__name=source, row_number=row).person


def load_registry(tmp_path: Path) -> dict[str, Person]:
    """Import the lists, link the two persons written on both, return persons by role."""
    import_rows(tmp_path, NGO_ROWS, source="ngo", headers=HEADERS, filename="ngo.csv",
                obtained_on=D(2022, 1, 10))  # fmt: skip
    from tests.factories import make_source

    make_source("press", kind="press_list", title="Press list of the dead and detained",
                organisation="A newspaper")  # fmt: skip
    import_rows(tmp_path, PRESS_ROWS, source="press", headers=PRESS_HEADERS,
                filename="press.csv", obtained_on=D(2022, 1, 25))  # fmt: skip
    make_source("form", kind="web_form", title="CANARYFORMTITLE reports")
    import_rows(tmp_path, FORM_ROWS, source="form", headers=HEADERS, filename="form.csv",
                obtained_on=D(2022, 1, 26))  # fmt: skip
    merge_persons(person_of("ngo", 2), person_of("press", 2))
    merge_persons(person_of("ngo", 6), person_of("press", 3))
    return {
        "killed": person_of("ngo", 2),
        "missing": person_of("ngo", 3),
        "detained": person_of("ngo", 4),
        "injured": person_of("ngo", 5),
        "detained_public": person_of("ngo", 6),
        "form_only": person_of("form", 2),
    }


def publish_site(tmp_path: Path) -> dict[str, Person]:
    """The registry above with the dead, the missing and the publicly named detained person
    published on their bases (the detained with a facility, the injured and the death
    reported only through the form stay unpublished)."""
    from tizim.publish.services import publish_person

    people = load_registry(tmp_path)
    publish_person(people["killed"], basis="confirmed_source", actor="t")
    publish_person(people["missing"], basis="family_request", actor="t")
    publish_person(people["detained_public"], basis="public_source", actor="t")
    return people


def ministry_claims_nearly_10_000_detained() -> None:
    """The one claim the claims pages need: the ministry's "nearly 10,000 detained" of 11
    January (as the seed articles quote it)."""
    from tizim.registry.claims import record_claim

    record_claim(
        claimant="Ministry of Internal Affairs",
        counted="detained",
        value=10_000,
        as_of=datetime.date(2022, 1, 11),
        fate="detained",
        qualifier="nearly",
        actor="test",
    )
