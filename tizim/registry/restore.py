"""Restoring a tizim records export (CSV, XLSX or JSON) with its own sources, persons and
versions."""

from __future__ import annotations

import datetime
import itertools
import json
import re
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from tizim.audit.services import record_action
from tizim.core.cells import restore_csv_cell
from tizim.core.errors import ParseError
from tizim.core.files import sha256_of_file
from tizim.core.rows import (
    PARSED_FIELDS,
    raw_digest,
    search_keys,
)
from tizim.core.tables import open_tables
from tizim.registry.import_summary import ImportSummary, quarantine_reason_kind
from tizim.registry.integrity import digest_of_records
from tizim.registry.models import (
    ImportBatch,
    LinkChange,
    Membership,
    Person,
    Record,
    Source,
)
from tizim.registry.sources import create_source
from tizim.registry.timeline import refresh_persons

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
                summary.quarantined[quarantine_reason_kind(record.parse_problems)] += 1
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
                    file_sha256=sha256_of_file(path),
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
