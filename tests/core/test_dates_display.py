"""Partial date-times in words, in each language the staff and public pages speak."""

from __future__ import annotations

import pytest
from django.utils import translation

from tizim.acts.templatetags.acts_tags import moment_in_words, when_in_words
from tizim.core.dates import PartialDateTime, parse_partial_datetime
from tizim.core.dates_display import in_words


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (PartialDateTime(2022, 1, 4, 19, approximate=True), "around 19:00 on 4 January 2022"),
        (PartialDateTime(2022, 1, 4, 19, 54), "19:54 on 4 January 2022"),
        (PartialDateTime(2022, 1, 4), "4 January 2022"),
        (PartialDateTime(2022, 1), "January 2022"),
        (PartialDateTime(2022, 1, approximate=True), "around January 2022"),
        (PartialDateTime(2022), "2022"),
    ],
)
def test_a_partial_moment_in_words(moment, expected):
    with translation.override("en"):
        assert moment_in_words(moment) == expected


def test_no_stored_form_leaks_into_the_words():
    moment = parse_partial_datetime("около 19 часов 4 января 2022")
    assert str(moment) == "~2022-01-04T19"
    with translation.override("en"):
        text = moment_in_words(moment)
    assert "~" not in text and "T19" not in text and text == "around 19:00 on 4 January 2022"


def test_russian_names_the_month_after_a_day_in_its_genitive():
    with translation.override("ru"):
        assert "4 января 2022" in moment_in_words(PartialDateTime(2022, 1, 4))


class Span:
    def __init__(self, start, end):
        self.start, self.end = start, end


def test_a_span_and_an_unknown_date():
    with translation.override("en"):
        both = when_in_words(Span(PartialDateTime(2022, 1, 6), PartialDateTime(2022, 1, 7)))
        assert both == "6 January 2022 to 7 January 2022"
        assert when_in_words(Span(None, None)) == "date unknown"


def test_the_core_words_keep_the_precision():
    words = in_words(PartialDateTime(2022, 1))
    assert words.month == 1 and words.day is None and words.time == ""
