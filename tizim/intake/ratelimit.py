"""Per-form rate limits that remember no address.

A hostile submitter flooding the form must be slowed (docs/threat-model.md, adversary 4), yet
no visitor's address may be stored. Each sender is counted under an HMAC of their address with
a random key that lives in this process's memory only and is replaced every hour, together
with all counts: nothing is written, and after the hour nothing links a count to an address.
A global cap bounds what any number of senders can do together.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from collections import Counter


class RateLimiter:
    """At most ``per_sender`` submissions per sender and ``overall`` in all per window."""

    def __init__(self, *, per_sender: int, overall: int, window_seconds: float = 3600.0) -> None:
        self.per_sender = per_sender
        self.overall = overall
        self.window = window_seconds
        self._lock = threading.Lock()
        self._reset(time.monotonic())

    def _reset(self, now: float) -> None:
        self._key = secrets.token_bytes(32)
        self._counts: Counter[bytes] = Counter()
        self._total = 0
        self._started = now

    def allow(self, sender: str) -> bool:
        """Count one submission by ``sender``; False when it is over a limit (not counted)."""
        now = time.monotonic()
        with self._lock:
            if now - self._started >= self.window:
                self._reset(now)
            tag = hmac.new(self._key, sender.encode(), hashlib.sha256).digest()[:16]
            if self._counts[tag] >= self.per_sender or self._total >= self.overall:
                return False
            self._counts[tag] += 1
            self._total += 1
            return True

    def clear(self) -> None:
        """Forget every count (tests, or an admin after a flood)."""
        with self._lock:
            self._reset(time.monotonic())
