"""Poisson log-linear models, the stepwise AIC procedure and their intervals."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from statsmodels.genmod.families import Poisson
from statsmodels.genmod.generalized_linear_model import GLM

from tizim.core.estimation import (
    CaptureHistoryTable,
    NoFiniteEstimate,
    bootstrap_interval,
    fit_loglinear,
    profile_interval,
    stepwise_aic,
)
from tizim.core.estimation.loglinear import _checked_fit, _stepwise_search, design_matrix
from tizim.core.estimation.simulate import independent_cells, loglinear_cells, simulate_table

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def uk() -> CaptureHistoryTable:
    return CaptureHistoryTable.from_csv(DATA / "uk2013_modern_slavery_5lists.csv")


def test_two_lists_under_independence_give_the_lincoln_petersen_estimate():
    # n1 = 300 + 60, n2 = 200 + 60, both = 60: N = n1 * n2 / both = 1560.
    table = CaptureHistoryTable(["A", "B"], {(1, 0): 300, (0, 1): 200, (1, 1): 60})
    fit = fit_loglinear(table)
    assert fit.estimate == pytest.approx(360 * 260 / 60, rel=1e-9)
    assert fit.unobserved == pytest.approx(300 * 200 / 60, rel=1e-9)
    assert fit.name == "independence"


def test_the_fast_solver_agrees_with_statsmodels(uk):
    interactions = [(0, 1), (1, 4), (2, 4)]
    X = design_matrix(5, interactions)
    y = uk.cell_counts().astype(float)
    ours = _checked_fit(X, y)
    assert ours is not None
    reference = GLM(y, X, family=Poisson()).fit(tol=1e-12)
    np.testing.assert_allclose(ours.beta, reference.params, rtol=1e-7, atol=1e-9)
    assert ours.deviance == pytest.approx(reference.deviance, rel=1e-9)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_independence_model_recovers_the_population_within_its_intervals(seed):
    population = 2000
    table = simulate_table(population, independent_cells([0.3, 0.2, 0.25, 0.15]), seed=seed)
    fit = fit_loglinear(table)
    assert abs(fit.estimate - population) / population < 0.06
    profile = profile_interval(table)
    assert profile.lower < fit.estimate < profile.upper
    assert profile.lower <= population <= profile.upper
    boot = bootstrap_interval(table, replicates=300, seed=seed)
    assert boot.lower <= population <= boot.upper
    assert boot.kind == "parametric-bootstrap"
    assert profile.kind == "profile-likelihood"


def test_interval_kinds_agree_roughly_and_narrow_with_the_level():
    table = simulate_table(1500, independent_cells([0.3, 0.25, 0.2]), seed=11)
    wide = profile_interval(table, level=0.95)
    narrow = profile_interval(table, level=0.8)
    assert wide.lower < narrow.lower < narrow.upper < wide.upper
    boot = bootstrap_interval(table, replicates=400, seed=5)
    assert boot.upper is not None and wide.upper is not None
    assert boot.lower == pytest.approx(wide.lower, rel=0.05)
    assert boot.upper == pytest.approx(wide.upper, rel=0.05)


def test_bootstrap_is_repeatable_with_its_seed():
    table = simulate_table(1500, independent_cells([0.3, 0.25, 0.2]), seed=4)
    first = bootstrap_interval(table, replicates=100, seed=7)
    again = bootstrap_interval(table, replicates=100, seed=7)
    other = bootstrap_interval(table, replicates=100, seed=8)
    assert (first.lower, first.upper) == (again.lower, again.upper)
    assert (first.lower, first.upper) != (other.lower, other.upper)


def test_stepwise_finds_the_dependent_pair_and_corrects_the_independence_bias():
    population = 3000
    cells = loglinear_cells([0.25, 0.2, 0.3, 0.2], {(0, 1): 2.0})
    table = simulate_table(population, cells, seed=21)
    independence = fit_loglinear(table)
    result = stepwise_aic(table)
    assert result.steps[0].interaction == ("A", "B")
    assert result.steps[0].accepted
    assert ("A", "B") in result.fit.interactions
    # Positive dependence makes the independence model count too few people.
    assert independence.estimate < 0.93 * population
    assert abs(result.fit.estimate - population) / population < 0.06


def test_stepwise_skips_interactions_between_lists_that_share_no_one(uk):
    result = stepwise_aic(uk)
    assert ("LA", "GP") in result.not_estimable
    assert ("LA", "GP") not in result.fit.interactions
    assert result.steps[-1].accepted is False


def test_stepwise_stops_when_the_best_interaction_is_not_significant():
    table = simulate_table(3000, independent_cells([0.3, 0.2, 0.25, 0.2]), seed=5)
    strict = stepwise_aic(table, p_threshold=1e-12)
    assert strict.fit.interactions == ()
    outcome = _stepwise_search(table.cell_counts().astype(float), 4, 1e-12)
    assert outcome is not None and outcome.pairs == []


def test_no_overlap_means_no_finite_estimate():
    table = CaptureHistoryTable(["A", "B"], {(1, 0): 30, (0, 1): 20})
    with pytest.raises(NoFiniteEstimate, match="overlap"):
        fit_loglinear(table)
    with pytest.raises(NoFiniteEstimate):
        profile_interval(table)
    with pytest.raises(NoFiniteEstimate):
        stepwise_aic(table)


def test_an_interaction_between_lists_without_overlap_has_no_estimate(uk):
    with pytest.raises(NoFiniteEstimate, match="no one is on both lists of interaction"):
        fit_loglinear(uk, [("LA", "GP")])


def test_bad_interactions_are_refused(uk):
    with pytest.raises(ValueError, match="no list named 'XX'"):
        fit_loglinear(uk, [("LA", "XX")])
    with pytest.raises(ValueError, match="same list twice"):
        fit_loglinear(uk, [("LA", "LA")])
    with pytest.raises(ValueError, match="given twice"):
        fit_loglinear(uk, [("LA", "NG"), ("NG", "LA")])
    with pytest.raises(ValueError, match="between 0 and 1"):
        profile_interval(uk, level=95)


def test_a_list_with_nobody_on_it_must_be_left_out_first():
    table = CaptureHistoryTable(["A", "B", "C"], {(1, 0, 0): 30, (0, 1, 0): 20, (1, 1, 0): 8})
    with pytest.raises(NoFiniteEstimate, match="C"):
        fit_loglinear(table)
    assert fit_loglinear(table.without_lists(["C"])).estimate == pytest.approx(38 * 28 / 8)
