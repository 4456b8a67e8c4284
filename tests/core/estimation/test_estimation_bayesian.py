"""The Bayesian methods: graphical model averaging (exact) and the latent-class model (Gibbs
sampler), and the convergence diagnostics."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import special

from tizim.core.estimation import (
    CaptureHistoryTable,
    LatentClassSettings,
    fit_graphical_bma,
    fit_latent_class,
    fit_latent_class_batch,
    fit_loglinear,
)
from tizim.core.estimation.diagnostics import effective_sample_size, split_rhat
from tizim.core.estimation.graphical import _decomposable_graphs
from tizim.core.estimation.simulate import independent_cells, latent_class_cells, simulate_table

HETEROGENEOUS = latent_class_cells(
    [0.25, 0.75], [[0.5, 0.45, 0.6, 0.5, 0.55], [0.1, 0.08, 0.15, 0.12, 0.1]]
)


@pytest.mark.parametrize(("lists", "graphs"), [(3, 8), (4, 61), (5, 822), (6, 18154)])
def test_every_decomposable_graph_is_found(lists, graphs):
    found = _decomposable_graphs(lists)
    assert len(found.terms) == graphs
    assert len(found.without_complete().terms) == graphs - 1
    # cliques minus separators = connected components, between 1 and the number of lists
    assert found.components.min() == 1 and found.components.max() == lists


def _naive_bma_median(table: CaptureHistoryTable, grid: np.ndarray) -> float:
    """Madigan & York on three lists written out graph by graph (every graph on three
    vertices is decomposable; the complete one is left out, as in the implementation), as a
    reference for the vectorised implementation."""
    a, b, c = 1, 2, 4  # vertex masks
    graphs = [
        ([a, b, c], []),
        ([a | b, c], []),
        ([a | c, b], []),
        ([b | c, a], []),
        ([a | b, b | c], [b]),
        ([a | b, a | c], [a]),
        ([a | c, b | c], [c]),
    ]
    delta = 2.0**-3
    n = table.observed
    patterns = table.patterns()
    counts = table.cell_counts().astype(float)

    def marginal_term(mask: int, unseen: np.ndarray) -> np.ndarray:
        members = [i for i in range(3) if mask >> i & 1]
        alpha = delta * 2.0 ** (3 - len(members))
        cells: dict[tuple[int, ...], float] = {}
        for pattern, count in zip(patterns, counts, strict=True):
            key = tuple(int(pattern[i]) for i in members)
            cells[key] = cells.get(key, 0.0) + count
        zero = cells.pop(tuple(0 for _ in members), 0.0)
        other = sum(special.gammaln(v + alpha) - special.gammaln(alpha) for v in cells.values())
        return other + special.gammaln(zero + unseen + alpha) - special.gammaln(alpha)

    total = n + grid
    rows = []
    for cliques, separators in graphs:
        value = sum(marginal_term(m, grid) for m in cliques)
        value = value - sum((marginal_term(m, grid) for m in separators), np.zeros_like(grid))
        components = len(cliques) - len(separators)
        value = value + components * (special.gammaln(1.0) - special.gammaln(total + 1.0))
        rows.append(value + special.gammaln(total + 1) - special.gammaln(grid + 1) - np.log(total))
    log_post = np.array(rows)
    weights = np.exp(log_post - log_post.max()).sum(axis=0)
    cdf = np.cumsum(weights) / weights.sum()
    return float(total[np.searchsorted(cdf, 0.5)])


def test_graphical_averaging_matches_a_graph_by_graph_computation():
    table = CaptureHistoryTable(
        ["A", "B", "C"],
        {(1, 0, 0): 120, (0, 1, 0): 90, (0, 0, 1): 60, (1, 1, 0): 40, (1, 0, 1): 25},
    )
    posterior = fit_graphical_bma(table)
    reference = _naive_bma_median(table, np.arange(0.0, 20000.0))
    assert posterior.median == pytest.approx(reference, rel=0.003)
    assert sum(p for _, p in posterior.top_models) <= 1.0


def test_graphical_averaging_recovers_an_independent_population():
    population = 1500
    table = simulate_table(population, independent_cells([0.3, 0.2, 0.25, 0.3, 0.2]), seed=8)
    posterior = fit_graphical_bma(table)
    lower, upper = posterior.credible_interval()
    assert lower <= population <= upper
    assert abs(posterior.median - population) / population < 0.05
    assert posterior.tail_mass < 1e-6


def test_latent_class_with_one_class_reproduces_the_exact_posterior():
    table = simulate_table(400, independent_cells([0.2, 0.15, 0.3]), seed=3)
    n = table.observed
    sizes = np.array(list(table.list_sizes().values()))
    totals = np.arange(n, 20 * n)
    log_post = (
        -np.log(totals)
        + special.gammaln(totals + 1)
        - special.gammaln(totals - n + 1)
        + sum(special.betaln(1 + s, 1 + totals - s) for s in sizes)
    )
    cdf = np.cumsum(np.exp(log_post - log_post.max()))
    cdf /= cdf[-1]
    exact = [totals[np.searchsorted(cdf, q)] for q in (0.025, 0.5, 0.975)]
    settings = LatentClassSettings(max_classes=1, burn_in=200, samples=2500)
    posterior = fit_latent_class(table, settings, seed=4)
    sampled = np.quantile(posterior.draws, [0.025, 0.5, 0.975])
    np.testing.assert_allclose(sampled, exact, rtol=0.03)


def test_latent_class_model_handles_heterogeneous_capture():
    """A quarter of the people are easy to record on every list, the rest hard (more than half
    of them on no list): independence counts far too few; the latent-class model comes much
    closer, and its intervals hold the truth in most of four simulated tables."""
    population = 2000
    tables = [simulate_table(population, HETEROGENEOUS, seed=seed) for seed in (30, 31, 32, 33)]
    posteriors = fit_latent_class_batch(tables, seed=2)
    covered = 0
    errors, independence_errors = [], []
    for table, posterior in zip(tables, posteriors, strict=True):
        independence = fit_loglinear(table).estimate
        assert independence < 0.75 * population
        assert abs(posterior.median - population) < abs(independence - population)
        errors.append(abs(posterior.median - population))
        independence_errors.append(abs(independence - population))
        assert posterior.rhat < 1.1
        lower, upper = posterior.credible_interval()
        covered += lower <= population <= upper
    assert np.mean(errors) < 0.5 * np.mean(independence_errors)
    assert covered >= 3


def test_latent_class_draws_are_repeatable_with_the_seed():
    table = simulate_table(500, independent_cells([0.3, 0.3, 0.3]), seed=1)
    settings = LatentClassSettings(burn_in=50, samples=100, extensions=0)
    first = fit_latent_class(table, settings, seed=9).draws
    again = fit_latent_class(table, settings, seed=9).draws
    other = fit_latent_class(table, settings, seed=10).draws
    np.testing.assert_array_equal(first, again)
    assert not np.array_equal(first, other)
    assert first.shape == (settings.chains, settings.samples)


def test_chains_that_have_not_converged_are_continued():
    table = simulate_table(500, independent_cells([0.3, 0.3, 0.3, 0.3]), seed=1)
    short = LatentClassSettings(burn_in=0, samples=30, extensions=2, target_ess=10_000)
    posterior = fit_latent_class(table, short, seed=1)
    assert posterior.extensions == 2
    # Each extension keeps every second earlier draw and adds 30 at twice the thinning.
    assert posterior.draws.shape == (4, (30 // 2 + 30) // 2 + 30)
    easy = LatentClassSettings(burn_in=0, samples=30, extensions=2, target_ess=1, target_rhat=9)
    assert fit_latent_class(table, easy, seed=1).extensions == 0


def test_a_batch_of_strata_gives_one_posterior_each():
    tables = [simulate_table(n, independent_cells([0.3, 0.3, 0.3]), seed=n) for n in (300, 900)]
    settings = LatentClassSettings(burn_in=100, samples=300)
    first, second = fit_latent_class_batch(tables, settings, seed=1)
    assert first.median < 600 < second.median
    with pytest.raises(ValueError, match="same number of lists"):
        fit_latent_class_batch(
            [tables[0], simulate_table(300, independent_cells([0.3, 0.3]), seed=1)]
        )


def test_latent_class_settings_are_checked():
    with pytest.raises(ValueError, match="2 chains"):
        LatentClassSettings(chains=1)
    with pytest.raises(ValueError, match="samples"):
        LatentClassSettings(samples=5)


def test_rhat_and_ess_of_independent_and_of_stuck_chains():
    rng = np.random.default_rng(0)
    iid = rng.standard_normal((4, 1000))
    assert split_rhat(iid) < 1.01
    assert effective_sample_size(iid) == pytest.approx(4000, rel=0.15)
    apart = iid + np.array([[0.0], [0.0], [3.0], [3.0]])
    assert split_rhat(apart) > 1.5
    # AR(1) with rho = 0.9: effective size about n (1 - rho) / (1 + rho).
    ar = np.zeros((4, 4000))
    for t in range(1, 4000):
        ar[:, t] = 0.9 * ar[:, t - 1] + rng.standard_normal(4)
    assert effective_sample_size(ar) == pytest.approx(16000 * 0.1 / 1.9, rel=0.3)
    drifting = np.cumsum(rng.standard_normal((4, 1000)), axis=1)
    assert split_rhat(drifting) > 1.1
