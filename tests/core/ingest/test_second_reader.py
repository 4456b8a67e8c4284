"""The second reader of figures: its model, what it knows of a number, and what it adds to
what the rules read."""

from __future__ import annotations

import pytest

from tests.core.ingest.reading import PUBLISHED
from tizim.core.ingest import SecondReaders, extract
from tizim.core.ingest.linear_model import LinearModel
from tizim.core.ingest.numbers import find_numbers
from tizim.core.ingest.second_reader import (
    MODEL_PATH,
    NO_GROUP,
    NOT_A_FIGURE,
    mention_features,
    shipped_model,
)
from tizim.core.ingest.text import fold
from tizim.core.ingest.when import find_dates

#: A model that knows one word: a number before "zorgs" counts the dead, sure of it.
ZORGS = LinearModel(
    classes=("dead", NO_GROUP, NOT_A_FIGURE, "released"),
    intercepts=(0.0, 0.0, 2.0, 0.0),
    weights={"R1=zorgs": (6.0, 0.0, 0.0, 0.0), "lang=en": (0.0, 0.0, 0.5, 0.0)},
)
WITH_ZORGS = SecondReaders(figures=ZORGS, persons=None)


def _features(sentence: str, written: str, language: str = "en") -> list[str]:
    number = next(n for n in find_numbers(sentence, language) if n.written == written)
    dates = find_dates(sentence, published=PUBLISHED)
    return mention_features(sentence, fold(sentence), number, language, dates)


def test_the_shipped_model_knows_every_fate_group():
    model = shipped_model()
    assert MODEL_PATH.is_file()
    assert set(model.classes) == {
        NOT_A_FIGURE, NO_GROUP, "dead", "injured", "missing", "custody", "prosecuted", "released"
    }  # fmt: skip
    assert len(model.weights) > 1000


def test_what_the_reader_knows_of_a_number():
    sentence = "Police detained 41 people, 12 of them under article 272 of the Criminal Code."
    people = _features(sentence, "41")
    assert {"people_after", "fate_custody_L0", "L1=detai", "R1=peopl", "lang=en"} <= set(people)
    assert "law_near" not in people and "in_date" not in people
    assert "law_near" in _features(sentence, "272")
    assert "in_date" in _features("Он задержан 5 января.", "5", "ru")
    assert {"capital_before", "mark_before=,"} <= set(
        _features("Ruslan Abenov, 27, was taken to hospital.", "27")
    )


def test_the_second_reader_adds_a_figure_the_rules_passed_over():
    text = "On Friday officials counted 12 zorgs in the square."
    assert extract(text, published=PUBLISHED, learned=False).claims == []
    [claim] = extract(text, published=PUBLISHED, learned=WITH_ZORGS).claims
    assert (claim.value, claim.fate_group, text[claim.start : claim.end]) == (12, "dead", "12")
    sure = 1 - ZORGS.probabilities(["R1=zorgs", "lang=en"])[NOT_A_FIGURE]
    assert claim.chance == pytest.approx(sure, abs=0.005)
    assert claim.quote == text


def test_it_does_not_propose_a_value_already_read_nor_change_the_rules_reading():
    text = "At least 12 people were detained. Later officials counted 12 zorgs."
    [claim] = extract(text, published=PUBLISHED, learned=WITH_ZORGS).claims
    assert (claim.value, claim.fate_group, claim.chance) == (12, "custody", None)


def test_a_number_it_is_not_sure_of_is_left():
    text = "Officials counted 12 marbles."
    assert extract(text, published=PUBLISHED, learned=WITH_ZORGS).claims == []


def test_the_shipped_model_reads_cases_the_rules_pass_over():
    text = "Уголовных дел возбуждено 56."
    assert extract(text, published=PUBLISHED, learned=False).claims == []
    [claim] = extract(text, published=PUBLISHED).claims
    assert (claim.value, claim.fate_group) == (56, None) and claim.chance >= 0.5
