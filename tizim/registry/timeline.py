"""A person's derived parts: the fate timeline and the name shown, recomputed from the records
that belong to the person, so they follow every membership change."""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from collections.abc import Iterable

from django.utils import timezone

from tizim.core.fates import Fate
from tizim.registry.models import (
    FateEvent,
    Person,
    Record,
)
from tizim.registry.signals import persons_refreshed

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
