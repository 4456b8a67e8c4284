"""A second reader of figures, learned from annotated texts: it reads every number the rules
of :mod:`tizim.core.ingest.claims` passed over and proposes those that its words say count
people, with the fate they say (decision 0027).

The rules read what they were written for exactly, and little else: each new writer brings
phrasings no rule has seen ("the regional akimat's official figure … is seven", "поиски двоих
продолжаются", "бұл көрсеткіш 96 деп айтылған еді"). The second reader weighs the words
around a number — the few words either side, the fate words of the sentence and how far
they stand, a noun of people after it — by weights learned from the annotated texts under
``tests/ingest/data`` (:mod:`tizim.core.ingest.training` makes them). It is a
multinomial logistic regression: one weight per feature and class, so it is read here with
no library, from ``figure_model.json`` shipped beside this module.

It only adds: a number the rules proposed keeps their reading, and a value the text has
already been read as stating is not proposed again (a headline and its body).
"""

from __future__ import annotations

import datetime
import json
import math
import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from functools import cache
from pathlib import Path

from tizim.core.ingest import lexicon as lx
from tizim.core.ingest.claim_details import ClaimProposal, proposal, said_in
from tizim.core.ingest.fate_words import clause_window
from tizim.core.ingest.linear_model import LinearModel
from tizim.core.ingest.not_counts import is_not_a_count
from tizim.core.ingest.numbers import NumberMention, find_numbers
from tizim.core.ingest.qualifiers import qualifier_of
from tizim.core.ingest.text import Sentence, fold
from tizim.core.ingest.when import DateMention, find_dates

MODEL_PATH = Path(__file__).with_name("figure_model.json")
#: The class of a number that counts no people; "none" is a figure with no fate group.
NOT_A_FIGURE = "not_a_figure"
NO_GROUP = "none"
#: Proposed when the chance that a number is a figure is at least this. Chosen on texts left
#: out of training, one set at a time (``bench/ingest_learned.py``; decision 0027).
THRESHOLD = 0.5

_WORD = re.compile(r"\w+")
_LIST_ITEM = re.compile(r"[.)]\s")
_LAW = re.compile(
    r"(?:(?<!\w)(?:ст|статья|статьи|стать[ея]й|article|articles|бап|бабы|бабының|ч|part)\.?\s*"
    r"(?:\d+[\s,и-]*)*$)|(?:[\s,-]*(?:ук|ск|кк|criminal code|уголовного|қылмыстық)\b)"
)


@cache
def shipped_model() -> LinearModel:
    """The model trained on the annotated texts of this release."""
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    return LinearModel.from_json(data, NOT_A_FIGURE, "figures")


def mention_features(
    sentence: str, folded: str, number: NumberMention, language: str, dates: list[DateMention]
) -> list[str]:
    """What the second reader knows of ``number`` in ``sentence``: the words either side
    (their first five letters, so that "detained" and "detainees" are one), the nearest word
    of each fate and how far it stands, a noun of people or of cases after it, its size, and
    whether the rules took it for a date or for something that counts no people."""
    features = [f"lang={language}"]
    if any(d.start <= number.start < d.end for d in dates):
        features.append("in_date")
    if is_not_a_count(sentence, folded, number):
        features.append("not_a_count")
    left = [w[:5] for w in _WORD.findall(folded[: number.start])]
    right = [w[:5] for w in _WORD.findall(folded[number.end :])]
    features += [f"L{i}={w}" for i, w in enumerate(reversed(left[-3:]), start=1)]
    features += [f"R{i}={w}" for i, w in enumerate(right[:3], start=1)]
    features += sorted({f"LB={w}" for w in left[-10:]} | {f"RB={w}" for w in right[:10]})
    whole_left = _WORD.findall(folded[max(0, number.start - 40) : number.start])[-1:]
    whole_right = _WORD.findall(folded[number.end : number.end + 60])[:2]
    features += [f"L1$={w[-3:]}" for w in whole_left if len(w) > 4]
    features += [f"R{i}$={w[-3:]}" for i, w in enumerate(whole_right, 1) if len(w) > 4]
    if _LIST_ITEM.match(sentence, number.end) and not sentence[: number.start].strip():
        features.append("list_item_number")
    features += _shape(sentence, number)
    if _LAW.search(folded, max(0, number.start - 30), number.start) or _LAW.match(
        folded, number.end
    ):
        features.append("law_near")
    written = sentence[number.start : number.end]
    if not any(c.isdigit() for c in written):
        features.append("in_words")
    value = number.value
    features.append(f"magnitude={min(int(math.log10(value)) if value > 0 else 0, 6)}")
    if 1900 <= value <= 2100:
        features.append("year_like")
    if "%" in sentence[number.end : number.end + 2]:
        features.append("percent")
    if "№" in sentence[max(0, number.start - 2) : number.start]:
        features.append("number_sign")
    if sentence.rstrip().endswith("?"):
        features.append("question")
    if len(left) < 2:
        features.append("sentence_start")
    ahead = folded[number.end :].lstrip(' "”»')
    if lx.PEOPLE_AHEAD.match(ahead):
        features.append("people_after")
    if lx.CASES_AHEAD.match(ahead):
        features.append("cases_after")
    if lx.EVENT_CONTEXT.search(folded):
        features.append("event_words")
    features += fate_words_near(folded, number.start, number.end)
    return features


def _shape(sentence: str, number: NumberMention) -> list[str]:
    """The marks either side of the number and whether the words there are capitalised: an
    age after a name ("Ruslan Abenov, 27,"), a class ("9 «А»"), an address ("№ 4")."""
    before = sentence[: number.start].rstrip()
    after = sentence[number.end :].lstrip()
    features = [
        f"mark_before={before[-1] if before and not before[-1].isalnum() else 'word'}",
        f"mark_after={after[0] if after and not after[0].isalnum() else 'word'}",
    ]
    word_before = _WORD.findall(before[-30:])[-1:]
    if word_before and word_before[0][0].isupper():
        features.append("capital_before")
    word_after = _WORD.findall(after[:30])[:1]
    if word_after and word_after[0][0].isupper():
        features.append("capital_after")
    return features


def fate_words_near(folded: str, start: int, end: int) -> list[str]:
    """For each fate group with a word in the sentence: that it has one, and on which side of
    ``folded[start:end]`` (a number, a name) the nearest stands, at 0–1, 2–4 or more words."""
    features = []
    for group, pattern in lx.FATE_GROUP_PATTERNS.items():
        found = list(words_to(folded, start, end, pattern))
        if found:
            distance, side, _ = min(found, key=lambda each: each[0])  # the first of the nearest
            reach = 0 if distance <= 1 else 1 if distance <= 4 else 2
            features += [f"fate_{group}", f"fate_{group}_{side}{reach}"]
    return features


def words_to(
    folded: str, start: int, end: int, pattern: re.Pattern[str]
) -> Iterator[tuple[int, str, re.Match[str]]]:
    """Each match of ``pattern`` beside ``folded[start:end]`` (not over it), in the text's
    order: how many words stand between, on which side ("L" before, "R" after), the match."""
    for m in pattern.finditer(folded):
        if m.start() >= end:
            yield len(_WORD.findall(folded[end : m.start()])), "R", m
        elif m.end() <= start:
            yield len(_WORD.findall(folded[m.end() : start])), "L", m


def numbers_of(
    sentence: Sentence,
    language: str,
    published: datetime.date | None,
    weighed: Callable[[NumberMention], bool] = lambda _: True,
) -> Iterator[tuple[NumberMention, list[str]]]:
    """Every number of ``sentence`` that is to be ``weighed``, with its features; offsets
    within the sentence."""
    folded = fold(sentence.text)
    dates = find_dates(sentence.text, published=published)
    for number in find_numbers(sentence.text, language):
        if weighed(number):
            yield number, mention_features(sentence.text, folded, number, language, dates)


def second_reading(
    sentences: list[Sentence],
    language: str,
    published: datetime.date | None,
    claims: list[ClaimProposal],
    model: LinearModel,
    no_people: Callable[[Sentence, NumberMention], bool] = lambda sentence, number: False,
) -> list[ClaimProposal]:
    """The figures ``model`` reads in ``sentences`` that the rules' ``claims`` do not hold:
    neither the same number nor the same value said elsewhere, nor a number ``no_people``
    says counts no one (a table's cell under an age or a sum)."""
    read_at = {claim.start for claim in claims}
    values = {claim.value for claim in claims}
    added: list[ClaimProposal] = []
    for sentence in sentences:

        def passed_over(number: NumberMention, said: Sentence = sentence) -> bool:
            # (zero counts no one: "Died in hospital   2   0", a change since the day before)
            return (
                said.start + number.start not in read_at
                and number.value not in values
                and number.value != 0
                and not no_people(said, number)
            )

        for number, features in numbers_of(sentence, language, published, passed_over):
            chances = model.probabilities(features)
            if 1 - chances[NOT_A_FIGURE] < THRESHOLD:
                continue
            fate = max((c for c in chances if c != NOT_A_FIGURE), key=chances.__getitem__)
            group = None if fate == NO_GROUP else fate
            claim = _proposed(sentence, number, group, published)
            added.append(replace(claim, chance=round(1 - chances[NOT_A_FIGURE], 2)))
            values.add(number.value)
    return added


def _proposed(
    sentence: Sentence, number: NumberMention, group: str | None, published: datetime.date | None
) -> ClaimProposal:
    said = said_in(sentence, find_dates(sentence.text, published=published))
    folded = said.folded
    clause_start, _ = clause_window(folded, number.start, number.end)
    anchor = (number.start, number.start)  # what is counted: the noun after the number
    if group is not None:
        words = [
            (abs(m.start() - number.start), m.start(), m.end())
            for m in lx.FATE_GROUP_PATTERNS[group].finditer(folded)
            if m.end() <= number.start or m.start() >= number.end
        ]
        if words:
            anchor = min(words)[1:]
    qualifier = qualifier_of(folded, number, clause_start)
    return proposal(said, number, group, anchor, qualifier)
