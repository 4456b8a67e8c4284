"""The simulation check on a table's own shape (rule point 6 of the lead): populations shaped
like the table, a check that fails where the lists cannot see the hard-to-record people and
passes where they can, and the lead it widens."""

from __future__ import annotations

import numpy as np
import pytest

from tizim.core.estimation import (
    EstimationSettings,
    ShapeCheckSettings,
    estimate_all,
    estimate_strata,
)
from tizim.core.estimation.shape_check import check_shapes, prediction_bound, stressed_population
from tizim.core.estimation.simulate import independent_cells, latent_class_cells, simulate_table
from tizim.core.estimation.tables import observable_patterns

# Shaped like a registry stratum: six lists of very different sizes, 400 people, most of them
# hard to record (the registry-shaped scenario of bench/estimation_sim.py).
REGISTRY_SHAPED = latent_class_cells(
    [0.3, 0.7], [[0.5, 0.4, 0.6, 0.3, 0.5, 0.4], [0.1, 0.05, 0.15, 0.1, 0.08, 0.12]]
)


def registry_table(seed: int = 3):  # type: ignore[no-untyped-def]
    return simulate_table(400, REGISTRY_SHAPED, seed=seed)


def test_the_stressed_population_has_the_tables_list_sizes_and_number_seen():
    table = registry_table()
    found = stressed_population(table, ShapeCheckSettings())
    assert found is not None
    total, cells = found
    patterns = observable_patterns(table.n_lists)
    expected_sizes = total * (cells[1:, None] * patterns).sum(axis=0)
    # Within the rounding of the population to whole people.
    assert expected_sizes == pytest.approx(list(table.list_sizes().values()), rel=2 / total)
    assert total * (1.0 - cells[0]) == pytest.approx(table.observed, rel=2 / total)
    assert cells.sum() == pytest.approx(1.0)
    # The harder the hard-to-record people, the more of them no list holds.
    harder = stressed_population(table, ShapeCheckSettings(harder=8.0))
    assert harder is not None and harder[0] > total


def test_no_stressed_population_fits_lists_that_hold_nearly_everyone():
    table = simulate_table(2000, independent_cells([0.85, 0.8, 0.9, 0.85, 0.8]), seed=1)
    assert stressed_population(table, ShapeCheckSettings()) is None
    assert check_shapes([table, None], ShapeCheckSettings()) == [None, None]


def test_the_check_fails_where_the_lists_cannot_see_the_hard_to_record():
    (check,) = check_shapes([registry_table()], ShapeCheckSettings(), seed=1)
    assert check is not None and not check.passed
    assert check.tables == 20 and check.held < 18
    assert check.high_factor > 1.05 and check.low_factor <= 1.0 and check.bias_factor > 1.0
    assert f"held the true total in {check.held}" in check.message


def test_the_check_passes_when_nobody_is_harder_to_record():
    # With "1 time harder" the simulated population is the one the model assumes at its
    # simplest: its intervals hold the truth and the check leaves the lead as it is.
    table = simulate_table(1000, independent_cells([0.3, 0.25, 0.35, 0.2, 0.3]), seed=2)
    (check,) = check_shapes([table], ShapeCheckSettings(harder=1.0), seed=1)
    assert check is not None and check.passed and check.held >= 18
    assert (check.low_factor, check.high_factor, check.bias_factor) == (1.0, 1.0, 1.0)


def test_a_failed_check_widens_the_lead_and_says_so():
    table = registry_table()
    report = estimate_all(table, seed=1)
    lead = report.lead
    latent = report.by_method("latent_class")[0]
    assert lead["kind"] == "estimate" and lead["method"] == "latent_class"
    assert latent.recommended and lead["estimate"] == latent.estimate
    assert lead["why"] == "shape_check"
    assert lead["upper"] > latent.upper and lead["lower"] <= latent.lower
    check = lead["shape_check"]
    assert not check["passed"] and lead["upper"] == pytest.approx(
        latent.upper * check["high_factor"]
    )
    assert "shape_check_failed" in {w.code for w in report.warnings}
    assert "shape_check_failed" in {w.code for w in latent.warnings}
    assert "Its interval is widened from" in report.recommendation
    # The check is seeded: the same call gives the same lead.
    assert estimate_all(table, seed=1).lead == lead


def test_the_check_can_be_turned_off():
    table = registry_table()
    off = EstimationSettings(shape_check=ShapeCheckSettings(tables=0))
    report = estimate_all(table, seed=1, settings=off)
    latent = report.by_method("latent_class")[0]
    assert report.lead["why"] == "" and report.lead["shape_check"] == {}
    assert report.lead["upper"] == latent.upper
    assert "shape_check_failed" not in {w.code for w in report.warnings}


def test_the_sum_over_strata_is_checked_on_the_strata_pooled():
    strata = {"north": registry_table(3), "south": registry_table(4)}
    report = estimate_strata(strata, seed=1)
    lead = report.lead
    assert lead["method"] == "latent_class" and lead["why"] == "shape_check"
    total = next(e for e in report.totals if e.method == "latent_class")
    assert total.recommended and lead["upper"] > total.upper
    # Populations shaped like the strata pooled: as many people seen as in all of them.
    pooled = sum(t.observed for t in strata.values())
    assert lead["shape_check"]["population"] > pooled
    for stratum in report.strata.values():
        assert stratum.lead["shape_check"]["tables"] == 20
    assert "shape_check_failed" in {w.code for w in total.warnings}
    assert report.to_dict()["lead"] == lead


@pytest.mark.parametrize(
    "settings",
    [
        {"tables": -1},
        {"hard_share": 1.0},
        {"harder": 0.5},
        {"pass_share": 0.0},
    ],
)
def test_settings_that_make_no_sense_are_refused(settings):
    with pytest.raises(ValueError):
        ShapeCheckSettings(**settings)


def test_tables_of_different_widths_are_checked_in_one_call():
    five = simulate_table(
        600,
        latent_class_cells([0.3, 0.7], [[0.5] * 5, [0.12] * 5]),
        seed=np.random.default_rng(5),
    )
    found = check_shapes([registry_table(), five], ShapeCheckSettings(tables=10), seed=2)
    assert [c.tables if c else None for c in found] == [10, 10]


def test_the_widening_bound_holds_a_further_table_19_times_in_20():
    # Of 20 ratios the bound is the largest; of 60, the 58th smallest (ceil(0.95 x 61)).
    assert prediction_bound(np.arange(20.0), 0.95) == 19.0
    assert prediction_bound(np.arange(60.0), 0.95) == 57.0
    # Drawn many times: a further value exceeds the bound of 20 about 1 time in 21, where the
    # 95th percentile of the same 20 is exceeded about 1 time in 10.
    rng = np.random.default_rng(5)
    draws = rng.lognormal(size=(4000, 21))
    past, further = draws[:, :20], draws[:, 20]
    bound = np.array([prediction_bound(row, 0.95) for row in past])
    assert (further > bound).mean() == pytest.approx(1 / 21, abs=0.012)
    assert (further > np.quantile(past, 0.95, axis=1)).mean() > 0.07
