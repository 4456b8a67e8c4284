"""The ``tizim`` parser and entry point: every command group registers its subcommands here,
in the order ``tizim --help`` lists them.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import TextIO

from tizim.cli import (
    accounts,
    acts,
    audit,
    backups,
    importing,
    instance,
    linkage,
    numbers,
    registry,
)
from tizim.cli.base import EXIT_FAILURE, CommandError, prepare_home, setup_django
from tizim.cli.ingest import add_ingest_parser


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every subcommand."""
    parser = argparse.ArgumentParser(
        prog="tizim",
        description="tizim: a registry of people killed, missing, detained, injured and "
        "tortured, built from many overlapping lists. Data lives in $TIZIM_HOME "
        "(default ./tizim-data); DATABASE_URL selects PostgreSQL.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    for add_parsers in (
        instance.add_init_parser,
        accounts.add_parsers,
        registry.add_source_parsers,
        importing.add_parsers,
        registry.add_export_parser,
        linkage.add_parsers,
        numbers.add_parsers,
        instance.add_serving_parsers,
        audit.add_parsers,
        acts.add_parsers,
        add_ingest_parser,
        backups.add_parsers,
    ):
        add_parsers(sub)
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run one command; returns the exit status (the console script exits with it)."""
    stream = out or sys.stdout
    parser = build_parser()
    args = parser.parse_args(list(argv) if argv is not None else None)
    if args.command in ("init", "demo"):
        # The secret key must exist before settings are read, or sessions would not survive
        # a restart of the server.
        prepare_home()
    try:
        setup_django()
    except CommandError as exc:  # a setting that cannot be used: say which, no traceback
        print(f"tizim: error: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    from tizim.core.errors import ParseError
    from tizim.registry.errors import RegistryError

    try:
        return int(args.func(args, stream))
    except (CommandError, RegistryError) as exc:
        print(f"tizim: error: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    except ParseError as exc:
        print(f"tizim: error: {exc.reason}", file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        print("tizim: interrupted", file=sys.stderr)
        return 130


def run() -> None:
    """Console-script entry point."""
    try:
        status = main()
        # Flushed here, so that a reader gone away shows up as BrokenPipeError below, not
        # as a message when the interpreter flushes at exit.
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader stopped reading (``tizim export … | head``): not an error of ours. As the
        # Python docs advise, stdout goes to devnull so that the flush at exit cannot fail
        # again; exit 1 as Python itself does on EPIPE.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(EXIT_FAILURE)
    sys.exit(status)
