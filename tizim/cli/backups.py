"""``tizim backup``, ``tizim backup-key``, ``tizim restore`` and ``tizim upgrade``.

Registered by ``tizim.cli.main`` through :func:`add_parsers`. Passphrases come from
``TIZIM_BACKUP_PASSPHRASE`` or are asked at the terminal (twice when a new one is chosen); they
never appear on the command line, where other users of the machine could read them.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import Any, TextIO

from tizim.cli.base import EXIT_FAILURE, EXIT_OK, CommandError

PASSPHRASE_ENV = "TIZIM_BACKUP_PASSPHRASE"  # noqa: S105 - the variable's name
MIN_PASSPHRASE_CHARS = 12


def add_parsers(sub: Any) -> None:
    """Add ``backup``, ``backup-key``, ``restore`` and ``upgrade`` to ``sub`` (tizim's
    subparsers)."""
    protect = (
        "Encrypted with a passphrase (TIZIM_BACKUP_PASSPHRASE, or asked twice; argon2id) or, with "
        "--to-key, to a public key made by 'tizim backup-key' on another machine, so that this "
        "server cannot read its own backups."
    )
    p = sub.add_parser(
        "backup",
        help="write one encrypted archive of the whole instance (database, keys, sealed files)",
        description="Back up the database (a consistent snapshot, while the server runs) and "
        "everything in TIZIM_HOME into one encrypted archive with a manifest of SHA-256s. "
        + protect,
    )
    p.add_argument("file", type=Path, help="the archive to write (a new file, outside TIZIM_HOME)")
    _add_to_key(p)
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser(
        "backup-key",
        help="make a keypair to encrypt backups to (keep the private key off the server)",
        description="Write KEYFILE (the private key, wrapped with a passphrase) and KEYFILE.pub "
        "(the public key to give 'tizim backup --to-key'). Run it on a machine other than the "
        "server and keep KEYFILE there, with copies in two safe places.",
    )
    p.add_argument("keyfile", type=Path, help="the private key file to write")
    p.set_defaults(func=cmd_backup_key)

    p = sub.add_parser(
        "restore",
        help="restore an archive of 'tizim backup' into an empty TIZIM_HOME (and database)",
        description="Decrypt the archive, check every SHA-256 against its manifest and restore "
        "it into an empty TIZIM_HOME (on PostgreSQL: into the empty database DATABASE_URL "
        "names). Nothing is written unless the whole archive is intact.",
    )
    p.add_argument("file", type=Path, help="the archive")
    p.add_argument(
        "--key", type=Path, metavar="KEYFILE", help="the private key file, for --to-key backups"
    )
    p.add_argument("--check", action="store_true", help="only decrypt and check; write nothing")
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser(
        "upgrade",
        help="after installing a new tizim: back up, migrate the database, verify",
        description="Back up the instance to FILE first, then apply the new version's "
        "migrations, then check that none is left and that the audit log and the evidence are "
        "intact, reporting each step. " + protect,
    )
    p.add_argument(
        "--backup", type=Path, required=True, metavar="FILE", help="the archive to write"
    )
    _add_to_key(p)
    p.set_defaults(func=cmd_upgrade)


def _add_to_key(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--to-key", type=Path, metavar="PUBKEY", help="a .pub file of 'tizim backup-key'"
    )


def _refusing(handler: Any) -> Any:
    """Print a refusal as ``tizim: error: …`` on stderr and exit 1, without a traceback."""

    def run(args: argparse.Namespace, out: TextIO) -> int:
        from tizim.backups.database import DatabaseBackupError
        from tizim.backups.instance import BackupError
        from tizim.core.backup_archive import BackupArchiveError

        try:
            return int(handler(args, out))
        except (CommandError, BackupError, BackupArchiveError, DatabaseBackupError) as exc:
            print(f"tizim: error: {exc}", file=sys.stderr)
            return EXIT_FAILURE

    run.__doc__ = handler.__doc__
    return run


def _passphrase(prompt: str, *, new: bool) -> str:
    passphrase = os.environ.get(PASSPHRASE_ENV, "")
    if not passphrase:
        if not sys.stdin.isatty():
            raise CommandError(f"no passphrase: set {PASSPHRASE_ENV} or run in a terminal")
        passphrase = getpass.getpass(f"{prompt}: ")
        if new and passphrase != getpass.getpass("again: "):
            raise CommandError("the two passphrases differ")
    if new and len(passphrase) < MIN_PASSPHRASE_CHARS:
        raise CommandError(
            f"the passphrase is too short (at least {MIN_PASSPHRASE_CHARS} characters; "
            "five random words are better)"
        )
    return passphrase


def _protection(to_key: Path | None) -> Any:
    from tizim.accounts.services import kdf_limits
    from tizim.backups.instance import Protection
    from tizim.core.backup_archive import public_key_from_text

    if to_key is None:
        return Protection(
            passphrase=_passphrase("backup passphrase", new=True), limits=kdf_limits()
        )
    try:
        text = to_key.read_text(encoding="ascii")
    except (OSError, UnicodeDecodeError) as exc:
        raise CommandError(f"cannot read the public key {to_key}: {exc}") from None
    return Protection(public_key=public_key_from_text(text))


def _require_instance() -> None:
    from django.db import connection

    from tizim.backups.instance import BackupError, home

    if connection.vendor == "sqlite" and not Path(str(connection.settings_dict["NAME"])).exists():
        raise BackupError(f"no tizim instance in {home()}: nothing to back up")
    if "registry_record" not in connection.introspection.table_names():
        raise BackupError("the database is not a tizim instance: nothing to back up")


def _print_backup(summary: Any, out: TextIO) -> None:
    print(
        f"backup written to {summary.path}: {summary.engine} database and {summary.files} files, "
        f"{summary.bytes_in:,} bytes in, {summary.bytes_out:,} bytes encrypted, "
        f"{summary.seconds:.1f} s",
        file=out,
    )
    for skipped in summary.skipped:
        print(f"  skipped {skipped}", file=out)
    for variable in ("TIZIM_AUDIT_KEY", "TIZIM_SECRET_KEY"):
        if os.environ.get(variable):
            print(
                f"  note: {variable} is set in the environment, not in TIZIM_HOME: it is not "
                "in the backup; keep it apart, offline",
                file=out,
            )


@_refusing
def cmd_backup(args: argparse.Namespace, out: TextIO) -> int:
    """Back up the instance to ``args.file``."""
    from tizim.backups.instance import backup_instance

    _require_instance()
    protection = _protection(args.to_key)
    _print_backup(backup_instance(args.file, protection), out)
    return EXIT_OK


@_refusing
def cmd_backup_key(args: argparse.Namespace, out: TextIO) -> int:
    """Write a new backup keypair to ``args.keyfile`` and ``args.keyfile``.pub."""
    from tizim.accounts.services import kdf_limits
    from tizim.core.backup_archive import new_backup_key, public_key_text
    from tizim.core.files import write_new_private_file
    from tizim.core.sealing import key_fingerprint

    public_file = args.keyfile.with_name(args.keyfile.name + ".pub")
    for path in (args.keyfile, public_file):
        if path.exists():
            raise CommandError(f"{path} exists already: choose a new file name")
    passphrase = _passphrase("passphrase for the new private key", new=True)
    wrapped, public_key = new_backup_key(passphrase, limits=kdf_limits())
    try:
        write_new_private_file(args.keyfile, wrapped.to_bytes() + b"\n")
        write_new_private_file(public_file, public_key_text(public_key).encode("ascii"))
    except OSError as exc:
        raise CommandError(f"cannot write the key: {exc}") from None
    print(
        f"private key: {args.keyfile} (keep it off the server, with copies in two places)", file=out
    )
    print(f"public key:  {public_file} (give it to 'tizim backup --to-key')", file=out)
    print(f"fingerprint: {key_fingerprint(public_key)}", file=out)
    return EXIT_OK


@_refusing
def cmd_restore(args: argparse.Namespace, out: TextIO) -> int:
    """Restore (or with ``--check`` only check) the archive ``args.file``."""
    from tizim.backups.instance import check_archive, home, restore_instance
    from tizim.core.backup_archive import private_key_for

    key_file = None
    if args.key is not None:
        try:
            key_file = args.key.read_bytes()
        except OSError as exc:
            raise CommandError(f"cannot read the key file {args.key}: {exc.strerror}") from None

    def opener(header: Any) -> bytes:
        prompt = "backup passphrase" if key_file is None else f"passphrase for {args.key}"
        return private_key_for(header, passphrase=_passphrase(prompt, new=False), key_file=key_file)

    if args.check:
        summary = check_archive(args.file, opener)
        verb = "intact"
    else:
        summary = restore_instance(args.file, opener)
        verb = f"restored into {home()}"
    info = summary.info
    print(
        f"backup {verb}: made {info.get('made')}, {info.get('engine')} database and "
        f"{summary.files} files, {summary.bytes_out:,} bytes, every SHA-256 as in its "
        f"manifest ({summary.seconds:.1f} s)",
        file=out,
    )
    if summary.pending_migrations and not args.check:
        print(
            f"this tizim has {summary.pending_migrations} migration(s) the backup predates: "
            "run 'tizim upgrade --backup FILE' before serving it",
            file=out,
        )
    return EXIT_OK


@_refusing
def cmd_upgrade(args: argparse.Namespace, out: TextIO) -> int:
    """Back up, migrate and verify the instance."""
    from tizim.backups.upgrade import upgrade_instance

    _require_instance()
    protection = _protection(args.to_key)

    def say(line: str) -> None:
        print(line, file=out, flush=True)

    report = upgrade_instance(args.backup, protection, say)
    for problem in report.problems:
        print(f"PROBLEM: {problem}", file=out)
    if not report.ok:
        print(
            f"upgrade NOT verified: {len(report.problems)} problem(s); the instance as it was "
            f"is in {args.backup} ('tizim restore' into an empty TIZIM_HOME)",
            file=out,
        )
        return EXIT_FAILURE
    print(f"upgrade done and verified; the backup made before it is {args.backup}", file=out)
    return EXIT_OK
