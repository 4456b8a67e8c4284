"""Recognising the columns of a list from its headers, in Kazakh, Russian or English."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

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
    # A date column read month first ("1/8/2022" is 8 January): so the import finds it from
    # the column's values (``tizim.core.columns.with_date_order``), or a mapping says so.
    "event_date_month_first",
    "birth_date_month_first",
)

#: The date fields, and the name each takes when its column is read month first.
MONTH_FIRST: dict[str, str] = {
    "event_date": "event_date_month_first",
    "birth_date": "birth_date_month_first",
}

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
        # A name with initials, as official lists give it ("Серикбаев Е.Б.").
        "фамилия, инициалы",
        "фамилия и инициалы",
        "фамилия с инициалами",
        "фамилия и.о.",
        "фамилия имя отчество (инициалы)",
        "инициалы",
        "тегі, аты-жөнінің бас әріптері",
        "тегі және аты-жөнінің бас әріптері",
        "тегі, инициалдары",
        "тегі және инициалдары",
        "аты-жөні (бас әріптері)",
        "surname, initials",
        "surname and initials",
        "surname with initials",
        "last name, initials",
        "last name and initials",
        "name and initials",
        "name with initials",
        "initials",
        # Whose name: the dead, the detained, the victim.
        "фио погибшего",
        "фио погибших",
        "фио задержанного",
        "фио пострадавшего",
        "фио потерпевшего",
        "қаза тапқанның аты-жөні",
        "ұсталғанның аты-жөні",
        "зардап шеккеннің аты-жөні",
        "name of the deceased",
        "name of the victim",
        "victim's name",
        "victim name",
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
        # Where it happened: the place of a death or a detention (where someone is held is
        # the facility, below), and the region a list gives instead of a town.
        "место гибели",
        "место смерти",
        "место убийства",
        "где погиб",
        "где погибла",
        "где погибли",
        "место задержания",
        "где задержан",
        "где задержана",
        "место происшествия",
        "место события",
        "место ранения",
        "город/регион",
        "регион/город",
        "район",
        "қаза тапқан жері",
        "қаза болған жері",
        "қайтыс болған жері",
        "өлген жері",
        "ұсталған жері",
        "қамауға алынған жері",
        "оқиға орны",
        "оқиға болған жер",
        "оқиға болған жері",
        "аймақ",
        "өңір",
        "облысы",
        "аудан",
        "place of death",
        "where killed",
        "where died",
        "death place",
        "location of death",
        "place of arrest",
        "where detained",
        "where arrested",
        "place of incident",
        "incident location",
        "oblast",
        "province",
        "district",
        "region/city",
        "область/город",
        "город гибели",
        "регион гибели",
        "область гибели",
        "город смерти",
        "город задержания",
        "region of death",
        "city of death",
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
        "date of event",
        "date of the event",
        "date of incident",
        "incident date",
        "date of arrest",
        "date of disappearance",
        "дата происшествия",
        "дата инцидента",
        "дата ареста",
        "дата исчезновения",
        "когда",
        "оқиға болған күні",
        "оқиғаның күні",
        "қамауға алынған күні",
        "жоғалған күні",
        "қашан",
        "when",
        "қаза тапқан күні",
        "қаза болған күні",
        "ұсталған уақыты",
        "когда погиб",
        "когда погибла",
        "когда задержан",
        "date killed",
        "date of killing",
        "date detained",
    ),
    # A header that says how its dates are written; a plain "Date" column is judged by its
    # values (``tizim.core.columns.with_date_order``).
    "event_date_month_first": (
        "event_date_month_first",
        "date (mm/dd/yyyy)",
        "date (mm/dd/yy)",
        "event date (mm/dd/yyyy)",
        "date of the event (mm/dd/yyyy)",
        "incident date (mm/dd/yyyy)",
    ),
    "birth_date_month_first": (
        "birth_date_month_first",
        "date of birth (mm/dd/yyyy)",
        "birth date (mm/dd/yyyy)",
        "dob (mm/dd/yyyy)",
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

# Headers that name a field only when nothing better does: "Person" may be the name, but
# beside a "Name" column it is more likely an id, a role or a relation ("Person, Name").
_WEAK: frozenset[str] = frozenset({_fold("person")})

# How well a header names its field, best first: the whole header is a synonym; a synonym
# with a qualifier ("Name (full)"); a weak synonym; a weak synonym with a qualifier.
_EXACT, _QUALIFIED, _WEAK_EXACT, _WEAK_QUALIFIED = range(4)


def _recognise(header: str) -> tuple[str, int] | None:
    """The field a header stands for and how well it says so (see ``_EXACT`` …)."""
    folded = _fold(header)
    if not folded:
        return None
    if folded in _LOOKUP:
        return _LOOKUP[folded], _WEAK_EXACT if folded in _WEAK else _EXACT
    # A qualifier in brackets or after a colon does not change the column: "Дата рождения
    # (или возраст)", "Status (as of 20 Jan)", "Name: full".
    bare = _fold(re.split(r"[(\[:]", header, maxsplit=1)[0])
    if bare and bare in _LOOKUP:
        return _LOOKUP[bare], _WEAK_QUALIFIED if bare in _WEAK else _QUALIFIED
    return None


def recognise_header(header: str) -> str | None:
    """The field a column header stands for, or None when it is not one we know."""
    found = _recognise(header)
    return found[0] if found else None


def map_headers(headers: Sequence[str]) -> dict[int, str]:
    """Column index → field for the recognised columns, each field at most once.

    When several columns name one field, the one that names it best wins (a whole-header
    synonym over one with a qualifier, any of those over an ambiguous word such as
    "Person"); among equals, the first column. The others stay unmapped (kept in the raw
    values only).
    """
    best: dict[str, tuple[int, int]] = {}  # field → (strength, index)
    for index, header in enumerate(headers):
        found = _recognise(header)
        if found is None:
            continue
        field, strength = found
        if field not in best or strength < best[field][0]:
            best[field] = (strength, index)
    return {index: field for field, (_, index) in sorted(best.items(), key=lambda f: f[1][1])}


def find_header(headers: Sequence[str], written: str) -> int | None:
    """The index of the column whose header is ``written`` (as a user typed it in a column
    mapping: case and surrounding spaces aside), or None when no column has it."""
    wanted = written.strip().casefold()
    return next((i for i, h in enumerate(headers) if h.strip().casefold() == wanted), None)


def headers_not_found(written: Iterable[str], header_rows: Iterable[Sequence[str]]) -> list[str]:
    """The headers named in a column mapping that no table of a file has (each table's header
    row given), in the mapping's order: a mapping that names a missing header would
    otherwise be ignored without a word, and its column parsed as guessed."""
    rows = [tuple(row) for row in header_rows]
    return [h for h in written if all(find_header(row, h) is None for row in rows)]
