"""Reads of the public site. Every public page, search and download goes through two doors:

* ``published_persons()`` — the one queryset of persons the public may see (publishable, on a
  list, holding records);
* ``public_view(person)`` — the one function that turns such a person into a plain
  ``PublicPerson`` holding only the fields chosen for them.

Nothing else here reads a person's records or timeline for the public, so a withdrawn person or
an unchosen field cannot leak through a page written later. Never published, whatever is
chosen: the reporter and anything sealed (not in the registry at all), notes, raw values of
records, sex, facilities and full birth dates of the living, injuries of the living, the place
as the source wrote it (only a gazetteer town or region), titles of web-form and interview
sources.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TypeVar

from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db.models import Count, Max, Prefetch, Q, QuerySet

from tizim.core.fates import Fate
from tizim.core.names import name_key, to_latin, to_russian_cyrillic
from tizim.core.places import GAZETTEER, region_of
from tizim.publish.models import Publication
from tizim.publish.rules import FIELD_DEFAULTS, KILLED, PUBLIC_SOURCE_KINDS
from tizim.registry.models import FateEvent, Person, Record

PAGE_SIZE = 50
T = TypeVar("T")
REGION_CODES = frozenset(p.code for p in GAZETTEER if p.region is None)
LISTS = (KILLED, "missing", "detained")
_CYRILLIC = re.compile("[\u0400-\u04ff]")


class NotPublished(Exception):
    """The person asked for is not on the public site (never published, or withdrawn)."""


def published_persons() -> QuerySet[Person]:
    """Every person the public may see: publishable and on a list.

    A person whose records all left (merged away) is withdrawn by
    ``services.refresh_listings`` in the transaction of the merge, and ``public_view`` refuses
    a person without records anyway, so no page shows one even if the two disagreed.
    """
    return Person.objects.filter(
        publication__status=Publication.Status.PUBLISHABLE,
        publication__list_name__in=LISTS,
    ).select_related("publication")


def publication_version() -> str:
    """Changes with every publication decision, withdrawal or re-derived listing (both
    aggregates read the ends of an index): the key of everything cached about who is listed."""
    # Two queries: SQLite reads a lone MAX() from the end of an index, two MAX() by a scan.
    updated = Publication.objects.aggregate(v=Max("updated_at"))["v"]
    last = Publication.objects.aggregate(v=Max("id"))["v"]
    return f"{updated.isoformat() if updated else ''}/{last}"


def _cached(name: str, compute: Callable[[], T]) -> T:
    key = f"publish:{name}:{publication_version()}"
    found = cache.get(key)
    if found is None:
        found = compute()
        cache.set(key, found, 3600)
    return found


@dataclass(frozen=True)
class PublicName:
    """A name as a source gave it, with its transliterations (blank when the same)."""

    text: str
    latin: str = ""
    russian: str = ""


@dataclass(frozen=True)
class PublicSource:
    """A source cited: its kind always; title, organisation and address only for sources that
    are themselves public (never for a report to the form or an interview)."""

    number: int
    kind: str
    title: str = ""
    organisation: str = ""
    url: str = ""


@dataclass(frozen=True)
class PublicEvent:
    """One status in the public timeline."""

    fate: str
    on_date: datetime.date
    date_is_reported: bool
    sources: tuple[int, ...] = ()


@dataclass(frozen=True)
class PublicPerson:
    """What the public site shows of one person: only the chosen fields (empty otherwise)."""

    public_id: str
    list_name: str
    name: str = ""
    names: tuple[PublicName, ...] = ()
    birth_year: str = ""
    birth_date: datetime.date | None = None
    place_code: str = ""
    region_code: str = ""
    list_date: datetime.date | None = None
    events: tuple[PublicEvent, ...] = ()
    facilities: tuple[str, ...] = ()
    sources: tuple[PublicSource, ...] = field(default_factory=tuple)
    #: The name in Latin letters, for readers who cannot read Cyrillic ("" when the same).
    latin_name: str = ""


def _public_name(text: str) -> PublicName:
    if not _CYRILLIC.search(text):
        return PublicName(text)
    latin = to_latin(text)
    russian = to_russian_cyrillic(text)
    return PublicName(text, latin, russian if russian != text else "")


def _birth(records: list[Record]) -> tuple[str, datetime.date | None]:
    """The birth year (or year range) the records agree on, and the one full date if any."""
    dates = {r.birth_date for r in records if r.birth_date}
    lows = [r.birth_year_min for r in records if r.birth_year_min]
    highs = [r.birth_year_max for r in records if r.birth_year_max]
    lows += [d.year for d in dates]
    highs += [d.year for d in dates]
    year = ""
    if lows and highs:
        low, high = max(lows), min(highs)
        if low == high:
            year = str(low)
        elif low < high:
            year = f"{low}–{high}"
    return year, (dates.pop() if len(dates) == 1 else None)


def public_view(
    person: Person, *, brief: bool = False, with_citations: bool = False
) -> PublicPerson:
    """The public face of a person from ``published_persons()``: only the chosen fields.

    Raises ``NotPublished`` for anyone else. Uses prefetched ``records`` (with their sources)
    and ``fate_events`` when the queryset has them. ``brief`` (a row of a list) leaves out
    the other spellings, the timeline, facilities and sources; ``with_citations`` adds, for
    each event, the numbers of the sources that state it (one more query).
    """
    publication: Publication | None = getattr(person, "publication", None)
    if publication is None or not publication.is_public:
        raise NotPublished(person.public_id)
    records = [r for r in person.records.all() if not r.quarantine_reason]
    if not records:
        raise NotPublished(person.public_id)
    dead = publication.list_name == KILLED
    result: dict[str, object] = {"public_id": person.public_id, "list_name": publication.list_name}

    if publication.show_name:
        name = person.display_name or records[0].full_name
        result["name"] = name
        latin = to_latin(name)
        result["latin_name"] = latin if latin != name else ""
        spellings = [name] if brief else dict.fromkeys([name, *(r.full_name for r in records)])
        result["names"] = tuple(_public_name(str(t)) for t in spellings if t)
    year, full_date = _birth(records)
    if publication.show_birth_year:
        result["birth_year"] = year
    if publication.show_birth_date and dead:
        result["birth_date"] = full_date
    if publication.show_place and publication.place_code:
        result["place_code"] = publication.place_code
        result["region_code"] = region_of(publication.place_code)

    if publication.show_fate:
        result["list_date"] = publication.list_date
    if brief:
        return PublicPerson(**result)  # type: ignore[arg-type]

    sources: list[PublicSource] = []
    number_of: dict[int, int] = {}
    if publication.show_sources:
        seen: dict[int, int] = {}
        for record in sorted(records, key=lambda r: (r.source.name, r.row_number)):
            source = record.source
            if source.pk not in seen:
                seen[source.pk] = len(seen) + 1
                shown = source.kind in PUBLIC_SOURCE_KINDS or source.kind in ("ngo_spreadsheet",)
                sources.append(
                    PublicSource(
                        number=seen[source.pk],
                        kind=source.kind,
                        title=(source.title or source.name) if shown else "",
                        organisation=source.organisation if shown else "",
                        url=source.url if shown else "",
                    )
                )
            number_of[record.pk] = seen[source.pk]
        result["sources"] = tuple(sources)

    if publication.show_fate:
        cited: dict[int, set[int]] = {}
        if with_citations and number_of:
            through = FateEvent.records.through.objects.filter(fateevent__person=person)
            for event_id, record_id in through.values_list("fateevent_id", "record_id"):
                if record_id in number_of:
                    cited.setdefault(event_id, set()).add(number_of[record_id])
        result["events"] = tuple(
            PublicEvent(
                fate=e.fate,
                on_date=e.on_date,
                date_is_reported=e.date_basis == FateEvent.DateBasis.REPORTED,
                sources=tuple(sorted(cited.get(e.pk, ()))),
            )
            for e in sorted(person.fate_events.all(), key=lambda e: (e.on_date, e.rank, e.pk))
            # An injury of a living person points to a hospital: the wounded were hunted there.
            if dead or e.fate != Fate.INJURED
        )
    if publication.show_facility and dead:
        result["facilities"] = tuple(dict.fromkeys(r.facility for r in records if r.facility))
    return PublicPerson(**result)  # type: ignore[arg-type]


_ROW_COLUMNS = (
    "id", "public_id", "display_name", "publication__id", "publication__person_id",
    "publication__status", "publication__list_name", "publication__place_code",
    "publication__list_date", *(f"publication__{f}" for f in FIELD_DEFAULTS),
)  # fmt: skip


def _with_details(persons: QuerySet[Person], *, brief: bool = False) -> QuerySet[Person]:
    if brief:
        records = Record.objects.only(
            "id", "person_id", "full_name", "birth_date", "birth_year_min", "birth_year_max",
            "quarantine_reason",
        )  # fmt: skip
        return persons.prefetch_related(Prefetch("records", queryset=records.order_by("id")))
    return persons.prefetch_related(
        Prefetch("records", queryset=Record.objects.select_related("source").order_by("id")),
        Prefetch("fate_events", queryset=FateEvent.objects.order_by("on_date", "rank", "id")),
    )


def public_person(public_id: str) -> PublicPerson:
    """The public view of one person by public id (``NotPublished`` if not on the site)."""
    person = _with_details(published_persons()).filter(public_id=public_id).first()
    if person is None:
        raise NotPublished(public_id)
    return public_view(person, with_citations=True)


def public_views(persons: Iterable[Person], *, brief: bool = False) -> list[PublicPerson]:
    """Public views of persons fetched through ``published_persons()`` (any person
    ``public_view`` refuses is left out)."""
    views = []
    for person in persons:
        try:
            views.append(public_view(person, brief=brief))
        except NotPublished:
            continue
    return views


@dataclass(frozen=True)
class ListFilter:
    """What a public list is narrowed by: a town or region code, and a date range."""

    place: str = ""
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None


def listed(list_name: str, flt: ListFilter = ListFilter()) -> QuerySet[Publication]:
    """The publications of one list's published persons, filtered, in name order.

    Pages are cut here, on the listing columns alone (an index holds them all, so skipping to
    page 600 of 100,000 persons reads the index only); the persons on a page are then read
    through ``published_persons()`` like everywhere else.
    """
    publications = Publication.objects.filter(
        status=Publication.Status.PUBLISHABLE, list_name=list_name
    )
    if flt.place in REGION_CODES:  # a region (or a city that is one) holds its towns
        publications = publications.filter(region_code=flt.place)
    elif flt.place:
        publications = publications.filter(place_code=flt.place)
    if flt.date_from:
        publications = publications.filter(list_date__gte=flt.date_from)
    if flt.date_to:
        publications = publications.filter(list_date__lte=flt.date_to)
    return publications.order_by("sort_name", "person_id")


def list_page(list_name: str, flt: ListFilter, number: int) -> tuple[Page[int], list[PublicPerson]]:
    """One page (``PAGE_SIZE`` persons) of a public list and the public views on it; a page
    number past the end gives the last page."""
    if list_name not in LISTS:
        raise NotPublished(list_name)
    paginator = Paginator(listed(list_name, flt).values_list("person_id", flat=True), PAGE_SIZE)
    page = paginator.get_page(number)
    ids = list(page.object_list)
    # Only the columns a row shows: this is the hot path of the site.
    persons = published_persons().filter(pk__in=ids).order_by().only(*_ROW_COLUMNS)
    persons = _with_details(persons, brief=True)
    by_pk = {p.pk: p for p in persons}
    return page, public_views((by_pk[pk] for pk in ids if pk in by_pk), brief=True)


def places_listed(list_name: str) -> list[tuple[str, int]]:
    """The town and region codes of a list's persons, with how many each (for the filter);
    cached until the next publication decision."""
    return _cached(f"places:{list_name}", lambda: _places_listed(list_name))


def _places_listed(list_name: str) -> list[tuple[str, int]]:
    base = published_persons().filter(publication__list_name=list_name)
    counts: dict[str, int] = {}
    for column in ("publication__place_code", "publication__region_code"):
        for code, n in base.exclude(**{column: ""}).values_list(column).annotate(n=Count("pk")):
            counts[code] = max(counts.get(code, 0), n)
    return sorted(counts.items())


def listed_counts() -> dict[str, int]:
    """How many persons each public list names (cached until the next decision)."""
    return _cached("listed", _listed_counts)


def _listed_counts() -> dict[str, int]:
    counts = dict(
        published_persons()
        .values_list("publication__list_name")
        .annotate(n=Count("pk"))
        .values_list("publication__list_name", "n")
    )
    return {name: counts.get(name, 0) for name in LISTS}


def search_published(query: str, *, limit: int = 200) -> list[PublicPerson]:
    """Published persons whose published name matches every word of ``query``, in any script
    or spelling (Жагипаров, Zhagiparov and Jagiparov find the same person), by the linkage name
    keys. A person whose name is not published is never found by it."""
    words = [w for w in query.split() if w.strip()]
    if not words:
        return []
    persons = published_persons().filter(publication__show_name=True)
    for word in words[:6]:
        key = name_key(word)
        by_text = Q(publication__sort_name__contains=word.casefold())
        if len(key) >= 3:
            by_text |= Q(publication__name_keys__contains=key)
        persons = persons.filter(by_text)
    found = _with_details(persons.order_by("publication__sort_name", "pk")[:limit], brief=True)
    return public_views(found, brief=True)


def all_public_views(chunk: int = 2000) -> Iterator[PublicPerson]:
    """Every published person's public view, in public id order, streamed (for downloads)."""
    ids = list(published_persons().order_by("public_id").values_list("pk", flat=True))
    for start in range(0, len(ids), chunk):
        part = ids[start : start + chunk]
        persons = _with_details(published_persons().filter(pk__in=part)).order_by("public_id")
        yield from public_views(persons)
