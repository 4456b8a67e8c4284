"""Recognising the columns of a list from its headers, in Kazakh, Russian or English."""

from __future__ import annotations

import re
from collections.abc import Sequence

FIELDS: tuple[str, ...] = (
    "source_id",
    "full_name",
    "surname",
    "given_name",
    "patronymic",
    "sex",
    "birth_date",
    "age",
    "place",
    "fate",
    "event_date",
    "facility",
    "notes",
)

_SYNONYMS: dict[str, tuple[str, ...]] = {
    "source_id": (
        "№",
        "n",
        "no",
        "#",
        "id",
        "номер",
        "нөмір",
        "record id",
        "source id",
        "п/п",
        "№ п/п",
        "n п/п",
    ),
    "full_name": (
        "фио",
        "ф.и.о.",
        "ф и о",
        "аты-жөні",
        "аты жөні",
        "толық аты-жөні",
        "name",
        "full name",
        "имя фамилия",
        "фамилия имя отчество",
        "фамилия, имя, отчество",
        "аты-жөні (толық)",
        "person",
        "имя и фамилия",
    ),
    "surname": ("фамилия", "тегі", "surname", "last name", "family name"),
    "given_name": ("имя", "аты", "given name", "first name", "forename"),
    "patronymic": ("отчество", "әкесінің аты", "patronymic", "middle name", "father's name"),
    "sex": ("пол", "жынысы", "sex", "gender"),
    "birth_date": (
        "дата рождения",
        "год рождения",
        "г.р.",
        "г. р.",
        "туған күні",
        "туған жылы",
        "date of birth",
        "dob",
        "birth date",
        "year of birth",
        "born",
        "дата/год рождения",
    ),
    "age": ("возраст", "жасы", "жас", "age", "лет"),
    "place": (
        "город",
        "населённый пункт",
        "населенный пункт",
        "нас. пункт",
        "место",
        "регион",
        "область",
        "қала",
        "қаласы",
        "елді мекен",
        "облыс",
        "city",
        "town",
        "place",
        "region",
        "location",
        "city/region",
        "город/область",
        "место жительства",
        "тұрғылықты жері",
    ),
    "fate": (
        "статус",
        "судьба",
        "что случилось",
        "что произошло",
        "мәртебесі",
        "мәртебе",
        "жағдайы",
        "не болды",
        "status",
        "fate",
        "what happened",
        "outcome",
    ),
    "event_date": (
        "дата",
        "дата события",
        "дата задержания",
        "дата смерти",
        "дата гибели",
        "күні",
        "оқиға күні",
        "ұсталған күні",
        "қайтыс болған күні",
        "date",
        "event date",
        "date of detention",
        "date of death",
        "when",
    ),
    "facility": (
        "место содержания",
        "где содержится",
        "место заключения",
        "ұстау орны",
        "қайда ұсталуда",
        "facility",
        "place of detention",
        "held at",
        "where held",
        "detention facility",
    ),
    "notes": (
        "примечание",
        "примечания",
        "комментарий",
        "комментарии",
        "ескерту",
        "түсініктеме",
        "notes",
        "note",
        "comment",
        "comments",
        "remarks",
        "details",
        "подробности",
    ),
}


def _fold(text: str) -> str:
    """Case, punctuation and ё/е-insensitive form of a header (№ and # are kept: they mean id)."""
    text = text.casefold().replace("ё", "е").replace("\u00a0", " ")
    text = re.sub(r"[^\w№#]+|_", " ", text)  # "full_name" as exports write it
    return " ".join(text.split())


_LOOKUP: dict[str, str] = {_fold(s): field for field, words in _SYNONYMS.items() for s in words}


def recognise_header(header: str) -> str | None:
    """The field a column header stands for, or None when it is not one we know."""
    folded = _fold(header)
    if not folded:
        return None
    if folded in _LOOKUP:
        return _LOOKUP[folded]
    # A qualifier in brackets or after a colon does not change the column: "Дата рождения
    # (или возраст)", "Status (as of 20 Jan)", "Name: full".
    bare = _fold(re.split(r"[(\[:]", header, maxsplit=1)[0])
    return _LOOKUP.get(bare) if bare else None


def map_headers(headers: Sequence[str]) -> dict[int, str]:
    """Column index → field for the recognised columns; the first column of a field wins."""
    mapping: dict[int, str] = {}
    taken: set[str] = set()
    for index, header in enumerate(headers):
        field = recognise_header(header)
        if field and field not in taken:
            mapping[index] = field
            taken.add(field)
    return mapping
