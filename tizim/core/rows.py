"""Turning one spreadsheet row into a record's parsed fields, keeping every problem found.

Pure: the importer calls ``parse_row`` for each row and stores the raw values verbatim beside
the result, so that nothing the source said is lost even when nothing could be parsed.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from multiprocessing.pool import AsyncResult
from typing import Any, NamedTuple

from tizim.core.dates import EVENTS_BEGIN, implausible_event_date, parse_birth, parse_date
from tizim.core.errors import ParseError
from tizim.core.fates import parse_fate
from tizim.core.headers import MONTH_FIRST
from tizim.core.names import full_name_keys, surname_key
from tizim.core.names.split import NameParts, guess_sex, split_full_name
from tizim.core.places import fold_place

PARSED_FIELDS: tuple[str, ...] = (
    "full_name",
    "surname",
    "given_name",
    "patronymic",
    "sex",
    "birth_date",
    "birth_year_min",
    "birth_year_max",
    "place_text",
    "place_code",
    "fate",
    "event_date",
    "facility",
    "notes",
)


# A date column read month first, back to the field it fills.
_READ_MONTH_FIRST = {read: field for field, read in MONTH_FIRST.items()}

# Set in a row's fields when its fate is the list's (``default_fate``), not its own.
FATE_FROM_LIST = "fate_from_list"


@dataclass
class ParsedRow:
    """What a row said (``raw``) and what could be understood of it."""

    raw: dict[str, str]
    source_record_id: str = ""
    fields: dict[str, Any] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    _raw_json: str | None = field(default=None, repr=False, compare=False)
    _raw_sha256: str | None = field(default=None, repr=False, compare=False)

    @property
    def quarantine_reason(self) -> str:
        """Why the row is kept aside ("" when it is fine): the problems, joined."""
        return "; ".join(self.problems)

    @property
    def raw_json(self) -> str:
        """The raw values as stored: JSON text, in the order of the file."""
        if self._raw_json is None:
            self._raw_json = raw_json(self.raw)
        return self._raw_json

    @property
    def raw_sha256(self) -> str:
        if self._raw_sha256 is None:
            self._raw_sha256 = hashlib.sha256(self.raw_json.encode("utf-8")).hexdigest()
        return self._raw_sha256


def raw_values(headers: Sequence[str], cells: Sequence[str]) -> dict[str, str]:
    """Header → cell, verbatim, in file order; blank or repeated headers get a column label,
    and cells beyond the header's width are kept under their column number."""
    raw: dict[str, str] = {}
    for index, cell in enumerate(cells):
        header = headers[index] if index < len(headers) else ""
        key = header or f"(column {index + 1})"
        if key in raw:
            key = f"{key} (column {index + 1})"
        raw[key] = cell
    return raw


# json.dumps(…, ensure_ascii=False) builds an encoder on every call; this one is made once.
_JSON = json.JSONEncoder(ensure_ascii=False)
# How that encoder writes a string (the C version when there is one).
_encode_string = json.encoder.encode_basestring


def raw_json(raw: Mapping[str, str]) -> str:
    """The raw values as stored: a JSON object in the order of the file."""
    return _JSON.encode(raw)


def raw_digest(raw: Mapping[str, str]) -> str:
    """A stable digest of a row's raw values (of their stored JSON text, so order counts),
    used to recognise an unchanged row on re-import."""
    return hashlib.sha256(raw_json(raw).encode("utf-8")).hexdigest()


def parse_row(
    headers: Sequence[str],
    cells: Sequence[str],
    column_map: Mapping[int, str],
    *,
    reference_date: datetime.date,
    default_fate: str = "",
    events_begin: datetime.date = EVENTS_BEGIN,
) -> ParsedRow:
    """Parse one row. ``column_map`` maps column index → field (see ``tizim.core.headers``);
    ``reference_date`` is the date ages are counted from when the row has no event date;
    ``default_fate`` the fate the whole list states (a list of the dead), taken by a row
    that states none of its own; ``events_begin`` the first day an event may fall on (see
    ``implausible_event_date``)."""
    row = ParsedRow(raw=raw_values(headers, cells))
    row.source_record_id = _parse_cells(
        cells, column_map, reference_date, row.fields, row.problems, default_fate, events_begin
    )
    return row


def _parse_cells(
    cells: Sequence[str],
    column_map: Mapping[int, str],
    reference_date: datetime.date,
    fields: dict[str, Any],
    problems: list[str],
    default_fate: str = "",
    events_begin: datetime.date = EVENTS_BEGIN,
) -> str:
    """Fill ``fields`` and ``problems`` from a row's cells; return the source's own id."""
    if not any(cell.strip() for cell in cells):
        problems.append("empty row")
        return ""
    value: dict[str, str] = {}
    month_first: set[str] = set()
    for index, name in column_map.items():
        if name in _READ_MONTH_FIRST:
            name = _READ_MONTH_FIRST[name]
            month_first.add(name)
        if index < len(cells) and cells[index].strip():
            value[name] = " ".join(cells[index].split())

    _parse_name(value, fields, problems)

    event_date: datetime.date | None = None
    if "event_date" in value:
        try:
            event_date = parse_date(
                value["event_date"],
                default_year=reference_date.year,
                month_first="event_date" in month_first,
            )
        except ParseError as exc:
            problems.append(f"date: {exc.reason}")
        # Kept out of the counts (quarantined with the reason): one date typed 1900 or 2099
        # would stretch every chart and series over two centuries.
        implausible = event_date and implausible_event_date(
            event_date, reference_date, events_begin
        )
        if implausible:
            problems.append(f"date: {implausible}")
            event_date = None
        elif event_date:
            fields["event_date"] = event_date

    if "birth_date" in value or "age" in value:
        try:
            birth = parse_birth(
                value.get("birth_date", ""),
                value.get("age", ""),
                reference_date=event_date or reference_date,
                month_first="birth_date" in month_first,
            )
            fields["birth_date"] = birth.date
            fields["birth_year_min"] = birth.year_min
            fields["birth_year_max"] = birth.year_max
        except ParseError as exc:
            problems.append(f"birth: {exc.reason}")

    if "place" in value:
        fields["place_text"] = value["place"]
        place = fold_place(value["place"])
        fields["place_code"] = place.code if place else ""

    if "fate" in value:
        try:
            fields["fate"] = parse_fate(value["fate"]).value
        except ParseError as exc:
            problems.append(f"status: {exc.reason}")
    elif default_fate:
        # The row's own status always wins; an unreadable one is quarantined, not replaced.
        fields["fate"] = default_fate
        fields[FATE_FROM_LIST] = True

    if "sex" in value:
        sex = value["sex"].strip().lower()[:1]
        fields["sex"] = {"м": "m", "m": "m", "е": "m", "ж": "f", "f": "f", "w": "f"}.get(sex, "")
    fields.setdefault("facility", value.get("facility", ""))
    fields.setdefault("notes", value.get("notes", ""))
    return value.get("source_id", "")


def _parse_name(value: Mapping[str, str], fields: dict[str, Any], problems: list[str]) -> None:
    parts: NameParts | None = None
    if "full_name" in value:
        try:
            parts = split_full_name(value["full_name"])
        except ParseError as exc:
            problems.append(f"name: {exc.reason}")
            return
    elif any(k in value for k in ("surname", "given_name", "patronymic")):
        parts = NameParts(
            surname=_title_if_caps(value.get("surname", "")),
            given_name=_title_if_caps(value.get("given_name", "")),
            patronymic=_title_if_caps(value.get("patronymic", "")),
        )
    if parts is None or not (parts.surname or parts.given_name):
        problems.append("no name")
        return
    fields["surname"] = parts.surname
    fields["given_name"] = parts.given_name
    fields["patronymic"] = parts.patronymic
    fields["full_name"] = parts.full
    fields["sex"] = guess_sex(parts)
    fields["name_keys"] = search_keys(parts.full)


def search_keys(full_name: str) -> str:
    """The keys a name is found by, whatever the script typed: each part's name key, and for a
    feminine or masculine surname form also the folded surname key (Серікбаева → serikbaev)."""
    keys = set(full_name_keys(full_name))
    keys |= {surname_key(part) for part in full_name.split() if len(part) > 3}
    return " ".join(sorted(k for k in keys if k))[:300]


def _title_if_caps(text: str) -> str:
    return text.title() if text.isupper() and len(text) > 2 else text


# --- parsing a whole table for the importer, in worker processes -------------------------

# Columns of a record whose stored values ``prepare_row`` computes, in this order; the importer
# adds the identity (ids, source, batch, sheet, row, previous version) and the person.
RECORD_VALUE_COLUMNS: tuple[str, ...] = (
    "source_record_id",
    "raw_json",
    "raw_sha256",
    *PARSED_FIELDS,
    "name_keys",
    "parse_problems",
    "quarantine_reason",
)
# What a parsed field holds when the row said nothing of it; which fields are dates.
_FIELDS_AND_EMPTY = tuple(
    (name, None if name in ("birth_date", "birth_year_min", "birth_year_max", "event_date") else "")
    for name in PARSED_FIELDS
)
_DATE_INDEXES = tuple(PARSED_FIELDS.index(name) for name in ("birth_date", "event_date"))


class PreparedRow(NamedTuple):
    """A parsed row as the importer writes it: plain values, cheap to send between processes.

    ``values`` follow ``RECORD_VALUE_COLUMNS`` in the form a database stores them (dates as
    ISO text, the problems as JSON text), so the writer only adds ids before inserting.
    """

    number: int
    source_record_id: str
    raw_sha256: str
    problems: tuple[str, ...]
    values: tuple[Any, ...]
    display_name: str
    fate: str
    event_date: str | None
    fate_from_list: bool = False


def prepare_row(number: int, row: ParsedRow) -> PreparedRow:
    """The importer's form of a parsed row (see ``PreparedRow``)."""
    return _prepared(number, row.source_record_id, row.raw_json, row.fields, row.problems)


def _prepared(
    number: int,
    source_record_id: str,
    raw_json_text: str,
    fields: Mapping[str, Any],
    problems: list[str],
) -> PreparedRow:
    parsed: list[Any] = [fields.get(name, empty) for name, empty in _FIELDS_AND_EMPTY]
    for index in _DATE_INDEXES:
        day = parsed[index]
        if day is not None:
            parsed[index] = day.isoformat()
    raw_sha256 = hashlib.sha256(raw_json_text.encode("utf-8")).hexdigest()
    event_date = fields.get("event_date")
    return PreparedRow(
        number,
        source_record_id,
        raw_sha256,
        tuple(problems),
        (
            source_record_id,
            raw_json_text,
            raw_sha256,
            *parsed,
            fields.get("name_keys", ""),
            _JSON.encode(problems) if problems else "[]",
            "; ".join(problems),
        ),
        display_name(fields)[:300],
        fields.get("fate", ""),
        event_date.isoformat() if event_date else None,
        bool(fields.get(FATE_FROM_LIST)),
    )


class RawJson:
    """``raw_json(raw_values(headers, cells))`` for the rows of one table, without a dict per
    row: where each cell goes (and under which key) depends only on how many cells a row
    has, so that layout is worked out once per width and the JSON text written directly."""

    def __init__(self, headers: Sequence[str]) -> None:
        self.headers = tuple(headers)
        self._layouts: dict[int, list[tuple[str, int]]] = {}

    def __call__(self, cells: Sequence[str]) -> str:
        layout = self._layouts.get(len(cells))
        if layout is None:
            layout = self._layouts[len(cells)] = self._layout(len(cells))
        return "{" + ", ".join([key + _encode_string(cells[i]) for key, i in layout]) + "}"

    def _layout(self, width: int) -> list[tuple[str, int]]:
        # raw_values itself decides the keys (blank and repeated headers, extra cells): given
        # each cell's index as its text, the resulting mapping says which cell goes where.
        placed = raw_values(self.headers, [str(i) for i in range(width)])
        return [(_encode_string(key) + ": ", int(index)) for key, index in placed.items()]


def display_name(fields: Mapping[str, Any]) -> str:
    """The name a person is shown by: the full name, else the parts that were found."""
    full = str(fields.get("full_name") or "")
    return full or " ".join(
        str(fields[p]) for p in ("surname", "given_name", "patronymic") if fields.get(p)
    )


_CHUNK = 2000
_worker_args: tuple[RawJson, Mapping[int, str], datetime.date, str, datetime.date] | None = None


def _init_worker(
    headers: Sequence[str],
    column_map: Mapping[int, str],
    reference_date: datetime.date,
    default_fate: str,
    events_begin: datetime.date,
) -> None:
    global _worker_args
    _worker_args = (RawJson(headers), column_map, reference_date, default_fate, events_begin)


def _prepare_chunk(chunk: list[tuple[int, tuple[str, ...]]]) -> list[PreparedRow]:
    """In a worker process: prepare a chunk with the table's settings given at start."""
    assert _worker_args is not None
    return _prepare(chunk, *_worker_args)


def _prepare(
    chunk: list[tuple[int, tuple[str, ...]]],
    to_json: RawJson,
    column_map: Mapping[int, str],
    reference_date: datetime.date,
    default_fate: str = "",
    events_begin: datetime.date = EVENTS_BEGIN,
) -> list[PreparedRow]:
    prepared = []
    for number, cells in chunk:
        fields: dict[str, Any] = {}
        problems: list[str] = []
        source_id = _parse_cells(
            cells, column_map, reference_date, fields, problems, default_fate, events_begin
        )
        prepared.append(_prepared(number, source_id, to_json(cells), fields, problems))
    return prepared


def prepare_rows(
    rows: Iterable[tuple[int, tuple[str, ...]]],
    headers: Sequence[str],
    column_map: Mapping[int, str],
    *,
    reference_date: datetime.date,
    default_fate: str = "",
    events_begin: datetime.date = EVENTS_BEGIN,
    workers: int = 0,
    chunk_size: int = _CHUNK,
) -> Iterator[list[PreparedRow]]:
    """Parse (row number, cells) pairs into chunks of prepared rows, in file order.

    With ``workers`` > 0 that many processes parse while the caller writes what was already
    parsed; only a few chunks per worker are ever in flight, so memory stays flat whatever
    the file size. With 0 the rows are parsed here.
    """
    if workers <= 0:
        to_json = RawJson(headers)
        for chunk in _chunks(rows, chunk_size):
            yield _prepare(chunk, to_json, column_map, reference_date, default_fate, events_begin)
        return
    # "spawn", not "fork": a forked child would share the parent's database connection.
    context = multiprocessing.get_context("spawn")
    with context.Pool(
        workers,
        initializer=_init_worker,
        initargs=(tuple(headers), dict(column_map), reference_date, default_fate, events_begin),
    ) as pool:
        pending: deque[AsyncResult[list[PreparedRow]]] = deque()
        ahead = 2 * workers + 1  # enough to keep every worker busy while one result is read
        for chunk in _chunks(rows, chunk_size):
            pending.append(pool.apply_async(_prepare_chunk, (chunk,)))
            if len(pending) >= ahead:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()


def _chunks(
    rows: Iterable[tuple[int, tuple[str, ...]]], size: int
) -> Iterator[list[tuple[int, tuple[str, ...]]]]:
    chunk: list[tuple[int, tuple[str, ...]]] = []
    for item in rows:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
