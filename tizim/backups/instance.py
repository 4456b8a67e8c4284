"""Back up a whole instance into one encrypted archive, and restore one into an empty instance.

What an instance is: its database (SQLite file or PostgreSQL database) and everything in
``TIZIM_HOME`` — the secret key, the audit key, the receipt pepper, sealed report files and
evidence in ``media/``, reports waiting in ``spool/``, uploaded lists not yet imported, the demo
lists — with each file's permissions. Recipient keys, sealed items and raw values live in the
database. The archive names the database ``database/…`` and every other file ``home/<path>``.

Order matters for a running instance. The database is copied first, as one snapshot, and the
files after: files are written before the rows that name them (a sealed blob, then its row),
and never rewritten, so every file a row of the snapshot names already exists when the files
are read. A file that appears later is harmless; an upload deleted meanwhile is skipped.

Restoring refuses anything but an empty ``TIZIM_HOME`` (and, on PostgreSQL, an empty database).
It writes into a staging folder beside ``TIZIM_HOME`` and keeps it only once the whole archive
has been decrypted and every SHA-256 checked against the manifest; the database is loaded next
(PostgreSQL: in one transaction), and only then does the staging folder become ``TIZIM_HOME``.
A wrong passphrase or key, a truncated or altered archive leave nothing behind.
"""

from __future__ import annotations

import datetime
import os
import secrets
import shutil
import stat
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from django.conf import settings
from django.db import connection

from tizim.backups import database
from tizim.core.backup_archive import (
    ArchiveContents,
    ArchiveWriter,
    BackupArchiveError,
    DamagedArchive,
    read_archive,
    read_header,
)
from tizim.core.sealing import DEFAULT_KDF_LIMITS, KdfLimits

SQLITE_NAME = "database/tizim.sqlite3"
POSTGRES_NAME = "database/postgresql.dump"
HOME_PREFIX = "home/"
# Not copied from TIZIM_HOME: the live SQLite files (the snapshot replaces them), lock files,
# and the work folders of a backup or restore under way.
_SKIPPED_AT_TOP = {"tizim.sqlite3", "tizim.sqlite3-wal", "tizim.sqlite3-shm", "figures.lock"}
_SKIPPED_AT_TOP |= {"tizim.sqlite3-journal"}
# Compiled code numba caches (deploy/tizim.env puts it here): rebuilt at the first estimate.
_SKIPPED_AT_TOP |= {"numba-cache"}
_WORK_PREFIX = ".backup-work-"


class BackupError(Exception):
    """A backup or restore refused or failed; the message says why, for the user."""


@dataclass(frozen=True)
class Protection:
    """How an archive is encrypted: with a passphrase (argon2id ``limits``) or to a public key."""

    passphrase: str | None = field(default=None, repr=False)
    public_key: bytes | None = None
    limits: KdfLimits = DEFAULT_KDF_LIMITS

    def writer(self, stream: BinaryIO, info: dict[str, Any]) -> ArchiveWriter:
        """A writer of an archive protected this way."""
        if self.public_key is not None:
            return ArchiveWriter.to_public_key(stream, self.public_key, info=info)
        if not self.passphrase:
            raise BackupError("a backup needs a passphrase or a public key (--to-key)")
        return ArchiveWriter.with_passphrase(stream, self.passphrase, info=info, limits=self.limits)


@dataclass
class BackupSummary:
    """What a backup wrote."""

    path: Path
    engine: str
    files: int = 0
    bytes_in: int = 0
    bytes_out: int = 0
    seconds: float = 0.0
    skipped: list[str] = field(default_factory=list)


def home() -> Path:
    """The instance's data folder."""
    return Path(settings.TIZIM_HOME)


def applied_migrations() -> list[str]:
    """Every migration applied to the database, as ``app.name``, sorted."""
    from django.db.migrations.recorder import MigrationRecorder

    recorder = MigrationRecorder(connection)
    return sorted(f"{app}.{name}" for app, name in recorder.applied_migrations())


def backup_instance(target: Path, protection: Protection) -> BackupSummary:
    """Write the encrypted archive of this instance to ``target`` (a new file, outside
    ``TIZIM_HOME``). The file appears only when complete: it is written under a temporary name
    beside it and renamed at the end."""
    target = target.expanduser().absolute()
    data_folder = home()
    if target.exists():
        raise BackupError(f"{target} exists already: choose a new file name")
    if target.resolve().is_relative_to(data_folder.resolve()):
        raise BackupError(f"write the backup outside TIZIM_HOME ({data_folder})")
    if not target.parent.is_dir():
        raise BackupError(f"no folder {target.parent}")
    kind = database.engine()
    summary = BackupSummary(path=target, engine=kind)
    started = time.monotonic()
    partial = target.with_name(f".{target.name}.{secrets.token_hex(4)}.partial")
    work = data_folder / f"{_WORK_PREFIX}{secrets.token_hex(4)}"
    try:
        work.mkdir(mode=0o700)
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as stream:
            writer = protection.writer(stream, _description(kind))
            _add_database(writer, kind, work)
            _add_home(writer, data_folder, summary)
            writer.close()
            stream.flush()
            os.fsync(stream.fileno())
        os.rename(partial, target)
    except (database.DatabaseBackupError, BackupArchiveError, OSError) as exc:
        raise BackupError(f"backup failed, nothing written: {exc}") from exc
    finally:
        partial.unlink(missing_ok=True)
        shutil.rmtree(work, ignore_errors=True)
    summary.bytes_in = writer.bytes_in
    summary.bytes_out = target.stat().st_size
    summary.seconds = time.monotonic() - started
    return summary


def _description(kind: str) -> dict[str, Any]:
    info: dict[str, Any] = {
        "made": datetime.datetime.now(datetime.UTC).replace(microsecond=0).isoformat(),
        "engine": kind,
        "migrations": applied_migrations(),
    }
    if kind == "postgresql":
        info["pg_dump"] = database.check_pg_dump()
        info["server_major"] = database.server_major_version()
    return info


def _add_database(writer: ArchiveWriter, kind: str, work: Path) -> None:
    if kind == "sqlite":
        snapshot = work / "tizim.sqlite3"
        database.sqlite_snapshot(snapshot)
        with snapshot.open("rb") as source:
            writer.add_file(SQLITE_NAME, 0o600, source)
        return
    with database.pg_dump_stream() as dump:
        writer.add_file(POSTGRES_NAME, 0o600, dump)


def _add_home(writer: ArchiveWriter, data_folder: Path, summary: BackupSummary) -> None:
    for folder, subfolders, files in os.walk(data_folder):
        here = Path(folder)
        relative = here.relative_to(data_folder)
        at_top = relative == Path(".")
        subfolders[:] = sorted(
            name for name in subfolders if not (at_top and name.startswith(_WORK_PREFIX))
        )
        if not at_top:
            writer.add_directory(HOME_PREFIX + relative.as_posix(), _mode(here))
        for name in sorted(files):
            if at_top and name in _SKIPPED_AT_TOP:
                continue
            path = here / name
            archived = HOME_PREFIX + (relative / name).as_posix()
            if not stat.S_ISREG(path.lstat().st_mode):
                summary.skipped.append(f"{archived} (not a regular file)")
                continue
            try:
                source = path.open("rb")
            except FileNotFoundError:
                summary.skipped.append(f"{archived} (deleted while backing up)")
                continue
            with source:
                writer.add_file(archived, _mode(path), source)
            summary.files += 1


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# --- restoring -------------------------------------------------------------------------------


@dataclass
class RestoreSummary:
    """What a restore (or a check) read and wrote."""

    info: dict[str, Any]
    files: int
    bytes_out: int
    seconds: float
    unknown_migrations: list[str] = field(default_factory=list)
    pending_migrations: int = 0


Opener = Callable[[Any], bytes]
"""Given an archive's header, the private key that opens it (or raises WrongKey)."""


def check_archive(archive: Path, opener: Opener) -> RestoreSummary:
    """Decrypt ``archive`` and check every SHA-256 against its manifest; write nothing."""
    started = time.monotonic()
    with _open_archive(archive) as stream:
        header = read_header(stream)
        contents = read_archive(stream, header, opener(header), _CheckingSink())
    return _summary(contents, started)


def restore_instance(archive: Path, opener: Opener) -> RestoreSummary:
    """Restore ``archive`` into this instance, which must be empty (see the module's note)."""
    started = time.monotonic()
    data_folder = home()
    kind = database.engine()
    _refuse_unless_empty(data_folder, kind)
    with _open_archive(archive) as stream:
        header = read_header(stream)
        private_key = opener(header)
        made = [folder for folder in data_folder.parents if not folder.exists()]
        data_folder.parent.mkdir(parents=True, exist_ok=True)
        staging = data_folder.parent / f".{data_folder.name}.restoring-{secrets.token_hex(4)}"
        staging.mkdir(mode=0o700)
        try:
            sink = _RestoringSink(staging, kind)
            contents = read_archive(stream, header, private_key, sink)
            summary = _summary(contents, started)
            if summary.unknown_migrations:
                raise BackupError(
                    "this backup was made by a newer tizim (migrations this one does not "
                    f"know: {', '.join(summary.unknown_migrations[:5])}): restore it with "
                    "that version, then upgrade"
                )
            if kind == "postgresql":
                database.pg_restore(sink.postgres_dump, str(contents.info.get("pg_dump", "")))
                sink.postgres_dump.unlink()
                sink.work.rmdir()
            _move_into_place(staging, data_folder)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            for folder in made:  # innermost first: leave no folder this restore made
                folder.rmdir()
            raise
    return summary


def _open_archive(archive: Path) -> BinaryIO:
    try:
        return archive.open("rb")
    except OSError as exc:
        raise BackupError(f"cannot read {archive}: {exc.strerror}") from None


def _summary(contents: ArchiveContents, started: float) -> RestoreSummary:
    from django.db.migrations.loader import MigrationLoader

    known = {f"{app}.{name}" for app, name in MigrationLoader(None).disk_migrations}
    in_backup = set(contents.info.get("migrations", []))
    return RestoreSummary(
        info=contents.info,
        files=sum(
            1
            for entry in contents.manifest
            if entry.get("kind") == "file" and str(entry.get("name")).startswith(HOME_PREFIX)
        ),
        bytes_out=contents.bytes_out,
        seconds=time.monotonic() - started,
        unknown_migrations=sorted(in_backup - known),
        pending_migrations=len(known - in_backup),
    )


def _refuse_unless_empty(data_folder: Path, kind: str) -> None:
    if data_folder.exists() and (not data_folder.is_dir() or any(data_folder.iterdir())):
        raise BackupError(
            f"TIZIM_HOME ({data_folder}) is not empty: restore only into a new, empty folder "
            "(nothing was written)"
        )
    if kind == "postgresql" and not database.postgres_database_is_empty():
        raise BackupError(
            f"the PostgreSQL database '{connection.settings_dict['NAME']}' is not empty: "
            "restore only into a new, empty database (nothing was written)"
        )


def _move_into_place(staging: Path, data_folder: Path) -> None:
    if data_folder.exists():
        data_folder.rmdir()  # empty, checked above; rmdir refuses if that changed meanwhile
    os.rename(staging, data_folder)


class _CheckingSink:
    """Reads and checks everything, writes nothing."""

    def begin(self, info: dict[str, Any]) -> None:
        return None

    def directory(self, name: str, mode: int) -> None:
        return None

    def file(self, name: str, mode: int) -> BinaryIO | None:
        return None


class _RestoringSink:
    """Puts the archive's files into the staging folder, and the database where it goes."""

    def __init__(self, staging: Path, kind: str) -> None:
        self.staging = staging
        self.kind = kind
        self.work = staging / f"{_WORK_PREFIX}restore"
        self.postgres_dump = self.work / "postgresql.dump"

    def begin(self, info: dict[str, Any]) -> None:
        made_on = info.get("engine")
        if made_on != self.kind:
            raise BackupError(
                f"this backup holds a {made_on} database and this instance uses {self.kind}: "
                + (
                    "unset DATABASE_URL to restore it into SQLite"
                    if made_on == "sqlite"
                    else "set DATABASE_URL to an empty PostgreSQL database to restore it"
                )
            )

    def directory(self, name: str, mode: int) -> None:
        path = self._path(name)
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.chmod(path, mode)

    def file(self, name: str, mode: int) -> BinaryIO | None:
        if name == SQLITE_NAME:
            path = self.staging / "tizim.sqlite3"
        elif name == POSTGRES_NAME:
            self.work.mkdir(mode=0o700, exist_ok=True)
            path = self.postgres_dump
        else:
            path = self._path(name)
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.chmod(path, mode)
        return os.fdopen(fd, "wb")

    def _path(self, name: str) -> Path:
        if not name.startswith(HOME_PREFIX):
            raise DamagedArchive(f"unexpected entry in the backup: {name}")
        return self.staging / name[len(HOME_PREFIX) :]
