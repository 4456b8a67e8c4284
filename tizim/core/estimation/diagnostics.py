"""Convergence diagnostics for Markov chain Monte Carlo draws of one quantity.

Rank-normalised split-R-hat and bulk effective sample size, as defined by Vehtari, Gelman,
Simpson, Carpenter & Bürkner (2021), "Rank-normalization, folding, and localization: an improved
R-hat for assessing convergence of MCMC" (the definitions Stan and ArviZ use). R-hat near 1 says
the chains agree; above 1.01–1.1 they have not mixed. The effective sample size says how many
independent draws the autocorrelated chains are worth.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
from scipy import special, stats

FloatArray = npt.NDArray[np.float64]


def _split(draws: npt.ArrayLike) -> FloatArray:
    values = np.asarray(draws, dtype=np.float64)
    if values.ndim != 2:
        raise ValueError("draws must be a 2-d array: one row per chain")
    half = values.shape[1] // 2
    if half < 2:
        raise ValueError("each chain needs at least 4 draws")
    return np.vstack([values[:, :half], values[:, half : 2 * half]])


def _rank_normalise(values: FloatArray) -> FloatArray:
    ranks = stats.rankdata(values, method="average").reshape(values.shape)
    return np.asarray(special.ndtri((ranks - 0.375) / (values.size + 0.25)), dtype=np.float64)


def _rhat(chains: FloatArray) -> float:
    n = chains.shape[1]
    within = float(chains.var(axis=1, ddof=1).mean())
    between = float(n * chains.mean(axis=1).var(ddof=1))
    if within <= 0.0:
        return 1.0 if between <= 0.0 else float("inf")
    return float(np.sqrt(((n - 1) / n * within + between / n) / within))


def split_rhat(draws: npt.ArrayLike) -> float:
    """Rank-normalised split-R-hat of ``draws`` (chains × iterations): the larger of the bulk
    and the folded (tail) values."""
    chains = _split(draws)
    bulk = _rhat(_rank_normalise(chains))
    folded = _rhat(_rank_normalise(np.abs(chains - np.median(chains))))
    return max(bulk, folded)


def _autocovariance(x: FloatArray) -> FloatArray:
    n = len(x)
    size = 1 << (2 * n - 1).bit_length()
    centred = x - x.mean()
    spectrum = np.fft.rfft(centred, size)
    acov = np.fft.irfft(spectrum * np.conjugate(spectrum), size)[:n]
    return np.asarray(acov / n, dtype=np.float64)


def _ess(chains: FloatArray) -> float:
    m, n = chains.shape
    acov = np.array([_autocovariance(chain) for chain in chains])
    chain_var = acov[:, 0] * n / (n - 1.0)
    within = float(chain_var.mean())
    var_plus = within * (n - 1.0) / n
    if m > 1:
        var_plus += float(chains.mean(axis=1).var(ddof=1))
    if var_plus <= 0.0:
        return float(m * n)
    rho = 1.0 - (within - acov.mean(axis=0)) / var_plus
    rho[0] = 1.0
    # Geyer's initial positive and monotone sequence over pairs of lags.
    total = 0.0
    previous = np.inf
    for t in range(0, n - 1, 2):
        pair = float(rho[t] + rho[t + 1])
        if pair < 0.0:
            break
        pair = min(pair, previous)
        previous = pair
        total += pair
    tau = max(-1.0 + 2.0 * total, 1.0 / np.log10(m * n))
    return float(m * n / tau)


def effective_sample_size(draws: npt.ArrayLike) -> float:
    """Bulk effective sample size of ``draws`` (chains × iterations), rank-normalised over
    split chains."""
    chains = _split(draws)
    if np.ptp(chains) == 0.0:
        return float(chains.size)
    return _ess(_rank_normalise(chains))
