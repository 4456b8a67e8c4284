"""Adding one record at a time: a report or an article turned into a record by a reviewer."""

from __future__ import annotations

import datetime
from collections.abc import Mapping

from django.conf import settings
from django.db import transaction

from tizim.audit.services import record_action
from tizim.core.headers import FIELDS
from tizim.core.rows import (
    PARSED_FIELDS,
    parse_row,
    raw_digest,
    raw_json,
    search_keys,
)
from tizim.registry.errors import RegistryError
from tizim.registry.importing import column_map_for
from tizim.registry.integrity import digest_of_records
from tizim.registry.membership import move_records
from tizim.registry.models import (
    LinkChange,
    Record,
    Source,
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
    parsed = parse_row(
        headers,
        cells,
        column_map,
        reference_date=reported_on,
        events_begin=settings.TIZIM_EVENTS_BEGIN,
    )
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
