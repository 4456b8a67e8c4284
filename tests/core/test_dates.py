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
RU_GENITIVE = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
]
KK = [
    "қаңтар",
    "ақпан",
    "наурыз",
    "сәуір",
    "мамыр",
    "маусым",
    "шілде",
    "тамыз",
    "қыркүйек",
    "қазан",
    "қараша",
    "желтоқсан",
]
EN = [D(2000, m, 1).strftime("%B") for m in range(1, 13)]


@pytest.mark.parametrize(
    "text",
    [
        "06.01.2022",
        "6.1.2022",
        "06/01/2022",
        "06-01-2022",
        "2022-01-06",
        "2022.01.06",
        "2022/01/06",
        "06.01.22",
        "06 . 01 . 2022",
        "06.01.2022 г.",
        "6 января 2022",
        "6 января 2022 г.",
        "6 января 2022г.",
        "6 января 2022 года",
        "6-го января",
        "6-е января 2022",
        "6 января",
        "6 янв 2022",
        "6 янв. 2022",
        "Январь 6",
        "6 марта 22".replace("марта", "января"),
        "6 қаңтар 2022",
        "6-қаңтар 2022",
        "6 Қаңтар 2022 ж.",
        "6 қаңтарда",
        "6-шы қаңтар",
        "2022 жылғы 6 қаңтар",
        "2022 ж. 6 қаңтар",
        "2022 жылдың 6 қаңтары",
        "6 Qañtar 2022",
        "2022 jylğy 6 qañtar",
        "January 6, 2022",
        "Jan 6, 2022",
        "Jan. 6, 2022",
        "January 6th, 2022",
        "6 Jan 2022",
        "6 January",
        "6th of January 2022",
        "the 6th of January",
        "2022-01-06 00:00:00",
        "2022-01-06T00:00:00",
        "2022-01-06T14:30:00Z",
        "2022-01-06 14:30:00.123",
        "06.01.2022 14:30",
        " 06.01.2022 ",
    ],
)
def test_the_sixth_of_january_in_every_form(text):
    assert parse_date(text, default_year=2022) == JAN6


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 мая 2022", D(2022, 5, 1)),
        ("1 май", D(2022, 5, 1)),
        ("3 марта", D(2022, 3, 3)),
        ("6 марта 22", D(2022, 3, 6)),
        ("12 мамыр", D(2022, 5, 12)),
        ("7 маусым 2022", D(2022, 6, 7)),
        ("7 маусымда", D(2022, 6, 7)),
        ("6 ақпанда", D(2022, 2, 6)),
        ("31 желтоқсан 2021", D(2021, 12, 31)),
        ("1 March 2022", D(2022, 3, 1)),
        ("6 дек", D(2022, 12, 6)),
        ("6 Sept 2022", D(2022, 9, 6)),
        ("15.08.1985", D(1985, 8, 15)),
        ("15.08.85", D(1985, 8, 15)),  # two digits above this year's → 19xx
        ("29.02.2020", D(2020, 2, 29)),
    ],
)
def test_months_do_not_swallow_each_other(text, expected):
    assert parse_date(text, default_year=2022) == expected


def test_two_digit_years_up_to_this_year_are_this_century():
    this = datetime.date.today().year % 100
    assert parse_date(f"01.01.{this:02d}").year == 2000 + this
    if this < 99:
        assert parse_date(f"01.01.{this + 1:02d}").year == 1901 + this


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("31.02.2022", "^no such date: 31.02.2022$"),
        ("29.02.2022", "no such date"),
        ("13.13.2022", "no such date"),
        ("0.01.2022", "no such date"),
        ("", "^empty date$"),
        ("   ", "^empty date$"),
        ("6 января", "no year"),
        ("6 January", "no year"),
        ("6 қаңтарда", "no year"),
        ("06.01", "^no year in date: 06.01$"),
        ("6/1", "no year"),
        ("06-01", "not a date"),  # a dash between two numbers is a range of days, not a date
        ("вчера", "not a date"),
        ("32 января 2022", "not a date"),
        ("2022", "not a date"),
        ("январь 2022", "not a date"),
        ("01.2022", "not a date"),
        ("05-06.01.2022", "not a date"),
        ("6 6 января", "not a date"),
        ("6 января 2022, 2023", "not a date"),
        ("6 decent 2022", "not a date"),
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


@given(st.dates(D(1920, 1, 1), D(2030, 12, 31)))
def test_every_way_of_writing_a_date_reads_back(day):
    written = [
        day.strftime("%d.%m.%Y"),
        f"{day.day}.{day.month}.{day.year}",
        day.strftime("%d/%m/%Y"),
        day.isoformat(),
        f"{day.isoformat()} 00:00:00",
        f"{day.day} {RU_GENITIVE[day.month - 1]} {day.year} г.",
        f"{day.year} жылғы {day.day} {KK[day.month - 1]}",
        f"{day.day} {KK[day.month - 1]} {day.year}",
        f"{EN[day.month - 1]} {day.day}, {day.year}",
        f"{day.day} {EN[day.month - 1][:3]} {day.year}",
    ]
    for text in written:
        assert parse_date(text) == day, text


@given(st.dates(D(2000, 1, 1), D(2030, 12, 31)))
def test_a_date_without_a_year_takes_the_default(day):
    assert parse_date(f"{day.day} {RU_GENITIVE[day.month - 1]}", default_year=day.year) == day


@pytest.mark.parametrize("text", ["06.01", "6.1", "06/01", "6/1", "06.01.", " 06 . 01 "])
def test_day_and_month_without_a_year_take_the_default_year(text):
    assert parse_date(text, default_year=2022) == JAN6
    assert parse_date(text, default_year=2021) == D(2021, 1, 6)


@pytest.mark.parametrize(
    ("text", "reason"),
    [("31.02", "^no such date: 31.02$"), ("06.13", "no such date"), ("29.02", "no such date")],
)
def test_a_day_and_month_that_do_not_exist_in_the_default_year_say_so(text, reason):
    with pytest.raises(ParseError, match=reason):
        parse_date(text, default_year=2022)


@given(st.dates(D(2000, 1, 1), D(2030, 12, 31)))
def test_numeric_day_and_month_read_like_the_month_name(day):
    named = parse_date(f"{day.day} {RU_GENITIVE[day.month - 1]}", default_year=day.year)
    for text in (
        f"{day.day:02d}.{day.month:02d}",
        f"{day.day}.{day.month}",
        f"{day.day}/{day.month}",
    ):
        assert parse_date(text, default_year=day.year) == named == day, text


@pytest.mark.parametrize(
    ("birth", "age", "expected"),
    [
        ("12.03.1985", "", BirthInfo(D(1985, 3, 12), 1985, 1985)),
        ("12 марта 1985 г.", "", BirthInfo(D(1985, 3, 12), 1985, 1985)),
        ("1985-03-12 00:00:00", "", BirthInfo(D(1985, 3, 12), 1985, 1985)),
        ("12.03.85", "", BirthInfo(D(1985, 3, 12), 1985, 1985)),
        ("1985", "", BirthInfo(None, 1985, 1985)),
        ("1985.0", "", BirthInfo(None, 1985, 1985)),  # a number cell read as a float
        ("1985 г.р.", "", BirthInfo(None, 1985, 1985)),
        ("1985г.р.", "", BirthInfo(None, 1985, 1985)),
        ("1985 г. р.", "", BirthInfo(None, 1985, 1985)),
        ("1985 г.", "", BirthInfo(None, 1985, 1985)),
        ("1985 год", "", BirthInfo(None, 1985, 1985)),
        ("1985 года рождения", "", BirthInfo(None, 1985, 1985)),
        ("1985 ж.т.", "", BirthInfo(None, 1985, 1985)),
        ("1985 ж.", "", BirthInfo(None, 1985, 1985)),
        ("1985 жылы", "", BirthInfo(None, 1985, 1985)),
        ("b. 1985", "", BirthInfo(None, 1985, 1985)),
        ("born 1985", "", BirthInfo(None, 1985, 1985)),
        ("", "37", BirthInfo(None, 1984, 1985)),
        ("", "37.0", BirthInfo(None, 1984, 1985)),
        ("", "37 лет", BirthInfo(None, 1984, 1985)),
        ("", "37 лет.", BirthInfo(None, 1984, 1985)),
        ("", "37 года", BirthInfo(None, 1984, 1985)),
        ("", "21 год", BirthInfo(None, 2000, 2001)),
        ("", "37 жаста", BirthInfo(None, 1984, 1985)),
        ("", "37 жас", BirthInfo(None, 1984, 1985)),
        ("", "37 years", BirthInfo(None, 1984, 1985)),
        ("", "37 years old", BirthInfo(None, 1984, 1985)),
        ("", "37 y.o.", BirthInfo(None, 1984, 1985)),
        ("", "0", BirthInfo(None, 2021, 2022)),
        ("", "120", BirthInfo(None, 1901, 1902)),
        ("37 лет", "", BirthInfo(None, 1984, 1985)),
        ("37", "", BirthInfo(None, 1984, 1985)),  # a bare number in a birth column is an age
        ("37 лет", "38", BirthInfo(None, 1983, 1984)),  # one year apart: the age column wins
        # a year and an age that agree (within a year: ages are often counted later)
        ("1985", "36", BirthInfo(None, 1985, 1985)),
        ("1985", "37", BirthInfo(None, 1985, 1985)),
        ("1985", "38", BirthInfo(None, 1985, 1985)),
        ("12.03.1985", "36", BirthInfo(D(1985, 3, 12), 1985, 1985)),
        ("", "", BirthInfo(None, None, None)),
        ("  ", " ", BirthInfo(None, None, None)),
    ],
)
def test_births_and_ages(birth, age, expected):
    assert parse_birth(birth, age, reference_date=JAN6) == expected


@pytest.mark.parametrize(
    ("birth", "age", "reason"),
    [
        ("1985", "60", "does not fit"),
        ("1985", "40", "does not fit"),
        ("12.03.1985", "25", "does not fit"),
        ("37 лет", "45", "two ages"),
        ("", "130", "not possible"),
        ("", "121", "not possible"),
        ("2030", "", "not possible"),
        ("2023", "", "not possible"),  # after the event
        ("1850", "", "not possible"),
        ("01.05.2022", "", "after 2022-01-06"),
        ("", "много", "not an age"),
        ("", "-5", "not an age"),
        ("1985", "abc", "not an age"),
        ("31.02.1985", "", "no such date"),
        ("вчера", "", "not a date"),
    ],
)
def test_impossible_births_say_why(birth, age, reason):
    with pytest.raises(ParseError, match=reason):
        parse_birth(birth, age, reference_date=JAN6)


def test_an_age_needs_a_date_to_count_from():
    with pytest.raises(ParseError, match="age needs an event date"):
        parse_birth("", "37", reference_date=None)
    with pytest.raises(ParseError, match="age needs an event date"):
        parse_birth("37 лет", reference_date=None)


def test_a_year_needs_no_date_to_count_from():
    assert parse_birth("1985", reference_date=None) == BirthInfo(None, 1985, 1985)


@given(st.integers(min_value=0, max_value=110), st.dates(D(2000, 1, 1), D(2030, 12, 31)))
def test_an_age_always_brackets_the_true_birth_year(age, on):
    info = parse_birth("", str(age), reference_date=on)
    assert info.year_min == on.year - age - 1 and info.year_max == on.year - age
    assert info.date is None


@given(st.dates(D(1910, 1, 1), D(2021, 12, 31)), st.dates(D(2022, 1, 1), D(2023, 12, 31)))
def test_a_true_age_never_contradicts_the_true_birth_date(born, on):
    age = on.year - born.year - ((on.month, on.day) < (born.month, born.day))
    info = parse_birth(born.strftime("%d.%m.%Y"), str(age), reference_date=on)
    assert info == BirthInfo(born, born.year, born.year)


@given(st.text(max_size=20), st.text(max_size=10))
def test_any_birth_text_is_a_birth_or_a_parse_error(birth, age):
    try:
        info = parse_birth(birth, age, reference_date=JAN6)
    except ParseError as exc:
        assert exc.reason
        return
    assert (info.year_min is None) == (info.year_max is None)
    if info.year_min is not None and info.year_max is not None:
        assert info.year_min <= info.year_max <= JAN6.year
    if info.date is not None:
        assert info.year_min == info.year_max == info.date.year


# --- dates written month first (lists made in the United States) ------------------------------


@pytest.mark.parametrize(
    ("values", "month_first"),
    [
        (["1/8/2022", "1/25/2022", "12/31/2021"], True),  # a second number above 12: a day
        (["06.01.2022", "25.01.2022"], False),  # a first number above 12: a day
        (["01/02/2022", "1/6/2022", ""], False),  # nothing tells: day first, as written here
        (["1/25/2022", "1/26/2022", "25/1/2022"], True),  # more say month first
        (["1/25/2022", "25/1/2022", "26/1/2022"], False),
        (["1/25", "2/14"], True),  # without a year
        (["2022-01-25", "January 8, 2022", "8 января 2022"], False),  # no figures to judge
    ],
)
def test_a_columns_values_say_whether_it_is_written_month_first(values, month_first):
    from tizim.core.dates import reads_month_first

    assert reads_month_first(values) is month_first


@pytest.mark.parametrize(
    ("values", "month_first"),
    [
        # six days of January written month first, not six months of 2022
        (["01/05/2022", "01/06/2022", "01/10/2022", "04 January 2022", "1/8/2022"], True),
        # the same days written day first stay so
        (["05.01.2022", "06.01.2022", "10.01.2022", "4 января 2022", "08.01.2022"], False),
        (["01/06/2022"], False),  # one date cannot tell
        (["01.02.2022", "05.03.2022", "10.06.2022", "03.09.2022"], False),  # spread either way
    ],
)
def test_days_of_one_crackdown_are_read_the_way_that_keeps_them_together(values, month_first):
    from tizim.core.dates import reads_month_first

    assert reads_month_first(values, clustered=True) is month_first
    assert reads_month_first(values) is False  # births are not clustered: day first


def test_month_first_reads_dates_in_figures_only():
    assert parse_date("1/8/2022", month_first=True) == D(2022, 1, 8)
    assert parse_date("1/8/2022") == D(2022, 8, 1)
    assert parse_date("12/25/21", month_first=True) == D(2021, 12, 25)
    assert parse_date("1/25", default_year=2022, month_first=True) == D(2022, 1, 25)
    # year first and month words read the same either way
    assert parse_date("2022-01-08", month_first=True) == D(2022, 1, 8)
    assert parse_date("January 8, 2022", month_first=True) == D(2022, 1, 8)
    with pytest.raises(ParseError, match="no such date: 25/1/2022"):
        parse_date("25/1/2022", month_first=True)  # a month 25: refused, never guessed
    born = parse_birth("12/25/1990", reference_date=JAN6, month_first=True)
    assert born == BirthInfo(D(1990, 12, 25), 1990, 1990)
