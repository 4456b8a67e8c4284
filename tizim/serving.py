"""Serving tizim with waitress: in one process, or in several that share one listening socket.

waitress writes no access log (decision 0002). A page of the public site is mostly Python
(ORM rows, templates), and one Python process runs one request's Python at a time, so on a
machine with several cores the site answers sooner under load when several processes share the
work (decision 0006, docs/benchmarks.md). The parent binds the socket, forks the workers before
anything opens a database connection, and only watches them: a worker that dies is replaced,
and SIGTERM, SIGINT or SIGHUP stops them all. The kernel gives each new connection to one worker.

What a worker keeps in memory is its own: the report form's rate limits are divided among the
workers (``worker_share``), and caches are keyed by what they depend on in the database.
"""

from __future__ import annotations

import contextlib
import math
import os
import signal
import socket
import sys
import time
from collections.abc import Callable
from typing import Any, TextIO

#: Set in each worker's environment: how many workers share the load.
WORKERS_ENV = "TIZIM_SERVE_WORKERS"
#: More replacements than this within ``RESPAWN_WINDOW`` seconds means a worker cannot start.
MAX_RESPAWNS = 5
RESPAWN_WINDOW = 60.0


def default_workers() -> int:
    """One worker per core where processes can be forked (POSIX), else one."""
    if not hasattr(os, "fork"):
        return 1
    return max(1, os.cpu_count() or 1)


def worker_share(limit: int) -> int:
    """This worker's share of a limit that holds for the whole server (at least 1)."""
    workers = max(1, int(os.environ.get(WORKERS_ENV, "1") or 1))
    return max(1, math.ceil(limit / workers))


def serve(
    application: Callable[..., Any],
    *,
    host: str,
    port: int,
    workers: int,
    threads: int = 8,
    out: TextIO = sys.stdout,
) -> None:
    """Serve the WSGI ``application`` on ``host:port`` (loaded before the workers are forked,
    so they share its memory; it must hold no open database connection).

    With ``workers`` > 1 (POSIX only), forks that many waitress processes; blocks until stopped.
    """
    from waitress import serve as waitress_serve

    listener = socket.create_server((host, port), backlog=1024)
    if workers <= 1 or not hasattr(os, "fork"):
        os.environ[WORKERS_ENV] = "1"
        print(f"tizim serving on http://{host}:{port}/ (Ctrl-C to stop)", file=out, flush=True)
        waitress_serve(application, sockets=[listener], threads=threads, ident="tizim")
        return

    def start_worker() -> int:
        pid = os.fork()
        if pid == 0:  # the worker
            code = 0
            try:
                for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
                    signal.signal(signum, signal.SIG_DFL)
                os.environ[WORKERS_ENV] = str(workers)
                waitress_serve(application, sockets=[listener], threads=threads, ident="tizim")
            except BaseException as error:  # a worker must never return into the parent's code
                print(f"tizim worker {os.getpid()} stopped: {error!r}", file=sys.stderr)
                code = 1
            finally:
                os._exit(code)
        return pid

    children = {start_worker() for _ in range(workers)}
    print(
        f"tizim serving on http://{host}:{port}/ with {workers} worker processes (Ctrl-C to stop)",
        file=out,
        flush=True,
    )
    stopping = False

    def stop(signum: int, frame: object) -> None:
        nonlocal stopping
        stopping = True
        for pid in children:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)

    # SIGHUP too: a parent killed by a closed terminal would leave its workers serving alone.
    for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(signum, stop)
    respawns: list[float] = []
    while children:
        try:
            pid, status = os.wait()
        except ChildProcessError:
            break
        children.discard(pid)
        if stopping:
            continue
        now = time.monotonic()
        respawns = [t for t in respawns if now - t < RESPAWN_WINDOW] + [now]
        if len(respawns) > MAX_RESPAWNS:
            print("tizim: workers keep stopping; giving up", file=sys.stderr, flush=True)
            stop(signal.SIGTERM, None)
            continue
        print(
            f"tizim: worker {pid} stopped (status {status}); starting another",
            file=sys.stderr,
            flush=True,
        )
        children.add(start_worker())
    listener.close()
