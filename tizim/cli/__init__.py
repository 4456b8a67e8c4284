"""The ``tizim`` command line: init, users, sources, import, export, link, numbers, serve, demo,
audit, evidence, ingest, backup, backup-key, restore and upgrade.

Every subcommand has ``--help``, prints a clear message on bad input and exits non-zero when
it fails. Data lives in ``TIZIM_HOME`` (default ``./tizim-data``); ``DATABASE_URL`` switches
to PostgreSQL. Each command group lives in its own module here and registers its subcommands
from ``main.build_parser``.
"""

from tizim.cli.main import main, run

__all__ = ["main", "run"]
