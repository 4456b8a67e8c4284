"""``tizim source …`` and ``tizim export``: register the lists and write out records and persons."""

from __future__ import annotations

import argparse
import sys
from typing import Any, TextIO

from tizim.cli.acts import export_acts
from tizim.cli.base import (
    EXIT_OK,
    CommandError,
    iso_date,
    output_file,
    print_table,
    reporting_write_errors,
    require_initialised,
    setup_django,
)

# Mirrors registry.models.Source.Kind, so that --help works before Django is set up.
SOURCE_KINDS = (
    "ngo_spreadsheet",
    "radio_list",
    "official_list",
    "press_list",
    "web_form",
    "news_article",
    "interview",
    "other",
)


def cmd_source_add(args: argparse.Namespace, out: TextIO) -> int:
    """``tizim source add``: register a list or channel."""
    setup_django()
    require_initialised()
    from tizim.registry.sources import create_source

    source = create_source(
        args.name,
        kind=args.kind,
        title=args.title or "",
        organisation=args.organisation or "",
        language=args.language or "",
        url=args.url or "",
        obtained_on=args.obtained,
        reliability_note=args.reliability or "",
        default_fate=args.fate or "",
        actor="cli",
    )
    fate = f"; fate of every row without one: {source.default_fate}" if source.default_fate else ""
    print(f"source '{source.name}' added ({source.get_kind_display()}{fate})", file=out)
    return EXIT_OK


def cmd_source_set(args: argparse.Namespace, out: TextIO) -> int:
    """``tizim source set``: say (or unsay) the fate every person on a list shares."""
    setup_django()
    require_initialised()
    from tizim.registry.sources import set_source_fate

    source = set_source_fate(args.name, args.fate, actor="cli")
    if source.default_fate:
        print(
            f"source '{source.name}': rows without a fate of their own are {source.default_fate} "
            "from the next import on",
            file=out,
        )
    else:
        print(f"source '{source.name}': no fate for the whole list", file=out)
    return EXIT_OK


def cmd_source_list(args: argparse.Namespace, out: TextIO) -> int:
    """``tizim source list``: sources with their fate, record, quarantine and person counts."""
    setup_django()
    require_initialised()
    from tizim.registry.selectors import sources_with_counts

    columns = (
        "name",
        "kind",
        "language",
        "default_fate",
        "n_records",
        "n_quarantined",
        "n_persons",
    )
    rows = [tuple(str(getattr(s, c)) for c in columns) for s in sources_with_counts()]
    header = ("source", "kind", "lang", "list's fate", "records", "quarantined", "persons")
    print_table(header, rows, out)
    return EXIT_OK


def cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    """``tizim export``: write records, persons or acts as CSV, XLSX or JSON."""
    setup_django()
    require_initialised()
    from tizim.audit.services import record_action
    from tizim.registry.exports import write_export

    if args.what == "acts":
        return export_acts(args, out)
    if args.format == "xlsx" and args.output in (None, "-"):
        raise CommandError("an XLSX export needs --output FILE")
    if args.output in (None, "-"):
        count = write_export(args.what, args.format, sys.stdout)
    else:
        target = output_file(args.output)
        with reporting_write_errors(args.output):
            count = write_export(args.what, args.format, target)
        print(f"{count} {args.what} written to {args.output}", file=out)
    record_action(
        f"{args.what}.export", actor="cli", details={"rows": count, "format": args.format}
    )
    return EXIT_OK


LIST_FATE_HELP = (
    "the fate every person on the list shares when it has no status column (a list of the "
    "dead: killed; also погиб, қаза тапты, …): rows without a fate of their own take it"
)


def add_source_parsers(sub: Any) -> None:
    """Add the ``source`` subcommands to ``sub`` (the subparsers of ``tizim``)."""
    p = sub.add_parser("source", help="manage sources (lists, forms, articles)")
    ssub = p.add_subparsers(dest="source_command", metavar="ACTION", required=True)
    pa = ssub.add_parser("add", help="register a source")
    pa.add_argument("name", help="short handle, e.g. ngo-sheet")
    pa.add_argument(
        "--kind", required=True, metavar="KIND", help="one of: " + ", ".join(SOURCE_KINDS)
    )
    pa.add_argument("--title")
    pa.add_argument("--organisation")
    pa.add_argument("--language", help="kk, ru, en or mixed")
    pa.add_argument("--url")
    pa.add_argument("--obtained", type=iso_date, help="date obtained, YYYY-MM-DD")
    pa.add_argument("--reliability", help="a note on how far the source can be trusted")
    pa.add_argument("--fate", metavar="FATE", help=LIST_FATE_HELP)
    pa.set_defaults(func=cmd_source_add)
    ps = ssub.add_parser("set", help="say the fate every person on a source's list shares")
    ps.add_argument("name", help="the source's short handle")
    ps.add_argument(
        "--fate", metavar="FATE", required=True, help=LIST_FATE_HELP + "; none to unsay it"
    )
    ps.set_defaults(func=cmd_source_set)
    pl = ssub.add_parser("list", help="list sources with their counts")
    pl.set_defaults(func=cmd_source_list)


def add_export_parser(sub: Any) -> None:
    """Add the ``export`` subcommand to ``sub`` (the subparsers of ``tizim``)."""
    p = sub.add_parser(
        "export", help="export records or persons (CSV, XLSX or JSON), or acts (CSV or JSON)"
    )
    p.add_argument("what", choices=["records", "persons", "acts"])
    p.add_argument("--format", default="csv", choices=["csv", "xlsx", "json"])
    p.add_argument("--output", "-o", help="file to write (default: standard output)")
    p.set_defaults(func=cmd_export)
