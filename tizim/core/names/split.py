"""Splitting a full name into surname, given name and patronymic, whatever the order.

Lists write ``Торегожина Бахытжан`` (official order), ``Бақытжан Төрегожина`` (everyday order),
``ТОРЕГОЖИНА БАХЫТЖАН КАЙРАТОВНА``, ``Серикбаев Е.Б.`` (initials), ``Жағыпаров Ерлан Мұхтар
ұлы`` (a two-word Kazakh patronymic). Parts are recognised by their endings; when nothing
decides between two plain words, a first word with a surname ending is taken as the surname
(official order), else the order "Given Surname" is assumed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tizim.core.errors import ParseError

_SURNAME_ENDINGS = re.compile(
    r"(?:ов|ова|ев|ева|ёв|ёва|ин|ина|ын|ына|ский|ская|цкий|цкая|енко|ко|швили|ян|янц|ук|юк|"
    r"ev|eva|ov|ova|yev|yeva|iev|ieva|in|ina|yn|yna|sky|skaya|skiy|skii|ski|enko)$",
    re.IGNORECASE,
)
_PATRONYMIC_ENDINGS = re.compile(
    r"(?:ович|евич|ич|овна|евна|ична|инична|ұлы|улы|uly|ulı|ogly|оглы|қызы|кызы|kyzy|qyzy|"
    r"qızı|kizi|ovich|evich|ovna|evna|ichna)$",
    re.IGNORECASE,
)
_PATRONYMIC_SUFFIX_WORDS = {
    "ұлы",
    "улы",
    "uly",
    "ulı",
    "қызы",
    "кызы",
    "kyzy",
    "qyzy",
    "qızı",
    "оглы",
    "ogly",
    "кизи",
}
_FEMALE_PATRONYMIC = re.compile(
    r"(?:овна|евна|ична|қызы|кызы|kyzy|qyzy|qızı|ovna|evna|ichna)$", re.IGNORECASE
)
_FEMALE_SURNAME = re.compile(
    r"(?:ова|ева|ёва|ина|ына|ская|цкая|ova|eva|yeva|ina|yna|skaya)$", re.IGNORECASE
)
_MALE_SURNAME = re.compile(
    r"(?:ов|ев|ёв|ин|ын|ский|цкий|ov|ev|yev|in|yn|sky|skiy|skii)$", re.IGNORECASE
)


@dataclass(frozen=True)
class NameParts:
    """The parts of a person's name, in the script they were written in ("" when absent)."""

    surname: str
    given_name: str
    patronymic: str

    @property
    def full(self) -> str:
        """Surname, given name, patronymic: the order official lists use."""
        return " ".join(p for p in (self.surname, self.given_name, self.patronymic) if p)


def _is_initial(word: str) -> bool:
    return len(word) <= 3 and sum(c.isalpha() for c in word) == 1


def _tidy(word: str) -> str:
    """ALL-CAPS words become title case; others keep the case they were given."""
    if word.isupper() and sum(c.isalpha() for c in word) > 1:
        return "-".join(p.capitalize() for p in word.split("-"))
    return word


def split_full_name(text: str) -> NameParts:
    """Surname, given name and patronymic of a full name in any order (ParseError if empty)."""
    cleaned = " ".join(text.replace("\u00a0", " ").split()).strip(" ,;")
    if not any(c.isalpha() for c in cleaned):
        raise ParseError("empty name" if not cleaned else f"not a name: {cleaned}")
    # Initials written together ("Е.Б.") become separate words.
    cleaned = re.sub(r"(?<=\w)\.(?=\w)", ". ", cleaned)
    words = [_tidy(w) for w in cleaned.replace(",", " ").split()]
    # A two-word Kazakh patronymic: "Мұхтар ұлы" → "Мұхтар ұлы" as one part.
    merged: list[str] = []
    for word in words:
        if merged and word.lower() in _PATRONYMIC_SUFFIX_WORDS:
            merged[-1] = f"{merged[-1]} {word.lower()}"
        else:
            merged.append(word)
    words = merged

    patronymic = ""
    for i, word in enumerate(words):
        if " " in word or (_PATRONYMIC_ENDINGS.search(word) and len(word) > 5):
            patronymic = words.pop(i)
            break
    initials = [w for w in words if _is_initial(w)]
    names = [w for w in words if not _is_initial(w)]
    if initials:
        # "Серикбаев Е.Б.": the full words are the surname, initials the given name and
        # patronymic; any further initials stay with the given name, nothing is dropped.
        rest = list(initials)
        given = rest.pop(0)
        if not patronymic and rest:
            patronymic = rest.pop(0)
        return NameParts(" ".join(names), " ".join([given, *rest]), patronymic)
    if not names:
        return NameParts("", "", patronymic)
    if len(names) == 1:
        only = names[0]
        if _SURNAME_ENDINGS.search(only) and len(only) > 4:
            return NameParts(only, "", patronymic)
        return NameParts("", only, patronymic)
    surname_at = _surname_position(names)
    surname = names.pop(surname_at)
    given = names.pop(0) if names else ""
    if names and not patronymic:
        patronymic = names.pop(0)
    if names:  # more words than parts: keep them with the given name, nothing dropped
        given = " ".join([given, *names])
    return NameParts(surname, given, patronymic)


def _surname_position(names: list[str]) -> int:
    endings = [bool(_SURNAME_ENDINGS.search(w)) and len(w) > 4 for w in names]
    if endings[0] and not all(endings):
        return 0
    if endings[-1] and not endings[0]:
        return len(names) - 1
    # Nothing decides: official lists write the surname first, everyday lists last; three
    # words without a recognised patronymic are official order (Фамилия Имя Отчество).
    if len(names) >= 3 or endings[0]:
        return 0
    return len(names) - 1


def guess_sex(parts: NameParts) -> str:
    """ "f", "m" or "" from the patronymic, else from the surname's ending."""
    if parts.patronymic and not _is_initial(parts.patronymic):
        if _FEMALE_PATRONYMIC.search(parts.patronymic):
            return "f"
        if _PATRONYMIC_ENDINGS.search(parts.patronymic):
            return "m"
    if parts.surname:
        if _FEMALE_SURNAME.search(parts.surname):
            return "f"
        if _MALE_SURNAME.search(parts.surname):
            return "m"
    return ""
