"""Writes to the registry. Every function runs in a transaction and appends to the audit log.

Business rules kept here:
- a record's raw values are written once (``import_table``) and never changed;
- a record belongs to exactly one person at a time; every move is a ``LinkChange`` that can be
  undone, and old memberships are closed, never deleted;
- a person's fate timeline is derived from the records that belong to it, so it follows them.
"""

from __future__ import annotations

import contextlib
import datetime
import hashlib
import itertools
import json
import os
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from tizim.audit.services import record_action
from tizim.core.cells import restore_csv_cell
from tizim.core.columns import refuse_without_names, with_name_column
from tizim.core.errors import ParseError
from tizim.core.fates import Fate, parse_fate
from tizim.core.headers import FIELDS, find_header, map_headers
from tizim.core.names import names_may_match
from tizim.core.rows import (
    PARSED_FIELDS,
    RECORD_VALUE_COLUMNS,
    ParsedRow,
    PreparedRow,
    parse_row,
    prepare_rows,
    raw_digest,
    raw_json,
    raw_values,
    search_keys,
)
from tizim.core.tables import Table, close_tables, open_tables
from tizim.registry.bulk import BulkWriter, stored_value
from tizim.registry.integrity import digest_of_records
from tizim.registry.models import (
    Claim,
    FateEvent,
    ImportBatch,
    LinkChange,
    Membership,
    Person,
    Record,
    Source,
    new_public_ids,
)
from tizim.registry.signals import persons_refreshed

_BATCH = 5000
# Files above this size are parsed in worker processes: starting them costs about a second.
_PARALLEL_BYTES = 2 * 1024 * 1024
_MAX_PARSE_WORKERS = 2

# Where a status sits in a life story, to order two statuses stated for the same day
# (missing, then found to be detained, then released; death last).
FATE_RANK: dict[str, int] = {
    Fate.INJURED: 1,
    Fate.MISSING: 2,
    Fate.DISAPPEARED: 2,
    Fate.DETAINED: 3,
    Fate.ARRESTED: 4,
    Fate.CHARGED: 5,
    Fate.CONVICTED: 6,
    Fate.FOUND: 7,
    Fate.RELEASED: 8,
    Fate.DIED_IN_CUSTODY: 9,
    Fate.KILLED: 9,
}


class RegistryError(Exception):
    """A request the registry refuses, with a message for the user."""


# --- sources -------------------------------------------------------------------------------


def create_source(
    name: str,
    *,
    kind: str = Source.Kind.OTHER,
    title: str = "",
    organisation: str = "",
    language: str = "",
    url: str = "",
    obtained_on: datetime.date | None = None,
    reliability_note: str = "",
    default_fate: str = "",
    actor: str = "",
) -> Source:
    """Register a list or channel records will come from. ``default_fate`` is the fate every
    person on the list shares (``killed`` for a list of the dead), in any word ``parse_fate``
    reads; its rows that state no fate of their own take it."""
    default_fate = list_fate(default_fate)
    if kind not in Source.Kind.values:
        raise RegistryError(
            f"unknown source kind '{kind}'; choose one of: {', '.join(Source.Kind.values)}"
        )
    source = Source(
        name=name,
        kind=kind,
        title=title or name,
        organisation=organisation,
        language=language,
        url=url,
        obtained_on=obtained_on,
        reliability_note=reliability_note,
        default_fate=default_fate,
    )
    try:
        source.full_clean()
    except Exception as exc:  # ValidationError: turn field errors into one readable line
        messages = getattr(exc, "message_dict", {"": [str(exc)]})
        text = "; ".join(f"{k}: {' '.join(v)}" if k else " ".join(v) for k, v in messages.items())
        raise RegistryError(f"cannot create source '{name}': {text}") from None
    with transaction.atomic():
        source.save()
        record_action(
            "source.create",
            actor=actor,
            object_type="source",
            object_id=source.pk,
            details={"name": name, "kind": kind, "default_fate": default_fate},
        )
    return source


def list_fate(text: str) -> str:
    """The fate a whole list states, from any word ``parse_fate`` reads (``killed``, ``погиб``,
    ``қаза тапты``); "" for none (an empty text, or ``none``). Raises RegistryError for a
    word that names no fate."""
    if not text.strip() or text.strip().casefold() in ("none", "-"):
        return ""
    if text.strip() in {f.value for f in Fate}:
        return text.strip()
    try:
        return parse_fate(text).value
    except ParseError as exc:
        raise RegistryError(
            f"{exc.reason}; a list's fate is one of: {', '.join(f.value for f in Fate)} "
            "(or a word for one, such as погиб or қаза тапты)"
        ) from None


def set_source_fate(name: str, fate: str, *, actor: str = "") -> Source:
    """Say (or, with "" or ``none``, unsay) the fate every person on a source's list shares:
    later imports give it to rows without a fate of their own. Rows already imported keep
    theirs until their list is imported again."""
    source = Source.objects.filter(name=name).first()
    if source is None:
        raise RegistryError(f"unknown source '{name}'")
    value = list_fate(fate)
    with transaction.atomic():
        previous = source.default_fate
        source.default_fate = value
        source.save(update_fields=["default_fate"])
        record_action(
            "source.fate",
            actor=actor,
            object_type="source",
            object_id=source.pk,
            details={"name": name, "default_fate": value, "previous": previous},
        )
    return source


# --- import --------------------------------------------------------------------------------


@dataclass
class SheetSummary:
    """What was detected in one table (a CSV file, or one sheet of a workbook)."""

    sheet: str
    headers: list[str]
    column_map: dict[int, str]
    rows_read: int = 0


# How many distinct unknown place names an import summary counts.
UNKNOWN_PLACES_KEPT = 500


@dataclass
class ImportSummary:
    """What an import did (or, for a dry run, would do). The counts partition the rows read:
    imported (new, usable) + new_versions + unchanged + quarantined = rows_read."""

    source: str
    filename: str
    encoding: str = ""
    delimiter: str = ""
    sheets: list[SheetSummary] = field(default_factory=list)
    rows_read: int = 0
    imported: int = 0
    new_versions: int = 0
    unchanged: int = 0
    vanished: int = 0
    quarantined: Counter[str] = field(default_factory=Counter)
    problems: list[tuple[str, int, str]] = field(default_factory=list)
    # Places as written that the gazetteer does not know (kept as written, with no region),
    # by how many rows name them: not a reason to quarantine, but worth a look before import.
    unknown_places: Counter[str] = field(default_factory=Counter)
    dry_run: bool = False
    batch_id: int | None = None
    # The fate the whole list states (from the source or the import), and how many rows
    # without one of their own took it.
    default_fate: str = ""
    default_fate_rows: int = 0
    # Advice that is not a problem of any row (a list of the dead without a status column).
    hints: list[str] = field(default_factory=list)

    def note_unknown_place(self, text: str) -> None:
        """Count a place the gazetteer does not know; past a few hundred distinct ones only
        those already seen are counted, so a free-text column cannot grow memory."""
        if text in self.unknown_places or len(self.unknown_places) < UNKNOWN_PLACES_KEPT:
            self.unknown_places[text] += 1

    @property
    def quarantined_total(self) -> int:
        return sum(self.quarantined.values())


@dataclass
class SheetSample:
    """One sheet's columns and its first rows parsed exactly as the import parses them (the
    preview a person checks before importing)."""

    sheet: str
    headers: tuple[str, ...]
    column_map: dict[int, str]
    rows: list[tuple[int, ParsedRow]]


def reference_date_for(source: Source, obtained_on: datetime.date | None) -> datetime.date:
    """The date an import of ``source`` reads its rows against: dates without a year take its
    year, ages count from it. The date this version was obtained, else the source's, else
    today."""
    return obtained_on or source.obtained_on or timezone.localdate()


def sample_tables(
    tables: Sequence[Table],
    *,
    mapping: Mapping[str, str] | None,
    reference_date: datetime.date,
    rows: int,
    default_fate: str = "",
) -> list[SheetSample]:
    """The first ``rows`` rows of each table, parsed as ``import_table`` would parse them."""
    samples = []
    column_maps = table_columns(tables, mapping)
    for table, column_map in zip(tables, column_maps, strict=True):
        parsed = [
            (
                row.number,
                parse_row(
                    table.headers,
                    row.cells,
                    column_map,
                    reference_date=reference_date,
                    default_fate=default_fate,
                ),
            )
            for row in itertools.islice(table.rows, rows)
        ]
        samples.append(SheetSample(table.sheet, table.headers, column_map, parsed))
    return samples


def table_columns(
    tables: Sequence[Table], mapping: Mapping[str, str] | None
) -> list[dict[int, str]]:
    """Each table's columns: by their headers and the user's ``mapping`` (``column_map_for``),
    and, where neither names a name column, the column whose cells read as names. Raises
    NoNameColumnError (a ParseError, with a mapping to start from) when a table with rows
    still has none: such a file is refused before anything is written."""
    column_maps = []
    for table in tables:
        ignored = [
            index
            for index, header in enumerate(table.headers)
            if any(not f and find_header([header], w) == 0 for w, f in (mapping or {}).items())
        ]
        column_maps.append(with_name_column(table, column_map_for(table.headers, mapping), ignored))
    if tables:
        refuse_without_names(tables[0].path.name, tables, column_maps)
    return column_maps


def column_map_for(
    headers: Sequence[str], mapping: Mapping[str, str] | None = None
) -> dict[int, str]:
    """Which column holds which field: headers recognised in kk/ru/en, then the user's
    ``mapping`` (header text → field, or → "" to ignore a column) on top."""
    columns = map_headers(headers)
    for header, wanted in (mapping or {}).items():
        if wanted and wanted not in FIELDS:
            raise RegistryError(
                f"mapping: unknown field '{wanted}' for column '{header}'; "
                f"fields are: {', '.join(FIELDS)}"
            )
        for index, text in enumerate(headers):
            if text.strip().casefold() == header.strip().casefold():
                columns = {i: f for i, f in columns.items() if f != wanted or not wanted}
                if wanted:
                    columns[index] = wanted
                else:
                    columns.pop(index, None)
    return columns


def import_table(
    path: Path,
    *,
    source_name: str,
    actor: str = "",
    obtained_on: datetime.date | None = None,
    sheet: str | None = None,
    mapping: Mapping[str, str] | None = None,
    dry_run: bool = False,
    progress: Callable[[int], None] | None = None,
    parallel: bool | None = None,
    default_fate: str | None = None,
) -> ImportSummary:
    """Import a CSV file or an XLSX/ODS workbook (every sheet, or ``sheet``) into a source.

    Every row becomes a Record with its raw values. A row that cannot be understood is kept,
    quarantined, with the reason. A row already present (the same source id, or else the same
    content) is counted unchanged; a row whose source id is known but whose content changed
    becomes a new version of that record, in the same person; rows of the last import that
    this file no longer has are counted as vanished (never deleted). ``obtained_on`` is when
    this version of the list was obtained (default: the source's date, else today): statuses
    without a date of their own count as known from then. Raises RegistryError/ParseError
    only when the source is unknown or the file itself cannot be read; then nothing is written.
    Large files are parsed in worker processes while rows are written (``parallel``: None
    decides by file size). ``default_fate`` (any word ``parse_fate`` reads) is the fate this
    file's rows take when they state none of their own, instead of the source's; it is kept
    in the batch. A file with no name column is refused (NoNameColumnError), nothing written.
    """
    source = Source.objects.filter(name=source_name).first()
    if source is None:
        known = ", ".join(Source.objects.values_list("name", flat=True)[:20]) or "none yet"
        raise RegistryError(
            f"unknown source '{source_name}' (known: {known}); "
            f"create it first with: tizim source add {source_name} --kind …"
        )
    fate = source.default_fate if default_fate is None else list_fate(default_fate)
    tables = open_tables(path, sheet=sheet)
    try:
        column_maps = table_columns(tables, mapping)
    except BaseException:
        close_tables(tables)
        raise
    summary = ImportSummary(
        source=source.name,
        filename=path.name,
        encoding=tables[0].encoding,
        delimiter=tables[0].delimiter,
        dry_run=dry_run,
        default_fate=fate,
        hints=fate_hints(source, column_maps, fate),
    )
    reference_date = reference_date_for(source, obtained_on)
    file_sha256 = _sha256_of(path)
    if parallel is None:
        parallel = path.stat().st_size > _PARALLEL_BYTES
    workers = _parse_workers() if parallel else 0

    with transaction.atomic():
        batch = ImportBatch(
            source=source,
            filename=path.name,
            file_sha256=file_sha256,
            encoding=summary.encoding,
            delimiter=summary.delimiter,
            actor=actor,
            obtained_on=reference_date,
            default_fate=fate,
        )
        if not dry_run:
            batch.save()
        writer = _RecordWriter(
            source,
            batch,
            reference_date,
            dry_run=dry_run,
            only_sheet=tables[0].sheet if sheet else None,
        )
        try:
            for table, column_map in zip(tables, column_maps, strict=True):
                _import_sheet(table, column_map, writer, summary, reference_date, workers, progress)
        except BaseException:
            # The file broke (or the user stopped the import): the connection must be free
            # again before the transaction is rolled back; the first error is the one to tell.
            with contextlib.suppress(Exception):
                writer.finish()
            raise
        writer.finish()
        if progress:
            progress(summary.rows_read)
        summary.vanished = writer.count_vanished()
        if fate:
            summary.default_fate_rows += _give_list_fate(
                writer.unchanged_without_fate, fate, dry_run=dry_run
            )
        if dry_run:
            transaction.set_rollback(True)
            return summary
        batch.headers = [t.headers for t in summary.sheets]
        batch.column_map = {
            t.sheet: {str(k): v for k, v in t.column_map.items()} for t in summary.sheets
        }
        batch.rows_read = summary.rows_read
        batch.imported = summary.imported + summary.new_versions
        batch.quarantined = summary.quarantined_total
        batch.unchanged = summary.unchanged
        batch.default_fate_rows = summary.default_fate_rows
        batch.finished_at = timezone.now()
        batch.save()
        writer.flag_vanished()
        summary.batch_id = batch.pk
        record_action(
            "records.import",
            actor=actor,
            object_type="import",
            object_id=batch.pk,
            details={
                "source": source.name,
                "file": path.name,
                "sha256": file_sha256,
                "rows_read": summary.rows_read,
                "imported": summary.imported,
                "new_versions": summary.new_versions,
                "unchanged": summary.unchanged,
                "vanished": summary.vanished,
                "quarantined": summary.quarantined_total,
                "default_fate": fate,
                "default_fate_rows": summary.default_fate_rows,
                "records": digest_of_records(writer.written),
            },
        )
    return summary


def _give_list_fate(record_ids: Sequence[int], fate: str, *, dry_run: bool) -> int:
    """Give the list's fate to records imported before it was said (their rows, unchanged,
    state none of their own, so any fate they hold came from the list) and rebuild their
    persons' timelines. Returns how many records it changes (would change, in a dry run)."""
    changed = 0
    persons: set[int] = set()
    for chunk in _chunks(record_ids, 1000):
        stale = Record.objects.filter(pk__in=chunk, quarantine_reason="").exclude(fate=fate)
        if dry_run:
            changed += stale.count()
            continue
        persons.update(p for p in stale.values_list("person_id", flat=True) if p is not None)
        changed += stale.update(fate=fate)
    if persons:
        refresh_persons(persons)
    return changed


# Kinds of source that are usually lists of one fate (the dead), so that a missing status
# column is worth a word before every person on them is counted with no fate.
_ONE_FATE_KINDS = (Source.Kind.OFFICIAL_LIST, Source.Kind.RADIO_LIST)


def fate_hints(source: Source, column_maps: Sequence[Mapping[int, str]], fate: str) -> list[str]:
    """Advice for a list of a kind that is usually of the dead, with no status column and no
    fate of its own: to say its fate (never guessed: an official list may be of the
    detained)."""
    if fate or source.kind not in _ONE_FATE_KINDS:
        return []
    if any("fate" in columns.values() for columns in column_maps):
        return []
    return [
        f"this {source.get_kind_display()} has no status column, so its persons get no fate: "
        f"if everyone on it shares one (a list of the dead), say so with --fate killed on "
        f"the import, or once for the source with: tizim source set {source.name} --fate killed"
    ]


def _import_sheet(
    table: Table,
    column_map: dict[int, str],
    writer: _RecordWriter,
    summary: ImportSummary,
    reference_date: datetime.date,
    workers: int,
    progress: Callable[[int], None] | None,
) -> None:
    sheet_summary = SheetSummary(table.sheet, list(table.headers), column_map)
    summary.sheets.append(sheet_summary)
    # The raw values' key of the column holding the source's own ids, if one does.
    raw_keys = list(raw_values(table.headers, table.headers))
    id_columns = [i for i, name in column_map.items() if name == "source_id" and i < len(raw_keys)]
    writer.begin_sheet(table.sheet, raw_keys[id_columns[0]] if id_columns else None)
    for chunk in prepare_rows(
        ((r.number, r.cells) for r in table.rows),
        table.headers,
        column_map,
        reference_date=reference_date,
        default_fate=summary.default_fate,
        workers=workers,
        chunk_size=_BATCH,
    ):
        summary.rows_read += len(chunk)
        sheet_summary.rows_read += len(chunk)
        writer.write(table.sheet, chunk, summary)
        if progress:
            progress(summary.rows_read)


def _parse_workers() -> int:
    """How many processes parse a large file: one per core, at most two. The writer (and, on
    the same machine, the database server) needs a core too, but parsing is about half of the
    work, and two workers keep it ahead when the scheduler gives one of them less."""
    return max(1, min(_MAX_PARSE_WORKERS, os.cpu_count() or 1))


def _reason_kind(problems: Sequence[str]) -> str:
    """The headline of a quarantine reason, for the summary table ("date", "no name", …)."""
    first = problems[0]
    return first.split(":", 1)[0] if ":" in first else first


def _sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


# Where a prepared row's values hold what re-import matching reads.
_RAW_JSON = RECORD_VALUE_COLUMNS.index("raw_json")
_SURNAME = RECORD_VALUE_COLUMNS.index("surname")
_GIVEN_NAME = RECORD_VALUE_COLUMNS.index("given_name")
_NAME_KEYS = RECORD_VALUE_COLUMNS.index("name_keys")
_PLACE_TEXT = RECORD_VALUE_COLUMNS.index("place_text")
_PLACE_CODE = RECORD_VALUE_COLUMNS.index("place_code")

# A row as the writer knows it across imports: (sheet, "id" or "digest", value, repeat).
_RowKey = tuple[str, str, str, int]


class _KnownSheet:
    """The current records of one sheet, looked up by what they say without their id and by
    name: built only when a re-sent row's own id does not find its record (a renumbered
    sheet, a new row, a changed row in a sheet without ids)."""

    def __init__(self, source: Source, sheet: str, id_key: str | None) -> None:
        self.id_key = id_key
        self.by_content: dict[bytes, list[_RowKey]] = defaultdict(list)
        self.by_name: dict[str, list[_RowKey]] = defaultdict(list)
        counts: Counter[tuple[str, str, str]] = Counter()
        current = Record.objects.filter(
            source=source, sheet=sheet, next_version__isnull=True
        ).order_by("row_number", "pk")
        for rid, raw_text, digest, name_keys in current.values_list(
            "source_record_id", "raw_json", "raw_sha256", "name_keys"
        ).iterator(chunk_size=10_000):
            # The same keys as _RecordWriter.known: counted in the same order.
            base = (sheet, "id", rid) if rid else (sheet, "digest", digest)
            key = (*base, counts[base])
            counts[base] += 1
            if rid:
                self.by_content[self.content_without_id(raw_text)].append(key)
            if name_keys:
                self.by_name[name_keys].append(key)

    def content_without_id(self, raw_text: str) -> bytes:
        """A digest of a row's raw values leaving out the id column, so a row that only got
        another number is recognised."""
        raw = json.loads(raw_text)
        if self.id_key is not None:
            raw.pop(self.id_key, None)
        return hashlib.blake2b(raw_json(raw).encode("utf-8"), digest_size=16).digest()


class _RecordWriter:
    """Writes prepared rows in batches: records, one new person per usable record, memberships
    and fate events, with bulk inserts so memory stays flat whatever the file size.

    Rows are recognised across imports by (sheet, the source's own id) when the row has one,
    else by (sheet, digest of its raw values); the n-th repeat of an id or of identical content
    in a file is matched with the n-th one before, so duplicates are kept and stay stable.
    Volunteers renumber their sheets, so an id is trusted only as far as the name agrees: a
    row whose id is known but whose content changed is that record's new version only when
    the names may match (``names_may_match``); else the row is looked for by its content
    without the id (then it is unchanged, only renumbered), and a changed row is looked for by
    its name, taken only when exactly one current record of the sheet has that name. What is
    left is new: the worst a renumbering can do is a duplicate that linkage joins, never one
    person's timeline mixed into another's.
    Only what the source already holds is remembered (the rows of its current version), so a
    first import of a big file keeps nothing per row.
    """

    def __init__(
        self,
        source: Source,
        batch: ImportBatch,
        reference_date: datetime.date,
        *,
        dry_run: bool,
        only_sheet: str | None = None,
    ) -> None:
        self.source = source
        self.batch = batch
        self.dry_run = dry_run
        # Only the current versions (those not superseded) of what the source holds count.
        current = Record.objects.filter(source=source, next_version__isnull=True).order_by(
            "sheet", "row_number", "pk"
        )
        if only_sheet is not None:
            # Importing one sheet of a workbook says nothing about the others' rows.
            current = current.filter(sheet=only_sheet)
        self.known: dict[_RowKey, tuple[int, str]] = {}
        counts: Counter[tuple[str, str, str]] = Counter()
        for pk, sheet, rid, digest in current.values_list(
            "pk", "sheet", "source_record_id", "raw_sha256"
        ).iterator(chunk_size=10_000):
            base = (sheet, "id", rid) if rid else (sheet, "digest", digest)
            self.known[(*base, counts[base])] = (pk, digest)
            counts[base] += 1
        # A row whose (sheet, id or digest) the source never had is new whatever its repeat
        # count, so repeats are counted for these bases only.
        self.known_bases = set(counts)
        self.known_sheets = {base[0] for base in counts}
        self.occurrences: Counter[tuple[str, str, str]] = Counter()
        self.seen: set[_RowKey] = set()
        self.id_keys: dict[str, str | None] = {}
        self.by_sheet: dict[str, _KnownSheet] = {}
        # Records of unchanged rows that state no fate: the list's fate may be new to them.
        self.unchanged_without_fate: list[int] = []
        self.change: LinkChange | None = None
        self.bulk = BulkWriter()
        #: Ids of the records this import wrote, for its audit entry.
        self.written: list[int] = []
        # Stored once: the same for every row of the import.
        self.now = stored_value(timezone.now())
        self.reported = stored_value(reference_date)

    def begin_sheet(self, sheet: str, id_key: str | None) -> None:
        """Say which raw column holds the source's own ids in the sheet about to be written."""
        self.id_keys[sheet] = id_key

    def count_vanished(self) -> int:
        """Rows of the previous version that this file no longer has (flagged, not deleted)."""
        return len(self.known) - len(self.seen)

    def flag_vanished(self) -> None:
        """Mark the rows this file no longer has, and clear the mark of rows that came back."""
        gone = [self.known[k][0] for k in set(self.known) - self.seen]
        back = [self.known[k][0] for k in self.seen]
        for chunk in range(0, len(gone), 1000):
            Record.objects.filter(pk__in=gone[chunk : chunk + 1000]).update(vanished_in=self.batch)
        for chunk in range(0, len(back), 1000):
            Record.objects.filter(
                pk__in=back[chunk : chunk + 1000], vanished_in__isnull=False
            ).update(vanished_in=None)

    def write(self, sheet: str, rows: Sequence[PreparedRow], summary: ImportSummary) -> None:
        """Count the rows into ``summary`` and insert the new ones (and new versions)."""
        # Per row: None when unchanged, else (row, the record it is a new version of).
        outcomes: list[tuple[PreparedRow, int | None] | None] = []
        # Rows whose id or content did not find their record at once, decided after the
        # batch's exact matches have taken theirs: (position, row, key of the id's record).
        unsettled: list[tuple[int, PreparedRow, _RowKey | None]] = []
        known, bases, occurrences, seen = self.known, self.known_bases, self.occurrences, self.seen
        for row in rows:
            if row.problems:
                summary.problems.append((sheet, row.number, "; ".join(row.problems)))
            elif row.values[_PLACE_TEXT] and not row.values[_PLACE_CODE]:
                summary.note_unknown_place(str(row.values[_PLACE_TEXT]))
            if bases and sheet in self.known_sheets:
                rid = row.source_record_id
                base = (sheet, "id", rid) if rid else (sheet, "digest", row.raw_sha256)
                key: _RowKey | None = None
                if base in bases:
                    key = (*base, occurrences[base])
                    occurrences[base] += 1
                    entry = known.get(key)
                    if entry is not None and entry[1] == row.raw_sha256 and key not in seen:
                        seen.add(key)
                        outcomes.append(None)
                        if row.fate_from_list and not row.problems:
                            self.unchanged_without_fate.append(entry[0])
                        continue
                unsettled.append((len(outcomes), row, key if key in known else None))
            outcomes.append((row, None))
        if unsettled:
            self._settle(sheet, unsettled, outcomes)

        new: list[PreparedRow] = []
        previous: list[int | None] = []
        for outcome in outcomes:
            if outcome is None:
                summary.unchanged += 1
                continue
            row, earlier = outcome
            # Counts partition the rows: a quarantined row is written (kept) but counted apart.
            if row.problems:
                summary.quarantined[_reason_kind(row.problems)] += 1
            elif earlier is None:
                summary.imported += 1
            else:
                summary.new_versions += 1
            if row.fate_from_list and not row.problems:
                summary.default_fate_rows += 1
            new.append(row)
            previous.append(earlier)
        if self.dry_run or not new:
            return
        self._insert(sheet, new, previous)

    def _settle(
        self,
        sheet: str,
        unsettled: list[tuple[int, PreparedRow, _RowKey | None]],
        outcomes: list[tuple[PreparedRow, int | None] | None],
    ) -> None:
        """Decide the rows the first pass could not: a new version of the record their id
        names (if the names agree), an unchanged row that was renumbered, a new version of
        the one record with their name, or new (see the class's docstring)."""
        known, seen = self.known, self.seen
        self.bulk.wait_for_checks()
        names: dict[int, str] = {}
        by_id = [known[key][0] for _, _, key in unsettled if key is not None and key not in seen]
        for chunk in _chunks(by_id, 1000):
            names.update(
                (pk, f"{surname} {given}")
                for pk, surname, given in Record.objects.filter(pk__in=chunk).values_list(
                    "pk", "surname", "given_name"
                )
            )
        for position, row, key in unsettled:
            row_name = f"{row.values[_SURNAME]} {row.values[_GIVEN_NAME]}"
            if key is not None and key not in seen:
                pk = known[key][0]
                if names_may_match(row_name, names.get(pk, "")):
                    seen.add(key)
                    outcomes[position] = (row, pk)
                    continue
            lookup = self._known_sheet(sheet)
            if row.source_record_id:
                content = lookup.content_without_id(row.values[_RAW_JSON])
                same = next((k for k in lookup.by_content.get(content, ()) if k not in seen), None)
                if same is not None:
                    seen.add(same)
                    outcomes[position] = None
                    if row.fate_from_list and not row.problems:
                        self.unchanged_without_fate.append(known[same][0])
                    continue
            named = lookup.by_name.get(row.values[_NAME_KEYS], ())
            if len(named) == 1 and named[0] not in seen:
                seen.add(named[0])
                outcomes[position] = (row, known[named[0]][0])

    def _known_sheet(self, sheet: str) -> _KnownSheet:
        lookup = self.by_sheet.get(sheet)
        if lookup is None:
            lookup = self.by_sheet[sheet] = _KnownSheet(self.source, sheet, self.id_keys.get(sheet))
        return lookup

    def finish(self) -> None:
        """Wait for the database to be done with the rows written (before using it again)."""
        self.bulk.wait_for_checks()

    def _insert(self, sheet: str, rows: list[PreparedRow], previous: list[int | None]) -> None:
        """Write new rows with their persons, memberships and fate events, in bulk.

        A new version joins the person of the version it replaces; a new usable row gets a
        person of its own until linkage decides otherwise; a quarantined row joins no one.
        Parents are written before the rows that refer to them (persons, records, then
        memberships and fate events), so every foreign key points at a row already there.
        Every row is built before the first write: on PostgreSQL that work overlaps the
        server's checks of the previous batch.
        """
        bulk = self.bulk
        if self.change is None:
            bulk.wait_for_checks()
            self.change = LinkChange.objects.create(
                kind=LinkChange.Kind.IMPORT,
                actor=self.batch.actor,
                reason=f"import of {self.batch.filename}",
            )
        now = self.now
        inherited: dict[int, int | None] = {}
        if any(earlier is not None for earlier in previous):
            bulk.wait_for_checks()
            inherited = _persons_of([p for p in previous if p is not None])
        person_of: list[int | None] = [None] * len(rows)
        fresh: list[int] = []
        for index, (row, earlier) in enumerate(zip(rows, previous, strict=True)):
            if row.problems:
                continue
            person = inherited.get(earlier) if earlier is not None else None
            if person is None:
                fresh.append(index)
            else:
                person_of[index] = person
        person_rows: list[Sequence[object]] = []
        for index, person_id, public_id in zip(
            fresh, bulk.ids(Person, len(fresh)), new_public_ids(len(fresh)), strict=True
        ):
            person_of[index] = person_id
            person_rows.append((person_id, public_id, rows[index].display_name, now))

        record_ids = bulk.ids(Record, len(rows))
        self.written.extend(record_ids)
        source_id, batch_id = self.source.pk, self.batch.pk
        record_rows = [
            (
                record_id,
                source_id,
                batch_id,
                sheet,
                row.number,
                earlier,
                person_id,
                now,
                *row.values,
            )
            for record_id, row, earlier, person_id in zip(
                record_ids, rows, previous, person_of, strict=True
            )
        ]
        placed = [
            (record_id, person_id, row)
            for record_id, person_id, row in zip(record_ids, person_of, rows, strict=True)
            if person_id is not None
        ]
        change_id = self.change.pk
        membership_rows = [(record_id, person_id, change_id) for record_id, person_id, _ in placed]
        with_fate = [item for item in placed if item[2].fate]
        event_ids = bulk.ids(FateEvent, len(with_fate))
        reported = self.reported
        event_rows = [
            (
                event_id,
                person_id,
                row.fate,
                row.event_date or reported,
                _BY_EVENT if row.event_date else _BY_REPORT,
                reported,
                FATE_RANK.get(row.fate, 0),
            )
            for event_id, (_, person_id, row) in zip(event_ids, with_fate, strict=True)
        ]
        citation_rows = [
            (event_id, record_id)
            for event_id, (record_id, _, _) in zip(event_ids, with_fate, strict=True)
        ]

        # A random public id may be taken (a million ids collide with odds of about 1 in
        # 2,000): those persons are inserted again with other public ids.
        while person_rows:
            taken = bulk.insert_unless_taken(
                Person, PERSON_COLUMNS, person_rows, unique="public_id"
            )
            fresh_ids = new_public_ids(len(taken))
            person_rows = [(row[0], fresh_ids.pop(), *row[2:]) for row in taken]
        bulk.insert(Record, RECORD_COLUMNS, record_rows)
        bulk.insert(Membership, ("record_id", "person_id", "opened_by_id"), membership_rows)
        bulk.insert(FateEvent, FATE_EVENT_COLUMNS, event_rows)
        bulk.insert(FateEvent.records.through, ("fateevent_id", "record_id"), citation_rows)
        bulk.check_constraints()
        versioned = {person_of[i] for i, earlier in enumerate(previous) if earlier is not None}
        if versioned:
            bulk.wait_for_checks()
            refresh_persons(p for p in versioned if p is not None)


def _persons_of(record_ids: Sequence[int]) -> dict[int, int | None]:
    """The person each of these records belongs to."""
    return dict(Record.objects.filter(pk__in=record_ids).values_list("pk", "person_id"))


PERSON_COLUMNS = ("id", "public_id", "display_name", "created_at")
FATE_EVENT_COLUMNS = ("id", "person_id", "fate", "on_date", "date_basis", "reported_on", "rank")
_BY_EVENT = FateEvent.DateBasis.EVENT.value
_BY_REPORT = FateEvent.DateBasis.REPORTED.value
RECORD_COLUMNS = (
    "id",
    "source_id",
    "import_batch_id",
    "sheet",
    "row_number",
    "previous_version_id",
    "person_id",
    "created_at",
    *RECORD_VALUE_COLUMNS,
)


def _event_for(record: Record, reported_on: datetime.date) -> FateEvent:
    assert record.person_id is not None, "only records in a person have fate events"
    basis = FateEvent.DateBasis.EVENT if record.event_date else FateEvent.DateBasis.REPORTED
    return FateEvent(
        person_id=record.person_id,
        fate=record.fate,
        on_date=record.event_date or reported_on,
        date_basis=basis,
        reported_on=reported_on,
        rank=FATE_RANK.get(record.fate, 0),
    )


def _display_name(record: Record) -> str:
    return record.full_name or " ".join(
        p for p in (record.surname, record.given_name, record.patronymic) if p
    )


# --- one record at a time (a report turned into a record by triage) ------------------------


def add_record(
    *,
    source_name: str,
    values: Mapping[str, str],
    source_record_id: str,
    reported_on: datetime.date,
    raw: Mapping[str, str] | None = None,
    actor: str = "",
) -> Record:
    """Add one record to a source, parsed like a spreadsheet row whose headers are the keys
    of ``values`` (kk/ru/en headers or the field names of ``tizim.core.headers``).

    ``raw``, when given, is what the source said, kept as the record's raw values in place of
    ``values`` (an article's sentence, of which ``values`` are a reviewer's reading).

    The record gets a person of its own (linkage joins it to others later) unless it is
    quarantined, like an imported row. ``source_record_id`` must be new in the source: a
    record is never overwritten.
    """
    headers = list(values)
    cells = [str(values[h]) for h in headers]
    column_map = column_map_for(headers, {h: h for h in headers if h in FIELDS})
    parsed = parse_row(headers, cells, column_map, reference_date=reported_on)
    with transaction.atomic():
        source = Source.objects.select_for_update().filter(name=source_name).first()
        if source is None:
            raise RegistryError(f"no such source '{source_name}'")
        if Record.objects.filter(source=source, source_record_id=source_record_id).exists():
            raise RegistryError(f"source '{source_name}' already has a record '{source_record_id}'")
        last_row = Record.objects.filter(source=source).order_by("-row_number").first()
        fields = {k: v for k, v in parsed.fields.items() if k in PARSED_FIELDS}
        record = Record.objects.create(
            source=source,
            row_number=(last_row.row_number if last_row else 0) + 1,
            source_record_id=source_record_id,
            raw_json=parsed.raw_json if raw is None else raw_json(raw),
            raw_sha256=parsed.raw_sha256 if raw is None else raw_digest(raw),
            quarantine_reason=parsed.quarantine_reason,
            parse_problems=list(parsed.problems),
            name_keys=search_keys(str(fields.get("full_name", ""))),
            **fields,
        )
        record_action(
            "record.add",
            actor=actor,
            object_type="record",
            object_id=record.pk,
            details={
                "source": source_name,
                "source_record_id": source_record_id,
                "records": digest_of_records([record.pk]),
            },
        )
        if not record.quarantine_reason:
            move_records(
                [record.pk],
                to_person=None,
                kind=LinkChange.Kind.SPLIT,
                reason="new record",
                actor=actor,
            )
            record.refresh_from_db()
    return record


# --- persons: membership changes -------------------------------------------------------------


def move_records(
    record_ids: Sequence[int],
    *,
    to_person: Person | None,
    kind: str = LinkChange.Kind.MOVE,
    reason: str = "",
    actor: str = "",
) -> LinkChange:
    """Move records to a person (``None``: to a new person of their own), as one change.

    Old memberships are closed, not deleted, so the change can be undone.
    """
    with transaction.atomic():
        records = list(Record.objects.select_for_update().filter(pk__in=record_ids))
        if len(records) != len(set(record_ids)):
            raise RegistryError("some of the records to move do not exist")
        if any(r.quarantine_reason for r in records):
            raise RegistryError("a quarantined record joins no person until its problem is fixed")
        target = to_person or Person.objects.create()
        change = LinkChange.objects.create(kind=kind, reason=reason, actor=actor)
        _reassign({r.pk: target.pk for r in records}, change)
        record_action(
            f"person.{kind}",
            actor=actor,
            object_type="link_change",
            object_id=change.pk,
            details={
                "records": sorted(record_ids),
                "to_person": target.public_id,
                "reason": reason,
            },
        )
    return change


def apply_clusters(
    clusters: Iterable[Sequence[int]], *, reason: str = "", actor: str = ""
) -> LinkChange | None:
    """Make persons exactly the given clusters of records, as one undoable change: clusters
    are joined and records a cluster leaves out are split off.

    Each cluster keeps the person that holds most of its records (bigger clusters choose
    first), so public ids stay as stable as the clustering allows; a cluster whose records'
    persons are all taken gets a new person. Records not named in any cluster are untouched.
    """
    with transaction.atomic():
        wanted = sorted((list(c) for c in clusters if c), key=len, reverse=True)
        current: dict[int, int | None] = {}
        for chunk in _chunks([r for c in wanted for r in c], 5000):
            current.update(Record.objects.filter(pk__in=chunk).values_list("pk", "person_id"))
        taken: set[int] = set()
        moves: dict[int, int] = {}
        for cluster in wanted:
            held = Counter(current[r] for r in cluster if current.get(r) is not None)
            # ties go to the older person, so a re-run with the same clusters moves nothing
            choices = sorted(held.items(), key=lambda kv: (-kv[1], kv[0]))
            target = next((p for p, _ in choices if p not in taken), None)
            if target is None:
                if all(current.get(r) is None for r in cluster):
                    continue  # quarantined or unknown records: not ours to place
                target = Person.objects.create().pk
            taken.add(target)
            for record_id in cluster:
                if current.get(record_id) is not None and current[record_id] != target:
                    moves[record_id] = target
        if not moves:
            return None
        change = LinkChange.objects.create(kind=LinkChange.Kind.LINK, reason=reason, actor=actor)
        _reassign(moves, change)
        record_action(
            "person.link",
            actor=actor,
            object_type="link_change",
            object_id=change.pk,
            details={"records_moved": len(moves), "reason": reason},
        )
    return change


def _chunks(items: Sequence[int], size: int) -> Iterator[Sequence[int]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _reassign(moves: dict[int, int], change: LinkChange) -> None:
    """Close the current memberships of the records in ``moves`` and open new ones with the
    given persons, in bulk; then refresh every person touched."""
    before = dict(Record.objects.filter(pk__in=list(moves)).values_list("pk", "person_id"))
    moving = [r for r, p in moves.items() if before.get(r) != p]
    if not moving:
        return
    Membership.objects.filter(record_id__in=moving, closed_by__isnull=True).update(closed_by=change)
    Membership.objects.bulk_create(
        [Membership(record_id=r, person_id=moves[r], opened_by=change) for r in moving]
    )
    by_person: dict[int, list[int]] = defaultdict(list)
    for r in moving:
        by_person[moves[r]].append(r)
    for person_id, record_ids in by_person.items():
        Record.objects.filter(pk__in=record_ids).update(person_id=person_id)
    touched = {moves[r] for r in moving} | {before[r] for r in moving if before.get(r)}
    refresh_persons(touched)


def merge_persons(keep: Person, absorb: Person, *, reason: str = "", actor: str = "") -> LinkChange:
    """Put all records of ``absorb`` into ``keep`` (reversible with ``undo_change``)."""
    if keep.pk == absorb.pk:
        raise RegistryError("a person cannot be merged with itself")
    ids = list(absorb.records.values_list("pk", flat=True))
    return move_records(ids, to_person=keep, kind=LinkChange.Kind.MERGE, reason=reason, actor=actor)


def split_records(record_ids: Sequence[int], *, reason: str = "", actor: str = "") -> LinkChange:
    """Take records out of their person into a new person (reversible with ``undo_change``)."""
    return move_records(
        record_ids, to_person=None, kind=LinkChange.Kind.SPLIT, reason=reason, actor=actor
    )


def undo_change(change: LinkChange, *, reason: str = "", actor: str = "") -> LinkChange:
    """Reverse a membership change: its records go back to where they were before it.

    Refused when a later change moved those records again (undo that one first), so an undo
    never silently overrides a later decision.
    """
    with transaction.atomic():
        change = LinkChange.objects.select_for_update().get(pk=change.pk)
        if change.undone_by_id is not None:
            raise RegistryError(f"change #{change.pk} was already undone")
        opened = list(change.opened.select_related("record"))
        if any(m.closed_by_id is not None for m in opened):
            raise RegistryError(
                f"records of change #{change.pk} were moved again later; undo the later change"
            )
        undo = LinkChange.objects.create(
            kind=LinkChange.Kind.UNDO, reason=reason or f"undo #{change.pk}", actor=actor
        )
        previous = {m.record_id: m.person_id for m in change.closed.all()}
        touched: set[int] = set()
        for membership in opened:
            record = membership.record
            touched.add(membership.person_id)
            membership.closed_by = undo
            membership.save(update_fields=["closed_by"])
            back_to = previous.get(record.pk)
            if back_to is None:
                raise RegistryError(f"record {record.pk} had no person before change #{change.pk}")
            Membership.objects.create(record=record, person_id=back_to, opened_by=undo)
            record.person_id = back_to
            record.save(update_fields=["person"])
            touched.add(back_to)
        change.undone_by = undo
        change.save(update_fields=["undone_by"])
        refresh_persons(touched)
        record_action(
            "person.undo",
            actor=actor,
            object_type="link_change",
            object_id=undo.pk,
            details={"undoes": change.pk},
        )
    return undo


def refresh_persons(person_ids: Iterable[int]) -> None:
    """Recompute the derived parts of persons (name shown, fate timeline) from their records."""
    ids = frozenset(person_ids)
    for person in Person.objects.filter(pk__in=list(ids)):
        rebuild_fate_timeline(person)
        names = Counter(_display_name(r) for r in person.records.all() if _display_name(r))
        best = max(names.items(), key=lambda kv: (kv[1], len(kv[0])))[0] if names else ""
        if best != person.display_name:
            person.display_name = best
            person.save(update_fields=["display_name"])
    persons_refreshed.send(sender=Person, person_ids=ids)


def rebuild_fate_timeline(person: Person) -> None:
    """Derive the person's fate events from its records: one event per (fate, date), citing
    every record that states it."""
    person.fate_events.all().delete()
    grouped: dict[tuple[str, datetime.date, str], list[Record]] = defaultdict(list)
    reported: dict[tuple[str, datetime.date, str], datetime.date] = {}
    for record in person.records.select_related("source", "import_batch").filter(fate__gt=""):
        reported_on = _reported_on(record)
        event = _event_for(record, reported_on)
        key = (event.fate, event.on_date, event.date_basis)
        grouped[key].append(record)
        reported[key] = min(reported.get(key, reported_on), reported_on)
    for (fate, on_date, basis), records in grouped.items():
        event = FateEvent.objects.create(
            person=person,
            fate=fate,
            on_date=on_date,
            date_basis=basis,
            reported_on=reported[(fate, on_date, basis)],
            rank=FATE_RANK.get(fate, 0),
        )
        event.records.set(records)


def _reported_on(record: Record) -> datetime.date:
    if record.import_batch is not None and record.import_batch.obtained_on:
        return record.import_batch.obtained_on
    if record.source.obtained_on:
        return record.source.obtained_on
    if record.import_batch is not None:
        return timezone.localdate(record.import_batch.started_at)
    return timezone.localdate(record.created_at)


# --- claims --------------------------------------------------------------------------------


def record_claim(
    *,
    claimant: str,
    counted: str,
    value: int,
    as_of: datetime.date,
    fate: str = "",
    measure: str = Claim.Measure.EVER,
    qualifier: str = Claim.Qualifier.EXACT,
    stated_on: datetime.date | None = None,
    source: Source | None = None,
    quote: str = "",
    status: str = Claim.Status.STANDING,
    status_note: str = "",
    region: str = "",
    actor: str = "",
) -> Claim:
    """Keep a figure stated by someone, with where and when it was stated."""
    if fate and fate not in {f.value for f in Fate}:
        raise RegistryError(f"unknown fate '{fate}'")
    if measure not in Claim.Measure.values:
        raise RegistryError(
            f"unknown measure '{measure}'; choose from {', '.join(Claim.Measure.values)}"
        )
    with transaction.atomic():
        claim = Claim.objects.create(
            claimant=claimant,
            counted=counted,
            value=value,
            as_of=as_of,
            fate=fate,
            measure=measure,
            qualifier=qualifier,
            stated_on=stated_on,
            source=source,
            quote=quote,
            status=status,
            status_note=status_note,
            region=region,
        )
        record_action(
            "claim.create",
            actor=actor,
            object_type="claim",
            object_id=claim.pk,
            details={"claimant": claimant, "value": value, "counted": counted},
        )
    return claim


# --- restoring an export -------------------------------------------------------------------

EXPORT_MARKERS = frozenset({"source", "row", "person", "raw"})
_DATE_FIELDS = ("birth_date", "event_date")
_INT_FIELDS = ("birth_year_min", "birth_year_max")


def is_tizim_export(path: Path) -> bool:
    """Whether a file is a records export of tizim (it carries source, row, person, raw)."""
    try:
        first = next(_export_rows(path), None)
    except ParseError:
        return False
    return first is not None and set(first[1]) >= EXPORT_MARKERS


def _export_rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ParseError(f"no such file: {path}") from None
        except (OSError, ValueError) as exc:
            raise ParseError(f"{path.name} is not valid JSON: {exc}") from None
        if not isinstance(data, list):
            raise ParseError(f"{path.name}: a records export is a JSON array of records")
        for index, item in enumerate(data, start=1):
            if not isinstance(item, dict):
                raise ParseError(f"{path.name}: element {index} is not a record")
            yield (
                index,
                {
                    key: (json.dumps(value, ensure_ascii=False) if key == "raw" else str(value))
                    if value is not None
                    else ""
                    for key, value in item.items()
                },
            )
        return
    table = open_tables(path)[0]
    # A CSV export quoted its formula-like cells; an XLSX export wrote them as string cells.
    unquote = restore_csv_cell if table.delimiter else str
    for row in table.rows:
        yield row.number, dict(zip(table.headers, map(unquote, row.cells), strict=False))


def restore_export(path: Path, *, actor: str = "", dry_run: bool = False) -> ImportSummary:
    """Import a records export (CSV, XLSX or JSON) as it was: the same sources, sheets, rows,
    raw values, parsed fields, persons (by their public ids), versions and quarantine.

    Records already present (same source, sheet, row and raw values) are counted unchanged, so
    restoring into the instance that made the export changes nothing. A malformed export row
    stops the restore with its row number; nothing is written then.
    """
    summary = ImportSummary(source="(from the export)", filename=path.name, dry_run=dry_run)
    with transaction.atomic():
        sources = {s.name: s for s in Source.objects.all()}
        persons = dict(Person.objects.values_list("public_id", "pk"))
        existing = set(
            Record.objects.values_list("source__name", "sheet", "row_number", "raw_sha256")
        )
        change = LinkChange(
            kind=LinkChange.Kind.IMPORT, actor=actor, reason=f"restore of {path.name}"
        )
        batches: dict[tuple[str, str], ImportBatch] = {}
        created: list[tuple[Record, dict[str, str]]] = []
        for number, row in _export_rows(path):
            summary.rows_read += 1
            record = _record_from_export(number, row)
            name = row["source"].strip()
            key = (name, record.sheet, record.row_number, record.raw_sha256)
            if key in existing:
                summary.unchanged += 1
                continue
            existing.add(key)
            if record.quarantine_reason:
                summary.quarantined[_reason_kind(record.parse_problems)] += 1
            elif row.get("version", "1") not in ("", "1"):
                summary.new_versions += 1
            else:
                summary.imported += 1
            if dry_run:
                continue
            if name not in sources:
                kind = row.get("source_kind", "")
                sources[name] = create_source(
                    name,
                    kind=kind if kind in Source.Kind.values else Source.Kind.OTHER,
                    language=row.get("source_language", ""),
                    title=row.get("source_title", ""),
                    default_fate=row.get("source_default_fate", ""),
                    actor=actor,
                )
            record.source = sources[name]
            reported = row.get("reported_on", "")
            if (name, reported) not in batches:
                batches[(name, reported)] = ImportBatch.objects.create(
                    source=record.source,
                    filename=path.name,
                    file_sha256=_sha256_of(path),
                    actor=actor,
                    obtained_on=_date_or_none(reported, number, "reported_on"),
                    finished_at=timezone.now(),
                )
            record.import_batch = batches[(name, reported)]
            public_id = row["person"].strip()
            if public_id and not record.quarantine_reason:
                if public_id not in persons:
                    persons[public_id] = Person.objects.create(public_id=public_id).pk
                record.person_id = persons[public_id]
            if row.get("vanished") == "yes":
                record.vanished_in = record.import_batch
            created.append((record, row))
        if dry_run:
            transaction.set_rollback(True)
            return summary
        Record.objects.bulk_create([r for r, _ in created], batch_size=2000)
        _relink_versions(created)
        placed = [r for r, _ in created if r.person_id is not None]
        if placed:
            change.save()
            Membership.objects.bulk_create(
                [
                    Membership(record_id=r.pk, person_id=r.person_id, opened_by=change)
                    for r in placed
                    if r.person_id is not None
                ],
                batch_size=2000,
            )
            refresh_persons({r.person_id for r in placed if r.person_id is not None})
        record_action(
            "records.restore",
            actor=actor,
            object_type="import",
            object_id=path.name,
            details={
                "rows_read": summary.rows_read,
                "restored": len(created),
                "unchanged": summary.unchanged,
                "records": digest_of_records(r.pk for r, _ in created),
            },
        )
    return summary


def _record_from_export(number: int, row: Mapping[str, str]) -> Record:
    missing = EXPORT_MARKERS - set(row)
    if missing:
        raise ParseError(f"row {number}: not a tizim export (no {', '.join(sorted(missing))})")
    try:
        raw = json.loads(row["raw"])
        row_number = int(row["row"])
    except (ValueError, TypeError):
        raise ParseError(f"row {number}: the raw values or the row number are damaged") from None
    if not isinstance(raw, dict) or not row["source"].strip():
        raise ParseError(f"row {number}: the raw values or the source are damaged")
    fields: dict[str, object] = {}
    for name in PARSED_FIELDS:
        value = row.get(name, "")
        if name in _DATE_FIELDS:
            fields[name] = _date_or_none(value, number, name)
        elif name in _INT_FIELDS:
            fields[name] = int(value) if value.strip().isdigit() else None
        else:
            fields[name] = value
    reason = row.get("quarantine_reason", "")
    fields["name_keys"] = search_keys(str(fields.get("full_name", "")))
    return Record(
        sheet=row.get("sheet", ""),
        row_number=row_number,
        source_record_id=row.get("source_record_id", ""),
        raw_json=json.dumps(raw, ensure_ascii=False),
        raw_sha256=raw_digest(raw),
        quarantine_reason=reason,
        parse_problems=reason.split("; ") if reason else [],
        **fields,
    )


def _date_or_none(text: str, number: int, name: str) -> datetime.date | None:
    if not text.strip():
        return None
    try:
        return datetime.date.fromisoformat(text.strip())
    except ValueError:
        raise ParseError(f"row {number}: {name} is not an ISO date: {text!r}") from None


def _relink_versions(created: Sequence[tuple[Record, Mapping[str, str]]]) -> None:
    """Chain the versions of one source row again (version 1 → 2 → …): by each row's
    ``previous_version`` ("row:digest" of the version it replaced, within its source and
    sheet), or, in exports made before that column, by the source's id."""
    if created and "previous_version" in created[0][1]:
        _relink_by_previous(created)
        return
    chains: dict[tuple[int, str, str], list[tuple[int, Record]]] = defaultdict(list)
    for record, row in created:
        version = row.get("version", "1")
        if record.source_record_id and version.isdigit():
            key = (record.source.pk, record.sheet, record.source_record_id)
            chains[key].append((int(version), record))
    relinked = []
    for versions in chains.values():
        versions.sort(key=lambda item: item[0])
        for (_, older), (_, newer) in itertools.pairwise(versions):
            newer.previous_version_id = older.pk
            relinked.append(newer)
    Record.objects.bulk_update(relinked, ["previous_version"], batch_size=1000)


_PREVIOUS_VERSION = re.compile(r"(\d+):([0-9a-f]{16})")


def _relink_by_previous(created: Sequence[tuple[Record, Mapping[str, str]]]) -> None:
    by_position = {
        (r.source_id, r.sheet, f"{r.row_number}:{r.raw_sha256[:16]}"): r for r, _ in created
    }
    taken: set[int] = set()
    relinked = []
    for record, row in created:
        match = _PREVIOUS_VERSION.fullmatch((row.get("previous_version") or "").strip())
        if match is None:
            continue
        older = by_position.get((record.source_id, record.sheet, match.group(0)))
        if older is None:
            # The version it replaced was already here (a restore into the same instance).
            older = (
                Record.objects.filter(
                    source_id=record.source_id,
                    sheet=record.sheet,
                    row_number=int(match.group(1)),
                    raw_sha256__startswith=match.group(2),
                    next_version__isnull=True,
                )
                .order_by("pk")
                .first()
            )
        if older is not None and older.pk != record.pk and older.pk not in taken:
            taken.add(older.pk)
            record.previous_version_id = older.pk
            relinked.append(record)
    Record.objects.bulk_update(relinked, ["previous_version"], batch_size=1000)
