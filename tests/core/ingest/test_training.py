"""Training the second readers: which number an expected figure is, which person an expected
victim is, the texts read, models fitted, and the models shipped being the ones the annotated
texts train."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.core.ingest.annotated import ANNOTATED, assert_trains_the_same, write_annotated
from tizim.core.ingest import SecondReaders, extract
from tizim.core.ingest.linear_model import LinearModel
from tizim.core.ingest.person_reader import NOT_A_VICTIM
from tizim.core.ingest.second_reader import NO_GROUP, NOT_A_FIGURE, shipped_model
from tizim.core.ingest.training import (
    _label,
    _Number,
    annotated_texts,
    examples_of,
    main,
    people_examples_of,
    train,
    train_persons,
)


def test_a_figure_goes_first_to_a_number_the_rules_read_the_same():
    numbers = [
        _Number(0, 5, None, ["lang=en"]),
        _Number(10, 5, "dead", ["lang=en"]),
        _Number(20, 7, None, ["in_date"]),
        _Number(30, 7, None, ["lang=en"]),
        _Number(40, 9, None, []),
    ]
    _label(numbers, [(5, "dead"), (7, "custody"), (8, NO_GROUP)])
    assert [n.label for n in numbers] == [
        NOT_A_FIGURE,
        "dead",
        NOT_A_FIGURE,
        "custody",
        NOT_A_FIGURE,
    ]


def test_then_in_the_texts_order_to_a_plain_number_the_rules_passed_over():
    numbers = [_Number(0, 3, None, ["year_like"]), _Number(5, 3, None, []), _Number(9, 3, None, [])]
    _label(numbers, [(3, "missing"), (3, "released")])
    assert [n.label for n in numbers] == [NOT_A_FIGURE, "missing", "released"]


def test_texts_are_annotated_one_file_each_or_all_in_one_file_beside_the_folder(tmp_path):
    write_annotated(tmp_path / "set", "a", "Seven zorgs.", [{"value": 7, "fate_group": "dead"}])
    (tmp_path / "set" / "b.txt").write_text("No expected list: not read.")
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "c.txt").write_text("Two zorgs.")
    together = {"c.txt": {"published": None, "claims": [{"value": 2, "fate_group": None}]}}
    (tmp_path / "seeds_expected.json").write_text(json.dumps(together))
    read = [(p.name, e["claims"]) for p in (tmp_path / "set", tmp_path / "seeds")
            for p, e in annotated_texts(p)]  # fmt: skip
    assert read == [("a.txt", [{"value": 7, "fate_group": "dead"}]),
                    ("c.txt", [{"value": 2, "fate_group": None}])]  # fmt: skip


GIVEN = ["Aslan", "Dana", "Marat", "Yerlan", "Saule", "Bolat", "Gulnar"]
SURNAMES = ["Beisenov", "Ospanov", "Abenov", "Kassymov", "Nurlanov", "Tokhtarov"]


def _teaching_texts(folder: Path) -> None:
    for n in range(3, 40):
        given, surname = GIVEN[n % 7], SURNAMES[n % 6]
        text = (
            f"Officials counted {n} zorgs and {n + 100} marbles in the square. "
            f"{given} {surname} zorged there, {GIVEN[(n + 1) % 7]} Bekov said."
        )
        victim = {"surname": surname, "given_name": given, "fate": ["missing"]}
        write_annotated(folder, f"t{n}", text, [{"value": n, "fate_group": "dead"}], [victim])


def test_models_trained_on_a_few_texts_read_what_they_teach(tmp_path):
    _teaching_texts(tmp_path / "set")
    examples = examples_of([tmp_path / "set"])
    assert len(examples) == 2 * 37 and sum(label == "dead" for _, label in examples) == 37
    model = train(examples)
    assert set(model.classes) == {"dead", NOT_A_FIGURE}
    people = people_examples_of([tmp_path / "set"])
    assert sorted({label for _, label in people}) == ["missing", NOT_A_VICTIM]
    persons_model = train_persons(people)
    read = extract(
        "Officials counted 52 zorgs and 301 marbles. Yerlan Abenov zorged, Dana Bekov said.",
        learned=SecondReaders(model, persons_model),
    )
    assert [(c.value, c.fate_group) for c in read.claims] == [(52, "dead")]
    assert [(p.name, p.fate) for p in read.persons] == [("Abenov Yerlan", "missing")]
    main([str(tmp_path / "set"), "--out", str(tmp_path)])
    stored = json.loads((tmp_path / "figure_model.json").read_text())
    assert LinearModel.from_json(stored, NOT_A_FIGURE, "figures").classes == model.classes
    stored = json.loads((tmp_path / "person_model.json").read_text())
    assert LinearModel.from_json(stored, NOT_A_VICTIM, "persons") == persons_model


def test_too_few_examples_to_learn_from_say_so(tmp_path):
    text = "On Friday officials counted 12 zorgs in the square."
    write_annotated(tmp_path / "set", "a", text, [{"value": 12, "fate_group": "dead"}])
    with pytest.raises(SystemExit, match=r"too few examples, no feature is seen in 2"):
        main([str(tmp_path / "set"), "--out", str(tmp_path)])


def test_texts_with_no_figures_to_learn_from_say_so(tmp_path):
    text = "Nothing was counted in 2022: the square stayed empty all winter."
    write_annotated(tmp_path / "set", "a", text, [])
    with pytest.raises(SystemExit, match=r"nothing to learn from.*set"):
        main([str(tmp_path / "set"), "--out", str(tmp_path)])
    assert not (tmp_path / "figure_model.json").exists()


@pytest.mark.slow(minutes=2)
def test_the_shipped_figure_model_is_the_one_the_annotated_texts_train():
    examples = examples_of(ANNOTATED)
    sample = [features for features, _ in examples[::7]]
    assert_trains_the_same(train(examples), shipped_model(), sample)
