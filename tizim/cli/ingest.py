"""``tizim ingest FILE``: read an article and propose the claims and persons it states.

Registered by ``tizim.cli.main`` through ``add_ingest_parser``; with ``--dry-run`` nothing is
written and the database is not needed.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from tizim.cli.base import iso_date
from tizim.core.errors import ParseError

if TYPE_CHECKING:
    from tizim.core.ingest import Extraction


def add_ingest_parser(sub: Any) -> None:
    """Add the ``ingest`` subcommand to ``sub`` (the subparsers of ``tizim``)."""
    p = sub.add_parser(
        "ingest",
        help="read an article (HTML, text, PDF, DOCX) and propose its claims and persons",
        description="Read a news article, statement or NGO report in Kazakh, Russian or "
        "English and propose every figure about people (claims) and every person it says "
        "something happened to, each citing its sentence.",
    )
    p.add_argument("file", help="a saved web page, plain text, PDF or DOCX; or a folder of them")
    p.add_argument(
        "--source",
        help="the source to store it under: a short name (bbc-2022-01-21) or any words, "
        "made into one as on the Ingest page",
    )
    p.add_argument("--published", type=iso_date, help="the article's date if the page gives none")
    p.add_argument("--language", choices=["kk", "ru", "en"], help="default: detected")
    p.add_argument("--dry-run", action="store_true", help="show the proposals, write nothing")
    p.add_argument("--json", action="store_true", help="print JSON for other tools")
    p.set_defaults(func=cmd_ingest)


def cmd_ingest(args: argparse.Namespace, out: TextIO) -> int:
    """Read ``args.file`` (or every file of a folder); print the proposals; store them unless
    ``--dry-run``."""
    path = Path(args.file)
    if path.is_dir():
        return _ingest_folder(path, args, out)
    extraction, stored = _ingest_one(path, args)
    if stored:  # with --json, stdout is the JSON alone
        print(stored, file=sys.stderr if args.json else out)
    if args.json:
        print(json.dumps(extraction.as_json(), ensure_ascii=False, indent=2), file=out)
    else:
        _print_summary(extraction, out)
    return 0


def _ingest_folder(folder: Path, args: argparse.Namespace, out: TextIO) -> int:
    """Every file of ``folder`` in name order, with a progress bar (on a terminal); a file that
    cannot be read is named with the reason and the others go on. JSON: one line per file."""
    from tqdm import tqdm

    from tizim.cli.base import CommandError

    files = sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))
    failed = claims = persons = 0
    for path in tqdm(files, unit="article", file=sys.stderr, disable=None):
        try:
            extraction, stored = _ingest_one(path, args)
        except (CommandError, ParseError) as exc:
            failed += 1
            reason = exc.reason if isinstance(exc, ParseError) else str(exc)
            tqdm.write(f"tizim: {path.name}: {reason}", file=sys.stderr)
            continue
        claims, persons = claims + len(extraction.claims), persons + len(extraction.persons)
        if args.json:
            print(
                json.dumps({"file": path.name, **extraction.as_json()}, ensure_ascii=False),
                file=out,
            )
        if stored:
            tqdm.write(f"{path.name}: {stored}", file=sys.stderr if args.json else out)
    if not args.json:
        print(
            f"{len(files) - failed} of {len(files)} articles read: {claims} claims and "
            f"{persons} persons proposed" + (f"; {failed} could not be read" if failed else ""),
            file=out,
        )
    return 1 if failed else 0


def _ingest_one(path: Path, args: argparse.Namespace) -> tuple[Extraction, str]:
    """Read one file and, unless ``--dry-run``, store it; returns what was proposed and a line
    saying what was stored (blank for a dry run)."""
    from tizim.cli.base import CommandError
    from tizim.core.ingest import extract
    from tizim.core.ingest.readers import check_size, read_document

    try:
        check_size(path.stat().st_size)  # before the file is read into memory
        data = path.read_bytes()
    except OSError as exc:
        raise CommandError(f"cannot read {path}: {exc.strerror}") from None
    document = read_document(data, path.name)
    published = document.published or args.published
    extraction = extract(document.text, language=args.language, published=published)
    if args.dry_run:
        return extraction, ""
    if not args.source:
        raise CommandError("--source NAME is needed to store the article (or use --dry-run)")
    if published is None:
        raise CommandError("the article gives no date: say it with --published YYYY-MM-DD")
    from tizim.cli.base import require_initialised
    from tizim.ingest.services import store_article
    from tizim.registry.sources import short_name

    words = args.source.strip()
    source = short_name(words)  # as the Ingest page makes it: any words will do
    if not source:
        raise CommandError(
            f"--source {args.source!r} has no letter or digit: name it, e.g. bbc-2022-01-21"
        )
    require_initialised()
    if source != words and not document.title:
        # a new source named in words keeps them as its title, as on the Ingest page
        document = replace(document, title=words)
    stored = store_article(
        source, document, extraction, filename=path.name, published=published, actor="cli"
    )
    article = stored.article
    if not stored.created:
        return extraction, f"already stored as article {article.pk} of {source}: nothing written"
    return extraction, (
        f"stored as article {article.pk} of source {source} (SHA-256 "
        f"{article.text_sha256[:12]}…): review it on the Ingest page (/ingest/{article.pk}/)"
    )


def _print_summary(extraction: Any, out: TextIO) -> None:
    when = extraction.published.isoformat() if extraction.published else "not given"
    print(f"language {extraction.language}, published {when}", file=out)
    print(f"\n{len(extraction.claims)} claims:", file=out)
    for c in extraction.claims:
        parts = [c.qualifier.replace("_", " "), str(c.value), c.counted]
        extra = [f"group {c.fate_group or '—'}", f"by {c.claimant or 'the article'}"]
        if c.as_of:
            extra.append(f"as of {c.as_of.isoformat()}")
        if c.status:
            extra.append(c.status)
        if c.chance is not None:
            extra.append(f"possible figure, chance {c.chance:.0%}")
        print(f"  {' '.join(parts)}  ({', '.join(extra)})", file=out)
    print(f"\n{len(extraction.persons)} persons:", file=out)
    for p in extraction.persons:
        extra = [
            x
            for x in (p.fate, p.date and p.date.isoformat(), p.age and f"age {p.age}", p.place)
            if x
        ]
        if p.chance is not None:
            extra.append(f"possible person, chance {p.chance:.0%}")
        acts = f"; acts: {', '.join(p.acts)}" if p.acts else ""
        print(f"  {p.name}  ({', '.join(extra)}{acts})", file=out)
