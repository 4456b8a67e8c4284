"""Import benchmark: generate an NGO-shaped sheet of N rows and import it with ``tizim import``
on SQLite and on PostgreSQL, each in a fresh instance; print rows/s and peak memory.

    .venv/bin/python bench/import_bench.py --rows 1000000 [--backend sqlite|postgres|both]

The import runs in a child process, so its peak resident memory is measured alone (the
generator's is not counted; nor are its parser processes', which hold a few chunks of rows
each). PostgreSQL uses a scratch database ``tizim_bench`` on the local server (dropped and
re-created). The machine's load average is printed before each run: on a shared 2-core
machine a figure means little without it.
"""

from __future__ import annotations

import argparse
import csv
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tizim.core.demo.lists import NGO_HEADERS
from tizim.core.demo.spelling import feminine, patronymic_of, to_russian
from tizim.core.demo.vocabulary import CITIES, FEMALE, MALE, SURNAMES

POSTGRES_ADMIN_URL = os.environ.get(
    "BENCH_POSTGRES_ADMIN", "postgresql://postgres@127.0.0.1:5432/postgres"
)
POSTGRES_URL = os.environ.get(
    "BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/tizim_bench"
)
STATUSES = (
    "задержан",
    "задержана",
    "пропал без вести",
    "погиб",
    "арестован",
    "освобожден",
    "ранен",
    "обвиняется",
)


def generate(path: Path, rows: int, seed: int = 1) -> None:
    """Write an NGO-shaped CSV of ``rows`` rows (about 1% broken, as real sheets are)."""
    rng = random.Random(seed)
    cities = [c[1] for c in CITIES]
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(NGO_HEADERS)
        for i in range(1, rows + 1):
            sex = "m" if rng.random() < 0.8 else "f"
            given = rng.choice(MALE if sex == "m" else FEMALE)
            surname = rng.choice(SURNAMES)
            surname = surname if sex == "m" else feminine(surname)
            patronymic = patronymic_of(rng.choice(MALE), sex, kazakh_style=rng.random() < 0.5)
            name = to_russian(f"{surname} {given} {patronymic}")
            birth = (
                f"{rng.randint(1, 28):02d}.{rng.randint(1, 12):02d}.{rng.randint(1950, 2004)}"
                if rng.random() < 0.6
                else f"{rng.randint(16, 70)} лет"
            )
            status = rng.choice(STATUSES) if rng.random() > 0.005 else "???"
            day = rng.randint(4, 12) if rng.random() > 0.005 else 31
            date = f"{day:02d}.{'01' if day != 31 else '02'}.2022"
            writer.writerow(
                (
                    i,
                    name,
                    birth,
                    rng.choice(cities),
                    status,
                    date,
                    "ИВС" if "задерж" in status else "",
                    "",
                )
            )


def tizim(env: dict[str, str], *args: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "tizim", *args], env=env, check=True, stdout=subprocess.DEVNULL
    )


def run(backend: str, sheet: Path, rows: int) -> dict[str, float]:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    home = Path(tempfile.mkdtemp(prefix=f"bench-{backend}-"))
    env["TIZIM_HOME"] = str(home)
    if backend == "postgres":
        import psycopg

        with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as admin:
            admin.execute("DROP DATABASE IF EXISTS tizim_bench")
            admin.execute("CREATE DATABASE tizim_bench")
        env["DATABASE_URL"] = POSTGRES_URL
    tizim(env, "init")
    tizim(env, "source", "add", "bench", "--kind", "ngo_spreadsheet")
    # GNU time reports the import process's own peak resident memory (its parser process,
    # which holds a few chunks of rows, is smaller).
    start = time.perf_counter()
    server_before = postgres_cpu_seconds()
    command = [sys.executable, "-m", "tizim", "import", str(sheet), "--source", "bench", "--quiet"]
    result = subprocess.run(
        ["/usr/bin/time", "-f", "%M %U %S", *command],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    seconds = time.perf_counter() - start
    peak_kb, user, system = result.stderr.strip().splitlines()[-1].split()
    return {
        "seconds": seconds,
        "rows_per_s": rows / seconds,
        "peak_mb": int(peak_kb) / 1024,
        # The import's processor time (its parser processes included) and the database
        # server's: on 2 cores their sum over 2 bounds the wall time from below.
        "import_cpu": float(user) + float(system),
        "server_cpu": postgres_cpu_seconds() - server_before if backend == "postgres" else 0.0,
    }


def postgres_cpu_seconds() -> float:
    """Processor seconds used so far by every process named ``postgres`` (Linux /proc)."""
    total = 0
    tick = os.sysconf("SC_CLK_TCK")
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)
            if "(postgres" not in fields[0]:
                continue
            values = fields[1].split()
            total += int(values[11]) + int(values[12]) + int(values[13]) + int(values[14])
        except (OSError, IndexError, ValueError):
            continue
    return total / tick


def cpu_model() -> str:
    """The processor's model name, as ``lscpu`` reports it (Linux), else the platform's."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def load_average() -> str:
    """The 1-, 5- and 15-minute load averages, as ``uptime`` shows them."""
    return ", ".join(f"{value:.2f}" for value in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--backend", choices=["sqlite", "postgres", "both"], default="both")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-sheet-"))
    sheet = work / "sheet.csv"
    start = time.perf_counter()
    generate(sheet, args.rows)
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores ({cpu_model()}), "
        f"Python {platform.python_version()}"
    )
    print(
        f"generated {args.rows:,} rows ({sheet.stat().st_size / 2**20:.0f} MB) in "
        f"{time.perf_counter() - start:.1f} s"
    )
    backends = ["sqlite", "postgres"] if args.backend == "both" else [args.backend]
    for backend in backends:
        load = load_average()
        figures = run(backend, sheet, args.rows)
        print(
            f"{backend:9} {args.rows:,} rows in {figures['seconds']:.1f} s = "
            f"{figures['rows_per_s']:,.0f} rows/s, peak memory of the import "
            f"{figures['peak_mb']:.0f} MB (load average before: {load}); processor time: "
            f"import {figures['import_cpu']:.0f} s, database server {figures['server_cpu']:.0f} s"
        )


if __name__ == "__main__":
    main()
