"""Correcting what was read from a row, and re-admitting a quarantined row once fixed (writes).

A record's raw values are what the source said and never change (docs/decisions/0003), and
the fields the import parsed from them are vouched for by the audit entry that wrote them. So a
correction never edits a record: it writes a **new version** of it — the same raw values, the
corrected reading — whose ``previous_version`` is the record corrected. The new version takes
the old one's place in its person, as one membership change; the old one is kept, set aside in
no person, so the history of what was read, by whom and why, stays whole
(docs/decisions/0020-corrections-where-they-are-seen.md).

* ``correct_record``: staff type a field as they would in a spreadsheet (a date, a status in
  any language, a town); it is read by the importer's own parser (``tizim.core.rows``).
* ``readmit_record``: a quarantined row is fixed (its cells as the source wrote them, edited)
  and read again; if it now reads, its new version joins a person of its own and is linked
  like a newly imported row (``tizim.linkage.incremental``).
* ``undo_correction``: a further version with the reading from before; a re-admitted row goes
  back to quarantine.

Every write is audited, with a digest of the version written (``tizim.registry.integrity``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction

from tizim.accounts.access import Actor, acting_as
from tizim.audit.services import record_action
from tizim.core.headers import FIELDS
from tizim.core.rows import PARSED_FIELDS, ParsedRow, parse_row, search_keys
from tizim.registry.errors import RegistryError
from tizim.registry.importing import column_map_for
from tizim.registry.integrity import digest_of_records
from tizim.registry.models import LinkChange, Membership, Person, Record, RecordCorrection
from tizim.registry.timeline import _reported_on, refresh_persons

#: Who may correct a record or re-admit a quarantined row: it changes what is counted.
CORRECT_PERMISSION = "registry.add_recordcorrection"

#: What a staff member types to correct a record, and the parsed fields each one sets.
CORRECTABLE: dict[str, tuple[str, ...]] = {
    "full_name": ("full_name", "surname", "given_name", "patronymic"),
    "sex": ("sex",),
    "birth_date": ("birth_date", "birth_year_min", "birth_year_max"),
    "place": ("place_text", "place_code"),
    "fate": ("fate",),
    "event_date": ("event_date",),
    "facility": ("facility",),
    "notes": ("notes",),
}
# What the importer's parser needs to read a typed value, beyond the value itself.
_COPIED_FIELDS = ("source_id", "import_batch_id", "sheet", "row_number", "source_record_id")


class CorrectionError(RegistryError):
    """A correction refused, with a message for the person who asked for it."""


def typed_values(record: Record) -> dict[str, str]:
    """A record's reading as a person would type it: the starting values of the form."""
    birth = ""
    if record.birth_date:
        birth = record.birth_date.strftime("%d.%m.%Y")
    elif record.birth_year_min and record.birth_year_min == record.birth_year_max:
        birth = str(record.birth_year_min)
    return {
        "full_name": record.full_name,
        "sex": record.sex,
        "birth_date": birth,
        "place": record.place_text,
        "fate": record.fate,
        "event_date": record.event_date.strftime("%d.%m.%Y") if record.event_date else "",
        "facility": record.facility,
        "notes": record.notes,
    }


def read_typed(record: Record, typed: Mapping[str, str]) -> dict[str, Any]:
    """The parsed fields the ``typed`` values (only those given) give, read as the importer
    reads a row of the record's list. Raises CorrectionError naming what could not be read."""
    unknown = set(typed) - CORRECTABLE.keys()
    if unknown:
        raise CorrectionError(f"these fields cannot be corrected: {', '.join(sorted(unknown))}")
    # The row is read with the record's own name when the name is not corrected: a row
    # without one is no row to the importer.
    context = {"full_name": record.full_name, **typed}
    headers = [name for name in context if name != "sex"]
    cells = [str(context[name]) for name in headers]
    parsed = parse_row(
        headers,
        cells,
        column_map_for(headers, {h: h for h in headers if h in FIELDS}),
        reference_date=_reported_on(record),
        events_begin=settings.TIZIM_EVENTS_BEGIN,
    )
    problems = [p for p in parsed.problems if p != "empty row"]
    if "full_name" in typed and not str(typed["full_name"]).strip():
        problems.append("name: a record needs a name")
    if problems:
        raise CorrectionError("; ".join(problems))
    fields: dict[str, Any] = {}
    for name in typed:
        for field in CORRECTABLE[name]:
            fields[field] = parsed.fields.get(field, None if _is_nullable(field) else "")
    if "sex" in typed:
        sex = str(typed["sex"]).strip()
        if sex not in ("", "m", "f"):
            raise CorrectionError("sex: m, f or blank")
        fields["sex"] = sex
    return fields


def _is_nullable(field: str) -> bool:
    return bool(getattr(Record._meta.get_field(field), "null", False))


def correct_record(
    record: Record, typed: Mapping[str, str], *, actor: Actor, note: str = ""
) -> RecordCorrection:
    """Write a new version of ``record`` whose reading has the ``typed`` values (only the
    fields given change), in its place in its person. Raises CorrectionError when nothing
    changes, a value cannot be read or the record is not the current version of its row;
    PermissionDenied for a user whose role may not correct records."""
    who = acting_as(actor, CORRECT_PERMISSION)
    if record.quarantine_reason:
        raise CorrectionError("a quarantined row is fixed from the quarantine page")
    fields = read_typed(record, typed)
    changes = {
        name: [getattr(record, name), value]
        for name, value in fields.items()
        if getattr(record, name) != value
    }
    if not changes:
        raise CorrectionError("nothing was changed")
    return _new_version(
        record,
        fields,
        kind=RecordCorrection.Kind.CORRECT,
        changes=changes,
        actor=who,
        note=note,
        problems=record.parse_problems,
    )


def raw_cells(record: Record) -> list[tuple[str, str]]:
    """A record's cells as the source wrote them (header, value), the starting values of the
    form that fixes a quarantined row."""
    return list(record.raw.items())


def readmit_record(
    record: Record, cells: Sequence[str], *, actor: Actor, note: str = ""
) -> RecordCorrection:
    """Read a quarantined row again with its ``cells`` fixed (one per raw column, in order)
    and, if it now reads, write its new version, re-admitted in a person of its own (linkage
    then joins it to others). The raw values stay as the source wrote them; what was typed is
    kept in the correction. Raises CorrectionError, naming the problem, when the row still
    cannot be read (nothing is written)."""
    who = acting_as(actor, CORRECT_PERMISSION)
    if not record.quarantine_reason:
        raise CorrectionError("this row is not quarantined")
    headers = [header for header, _ in raw_cells(record)]
    if len(cells) != len(headers):
        raise CorrectionError(f"the row has {len(headers)} cells, not {len(cells)}")
    parsed = _parse_like_import(record, headers, [str(c) for c in cells])
    if parsed.problems:
        raise CorrectionError(f"the row still cannot be read: {parsed.quarantine_reason}")
    changes = {
        header: [before, after]
        for (header, before), after in zip(raw_cells(record), cells, strict=True)
        if before != after
    }
    if not changes and not note:
        raise CorrectionError("nothing was changed: fix the cells the reason names")
    fields = {
        name: parsed.fields.get(name, None if _is_nullable(name) else "") for name in PARSED_FIELDS
    }
    return _new_version(
        record,
        fields,
        kind=RecordCorrection.Kind.READMIT,
        changes=changes,
        actor=who,
        note=note,
        problems=[],
    )


def _parse_like_import(record: Record, headers: list[str], cells: list[str]) -> ParsedRow:
    """Read a row as the import of its list read it: the same columns and the list's fate."""
    batch = record.import_batch
    by_sheet = batch.column_map.get(record.sheet) if batch and batch.column_map else None
    if by_sheet:
        column_map = {int(index): name for index, name in by_sheet.items()}
    else:  # a record added one at a time (a report, an article): headers are field names
        column_map = column_map_for(headers, {h: h for h in headers if h in FIELDS})
    return parse_row(
        headers,
        cells,
        column_map,
        reference_date=_reported_on(record),
        default_fate=batch.default_fate if batch else "",
        events_begin=settings.TIZIM_EVENTS_BEGIN,
    )


def undo_correction(
    correction: RecordCorrection, *, actor: Actor, note: str = ""
) -> RecordCorrection:
    """Take a correction back: a further version with the reading from before it (a
    re-admitted row goes back to quarantine, out of its person). Refused when the corrected
    version was corrected again since (undo that first)."""
    who = acting_as(actor, CORRECT_PERMISSION)
    with transaction.atomic():
        correction = RecordCorrection.objects.select_for_update().get(pk=correction.pk)
        if correction.undone_by_id is not None:
            raise CorrectionError("this correction was already undone")
        if correction.kind == RecordCorrection.Kind.RESTORE:
            raise CorrectionError("an undo is undone by correcting the record again")
        current = correction.corrected
        if Record.objects.filter(previous_version=current).exists():
            raise CorrectionError("the record was corrected again since: undo that first")
        before = correction.original
        fields = {name: getattr(before, name) for name in PARSED_FIELDS}
        restored = _new_version(
            current,
            fields,
            kind=RecordCorrection.Kind.RESTORE,
            changes={
                name: [getattr(current, name), value]
                for name, value in fields.items()
                if getattr(current, name) != value
            },
            actor=who,
            note=note or f"undoes correction #{correction.pk}",
            problems=before.parse_problems,
            quarantine=before.quarantine_reason,
        )
        correction.undone_by = restored
        correction.save(update_fields=["undone_by"])
    return restored


def _new_version(
    record: Record,
    fields: Mapping[str, Any],
    *,
    kind: str,
    changes: dict[str, list[Any]],
    actor: str,
    note: str,
    problems: list[str],
    quarantine: str = "",
) -> RecordCorrection:
    """Write the new version of ``record`` with ``fields`` changed, put it in the record's place
    (a re-admitted row: a person of its own; a row sent back to quarantine: none) and audit it."""
    # As stored and shown: dates as ISO text.
    changes = json.loads(DjangoJSONEncoder().encode(changes))
    with transaction.atomic():
        record = Record.objects.select_for_update().get(pk=record.pk)
        if Record.objects.filter(previous_version=record).exists():
            raise CorrectionError("this is not the current version of the row: reload the page")
        values = {name: getattr(record, name) for name in (*_COPIED_FIELDS, *PARSED_FIELDS)}
        values.update(fields)
        version = Record.objects.create(
            **values,
            raw_json=record.raw_json,
            raw_sha256=record.raw_sha256,
            previous_version=record,
            name_keys=search_keys(str(values["full_name"])),
            parse_problems=list(problems),
            quarantine_reason=quarantine,
        )
        change = _take_place(record, version, quarantined=bool(quarantine), actor=actor)
        version.refresh_from_db()
        correction = RecordCorrection.objects.create(
            kind=kind,
            original=record,
            corrected=version,
            changes=changes,
            note=note,
            actor=actor,
            change=change,
        )
        record_action(
            f"record.{kind}",
            actor=actor,
            object_type="record",
            object_id=version.pk,
            details={
                "replaces": record.pk,
                "changes": changes,
                "note": note,
                "records": digest_of_records([version.pk]),
            },
        )
    return correction


def _take_place(
    record: Record, version: Record, *, quarantined: bool, actor: str
) -> LinkChange | None:
    """Close ``record``'s membership and open ``version``'s in the same person (a new person
    for a row leaving quarantine; none for one going back), as one change."""
    person_id = record.person_id
    if person_id is None and quarantined:
        return None
    change = LinkChange.objects.create(
        kind=LinkChange.Kind.CORRECT,
        actor=actor,
        reason=f"record {record.pk} replaced by its corrected version {version.pk}",
    )
    touched = {person_id} if person_id else set()
    if person_id is not None:
        Membership.objects.filter(record=record, closed_by__isnull=True).update(closed_by=change)
        Record.objects.filter(pk=record.pk).update(person=None)
    if not quarantined:
        target = person_id or Person.objects.create().pk
        Membership.objects.create(record=version, person_id=target, opened_by=change)
        Record.objects.filter(pk=version.pk).update(person_id=target)
        touched.add(target)
    refresh_persons(p for p in touched if p is not None)
    return change
