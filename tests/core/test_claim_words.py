"""Claims in the reader's language: Kazakh word order and case suffixes, known claimants."""

from __future__ import annotations

import pytest

from tizim.core.claim_words import (
    claimant_in,
    counted_in,
    figure_phrase,
    group_thousands,
    kazakh_case_suffix,
)

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("qualifier", "value", "language", "expected"),
    [
        ("nearly", 10000, "kk", f"10{NBSP}000-ға жуық"),
        ("nearly", 10000, "ru", f"почти 10{NBSP}000"),
        ("nearly", 10000, "en", f"nearly 10{NBSP}000"),
        ("more_than", 4000, "kk", f"4{NBSP}000-нан астам"),
        ("more_than", 4000, "ru", f"более 4{NBSP}000"),
        ("at_least", 225, "kk", "кемінде 225"),
        ("more_than", 225, "kk", "225-тен астам"),
        ("nearly", 40, "kk", "40-қа жуық"),
        ("more_than", 6, "kk", "6-дан астам"),
        ("nearly", 100, "kk", "100-ге жуық"),
        ("exact", 164, "kk", "164"),
    ],
)
def test_figure_phrase_in_each_language(qualifier, value, language, expected):
    assert figure_phrase(qualifier, value, language) == expected


@pytest.mark.parametrize(
    ("value", "dative", "ablative"),
    [(1, "ге", "ден"), (3, "ке", "тен"), (6, "ға", "дан"), (10, "ға", "нан"), (80, "ге", "нен")],
)
def test_kazakh_suffix_follows_the_last_spoken_word(value, dative, ablative):
    assert kazakh_case_suffix(value, "dative") == dative
    assert kazakh_case_suffix(value, "ablative") == ablative


def test_known_claimants_and_counted_phrases_in_any_writing():
    assert claimant_in("Ministry of Internal Affairs", "kk") == "Ішкі істер министрлігі"
    assert claimant_in("Kazakhstan's Interior Ministry", "ru") == "Министерство внутренних дел"
    assert claimant_in("МВД РК", "en") == "Ministry of Internal Affairs"
    assert counted_in("people arrested", "kk") == "адам қамауға алынды"
    assert claimant_in("a neighbour", "kk") is None
    assert group_thousands(1234567) == f"1{NBSP}234{NBSP}567"
