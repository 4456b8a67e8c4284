"""What the load benchmarks share: a fresh tizim instance (SQLite in a temporary folder, or a
fresh database on the local PostgreSQL server) and ``tizim serve`` on a free loopback port.

The server's output goes to a file, never to a pipe nobody reads: a server that writes more
than a pipe holds (64 KB of warnings, say) blocks in the write, and every request waits with
it — which is how a bench once showed a 60-second "stall" that was its own doing.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

PG_URL = "postgresql://postgres@127.0.0.1:5432/"


def free_port() -> int:
    """A TCP port free on loopback now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def tizim(env: dict[str, str], *args: str) -> None:
    """Run the ``tizim`` command in ``env``; stop the bench with its message if it fails."""
    result = subprocess.run(
        [sys.executable, "-m", "tizim", *args], env=env, capture_output=True, text=True
    )
    if result.returncode != 0:
        raise SystemExit(f"tizim {' '.join(args)} failed: {result.stderr}")


@contextlib.contextmanager
def instance(backend: str, prefix: str, **settings: str) -> Iterator[tuple[dict[str, str], Path]]:
    """A fresh, initialised instance: its environment (``settings`` added) and its home.
    A PostgreSQL database made for it is dropped afterwards."""
    home = Path(tempfile.mkdtemp(prefix=f"tizim-{prefix}-")) / "data"
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(TIZIM_HOME=str(home), PYTHONPATH=str(Path(__file__).resolve().parents[1]))
    env.update(settings)
    database = ""
    if backend == "postgres":
        import psycopg

        database = f"tizim_{prefix.replace('-', '_')}_{secrets.token_hex(4)}"
        with psycopg.connect(PG_URL + "postgres", autocommit=True) as db:
            db.execute(f'CREATE DATABASE "{database}"')
        env["DATABASE_URL"] = PG_URL + database
    try:
        tizim(env, "init")
        yield env, home
    finally:
        if database:
            import psycopg

            with psycopg.connect(PG_URL + "postgres", autocommit=True) as db:
                db.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


@contextlib.contextmanager
def served(env: dict[str, str], ready_path: str, *extra: str) -> Iterator[str]:
    """``tizim serve`` (with ``extra`` arguments) on a free port until the block ends; yields
    its base URL once ``ready_path`` answers. What the server wrote to stderr is shown after."""
    port = free_port()
    with tempfile.TemporaryFile("w+") as errors:
        server = subprocess.Popen(
            [sys.executable, "-m", "tizim", "serve", "--port", str(port), *extra],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=errors,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(300):
                try:
                    urllib.request.urlopen(base + ready_path, timeout=5).close()
                    break
                except OSError:
                    if server.poll() is not None:
                        break
                    time.sleep(0.2)
            yield base
        finally:
            server.terminate()
            server.wait(timeout=30)
            errors.seek(0)
            text = errors.read().strip()
            if text:
                print("server stderr (last lines):", *text.splitlines()[-10:], sep="\n  ")


def run_clients(count: int, client: Callable[[int], None]) -> float:
    """Run ``client(n)`` for n in 0..count-1, each in its own thread, until all are done;
    return the wall time in seconds."""
    threads = [threading.Thread(target=client, args=(n,)) for n in range(count)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.monotonic() - started
