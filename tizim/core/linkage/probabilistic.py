"""Probabilistic record linkage on Splink: one person across lists, scripts and spellings.

The model is Fellegi–Sunter as Splink implements it. What tizim adds is the *features*: every
name part is compared through the canonical keys of ``tizim.core.names`` (so Бақытжан,
Бахытжан, Bakhytzhan and Baqytjan are one value before any string distance is taken), with
surname gender forms folded (a sister shares her brother's surname key; ``sex`` tells them
apart), patronymics reduced to the father's name in either language, initials compared with
full names, name order free, and ages read as birth-year ranges. Term-frequency adjustments on
the exact name levels make a rare surname weigh more than Ахметов.

The module imports no Django. ``features_frame`` turns ``LinkRecord``s into the table Splink
reads; ``train_and_score`` trains the model (EM without labels, then m from reviewers' labels
when there are any) and scores candidate pairs on DuckDB or Spark; clustering lives in
``tizim.core.linkage.clustering``.
"""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from tizim.core.linkage.features import LinkRecord, features_frame

if TYPE_CHECKING:  # pragma: no cover - heavy imports only where used
    import pandas as pd

Backend = Literal["duckdb", "spark"]

# Probability of a match below which a scored pair is dropped. Low on purpose: clustering needs
# the strong *disagreements* between records too (they stop a chain joining two people), and
# the blocking rules already bound the number of pairs.
KEEP_PAIRS_ABOVE = 1e-9


# Below this many records the registry's own data cannot train a model (EM needs many
# duplicate pairs; u needs many random ones): the prior model is used instead.
MIN_RECORDS_TO_TRAIN = 500
# Below this many accepted pairs, reviewers' labels are too few to re-estimate m from.
MIN_LABELS_FOR_M = 20
DUCKDB_MEMORY_LIMIT = "4GB"
# The share of true pairs the prior's deterministic rules find (see ``_train_unsupervised``),
# calibrated on the demo lists, where this share of records carries a full birth date.
LAMBDA_RULE_RECALL = 0.35
LAMBDA_RULE_BIRTH_DATE_SHARE = 0.5
# The smallest m a level keeps after training (see ``floor_m_probabilities``).
M_FLOOR = 0.002


@dataclass(frozen=True)
class ScoredPair:
    """A candidate pair with the model's verdict and each comparison's share of it."""

    left: int
    right: int
    probability: float
    match_weight: float
    # comparison name → (level label, match weight it contributed: log2 of its Bayes factor)
    contributions: Mapping[str, tuple[str, float]]


@dataclass
class LinkageModel:
    """The outcome of training and scoring: pairs, the trained parameters, notes."""

    pairs: list[ScoredPair]
    settings: dict[str, Any]
    notes: list[str]


def _swapped_level() -> Any:
    import splink.comparison_level_library as cll

    # EM never sees swapped pairs inside its blocks (they disagree on the blocked column), so
    # m is set: about one true pair in fifty has its names in the other order (measured on the
    # demo lists); u still comes from random pairs.
    return cll.CustomLevel(
        "names_l = names_r", label_for_charts="same names, other order"
    ).configure(m_probability=0.02, fix_m_probability=True)


def _slip_level(column: str) -> Any:
    """One dropped, doubled or swapped letter (Брдибеков = Бердибеков, Рахыомв = Рахымов), but
    not one letter changed for another: Асель/Асем, Марат/Мурат, Аскар/Асхат are other names."""
    import splink.comparison_level_library as cll

    left, right = f"{column}_l", f"{column}_r"
    # Damerau-Levenshtein is ten times slower than the plain distance in DuckDB and nearly every
    # pair a model scores is two different names: it is asked only of two names of one length
    # two plain edits apart (where a swap is one Damerau edit), and a length one apart needs one
    # plain edit.
    return cll.CustomLevel(
        f"CASE WHEN length({left}) = length({right}) "
        f"THEN (CASE WHEN levenshtein({left}, {right}) = 2 "
        f"THEN damerau_levenshtein({left}, {right}) = 1 ELSE false END) "
        f"WHEN abs(length({left}) - length({right})) = 1 "
        f"THEN levenshtein({left}, {right}) = 1 ELSE false END",
        label_for_charts="one letter dropped, doubled or swapped",
    )


def _name_comparison(column: str, label: str, *, swap: bool) -> Any:
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl

    levels: list[Any] = [
        cll.NullLevel(column),
        cll.ExactMatchLevel(column, term_frequency_adjustments=True),
    ]
    if swap:
        # The same two names in the other order: a list wrote the surname first.
        levels.append(_swapped_level())
        # The same letters with the space typed one letter off ("Гауха рМахамбетова").
        # EM rarely sees one inside its blocks (they disagree on the blocked column), so m is
        # set, as for the swapped order.
        levels.append(
            cll.CustomLevel(
                "together_l = together_r OR together_l = together_swapped_r "
                "OR together_swapped_l = together_r"
            ).configure(
                label_for_charts="same letters, space misplaced",
                m_probability=0.01,
                fix_m_probability=True,
            )
        )
    levels += [
        _slip_level(column),
        cll.JaroWinklerLevel(column, 0.92),
        cll.JaroWinklerLevel(column, 0.8),
        cll.ElseLevel(),
    ]
    return cl.CustomComparison(levels, output_column_name=label)


def _given_comparison() -> Any:
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl

    return cl.CustomComparison(
        [
            cll.NullLevel("gi"),
            cll.ExactMatchLevel("gn", term_frequency_adjustments=True),
            _swapped_level(),
            _slip_level("gn"),
            cll.JaroWinklerLevel("gn", 0.92),
            # An initial (Е.) beside a full name starting with the same sound (Ерлан).
            cll.CustomLevel(
                "(gn_l IS NULL OR gn_r IS NULL) AND gi_l = gi_r",
                label_for_charts="initial fits",
            ),
            cll.JaroWinklerLevel("gn", 0.8),
            cll.ElseLevel(),
        ],
        output_column_name="given_name",
    )


def _patronymic_comparison() -> Any:
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl

    return cl.CustomComparison(
        [
            cll.NullLevel("pi"),
            cll.ExactMatchLevel("pn"),
            cll.JaroWinklerLevel("pn", 0.9),
            cll.CustomLevel(
                "(pn_l IS NULL OR pn_r IS NULL) AND pi_l = pi_r",
                label_for_charts="initial fits",
            ),
            cll.ElseLevel(),
        ],
        output_column_name="patronymic",
    )


def _birth_comparison() -> Any:
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl

    overlap = "by_min_l <= by_max_r AND by_min_r <= by_max_l"
    # Ages and birth years are rounded, counted from another day or guessed by a relative, so
    # they may be years off; two full dates from documents are not: beyond one slip of a digit
    # they are two people's (namesakes share names and towns, rarely a birth date).
    not_two_dates = "(bd_l IS NULL OR bd_r IS NULL)"
    return cl.CustomComparison(
        [
            cll.NullLevel("by_min"),
            cll.ExactMatchLevel("bd"),
            # m starts here and EM moves it where it sees such pairs (lists without typos in
            # their dates leave it as it starts).
            # One digit changed or two swapped; both are within two plain edits, which are
            # cheap to count (see ``_slip_level``).
            cll.CustomLevel(
                "CASE WHEN levenshtein(bd_l, bd_r) <= 2 "
                "THEN damerau_levenshtein(bd_l, bd_r) <= 1 ELSE false END",
                label_for_charts="birth dates one slip apart",
            ).configure(m_probability=0.03),
            cll.CustomLevel(
                f"{not_two_dates} AND {overlap} "
                "AND by_max_l - by_min_l <= 1 AND by_max_r - by_min_r <= 1",
                label_for_charts="same birth year (or an age that fits it)",
            ),
            cll.CustomLevel(
                f"{not_two_dates} AND by_min_l - 2 <= by_max_r AND by_min_r - 2 <= by_max_l",
                label_for_charts="birth years within 2",
            ),
            cll.CustomLevel(
                f"{not_two_dates} AND by_min_l - 6 <= by_max_r AND by_min_r - 6 <= by_max_l",
                label_for_charts="birth years within 6",
            ),
            # Set, not learned: EM on lists full of namesakes (one name, one town, other birth
            # dates) takes many of them for one person and learned that one person's records
            # disagree on the birth date one time in seven, which let namesakes merge. One in
            # a hundred is a mistyped year or a wrong age beyond six years.
            cll.ElseLevel().configure(m_probability=0.01, fix_m_probability=True),
        ],
        output_column_name="birth",
    )


def _event_comparison() -> Any:
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl

    # m is set, not learned: lists report different days of one story (detained on the 6th,
    # charged on the 10th), and EM on generated lists would learn the generator's habits.
    # Half of one person's records share a day; u comes from the data.
    return cl.CustomComparison(
        [
            cll.NullLevel("ev"),
            cll.ExactMatchLevel("ev").configure(m_probability=0.5, fix_m_probability=True),
            cll.ElseLevel().configure(m_probability=0.5, fix_m_probability=True),
        ],
        output_column_name="event_date",
    )


def _place_comparison() -> Any:
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl

    # A town on one list is often its region on another (the official list named regions).
    return cl.CustomComparison(
        [
            cll.NullLevel("region"),
            cll.ExactMatchLevel("place"),
            cll.ExactMatchLevel("region"),
            cll.ElseLevel(),
        ],
        output_column_name="place",
    )


def _fate_comparison() -> Any:
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl

    # Fates change (missing → detained → released, or found in a morgue) and each list knows
    # a different moment, so disagreement is weak evidence: m is set (as for event dates) and
    # the same stage of the story only counts a little more than another stage.
    return cl.CustomComparison(
        [
            cll.NullLevel("fate"),
            cll.ExactMatchLevel("fate").configure(m_probability=0.5, fix_m_probability=True),
            cll.ExactMatchLevel("fate_group").configure(m_probability=0.2, fix_m_probability=True),
            cll.ElseLevel().configure(m_probability=0.3, fix_m_probability=True),
        ],
        output_column_name="fate",
    )


def _categorical(column: str) -> Any:
    import splink.comparison_library as cl

    return cl.ExactMatch(column)


def _extra_comparisons(extra_columns: Sequence[str]) -> list[Any]:
    import splink.comparison_library as cl

    comparisons: list[Any] = []
    for column in extra_columns:
        if column.startswith("id_"):
            comparisons.append(cl.ExactMatch(column))
        else:
            comparisons.append(cl.JaroWinklerAtThresholds(column, [0.95, 0.85]))
    return comparisons


# Candidate pairs: any one of these equalities puts a pair before the model. Together they
# keep the pairs a list could plausibly share — an initials-only entry meets every full name
# with its surname, initial and birth year (by_min or by_max, so an age's range meets a birth
# date); the same two names in either order meet whatever else differs; a surname that lost a
# vowel or two meets its given name in its region; a given name misspelt at its first letter
# meets its surname and birth date — while no block grows with the square of a common surname
# (Ахметов).
BLOCKING_RULES: tuple[tuple[str, ...], ...] = (
    ("sn", "gi", "by_min"),
    ("sn", "gi", "by_max"),
    ("names",),
    ("gn", "sn_skel", "region"),
    ("sn", "bd"),
)
# Both names, either order, one of them possibly misspelt, or the letters the same with the
# space misplaced (``features.near_names``): a record's near names meet the other records' own
# names. Each record is kept on the right once (its first near name) so the pair is not
# repeated once per near name it has.
NEAR_NAMES_RULE = {
    "blocking_rule": "l.name_near = r.names AND r.name_near = r.name_near_first",
    "arrays_to_explode": ["name_near"],
}
# EM rounds: each trains every comparison that does not read its columns, and between them
# every comparison is trained; both keep blocks small at a million records.
EM_BLOCKS: tuple[tuple[str, ...], ...] = (("sn", "bd"), ("gn", "sn_skel", "region"))


def build_settings(extra_columns: Sequence[str] = ()) -> Any:
    """Splink settings for deduplicating tizim records (one table, all sources together)."""
    from splink import SettingsCreator, block_on

    return SettingsCreator(
        link_type="dedupe_only",
        unique_id_column_name="unique_id",
        comparisons=[
            _name_comparison("sn", "surname", swap=True),
            _given_comparison(),
            _patronymic_comparison(),
            _birth_comparison(),
            _categorical("sex"),
            _place_comparison(),
            _event_comparison(),
            _fate_comparison(),
            *_extra_comparisons(extra_columns),
        ],
        # A shared identifier (a national id number, say) makes a candidate pair by itself.
        blocking_rules_to_generate_predictions=[
            *(block_on(*rule) for rule in BLOCKING_RULES),
            NEAR_NAMES_RULE,
            *(block_on(c) for c in extra_columns if c.startswith("id_")),
        ],
        retain_intermediate_calculation_columns=True,
        retain_matching_columns=False,
        additional_columns_to_retain=[],
    )


def _db_api(backend: Backend, spark: Any = None) -> Any:
    if backend == "duckdb":
        import tempfile

        import duckdb
        from splink import DuckDBAPI

        # DuckDB takes 80% of the machine by default; capped, it spills to disk instead, so a
        # million records link within the Linkage issue's 8 GB beside Python's own share.
        connection = duckdb.connect(
            ":memory:",
            config={
                "memory_limit": DUCKDB_MEMORY_LIMIT,
                "temp_directory": str(Path(tempfile.gettempdir()) / "tizim-duckdb"),
            },
        )
        return DuckDBAPI(connection)
    if backend == "spark":
        from splink import SparkAPI

        if spark is None:
            raise ValueError("the Spark backend needs a SparkSession")
        return SparkAPI(spark_session=spark)
    raise ValueError(f"unknown linkage backend {backend!r}; use duckdb or spark")


def train_and_score(
    records: Sequence[LinkRecord] | pd.DataFrame,
    *,
    backend: Backend = "duckdb",
    labels: Iterable[tuple[int, int, bool]] = (),
    spark: Any = None,
    seed: int = 2022,
    max_pairs_for_u: float = 2e6,
    keep_above: float = KEEP_PAIRS_ABOVE,
    train: bool | None = None,
    explain_from: float = 0.0,
    progress: Callable[[str], None] | None = None,
) -> LinkageModel:
    """Train the model on ``records`` and return every candidate pair scored above
    ``keep_above``.

    Unsupervised first: u from random pairs, the prior from pairs that agree on surname,
    given name and birth year, m by expectation maximisation in the rounds of ``EM_BLOCKS``.
    ``labels`` — reviewers' (record, record, same person?) decisions — then re-estimate m
    from the accepted pairs when there are enough of them. ``train``: False scores with the
    prior model (trained on the demo lists) whatever the size; None (default) trains when there
    are at least ``MIN_RECORDS_TO_TRAIN`` records or extra identifier columns.
    ``explain_from``: pairs from this probability up carry each comparison's contribution (the
    review queue needs them; at a million records the others are not worth the memory).
    ``progress`` is told each stage as it starts.
    """
    say = progress or (lambda stage: None)
    import pandas as pd
    from splink import Linker

    frame = records if isinstance(records, pd.DataFrame) else features_frame(records)
    notes: list[str] = []
    if len(frame) < 2:
        return LinkageModel(pairs=[], settings={}, notes=["fewer than two records to link"])
    extra = [c for c in frame.columns if c.startswith(("id_", "text_"))]
    db_api = _db_api(backend, spark)
    table = db_api.register(frame)
    if train is None:
        train = len(frame) >= MIN_RECORDS_TO_TRAIN or bool(extra)
    if not train:
        # Too few records for EM (or even for u): score with the model trained on the demo
        # lists, without name-frequency adjustments a handful of records cannot support.
        settings = prior_settings(extra, db_api.sql_dialect.sql_dialect_str)
        notes.append(
            f"{len(frame)} records (training needs {MIN_RECORDS_TO_TRAIN}): the parameters "
            "trained on the demo lists are used"
        )
        linker = Linker(table, settings, log_level=logging.ERROR)
    else:
        say(f"training the model on {len(frame):,} records")
        linker = Linker(table, build_settings(extra), log_level=logging.ERROR)
        linker = _train_unsupervised(
            linker, table, seed, max_pairs_for_u, notes, float(frame["bd"].notna().mean())
        )
    accepted = [(a, b) for a, b, same in labels if same]
    if len(accepted) >= MIN_LABELS_FOR_M:
        label_frame = pd.DataFrame(
            [
                {
                    "unique_id_l": a,
                    "source_dataset_l": table.templated_name,
                    "unique_id_r": b,
                    "source_dataset_r": table.templated_name,
                    "clerical_match_score": 1.0,
                }
                for a, b in accepted
            ]
        )
        before = linker.misc.save_model_to_json()
        try:
            linker.training.estimate_m_from_pairwise_labels(db_api.register(label_frame))
            notes.append(f"m re-estimated from {len(accepted)} pairs reviewers accepted")
        except Exception as error:  # as above
            notes.append(f"reviewers' labels not used: {error}")
            linker = Linker(table, before, log_level=logging.ERROR)
    trained = floor_m_probabilities(
        fill_untrained_u(fill_untrained_from_prior(linker.misc.save_model_to_json(), notes), notes),
        notes,
    )
    linker = Linker(table, trained, log_level=logging.ERROR)
    say("scoring candidate pairs")
    predictions = linker.inference.predict(threshold_match_probability=keep_above)
    settings = linker.misc.save_model_to_json()
    pairs = _scored_pairs(predictions.as_pandas_dataframe(), settings, explain_from)
    _check_parameters(settings, notes)
    return LinkageModel(pairs=pairs, settings=settings, notes=notes)


def _level_weights(settings: Mapping[str, Any]) -> dict[str, list[tuple[float, str]]]:
    """Each comparison's levels as (match weight, label): Splink 5 reports a pair's weight per
    comparison but not its level, so the level is the one whose weight it is."""
    levels: dict[str, list[tuple[float, str]]] = {}
    for comparison in settings["comparisons"]:
        found: list[tuple[float, str]] = []
        for level in comparison["comparison_levels"]:
            label = str(level.get("label_for_charts", ""))
            if level.get("is_null_level"):
                found.append((0.0, label))
                continue
            m, u = level.get("m_probability"), level.get("u_probability")
            if m and u:
                found.append((math.log2(m / u), label))
        levels[comparison["output_column_name"]] = found
    return levels


def _level_of(weight: float, levels: Sequence[tuple[float, str]]) -> str:
    if not levels:
        return ""
    best = min(levels, key=lambda level: abs(level[0] - weight))
    return best[1] if abs(best[0] - weight) < 1e-6 else ""


def fill_untrained_from_prior(settings: dict[str, Any], notes: list[str]) -> dict[str, Any]:
    """Give every level EM could not train (a failed round, a level never seen among its
    pairs) the m of the same level in the prior model, so no comparison silently falls back
    to Splink's defaults. Levels the prior model lacks (extra identifier columns) keep them."""
    if not PRIOR_MODEL_PATH.exists():
        return settings
    prior = {
        (c["output_column_name"], level.get("label_for_charts")): level.get("m_probability")
        for c in prior_model()["comparisons"]
        for level in c["comparison_levels"]
    }
    filled = 0
    for comparison in settings["comparisons"]:
        for level in comparison["comparison_levels"]:
            if level.get("is_null_level") or level.get("m_probability") is not None:
                continue
            m = prior.get((comparison["output_column_name"], level.get("label_for_charts")))
            if m is not None:
                level["m_probability"] = m
                filled += 1
    if filled:
        notes.append(f"{filled} m probabilities EM could not train taken from the prior model")
    return settings


def fill_untrained_u(settings: dict[str, Any], notes: list[str]) -> dict[str, Any]:
    """Give a level random pairs never reached (two names with the same letters and the space
    typed elsewhere are too rare to sample) the u of its comparison's rarest trained level:
    such an agreement is at least as rare by chance as the rarest one measured."""
    filled = 0
    for comparison in settings["comparisons"]:
        levels = [c for c in comparison["comparison_levels"] if not c.get("is_null_level")]
        trained = [c["u_probability"] for c in levels if c.get("u_probability")]
        for level in levels:
            if trained and not level.get("u_probability"):
                level["u_probability"] = min(trained)
                filled += 1
    if filled:
        notes.append(f"{filled} u probabilities random pairs never reached set from their kin")
    return settings


def floor_m_probabilities(settings: dict[str, Any], notes: list[str]) -> dict[str, Any]:
    """Raise every trained m below ``M_FLOOR`` to it.

    EM on lists where a level never occurs among true matches drives its m to 0, and then one
    disagreement (a sex mistyped, an age off by two) vetoes a pair with a weight of −100 bits,
    whatever else agrees. Real lists have such slips; the floor caps one field's veto at about
    log2(M_FLOOR / u), −6 to −10 bits.
    """
    raised = 0
    for comparison in settings["comparisons"]:
        for level in comparison["comparison_levels"]:
            m = level.get("m_probability")
            if not level.get("is_null_level") and m is not None and m < M_FLOOR:
                level["m_probability"] = M_FLOOR
                raised += 1
    if raised:
        notes.append(f"{raised} m probabilities raised to the floor {M_FLOOR}")
    return settings


def lambda_rule_recall(birth_date_share: float) -> float:
    """The share of true pairs that agree on both names and the full birth date, for lists in
    which ``birth_date_share`` of the records carry one: only pairs with a date on both sides
    can agree on it, so it falls with the square of that share (fewer dates, fewer pairs found
    by the rule, and a prior estimated from them must be raised accordingly)."""
    ratio = birth_date_share / LAMBDA_RULE_BIRTH_DATE_SHARE
    return min(0.9, max(0.02, LAMBDA_RULE_RECALL * ratio * ratio))


def _train_unsupervised(
    linker: Any,
    table: Any,
    seed: int,
    max_pairs_for_u: float,
    notes: list[str],
    birth_date_share: float = LAMBDA_RULE_BIRTH_DATE_SHARE,
) -> Any:
    from splink import Linker, block_on

    try:
        # Pairs agreeing on both names and the full birth date are almost never namesakes, even
        # where names are common (same names and birth *year* are: at a million records they
        # outnumbered the true pairs and the prior came out ten times too high). About a third
        # of one person's records pairs carry a birth date on both sides in the demo lists (the
        # others an age, an initial or nothing); other lists carry fewer or more.
        linker.training.estimate_probability_two_random_records_match(
            [block_on("sn", "gn", "bd"), block_on("names", "bd")],
            recall=lambda_rule_recall(birth_date_share),
        )
    except ValueError as error:  # more exact agreements than the recall allows: tiny data
        notes.append(f"prior probability of a match left at its default: {error}")
    linker.training.estimate_u_using_random_sampling(max_pairs=max_pairs_for_u, seed=seed)
    for columns in EM_BLOCKS:
        before = linker.misc.save_model_to_json()
        try:
            linker.training.estimate_parameters_using_expectation_maximisation(
                block_on(*columns), fix_probability_two_random_records_match=True
            )
        except Exception as error:  # Splink raises plain Exceptions here
            # A failed round leaves the linker without the comparisons it had set aside:
            # start again from the model as it was before the round.
            notes.append(f"EM blocked on {' and '.join(columns)} failed: {error}")
            linker = Linker(table, before, log_level=logging.ERROR)
    return linker


PRIOR_MODEL_PATH = Path(__file__).with_name("prior_model.json")


def prior_model() -> dict[str, Any]:
    """The model trained on the demo lists (``python -m tizim.core.linkage.prior`` writes it),
    for registries too small to train their own, with name-frequency adjustments off (a handful
    of records cannot say how common a name is). Its prior probability of a match stays as
    trained on thousands of records: small registries get the same conservative start, and a
    pair needs strong agreement (about 12 bits) to be linked without a reviewer."""
    settings: dict[str, Any] = json.loads(PRIOR_MODEL_PATH.read_text(encoding="utf-8"))
    for comparison in settings["comparisons"]:
        for level in comparison["comparison_levels"]:
            level.pop("tf_adjustment_column", None)
            level.pop("tf_adjustment_weight", None)
    return settings


def prior_settings(extra_columns: Sequence[str], dialect: str) -> dict[str, Any]:
    """Settings for ``dialect`` (``duckdb``, ``spark``) with the prior model's parameters.

    The prior model is saved as DuckDB wrote it; handed to another backend as it stands, its
    SQL is not that backend's and every pair scored the same. So the settings are built for the
    backend, and each level takes the m and u of the prior's level of the same comparison and
    label, without name-frequency adjustments (see ``prior_model``); levels the prior lacks
    (extra identifier columns) keep Splink's defaults."""
    prior = prior_model()
    parameters = {
        (c["output_column_name"], level.get("label_for_charts")): level
        for c in prior["comparisons"]
        for level in c["comparison_levels"]
    }
    settings: dict[str, Any] = build_settings(extra_columns).create_settings_dict(dialect)
    settings["probability_two_random_records_match"] = prior["probability_two_random_records_match"]
    for comparison in settings["comparisons"]:
        for level in comparison["comparison_levels"]:
            level.pop("tf_adjustment_column", None)
            level.pop("tf_adjustment_weight", None)
            trained = parameters.get(
                (comparison["output_column_name"], level.get("label_for_charts"))
            )
            for name in ("m_probability", "u_probability"):
                if trained is not None and trained.get(name) is not None:
                    level[name] = trained[name]
    return settings


def _scored_pairs(
    frame: pd.DataFrame, settings: Mapping[str, Any], explain_from: float
) -> list[ScoredPair]:
    levels = _level_weights(settings)
    left = frame["unique_id_l"].to_numpy()
    right = frame["unique_id_r"].to_numpy()
    probability = frame["match_probability"].to_numpy()
    weight = frame["match_weight"].to_numpy()
    explained = probability >= explain_from
    columns = {
        name: (
            frame[f"mw_{name}"].to_numpy() if f"mw_{name}" in frame else None,
            frame[f"mw_tf_adj_{name}"].to_numpy() if f"mw_tf_adj_{name}" in frame else None,
        )
        for name in levels
    }
    pairs: list[ScoredPair] = []
    for i in range(len(frame)):
        contributions: dict[str, tuple[str, float]] = {}
        if explained[i]:
            for name, (weights, adjustments) in columns.items():
                level_weight = _number(weights[i]) if weights is not None else 0.0
                adjustment = _number(adjustments[i]) if adjustments is not None else 0.0
                label = _level_of(level_weight, levels[name])
                if adjustment:
                    label += f" (name frequency {adjustment:+.1f})"
                contributions[name] = (label, level_weight + adjustment)
        a, b = int(left[i]), int(right[i])
        pairs.append(
            ScoredPair(
                left=min(a, b),
                right=max(a, b),
                probability=float(probability[i]),
                match_weight=float(weight[i]),
                contributions=contributions,
            )
        )
    return pairs


def _number(value: object) -> float:
    if value is None:
        return 0.0
    number = float(str(value))
    return 0.0 if math.isnan(number) else number


def _check_parameters(settings: Mapping[str, Any], notes: list[str]) -> None:
    """Splink's EM can stop with an m or u stuck at 0 (Splink #161): say so, loudly."""
    for comparison in settings["comparisons"]:
        for level in comparison["comparison_levels"]:
            if level.get("is_null_level"):
                continue
            for key in ("m_probability", "u_probability"):
                value = level.get(key)
                if value is None:
                    notes.append(
                        f"{comparison['output_column_name']} / "
                        f"{level.get('label_for_charts', '?')}: {key} not trained"
                    )
