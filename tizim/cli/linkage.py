"""``tizim link``: link records describing the same person into persons."""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from typing import Any, TextIO

from tizim.cli.base import EXIT_OK, require_initialised, setup_django


def _probability(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0.0 < value < 1.0:
        raise argparse.ArgumentTypeError(f"a probability between 0 and 1, not {text}")
    return value


def cmd_link(args: argparse.Namespace, out: TextIO) -> int:
    """``tizim link``: link records describing the same person into persons."""
    setup_django()
    require_initialised()
    from tizim.linkage.services import link_records

    started = time.monotonic()

    def stage(text: str) -> None:
        # On standard error, so that the summary below stays the only output to read.
        print(f"[{time.monotonic() - started:5.0f} s] {text}…", file=sys.stderr, flush=True)

    # Library deprecation notices (pandas through Splink) are for developers, not for the
    # person linking a list.
    warnings.filterwarnings("ignore", category=FutureWarning)
    result = link_records(
        threshold=args.threshold,
        backend=args.backend,
        full=args.full,
        actor="cli",
        spark_master=args.spark_master,
        progress=stage,
    )
    print(
        f"link run #{result.run_id} ({args.backend}): {result.records} records "
        f"({result.new_records} new), {result.pairs_scored} candidate pairs scored → "
        f"{result.persons} persons; {result.records_moved} records moved; "
        f"{result.queued} pairs queued for review",
        file=out,
    )
    for note in result.notes:
        print(f"  note: {note}", file=out)
    return EXIT_OK


def add_parsers(sub: Any) -> None:
    """Add the ``link`` subcommand to ``sub`` (the subparsers of ``tizim``)."""
    p = sub.add_parser(
        "link",
        help="link records describing the same person into persons (Splink)",
        description="Score candidate pairs with a Splink model trained on the registry itself, "
        "cluster them into persons at the threshold and queue uncertain pairs for review. "
        "Incremental unless --full: persons settled by earlier runs stay whole and new records "
        "join them. Reviewers' decisions always bind.",
    )
    p.add_argument(
        "--threshold",
        type=_probability,
        default=0.8,
        help="match probability at which two records become one person (default 0.8)",
    )
    p.add_argument("--backend", choices=["duckdb", "spark"], default="duckdb")
    p.add_argument(
        "--spark-master",
        metavar="spark://HOST:PORT",
        help="with --backend spark: run on this Spark standalone cluster instead of a local "
        "Spark (the driver's work folder, under TIZIM_SPARK_DIR if set, must be visible to "
        "every worker at the same path)",
    )
    p.add_argument(
        "--full",
        action="store_true",
        help="re-decide every machine-made link, not only new records",
    )
    p.set_defaults(func=cmd_link)
