"""Simulated capture-history tables from populations of known size, for tests, benchmarks and
demonstrations.

A scenario is a probability for each of the ``2**k`` cells (the all-zero cell first, then the
observable cells in canonical order); :func:`simulate_table` draws a population over them and
keeps the observable cells. Three ways to build the probabilities:

* :func:`independent_cells` — each list captures each person independently;
* :func:`loglinear_cells` — dependence between pairs of lists (log odds ratios);
* :func:`latent_class_cells` — heterogeneous capture: a mixture of classes of people, each with
  its own, independent, capture probabilities (e.g. well-known victims on every list).
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence

import numpy as np
import numpy.typing as npt

from tizim.core.estimation.tables import CaptureHistoryTable, observable_patterns

FloatArray = npt.NDArray[np.float64]


def _all_patterns(n_lists: int) -> FloatArray:
    return np.array(list(itertools.product((0, 1), repeat=n_lists)), dtype=np.float64)


def _check_probabilities(probabilities: Sequence[float]) -> FloatArray:
    p = np.asarray(probabilities, dtype=np.float64)
    if p.ndim != 1 or len(p) < 2:
        raise ValueError("give one capture probability per list, for at least two lists")
    if ((p <= 0) | (p >= 1)).any():
        raise ValueError("capture probabilities must be strictly between 0 and 1")
    return p


def independent_cells(probabilities: Sequence[float]) -> FloatArray:
    """Cell probabilities when list ``j`` captures each person with ``probabilities[j]``,
    independently of the other lists."""
    p = _check_probabilities(probabilities)
    patterns = _all_patterns(len(p))
    return np.asarray(np.prod(np.where(patterns == 1, p, 1 - p), axis=1), dtype=np.float64)


def loglinear_cells(
    probabilities: Sequence[float], log_odds_ratios: Mapping[tuple[int, int], float]
) -> FloatArray:
    """Cell probabilities of a log-linear model: main effects ``logit(probabilities)`` and a
    two-list interaction ``log_odds_ratios[(a, b)]`` for pairs of lists (by position). A positive
    value makes people on list ``a`` more likely to be on list ``b`` (e.g. one list copied
    from the other, or two lists fed by the same informants)."""
    p = _check_probabilities(probabilities)
    patterns = _all_patterns(len(p))
    log_m = patterns @ np.log(p / (1 - p))
    for (a, b), value in log_odds_ratios.items():
        if not (0 <= a < len(p) and 0 <= b < len(p)) or a == b:
            raise ValueError(f"no such pair of lists: ({a}, {b})")
        log_m = log_m + value * patterns[:, a] * patterns[:, b]
    cells = np.exp(log_m - log_m.max())
    return np.asarray(cells / cells.sum(), dtype=np.float64)


def latent_class_cells(
    shares: Sequence[float], probabilities: Sequence[Sequence[float]]
) -> FloatArray:
    """Cell probabilities of a population made of classes: ``shares[c]`` of the people are in
    class ``c``, whom list ``j`` captures with ``probabilities[c][j]`` independently."""
    weights = np.asarray(shares, dtype=np.float64)
    if weights.ndim != 1 or (weights < 0).any() or not np.isclose(weights.sum(), 1.0):
        raise ValueError("class shares must be non-negative and add up to 1")
    if len(probabilities) != len(weights):
        raise ValueError("give one row of capture probabilities per class")
    cells = [independent_cells(row) for row in probabilities]
    if len({len(c) for c in cells}) != 1:
        raise ValueError("every class needs a probability for every list")
    return np.asarray(weights @ np.array(cells), dtype=np.float64)


def simulate_table(
    population: int,
    cells: FloatArray,
    *,
    lists: Sequence[str] | None = None,
    seed: int | np.random.SeedSequence | np.random.Generator | None = 0,
) -> CaptureHistoryTable:
    """Draw a population of ``population`` people over the cells and tabulate those seen.

    ``lists`` names the lists (default ``A``, ``B``, ...).
    """
    probabilities = np.asarray(cells, dtype=np.float64)
    n_lists = len(probabilities).bit_length() - 1
    if len(probabilities) != 1 << n_lists or n_lists < 2:
        raise ValueError("cells must hold 2**k probabilities for k >= 2 lists")
    if population < 1:
        raise ValueError("the population must have at least one person")
    rng = seed if isinstance(seed, np.random.Generator) else np.random.default_rng(seed)
    counts = rng.multinomial(population, probabilities / probabilities.sum())[1:]
    names = list(lists) if lists is not None else [chr(ord("A") + j) for j in range(n_lists)]
    patterns = observable_patterns(n_lists)
    return CaptureHistoryTable(
        names,
        {
            tuple(int(v) for v in pattern): int(c)
            for pattern, c in zip(patterns, counts, strict=True)
            if c
        },
    )
