"""Simulation study of the multiple systems estimators: bias and interval coverage on
populations of known size, and the time of the default path on 6 lists × 10 strata.

    .venv/bin/python bench/estimation_sim.py --replicates 100 --seed 1

Scenarios (5 lists, population ``--population``, 1,000 by default):

* independent — each list captures each person independently (probabilities 0.15–0.35);
* dependence  — positive two-way dependence: lists A and B share informants (log odds ratio
  1.5), so do C and D (1.0);
* heterogeneity (moderate) — two latent classes: 30% of the people are easy to record
  (capture probabilities 0.4–0.55 on every list), the rest harder (0.15–0.25);
* heterogeneity (strong) — a quarter of the people are easy to record (0.45–0.6), the rest
  hard (0.08–0.15): more than half of them are on no list.

For each scenario and method: mean relative bias of the point estimate ((estimate − N) / N),
coverage of the 95% interval (share of replicates whose interval holds N), median relative
width of the interval, and how many replicates gave no estimate or did not converge. The
replicates of a scenario are estimated together with ``estimate_strata`` (each replicate a
"stratum"), which runs the latent-class chains of all replicates as one batch, with the default
settings. "lead" scores what each report leads with (docs/estimation.md): one estimate with its
interval, or, where the models disagree beyond their intervals, the range of their estimates
with the outermost interval bounds as its interval ("lead: a range" scores those replicates
alone); a latent-class lead's interval is the one the simulation check on the table's shape
widened where the check failed ("lead: widened by the check" scores those replicates alone).
The registry-shaped scenario has 6 lists and 400 people, heterogeneous capture.

Prints a markdown table (and the timing line with ``--timing``).
"""

from __future__ import annotations

import argparse
import datetime
import math
import platform
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tizim.core.estimation import (
    DEFAULT_METHODS,
    EstimationSettings,
    ModelEstimate,
    estimate_strata,
)
from tizim.core.estimation.simulate import (
    independent_cells,
    latent_class_cells,
    loglinear_cells,
    simulate_table,
)

SCENARIOS: dict[str, Callable[[], np.ndarray]] = {
    "independent": lambda: independent_cells([0.25, 0.2, 0.3, 0.15, 0.35]),
    "dependence": lambda: loglinear_cells([0.25, 0.2, 0.3, 0.15, 0.35], {(0, 1): 1.5, (2, 3): 1.0}),
    "heterogeneity (moderate)": lambda: latent_class_cells(
        [0.3, 0.7], [[0.5, 0.45, 0.55, 0.5, 0.4], [0.2, 0.15, 0.25, 0.2, 0.15]]
    ),
    "heterogeneity (strong)": lambda: latent_class_cells(
        [0.25, 0.75], [[0.5, 0.45, 0.6, 0.5, 0.55], [0.1, 0.08, 0.15, 0.12, 0.1]]
    ),
    # Shaped like a registry stratum: 6 lists of very different sizes (a large NGO sheet, an
    # official list, small press and radio lists), a few hundred people, heterogeneous capture.
    "registry-shaped (6 lists)": lambda: latent_class_cells(
        [0.3, 0.7], [[0.5, 0.4, 0.6, 0.3, 0.5, 0.4], [0.1, 0.05, 0.15, 0.1, 0.08, 0.12]]
    ),
}
# Population of the registry-shaped scenario (the others use --population).
REGISTRY_POPULATION = 400


def _row_key(estimate: ModelEstimate) -> str:
    if estimate.interval_kind == "parametric-bootstrap":
        return f"{estimate.method} (bootstrap)"
    return estimate.method


def run_scenario(
    name: str, population: int, replicates: int, seed: int, bootstrap: int
) -> dict[str, dict[str, float]]:
    """Simulate ``replicates`` tables of one scenario and score every method."""
    cells = SCENARIOS[name]()
    if name.startswith("registry"):
        population = REGISTRY_POPULATION
    rng = np.random.default_rng([seed, list(SCENARIOS).index(name)])
    tables = {r: simulate_table(population, cells, seed=rng) for r in range(replicates)}
    intervals = ("profile", "bootstrap") if bootstrap else ("profile",)
    settings = EstimationSettings(intervals=intervals, bootstrap_replicates=max(bootstrap, 20))
    report = estimate_strata(tables, DEFAULT_METHODS, seed=seed, settings=settings)
    scores: dict[str, list[tuple[float | None, bool, float | None, bool]]] = defaultdict(list)
    for stratum in report.strata.values():
        for estimate in stratum.estimates:
            scores[_row_key(estimate)].append(_score(estimate, population))
        scores["lead"].append(_score_lead(stratum.lead, population))
        if stratum.lead.get("kind") == "range":
            scores["lead: a range"].append(_score_lead(stratum.lead, population))
        if stratum.lead.get("why") == "shape_check":
            scores["lead: widened by the check"].append(_score_lead(stratum.lead, population))
    return {key: _summarise(values) for key, values in scores.items()}


def _score_lead(
    lead: dict[str, object], population: int
) -> tuple[float | None, bool, float | None, bool]:
    """The report's lead: one estimate with its interval, or a range whose outer bounds are
    its interval (its bias is that of the middle of the range)."""
    lower, upper = lead.get("lower"), lead.get("upper")
    if not isinstance(lower, float) or not isinstance(upper, float):
        return None, False, None, False
    if lead.get("kind") == "range":
        low, high = lead.get("low"), lead.get("high")
        point = (float(low) + float(high)) / 2.0  # type: ignore[arg-type]
    else:
        point = float(lead["estimate"])  # type: ignore[arg-type]
    covered = lower <= population <= upper
    return (point - population) / population, covered, (upper - lower) / population, False


def _score(
    estimate: ModelEstimate, population: int
) -> tuple[float | None, bool, float | None, bool]:
    codes = {w.code for w in estimate.warnings}
    if estimate.estimate is None:
        return None, False, None, False
    bias = (estimate.estimate - population) / population
    lower = estimate.lower if estimate.lower is not None else -math.inf
    upper = estimate.upper if estimate.upper is not None else math.inf
    covered = lower <= population <= upper
    width = (upper - lower) / population if math.isfinite(upper - lower) else None
    return bias, covered, width, "not_converged" in codes


def _summarise(
    values: list[tuple[float | None, bool, float | None, bool]],
) -> dict[str, float]:
    biases = [b for b, _, _, _ in values if b is not None]
    widths = [w for _, _, w, _ in values if w is not None]
    return {
        "n": len(values),
        "bias": statistics.fmean(biases) if biases else math.nan,
        "coverage": sum(c for _, c, _, _ in values) / len(values),
        "width": statistics.median(widths) if widths else math.nan,
        "no_estimate": sum(b is None for b, _, _, _ in values),
        "not_converged": sum(nc for _, _, _, nc in values),
    }


def timing(seed: int, repeats: int = 3) -> tuple[float, float, float]:
    """Seconds for the default path (``estimate_strata`` with the default methods) on 6 lists
    × 10 simulated strata of 200–1,000 people: the first call of the process (graphs of 6 lists
    enumerated), the best of the following ``repeats`` (wall clock) and its CPU time (the
    machine is shared; BLAS may use both cores)."""
    rng = np.random.default_rng(seed)
    cells = latent_class_cells(
        [0.3, 0.7], [[0.5, 0.4, 0.6, 0.3, 0.5, 0.4], [0.1, 0.05, 0.15, 0.1, 0.08, 0.12]]
    )
    tables = {
        f"region {s + 1}": simulate_table(int(rng.integers(200, 1000)), cells, seed=rng)
        for s in range(10)
    }
    start = time.perf_counter()
    estimate_strata(tables, seed=seed)
    first = time.perf_counter() - start
    best, cpu = math.inf, math.inf
    for _ in range(repeats):
        start, start_cpu = time.perf_counter(), time.process_time()
        estimate_strata(tables, seed=seed)
        elapsed = time.perf_counter() - start
        if elapsed < best:
            best, cpu = elapsed, time.process_time() - start_cpu
    return first, best, cpu


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replicates", type=int, default=100, help="tables per scenario")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--population", type=int, default=1000)
    parser.add_argument(
        "--bootstrap",
        type=int,
        default=200,
        help="bootstrap replicates per table for the log-linear bootstrap intervals (0: skip)",
    )
    parser.add_argument("--timing", action="store_true", help="also time 6 lists × 10 strata")
    parser.add_argument(
        "--scenarios", default="", help="comma-separated scenario names (default: all)"
    )
    args = parser.parse_args(argv)

    print(f"# MSE simulation study — {datetime.date.today().isoformat()}")
    print(
        f"\npopulation N = {args.population}, 5 lists, {args.replicates} replicates per "
        f"scenario, seed {args.seed}, bootstrap replicates {args.bootstrap}; "
        f"Python {platform.python_version()}\n"
    )
    print(
        "| scenario | method | mean relative bias | 95% coverage | median width / N "
        "| no estimate | not converged |"
    )
    print("|---|---|---:|---:|---:|---:|---:|")
    order = [
        "independence",
        "stepwise_aic",
        "stepwise_aic (bootstrap)",
        "graphical_bma",
        "latent_class",
        "lead",
        "lead: a range",
        "lead: widened by the check",
    ]
    started = time.perf_counter()
    chosen = [n.strip() for n in args.scenarios.split(",") if n.strip()] or list(SCENARIOS)
    for name in chosen:
        results = run_scenario(name, args.population, args.replicates, args.seed, args.bootstrap)
        for method in order:
            if method not in results:
                continue
            r = results[method]
            print(
                f"| {name} | {method} | {r['bias']:+.3f} | {r['coverage']:.2f} "
                f"| {r['width']:.2f} | {r['no_estimate']:.0f} | {r['not_converged']:.0f} |"
            )
        sys.stdout.flush()
    print(f"\nsimulation wall time: {time.perf_counter() - started:.0f} s")
    if args.timing:
        first, best, cpu = timing(args.seed)
        print(
            f"\ndefault path, 6 lists × 10 strata (estimate_strata, methods "
            f"{', '.join(DEFAULT_METHODS)}): first call {first:.2f} s, then {best:.2f} s "
            f"wall ({cpu:.2f} s CPU)"
        )


if __name__ == "__main__":
    main()
