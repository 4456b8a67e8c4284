"""Reads of the audit log, and its verification."""

from __future__ import annotations

from dataclasses import dataclass, field

from tizim.audit.models import AuditEntry, AuditHead
from tizim.audit.services import GENESIS_HASH, entry_digest


@dataclass
class ChainReport:
    """What ``verify_chain`` found: ``ok`` only when every entry and the head agree."""

    entries: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_chain() -> ChainReport:
    """Recompute every entry's hash and link; report each break with the entry it is at."""
    report = ChainReport()
    expected_prev = GENESIS_HASH
    for entry in AuditEntry.objects.order_by("id").iterator(chunk_size=2000):
        report.entries += 1
        if entry.prev_hash != expected_prev:
            report.problems.append(
                f"entry #{entry.pk}: does not follow the entry before it "
                "(an entry was deleted or reordered)"
            )
        digest = entry_digest(
            entry.prev_hash,
            entry.at.isoformat(),
            entry.actor,
            entry.action,
            entry.object_type,
            entry.object_id,
            entry.details,
        )
        if digest != entry.entry_hash:
            report.problems.append(f"entry #{entry.pk}: content does not match its hash (edited)")
        expected_prev = entry.entry_hash
    head = AuditHead.objects.filter(pk=1).first()
    head_entries = head.entries if head else 0
    head_hash = head.last_hash if head else GENESIS_HASH
    if head_entries != report.entries or head_hash != expected_prev:
        report.problems.append(
            f"the chain holds {report.entries} entries ending in {expected_prev[:12]}…, "
            f"but {head_entries} were appended ending in {head_hash[:12]}… "
            "(the newest entries were deleted or the head was altered)"
        )
    return report


def recent_entries(limit: int = 100) -> list[AuditEntry]:
    """The newest entries, newest first."""
    return list(AuditEntry.objects.order_by("-id")[:limit])
