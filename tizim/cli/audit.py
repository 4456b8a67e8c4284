"""``tizim audit …``: verify the tamper-evident audit log and print a checkpoint."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from tizim.cli.base import EXIT_FAILURE, EXIT_OK, CommandError, require_initialised, setup_django


def cmd_audit_verify(args: argparse.Namespace, out: TextIO) -> int:
    """``tizim audit verify``: recompute the audit log's keyed hash chain."""
    setup_django()
    require_initialised()
    from tizim.audit.selectors import parse_checkpoint, verify_chain
    from tizim.registry.integrity import verify_records

    try:
        checkpoint = parse_checkpoint(args.checkpoint) if args.checkpoint else None
    except ValueError as exc:
        raise CommandError(str(exc)) from None
    report = verify_chain(checkpoint)
    records = verify_records()
    problems = report.problems + records.problems
    for problem in problems:
        print(f"TAMPERED: {problem}", file=out)
    how = f"{report.keyed_entries} keyed (HMAC-SHA256)"
    if report.legacy_entries:
        how += (
            f", {report.legacy_entries} written before the audit key existed (plain SHA-256,"
            " anchored by the first keyed entry)"
        )
    if not report.keyed_entries:
        how = "none keyed yet: the log is keyed from its next entry"
    checked = (
        f"{records.checked_records} records of {records.checked_entries} audited writes "
        f"checked, raw-value trigger {'present' if records.trigger_present else 'MISSING'}"
        + (f", checkpoint of {checkpoint.entries} entries checked" if checkpoint else "")
    )
    if not problems:
        print(f"audit log intact: {report.entries} entries verified ({how})", file=out)
        print(checked, file=out)
        return EXIT_OK
    print(
        f"audit log NOT intact: {len(problems)} problem(s) in {report.entries} entries ({how}); "
        + checked,
        file=out,
    )
    return EXIT_FAILURE


def cmd_audit_checkpoint(args: argparse.Namespace, out: TextIO) -> int:
    """``tizim audit checkpoint``: print the log's size and last hash as one line."""
    setup_django()
    require_initialised()
    from tizim.audit.selectors import current_checkpoint

    print(current_checkpoint().line(), file=out)
    return EXIT_OK


def add_parsers(sub: Any) -> None:
    """Add the ``audit`` subcommands to ``sub`` (the subparsers of ``tizim``)."""
    p = sub.add_parser("audit", help="the tamper-evident audit log")
    asub = p.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    pv = asub.add_parser(
        "verify",
        help="recompute the keyed hash chain and check every audited record and the raw-value "
        "trigger; exit 1 if tampered",
    )
    pv.add_argument(
        "--checkpoint",
        metavar="LINE",
        help="a line printed earlier by 'tizim audit checkpoint': also catch deleted newest "
        "entries and a rolled-back log",
    )
    pv.set_defaults(func=cmd_audit_verify)
    pc = asub.add_parser(
        "checkpoint",
        help="print the log's size and last hash as one line, to keep away from the server",
    )
    pc.set_defaults(func=cmd_audit_checkpoint)
