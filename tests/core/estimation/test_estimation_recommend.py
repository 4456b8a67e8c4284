"""The lead of a report follows the written rule (docs/estimation.md): usable, converged,
one-mode estimates; a range where the models disagree beyond their intervals; else one
estimate in the stated order, with sparse cells keeping the stepwise model out of the lead."""

from __future__ import annotations

from tizim.core.estimation import warnings as warning_codes
from tizim.core.estimation.recommend import RANGE, choose_lead
from tizim.core.estimation.results import ModelEstimate
from tizim.core.estimation.warnings import EstimationWarning

SPARSE = EstimationWarning(warning_codes.SPARSE_CELLS, "sparse")


def _estimate(method: str, value: float, lower: float, upper: float, **details) -> ModelEstimate:
    return ModelEstimate(
        method, method, 100, value, lower, upper, "bayesian-credible", details=details
    )


def test_models_that_agree_within_their_intervals_lead_with_the_preferred_one():
    latent = _estimate("latent_class", 1000.0, 800.0, 1300.0)
    stepwise = _estimate("stepwise_aic", 950.0, 850.0, 1100.0)
    lead = choose_lead([stepwise, latent])
    assert lead.kind == "estimate" and lead.method == "latent_class"
    assert latent.recommended and not stepwise.recommended


def test_models_that_disagree_beyond_their_intervals_lead_with_the_range():
    """The UK 2013 situation: latent classes 15,345-34,076, stepwise AIC 9,889-13,063."""
    latent = _estimate("latent_class", 21_820.0, 15_345.0, 34_076.0)
    stepwise = _estimate("stepwise_aic", 11_313.0, 9_889.0, 13_063.0)
    independence = _estimate("independence", 13_444.0, 11_985.0, 15_166.0)
    lead = choose_lead([independence, stepwise, latent])
    assert lead.kind == RANGE
    assert (lead.low, lead.high) == (11_313.0, 21_820.0)
    assert (lead.lower, lead.upper) == (9_889.0, 34_076.0)
    assert "range 11,313–21,820" in lead.text
    assert not any(e.recommended for e in (independence, stepwise, latent))


def test_independence_alone_does_not_force_a_range():
    """Independence is a baseline: it disagreeing with the models that allow for dependence
    is expected, and says nothing about whether those agree."""
    latent = _estimate("latent_class", 1000.0, 800.0, 1300.0)
    independence = _estimate("independence", 600.0, 560.0, 640.0)
    assert choose_lead([independence, latent]).method == "latent_class"


def test_unconverged_multimodal_and_sparse_stepwise_estimates_are_not_led_with():
    flagged = _estimate("latent_class", 1000.0, 800.0, 1300.0)
    flagged.warnings.append(EstimationWarning(warning_codes.NOT_CONVERGED, "R-hat 1.4"))
    bimodal = _estimate(
        "graphical_bma", 1000.0, 700.0, 1400.0, modes=[{"at": 800.0}, {"at": 1200.0}]
    )
    stepwise = _estimate("stepwise_aic", 950.0, 850.0, 1100.0)
    independence = _estimate("independence", 900.0, 850.0, 950.0)
    lead = choose_lead([flagged, bimodal, stepwise, independence])
    assert lead.method == "stepwise_aic"
    sparse = choose_lead([flagged, bimodal, stepwise, independence], [SPARSE])
    assert sparse.method == "independence"
    assert any("sparse cells" in reason for reason in sparse.reasons)
    assert any("more than one mode" in reason for reason in sparse.reasons)
    assert any("not_converged" in reason for reason in sparse.reasons)


def test_open_intervals_and_missing_estimates_give_no_lead():
    open_ended = _estimate("stepwise_aic", 900.0, 700.0, None)
    missing = ModelEstimate("latent_class", "x", 100, None, None, None, "none")
    lead = choose_lead([open_ended, missing])
    assert lead.kind == "none" and "No method" in lead.text
