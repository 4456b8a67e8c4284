"""Capture-history tables: how many people were seen on exactly which combination of lists.

A table over ``k`` lists has ``2**k`` cells, one per 0/1 pattern of presence on the lists. The
all-zero cell (people on no list) is the unknown that multiple systems estimation estimates; it
is never observed, so a table holds the ``2**k - 1`` observable cells, with zeros for patterns
nobody has.

Tables come from a CSV file or text (one 0/1 column per list, then a count column, with a
header row naming the lists) or from what the registry knows: for each linked person, the set of
lists they appear on, optionally per stratum (e.g. region).
"""

from __future__ import annotations

import csv
import io
import itertools
from collections import Counter
from collections.abc import Collection, Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

import numpy as np
import numpy.typing as npt

from tizim.core.errors import ParseError
from tizim.core.tables import detect_delimiter, open_tables

Pattern = tuple[int, ...]
StratumKey = TypeVar("StratumKey", bound=Hashable)

# Headers accepted for the count column without question. Another header is accepted too; only
# a last column holding nothing but 0 and 1 under an unknown header is taken for a missing count.
COUNT_HEADERS = frozenset(
    {"count", "counts", "n", "freq", "frequency", "cases", "number", "total", "количество", "саны"}
)


class CaptureTableError(ParseError):
    """A capture-history table is malformed; ``reason`` says what and where, in plain words."""


@lru_cache(maxsize=16)
def _patterns(n_lists: int) -> npt.NDArray[np.int8]:
    rows = [p for p in itertools.product((0, 1), repeat=n_lists) if any(p)]
    patterns = np.array(rows, dtype=np.int8)
    patterns.setflags(write=False)
    return patterns


def observable_patterns(n_lists: int) -> npt.NDArray[np.int8]:
    """The ``2**n_lists - 1`` observable 0/1 patterns, one row each, in the canonical order of
    every table (binary counting, the first list the most significant digit). Read-only."""
    if n_lists < 1:
        raise ValueError("a capture-history table needs at least one list")
    return _patterns(n_lists)


@dataclass(frozen=True)
class OverlapRow:
    """One observed cell of the overlap table: the lists a group of people is on, and how many."""

    lists_on: tuple[str, ...]
    pattern: Pattern
    count: int


class CaptureHistoryTable:
    """Counts of people per pattern of presence on named lists; the all-absent cell is unknown.

    Immutable. ``lists`` are the list names in column order; counts for patterns not given are
    zero. Construct from code with a mapping ``{(1, 0, 1): 12, ...}``, or use
    :meth:`from_csv`, :meth:`from_csv_text`, :meth:`from_person_sets` or
    :func:`tables_by_stratum`. Raises :class:`CaptureTableError` (a ``ValueError``) on bad input.
    """

    __slots__ = ("_cells", "_lists")

    def __init__(self, lists: Sequence[str], counts: Mapping[Pattern, int]) -> None:
        names = tuple(str(name).strip() for name in lists)
        if len(names) < 2:
            raise CaptureTableError(
                f"a capture-history table needs at least two lists; got {len(names)} "
                f"({', '.join(names) or 'none'})"
            )
        if any(not name for name in names):
            raise CaptureTableError("every list needs a name; one list name is empty")
        duplicates = sorted(name for name, n in Counter(names).items() if n > 1)
        if duplicates:
            raise CaptureTableError(f"list names must differ; repeated: {', '.join(duplicates)}")
        index = {tuple(int(v) for v in p): i for i, p in enumerate(_patterns(len(names)))}
        cells = np.zeros(len(index), dtype=np.int64)
        for raw_pattern, raw_count in counts.items():
            pattern = tuple(raw_pattern)
            if len(pattern) != len(names):
                raise CaptureTableError(
                    f"pattern {pattern} has {len(pattern)} entries but there are {len(names)} lists"
                )
            if any(v not in (0, 1) or isinstance(v, bool) for v in pattern):
                raise CaptureTableError(f"pattern {pattern} must hold only 0 and 1")
            count = _as_count(raw_count, f"pattern {pattern}")
            if not any(pattern):
                if count:
                    raise CaptureTableError(
                        "the all-zero pattern (on no list) cannot be observed: it is what is "
                        f"being estimated; got a count of {count}"
                    )
                continue
            cells[index[pattern]] += count
        cells.setflags(write=False)
        self._lists = names
        self._cells = cells

    # -- constructors -----------------------------------------------------------------------

    @classmethod
    def from_rows(cls, header: Sequence[str], rows: Iterable[Sequence[str]]) -> CaptureHistoryTable:
        """A table from a header (list names, then the count column's name) and rows of cells
        (0/1 per list, then the count). Row numbers in messages count the header as row 1.
        Rows with the same pattern are added together."""
        return cls._from_numbered_rows(
            header, ((number, row) for number, row in enumerate(rows, start=2))
        )

    @classmethod
    def from_csv(cls, path: Path | str) -> CaptureHistoryTable:
        """Read a CSV file (any common encoding and delimiter) or the first sheet of an XLSX/ODS
        workbook: a header row naming the lists and the count column, then one row per pattern."""
        table = open_tables(Path(path))[0]
        return cls._from_numbered_rows(
            table.headers, ((row.number, row.cells) for row in table.rows)
        )

    @classmethod
    def from_csv_text(cls, text: str) -> CaptureHistoryTable:
        """Parse CSV text laid out as for :meth:`from_csv`. Lines starting with ``#`` are
        comments (used to cite a table's source next to its counts)."""
        lines = [line for line in text.splitlines() if not line.lstrip().startswith("#")]
        body = "\n".join(lines)
        reader = csv.reader(io.StringIO(body), delimiter=detect_delimiter(body))
        numbered = [
            (n, row) for n, row in enumerate(reader, start=1) if any(c.strip() for c in row)
        ]
        if not numbered:
            raise CaptureTableError("the table is empty: it needs a header row and counts")
        (_, header), rest = numbered[0], numbered[1:]
        return cls._from_numbered_rows(header, iter(rest))

    @classmethod
    def from_person_sets(
        cls, people: Iterable[Collection[str]], lists: Sequence[str] | None = None
    ) -> CaptureHistoryTable:
        """Count people by the set of lists each appears on (one collection of list names per
        linked person). ``lists`` fixes the lists and their order; by default it is every list
        named, sorted. A person on none of the lists (e.g. known only from the web form) is not
        part of any list's capture and is left out."""
        collected = [frozenset(str(name) for name in person) for person in people]
        names = _resolve_lists(collected, lists)
        position = {name: i for i, name in enumerate(names)}
        counts: Counter[Pattern] = Counter()
        for person in collected:
            if not person:
                continue
            pattern = [0] * len(names)
            for name in person:
                pattern[position[name]] = 1
            counts[tuple(pattern)] += 1
        return cls(names, counts)

    @classmethod
    def _from_numbered_rows(
        cls, header: Sequence[str], rows: Iterable[tuple[int, Sequence[str]]]
    ) -> CaptureHistoryTable:
        header = [str(h).strip() for h in header]
        while header and not header[-1]:
            header.pop()
        if len(header) < 2:
            raise CaptureTableError(
                "the header needs one column per list and a last column with the count; "
                f"found {len(header)} column(s)"
            )
        lists, count_name = header[:-1], header[-1]
        if len(lists) < 2:
            raise CaptureTableError(
                f"only one list ({lists[0]}) besides the count column '{count_name}': "
                "multiple systems estimation needs at least two lists"
            )
        counts: dict[Pattern, int] = {}
        last_column_values: set[str] = set()
        for number, raw in rows:
            cells = [str(c).strip() for c in raw]
            if not any(cells):
                continue
            extra = [c for c in cells[len(header) :] if c]
            if extra:
                raise CaptureTableError(
                    f"row {number}: {len(cells)} cells but the header has {len(header)} columns"
                )
            cells = [*cells[: len(header)], *[""] * (len(header) - len(cells))]
            pattern = []
            for name, cell in zip(lists, cells, strict=False):
                if cell not in ("0", "1"):
                    raise CaptureTableError(
                        f"row {number}, column '{name}': expected 0 or 1 (absent/present on the "
                        f"list), found {cell!r}"
                    )
                pattern.append(int(cell))
            last_column_values.add(cells[-1])
            if not cells[-1]:
                raise CaptureTableError(
                    f"row {number}: the count (column '{count_name}') is missing"
                )
            count = _as_count(cells[-1], f"row {number}, column '{count_name}'")
            key = tuple(pattern)
            if not any(key) and count:
                raise CaptureTableError(
                    f"row {number}: the all-zero pattern (on no list) cannot be observed, it "
                    "is what is being estimated; remove the row"
                )
            counts[key] = counts.get(key, 0) + count
        if not counts:
            raise CaptureTableError("the table has a header but no counts")
        if count_name.casefold() not in COUNT_HEADERS and last_column_values <= {"0", "1"}:
            raise CaptureTableError(
                f"the last column '{count_name}' holds only 0 and 1, like a list: the count "
                "column seems to be missing (the last column must be the number of people seen "
                "on exactly that combination of lists)"
            )
        return cls(lists, counts)

    # -- reading ----------------------------------------------------------------------------

    @property
    def lists(self) -> tuple[str, ...]:
        """The list names, in column order."""
        return self._lists

    @property
    def n_lists(self) -> int:
        """How many lists the table has (including any with nobody on them)."""
        return len(self._lists)

    @property
    def observed(self) -> int:
        """How many distinct people are on at least one list."""
        return int(self._cells.sum())

    def patterns(self) -> npt.NDArray[np.int8]:
        """The observable patterns, one row each, in the order of :meth:`cell_counts`."""
        return _patterns(self.n_lists)

    def cell_counts(self) -> npt.NDArray[np.int64]:
        """Counts of every observable cell (zeros included), in canonical order. Read-only."""
        return self._cells

    def count(self, pattern: Pattern) -> int:
        """The count of one pattern (0 for the unobserved all-zero pattern)."""
        key = tuple(pattern)
        if len(key) != self.n_lists:
            raise ValueError(f"pattern {key} does not have {self.n_lists} entries")
        if not any(key):
            return 0
        index = int(np.flatnonzero((self.patterns() == np.array(key)).all(axis=1))[0])
        return int(self._cells[index])

    def counts_by_pattern(self) -> dict[Pattern, int]:
        """Every observed pattern (count > 0) and its count."""
        return {
            tuple(int(v) for v in p): int(c)
            for p, c in zip(self.patterns(), self._cells, strict=True)
            if c
        }

    def list_sizes(self) -> dict[str, int]:
        """How many people each list holds."""
        sizes = self._cells @ self.patterns()
        return {name: int(size) for name, size in zip(self._lists, sizes, strict=True)}

    def overlap_rows(self, *, include_empty: bool = False) -> list[OverlapRow]:
        """The overlap table: each observed pattern with its count (every pattern if
        ``include_empty``), in canonical order."""
        rows = []
        for p, c in zip(self.patterns(), self._cells, strict=True):
            if c or include_empty:
                pattern = tuple(int(v) for v in p)
                on = tuple(name for name, v in zip(self._lists, pattern, strict=True) if v)
                rows.append(OverlapRow(lists_on=on, pattern=pattern, count=int(c)))
        return rows

    def to_csv(self, *, include_empty: bool = False, count_header: str = "count") -> str:
        """The overlap table as CSV text in the layout :meth:`from_csv_text` reads."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow([*self._lists, count_header])
        for row in self.overlap_rows(include_empty=include_empty):
            writer.writerow([*row.pattern, row.count])
        return out.getvalue()

    def empty_lists(self) -> tuple[str, ...]:
        """Lists with nobody on them (in this table, e.g. this stratum)."""
        return tuple(name for name, size in self.list_sizes().items() if size == 0)

    def without_lists(self, names: Collection[str]) -> CaptureHistoryTable:
        """The table with some lists left out: people only on those lists drop out, the others
        keep their pattern on the remaining lists. Raises when fewer than two lists remain."""
        unknown = sorted(set(names) - set(self._lists))
        if unknown:
            raise ValueError(f"no such list(s): {', '.join(unknown)}")
        keep = [i for i, name in enumerate(self._lists) if name not in names]
        counts: Counter[Pattern] = Counter()
        for pattern, count in self.counts_by_pattern().items():
            sub = tuple(pattern[i] for i in keep)
            if any(sub):
                counts[sub] += count
        return CaptureHistoryTable([self._lists[i] for i in keep], counts)

    def __iter__(self) -> Iterator[OverlapRow]:
        return iter(self.overlap_rows())

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, CaptureHistoryTable):
            return NotImplemented
        return self._lists == other._lists and bool(np.array_equal(self._cells, other._cells))

    def __hash__(self) -> int:
        return hash((self._lists, self._cells.tobytes()))

    def __repr__(self) -> str:
        return (
            f"CaptureHistoryTable(lists={list(self._lists)}, observed={self.observed}, "
            f"cells={len(self.counts_by_pattern())} of {len(self._cells)} non-empty)"
        )


def tables_by_stratum(
    people: Iterable[tuple[StratumKey, Collection[str]]], lists: Sequence[str] | None = None
) -> dict[StratumKey, CaptureHistoryTable]:
    """One table per stratum from ``(stratum key, lists the person is on)`` pairs.

    Every table has the same lists (``lists`` or every list named in any stratum, sorted), so a
    list with nobody in a stratum shows there as an empty list; estimation leaves it out of that
    stratum with a warning. Strata keep the order of first appearance.
    """
    grouped: dict[StratumKey, list[frozenset[str]]] = {}
    for key, person in people:
        grouped.setdefault(key, []).append(frozenset(str(name) for name in person))
    names = _resolve_lists([p for group in grouped.values() for p in group], lists)
    return {
        key: CaptureHistoryTable.from_person_sets(group, names) for key, group in grouped.items()
    }


def _resolve_lists(people: Sequence[frozenset[str]], lists: Sequence[str] | None) -> list[str]:
    named = set().union(*people) if people else set()
    if lists is None:
        return sorted(named)
    names = [str(name) for name in lists]
    unknown = sorted(named - set(names))
    if unknown:
        raise CaptureTableError(
            f"people appear on list(s) not among the lists given: {', '.join(unknown)}"
        )
    return names


def _as_count(value: object, where: str) -> int:
    if isinstance(value, bool):
        raise CaptureTableError(f"{where}: the count must be a whole number, found {value!r}")
    if isinstance(value, (int, np.integer)):
        number = int(value)
    else:
        text = str(value).strip().replace("\u00a0", "").replace(" ", "")
        try:
            number = int(text)
        except ValueError:
            try:
                as_float = float(text)
            except ValueError:
                raise CaptureTableError(
                    f"{where}: the count must be a whole number, found {value!r}"
                ) from None
            if not as_float.is_integer():
                raise CaptureTableError(
                    f"{where}: the count must be a whole number, found {value!r}"
                ) from None
            number = int(as_float)
    if number < 0:
        raise CaptureTableError(f"{where}: the count cannot be negative, found {number}")
    return number
