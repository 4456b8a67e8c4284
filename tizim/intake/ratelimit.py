"""Limits on the public forms that remember no address and cannot be turned against everyone.

A hostile submitter flooding the form must be slowed (docs/threat-model.md, adversary 4), yet
no visitor's address may be stored. Each sender is counted under an HMAC of their address
(an IPv6 address by its /64 network, which one subscriber holds whole) with a random key that
lives in this process's memory only and is replaced every hour, together with all counts:
nothing is written, and after the hour nothing links a count to an address.

Each limit counts one thing: new reports, follow-up requests, and wrong receipt phrases are
counted apart (``SenderLimit``), so that guessing phrases or reading replies never stops an
address from sending a report. What all senders do together is bounded by a ``Breaker`` that
slows rather than closes: past its hourly budget, reports are taken one at a time at a fixed
pace, each waiting for its turn, and only a report that would wait too long is asked to come
back in a few minutes: a flood slows the form down, it cannot shut it for everyone for the
rest of the hour (decision 0012).
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import secrets
import threading
import time
from collections import Counter
from collections.abc import Callable

#: Senders remembered at once per limit: above this, the window starts again early (so that a
#: flood from a million addresses cannot grow memory; it gains nothing from the reset either).
MAX_SENDERS = 200_000


def sender_key(address: str) -> str:
    """What a sender is counted as: the address, or an IPv6 address's /64 network."""
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if isinstance(parsed, ipaddress.IPv6Address):
        if parsed.ipv4_mapped is not None:
            return str(parsed.ipv4_mapped)
        return str(ipaddress.IPv6Network((int(parsed) >> 64 << 64, 64)))
    return str(parsed)


class SenderLimit:
    """At most ``limit`` counted events per sender per window, kept under a keyed hash."""

    def __init__(
        self,
        limit: int,
        *,
        window_seconds: float = 3600.0,
        max_senders: int = MAX_SENDERS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.limit = limit
        self.window = window_seconds
        self.max_senders = max_senders
        self._clock = clock
        self._lock = threading.Lock()
        self._reset(clock())

    def _reset(self, now: float) -> None:
        self._key = secrets.token_bytes(32)
        self._counts: Counter[bytes] = Counter()
        self._started = now

    def _tag(self, sender: str) -> bytes:
        now = self._clock()
        if now - self._started >= self.window or len(self._counts) >= self.max_senders:
            self._reset(now)
        return hmac.new(self._key, sender_key(sender).encode(), hashlib.sha256).digest()[:16]

    def allow(self, sender: str) -> bool:
        """Count one event by ``sender``; False (not counted) when they reached the limit."""
        with self._lock:
            tag = self._tag(sender)
            if self._counts[tag] >= self.limit:
                return False
            self._counts[tag] += 1
            return True

    def reached(self, sender: str) -> bool:
        """Whether ``sender`` reached the limit (nothing counted)."""
        with self._lock:
            return self._counts[self._tag(sender)] >= self.limit

    def count(self, sender: str) -> None:
        """Count one event by ``sender`` (one already allowed: a wrong phrase, say)."""
        with self._lock:
            self._counts[self._tag(sender)] += 1

    def uncount(self, sender: str) -> None:
        """Take back one counted event (it was not served after all)."""
        with self._lock:
            tag = self._tag(sender)
            if self._counts[tag] > 0:
                self._counts[tag] -= 1

    def clear(self) -> None:
        """Forget every count (tests, or an admin after a flood)."""
        with self._lock:
            self._reset(self._clock())


class Breaker:
    """All senders together: ``per_hour`` at full speed; past that, one every ``pace_seconds``,
    each waiting its turn, at most ``max_waiting`` waiting at once. ``admit`` answers how long
    the caller waited, or None when its turn would be too far: then it should come back later.
    """

    def __init__(
        self,
        per_hour: int,
        *,
        pace_seconds: float,
        max_waiting: int = 2,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.per_hour = per_hour
        self.pace = pace_seconds
        self.max_waiting = max_waiting
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self._window_started = clock()
        self._taken = 0
        self._next_turn = 0.0
        self._waiting = 0

    def admit(self) -> float | None:
        """Take a turn: 0 within the budget, else the seconds waited for it; None if too busy."""
        with self._lock:
            now = self._clock()
            if now - self._window_started >= 3600.0:
                self._window_started, self._taken = now, 0
            if self._taken < self.per_hour:
                self._taken += 1
                return 0.0
            turn = max(now, self._next_turn)
            if self._waiting >= self.max_waiting and turn > now:
                return None
            self._next_turn = turn + self.pace
            self._waiting += 1
        try:
            wait = turn - now
            if wait > 0:
                self._sleep(wait)
            return wait
        finally:
            with self._lock:
                self._waiting -= 1
