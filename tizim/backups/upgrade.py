"""``tizim upgrade``: back up, migrate, verify — each step reported, the first failure stops it.

An NGO upgrades rarely and cannot afford to lose an instance doing it. So nothing is migrated
before an encrypted backup of the instance as it was has been written, and after migrating the
instance must prove itself: no migration left unapplied, the audit chain and every audited
record intact, every sealed evidence blob with its recorded SHA-256. When a step fails the
message says which, and the backup written first is the way back (``tizim restore``).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tizim.backups.instance import BackupSummary, Protection, backup_instance


@dataclass
class UpgradeReport:
    """The steps run and what each found; ``ok`` when every step passed."""

    backup: BackupSummary | None = None
    applied: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def pending_migrations() -> list[str]:
    """Migrations the code has and the database has not applied, in the order they would run."""
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _ in plan]


def upgrade_instance(
    target: Path, protection: Protection, say: Callable[[str], None]
) -> UpgradeReport:
    """Back up to ``target``, apply the pending migrations, verify; ``say`` reports each step."""
    report = UpgradeReport()
    pending = pending_migrations()
    say(f"1/3 backup: {len(pending)} migration(s) to apply; backing up first to {target}")
    report.backup = backup_instance(target, protection)
    say(
        f"    backup written: {report.backup.files} files, {report.backup.bytes_out:,} bytes, "
        f"{report.backup.seconds:.1f} s"
    )
    say("2/3 migrate")
    if pending:
        call_command("migrate", interactive=False, verbosity=0, stdout=io.StringIO())
        for name in pending:
            say(f"    applied {name}")
        report.applied = pending
    else:
        # migrate still runs: it reinstalls the triggers its post-migrate hooks keep in place.
        call_command("migrate", interactive=False, verbosity=0, stdout=io.StringIO())
        say("    nothing to apply: the database was up to date")
    say("3/3 verify")
    _verify(report, say)
    return report


def _verify(report: UpgradeReport, say: Callable[[str], None]) -> None:
    from tizim.acts.services import verify_evidence
    from tizim.audit.selectors import verify_chain
    from tizim.registry.integrity import verify_records

    left = pending_migrations()
    if left:
        report.problems.append(f"migrations still unapplied: {', '.join(left)}")
    say(f"    migrations complete: {'no' if left else 'yes'}")
    chain = verify_chain()
    records = verify_records()
    report.problems += chain.problems + records.problems
    intact = chain.ok and not records.problems
    say(
        f"    audit log: {'intact' if intact else 'NOT intact'} ({chain.entries} entries, "
        f"{records.checked_records} records checked)"
    )
    evidence = verify_evidence(actor="tizim upgrade")
    report.problems += evidence.problems
    say(
        f"    evidence: {'intact' if evidence.ok else 'NOT intact'} ({evidence.files} files, "
        f"{evidence.blobs} sealed blobs)"
    )
