"""Load on the public report form: N concurrent reporters for S seconds against a real server.

Sets up a fresh instance (``tizim init``, a reviewer whose key reports are sealed to), starts
``tizim serve`` on loopback, and runs N threads, each a reporter who loads the form and sends
a report (with a small photo unless ``--no-files``) again and again until the time is up.
Afterwards it counts the reports in the database: every report a reporter was told was
received must be there (``lost`` must be 0). Prints throughput and latency percentiles.

    python bench/intake_load.py --reporters 50 --seconds 60 [--backend sqlite|postgres]
    python bench/intake_load.py --reporters 50 --during-import 200000 [--seconds 900]

With ``--during-import ROWS`` a generated list of ROWS rows (``bench/import_bench.py``'s
generator) is imported by ``tizim import`` meanwhile, in one long transaction: the reporters
start with it and stop when it ends (or at --seconds); reports the database could not take
wait in the spool, and the count is made once the server has filed them all.

Loopback only, bounded by --seconds; the per-sender rate limit is lifted for the run (all
reporters share 127.0.0.1).
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import re
import secrets
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from http.cookiejar import CookieJar
from pathlib import Path

from _instance import instance, run_clients, served, tizim
from import_bench import generate

PASSWORD = "a long bench password 42"
COUNTS = threading.Lock()
FAILURES: list[str] = []
# (seconds taken, seconds since the start when sent) of every report, for the slowest ones.
SLOWEST: list[tuple[float, float]] = []
BEGUN = [time.monotonic()]


def small_photo() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (320, 240), (120, 60, 30)).save(out, "JPEG")
    return out.getvalue()


def reporter(
    base: str,
    keep_going: Callable[[], bool],
    photo: bytes | None,
    latencies: list[float],
    outcome: dict[str, int],
) -> None:
    while keep_going():
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
        started = time.perf_counter()
        try:
            with opener.open(base + "/en/report/", timeout=60) as page:
                token = re.search(
                    r'name="csrfmiddlewaretoken" value="([^"]+)"', page.read().decode()
                )
            assert token
            boundary = "----bench" + secrets.token_hex(8)
            fields = {
                "csrfmiddlewaretoken": token.group(1),
                "person_name": "Серикбаев Ерлан " + secrets.token_hex(3),
                "person_age": "37",
                "person_place": "Алматы",
                "what_happened": "detained",
                "event_date": "06.01.2022",
                "testimony": "Taken from the hospital ward at night. " * 5,
            }
            head = f"--{boundary}\r\nContent-Disposition: form-data; "
            body = b"".join(f'{head}name="{k}"\r\n\r\n{v}\r\n'.encode() for k, v in fields.items())
            if photo is not None:
                body += (
                    f'--{boundary}\r\nContent-Disposition: form-data; name="attachments"; '
                    f'filename="p.jpg"\r\nContent-Type: image/jpeg\r\n\r\n'.encode()
                    + photo
                    + b"\r\n"
                )
            body += f"--{boundary}--\r\n".encode()
            request = urllib.request.Request(
                base + "/en/report/",
                data=body,
                headers={"Content-Type": f"multipart/form-data; boundary={boundary}"},
            )
            with opener.open(request, timeout=60) as response:
                text = response.read().decode()
            ok = 'id="receipt-phrase"' in text
        except (urllib.error.URLError, OSError, AssertionError) as error:
            ok = False
            with COUNTS:
                FAILURES.append(f"{time.strftime('%H:%M:%S')} {error!r}"[:200])
        elapsed = time.perf_counter() - started
        with COUNTS:
            latencies.append(elapsed)
            SLOWEST.append((elapsed, time.monotonic() - elapsed - BEGUN[0]))
            outcome["received" if ok else "failed"] += 1


def count_reports(env: dict[str, str], home: Path) -> int:
    if env.get("DATABASE_URL"):
        import psycopg

        with psycopg.connect(env["DATABASE_URL"]) as db:
            return int(db.execute("SELECT count(*) FROM intake_report").fetchone()[0])  # type: ignore[index]
    with sqlite3.connect(home / "tizim.sqlite3") as db:
        return int(db.execute("SELECT count(*) FROM intake_report").fetchone()[0])


class ImportRun:
    """``tizim import`` of a generated list in the background, and the spool watched
    meanwhile (how many reports waited at most)."""

    def __init__(self, env: dict[str, str], home: Path, rows: int) -> None:
        self.env, self.rows = env, rows
        self.sheet = home.parent / "list.csv"
        self.spool = home / "spool" / "reports"
        self.most_waiting = 0
        self.seconds = 0.0
        self.returncode: int | None = None
        tizim(env, "source", "add", "bench-list", "--kind", "ngo_spreadsheet")
        generate(self.sheet, rows)

    def start(self) -> None:
        self.started = time.monotonic()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tizim", "import", str(self.sheet), "--source", "bench-list"],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        threading.Thread(target=self._watch, daemon=True).start()

    def running(self) -> bool:
        return self.process.poll() is None

    def waiting(self) -> int:
        return len(list(self.spool.glob("*.json"))) if self.spool.is_dir() else 0

    def _watch(self) -> None:
        while self.running():
            self.most_waiting = max(self.most_waiting, self.waiting())
            time.sleep(0.5)
        self.seconds = time.monotonic() - self.started
        self.returncode = self.process.returncode


def wait_until_filed(home: Path, importing: ImportRun | None, limit: float = 300.0) -> float:
    """Seconds from the end of the sending (and of the import) until the server has filed
    every report waiting in the spool (the database was busy when they came)."""
    if importing is not None:
        importing.process.wait()
    ended = time.monotonic()
    spool = home / "spool" / "reports"
    while any(spool.glob("*.json")) and time.monotonic() - ended < limit:
        time.sleep(0.5)
    return time.monotonic() - ended


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reporters", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--backend", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--no-files", action="store_true", help="reports without a photo")
    parser.add_argument(
        "--during-import", type=int, default=0, metavar="ROWS", help="import ROWS rows meanwhile"
    )
    args = parser.parse_args()

    settings = {
        "TIZIM_ADMIN_PASSWORD": PASSWORD,
        "TIZIM_REPORT_RATE_PER_SENDER": "1000000",
        "TIZIM_REPORT_RATE_OVERALL": "1000000",
    }
    with instance(args.backend, "intake-load", **settings) as (env, home):
        tizim(env, "user", "add", "reviewer", "--role", "reviewer")
        importing = ImportRun(env, home, args.during_import) if args.during_import else None
        with served(env, "/en/report/") as base:
            photo = None if args.no_files else small_photo()
            latencies: list[float] = []
            outcome = {"received": 0, "failed": 0}
            # Every server thread's first report costs more (templates, translations): a few
            # reports first, counted but not timed, so the figures are of a warm server.
            warm: list[float] = []
            run_clients(8, lambda _: reporter(base, lambda: not warm, photo, warm, outcome))
            SLOWEST.clear()
            deadline = time.monotonic() + args.seconds
            BEGUN[0] = time.monotonic()
            if importing is not None:
                importing.start()

            def keep_going() -> bool:
                in_time = time.monotonic() < deadline
                return in_time and (importing is None or importing.running())

            wall = run_clients(
                args.reporters, lambda _: reporter(base, keep_going, photo, latencies, outcome)
            )
            filed_in = wait_until_filed(home, importing)
        stored = count_reports(env, home)
    cuts = statistics.quantiles(latencies, n=100) if len(latencies) >= 2 else [0.0] * 99
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    if importing is not None:
        print(
            f"meanwhile: import of {importing.rows:,} rows, {importing.seconds:.0f} s, "
            f"exit {importing.returncode}; at most {importing.most_waiting} reports waited in "
            f"the spool"
        )
    print(f"every report waiting in the spool was filed {filed_in:.1f} s after the end")
    lost = max(outcome["received"] - stored, 0)
    print(
        f"{args.backend}: {args.reporters} reporters for {wall:.0f} s, "
        f"{'with' if photo else 'without'} a photo each: {outcome['received']} reports received "
        f"({outcome['received'] / wall:.1f}/s), {outcome['failed']} failed; "
        f"stored {stored}; lost {lost}"
    )
    print(
        f"latency of one report (load form + send): p50 {cuts[49] * 1000:.0f} ms, "
        f"p95 {cuts[94] * 1000:.0f} ms, p99 {cuts[98] * 1000:.0f} ms, "
        f"max {max(latencies) * 1000:.0f} ms"
    )
    slowest = ", ".join(f"{taken:.1f} s at +{at:.0f} s" for taken, at in sorted(SLOWEST)[-5:])
    print(f"slowest reports: {slowest}")
    for failure in sorted(set(FAILURES))[:5]:
        print("  failure:", failure)
    if stored < outcome["received"]:
        raise SystemExit("LOST REPORTS: fewer stored than acknowledged")


if __name__ == "__main__":
    main()
