"""``tizim estimate`` and ``tizim counts``: documented counts and estimates of the undocumented
total.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from tizim.cli.base import EXIT_OK, CommandError, iso_date, print_table, require_initialised


def _estimate_report_lines(report: Any, out: TextIO, *, indent: str = "") -> None:
    """Print one report's estimates, side by side, and its warnings."""
    rows = []
    for e in report.estimates:
        rows.append(
            [
                ("* " if e.recommended else "  ") + e.method,
                e.interval_kind,
                str(e.observed),
                _number(e.estimate),
                _number(e.lower),
                _number(e.upper) if e.upper is not None else "open",
                e.model,
            ]
        )
    if rows:
        print_table(
            ["  method", "interval", "observed", "estimate", "lower", "upper", "model"],
            rows,
            out,
            indent=indent,
        )
    for e in report.estimates:
        for line in _assumption_lines(e.details):
            print(f"{indent}{e.method}: {line}", file=out)
    for warning in report.warnings:
        print(f"{indent}warning [{warning.code}]: {warning.message}", file=out)
    if report.recommendation:
        print(f"{indent}{report.recommendation}", file=out)


def _assumption_lines(details: dict[str, Any]) -> list[str]:
    """What an estimate rests on, as the estimate page says it: its prior, more than one mode
    of its posterior, and how far it moves under another usual prior."""
    lines = []
    prior = details.get("prior")
    if isinstance(prior, dict) and prior.get("text"):
        lines.append(f"prior: {prior['text']}")
    modes = details.get("modes")
    if isinstance(modes, list) and len(modes) > 1:
        lines.append(f"more than one mode: {details.get('modes_text', '')}")
    for other in details.get("sensitivity") or ():
        if isinstance(other, dict) and other.get("text"):
            lines.append(f"sensitivity: {other['text']}")
    return lines


def _number(value: float | None) -> str:
    if value is None or value != value or value in (float("inf"), float("-inf")):
        return "-"
    return f"{value:,.0f}"


def _overlap_lines(table: Any, out: TextIO, *, indent: str = "") -> None:
    rows = [
        ["".join("1" if on else "0" for on in row.pattern), str(row.count)]
        for row in table.overlap_rows()
    ]
    print(
        f"{indent}lists: "
        + ", ".join(
            f"{i + 1}={name} ({size})" for i, (name, size) in enumerate(table.list_sizes().items())
        ),
        file=out,
    )
    print_table(["pattern", "persons"], rows, out, indent=indent)


def cmd_estimate(args: argparse.Namespace, out: TextIO) -> int:
    """``tizim estimate``: multiple systems estimation on a table or the registry's lists."""
    import json

    from tizim.core.estimation import (
        DEFAULT_METHODS,
        CaptureHistoryTable,
        EstimationSettings,
        ShapeCheckSettings,
        estimate_all,
    )

    methods = args.method or DEFAULT_METHODS
    if args.hard_to_record is not None and args.hard_to_record < 1:
        raise CommandError("--hard-to-record is how many times harder to record: at least 1")
    check = ShapeCheckSettings()
    if args.no_shape_check:
        check = ShapeCheckSettings(tables=0)
    elif args.hard_to_record is not None:
        check = ShapeCheckSettings(harder=args.hard_to_record)
    settings = EstimationSettings(shape_check=check)
    if args.table is not None:
        if args.by or args.as_of or args.lists:
            raise CommandError("--by, --as-of and --lists apply to --fate, not to --table")
        table = CaptureHistoryTable.from_csv(args.table)
        report = estimate_all(table, methods, seed=args.seed, settings=settings)
        if args.json:
            print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2), file=out)
            return EXIT_OK
        print(f"{args.table}: {table.n_lists} lists, {table.observed} persons observed", file=out)
        _overlap_lines(table, out)
        print(file=out)
        _estimate_report_lines(report, out)
        return EXIT_OK

    require_initialised()
    from tizim.core.estimation import StratifiedReport
    from tizim.core.estimation.warnings import SHAPE_CHECK
    from tizim.estimates.services import estimate_registry

    result = estimate_registry(
        selector=args.fate,
        by=args.by or "",
        as_of=args.as_of,
        lists=[n.strip() for n in args.lists.split(",") if n.strip()] if args.lists else None,
        methods=methods,
        seed=args.seed,
        actor="cli",
        save=not args.no_save,
        settings=settings,
    )
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2), file=out)
        return EXIT_OK
    saved = f" (saved as estimate #{result.run.pk})" if result.run else ""
    print(
        f"estimate of '{args.fate}'"
        + (f" by {args.by}" if args.by else "")
        + (f" as of {args.as_of}" if args.as_of else "")
        + f" from {len(result.lists)} lists in {result.seconds:.1f} s{saved}",
        file=out,
    )
    if isinstance(result.report, StratifiedReport):
        for key, stratum in result.report.strata.items():
            print(f"\n== {key}: {stratum.observed} persons observed", file=out)
            _overlap_lines(result.tables[key], out, indent="   ")
            _estimate_report_lines(stratum, out, indent="   ")
        print("\n== sum over strata", file=out)
        rows = [
            [
                e.method,
                e.interval_kind,
                str(e.observed),
                _number(e.estimate),
                _number(e.lower),
                _number(e.upper) if e.upper is not None else "-",
            ]
            for e in result.report.totals
        ]
        print_table(["method", "interval", "observed", "estimate", "lower", "upper"], rows, out)
        for warning in (w for e in result.report.totals for w in e.warnings):
            if warning.code == SHAPE_CHECK:
                print(f"warning [{warning.code}]: {warning.message}", file=out)
        if result.report.lead:
            print(str(result.report.lead.get("text", "")), file=out)
    else:
        _overlap_lines(
            result.tables.get("all") or CaptureHistoryTable.from_person_sets([], result.lists), out
        )
        print(file=out)
        _estimate_report_lines(result.report, out)
    return EXIT_OK


def cmd_counts(args: argparse.Namespace, out: TextIO) -> int:
    """``tizim counts``: documented persons per fate group on a day, and claims beside them."""
    import json

    require_initialised()
    from tizim.core.counting import Measure, selector_label
    from tizim.core.places import place_name
    from tizim.estimates import selectors

    people = selectors.person_facts()
    day = args.on or selectors.default_day()
    table = selectors.documented_counts(
        day,
        by=args.by,
        measure=Measure(args.measure),
        known_by=args.known_by,
        source=args.source or "",
        people=people,
    )
    claims = selectors.claims_beside_counts(people) if args.claims else []
    if args.json:
        data: dict[str, object] = {
            "on": day.isoformat(),
            "measure": table.measure.value,
            "known_by": args.known_by.isoformat() if args.known_by else None,
            "by": table.by,
            "source": args.source or None,
            "rows": [
                {"key": row, **{s: table.cell(row, s) for s in table.selectors}}
                for row in table.rows
            ],
            "totals": dict(table.totals),
        }
        if args.claims:
            data["claims"] = [
                {
                    "claimant": c.claim.claimant,
                    "counted": c.claim.counted,
                    "value": c.claim.value,
                    "qualifier": c.claim.qualifier,
                    "as_of": c.claim.as_of.isoformat(),
                    "measure": c.claim.measure,
                    "status": c.claim.status,
                    "compared_with": c.group or None,
                    "documented": c.documented,
                }
                for c in claims
            ]
        print(json.dumps(data, ensure_ascii=False, indent=2), file=out)
        return EXIT_OK
    known = f", as known by {args.known_by}" if args.known_by else ""
    print(f"documented persons {Measure(args.measure).label} {day}{known}", file=out)
    names = {row: (place_name(row) if table.by == "region" else row) for row in table.rows}
    rows = [[names[r], *[str(table.cell(r, s)) for s in table.selectors]] for r in table.rows]
    rows.append(["all (distinct persons)", *[str(table.totals[s]) for s in table.selectors]])
    print_table([table.by, *table.selectors], rows, out)
    if args.claims:
        print("\nclaims beside the documented count of the same thing on the same day", file=out)
        crow = [
            [
                str(c.claim.as_of),
                c.claim.claimant[:40],
                f"{c.claim.get_qualifier_display()} {c.claim.value:,}",
                c.claim.counted[:40],
                c.claim.status,
                "-" if c.documented is None else f"{c.documented:,} {selector_label(c.group)[:20]}",
            ]
            for c in claims
        ]
        print_table(["as of", "claimant", "claim", "counted", "status", "documented"], crow, out)
    return EXIT_OK


def add_parsers(sub: Any) -> None:
    """Add the ``estimate`` and ``counts`` subcommands to ``sub`` (the subparsers of ``tizim``)."""
    p = sub.add_parser(
        "estimate",
        help="estimate the undocumented total by multiple systems estimation",
        description="Fit every method (log-linear independence and stepwise AIC, Bayesian "
        "graphical model averaging, latent class) to a capture-history table given directly "
        "(--table: one 0/1 column per list, the last column the count) or built from the "
        "registry's linked lists (--fate). Estimates that disagree are all shown, with "
        "warnings; the recommended one is marked with *.",
    )
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--table", type=Path, metavar="FILE.csv", help="a capture-history table")
    what.add_argument(
        "--fate",
        metavar="FATE",
        help="a fate (killed, detained, …) or group (dead, custody, missing, …) to estimate",
    )
    p.add_argument("--by", choices=["region"], help="estimate per region and sum the strata")
    p.add_argument("--as-of", type=iso_date, help="count fates up to this date only (YYYY-MM-DD)")
    p.add_argument("--lists", help="comma-separated source names to use as lists (default: all)")
    p.add_argument(
        "--method",
        action="append",
        choices=["independence", "stepwise_aic", "loglinear", "graphical_bma", "latent_class"],
        help="a method to fit (repeatable; default: all but loglinear)",
    )
    p.add_argument("--seed", type=int, default=0, help="random seed (results are reproducible)")
    p.add_argument(
        "--hard-to-record",
        type=float,
        metavar="TIMES",
        help="the simulation check on the table's shape draws populations in which 70%% of "
        "the people are TIMES harder to record than the rest (default 4.5; 1: nobody harder)",
    )
    p.add_argument(
        "--no-shape-check",
        action="store_true",
        help="lead without the simulation check on the table's shape (docs/estimation.md)",
    )
    p.add_argument("--json", action="store_true", help="print JSON instead of tables")
    p.add_argument("--no-save", action="store_true", help="do not keep the run (--fate only)")
    p.set_defaults(func=cmd_estimate)

    p = sub.add_parser(
        "counts",
        help="documented counts by fate and region (or source) for any day",
        description="Count the persons documented in each fate group on a day: in that status "
        "on the day (--measure on_date, the default) or at any time up to it (--measure ever); "
        "with --known-by, only what the sources had said by that date.",
    )
    p.add_argument("--on", type=iso_date, help="the day (default: the last day of any event)")
    p.add_argument("--by", choices=["region", "source", "none"], default="region")
    p.add_argument("--measure", choices=["on_date", "ever"], default="on_date")
    p.add_argument("--known-by", type=iso_date, help="what the sources had said by this date")
    p.add_argument("--source", help="only persons this source recorded")
    p.add_argument("--claims", action="store_true", help="also show claims beside the counts")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.set_defaults(func=cmd_counts)
