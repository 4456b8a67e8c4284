"""Which person a record belongs to: move, merge, split, apply linkage clusters and undo.

A record belongs to exactly one person at a time; every move is a ``LinkChange`` that can be
undone, and old memberships are closed, never deleted."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from django.db import transaction

from tizim.audit.services import record_action
from tizim.registry.bulk import in_chunks
from tizim.registry.errors import RegistryError
from tizim.registry.models import (
    LinkChange,
    Membership,
    Person,
    Record,
)
from tizim.registry.timeline import refresh_persons

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
        for chunk in in_chunks([r for c in wanted for r in c], 5000):
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
