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
#: what :func:`column_fates` says of a column whose header names money, a share or an age, not
#: people ("Взыскано, тенге", "Amount, KZT", "%", "Жасы")
NOT_PEOPLE = "not_people"
_NOT_PEOPLE_HEADER = re.compile(
    r"тенге|теңге|tenge|kzt|₸|сумма|сомасы|amount|%|процент|пайыз|usd|рубл|евро|eur\b|"
    r"\bage\b|возраст|\bжасы?\b|\bлет\b"
)
#: the gap between two cells of a row laid out with spaces ("Blunt trauma     24    51")
CELL_GAP = re.compile(r"(?<=\S) {3,}(?=\S)")


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
    #: the fate group each column of the table this row is in names in its header ("Күні |
    #: Штат | Ұсталған | Жарақат алған": none, none, custody, injured), or ``NOT_PEOPLE``
    #: ("Взыскано, тенге"); none outside a table
    columns: tuple[str | None, ...] = ()


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


def column_fates(line: str) -> tuple[str | None, ...] | None:
    """The fate group each cell of a table's header row names ("Date | Detained | Injured"),
    if ``line`` is such a header: cells between bars or parted by spaces, no figure, a fate,
    money, a share or an age named in one."""
    cells = _table_cells(line)
    if len(cells) < 2 or re.search(r"\d", line):
        return None
    if "|" not in line and not _an_aligned_header(cells):
        return None  # "Name:      Aigerim (sister of the disappeared person)": a form's field
    if sum(not cell.strip() for cell in cells) * 2 >= len(cells):
        return None  # "|      |      | (оба содержатся под стражей) |": a row's cell wrapped
    # (money first: "Штраф, тенге" holds sums, though a fine is a court's penalty)
    fates = tuple(
        NOT_PEOPLE if _NOT_PEOPLE_HEADER.search(fold(cell)) else _first_group(cell)
        for cell in cells
    )
    return fates if any(fates) else None


def is_a_row(line: str) -> bool:
    """Whether ``line`` may be a table's row: written with bars ("| a | b |", "a | b") or laid
    out with spaces ("Category      n      %")."""
    return "|" in line or bool(CELL_GAP.search(line.strip()))


def _an_aligned_header(cells: list[str]) -> bool:
    """Whether the cells of a line laid out with spaces make a table's header: each a few
    words, the first no form's label ("Category      n      %", "Статья УК      осуждено",
    not "Name:      Aigerim (sister of the disappeared person)")."""
    short = all(len(cell.split()) <= 4 for cell in cells)
    return short and not cells[0].endswith(":")


def _table_cells(line: str) -> list[str]:
    """The cells of a table's row written with bars, outer bars or none ("| a | b |", "a | b"),
    or laid out with spaces."""
    if "|" not in line:
        return CELL_GAP.split(line.strip()) if is_a_row(line) else []
    return line.strip().removeprefix("|").removesuffix("|").split("|")


def column_of(line: str, position: int) -> int:
    """Which cell of a table's row ``position`` stands in, from 0."""
    if "|" not in line:
        return sum(gap.end() <= position for gap in CELL_GAP.finditer(line))
    leading = line.lstrip().startswith("|")
    return line.count("|", 0, position) - (1 if leading else 0)


def column_fate(columns: tuple[str | None, ...], row: str, position: int) -> str | None:
    """The fate group (or ``NOT_PEOPLE``) the header of a table names for the cell at
    ``position`` of ``row``, if the row is one of that table's."""
    column = column_of(row, position) if is_a_row(row) else -1
    return columns[column] if 0 <= column < len(columns) else None


def _first_group(text: str) -> str | None:
    folded = fold(text)
    found = [
        (m.start(), group)
        for group, pattern in _FATES.items()
        if group != "no_group"
        for m in pattern.finditer(folded)
    ]
    return min(found)[1] if found else None
