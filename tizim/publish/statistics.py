"""Aggregate figures for the public site: documented counts beside claims, by region, over time.

Counts are of every documented person in the registry, published by name or not — an aggregate
names no one, and the point of the figures is the whole documented toll. Cells of fewer than
``SUPPRESS_BELOW`` persons (a region × fate) are suppressed (P17), because a small town's "1
detained" can be a name. How many persons each list *names* is counted live from
``published_persons()``, never cached, so a withdrawal shows at once.

Computing the counts reads every person's timeline (seconds at 100,000 persons), so the result
is cached under a key made of the registry's high-water marks (fate events, records, claims):
any import, merge, split or new claim changes the key. Nothing person-level is in it.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import Count, Max

from tizim.core.counting import Measure, PersonFacts, count_table
from tizim.core.places import UNKNOWN_REGION
from tizim.estimates.selectors import (
    claims_beside_counts,
    count_series,
    event_span,
    person_facts,
)
from tizim.publish.caching import cached
from tizim.registry.models import Claim, FateEvent, Record

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
    """The public figures, from the cache when the registry has not changed."""
    return cached("figures", registry_version(), _compute)


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
