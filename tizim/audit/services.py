"""Writes to the audit log. Call ``record_action`` inside the transaction of the change it logs."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from django.db import transaction
from django.utils import timezone

from tizim.audit.models import AuditEntry, AuditHead

GENESIS_HASH = "0" * 64


def entry_digest(
    prev_hash: str,
    at_iso: str,
    actor: str,
    action: str,
    object_type: str,
    object_id: str,
    details: dict[str, Any],
) -> str:
    """The SHA-256 of an entry's content chained to the previous hash (canonical JSON)."""
    payload = json.dumps(
        [prev_hash, at_iso, actor, action, object_type, object_id, details],
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def record_action(
    action: str,
    *,
    actor: str = "",
    object_type: str = "",
    object_id: str | int = "",
    details: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append one entry to the chain.

    The head row is locked (``SELECT … FOR UPDATE`` on PostgreSQL; SQLite serialises writers
    anyway) so two concurrent appends cannot both chain to the same predecessor.
    """
    details = json.loads(json.dumps(details or {}, default=str))
    with transaction.atomic():
        head = AuditHead.objects.select_for_update().filter(pk=1).first()
        if head is None:
            head = AuditHead.objects.create(pk=1)
        at = timezone.now().replace(microsecond=0)
        digest = entry_digest(
            head.last_hash, at.isoformat(), actor, action, object_type, str(object_id), details
        )
        entry = AuditEntry.objects.create(
            at=at,
            actor=actor,
            action=action,
            object_type=object_type,
            object_id=str(object_id),
            details=details,
            prev_hash=head.last_hash,
            entry_hash=digest,
        )
        head.entries += 1
        head.last_hash = digest
        head.save(update_fields=["entries", "last_hash"])
    return entry
