"""Writes to sources: registering a list or channel, the fate every person on it shares, and
editing what is known about it from the staff pages (audited with what changed)."""

from __future__ import annotations

import datetime
import re

from anyascii import anyascii
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from tizim.accounts.access import Actor, acting_as
from tizim.audit.services import record_action
from tizim.core.errors import ParseError
from tizim.core.fates import Fate, parse_fate
from tizim.registry.errors import RegistryError
from tizim.registry.models import Source

# a short name as sources are named (a slug, letters of either case kept)
_SHORT_NAME = re.compile(r"[-a-zA-Z0-9_]{1,80}")


def short_name(words: str) -> str:
    """The short name of a source named in ``words``: as typed when it is one ("NYT",
    "bbc_2022": a source named so before is the same source), else made from them ("Чат
    родственников, Шиели" → ``chat-rodstvennikov-shieli``); blank when they hold no letter or
    digit. People name a source as they say it, not as a slug."""
    words = words.strip()
    if _SHORT_NAME.fullmatch(words):
        return words
    return slugify(anyascii(words))[:80].strip("-")


def create_source(
    name: str,
    *,
    kind: str = Source.Kind.OTHER,
    title: str = "",
    organisation: str = "",
    language: str = "",
    url: str = "",
    obtained_on: datetime.date | None = None,
    reliability_note: str = "",
    default_fate: str = "",
    actor: str = "",
) -> Source:
    """Register a list or channel records will come from. ``default_fate`` is the fate every
    person on the list shares (``killed`` for a list of the dead), in any word ``parse_fate``
    reads; its rows that state no fate of their own take it."""
    default_fate = list_fate(default_fate)
    if kind not in Source.Kind.values:
        raise RegistryError(
            f"unknown source kind '{kind}'; choose one of: {', '.join(Source.Kind.values)}"
        )
    source = Source(
        name=name,
        kind=kind,
        title=title or name,
        organisation=organisation,
        language=language,
        url=url,
        obtained_on=obtained_on,
        reliability_note=reliability_note,
        default_fate=default_fate,
    )
    try:
        source.full_clean()
    except Exception as exc:  # ValidationError: turn field errors into one readable line
        messages = getattr(exc, "message_dict", {"": [str(exc)]})
        text = "; ".join(f"{k}: {' '.join(v)}" if k else " ".join(v) for k, v in messages.items())
        raise RegistryError(f"cannot create source '{name}': {text}") from None
    with transaction.atomic():
        source.save()
        record_action(
            "source.create",
            actor=actor,
            object_type="source",
            object_id=source.pk,
            details={"name": name, "kind": kind, "default_fate": default_fate},
        )
    return source


def list_fate(text: str) -> str:
    """The fate a whole list states, from any word ``parse_fate`` reads (``killed``, ``погиб``,
    ``қаза тапты``); "" for none (an empty text, or ``none``). Raises RegistryError for a
    word that names no fate."""
    if not text.strip() or text.strip().casefold() in ("none", "-"):
        return ""
    if text.strip() in {f.value for f in Fate}:
        return text.strip()
    try:
        return parse_fate(text).value
    except ParseError as exc:
        raise RegistryError(
            f"{exc.reason}; a list's fate is one of: {', '.join(f.value for f in Fate)} "
            "(or a word for one, such as погиб or қаза тапты)"
        ) from None


def set_source_fate(name: str, fate: str, *, actor: str = "") -> Source:
    """Say (or, with "" or ``none``, unsay) the fate every person on a source's list shares:
    later imports give it to rows without a fate of their own. Rows already imported keep
    theirs until their list is imported again."""
    source = Source.objects.filter(name=name).first()
    if source is None:
        raise RegistryError(f"unknown source '{name}'")
    value = list_fate(fate)
    with transaction.atomic():
        previous = source.default_fate
        source.default_fate = value
        source.save(update_fields=["default_fate"])
        record_action(
            "source.fate",
            actor=actor,
            object_type="source",
            object_id=source.pk,
            details={"name": name, "default_fate": value, "previous": previous},
        )
    return source


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
