"""The second reader of figures on texts it was not trained on: each annotated set is left
out in turn, the model is trained on the others, and the set is read by the rules alone and
by the rules with that model.

    .venv/bin/python bench/ingest_learned.py [FOLDER ...] [--also DIR ...]

FOLDERs default to every set under ``tests/ingest/data`` (``corpus*``). ``--also`` names sets
that are only read, never trained on (real articles kept out of the repository, a new set
at its first look): the model for them is trained on every FOLDER.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ingest_eval import evaluate  # type: ignore[import-not-found]

from tizim.core.ingest.figure_training import examples_of, train
from tizim.core.ingest.second_reader import FigureModel

DATA = Path(__file__).resolve().parents[1] / "tests" / "ingest" / "data"


def _totals(folder: Path, learned: FigureModel | bool) -> tuple[list[int], list[int]]:
    claims, persons = [0, 0, 0, 0], [0, 0, 0, 0]
    for per_language in evaluate(folder, False, learned).values():
        claims = [a + b for a, b in zip(claims, per_language["claims"], strict=True)]
        persons = [a + b for a, b in zip(persons, per_language["persons"], strict=True)]
    return claims, persons


def _pr(score: list[int]) -> str:
    matched, expected, proposed, _ = score
    precision = matched / proposed if proposed else 0.0
    return f"{precision:.3f} / {matched / expected if expected else 0.0:.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--also", nargs="*", type=Path, default=[])
    args = parser.parse_args()
    folders = args.folders or sorted(DATA.glob("corpus*"))
    examples = {folder: examples_of([folder]) for folder in folders}
    rows = [(f, [e for g in folders if g != f for e in examples[g]]) for f in folders]
    rows += [(f, [e for g in folders for e in examples[g]]) for f in args.also]
    total_rules, total_both = [0, 0, 0, 0], [0, 0, 0, 0]
    print(f"{'set':<22}{'figures':>8}  {'rules: P / R':>14}  {'with the model: P / R':>22}")
    for folder, training in rows:
        model = train(training)
        rules, _ = _totals(folder, False)
        both, _ = _totals(folder, model)
        print(f"{folder.name:<22}{rules[1]:>8}  {_pr(rules):>14}  {_pr(both):>22}")
        if folder in folders:
            total_rules = [a + b for a, b in zip(total_rules, rules, strict=True)]
            total_both = [a + b for a, b in zip(total_both, both, strict=True)]
    print(f"{'all left out in turn':<22}{total_rules[1]:>8}  {_pr(total_rules):>14}  "
          f"{_pr(total_both):>22}")  # fmt: skip


if __name__ == "__main__":
    main()
