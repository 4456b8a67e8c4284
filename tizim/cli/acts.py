"""``tizim evidence verify`` and ``tizim export acts``: evidence files and acts of violence."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import Any, TextIO

from tizim.cli.base import (
    EXIT_FAILURE,
    EXIT_OK,
    CommandError,
    output_file,
    reporting_write_errors,
    require_initialised,
    setup_django,
)


def export_acts(args: argparse.Namespace, out: TextIO) -> int:
    """``tizim export acts``: every act, CSV or JSON (docs/acts-data-dictionary.md)."""
    from tizim.acts.exports import write_export as write_acts
    from tizim.audit.services import record_action

    if args.format not in ("csv", "json"):
        raise CommandError("acts are exported as csv or json")
    if args.output in (None, "-"):
        count = write_acts(args.format, sys.stdout)
    else:
        target = output_file(args.output)
        with reporting_write_errors(args.output):
            count = write_acts(args.format, target)
        print(f"{count} acts written to {args.output}", file=out)
    record_action("acts.export", actor="cli", details={"rows": count, "format": args.format})
    return EXIT_OK


def cmd_evidence_verify(args: argparse.Namespace, out: TextIO) -> int:
    """``tizim evidence verify``: recompute every sealed evidence file's SHA-256."""
    setup_django()
    require_initialised()
    from tizim.acts.services import ActsError, recipient_key, verify_evidence

    recipient = private_key = None
    if args.as_user:
        password = os.environ.get("TIZIM_PASSWORD", "")
        if not password:
            if not sys.stdin.isatty():
                raise CommandError("no password: set TIZIM_PASSWORD or run in a terminal")
            password = getpass.getpass(f"password for {args.as_user}: ")
        try:
            recipient, private_key = recipient_key(args.as_user, password)
        except ActsError as exc:
            raise CommandError(str(exc)) from None
    report = verify_evidence(
        recipient=recipient, private_key=private_key, actor=args.as_user or "cli"
    )
    for problem in report.problems:
        print(f"MISMATCH: {problem}", file=out)
    opened = f"; {report.originals} originals opened and checked" if private_key else ""
    if report.ok:
        print(
            f"evidence intact: {report.files} files, {report.blobs} sealed blobs verified{opened}",
            file=out,
        )
        return EXIT_OK
    print(
        f"evidence NOT intact: {len(report.problems)} problem(s) in {report.files} files{opened}",
        file=out,
    )
    return EXIT_FAILURE


def add_parsers(sub: Any) -> None:
    """Add the ``evidence`` subcommands to ``sub`` (the subparsers of ``tizim``)."""
    p = sub.add_parser("evidence", help="evidence files and their chain of custody")
    esub = p.add_subparsers(dest="evidence_command", metavar="ACTION", required=True)
    pv = esub.add_parser(
        "verify",
        help="recompute the SHA-256 of every sealed evidence file; exit 1 on any mismatch",
        description="Without a key, check every sealed blob against its recorded SHA-256. "
        "With --as USER (password from TIZIM_PASSWORD or asked), also open each original and "
        "check it against the SHA-256 sealed with it.",
    )
    pv.add_argument("--as", dest="as_user", metavar="USER", help="a reviewer or admin")
    pv.set_defaults(func=cmd_evidence_verify)
