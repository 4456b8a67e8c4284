"""Changes of who a person is, made by staff from the person's page (writes): merge with
another person, split records off into a new person, move a record to another person, and undo.

The membership machinery is the registry's own (``merge_persons``, ``split_records``,
``move_records``, ``undo_change``: every change closes memberships and opens new ones, never
deletes, and is audited); this module adds what a page needs around it: the actor's permission,
refusals in words a reviewer understands, and which changes of a person can still be undone.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import transaction

from tizim.accounts.access import Actor, acting_as
from tizim.registry.errors import RegistryError
from tizim.registry.membership import merge_persons, move_records, split_records, undo_change
from tizim.registry.models import LinkChange, Person
from tizim.registry.selectors import UNDOABLE_ON_PERSON_PAGE, decided_changes

#: Who may change who a person is: reviewers and admins (it changes what is counted).
CHANGE_PERMISSION = "registry.change_person"


def merge_into(person: Person, other: Person, *, actor: Actor, reason: str = "") -> LinkChange:
    """Make ``other``'s records ``person``'s: one person, the public id of ``person`` kept."""
    who = acting_as(actor, CHANGE_PERMISSION)
    if person.pk == other.pk:
        raise RegistryError("a person cannot be merged with itself")
    if not other.records.exists():
        raise RegistryError(f"{other.public_id} holds no records (merged away earlier)")
    return merge_persons(person, other, reason=reason or "merged on the person's page", actor=who)


def split_off(
    person: Person, record_ids: Sequence[int], *, actor: Actor, reason: str = ""
) -> LinkChange:
    """Take the chosen records of ``person`` into a new person of their own."""
    who = acting_as(actor, CHANGE_PERMISSION)
    _check_records(person, record_ids, keep_one=True)
    return split_records(record_ids, reason=reason or "split on the person's page", actor=who)


def move_to(
    person: Person, record_ids: Sequence[int], target: Person, *, actor: Actor, reason: str = ""
) -> LinkChange:
    """Move the chosen records of ``person`` to ``target``."""
    who = acting_as(actor, CHANGE_PERMISSION)
    if target.pk == person.pk:
        raise RegistryError("the records are in this person already")
    _check_records(person, record_ids, keep_one=False)
    return move_records(
        record_ids, to_person=target, reason=reason or "moved on the person's page", actor=who
    )


def undo(change: LinkChange, *, actor: Actor) -> LinkChange:
    """Undo a merge, split or move made by hand (refused if its records moved again since)."""
    who = acting_as(actor, CHANGE_PERMISSION)
    if change.kind not in UNDOABLE_ON_PERSON_PAGE:
        raise RegistryError(f"a {change.get_kind_display()} is not undone from a person's page")
    if change.pk in decided_changes():
        raise RegistryError(
            "this change is a reviewer's decision on a pair: withdraw the decision instead"
        )
    return undo_change(change, reason=f"undo of #{change.pk} on the person's page", actor=who)


def _check_records(person: Person, record_ids: Sequence[int], *, keep_one: bool) -> None:
    if not record_ids:
        raise RegistryError("choose the records first")
    with transaction.atomic():
        held = set(person.records.values_list("pk", flat=True))
        if not set(record_ids) <= held:
            raise RegistryError("some of the chosen records are not this person's (reload)")
        if keep_one and len(held - set(record_ids)) == 0:
            raise RegistryError("a split leaves at least one record behind")
