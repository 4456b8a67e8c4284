"""A lock shared by the processes of one machine: an exclusive ``flock`` on a file.

``tizim serve`` runs several worker processes; a lock in one process's memory would let each
of them start the same long computation at once. The kernel releases a ``flock`` when the
process holding it exits, even by SIGKILL, so a crashed computation never leaves the lock held.

Pure: no Django.
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: one server process (decision 0006), so a process lock does
    fcntl = None  # type: ignore[assignment]

_IN_PROCESS = threading.Lock()  # stands in for flock where there is none


class FileLock:
    """An exclusive lock on ``path`` (created 0600 if missing); one holder across processes
    and threads. Not re-entrant."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def try_acquire(self) -> bool:
        """Take the lock if nobody holds it; False at once otherwise."""
        if self._fd is not None:
            raise RuntimeError(f"{self.path} is already held by this FileLock")
        if fcntl is None:
            if not _IN_PROCESS.acquire(blocking=False):
                return False
            self._fd = -1
            return True
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return False
        self._fd = fd
        return True

    def acquire(self, timeout: float, poll: float = 0.05) -> bool:
        """Take the lock, waiting at most ``timeout`` seconds; False if it stayed held."""
        deadline = time.monotonic() + timeout
        while not self.try_acquire():
            if time.monotonic() >= deadline:
                return False
            time.sleep(poll)
        return True

    def release(self) -> None:
        """Let the next holder in (a no-op when not held)."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        if fcntl is None:
            _IN_PROCESS.release()
            return
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
