"""The second reader of persons: what it knows of a person the rules gave no fate, and what
it adds to what the rules read."""

from __future__ import annotations

from tests.core.ingest.reading import PUBLISHED
from tizim.core.fates import Fate
from tizim.core.ingest import SecondReaders, extract
from tizim.core.ingest.linear_model import LinearModel
from tizim.core.ingest.person_reader import (
    MODEL_PATH,
    NOT_A_VICTIM,
    person_features,
    shipped_model,
)
from tizim.core.ingest.persons import read_persons
from tizim.core.ingest.text import split_sentences

#: A model that knows one word: whoever "zorged" went missing, and it is sure of it.
ZORGED = LinearModel(
    classes=("killed", "missing", NOT_A_VICTIM),
    intercepts=(0.0, 0.0, 2.0),
    weights={"R1=zorge": (0.0, 6.0, 0.0), "speaker": (0.0, 0.0, 9.0)},
)
WITH_ZORGED = SecondReaders(figures=None, persons=ZORGED)


def _unfated(text: str, language: str = "en") -> dict[str, list[str]]:
    sentences = split_sentences(text)
    read = read_persons(text, sentences, language, PUBLISHED)
    return {
        person.proposal.name: person_features(person.mentions, language, sentences)
        for person in read.unfated
    }


def test_the_rules_tell_who_they_name_with_nothing_told():
    text = "Aslan Beisenov was detained on 6 January. Lawyer Dana Ospanova said so."
    read = read_persons(text, split_sentences(text), "en", PUBLISHED)
    assert [p.name for p in read.proposals] == ["Beisenov Aslan"]
    [ospanova] = read.unfated
    assert (ospanova.proposal.name, ospanova.proposal.fate) == ("Ospanova Dana", None)
    assert ospanova.proposal.quote == "Lawyer Dana Ospanova said so."
    assert [m.role for _, m in ospanova.mentions] == [True]


def test_what_the_reader_knows_of_a_person():
    text = "Туыстары хабарласа алмаған адамдар:\nСәрсенов Ерұлан, 1999 ж.т., жүргізуші."
    listed = set(_unfated(text, "kk")["Сәрсенов Ерұлан"])
    assert {"lang=kk", "named=1", "born_after", "opens_sentence", "prev_heading"} <= listed
    assert "not_speaker" in listed and "speaker" not in listed
    text = "Their lawyer, Dana Ospanova, 41, said the list was incomplete."
    spoke = set(_unfated(text)["Ospanova Dana"])
    assert {"speaker", "role", "age_after", "speech_in_sentence", "L1=lawye"} <= spoke
    assert "not_speaker" not in spoke and "born_after" not in spoke


def test_the_second_reader_adds_a_person_the_rules_passed_over():
    text = "On Friday Aslan Beisenov zorged in the square."
    assert extract(text, published=PUBLISHED, learned=False).persons == []
    [person] = extract(text, published=PUBLISHED, learned=WITH_ZORGED).persons
    assert (person.name, person.fate, person.quote) == ("Beisenov Aslan", "missing", text)
    assert text[person.start : person.end] == text
    assert 0.9 < person.chance < 1


def test_the_fate_is_the_nearest_word_of_what_happened_else_the_models():
    text = "On Friday Aslan Beisenov zorged in the square. Dozens were detained there that night."
    [person] = extract(text, published=PUBLISHED, learned=WITH_ZORGED).persons
    assert (person.name, person.fate) == ("Beisenov Aslan", "detained")  # the model: missing


def test_it_does_not_change_the_rules_reading():
    text = "Aslan Beisenov was detained on 6 January. Aslan Beisenov zorged in the square."
    [person] = extract(text, published=PUBLISHED, learned=WITH_ZORGED).persons
    assert (person.name, person.fate, person.chance) == ("Beisenov Aslan", "detained", None)


def test_what_the_rules_noticed_of_a_name_weighs_in():
    text = "The square was empty, said Dana Ospanova. Dana Ospanova zorged on Friday."
    assert extract(text, published=PUBLISHED, learned=WITH_ZORGED).persons == []
    blind = LinearModel(ZORGED.classes, ZORGED.intercepts, {"R1=zorge": (0.0, 6.0, 0.0)})
    [person] = extract(text, published=PUBLISHED, learned=SecondReaders(None, blind)).persons
    assert person.name == "Ospanova Dana"  # a speaker, which only the model's weight left out


def test_a_word_the_text_denies_is_not_the_fate():
    text = "On Friday Aslan Beisenov zorged; he was not detained. Many were killed nearby."
    assert extract(text, published=PUBLISHED, learned=False).persons == []
    [person] = extract(text, published=PUBLISHED, learned=WITH_ZORGED).persons
    assert person.fate == "killed"  # the nearest word not denied, in the sentence after


def test_a_person_it_is_not_sure_of_is_left():
    text = "On Friday Aslan Beisenov walked in the square."
    assert extract(text, published=PUBLISHED, learned=WITH_ZORGED).persons == []


def test_the_shipped_model_knows_every_fate_and_reads_a_list_the_rules_pass_over():
    model = shipped_model()
    assert MODEL_PATH.is_file() and NOT_A_VICTIM in model.classes
    assert set(model.classes) - {NOT_A_VICTIM} <= {fate.value for fate in Fate}
    assert {"killed", "missing", "detained"} <= set(model.classes)
    text = (
        "Шиелі, 12 қаңтар. Еріктілер хабарласа алмаған адамдар тізімі:\n"
        "Сәрсенов Ерұлан, 1999 ж.т., жүргізуші.\n"
        "Оспанова Дана, 2001 ж.т., студент."
    )
    assert extract(text, language="kk", published=PUBLISHED, learned=False).persons == []
    found = extract(text, language="kk", published=PUBLISHED).persons
    # both are proposed, as victims, for a reviewer to look at; the first as the heading says
    # (which fate the model gives a line is a guess: the second, a student, it reads as injured
    # since hospitals' discharge lists of students were annotated)
    assert [p.name for p in found] == ["Сәрсенов Ерұлан", "Оспанова Дана"]
    assert found[0].fate == "missing" and all(p.fate in {f.value for f in Fate} for p in found)
    assert all(p.chance is not None and p.chance >= 0.3 for p in found)


def test_the_chance_is_in_the_json_and_null_for_the_rules():
    text = "Aslan Beisenov was detained. On Friday Dana Ospanova zorged in the square."
    ruled, possible = extract(text, published=PUBLISHED, learned=WITH_ZORGED).as_json()["persons"]
    assert (ruled["surname"], ruled["chance"]) == ("Beisenov", None)
    assert possible["surname"] == "Ospanova" and 0.9 < possible["chance"] < 1
