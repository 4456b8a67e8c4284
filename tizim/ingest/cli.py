"""``tizim ingest FILE``: read an article and propose the claims and persons it states.

Registered in ``tizim.cli`` by ``add_ingest_parser``; with ``--dry-run`` nothing is written and
the database is not needed.
"""

from __future__ import annotations

import argparse
import datetime
import json
from pathlib import Path
from typing import Any, TextIO

from tizim.core.errors import ParseError


def _date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def add_ingest_parser(sub: Any) -> None:
    """Add the ``ingest`` subcommand to ``sub`` (the subparsers of ``tizim``)."""
    p = sub.add_parser(
        "ingest",
        help="read an article (HTML, text, PDF, DOCX) and propose its claims and persons",
        description="Read a news article, statement or NGO report in Kazakh, Russian or "
        "English and propose every figure about people (claims) and every person it says "
        "something happened to, each citing its sentence.",
    )
    p.add_argument("file", help="a saved web page, plain text, PDF or DOCX")
    p.add_argument("--source", help="the source (article) to store it under")
    p.add_argument("--published", type=_date, help="the article's date if the page gives none")
    p.add_argument("--language", choices=["kk", "ru", "en"], help="default: detected")
    p.add_argument("--dry-run", action="store_true", help="show the proposals, write nothing")
    p.add_argument("--json", action="store_true", help="print JSON for other tools")
    p.set_defaults(func=cmd_ingest)


def cmd_ingest(args: argparse.Namespace, out: TextIO) -> int:
    """Read ``args.file``; print the proposals; store them unless ``--dry-run``."""
    from tizim.cli import CommandError
    from tizim.core.ingest import extract
    from tizim.core.ingest.readers import check_size, read_document

    path = Path(args.file)
    try:
        check_size(path.stat().st_size)  # before the file is read into memory
        data = path.read_bytes()
    except OSError as exc:
        raise CommandError(f"cannot read {path}: {exc.strerror}") from None
    document = read_document(data, path.name)
    published = document.published or args.published
    extraction = extract(document.text, language=args.language, published=published)
    if not args.dry_run:
        if not args.source:
            raise CommandError("--source NAME is needed to store the article (or use --dry-run)")
        if published is None:
            raise CommandError("the article gives no date: say it with --published YYYY-MM-DD")
        from tizim.cli import require_initialised
        from tizim.ingest.services import store_article

        require_initialised()
        stored = store_article(
            args.source,
            document,
            extraction,
            filename=path.name,
            published=published,
            actor="cli",
        )
        article = stored.article
        if stored.created:
            print(
                f"stored as article {article.pk} of source {args.source} (SHA-256 "
                f"{article.text_sha256[:12]}…): review it on the Ingest page "
                f"(/ingest/{article.pk}/)",
                file=out,
            )
        else:
            print(
                f"already stored as article {article.pk} of {args.source}: nothing written",
                file=out,
            )
    if args.json:
        print(json.dumps(extraction.as_json(), ensure_ascii=False, indent=2), file=out)
        return 0
    _print_summary(extraction, out)
    return 0


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
        print(f"  {' '.join(parts)}  ({', '.join(extra)})", file=out)
    print(f"\n{len(extraction.persons)} persons:", file=out)
    for p in extraction.persons:
        extra = [
            x
            for x in (p.fate, p.date and p.date.isoformat(), p.age and f"age {p.age}", p.place)
            if x
        ]
        acts = f"; acts: {', '.join(p.acts)}" if p.acts else ""
        print(f"  {p.name}  ({', '.join(extra)}{acts})", file=out)


__all__ = ["ParseError", "add_ingest_parser", "cmd_ingest"]
