"""One entry point: every method on a table (or on strata), with warnings and a recommendation.

    report = estimate_all(table)                 # independence, stepwise AIC, BMA, latent class
    report.recommended                           # the estimate to lead with (marked)
    [e.to_dict() for e in report.estimates]      # all of them, side by side
    estimate_strata(tables_by_region)            # the same per stratum, plus sums over strata

Methods (``methods=``):

* ``independence`` — Poisson log-linear model with main effects only;
* ``stepwise_aic`` — log-linear model chosen by the stepwise AIC procedure of Bales, Hesketh &
  Silverman (2015);
* ``loglinear`` — log-linear model with the two-list interactions in
  ``EstimationSettings.interactions``;
* ``graphical_bma`` — Bayesian model averaging over decomposable graphical models (Madigan &
  York 1997; as HRDAG's dga), exact;
* ``latent_class`` — Bayesian latent-class model for heterogeneous capture (as LCMCR,
  Manrique-Vallier 2016), Gibbs sampler.

Log-linear methods give one estimate per interval kind asked for (``intervals=``: ``profile``
likelihood, the default, and/or parametric ``bootstrap``); the Bayesian ones give the
posterior median and an equal-tailed credible interval.

What the report leads with follows the rule of :mod:`.recommend` (written out in
docs/estimation.md): usable, converged, one-mode estimates only; the models that allow for
dependence or heterogeneity must agree within their intervals, else the lead is their range;
otherwise the first of latent classes, stepwise log-linear, graphical model average, chosen
log-linear model, independence. All estimates are always returned, and when they disagree by
more than ``unstable_factor`` a warning says so.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Mapping, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import TypeVar

import numpy as np

from tizim.core.estimation import warnings as codes
from tizim.core.estimation.checks import WarningThresholds, check_agreement, check_table
from tizim.core.estimation.graphical import MAX_LISTS, fit_graphical_bma
from tizim.core.estimation.latent_class import MIN_LISTS as LATENT_MIN_LISTS
from tizim.core.estimation.latent_class import (
    LatentClassPosterior,
    LatentClassSettings,
    fit_latent_class_batch,
)
from tizim.core.estimation.loglinear import (
    Interaction,
    Interval,
    LoglinearFit,
    NoFiniteEstimate,
    bootstrap_interval,
    fit_loglinear,
    pair_overlap,
    profile_interval,
    stepwise_aic,
)
from tizim.core.estimation.modes import Mode, describe_modes, modes_of_density, modes_of_draws
from tizim.core.estimation.recommend import (
    ESTIMATE,
    GRAPHICAL_BMA,
    INDEPENDENCE,
    LATENT_CLASS,
    LOGLINEAR,
    NONE,
    STEPWISE_AIC,
    Lead,
    checks_lead,
    choose_lead,
    lead_after_check,
    lead_with,
)
from tizim.core.estimation.results import (
    BOOTSTRAP,
    CREDIBLE,
    NO_INTERVAL,
    PROFILE,
    EstimationReport,
    ModelEstimate,
    StratifiedReport,
)
from tizim.core.estimation.shape_check import ShapeCheck, ShapeCheckSettings, check_shapes_soon
from tizim.core.estimation.tables import CaptureHistoryTable
from tizim.core.estimation.warnings import EstimationWarning

Key = TypeVar("Key", bound=Hashable)

METHODS = (INDEPENDENCE, STEPWISE_AIC, LOGLINEAR, GRAPHICAL_BMA, LATENT_CLASS)
DEFAULT_METHODS = (INDEPENDENCE, STEPWISE_AIC, GRAPHICAL_BMA, LATENT_CLASS)
INTERVALS = ("profile", "bootstrap")
_BMA_DRAWS = 4000
_SENSITIVITY_POINTS = 60


@dataclass(frozen=True)
class EstimationSettings:
    """Everything but the table, the methods and the seed.

    ``interactions`` are the two-list interactions of the ``loglinear`` method (pairs of list
    names); ``intervals`` the interval kinds of the log-linear methods; ``p_threshold`` the
    significance an interaction needs in the stepwise procedure; ``level`` the interval level;
    ``shape_check`` the simulation check on the table's shape that a latent-class lead must
    pass (``ShapeCheckSettings(tables=0)`` turns it off).
    """

    interactions: tuple[Interaction, ...] = ()
    intervals: tuple[str, ...] = ("profile",)
    bootstrap_replicates: int = 1000
    p_threshold: float = 0.05
    level: float = 0.95
    latent_class: LatentClassSettings = field(default_factory=LatentClassSettings)
    thresholds: WarningThresholds = field(default_factory=WarningThresholds)
    bma_delta: float | None = None
    shape_check: ShapeCheckSettings = field(default_factory=ShapeCheckSettings)

    def __post_init__(self) -> None:
        unknown = sorted(set(self.intervals) - set(INTERVALS))
        if unknown or not self.intervals:
            raise ValueError(
                f"unknown interval kind(s): {', '.join(unknown) or 'none given'}; "
                f"choose from {', '.join(INTERVALS)}"
            )
        if not 0.0 < self.level < 1.0:
            raise ValueError(f"the interval level must be between 0 and 1, got {self.level}")


def estimate_all(
    table: CaptureHistoryTable,
    methods: Sequence[str] = DEFAULT_METHODS,
    *,
    seed: int | None = 0,
    settings: EstimationSettings | None = None,
) -> EstimationReport:
    """Estimate the total behind one table with each method; seeded, so the same call gives
    the same numbers. Lists with nobody on them are left out (with a warning); with fewer than
    two lists with people the report has no estimates, only the warning."""
    settings = settings or EstimationSettings()
    chosen = _check_methods(methods, settings)
    used, warnings = _prepare(table, settings)
    bootstrap_seed, latent_seed, check_seed = np.random.SeedSequence(seed).spawn(3)
    checks = _start_checks([used], chosen, settings, check_seed)
    posterior = None
    if used is not None and LATENT_CLASS in chosen and used.n_lists >= LATENT_MIN_LISTS:
        posterior = fit_latent_class_batch([used], settings.latent_class, seed=latent_seed)[0]
    report, lead = _report(table, used, warnings, chosen, settings, bootstrap_seed, posterior)
    _check_leads([(report, lead)], checks.result())
    return report


def estimate_strata(
    tables: Mapping[Key, CaptureHistoryTable],
    methods: Sequence[str] = DEFAULT_METHODS,
    *,
    seed: int | None = 0,
    settings: EstimationSettings | None = None,
) -> StratifiedReport[Key]:
    """Estimate every stratum (e.g. region) and, per method, the sum over strata.

    The latent-class chains of all strata with the same number of lists run as one batch (much
    faster than one by one), so a stratum's draws differ from :func:`estimate_all` on it alone,
    reproducibly. Sums: Bayesian posteriors and bootstrap replicates are added draw by draw
    (strata are independent), giving an interval for the sum; profile-likelihood intervals do
    not add up, so their sum carries no interval.

    Each stratum has its lead; the sum leads with the method the strata lead with most often,
    and a latent-class sum passes the simulation check on the shape of all strata together.
    """
    settings = settings or EstimationSettings()
    chosen = _check_methods(methods, settings)
    root = np.random.SeedSequence(seed)
    latent_seed, *stratum_seeds, check_seed = root.spawn(len(tables) + 2)
    prepared = {key: _prepare(table, settings) for key, table in tables.items()}
    # The simulation checks need only the tables: they run beside the models.
    candidates = [used for used, _ in prepared.values()]
    checks = _start_checks([*candidates, _pooled(tables)], chosen, settings, check_seed)

    posteriors: dict[Key, LatentClassPosterior] = {}
    if LATENT_CLASS in chosen:
        by_size: dict[int, list[Key]] = {}
        for key, (used, _) in prepared.items():
            if used is not None and used.n_lists >= LATENT_MIN_LISTS:
                by_size.setdefault(used.n_lists, []).append(key)
        group_seeds = latent_seed.spawn(max(len(by_size), 1))
        for (_, keys), group_seed in zip(sorted(by_size.items()), group_seeds, strict=False):
            batch = [prepared[key][0] for key in keys]
            fitted = fit_latent_class_batch(
                [t for t in batch if t is not None], settings.latent_class, seed=group_seed
            )
            posteriors.update(zip(keys, fitted, strict=True))

    reports: dict[Key, EstimationReport] = {}
    leads: list[tuple[EstimationReport, Lead]] = []
    for (key, (used, warnings)), stratum_seed in zip(prepared.items(), stratum_seeds, strict=True):
        report, lead = _report(
            tables[key], used, warnings, chosen, settings, stratum_seed, posteriors.get(key)
        )
        reports[key] = report
        leads.append((report, lead))
    *strata_checks, pooled_check = checks.result()
    _check_leads(leads, strata_checks)
    totals = _totals(reports, settings.level)
    total_lead = _total_lead(reports, totals, pooled_check)
    return StratifiedReport(strata=reports, totals=totals, lead=total_lead)


# -- internals -------------------------------------------------------------------------------


def _check_methods(methods: Sequence[str], settings: EstimationSettings) -> list[str]:
    if isinstance(methods, str):
        methods = [methods]
    unknown = [m for m in methods if m not in METHODS]
    if unknown or not methods:
        raise ValueError(
            f"unknown method(s): {', '.join(unknown) or 'none given'}; choose from "
            f"{', '.join(METHODS)}"
        )
    if LOGLINEAR in methods and not settings.interactions:
        raise ValueError(
            "the 'loglinear' method fits the interactions given in settings.interactions; "
            "none were given (use 'independence' for none)"
        )
    return list(dict.fromkeys(methods))


def _prepare(
    table: CaptureHistoryTable, settings: EstimationSettings
) -> tuple[CaptureHistoryTable | None, list[EstimationWarning]]:
    warnings = check_table(table, settings.thresholds)
    if any(w.code == codes.TOO_FEW_LISTS for w in warnings):
        return None, warnings
    empty = table.empty_lists()
    return (table.without_lists(empty) if empty else table), warnings


def _report(
    original: CaptureHistoryTable,
    used: CaptureHistoryTable | None,
    table_warnings: list[EstimationWarning],
    methods: Sequence[str],
    settings: EstimationSettings,
    seed: np.random.SeedSequence,
    posterior: LatentClassPosterior | None,
) -> tuple[EstimationReport, Lead]:
    """The report on one table and the lead its estimates earn before the simulation check
    on the table's shape (:func:`_check_leads`)."""
    overlaps = original.overlap_rows()
    if used is None:
        text = "No estimate: fewer than two lists with people."
        report = EstimationReport(
            lists=original.lists,
            observed=original.observed,
            estimates=[],
            warnings=list(table_warnings),
            overlaps=overlaps,
            recommendation=text,
        )
        return report, Lead(NONE, text)
    bootstrap_seed, bma_seed = seed.spawn(2)
    runners: dict[str, Callable[[], list[ModelEstimate]]] = {
        INDEPENDENCE: lambda: _loglinear(used, INDEPENDENCE, settings, bootstrap_seed),
        STEPWISE_AIC: lambda: _loglinear(used, STEPWISE_AIC, settings, bootstrap_seed),
        LOGLINEAR: lambda: _loglinear(used, LOGLINEAR, settings, bootstrap_seed),
        GRAPHICAL_BMA: lambda: [_graphical(used, settings, bma_seed)],
        LATENT_CLASS: lambda: [_latent(used, settings, posterior)],
    }
    estimates = [estimate for method in methods for estimate in runners[method]()]
    warnings = list(table_warnings)
    disagreement = check_agreement(estimates, settings.thresholds)
    if disagreement is not None:
        warnings.append(disagreement)
    for estimate in estimates:
        estimate.warnings = [*table_warnings, *estimate.warnings]
        if disagreement is not None:
            estimate.warnings.append(disagreement)
    lead = choose_lead(estimates, table_warnings)
    report = EstimationReport(
        lists=used.lists,
        observed=used.observed,
        estimates=estimates,
        warnings=warnings,
        # Over the lists used, as ``lists`` is: an empty list left out has no column here.
        overlaps=used.overlap_rows(),
    )
    _set_lead(report, lead)
    return report, lead


def _set_lead(report: EstimationReport, lead: Lead) -> None:
    report.lead = lead.to_dict()
    report.recommendation = lead.text
    disagree = any(w.code == codes.UNSTABLE_MODELS for w in report.warnings)
    if disagree and lead.kind == ESTIMATE:
        report.recommendation += (
            " The models disagree (see the warning): publish the range with it."
        )


def _start_checks(
    tables: Sequence[CaptureHistoryTable | None],
    methods: Sequence[str],
    settings: EstimationSettings,
    seed: np.random.SeedSequence,
) -> Future[list[ShapeCheck | None]]:
    """The simulation checks of the tables a latent-class estimate can be made for (None for
    the others), started in the background (:func:`.shape_check.check_shapes_soon`)."""
    eligible = [
        table
        if table is not None and LATENT_CLASS in methods and table.n_lists >= LATENT_MIN_LISTS
        else None
        for table in tables
    ]
    return check_shapes_soon(eligible, settings.shape_check, level=settings.level, seed=seed)


def _check_leads(
    leads: Sequence[tuple[EstimationReport, Lead]], checks: Sequence[ShapeCheck | None]
) -> None:
    """Rule point 6 (:mod:`.recommend`): every latent-class lead meets the simulation check
    on its table's shape."""
    for (report, lead), check in zip(leads, checks, strict=True):
        if checks_lead(lead):
            warning = _apply_check(lead, report.estimates, check)
            if warning is not None:
                report.warnings.append(warning)
            _set_lead(report, lead)


def _apply_check(
    lead: Lead, estimates: Sequence[ModelEstimate], check: ShapeCheck | None
) -> EstimationWarning | None:
    """The simulation check's outcome on ``lead`` (in place); when the check failed, its
    warning, also given to the estimates of the lead's method."""
    lead_after_check(lead, check)
    if check is None or check.passed:
        return None
    warning = EstimationWarning(codes.SHAPE_CHECK, check.message, check.to_dict())
    for estimate in estimates:
        if estimate.method == lead.method:
            estimate.warnings.append(warning)
    return warning


def _no_estimate(
    method: str, model: str, observed: int, message: str, code: str = codes.NO_ESTIMATE
) -> ModelEstimate:
    return ModelEstimate(
        method=method,
        model=model,
        observed=observed,
        estimate=None,
        lower=None,
        upper=None,
        interval_kind=NO_INTERVAL,
        warnings=[EstimationWarning(code, message)],
    )


def _loglinear(
    table: CaptureHistoryTable,
    method: str,
    settings: EstimationSettings,
    seed: np.random.SeedSequence,
) -> list[ModelEstimate]:
    warnings: list[EstimationWarning] = []
    details: dict[str, object] = {}
    describe = {
        INDEPENDENCE: "independence",
        STEPWISE_AIC: "stepwise AIC choice",
        LOGLINEAR: "chosen interactions",
    }[method]
    try:
        if method == INDEPENDENCE:
            fit = fit_loglinear(table)
        elif method == STEPWISE_AIC:
            result = stepwise_aic(table, p_threshold=settings.p_threshold)
            fit = result.fit
            details["steps"] = [
                {
                    "interaction": f"{s.interaction[0]}:{s.interaction[1]}",
                    "aic": s.aic,
                    "p_value": s.p_value,
                    "accepted": s.accepted,
                    "reason": s.reason,
                }
                for s in result.steps
            ]
            if result.not_estimable:
                names = [f"{a}:{b}" for a, b in result.not_estimable]
                details["not_estimable"] = names
                warnings.append(
                    EstimationWarning(
                        codes.INTERACTIONS_NOT_ESTIMABLE,
                        f"Interaction(s) {', '.join(names)} could not be estimated (the lists "
                        "share no one, or the estimate runs off to infinity) and were not "
                        "considered.",
                        {"interactions": names},
                    )
                )
        else:
            kept, dropped = _estimable_interactions(table, settings.interactions)
            if dropped:
                names = [f"{a}:{b}" for a, b in dropped]
                warnings.append(
                    EstimationWarning(
                        codes.INTERACTIONS_NOT_ESTIMABLE,
                        f"Interaction(s) {', '.join(names)} left out: no one is on both lists.",
                        {"interactions": names},
                    )
                )
            fit = fit_loglinear(table, kept)
    except NoFiniteEstimate as exc:
        return [_no_estimate(method, describe, table.observed, f"No finite estimate: {exc}.")]

    details.update(
        {
            "interactions": [f"{a}:{b}" for a, b in fit.interactions],
            "aic": fit.aic,
            "deviance": fit.deviance,
            "df_resid": fit.df_resid,
            "coefficients": fit.coefficients,
            "standard_errors": fit.standard_errors,
        }
    )
    if not fit.converged:
        warnings.append(EstimationWarning(codes.NOT_CONVERGED, "The model fit did not converge."))
    return [
        _with_interval(table, fit, method, kind, settings, seed, warnings, details)
        for kind in settings.intervals
    ]


def _estimable_interactions(
    table: CaptureHistoryTable, interactions: Sequence[Interaction]
) -> tuple[list[Interaction], list[Interaction]]:
    position = {name: i for i, name in enumerate(table.lists)}
    kept: list[Interaction] = []
    dropped: list[Interaction] = []
    for a, b in interactions:
        if a in position and b in position and pair_overlap(table, position[a], position[b]) == 0:
            dropped.append((a, b))
        elif a in position and b in position:
            kept.append((a, b))
        else:
            # A list left out as empty: its interactions go with it.
            dropped.append((a, b))
    return kept, dropped


def _with_interval(
    table: CaptureHistoryTable,
    fit: LoglinearFit,
    method: str,
    kind: str,
    settings: EstimationSettings,
    seed: np.random.SeedSequence,
    warnings: list[EstimationWarning],
    details: dict[str, object],
) -> ModelEstimate:
    own = list(warnings)
    interval: Interval | None = None
    try:
        if kind == "profile":
            interval = profile_interval(table, fit.interactions, level=settings.level)
        else:
            interval = bootstrap_interval(
                table,
                fit.interactions,
                replicates=settings.bootstrap_replicates,
                level=settings.level,
                seed=seed,
            )
    except NoFiniteEstimate as exc:
        code = codes.BOOTSTRAP_FAILURES if kind == "bootstrap" else codes.OPEN_INTERVAL
        own.append(EstimationWarning(code, f"No interval: {exc}."))
    if interval is not None and interval.upper is None:
        own.append(
            EstimationWarning(
                codes.OPEN_INTERVAL,
                "The likelihood is too flat to set an upper bound: the data are compatible with "
                "a very large number of people never recorded.",
            )
        )
    failed = interval.details.get("failed_replicates", 0) if interval else 0
    if isinstance(failed, int) and failed > 0.05 * settings.bootstrap_replicates:
        own.append(
            EstimationWarning(
                codes.BOOTSTRAP_FAILURES,
                f"{failed} of {settings.bootstrap_replicates} bootstrap tables had no estimate "
                "and were left out; the interval is likely too narrow.",
                {"failed_replicates": failed},
            )
        )
    return ModelEstimate(
        method=method,
        model=fit.formula,
        observed=table.observed,
        estimate=fit.estimate,
        lower=interval.lower if interval else None,
        upper=interval.upper if interval else None,
        interval_kind=(PROFILE if kind == "profile" else BOOTSTRAP) if interval else NO_INTERVAL,
        level=settings.level,
        warnings=own,
        details={**details, **(interval.details if interval else {})},
        draws=interval.draws if interval else None,
    )


def _graphical(
    table: CaptureHistoryTable, settings: EstimationSettings, seed: np.random.SeedSequence
) -> ModelEstimate:
    if table.n_lists > MAX_LISTS:
        return _no_estimate(
            GRAPHICAL_BMA,
            "decomposable graphical models",
            table.observed,
            f"Graphical model averaging handles at most {MAX_LISTS} lists; this table has "
            f"{table.n_lists}. Merge or leave out lists.",
            codes.TOO_MANY_LISTS,
        )
    delta = settings.bma_delta if settings.bma_delta else 2.0**-table.n_lists
    posterior = fit_graphical_bma(table, delta=delta)
    lower, upper = posterior.credible_interval(settings.level)
    modes = modes_of_density(posterior.totals, posterior.density, posterior.probabilities)
    warnings = _multimodal(GRAPHICAL_BMA, posterior.median, modes)
    if posterior.tail_mass > 1e-3:
        warnings.append(
            EstimationWarning(
                codes.OPEN_INTERVAL,
                "The posterior reaches the upper end of the range searched (100 times the "
                "observed count): the upper bound understates the uncertainty.",
                {"tail_mass": posterior.tail_mass},
            )
        )
    rng = np.random.default_rng(seed)
    draws = posterior.quantiles(rng.random(_BMA_DRAWS))
    best, share = posterior.top_models[0]
    return ModelEstimate(
        method=GRAPHICAL_BMA,
        model=f"average over decomposable graphs (best: {best}, {share:.0%})",
        observed=table.observed,
        estimate=posterior.median,
        lower=lower,
        upper=upper,
        interval_kind=CREDIBLE,
        level=settings.level,
        warnings=warnings,
        details={
            "posterior_mean": posterior.mean,
            "top_models": [{"graph": g, "probability": p} for g, p in posterior.top_models],
            "delta": delta,
            "prior": graphical_prior(delta, table.n_lists),
            "modes": [m.to_dict() for m in modes],
            "modes_text": describe_modes(modes),
            "sensitivity": [_other_delta(table, delta, settings.level)],
        },
        draws=draws,
    )


def graphical_prior(delta: float, n_lists: int) -> dict[str, object]:
    """The graphical model average's prior, said out loud."""
    rule = "2^-lists, dga's default" if delta == 2.0**-n_lists else "as given"
    return {
        "delta": delta,
        "delta_rule": rule,
        "total": "1/N",
        "graphs": "every decomposable graph equally likely, the complete graph left out",
        "text": (
            f"hyper-Dirichlet delta = {delta:g} per cell ({rule}); total N with prior 1/N; "
            "every decomposable graph but the complete one equally likely"
        ),
    }


def _other_delta(table: CaptureHistoryTable, delta: float, level: float) -> dict[str, object]:
    """The estimate under the other usual delta: 1/2 when 2^-lists was used, else 2^-lists.
    How much the answer moves with the prior is part of the answer."""
    silverman = 2.0**-table.n_lists
    other = 0.5 if delta == silverman else silverman
    # A sensitivity line needs a few per cent of precision, not the main estimate's: a coarser
    # grid makes it cheap even when a flat prior keeps thousands of graphs in the average.
    posterior = fit_graphical_bma(table, delta=other, fine_points=_SENSITIVITY_POINTS)
    lower, upper = posterior.credible_interval(level)
    return {
        "delta": other,
        "estimate": posterior.median,
        "lower": lower,
        "upper": upper,
        "text": (f"with delta = {other:g}: {posterior.median:,.0f} ({lower:,.0f}–{upper:,.0f})"),
    }


def _multimodal(method: str, median: float, modes: list[Mode]) -> list[EstimationWarning]:
    """A warning when a posterior has more than one mode (none otherwise)."""
    if len(modes) < 2:
        return []
    return [
        EstimationWarning(
            codes.MULTIMODAL,
            f"The {method} posterior has {len(modes)} modes, {describe_modes(modes)}: the "
            f"data support different answers under different models, and the median "
            f"({median:,.0f}) summarises them badly. Report the modes with their weights.",
            {"modes": [m.to_dict() for m in modes]},
        )
    ]


def _latent(
    table: CaptureHistoryTable,
    settings: EstimationSettings,
    posterior: LatentClassPosterior | None,
) -> ModelEstimate:
    if posterior is None:
        return _no_estimate(
            LATENT_CLASS,
            "latent classes",
            table.observed,
            f"The latent-class model needs at least {LATENT_MIN_LISTS} lists with people; this "
            f"table has {table.n_lists}.",
        )
    limits = settings.thresholds
    lower, upper = posterior.credible_interval(settings.level)
    rhat, ess = posterior.rhat, posterior.ess
    warnings = []
    if not (rhat <= limits.max_rhat and ess >= limits.min_ess):
        warnings.append(
            EstimationWarning(
                codes.NOT_CONVERGED,
                f"The latent-class chains have not converged (R-hat {rhat:.3f}, wanted at most "
                f"{limits.max_rhat}; effective sample size {ess:.0f}, wanted at least "
                f"{limits.min_ess:.0f}). Run the sampler longer (a longer burn-in: samples "
                "discarded before counting; and more samples counted) before using this "
                "estimate.",
                {"rhat": rhat, "ess": ess},
            )
        )
    s = posterior.settings
    modes = modes_of_draws(posterior.draws)
    warnings += _multimodal(LATENT_CLASS, posterior.median, modes)
    return ModelEstimate(
        method=LATENT_CLASS,
        model=f"latent classes (up to {s.max_classes}, stick-breaking prior)",
        observed=table.observed,
        estimate=posterior.median,
        lower=lower,
        upper=upper,
        interval_kind=CREDIBLE,
        level=settings.level,
        warnings=warnings,
        details={
            "posterior_mean": posterior.mean,
            "rhat": rhat,
            "ess": ess,
            "chains": s.chains,
            "burn_in": s.burn_in,
            "samples": s.samples,
            "thin": s.thin,
            "draws_per_chain": posterior.draws.shape[1],
            "extensions": posterior.extensions,
            "max_classes": s.max_classes,
            "prior": s.prior(),
            "modes": [m.to_dict() for m in modes],
            "modes_text": describe_modes(modes),
        },
        draws=posterior.draws.ravel(),
    )


def _total_lead(
    reports: Mapping[Key, EstimationReport],
    totals: Sequence[ModelEstimate],
    pooled_check: ShapeCheck | None,
) -> dict[str, object]:
    """What the sum over strata leads with: the sum of the method the strata lead with most
    often; a latent-class sum meets the simulation check on all strata pooled. Empty when no
    stratum has a lead."""
    methods = [str(r.lead.get("method", "")) for r in reports.values()]
    methods = [m for m in methods if m]
    if not methods:
        return {}
    method = max(dict.fromkeys(methods), key=methods.count)
    total = next((e for e in totals if e.method == method and e.estimate is not None), None)
    if total is None:
        return {}
    lead = lead_with(
        total, f"Recommended: {method}, summed over strata ({total.interval_kind} interval)."
    )
    if checks_lead(lead):
        _apply_check(lead, totals, pooled_check)  # warns on ``total`` if it failed
    total.recommended = True
    return lead.to_dict()


def _pooled(tables: Mapping[Key, CaptureHistoryTable]) -> CaptureHistoryTable | None:
    """All strata in one table (the same lists in each), without its empty lists."""
    found = list(tables.values())
    if not found or any(t.lists != found[0].lists for t in found):
        return None
    counts: dict[tuple[int, ...], int] = {}
    for table in found:
        for pattern, count in table.counts_by_pattern().items():
            counts[pattern] = counts.get(pattern, 0) + count
    pooled = CaptureHistoryTable(found[0].lists, counts)
    if pooled.observed == 0:
        return None
    empty = pooled.empty_lists()
    return pooled.without_lists(empty) if empty else pooled


def _totals(reports: Mapping[Key, EstimationReport], level: float) -> list[ModelEstimate]:
    """Per (method, interval kind) present anywhere, the sum over strata."""
    keys: list[tuple[str, str]] = []
    for report in reports.values():
        for estimate in report.estimates:
            if estimate.interval_kind != NO_INTERVAL:
                pair = (estimate.method, estimate.interval_kind)
                if pair not in keys:
                    keys.append(pair)
    totals = []
    observed = sum(r.observed for r in reports.values())
    for method, kind in keys:
        found = {
            key: next(
                (e for e in r.estimates if e.method == method and e.interval_kind == kind), None
            )
            for key, r in reports.items()
        }
        missing = [str(k) for k, e in found.items() if e is None or e.estimate is None]
        if missing:
            unavailable = _no_estimate(
                method,
                "sum over strata",
                observed,
                f"No sum: stratum(s) {', '.join(missing)} have no estimate with this method.",
            )
            unavailable.details = {"strata": len(found), "interval_kind_of_strata": kind}
            totals.append(unavailable)
            continue
        parts = [e for e in found.values() if e is not None]
        point = math.fsum(e.estimate for e in parts if e.estimate is not None)
        draws = [e.draws for e in parts]
        total = ModelEstimate(
            method=method,
            model="sum over strata",
            observed=observed,
            estimate=point,
            lower=None,
            upper=None,
            interval_kind=NO_INTERVAL,
            level=level,
            details={"strata": len(parts), "interval_kind_of_strata": kind},
        )
        if all(d is not None and len(d) for d in draws):
            length = min(len(d) for d in draws if d is not None)
            summed = np.sum([d[:length] for d in draws if d is not None], axis=0)
            tail = (1.0 - level) / 2.0
            lower, upper = np.quantile(summed, [tail, 1.0 - tail])
            total.lower, total.upper, total.interval_kind = float(lower), float(upper), kind
            if kind == CREDIBLE:
                total.estimate = float(np.median(summed))
            total.draws = summed
        else:
            total.warnings.append(
                EstimationWarning(
                    codes.OPEN_INTERVAL,
                    "Profile-likelihood intervals of strata do not add up; ask for bootstrap "
                    "intervals for an interval of the sum.",
                )
            )
        totals.append(total)
    return totals
