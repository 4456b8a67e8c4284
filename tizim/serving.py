"""Serving tizim with waitress: in one process, or in several that share one listening socket.

waitress writes no access log (decision 0002). A page of the public site is mostly Python
(ORM rows, templates), and one Python process runs one request's Python at a time, so on a
machine with several cores the site answers sooner under load when several processes share the
work (decision 0006, docs/benchmarks.md). The parent binds the socket, forks the workers before
anything opens a database connection, and only watches them: a worker that dies is replaced,
and SIGTERM, SIGINT or SIGHUP stops them all. The kernel gives each new connection to one worker.

What a worker keeps in memory is its own: the report form's rate limits are divided among the
workers (``worker_share``), and caches are keyed by what they depend on in the database.

Request bodies are held in memory, never in a temporary file (waitress would otherwise write
any body above 512 KB to one: a reporter's unsealed photo on disk until its blocks are
overwritten, docs/threat-model.md P2). A body larger than its path allows (``BodyLimits``) is
refused from its Content-Length, before any of it is read, so memory stays bounded.
"""

from __future__ import annotations

import contextlib
import math
import os
import signal
import socket
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, TextIO

from waitress.channel import HTTPChannel
from waitress.parser import HTTPRequestParser
from waitress.server import BaseWSGIServer, create_server
from waitress.utilities import RequestEntityTooLarge

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


@dataclass(frozen=True)
class BodyLimits:
    """How large a request body may be: ``default`` bytes, or more under the path prefixes of
    ``by_path`` (staff uploads). Bodies up to ``in_memory`` bytes are held in memory; only a
    larger one (allowed under some prefix) may be buffered in a temporary file."""

    default: int
    in_memory: int
    by_path: Mapping[str, int] = field(default_factory=dict)

    def for_path(self, path: str) -> int:
        """The largest body a request for ``path`` may send."""
        for prefix, limit in self.by_path.items():
            if path.startswith(prefix):
                return limit
        return self.default


#: Until ``serve`` is given other limits: waitress's own buffering threshold.
_body_limits = BodyLimits(default=512 * 1024, in_memory=512 * 1024)


class _BoundedRequestParser(HTTPRequestParser):
    """waitress's request parser, refusing a body over its path's limit before reading it:
    from the Content-Length when the headers are in, or, for a chunked body, as soon as what
    arrived passes the limit."""

    def received(self, data: bytes) -> int:
        consumed = int(super().received(data))
        if self.headers_finished and not self.completed and self.error is None:
            limit = _body_limits.for_path(getattr(self, "path", "") or "")
            if self.content_length > limit or self.body_bytes_received > limit:
                self.error = RequestEntityTooLarge(f"a request here may send at most {limit} bytes")
                self.completed = True
        return consumed


class _BoundedChannel(HTTPChannel):
    parser_class = _BoundedRequestParser


def _behind_a_proxy() -> dict[str, Any]:
    """With ``TIZIM_HTTPS`` set, the TLS proxy on this machine (deploy/nginx) says which
    scheme the visitor used in ``X-Forwarded-Proto`` (https, or http for the onion service):
    waitress takes it from 127.0.0.1 only, so that Django's CSRF check compares a form's
    Origin with the right scheme. Every other forwarded header is dropped, as without a proxy:
    no visitor's address is read."""
    from django.conf import settings

    if not getattr(settings, "TIZIM_HTTPS", False):
        return {}
    return {
        "trusted_proxy": "127.0.0.1",
        "trusted_proxy_count": 1,
        "trusted_proxy_headers": {"x-forwarded-proto"},
    }


def _run_waitress(
    application: Callable[..., Any], listener: socket.socket, *, threads: int
) -> None:
    """Serve on ``listener`` until stopped, bodies bounded and held in memory (module doc)."""
    limits = _body_limits
    sockets_map: dict[int, Any] = {}
    server = create_server(
        application,
        map=sockets_map,
        sockets=[listener],
        threads=threads,
        ident="tizim",
        # Above every limit that must stay in memory (a report, an evidence file): such a body
        # never reaches a temporary file. Responses too: a staff member's download of an
        # unsealed attachment is held in memory while it is sent.
        inbuf_overflow=limits.in_memory + 1,
        outbuf_overflow=limits.in_memory + 1,
        max_request_body_size=max([limits.default, limits.in_memory, *limits.by_path.values()]) + 1,
        **_behind_a_proxy(),
    )
    for dispatcher in sockets_map.values():
        if isinstance(dispatcher, BaseWSGIServer):
            dispatcher.channel_class = _BoundedChannel
    server.run()


def serve(
    application: Callable[..., Any],
    *,
    host: str,
    port: int,
    workers: int,
    threads: int = 8,
    body_limits: BodyLimits | None = None,
    on_worker_start: Callable[[], None] | None = None,
    out: TextIO = sys.stdout,
) -> None:
    """Serve the WSGI ``application`` on ``host:port`` (loaded before the workers are forked,
    so they share its memory; it must hold no open database connection).

    With ``workers`` > 1 (POSIX only), forks that many waitress processes; blocks until stopped.
    ``body_limits`` bound request bodies (module doc); ``on_worker_start`` runs in each
    serving process before it takes requests.
    """
    global _body_limits
    if body_limits is not None:
        _body_limits = body_limits
    listener = socket.create_server((host, port), backlog=1024)
    if workers <= 1 or not hasattr(os, "fork"):
        os.environ[WORKERS_ENV] = "1"
        print(f"tizim serving on http://{host}:{port}/ (Ctrl-C to stop)", file=out, flush=True)
        if on_worker_start is not None:
            on_worker_start()
        _run_waitress(application, listener, threads=threads)
        return

    def start_worker() -> int:
        pid = os.fork()
        if pid == 0:  # the worker
            code = 0
            try:
                for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
                    signal.signal(signum, signal.SIG_DFL)
                os.environ[WORKERS_ENV] = str(workers)
                if on_worker_start is not None:
                    on_worker_start()
                _run_waitress(application, listener, threads=threads)
            except BaseException as error:  # a worker must never return into the parent's code
                print(f"tizim worker {os.getpid()} stopped: {error!r}", file=sys.stderr)
                code = 1
            finally:
                os._exit(code)
        return pid

    children: set[int] = set()
    stopping = False

    def stop(signum: int, frame: object) -> None:
        nonlocal stopping
        stopping = True
        for pid in children:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)

    # Before the first fork: a signal that came between the forks and the handlers killed this
    # process alone and left its workers serving. SIGHUP too: a parent killed by a closed
    # terminal would leave its workers serving alone.
    for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(signum, stop)
    for _ in range(workers):
        if not stopping:
            children.add(start_worker())
    print(
        f"tizim serving on http://{host}:{port}/ with {workers} worker processes (Ctrl-C to stop)",
        file=out,
        flush=True,
    )
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
