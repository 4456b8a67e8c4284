"""Reads of the audit log: its verification and checkpoints."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.utils import timezone

from tizim.audit.keys import AuditKeyError, audit_key, where_the_key_is
from tizim.audit.models import AuditEntry, AuditHead
from tizim.audit.services import (
    GENESIS_HASH,
    KEYED_MARKER,
    entry_digest,
    head_mark,
)

CHECKPOINT_PREFIX = "tizim-audit-checkpoint"
_CHECKPOINT = re.compile(
    rf"^{CHECKPOINT_PREFIX} entries=(?P<entries>\d+) head=(?P<head>[0-9a-f]{{64}})"
    r"(?: at=(?P<at>\S+))?$"
)


@dataclass(frozen=True)
class Checkpoint:
    """The size and last hash of the log at one moment, to be kept away from the server: a
    later log that is shorter, or whose entry number ``entries`` has another hash, was cut or
    rewritten."""

    entries: int
    head: str
    at: str = ""

    def line(self) -> str:
        """The one line to store elsewhere (and give back to ``tizim audit verify``)."""
        return f"{CHECKPOINT_PREFIX} entries={self.entries} head={self.head} at={self.at}"


def parse_checkpoint(text: str) -> Checkpoint:
    """A checkpoint from its line; ValueError saying what a line looks like otherwise."""
    found = _CHECKPOINT.match(text.strip())
    if not found:
        raise ValueError(
            f"not a checkpoint line: expected '{CHECKPOINT_PREFIX} entries=N head=<64 hex "
            "digits> at=<time>', as printed by 'tizim audit checkpoint'"
        )
    return Checkpoint(int(found["entries"]), found["head"], found["at"] or "")


def current_checkpoint() -> Checkpoint:
    """A checkpoint of the log as it is now (from its head)."""
    head = AuditHead.objects.filter(pk=1).first()
    at = timezone.now().replace(microsecond=0).isoformat()
    if head is None:
        return Checkpoint(0, GENESIS_HASH, at)
    return Checkpoint(head.entries, head.last_hash, at)


@dataclass
class ChainReport:
    """What ``verify_chain`` found: ``ok`` only when every entry and the head agree."""

    entries: int = 0
    legacy_entries: int = 0
    keyed_entries: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_chain(checkpoint: Checkpoint | None = None) -> ChainReport:
    """Recompute every entry's hash and link; report each break with the entry it is at.

    Entries before the ``audit.keyed`` entry are checked with plain SHA-256 (written before
    the instance had an audit key), the rest with HMAC under the key. With a ``checkpoint``,
    also check that the log still has every entry it had then, unchanged.
    """
    report = ChainReport()
    try:
        key = audit_key()
    except AuditKeyError as exc:
        report.problems.append(str(exc))
        key = None
    keyed = False
    marker_legacy: object = None
    at_checkpoint = ""
    expected_prev = GENESIS_HASH
    for entry in AuditEntry.objects.order_by("id").iterator(chunk_size=2000):
        report.entries += 1
        if entry.prev_hash != expected_prev:
            report.problems.append(
                f"entry #{entry.pk}: does not follow the entry before it "
                "(an entry was deleted or reordered)"
            )
        if not keyed and entry.action == KEYED_MARKER:
            keyed = True
            marker_legacy = entry.details.get("legacy_entries")
        content = (
            entry.prev_hash,
            entry.at.isoformat(),
            entry.actor,
            entry.action,
            entry.object_type,
            entry.object_id,
            entry.details,
        )
        if not keyed:
            report.legacy_entries += 1
            if entry_digest(*content) != entry.entry_hash:
                report.problems.append(
                    f"entry #{entry.pk}: content does not match its hash (edited)"
                )
        else:
            report.keyed_entries += 1
            if key is not None and entry_digest(*content, key=key) != entry.entry_hash:
                report.problems.append(
                    f"entry #{entry.pk}: content does not match its keyed hash (edited, or "
                    "rewritten by someone without the audit key)"
                )
        if checkpoint is not None and report.entries == checkpoint.entries:
            at_checkpoint = entry.entry_hash
        expected_prev = entry.entry_hash
    _check_keying(report, key, keyed, marker_legacy)
    _check_head(report, key, keyed, expected_prev)
    if checkpoint is not None:
        _check_against(report, checkpoint, at_checkpoint)
    return report


def _check_keying(report: ChainReport, key: bytes | None, keyed: bool, legacy: object) -> None:
    if keyed and key is None:
        report.problems.append(
            f"{report.keyed_entries} keyed entries cannot be checked: the audit key is missing "
            f"({where_the_key_is()})"
        )
    if not keyed and key is not None and report.entries:
        report.problems.append(
            "the instance has an audit key but no entry of the log is keyed: the log was "
            "rewritten by someone without the key"
        )
    if keyed and legacy != report.legacy_entries:
        report.problems.append(
            f"{report.legacy_entries} entries precede the first keyed entry, which counted "
            f"{legacy}: entries written before the audit key were added or removed"
        )


def _check_head(report: ChainReport, key: bytes | None, keyed: bool, last_hash: str) -> None:
    head = AuditHead.objects.filter(pk=1).first()
    head_entries = head.entries if head else 0
    head_hash = head.last_hash if head else GENESIS_HASH
    if head_entries != report.entries or head_hash != last_hash:
        report.problems.append(
            f"the chain holds {report.entries} entries ending in {last_hash[:12]}…, "
            f"but {head_entries} were appended ending in {head_hash[:12]}… "
            "(the newest entries were deleted or the head was altered)"
        )
    elif (
        keyed
        and key is not None
        and head is not None
        and head.mark != head_mark(key, head.entries, head.last_hash)
    ):
        report.problems.append(
            "the head (count and last hash) does not carry the audit key's mark: it was "
            "altered, most likely to hide the newest entries' deletion"
        )


def _check_against(report: ChainReport, checkpoint: Checkpoint, at_checkpoint: str) -> None:
    when = f" of {checkpoint.at}" if checkpoint.at else ""
    if report.entries < checkpoint.entries:
        report.problems.append(
            f"the log has {report.entries} entries, fewer than the {checkpoint.entries} of the "
            f"checkpoint{when}: the newest entries were deleted"
        )
    elif at_checkpoint != checkpoint.head:
        report.problems.append(
            f"entry number {checkpoint.entries} no longer has the hash of the checkpoint{when}: "
            "the log was rewritten up to there"
        )


def recent_entries(limit: int = 100) -> list[AuditEntry]:
    """The newest entries, newest first."""
    return list(AuditEntry.objects.order_by("-id")[:limit])
