"""The entry points: estimate_all and estimate_strata, what they return and how it serialises."""

from __future__ import annotations

import json

import numpy as np
import pytest

from tizim.core.estimation import (
    DEFAULT_METHODS,
    GRAPHICAL_BMA,
    INDEPENDENCE,
    LATENT_CLASS,
    LOGLINEAR,
    STEPWISE_AIC,
    CaptureHistoryTable,
    EstimationSettings,
    LatentClassSettings,
    estimate_all,
    estimate_strata,
    tables_by_stratum,
)
from tizim.core.estimation.simulate import independent_cells, loglinear_cells, simulate_table

QUICK = EstimationSettings(latent_class=LatentClassSettings(burn_in=200, samples=300))
REQUIRED = {"observed", "estimate", "lower", "upper", "model", "method", "interval_kind"}


@pytest.fixture(scope="module")
def table() -> CaptureHistoryTable:
    return simulate_table(1200, independent_cells([0.4, 0.35, 0.45, 0.3]), seed=12)


def test_every_default_method_gives_a_serialisable_estimate_and_one_is_recommended(table):
    report = estimate_all(table, seed=5)
    assert [e.method for e in report.estimates] == list(DEFAULT_METHODS)
    assert sum(e.recommended for e in report.estimates) == 1
    assert report.recommended is not None
    assert report.recommended.method == LATENT_CLASS
    assert report.recommendation.startswith("Recommended: latent_class")
    for estimate in report.estimates:
        data = estimate.to_dict()
        assert set(data) >= REQUIRED
        assert data["observed"] == table.observed
        assert data["unobserved"] == pytest.approx(data["estimate"] - data["observed"])
        assert data["lower"] <= data["estimate"] <= data["upper"]
        assert abs(data["estimate"] - 1200) < 0.1 * 1200
    whole = json.loads(json.dumps(report.to_dict()))
    assert whole["observed"] == table.observed
    assert {tuple(row["lists"]) for row in whole["overlaps"]} == {
        r.lists_on for r in table.overlap_rows()
    }
    kinds = {e["method"]: e["interval_kind"] for e in whole["estimates"]}
    assert kinds == {
        INDEPENDENCE: "profile-likelihood",
        STEPWISE_AIC: "profile-likelihood",
        GRAPHICAL_BMA: "bayesian-credible",
        LATENT_CLASS: "bayesian-credible",
    }
    latent = report.by_method(LATENT_CLASS)[0]
    assert {"rhat", "ess", "chains"} <= set(latent.details)


def test_the_same_seed_gives_the_same_report_and_another_seed_another(table):
    first = estimate_all(table, seed=7, settings=QUICK).to_dict()
    again = estimate_all(table, seed=7, settings=QUICK).to_dict()
    other = estimate_all(table, seed=8, settings=QUICK).to_dict()
    assert first == again
    assert first != other


def test_bootstrap_intervals_come_as_extra_estimates_of_the_same_models(table):
    settings = EstimationSettings(intervals=("profile", "bootstrap"), bootstrap_replicates=200)
    report = estimate_all(table, (INDEPENDENCE, STEPWISE_AIC), seed=1, settings=settings)
    kinds = [(e.method, e.interval_kind) for e in report.estimates]
    assert kinds == [
        (INDEPENDENCE, "profile-likelihood"),
        (INDEPENDENCE, "parametric-bootstrap"),
        (STEPWISE_AIC, "profile-likelihood"),
        (STEPWISE_AIC, "parametric-bootstrap"),
    ]
    profile, boot = report.by_method(INDEPENDENCE)
    assert profile.estimate == boot.estimate
    assert profile.lower != boot.lower


def test_chosen_interactions_are_fitted_and_impossible_ones_left_out():
    cells = loglinear_cells([0.3, 0.25, 0.3], {(0, 1): 1.5})
    table = simulate_table(2000, cells, seed=4)
    settings = EstimationSettings(interactions=(("A", "B"),))
    fitted = estimate_all(table, (LOGLINEAR,), settings=settings).estimates[0]
    assert fitted.model == "A + B + C + A:B"
    assert abs(fitted.estimate - 2000) < 0.1 * 2000
    no_overlap = CaptureHistoryTable(
        ["A", "B", "C"], {(1, 0, 0): 50, (0, 1, 0): 40, (1, 0, 1): 20, (0, 1, 1): 10}
    )
    report = estimate_all(no_overlap, (LOGLINEAR,), settings=settings)
    assert report.estimates[0].model == "A + B + C"
    assert "interactions_not_estimable" in {w.code for w in report.estimates[0].warnings}


@pytest.mark.parametrize(
    ("methods", "settings", "message"),
    [
        (("bayes",), None, "unknown method"),
        ((), None, "unknown method"),
        ((LOGLINEAR,), None, "settings.interactions"),
    ],
)
def test_bad_requests_are_refused(table, methods, settings, message):
    with pytest.raises(ValueError, match=message):
        estimate_all(table, methods, settings=settings)


def test_bad_settings_are_refused():
    with pytest.raises(ValueError, match="unknown interval kind"):
        EstimationSettings(intervals=("wald",))
    with pytest.raises(ValueError, match="between 0 and 1"):
        EstimationSettings(level=1.5)


def test_strata_from_person_sets_with_sums_over_strata():
    rng = np.random.default_rng(3)
    people = []
    truth = {"Almaty": 900, "Taraz": 500, "Zhanaozen": 300}
    for region, size in truth.items():
        for _ in range(size):
            lists = {
                name
                for name, p in (("lawyer", 0.45), ("radio", 0.35), ("ngo", 0.4), ("hrw", 0.3))
                if rng.random() < p
            }
            people.append((region, lists))
    tables = tables_by_stratum(people)
    assert list(tables) == list(truth)
    settings = EstimationSettings(intervals=("profile", "bootstrap"), bootstrap_replicates=200)
    report = estimate_strata(tables, seed=2, settings=settings)
    assert list(report.strata) == list(truth)
    for region, stratum in report.strata.items():
        lcm = stratum.by_method(LATENT_CLASS)[0]
        assert lcm.lower <= truth[region] <= lcm.upper
    totals = {(t.method, t.details["interval_kind_of_strata"]): t for t in report.totals}
    latent_total = totals[(LATENT_CLASS, "bayesian-credible")]
    assert latent_total.lower <= sum(truth.values()) <= latent_total.upper
    assert latent_total.observed == sum(t.observed for t in tables.values())
    parts = sum(s.by_method(LATENT_CLASS)[0].estimate for s in report.strata.values())
    assert latent_total.estimate == pytest.approx(parts, rel=0.03)
    boot_total = totals[(STEPWISE_AIC, "parametric-bootstrap")]
    assert boot_total.lower <= sum(truth.values()) <= boot_total.upper
    profile_total = totals[(STEPWISE_AIC, "profile-likelihood")]
    assert profile_total.interval_kind == "none"
    assert profile_total.lower is None and profile_total.upper is None
    assert "do not add up" in profile_total.warnings[0].message
    json.dumps(report.to_dict())


def test_a_stratum_without_an_estimate_leaves_the_sum_without_one():
    tables = {
        "fine": simulate_table(800, independent_cells([0.4, 0.35, 0.45, 0.3]), seed=1),
        "one list": CaptureHistoryTable(["A", "B", "C", "D"], {(1, 0, 0, 0): 12}),
    }
    report = estimate_strata(tables, (INDEPENDENCE, GRAPHICAL_BMA))
    assert report.strata["one list"].estimates == []
    assert all(t.estimate is None for t in report.totals)
    assert "one list" in report.totals[0].warnings[0].message


def test_two_lists_get_log_linear_estimates_but_no_latent_classes():
    table = CaptureHistoryTable(["A", "B"], {(1, 0): 300, (0, 1): 200, (1, 1): 60})
    report = estimate_all(table)
    assert report.by_method(INDEPENDENCE)[0].estimate == pytest.approx(1560)
    latent = report.by_method(LATENT_CLASS)[0]
    assert latent.estimate is None
    assert "at least 3 lists" in latent.warnings[-1].message
    assert report.recommended is report.by_method(STEPWISE_AIC)[0]
    # The only interaction would saturate the model: stepwise stays with independence.
    assert report.recommended.estimate == pytest.approx(1560)
