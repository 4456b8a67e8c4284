"""Bayesian model averaging over decomposable graphical models (Madigan & York 1997).

Each decomposable graph on the lists is a model of which lists depend on which (an edge: the two
lists are dependent given the others). With a hyper-Dirichlet prior on the cell probabilities,
the posterior of the unobserved count under every graph has a closed form, so the average over
all graphs (weighted by how well each explains the table) is computed exactly: no Markov chain,
no convergence to check, the same answer every run. This is the method of the R package dga
(Johndrow, Lum & Ball, HRDAG), with its defaults: hyper-Dirichlet ``delta = 2**-lists`` per cell,
prior ``1/N`` on the total, all decomposable graphs equally likely a priori — except the
complete graph, which is left out by default: under it the unobserved cell is informed by the
prior alone (the saturated log-linear model), its posterior has the prior's heavy tail, and its
weight depends on ``delta`` and on where the search for the total stops (dga leaves that to the
user's ``Nmissing`` range). ``complete_graph=True`` keeps it, as dga does.

Heterogeneous capture (some people easier to document on every list) shows up as positive
dependence between lists, which the graphs with edges absorb only in part: in the simulation
study (docs/benchmarks.md) strong heterogeneity leaves this method far too low, as it
does independence. Its strength is list dependence and model uncertainty: the averaging spreads
the interval over the models the data cannot tell apart, instead of betting on one.

Cost: the graphs on ``k`` lists are enumerated once per process, all at once with numpy (3
lists: 8 graphs, 4: 61, 5: 822, 6: 18,154; 0.1 s for 6); 7 or more lists are refused (over a
million graphs). The unobserved count is first scanned on a coarse geometric grid up to
``grid_factor`` times the observed count, then evaluated on about 300 points (unit steps, then
steps of a few per cent) where the posterior lies, and integrated by the trapezoid rule. A
posterior that reaches the end of the range is reported (``tail_mass``).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import numpy.typing as npt
from scipy import special

from tizim.core.estimation.tables import CaptureHistoryTable

FloatArray = npt.NDArray[np.float64]
MAX_LISTS = 6
_PRUNE = 20.0
_FINE_POINTS = 300


@dataclass(frozen=True)
class GraphPosterior:
    """The model-averaged posterior of the total on a grid, and the best-supported graphs."""

    observed: int
    totals: FloatArray = field(repr=False)
    probabilities: FloatArray = field(repr=False)
    top_models: tuple[tuple[str, float], ...]
    tail_mass: float

    def quantile(self, q: float) -> float:
        """A quantile of the posterior of the total (linear interpolation of the CDF)."""
        return float(self.quantiles(np.array([q]))[0])

    def quantiles(self, q: npt.ArrayLike) -> FloatArray:
        """Quantiles of the posterior of the total; with uniform ``q``, draws from it."""
        # Each grid point carries the mass of the interval around it: the CDF at a point is
        # the mass below it plus half its own.
        p = self.probabilities / self.probabilities.sum()
        cdf = np.cumsum(p) - p / 2.0
        return np.asarray(
            np.interp(np.asarray(q, dtype=np.float64), cdf, self.totals), dtype=np.float64
        )

    @property
    def median(self) -> float:
        """Posterior median of the total."""
        return self.quantile(0.5)

    @property
    def density(self) -> FloatArray:
        """The posterior density (per person) at each grid point."""
        return np.asarray(self.probabilities / _widths(self.totals), dtype=np.float64)

    @property
    def mean(self) -> float:
        """Posterior mean of the total."""
        return float(np.sum(self.totals * self.probabilities) / np.sum(self.probabilities))

    def credible_interval(self, level: float = 0.95) -> tuple[float, float]:
        """Equal-tailed credible interval of the total."""
        if not 0.0 < level < 1.0:
            raise ValueError(f"the interval level must be between 0 and 1, got {level}")
        tail = (1.0 - level) / 2.0
        return self.quantile(tail), self.quantile(1.0 - tail)


@dataclass(frozen=True)
class _Graphs:
    terms: FloatArray  # graphs × 2**k: +1 per clique, -1 per separator (column = vertex mask)
    components: FloatArray  # graphs: connected components (cliques minus separators)

    def without_complete(self) -> _Graphs:
        """The same graphs but the complete one."""
        kept = self.terms[:, -1] == 0
        return _Graphs(terms=self.terms[kept], components=self.components[kept])


@lru_cache(maxsize=8)
def _decomposable_graphs(n_lists: int) -> _Graphs:
    """Every decomposable (chordal) graph on ``n_lists`` vertices, found by running maximum
    cardinality search (Tarjan & Yannakakis 1984) on all graphs at once: a graph is chordal iff
    the earlier-numbered neighbours of each vertex form a clique; a vertex whose number of such
    neighbours does not grow starts a new clique, and those neighbours are its separator."""
    if n_lists > MAX_LISTS:
        raise ValueError(
            f"graphical model averaging handles at most {MAX_LISTS} lists (there are over a "
            f"million graphs on {n_lists}); merge or leave out lists"
        )
    edges = list(itertools.combinations(range(n_lists), 2))
    graphs = np.arange(1 << len(edges), dtype=np.int64)
    adjacency = np.zeros((len(graphs), n_lists), dtype=np.int64)
    for e, (a, b) in enumerate(edges):
        present = (graphs >> e) & 1
        adjacency[:, a] |= present << b
        adjacency[:, b] |= present << a
    # complete[g, mask]: every pair of vertices in mask is an edge of graph g.
    edges_within = np.array(
        [
            sum(1 << e for e, (a, b) in enumerate(edges) if mask >> a & 1 and mask >> b & 1)
            for mask in range(1 << n_lists)
        ],
        dtype=np.int64,
    )
    complete = (graphs[:, None] & edges_within[None, :]) == edges_within[None, :]
    rows = np.arange(len(graphs))
    bits = np.arange(n_lists)
    weights = np.zeros((len(graphs), n_lists), dtype=np.int64)
    numbered = np.zeros(len(graphs), dtype=np.int64)
    previous_size = np.full(len(graphs), -1)
    current = np.zeros(len(graphs), dtype=np.int64)
    chordal = np.ones(len(graphs), dtype=bool)
    terms = np.zeros((len(graphs), 1 << n_lists))
    for _ in range(n_lists):
        is_numbered = ((numbered[:, None] >> bits) & 1).astype(bool)
        vertex = np.where(is_numbered, -1, weights).argmax(axis=1)
        earlier = adjacency[rows, vertex] & numbered
        chordal &= complete[rows, earlier]
        size = np.array([bin(int(m)).count("1") for m in range(1 << n_lists)])[earlier]
        starts = size <= previous_size
        finished = starts & (current > 0)
        terms[rows[finished], current[finished]] += 1.0
        separated = starts & (earlier > 0)
        terms[rows[separated], earlier[separated]] -= 1.0
        current = np.where(starts, earlier, current) | (1 << vertex)
        previous_size = size
        numbered |= 1 << vertex
        weights += (adjacency[rows, vertex][:, None] >> bits) & 1
    terms[rows, current] += 1.0
    kept = terms[chordal]
    return _Graphs(terms=kept, components=kept.sum(axis=1))


def _coarse_grid(observed: int, factor: float) -> FloatArray:
    top = max(factor * observed, 1000.0)
    return np.unique(np.concatenate([np.arange(0.0, 20.0), np.geomspace(20.0, top, 45)]))


def _fine_grid(low: float, high: float, points: int = _FINE_POINTS) -> FloatArray:
    """Unit steps for the first values (a third of the points, at most 100), then geometric
    steps (a few per cent apart with the default 300 points)."""
    start, stop = np.floor(low), np.ceil(high)
    if stop - start <= points:
        return np.arange(start, stop + 1.0)
    units = min(100, points // 3)
    head = np.arange(start, start + units)
    tail = np.geomspace(start + units, stop, points - units)
    return np.unique(np.concatenate([head, tail]))


def _widths(grid: FloatArray) -> FloatArray:
    """Trapezoid weights for integrating a density sampled on the grid."""
    if len(grid) == 1:
        return np.ones(1)
    gaps = np.diff(grid)
    widths = np.zeros_like(grid)
    widths[:-1] += gaps / 2.0
    widths[1:] += gaps / 2.0
    return widths


class _LogPosterior:
    """log p(graph, unobserved | table) up to a constant, evaluated on any grid of unobserved
    counts: every marginal table's (one per subset of lists) log marginal likelihood depends on
    the unobserved count only through the marginal's all-zero cell."""

    def __init__(self, table: CaptureHistoryTable, delta: float) -> None:
        n_lists = table.n_lists
        self.observed = float(table.observed)
        self.delta = delta
        self.n_lists = n_lists
        codes = table.patterns().astype(np.int64) @ (1 << np.arange(n_lists))
        counts = table.cell_counts().astype(np.float64)
        self.alpha = np.zeros(1 << n_lists)
        self.zero_cell = np.zeros(1 << n_lists)
        self.constant = np.zeros(1 << n_lists)
        for mask in range(1, 1 << n_lists):
            size = bin(mask).count("1")
            alpha = delta * 2.0 ** (n_lists - size)
            marginal = np.bincount(
                _compress(codes & mask, mask), weights=counts, minlength=1 << size
            )
            self.alpha[mask] = alpha
            self.zero_cell[mask] = marginal[0]
            self.constant[mask] = float(
                np.sum(special.gammaln(marginal[1:] + alpha) - special.gammaln(alpha))
            ) - float(special.gammaln(alpha))

    def evaluate(self, terms: FloatArray, components: FloatArray, unseen: FloatArray) -> FloatArray:
        """Graphs × grid log posterior, the grid's trapezoid widths included."""
        totals = self.observed + unseen
        by_subset = self.constant[1:, None] + special.gammaln(
            self.zero_cell[1:, None] + unseen[None, :] + self.alpha[1:, None]
        )
        by_subset = np.vstack([np.zeros((1, len(unseen))), by_subset])
        total_alpha = self.delta * 2.0**self.n_lists
        per_component = special.gammaln(total_alpha) - special.gammaln(totals + total_alpha)
        common = (
            special.gammaln(totals + 1.0)
            - special.gammaln(unseen + 1.0)
            - np.log(totals)  # the 1/N prior
            + np.log(_widths(unseen))
        )
        return np.asarray(
            terms @ by_subset + np.outer(components, per_component) + common, dtype=np.float64
        )


def fit_graphical_bma(
    table: CaptureHistoryTable,
    *,
    delta: float | None = None,
    grid_factor: float = 100.0,
    top: int = 3,
    complete_graph: bool = False,
    fine_points: int = _FINE_POINTS,
) -> GraphPosterior:
    """The model-averaged posterior of the total over all decomposable graphs on the lists.

    ``delta`` is the hyper-Dirichlet prior count per cell (default ``2**-lists``); the
    unobserved count is searched up to ``grid_factor`` times the observed count;
    ``fine_points`` is the size of the grid the quantiles are read from (fewer: faster and
    coarser, as for a sensitivity line).

    The complete graph leaves the unobserved cell to the prior alone (in log-linear terms the
    saturated model): its posterior has a tail as heavy as the prior's, and its weight depends
    on ``delta`` and on where the search for the total stops. Like the saturated log-linear
    model it is left out, unless ``complete_graph`` (as dga does; on the UK 2013 table with
    ``delta = 0.5`` it then takes 99.5% of the weight and the estimate collapses to 2,789).

    Two passes: a coarse geometric grid over the whole range finds where the posterior lies
    and which graphs matter (those within ``e**-20`` of the best one); a fine grid of 200 points
    over that range then gives the quantiles.
    """
    n_lists = table.n_lists
    graphs = _decomposable_graphs(n_lists)
    if not complete_graph:
        graphs = graphs.without_complete()
    delta = 2.0**-n_lists if delta is None else float(delta)
    if delta <= 0:
        raise ValueError("delta must be positive")
    if table.observed == 0:
        raise ValueError("a table with nobody observed has no estimate")
    posterior = _LogPosterior(table, delta)

    coarse = _coarse_grid(table.observed, grid_factor)
    log_coarse = posterior.evaluate(graphs.terms, graphs.components, coarse)
    best = log_coarse.max(axis=1)
    kept = best >= best.max() - _PRUNE
    terms, components = graphs.terms[kept], graphs.components[kept]
    mass = np.exp(log_coarse[kept] - log_coarse[kept].max()).sum(axis=0)
    cumulative = np.cumsum(mass) / mass.sum()
    first = max(int(np.searchsorted(cumulative, 1e-7)) - 2, 0)
    last = min(int(np.searchsorted(cumulative, 1.0 - 1e-7)) + 2, len(coarse) - 1)
    tail = float(mass[-3:].sum() / mass.sum())

    unseen = _fine_grid(float(coarse[first]), float(coarse[last]), fine_points)
    log_post = posterior.evaluate(terms, components, unseen)
    weights = np.exp(log_post - log_post.max())
    by_total = weights.sum(axis=0)
    by_graph = weights.sum(axis=1)
    by_graph /= by_graph.sum()
    order = np.argsort(by_graph)[::-1][:top]
    top_models = tuple(
        (_graph_name(np.flatnonzero(terms[g] > 0), table.lists), float(by_graph[g])) for g in order
    )
    return GraphPosterior(
        observed=table.observed,
        totals=table.observed + unseen,
        probabilities=by_total / by_total.sum(),
        top_models=top_models,
        tail_mass=tail,
    )


def _compress(values: npt.NDArray[np.int64], mask: int) -> npt.NDArray[np.int64]:
    """Squeeze the bits of ``values`` selected by ``mask`` into consecutive low bits."""
    out = np.zeros_like(values)
    position = 0
    for bit in range(mask.bit_length()):
        if mask >> bit & 1:
            out |= ((values >> bit) & 1) << position
            position += 1
    return out


def _graph_name(cliques: npt.NDArray[np.intp], lists: tuple[str, ...]) -> str:
    n = len(lists)

    def members(mask: int) -> list[str]:
        return [lists[i] for i in range(n) if mask >> i & 1]

    parts = ["*".join(members(int(mask))) for mask in cliques]
    return " + ".join(sorted(parts, key=lambda p: (-p.count("*"), p)))
