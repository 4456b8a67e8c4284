"""Dates and numbers as each language writes them, on the staff side's pages."""

from __future__ import annotations

import datetime

import pytest
from django.template import Context, Template
from django.utils import formats, translation

DAY = datetime.date(2022, 1, 4)


@pytest.mark.parametrize(
    ("language", "expected"),
    [("kk", "4 қаңтар 2022"), ("ru", "4 января 2022"), ("en", "4 January 2022")],
)
def test_dates_per_language(language, expected):
    with translation.override(language):
        assert formats.date_format(DAY) == expected
        assert Template("{{ day }}").render(Context({"day": DAY})) == expected
        # The public site's explicit format: month names lower case mid-sentence in Kazakh.
        assert Template('{{ day|date:"j E Y" }}').render(Context({"day": DAY})) == expected


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_thousands_are_grouped_by_a_no_break_space(language):
    with translation.override(language):
        assert formats.number_format(10000, force_grouping=True) == "10\u00a0000"
