"""The bulk writer behind an import: records, one new person per usable record, memberships and
fate events in batches, recognising rows re-sent by an earlier import."""

from __future__ import annotations

import datetime
import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Sequence

from django.utils import timezone

from tizim.core.names import names_may_match
from tizim.core.rows import (
    RECORD_VALUE_COLUMNS,
    PreparedRow,
    raw_json,
)
from tizim.registry.bulk import BulkWriter, in_chunks, stored_value
from tizim.registry.import_summary import ImportSummary, quarantine_reason_kind
from tizim.registry.models import (
    FateEvent,
    ImportBatch,
    LinkChange,
    Membership,
    Person,
    Record,
    Source,
    new_public_ids,
)
from tizim.registry.timeline import FATE_RANK, refresh_persons

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
            # The same keys as RecordWriter.known: counted in the same order.
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


class RecordWriter:
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
                summary.quarantined[quarantine_reason_kind(row.problems)] += 1
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
        for chunk in in_chunks(by_id, 1000):
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
