"""Numbers as kk, ru and en write them, and the Kazakh endings a following word asks for."""

from __future__ import annotations

import datetime
import math

import pytest

from tizim.core.numerals import day_and_month, format_number, kazakh_suffix, number_in_case

NBSP = "\u00a0"


def test_thousands_and_decimals_per_language():
    assert format_number(1234567, "en") == "1,234,567"
    assert format_number(1234567, "kk") == f"1{NBSP}234{NBSP}567"
    assert format_number(1234567, "ru") == f"1{NBSP}234{NBSP}567"
    assert format_number(12.5, "en") == "12.5"
    assert format_number(12.5, "ru") == "12,5"
    assert format_number(0.3, "kk", 1) == "0,3"
    assert format_number(1.0023, "en", 3) == "1.002"
    assert format_number(412.4) == "412"
    assert format_number(-0.0) == "0"
    assert format_number(math.inf) == "∞"
    assert format_number(math.nan, "kk") == "–"


@pytest.mark.parametrize(
    ("number", "dative", "ablative"),
    [
        (10_000, "ға", "нан"),  # он мың
        (225, "ке", "тен"),  # екі жүз жиырма бес
        (238, "ге", "ден"),  # … сегіз
        (40, "қа", "тан"),  # қырық
        (100, "ге", "ден"),  # жүз
        (60, "қа", "тан"),  # алпыс
        (80, "ге", "нен"),  # сексен
        (9, "ға", "дан"),  # тоғыз
        (2_000_000, "ға", "нан"),  # екі миллион
        (0, "ға", "дан"),  # нөл
    ],
)
def test_kazakh_endings_follow_the_last_word_read(number, dative, ablative):
    assert kazakh_suffix(number, "dative") == dative
    assert kazakh_suffix(number, "ablative") == ablative


def test_a_number_in_case_only_in_kazakh():
    assert number_in_case(10_000, "kk", "dative") == f"10{NBSP}000-ға"
    assert number_in_case(10_000, "ru", "dative") == f"10{NBSP}000"
    assert number_in_case(10_000, "kk") == f"10{NBSP}000"
    with pytest.raises(ValueError):
        kazakh_suffix(5, "locative")


@pytest.mark.parametrize(
    ("language", "months", "expected"),
    [
        # Django's Kazakh catalogue capitalises the months; Kazakh writes them lower case.
        ("kk", ("Қаңтар", "Ақпан"), "6 қаңтар"),
        ("kk", ("қаң", "ақп"), "6 қаң"),
        ("ru", ("Янв", "Фев"), "6 янв"),
        # Django's English abbreviations are lower case ("jan"); English capitalises them.
        ("en", ("jan", "feb"), "6 Jan"),
        ("en-gb", ("January", "February"), "6 January"),
    ],
)
def test_day_and_month_cased_as_each_language_writes_a_month(language, months, expected):
    assert day_and_month(datetime.date(2022, 1, 6), (*months, *["x"] * 10), language) == expected
