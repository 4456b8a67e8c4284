"""Reads of the registry: what the staff pages, the CLI and exports show."""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet

from tizim.core.names import initial_search_keys, is_initial, name_key
from tizim.core.rows import PARSED_FIELDS
from tizim.registry.models import (
    FateEvent,
    ImportBatch,
    LinkChange,
    Person,
    PersonNote,
    Record,
    RecordCorrection,
    Source,
)
from tizim.registry.providers import held_change_ids

EXPORT_COLUMNS: tuple[str, ...] = (
    "source",
    # What a restore needs to make the source again where it is missing.
    "source_kind",
    "source_language",
    "source_title",
    "source_default_fate",
    "sheet",
    "row",
    "person",
    "source_record_id",
    *PARSED_FIELDS,
    "quarantine_reason",
    "current_version",
    "version",
    # The version this one replaced, as "row:digest" (its row number and the first 16 hex
    # digits of its raw values' SHA-256): a renumbered sheet gives versions other ids.
    "previous_version",
    "reported_on",
    "vanished",
    "raw",
)

PERSON_EXPORT_COLUMNS: tuple[str, ...] = (
    "person",
    "display_name",
    "names",
    "sex",
    "birth_year_min",
    "birth_year_max",
    "places",
    "latest_fate",
    "latest_fate_date",
    "timeline",
    "sources",
    "records",
)


def persons_with_records() -> QuerySet[Person]:
    """Persons that hold at least one record (a person emptied by a merge is history only)."""
    return Person.objects.filter(records__isnull=False).distinct()


@dataclass(frozen=True)
class PersonFilter:
    """What the staff persons list is narrowed by."""

    query: str = ""
    fate: str = ""
    place: str = ""
    source: str = ""


def search_persons(flt: PersonFilter) -> QuerySet[Person]:
    """Persons matching a name query (each word a part of the name, in any script or
    transliteration: Жагипаров, Zhagiparov and Jagiparov find the same person) and filters.

    ``fate`` matches the person's latest status; ``place`` a gazetteer code or text of any of
    its records; ``source`` the name of a source it has a record in.
    """
    persons = Person.objects.all()
    if flt.query:
        terms = flt.query.split()
        for term in terms:
            if is_initial(term) and (starts := initial_search_keys(term)):
                # An initial (Абдикадыров Д.) finds the name parts it may stand for.
                by_initial = Q()
                for start in sorted(starts):
                    by_initial |= Q(records__name_keys__startswith=start)
                    by_initial |= Q(records__name_keys__contains=f" {start}")
                persons = persons.filter(by_initial)
                continue
            # The key finds the name in any script or spelling; the text finds a fragment.
            key = name_key(term)
            by_key = Q(records__name_keys__contains=key) if len(key) >= 3 else Q(pk__in=[])
            persons = persons.filter(
                by_key | Q(records__full_name__icontains=term) | Q(display_name__icontains=term)
            )
    if flt.place:
        persons = persons.filter(
            Q(records__place_code=flt.place) | Q(records__place_text__icontains=flt.place)
        )
    if flt.source:
        persons = persons.filter(records__source__name=flt.source)
    if flt.fate:
        persons = persons.filter(records__fate=flt.fate)
    return (
        persons.filter(records__isnull=False)
        .annotate(
            n_records=Count("records", distinct=True),
            n_sources=Count("records__source", distinct=True),
        )
        .order_by("display_name", "id")
    )


@dataclass(frozen=True)
class PersonSummary:
    """What tells two persons of one name apart in a list: the latest fate, the place most
    records give, the birth years they give."""

    fate: str = ""
    place: str = ""
    born: str = ""


def person_summaries(persons: Iterable[Person]) -> dict[int, PersonSummary]:
    """For a page of persons, each one's summary (two queries whatever the page size)."""
    ids = [person.pk for person in persons]
    latest: dict[int, str] = {}
    for person_id, fate in (
        FateEvent.objects.filter(person_id__in=ids)
        .order_by("person_id", "on_date", "rank", "id")
        .values_list("person_id", "fate")
    ):
        latest[person_id] = fate  # the last one of each person wins
    places: dict[int, Counter[str]] = {pid: Counter() for pid in ids}
    years: dict[int, set[int]] = {pid: set() for pid in ids}
    for person_id, code, text, low, high in Record.objects.filter(
        person_id__in=ids, quarantine_reason=""
    ).values_list("person_id", "place_code", "place_text", "birth_year_min", "birth_year_max"):
        if code or text:
            places[person_id][code or text] += 1
        years[person_id].update(y for y in (low, high) if y)
    summaries = {}
    for pid in ids:
        known = sorted(years[pid])
        born = "" if not known else str(known[0]) if len(known) == 1 else f"{known[0]}–{known[-1]}"
        place = places[pid].most_common(1)[0][0] if places[pid] else ""
        summaries[pid] = PersonSummary(latest.get(pid, ""), place, born)
    return summaries


def person_case(public_id: str) -> Person:
    """A person with records, their sources and fate events (raises Person.DoesNotExist)."""
    return Person.objects.prefetch_related(
        Prefetch(
            "records",
            queryset=Record.objects.select_related("source").order_by("source__name", "row_number"),
        ),
        Prefetch(
            "fate_events",
            queryset=FateEvent.objects.prefetch_related("records__source").order_by(
                "on_date", "rank", "id"
            ),
        ),
        "memberships__opened_by",
    ).get(public_id=public_id)


def sources_with_counts() -> QuerySet[Source]:
    """Sources with how many records, quarantined records and persons each holds."""
    return Source.objects.annotate(
        n_records=Count("records", distinct=True),
        n_quarantined=Count(
            "records",
            filter=~Q(records__quarantine_reason="") & Q(records__next_version__isnull=True),
            distinct=True,
        ),
        n_persons=Count("records__person", distinct=True),
    ).order_by("name")


def quarantined_records(source: str = "") -> QuerySet[Record]:
    """Records kept aside because they could not be parsed, with their reasons (not those
    fixed and re-admitted since: their new version is the row now)."""
    records = (
        Record.objects.exclude(quarantine_reason="")
        .filter(next_version__isnull=True)
        .select_related("source")
    )
    return records.filter(source__name=source) if source else records


def export_rows(*, include_history: bool = True) -> Iterator[dict[str, str]]:
    """One dict per record, in ``EXPORT_COLUMNS`` order, streamed (no whole table in memory).

    ``raw`` holds the source's row as JSON (header → value, in file order), so an export can be
    imported again without loss.
    """
    records = Record.objects.select_related("source", "person").order_by(
        "source__name", "sheet", "row_number", "id"
    )
    if not include_history:
        records = records.filter(next_version__isnull=True)
    previous = dict(
        Record.objects.filter(previous_version__isnull=False).values_list(
            "pk", "previous_version_id"
        )
    )
    # Versions a newer one replaced, each as a newer version names it in "previous_version".
    replaced = {
        pk: f"{row_number}:{digest[:16]}"
        for pk, row_number, digest in Record.objects.filter(next_version__isnull=False).values_list(
            "pk", "row_number", "raw_sha256"
        )
    }
    obtained = dict(ImportBatch.objects.values_list("pk", "obtained_on"))
    for record in records.iterator(chunk_size=5000):
        row = {
            "source": record.source.name,
            "source_kind": record.source.kind,
            "source_language": record.source.language,
            "source_title": record.source.title,
            "source_default_fate": record.source.default_fate,
            "sheet": record.sheet,
            "row": str(record.row_number),
            "person": record.person.public_id if record.person else "",
            "source_record_id": record.source_record_id,
        }
        for name in PARSED_FIELDS:
            row[name] = _text(getattr(record, name))
        row["quarantine_reason"] = record.quarantine_reason
        row["current_version"] = "no" if record.pk in replaced else "yes"
        row["version"] = str(_version_number(record.pk, previous))
        earlier = previous.get(record.pk)
        row["previous_version"] = replaced.get(earlier, "") if earlier else ""
        batch_date = obtained.get(record.import_batch_id) if record.import_batch_id else None
        reported = batch_date or record.source.obtained_on
        row["reported_on"] = reported.isoformat() if reported else ""
        row["vanished"] = "yes" if record.vanished_in_id else "no"
        row["raw"] = record.raw_json
        yield row


def export_persons() -> Iterator[dict[str, str]]:
    """One dict per person that holds records, in ``PERSON_EXPORT_COLUMNS`` order."""
    persons = (
        persons_with_records()
        .prefetch_related(
            Prefetch("records", queryset=Record.objects.select_related("source")),
            Prefetch("fate_events", queryset=FateEvent.objects.order_by("on_date", "rank", "id")),
        )
        .order_by("public_id")
    )
    for person in persons.iterator(chunk_size=2000):
        records = list(person.records.all())
        events = list(person.fate_events.all())
        lows = [r.birth_year_min for r in records if r.birth_year_min]
        highs = [r.birth_year_max for r in records if r.birth_year_max]
        sexes = {r.sex for r in records if r.sex}
        latest = events[-1] if events else None
        yield {
            "person": person.public_id,
            "display_name": person.display_name,
            "names": "; ".join(sorted({r.full_name for r in records if r.full_name})),
            "sex": sexes.pop() if len(sexes) == 1 else "",
            "birth_year_min": str(max(lows)) if lows else "",
            "birth_year_max": str(min(highs)) if highs else "",
            "places": "; ".join(sorted({r.place_code or r.place_text for r in records} - {""})),
            "latest_fate": latest.fate if latest else "",
            "latest_fate_date": latest.on_date.isoformat() if latest else "",
            "timeline": "; ".join(f"{e.on_date.isoformat()} {e.fate}" for e in events),
            "sources": "; ".join(sorted({r.source.name for r in records})),
            "records": "; ".join(
                f"{r.source.name}:{r.sheet + ':' if r.sheet else ''}{r.row_number}" for r in records
            ),
        }


def _version_number(pk: int, previous: dict[int, int]) -> int:
    """1 for a row as first imported, 2 for its first changed version, and so on."""
    number = 1
    while pk in previous:
        pk = previous[pk]
        number += 1
    return number


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


#: Corrections whose new version keeps its record's place: staff put it there, so linkage runs
#: that keep settled persons whole keep it too (a re-admitted row is linked like a new one).
SETTLED_CORRECTIONS = (RecordCorrection.Kind.CORRECT, RecordCorrection.Kind.RESTORE)


def linkable_records() -> Iterator[Mapping[str, Any]]:
    """The fields linkage needs, for every usable record (streamed). Earlier versions of a
    re-imported row are included so that they stay with their person; a version replaced by a
    staff correction is not (it is in no person), and ``settled_version`` says whether a record
    is itself such a correction."""
    return (
        Record.objects.filter(quarantine_reason="")
        .exclude(next_version__correction_of__isnull=False)
        .annotate(
            settled_version=Exists(
                RecordCorrection.objects.filter(
                    corrected=OuterRef("pk"), kind__in=SETTLED_CORRECTIONS
                )
            )
        )
        .values(
            "pk",
            "surname",
            "given_name",
            "patronymic",
            "sex",
            "birth_date",
            "birth_year_min",
            "birth_year_max",
            "place_code",
            "fate",
            "event_date",
            "person_id",
            "previous_version_id",
            "source__name",
            "settled_version",
        )
        .order_by("pk")
        .iterator(chunk_size=5000)
    )


# --- what a person's page offers to correct ---------------------------------------------------

#: The membership changes a person's page offers to undo: those staff made by hand. A linkage
#: run's change spans many persons; a correction is undone as a correction.
UNDOABLE_ON_PERSON_PAGE = (LinkChange.Kind.MERGE, LinkChange.Kind.SPLIT, LinkChange.Kind.MOVE)


def changes_of(person: Person) -> QuerySet[LinkChange]:
    """Changes that brought records into ``person`` or took them out, newest first."""
    return (
        LinkChange.objects.filter(Q(opened__person=person) | Q(closed__person=person))
        .distinct()
        .order_by("-id")
    )


def undoable_changes(person: Person) -> list[LinkChange]:
    """Changes of ``person`` made by hand that can still be undone: not undone, and none of
    their records moved again since."""
    found = []
    candidates = (
        changes_of(person)
        .filter(kind__in=UNDOABLE_ON_PERSON_PAGE, undone_by__isnull=True)
        .exclude(pk__in=decided_changes())
    )
    for change in candidates[:20]:
        if not change.opened.filter(closed_by__isnull=False).exists():
            found.append(change)
    return found


def decided_changes() -> set[int]:
    """The ids of membership changes reviewers' pair decisions made: undone by withdrawing the
    decision (*Decisions*), so that later linkage runs stop keeping to it too."""
    return held_change_ids()


def persons_like(query: str, *, besides: Person, limit: int = 10) -> list[Person]:
    """Persons a name finds (in any script), for choosing whom to merge with or move to."""
    if not query.strip():
        return []
    return list(search_persons(PersonFilter(query=query.strip())).exclude(pk=besides.pk)[:limit])


def records_of(person: Person) -> QuerySet[Record]:
    """The person's records, as the page lists them to choose from."""
    return person.records.select_related("source").order_by("source__name", "row_number")


def corrections_of(person: Person) -> list[RecordCorrection]:
    """Corrections of the person's records (their current versions), newest first."""
    return list(
        RecordCorrection.objects.filter(corrected__person=person)
        .select_related("original__source")
        .order_by("-id")
    )


def notes_on(person: Person) -> QuerySet[PersonNote]:
    """Staff notes on a person that were not withdrawn, newest first."""
    return person.notes.filter(withdrawn_at__isnull=True).order_by("-at", "-id")
