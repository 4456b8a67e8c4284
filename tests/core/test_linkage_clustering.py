"""Clustering scored pairs: strongest first, no chaining, reviewers' constraints bind."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tizim.core.linkage.clustering import cluster_pairs


def groups(result):
    return [c for c in result.clusters if len(c) > 1]


def test_pairs_above_threshold_join_and_singletons_stay():
    result = cluster_pairs([1, 2, 3, 4], [(1, 2, 0.99), (2, 3, 0.3)], 0.8)
    assert result.clusters == [[1, 2], [3], [4]]


def test_one_initials_entry_does_not_chain_two_men():
    # Кулжанов Е.Е. (1) fits Ерболат (2) and Ербол (3) about equally; 2 and 3 are clearly
    # different: it joins neither, and both joins are asked about.
    pairs = [(1, 2, 0.97), (1, 3, 0.95), (2, 3, 0.001)]
    result = cluster_pairs([1, 2, 3], pairs, 0.8)
    assert groups(result) == []
    assert [(r.left, r.right) for r in result.refused] == [(1, 2), (1, 3)]
    assert all("fits two different people" in r.reason for r in result.refused)


def test_a_record_joins_the_far_better_of_two_different_people():
    # 1 fits 2 a thousand times better than 3 (about 10 bits against 2): no doubt left.
    pairs = [(1, 2, 0.999), (1, 3, 0.81), (2, 3, 0.001)]
    result = cluster_pairs([1, 2, 3], pairs, 0.8)
    assert groups(result) == [[1, 2]]
    assert "judged different people" in result.refused[0].reason


def test_a_bridge_between_weakly_related_groups_is_refused_on_average():
    pairs = [(1, 2, 0.99), (3, 4, 0.99), (2, 3, 0.9), (1, 3, 0.3), (1, 4, 0.3), (2, 4, 0.3)]
    result = cluster_pairs([1, 2, 3, 4], pairs, 0.8)
    assert groups(result) == [[1, 2], [3, 4]]
    assert "average" in result.refused[0].reason


def test_no_person_grows_beyond_the_size_cap():
    pairs = [(i, i + 1, 0.99) for i in range(10)] + [
        (a, b, 0.95) for a in range(11) for b in range(a + 2, 11)
    ]
    result = cluster_pairs(range(11), pairs, 0.8, max_cluster_size=5)
    assert max(len(c) for c in result.clusters) == 5
    assert any("one person of 6 records" in r.reason for r in result.refused)


def test_strong_groups_join_when_the_evidence_between_them_is_strong():
    pairs = [(1, 2, 0.99), (3, 4, 0.99), (1, 3, 0.95), (2, 4, 0.9), (1, 4, 0.85), (2, 3, 0.9)]
    assert groups(cluster_pairs([1, 2, 3, 4], pairs, 0.8)) == [[1, 2, 3, 4]]


def test_rejected_pair_is_never_joined_even_through_others():
    pairs = [(1, 2, 0.99), (2, 3, 0.99), (1, 3, 0.99)]
    result = cluster_pairs([1, 2, 3], pairs, 0.8, cannot_link=[(1, 3)])
    assert groups(result) == [[1, 2]]
    assert "different people" in result.refused[0].reason


def test_accepted_pair_is_joined_whatever_the_score():
    result = cluster_pairs([1, 2, 3], [(1, 2, 0.01)], 0.8, must_link=[(1, 2)])
    assert groups(result) == [[1, 2]]


def test_settled_persons_stay_whole_and_apart_new_records_join_them():
    pairs = [(1, 3, 0.99), (2, 3, 0.99), (3, 4, 0.99), (5, 6, 0.99)]
    result = cluster_pairs([1, 2, 3, 4, 5, 6], pairs, 0.8, settled_groups=[[1, 2], [3], [5]])
    # 4 is new and joins the settled person {3}; {1, 2} and {3} were both settled: not joined.
    assert groups(result) == [[1, 2], [3, 4], [5, 6]]
    assert any("settled" in r.reason for r in result.refused)


def test_unknown_ids_in_pairs_and_constraints_are_ignored():
    result = cluster_pairs([1, 2], [(1, 9, 0.99), (1, 2, 0.95)], 0.8, cannot_link=[(2, 9)])
    assert result.clusters == [[1, 2]]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 11), st.integers(0, 11), st.floats(0, 1)),
        max_size=40,
    ),
    st.lists(st.tuples(st.integers(0, 11), st.integers(0, 11)), max_size=4),
)
def test_every_record_in_exactly_one_cluster_and_rejections_hold(pairs, rejected):
    result = cluster_pairs(range(12), pairs, 0.7, cannot_link=rejected)
    members = [r for c in result.clusters for r in c]
    assert sorted(members) == list(range(12))
    where = {r: i for i, c in enumerate(result.clusters) for r in c}
    for a, b in rejected:
        if a != b:
            assert where[a] != where[b]
    # every joined cluster is held together by pairs at or above the threshold
    strong = {(min(a, b), max(a, b)) for a, b, p in pairs if p >= 0.7 and a != b}
    for cluster in result.clusters:
        if len(cluster) > 1:
            for r in cluster:
                assert any((min(r, o), max(r, o)) in strong for o in cluster if o != r)
