"""Dates and births as lists write them."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tizim.core.dates import BirthInfo, parse_birth, parse_date
from tizim.core.errors import ParseError

D = datetime.date
JAN6 = D(2022, 1, 6)


@pytest.mark.parametrize(
    "text",
    [
        "06.01.2022",
        "6.1.2022",
        "06/01/2022",
        "06-01-2022",
        "2022-01-06",
        "06.01.22",
        "6 января 2022",
        "6 января 2022 г.",
        "6-го января",
        "6 января",
        "6 қаңтар 2022",
        "6 қаңтарда",
        "2022 жылғы 6 қаңтар",
        "January 6, 2022",
        "6 Jan 2022",
        "6 January",
        "2022-01-06 00:00:00",
        " 06.01.2022 ",
        "6th of January 2022",
    ],
)
def test_the_sixth_of_january_in_every_form(text):
    assert parse_date(text, default_year=2022) == JAN6


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 мая 2022", D(2022, 5, 1)),
        ("3 марта", D(2022, 3, 3)),
        ("12 мамыр", D(2022, 5, 12)),
        ("7 маусым 2022", D(2022, 6, 7)),
        ("31 желтоқсан 2021", D(2021, 12, 31)),
        ("1 March 2022", D(2022, 3, 1)),
        ("15.08.1985", D(1985, 8, 15)),
    ],
)
def test_months_do_not_swallow_each_other(text, expected):
    assert parse_date(text, default_year=2022) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("31.02.2022", "no such date: 31.02.2022"),
        ("", "empty date"),
        ("6 января", "no year"),
        ("вчера", "not a date"),
        ("32 января 2022", "not a date"),
        ("13.13.2022", "no such date"),
    ],
)
def test_bad_dates_say_why(text, reason):
    with pytest.raises(ParseError, match=reason):
        parse_date(text)


@given(st.text(max_size=40))
def test_any_text_is_a_date_or_a_parse_error(text):
    try:
        assert isinstance(parse_date(text, default_year=2022), D)
    except ParseError as exc:
        assert exc.reason


@pytest.mark.parametrize(
    ("birth", "age", "expected"),
    [
        ("12.03.1985", "", BirthInfo(D(1985, 3, 12), 1985, 1985)),
        ("1985", "", BirthInfo(None, 1985, 1985)),
        ("1985 г.р.", "", BirthInfo(None, 1985, 1985)),
        ("1985 г. р.", "", BirthInfo(None, 1985, 1985)),
        ("1985 ж.т.", "", BirthInfo(None, 1985, 1985)),
        ("", "37", BirthInfo(None, 1984, 1985)),
        ("", "37 лет", BirthInfo(None, 1984, 1985)),
        ("", "21 год", BirthInfo(None, 2000, 2001)),
        ("", "37 жаста", BirthInfo(None, 1984, 1985)),
        ("", "37 years", BirthInfo(None, 1984, 1985)),
        ("37 лет", "", BirthInfo(None, 1984, 1985)),
        ("1985", "36", BirthInfo(None, 1985, 1985)),
        ("", "", BirthInfo(None, None, None)),
    ],
)
def test_births_and_ages(birth, age, expected):
    assert parse_birth(birth, age, reference_date=JAN6) == expected


@pytest.mark.parametrize(
    ("birth", "age", "reason"),
    [
        ("1985", "60", "does not fit"),
        ("", "130", "not possible"),
        ("2030", "", "not possible"),
        ("", "много", "not an age"),
        ("31.02.1985", "", "no such date"),
    ],
)
def test_impossible_births_say_why(birth, age, reason):
    with pytest.raises(ParseError, match=reason):
        parse_birth(birth, age, reference_date=JAN6)


def test_an_age_needs_a_date_to_count_from():
    with pytest.raises(ParseError, match="needs an event date"):
        parse_birth("", "37", reference_date=None)


@given(st.integers(min_value=0, max_value=110), st.dates(D(2000, 1, 1), D(2030, 12, 31)))
def test_an_age_always_brackets_the_true_birth_year(age, on):
    info = parse_birth("", str(age), reference_date=on)
    assert info.year_min == on.year - age - 1 and info.year_max == on.year - age
