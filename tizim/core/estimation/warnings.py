"""What a warning about an estimate is: a stable code, a message for people, the figures.

Its own module so that the checks (:mod:`.checks`), the results (:mod:`.results`) and the
methods can all use it without importing one another.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

# Warning codes (stable identifiers for programs; the message is for people).
TOO_FEW_LISTS = "too_few_lists"
EMPTY_LIST = "empty_list"
TOO_FEW_OVERLAPS = "too_few_overlaps"
LIST_SUBSET = "list_subset"
SPARSE_CELLS = "sparse_cells"
UNSTABLE_MODELS = "unstable_models"
NOT_CONVERGED = "not_converged"
NO_ESTIMATE = "no_estimate"
OPEN_INTERVAL = "open_interval"
INTERACTIONS_NOT_ESTIMABLE = "interactions_not_estimable"
TOO_MANY_LISTS = "too_many_lists"
BOOTSTRAP_FAILURES = "bootstrap_failures"
MULTIMODAL = "multimodal_posterior"
SHAPE_CHECK = "shape_check_failed"


@dataclass(frozen=True)
class EstimationWarning:
    """A caution about an estimate: a stable ``code``, a ``message`` for people, and the
    figures behind it in ``details`` (JSON-serialisable)."""

    code: str
    message: str
    details: Mapping[str, object] = field(default_factory=dict)

    def to_dict(self) -> dict[str, object]:
        """The warning as plain data."""
        return {"code": self.code, "message": self.message, "details": dict(self.details)}
