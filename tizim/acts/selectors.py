"""Reads of the acts domain: a person's case file, filtered lists of acts, a facility's page,
and the counts by act type × force × facility × date × place that feed the Numbers pages."""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from tizim.acts.models import Act, Event, Evidence, Facility, moment
from tizim.core.acts.vocabulary import ActType, FacilityKind, UnitKind
from tizim.core.places import place_name, region_of
from tizim.registry.models import FateEvent, Person, Source

Dimension = Literal["act_type", "act_group", "unit", "facility", "facility_kind", "date", "place"]
DIMENSIONS: tuple[str, ...] = (
    "act_type",
    "act_group",
    "unit",
    "facility",
    "facility_kind",
    "date",
    "place",
)
DIMENSION_LABELS = {
    "act_type": _("act type"),
    "act_group": _("act type (methods under their act)"),
    "unit": _("force"),
    "facility": _("facility"),
    "facility_kind": _("kind of facility"),
    "date": _("date (start)"),
    "place": _("region"),
}


# --- the case file ---------------------------------------------------------------------------


@dataclass(frozen=True)
class TimelineEntry:
    """One line of a case file's timeline: a fate from the lists or an act."""

    kind: Literal["fate", "act"]
    earliest: datetime.datetime
    latest: datetime.datetime
    when: str
    fate: FateEvent | None = None
    act: Act | None = None


def timeline(person: Person) -> list[TimelineEntry]:
    """The person's fates and acts in date order (by the earliest moment each can mean; of two
    starting together, the vaguer last). Acts with no date come at the end."""
    entries: list[TimelineEntry] = []
    for event in person.fate_events.prefetch_related("records__source"):
        start = moment(datetime.datetime.combine(event.on_date, datetime.time.min))
        end = moment(datetime.datetime.combine(event.on_date, datetime.time.max))
        entries.append(TimelineEntry("fate", start, end, event.on_date.isoformat(), fate=event))
    never = moment(datetime.datetime(9999, 12, 31))
    for act in acts_of(person):
        entries.append(
            TimelineEntry(
                "act",
                act.start_earliest or never,
                act.start_latest or never,
                act.when,
                act=act,
            )
        )
    return sorted(entries, key=lambda e: (e.earliest, e.latest, e.kind == "act"))


def acts_of(person: Person) -> QuerySet[Act]:
    return (
        Act.objects.filter(person=person)
        .select_related("facility", "unit", "event")
        .prefetch_related("citations__source")
        .order_by("start_earliest", "id")
    )


def evidence_of(person: Person) -> QuerySet[Evidence]:
    """Evidence about the person: attached to them or to one of their acts."""
    return (
        Evidence.objects.filter(Q(person=person) | Q(act__person=person))
        .select_related("act")
        .order_by("id")
    )


def sources_of(person: Person) -> list[Source]:
    """Every source that says something about the person: their records' and their acts'."""
    ids = set(person.records.values_list("source_id", flat=True))
    ids |= set(
        Source.objects.filter(act_citations__act__person=person).values_list("id", flat=True)
    )
    return list(Source.objects.filter(pk__in=ids).order_by("name"))


# --- lists and filters -----------------------------------------------------------------------


@dataclass(frozen=True)
class ActFilter:
    """What the acts list is narrowed to; empty fields do not filter."""

    act_type: str = ""
    unit_kind: str = ""
    facility: Facility | None = None
    facility_kind: str = ""
    place: str = ""
    event: Event | None = None
    start: datetime.date | None = None
    end: datetime.date | None = None


def _day_bounds(
    start: datetime.date | None, end: datetime.date | None
) -> tuple[datetime.datetime | None, datetime.datetime | None]:
    low = moment(datetime.datetime.combine(start, datetime.time.min)) if start else None
    high = moment(datetime.datetime.combine(end, datetime.time.max)) if end else None
    return low, high


def filtered_acts(f: ActFilter) -> QuerySet[Act]:
    """Acts matching ``f``. An act type includes its methods (``torture`` finds beatings); a
    region includes its towns; a date range keeps every act that *may* have begun in it (an
    act known only as "January 2022" is kept for 6 January)."""
    acts = Act.objects.select_related("person", "facility", "unit", "event")
    if f.act_type:
        acts = acts.filter(Q(act_type=f.act_type) | Q(act_type__startswith=f.act_type + "."))
    if f.unit_kind:
        acts = acts.filter(unit_kind=f.unit_kind)
    if f.facility is not None:
        acts = acts.filter(facility=f.facility)
    if f.facility_kind:
        acts = acts.filter(facility__kind=f.facility_kind)
    if f.event is not None:
        acts = acts.filter(event=f.event)
    if f.place:
        codes = _codes_within(f.place)
        acts = acts.filter(place_code__in=codes)
    low, high = _day_bounds(f.start, f.end)
    if low is not None:
        acts = acts.filter(start_latest__gte=low)
    if high is not None:
        acts = acts.filter(start_earliest__lte=high)
    return acts.order_by("start_earliest", "id")


def _codes_within(code: str) -> list[str]:
    from tizim.core.places import GAZETTEER

    return [code, *(p.code for p in GAZETTEER if p.region == code)]


def facility_summary(facility: Facility) -> dict[str, Any]:
    """A facility's page: the persons acts place there (with what was done and when), and
    what was reported there by act type."""
    acts = list(
        Act.objects.filter(facility=facility)
        .select_related("person", "unit")
        .order_by("start_earliest", "id")
    )
    persons: dict[int, dict[str, Any]] = {}
    for act in acts:
        entry = persons.setdefault(
            act.person_id, {"person": act.person, "acts": [], "first": act.start}
        )
        entry["acts"].append(act)
    by_type = Counter(act.act_type for act in acts)
    return {
        "acts": acts,
        "persons": list(persons.values()),
        "by_type": [(ActType(code), n) for code, n in by_type.most_common()],
        "events": list(facility.events.order_by("start_earliest")),
    }


def facilities_with_counts() -> list[tuple[Facility, int, int]]:
    """Every facility with its number of acts and of distinct persons."""
    acts = Act.objects.filter(facility__isnull=False).values_list("facility_id", "person_id")
    n_acts: Counter[int] = Counter()
    persons: dict[int, set[int]] = {}
    for facility_id, person_id in acts:
        n_acts[facility_id] += 1
        persons.setdefault(facility_id, set()).add(person_id)
    return [
        (f, n_acts[f.pk], len(persons.get(f.pk, ())))
        for f in Facility.objects.order_by("place_code", "kind", "name_en")
    ]


# --- counts ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class CountRow:
    """One cell of the counts: the values of the dimensions, the acts and distinct persons."""

    key: tuple[str, ...]
    labels: tuple[str, ...]
    acts: int
    persons: int


def act_counts(
    by: Sequence[str] = ("act_type", "unit", "facility"),
    start: datetime.date | None = None,
    end: datetime.date | None = None,
    *,
    language: str = "en",
) -> list[CountRow]:
    """Acts and distinct victims by any of ``DIMENSIONS``, for acts that may have begun between
    ``start`` and ``end``. ``act_group`` counts a method of torture as torture; ``date`` is the
    day an act began (blank when not known to the day); ``place`` the region. Rows are sorted
    by number of acts, largest first."""
    unknown = [d for d in by if d not in DIMENSIONS]
    if unknown:
        raise ValueError(
            f"cannot count by {', '.join(unknown)}: choose from {', '.join(DIMENSIONS)}"
        )
    acts = filtered_acts(ActFilter(start=start, end=end)).values_list(
        "person_id",
        "act_type",
        "unit_kind",
        "facility_id",
        "facility__kind",
        "start_year",
        "start_month",
        "start_day",
        "place_code",
    )
    facilities = {f.pk: f for f in Facility.objects.all()}
    n_acts: Counter[tuple[str, ...]] = Counter()
    persons: dict[tuple[str, ...], set[int]] = {}
    for person_id, act_type, unit_kind, facility_id, facility_kind, y, m, d, place in acts:
        values = {
            "act_type": act_type,
            "act_group": act_type.split(".")[0],
            "unit": unit_kind,
            "facility": facilities[facility_id].slug if facility_id else "",
            "facility_kind": facility_kind or "",
            "date": f"{y:04d}-{m:02d}-{d:02d}" if d is not None else "",
            "place": region_of(place) if place else "",
        }
        key = tuple(values[d] for d in by)
        n_acts[key] += 1
        persons.setdefault(key, set()).add(person_id)
    slugs = {f.slug: f for f in facilities.values()}
    rows = [
        CountRow(
            key,
            tuple(_label(d, v, slugs, language) for d, v in zip(by, key, strict=True)),
            n,
            len(persons[key]),
        )
        for key, n in n_acts.items()
    ]
    return sorted(rows, key=lambda r: (-r.acts, r.key))


def _label(dimension: str, value: str, facilities: dict[str, Facility], language: str) -> str:
    if not value:
        return str(_("not known"))
    if dimension in ("act_type", "act_group"):
        return ActType(value).label(language)
    if dimension == "unit":
        return UnitKind(value).label(language)
    if dimension == "facility":
        return facilities[value].name(language)
    if dimension == "facility_kind":
        return FacilityKind(value).label(language)
    if dimension == "place":
        return place_name(value, language)
    return value


def total_acts(
    start: datetime.date | None = None, end: datetime.date | None = None
) -> tuple[int, int]:
    """(acts, distinct persons) between the dates."""
    acts = filtered_acts(ActFilter(start=start, end=end))
    return acts.count(), acts.values("person_id").distinct().count()
