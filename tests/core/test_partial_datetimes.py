"""Partial date-times ("about 20:00 on 6 January"): parsing, bounds, ordering, round trips."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tizim.core.dates import PartialDateTime, parse_partial_datetime
from tizim.core.errors import ParseError

DT = datetime.datetime


# --- partial date-times ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "written", "precision"),
    [
        ("6 января 2022 в 19:54", "2022-01-06T19:54", "minute"),
        ("около 20:00 6 января", "~2022-01-06T20:00", "minute"),
        ("7:54 pm on 6 January", "2022-01-06T19:54", "minute"),
        ("At 7:54 p.m. on January 6", "2022-01-06T19:54", "minute"),
        ("Around 7:30 p.m. on January 6", "~2022-01-06T19:30", "minute"),
        ("At around 7pm on 6 January", "~2022-01-06T19", "hour"),
        ("6 қаңтар, шамамен 20:00", "~2022-01-06T20:00", "minute"),
        ("6 қаңтар 2022 ж., сағат 20-да", "2022-01-06T20", "hour"),
        ("06.01.2022 19:54", "2022-01-06T19:54", "minute"),
        ("2022-01-06T19:54", "2022-01-06T19:54", "minute"),
        ("2022-01-06 19:54:30", "2022-01-06T19:54", "minute"),
        ("2022-01-06 00:00:00", "2022-01-06", "day"),
        ("в 8 вечера 6 января", "2022-01-06T20", "hour"),
        ("в 2 часа ночи 7 января", "2022-01-07T02", "hour"),
        ("7 января в 20 ч 30 мин", "2022-01-07T20:30", "minute"),
        ("at 7 in the evening on 6 January", "2022-01-06T19", "hour"),
        ("12:30 am on 7 January", "2022-01-07T00:30", "minute"),
        ("6 января", "2022-01-06", "day"),
        ("вечером 6 января", "2022-01-06", "day"),
        ("January 2022", "2022-01", "month"),
        ("январь 2022 г.", "2022-01", "month"),
        ("қаңтар 2022", "2022-01", "month"),
        ("01.2022", "2022-01", "month"),
        ("early January", "~2022-01", "month"),
        ("в начале января", "~2022-01", "month"),
        ("қаңтардың басында", "~2022-01", "month"),
        ("2022", "2022", "year"),
        ("2022 г.", "2022", "year"),
        ("~2022-01-06T19", "~2022-01-06T19", "hour"),
    ],
)
def test_partial_datetime_formats(text: str, written: str, precision: str) -> None:
    parsed = parse_partial_datetime(text)
    assert str(parsed) == written
    assert parsed.precision == precision
    assert parsed.approximate == written.startswith("~")


def test_default_year() -> None:
    assert str(parse_partial_datetime("6 января", default_year=2023)) == "2023-01-06"
    assert str(parse_partial_datetime("6 января 2022", default_year=2023)) == "2022-01-06"


def test_bounds() -> None:
    minute = parse_partial_datetime("7:54 pm on 6 January")
    assert minute.earliest() == DT(2022, 1, 6, 19, 54)
    assert minute.latest() == DT(2022, 1, 6, 19, 54, 59, 999_999)
    day = parse_partial_datetime("6 января 2022")
    assert (day.earliest(), day.latest()) == (DT(2022, 1, 6), DT(2022, 1, 6, 23, 59, 59, 999_999))
    month = parse_partial_datetime("February 2024")
    assert month.latest() == DT(2024, 2, 29, 23, 59, 59, 999_999)
    year = PartialDateTime(2022)
    assert (year.earliest(), year.latest()) == (
        DT(2022, 1, 1),
        DT(2022, 12, 31, 23, 59, 59, 999_999),
    )
    assert year.contains(minute.earliest())
    assert not day.contains(DT(2022, 1, 7))
    # "about" records doubt; it does not move the bounds.
    about = parse_partial_datetime("около 20:00 6 января")
    assert about.earliest() == DT(2022, 1, 6, 20, 0)


def test_ordering() -> None:
    texts = ["January 2022", "7 января", "около 20:00 6 января", "6 января", "19:54 6 января"]
    ordered = sorted((parse_partial_datetime(t) for t in texts), key=PartialDateTime.sort_key)
    # by the first moment each could mean: January starts on the 1st
    assert [str(p) for p in ordered] == [
        "2022-01",
        "2022-01-06",
        "2022-01-06T19:54",
        "~2022-01-06T20:00",
        "2022-01-07",
    ]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("31.02.2022 25:00", "no such time: '25:00'"),
        ("31.02.2022 19:00", "no such date: 31.02.2022"),
        ("6 января 7:61", "no such time"),
        ("13:00 pm on 6 January", "no such time"),
        ("2022-13", "no such month: 13"),
        ("2022-02-30", "no such date"),
        ("hello", "not a date and time: 'hello'"),
        ("", "empty date and time"),
        ("около 20:00", "no date in 'около 20:00'"),
        ("с 19:00 до 20:00 6 января", "two times"),
        ("3022-01-06", "year 3022 is not plausible"),
        ("6 января 2022 года, в среду", "not a date"),
    ],
)
def test_invalid_datetimes_say_why(text: str, reason: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_partial_datetime(text)
    assert reason in caught.value.reason


def test_a_partial_datetime_cannot_skip_a_part() -> None:
    with pytest.raises(ParseError, match="skip a part"):
        PartialDateTime(2022, None, 6)
    with pytest.raises(ParseError, match="no such hour"):
        PartialDateTime(2022, 1, 6, 24)
    with pytest.raises(ParseError, match="no such date"):
        PartialDateTime(2022, 2, 29)


@st.composite
def partial_datetimes(draw: st.DrawFn) -> PartialDateTime:
    year = draw(st.integers(1900, 2100))
    precision = draw(st.sampled_from(["year", "month", "day", "hour", "minute"]))
    approximate = draw(st.booleans())
    if precision == "year":
        return PartialDateTime(year, approximate=approximate)
    month = draw(st.integers(1, 12))
    if precision == "month":
        return PartialDateTime(year, month, approximate=approximate)
    moment = draw(st.dates(datetime.date(year, month, 1), datetime.date(year, month, 28)))
    day = draw(st.integers(moment.day, 31).filter(lambda d: _exists(year, month, d)))
    if precision == "day":
        return PartialDateTime(year, month, day, approximate=approximate)
    hour = draw(st.integers(0, 23))
    if precision == "hour":
        return PartialDateTime(year, month, day, hour, approximate=approximate)
    return PartialDateTime(year, month, day, hour, draw(st.integers(0, 59)), approximate)


def _exists(year: int, month: int, day: int) -> bool:
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


@given(partial_datetimes())
def test_str_round_trips(value: PartialDateTime) -> None:
    assert parse_partial_datetime(str(value)) == value


@given(partial_datetimes())
def test_bounds_are_ordered_and_contained(value: PartialDateTime) -> None:
    assert value.earliest() <= value.latest()
    assert value.contains(value.earliest())
    assert value.contains(value.latest())
    assert not value.contains(value.latest() + datetime.timedelta(microseconds=1))
