"""Naming a process so that another process can later tell whether it is still running.

A background job records who runs it; a server restarted after a crash (or a page asking about
the job) checks whether that process still exists. A process id alone is not enough: ids are
reused, so a job's id could name an unrelated process after a restart. The identity is the
host, the id and the process's start time (from ``/proc``, in clock ticks since boot), which
together name one process for as long as the machine runs.

Pure (no Django).
"""

from __future__ import annotations

import os
import socket
from pathlib import Path


def _start_time(pid: int) -> str:
    """The start time of process ``pid`` as the kernel gives it; "" where it cannot be read."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return ""
    # The command name (field 2) is in parentheses and may hold spaces: count after the last ")".
    fields = stat.rsplit(")", 1)[-1].split()
    return fields[19] if len(fields) > 19 else ""


def current_process() -> str:
    """This process's identity: ``host pid start-time``."""
    pid = os.getpid()
    return f"{socket.gethostname()} {pid} {_start_time(pid)}".strip()


def process_is_gone(identity: str) -> bool | None:
    """Whether the process named by ``identity`` has ended: True or False on this host, None
    when it ran on another host (or the identity cannot be read), so cannot be judged here."""
    parts = identity.split()
    if len(parts) < 2 or not parts[1].isdigit() or parts[0] != socket.gethostname():
        return None
    pid = int(parts[1])
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        pass  # it exists, under another user
    started = parts[2] if len(parts) > 2 else ""
    # The id was taken again by a process started at another time: the one we knew is gone.
    return bool(started) and _start_time(pid) not in ("", started)
