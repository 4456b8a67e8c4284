"""What every command shares: the data folder, setting up Django, refusing an uninitialised
database, exit codes and small parsers and printers.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import os
import secrets
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

EXIT_OK = 0


EXIT_FAILURE = 1


EXIT_USAGE = 2


class CommandError(Exception):
    """A failure to report to the user as one line, without a traceback."""


def tizim_home() -> Path:
    """The data folder, as settings will see it."""
    return Path(os.environ.get("TIZIM_HOME", "tizim-data")).expanduser().resolve()


def prepare_home() -> Path:
    """Create the data folder and the instance's secret key (once; private to the owner)."""
    home = tizim_home()
    home.mkdir(parents=True, exist_ok=True)
    os.chmod(home, 0o700)
    key_file = home / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50) + "\n", encoding="ascii")
        os.chmod(key_file, 0o600)
    (home / "media").mkdir(exist_ok=True)
    return home


def setup_django() -> None:
    """Configure Django once (settings are read from the environment at this moment)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tizim.settings")
    import django
    from django.core.exceptions import ImproperlyConfigured

    try:
        django.setup()
    except ImproperlyConfigured as exc:  # a setting in the environment that cannot be used
        raise CommandError(str(exc)) from None


def require_initialised() -> None:
    """Refuse to run against a database that ``tizim init`` has not prepared."""
    from django.db import connection
    from django.db.utils import OperationalError

    name = str(connection.settings_dict["NAME"])
    in_memory = name == ":memory:" or name.startswith("file:memorydb")
    if connection.vendor == "sqlite" and not in_memory and not Path(name).exists():
        raise CommandError(
            f"no tizim database in {tizim_home()}: run 'tizim init' first "
            "(or set TIZIM_HOME to an existing instance)"
        )
    try:
        tables = connection.introspection.table_names()
    except OperationalError as exc:
        raise CommandError(f"cannot reach the database: {exc}") from None
    if "registry_record" not in tables:
        raise CommandError("the database is not initialised: run 'tizim init' first")


def migrate(verbosity: int = 0) -> None:
    """Bring the database schema up to date."""
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=verbosity)


def output_file(text: str) -> Path:
    """The file an export goes to, refused before anything is read when it cannot be
    written there (a folder that does not exist, a folder given as the file)."""
    path = Path(text).expanduser()
    if path.is_dir():
        raise CommandError(f"cannot write {text}: it is a folder, not a file")
    folder = path.parent
    if not folder.exists():
        raise CommandError(f"cannot write {text}: no such directory {folder}")
    if not folder.is_dir():
        raise CommandError(f"cannot write {text}: {folder} is not a directory")
    return path


@contextlib.contextmanager
def reporting_write_errors(text: str) -> Iterator[None]:
    """Turn a failure to write an export file (permissions, a full disk) into one line."""
    try:
        yield
    except OSError as exc:
        reason = (exc.strerror or str(exc)).lower()
        raise CommandError(f"cannot write {text}: {reason}") from None


def iso_date(text: str) -> datetime.date:
    """An argparse type: a YYYY-MM-DD date, or a usage error saying what was given."""
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def print_table(
    header: Sequence[str], rows: Sequence[Sequence[str]], out: TextIO, *, indent: str = ""
) -> None:
    """Print ``rows`` under ``header`` as aligned plain-text columns."""
    widths = [max(len(str(c)) for c in col) for col in zip(header, *rows, strict=False)]
    line = "  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True))
    print(indent + line.rstrip(), file=out)
    print(indent + "  ".join("-" * w for w in widths), file=out)
    for row in rows:
        cells = "  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True))
        print(indent + cells.rstrip(), file=out)
