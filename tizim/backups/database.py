"""A consistent copy of the instance's database while it runs, and putting one back.

* **SQLite**: the online backup API (``sqlite3.Connection.backup``) in one step, which copies
  one snapshot of the database while other connections go on reading and, in WAL mode, writing.
  The copy is a whole database file; restoring it is placing that file.
* **PostgreSQL**: ``pg_dump --format=custom``, which dumps inside one REPEATABLE READ
  transaction (one snapshot, however long the dump takes, while the server keeps writing), and
  ``pg_restore --single-transaction --exit-on-error`` into an empty database: all or nothing.
  pg_dump keeps what a dump through Django would have to rebuild by hand: sequences' positions,
  the raw-value triggers and their functions, indexes. Its one risk, a ``pg_dump`` older than the
  server (it refuses), is checked before anything is written, with the fix in the message; a
  newer ``pg_dump`` is fine. ``TIZIM_PG_BIN`` names the folder of the client programs when the
  ones on ``PATH`` are not the right version.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from django.db import connection

PG_BIN_ENV = "TIZIM_PG_BIN"


class DatabaseBackupError(Exception):
    """The database could not be copied or put back; the message says why."""


def engine() -> str:
    """``sqlite`` or ``postgresql``: the engine this instance's settings name."""
    vendor = connection.vendor
    if vendor not in ("sqlite", "postgresql"):
        raise DatabaseBackupError(f"backups support SQLite and PostgreSQL, not {vendor}")
    return vendor


def sqlite_path() -> Path:
    """The instance's SQLite database file."""
    return Path(str(connection.settings_dict["NAME"]))


def sqlite_snapshot(target: Path) -> None:
    """Copy the SQLite database, as one snapshot, into the new file ``target``."""
    source_path = sqlite_path()
    if not source_path.is_file():
        raise DatabaseBackupError(f"no SQLite database at {source_path}")
    source = sqlite3.connect(source_path, timeout=60)
    destination = sqlite3.connect(target)
    try:
        # pages=-1: the whole database in one step, so the copy is one snapshot. Copied in
        # smaller steps, a write by another process between two steps would restart the copy.
        source.backup(destination, pages=-1)
        destination.execute("PRAGMA journal_mode=DELETE")
    finally:
        destination.close()
        source.close()
    os.chmod(target, 0o600)


# --- PostgreSQL ------------------------------------------------------------------------------


def _client(program: str) -> str:
    folder = os.environ.get(PG_BIN_ENV, "").strip()
    path = str(Path(folder) / program) if folder else shutil.which(program)
    if not path or not Path(path).is_file():
        where = f"in {folder} ({PG_BIN_ENV})" if folder else "on PATH"
        raise DatabaseBackupError(
            f"{program} not found {where}: install PostgreSQL's client programs "
            "(Debian: apt-get install postgresql-client) or set TIZIM_PG_BIN"
        )
    return path


def client_major_version(program: str) -> tuple[int, str]:
    """The major version of ``pg_dump`` or ``pg_restore`` and its full version text."""
    result = subprocess.run(  # noqa: S603 - a fixed program and argument, no shell
        [_client(program), "--version"], capture_output=True, text=True, check=False
    )
    found = re.search(r"(\d+)(?:\.(\d+))?", result.stdout)
    if result.returncode != 0 or not found:
        raise DatabaseBackupError(f"cannot tell the version of {program}: {result.stderr.strip()}")
    return int(found.group(1)), found.group(0)


def server_major_version() -> int:
    """The PostgreSQL server's major version."""
    connection.ensure_connection()
    return int(connection.pg_version) // 10000  # type: ignore[attr-defined]


def _pg_environment() -> dict[str, str]:
    """libpq's variables for the instance's database: the password never on a command line."""
    settings_dict: dict[str, Any] = connection.settings_dict
    env = dict(os.environ)
    for key, variable in (
        ("HOST", "PGHOST"),
        ("PORT", "PGPORT"),
        ("USER", "PGUSER"),
        ("PASSWORD", "PGPASSWORD"),
        ("NAME", "PGDATABASE"),
    ):
        if settings_dict.get(key):
            env[variable] = str(settings_dict[key])
    options = settings_dict.get("OPTIONS") or {}
    if options.get("sslmode"):
        env["PGSSLMODE"] = str(options["sslmode"])
    return env


def check_pg_dump() -> str:
    """The version of the ``pg_dump`` that will be used; refuses one older than the server."""
    major, version = client_major_version("pg_dump")
    server = server_major_version()
    if major < server:
        raise DatabaseBackupError(
            f"pg_dump {version} is older than the PostgreSQL {server} server and cannot dump "
            f"it: install postgresql-client-{server} and point {PG_BIN_ENV} at its bin folder "
            f"(e.g. /usr/lib/postgresql/{server}/bin)"
        )
    return version


@contextlib.contextmanager
def pg_dump_stream() -> Iterator[IO[bytes]]:
    """``pg_dump``'s output (custom format, uncompressed: the archive compresses), to read to
    its end; raises :class:`DatabaseBackupError` if pg_dump fails."""
    command = [_client("pg_dump"), "--format=custom", "--compress=0", "--no-owner"]
    command += ["--no-privileges"]
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(  # noqa: S603 - fixed arguments, no shell
            command, stdout=subprocess.PIPE, stderr=errors, env=_pg_environment()
        )
        assert process.stdout is not None
        try:
            yield process.stdout
        finally:
            process.stdout.close()
            status = process.wait()
        if status != 0:
            errors.seek(0)
            message = errors.read().decode("utf-8", "replace").strip()
            raise DatabaseBackupError(f"pg_dump failed: {message}")


def postgres_database_is_empty() -> bool:
    """Whether the instance's PostgreSQL database has no tables (a fresh database)."""
    return not connection.introspection.table_names()


def pg_restore(dump: Path, dumped_by: str) -> None:
    """Load ``dump`` (a ``pg_dump`` custom-format file) into the empty database, all or nothing.

    ``dumped_by`` is the version of the pg_dump that wrote it: an older pg_restore cannot read
    a newer dump, which is said before anything is tried.
    """
    major, version = client_major_version("pg_restore")
    dumped_major = int(dumped_by.split(".")[0]) if dumped_by[:1].isdigit() else 0
    if major < dumped_major:
        raise DatabaseBackupError(
            f"this backup's database was dumped by pg_dump {dumped_by}; pg_restore {version} "
            f"cannot read it: install postgresql-client-{dumped_major} and point "
            f"{PG_BIN_ENV} at its bin folder"
        )
    connection.close()
    command = [_client("pg_restore"), "--single-transaction", "--exit-on-error"]
    command += ["--no-owner", "--no-privileges", "--dbname", str(connection.settings_dict["NAME"])]
    result = subprocess.run(  # noqa: S603 - fixed arguments, no shell
        [*command, str(dump)], capture_output=True, env=_pg_environment(), check=False
    )
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip()
        raise DatabaseBackupError(f"pg_restore failed, nothing was restored: {message}")
    with connection.cursor() as cursor:
        # pg_restore does not carry the planner's statistics: gather them once, now.
        cursor.execute("ANALYZE")
