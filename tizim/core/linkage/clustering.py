"""Clustering scored pairs into persons, under reviewers' constraints and without chaining.

Splink's own clustering is connected components: one weak link between two strong clusters
joins them (Splink #1824, #2653), and an initials-only entry (``Кулжанов Е.Е.``) that fits two
different men would make them one person. Here pairs are taken strongest first and two clusters
are joined only when

* the pair's probability reaches the threshold,
* no reviewer said two of their records are different people (a cannot-link),
* when a cluster already holds several records, the *mean* probability over every scored pair
  between the two reaches the threshold too (average linkage: one bridge is not enough, so an
  initials-only entry cannot chain two different men into one),
* no scored pair between them falls below ``VETO_BELOW`` (the model is sure those two records
  are different people, so their clusters are too),
* no record of one gives a full birth date that a record of the other contradicts (two
  documents' dates make two people, whether or not that pair was ever scored),
* the joined cluster stays within ``MAX_CLUSTER_SIZE`` records (a person is named on a handful of
  lists; a cluster of dozens is a chain of namesakes, Splink #1824),
* neither cluster is frozen against the other (incremental linking: two persons settled by an
  earlier run are not joined by a later one; only new records join them),
* neither record fits two people equally: a record that scores about as high with two records
  the model holds to be different people (a row without a birth date beside two namesakes of
  one town, born decades apart) could join either, so it joins neither and is asked about.

What was refused is returned too, so the review queue can show it: a refused join is exactly
the question a human should answer.
"""

from __future__ import annotations

import datetime
import math
from collections import defaultdict
from collections.abc import Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from tizim.core.linkage.features import dates_differ

# A scored pair this unlikely between two clusters keeps them apart.
VETO_BELOW = 0.05
# More records than this in one person come from chained namesakes, not from overlapping lists.
MAX_CLUSTER_SIZE = 25
# Two fits closer than this (in odds: 2**3 = 8 times) are equally good: which one is right is
# not the machine's to say.
AMBIGUOUS_WITHIN_BITS = 3.0


@dataclass(frozen=True)
class RefusedJoin:
    """A pair above the threshold whose clusters were kept apart, and why."""

    left: int
    right: int
    probability: float
    reason: str


@dataclass
class Clustering:
    """Clusters of record ids (each sorted, singletons included) and the refused joins."""

    clusters: list[list[int]]
    refused: list[RefusedJoin] = field(default_factory=list)


class _Clusters:
    def __init__(self, record_ids: Iterable[int]) -> None:
        self.parent: dict[int, int] = {}
        self.members: dict[int, list[int]] = {}
        self.settled: dict[int, bool] = {}
        for record_id in record_ids:
            self.parent[record_id] = record_id
            self.members[record_id] = [record_id]
            self.settled[record_id] = False

    def find(self, x: int) -> int:
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: int, b: int) -> int:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return ra
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra].extend(self.members.pop(rb))
        self.settled[ra] = self.settled[ra] or self.settled.pop(rb)
        return ra


def cluster_pairs(
    record_ids: Iterable[int],
    pairs: Iterable[tuple[int, int, float]],
    threshold: float,
    *,
    must_link: Iterable[tuple[int, int]] = (),
    cannot_link: Iterable[tuple[int, int]] = (),
    different: Iterable[tuple[int, int]] = (),
    settled_groups: Iterable[Sequence[int]] = (),
    max_cluster_size: int = MAX_CLUSTER_SIZE,
    birth_dates: Mapping[int, datetime.date] | None = None,
) -> Clustering:
    """Cluster records from scored pairs ``(left, right, probability)``.

    ``must_link``: pairs reviewers accepted (always together, before anything else).
    ``cannot_link``: pairs reviewers rejected (never together, whatever the scores).
    ``different``: pairs whose records show them to be two people (two documents' birth dates:
    ``tizim.core.linkage.features.evidently_different``); kept apart like a rejection, unless
    a reviewer accepted them.
    ``birth_dates``: records' full birth dates. Two clusters whose records give two different
    ones are kept apart too, whether or not that pair of records was scored: a chain through a
    record without a date (an age, an initial) must not make one person of two men of one name
    born in different years. Only the model's own verdict on that very pair (above the
    threshold: a shared national id outweighs a mistyped date) lets them join.
    ``settled_groups``: persons an earlier run or a reviewer settled; each stays whole, and two
    settled groups are never joined here (that is a reviewer's decision, so it is refused and
    reported). Record ids in pairs or constraints that are not in ``record_ids`` are ignored.
    """
    clusters = _Clusters(record_ids)
    known = clusters.parent.keys()
    forbidden = pairs_by_record(cannot_link, known)
    evident = pairs_by_record(different, known)
    refused: list[RefusedJoin] = []

    for group in settled_groups:
        present = [r for r in group if r in known]
        for other in present[1:]:
            clusters.union(present[0], other)
        if present:
            clusters.settled[clusters.find(present[0])] = True
    for a, b in must_link:
        if a in known and b in known:
            if _conflicts(clusters, forbidden, a, b):
                refused.append(RefusedJoin(a, b, 1.0, "accepted pair conflicts with a rejection"))
            else:
                clusters.union(a, b)

    scored: dict[tuple[int, int], float] = {}
    for a, b, probability in pairs:
        if a in known and b in known and a != b:
            key = (a, b) if a < b else (b, a)
            scored[key] = max(probability, scored.get(key, 0.0))
    torn = torn_records(scored, threshold, evident)
    for (a, b), probability in sorted(scored.items(), key=lambda kv: (-kv[1], kv[0])):
        if probability < threshold:
            break
        ra, rb = clusters.find(a), clusters.find(b)
        if ra == rb:
            continue
        reason = _refusal(clusters, forbidden, scored, ra, rb, threshold, max_cluster_size)
        if not reason and (
            _conflicts(clusters, evident, ra, rb)
            or _dates_conflict(clusters, birth_dates or {}, scored, ra, rb, threshold)
        ):
            reason = "their records give two different birth dates"
        if not reason and (a in torn or b in torn):
            reason = "one of the two fits two different people about equally"
        if reason:
            refused.append(RefusedJoin(a, b, probability, reason))
        else:
            clusters.union(ra, rb)
    return Clustering(
        clusters=sorted(sorted(m) for m in clusters.members.values()),
        refused=refused,
    )


def pairs_by_record(
    pairs: Iterable[tuple[int, int]], known: Container[int] | None = None
) -> dict[int, set[int]]:
    """Each record's partners in ``pairs``, both ways (only records in ``known``, if given)."""
    partners: dict[int, set[int]] = defaultdict(set)
    for a, b in pairs:
        if a != b and (known is None or (a in known and b in known)):
            partners[a].add(b)
            partners[b].add(a)
    return partners


def _bits(probability: float) -> float:
    probability = min(max(probability, 1e-12), 1 - 1e-12)
    return math.log2(probability / (1 - probability))


def torn_records(
    scored: dict[tuple[int, int], float],
    threshold: float,
    different: dict[int, set[int]] | None = None,
) -> set[int]:
    """Records that fit two others about equally well (within ``AMBIGUOUS_WITHIN_BITS``), both
    above the threshold, while those two are judged different people (below ``VETO_BELOW``) or
    shown to be (``different``)."""
    different = different or {}
    strong: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for (a, b), probability in scored.items():
        if probability >= threshold:
            strong[a].append((_bits(probability), b))
            strong[b].append((_bits(probability), a))
    torn: set[int] = set()
    for record, fits in strong.items():
        if len(fits) < 2:
            continue
        fits.sort(reverse=True)
        best_bits, best = fits[0]
        for bits, other in fits[1:]:
            if best_bits - bits > AMBIGUOUS_WITHIN_BITS:
                break
            key = (best, other) if best < other else (other, best)
            if (key in scored and scored[key] < VETO_BELOW) or other in different.get(best, ()):
                torn.add(record)
                break
    return torn


def _conflicts(clusters: _Clusters, forbidden: dict[int, set[int]], a: int, b: int) -> bool:
    ra, rb = clusters.find(a), clusters.find(b)
    if ra == rb:
        return False
    small, large = sorted((clusters.members[ra], clusters.members[rb]), key=len)
    large_set = set(large)
    return any(forbidden.get(r, set()) & large_set for r in small)


def _dates_conflict(
    clusters: _Clusters,
    birth_dates: Mapping[int, datetime.date],
    scored: dict[tuple[int, int], float],
    ra: int,
    rb: int,
    threshold: float,
) -> bool:
    dated_a = [(r, birth_dates[r]) for r in clusters.members[ra] if r in birth_dates]
    if not dated_a:
        return False
    dated_b = [(r, birth_dates[r]) for r in clusters.members[rb] if r in birth_dates]
    return any(
        dates_differ(x_date, y_date) and scored.get((x, y) if x < y else (y, x), 0.0) < threshold
        for x, x_date in dated_a
        for y, y_date in dated_b
    )


def _refusal(
    clusters: _Clusters,
    forbidden: dict[int, set[int]],
    scored: dict[tuple[int, int], float],
    ra: int,
    rb: int,
    threshold: float,
    max_cluster_size: int,
) -> str:
    if clusters.settled[ra] and clusters.settled[rb]:
        return "both persons were settled earlier; joining them is a reviewer's decision"
    members_a, members_b = clusters.members[ra], clusters.members[rb]
    if _conflicts(clusters, forbidden, ra, rb):
        return "a reviewer marked records of these persons as different people"
    if len(members_a) + len(members_b) > max_cluster_size:
        return f"would make one person of {len(members_a) + len(members_b)} records"
    if len(members_a) > 1 or len(members_b) > 1:
        cross = [
            scored[key]
            for x in members_a
            for y in members_b
            if (key := ((x, y) if x < y else (y, x))) in scored
        ]
        if min(cross) < VETO_BELOW:
            return f"two of their records are judged different people (p = {min(cross):.3f})"
        mean = sum(cross) / len(cross)
        if mean < threshold:
            return f"only {mean:.2f} on average between the two groups' records"
    return ""
