"""Multiple systems estimation: how many people no list recorded, from how the lists overlap.

Pure numpy/scipy/statsmodels, no Django. The pieces:

* :mod:`.tables` — capture-history tables (from CSV, or from each person's set of lists, per
  stratum) and the overlap table;
* :mod:`.loglinear` — Poisson log-linear models: independence, chosen interactions, the stepwise
  AIC procedure of Bales, Hesketh & Silverman (2015); profile-likelihood and parametric-bootstrap
  intervals;
* :mod:`.graphical` — Bayesian model averaging over decomposable graphical models (Madigan &
  York 1997);
* :mod:`.latent_class` — a Bayesian latent-class model for heterogeneous capture (LCMCR,
  Manrique-Vallier 2016) with convergence diagnostics (:mod:`.diagnostics`);
* :mod:`.checks` — checks of tables and estimates, giving :mod:`.warnings` (structured);
  :mod:`.results` — what is returned;
* :mod:`.recommend` — which figure a report leads with, and :mod:`.shape_check`, the
  simulation check on a table's own shape that a latent-class lead must pass;
* :mod:`.api` — :func:`estimate_all` and :func:`estimate_strata`, the entry points;
* :mod:`.simulate` — tables from populations of known size.
"""

from tizim.core.estimation.api import (
    DEFAULT_METHODS,
    GRAPHICAL_BMA,
    INDEPENDENCE,
    LATENT_CLASS,
    LOGLINEAR,
    METHODS,
    STEPWISE_AIC,
    EstimationSettings,
    estimate_all,
    estimate_strata,
)
from tizim.core.estimation.checks import WarningThresholds
from tizim.core.estimation.graphical import GraphPosterior, fit_graphical_bma
from tizim.core.estimation.latent_class import (
    LatentClassPosterior,
    LatentClassSettings,
    fit_latent_class,
    fit_latent_class_batch,
)
from tizim.core.estimation.loglinear import (
    Interval,
    LoglinearFit,
    NoFiniteEstimate,
    StepwiseResult,
    bootstrap_interval,
    fit_loglinear,
    profile_interval,
    stepwise_aic,
)
from tizim.core.estimation.recommend import WIDENED
from tizim.core.estimation.results import EstimationReport, ModelEstimate, StratifiedReport
from tizim.core.estimation.shape_check import ShapeCheck, ShapeCheckSettings
from tizim.core.estimation.tables import (
    CaptureHistoryTable,
    CaptureTableError,
    OverlapRow,
    tables_by_stratum,
)
from tizim.core.estimation.warnings import EstimationWarning

__all__ = [
    "DEFAULT_METHODS",
    "GRAPHICAL_BMA",
    "INDEPENDENCE",
    "LATENT_CLASS",
    "LOGLINEAR",
    "METHODS",
    "STEPWISE_AIC",
    "WIDENED",
    "CaptureHistoryTable",
    "CaptureTableError",
    "EstimationReport",
    "EstimationSettings",
    "EstimationWarning",
    "GraphPosterior",
    "Interval",
    "LatentClassPosterior",
    "LatentClassSettings",
    "LoglinearFit",
    "ModelEstimate",
    "NoFiniteEstimate",
    "OverlapRow",
    "ShapeCheck",
    "ShapeCheckSettings",
    "StepwiseResult",
    "StratifiedReport",
    "WarningThresholds",
    "bootstrap_interval",
    "estimate_all",
    "estimate_strata",
    "fit_graphical_bma",
    "fit_latent_class",
    "fit_latent_class_batch",
    "fit_loglinear",
    "profile_interval",
    "stepwise_aic",
    "tables_by_stratum",
]
