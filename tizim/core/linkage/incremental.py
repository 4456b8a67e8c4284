"""Scoring only what is new: records just imported against the registry, with a model trained
before.

Training (u by random sampling, the prior, EM) reads the whole registry and takes most of a
linkage run; a list of eight rows adds nothing it could learn from. So the records imported
since the last run are compared, with that run's trained model, against every record (and
against each other) through the model's own blocking rules — the pairs a full scoring would
give them, with the same weights, and no pair between two older records. Name-frequency
tables are computed from the whole registry, as a full run computes them.

Framework-free: no Django.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Mapping, Sequence
from typing import Any

from tizim.core.linkage.features import LinkRecord, features_frame
from tizim.core.linkage.probabilistic import (
    KEEP_PAIRS_ABOVE,
    LinkageModel,
    _db_api,
    _scored_pairs,
    build_settings,
)


def term_frequency_columns(settings: Mapping[str, Any]) -> list[str]:
    """The columns whose name-frequency adjustments the model uses."""
    columns = {
        str(level["tf_adjustment_column"])
        for comparison in settings.get("comparisons", ())
        for level in comparison.get("comparison_levels", ())
        if level.get("tf_adjustment_column")
    }
    return sorted(columns)


def score_new_records(
    records: Sequence[LinkRecord],
    new_ids: Collection[int],
    settings: Mapping[str, Any],
    *,
    keep_above: float = KEEP_PAIRS_ABOVE,
    explain_from: float = 0.0,
    progress: Callable[[str], None] | None = None,
) -> LinkageModel:
    """Score every candidate pair that holds at least one of ``new_ids`` with the trained
    ``settings`` (a Splink model as ``LinkageModel.settings`` keeps it), on DuckDB.

    ``records`` are all the registry's usable records, the new ones among them. Pairs are
    those the model's blocking rules give between a new record and any other, scored as a
    full run would score them.
    """
    say = progress or (lambda stage: None)
    import pandas as pd
    from splink import Linker

    frame = features_frame(records)
    is_new = frame["unique_id"].isin(list(new_ids))
    fresh, older = frame[is_new], frame[~is_new]
    if fresh.empty or len(frame) < 2:
        return LinkageModel(pairs=[], settings=dict(settings), notes=["no new records to link"])
    say(f"comparing {len(fresh):,} new records with {len(older):,} in the registry")
    db_api = _db_api("duckdb")
    # A model trained on Spark scores here on DuckDB: the dialect is the database's to say.
    model = {k: v for k, v in settings.items() if k != "sql_dialect"}
    # Candidate pairs come from this release's blocking rules, not the ones saved with the
    # model: they are not trained, and they read the columns ``features_frame`` makes now (a
    # model saved by an older release may name columns that are no longer made).
    extra = [c for c in frame.columns if c.startswith(("id_", "text_"))]
    model["blocking_rules_to_generate_predictions"] = build_settings(extra).create_settings_dict(
        "duckdb"
    )["blocking_rules_to_generate_predictions"]
    linker = Linker(db_api.register(frame), model, log_level=logging.ERROR)
    for column in term_frequency_columns(settings):
        linker.table_management.compute_tf_table(column)
    new_table = db_api.register(fresh.reset_index(drop=True))
    found = [
        linker.inference.predict_within(
            new_table, threshold_match_probability=keep_above, warning_mode="never"
        ).as_pandas_dataframe()
    ]
    if not older.empty:
        old_table = db_api.register(older.reset_index(drop=True))
        found.append(
            linker.inference.predict_between(
                new_table,
                old_table,
                threshold_match_probability=keep_above,
                warning_mode="never",
            ).as_pandas_dataframe()
        )
    scored = pd.concat([f for f in found if not f.empty] or found[:1], ignore_index=True)
    trained = linker.misc.save_model_to_json()
    return LinkageModel(
        pairs=_scored_pairs(scored, trained, explain_from),
        settings=trained,
        notes=[f"{len(fresh)} new records scored with the model of an earlier run"],
    )
