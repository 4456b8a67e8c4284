"""Hostile files against tizim's readers: how long each takes to be refused, and at what memory.

Builds each attack file in a temporary folder (none larger than a few MB on disk), then hands
it to the reader it targets in a fresh child process, one at a time, and prints the wall time,
the child's peak resident memory (``ru_maxrss``) and the first words of the answer:

- the spreadsheet reader as ``tizim import`` uses it (``tizim.core.tables.open_tables``, every
  row read), in the process itself;
- the staff web upload's check (``tizim.core.table_check.check_in_child``: a further child with
  a memory and time ceiling); the peak is the larger of the waiting process and that child;
- the report form's image cleaner (``tizim.core.images.strip_metadata``).

    python bench/hostile_files.py [--only NAME]

The goal (issue "Hardening"): every hostile file refused within 5 s and 500 MB. Each child runs
under a 4 GB address-space limit and a 120 s timeout, so a reader that would run away cannot
take the machine with it.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

# The attack files are those the tests build (tests/hostile.py).
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.hostile import (
    EXTERNAL_ENTITY,
    LAUGHS,
    cells,
    ods_repeated,
    png_of_zeros,
    xlsx,
)

_MB = 2**20
SAFETY_BYTES = 4 * 2**30
TIMEOUT = 120


def _write(path: Path, data: str | bytes) -> Path:
    if isinstance(data, str):
        data = data.encode()
    path.write_bytes(data)
    return path


Builder = Callable[[Path], Path]
CASES: dict[str, tuple[str, Builder]] = {
    "xlsx-2gb-of-xml": (
        "table",
        lambda d: xlsx(d / "bomb.xlsx", cells("A1"), padding=2048 * _MB),
    ),
    "xlsx-600mb-of-xml": (
        "table",
        lambda d: xlsx(d / "bomb.xlsx", cells("A1"), padding=600 * _MB),
    ),
    "xlsx-sparse-corners": ("table", lambda d: xlsx(d / "sparse.xlsx", cells("A1", "XFD1048576"))),
    "xlsx-xxe": (
        "table",
        lambda d: xlsx(d / "xxe.xlsx", cells("A1", text="&e;"), dtd=EXTERNAL_ENTITY),
    ),
    "xlsx-billion-laughs": (
        "table",
        lambda d: xlsx(d / "laughs.xlsx", cells("A1", text="&i;"), dtd=LAUGHS),
    ),
    "ods-repeated-cells": (
        "table",
        lambda d: ods_repeated(d / "repeated.ods", 1_048_576, 16_384),
    ),
    "csv-100k-columns": ("table", lambda d: _write(d / "wide.csv", "Name\n" + ",x" * 100_000)),
    "png-7000x7000": ("image", lambda d: _write(d / "big.png", png_of_zeros(7000, 7000))),
    "png-100000x100000-header": (
        "image",
        lambda d: _write(d / "header.png", png_of_zeros(100_000, 100_000, complete=False)),
    ),
}


# What each child runs: read the file as the named reader does, print the outcome.
_CHILD = {
    "table": (
        "from tizim.core.tables import open_tables\n"
        "tables = open_tables(path)\n"
        "rows = sum(sum(1 for _ in t.rows) for t in tables)\n"
        "print('read', rows, 'rows')\n"
    ),
    "web": (
        "from tizim.core.table_check import check_in_child\nprint('read', check_in_child(path))\n"
    ),
    "image": (
        "from tizim.core.images import strip_metadata\n"
        "print('decoded', len(strip_metadata(path.read_bytes())), 'bytes')\n"
    ),
}
_PRELUDE = (
    "import resource, sys\n"
    "from pathlib import Path\n"
    f"resource.setrlimit(resource.RLIMIT_AS, ({SAFETY_BYTES}, {SAFETY_BYTES}))\n"
    "path = Path(sys.argv[1])\n"
    "try:\n{body}"
    "except Exception as error:\n"
    "    print('refused:', getattr(error, 'reason', None) or repr(error))\n"
)


def run(reader: str, path: Path) -> dict[str, object]:
    """Run one reader on one file in a fresh child; its own peak memory comes from wait4 (the
    child's and its waited-for children's largest resident set)."""
    body = "".join("    " + line + "\n" for line in _CHILD[reader].splitlines())
    code = _PRELUDE.format(body=body)
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", code, str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    timer = threading.Timer(TIMEOUT, child.kill)
    timer.start()
    assert child.stdout is not None
    output = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    timer.cancel()
    seconds = time.perf_counter() - started
    lines = output.strip().splitlines()
    answer = lines[-1] if lines else f"ended by signal {-os.waitstatus_to_exitcode(status)}"
    return {
        "seconds": round(seconds, 2),
        "peak_mb": round(usage.ru_maxrss / 1024),
        "answer": answer[:150],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", help="run only the case of this name")
    args = parser.parse_args()
    print(
        f"# {platform.node()} {platform.machine()} {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, {time.strftime('%Y-%m-%d %H:%M')}"
    )
    with tempfile.TemporaryDirectory(prefix="tizim-hostile-") as folder:
        for name, (kind, build) in CASES.items():
            if args.only and name != args.only:
                continue
            path = build(Path(folder))
            size = path.stat().st_size
            for reader in ("table", "web") if kind == "table" else ("image",):
                result = run(reader, path)
                print(
                    json.dumps(
                        {"case": name, "reader": reader, "file_kb": size // 1024, **result},
                        ensure_ascii=False,
                    )
                )
            path.unlink()


if __name__ == "__main__":
    main()
