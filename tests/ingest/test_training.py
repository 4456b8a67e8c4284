"""Training the second reader: which number an expected figure is, the texts read, a model
fitted, and the model shipped being the one the annotated texts train."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tizim.core.ingest import extract
from tizim.core.ingest.figure_training import (
    _label,
    _Number,
    annotated_texts,
    examples_of,
    main,
    train,
)
from tizim.core.ingest.second_reader import NO_GROUP, NOT_A_FIGURE, FigureModel, shipped_model

DATA = Path(__file__).parent / "data"


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


def _write(folder: Path, name: str, text: str, claims: list[dict]) -> None:
    folder.mkdir(exist_ok=True)
    (folder / f"{name}.txt").write_text(text)
    expected = {"language": "en", "published": "2022-01-20", "claims": claims, "persons": []}
    (folder / f"{name}.expected.json").write_text(json.dumps(expected))


def test_texts_are_annotated_one_file_each_or_all_in_one_file_beside_the_folder(tmp_path):
    _write(tmp_path / "set", "a", "Seven zorgs.", [{"value": 7, "fate_group": "dead"}])
    (tmp_path / "set" / "b.txt").write_text("No expected list: not read.")
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "c.txt").write_text("Two zorgs.")
    together = {"c.txt": {"published": None, "claims": [{"value": 2, "fate_group": None}]}}
    (tmp_path / "seeds_expected.json").write_text(json.dumps(together))
    read = [(p.name, e["claims"]) for p in (tmp_path / "set", tmp_path / "seeds")
            for p, e in annotated_texts(p)]  # fmt: skip
    assert read == [("a.txt", [{"value": 7, "fate_group": "dead"}]),
                    ("c.txt", [{"value": 2, "fate_group": None}])]  # fmt: skip


def test_a_model_trained_on_a_few_texts_reads_what_they_teach(tmp_path):
    sentences = [
        f"Officials counted {n} zorgs and {n + 100} marbles in the square." for n in range(3, 40)
    ]
    for index, sentence in enumerate(sentences):
        _write(
            tmp_path / "set", f"t{index}", sentence, [{"value": index + 3, "fate_group": "dead"}]
        )
    examples = examples_of([tmp_path / "set"])
    assert len(examples) == 2 * len(sentences)
    assert sum(label == "dead" for _, label in examples) == len(sentences)
    model = train(examples)
    assert set(model.classes) == {"dead", NOT_A_FIGURE}
    found = extract("Officials counted 52 zorgs and 301 marbles.", learned=model).claims
    assert [(c.value, c.fate_group) for c in found] == [(52, "dead")]
    out = tmp_path / "model.json"
    main([str(tmp_path / "set"), "--out", str(out)])
    assert FigureModel.from_json(json.loads(out.read_text())).classes == model.classes


def test_texts_with_no_figures_to_learn_from_say_so(tmp_path):
    text = "Nothing was counted in 2022: the square stayed empty all winter."
    _write(tmp_path / "set", "a", text, [])
    with pytest.raises(SystemExit, match=r"nothing to learn from.*set"):
        main([str(tmp_path / "set"), "--out", str(tmp_path / "model.json")])
    assert not (tmp_path / "model.json").exists()


@pytest.mark.slow
def test_the_shipped_model_is_the_one_the_annotated_texts_train():
    folders = [*sorted(DATA.glob("corpus*")), DATA / "seeds"]
    examples = examples_of(folders)
    retrained, shipped = train(examples), shipped_model()
    assert retrained.classes == shipped.classes
    assert retrained.weights.keys() == shipped.weights.keys()
    for features, _ in examples[::7]:
        again, before = retrained.probabilities(features), shipped.probabilities(features)
        assert again == pytest.approx(before, abs=0.01), "train it again (README, Ingest)"
