"""A second reader of persons, learned from annotated texts: of the people a text names and
the rules of :mod:`tizim.core.ingest.persons` give no fate, it proposes those whose words say
something happened to them, with the fate of the nearest word of what happened, else the
likeliest the model gives (decision 0028).

The rules give a fate to a name when a word of what happened stands within reach of it and
nothing says the name only speaks. Writers put it further, or in words no rule has: "Ерболат
Сәрсенбаев … түні бойы үйге оралмады", "the family of Daniyar Kenzhebayev has had no word
since". The second reader weighs, over every sentence naming the person, the words either
side of the name, the nearest word of each fate and how far it stands, how the name is
written (a Kazakh or Russian case ending), and what the rules noticed of it (speaking, named
after a title or as a relative, telling of themselves): weights learned from the annotated
texts under ``tests/ingest/data`` by :mod:`tizim.core.ingest.training`, stored in
``person_model.json`` beside this module and read with no library.

It only adds: a person the rules gave a fate or an act keeps their reading.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from functools import cache
from pathlib import Path

from tizim.core.fates import Fate
from tizim.core.ingest import lexicon as lx
from tizim.core.ingest import personal
from tizim.core.ingest.linear_model import LinearModel
from tizim.core.ingest.named_before import Mention
from tizim.core.ingest.personal import FATE_WORDS, GROUP_WORDS
from tizim.core.ingest.persons import PersonProposal, Unfated
from tizim.core.ingest.second_reader import fate_words_near, words_to
from tizim.core.ingest.text import Sentence, fold

MODEL_PATH = Path(__file__).with_name("person_model.json")
#: The class of a person the text tells nothing happened to; the others are fates.
NOT_A_VICTIM = "not_a_victim"
#: Proposed when the chance that something happened to the person is at least this. Chosen
#: on texts left out of training, one set at a time (``bench/ingest_learned.py``).
THRESHOLD = 0.3

_WORD = re.compile(r"\w+")
_OTHER_SENTENCE = 50  # a word in the sentence before or after stands further than any in its own
_AGE_AFTER = re.compile(r"^,?\s*\(?\d{1,2}(?:\)|,|\s*(?:years?|лет|год|жас))")
# "Төреханова Ақмарал, 2000 ж.т.", "НУРГАЛИЕВ Б.К., 1989 г.р.", "born 1991": an entry of a list
_BORN_AFTER = re.compile(r"^,?\s*(?:born\s+|\d{4}\s*(?:г\.\s*р|ж\.\s*т|года рождения|жылы туған))")
_LIST_ITEM = re.compile(r"^\s*(?:\d{1,3}[.)]|[•·*–—-])?\s*$")
_FIRST_PERSON = re.compile(r"(?<!\w)(?:i|me|my|я|меня|мне|мен|мені|маған)(?!\w)")


@cache
def shipped_model() -> LinearModel:
    """The model trained on the annotated texts of this release."""
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    return LinearModel.from_json(data, NOT_A_VICTIM, "persons")


def person_features(
    mentions: list[tuple[Sentence, Mention]], language: str, sentences: list[Sentence]
) -> list[str]:
    """What the second reader knows of a person: what it knows of each sentence naming them
    and of the sentences either side (a heading over a list, what the next sentence says
    happened), together, and how often they are named."""
    features = {f"lang={language}", f"named={min(len(mentions), 3)}"}
    index = {sentence.start: i for i, sentence in enumerate(sentences)}
    for sentence, mention in mentions:
        features.update(_mention_features(sentence.text, mention))
        for side, neighbour in _neighbours(sentence, sentences, index):
            features.update(_told_in(neighbour.text, "prev" if side < 0 else "next"))
    return sorted(features)


def _neighbours(
    sentence: Sentence, sentences: list[Sentence], index: dict[int, int]
) -> list[tuple[int, Sentence]]:
    """The sentences before (-1) and after (1) ``sentence``, where there are."""
    at = index.get(sentence.start)
    if at is None:
        return []
    return [(side, sentences[at + side]) for side in (-1, 1) if 0 <= at + side < len(sentences)]


def _word_distances(
    folded: str, start: int, end: int, pattern: re.Pattern[str], fate: Fate | None = None
) -> list[int]:
    """How many words stand between ``folded[start:end]`` and each match of ``pattern`` beside
    it (not over it); given the ``fate`` it says, not where the text denies it."""
    return [
        distance
        for distance, _, m in words_to(folded, start, end, pattern)
        if not (fate is not None and personal.denied(folded, m.start(), fate))
    ]


def _told_in(sentence: str, side: str) -> list[str]:
    """The fates a neighbouring sentence tells, of one person or of many."""
    folded = fold(sentence)
    told = [f"{side}_{fate.value}" for fate, pattern in FATE_WORDS if pattern.search(folded)]
    told += [f"{side}_{group}" for group, pattern in lx.FATE_GROUP_PATTERNS.items()
             if pattern.search(folded)]  # fmt: skip
    if sentence.rstrip().endswith(":"):
        told.append(f"{side}_heading")
    return told


def _mention_features(sentence: str, mention: Mention) -> list[str]:
    folded = fold(sentence)
    start, end = mention.start, mention.end
    features = [
        "speaker" if mention.speaker else "not_speaker",
        *(["role"] if mention.role else []),
        *(["self_report"] if mention.self_report else []),
    ]
    left = [w[:5] for w in _WORD.findall(folded[:start])]
    right = [w[:5] for w in _WORD.findall(folded[end:])]
    features += [f"L{i}={w}" for i, w in enumerate(reversed(left[-3:]), start=1)]
    features += [f"R{i}={w}" for i, w in enumerate(right[:3], start=1)]
    features += [f"LB={w}" for w in left[-8:]] + [f"RB={w}" for w in right[:8]]
    last_word = _WORD.findall(folded[start:end])[-1:]
    features += [f"name$={w[-2:]}" for w in last_word if len(w) > 3]
    if _AGE_AFTER.match(sentence[end:]):
        features.append("age_after")
    if _BORN_AFTER.match(sentence[end:].casefold()):
        features.append("born_after")
    if _LIST_ITEM.match(sentence[:start]):
        features.append("opens_item" if sentence[:start].strip() else "opens_sentence")
    for fate, pattern in FATE_WORDS:
        distances = _word_distances(folded, start, end, pattern)
        if distances:
            reach = min(distances)
            features.append(f"person_{fate.value}_{0 if reach <= 2 else 1 if reach <= 8 else 2}")
    features += fate_words_near(folded, start, end)
    if personal.SPEECH_WORD.search(folded):
        features.append("speech_in_sentence")
    if re.search(r"[«»\"“”]", sentence):
        features.append("quotes_in_sentence")
    if _FIRST_PERSON.search(folded):
        features.append("first_person")
    return features


def second_reading_of_persons(
    unfated: list[Unfated], language: str, sentences: list[Sentence], model: LinearModel
) -> list[PersonProposal]:
    """The people ``model`` reads something happened to, of those the rules gave no fate."""
    added = []
    for person in unfated:
        chances = model.probabilities(person_features(person.mentions, language, sentences))
        chance = 1 - chances[NOT_A_VICTIM]
        if chance < THRESHOLD:
            continue
        likeliest = max((c for c in chances if c != NOT_A_VICTIM), key=chances.__getitem__)
        fate = _nearest_fate(person.mentions, sentences) or Fate(likeliest)
        added.append(replace(person.proposal, fate=fate.value, chance=round(chance, 2)))
    return added


def _nearest_fate(
    mentions: list[tuple[Sentence, Mention]], sentences: list[Sentence]
) -> Fate | None:
    """The fate of the word of what happened nearest a naming of the person: in the sentence
    naming them, else in the sentence before or after (a heading over a list, "Олар – A, B.
    … айып тағылған"). Of the people the reader read right over the sets left out in turn,
    this fate was the one annotated for 23 of 33, the model's likeliest for 18."""
    index = {sentence.start: i for i, sentence in enumerate(sentences)}
    nearest: list[tuple[int, Fate]] = []
    words = (*FATE_WORDS, *GROUP_WORDS)
    for sentence, mention in mentions:
        folded = fold(sentence.text)
        for fate, pattern in words:
            distances = _word_distances(folded, mention.start, mention.end, pattern, fate)
            nearest += [(distance, fate) for distance in distances]
        for side, neighbour in _neighbours(sentence, sentences, index):
            folded = fold(neighbour.text)
            for fate, pattern in words:
                # words after it in the sentence before, before it in the sentence after
                nearest += [
                    (_OTHER_SENTENCE + len(_WORD.findall(
                        folded[m.end() :] if side < 0 else folded[: m.start()])), fate)
                    for m in pattern.finditer(folded)
                    if not personal.denied(folded, m.start(), fate)
                ]  # fmt: skip
    return min(nearest, key=lambda found: found[0])[1] if nearest else None
