"""What a text told before a sentence, for the figures in it that lean on it: whether a
figure was told and of what fate, every figure told, and the fate a question just asked or a
table's heading names ("Сколько людей задержали?" — "64"; "Ұсталғандар саны, күндер бойынша"
over "5 қаңтар — 12 адам")."""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from tizim.core.ingest import lexicon as lx
from tizim.core.ingest.text import fold

_FATES = lx.FATE_GROUP_PATTERNS
# a heading: a few words, no figure, no full stop ("Ұсталғандар саны, күндер бойынша",
# "Detained, by day"), a colon at its end or not
_HEADING = re.compile(r"[^\d.!?]{3,80}")


@dataclass(frozen=True)
class Told:
    """What the text told before a sentence, for figures that lean on it."""

    #: whether a figure was told at all, and the fate group of the last one
    any_figure: bool = False
    group: str | None = None
    #: the value and fate group of every figure told ("found the five guilty": the five told
    #: before; "the five were released" is a new figure, of another fate)
    values: AbstractSet[tuple[int, str | None]] = frozenset()
    #: the fate group a question just asked is about ("Сколько людей задержали?" — "64"), or
    #: a table's heading over the rows this sentence is one of ("Ұсталғандар саны" over
    #: "5 қаңтар — 12 адам")
    asked: str | None = None


def told_again(value: int, group: str | None, told: AbstractSet[tuple[int, str | None]]) -> bool:
    """Whether a figure of ``value`` was told before with this fate group (any, if none)."""
    return any(v == value and (group is None or g == group) for v, g in told)


def fate_asked(question: str) -> str | None:
    """The fate group a question asks about ("How many were detained?": custody), if any."""
    if not question.rstrip().endswith("?"):
        return None
    return _first_group(question)


def heading_fate(line: str) -> str | None:
    """The fate group a heading over a table or list names ("Ұсталғандар саны, күндер
    бойынша": custody), if ``line`` is such a heading."""
    if not _HEADING.fullmatch(line.strip()) or len(line.split()) > 10:
        return None
    return _first_group(line)


def _first_group(text: str) -> str | None:
    folded = fold(text)
    found = [
        (m.start(), group)
        for group, pattern in _FATES.items()
        if group != "no_group"
        for m in pattern.finditer(folded)
    ]
    return min(found)[1] if found else None
