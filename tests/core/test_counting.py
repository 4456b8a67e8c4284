"""Documented counts from fate timelines: status on a day, ever by a day, as known then."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tizim.core.counting import (
    FATE_GROUPS,
    CountRule,
    Measure,
    PersonFacts,
    TimelineEvent,
    count_table,
    daily_counts,
    fates_of,
    group_for_claim,
    is_counted,
    persons_counted,
    region_by_majority,
    status_on,
)
from tizim.core.fates import Fate

D = datetime.date


def ev(day: int, fate: str, reported: int | None = None, rank: int = 0) -> TimelineEvent:
    return TimelineEvent(D(2022, 1, day), fate, D(2022, 1, reported or day), rank, day)


# Missing on 6 January; the family learnt on the 10th that he had been detained on the 8th;
# released on the 20th.
DETAINED_THEN_RELEASED = (ev(6, "missing"), ev(8, "detained", reported=10), ev(20, "released"))
KILLED = (ev(6, "killed"),)
DIED_IN_CUSTODY = (ev(7, "detained"), ev(12, "died_in_custody", reported=15))


def person(pid: int, events: tuple[TimelineEvent, ...], region: str = "almaty", *sources: str):
    return PersonFacts(pid, events, region, frozenset(sources or {"ngo"}))


def test_status_on_a_day_is_the_latest_event_up_to_it():
    assert status_on(DETAINED_THEN_RELEASED, D(2022, 1, 5)) is None
    assert status_on(DETAINED_THEN_RELEASED, D(2022, 1, 7)) == "missing"
    assert status_on(DETAINED_THEN_RELEASED, D(2022, 1, 9)) == "detained"
    assert status_on(DETAINED_THEN_RELEASED, D(2022, 1, 22)) == "released"


def test_as_known_then_ignores_what_was_reported_later():
    # On the 9th the family did not know yet: for them he was missing.
    assert status_on(DETAINED_THEN_RELEASED, D(2022, 1, 9), known_by=D(2022, 1, 9)) == "missing"
    assert status_on(DETAINED_THEN_RELEASED, D(2022, 1, 9), known_by=D(2022, 1, 10)) == "detained"


def test_same_day_statuses_follow_the_rank():
    events = (ev(6, "injured", rank=1), ev(6, "killed", rank=9))
    assert status_on(events, D(2022, 1, 6)) == "killed"
    assert status_on(tuple(reversed(events)), D(2022, 1, 6)) == "killed"


def test_on_date_and_ever_measures_differ_for_custody_not_for_death():
    day = D(2022, 1, 22)
    assert not is_counted(DETAINED_THEN_RELEASED, CountRule("custody", day, Measure.ON_DATE))
    assert is_counted(DETAINED_THEN_RELEASED, CountRule("custody", day, Measure.EVER))
    for measure in Measure:
        assert is_counted(KILLED, CountRule("dead", day, measure))
        assert is_counted(DIED_IN_CUSTODY, CountRule("dead", day, measure))
    # Before the death was reported, as known then, the person was still in custody.
    then = CountRule("custody", D(2022, 1, 13), Measure.ON_DATE, known_by=D(2022, 1, 13))
    assert is_counted(DIED_IN_CUSTODY, then)
    assert not is_counted(DIED_IN_CUSTODY, CountRule("custody", D(2022, 1, 13)))


def test_groups_and_claims():
    assert fates_of("dead") == {"killed", "died_in_custody"}
    assert fates_of("killed") == {"killed"}
    assert fates_of("custody") == {"detained", "arrested", "charged", "convicted"}
    assert group_for_claim("killed") == "dead"
    assert group_for_claim("arrested") == "custody"
    assert group_for_claim("charged") == "prosecuted"
    assert group_for_claim("") == ""
    with pytest.raises(ValueError, match=r"unknown fate or group .shot.*dead, missing"):
        fates_of("shot")
    # every fate is compared with some group that contains it
    for fate in Fate:
        assert fate.value in fates_of(group_for_claim(fate.value))
    assert len({g.code for g in FATE_GROUPS}) == len(FATE_GROUPS)


def test_count_table_by_region_and_by_source():
    people = [
        person(1, KILLED, "almaty", "ngo", "radio"),
        person(2, KILLED, "shymkent", "radio"),
        person(3, DETAINED_THEN_RELEASED, "almaty", "ngo"),
        person(4, DIED_IN_CUSTODY, "almaty", "ngo"),
        person(5, (), "unknown", "ngo"),
    ]
    day = D(2022, 1, 10)
    by_region = count_table(people, day)
    assert by_region.cell("almaty", "dead") == 1  # person 4 died on the 12th
    assert by_region.cell("almaty", "custody") == 2
    assert by_region.cell("shymkent", "dead") == 1
    assert by_region.totals["dead"] == 2 and by_region.totals["custody"] == 2
    assert by_region.rows[0] == "almaty"  # most persons first
    assert "unknown" not in by_region.rows  # counted under nothing
    by_source = count_table(people, day, by="source")
    assert by_source.cell("ngo", "dead") == 1 and by_source.cell("radio", "dead") == 2
    assert by_source.totals["dead"] == 2  # person 1 is on both lists, counted once
    with pytest.raises(ValueError, match="cannot count by 'age'"):
        count_table(people, day, by="age")


def test_daily_counts_as_known_now_and_then():
    people = [person(1, DETAINED_THEN_RELEASED), person(2, DIED_IN_CUSTODY)]
    now = dict(daily_counts(people, "custody", D(2022, 1, 6), D(2022, 1, 21)))
    then = dict(
        daily_counts(people, "custody", D(2022, 1, 6), D(2022, 1, 21), as_known_each_day=True)
    )
    assert now[D(2022, 1, 6)] == 0 and now[D(2022, 1, 8)] == 2 and now[D(2022, 1, 12)] == 1
    assert then[D(2022, 1, 8)] == 1  # person 1's detention became known on the 10th
    assert then[D(2022, 1, 13)] == 2  # person 2's death became known on the 15th
    assert now[D(2022, 1, 20)] == 0 and then[D(2022, 1, 20)] == 0
    with pytest.raises(ValueError, match="ends"):
        daily_counts(people, "custody", D(2022, 1, 6), D(2022, 1, 5))


def test_region_by_majority():
    assert region_by_majority(["almaty", "almaty", "shymkent", ""], "unknown") == "almaty"
    assert region_by_majority(["b", "a"], "unknown") == "a"
    assert region_by_majority(["", "unknown"], "unknown") == "unknown"


FATES = [f.value for f in Fate]


def timelines(lags: st.SearchStrategy[int], orders: st.SearchStrategy[int] | None = None):
    """Timelines sorted as the registry gives them; ``orders`` None gives each event its own
    tie-breaker, else tie-breakers drawn from ``orders`` (so sort keys may tie)."""
    return st.lists(
        st.tuples(
            st.integers(0, 39),
            st.sampled_from(FATES),
            lags,
            st.integers(0, 9),
            st.none() if orders is None else orders,
        ),
        max_size=5,
    ).map(
        lambda raw: tuple(
            sorted(
                (
                    TimelineEvent(
                        D(2022, 1, 2) + datetime.timedelta(days=d),
                        fate,
                        D(2022, 1, 2) + datetime.timedelta(days=d + lag),
                        rank,
                        i if order is None else order,
                    )
                    for i, (d, fate, lag, rank, order) in enumerate(raw)
                ),
                key=lambda e: e.sort_key,
            )
        )
    )


events_strategy = timelines(st.integers(0, 10))


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(events_strategy, st.sampled_from(["almaty", "shymkent", "unknown"])),
        max_size=12,
    ),
    st.sampled_from([g.code for g in FATE_GROUPS] + FATES),
    st.sampled_from(list(Measure)),
    st.integers(0, 45),
    st.booleans(),
)
def test_a_count_and_the_persons_behind_it_always_agree(raw, selector, measure, day, known):
    people = [person(i, events, region) for i, (events, region) in enumerate(raw)]
    day_ = D(2022, 1, 1) + datetime.timedelta(days=day)
    known_by = day_ if known else None
    rule = CountRule(selector, day_, measure, known_by)
    table = count_table(people, day_, selectors=[selector], measure=measure, known_by=known_by)
    assert table.totals[selector] == len(persons_counted(people, rule))
    for region in ("almaty", "shymkent", "unknown"):
        assert table.cell(region, selector) == len(persons_counted(people, rule, region=region))
    series = dict(daily_counts(people, selector, day_, day_, measure=measure))
    assert series[day_] == len(persons_counted(people, CountRule(selector, day_, measure)))
    # ever by a day counts at least everyone in the status on that day
    on = len(persons_counted(people, CountRule(selector, day_, Measure.ON_DATE, known_by)))
    ever = len(persons_counted(people, CountRule(selector, day_, Measure.EVER, known_by)))
    assert ever >= on


# --- daily_counts against the per-day algorithm it replaced ----------------------------------


def reference_daily_counts(
    people, selector, start, end, *, measure=Measure.ON_DATE, as_known_each_day=False
):
    """The implementation ``daily_counts`` had before: every person judged on every day
    (persons × days). Kept here as the reference the fast one must agree with."""
    from collections import defaultdict

    fates = fates_of(selector)
    days = [start + datetime.timedelta(days=i) for i in range((end - start).days + 1)]
    totals = defaultdict(int)
    for one in people:
        if not any(e.fate in fates for e in one.events):
            continue
        for day in days:
            rule = CountRule(selector, day, measure, day if as_known_each_day else None)
            if is_counted(one.events, rule):
                totals[day] += 1
    return [(day, totals[day]) for day in days]


# Sort keys that may tie (same day, rank and order) and reports that may come before the day
# they hold reach every branch of the tie-breaking.
tied_events_strategy = timelines(st.integers(-3, 12), st.integers(0, 2))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(tied_events_strategy, max_size=15),
    st.sampled_from([g.code for g in FATE_GROUPS] + FATES),
    st.sampled_from(list(Measure)),
    st.booleans(),
    st.integers(-5, 20),
    st.integers(0, 40),
)
def test_daily_counts_agree_with_the_per_day_reference(
    timelines, selector, measure, known_then, start, length
):
    people = [person(i, events) for i, events in enumerate(timelines)]
    first = D(2022, 1, 1) + datetime.timedelta(days=start)
    last = first + datetime.timedelta(days=length)
    fast = daily_counts(
        people, selector, first, last, measure=measure, as_known_each_day=known_then
    )
    slow = reference_daily_counts(
        people, selector, first, last, measure=measure, as_known_each_day=known_then
    )
    assert fast == slow


def test_daily_counts_agree_with_the_reference_on_the_demo():
    from tizim.core.demo.dataset import generate_demo

    dataset = generate_demo(persons=600, seed=2022)
    people = []
    for number, demo_person in enumerate(dataset.people):
        events = tuple(
            sorted(
                (
                    TimelineEvent(day, fate.value, day + datetime.timedelta(days=number % 9), 0, k)
                    for k, (day, fate) in enumerate(demo_person.timeline)
                ),
                key=lambda e: e.sort_key,
            )
        )
        people.append(person(number, events))
    days = [e.on_date for p in people for e in p.events]
    first, last = min(days), max(days) + datetime.timedelta(days=10)
    assert len(people) == 600 and (last - first).days > 20
    for group in [g.code for g in FATE_GROUPS]:
        for measure in Measure:
            for known_then in (False, True):
                fast = daily_counts(
                    people, group, first, last, measure=measure, as_known_each_day=known_then
                )
                assert fast == reference_daily_counts(
                    people, group, first, last, measure=measure, as_known_each_day=known_then
                ), (group, measure, known_then)
                assert any(count for _, count in fast) or group == "found"


def test_daily_counts_over_a_century_stay_cheap():
    # A date typed as 1900 or 2099 once made a series of 73,000 days cost persons × days.
    people = [person(i, (ev(6, "detained"), ev(20, "released"))) for i in range(200)]
    series = daily_counts(people, "custody", D(1900, 1, 1), D(2099, 12, 31))
    counts = dict(series)
    assert len(series) == 73049
    assert counts[D(2022, 1, 5)] == 0 and counts[D(2022, 1, 6)] == 200
    assert counts[D(2022, 1, 19)] == 200 and counts[D(2022, 1, 20)] == 0
