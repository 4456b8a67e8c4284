"""Scoring new records only gives the pairs, and the weights, a full scoring gives them."""

from __future__ import annotations

import datetime

import pytest

from tizim.core.linkage.features import LinkRecord
from tizim.core.linkage.incremental import score_new_records, term_frequency_columns
from tizim.core.linkage.probabilistic import prior_model, train_and_score

pytest.importorskip("splink")


def _records() -> list[LinkRecord]:
    born = datetime.date
    return [
        LinkRecord(1, "ngo", "Серикбаев", "Ерлан", "Болатович", "m", born(1985, 3, 12)),
        LinkRecord(2, "ngo", "Төрегожина", "Бақытжан", "", "f", born(1970, 5, 2)),
        LinkRecord(3, "ngo", "Серикбаев", "Ерлан", "Маратович", "m", born(1962, 7, 2)),
        LinkRecord(4, "ngo", "Ахметова", "Айгерим", "", "f", born(1990, 1, 1)),
        # New: the first two written in Latin letters, and a stranger.
        LinkRecord(5, "press", "Serikbayev", "Yerlan", "", "m", born(1985, 3, 12)),
        LinkRecord(6, "press", "Toregozhina", "Bakhytzhan", "", "f", born(1970, 5, 2)),
        LinkRecord(7, "press", "Toregozhina", "Bakhytzhan", "", "f", born(1970, 5, 2)),
        LinkRecord(8, "press", "Ospanov", "Zhanibek", "", "m", born(1991, 11, 11)),
    ]


def test_new_records_get_the_pairs_and_weights_of_a_full_scoring():
    records = _records()
    new = {5, 6, 7, 8}
    full = train_and_score(records, train=False)
    incremental = score_new_records(records, new, full.settings)
    expected = {
        (p.left, p.right): round(p.match_weight, 6)
        for p in full.pairs
        if p.left in new or p.right in new
    }
    found = {(p.left, p.right): round(p.match_weight, 6) for p in incremental.pairs}
    assert found == expected
    # both pairs across scripts, and the new records' pair between themselves
    assert {(1, 5), (2, 6), (6, 7)} <= found.keys()
    # never a pair of two older records
    assert not any(a not in new and b not in new for a, b in found)


def test_name_frequencies_come_from_the_whole_registry():
    """With name-frequency adjustments (a trained model has them), the new records' pairs
    weigh what they weigh in a full scoring, whose frequencies count every record."""
    import json
    import logging

    from splink import DuckDBAPI, Linker

    from tizim.core.linkage.features import features_frame
    from tizim.core.linkage.probabilistic import PRIOR_MODEL_PATH

    settings = json.loads(PRIOR_MODEL_PATH.read_text(encoding="utf-8"))
    assert term_frequency_columns(settings)
    records = _records()
    db_api = DuckDBAPI()
    linker = Linker(db_api.register(features_frame(records)), settings, log_level=logging.ERROR)
    full = linker.inference.predict(threshold_match_probability=1e-9).as_pandas_dataframe()
    new = {5, 6, 7, 8}
    expected = {
        (min(a, b), max(a, b)): round(float(w), 6)
        for a, b, w in zip(
            full["unique_id_l"], full["unique_id_r"], full["match_weight"], strict=True
        )
        if a in new or b in new
    }
    found = score_new_records(records, new, settings).pairs
    assert {(p.left, p.right): round(p.match_weight, 6) for p in found} == expected


def test_nothing_new_scores_nothing():
    model = score_new_records(_records(), set(), prior_model())
    assert model.pairs == [] and model.notes == ["no new records to link"]


def test_the_name_frequency_columns_are_read_from_the_model():
    settings = {
        "comparisons": [
            {"comparison_levels": [{"tf_adjustment_column": "sn"}, {}]},
            {"comparison_levels": [{"tf_adjustment_column": "gn"}]},
        ]
    }
    assert term_frequency_columns(settings) == ["gn", "sn"]
    assert term_frequency_columns(prior_model()) == []  # the prior model has them off


def test_a_model_saved_by_an_earlier_release_still_scores_new_records():
    # An earlier release blocked on columns ``features_frame`` no longer makes: the model's
    # trained parameters are kept, its candidate pairs come from this release's rules.
    records = _records()
    new = {5, 6, 7, 8}
    current = train_and_score(records, train=False)
    saved = dict(current.settings)
    saved["blocking_rules_to_generate_predictions"] = [
        {"blocking_rule": 'l."names" = r."names"', "sql_dialect": "duckdb"},
        {
            "blocking_rule": 'l."name_variants" = r."name_variants"',
            "sql_dialect": "duckdb",
            "arrays_to_explode": ["name_variants"],
        },
    ]
    found = {(p.left, p.right) for p in score_new_records(records, new, saved).pairs}
    assert found == {
        (p.left, p.right) for p in score_new_records(records, new, current.settings).pairs
    }
    assert {(1, 5), (2, 6), (6, 7)} <= found
