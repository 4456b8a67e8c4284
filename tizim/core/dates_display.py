"""Partial date-times in words: "around 19:00 on 4 January 2022", "January 2022".

An act's time is known only as precisely as a witness said it (``PartialDateTime`` in
``tizim.core.dates``); ``2022-01-04T19`` with a tilde is how it is stored, not how a relative
reads it. Framework-free: ``in_words`` returns an English pattern (a translation catalogue's
msgid) and its values, with the month as a number for the web layer to name in the reader's
language.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


class PartialMoment(Protocol):
    """What ``in_words`` reads of a partial date-time (``tizim.core.dates.PartialDateTime``)."""

    year: int
    month: int | None
    day: int | None
    hour: int | None
    minute: int | None
    approximate: bool


def _(message: str) -> str:
    """Marks a message for translation (``makemessages`` finds it) without translating it."""
    return message


@dataclass(frozen=True)
class MomentWords:
    """A pattern with ``%(year)s``, ``%(month)s`` (to be named), ``%(day)s``, ``%(time)s``."""

    pattern: str
    year: int
    month: int | None = None
    day: int | None = None
    time: str = ""


_PATTERNS = {
    # (precision, approximate) → pattern
    ("year", False): _("%(year)s"),
    ("year", True): _("around %(year)s"),
    ("month", False): _("%(month)s %(year)s"),
    ("month", True): _("around %(month)s %(year)s"),
    ("day", False): _("%(day)s %(month)s %(year)s"),
    ("day", True): _("around %(day)s %(month)s %(year)s"),
    ("time", False): _("%(time)s on %(day)s %(month)s %(year)s"),
    ("time", True): _("around %(time)s on %(day)s %(month)s %(year)s"),
}
SPAN = _("%(start)s to %(end)s")
UNKNOWN = _("date unknown")


def in_words(moment: PartialMoment) -> MomentWords:
    """The words for a partial date-time, as precise as it is and no more."""
    if moment.hour is not None:
        time = f"{moment.hour:02d}:{moment.minute or 0:02d}"
        pattern = _PATTERNS[("time", moment.approximate)]
        return MomentWords(pattern, moment.year, moment.month, moment.day, time)
    if moment.day is not None:
        precision = "day"
    elif moment.month is not None:
        precision = "month"
    else:
        precision = "year"
    return MomentWords(
        _PATTERNS[(precision, moment.approximate)], moment.year, moment.month, moment.day
    )
