"""Reading an uploaded list once in a separate process, with a ceiling on its memory and time.

A list uploaded through the staff web page is read here first, in a child process, before the
server does anything with it: the child opens every sheet within ``tizim.core.table_limits``
and reads every row, under an address-space and processor-time limit set by the kernel
(``resource.setrlimit``) and a wall-clock timeout. A file built to exhaust memory or time (a
bomb the structural checks did not foresee) therefore costs the child, which the kernel stops,
and never a server process, which goes on answering public pages. Only a file the child read
to the end is previewed and imported.

Pure (no Django). ``python -m tizim.core.table_check`` is the child.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from tizim.core.errors import ParseError

#: Defaults for a staff upload: generous for a list of a million rows, far below the server's.
DEFAULT_MEMORY_BYTES = 2 * 2**30
DEFAULT_SECONDS = 300


@dataclass(frozen=True)
class CheckedFile:
    """What the child read: sheets and data rows."""

    sheets: int
    rows: int


def check_in_child(
    path: Path,
    *,
    sheet: str | None = None,
    max_memory_bytes: int = DEFAULT_MEMORY_BYTES,
    max_seconds: int = DEFAULT_SECONDS,
    display_name: str = "",
) -> CheckedFile:
    """Read ``path`` to the end in a child process under the given memory and time ceilings.

    Raises ParseError with a reason a person can act on when the file cannot be read, is over
    the table limits, or needs more memory or time than allowed.
    """
    name = display_name or path.name
    command = [
        sys.executable,
        "-m",
        "tizim.core.table_check",
        "--memory",
        str(max_memory_bytes),
        "--seconds",
        str(max_seconds),
        *(["--sheet", sheet] if sheet else []),
        str(path),
    ]
    try:
        done = subprocess.run(  # noqa: S603 - our own interpreter and module, no shell
            command,
            capture_output=True,
            text=True,
            timeout=max_seconds + 5,
            env={**os.environ, "PYTHONSAFEPATH": "1"},
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise ParseError(_too_costly(name, max_memory_bytes, max_seconds)) from None
    try:
        answer = json.loads(done.stdout.strip().splitlines()[-1]) if done.stdout.strip() else {}
    except ValueError:
        answer = {}
    if done.returncode == 0 and "rows" in answer:
        return CheckedFile(sheets=int(answer["sheets"]), rows=int(answer["rows"]))
    if "error" in answer:
        raise ParseError(str(answer["error"]).replace(path.name, name))
    # Killed by the kernel (memory or processor time), a Rust panic on a failed allocation,
    # or a MemoryError: all mean the same to the person who sent the file.
    raise ParseError(_too_costly(name, max_memory_bytes, max_seconds))


def _too_costly(name: str, memory: int, seconds: int) -> str:
    return (
        f"{name} is refused: reading it needed more than {memory // 2**20:,} MB of memory or "
        f"{seconds:,} s (a file built to exhaust the server, or a list too large for the web "
        "page: split it, or import it with the tizim command)"
    )


def _limit_self(memory: int, seconds: int) -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 1))
    # Past the soft processor limit the kernel sends SIGXCPU: end quietly, the parent explains.
    signal.signal(signal.SIGXCPU, lambda signum, frame: os._exit(3))


def main(argv: list[str] | None = None) -> int:
    """The child: limit itself, read the file to the end, print one JSON line."""
    parser = argparse.ArgumentParser(prog="python -m tizim.core.table_check")
    parser.add_argument("--memory", type=int, default=DEFAULT_MEMORY_BYTES)
    parser.add_argument("--seconds", type=int, default=DEFAULT_SECONDS)
    parser.add_argument("--sheet")
    parser.add_argument("path", type=Path)
    args = parser.parse_args(argv)
    _limit_self(args.memory, args.seconds)
    from tizim.core.tables import close_tables, open_tables

    try:
        tables = open_tables(args.path, sheet=args.sheet)
        try:
            rows = sum(sum(1 for _ in table.rows) for table in tables)
        finally:
            close_tables(tables)
    except ParseError as error:
        print(json.dumps({"error": error.reason}))
        return 2
    except MemoryError:
        return 3
    print(json.dumps({"sheets": len(tables), "rows": rows}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
