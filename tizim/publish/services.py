"""Writes of the public site: publishing and withdrawing persons, and keeping listings in step.

Every decision runs in a transaction and is written to the audit log. Withdrawal takes effect
at once everywhere: every public page, search and download reads through
``tizim.publish.selectors.published_persons`` and nothing person-level is cached.

The registry sends ``persons_refreshed`` whenever records join or leave persons (merges,
splits, undos, new versions of a row); ``refresh_listings`` then re-derives the listing of
each published person among them, and withdraws — fail closed — a publication whose person
lost all its records (merged away) or whose new status its basis no longer allows (a missing
person published at the family's request and then found dead needs a confirming source).
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from tizim.accounts.access import Actor, acting_as
from tizim.audit.services import record_action
from tizim.core.dates import agreed_birth
from tizim.core.names import sort_key
from tizim.core.places import UNKNOWN_REGION, region_of
from tizim.publish import rules
from tizim.publish.models import Publication
from tizim.registry.models import FateEvent, Person, Record

CHANGE_PERMISSION = "publish.change_publication"
SYSTEM_ACTOR = "tizim (publication rules)"


@dataclass(frozen=True)
class Listing:
    """The derived listing columns of a publication."""

    list_name: str
    list_date: datetime.date | None
    sort_name: str
    shown_name: str
    birth_year: str
    place_code: str
    region_code: str
    name_keys: str


def _events_of(person: Person) -> list[rules.Event]:
    return [
        rules.Event(e.fate, e.on_date, e.rank, e.pk)
        for e in FateEvent.objects.filter(person=person).order_by("on_date", "rank", "id")
    ]


def _citations_of(person: Person) -> list[rules.Citation]:
    return [
        rules.Citation(kind, fate)
        for kind, fate in Record.objects.filter(person=person).values_list("source__kind", "fate")
    ]


def derive_listing(
    *,
    display_name: str,
    events: list[rules.Event],
    place_codes: Iterable[str],
    name_keys: Iterable[str],
    fields: Mapping[str, bool],
    birth_year: str = "",
) -> Listing:
    """The listing of a person from their timeline and records, holding only chosen fields.

    ``birth_year`` is what the records agree on (``tizim.core.dates.agreed_birth``)."""
    list_name, since = rules.current_list(events)
    codes = Counter(c for c in place_codes if c)
    place = codes.most_common(1)[0][0] if codes and fields.get("show_place") else ""
    region = region_of(place) if place else ""
    keys: set[str] = set()
    if fields.get("show_name"):
        for text in name_keys:
            keys.update(text.split())
    return Listing(
        list_name=list_name,
        list_date=since if fields.get("show_fate") else None,
        sort_name=sort_key(display_name)[:300] if fields.get("show_name") else "",
        shown_name=display_name[:300] if fields.get("show_name") else "",
        birth_year=birth_year if fields.get("show_birth_year") else "",
        place_code=place,
        region_code="" if region == UNKNOWN_REGION else region,
        name_keys=" ".join(sorted(keys))[:1000],
    )


_LISTING_SOURCES = (
    "id", "person_id", "place_code", "name_keys", "full_name", "birth_date", "birth_year_min",
    "birth_year_max", "quarantine_reason",
)  # fmt: skip


def _apply_listing(publication: Publication, person: Person) -> None:
    # Only the listing's columns: a record's raw values can be large, and merges refresh often.
    records = list(Record.objects.filter(person=person).only(*_LISTING_SOURCES).order_by("id"))
    # The name and birth year as the person page shows them: from the records not quarantined.
    sound = [r for r in records if not r.quarantine_reason]
    birth_year, _ = agreed_birth(
        (r.birth_date for r in sound if r.birth_date),
        (r.birth_year_min for r in sound if r.birth_year_min),
        (r.birth_year_max for r in sound if r.birth_year_max),
    )
    listing = derive_listing(
        display_name=person.display_name or (sound[0].full_name if sound else ""),
        events=_events_of(person),
        place_codes=[r.place_code for r in records],
        name_keys=[r.name_keys for r in records],
        fields=fields_of(publication),
        birth_year=birth_year,
    )
    for name, value in listing.__dict__.items():
        setattr(publication, name, value)


def fields_of(publication: Publication) -> dict[str, bool]:
    """The chosen fields of a publication, by name."""
    return {name: bool(getattr(publication, name)) for name in rules.FIELD_DEFAULTS}


def check_person(person: Person, *, basis: str, fields: Mapping[str, bool]) -> str:
    """The list ``person`` would go on; ``PublicationRefused`` saying why not."""
    return rules.check(
        has_records=Record.objects.filter(person=person).exists(),
        events=_events_of(person),
        citations=_citations_of(person),
        basis=basis,
        fields=fields,
    )


def publish_person(
    person: Person,
    *,
    basis: str,
    fields: Mapping[str, bool] | None = None,
    note: str = "",
    actor: Actor,
) -> Publication:
    """Mark ``person`` publishable on ``basis`` showing ``fields`` (defaults where not given).

    Refused with ``PublicationRefused`` (a message saying why) when the rule for their fate
    does not allow it; nothing is written then.
    """
    who = acting_as(actor, CHANGE_PERMISSION)
    chosen = {**rules.FIELD_DEFAULTS, **{k: bool(v) for k, v in (fields or {}).items()}}
    unknown = sorted(set(chosen) - set(rules.FIELD_DEFAULTS))
    if unknown:
        raise rules.PublicationRefused(f"unknown fields: {', '.join(unknown)}")
    with transaction.atomic():
        person = Person.objects.select_for_update().get(pk=person.pk)
        list_name = check_person(person, basis=basis, fields=chosen)
        publication, _ = Publication.objects.select_for_update().get_or_create(person=person)
        publication.status = Publication.Status.PUBLISHABLE
        publication.basis = basis
        for name, value in chosen.items():
            setattr(publication, name, value)
        publication.reviewer = who
        publication.decided_at = timezone.now()
        publication.note = note
        _apply_listing(publication, person)
        publication.save()
        record_action(
            "publication.publish",
            actor=who,
            object_type="person",
            object_id=person.public_id,
            details={
                "basis": basis,
                "list": list_name,
                "fields": sorted(k for k, v in chosen.items() if v),
            },
        )
    return publication


def unpublish_person(person: Person, *, reason: str = "", actor: Actor) -> Publication | None:
    """Withdraw ``person`` from the public site at once (None when never published)."""
    who = acting_as(actor, CHANGE_PERMISSION)
    with transaction.atomic():
        publication = Publication.objects.select_for_update().filter(person=person).first()
        if publication is None:
            return None
        _withdraw(publication, reason=reason, actor=who)
    return publication


def _withdraw(publication: Publication, *, reason: str, actor: str) -> None:
    publication.status = Publication.Status.WITHDRAWN
    publication.reviewer = actor
    publication.decided_at = timezone.now()
    if reason:
        publication.note = (publication.note + "\n" if publication.note else "") + reason
    publication.save()
    record_action(
        "publication.withdraw",
        actor=actor,
        object_type="person",
        object_id=publication.person.public_id,
        details={"reason": reason},
    )


def refresh_listings(person_ids: Iterable[int]) -> list[str]:
    """Re-derive the listings of the publications of these persons; withdraw those the rules
    no longer allow. Returns the public ids withdrawn."""
    withdrawn = []
    publications = Publication.objects.select_related("person").filter(
        person_id__in=list(person_ids)
    )
    for publication in publications:
        person = publication.person
        if publication.status == Publication.Status.PUBLISHABLE:
            try:
                check_person(person, basis=publication.basis, fields=fields_of(publication))
            except rules.PublicationRefused as refused:
                _apply_listing(publication, person)
                _withdraw(
                    publication,
                    reason=f"withdrawn automatically on {timezone.localdate()}: {refused}",
                    actor=SYSTEM_ACTOR,
                )
                withdrawn.append(person.public_id)
                continue
        _apply_listing(publication, person)
        publication.save()
    return withdrawn


def on_persons_refreshed(sender: Any, person_ids: frozenset[int], **kwargs: Any) -> None:
    """``persons_refreshed`` receiver (connected in ``PublishConfig.ready``)."""
    refresh_listings(person_ids)
