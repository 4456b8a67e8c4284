"""Staff notes on a person (writes): what a relative said on the phone, why two records were
kept apart, what to check next. Notes are never shown on the public site nor exported; a note
is withdrawn, never deleted, and both are audited.

Volunteers may write notes (they talk to families, and a note changes no count); a note is
withdrawn by its author, or by a reviewer or admin (docs/decisions/0020).
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from tizim.accounts.access import Actor, acting_as
from tizim.audit.services import record_action
from tizim.registry.errors import RegistryError
from tizim.registry.models import Person, PersonNote

NOTE_PERMISSION = "registry.add_personnote"
#: Withdrawing someone else's note is for those who may change the person itself.
WITHDRAW_OTHERS_PERMISSION = "registry.change_person"
MAX_NOTE_LENGTH = 5000


def annotate(person: Person, text: str, *, actor: Actor) -> PersonNote:
    """Add a staff note to ``person``."""
    who = acting_as(actor, NOTE_PERMISSION)
    text = text.strip()
    if not text:
        raise RegistryError("the note is empty")
    if len(text) > MAX_NOTE_LENGTH:
        raise RegistryError(f"a note is at most {MAX_NOTE_LENGTH} characters")
    with transaction.atomic():
        note = PersonNote.objects.create(person=person, text=text, author=who)
        record_action(
            "person.note",
            actor=who,
            object_type="person",
            object_id=person.public_id,
            details={"note": note.pk, "text": text},
        )
    return note


def withdraw_note(note: PersonNote, *, actor: Actor) -> PersonNote:
    """Withdraw a note (kept, hidden from the page): its author may, and reviewers and admins."""
    who = acting_as(actor, NOTE_PERMISSION)
    if note.author != who and not isinstance(actor, str):
        acting_as(actor, WITHDRAW_OTHERS_PERMISSION)
    with transaction.atomic():
        note = PersonNote.objects.select_for_update().get(pk=note.pk)
        if note.withdrawn_at is not None:
            raise RegistryError("this note was already withdrawn")
        note.withdrawn_by = who
        note.withdrawn_at = timezone.now()
        note.save(update_fields=["withdrawn_by", "withdrawn_at"])
        record_action(
            "person.note_withdrawn",
            actor=who,
            object_type="person",
            object_id=note.person.public_id,
            details={"note": note.pk},
        )
    return note
