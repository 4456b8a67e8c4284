"""tizim beside the reference implementations on the two public tables, with run times.

    .venv/bin/python bench/estimation_reference.py [--seeds 0 1]

For the UK 2013 and Kosovo 1999 tables (tests/core/estimation/data), every method with its
default settings through ``estimate_all`` (the path of ``tizim estimate --table … --method M``),
one method at a time so that each is timed alone (wall and processor time; the latent-class
kernel compiled beforehand). The reference figures are those of dga 2.0.2, LCMCR 0.4.14 and
SparseMSE 2.0.1 with Silverman's settings (issue "Estimates that agree with the reference
implementations"). Prints a markdown table.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tizim.core.estimation import (
    GRAPHICAL_BMA,
    INDEPENDENCE,
    LATENT_CLASS,
    STEPWISE_AIC,
    CaptureHistoryTable,
    LatentClassSettings,
    estimate_all,
    fit_latent_class,
)

DATA = Path(__file__).resolve().parents[1] / "tests" / "core" / "estimation" / "data"
TABLES = {
    "UK 2013": "uk2013_modern_slavery_5lists.csv",
    "Kosovo 1999": "kosovo1999_4lists.csv",
}
REFERENCE = {
    ("UK 2013", STEPWISE_AIC): "11,313 (SparseMSE; bootstrap 8,785–14,701)",
    ("UK 2013", GRAPHICAL_BMA): "22,990 (10,387–33,509), bimodal: 11,718 / ≈24,800, 31% < 16,000",
    ("UK 2013", LATENT_CLASS): "21,912 (15,468–31,482)",
    ("UK 2013", INDEPENDENCE): "–",
    ("Kosovo 1999", STEPWISE_AIC): "14,342 (12,596–16,527)",
    ("Kosovo 1999", GRAPHICAL_BMA): "12,595 (9,827–16,544)",
    ("Kosovo 1999", LATENT_CLASS): "10,520 (9,303–14,552)",
    ("Kosovo 1999", INDEPENDENCE): "–",
}


def row(name: str, table: CaptureHistoryTable, method: str, seed: int) -> str:
    """One method on one table: the figures, the run time, and what else the result says."""
    wall, cpu = time.perf_counter(), time.process_time()
    estimate = estimate_all(table, [method], seed=seed).by_method(method)[0]
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    found = f"{estimate.estimate:,.0f} ({estimate.lower:,.0f}–{estimate.upper:,.0f})"
    details = estimate.details
    notes = []
    if method == LATENT_CLASS:
        notes.append(f"R-hat {details['rhat']:.3f}, ESS {details['ess']:.0f}")
        notes.append(f"{details['extensions']} extension(s)")
    modes = details.get("modes")
    if isinstance(modes, list) and len(modes) > 1:
        notes.append("modes " + str(details["modes_text"]))
    for other in details.get("sensitivity", []):  # type: ignore[attr-defined]
        notes.append(str(other["text"]))
    return (
        f"| {name} | {method} | {REFERENCE[(name, method)]} | {found} | seed {seed}: "
        f"{'; '.join(notes) or '–'} | {wall:.2f} s ({cpu:.2f} s CPU) |"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1])
    args = parser.parse_args(argv)
    tables = {name: CaptureHistoryTable.from_csv(DATA / file) for name, file in TABLES.items()}
    # Compile (or load) the latent-class kernel before timing anything.
    fit_latent_class(
        tables["Kosovo 1999"], LatentClassSettings(burn_in=10, samples=20, extensions=0)
    )
    print("| table | method | reference | tizim | notes | time |")
    print("|---|---|---|---|---|---|")
    for name, table in tables.items():
        for method in (INDEPENDENCE, STEPWISE_AIC, GRAPHICAL_BMA):
            print(row(name, table, method, args.seeds[0]), flush=True)
        for seed in args.seeds:
            print(row(name, table, LATENT_CLASS, seed), flush=True)


if __name__ == "__main__":
    main()
