"""Aggregate figures for the public site: documented counts beside claims, by region, over time.

Counts are of every documented person in the registry, published by name or not — an aggregate
names no one, and the point of the figures is the whole documented toll. Cells of fewer than
``SUPPRESS_BELOW`` persons (a region × fate) are suppressed (P17), because a small town's "1
detained" can be a name. How many persons each list *names* is counted live from
``published_persons()``, never cached, so a withdrawal shows at once.

Computing the counts reads every person's timeline (seconds at 100,000 persons), so it is done
once per change of the registry, not per visitor: the result is kept in the database
(``FiguresSnapshot``) under the registry's version, its high-water marks (fate events, records,
claims), which any import, merge, split or new claim changes. When the version has moved on,
the first visitor to notice starts one computation in the background, under a lock that every
server process shares (``TIZIM_HOME/figures.lock``), and every visitor meanwhile gets the
previous figures, marked with the time they were computed. Only an instance that never had
figures makes visitors wait for the first computation. Nothing person-level is kept.
"""

from __future__ import annotations

import dataclasses
import datetime
import json
import logging
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import Count, Max
from django.utils import timezone

from tizim.core.counting import Measure, PersonFacts, count_table
from tizim.core.locks import FileLock
from tizim.core.places import UNKNOWN_REGION
from tizim.estimates.selectors import (
    claims_beside_counts,
    count_series,
    event_span,
    person_facts,
)
from tizim.publish.caching import KEPT_SECONDS
from tizim.publish.models import FiguresSnapshot
from tizim.registry.models import Claim, FateEvent, Record

log = logging.getLogger(__name__)
#: How long a visitor waits for the very first figures of an instance before being told they
#: are being computed (later computations never make anyone wait).
FIRST_FIGURES_WAIT_SECONDS = 120.0

SUPPRESS_BELOW = 3
HEADLINE_GROUPS = ("dead", "missing", "custody")
TABLE_GROUPS = ("dead", "injured", "missing", "custody", "released")
SERIES_GROUPS = ("dead", "custody")


@dataclass(frozen=True)
class ClaimFigure:
    """A claim and the documented count of the same thing on its date."""

    claimant: str
    counted: str
    qualifier: str
    value: int
    as_of: datetime.date
    status: str
    status_note: str
    group: str
    measure: str
    documented: int | None
    source_title: str


@dataclass(frozen=True)
class Figures:
    """Everything the home, statistics and counts download show."""

    day: datetime.date | None
    headline: dict[str, int]  # group → documented persons who ever had it by ``day``
    still: dict[str, int]  # group → in that status on ``day``
    regions: list[tuple[str, dict[str, int | None]]]  # region → group → count (None: < 3)
    claims: list[ClaimFigure]
    series: dict[str, tuple[list[tuple[datetime.date, int]], list[tuple[datetime.date, int]]]]
    #: When these figures were computed; ``stale``: the registry has changed since, and
    #: new figures are being computed.
    computed_at: datetime.datetime | None = None
    stale: bool = False


def registry_version() -> str:
    """Changes whenever anything counts depend on changes (see the module docstring)."""
    events = FateEvent.objects.aggregate(n=Count("id"), top=Max("id"))
    records = Record.objects.aggregate(top=Max("id"))
    claims = Claim.objects.aggregate(n=Count("id"), top=Max("id"))
    return "-".join(
        str(v) for v in (events["n"], events["top"], records["top"], claims["n"], claims["top"])
    )


def suppressed(count: int) -> int | None:
    """``count`` unless it is a small cell that could point at a person (then None)."""
    return None if 0 < count < SUPPRESS_BELOW else count


def figures() -> Figures:
    """The public figures for the registry as it is, or — while they are being computed after
    a change — the previous ones, marked ``stale``."""
    version = registry_version()
    key = f"publish:figures:{version}"
    found = cache.get(key)
    if found is not None:
        return found
    snapshot = FiguresSnapshot.objects.filter(pk=1).first()
    if snapshot is not None and snapshot.version == version:
        fresh = figures_from_json(snapshot.payload, snapshot.computed_at)
        cache.set(key, fresh, KEPT_SECONDS)
        return fresh
    if snapshot is not None:
        refresh_in_background()
        return dataclasses.replace(
            figures_from_json(snapshot.payload, snapshot.computed_at), stale=True
        )
    return _first_figures()


def _lock() -> FileLock:
    return FileLock(Path(settings.TIZIM_HOME) / "figures.lock")


def refresh_in_background() -> bool:
    """Start one computation in a thread of this process if no process is computing; True if
    this call started it."""
    lock = _lock()
    if not lock.try_acquire():
        return False

    def run() -> None:
        try:
            _refresh_holding_lock()
        except Exception:  # a failed refresh must not take the server down; next visit retries
            log.exception("computing the public figures failed")
        finally:
            lock.release()
            connection.close()  # this thread's own connection

    threading.Thread(target=run, name="tizim-figures", daemon=True).start()
    return True


def _refresh_holding_lock() -> None:
    # The registry may have changed again while this computation waited or ran: compute
    # until the figures kept are those of the version current when they are stored.
    while True:
        version = registry_version()
        snapshot = FiguresSnapshot.objects.filter(pk=1).only("version").first()
        if snapshot is not None and snapshot.version == version:
            return
        started = time.monotonic()
        computed = _compute()
        FiguresSnapshot.objects.update_or_create(
            pk=1,
            defaults={
                "version": version,
                "computed_at": timezone.now(),
                "seconds": time.monotonic() - started,
                "payload": figures_to_json(computed),
            },
        )
        draw_charts_soon(computed)


def draw_charts_soon(computed: Figures) -> bool:
    """Draw the statistics page's charts of these figures, in every language, in a background
    thread — unless a process is drawing charts already; True if this call started it.

    Drawing takes seconds per chart, so no visitor waits for it: the page says a chart is being
    drawn until its files are there. The thread reads nothing from the database.
    """
    from tizim.charts import files as chart_files
    from tizim.publish import pictures  # they show these figures

    lock = FileLock(Path(settings.TIZIM_HOME) / "charts.lock")
    if not lock.try_acquire():
        return False

    def run() -> None:
        try:
            pictures.draw_public_charts(computed)
            chart_files.prune()
        except Exception:  # the figures stay; the next visit to the page tries again
            log.exception("drawing the public charts failed")
        finally:
            lock.release()

    threading.Thread(target=run, name="tizim-charts", daemon=True).start()
    return True


def _first_figures() -> Figures:
    """No figures were ever kept: compute them, or wait for the process computing them."""
    lock = _lock()
    if lock.acquire(timeout=FIRST_FIGURES_WAIT_SECONDS):
        try:
            _refresh_holding_lock()
        finally:
            lock.release()
        return figures()
    # Still computing after the wait: say so rather than hold the visitor any longer.
    return Figures(None, {}, {}, [], [], {}, stale=True)


def _compute() -> Figures:
    people = person_facts()
    span = event_span()
    if span is None:
        return Figures(None, {}, {}, [], _claims([]), {})
    day = span[1]
    ever = count_table(people, day, selectors=TABLE_GROUPS, by="region", measure=Measure.EVER)
    now = count_table(people, day, selectors=HEADLINE_GROUPS, by="none", measure=Measure.ON_DATE)
    regions = [
        (row, {g: suppressed(ever.cell(row, g)) for g in TABLE_GROUPS})
        for row in ever.rows
        if row != UNKNOWN_REGION
    ]
    unknown = [
        (row, {g: suppressed(ever.cell(row, g)) for g in TABLE_GROUPS})
        for row in ever.rows
        if row == UNKNOWN_REGION
    ]
    series = {}
    for group in SERIES_GROUPS:
        found = count_series(group, measure=Measure.EVER, people=people)
        series[group] = (found.known_now, found.known_then)
    return Figures(
        day=day,
        headline={g: ever.totals.get(g, 0) for g in TABLE_GROUPS},
        still={g: now.totals.get(g, 0) for g in HEADLINE_GROUPS},
        regions=regions + unknown,
        claims=_claims(people),
        series=series,
    )


def _claims(people: Sequence[PersonFacts]) -> list[ClaimFigure]:
    return [
        ClaimFigure(
            claimant=item.claim.claimant,
            counted=item.claim.counted,
            qualifier=item.claim.qualifier,
            value=item.claim.value,
            as_of=item.claim.as_of,
            status=item.claim.status,
            status_note=item.claim.status_note,
            group=item.group,
            measure=item.claim.measure,
            documented=item.documented,
            source_title=(item.claim.source.title or item.claim.source.name)
            if item.claim.source
            else "",
        )
        for item in claims_beside_counts(people)
    ]


def figures_to_json(figs: Figures) -> str:
    """The figures as JSON, for ``FiguresSnapshot`` (dates as ISO text)."""
    data = dataclasses.asdict(figs)
    data.pop("computed_at")
    data.pop("stale")
    return json.dumps(data, default=_iso, ensure_ascii=False)


def _iso(value: object) -> str:
    if isinstance(value, datetime.date):
        return value.isoformat()
    raise TypeError(f"cannot keep {type(value).__name__} in the figures")


def figures_from_json(text: str, computed_at: datetime.datetime | None = None) -> Figures:
    """The figures ``figures_to_json`` kept."""
    data: dict[str, Any] = json.loads(text)

    def day(value: str | None) -> datetime.date | None:
        return datetime.date.fromisoformat(value) if value else None

    def points(values: list[list[Any]]) -> list[tuple[datetime.date, int]]:
        return [(datetime.date.fromisoformat(d), n) for d, n in values]

    claims = [
        ClaimFigure(**{**c, "as_of": datetime.date.fromisoformat(c["as_of"])})
        for c in data["claims"]
    ]
    return Figures(
        day=day(data["day"]),
        headline=data["headline"],
        still=data["still"],
        regions=[(region, cells) for region, cells in data["regions"]],
        claims=claims,
        series={g: (points(now), points(then)) for g, (now, then) in data["series"].items()},
        computed_at=computed_at,
    )
