"""Joining entries written as a surname and initials (``Серикбаев Е.Б.``) to full names.

Official lists have been published as surnames and initials only, with a region and nothing
else: too little for a pair to carry weight on its own, so the probabilistic model leaves such
an entry alone. Yet matching exactly such a list to the community lists is what a registry of
this kind exists for. An initials entry is joined to a person here when

* one of the person's records has a compatible surname (the same surname key, or one typing
  slip away in a long enough surname; the gender form must agree where both show one),
* the given-name initial fits (``Е.`` = Ерлан = Yerlan) and, where both have one, the
  patronymic initial fits too,
* the regions agree where both are known, and so do the birth years (or ages) within
  ``YEARS_APART``,
* the fates do not contradict each other (a list of the dead meets people whose fate is death,
  or is not known; not a namesake released on 10 January), and
* that person is the *only* one who fits, at the best level of agreement: a person whose death
  is recorded before one whose fate is simply unknown, then one whose patronymic bears out the
  entry's second initial before one whose records give no patronymic.

When several persons fit equally, nothing is joined: the candidates go to the review queue
together ("one of these N"). Framework-free; the clusters come from
``tizim.core.linkage.clustering``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from tizim.core.linkage.clustering import pairs_by_record
from tizim.core.linkage.features import (
    FATE_GROUPS,
    LinkRecord,
    birth_years,
    deletion_variants,
    region_of,
    within_one_slip,
)
from tizim.core.names import (
    initial_key,
    initial_search_keys,
    initials_compatible,
    is_initial,
    surname_key,
)

# A surname at least this long may differ by one slip (a dropped, doubled or swapped letter)
# and still be taken for the same; shorter ones must agree exactly (Ли, Ким, Пак).
FUZZY_SURNAME_FROM = 6
# Fates that contradict an entry on a list of the dead: only alive-and-accounted-for stages.
_ALIVE = frozenset({"released"})
# Birth years (or ages) further apart than this are two people's, even under one name and
# initial: an age is guessed or counted from another day, so a year or two is allowed.
YEARS_APART = 2


@dataclass(frozen=True)
class InitialsQuestion:
    """An initials entry that fits several persons equally: one of these is the same person."""

    record: int
    candidates: tuple[int, ...]  # one record of each fitting person
    reason: str


@dataclass
class InitialsOutcome:
    """Clusters after the initials entries were joined, what was joined and what is asked."""

    clusters: list[list[int]]
    joined: dict[int, int] = field(default_factory=dict)  # initials record → record joined to
    questions: list[InitialsQuestion] = field(default_factory=list)


def is_initials_entry(record: LinkRecord) -> bool:
    """A surname with only an initial (or nothing) for the given name."""
    surname = record.surname.strip()
    if not surname or is_initial(surname):
        return False
    given = record.given_name.strip()
    return not given or is_initial(given)


def _surname_fits(key: str, other: str) -> bool:
    if not key or not other:
        return False
    if key == other:
        return True
    return min(len(key), len(other)) >= FUZZY_SURNAME_FROM and within_one_slip(key, other)


def _fate_rank(entry_fate: str, fates: set[str]) -> int | None:
    """How well a person's fates fit the entry's: 0 agree, 1 say nothing against it, None
    contradict it. Only a death entry is checked: it is what lists of initials record."""
    entry_group = FATE_GROUPS.get(entry_fate, entry_fate)
    if entry_group != "death":
        return 0 if entry_fate in fates else 1
    groups = {FATE_GROUPS.get(f, f) for f in fates if f}
    if "death" in groups:
        return 0
    if fates and fates <= _ALIVE:
        return None
    return 1


def _patronymic_rank(entry: LinkRecord, person: Sequence[LinkRecord]) -> int:
    """0 when the entry's patronymic initial is borne out by the person's patronymic, 1 when
    the person's records do not say (a father and his son share surname, town and often the
    given initial: the son's patronymic tells them apart)."""
    if not entry.patronymic.strip():
        return 1
    wanted = initial_key(entry.patronymic)
    return 0 if any(initial_key(r.patronymic) == wanted for r in person if r.patronymic) else 1


def _record_fits(entry: LinkRecord, other: LinkRecord) -> bool:
    if not _surname_fits(surname_key(entry.surname), surname_key(other.surname)):
        return False
    if entry.sex and other.sex and entry.sex != other.sex:
        return False
    given = other.given_name.strip()
    if not given or is_initial(given):
        return False  # two initials entries say too little to join each other
    if entry.given_name.strip() and not initials_compatible(entry.given_name, given):
        return False
    if (
        entry.patronymic.strip()
        and other.patronymic.strip()
        and initial_key(entry.patronymic) != initial_key(other.patronymic)
    ):
        return False
    entry_region, other_region = region_of(entry.place_code), region_of(other.place_code)
    return not (entry_region and other_region and entry_region != other_region)


def _years_fit(entry: LinkRecord, person: Sequence[LinkRecord]) -> bool:
    """Whether no record of the person gives a birth year (or age) too far from the entry's:
    a namesake born a decade apart is another man, however well the initials fit."""
    low, high = birth_years(entry)
    if low is None:
        return True
    high = high or low
    for record in person:
        other_low, other_high = birth_years(record)
        if other_low is None:
            continue
        if other_low - YEARS_APART > high or low - YEARS_APART > (other_high or other_low):
            return False
    return True


def attach_initials(
    records: Sequence[LinkRecord],
    clusters: Sequence[Sequence[int]],
    *,
    cannot_link: Iterable[tuple[int, int]] = (),
) -> InitialsOutcome:
    """Join each initials entry that stands alone to the one person it fits (see the module's
    docstring); ask about those that fit several. Entries already in a person are left."""
    by_id = {r.record_id: r for r in records}
    cluster_of: dict[int, int] = {}
    for index, members in enumerate(clusters):
        for record_id in members:
            cluster_of[record_id] = index
    forbidden: Mapping[int, set[int]] = pairs_by_record(cannot_link)
    # Full names by surname key and then by their given name's initial: an entry looks only at
    # the initials it may stand for (a common surname has thousands of records at a million).
    by_surname: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for record in records:
        given = record.given_name.strip()
        if given and not is_initial(given) and not is_initials_entry(record):
            by_surname[surname_key(record.surname)][initial_key(given)].append(record.record_id)
    # Keys one slip apart share a key with one letter dropped: look surnames up by those.
    by_variant: dict[str, set[str]] = defaultdict(set)
    for key in by_surname:
        for variant in deletion_variants(key, shortest=FUZZY_SURNAME_FROM - 1):
            by_variant[variant].add(key)

    joined: dict[int, int] = {}
    questions: list[InitialsQuestion] = []
    grow: dict[int, list[int]] = defaultdict(list)
    for entry in sorted(records, key=lambda r: r.record_id):
        if not is_initials_entry(entry) or len(clusters[cluster_of[entry.record_id]]) > 1:
            continue
        key = surname_key(entry.surname)
        candidates = {
            k
            for v in deletion_variants(key, shortest=FUZZY_SURNAME_FROM - 1)
            for k in by_variant.get(v, ())
        }
        near = sorted(k for k in candidates if _surname_fits(key, k))
        fitting: dict[int, list[int]] = defaultdict(list)
        for other_id in _same_surname(by_surname, near, entry.given_name):
            if other_id in forbidden.get(entry.record_id, ()):
                continue
            if _record_fits(entry, by_id[other_id]):
                fitting[cluster_of[other_id]].append(other_id)
        ranked: dict[tuple[int, int], list[int]] = defaultdict(list)
        for index in fitting:
            person = [by_id[m] for m in clusters[index]]
            fate = _fate_rank(entry.fate, {r.fate for r in person})
            if (
                fate is not None
                and _years_fit(entry, person)
                and not _forbidden_cluster(clusters[index], entry, forbidden)
            ):
                ranked[(fate, _patronymic_rank(entry, person))].append(index)
        if not ranked:
            continue
        best = ranked[min(ranked)]
        if len(best) == 1:
            index = best[0]
            joined[entry.record_id] = min(fitting[index])
            grow[index].append(entry.record_id)
        else:
            questions.append(
                InitialsQuestion(
                    record=entry.record_id,
                    candidates=tuple(sorted(min(fitting[i]) for i in best)),
                    reason=f"initials fit {len(best)} persons equally",
                )
            )
    # Two entries of one list fitting the same person: the list names two people, so which
    # is which is a question, not a join.
    for index, entries in grow.items():
        if len(entries) > 1:
            for record_id in entries:
                joined.pop(record_id)
            questions.extend(
                InitialsQuestion(
                    record=r,
                    candidates=(min(clusters[index]),),
                    reason=f"{len(entries)} initials entries fit one person",
                )
                for r in entries
            )
    result: list[list[int]] = []
    for index, members in enumerate(clusters):
        if len(members) == 1 and members[0] in joined:
            continue  # the entry moved into the person it fits
        entries = [r for r in grow.get(index, []) if r in joined]
        result.append(sorted([*members, *entries]))
    return InitialsOutcome(clusters=sorted(result), joined=joined, questions=questions)


def _same_surname(
    by_surname: Mapping[str, Mapping[str, list[int]]], keys: Iterable[str], given: str
) -> Iterable[int]:
    """The full-name records under the surname ``keys`` whose given name may be the one the
    entry's initial (``given``, or none) stands for; ``_record_fits`` then checks each."""
    starts = initial_search_keys(given) if given.strip() else None
    for key in keys:
        by_initial = by_surname.get(key, {})
        for start in sorted(by_initial if starts is None else starts & by_initial.keys()):
            yield from by_initial[start]


def _forbidden_cluster(
    members: Sequence[int], entry: LinkRecord, forbidden: Mapping[int, set[int]]
) -> bool:
    return bool(forbidden.get(entry.record_id, set()) & set(members))
