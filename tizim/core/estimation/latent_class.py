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

The Gibbs sampler (Manrique-Vallier's, on aggregated counts) works on counts per cell rather
than per person, so one iteration costs the
same for 100 or 100,000 people, and it runs all chains of all tables (strata) given together as
one batch of numpy arrays. Steps: allocate each observed cell's people to classes (multinomial);
draw the unobserved count from its negative binomial conditional and allocate it to classes;
draw capture probabilities (beta), stick-breaking weights (beta) and alpha (gamma).

Defaults, and their trade-off: up to 5 classes (LCMCR's default), 4 chains of 1,500 draws
after 500 of burn-in, three collapsed moves per iteration; tables whose chains then miss R-hat
1.1 or an effective sample size of 100 are continued once for 1,500 more draws. That keeps the
default path (every method on 10 strata of 6 lists) within a few seconds; it is far shorter than
LCMCR's usual runs (10,000+ burn-in, thinning). On tables of a few hundred people the chains
converge in most cases; on large or sparse tables, or when the lists depend on each other in
ways the classes do not capture, they may not, and the diagnostics say so:
:func:`tizim.core.estimation.estimate_all` then warns and does not recommend the estimate, and
the remedy is a longer run (``LatentClassSettings(burn_in=..., samples=..., extensions=...)``;
cost grows linearly).

With three lists the model is barely identified (seven cells for dozens of parameters): the
chains mix slowly and the diagnostics usually flag it; four lists or more are better.

Beyond Gibbs steps, each iteration makes Metropolis-Hastings moves on the unobserved count of
one class with the capture probabilities and weights integrated out (see ``_move_unseen``):
given those parameters the unobserved count is pinned to within a few per cent, so plain Gibbs
crawls along its posterior; the moves roughly triple the effective sample size. With one class
the sampler reproduces the exact posterior of the independence model (a test checks this).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
from scipy import special

from tizim.core.estimation.diagnostics import effective_sample_size, split_rhat
from tizim.core.estimation.tables import CaptureHistoryTable

FloatArray = npt.NDArray[np.float64]
_TINY = 1e-12
MIN_LISTS = 3


@dataclass(frozen=True)
class LatentClassSettings:
    """Sampler settings. ``samples`` are kept per chain after ``burn_in``, every ``thin``-th;
    chains that miss ``target_rhat``/``target_ess`` are continued for ``samples`` more, up to
    ``extensions`` times."""

    max_classes: int = 5
    chains: int = 4
    burn_in: int = 500
    samples: int = 1500
    thin: int = 1
    alpha_shape: float = 0.25
    alpha_rate: float = 0.25
    collapsed_moves: int = 3
    extensions: int = 1
    target_rhat: float = 1.1
    target_ess: float = 100.0

    def __post_init__(self) -> None:
        if self.max_classes < 1:
            raise ValueError("max_classes must be at least 1")
        if self.chains < 2:
            raise ValueError("at least 2 chains are needed to check convergence (R-hat)")
        if self.samples < 20 or self.burn_in < 0 or self.thin < 1:
            raise ValueError("need samples >= 20, burn_in >= 0 and thin >= 1")
        if self.alpha_shape <= 0 or self.alpha_rate <= 0:
            raise ValueError("the Gamma prior of alpha needs positive shape and rate")
        if self.extensions < 0 or self.collapsed_moves < 0:
            raise ValueError("extensions and collapsed_moves cannot be negative")


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
    """Sample several tables with the same number of lists (e.g. strata) in one batch: much
    faster than one by one. The draws of a table depend on the whole batch's random stream, so
    they are reproducible for the same batch and seed.

    Tables whose chains have not converged after ``samples`` draws (R-hat above
    ``target_rhat`` or effective sample size below ``target_ess``) are continued for another
    ``samples`` draws, up to ``extensions`` times: time goes only where it is needed.
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
    rng = np.random.default_rng(seed)
    counts = np.array([t.cell_counts() for t in tables], dtype=np.int64)
    chains = _Chains(counts, tables[0].patterns().astype(np.float64), settings, rng)
    chains.run(settings.burn_in)
    draws = chains.run(settings.samples * settings.thin, settings.thin)
    posteriors = [
        LatentClassPosterior(observed=t.observed, draws=draws[i], settings=settings)
        for i, t in enumerate(tables)
    ]
    for extension in range(1, settings.extensions + 1):
        failing = [i for i, p in enumerate(posteriors) if not _converged(p, settings)]
        if not failing:
            break
        chains = chains.subset(failing)
        more = chains.run(settings.samples * settings.thin, settings.thin)
        for position, i in enumerate(failing):
            posteriors[i] = LatentClassPosterior(
                observed=posteriors[i].observed,
                draws=np.concatenate([posteriors[i].draws, more[position]], axis=1),
                settings=settings,
                extensions=extension,
            )
    return posteriors


def _converged(posterior: LatentClassPosterior, settings: LatentClassSettings) -> bool:
    return posterior.rhat <= settings.target_rhat and posterior.ess >= settings.target_ess


class _Chains:
    """The state of the Gibbs sampler for a batch of tables × chains, resumable."""

    def __init__(
        self,
        counts: npt.NDArray[np.int64],
        patterns: FloatArray,
        settings: LatentClassSettings,
        rng: np.random.Generator,
    ) -> None:
        self.settings = settings
        self.rng = rng
        self.patterns = patterns
        self.n_tables = counts.shape[0]
        chains, classes = settings.chains, settings.max_classes
        batch = self.n_tables * chains
        self.y = np.repeat(counts, chains, axis=0)
        # Over-dispersed starts: each chain draws its own capture probabilities and weights.
        self.lam = np.clip(rng.beta(1.0, 1.0, size=(batch, patterns.shape[1], classes)), 0.05, 0.95)
        self.alpha = np.ones(batch)
        self.weights = _stick_breaking(rng.beta(1.0, 1.0, size=(batch, classes)))

    def subset(self, tables: Sequence[int]) -> _Chains:
        """The chains of some of the tables, to continue them alone."""
        chains = self.settings.chains
        rows = np.concatenate([np.arange(t * chains, (t + 1) * chains) for t in tables])
        other = object.__new__(_Chains)
        other.settings, other.rng, other.patterns = self.settings, self.rng, self.patterns
        other.n_tables = len(tables)
        other.y = self.y[rows]
        other.lam, other.alpha, other.weights = self.lam[rows], self.alpha[rows], self.weights[rows]
        return other

    def run(self, iterations: int, thin: int = 1) -> FloatArray:
        """Run the chains; totals of every ``thin``-th iteration, (tables, chains, kept)."""
        settings, rng, patterns = self.settings, self.rng, self.patterns
        classes = settings.max_classes
        y = self.y
        batch = y.shape[0]
        observed = y.sum(axis=1)
        rows, cells = np.nonzero(y)
        cell_counts = y[rows, cells]
        lam, alpha, weights = self.lam, self.alpha, self.weights
        kept = np.empty((batch, iterations // thin))
        allocation = np.zeros((batch, patterns.shape[0], classes))
        for iteration in range(iterations):
            log_lam = np.log(lam)
            log_miss = np.log1p(-lam)
            miss_all = log_miss.sum(axis=1)  # log P(on no list | class), (batch, classes)
            log_w = np.log(np.maximum(weights, _TINY))
            # log P(cell, class) for the cells with people only.
            log_p = (patterns @ (log_lam - log_miss))[rows, cells] + (miss_all + log_w)[rows]
            log_p -= log_p.max(axis=1, keepdims=True)
            p = np.exp(log_p)
            p /= p.sum(axis=1, keepdims=True)
            allocation[rows, cells] = rng.multinomial(cell_counts, p)
            seen_in_class = allocation.sum(axis=1)
            on_list_in_class = np.transpose(patterns) @ allocation  # (batch, lists, classes)

            unseen_by_class = weights * np.exp(miss_all)
            p_unseen = np.clip(unseen_by_class.sum(axis=1), 0.0, 1.0 - 1e-10)
            unobserved = rng.negative_binomial(observed, 1.0 - p_unseen)
            share = unseen_by_class / np.maximum(unseen_by_class.sum(axis=1, keepdims=True), _TINY)
            drawn = rng.multinomial(unobserved, share).astype(np.float64)
            unseen_alloc = _move_unseen(
                rng,
                drawn,
                seen_in_class,
                on_list_in_class,
                observed,
                alpha,
                settings.collapsed_moves,
            )
            in_class = seen_in_class + unseen_alloc
            lam = rng.beta(1.0 + on_list_in_class, 1.0 + in_class[:, None, :] - on_list_in_class)
            lam = np.clip(lam, _TINY, 1.0 - _TINY)

            later = np.cumsum(in_class[:, ::-1], axis=1)[:, ::-1] - in_class
            sticks = np.ones((batch, classes))
            if classes > 1:
                sticks[:, :-1] = rng.beta(1.0 + in_class[:, :-1], alpha[:, None] + later[:, :-1])
            sticks[:, :-1] = np.clip(sticks[:, :-1], _TINY, 1.0 - 1e-10)
            weights = _stick_breaking(sticks)
            log_rest = np.log1p(-sticks[:, :-1]).sum(axis=1)
            alpha = rng.gamma(
                settings.alpha_shape + classes - 1, 1.0 / (settings.alpha_rate - log_rest)
            )
            if iteration % thin == thin - 1:
                kept[:, iteration // thin] = observed + unseen_alloc.sum(axis=1)
        self.lam, self.alpha, self.weights = lam, alpha, weights
        return kept.reshape(self.n_tables, settings.chains, -1)


def _stick_terms(in_class: FloatArray, alpha: FloatArray) -> FloatArray:
    """log of the stick-breaking prior's marginal of the class sizes (weights integrated)."""
    later = np.cumsum(in_class[:, ::-1], axis=1)[:, ::-1] - in_class
    head, rest = in_class[:, :-1], later[:, :-1] + alpha[:, None]
    return np.asarray(
        (
            special.gammaln(1.0 + head) + special.gammaln(rest) - special.gammaln(1.0 + head + rest)
        ).sum(axis=1),
        dtype=np.float64,
    )


def _move_unseen(
    rng: np.random.Generator,
    unseen: FloatArray,
    seen_in_class: FloatArray,
    on_list_in_class: FloatArray,
    observed: npt.NDArray[np.int64],
    alpha: FloatArray,
    moves: int,
) -> FloatArray:
    """Metropolis-Hastings moves of the unobserved count of one class at a time, targeting
    p(unobserved per class | observed people's classes, alpha) with the capture probabilities
    and class weights integrated out:

        log Γ(N) − Σ_k log Γ(u_k + 1) + stick-breaking marginal of the class sizes
        + Σ_k Σ_j [log Γ(1 + m_k − s_jk) − log Γ(2 + m_k)]

    (``u_k`` unobserved and ``m_k`` all people in class k, ``s_jk`` of them on list j). Given
    the capture probabilities the unobserved count is pinned to within a few per cent, so Gibbs
    steps alone crawl along its wide posterior; these moves jump along it at scales from 1 to
    twice the observed count."""
    batch, classes = unseen.shape
    n_lists = on_list_in_class.shape[1]
    rows = np.arange(batch)
    log_top = np.log(2.0 * np.maximum(observed, 5))

    def capture_terms(in_class: FloatArray, on_list: FloatArray) -> FloatArray:
        # in_class (batch,), on_list (batch, lists): the class's integrated capture likelihood
        return np.asarray(
            special.gammaln(1.0 + in_class[:, None] - on_list).sum(axis=1)
            - n_lists * special.gammaln(2.0 + in_class),
            dtype=np.float64,
        )

    in_class = seen_in_class + unseen
    sticks: FloatArray = _stick_terms(in_class, alpha)
    for _ in range(moves):
        # Choose the class with probability (unseen + 1) / (total + classes): big classes move.
        choose = (unseen + 1.0) / (unseen.sum(axis=1, keepdims=True) + classes)
        k = np.minimum(
            (rng.random(size=(batch, 1)) > np.cumsum(choose, axis=1)).sum(axis=1), classes - 1
        )
        step = np.rint(np.exp(rng.random(batch) * log_top) * rng.standard_normal(batch))
        # A zero step becomes one person either way (keeps the proposal symmetric).
        step = np.where(step == 0, np.where(rng.random(batch) < 0.5, -1.0, 1.0), step)
        old_u = unseen[rows, k]
        new_u = old_u + step
        valid = new_u >= 0
        new_u = np.where(valid, new_u, old_u)
        on_list = on_list_in_class[rows, :, k]
        old_m = in_class[rows, k]
        new_m = old_m + (new_u - old_u)
        proposal = in_class.copy()
        proposal[rows, k] = new_m
        new_sticks = _stick_terms(proposal, alpha)
        total = observed + unseen.sum(axis=1)
        new_total = total + (new_u - old_u)
        back = (new_u + 1.0) / (new_total - observed + classes)
        log_ratio = (
            special.gammaln(new_total)
            - special.gammaln(total)
            - special.gammaln(new_u + 1.0)
            + special.gammaln(old_u + 1.0)
            + new_sticks
            - sticks
            + capture_terms(new_m, on_list)
            - capture_terms(old_m, on_list)
            + np.log(back)
            - np.log(choose[rows, k])
        )
        accept = valid & (np.log(rng.random(batch)) < log_ratio)
        unseen[rows, k] = np.where(accept, new_u, old_u)
        in_class[rows, k] = np.where(accept, new_m, old_m)
        sticks = np.where(accept, new_sticks, sticks)
    return unseen


def _stick_breaking(sticks: FloatArray) -> FloatArray:
    sticks = sticks.copy()
    sticks[:, -1] = 1.0
    remaining = np.cumprod(1.0 - sticks, axis=1)
    weights = sticks.copy()
    weights[:, 1:] *= remaining[:, :-1]
    return weights
