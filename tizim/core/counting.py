"""Documented counts from fate timelines, for any day: who was in a status on that day, and
who had been in it by that day, as we know it now or as the sources had said it by then.

A count is only defensible if anyone can recount it, so every number here comes with the
rule that made it (``CountRule``) and the same predicate that counts a person is the one that
lists the persons behind a number (``persons_counted``): a count and its list cannot disagree.

Two measures, because claims use both: "970 confirmed in custody on 22 January" is the status
*on* a day (``Measure.ON_DATE``); "almost 10,000 arrested" by 11 January counts everyone who
had been arrested *by* a day (``Measure.EVER``). For deaths the two agree.

Pure: no Django. The registry's selectors load ``PersonFacts`` and call these functions.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from tizim.core.fates import Fate


class Measure(StrEnum):
    """Whether a count is of a status held on the day, or ever held up to the day."""

    ON_DATE = "on_date"
    EVER = "ever"

    @property
    def label(self) -> str:
        return {"on_date": "in that status on the day", "ever": "at any time up to the day"}[
            self.value
        ]


@dataclass(frozen=True)
class FateGroup:
    """Fates counted together: a claim of "deaths" counts people killed and people who died
    in custody; "in custody" counts the detained, arrested, charged and convicted."""

    code: str
    label: str
    fates: frozenset[str]


def _group(code: str, label: str, *fates: Fate) -> FateGroup:
    return FateGroup(code, label, frozenset(f.value for f in fates))


FATE_GROUPS: tuple[FateGroup, ...] = (
    _group("dead", "dead (killed or died in custody)", Fate.KILLED, Fate.DIED_IN_CUSTODY),
    _group("missing", "missing or disappeared", Fate.MISSING, Fate.DISAPPEARED),
    _group(
        "custody",
        "in custody (detained, arrested, charged or convicted)",
        Fate.DETAINED,
        Fate.ARRESTED,
        Fate.CHARGED,
        Fate.CONVICTED,
    ),
    _group("prosecuted", "charged or convicted", Fate.CHARGED, Fate.CONVICTED),
    _group("injured", "injured", Fate.INJURED),
    _group("released", "released", Fate.RELEASED),
    _group("found", "found alive", Fate.FOUND),
)
_GROUPS_BY_CODE = {g.code: g for g in FATE_GROUPS}

# The groups a count table shows as columns, in the order of a life story.
TABLE_GROUPS: tuple[str, ...] = ("dead", "injured", "missing", "custody", "prosecuted", "released")

# What a claim about one fate is compared with: a claim of "killed" means deaths whatever the
# cause; a claim of "arrested" or "detained" means people taken into custody, whatever came next.
_CLAIM_GROUP: dict[str, str] = {
    Fate.KILLED: "dead",
    Fate.DIED_IN_CUSTODY: "dead",
    Fate.MISSING: "missing",
    Fate.DISAPPEARED: "missing",
    Fate.DETAINED: "custody",
    Fate.ARRESTED: "custody",
    Fate.CHARGED: "prosecuted",
    Fate.CONVICTED: "prosecuted",
    Fate.INJURED: "injured",
    Fate.RELEASED: "released",
    Fate.FOUND: "found",
}


def fates_of(selector: str) -> frozenset[str]:
    """The fates a selector stands for: a group code (``dead``, ``custody``, …) or one fate
    code (``killed``). Raises ValueError naming the choices for anything else."""
    if selector in _GROUPS_BY_CODE:
        return _GROUPS_BY_CODE[selector].fates
    if selector in {f.value for f in Fate}:
        return frozenset({selector})
    choices = ", ".join([g.code for g in FATE_GROUPS] + [f.value for f in Fate])
    raise ValueError(f"unknown fate or group '{selector}'; choose from {choices}")


def selector_label(selector: str) -> str:
    """Words for a selector, for headings."""
    if selector in _GROUPS_BY_CODE:
        return _GROUPS_BY_CODE[selector].label
    return Fate(selector).label


def group_for_claim(fate: str) -> str:
    """The group a claim about ``fate`` is compared with (blank fate: no comparison)."""
    return _CLAIM_GROUP.get(fate, "")


@dataclass(frozen=True)
class TimelineEvent:
    """One dated status of a person: ``on_date`` when it held, ``reported_on`` when a source
    first said it, ``rank`` its place among statuses of one day (death last), ``order`` a
    tie-breaker (the database id)."""

    on_date: datetime.date
    fate: str
    reported_on: datetime.date
    rank: int = 0
    order: int = 0

    @property
    def sort_key(self) -> tuple[datetime.date, int, int]:
        return (self.on_date, self.rank, self.order)


@dataclass(frozen=True)
class PersonFacts:
    """What counting needs of a person: the fate timeline (sorted by ``sort_key``), the
    region it is counted under and the sources (lists) that recorded it."""

    person_id: int
    events: tuple[TimelineEvent, ...]
    region: str
    sources: frozenset[str]


@dataclass(frozen=True)
class CountRule:
    """How a number is counted: which fates, which measure, on which day, as known when."""

    selector: str
    day: datetime.date
    measure: Measure = Measure.ON_DATE
    known_by: datetime.date | None = None

    @property
    def fates(self) -> frozenset[str]:
        return fates_of(self.selector)

    def describe(self) -> str:
        """The rule in words, printed beside the number it made."""
        when = "on" if self.measure is Measure.ON_DATE else "at any time up to"
        known = f", as the sources had said it by {self.known_by}" if self.known_by else ""
        return f"{selector_label(self.selector)} {when} {self.day}{known}"


def status_on(
    events: Sequence[TimelineEvent], day: datetime.date, known_by: datetime.date | None = None
) -> str | None:
    """The person's status on ``day``: the fate of the latest event on or before it (what was
    reported by ``known_by`` only, when given); None before any event."""
    latest: TimelineEvent | None = None
    for event in events:
        if event.on_date > day:
            break
        if known_by is not None and event.reported_on > known_by:
            continue
        if latest is None or event.sort_key >= latest.sort_key:
            latest = event
    return None if latest is None else latest.fate


def is_counted(events: Sequence[TimelineEvent], rule: CountRule) -> bool:
    """Whether a person with these events counts under ``rule``."""
    fates = rule.fates
    if rule.measure is Measure.ON_DATE:
        return status_on(events, rule.day, rule.known_by) in fates
    return any(
        e.fate in fates
        and e.on_date <= rule.day
        and (rule.known_by is None or e.reported_on <= rule.known_by)
        for e in events
    )


def persons_counted(
    people: Iterable[PersonFacts],
    rule: CountRule,
    *,
    region: str | None = None,
    source: str | None = None,
) -> list[int]:
    """The persons behind a count, in the order given (optionally of one region or source)."""
    return [
        p.person_id
        for p in people
        if (region is None or p.region == region)
        and (source is None or source in p.sources)
        and is_counted(p.events, rule)
    ]


@dataclass(frozen=True)
class CountTable:
    """Counts of persons by a row key (region, source or one total row) and fate selector.

    ``cells[(row, selector)]`` is a count; ``totals[selector]`` counts distinct persons over
    all rows (by source a person on two lists is in two rows but once in the total).
    """

    by: str
    rows: tuple[str, ...]
    selectors: tuple[str, ...]
    cells: Mapping[tuple[str, str], int]
    totals: Mapping[str, int]
    rule_day: datetime.date
    measure: Measure
    known_by: datetime.date | None

    def cell(self, row: str, selector: str) -> int:
        return self.cells.get((row, selector), 0)


BY_CHOICES: tuple[str, ...] = ("region", "source", "none")


def count_table(
    people: Sequence[PersonFacts],
    day: datetime.date,
    *,
    selectors: Sequence[str] = TABLE_GROUPS,
    by: str = "region",
    measure: Measure = Measure.ON_DATE,
    known_by: datetime.date | None = None,
) -> CountTable:
    """Count ``people`` per row (``by`` region, source or none) and selector on ``day``."""
    if by not in BY_CHOICES:
        raise ValueError(f"cannot count by '{by}'; choose from {', '.join(BY_CHOICES)}")
    fates = {s: fates_of(s) for s in selectors}
    cells: Counter[tuple[str, str]] = Counter()
    totals: Counter[str] = Counter()
    seen_rows: set[str] = set()
    for person in people:
        keys = _row_keys(person, by)
        seen_rows.update(keys)
        # What ``is_counted`` asks of each selector, worked out once per person.
        held = _fates_counted(person.events, day, measure, known_by)
        if not held:
            continue
        for selector, wanted in fates.items():
            if held & wanted:
                totals[selector] += 1
                for key in keys:
                    cells[(key, selector)] += 1
    # Rows where nobody counts under any selector add nothing but length.
    rows = sorted(
        (r for r in seen_rows if any(cells[(r, s)] for s in selectors)),
        key=lambda r: (-sum(cells[(r, s)] for s in selectors), r),
    )
    return CountTable(
        by=by,
        rows=tuple(rows),
        selectors=tuple(selectors),
        cells=dict(cells),
        totals={s: totals[s] for s in selectors},
        rule_day=day,
        measure=measure,
        known_by=known_by,
    )


def _fates_counted(
    events: Sequence[TimelineEvent],
    day: datetime.date,
    measure: Measure,
    known_by: datetime.date | None,
) -> frozenset[str]:
    """The fates under which a person counts on ``day``: the status on it, or every fate held
    by it (``Measure.EVER``); a person counts under a selector if this meets its fates."""
    if measure is Measure.ON_DATE:
        status = status_on(events, day, known_by)
        return frozenset() if status is None else frozenset((status,))
    return frozenset(
        e.fate
        for e in events
        if e.on_date <= day and (known_by is None or e.reported_on <= known_by)
    )


def _row_keys(person: PersonFacts, by: str) -> tuple[str, ...]:
    if by == "region":
        return (person.region,)
    if by == "source":
        return tuple(sorted(person.sources))
    return ("all",)


def daily_counts(
    people: Iterable[PersonFacts],
    selector: str,
    start: datetime.date,
    end: datetime.date,
    *,
    measure: Measure = Measure.ON_DATE,
    as_known_each_day: bool = False,
) -> list[tuple[datetime.date, int]]:
    """The count for ``selector`` on every day from ``start`` to ``end``.

    ``as_known_each_day`` counts each day with what the sources had said by that day (the
    curve a journalist could have drawn at the time); otherwise with all we know now.

    Each person's timeline is turned into the spans of days on which they count, and the
    spans are added up as changes (+1 where a span begins, -1 where it ends) over the days:
    time in events plus days, not persons times days. The result is, day by day, what
    ``is_counted`` says for the same rule.
    """
    if end < start:
        raise ValueError(f"the series ends ({end}) before it starts ({start})")
    fates = fates_of(selector)
    length = (end - start).days + 1
    changes = [0] * (length + 1)
    for person in people:
        for first, until in counted_spans(person.events, fates, measure, as_known_each_day):
            begin = max(0, (first - start).days)
            stop = length if until is None else min(length, (until - start).days)
            if begin < stop:
                changes[begin] += 1
                changes[stop] -= 1
    series = []
    running = 0
    for offset in range(length):
        running += changes[offset]
        series.append((start + datetime.timedelta(days=offset), running))
    return series


def counted_spans(
    events: Sequence[TimelineEvent],
    fates: frozenset[str],
    measure: Measure,
    as_known_each_day: bool = False,
) -> list[tuple[datetime.date, datetime.date | None]]:
    """The days on which a person with these events (sorted by ``sort_key``) counts, as
    ``[first, until)`` spans (``until`` None: from ``first`` on).

    An event counts from the day it held, or, ``as_known_each_day``, from the later of that
    day and the day a source said it. On a day, the status is the fate of the latest event
    (by ``sort_key``; of equal keys the later in the list, as ``status_on``) among those that
    count by then; ``Measure.EVER`` counts from the first event of these fates on.
    """

    def counts_from(event: TimelineEvent) -> datetime.date:
        if as_known_each_day and event.reported_on > event.on_date:
            return event.reported_on
        return event.on_date

    if measure is Measure.EVER:
        firsts = [counts_from(e) for e in events if e.fate in fates]
        return [(min(firsts), None)] if firsts else []
    spans: list[tuple[datetime.date, datetime.date | None]] = []
    order = sorted(range(len(events)), key=lambda i: counts_from(events[i]))
    latest: tuple[tuple[datetime.date, int, int], int] | None = None
    opened: datetime.date | None = None
    position = 0
    while position < len(order):
        day = counts_from(events[order[position]])
        while position < len(order) and counts_from(events[order[position]]) == day:
            index = order[position]
            candidate = (events[index].sort_key, index)
            if latest is None or candidate > latest:
                latest = candidate
            position += 1
        assert latest is not None
        counted = events[latest[1]].fate in fates
        if counted and opened is None:
            opened = day
        elif not counted and opened is not None:
            spans.append((opened, day))
            opened = None
    if opened is not None:
        spans.append((opened, None))
    return spans


def region_by_majority(regions: Iterable[str], unknown: str) -> str:
    """The region most of a person's records name (ties: alphabetical); ``unknown`` if none."""
    named = [r for r in regions if r and r != unknown]
    if named and all(r == named[0] for r in named):
        return named[0]  # most persons: every record names the same region
    counts = Counter(named)
    if not counts:
        return unknown
    return min(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0]
