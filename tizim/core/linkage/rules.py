"""Conservative rule-based linkage over canonical name keys.

This is the registry's first linker: it joins records only when the evidence is unambiguous
(same surname and given-name keys across scripts, compatible birth years and patronymics; an
entry with initials only when exactly one person fits). It prefers leaving two records apart
to joining two people: a wrong merge hides a victim, a missed one is found in review. The
probabilistic linker of the Linkage issue supersedes it for recall.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from tizim.core.names import initial_key, initials_compatible, name_key, patronymic_key, surname_key

# Ages are often rounded or counted from a different date: a year of slack either way.
BIRTH_YEAR_SLACK = 1


@dataclass(frozen=True)
class LinkInput:
    """What the rules look at for one record."""

    record_id: int
    surname: str
    given_name: str
    patronymic: str = ""
    sex: str = ""
    birth_year_min: int | None = None
    birth_year_max: int | None = None


@dataclass(frozen=True)
class _Keys:
    record_id: int
    surname: str
    given: str  # name key, "" when only an initial is known
    given_text: str  # as written, for comparing initials
    order_free: frozenset[str]  # the block: the same whichever part a list wrote first
    given_initial: str
    patronymic: str  # key, "" when unknown or only an initial
    patronymic_initial: str
    sex: str
    years: tuple[int, int] | None


def _is_initial(part: str) -> bool:
    letters = [c for c in part if c.isalpha()]
    return 0 < len(letters) <= 1 or (part.endswith(".") and len(letters) <= 2)


def _keys(item: LinkInput) -> _Keys | None:
    if not item.surname or not item.given_name:
        return None
    given_is_initial = _is_initial(item.given_name)
    patronymic_is_initial = bool(item.patronymic) and _is_initial(item.patronymic)
    years: tuple[int, int] | None = None
    if item.birth_year_min is not None and item.birth_year_max is not None:
        years = (item.birth_year_min, item.birth_year_max)
    return _Keys(
        record_id=item.record_id,
        surname=surname_key(item.surname),
        given="" if given_is_initial else name_key(item.given_name),
        given_text=item.given_name,
        # surname_key on both parts: a woman's surname written where the given name should be
        # still folds the same way (Абенова Асель = Асель Абенова).
        order_free=frozenset((surname_key(item.surname), surname_key(item.given_name))),
        given_initial=initial_key(item.given_name),
        patronymic=(
            patronymic_key(item.patronymic) if item.patronymic and not patronymic_is_initial else ""
        ),
        patronymic_initial=initial_key(item.patronymic) if item.patronymic else "",
        sex=item.sex,
        years=years,
    )


def _years_compatible(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    if a is None or b is None:
        return True
    return a[0] - BIRTH_YEAR_SLACK <= b[1] and b[0] - BIRTH_YEAR_SLACK <= a[1]


def _compatible(a: _Keys, b: _Keys) -> bool:
    if a.sex and b.sex and a.sex != b.sex:
        return False
    if a.patronymic and b.patronymic and a.patronymic != b.patronymic:
        return False
    if (
        a.patronymic_initial
        and b.patronymic_initial
        and a.patronymic_initial != b.patronymic_initial
    ):
        return False
    return _years_compatible(a.years, b.years)


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _groups_within(block: Sequence[_Keys]) -> list[list[_Keys]]:
    """Split one name block into people: records with birth years form groups by compatibility
    (all members pairwise compatible); records without joins the one group that fits, or stay
    apart when several do (namesakes)."""
    dated = sorted((k for k in block if k.years), key=lambda k: k.years or (0, 0))
    groups: list[list[_Keys]] = []
    for keys in dated:
        for group in groups:
            if all(_compatible(keys, member) for member in group):
                group.append(keys)
                break
        else:
            groups.append([keys])
    undated = [k for k in block if not k.years]
    loose: list[list[_Keys]] = []
    for keys in undated:
        fitting = [g for g in groups if all(_compatible(keys, m) for m in g)]
        if len(fitting) == 1:
            fitting[0].append(keys)
        elif not groups:
            fitting_loose = [g for g in loose if all(_compatible(keys, m) for m in g)]
            if len(fitting_loose) == 1:
                fitting_loose[0].append(keys)
            elif not fitting_loose:
                loose.append([keys])
    return groups + loose


def cluster_by_rules(items: Iterable[LinkInput]) -> list[list[int]]:
    """Clusters of record ids (each sorted; singletons included) decided by the rules above."""
    uf = _UnionFind()
    full_blocks: dict[frozenset[str], list[_Keys]] = defaultdict(list)
    initial_only: list[_Keys] = []
    for item in items:
        uf.find(item.record_id)
        keys = _keys(item)
        if keys is None:
            continue
        if keys.given:
            # Name order is free in the lists, so the block ignores which part is which.
            full_blocks[keys.order_free].append(keys)
        else:
            initial_only.append(keys)

    by_surname: dict[str, list[list[_Keys]]] = defaultdict(list)
    for block in full_blocks.values():
        for group in _groups_within(block):
            for member in group[1:]:
                uf.union(group[0].record_id, member.record_id)
            by_surname[group[0].surname].append(group)

    for keys in initial_only:
        candidates = [
            g
            for g in by_surname.get(keys.surname, [])
            if initials_compatible(keys.given_text, g[0].given_text)
            and all(_compatible(keys, m) for m in g)
            and (
                not keys.patronymic_initial
                or any(m.patronymic_initial == keys.patronymic_initial for m in g)
            )
        ]
        if len(candidates) == 1:
            uf.union(candidates[0][0].record_id, keys.record_id)

    clusters: dict[int, list[int]] = defaultdict(list)
    for record_id in list(uf.parent):
        clusters[uf.find(record_id)].append(record_id)
    return sorted(sorted(c) for c in clusters.values())
