"""Training the person reader: which person an expected victim is, and the model shipped being
the one the annotated texts train (apart from the figure reader's check in ``test_training``,
so that the two slowest checks of the suite run side by side on two workers)."""

from __future__ import annotations

import json

import pytest

from tests.core.ingest.annotated import ANNOTATED, assert_trains_the_same, write_annotated
from tizim.core.ingest import person_reader
from tizim.core.ingest.person_reader import NOT_A_VICTIM
from tizim.core.ingest.training import labelled_people, main, people_examples_of, train_persons


def test_a_victim_is_the_person_named_the_same_the_rules_gave_no_fate(tmp_path):
    text = (
        "Aslan Beisenov was detained. Dana Ospanova zorged in the square. "
        "Lawyer Marat Abenov said so."
    )
    victims = [
        {"surname": "Beisenov", "given_name": "Aslan", "fate": ["detained"]},
        {"surname": "OSPANOVA", "given_name": "Dana", "fate": ["missing", "found"]},
    ]
    path = write_annotated(tmp_path / "set", "a", text, [], victims)
    examples = labelled_people(path, json.loads(path.with_suffix(".expected.json").read_text()))
    assert [label for _, label in examples] == ["missing", NOT_A_VICTIM]  # not Beisenov: read
    assert "R1=zorge" in examples[0][0] and "role" in examples[1][0]


def test_texts_with_no_victim_the_rules_pass_over_say_so(tmp_path):
    text = "Officials counted 12 zorgs and 14 marbles. Aslan Beisenov was detained."
    victim = {"surname": "Beisenov", "given_name": "Aslan", "fate": ["detained"]}
    for name in ("a", "b"):
        write_annotated(
            tmp_path / "set", name, text, [{"value": 12, "fate_group": "dead"}], [victim]
        )
    with pytest.raises(SystemExit, match=r"no person the rules pass over is annotated"):
        main([str(tmp_path / "set"), "--out", str(tmp_path)])
    assert not (tmp_path / "person_model.json").exists()


@pytest.mark.slow(minutes=2)
def test_the_shipped_person_model_is_the_one_the_annotated_texts_train():
    people = people_examples_of(ANNOTATED)
    sample = [features for features, _ in people[::3]]
    assert_trains_the_same(train_persons(people), person_reader.shipped_model(), sample)
