"""What the audit log vouches for in the registry: each record as it was written, and the
trigger that keeps raw values immutable.

Every service that writes records puts, in its audit entry, which records it wrote (as ranges
of ids) and a digest of their identity and parsed fields. The audit entry is keyed (HMAC), so
whoever edits a record's fields or deletes a record in the database cannot make the entry
agree again. Parsed fields are never updated by a service, so each record's audited digest is
the one of the entry that wrote it.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import connection

from tizim.audit.models import AuditEntry
from tizim.core.rows import PARSED_FIELDS
from tizim.registry.models import Record
from tizim.registry.triggers import raw_immutability_trigger_present

#: What a record's digest covers: who it is (source, sheet, row, raw values) and what was
#: read from it. Not the person it belongs to, which linkage changes by design.
DIGESTED_FIELDS: tuple[str, ...] = (
    "id",
    "source_id",
    "import_batch_id",
    "sheet",
    "row_number",
    "source_record_id",
    "raw_sha256",
    *PARSED_FIELDS,
    "name_keys",
    "parse_problems",
    "quarantine_reason",
)
_RANGES_PER_QUERY = 200


def _iso(value: object) -> str:
    if isinstance(value, datetime.date):
        return value.isoformat()
    raise TypeError(f"no canonical form for {type(value).__name__}")


def id_ranges(ids: Iterable[int]) -> list[list[int]]:
    """Sorted ids as inclusive ``[first, last]`` runs (a million imported rows: a few runs)."""
    runs: list[list[int]] = []
    for pk in sorted(ids):
        if runs and pk == runs[-1][1] + 1:
            runs[-1][1] = pk
        else:
            runs.append([pk, pk])
    return runs


_PROBLEMS = DIGESTED_FIELDS.index("parse_problems")


def _records_in(ranges: Sequence[Sequence[int]]) -> Iterator[tuple[Any, ...]]:
    # Read through the cursor: at a million imported rows the ORM's conversions of each value
    # were most of the digest's time. Both backends give dates as dates; the problems come as
    # JSON text from SQLite and as a list from PostgreSQL.
    columns = ", ".join(f'"{name}"' for name in DIGESTED_FIELDS)
    table = Record._meta.db_table
    for start in range(0, len(ranges), _RANGES_PER_QUERY):
        chunk = ranges[start : start + _RANGES_PER_QUERY]
        where = " OR ".join(["id BETWEEN %s AND %s"] * len(chunk))
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {columns} FROM {table} WHERE {where} ORDER BY id",  # noqa: S608
                [bound for pair in chunk for bound in pair],
            )
            while rows := cursor.fetchmany(5000):
                for row in rows:
                    problems = row[_PROBLEMS]
                    if isinstance(problems, str):
                        row = (*row[:_PROBLEMS], json.loads(problems), *row[_PROBLEMS + 1 :])
                    yield row


@dataclass(frozen=True)
class RecordsDigest:
    """The records an audit entry vouches for and the digest of their fields."""

    ranges: list[list[int]]
    count: int
    digest: str
    ids: list[int] = field(default_factory=list, compare=False)

    def details(self) -> dict[str, Any]:
        """For the audit entry's details."""
        return {"ranges": self.ranges, "count": self.count, "digest": self.digest}


def digest_records(ranges: Sequence[Sequence[int]], *, keep_ids: bool = False) -> RecordsDigest:
    """The digest of the records whose ids lie in ``ranges``, as they are now."""
    hasher = hashlib.sha256()
    count = 0
    ids: list[int] = []
    for row in _records_in(ranges):
        # The ORM gives the same Python values on SQLite and PostgreSQL (dates as dates, the
        # problems as a list), so one JSON form serves both.
        hasher.update(json.dumps(row, default=_iso, ensure_ascii=False).encode("utf-8") + b"\n")
        count += 1
        if keep_ids:
            ids.append(row[0])
    return RecordsDigest([list(r) for r in ranges], count, hasher.hexdigest(), ids)


def digest_of_records(ids: Iterable[int]) -> dict[str, Any]:
    """What a service puts under ``records`` in the audit entry of the records it wrote."""
    return digest_records(id_ranges(ids)).details()


@dataclass
class IntegrityReport:
    """What ``verify_records`` found."""

    checked_entries: int = 0
    checked_records: int = 0
    trigger_present: bool = True
    problems: list[str] = field(default_factory=list)


def verify_records() -> IntegrityReport:
    """Check every record-writing audit entry against the records as they are now, and that the
    raw-value trigger exists."""
    report = IntegrityReport()
    entries = AuditEntry.objects.filter(details__has_key="records").order_by("id")
    for entry in entries.iterator(chunk_size=200):
        audited = entry.details.get("records")
        if entry.action == "linkage.run" and isinstance(audited, int):
            continue  # how many records a linkage run read: it writes none (the log is keyed)
        if not isinstance(audited, dict) or "ranges" not in audited:
            report.problems.append(f"entry #{entry.pk} ({entry.action}): unreadable record list")
            continue
        report.checked_entries += 1
        _check_entry(entry, audited, report)
    report.trigger_present = raw_immutability_trigger_present(connection.alias)
    if not report.trigger_present:
        report.problems.append(
            "the database trigger that keeps raw values immutable (registry_record_raw_immutable) "
            "is missing or disabled: raw values could have been changed ('tizim init' or "
            "'migrate' re-creates it)"
        )
    return report


def _check_entry(entry: AuditEntry, audited: dict[str, Any], report: IntegrityReport) -> None:
    now = digest_records(audited["ranges"], keep_ids=True)
    report.checked_records += now.count
    what = f"entry #{entry.pk} ({entry.action} {entry.object_type} {entry.object_id})".strip()
    if now.count < int(audited.get("count", 0)):
        present = set(now.ids)
        missing = [
            pk
            for first, last in audited["ranges"]
            for pk in range(first, last + 1)
            if pk not in present
        ]
        shown = ", ".join(f"#{pk}" for pk in missing[:10]) + (" …" if len(missing) > 10 else "")
        report.problems.append(
            f"{what}: {len(missing) or int(audited['count']) - now.count} audited record(s) "
            f"deleted ({shown})"
        )
    elif now.digest != audited.get("digest"):
        report.problems.append(
            f"{what}: the fields of its {now.count} record(s) (ids {_describe(audited['ranges'])})"
            " were changed after they were written"
        )


def _describe(ranges: Sequence[Sequence[int]]) -> str:
    parts = [f"{a}" if a == b else f"{a}–{b}" for a, b in ranges[:5]]
    return ", ".join(parts) + (" …" if len(ranges) > 5 else "")
