"""``tizim init``, ``tizim serve`` and ``tizim demo``: create an instance, serve it, fill it with
the fictional demo data.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any, TextIO

from tizim.cli.accounts import ensure_user, password_for
from tizim.cli.base import (
    EXIT_OK,
    migrate,
    prepare_home,
    require_initialised,
    setup_django,
    tizim_home,
)


def cmd_init(args: argparse.Namespace, out: TextIO) -> int:
    """``tizim init``: create the data folder and the database (and an admin)."""
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
        password = password_for(args.admin)
        ensure_user(args.admin, password, admin=True)
        print(f"admin user '{args.admin}' ready", file=out)
    return EXIT_OK


def cmd_serve(args: argparse.Namespace, out: TextIO) -> int:
    """``tizim serve``: serve the public site and the staff pages."""
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
    """``tizim demo``: load the fictional demo lists (and serve them)."""
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


def add_init_parser(sub: Any) -> None:
    """Add the ``init`` subcommand to ``sub`` (the subparsers of ``tizim``)."""
    p = sub.add_parser("init", help="create the data folder and the database")
    p.add_argument(
        "--admin",
        metavar="USERNAME",
        help="also create an admin user (password from TIZIM_ADMIN_PASSWORD or asked)",
    )
    p.set_defaults(func=cmd_init)


def add_serving_parsers(sub: Any) -> None:
    """Add the ``serve`` and ``demo`` subcommands to ``sub`` (the subparsers of ``tizim``)."""
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
