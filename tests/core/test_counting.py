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
events_strategy = st.lists(
    st.tuples(st.integers(1, 40), st.sampled_from(FATES), st.integers(0, 10), st.integers(0, 9)),
    max_size=5,
).map(
    lambda raw: tuple(
        sorted(
            (
                TimelineEvent(
                    D(2022, 1, 1) + datetime.timedelta(days=d),
                    fate,
                    D(2022, 1, 1) + datetime.timedelta(days=d + lag),
                    rank,
                    i,
                )
                for i, (d, fate, lag, rank) in enumerate(raw)
            ),
            key=lambda e: e.sort_key,
        )
    )
)


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
