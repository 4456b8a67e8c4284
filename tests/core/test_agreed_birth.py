"""What several records of one person agree on about a birth (``agreed_birth``)."""

from __future__ import annotations

import datetime

from hypothesis import given
from hypothesis import strategies as st

from tizim.core.dates import agreed_birth

D = datetime.date


def test_one_year_from_ranges_and_dates_that_agree():
    assert agreed_birth([D(1985, 3, 1)], [1984], [1986]) == ("1985", D(1985, 3, 1))
    assert agreed_birth([], [1980, 1982], [1986, 1985]) == ("1982–1985", None)
    assert agreed_birth([], [1985], [1985]) == ("1985", None)


def test_disagreement_or_nothing_says_nothing():
    assert agreed_birth([], [], []) == ("", None)
    assert agreed_birth([], [1990], [1980]) == ("", None)
    year, date = agreed_birth([D(1985, 3, 1), D(1986, 3, 1)], [], [])
    assert year == "" and date is None


def test_the_same_date_twice_is_one_date():
    assert agreed_birth([D(1972, 3, 12), D(1972, 3, 12)], [], []) == ("1972", D(1972, 3, 12))


@given(st.lists(st.tuples(st.integers(1900, 2020), st.integers(0, 10)), min_size=1, max_size=5))
def test_the_year_shown_lies_in_every_range(ranges):
    year, _ = agreed_birth([], [low for low, _ in ranges], [low + w for low, w in ranges])
    if year:
        low, _, high = year.partition("–")
        for a, w in ranges:
            assert a <= int(low) and int(high or low) <= a + w
    else:
        assert max(a for a, _ in ranges) > min(a + w for a, w in ranges)
