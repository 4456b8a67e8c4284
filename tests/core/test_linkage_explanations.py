"""The review page's sentences: every level of the model has words, and they fit the values."""

from __future__ import annotations

import datetime
import re

import pytest

from tizim.core.linkage.explanations import (
    SENTENCES,
    UNDESCRIBED,
    birth_in_words,
    explain,
    level_has_words,
    percent,
    reason_in_words,
    weight_in_words,
)
from tizim.core.linkage.probabilistic import build_settings, prior_model

# What a reviewer must never read: the model's column names and Splink's vocabulary.
INTERNAL = re.compile(r"\b(sn|gn|gi|pn|pi|bd|by_min|by_max|ev|NULL|gamma|Jaro|Winkler)\b")


def _levels_of_the_model() -> list[tuple[str, str]]:
    settings = build_settings(["id_passport", "text_note"])
    levels = []
    for creator in settings.comparisons:
        comparison = creator.get_comparison("duckdb")
        for level in comparison.comparison_levels:
            levels.append((comparison.output_column_name, level.label_for_charts))
    return levels


def test_every_level_of_the_model_has_words():
    levels = _levels_of_the_model()
    assert len(levels) > 40
    missing = [level for level in levels if not level_has_words(*level)]
    assert missing == []


def test_every_level_of_the_prior_model_has_words():
    for comparison in prior_model()["comparisons"]:
        for level in comparison["comparison_levels"]:
            assert level_has_words(comparison["output_column_name"], level["label_for_charts"])


def test_a_level_unknown_to_the_table_has_no_words_of_its_own():
    assert not level_has_words("surname", "Levenshtein distance of sn <= 3")
    [words] = explain("surname", "Levenshtein distance of sn <= 3", {}, {})
    assert words.message == UNDESCRIBED


@pytest.mark.parametrize(("comparison", "label"), sorted(SENTENCES))
def test_no_sentence_shows_the_models_names(comparison, label):
    left = {"surname": "Абенов", "given_name": "Нурлан", "birth_year_min": 1986}
    right = {"surname": "Abenov", "given_name": "Nurlan", "birth_year_min": 1987}
    for words in explain(comparison, label, left, right):
        text = str(words)
        assert text and not INTERNAL.search(text), text


def test_same_surname_in_another_alphabet():
    [words] = explain(
        "surname", "Exact match on sn", {"surname": "Төрегожина"}, {"surname": "Toregozhina"}
    )
    assert str(words) == "same surname, written in another alphabet"


def test_same_surname_spelled_otherwise_in_one_alphabet():
    [words] = explain(
        "surname", "Exact match on sn", {"surname": "Төрегожина"}, {"surname": "Торегожина"}
    )
    assert str(words) == "same surname, spelled differently (Төрегожина / Торегожина)"


def test_same_surname_written_alike():
    [words] = explain("surname", "Exact match on sn", {"surname": "Абенов"}, {"surname": "АБЕНОВ"})
    assert str(words) == "same surname"


def test_a_rare_name_says_it_counts_more():
    sentences = explain(
        "surname",
        "Exact match on sn (name frequency +2.3)",
        {"surname": "Абенов"},
        {"surname": "Абенов"},
    )
    assert [str(s) for s in sentences] == [
        "same surname",
        "a rare name, so this agreement counts for more",
    ]


def test_birth_years_apart():
    [words] = explain(
        "birth", "birth years within 2", {"birth_year_min": 1986, "birth_year_max": 1986},
        {"birth_date": datetime.date(1987, 3, 4)},
    )  # fmt: skip
    assert str(words) == "birth year 1986 vs 1987-03-04"


def test_no_birth_date_on_one_record():
    [words] = explain("birth", "by_min is NULL", {"birth_year_min": 1986}, {})
    assert str(words) == "no birth date or age on one of the records"


def test_first_names_one_letter_apart():
    [words] = explain(
        "given_name", "one letter dropped, doubled or swapped", {"given_name": "Ерлн"},
        {"given_name": "Ерлан"},
    )  # fmt: skip
    assert str(words) == "first names differ by one letter dropped, doubled or swapped"


def test_an_age_reads_as_the_years_it_allows():
    assert birth_in_words({"birth_year_min": 1985, "birth_year_max": 1986}) == "1985–1986"
    assert birth_in_words({}) == ""


def test_extra_identifier_columns_have_words():
    [words] = explain("id_passport", "Exact match on id_passport", {}, {})
    assert str(words) == "same passport"


@pytest.mark.parametrize(
    ("probability", "shown"), [(0.0, 0), (0.0004, 1), (0.869, 87), (0.996, 99), (1.0, 100)]
)
def test_percent_never_rounds_a_doubt_away(probability, shown):
    assert percent(probability) == shown


def test_weights_in_words():
    assert weight_in_words(6.0) == "strongly for the same person"
    assert weight_in_words(0.1) == "hardly matters"
    assert weight_in_words(-2.0) == "against"
    assert weight_in_words(-9.0) == "strongly against"
    assert weight_in_words(None) == ""


@pytest.mark.parametrize(
    ("stored", "expected"),
    [
        ("uncertain: p = 0.87", "The model is not sure enough to decide alone."),
        (
            "two of their records are judged different people (p = 0.000)",
            "The model did not join them alone: two other records of these persons look like "
            "different people (same person: 0 %).",
        ),
        (
            "initials fit 3 persons equally: one of these 3",
            "Surname and initials fit 3 persons equally well: which one is it?",
        ),
        (
            "their records give two different birth dates",
            "The model did not join them alone: their records give two different birth dates.",
        ),
        ("something new", "The model asks a reviewer: something new."),
    ],
)
def test_why_a_pair_is_queued_in_words(stored, expected):
    assert str(reason_in_words(stored)) == expected


def test_every_reason_the_clustering_gives_has_words():
    """The refusals ``tizim.core.linkage.clustering`` writes (read from its source, figures
    filled in) each have a sentence of their own, not the catch-all."""
    import re
    from pathlib import Path

    import tizim.core.linkage.clustering as clustering

    source = Path(clustering.__file__).read_text(encoding="utf-8")
    written = re.findall(r'(?:return|reason =) f?"([a-z][^"]+)"', source)
    assert len(written) >= 6, written
    for reason in written:
        filled = re.sub(r"\{[^}]*\}", "7", reason)
        said = str(reason_in_words(filled))
        assert not said.startswith("The model asks a reviewer:"), reason


def test_the_review_sentences_are_translated(transactional_db):
    from django.utils import translation

    from tizim.linkage.selectors import in_words

    [words] = explain(
        "surname", "Exact match on sn", {"surname": "Төрегожина"}, {"surname": "Toregozhina"}
    )
    with translation.override("ru"):
        assert in_words(words) == "фамилия совпадает, но написано другим алфавитом"
    with translation.override("kk"):
        assert in_words(words) == "тегі бірдей, бірақ басқа әліпбимен жазылған"
