"""The publication rules (docs/threat-model.md, P17): who may be shown, on which basis, and what.

* The **dead** (killed, died in custody) are shown when a source other than a report to this
  site's form states the death (``confirmed_source``).
* The **missing** (missing, disappeared) are shown only when their family asked
  (``family_request``): a name on a public list of the missing is an appeal for information, and
  only the family may make it.
* The **detained** (detained, arrested, charged, convicted — and later released) are shown with
  their or their family's consent (``consent``), or when a published source already names them
  (``public_source``: an official list, a radio, press or news list).
* Anyone else — only injured (the wounded were hunted in hospital wards in 2022), found alive —
  is on no public list.

Of the living, the full birth date and the facility are never shown (a release date, a town and
a full birth date are enough to find someone). The person's list is their status now: the
latest event of their timeline that is not an injury.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from tizim.core.fates import Fate

KILLED, MISSING, DETAINED = "killed", "missing", "detained"

LIST_OF_FATE: Mapping[str, str] = {
    Fate.KILLED: KILLED,
    Fate.DIED_IN_CUSTODY: KILLED,
    Fate.MISSING: MISSING,
    Fate.DISAPPEARED: MISSING,
    Fate.DETAINED: DETAINED,
    Fate.ARRESTED: DETAINED,
    Fate.CHARGED: DETAINED,
    Fate.CONVICTED: DETAINED,
    Fate.RELEASED: DETAINED,
    Fate.FOUND: "",
}

ALLOWED_BASES: Mapping[str, frozenset[str]] = {
    KILLED: frozenset({"confirmed_source"}),
    MISSING: frozenset({"family_request"}),
    DETAINED: frozenset({"consent", "public_source"}),
}

#: Source kinds whose lists are themselves published: naming someone there is public already.
PUBLIC_SOURCE_KINDS = frozenset({"official_list", "radio_list", "press_list", "news_article"})
#: Source kinds that do not confirm a death on their own (unverified until corroborated).
UNCONFIRMING_SOURCE_KINDS = frozenset({"web_form", "other"})

#: The chosen fields, in the order the staff page shows them, with their defaults.
FIELD_DEFAULTS: Mapping[str, bool] = {
    "show_name": True,
    "show_birth_year": True,
    "show_birth_date": False,
    "show_place": True,
    "show_fate": True,
    "show_facility": False,
    "show_sources": True,
}
#: Fields that may be chosen only for the dead.
DEAD_ONLY_FIELDS = frozenset({"show_birth_date", "show_facility"})


class PublicationRefused(Exception):
    """The rule for the person's fate does not allow publishing them (the message says why)."""


@dataclass(frozen=True)
class Event:
    """One event of a timeline, as the rules need it."""

    fate: str
    on_date: datetime.date
    rank: int = 0
    order: int = 0


@dataclass(frozen=True)
class Citation:
    """A record of the person: its source's kind and the fate it states."""

    source_kind: str
    fate: str


def current_list(events: Sequence[Event]) -> tuple[str, datetime.date | None]:
    """The public list a timeline puts a person on now, and since when ('' and None: none).

    The date is the first day of the latest stretch of events on that list (the day of death,
    missing since, taken into custody).
    """
    ordered = sorted(events, key=lambda e: (e.on_date, e.rank, e.order))
    statuses = [e for e in ordered if e.fate != Fate.INJURED]
    if not statuses:
        return "", None
    name = LIST_OF_FATE.get(statuses[-1].fate, "")
    if not name:
        return "", None
    since = statuses[-1].on_date
    for event in reversed(statuses):
        if LIST_OF_FATE.get(event.fate, "") != name:
            break
        since = event.on_date
    return name, since


def check(
    *,
    has_records: bool,
    events: Sequence[Event],
    citations: Iterable[Citation],
    basis: str,
    fields: Mapping[str, bool],
) -> str:
    """The list the person goes on; ``PublicationRefused`` with the reason when the rule for
    their fate does not allow publishing them on this basis with these fields."""
    if not has_records:
        raise PublicationRefused(
            "this person holds no records (merged into another person?): publish that person"
        )
    name, _ = current_list(events)
    if not name:
        latest = sorted(events, key=lambda e: (e.on_date, e.rank, e.order))
        status = latest[-1].fate.replace("_", " ") if latest else "unknown"
        raise PublicationRefused(
            f"their status now is '{status}': only the killed, the missing and the detained "
            "are published"
        )
    allowed = ALLOWED_BASES[name]
    if basis not in allowed:
        wanted = " or ".join(sorted(b.replace("_", " ") for b in allowed))
        raise PublicationRefused(
            f"a person on the list of the {name} is published only on the basis of {wanted}"
            + (f", not '{basis.replace('_', ' ')}'" if basis else "")
        )
    cited = list(citations)
    if basis == "confirmed_source" and not any(
        c.source_kind not in UNCONFIRMING_SOURCE_KINDS and LIST_OF_FATE.get(c.fate) == KILLED
        for c in cited
    ):
        raise PublicationRefused(
            "no source confirms the death: only a report to this site's form or an "
            "unclassified source states it"
        )
    if basis == "public_source" and not any(c.source_kind in PUBLIC_SOURCE_KINDS for c in cited):
        raise PublicationRefused(
            "no published source (official, radio, press or news list) names this person: "
            "publish on the basis of consent instead"
        )
    if name != KILLED:
        chosen = sorted(f for f in DEAD_ONLY_FIELDS if fields.get(f))
        if chosen:
            words = " and ".join(f.removeprefix("show_").replace("_", " ") for f in chosen)
            raise PublicationRefused(f"the {words} of a living person are never published")
    return name
