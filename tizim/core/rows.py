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
from typing import Any

from tizim.core.dates import parse_birth, parse_date
from tizim.core.errors import ParseError
from tizim.core.fates import parse_fate
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


def raw_json(raw: Mapping[str, str]) -> str:
    """The raw values as stored: a JSON object in the order of the file."""
    return json.dumps(raw, ensure_ascii=False)


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
) -> ParsedRow:
    """Parse one row. ``column_map`` maps column index → field (see ``tizim.core.headers``);
    ``reference_date`` is the date ages are counted from when the row has no event date."""
    row = ParsedRow(raw=raw_values(headers, cells))
    if not any(cell.strip() for cell in cells):
        row.problems.append("empty row")
        return row
    value: dict[str, str] = {}
    for index, name in column_map.items():
        if index < len(cells) and cells[index].strip():
            value[name] = " ".join(cells[index].split())
    row.source_record_id = value.get("source_id", "")
    fields = row.fields

    _parse_name(value, fields, row.problems)

    event_date: datetime.date | None = None
    if "event_date" in value:
        try:
            event_date = parse_date(value["event_date"], default_year=reference_date.year)
            fields["event_date"] = event_date
        except ParseError as exc:
            row.problems.append(f"date: {exc.reason}")

    if "birth_date" in value or "age" in value:
        try:
            birth = parse_birth(
                value.get("birth_date", ""),
                value.get("age", ""),
                reference_date=event_date or reference_date,
            )
            fields["birth_date"] = birth.date
            fields["birth_year_min"] = birth.year_min
            fields["birth_year_max"] = birth.year_max
        except ParseError as exc:
            row.problems.append(f"birth: {exc.reason}")

    if "place" in value:
        fields["place_text"] = value["place"]
        place = fold_place(value["place"])
        fields["place_code"] = place.code if place else ""

    if "fate" in value:
        try:
            fields["fate"] = parse_fate(value["fate"]).value
        except ParseError as exc:
            row.problems.append(f"status: {exc.reason}")

    if "sex" in value:
        sex = value["sex"].strip().lower()[:1]
        fields["sex"] = {"м": "m", "m": "m", "е": "m", "ж": "f", "f": "f", "w": "f"}.get(sex, "")
    fields.setdefault("facility", value.get("facility", ""))
    fields.setdefault("notes", value.get("notes", ""))
    return row


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


# --- parsing a whole table, optionally in a second process ---------------------------------

_CHUNK = 2000
_AHEAD = 3  # chunks parsed ahead of the writer: bounds memory whatever the file size
_worker_args: tuple[Sequence[str], Mapping[int, str], datetime.date] | None = None


def _init_worker(
    headers: Sequence[str], column_map: Mapping[int, str], reference_date: datetime.date
) -> None:
    global _worker_args
    _worker_args = (headers, column_map, reference_date)


def _parse_chunk(chunk: list[tuple[int, tuple[str, ...]]]) -> list[tuple[int, ParsedRow]]:
    assert _worker_args is not None
    headers, column_map, reference_date = _worker_args
    parsed = []
    for number, cells in chunk:
        row = parse_row(headers, cells, column_map, reference_date=reference_date)
        row.raw_sha256  # noqa: B018 (computed here, in the worker, not in the writer)
        parsed.append((number, row))
    return parsed


def parse_rows(
    rows: Iterable[tuple[int, tuple[str, ...]]],
    headers: Sequence[str],
    column_map: Mapping[int, str],
    *,
    reference_date: datetime.date,
    parallel: bool = False,
) -> Iterator[tuple[int, ParsedRow]]:
    """Parse (row number, cells) pairs in order. With ``parallel``, a second process parses
    while the caller writes what was already parsed (a few chunks ahead, no more)."""
    if not parallel:
        for number, cells in rows:
            yield number, parse_row(headers, cells, column_map, reference_date=reference_date)
        return
    # "spawn", not "fork": a forked child would share the parent's database connection.
    context = multiprocessing.get_context("spawn")
    with context.Pool(
        1, initializer=_init_worker, initargs=(tuple(headers), dict(column_map), reference_date)
    ) as pool:
        pending: deque[AsyncResult[list[tuple[int, ParsedRow]]]] = deque()
        for chunk in _chunks(rows, _CHUNK):
            pending.append(pool.apply_async(_parse_chunk, (chunk,)))
            if len(pending) >= _AHEAD:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()


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
