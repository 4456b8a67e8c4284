"""The audit log: an append-only hash chain of what was done, by whom, to what.

Each entry's hash covers its content and the previous entry's hash, so an edited entry breaks
its own hash and a deleted one breaks the link after it; ``AuditHead`` keeps the count and the
last hash, so deleting the newest entries is caught too. The hashes are HMACs under a key kept
outside the database (``tizim.audit.keys``), so they cannot be recomputed by whoever edits the
database; checkpoints (count and last hash, stored elsewhere) catch a whole head rolled back.
"""

from __future__ import annotations

from django.db import models


class AuditEntry(models.Model):
    """One appended fact: ``actor`` did ``action`` on ``object_type``/``object_id``."""

    at = models.DateTimeField()
    actor = models.CharField(max_length=150, blank=True)
    action = models.CharField(max_length=80)
    object_type = models.CharField(max_length=80, blank=True)
    object_id = models.CharField(max_length=80, blank=True)
    details = models.JSONField(default=dict, blank=True)
    prev_hash = models.CharField(max_length=64)
    entry_hash = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering = ["id"]
        verbose_name_plural = "audit entries"

    def __str__(self) -> str:
        return f"#{self.pk} {self.at:%Y-%m-%d %H:%M} {self.actor or '-'} {self.action}"


class AuditHead(models.Model):
    """The single row that serialises appends and remembers the tip of the chain."""

    entries = models.BigIntegerField(default=0)
    last_hash = models.CharField(max_length=64, default="0" * 64)
    #: HMAC of (entries, last_hash) under the audit key: a head edited to hide deleted
    #: entries does not carry it.
    mark = models.CharField(max_length=64, blank=True)
    #: How many entries were written before the audit key existed (plain SHA-256); None while
    #: the log has no keyed entry yet.
    keyed_from = models.BigIntegerField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.entries} entries, last {self.last_hash[:12]}"
