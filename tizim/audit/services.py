"""Writes to the audit log. Call ``record_action`` inside the transaction of the change it logs.

Entries are chained by HMAC-SHA256 under the audit key (``tizim.audit.keys``), which the
database does not hold. Instances whose log began before the key existed keep their older
entries as they were (plain SHA-256): the first keyed entry, ``audit.keyed``, chains to the
last of them and states how many there were, so from then on the older part cannot be
rewritten either without breaking a keyed hash.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

from django.db import transaction
from django.utils import timezone

from tizim.audit.keys import AuditKeyError, audit_key, create_audit_key, where_the_key_is
from tizim.audit.models import AuditEntry, AuditHead

GENESIS_HASH = "0" * 64
KEYED_MARKER = "audit.keyed"


def entry_digest(
    prev_hash: str,
    at_iso: str,
    actor: str,
    action: str,
    object_type: str,
    object_id: str,
    details: dict[str, Any],
    *,
    key: bytes | None = None,
) -> str:
    """An entry's hash chained to the previous hash: HMAC-SHA256 under the audit ``key``, or
    plain SHA-256 without one (entries written before the instance had an audit key)."""
    payload = json.dumps(
        [prev_hash, at_iso, actor, action, object_type, object_id, details],
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    ).encode("utf-8")
    if key is None:
        return hashlib.sha256(payload).hexdigest()
    return hmac.new(key, payload, hashlib.sha256).hexdigest()


def head_mark(key: bytes, entries: int, last_hash: str) -> str:
    """The HMAC that ties the head's count to its last hash: a head moved back after the
    newest entries were deleted does not carry it (unless restored whole: see checkpoints)."""
    message = f"tizim-audit-head|{entries}|{last_hash}".encode("ascii")
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def _append(
    head: AuditHead,
    key: bytes,
    action: str,
    actor: str,
    object_type: str,
    object_id: str,
    details: dict[str, Any],
) -> AuditEntry:
    at = timezone.now().replace(microsecond=0)
    digest = entry_digest(
        head.last_hash, at.isoformat(), actor, action, object_type, object_id, details, key=key
    )
    entry = AuditEntry.objects.create(
        at=at,
        actor=actor,
        action=action,
        object_type=object_type,
        object_id=object_id,
        details=details,
        prev_hash=head.last_hash,
        entry_hash=digest,
    )
    head.entries += 1
    head.last_hash = digest
    head.mark = head_mark(key, head.entries, digest)
    return entry


def _key_for(head: AuditHead) -> bytes:
    """The key to append with; on an instance's first keyed append, the key is created."""
    if head.keyed_from is None:
        return create_audit_key()
    key = audit_key()
    if key is None:
        # Making a new key would leave every keyed entry unverifiable: refuse instead.
        raise AuditKeyError(
            f"the audit log is keyed but the audit key is missing ({where_the_key_is()}); "
            "restore it from the backup"
        )
    return key


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
        key = _key_for(head)
        if head.keyed_from is None:
            _start_keyed_chain(head, key)
        entry = _append(head, key, action, actor, object_type, str(object_id), details)
        head.save(update_fields=["entries", "last_hash", "mark", "keyed_from"])
    return entry


def _start_keyed_chain(head: AuditHead, key: bytes) -> None:
    legacy = head.entries
    head.keyed_from = legacy
    _append(
        head,
        key,
        KEYED_MARKER,
        "",
        "",
        "",
        {"legacy_entries": legacy, "scheme": "hmac-sha256"},
    )


def start_keyed_chain() -> bool:
    """Create the audit key and the first keyed entry if this instance has neither yet (run by
    ``tizim init``); True if it did. Appends nothing on an instance already keyed."""
    with transaction.atomic():
        head = AuditHead.objects.select_for_update().filter(pk=1).first()
        if head is None:
            head = AuditHead.objects.create(pk=1)
        if head.keyed_from is not None:
            return False
        _start_keyed_chain(head, create_audit_key())
        head.save(update_fields=["entries", "last_hash", "mark", "keyed_from"])
    return True
