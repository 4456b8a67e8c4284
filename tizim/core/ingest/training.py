"""Training the second reader of figures (:mod:`tizim.core.ingest.second_reader`) on texts
annotated by hand: folders of ``NAME.txt`` with ``NAME.expected.json``, written as
``docs/ingest-annotation.md`` says.

    python -m tizim.core.ingest.figure_training FOLDER [FOLDER ...] [--out PATH]

A folder may instead keep every text's expected lists in one file beside it,
``FOLDER_expected.json``, keyed by the text's file name (the seed articles do).

Every number of every text is an example. The expected file lists a text's figures without
their places, so each is given to a number of the same value: first to one the rules read
with the same fate, then, in the text's order, to one the rules passed over and did not take
for a date, a year or something that counts no people. Numbers left over count no people.

Needs scikit-learn (a development dependency); the model it writes is read without it.
"""

from __future__ import annotations

import argparse
import datetime
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tizim.core.ingest import extract
from tizim.core.ingest.readers import read_document
from tizim.core.ingest.second_reader import (
    MODEL_PATH,
    NO_GROUP,
    NOT_A_FIGURE,
    FigureModel,
    numbers_of,
)
from tizim.core.ingest.text import split_sentences

#: A feature seen in fewer training numbers than this is left out: it says nothing general.
MIN_COUNT = 2
#: The inverse strength of the L2 penalty (scikit-learn's C), chosen with ``THRESHOLD``.
PENALTY_C = 1.0


@dataclass
class _Number:
    start: int
    value: int
    rules_read: str | None  # the fate the rules proposed it with, or None: not proposed
    features: list[str]
    label: str = NOT_A_FIGURE


def labelled_numbers(text_path: Path, expected: dict[str, Any]) -> list[tuple[list[str], str]]:
    """Every number of the text at ``text_path``, whose figures are ``expected``: its features
    and its class."""
    document = read_document(text_path.read_bytes(), text_path.name)
    published = document.published or (
        datetime.date.fromisoformat(expected["published"]) if expected.get("published") else None
    )
    ruled = extract(document.text, published=published, learned=False)
    by_rules = {claim.start: claim.fate_group or NO_GROUP for claim in ruled.claims}
    numbers = [
        _Number(sentence.start + n.start, n.value, by_rules.get(sentence.start + n.start), f)
        for sentence in split_sentences(document.text)
        for n, f in numbers_of(sentence, ruled.language, published)
    ]
    _label(numbers, [(int(c["value"]), c["fate_group"] or NO_GROUP) for c in expected["claims"]])
    return [(n.features, n.label) for n in numbers]


def _label(numbers: list[_Number], figures: list[tuple[int, str]]) -> None:
    """Give each expected figure to one number of its value (see the module's docstring)."""
    left = []
    for value, group in figures:
        same = next((n for n in numbers if _free_and_read_as(n, value, group)), None)
        if same is not None:
            same.label = group
        else:
            left.append((value, group))
    after = 0
    for value, group in left:
        free = [n for n in numbers if n.label == NOT_A_FIGURE and n.value == value]
        unread = [n for n in free if n.rules_read is None]
        plain = [n for n in unread if not {"in_date", "not_a_count", "year_like"} & set(n.features)]
        chosen = next((n for n in plain if n.start >= after), None) or next(
            iter(plain + unread + free), None
        )
        if chosen is not None:
            chosen.label, after = group, chosen.start


def _free_and_read_as(number: _Number, value: int, group: str) -> bool:
    return number.label == NOT_A_FIGURE and (number.value, number.rules_read) == (value, group)


def annotated_texts(folder: Path) -> Iterator[tuple[Path, dict[str, Any]]]:
    """Each text of ``folder`` that has expected lists, with them."""
    together = folder.with_name(f"{folder.name}_expected.json")
    kept = json.loads(together.read_text(encoding="utf-8")) if together.exists() else {}
    for text_path in sorted(folder.glob("*.txt")):
        alone = text_path.with_suffix(".expected.json")
        if alone.exists():
            yield text_path, json.loads(alone.read_text(encoding="utf-8"))
        elif text_path.name in kept:
            yield text_path, kept[text_path.name]


def examples_of(folders: Iterable[Path]) -> list[tuple[list[str], str]]:
    """The labelled numbers of every annotated text in ``folders``."""
    return [
        example
        for folder in folders
        for text_path, expected in annotated_texts(folder)
        for example in labelled_numbers(text_path, expected)
    ]


def train(examples: list[tuple[list[str], str]]) -> FigureModel:
    """A model fitted to ``examples`` (features, class)."""
    try:
        from sklearn.feature_extraction import DictVectorizer  # development dependency
        from sklearn.linear_model import LogisticRegression
    except ImportError as error:
        raise RuntimeError("training needs scikit-learn: pip install -e '.[dev]'") from error
    if len({label for _, label in examples}) < 2 or all(
        label == NOT_A_FIGURE for _, label in examples
    ):
        raise ValueError("nothing to learn from: the texts given hold no annotated figures")

    seen = Counter(f for features, _ in examples for f in set(features))
    kept = [{f: 1 for f in features if seen[f] >= MIN_COUNT} for features, _ in examples]
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform(kept)
    fitted = LogisticRegression(C=PENALTY_C, max_iter=5000)
    fitted.fit(matrix, [label for _, label in examples])
    classes = tuple(str(c) for c in fitted.classes_)
    coefficients, intercepts = fitted.coef_, fitted.intercept_
    if len(classes) == 2:  # one row for two classes: the first scores 0 in a softmax
        coefficients = [[0.0] * coefficients.shape[1], list(coefficients[0])]
        intercepts = [0.0, float(intercepts[0])]
    names = vectorizer.get_feature_names_out()
    weights = {
        str(name): tuple(round(float(row[column]), 5) for row in coefficients)
        for column, name in enumerate(names)
    }
    return FigureModel(classes, tuple(round(float(b), 5) for b in intercepts), weights)


def main(argv: list[str] | None = None) -> None:
    """Train on the folders named and write the model."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args(argv)
    examples = examples_of(args.folders)
    try:
        model = train(examples)
    except (RuntimeError, ValueError) as error:
        raise SystemExit(f"{error} (in {', '.join(str(f) for f in args.folders)})") from error
    args.out.write_text(json.dumps(model.as_json(), separators=(",", ":")) + "\n")
    figures = sum(label != NOT_A_FIGURE for _, label in examples)
    print(f"{len(examples)} numbers, {figures} of them figures; {len(model.weights)} features")


if __name__ == "__main__":
    main()
