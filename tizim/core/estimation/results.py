"""What estimation returns: one :class:`ModelEstimate` per model and interval, gathered with
the table's warnings in an :class:`EstimationReport` (and per stratum in a
:class:`StratifiedReport`). Everything serialises to plain data with ``to_dict``."""

from __future__ import annotations

import math
from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

import numpy as np
import numpy.typing as npt

from tizim.core.estimation.tables import OverlapRow
from tizim.core.estimation.warnings import EstimationWarning

FloatArray = npt.NDArray[np.float64]
Key = TypeVar("Key", bound=Hashable)

# Interval kinds.
PROFILE = "profile-likelihood"
BOOTSTRAP = "parametric-bootstrap"
CREDIBLE = "bayesian-credible"
NO_INTERVAL = "none"


@dataclass
class ModelEstimate:
    """One model's estimate of the total (observed plus never recorded) with its interval.

    ``estimate``, ``lower`` and ``upper`` are None when the model gives no finite value (the
    warnings say why; ``upper`` alone is None when the interval is open upwards). ``method`` is
    the estimation method (e.g. ``stepwise_aic``), ``model`` the fitted model in words.
    """

    method: str
    model: str
    observed: int
    estimate: float | None
    lower: float | None
    upper: float | None
    interval_kind: str
    level: float = 0.95
    warnings: list[EstimationWarning] = field(default_factory=list)
    recommended: bool = False
    details: dict[str, object] = field(default_factory=dict)
    draws: FloatArray | None = field(default=None, repr=False, compare=False)

    @property
    def unobserved(self) -> float | None:
        """The estimated number of people on no list."""
        return None if self.estimate is None else self.estimate - self.observed

    def to_dict(self) -> dict[str, object]:
        """Plain, JSON-serialisable data (no draws)."""
        return {
            "method": self.method,
            "model": self.model,
            "observed": self.observed,
            "estimate": _number(self.estimate),
            "lower": _number(self.lower),
            "upper": _number(self.upper),
            "unobserved": _number(self.unobserved),
            "interval_kind": self.interval_kind,
            "level": self.level,
            "recommended": self.recommended,
            "warnings": [w.to_dict() for w in self.warnings],
            "details": _plain(self.details),
        }


@dataclass
class EstimationReport:
    """Every estimate for one table, the warnings about the table and about the estimates
    taken together, and the overlap table they came from."""

    lists: tuple[str, ...]
    observed: int
    estimates: list[ModelEstimate]
    warnings: list[EstimationWarning]
    overlaps: list[OverlapRow]
    recommendation: str = ""
    lead: dict[str, object] = field(default_factory=dict)

    @property
    def recommended(self) -> ModelEstimate | None:
        """The estimate marked as recommended, if any."""
        return next((e for e in self.estimates if e.recommended), None)

    def by_method(self, method: str) -> list[ModelEstimate]:
        """The estimates of one method (one per interval kind)."""
        return [e for e in self.estimates if e.method == method]

    def to_dict(self) -> dict[str, object]:
        """Plain, JSON-serialisable data."""
        return {
            "lists": list(self.lists),
            "observed": self.observed,
            "estimates": [e.to_dict() for e in self.estimates],
            "warnings": [w.to_dict() for w in self.warnings],
            "recommendation": self.recommendation,
            "lead": _plain(self.lead),
            "overlaps": [
                {"lists": list(row.lists_on), "pattern": list(row.pattern), "count": row.count}
                for row in self.overlaps
            ],
        }


@dataclass
class StratifiedReport(Generic[Key]):
    """Reports per stratum and, where the intervals can be combined, estimates of the sum."""

    strata: dict[Key, EstimationReport]
    totals: list[ModelEstimate]
    lead: dict[str, object] = field(default_factory=dict)

    def to_dict(self) -> dict[str, object]:
        """Plain, JSON-serialisable data (stratum keys as strings)."""
        return {
            "strata": {str(key): report.to_dict() for key, report in self.strata.items()},
            "totals": [e.to_dict() for e in self.totals],
            "lead": _plain(self.lead),
        }


def _number(value: float | None) -> float | None:
    if value is None or not math.isfinite(value):
        return None
    return float(value)


def _plain(value: object) -> object:
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return _number(float(value))
    return value
