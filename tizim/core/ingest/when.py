"""Dates in running text: ``6 January``, ``January 22``, ``22 января``, ``14 наурыздағы``,
``on Tuesday`` and ``yesterday`` counted from the article's date, ``six days later``.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from tizim.core.ingest.lexicon import RELATIVE_DAYS, WEEKDAYS

_MONTH_STEMS: tuple[tuple[str, int], ...] = (
    ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("may", 5), ("jun", 6), ("jul", 7),
    ("aug", 8), ("sep", 9), ("oct", 10), ("nov", 11), ("dec", 12),
    ("январ", 1), ("феврал", 2), ("март", 3), ("апрел", 4), ("ма", 5), ("июн", 6), ("июл", 7),
    ("август", 8), ("сентябр", 9), ("октябр", 10), ("ноябр", 11), ("декабр", 12),
    ("қаңтар", 1), ("ақпан", 2), ("наурыз", 3), ("сәуір", 4), ("мамыр", 5), ("маусым", 6),
    ("шілде", 7), ("тамыз", 8), ("қыркүйек", 9), ("қазан", 10), ("қараша", 11),
    ("желтоқсан", 12),
)  # fmt: skip
_MONTH_WORD = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?|"
    r"(?:январ|феврал|март|апрел|ма|июн|июл|август|сентябр|октябр|ноябр|декабр)[а-я]*|"
    r"(?:қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|"
    r"желтоқсан)[а-яәғқңөұүһі]*"
)
_DAY_MONTH = re.compile(
    rf"(?<![\w.])(?P<day>\d{{1,2}})(?:-?(?:ші|шы|st|nd|rd|th))?\s+(?P<month>{_MONTH_WORD})"
    rf"(?:\s+(?P<year>(?:19|20)\d\d))?(?!\w)",
    re.IGNORECASE,
)
_MONTH_DAY = re.compile(
    rf"(?<![\w.])(?P<month>{_MONTH_WORD})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
    rf"(?:,?\s+(?P<year>(?:19|20)\d\d))?(?![\w:])",
    re.IGNORECASE,
)
_NUMERIC = re.compile(
    r"(?<![\w.])(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>(?:19|20)\d\d)(?!\d)"
)
_ISO = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)(?!\d)")
_WEEKDAY = re.compile(
    r"(?<!\w)(?:on|во?|last)?\s*(?P<day>" + "|".join(WEEKDAYS) + r")(?:[а-яәғқңөұүһі]*)(?!\w)",
    re.IGNORECASE,
)
_RELATIVE = re.compile(r"(?<!\w)(?P<word>" + "|".join(RELATIVE_DAYS) + r")(?!\w)", re.IGNORECASE)
_DAYS_LATER = re.compile(
    r"(?<!\w)(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+days?\s+later(?!\w)",
    re.IGNORECASE,
)
_SMALL = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9, "ten": 10}  # fmt: skip
_SINCE = re.compile(r"(?:since|from|с|бастап|кейін|after)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class DateMention:
    """A date written in a sentence: its value and span; ``since`` when it starts a period."""

    value: datetime.date
    start: int
    end: int
    since: bool
    relative: bool = False


def month_number(word: str) -> int | None:
    """The month a (possibly inflected) month name means, in kk, ru or en."""
    folded = word.lower().rstrip(".")
    for stem, number in _MONTH_STEMS:
        if folded.startswith(stem) and not (stem == "ма" and not re.fullmatch(r"ма[яйе]", folded)):
            return number
    return None


def _make(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def find_dates(
    sentence: str, *, published: datetime.date | None, default_year: int = 2022
) -> list[DateMention]:
    """Every date in ``sentence``, in order. A weekday or "yesterday" needs ``published``."""
    year_base = published.year if published else default_year
    found: list[DateMention] = []
    for pattern in (_DAY_MONTH, _MONTH_DAY, _NUMERIC, _ISO):
        for m in pattern.finditer(sentence):
            if any(d.start < m.end() and m.start() < d.end for d in found):
                continue
            month = m["month"]
            number = int(month) if month.isdigit() else month_number(month)
            if number is None:
                continue
            year = int(m["year"]) if m["year"] else year_base
            value = _make(year, number, int(m["day"]))
            if value is None:
                continue
            if published and not m["year"] and (value - published).days > 31:
                value = _make(year - 1, number, int(m["day"])) or value
            since = bool(_SINCE.search(sentence[: m.start()]))
            found.append(DateMention(value, m.start(), m.end(), since))
    if published is not None:
        found.extend(_relative_dates(sentence, published, found))
    found.sort(key=lambda d: d.start)
    return found


def _relative_dates(
    sentence: str, published: datetime.date, found: list[DateMention]
) -> list[DateMention]:
    relative: list[DateMention] = []
    for m in _WEEKDAY.finditer(sentence):
        weekday = WEEKDAYS[m["day"].lower()]
        back = (published.weekday() - weekday) % 7
        value = published - datetime.timedelta(days=back)
        relative.append(DateMention(value, m.start("day"), m.end(), False, True))
    for m in _RELATIVE.finditer(sentence):
        value = published + datetime.timedelta(days=RELATIVE_DAYS[m["word"].lower()])
        relative.append(DateMention(value, m.start(), m.end(), False, True))
    return [r for r in relative if not any(d.start < r.end and r.start < d.end for d in found)]


def days_later(sentence: str) -> int | None:
    """``N`` when the sentence says "N days later" (a date counted from the last one told)."""
    m = _DAYS_LATER.search(sentence)
    if m is None:
        return None
    n = m["n"].lower()
    return int(n) if n.isdigit() else _SMALL[n]
