"""Dates as lists write them: ``06.01.2022``, ``6 января``, ``6 қаңтар 2022``, ``January 6, 2022``,
``1985 г.р.``, ``37 лет`` — and an age becomes a birth-year range relative to the event date."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import lru_cache

from tizim.core.errors import ParseError

# Month words by their stems: Russian (genitive and nominative), Kazakh (with case endings),
# English; matched on the start of the word so "января", "январь", "қаңтарда" all resolve.
_MONTH_STEMS: tuple[tuple[str, int], ...] = (
    ("январ", 1),
    ("феврал", 2),
    ("март", 3),
    ("апрел", 4),
    ("ма", 5),
    ("июн", 6),
    ("июл", 7),
    ("август", 8),
    ("сентябр", 9),
    ("октябр", 10),
    ("ноябр", 11),
    ("декабр", 12),
    ("қаңтар", 1),
    ("каңтар", 1),
    ("кантар", 1),
    ("ақпан", 2),
    ("акпан", 2),
    ("наурыз", 3),
    ("сәуір", 4),
    ("сауир", 4),
    ("мамыр", 5),
    ("маусым", 6),
    ("шілде", 7),
    ("шилде", 7),
    ("тамыз", 8),
    ("қыркүйек", 9),
    ("кыркуйек", 9),
    ("қазан", 10),
    ("казан", 10),
    ("қараша", 11),
    ("караша", 11),
    ("желтоқсан", 12),
    ("желтоксан", 12),
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
)
# Longest stems first, so "мамыр" is tried before "ма" and "маусым" before both.
_MONTHS = sorted(_MONTH_STEMS, key=lambda s: -len(s[0]))

_NUMERIC = re.compile(r"^(\d{1,2})[./\-](\d{1,2})[./\-](\d{2}|\d{4})(?:\s*(?:г\.?|ж\.?|года))?$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_YEAR = re.compile(
    r"^(?:b\.\s*)?(\d{4})(?:\s*(?:г\.?\s*р\.?|ж\.?\s*т\.?|ж\.?|г\.?|года?\s+рождения))?$"
)
_AGE = re.compile(
    r"^(\d{1,3})(?:[.,]\d+)?\s*(?:лет|года?|год|жаста|жас|years?(?:\s+old)?|y\.?\s*o\.?|yrs?)?$"
)


@dataclass(frozen=True)
class BirthInfo:
    """What is known of a birth: a full date, or a range of years (both None: nothing)."""

    date: datetime.date | None
    year_min: int | None
    year_max: int | None


def _clean(text: str) -> str:
    text = " ".join(text.replace("\u00a0", " ").split()).strip(" ,;")
    return text.casefold().replace("ё", "е")


def _month(word: str) -> int | None:
    word = word.strip(".,-")
    if not word:
        return None
    for stem, month in _MONTHS:
        # "ма" alone would swallow "мамыр"/"маусым"/"март": require the Russian May forms.
        if stem == "ма":
            if word in ("мая", "май", "мае"):
                return 5
            continue
        if word.startswith(stem):
            return month
    return None


def _make(year: int, month: int, day: int, original: str) -> datetime.date:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        raise ParseError(f"no such date: {original}") from None


def _full_year(two_digits: int) -> int:
    this_year = datetime.date.today().year % 100
    return 2000 + two_digits if two_digits <= this_year else 1900 + two_digits


def parse_date(text: str, *, default_year: int | None = None) -> datetime.date:
    """A date from the ways lists write one (day first); ParseError with the reason otherwise."""
    found = _date_or_reason(text, default_year)
    if isinstance(found, str):
        raise ParseError(found)
    return found


# Dates repeat endlessly in a list (a crackdown has few days); each distinct text is parsed once.
@lru_cache(maxsize=65_536)
def _date_or_reason(text: str, default_year: int | None) -> datetime.date | str:
    try:
        return _parse_date(text, default_year=default_year)
    except ParseError as exc:
        return exc.reason


def _parse_date(text: str, *, default_year: int | None = None) -> datetime.date:
    original = " ".join(text.split())
    cleaned = _clean(text)
    if not cleaned:
        raise ParseError("empty date")
    if m := _ISO.match(cleaned):
        return _make(int(m[1]), int(m[2]), int(m[3]), original)
    if m := _NUMERIC.match(cleaned):
        written = int(m[3])
        full = _full_year(written) if len(m[3]) == 2 else written
        return _make(full, int(m[2]), int(m[1]), original)
    words = re.sub(r"(\d)-?(?:го|ое|ші|шы|th|st|nd|rd)\b", r"\1", cleaned)
    words = re.sub(r"\b(?:г|ж|жылғы|жылы|года|год|of)\b\.?", " ", words)
    tokens = [t for t in re.split(r"[\s,./]+", words) if t]
    day: int | None = None
    month: int | None = None
    year: int | None = None
    for token in tokens:
        if token.isascii() and token.isdigit():
            number = int(token)
            if len(token) == 4:
                year = number
            elif day is None and 1 <= number <= 31:
                day = number
            else:
                raise ParseError(f"not a date: {original}")
        elif (found := _month(token)) is not None and month is None:
            month = found
        else:
            raise ParseError(f"not a date: {original}")
    if day is None or month is None:
        raise ParseError(f"not a date: {original}")
    if year is None:
        if default_year is None:
            raise ParseError(f"no year in date: {original}")
        year = default_year
    return _make(year, month, day, original)


def parse_birth(
    birth_text: str, age_text: str = "", *, reference_date: datetime.date | None
) -> BirthInfo:
    """What a list says of a birth: a date, a year, or an age (relative to ``reference_date``,
    the event date, so "37 лет" on 6 January 2022 means born in 1984 or 1985)."""
    found = _birth_or_reason(birth_text, age_text, reference_date)
    if isinstance(found, str):
        raise ParseError(found)
    return found


@lru_cache(maxsize=65_536)
def _birth_or_reason(
    birth_text: str, age_text: str, reference_date: datetime.date | None
) -> BirthInfo | str:
    try:
        return _parse_birth(birth_text, age_text, reference_date=reference_date)
    except ParseError as exc:
        return exc.reason


def _parse_birth(
    birth_text: str, age_text: str = "", *, reference_date: datetime.date | None
) -> BirthInfo:
    birth = _clean(birth_text)
    age = _clean(age_text)
    info = BirthInfo(None, None, None)
    if birth:
        if m := _YEAR.match(birth):
            year = int(m[1])
            info = BirthInfo(None, year, year)
        elif _AGE.match(birth) and not re.search(r"\d{4}", birth):
            age = age or birth
        else:
            date = parse_date(birth_text)
            info = BirthInfo(date, date.year, date.year)
        if info.year_min is not None:
            this_year = (reference_date or datetime.date.today()).year
            if info.year_min > this_year or info.year_min < this_year - 120:
                raise ParseError(f"birth year {info.year_min} is not possible")
    if age:
        m = _AGE.match(age)
        if not m:
            raise ParseError(f"not an age: {age_text or birth_text}")
        years = int(m[1])
        if years > 120:
            raise ParseError(f"age {years} is not possible")
        if reference_date is None:
            raise ParseError("age needs an event date to count from")
        low, high = reference_date.year - years - 1, reference_date.year - years
        if info.year_min is not None and info.year_max is not None:
            if info.year_max < low - 1 or info.year_min > high + 1:
                raise ParseError(
                    f"age {years} does not fit birth {birth_text.strip()} "
                    f"(on {reference_date.isoformat()})"
                )
            return info
        info = BirthInfo(None, low, high)
    return info
