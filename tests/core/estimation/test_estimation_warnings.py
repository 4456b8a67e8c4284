"""Each warning fires on a table built to trigger it, and not on a healthy table."""

from __future__ import annotations

from pathlib import Path

import pytest

from tizim.core.estimation import (
    GRAPHICAL_BMA,
    INDEPENDENCE,
    LATENT_CLASS,
    STEPWISE_AIC,
    CaptureHistoryTable,
    EstimationSettings,
    LatentClassSettings,
    ModelEstimate,
    WarningThresholds,
    estimate_all,
)
from tizim.core.estimation import warnings as warning_codes
from tizim.core.estimation.checks import check_agreement, check_table
from tizim.core.estimation.simulate import independent_cells, simulate_table

DATA = Path(__file__).parent / "data"
FAST = (INDEPENDENCE, STEPWISE_AIC, GRAPHICAL_BMA)


def codes(warnings):
    return {w.code for w in warnings}


@pytest.fixture(scope="module")
def healthy() -> CaptureHistoryTable:
    """Four lists that each record about half of the people, independently: nothing to warn
    about. (With only three lists the latent-class model is barely identified and its chains
    mix slowly; that is warned about, rightly.)"""
    return simulate_table(3000, independent_cells([0.5, 0.45, 0.55, 0.4]), seed=1)


def test_a_healthy_table_raises_no_warning_with_any_method(healthy):
    report = estimate_all(healthy, seed=1)
    assert report.warnings == []
    for estimate in report.estimates:
        assert estimate.warnings == [], (estimate.method, estimate.warnings)
    assert {e.method for e in report.estimates} == {
        INDEPENDENCE,
        STEPWISE_AIC,
        GRAPHICAL_BMA,
        LATENT_CLASS,
    }


def test_too_few_overlaps():
    table = CaptureHistoryTable(
        ["A", "B", "C"], {(1, 0, 0): 300, (0, 1, 0): 200, (0, 0, 1): 150, (1, 1, 0): 6}
    )
    found = {w.code: w for w in check_table(table)}
    assert warning_codes.TOO_FEW_OVERLAPS in found
    assert found[warning_codes.TOO_FEW_OVERLAPS].details["on_two_or_more_lists"] == 6
    assert "Only 6 of 656 people" in found[warning_codes.TOO_FEW_OVERLAPS].message
    relaxed = WarningThresholds(min_overlap_records=5)
    assert warning_codes.TOO_FEW_OVERLAPS not in codes(check_table(table, relaxed))


def test_a_list_contained_in_another():
    table = CaptureHistoryTable(
        ["Big", "Copy", "Other"],
        {(1, 0, 0): 300, (1, 1, 0): 40, (1, 1, 1): 10, (0, 0, 1): 90, (1, 0, 1): 30},
    )
    found = [w for w in check_table(table) if w.code == warning_codes.LIST_SUBSET]
    assert len(found) == 1
    assert found[0].details == {"subset": "Copy", "of": "Big", "size": 50}
    assert "Every one of the 50 people on Copy is also on Big" in found[0].message


def test_two_identical_lists_are_reported_once():
    table = CaptureHistoryTable(["A", "B", "C"], {(1, 1, 0): 40, (0, 0, 1): 90, (1, 1, 1): 30})
    found = [w for w in check_table(table) if w.code == warning_codes.LIST_SUBSET]
    assert len(found) == 1
    assert "exactly the same people" in found[0].message


def test_sparse_cells():
    table = simulate_table(150, independent_cells([0.2, 0.15, 0.25, 0.1, 0.2, 0.15]), seed=2)
    found = {w.code: w for w in check_table(table)}
    assert warning_codes.SPARSE_CELLS in found
    assert found[warning_codes.SPARSE_CELLS].details["cells"] == 63


def test_fewer_than_two_lists_with_people_gives_no_estimate_but_a_warning():
    table = CaptureHistoryTable(["lawyer", "radio", "ngo"], {(1, 0, 0): 57})
    report = estimate_all(table, FAST)
    assert report.estimates == []
    assert report.recommended is None
    assert codes(report.warnings) == {warning_codes.EMPTY_LIST, warning_codes.TOO_FEW_LISTS}
    too_few = next(w for w in report.warnings if w.code == warning_codes.TOO_FEW_LISTS)
    assert too_few.details == {"lists_with_people": ["lawyer"]}


def test_an_empty_list_is_left_out_with_a_warning(healthy):
    counts = {(*pattern, 0): count for pattern, count in healthy.counts_by_pattern().items()}
    table = CaptureHistoryTable([*healthy.lists, "Empty"], counts)
    report = estimate_all(table, FAST)
    assert report.lists == healthy.lists
    assert codes(report.warnings) == {warning_codes.EMPTY_LIST}
    plain = estimate_all(healthy, FAST)
    assert [e.estimate for e in report.estimates] == [e.estimate for e in plain.estimates]


def _estimate(method: str, value: float) -> ModelEstimate:
    return ModelEstimate(method, method, 100, value, value * 0.9, value * 1.1, "none")


def test_models_that_disagree_are_flagged_with_every_estimate_side_by_side():
    warning = check_agreement([_estimate("a", 1000.0), _estimate("b", 1600.0)])
    assert warning is not None and warning.code == warning_codes.UNSTABLE_MODELS
    assert "1,000 to 1,600" in warning.message
    assert "a 1,000; b 1,600" in warning.message
    assert warning.details["ratio"] == pytest.approx(1.6)
    assert check_agreement([_estimate("a", 1000.0), _estimate("b", 1400.0)]) is None
    assert check_agreement([_estimate("a", 1000.0)]) is None


def test_kosovo_models_disagree_and_say_so():
    table = CaptureHistoryTable.from_csv(DATA / "kosovo1999_4lists.csv")
    report = estimate_all(table, FAST)
    assert warning_codes.UNSTABLE_MODELS in codes(report.warnings)
    assert all(warning_codes.UNSTABLE_MODELS in codes(e.warnings) for e in report.estimates)


def test_chains_too_short_to_converge_are_flagged_and_not_recommended(healthy):
    short = EstimationSettings(
        latent_class=LatentClassSettings(start=0, burn_in=0, samples=20, extensions=0)
    )
    report = estimate_all(healthy, seed=3, settings=short)
    latent = report.by_method(LATENT_CLASS)[0]
    assert warning_codes.NOT_CONVERGED in codes(latent.warnings)
    flagged = next(w for w in latent.warnings if w.code == warning_codes.NOT_CONVERGED)
    assert "R-hat" in flagged.message
    assert not latent.recommended
    assert report.recommended is not None
    assert report.recommended.method == STEPWISE_AIC
    assert "latent_class: not usable (not_converged)." in report.lead["reasons"]


def test_no_finite_estimate_is_a_warning_not_a_crash():
    table = CaptureHistoryTable(["A", "B"], {(1, 0): 30, (0, 1): 20})
    report = estimate_all(table, (INDEPENDENCE, STEPWISE_AIC))
    assert [e.estimate for e in report.estimates] == [None, None]
    assert all(warning_codes.NO_ESTIMATE in codes(e.warnings) for e in report.estimates)
    assert report.recommended is None
    assert warning_codes.TOO_FEW_OVERLAPS in codes(report.warnings)


def test_interactions_that_cannot_be_estimated_are_reported():
    table = CaptureHistoryTable.from_csv(DATA / "uk2013_modern_slavery_5lists.csv")
    report = estimate_all(table, (STEPWISE_AIC,))
    stepwise = report.estimates[0]
    not_estimable = warning_codes.INTERACTIONS_NOT_ESTIMABLE
    warning = next(w for w in stepwise.warnings if w.code == not_estimable)
    assert warning.details == {"interactions": ["LA:GP"]}
