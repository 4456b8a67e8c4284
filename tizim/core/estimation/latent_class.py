"""A Bayesian latent-class model for multiple systems estimation, robust to heterogeneous capture.

The model is that of LCMCR (Manrique-Vallier 2016, "Bayesian population size estimation using
Dirichlet process mixtures", Biometrics 72(4)): the population is a mixture of latent classes;
within a class, each list captures each person independently with its own probability. People
who are easy to document in one list tend to be easy in all of them (the heterogeneity that
biases independence models downwards) and belong to a class of high capture probabilities.

* classes: a stick-breaking (Dirichlet process) prior truncated at ``max_classes`` (5), with
  concentration ``alpha ~ Gamma(0.25, 0.25)``;
* capture probabilities ``lambda[list, class] ~ Beta(1, 1)``;
* population size ``N`` with the improper prior ``1/N``.

The Gibbs sampler is Manrique-Vallier's, on aggregated counts (one multinomial draw per
observed cell, the unobserved cell augmented by its negative binomial draw), compiled with numba
(:mod:`.latent_class_kernel`; why: docs/decisions/0010-latent-class-sampler-in-numba.md): one
sweep costs the same for 100 or 100,000 people, about 5-10 microseconds on five lists. Chains
start from two classes (a few hundred sweeps) and spread into more as the data ask, and each
sweep adds Metropolis-Hastings moves of one class's unseen count with the capture probabilities
integrated out; the kernel's docstring says why both are needed on tables like the UK 2013 one.

Defaults, and their trade-off: up to 5 classes and Gamma(0.25, 0.25) on alpha (LCMCR's
defaults), 4 chains of 1,000 kept draws (every 2nd sweep) after 200 two-class sweeps and 600
of burn-in. Chains that then miss R-hat 1.05 or an effective sample size of 300 are continued,
each time for 1,000 draws at twice the thinning, up to 5 times: a stratum of a few hundred
people usually needs none, the UK 2013 table (2,744 people, 19,000 unseen) two, Kosovo 1999
three or four. Measured: docs/benchmarks.md. Chains that still miss the warning thresholds are
flagged, never led with.

With three lists the model is barely identified (seven cells for dozens of parameters): the
chains mix slowly and the diagnostics usually flag it; four lists or more are better. With one
class the sampler reproduces the exact posterior of the independence model (a test checks this).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from tizim.core.estimation import latent_class_kernel as kernel
from tizim.core.estimation.diagnostics import effective_sample_size, split_rhat
from tizim.core.estimation.tables import CaptureHistoryTable

FloatArray = npt.NDArray[np.float64]
MIN_LISTS = 3


@dataclass(frozen=True)
class LatentClassSettings:
    """Sampler settings. Each chain starts with ``start`` sweeps on two classes, then
    ``burn_in`` sweeps; ``samples`` draws are kept per chain, one every ``thin`` sweeps.
    Chains that miss ``target_rhat``/``target_ess`` are continued, up to ``extensions`` times,
    each time for ``samples`` more draws at twice the thinning. ``collapsed_moves``
    Metropolis-Hastings moves of the unseen count per sweep."""

    max_classes: int = 5
    chains: int = 4
    start: int = 200
    burn_in: int = 600
    samples: int = 1000
    thin: int = 2
    alpha_shape: float = 0.25
    alpha_rate: float = 0.25
    collapsed_moves: int = 3
    extensions: int = 5
    target_rhat: float = 1.05
    target_ess: float = 300.0

    def __post_init__(self) -> None:
        if self.max_classes < 1:
            raise ValueError("max_classes must be at least 1")
        if self.chains < 2:
            raise ValueError("at least 2 chains are needed to check convergence (R-hat)")
        if self.samples < 20 or self.burn_in < 0 or self.thin < 1 or self.start < 0:
            raise ValueError("need samples >= 20, start >= 0, burn_in >= 0 and thin >= 1")
        if self.alpha_shape <= 0 or self.alpha_rate <= 0:
            raise ValueError("the Gamma prior of alpha needs positive shape and rate")
        if self.extensions < 0 or self.collapsed_moves < 0:
            raise ValueError("extensions and collapsed_moves cannot be negative")

    def prior(self) -> dict[str, object]:
        """The model's prior, said out loud (shown beside every latent-class estimate)."""
        return {
            "max_classes": self.max_classes,
            "class_weights": f"stick-breaking (Dirichlet process) truncated at {self.max_classes}",
            "alpha": f"Gamma({self.alpha_shape:g}, {self.alpha_rate:g})",
            "capture_probabilities": "Beta(1, 1)",
            "total": "1/N",
            "text": (
                f"up to {self.max_classes} classes, stick-breaking weights with concentration "
                f"alpha ~ Gamma({self.alpha_shape:g}, {self.alpha_rate:g}), capture "
                "probabilities Beta(1, 1), total N with prior 1/N"
            ),
        }


@dataclass(frozen=True)
class LatentClassPosterior:
    """Posterior draws of the total for one table, with summaries and diagnostics."""

    observed: int
    draws: FloatArray = field(repr=False)
    settings: LatentClassSettings
    extensions: int = 0

    @property
    def median(self) -> float:
        """Posterior median of the total."""
        return float(np.median(self.draws))

    @property
    def mean(self) -> float:
        """Posterior mean of the total."""
        return float(self.draws.mean())

    def credible_interval(self, level: float = 0.95) -> tuple[float, float]:
        """Equal-tailed credible interval of the total."""
        if not 0.0 < level < 1.0:
            raise ValueError(f"the interval level must be between 0 and 1, got {level}")
        tail = (1.0 - level) / 2.0
        lower, upper = np.quantile(self.draws, [tail, 1.0 - tail])
        return float(lower), float(upper)

    @property
    def rhat(self) -> float:
        """Rank-normalised split-R-hat of the total over the chains."""
        return split_rhat(self.draws)

    @property
    def ess(self) -> float:
        """Bulk effective sample size of the total."""
        return effective_sample_size(self.draws)


def fit_latent_class(
    table: CaptureHistoryTable,
    settings: LatentClassSettings | None = None,
    *,
    seed: int | np.random.SeedSequence | None = 0,
) -> LatentClassPosterior:
    """Sample the posterior of the total for one table (seeded: same seed, same draws)."""
    return fit_latent_class_batch([table], settings, seed=seed)[0]


def fit_latent_class_batch(
    tables: Sequence[CaptureHistoryTable],
    settings: LatentClassSettings | None = None,
    *,
    seed: int | np.random.SeedSequence | None = 0,
) -> list[LatentClassPosterior]:
    """Sample several tables with the same number of lists (e.g. strata), each with its own
    chains; reproducible for the same tables and seed.

    Tables whose chains have not converged after ``samples`` draws (R-hat above
    ``target_rhat`` or effective sample size below ``target_ess``) are continued, up to
    ``extensions`` times, for ``samples`` draws at twice the previous thinning (and every
    second earlier draw is dropped): each extension runs twice as long as the one before, and
    time goes only where it is needed.
    """
    settings = settings or LatentClassSettings()
    if not tables:
        return []
    n_lists = tables[0].n_lists
    if any(t.n_lists != n_lists for t in tables):
        raise ValueError("tables sampled in one batch must have the same number of lists")
    if n_lists < MIN_LISTS:
        raise ValueError(
            f"the latent-class model needs at least {MIN_LISTS} lists (with {n_lists} the "
            "classes cannot be told apart from the unobserved count)"
        )
    for table in tables:
        if table.observed == 0:
            raise ValueError("a table with nobody observed has no estimate")
    sequence = seed if isinstance(seed, np.random.SeedSequence) else np.random.SeedSequence(seed)
    patterns = tables[0].patterns().astype(np.int64)
    posteriors = []
    for table, table_seed in zip(tables, sequence.spawn(len(tables)), strict=True):
        chains = _Chains(patterns, table.cell_counts().astype(np.int64), settings, table_seed)
        draws = chains.run(settings.start + settings.burn_in)
        posterior = LatentClassPosterior(table.observed, draws, settings)
        for extension in range(1, settings.extensions + 1):
            if _converged(posterior, settings):
                break
            # Twice the thinning from here on, and every second earlier draw: the kept draws
            # stay evenly spaced (as R-hat and the effective sample size assume) and each
            # extension reaches twice as far as the one before.
            chains.thin *= 2
            draws = np.concatenate([posterior.draws[:, 1::2], chains.run(0)], axis=1)
            posterior = LatentClassPosterior(table.observed, draws, settings, extension)
        posteriors.append(posterior)
    return posteriors


def _converged(posterior: LatentClassPosterior, settings: LatentClassSettings) -> bool:
    return posterior.rhat <= settings.target_rhat and posterior.ess >= settings.target_ess


class _Chains:
    """The sampler's state for the chains of one table, resumable."""

    def __init__(
        self,
        patterns: npt.NDArray[np.int64],
        counts: npt.NDArray[np.int64],
        settings: LatentClassSettings,
        seed: np.random.SeedSequence,
    ) -> None:
        self.settings, self.patterns, self.counts, self.seed = settings, patterns, counts, seed
        chains, classes, lists = settings.chains, settings.max_classes, patterns.shape[1]
        rng = np.random.default_rng(seed.spawn(1)[0])
        # Over-dispersed starts: each chain draws its own capture probabilities.
        self.lam = rng.beta(1.0, 1.0, size=(chains, lists, classes))
        self.weights = np.zeros((chains, classes))
        self.weights[:, : min(classes, 2)] = 1.0 / min(classes, 2)
        self.unseen = np.zeros((chains, classes))
        self.alpha = np.ones((chains, 1))
        self.fresh = True
        self.thin = settings.thin

    def run(self, skip: int) -> FloatArray:
        """``skip`` sweeps (the two-class start and burn-in of fresh chains), then
        ``samples`` kept draws; totals as (chains, samples)."""
        s = self.settings
        kept = np.empty((s.chains, s.samples))
        kernel.seed_numba(int(self.seed.spawn(1)[0].generate_state(1)[0]))
        start = s.start if self.fresh else 0
        for chain in range(s.chains):
            kernel.run_chain(
                self.patterns,
                self.counts,
                self.lam[chain],
                self.weights[chain],
                self.unseen[chain],
                self.alpha[chain],
                skip + s.samples * self.thin,
                self.thin,
                start,
                skip,
                s.collapsed_moves,
                s.alpha_shape,
                s.alpha_rate,
                kept[chain],
            )
        self.fresh = False
        return kept
