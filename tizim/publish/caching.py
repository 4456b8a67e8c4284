"""The public site's cache: each value is kept under the version of what it was computed from
(``selectors.publication_version``, ``statistics.registry_version``), read from the database on
every use — so a withdrawal or a new record is seen at once by every server process, each of
which keeps its own cache."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache

T = TypeVar("T")
#: How long an unused value is kept (a new version makes it unreachable long before).
KEPT_SECONDS = 3600


def cached(name: str, version: str, compute: Callable[[], T]) -> T:
    """``compute()``, or what it gave last time for this ``name`` and ``version``."""
    key = f"publish:{name}:{version}"
    found = cache.get(key)
    if found is None:
        found = compute()
        cache.set(key, found, KEPT_SECONDS)
    return found
