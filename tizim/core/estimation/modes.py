"""The modes of a posterior of the total: one number is a fair summary of one hump, not of two.

A posterior with two well-separated humps (on the UK 2013 table, dga's graphical model average
puts 31% of its mass near 11,700 and the rest near 24,800) says that the data support two
different answers, one per family of models; its median falls between them, where the
posterior is thin. Such a posterior is reported as its modes, each with its weight (the mass
of its basin) and the range of its basin, beside the usual median and interval.

A hump counts as a mode when it holds at least ``min_weight`` of the mass and the density
between it and its neighbour dips below ``max_dip`` times the lower of the two peaks; smaller
or shallower humps (Monte Carlo noise, a shoulder) are merged into their neighbour. Draws are
first smoothed into a density (Gaussian kernel on the log scale, Silverman's bandwidth).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from scipy import stats

FloatArray = npt.NDArray[np.float64]
MIN_WEIGHT = 0.05
MAX_DIP = 0.7
_GRID_POINTS = 400


@dataclass(frozen=True)
class Mode:
    """One hump of a posterior: where it peaks, the share of the mass in its basin, and the
    basin's range of totals."""

    at: float
    weight: float
    lower: float
    upper: float

    def to_dict(self) -> dict[str, float]:
        """Plain data."""
        return {"at": self.at, "weight": self.weight, "lower": self.lower, "upper": self.upper}


def modes_of_density(
    totals: npt.ArrayLike,
    density: npt.ArrayLike,
    mass: npt.ArrayLike | None = None,
    *,
    min_weight: float = MIN_WEIGHT,
    max_dip: float = MAX_DIP,
) -> list[Mode]:
    """The modes of a density given on increasing ``totals`` (``mass``: the probability of
    each grid point, by default proportional to the density)."""
    x = np.asarray(totals, dtype=np.float64)
    f = np.asarray(density, dtype=np.float64)
    p = f.copy() if mass is None else np.asarray(mass, dtype=np.float64).copy()
    p /= p.sum()
    # Basins: from each local minimum to the next; a basin's peak is its maximum.
    rising = np.diff(f)
    cuts = [0]
    cuts += [i + 1 for i in range(len(rising) - 1) if rising[i] < 0 <= rising[i + 1]]
    cuts.append(len(x))
    basins = [(cuts[i], cuts[i + 1]) for i in range(len(cuts) - 1) if cuts[i + 1] > cuts[i]]
    while len(basins) > 1:
        weakest = _weakest(basins, f, p, min_weight, max_dip)
        if weakest is None:
            break
        i, j = weakest
        basins[i] = (min(basins[i][0], basins[j][0]), max(basins[i][1], basins[j][1]))
        del basins[j]
    modes = []
    for start, stop in basins:
        peak = start + int(np.argmax(f[start:stop]))
        modes.append(
            Mode(
                at=float(x[peak]),
                weight=float(p[start:stop].sum()),
                lower=float(x[start]),
                upper=float(x[stop - 1]),
            )
        )
    return modes


def _weakest(
    basins: list[tuple[int, int]],
    f: FloatArray,
    p: FloatArray,
    min_weight: float,
    max_dip: float,
) -> tuple[int, int] | None:
    """The pair (keep, merge) of adjacent basins to merge next, or None when every basin is a
    mode: first the lightest basin under ``min_weight``, else the shallowest dip over
    ``max_dip``."""
    weights = [float(p[a:b].sum()) for a, b in basins]
    lightest = int(np.argmin(weights))
    if weights[lightest] < min_weight:
        neighbours = [n for n in (lightest - 1, lightest + 1) if 0 <= n < len(basins)]
        # Merge across the higher saddle (the neighbour it is least separated from).
        keep = max(neighbours, key=lambda n: _saddle(basins, f, min(n, lightest)))
        return keep, lightest
    dips = [
        _saddle(basins, f, i)
        / min(float(f[slice(*basins[i])].max()), float(f[slice(*basins[i + 1])].max()))
        for i in range(len(basins) - 1)
    ]
    shallowest = int(np.argmax(dips))
    if dips[shallowest] > max_dip:
        return shallowest, shallowest + 1
    return None


def _saddle(basins: list[tuple[int, int]], f: FloatArray, i: int) -> float:
    """The density where basin ``i`` meets basin ``i + 1``."""
    return float(f[basins[i + 1][0]])


def modes_of_draws(
    draws: npt.ArrayLike, *, min_weight: float = MIN_WEIGHT, max_dip: float = MAX_DIP
) -> list[Mode]:
    """The modes of a posterior known by its draws (smoothed on the log scale)."""
    values = np.asarray(draws, dtype=np.float64).ravel()
    values = values[np.isfinite(values) & (values > 0)]
    if len(values) < 50 or np.ptp(values) == 0.0:
        return [] if len(values) == 0 else [_single(values)]
    logs = np.log(values)
    low, high = np.quantile(logs, [0.001, 0.999])
    grid = np.linspace(float(low), float(high), _GRID_POINTS)
    density = stats.gaussian_kde(logs, bw_method="silverman")(grid)
    return modes_of_density(np.exp(grid), density, min_weight=min_weight, max_dip=max_dip)


def _single(values: FloatArray) -> Mode:
    return Mode(
        at=float(np.median(values)),
        weight=1.0,
        lower=float(values.min()),
        upper=float(values.max()),
    )


def describe_modes(modes: list[Mode]) -> str:
    """``near 11,700 (31%) and near 24,800 (69%)``."""
    parts = [f"near {m.at:,.0f} ({m.weight:.0%})" for m in modes]
    return ", ".join(parts[:-1]) + (" and " if len(parts) > 1 else "") + parts[-1]
