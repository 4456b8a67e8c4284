"""Finding a list's name column by what its cells hold, when no header names it; and the
order its date columns are written in.

Lists arrive with headers nobody foresaw ("Фамилия, инициалы", "Кто", "Погибшие"). A list
whose name column is not found must not quietly become a list of quarantined rows, so when
no header names a name field the column whose cells read as people's names is taken; when
none does, the importer refuses the file and offers a column mapping to start from
(``mapping_template``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence

from tizim.core.dates import parse_date, reads_month_first
from tizim.core.errors import ParseError
from tizim.core.fates import parse_fate
from tizim.core.headers import MONTH_FIRST
from tizim.core.names.split import split_full_name
from tizim.core.places import fold_place
from tizim.core.tables import Table, peek_rows

# How many data rows are read to judge the columns, and the share of them whose cell must
# read as a name: a name column is filled in nearly every row, a notes or facility column
# that happens to hold a few capitalised words is not.
SAMPLE_ROWS = 200
NAME_SHARE = 0.6
# A column most of whose filled cells are places, statuses or dates is that, whatever else
# some of its cells look like.
OTHER_KIND_SHARE = 0.5

NAME_FIELDS: tuple[str, ...] = ("full_name", "surname", "given_name")

# Letters, and the marks names are written with: hyphens (Абенов-Ким), apostrophes
# (O'Brien, Ғ'), initials' dots, a comma after the surname, an aside in brackets.
_NAME_MARKS = frozenset(" '’.,()-")
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
# Kazakh patronymic words written apart ("Мұхтар ұлы") are the only lower-case words a
# name has.
_LOWER_NAME_WORDS = frozenset({"ұлы", "улы", "uly", "ulı", "қызы", "кызы", "kyzy", "qyzy"})


def looks_like_name(cell: str) -> bool:
    """Whether a cell reads as a person's name: letters only, every word capitalised, two to
    five words (``Жанұзақ Сапарбаев``, ``АБДУЛЛАЕВА БАЯН МУХТАРОВНА``) or a surname with
    initials (``Серикбаев Е.Б.``), split by ``tizim.core.names``, and not a place the
    gazetteer knows or a status."""
    text = " ".join(cell.split())
    if not text or not all(c.isalpha() or c in _NAME_MARKS for c in text):
        return False
    words = _WORD.findall(text)
    if not 2 <= len(words) <= 5:
        return False
    if not all(w[0].isupper() or w.casefold() in _LOWER_NAME_WORDS for w in words):
        return False
    if all(len(w) == 1 for w in words):  # initials alone are no name
        return False
    try:
        parts = split_full_name(text)
    except ParseError:
        return False
    if not (parts.surname or parts.given_name):
        return False
    return fold_place(text) is None and not _is_status(text)


def _is_status(text: str) -> bool:
    try:
        parse_fate(text)
    except ParseError:
        return False
    return True


def _is_date(text: str) -> bool:
    try:
        parse_date(text, default_year=2000)
    except ParseError:
        return False
    return True


def _is_other_kind(cells: Sequence[str]) -> bool:
    """Whether most filled cells of a column are places, statuses or dates."""
    if not cells:
        return True
    for test in (lambda c: fold_place(c) is not None, _is_status, _is_date):
        if sum(1 for c in cells if test(c)) >= OTHER_KIND_SHARE * len(cells):
            return True
    return False


def name_share(rows: Sequence[Sequence[str]], index: int) -> float:
    """The share of ``rows`` whose cell in column ``index`` reads as a name."""
    if not rows:
        return 0.0
    names = sum(1 for row in rows if index < len(row) and looks_like_name(row[index]))
    return names / len(rows)


def find_name_column(rows: Sequence[Sequence[str]], candidates: Iterable[int]) -> int | None:
    """The column among ``candidates`` whose cells, in the sampled ``rows``, read as names:
    at least ``NAME_SHARE`` of the rows, the highest share winning (the leftmost among
    equals), never a column of places, statuses or dates. None when no column does."""
    best: tuple[float, int] | None = None
    for index in candidates:
        share = name_share(rows, index)
        if share < NAME_SHARE:
            continue
        filled = [row[index].strip() for row in rows if index < len(row) and row[index].strip()]
        if _is_other_kind(filled):
            continue
        if best is None or share > best[0]:
            best = (share, index)
    return best[1] if best else None


def has_name_column(column_map: Mapping[int, str]) -> bool:
    """Whether a column map gives a person's name (a full name, a surname or a given name)."""
    return any(field in NAME_FIELDS for field in column_map.values())


class NoNameColumnError(ParseError):
    """A file in which no column holds a person's name: the import is refused. ``headline``
    says so and names the headers seen; ``mapping`` is a column mapping to start from."""

    def __init__(self, headline: str, mapping: str) -> None:
        super().__init__(f"{headline}\n\n{mapping}")
        self.headline = headline
        self.mapping = mapping


def with_name_column(
    table: Table, column_map: Mapping[int, str], ignored: Iterable[int] = ()
) -> dict[int, str]:
    """``column_map`` (the columns recognised by their headers), plus the column whose cells
    read as names taken as the full name when no recognised column holds a name. Columns
    already mapped, and the ``ignored`` ones (a mapping said "" for them), are not judged.
    The rows read to judge are read again by the import."""
    columns = dict(column_map)
    parts = [i for i, f in columns.items() if f in NAME_FIELDS]
    if parts and not _lone_part_holding_names(table, columns, parts):
        return columns
    if parts:
        # "Фамилия" over "Серикбаев Е.Б.", with no column for the given name: the cells are
        # whole names, to be split as such, not surnames three words long.
        columns[parts[0]] = "full_name"
        return columns
    skipped = set(columns) | set(ignored)
    rows = [row.cells for row in peek_rows(table, SAMPLE_ROWS)]
    found = find_name_column(rows, (i for i in range(len(table.headers)) if i not in skipped))
    if found is not None:
        columns[found] = "full_name"
    return dict(sorted(columns.items()))


def _lone_part_holding_names(
    table: Table, columns: Mapping[int, str], parts: Sequence[int]
) -> bool:
    """Whether the one column named as a part of the name (a surname or a given name, with no
    full name and no other part beside it) holds whole names in most rows."""
    if len(parts) != 1 or columns[parts[0]] == "full_name":
        return False
    if any(f == "patronymic" for f in columns.values()):
        return False
    rows = [row.cells for row in peek_rows(table, SAMPLE_ROWS)]
    return name_share(rows, parts[0]) >= NAME_SHARE


def refuse_without_names(
    filename: str, tables: Sequence[Table], column_maps: Sequence[Mapping[int, str]]
) -> None:
    """Raise NoNameColumnError when a table with data rows has no name column: importing it
    would only fill the quarantine with rows nobody can find again."""
    blind = [
        (table, columns)
        for table, columns in zip(tables, column_maps, strict=True)
        if not has_name_column(columns) and peek_rows(table, 1)
    ]
    if not blind:
        return
    seen = "; ".join(
        (f"sheet '{table.sheet}': " if table.sheet else "")
        + (", ".join(repr(h) for h in table.headers if h.strip()) or "none")
        for table, _ in blind
    )
    headline = (
        f"{filename}: no column holds a person's name, so nothing was imported. No header "
        f"names one and no column's cells read as names; the columns are: {seen}. Name the "
        "name column (full_name, or surname and given_name) in a mapping file and import "
        "again with --mapping FILE; a mapping to start from follows."
    )
    headers: list[str] = []
    guesses: dict[int, str] = {}
    for table, columns in blind:
        for index, header in enumerate(table.headers):
            if header not in headers:
                headers.append(header)
                if index in columns:
                    guesses[len(headers) - 1] = columns[index]
    raise NoNameColumnError(headline, mapping_template(headers, guesses))


def mapping_template(headers: Sequence[str], column_map: Mapping[int, str]) -> str:
    """A column mapping to start from, in the TOML form ``tizim import --mapping`` reads:
    every header of the table with the field it was taken for, or "" where none was."""
    lines = [
        "# fields: source_id full_name surname given_name patronymic sex birth_date age",
        "#         place fate event_date facility notes",
        "#         event_date_month_first birth_date_month_first (dates written 1/25/2022)",
        "[columns]",
    ]
    for index, header in enumerate(headers):
        if header.strip():
            # A TOML basic string escapes as JSON does.
            lines.append(
                f"{json.dumps(header, ensure_ascii=False)} = "
                f"{json.dumps(column_map.get(index, ''), ensure_ascii=False)}"
            )
    return "\n".join(lines) + "\n"


#: How many rows of a date column are read to tell its order: a day above 12 turns up within
#: the first two weeks of any month, so a few thousand rows settle it if anything does.
DATE_ORDER_ROWS = 5_000


def with_date_order(
    table: Table, column_map: Mapping[int, str], chosen: Iterable[int] = ()
) -> dict[int, str]:
    """``column_map`` with each date column whose values are written month first ("1/8/2022",
    "12/25/1990": lists made in the United States; see ``reads_month_first``) renamed to its
    month-first field (``MONTH_FIRST``), so that the import, and any later re-reading of a
    row, read it so. Columns a mapping named (``chosen``) are read as it said. The rows read
    to judge are read again by the import."""
    kept = set(chosen)
    dates = [i for i, f in column_map.items() if f in MONTH_FIRST and i not in kept]
    if not dates:
        return dict(column_map)
    rows = [row.cells for row in peek_rows(table, DATE_ORDER_ROWS)]
    columns = dict(column_map)
    for index in dates:
        values = [r[index] for r in rows if index < len(r)]
        if reads_month_first(values, clustered=columns[index] == "event_date"):
            columns[index] = MONTH_FIRST[columns[index]]
    return columns
