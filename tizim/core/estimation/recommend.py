"""Which figure a report leads with, by a rule written down (docs/estimation.md, "The lead").

1. **Usable**: an estimate with a closed interval, from a model that converged and gave a
   finite answer (no ``no_estimate``, ``not_converged``, ``too_many_lists`` or
   ``open_interval`` warning).
2. **One answer**: a posterior with more than one mode is not led with as one number (its
   median falls between the answers); it still counts in the range below.
3. **Sparse cells**: when most cells hold fewer than three people, the stepwise log-linear
   model's interactions rest on a handful of people and its interval ignores that the model
   was chosen from the data; it is then not led with (it still counts in the range).
4. **Agreement**: the models that allow for dependence or heterogeneity (all but
   independence, a baseline that is wrong whenever they are right) must agree within their
   intervals: if one model's interval lies wholly above another's, the lead is the **range**
   of their estimates, with the outermost interval bounds, not one number.
5. Otherwise the lead is **one estimate**, the first usable one in the order latent classes,
   stepwise log-linear, graphical model average, chosen log-linear model, independence: the
   order of interval coverage over the scenarios of the simulation study
   (``bench/estimation_sim.py``, docs/benchmarks.md), heterogeneous capture weighing most.
6. **The simulation check on the table's own shape** (:mod:`.shape_check`): a latent-class
   lead whose interval would not have held the truth on tables shaped like this one, drawn
   from a population of hard-to-record people, is led with an interval widened to hold the
   truth in 19 of 20 such tables (:func:`lead_after_check`); the model's own interval stays
   beside it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from tizim.core.estimation import warnings as codes
from tizim.core.estimation.results import ModelEstimate
from tizim.core.estimation.shape_check import ShapeCheck
from tizim.core.estimation.warnings import EstimationWarning

INDEPENDENCE = "independence"
STEPWISE_AIC = "stepwise_aic"
LOGLINEAR = "loglinear"
GRAPHICAL_BMA = "graphical_bma"
LATENT_CLASS = "latent_class"
# Order of preference for a single lead (see the module docstring, point 5).
PREFERENCE = (LATENT_CLASS, STEPWISE_AIC, GRAPHICAL_BMA, LOGLINEAR, INDEPENDENCE)
BLOCKING = {codes.NO_ESTIMATE, codes.NOT_CONVERGED, codes.TOO_MANY_LISTS, codes.OPEN_INTERVAL}

ESTIMATE, RANGE, NONE = "estimate", "range", "none"
# Appended to a method's name where the lead's interval is the one the simulation check on the
# table's shape widened (e.g. "latent_class_widened", as a run's headline records it).
WIDENED = "_widened"


@dataclass
class Lead:
    """What a report leads with: one ``estimate`` (``kind`` "estimate", from ``method``), the
    ``range`` of the models' estimates (``low``–``high``, with the outermost interval bounds
    ``lower``–``upper``), or nothing usable (``none``); ``reasons`` say why. ``why`` is
    "disagreement" for a range (the models disagree beyond their intervals) and "shape_check"
    for an estimate whose interval the simulation check on the table's shape widened;
    ``shape_check`` holds the check's figures whenever it ran."""

    kind: str
    text: str
    method: str = ""
    estimate: float | None = None
    low: float | None = None
    high: float | None = None
    lower: float | None = None
    upper: float | None = None
    reasons: list[str] = field(default_factory=list)
    why: str = ""
    shape_check: dict[str, object] = field(default_factory=dict)

    def to_dict(self) -> dict[str, object]:
        """Plain data."""
        return {
            "kind": self.kind,
            "text": self.text,
            "method": self.method,
            "estimate": self.estimate,
            "low": self.low,
            "high": self.high,
            "lower": self.lower,
            "upper": self.upper,
            "reasons": list(self.reasons),
            "why": self.why,
            "shape_check": dict(self.shape_check),
        }


def choose_lead(
    estimates: Sequence[ModelEstimate], table_warnings: Sequence[EstimationWarning] = ()
) -> Lead:
    """Apply the rule; marks the estimate led with as ``recommended`` (none for a range)."""
    reasons: list[str] = []
    usable = [e for e in estimates if _usable(e)]
    for estimate in estimates:
        if estimate not in usable and estimate.estimate is not None:
            reasons.append(f"{estimate.method}: not usable ({_blocking(estimate)}).")
    if not usable:
        return Lead(NONE, "No method gave a usable estimate; see the warnings.", reasons=reasons)
    sparse = any(w.code == codes.SPARSE_CELLS for w in table_warnings)
    compared = [e for e in usable if e.method != INDEPENDENCE] or usable
    low_end = max(compared, key=lambda e: _number(e.lower))
    high_end = min(compared, key=lambda e: _number(e.upper))
    if _number(low_end.lower) > _number(high_end.upper):
        return _range(compared, low_end, high_end, reasons)
    for method in PREFERENCE:
        for estimate in usable:
            if estimate.method != method:
                continue
            if _multimodal(estimate):
                reasons.append(f"{method}: its posterior has more than one mode.")
                continue
            if sparse and method == STEPWISE_AIC:
                reasons.append(f"{method}: sparse cells (its chosen interactions rest on few).")
                continue
            estimate.recommended = True
            return lead_with(
                estimate, f"Recommended: {method} ({estimate.interval_kind} interval).", reasons
            )
    return Lead(NONE, "No method gave a usable estimate; see the warnings.", reasons=reasons)


def lead_with(estimate: ModelEstimate, text: str, reasons: Sequence[str] = ()) -> Lead:
    """A lead of one estimate (its method, value and interval), said as ``text``."""
    return Lead(
        ESTIMATE,
        text,
        method=estimate.method,
        estimate=estimate.estimate,
        lower=estimate.lower,
        upper=estimate.upper,
        reasons=list(reasons),
    )


def checks_lead(lead: Lead) -> bool:
    """Whether the simulation check on the table's shape applies: the lead is one
    latent-class estimate."""
    return lead.kind == ESTIMATE and lead.method == LATENT_CLASS


def lead_after_check(lead: Lead, check: ShapeCheck | None) -> Lead:
    """The lead once the simulation check on the table's shape has run (rule point 6): the
    same estimate, its interval widened by the check's factors when the check failed (the
    model's own interval stays on the estimate itself); the check's figures in either case."""
    if check is None or not checks_lead(lead):
        return lead
    lead.shape_check = check.to_dict()
    if check.passed or lead.lower is None or lead.upper is None:
        return lead
    own = f"{lead.lower:,.0f}–{lead.upper:,.0f}"
    lead.lower, lead.upper = lead.lower * check.low_factor, lead.upper * check.high_factor
    lead.why = "shape_check"
    lead.text += (
        f" Its interval is widened from {own} to {lead.lower:,.0f}–{lead.upper:,.0f}: on "
        f"{check.tables} tables shaped like this one, drawn from a population with "
        f"{check.settings.population_text}, the model's interval held the true total in only "
        f"{check.held}."
    )
    return lead


def _range(
    compared: list[ModelEstimate],
    low_end: ModelEstimate,
    high_end: ModelEstimate,
    reasons: list[str],
) -> Lead:
    values = [e.estimate for e in compared if e.estimate is not None]
    low, high = min(values), max(values)
    lower = min(_number(e.lower) for e in compared)
    upper = max(_number(e.upper) for e in compared)
    reasons.append(
        f"{low_end.method}'s interval ({_interval(low_end)}) lies wholly above "
        f"{high_end.method}'s ({_interval(high_end)})."
    )
    return Lead(
        RANGE,
        f"Lead with the range {low:,.0f}–{high:,.0f} (intervals from {lower:,.0f} to "
        f"{upper:,.0f}), not one number: the models disagree by more than their intervals.",
        low=low,
        high=high,
        lower=lower,
        upper=upper,
        reasons=reasons,
        why="disagreement",
    )


def _usable(estimate: ModelEstimate) -> bool:
    return (
        estimate.estimate is not None
        and estimate.lower is not None
        and estimate.upper is not None
        and not _blocking(estimate)
    )


def _blocking(estimate: ModelEstimate) -> str:
    found = sorted({w.code for w in estimate.warnings if w.code in BLOCKING})
    if (
        estimate.estimate is not None
        and estimate.upper is None
        and codes.OPEN_INTERVAL not in found
    ):
        found.append(codes.OPEN_INTERVAL)
    return ", ".join(found)


def _multimodal(estimate: ModelEstimate) -> bool:
    modes = estimate.details.get("modes")
    return isinstance(modes, list) and len(modes) > 1


def _interval(estimate: ModelEstimate) -> str:
    return f"{_number(estimate.lower):,.0f}–{_number(estimate.upper):,.0f}"


def _number(value: float | None) -> float:
    return float("nan") if value is None else float(value)
