"""The simulation check on a table's own shape: would the lead's interval hold the truth here?

A table's lists, their sizes and the number of people seen fix how much it can say about the
people no list recorded. When most people are hard to record, few of them are on two or more
lists, and no model can see how many were missed: on tables shaped like a registry stratum
(six lists of very different sizes, a few hundred people) the latent-class intervals held the
true total in under half of the simulated tables (docs/benchmarks.md).

So before a report leads with a latent-class estimate, tables *shaped like this one* are drawn
from a population of known size where capture is heterogeneous — ``hard_share`` of the people
``harder`` times harder to record than the rest (by default 70% of the people, four and a half
times harder: the inequality of the study's registry-shaped scenario) — with the same
lists, the same expected list sizes and the same expected number of people seen: the population
such a table would come from, were its people that unequal. (Not a population of the size
estimated: under heterogeneity that estimate is too low, and a population of that size would
hold its lists' people more often than the table shows, so the check would pass where it
matters most.) Each is estimated as the report's table was (a shorter run of the same sampler)
and the check counts the tables whose interval held the true total. When fewer than
``pass_share`` of them did, the check fails and the lead's interval is widened: its upper end
by how far those intervals fell short (a bound on truth over upper end that a further such
table stays under with probability 0.95: the largest of 20), its lower end likewise, an
interval that would hold the truth of 19 in 20 such tables (the rule: docs/estimation.md).

What the check does not do: it does not say the population *is* heterogeneous (the data
cannot tell); it says that, were it so, this table could not show it, and widens the lead to
match. On tables whose lists are large it passes, or finds that no such population fits the
table (so large a share of the people cannot be that hard to record), and changes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from tizim.core.estimation.latent_class import LatentClassSettings, fit_latent_class_batch
from tizim.core.estimation.simulate import latent_class_cells, simulate_table
from tizim.core.estimation.tables import CaptureHistoryTable

FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class ShapeCheckSettings:
    """How the check is run: ``tables`` simulated tables (0 turns the check off), a population
    with ``hard_share`` of the people ``harder`` times harder to record than the rest; it
    passes when at least ``pass_share`` of the intervals hold the truth. The tables are
    estimated with ``sampler`` (shorter chains than a report's: a check, not a result)."""

    tables: int = 20
    hard_share: float = 0.7
    harder: float = 4.5
    pass_share: float = 0.9
    sampler: LatentClassSettings = field(
        default_factory=lambda: LatentClassSettings(
            chains=2, start=50, burn_in=150, samples=100, thin=2, extensions=0
        )
    )

    def __post_init__(self) -> None:
        if self.tables < 0:
            raise ValueError("the number of simulated tables cannot be negative")
        if not 0.0 < self.hard_share < 1.0:
            raise ValueError("the share of hard-to-record people must be between 0 and 1")
        if self.harder < 1.0:
            raise ValueError("'harder' is how many times harder to record: at least 1")
        if not 0.0 < self.pass_share <= 1.0:
            raise ValueError("the share of intervals that must hold is between 0 and 1")

    @property
    def population_text(self) -> str:
        """The simulated population in words (English; the pages translate from the figures)."""
        return (
            f"{self.hard_share:.0%} of the people {self.harder:g} times harder to record "
            "than the rest"
        )


@dataclass(frozen=True)
class ShapeCheck:
    """The check's outcome for one table: ``held`` of ``tables`` intervals held the truth of
    a population of ``population``; ``low_factor``/``high_factor`` stretch the lead's interval
    bounds (1 when the check passed); ``bias_factor`` says how far the simulated tables'
    estimates fell short (truth over estimate, their median; at least 1, 1 when the check
    passed), for the record: the lead keeps the model's estimate."""

    tables: int
    held: int
    population: int
    passed: bool
    low_factor: float
    high_factor: float
    bias_factor: float
    settings: ShapeCheckSettings

    @property
    def message(self) -> str:
        """What the check found, in words."""
        verdict = "passed" if self.passed else "failed"
        return (
            f"Simulation check on this table's shape {verdict}: on {self.tables} tables with "
            f"the same lists, list sizes and number of people seen, drawn from a population "
            f"of {self.population:,} with {self.settings.population_text}, the latent-class "
            f"interval held the true total in {self.held}."
        )

    def to_dict(self) -> dict[str, object]:
        """Plain data."""
        return {
            "tables": self.tables,
            "held": self.held,
            "population": self.population,
            "passed": self.passed,
            "low_factor": self.low_factor,
            "high_factor": self.high_factor,
            "bias_factor": self.bias_factor,
            "hard_share": self.settings.hard_share,
            "harder": self.settings.harder,
            "message": self.message,
        }


def stressed_population(
    table: CaptureHistoryTable, settings: ShapeCheckSettings
) -> tuple[int, FloatArray] | None:
    """A population shaped like ``table`` in which capture is heterogeneous: its size and cell
    probabilities, such that each list's expected size and the expected number of people seen
    are the table's. None when no such population exists (lists so large that even with
    every hard-to-record person missed the table would hold more people than it does)."""
    sizes = np.array(list(table.list_sizes().values()), dtype=np.float64)
    seen = float(table.observed)
    if seen <= 0 or (sizes <= 0).any():
        return None
    hard, ratio = settings.hard_share, 1.0 / settings.harder
    mean_factor = (1.0 - hard) + hard * ratio  # easy probability x this = average probability

    def expected_seen(total: float) -> float:
        easy = sizes / (total * mean_factor)
        missed = (1.0 - hard) * np.prod(1.0 - easy) + hard * np.prod(1.0 - ratio * easy)
        return float(total * (1.0 - missed))

    low = max(seen, float(sizes.max()) / mean_factor * (1.0 + 1e-9))
    if expected_seen(low) > seen:
        return None
    high = low * 2.0
    while expected_seen(high) < seen:
        if high > low * 1e6:
            return None
        high *= 2.0
    for _ in range(80):  # bisection: the expected number seen grows with the total
        middle = (low + high) / 2.0
        low, high = (middle, high) if expected_seen(middle) < seen else (low, middle)
    total = (low + high) / 2.0
    easy = sizes / (total * mean_factor)
    cells = latent_class_cells([1.0 - hard, hard], [list(easy), list(ratio * easy)])
    return round(total), cells


def check_shapes(
    tables: Sequence[CaptureHistoryTable | None],
    settings: ShapeCheckSettings,
    *,
    level: float = 0.95,
    seed: int | np.random.SeedSequence | None = 0,
) -> list[ShapeCheck | None]:
    """Run the check on each table (None for no table, where no stressed population exists,
    or when the check is off); the simulations are estimated together, per number of lists."""
    if settings.tables == 0:
        return [None for _ in tables]
    sequence = seed if isinstance(seed, np.random.SeedSequence) else np.random.SeedSequence(seed)
    draw_seed, fit_seed = sequence.spawn(2)
    rng = np.random.default_rng(draw_seed)
    batches: dict[int, list[CaptureHistoryTable]] = {}  # simulated tables, by number of lists
    slots: list[tuple[int, int, int, int] | None] = []  # (total, lists, first, count)
    for table in tables:
        population = None if table is None else stressed_population(table, settings)
        if table is None or population is None:
            slots.append(None)
            continue
        total, cells = population
        simulated = [
            simulate_table(total, cells, lists=table.lists, seed=rng)
            for _ in range(settings.tables)
        ]
        batch = batches.setdefault(table.n_lists, [])
        kept = [s for s in simulated if s.observed > 0]
        slots.append((total, table.n_lists, len(batch), len(kept)))
        batch.extend(kept)
    fitted: dict[int, FloatArray] = {}
    for (n_lists, batch), group_seed in zip(
        sorted(batches.items()), fit_seed.spawn(max(len(batches), 1)), strict=False
    ):
        posteriors = fit_latent_class_batch(batch, settings.sampler, seed=group_seed)
        fitted[n_lists] = np.array(
            [(p.median, *p.credible_interval(level)) for p in posteriors], dtype=np.float64
        ).reshape(-1, 3)
    return [
        None
        if slot is None or slot[3] == 0
        else _outcome(slot[0], fitted[slot[1]][slot[2] : slot[2] + slot[3]], settings)
        for slot in slots
    ]


def check_shapes_soon(
    tables: Sequence[CaptureHistoryTable | None],
    settings: ShapeCheckSettings,
    *,
    level: float = 0.95,
    seed: int | np.random.SeedSequence | None = 0,
) -> Future[list[ShapeCheck | None]]:
    """:func:`check_shapes`, started now in a thread of its own. The check needs only the
    tables, not their estimates, and the sampler's kernel runs without holding the
    interpreter: on a machine with two cores the check costs a report little wall time."""
    if settings.tables == 0 or all(table is None for table in tables):
        nothing: Future[list[ShapeCheck | None]] = Future()  # no thread for no work
        nothing.set_result([None for _ in tables])
        return nothing
    executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tizim-shape-check")
    try:
        return executor.submit(check_shapes, list(tables), settings, level=level, seed=seed)
    finally:
        executor.shutdown(wait=False)


def _outcome(total: int, fitted: FloatArray, settings: ShapeCheckSettings) -> ShapeCheck:
    """Score the simulated tables' (median, lower, upper) against the true ``total``."""
    medians, lowers, uppers = fitted[:, 0], fitted[:, 1], fitted[:, 2]
    held = int(((lowers <= total) & (total <= uppers)).sum())
    passed = held >= settings.pass_share * len(fitted)
    low_factor = high_factor = bias_factor = 1.0
    if not passed:
        # How far the bounds fell short: stretched so that 19 in 20 such tables would hold. Not
        # the 95th percentile of the 20: a further table exceeds that one time in ten.
        high_factor = max(1.0, prediction_bound(total / uppers, 0.95))
        low_factor = min(1.0, -prediction_bound(-(total / lowers), 0.95))
        bias_factor = max(1.0, float(np.median(total / medians)))
    return ShapeCheck(
        tables=len(fitted),
        held=held,
        population=total,
        passed=passed,
        low_factor=low_factor,
        high_factor=high_factor,
        bias_factor=bias_factor,
        settings=settings,
    )


def prediction_bound(values: FloatArray, share: float) -> float:
    """The order statistic that a further draw from the same distribution stays at or below
    with probability ``share`` at least: the k-th smallest of n, k = ceil(share (n + 1)), at most
    the largest. (The empirical quantile at ``share`` holds a further draw with probability
    about k/(n + 1) only: 0.90, not 0.95, for 20 values.)"""
    ordered = np.sort(values)
    rank = min(len(ordered), int(np.ceil(share * (len(ordered) + 1))))
    return float(ordered[rank - 1])
