"""Load on the public report form: N concurrent reporters for S seconds against a real server.

Sets up a fresh instance (``tizim init``, a reviewer whose key reports are sealed to), starts
``tizim serve`` on loopback, and runs N threads, each a reporter who loads the form and sends
a report (with a small photo unless ``--no-files``) again and again until the time is up.
Afterwards it counts the reports in the database: every report a reporter was told was
received must be there (``lost`` must be 0). Prints throughput and latency percentiles.

    python bench/intake_load.py --reporters 50 --seconds 60 [--backend sqlite|postgres]

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
import threading
import time
import urllib.error
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

from _instance import instance, run_clients, served, tizim

PASSWORD = "a long bench password 42"
COUNTS = threading.Lock()
FAILURES: list[str] = []


def small_photo() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (320, 240), (120, 60, 30)).save(out, "JPEG")
    return out.getvalue()


def reporter(
    base: str, deadline: float, photo: bytes | None, latencies: list[float], outcome: dict[str, int]
) -> None:
    while time.monotonic() < deadline:
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
            outcome["received" if ok else "failed"] += 1


def count_reports(env: dict[str, str], home: Path) -> int:
    if env.get("DATABASE_URL"):
        import psycopg

        with psycopg.connect(env["DATABASE_URL"]) as db:
            return int(db.execute("SELECT count(*) FROM intake_report").fetchone()[0])  # type: ignore[index]
    with sqlite3.connect(home / "tizim.sqlite3") as db:
        return int(db.execute("SELECT count(*) FROM intake_report").fetchone()[0])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reporters", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--backend", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--no-files", action="store_true", help="reports without a photo")
    args = parser.parse_args()

    settings = {
        "TIZIM_ADMIN_PASSWORD": PASSWORD,
        "TIZIM_REPORT_RATE_PER_SENDER": "1000000",
        "TIZIM_REPORT_RATE_OVERALL": "1000000",
    }
    with instance(args.backend, "intake-load", **settings) as (env, home):
        tizim(env, "user", "add", "reviewer", "--role", "reviewer")
        with served(env, "/en/report/") as base:
            photo = None if args.no_files else small_photo()
            latencies: list[float] = []
            outcome = {"received": 0, "failed": 0}
            deadline = time.monotonic() + args.seconds
            wall = run_clients(
                args.reporters, lambda _: reporter(base, deadline, photo, latencies, outcome)
            )
        stored = count_reports(env, home)
    cuts = statistics.quantiles(latencies, n=100) if len(latencies) >= 2 else [0.0] * 99
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
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
    for failure in sorted(set(FAILURES))[:5]:
        print("  failure:", failure)
    if stored < outcome["received"]:
        raise SystemExit("LOST REPORTS: fewer stored than acknowledged")


if __name__ == "__main__":
    main()
