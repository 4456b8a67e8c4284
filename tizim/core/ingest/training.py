"""Training the second readers, of figures (:mod:`tizim.core.ingest.second_reader`) and of
persons (:mod:`tizim.core.ingest.person_reader`), on texts annotated by hand: folders of
``NAME.txt`` with ``NAME.expected.json``, written as ``docs/ingest-annotation.md`` says.

    python -m tizim.core.ingest.training FOLDER [FOLDER ...] [--out DIR]

writes ``figure_model.json`` and ``person_model.json`` into ``DIR`` (by default beside the
readers, where a release ships them). A folder may instead keep every text's expected lists
in one file beside it, ``FOLDER_expected.json``, keyed by the text's file name (the seed
articles do).

Figures: every number of every text is an example. The expected file lists a text's figures without
their places, so each is given to a number of the same value: first to one the rules read
with the same fate, then, in the text's order, to one the rules passed over and did not take
for a date, a year or something that counts no people. Numbers left over count no people.

Persons: every person a text names whom the rules give no fate and no act is an example; its
class is the first fate the expected list gives a person of the same surname and given name,
else that nothing happened to them.

Needs scikit-learn (a development dependency); the model it writes is read without it.
"""

from __future__ import annotations

import argparse
import datetime
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tizim.core.ingest import extract, person_reader, second_reader
from tizim.core.ingest.linear_model import LinearModel, fit
from tizim.core.ingest.person_reader import NOT_A_VICTIM, person_features
from tizim.core.ingest.persons import read_persons
from tizim.core.ingest.readers import read_document
from tizim.core.ingest.second_reader import NO_GROUP, NOT_A_FIGURE, numbers_of
from tizim.core.ingest.text import detect_language, split_sentences

Examples = list[tuple[list[str], str]]
Labelling = Callable[[Path, dict[str, Any]], Examples]


@dataclass
class _Number:
    start: int
    value: int
    rules_read: str | None  # the fate the rules proposed it with, or None: not proposed
    features: list[str]
    label: str = NOT_A_FIGURE


def read_annotated(text_path: Path, expected: dict[str, Any]) -> tuple[str, datetime.date | None]:
    """The text at ``text_path`` and its date: the page's own, else the one ``expected`` gives
    (training and ``bench/ingest_eval.py`` read a text alike)."""
    document = read_document(text_path.read_bytes(), text_path.name)
    published = document.published or (
        datetime.date.fromisoformat(expected["published"]) if expected.get("published") else None
    )
    return document.text, published


def labelled_numbers(text_path: Path, expected: dict[str, Any]) -> Examples:
    """Every number of the text at ``text_path``, whose figures are ``expected``: its features
    and its class."""
    text, published = read_annotated(text_path, expected)
    ruled = extract(text, published=published, learned=False)
    by_rules = {claim.start: claim.fate_group or NO_GROUP for claim in ruled.claims}
    numbers = [
        _Number(sentence.start + n.start, n.value, by_rules.get(sentence.start + n.start), f)
        for sentence in split_sentences(text)
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


def labelled_people(text_path: Path, expected: dict[str, Any]) -> Examples:
    """Every person the text at ``text_path`` names whom the rules give no fate, whose
    victims are ``expected``: their features and their class."""
    text, published = read_annotated(text_path, expected)
    language = detect_language(text)
    sentences = split_sentences(text)
    read = read_persons(text, sentences, language, published)
    fates = {
        (e["surname"].casefold(), e["given_name"].casefold()): e["fate"]
        for e in expected["persons"]
    }
    examples = []
    for person in read.unfated:
        named = person.proposal
        told = fates.get((named.surname.casefold(), named.given_name.casefold()))
        first = (told[0] if isinstance(told, list) else told) if told else None
        examples.append(
            (person_features(person.mentions, language, sentences), first or NOT_A_VICTIM)
        )
    return examples


def examples_of(folders: Iterable[Path], labelled: Labelling | None = None) -> Examples:
    """The labelled examples of every annotated text in ``folders``: its numbers, or what
    ``labelled`` (:func:`labelled_people`) makes of it."""
    labelled = labelled or labelled_numbers
    return [
        example
        for folder in folders
        for text_path, expected in annotated_texts(folder)
        for example in labelled(text_path, expected)
    ]


def people_examples_of(folders: Iterable[Path]) -> Examples:
    """The labelled people of every annotated text in ``folders``."""
    return examples_of(folders, labelled_people)


def train(examples: Examples) -> LinearModel:
    """A model of figures fitted to ``examples`` (features, class)."""
    if all(label == NOT_A_FIGURE for _, label in examples):
        raise ValueError("nothing to learn from: the texts given hold no annotated figures")
    return fit(examples)


def train_persons(examples: Examples) -> LinearModel:
    """A model of persons fitted to ``examples`` (features, class)."""
    if all(label == NOT_A_VICTIM for _, label in examples):
        raise ValueError(
            "nothing to learn from: no person the rules pass over is annotated as a victim"
        )
    return fit(examples)


def main(argv: list[str] | None = None) -> None:
    """Train both readers on the folders named and write their models."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--out", type=Path, default=second_reader.MODEL_PATH.parent)
    args = parser.parse_args(argv)
    numbers, people = examples_of(args.folders), people_examples_of(args.folders)
    try:
        models = (train(numbers), train_persons(people))
    except (RuntimeError, ValueError) as error:
        raise SystemExit(f"{error} (in {', '.join(str(f) for f in args.folders)})") from error
    paths = (second_reader.MODEL_PATH.name, person_reader.MODEL_PATH.name)
    for model, name in zip(models, paths, strict=True):
        (args.out / name).write_text(json.dumps(model.as_json(), separators=(",", ":")) + "\n")
    figures = sum(label != NOT_A_FIGURE for _, label in numbers)
    victims = sum(label != NOT_A_VICTIM for _, label in people)
    print(
        f"figures: {len(numbers)} numbers, {figures} of them figures, "
        f"{len(models[0].weights)} features; persons: {len(people)} named with no fate by the "
        f"rules, {victims} of them victims, {len(models[1].weights)} features"
    )


if __name__ == "__main__":
    main()
