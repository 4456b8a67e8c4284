"""Importing a spreadsheet: sample it, map its columns, write its rows as records with one new
person each, and sum up what was kept, changed and quarantined.

A record's raw values are written once and never changed; the rows themselves are written by
``record_writer``."""

from __future__ import annotations

import contextlib
import datetime
import itertools
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from tizim.audit.services import record_action
from tizim.core.columns import refuse_without_names, with_date_order, with_name_column
from tizim.core.files import sha256_of_file
from tizim.core.headers import FIELDS, find_header, map_headers
from tizim.core.rows import (
    ParsedRow,
    parse_row,
    prepare_rows,
    raw_values,
)
from tizim.core.tables import Table, close_tables, open_tables
from tizim.registry.bulk import in_chunks
from tizim.registry.errors import RegistryError
from tizim.registry.import_summary import ImportSummary, SheetSummary
from tizim.registry.integrity import digest_of_records
from tizim.registry.models import (
    ImportBatch,
    Record,
    Source,
)
from tizim.registry.record_writer import RecordWriter
from tizim.registry.sources import list_fate
from tizim.registry.timeline import refresh_persons

_BATCH = 5000
# Files above this size are parsed in worker processes: starting them costs about a second.
_PARALLEL_BYTES = 2 * 1024 * 1024
_MAX_PARSE_WORKERS = 2

# --- import --------------------------------------------------------------------------------


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
                    events_begin=settings.TIZIM_EVENTS_BEGIN,
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
        chosen = [
            index
            for index, header in enumerate(table.headers)
            if any(f and find_header([header], w) == 0 for w, f in (mapping or {}).items())
        ]
        columns = with_name_column(table, column_map_for(table.headers, mapping), ignored)
        column_maps.append(with_date_order(table, columns, chosen))
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
    source = _source_named(source_name)
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
    file_sha256 = sha256_of_file(path)
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
        writer = RecordWriter(
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
        _finish_batch(batch, summary, writer, actor=actor)
    return summary


def _source_named(name: str) -> Source:
    """The source called ``name``, or a refusal that lists the known ones and says how to add it."""
    source = Source.objects.filter(name=name).first()
    if source is None:
        known = ", ".join(Source.objects.values_list("name", flat=True)[:20]) or "none yet"
        raise RegistryError(
            f"unknown source '{name}' (known: {known}); "
            f"create it first with: tizim source add {name} --kind …"
        )
    return source


def _finish_batch(
    batch: ImportBatch, summary: ImportSummary, writer: RecordWriter, *, actor: str
) -> None:
    """Close a written import: its counts on the batch, rows no longer in the list flagged,
    and one audit entry holding a digest of every record written."""
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
            "source": summary.source,
            "file": batch.filename,
            "sha256": batch.file_sha256,
            "rows_read": summary.rows_read,
            "imported": summary.imported,
            "new_versions": summary.new_versions,
            "unchanged": summary.unchanged,
            "vanished": summary.vanished,
            "quarantined": summary.quarantined_total,
            "default_fate": batch.default_fate,
            "default_fate_rows": summary.default_fate_rows,
            "records": digest_of_records(writer.written),
        },
    )


def _give_list_fate(record_ids: Sequence[int], fate: str, *, dry_run: bool) -> int:
    """Give the list's fate to records imported before it was said (their rows, unchanged,
    state none of their own, so any fate they hold came from the list) and rebuild their
    persons' timelines. Returns how many records it changes (would change, in a dry run)."""
    changed = 0
    persons: set[int] = set()
    for chunk in in_chunks(record_ids, 1000):
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
    detained). The *Import* page says it in its own words (``intake/job.html``): a new kind
    of hint needs words there too."""
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
    writer: RecordWriter,
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
        events_begin=settings.TIZIM_EVENTS_BEGIN,
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
