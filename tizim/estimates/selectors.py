"""Reads for the Numbers pages, the CLI and the demo: documented counts, the persons behind
them, claims beside the counts, and the capture histories estimation starts from.

Everything is computed from the registry as it is now (persons, their fate timelines, the
sources of their records) by the pure functions of ``tizim.core.counting``.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.db.models import Max, Min, QuerySet

from tizim.core.counting import (
    CountRule,
    CountTable,
    Measure,
    PersonFacts,
    TimelineEvent,
    count_table,
    daily_counts,
    group_for_claim,
    is_counted,
    persons_counted,
    region_by_majority,
)
from tizim.core.places import UNKNOWN_REGION, region_of
from tizim.estimates.models import EstimateRun
from tizim.registry.models import Claim, FateEvent, Person, Record, Source


def person_facts() -> list[PersonFacts]:
    """Every person with a usable record: fate timeline, region and sources, ordered by id.

    Two queries whatever the size of the registry (records, then events), read through the
    database cursor: at 100,000 persons the ORM's per-value conversions were most of the time.
    """
    regions: dict[int, list[str]] = defaultdict(list)
    sources: dict[int, set[str]] = defaultdict(set)
    region_of_code: dict[str, str] = {"": ""}
    records = Record._meta.db_table
    sources_table = Source._meta.db_table
    for person_id, place_code, source in _rows(
        f"SELECT r.person_id, r.place_code, s.name FROM {records} r "  # noqa: S608 - table names
        f"JOIN {sources_table} s ON s.id = r.source_id "
        "WHERE r.person_id IS NOT NULL AND r.quarantine_reason = ''"
    ):
        region = region_of_code.get(place_code)
        if region is None:
            region = region_of_code[place_code] = region_of(place_code)
        regions[person_id].append(region)
        sources[person_id].add(source)
    events: dict[int, list[TimelineEvent]] = defaultdict(list)
    for person_id, on_date, fate, reported_on, rank, pk in _rows(
        "SELECT person_id, on_date, fate, reported_on, rank, id "  # noqa: S608 - table name
        f"FROM {FateEvent._meta.db_table} ORDER BY person_id, on_date, rank, id"
    ):
        if person_id in sources:
            events[person_id].append(
                TimelineEvent(_as_date(on_date), fate, _as_date(reported_on), rank, pk)
            )
    return [
        PersonFacts(
            person_id=person_id,
            events=tuple(events.get(person_id, ())),
            region=region_by_majority(regions[person_id], UNKNOWN_REGION),
            sources=frozenset(sources[person_id]),
        )
        for person_id in sorted(sources)
    ]


def _rows(sql: str) -> Iterator[tuple[Any, ...]]:
    with connection.cursor() as cursor:
        cursor.execute(sql)
        while chunk := cursor.fetchmany(10_000):
            yield from chunk


def _as_date(value: datetime.date | str) -> datetime.date:
    # SQLite gives dates as ISO text, PostgreSQL as dates.
    return value if isinstance(value, datetime.date) else datetime.date.fromisoformat(value)


def event_span() -> tuple[datetime.date, datetime.date] | None:
    """The first and last day any fate event holds on (None for an empty registry)."""
    span = FateEvent.objects.aggregate(first=Min("on_date"), last=Max("on_date"))
    if span["first"] is None:
        return None
    return span["first"], span["last"]


def default_day() -> datetime.date:
    """The day counts are shown for when none is asked: the last day of the events."""
    span = event_span()
    return span[1] if span else datetime.date.today()


def documented_counts(
    day: datetime.date,
    *,
    by: str = "region",
    measure: Measure = Measure.ON_DATE,
    known_by: datetime.date | None = None,
    source: str = "",
    people: Sequence[PersonFacts] | None = None,
) -> CountTable:
    """Counts by region (or source, or none) × fate group on ``day``; only persons a given
    ``source`` recorded when it is named."""
    facts = person_facts() if people is None else people
    if source:
        facts = [p for p in facts if source in p.sources]
    return count_table(facts, day, by=by, measure=measure, known_by=known_by)


def persons_behind(
    rule: CountRule, *, region: str = "", source: str = ""
) -> tuple[list[int], QuerySet[Person]]:
    """The ids of the persons a count counts (in id order) and a queryset over them."""
    ids = persons_counted(person_facts(), rule, region=region or None, source=source or None)
    return ids, Person.objects.filter(pk__in=ids)


@dataclass(frozen=True)
class ClaimBeside:
    """A claim and the documented count of the same thing on the same date."""

    claim: Claim
    group: str
    rule: CountRule | None
    documented: int | None

    @property
    def share(self) -> float | None:
        """Documented as a share of the claim (None when there is nothing to compare)."""
        if self.documented is None or not self.claim.value:
            return None
        return self.documented / self.claim.value


def claims_beside_counts(people: Sequence[PersonFacts] | None = None) -> list[ClaimBeside]:
    """Every claim, oldest first, with the documented count under the same rule: the claim's
    fate (as a group: "killed" counts every death), its measure, its date and its region."""
    facts = person_facts() if people is None else people
    result = []
    for claim in Claim.objects.select_related("source").order_by("as_of", "claimant", "id"):
        group = group_for_claim(claim.fate)
        if not group:
            result.append(ClaimBeside(claim, "", None, None))
            continue
        rule = CountRule(group, claim.as_of, Measure(claim.measure))
        documented = sum(
            1
            for p in facts
            if (not claim.region or p.region == claim.region) and is_counted(p.events, rule)
        )
        result.append(ClaimBeside(claim, group, rule, documented))
    return result


@dataclass(frozen=True)
class CountSeries:
    """Documented counts day by day for one group, and the claims about it."""

    group: str
    measure: Measure
    known_now: list[tuple[datetime.date, int]]
    known_then: list[tuple[datetime.date, int]]
    claims: list[Claim]


def count_series(
    group: str,
    *,
    measure: Measure,
    start: datetime.date | None = None,
    end: datetime.date | None = None,
    people: Sequence[PersonFacts] | None = None,
) -> CountSeries:
    """The documented count of ``group`` each day (as known now and as the sources had said
    it by each day) from the first event, or claim, to the last, with the group's claims."""
    facts = person_facts() if people is None else people
    claims = [
        c
        for c in Claim.objects.order_by("as_of", "id")
        if group_for_claim(c.fate) == group and not c.region
    ]
    span = event_span()
    days = [c.as_of for c in claims] + (list(span) if span else [])
    if not days:
        return CountSeries(group, measure, [], [], claims)
    start = start or min(days)
    end = end or max(days)
    return CountSeries(
        group=group,
        measure=measure,
        known_now=daily_counts(facts, group, start, end, measure=measure),
        known_then=daily_counts(facts, group, start, end, measure=measure, as_known_each_day=True),
        claims=claims,
    )


def capture_sets(
    selector: str,
    *,
    as_of: datetime.date | None = None,
    by: str = "",
    lists: Sequence[str] | None = None,
    people: Sequence[PersonFacts] | None = None,
) -> dict[str, list[frozenset[str]]]:
    """For estimation: per stratum (``by`` region, or one stratum "all"), the set of lists
    each person of ``selector`` is on. A person counts if they ever had that fate (up to
    ``as_of`` when given). ``lists`` restricts the lists; persons on none of them drop out."""
    facts = person_facts() if people is None else people
    day = as_of or datetime.date.max
    rule = CountRule(selector, day, Measure.EVER)
    chosen = frozenset(lists) if lists else None
    strata: dict[str, list[frozenset[str]]] = defaultdict(list)
    for person in facts:
        if not is_counted(person.events, rule):
            continue
        on = person.sources & chosen if chosen is not None else person.sources
        if not on:
            continue
        strata[person.region if by == "region" else "all"].append(on)
    return dict(sorted(strata.items()))


def estimate_runs() -> QuerySet[EstimateRun]:
    """Saved estimation runs, newest first."""
    return EstimateRun.objects.order_by("-id")


def latest_run(selector: str, stratified_by: str = "") -> EstimateRun | None:
    """The newest saved run for a selector (and stratification), if any."""
    return (
        EstimateRun.objects.filter(selector=selector, stratified_by=stratified_by)
        .order_by("-id")
        .first()
    )
