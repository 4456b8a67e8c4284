"""The ``tizim`` command line: init, sources, import, export, link, serve, demo, audit.

Every subcommand has ``--help``, prints a clear message on bad input and exits non-zero when
it fails. Data lives in ``TIZIM_HOME`` (default ``./tizim-data``); ``DATABASE_URL`` switches
to PostgreSQL.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import getpass
import os
import secrets
import sys
import time
import warnings
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TextIO

from tizim.core.tables import SPREADSHEET_SUFFIXES, workbook_kind

if TYPE_CHECKING:
    from tizim.core.tables import Table
    from tizim.registry.services import SheetSample

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

# Mirrors accounts.roles.Role, for --help before Django is set up.
ROLES = ("admin", "reviewer", "volunteer", "analyst", "partner")

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2


class CommandError(Exception):
    """A failure to report to the user as one line, without a traceback."""


# --- set-up --------------------------------------------------------------------------------


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

    django.setup()


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


# --- commands ------------------------------------------------------------------------------


def cmd_init(args: argparse.Namespace, out: TextIO) -> int:
    home = prepare_home()
    setup_django()
    migrate()
    from django.db import connection

    where = (
        f"SQLite database {connection.settings_dict['NAME']}"
        if connection.vendor == "sqlite"
        else f"PostgreSQL database '{connection.settings_dict['NAME']}'"
    )
    from tizim.audit.services import start_keyed_chain

    if start_keyed_chain():
        print("audit log keyed: back up the audit key (TIZIM_HOME/audit_key) offline", file=out)
    print(f"tizim instance ready in {home} ({where})", file=out)
    if args.admin:
        password = _password_for(args.admin)
        _ensure_user(args.admin, password, admin=True)
        print(f"admin user '{args.admin}' ready", file=out)
    return EXIT_OK


def _password_for(username: str) -> str:
    password = os.environ.get("TIZIM_ADMIN_PASSWORD", "")
    if password:
        return password
    if not sys.stdin.isatty():
        raise CommandError("no password: set TIZIM_ADMIN_PASSWORD or run in a terminal to be asked")
    password = getpass.getpass(f"password for {username}: ")
    if password != getpass.getpass("again: "):
        raise CommandError("the two passwords differ")
    return password


def _ensure_user(
    username: str, password: str, *, admin: bool = False, role: str | None = None
) -> None:
    """Create ``username`` or reset its password; give it ``role`` (or keep its role).

    ``admin`` is role admin and also superuser. A new user without a role is a data-entry
    volunteer. A user who may unseal gets a recipient key wrapped with the password (a reset
    gives a new key: nobody can unwrap the old one).
    """
    from django.core.exceptions import ValidationError
    from django.db import transaction

    from tizim.accounts import services as accounts
    from tizim.accounts.roles import Role, parse_role, user_role

    try:
        wanted = Role.ADMIN if admin else parse_role(role) if role else None
    except ValueError as exc:
        raise CommandError(str(exc)) from None
    with transaction.atomic():
        user, created = accounts.account(username)
        if created:
            wanted = wanted or Role.VOLUNTEER
        if wanted is not None and (wanted != user_role(user) or admin):
            accounts.set_role(user, wanted, actor="cli")
        if admin and not user.is_superuser:
            user.is_superuser = True
            user.save(update_fields=["is_superuser"])
        try:
            accounts.set_password(user, password, actor="cli")
        except ValidationError as exc:
            raise CommandError("password refused: " + " ".join(exc.messages)) from None


def cmd_user_add(args: argparse.Namespace, out: TextIO) -> int:
    setup_django()
    require_initialised()
    _ensure_user(args.username, _password_for(args.username), admin=args.admin, role=args.role)
    from django.contrib.auth import get_user_model

    from tizim.accounts.roles import requires_two_factor, user_role
    from tizim.accounts.selectors import active_key, has_two_factor

    user = get_user_model().objects.get(username=args.username)
    role = user_role(user)
    print(
        f"user '{args.username}' ready: role {role.value if role else 'none'}"
        f"{' (superuser)' if user.is_superuser else ''}",
        file=out,
    )
    key = active_key(user)
    if key is not None:
        print(f"recipient key fingerprint: {key.fingerprint}", file=out)
    if requires_two_factor(user) and not has_two_factor(user):
        print(
            "two-factor login is required for this role: at the first login the user sets up "
            "an authenticator app",
            file=out,
        )
    return EXIT_OK


def cmd_user_list(args: argparse.Namespace, out: TextIO) -> int:
    setup_django()
    require_initialised()
    from tizim.accounts.selectors import staff_accounts

    rows = [
        [
            a.username,
            (a.role.value if a.role else "-") if a.active else "disabled",
            "yes" if a.two_factor else "no",
            a.fingerprint or "-",
        ]
        for a in staff_accounts()
    ]
    _print_table(["user", "role", "2FA", "recipient key"], rows, out)
    return EXIT_OK


def cmd_user_role(args: argparse.Namespace, out: TextIO) -> int:
    setup_django()
    require_initialised()
    from django.contrib.auth import get_user_model

    from tizim.accounts import services as accounts
    from tizim.accounts.roles import can_unseal, parse_role, requires_two_factor
    from tizim.accounts.selectors import active_key, has_two_factor

    try:
        role = parse_role(args.role)
    except ValueError as exc:
        raise CommandError(str(exc)) from None
    user = get_user_model().objects.filter(username=args.username).first()
    if user is None:
        raise CommandError(f"no user '{args.username}': add it with 'tizim user add'")
    accounts.set_role(user, role, actor="cli")
    print(f"user '{args.username}' now has role {role.value}", file=out)
    if can_unseal(user) and active_key(user) is None:
        print(
            "a recipient key is made at the user's next login (it needs their password)", file=out
        )
    if requires_two_factor(user) and not has_two_factor(user):
        print("the user sets up an authenticator app at their next login", file=out)
    return EXIT_OK


def cmd_source_add(args: argparse.Namespace, out: TextIO) -> int:
    setup_django()
    require_initialised()
    from tizim.registry.services import create_source

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
    setup_django()
    require_initialised()
    from tizim.registry.services import set_source_fate

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
    _print_table(header, rows, out)
    return EXIT_OK


def cmd_import(args: argparse.Namespace, out: TextIO) -> int:
    setup_django()
    require_initialised()
    from tizim.registry.services import import_table, is_tizim_export, restore_export

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
        _print_table(
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
    _print_table(("", "rows"), rows, out)
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
    _print_table(("linked into persons", ""), rows, out)


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
    from tizim.registry.models import Source
    from tizim.registry.services import list_fate, reference_date_for, sample_tables

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


def cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    setup_django()
    require_initialised()
    from tizim.audit.services import record_action
    from tizim.registry.exports import write_export

    if args.what == "acts":
        return _export_acts(args, out)
    if args.format == "xlsx" and args.output in (None, "-"):
        raise CommandError("an XLSX export needs --output FILE")
    if args.output in (None, "-"):
        count = write_export(args.what, args.format, sys.stdout)
    else:
        target = _output_file(args.output)
        with _reporting_write_errors(args.output):
            count = write_export(args.what, args.format, target)
        print(f"{count} {args.what} written to {args.output}", file=out)
    record_action(
        f"{args.what}.export", actor="cli", details={"rows": count, "format": args.format}
    )
    return EXIT_OK


def _export_acts(args: argparse.Namespace, out: TextIO) -> int:
    """``tizim export acts``: every act, CSV or JSON (docs/acts-data-dictionary.md)."""
    from tizim.acts.exports import write_export as write_acts
    from tizim.audit.services import record_action

    if args.format not in ("csv", "json"):
        raise CommandError("acts are exported as csv or json")
    if args.output in (None, "-"):
        count = write_acts(args.format, sys.stdout)
    else:
        target = _output_file(args.output)
        with _reporting_write_errors(args.output):
            count = write_acts(args.format, target)
        print(f"{count} acts written to {args.output}", file=out)
    record_action("acts.export", actor="cli", details={"rows": count, "format": args.format})
    return EXIT_OK


def _output_file(text: str) -> Path:
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
def _reporting_write_errors(text: str) -> Iterator[None]:
    """Turn a failure to write an export file (permissions, a full disk) into one line."""
    try:
        yield
    except OSError as exc:
        reason = (exc.strerror or str(exc)).lower()
        raise CommandError(f"cannot write {text}: {reason}") from None


def _probability(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0.0 < value < 1.0:
        raise argparse.ArgumentTypeError(f"a probability between 0 and 1, not {text}")
    return value


def cmd_link(args: argparse.Namespace, out: TextIO) -> int:
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
        _print_table(
            ["  method", "interval", "observed", "estimate", "lower", "upper", "model"],
            rows,
            out,
            indent=indent,
        )
    for warning in report.warnings:
        print(f"{indent}warning [{warning.code}]: {warning.message}", file=out)
    if report.recommendation:
        print(f"{indent}{report.recommendation}", file=out)


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
    _print_table(["pattern", "persons"], rows, out, indent=indent)


def cmd_estimate(args: argparse.Namespace, out: TextIO) -> int:
    import json

    from tizim.core.estimation import CaptureHistoryTable, estimate_all

    methods = args.method or None
    if args.table is not None:
        if args.by or args.as_of or args.lists:
            raise CommandError("--by, --as-of and --lists apply to --fate, not to --table")
        table = CaptureHistoryTable.from_csv(args.table)
        if methods:
            report = estimate_all(table, methods, seed=args.seed)
        else:
            report = estimate_all(table, seed=args.seed)
        if args.json:
            print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2), file=out)
            return EXIT_OK
        print(f"{args.table}: {table.n_lists} lists, {table.observed} persons observed", file=out)
        _overlap_lines(table, out)
        print(file=out)
        _estimate_report_lines(report, out)
        return EXIT_OK

    require_initialised()
    from tizim.core.estimation import DEFAULT_METHODS, StratifiedReport
    from tizim.estimates.services import estimate_registry

    result = estimate_registry(
        selector=args.fate,
        by=args.by or "",
        as_of=args.as_of,
        lists=[n.strip() for n in args.lists.split(",") if n.strip()] if args.lists else None,
        methods=methods or DEFAULT_METHODS,
        seed=args.seed,
        actor="cli",
        save=not args.no_save,
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
        _print_table(["method", "interval", "observed", "estimate", "lower", "upper"], rows, out)
    else:
        _overlap_lines(
            result.tables.get("all") or CaptureHistoryTable.from_person_sets([], result.lists), out
        )
        print(file=out)
        _estimate_report_lines(result.report, out)
    return EXIT_OK


def cmd_counts(args: argparse.Namespace, out: TextIO) -> int:
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
    _print_table([table.by, *table.selectors], rows, out)
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
        _print_table(["as of", "claimant", "claim", "counted", "status", "documented"], crow, out)
    return EXIT_OK


def cmd_serve(args: argparse.Namespace, out: TextIO) -> int:
    setup_django()
    require_initialised()
    serve(args.host, args.port, out, workers=args.workers)
    return EXIT_OK


def serve(host: str, port: int, out: TextIO, *, workers: int | None = None) -> None:
    """Serve the app with waitress, which keeps no access log (no visitor addresses), in
    ``workers`` processes (one per core by default; ``tizim.serving``)."""
    from django.conf import settings
    from django.db import connections

    from tizim import serving
    from tizim.intake import report_views
    from tizim.intake.services import recover_interrupted_jobs
    from tizim.wsgi import application

    # An import whose server process was killed would otherwise show "running" for ever.
    failed = recover_interrupted_jobs()
    if failed:
        print(
            f"{len(failed)} web import(s) interrupted when the server last stopped, now marked "
            f"failed (upload again): {', '.join(f'#{pk}' for pk in failed)}",
            file=out,
        )
    # Workers are forked: none may inherit a connection opened here (migrations, checks).
    connections.close_all()
    serving.serve(
        application,
        host=host,
        port=port,
        workers=serving.default_workers() if workers is None else workers,
        body_limits=serving.BodyLimits(
            default=settings.REPORT_MAX_REQUEST_BYTES,
            in_memory=settings.REQUEST_BODY_IN_MEMORY_BYTES,
            by_path=settings.REQUEST_BODY_LIMITS,
        ),
        # Reports kept in the spool while the database was busy are filed once it is free.
        on_worker_start=report_views.file_waiting_reports_soon,
        out=out,
    )


def cmd_demo(args: argparse.Namespace, out: TextIO) -> int:
    prepare_home()
    setup_django()
    migrate()
    from tizim.demo import load_demo

    result = load_demo(
        home=tizim_home(), persons=args.persons, seed=args.seed, out=out, reload=args.reload
    )
    print(file=out)
    print(f"demo login:  user '{result.username}'  password '{result.password}'", file=out)
    print(
        f"two-factor:  add this secret to an authenticator app (TOTP, 6 digits, 30 s): "
        f"{result.totp_secret}",
        file=out,
    )
    print(
        f"             or type the current code: {result.totp_code} (it changes every 30 seconds)",
        file=out,
    )
    if args.serve:
        print(f"open http://{args.host}:{args.port}/ and log in", file=out)
        out.flush()
        # A fresh process serves: workers are forked, and this one has run linkage (DuckDB's
        # threads, open connections) that no forked worker should inherit.
        command = [sys.executable, "-m", "tizim", "serve", "--host", args.host]
        command += ["--port", str(args.port)]
        if args.workers is not None:
            command += ["--workers", str(args.workers)]
        os.execv(sys.executable, command)  # noqa: S606 - our own interpreter, no shell
    return EXIT_OK


def cmd_audit_verify(args: argparse.Namespace, out: TextIO) -> int:
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
    setup_django()
    require_initialised()
    from tizim.audit.selectors import current_checkpoint

    print(current_checkpoint().line(), file=out)
    return EXIT_OK


def cmd_evidence_verify(args: argparse.Namespace, out: TextIO) -> int:
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


# --- parsing -------------------------------------------------------------------------------


def _date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


_LIST_FATE_HELP = (
    "the fate every person on the list shares when it has no status column (a list of the "
    "dead: killed; also погиб, қаза тапты, …): rows without a fate of their own take it"
)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every subcommand."""
    parser = argparse.ArgumentParser(
        prog="tizim",
        description="tizim: a registry of people killed, missing, detained, injured and "
        "tortured, built from many overlapping lists. Data lives in $TIZIM_HOME "
        "(default ./tizim-data); DATABASE_URL selects PostgreSQL.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser("init", help="create the data folder and the database")
    p.add_argument(
        "--admin",
        metavar="USERNAME",
        help="also create an admin user (password from TIZIM_ADMIN_PASSWORD or asked)",
    )
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("user", help="manage staff users")
    usub = p.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    pa = usub.add_parser(
        "add",
        help="create a staff user or reset its password "
        "(password from TIZIM_ADMIN_PASSWORD or asked)",
    )
    pa.add_argument("username")
    pa.add_argument(
        "--role",
        choices=ROLES,
        help="admin, reviewer, volunteer (data entry), analyst (aggregates only) or partner; "
        "a new user defaults to volunteer, an existing one keeps its role",
    )
    pa.add_argument("--admin", action="store_true", help="role admin, and superuser")
    pa.set_defaults(func=cmd_user_add)
    pa = usub.add_parser("list", help="users with their role, 2FA and recipient key fingerprint")
    pa.set_defaults(func=cmd_user_list)
    pa = usub.add_parser("role", help="give a user a role")
    pa.add_argument("username")
    pa.add_argument("role", choices=ROLES)
    pa.set_defaults(func=cmd_user_role)

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
    pa.add_argument("--obtained", type=_date, help="date obtained, YYYY-MM-DD")
    pa.add_argument("--reliability", help="a note on how far the source can be trusted")
    pa.add_argument("--fate", metavar="FATE", help=_LIST_FATE_HELP)
    pa.set_defaults(func=cmd_source_add)
    ps = ssub.add_parser("set", help="say the fate every person on a source's list shares")
    ps.add_argument("name", help="the source's short handle")
    ps.add_argument(
        "--fate", metavar="FATE", required=True, help=_LIST_FATE_HELP + "; none to unsay it"
    )
    ps.set_defaults(func=cmd_source_set)
    pl = ssub.add_parser("list", help="list sources with their counts")
    pl.set_defaults(func=cmd_source_list)

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
        type=_date,
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
        + _LIST_FATE_HELP,
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

    p = sub.add_parser(
        "export", help="export records or persons (CSV, XLSX or JSON), or acts (CSV or JSON)"
    )
    p.add_argument("what", choices=["records", "persons", "acts"])
    p.add_argument("--format", default="csv", choices=["csv", "xlsx", "json"])
    p.add_argument("--output", "-o", help="file to write (default: standard output)")
    p.set_defaults(func=cmd_export)

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
        "--full",
        action="store_true",
        help="re-decide every machine-made link, not only new records",
    )
    p.set_defaults(func=cmd_link)

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
    p.add_argument("--as-of", type=_date, help="count fates up to this date only (YYYY-MM-DD)")
    p.add_argument("--lists", help="comma-separated source names to use as lists (default: all)")
    p.add_argument(
        "--method",
        action="append",
        choices=["independence", "stepwise_aic", "loglinear", "graphical_bma", "latent_class"],
        help="a method to fit (repeatable; default: all but loglinear)",
    )
    p.add_argument("--seed", type=int, default=0, help="random seed (results are reproducible)")
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
    p.add_argument("--on", type=_date, help="the day (default: the last day of any event)")
    p.add_argument("--by", choices=["region", "source", "none"], default="region")
    p.add_argument("--measure", choices=["on_date", "ever"], default="on_date")
    p.add_argument("--known-by", type=_date, help="what the sources had said by this date")
    p.add_argument("--source", help="only persons this source recorded")
    p.add_argument("--claims", action="store_true", help="also show claims beside the counts")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.set_defaults(func=cmd_counts)

    p = sub.add_parser("serve", help="serve the web UI (public site and staff pages)")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--workers", type=int, help="server processes (default: one per core)")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("demo", help="load the generated, fictional demo data set")
    p.add_argument("--persons", type=int, default=600, help="fictional people to generate")
    p.add_argument("--seed", type=int, default=2022)
    p.add_argument("--reload", action="store_true", help="load again even if already loaded")
    p.add_argument("--serve", action="store_true", help="then serve the web UI")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--workers", type=int, help="server processes (default: one per core)")
    p.set_defaults(func=cmd_demo)

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

    from tizim.ingest.cli import add_ingest_parser

    add_ingest_parser(sub)
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
    setup_django()
    from tizim.core.errors import ParseError
    from tizim.registry.services import RegistryError

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


def _print_table(
    header: Sequence[str], rows: Sequence[Sequence[str]], out: TextIO, *, indent: str = ""
) -> None:
    widths = [max(len(str(c)) for c in col) for col in zip(header, *rows, strict=False)]
    line = "  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True))
    print(indent + line.rstrip(), file=out)
    print(indent + "  ".join("-" * w for w in widths), file=out)
    for row in rows:
        cells = "  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True))
        print(indent + cells.rstrip(), file=out)


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


if __name__ == "__main__":
    run()
