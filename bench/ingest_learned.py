"""The second readers, of figures and of persons, on texts they were not trained on: each
annotated set is left out in turn, both models are trained on the others, and the set is read
by the rules alone and by the rules with those models.

    .venv/bin/python bench/ingest_learned.py [FOLDER ...] [--also DIR ...]

FOLDERs default to every set under ``tests/ingest/data`` (``corpus*``). ``--also`` names sets
that are only read, never trained on (real articles kept out of the repository, a new set
at its first look): the models for them are trained on every FOLDER.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ingest_eval import evaluate  # type: ignore[import-not-found]

from tizim.core.ingest import SecondReaders
from tizim.core.ingest.training import examples_of, people_examples_of, train, train_persons

DATA = Path(__file__).resolve().parents[1] / "tests" / "ingest" / "data"


def _totals(folder: Path, learned: SecondReaders | bool) -> tuple[list[int], list[int]]:
    claims, persons = [0, 0, 0, 0], [0, 0, 0, 0]
    for per_language in evaluate(folder, False, learned).values():
        claims = [a + b for a, b in zip(claims, per_language["claims"], strict=True)]
        persons = [a + b for a, b in zip(persons, per_language["persons"], strict=True)]
    return claims, persons


def _pr(score: list[int]) -> str:
    matched, expected, proposed, _ = score
    precision = matched / proposed if proposed else 0.0
    return f"{precision:.3f} / {matched / expected if expected else 0.0:.3f}"


def _add(total: list[int], score: list[int]) -> list[int]:
    return [a + b for a, b in zip(total, score, strict=True)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--also", nargs="*", type=Path, default=[])
    args = parser.parse_args()
    folders = args.folders or sorted(DATA.glob("corpus*"))
    numbers = {folder: examples_of([folder]) for folder in folders}
    people = {folder: people_examples_of([folder]) for folder in folders}
    rows = [(f, [g for g in folders if g != f]) for f in folders]
    rows += [(f, folders) for f in args.also]
    totals = [[0, 0, 0, 0] for _ in range(4)]
    print(f"{'set':<22}{'figures':>8}  {'rules: P / R':>14}  {'with the model':>15}"
          f"{'persons':>9}  {'rules: P / R':>14}  {'with the model':>15}")  # fmt: skip
    for folder, training in rows:
        readers = SecondReaders(
            train([e for g in training for e in numbers[g]]),
            train_persons([e for g in training for e in people[g]]),
        )
        rules = _totals(folder, False)
        both = _totals(folder, readers)
        print(f"{folder.name:<22}{rules[0][1]:>8}  {_pr(rules[0]):>14}  {_pr(both[0]):>15}"
              f"{rules[1][1]:>9}  {_pr(rules[1]):>14}  {_pr(both[1]):>15}")  # fmt: skip
        if folder in folders:
            totals = [_add(t, s) for t, s in zip(totals, [*rules, *both], strict=True)]
    print(f"{'all left out in turn':<22}{totals[0][1]:>8}  {_pr(totals[0]):>14}  "
          f"{_pr(totals[2]):>15}{totals[1][1]:>9}  {_pr(totals[1]):>14}  "
          f"{_pr(totals[3]):>15}")  # fmt: skip


if __name__ == "__main__":
    main()
