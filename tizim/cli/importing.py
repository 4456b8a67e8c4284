"""``tizim import FILE``: import a list (or restore a tizim export), with a dry run that shows
the columns detected, the first rows as parsed and every problem.
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TextIO

from tizim.cli.base import (
    EXIT_OK,
    CommandError,
    iso_date,
    print_table,
    require_initialised,
    setup_django,
)
from tizim.cli.registry import LIST_FATE_HELP
from tizim.core.tables import SPREADSHEET_SUFFIXES, workbook_kind

if TYPE_CHECKING:
    from tizim.core.tables import Table
    from tizim.registry.importing import SheetSample


def cmd_import(args: argparse.Namespace, out: TextIO) -> int:
    """``tizim import``: import a list into a source, or restore a tizim export."""
    setup_django()
    require_initialised()
    from tizim.registry.importing import import_table
    from tizim.registry.restore import is_tizim_export, restore_export

    path = Path(args.file)
    if args.source is None:
        if not is_tizim_export(path):
            raise CommandError(
                "--source is needed: name the source this list comes from "
                "(only a tizim records export carries its own sources)"
            )
        summary = restore_export(path, actor="cli", dry_run=args.dry_run)
        print(
            f"{summary.filename}: a tizim records export, restored with its own sources", file=out
        )
        print_table(
            ("", "rows"),
            [
                ("rows read", str(summary.rows_read)),
                (
                    "restored" if not args.dry_run else "would restore",
                    str(summary.imported + summary.new_versions + summary.quarantined_total),
                ),
                ("unchanged (already here)", str(summary.unchanged)),
            ],
            out,
        )
        return EXIT_OK
    mapping = load_mapping(Path(args.mapping)) if args.mapping else None
    preview = _preview_import(path, args, mapping) if mapping or args.dry_run else None
    if args.dry_run and preview is not None:
        # What was detected and how the first rows read, before the whole file is parsed.
        encoding, delimiter, samples = preview
        _print_layout(path.name, args.source, encoding, delimiter, samples, out)
        for shown in samples:
            _print_sample(shown, out)
        out.flush()
    progress = _progress_printer(path) if sys.stderr.isatty() and not args.quiet else None
    summary = import_table(
        path,
        source_name=args.source,
        actor="cli",
        obtained_on=args.obtained,
        sheet=args.sheet,
        mapping=mapping,
        dry_run=args.dry_run,
        progress=progress,
        default_fate=args.fate,
    )
    if progress:
        print(file=sys.stderr)
    verb = "would import" if summary.dry_run else "imported"
    if preview is None or not args.dry_run:
        _print_layout(
            summary.filename,
            summary.source,
            summary.encoding,
            summary.delimiter,
            summary.sheets,
            out,
        )
    if args.dry_run or args.verbose:
        if summary.problems:
            print("problems:", file=out)
        for sheet, number, problem in summary.problems[: args.max_problems]:
            where = f"sheet '{sheet}' " if sheet else ""
            print(f"  {where}row {number}: {problem}", file=out)
        if len(summary.problems) > args.max_problems:
            print(f"  … and {len(summary.problems) - args.max_problems} more", file=out)
        if summary.unknown_places:
            _print_unknown_places(summary.unknown_places, args.max_problems, out)
    for hint in summary.hints:
        print(f"note: {hint}", file=out)
    rows = [
        ("rows read", str(summary.rows_read)),
        (verb, str(summary.imported)),
        ("new versions of changed rows", str(summary.new_versions)),
        ("unchanged (already imported)", str(summary.unchanged)),
        ("vanished since the last import (flagged, kept)", str(summary.vanished)),
        ("quarantined (kept, with the reason)", str(summary.quarantined_total)),
        *((f"  quarantined: {k}", str(v)) for k, v in summary.quarantined.most_common()),
    ]
    if summary.default_fate:
        rows.append((f"fate from the list: {summary.default_fate}", str(summary.default_fate_rows)))
    print_table(("", "rows"), rows, out)
    if summary.dry_run:
        print("dry run: nothing was written", file=out)
    elif summary.imported or summary.new_versions:
        _link_after_import(args, out)
    return EXIT_OK


def _link_after_import(args: argparse.Namespace, out: TextIO) -> None:
    """Link the records just imported into the registry's persons (unless ``--no-link``), so
    that people already in the registry are not counted again as new."""
    if args.no_link:
        print("not linked (--no-link): run 'tizim link' before counting", file=out)
        return
    from tizim.linkage.incremental import link_new_records, linkage_lock

    warnings.filterwarnings("ignore", category=FutureWarning)
    lock = linkage_lock()
    if not lock.acquire(timeout=600):
        raise CommandError("another linkage run is still going: run 'tizim link' later")
    try:
        outcome = link_new_records(actor="cli")
    finally:
        lock.release()
    rows = [
        ("records that joined persons already in the registry", str(outcome.joined_existing)),
        ("new persons", str(outcome.new_persons)),
        ("records waiting for review (counted as new persons meanwhile)", str(outcome.for_review)),
    ]
    print_table(("linked into persons", ""), rows, out)


# How many rows of each sheet a dry run shows as parsed, and how wide a shown cell may be.
SAMPLE_ROWS = 5


_SAMPLE_CELL_WIDTH = 24


def _preview_import(
    path: Path, args: argparse.Namespace, mapping: dict[str, str] | None
) -> tuple[str, str, list[SheetSample]] | None:
    """Open the file as the import will, refuse a mapping that names headers the file does
    not have, and parse the first rows of each sheet: the encoding and delimiter found, and
    each sheet's sample. None when the source is unknown: the import itself then says so."""
    from tizim.core.headers import headers_not_found
    from tizim.core.tables import close_tables, open_tables
    from tizim.registry.importing import reference_date_for, sample_tables
    from tizim.registry.models import Source
    from tizim.registry.sources import list_fate

    source = Source.objects.filter(name=args.source).first()
    if source is None:
        return None
    tables = open_tables(path, sheet=args.sheet)
    try:
        missing = headers_not_found(mapping or {}, [t.headers for t in tables])
        if missing:
            raise CommandError(_missing_headers_message(Path(args.mapping), path, missing, tables))
        sheets = sample_tables(
            tables,
            mapping=mapping,
            reference_date=reference_date_for(source, args.obtained),
            rows=SAMPLE_ROWS,
            default_fate=source.default_fate if args.fate is None else list_fate(args.fate),
        )
    finally:
        close_tables(tables)
    return tables[0].encoding, tables[0].delimiter, sheets


def _missing_headers_message(
    mapping_path: Path, path: Path, missing: list[str], tables: Sequence[Table]
) -> str:
    names = ", ".join(repr(h) for h in missing)
    if len(tables) == 1:
        have = ", ".join(repr(h) for h in tables[0].headers if h) or "none"
    else:
        have = "; ".join(
            f"sheet '{t.sheet}': " + (", ".join(repr(h) for h in t.headers if h) or "none")
            for t in tables
        )
    return (
        f"mapping {mapping_path.name} names column(s) {path.name} does not have: {names} "
        f"(its columns are: {have})"
    )


class _SheetColumns(Protocol):
    @property
    def sheet(self) -> str: ...
    @property
    def headers(self) -> Sequence[str]: ...
    @property
    def column_map(self) -> dict[int, str]: ...


def _print_layout(
    filename: str,
    source: str,
    encoding: str,
    delimiter: str,
    sheets: Sequence[_SheetColumns],
    out: TextIO,
) -> None:
    """What was detected in the file, then each sheet's columns: which field each header feeds
    and which headers are kept in the raw values only."""
    detected = (
        f"encoding {encoding}, delimiter {delimiter!r}" if encoding else f"{len(sheets)} sheet(s)"
    )
    print(f"{filename} → source '{source}' ({detected})", file=out)
    for table in sheets:
        where = f"sheet '{table.sheet}': " if table.sheet else ""
        headers = table.headers
        mapped = ", ".join(f"{headers[i]!r}→{f}" for i, f in sorted(table.column_map.items()))
        print(f"{where}columns: {mapped or 'none recognised'}", file=out)
        for index, field in sorted(table.column_map.items()):
            if field.endswith("_month_first"):
                print(
                    f"{where}dates in {headers[index]!r} are read month first (1/8/2022 is "
                    f"8 January), as its values are written; a mapping of the column to "
                    f"{field.removesuffix('_month_first')} reads them day first",
                    file=out,
                )
        unmapped = [h for i, h in enumerate(headers) if i not in table.column_map]
        if unmapped:
            print(f"{where}kept in raw values only: {', '.join(map(repr, unmapped))}", file=out)


def _print_unknown_places(places: Counter[str], shown: int, out: TextIO) -> None:
    """Places the gazetteer does not know, most named first: the rows are imported with the
    place as written but no region, so a misspelt city is worth a fix or a mapping first."""
    print("places not in the gazetteer (kept as written, no region):", file=out)
    for text, rows in places.most_common(shown):
        print(f"  {text!r}: {rows} row(s)", file=out)
    if len(places) > shown:
        print(f"  … and {len(places) - shown} more", file=out)


def _place_text(fields: dict[str, Any]) -> str:
    """The place as written and the gazetteer place it was folded to ("?" when none), so a
    preview shows whether the city was understood."""
    text = _sample_cell(fields.get("place_text"))
    if not text:
        return ""
    return f"{text} → {fields.get('place_code') or '?'}"


def _print_sample(sheet: SheetSample, out: TextIO) -> None:
    """The first rows of a sheet as parsed: what each row would become, or why it would be
    quarantined (written across the row, so that it does not widen a column)."""
    where = f"sheet '{sheet.sheet}': " if sheet.sheet else ""
    if not sheet.rows:
        print(f"{where}no data rows", file=out)
        return
    print(f"{where}first {len(sheet.rows)} row(s) as parsed:", file=out)
    header = ("row", "surname", "given name", "patronymic", "birth", "place", "fate", "date")
    lines: list[list[str] | tuple[str, str]] = []
    for number, parsed in sheet.rows:
        fields = parsed.fields
        if parsed.problems:
            lines.append((str(number), "quarantined: " + parsed.quarantine_reason))
            continue
        event = fields.get("event_date")
        lines.append(
            [
                str(number),
                *(_sample_cell(fields.get(f)) for f in ("surname", "given_name", "patronymic")),
                _birth_text(fields),
                _place_text(fields),
                str(fields.get("fate", "")),
                event.isoformat() if event else "",
            ]
        )
    widths = [len(h) for h in header]
    for line in lines:
        for i, cell in enumerate(line if isinstance(line, list) else line[:1]):
            widths[i] = max(widths[i], len(cell))
    indent = "  "
    print(
        indent + "  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip(),
        file=out,
    )
    print(indent + "  ".join("-" * w for w in widths), file=out)
    for line in lines:
        if isinstance(line, tuple):
            print(f"{indent}{line[0].ljust(widths[0])}  {line[1]}", file=out)
        else:
            cells = "  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True))
            print(indent + cells.rstrip(), file=out)


def _sample_cell(value: object) -> str:
    text = str(value or "")
    return text if len(text) <= _SAMPLE_CELL_WIDTH else text[: _SAMPLE_CELL_WIDTH - 1] + "…"


def _birth_text(fields: dict[str, Any]) -> str:
    born = fields.get("birth_date")
    if born:
        return str(born.isoformat())
    low, high = fields.get("birth_year_min"), fields.get("birth_year_max")
    if low is None or high is None:
        return ""
    return str(low) if low == high else f"{low}–{high}"


def load_mapping(path: Path) -> dict[str, str]:
    """Read a column mapping: a TOML file whose ``[columns]`` table maps a header, as written
    in the sheet, to a field (or to "" to keep that column in the raw values only)."""
    import tomllib

    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError:
        raise CommandError(f"no such mapping file: {path}") from None
    except tomllib.TOMLDecodeError as exc:
        raise CommandError(f"mapping {path.name} is not valid TOML: {exc}") from None
    columns = data.get("columns")
    if not isinstance(columns, dict) or not all(isinstance(v, str) for v in columns.values()):
        raise CommandError(
            f'mapping {path.name} needs a [columns] table of "header" = "field" lines'
        )
    return {str(k): v for k, v in columns.items()}


def _progress_printer(path: Path) -> Callable[[int], None]:
    """A progress bar on the terminal; for a CSV file the total is estimated from its lines
    (a cell with line breaks makes it a little high), for a workbook rows are counted."""
    workbook = path.suffix.lower() in SPREADSHEET_SUFFIXES or workbook_kind(path)
    total = 0 if workbook else _count_lines(path) - 1
    started = time.monotonic()

    def show(rows: int) -> None:
        rate = rows / max(time.monotonic() - started, 1e-6)
        if total > 0:
            share = min(rows / total, 1.0)
            bar = "#" * int(share * 30)
            line = f"[{bar:<30}] {share:4.0%} {rows:,}/{total:,} rows, {rate:,.0f} rows/s"
        else:
            line = f"{rows:,} rows read, {rate:,.0f} rows/s"
        print(f"\r{path.name}: {line}", end="", file=sys.stderr, flush=True)

    return show


def _count_lines(path: Path) -> int:
    try:
        with path.open("rb") as fh:
            return sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b""))
    except OSError:
        return 0


def add_parsers(sub: Any) -> None:
    """Add the ``import`` subcommand to ``sub`` (the subparsers of ``tizim``)."""
    p = sub.add_parser("import", help="import a CSV, XLSX or ODS list into a source")
    p.add_argument("file")
    p.add_argument("--sheet", help="only this sheet of a workbook (default: every sheet)")
    p.add_argument(
        "--mapping",
        help='TOML file: [columns] "header as written" = "field" (or "" to skip); a header '
        "the file does not have is refused",
    )
    p.add_argument(
        "--source",
        help="name of an existing source (not needed for a tizim records export, which "
        "carries its own)",
    )
    p.add_argument(
        "--obtained",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help="date this version of the list was obtained (default: the source's --obtained "
        "date, else today). Dates written without a year (06.01, 6 января) are taken in its "
        "year, ages are counted from it when a row has no event date, and statuses without a "
        "date count as known from then",
    )
    p.add_argument(
        "--dry-run",
        action="store_true",
        help="show the columns detected, the first rows as parsed, every problem and the "
        "counts; write nothing",
    )
    p.add_argument(
        "--fate",
        metavar="FATE",
        help="for this file instead of the source's fate (tizim source set NAME --fate): "
        + LIST_FATE_HELP,
    )
    p.add_argument(
        "--no-link",
        action="store_true",
        help="do not link the new records into persons after the import (run 'tizim link' "
        "later; until then people already in the registry are counted again)",
    )
    p.add_argument("--verbose", action="store_true", help="list every problem")
    p.add_argument("--quiet", action="store_true", help="no progress display")
    p.add_argument("--max-problems", type=int, default=200, help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_import)
