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
import hashlib
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TypeVar

from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet

from tizim.core.dates import agreed_birth
from tizim.core.fates import Fate
from tizim.core.names import (
    initial_search_keys,
    is_initial,
    name_key,
    proper_case,
    sort_key,
    to_latin,
    to_russian_cyrillic,
)
from tizim.core.places import GAZETTEER, region_of
from tizim.publish.caching import cached
from tizim.publish.models import Publication
from tizim.publish.rules import KILLED, PUBLIC_SOURCE_KINDS
from tizim.registry.models import FateEvent, Person, Record

PAGE_SIZE = 50
#: The order of every list and of search results (the listing indexes end with it).
ORDER = ("sort_name", "person_id")
T = TypeVar("T")
REGION_CODES = frozenset(p.code for p in GAZETTEER if p.region is None)
LISTS = (KILLED, "missing", "detained")
_CYRILLIC = re.compile("[\u0400-\u04ff]")


class NotPublished(Exception):
    """The person asked for is not on the public site (never published, or withdrawn)."""


def public_publications() -> QuerySet[Publication]:
    """The publications of every person the public may see: publishable and on a list (the
    same persons as ``published_persons()``, for reads that need only listing columns)."""
    return Publication.objects.filter(status=Publication.Status.PUBLISHABLE, list_name__in=LISTS)


def published_persons() -> QuerySet[Person]:
    """Every person the public may see: publishable and on a list.

    A person whose records all left (merged away) is withdrawn by
    ``services.refresh_listings`` in the transaction of the merge, and ``public_view`` (like
    every row of a list) refuses a person without records anyway, so no page shows one even if
    the two disagreed.
    """
    return Person.objects.filter(
        publication__status=Publication.Status.PUBLISHABLE, publication__list_name__in=LISTS
    ).select_related("publication")


def publication_version() -> str:
    """Changes with every publication decision, withdrawal or re-derived listing: the key of
    everything cached about who is listed. Read on every use, so a withdrawal is seen at once
    by every server process."""
    table = Publication._meta.db_table
    # One round trip; each lone MAX() reads one end of an index (two MAX() in one SELECT
    # would make SQLite scan the table).
    with connection.cursor() as cursor:
        cursor.execute(
            f'SELECT (SELECT MAX("updated_at") FROM "{table}"), '  # noqa: S608 (model name)
            f'(SELECT MAX("id") FROM "{table}")'
        )
        updated, last = cursor.fetchone()
    # A token fit for any cache key (memcached refuses spaces; Django warns of them).
    return hashlib.blake2b(f"{updated}/{last}".encode(), digest_size=12).hexdigest()


def _cached(name: str, compute: Callable[[], T], version: str | None = None) -> T:
    return cached(name, version or publication_version(), compute)


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
    text = proper_case(text)
    if not _CYRILLIC.search(text):
        return PublicName(text)
    latin = to_latin(text)
    russian = to_russian_cyrillic(text)
    return PublicName(text, latin, russian if russian != text else "")


def public_view(person: Person, *, with_citations: bool = False) -> PublicPerson:
    """The public face of a person from ``published_persons()``: only the chosen fields.

    Raises ``NotPublished`` for anyone else. Uses prefetched ``records`` (with their sources)
    and ``fate_events`` when the queryset has them; ``with_citations`` adds, for each event,
    the numbers of the sources that state it (one more query). The name shown and the birth
    year are the listing's (``services.refresh_listings``), as in every row of a list.
    """
    publication: Publication | None = getattr(person, "publication", None)
    if publication is None or not publication.is_public:
        raise NotPublished(person.public_id)
    records = [r for r in person.records.all() if not r.quarantine_reason]
    if not records:
        raise NotPublished(person.public_id)
    dead = publication.list_name == KILLED
    result: dict[str, object] = {"public_id": person.public_id, "list_name": publication.list_name}

    result.update(_listing_fields(publication))
    if publication.show_name:
        spellings = dict.fromkeys([publication.shown_name, *(r.full_name for r in records)])
        result["names"] = tuple(_public_name(str(t)) for t in spellings if t)
    if publication.show_birth_date and dead:
        _, result["birth_date"] = agreed_birth(
            (r.birth_date for r in records if r.birth_date), (), ()
        )

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


def _listing_fields(listing: Publication | dict[str, object]) -> dict[str, object]:
    """The fields a row of a list shows, from a publication's listing columns (which hold
    only chosen fields: ``services.derive_listing``)."""

    def get(column: str) -> object:
        return listing.get(column) if isinstance(listing, dict) else getattr(listing, column)

    fields: dict[str, object] = {"birth_year": get("birth_year"), "list_date": get("list_date")}
    name = proper_case(str(get("shown_name") or ""))
    if name:
        latin = to_latin(name)
        fields.update(name=name, latin_name=latin if latin != name else "")
    place = str(get("place_code") or "")
    if place:
        fields.update(place_code=place, region_code=region_of(place))
    return fields


_ROW_COLUMNS = (
    "person__public_id", "list_name", "shown_name", "birth_year", "place_code", "list_date",
)  # fmt: skip


def _rows(publications: QuerySet[Publication], start: int, stop: int) -> list[PublicPerson]:
    """Rows ``start:stop`` of a list or of search results: public views from the listing
    columns alone (one query, no model instances: the hot path of the site). A person without
    a record not quarantined is left out, as ``public_view`` refuses them."""
    sound = Record.objects.filter(person_id=OuterRef("person_id"), quarantine_reason="")
    found = publications.annotate(sound=Exists(sound)).values(*_ROW_COLUMNS, "sound")
    return [
        PublicPerson(
            public_id=row["person__public_id"],
            list_name=row["list_name"],
            **_listing_fields(row),  # type: ignore[arg-type]
        )
        for row in found[start:stop]
        if row["sound"]
    ]


def _with_details(persons: QuerySet[Person]) -> QuerySet[Person]:
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


def public_views(persons: Iterable[Person]) -> list[PublicPerson]:
    """Public views of persons fetched through ``published_persons()`` (any person
    ``public_view`` refuses is left out)."""
    views = []
    for person in persons:
        try:
            views.append(public_view(person))
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

    Pages are cut on these listing columns alone (an index holds them all, so skipping to page
    600 of 100,000 persons reads the index only), and a row is read from them too.
    """
    if list_name not in LISTS:
        raise NotPublished(list_name)
    # public_publications() narrowed to this list (one of LISTS, checked above), written as the
    # two equalities the listing indexes begin with.
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
    return publications.order_by(*ORDER)


class _CountedPaginator(Paginator):
    """A paginator told its count (counting 30,000 index entries on every page view would
    cost more than the page)."""

    def __init__(self, object_list: QuerySet[Publication], per_page: int, count: int) -> None:
        super().__init__(object_list, per_page)
        self._known_count = count

    @property
    def count(self) -> int:
        return self._known_count


def list_page(
    list_name: str, flt: ListFilter, number: int, *, version: str | None = None
) -> tuple[Page[Publication], list[PublicPerson]]:
    """One page (``PAGE_SIZE`` persons) of a public list and the public views on it; a page
    number past the end gives the last page. ``version``: ``publication_version()`` if the
    caller read it already."""
    publications = listed(list_name, flt)
    count = _cached(
        f"count:{list_name}:{flt.place}:{flt.date_from}:{flt.date_to}",
        publications.count,
        version,
    )
    page = _CountedPaginator(publications, PAGE_SIZE, count).get_page(number)
    if not count:
        return page, []
    # The page is cut on the listing index alone (it holds person_id): reading whole rows,
    # SQLite would read the row of every person skipped.
    cut = publications.values_list("person_id", flat=True)
    ids = list(cut[page.start_index() - 1 : page.end_index()])
    on_page = Publication.objects.filter(status=Publication.Status.PUBLISHABLE, person_id__in=ids)
    return page, _rows(on_page.order_by(*ORDER), 0, PAGE_SIZE)


def places_listed(list_name: str, *, version: str | None = None) -> list[tuple[str, int]]:
    """The town and region codes of a list's persons, with how many each (for the filter);
    cached until the next publication decision (``version``: as for ``list_page``)."""
    return _cached(f"places:{list_name}", lambda: _places_listed(list_name), version)


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


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def search_published(query: str, *, limit: int = 200) -> list[PublicPerson]:
    """Published persons whose published name matches every word of ``query``, in any script
    or spelling (Жагипаров, Zhagiparov and Jagiparov find the same person), by the linkage name
    keys; an initial (``Абдикадыров Д.``, ``D. Abdikadyrov``) finds the names it may stand for.
    A person whose name is not published is never found by it."""
    # Control characters are no part of a name; a NUL would even end SQLite's pattern there
    # (so "\x00" matched every name) and is refused by PostgreSQL.
    words = [w for w in _CONTROL.sub(" ", query).split() if w.strip()]
    if not words:
        return []
    publications = public_publications().filter(show_name=True)
    for word in words[:6]:
        publications = publications.filter(name_matches(word, "sort_name", "name_keys"))
    return _rows(publications.order_by(*ORDER), 0, limit)


def name_matches(word: str, sort_column: str, keys_column: str) -> Q:
    """Where one word of a name query matches: a fragment of the name in Latin letters
    (``sort_column``, written by ``tizim.core.names.sort_key``), a name key among the space-
    separated ``keys_column``, or, for an initial, a name key it may abbreviate."""
    if is_initial(word):
        starts = initial_search_keys(word)
        if starts:
            found = Q()
            for start in sorted(starts):
                found |= Q(**{f"{keys_column}__startswith": start})
                found |= Q(**{f"{keys_column}__contains": f" {start}"})
            return found
    by_text = Q(**{f"{sort_column}__contains": sort_key(word)})
    key = name_key(word)
    if len(key) >= 3:
        by_text |= Q(**{f"{keys_column}__contains": key})
    return by_text


def all_public_views(chunk: int = 2000) -> Iterator[PublicPerson]:
    """Every published person's public view, in public id order, streamed (for downloads)."""
    ids = list(published_persons().order_by("public_id").values_list("pk", flat=True))
    for start in range(0, len(ids), chunk):
        part = ids[start : start + chunk]
        persons = _with_details(published_persons().filter(pk__in=part)).order_by("public_id")
        yield from public_views(persons)
