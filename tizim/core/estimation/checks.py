"""Checks of a table and of a set of estimates, each giving warnings (:mod:`.warnings`).

Multiple systems estimation fails quietly: too little overlap, a list that only repeats
another, a table of mostly empty cells, or models that disagree all still produce a number.
These checks say so next to the numbers; nothing is hidden and nothing is refused.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from tizim.core.estimation.results import ModelEstimate
from tizim.core.estimation.tables import CaptureHistoryTable
from tizim.core.estimation.warnings import (
    EMPTY_LIST,
    LIST_SUBSET,
    SPARSE_CELLS,
    TOO_FEW_LISTS,
    TOO_FEW_OVERLAPS,
    UNSTABLE_MODELS,
    EstimationWarning,
)


@dataclass(frozen=True)
class WarningThresholds:
    """When the checks fire.

    * ``min_overlap_records``: fewer people than this on two or more lists;
    * ``small_cell`` / ``sparse_share``: more than this share of the observable cells hold
      fewer than ``small_cell`` people;
    * ``unstable_factor``: the largest point estimate is more than this times the smallest;
    * ``max_rhat`` / ``min_ess``: Markov chain diagnostics of the latent-class model.
    """

    min_overlap_records: int = 20
    small_cell: int = 3
    sparse_share: float = 0.5
    unstable_factor: float = 1.5
    max_rhat: float = 1.1
    min_ess: float = 100.0


def check_table(
    table: CaptureHistoryTable, thresholds: WarningThresholds | None = None
) -> list[EstimationWarning]:
    """Warnings about the data themselves, whatever the model: empty lists, fewer than two
    lists with people, too few overlaps, a list contained in another, sparse cells."""
    limits = thresholds or WarningThresholds()
    warnings: list[EstimationWarning] = []
    sizes = table.list_sizes()
    empty = [name for name, size in sizes.items() if size == 0]
    if empty:
        warnings.append(
            EstimationWarning(
                EMPTY_LIST,
                f"No one is on {_names(empty)} here; left out of the estimation.",
                {"lists": empty},
            )
        )
    active = [name for name, size in sizes.items() if size > 0]
    if len(active) < 2:
        warnings.append(
            EstimationWarning(
                TOO_FEW_LISTS,
                f"Only {len(active)} list(s) with people ({_names(active) or 'none'}): "
                "estimating the people no list recorded needs at least two overlapping lists.",
                {"lists_with_people": active},
            )
        )
        return warnings
    if len(active) < table.n_lists:
        table = table.without_lists(empty)

    patterns = table.patterns()
    counts = table.cell_counts()
    on_several = int(counts[patterns.sum(axis=1) >= 2].sum())
    if on_several < limits.min_overlap_records:
        warnings.append(
            EstimationWarning(
                TOO_FEW_OVERLAPS,
                f"Only {on_several} of {table.observed} people are on two or more lists (fewer "
                f"than {limits.min_overlap_records}): the estimate rests on very few overlaps "
                "and can change a lot with a single record.",
                {"on_two_or_more_lists": on_several, "observed": table.observed},
            )
        )

    for a, name_a in enumerate(table.lists):
        on_a = patterns[:, a] == 1
        for b, name_b in enumerate(table.lists):
            if a == b:
                continue
            only_a = int(counts[on_a & (patterns[:, b] == 0)].sum())
            if only_a == 0 and sizes[name_a] > 0:
                if sizes[name_a] == sizes[name_b] and a > b:
                    continue  # identical lists: reported once
                same = sizes[name_a] == sizes[name_b]
                warnings.append(
                    EstimationWarning(
                        LIST_SUBSET,
                        (
                            f"Lists {name_a} and {name_b} hold exactly the same people"
                            if same
                            else f"Every one of the {sizes[name_a]} people on {name_a} is also "
                            f"on {name_b}"
                        )
                        + ": the list adds no one new, and the models read this as strong "
                        "dependence. Consider merging the two lists or leaving one out.",
                        {"subset": name_a, "of": name_b, "size": sizes[name_a]},
                    )
                )

    small = int((counts < limits.small_cell).sum())
    if small > limits.sparse_share * len(counts):
        empty_cells = int((counts == 0).sum())
        warnings.append(
            EstimationWarning(
                SPARSE_CELLS,
                f"{small} of the {len(counts)} combinations of lists hold fewer than "
                f"{limits.small_cell} people ({empty_cells} are empty): models with many "
                "interactions rest on a handful of people, and some interactions cannot be "
                "estimated at all.",
                {"small_cells": small, "empty_cells": empty_cells, "cells": len(counts)},
            )
        )
    return warnings


def check_agreement(
    estimates: Sequence[ModelEstimate], thresholds: WarningThresholds | None = None
) -> EstimationWarning | None:
    """A warning when the models' point estimates differ by more than the allowed factor
    (all estimates are listed in the message, side by side), or when one model's posterior
    has more than one mode (named in the message, with the modes and their weights)."""
    limits = thresholds or WarningThresholds()
    seen: dict[tuple[str, str], float] = {}
    for estimate in estimates:
        if estimate.estimate is not None and math.isfinite(estimate.estimate):
            seen.setdefault((estimate.method, estimate.model), estimate.estimate)
    multimodal = _multimodal(estimates)
    if not seen or (len(seen) < 2 and not multimodal):
        return None
    low, high = min(seen.values()), max(seen.values())
    if high <= limits.unstable_factor * low and not multimodal:
        return None
    listing = "; ".join(f"{method} {value:,.0f}" for (method, _), value in seen.items())
    message = (
        f"The models disagree: estimates range from {low:,.0f} to {high:,.0f} "
        f"({high / low:.1f} times; {listing})."
        if high > limits.unstable_factor * low
        else f"The models' medians agree ({listing}), but not every posterior has one answer."
    )
    for method, text in multimodal.items():
        message += f" The {method} posterior has more than one mode: {text}."
    return EstimationWarning(
        UNSTABLE_MODELS,
        message + " They make different assumptions about how the lists depend on each other "
        "and on who is easy to record; report the range, not one number.",
        {
            "lowest": low,
            "highest": high,
            "ratio": high / low,
            "estimates": [
                {"method": method, "model": model, "estimate": value}
                for (method, model), value in seen.items()
            ],
            "multimodal": sorted(multimodal),
        },
    )


def _multimodal(estimates: Sequence[ModelEstimate]) -> dict[str, str]:
    """Method → its modes in words, for the posteriors with more than one mode."""
    found: dict[str, str] = {}
    for estimate in estimates:
        modes = estimate.details.get("modes")
        if isinstance(modes, list) and len(modes) > 1:
            found.setdefault(estimate.method, str(estimate.details.get("modes_text", "")))
    return found


def _names(names: Sequence[str]) -> str:
    return ", ".join(names)
