"""Re-import benchmark: import an NGO-shaped sheet of N rows, then re-send it the ways
volunteers do, and time each re-import (SQLite, a fresh instance each run).

    .venv/bin/python bench/reimport_bench.py --rows 200000

The re-sends: the same file (every row found by its number and content); the sheet with its
first row deleted and renumbered (every row's number now names another person, so each row
is looked up by its content without the number); and the sheet with 5% of the statuses
changed and its first row deleted (each changed row found by its name). Each prints its
counts, so a wrong match shows as well as a slow one.
"""

from __future__ import annotations

import argparse
import csv
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from import_bench import generate


def tizim(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "tizim", *args],
        env=env,
        check=True,
        stdout=subprocess.PIPE,
        text=True,
    )
    return result.stdout


def rewrite(original: Path, target: Path, *, drop_first: bool, change_every: int = 0) -> None:
    """The sheet renumbered from 1 after dropping its first row, with every n-th status
    changed to another one."""
    with original.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    header, body = rows[0], rows[1 + drop_first :]
    with target.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        for number, row in enumerate(body, start=1):
            row = [str(number), *row[1:]]
            if change_every and number % change_every == 0:
                row[4] = "освобожден" if row[4] != "освобожден" else "погиб"
            writer.writerow(row)


def counts(output: str) -> str:
    wanted = ("imported", "new versions", "unchanged", "vanished", "quarantined")
    lines = [line.strip() for line in output.splitlines()]
    return "; ".join(" ".join(line.split()) for line in lines if line.startswith(wanted))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200_000)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="reimport-bench-"))
    sheet = work / "week1.csv"
    generate(sheet, args.rows)
    renumbered = work / "week2.csv"
    rewrite(sheet, renumbered, drop_first=True)
    changed = work / "week3.csv"
    rewrite(sheet, changed, drop_first=True, change_every=20)
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["TIZIM_HOME"] = str(work / "home")
    tizim(env, "init")
    tizim(env, "source", "add", "bench", "--kind", "ngo_spreadsheet")
    print(f"rows: {args.rows:,}")
    for label, path in (
        ("first import", sheet),
        ("the same file again", sheet),
        ("first row deleted, renumbered", renumbered),
        ("…and 5% of statuses changed", changed),
    ):
        start = time.perf_counter()
        output = tizim(env, "import", str(path), "--source", "bench", "--quiet")
        seconds = time.perf_counter() - start
        print(f"{label:32s} {seconds:7.1f} s  {counts(output)}")


if __name__ == "__main__":
    main()
