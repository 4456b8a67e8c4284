"""Editing a source from the staff pages (writes). Sources are created with
``tizim.registry.services.create_source`` (the command line's ``tizim source add`` too); this
module changes an existing one, audited with what changed."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from tizim.accounts.access import Actor, acting_as
from tizim.audit.services import record_action
from tizim.registry.models import Source
from tizim.registry.services import RegistryError, list_fate

#: What a source's page may change (its name, the handle the command line uses, stays).
EDITABLE = (
    "kind",
    "title",
    "organisation",
    "language",
    "url",
    "obtained_on",
    "reliability_note",
    "default_fate",
)


def update_source(
    source: Source,
    *,
    actor: Actor,
    kind: str,
    title: str,
    organisation: str = "",
    language: str = "",
    url: str = "",
    obtained_on: datetime.date | None = None,
    reliability_note: str = "",
    default_fate: str = "",
) -> Source:
    """Change what is known about a source. A new ``default_fate`` is taken by the list's rows
    at its next import (as ``tizim source set`` says). Raises RegistryError naming a bad value;
    PermissionDenied for a user whose role may not change sources."""
    who = acting_as(actor, "registry.change_source")
    wanted = {
        "kind": kind,
        "title": title or source.name,
        "organisation": organisation,
        "language": language,
        "url": url,
        "obtained_on": obtained_on,
        "reliability_note": reliability_note,
        "default_fate": list_fate(default_fate),
    }
    with transaction.atomic():
        source = Source.objects.select_for_update().get(pk=source.pk)
        changes = {
            name: [getattr(source, name), value]
            for name, value in wanted.items()
            if getattr(source, name) != value
        }
        if not changes:
            return source
        for name, value in wanted.items():
            setattr(source, name, value)
        try:
            source.full_clean()
        except ValidationError as exc:
            text = "; ".join(f"{k}: {' '.join(v)}" for k, v in exc.message_dict.items())
            raise RegistryError(f"cannot change source '{source.name}': {text}") from None
        source.save(update_fields=list(changes))
        record_action(
            "source.update",
            actor=who,
            object_type="source",
            object_id=source.pk,
            details={"name": source.name, "changes": changes},
        )
    return source
