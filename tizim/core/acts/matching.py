"""Finding the acts, units and facility kinds of ``vocabulary`` in free text, in kk/ru/en.

The parsers are deliberately simple (phrase lists matched on folded text, with cheap
negation handling): they propose codes for a person to confirm, never decide alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from tizim.core.acts.vocabulary import (
    ACT_TERMS,
    FACILITY_PRIORITY,
    FACILITY_TERMS,
    UNIT_PRIORITY,
    UNIT_TERMS,
    ActType,
    FacilityKind,
    Term,
    UnitKind,
)

# --- matching phrases in free text -----------------------------------------------------------
#
# Text is folded without changing its length, so match positions point into the original:
# lower case, ё→е, and the Kazakh letters to the Russian ones they are often typed as (қ→к,
# ұ/ү→у, і→и …), which lets "ұрып-соқты" and "урып-сокты" match the same phrase.

_FOLD = str.maketrans(
    {
        "ё": "е",
        "ә": "а",
        "ғ": "г",
        "қ": "к",
        "ң": "н",
        "ө": "о",
        "ұ": "у",
        "ү": "у",
        "һ": "х",
        "і": "и",
        "’": "'",
        "ʼ": "'",
        "`": "'",
    }
)
_SEP = r"[^\w.,;:!?]+"  # between two words of a phrase: spaces, hyphens, quotes; no clause break
_WORD = r"[\w'-]+"
_CLAUSE_BREAK = re.compile(r"[.,;:!?\n]")
_WORDS = re.compile(r"[\w']+")


def _fold(text: str) -> str:
    """Lower case and Kazakh letters folded, keeping every character's position."""
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text).translate(_FOLD)


def _compile_phrase(phrase: str) -> str:
    """A regex for one synonym (syntax in ``Term``)."""
    parts: list[str] = []
    for slot in _fold(phrase).split():
        if slot == "...":
            parts.append(rf"(?:{_SEP}{_WORD}){{0,3}}")
            continue
        optional = slot.endswith("?") and len(slot) > 1
        words = slot[:-1] if optional else slot
        alternatives = "|".join(
            re.escape(word).replace(r"\*", r"\w*").replace(r"\-", r"[\s-]?")
            for word in words.split("|")
        )
        body = f"(?:{alternatives})"
        if not parts:
            parts.append(body)
        elif optional:
            parts.append(f"(?:{_SEP}{body})?")
        else:
            parts.append(f"{_SEP}{body}")
    return rf"(?<![\w-]){''.join(parts)}(?!\w)"


@dataclass(frozen=True)
class _Rule:
    code: str
    regex: re.Pattern[str]
    weight: int  # letters the phrase fixes: more specific phrases are tried first
    denied: bool  # a denied object: counts only next to a refusal


def _rules(terms: tuple[Term, ...]) -> tuple[_Rule, ...]:
    rules = [
        _Rule(term.code, re.compile(_compile_phrase(phrase)), _weight(phrase), denied)
        for term in terms
        for phrases, denied in ((term.synonyms, False), (term.denied_objects, True))
        for phrase in phrases
    ]
    return tuple(sorted(rules, key=lambda rule: -rule.weight))


def _weight(phrase: str) -> int:
    """Letters of the shortest reading of a phrase (its first alternatives, required words)."""
    total = 0
    for slot in phrase.split():
        if slot == "..." or (slot.endswith("?") and len(slot) > 1):
            continue
        total += min(len(word.replace("*", "")) for word in slot.split("|"))
    return total


# Words that negate the act right after them ("не били", "was not beaten", "never tortured");
# "denied" for officials' denials ("denied torturing").
_NEGATIONS = frozenset(
    (
        *("не", "ни", "нет", "отрицают", "отрицает", "отрицали"),
        *("not", "never", "no", "didn't", "didnt", "wasn't", "wasnt", "weren't", "werent"),
        *("hasn't", "hadn't", "haven't", "denied", "deny", "denies", "denying"),
    )
)
_CONJUNCTIONS = frozenset(("or", "nor", "and", "и", "или", "ни", "либо", "немесе", "және"))
_NOT_ONLY = frozenset(("только", "лишь", "only"))
# Kazakh puts the negation after the verb ("ұрған жоқ", "азаптаған емес").
_NEGATION_AFTER = re.compile(r"^[^\w.,;:!?]+(?:жок|емес)(?!\w)")
# Words saying something was refused (cues for denied objects), folded like the text.
_REFUSAL = re.compile(
    r"(?<![\w-])(?:не|ни|нет|без|no|not|never|without|denied|deny|denies|refused|lack\w*|"
    r"отказ\w*|лиш\w*|жок|\w+(?:ма|ме|ба|бе|па|пе)(?:ды|ди|ган|ген|й))(?!\w)"
)
_REFUSAL_REACH = 6  # words between a refusal and what was refused ("never had access to an …")


@dataclass(frozen=True)
class ActMatch:
    """An act type found in a text: the code and where (``text[start:end]`` is ``matched``)."""

    code: ActType
    start: int
    end: int
    matched: str


def _scan(folded: str, rules: tuple[_Rule, ...]) -> list[tuple[int, int, str, bool]]:
    """Non-overlapping (start, end, code, denied) matches; longer phrases claim text first."""
    taken = bytearray(len(folded))
    found: list[tuple[int, int, str, bool]] = []
    for rule in rules:
        for m in rule.regex.finditer(folded):
            if any(taken[m.start() : m.end()]):
                continue
            found.append((m.start(), m.end(), rule.code, rule.denied))
            taken[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    found.sort()
    return found


def _clause_start(folded: str, position: int) -> int:
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(folded, 0, position)]
    return breaks[-1] if breaks else 0


def _clause_end(folded: str, position: int) -> int:
    m = _CLAUSE_BREAK.search(folded, position)
    return m.start() if m else len(folded)


def _negation_before(folded: str, start: int, taken: bytearray) -> int | None:
    """Where the negation of a match starting at ``start`` begins, if one of the two words
    before it in the same clause negates it (and is not itself part of another phrase)."""
    words = list(_WORDS.finditer(folded, _clause_start(folded, start), start))[-2:]
    for index, word in enumerate(words):
        if word[0] not in _NEGATIONS or taken[word.start()]:
            continue
        following = words[index + 1][0] if index + 1 < len(words) else ""
        if following in _NOT_ONLY:  # "не только били, но и…" negates nothing
            continue
        return word.start()
    return None


def _coordinated(folded: str, previous_end: int, start: int) -> bool:
    """Whether only "or"/"and" stand between a previous mention and this one."""
    if previous_end < 0:
        return False
    between = folded[previous_end:start]
    return not _CLAUSE_BREAK.search(between) and all(
        word in _CONJUNCTIONS for word in _WORDS.findall(between)
    )


def _refused(folded: str, start: int, end: int, used: set[int]) -> bool:
    """Whether the clause around ``folded[start:end]`` says it was refused, within reach."""
    clause_start, clause_end = _clause_start(folded, start), _clause_end(folded, end)
    for cue in _REFUSAL.finditer(folded, clause_start, clause_end):
        if cue.start() in used or start <= cue.start() < end:
            continue
        between = folded[cue.end() : start] if cue.end() <= start else folded[end : cue.start()]
        if len(_WORDS.findall(between)) <= _REFUSAL_REACH:
            return True
    return False


_ACT_RULES = _rules(tuple(ACT_TERMS.values()))
_UNIT_RULES = _rules(tuple(UNIT_TERMS.values()))
_FACILITY_RULES = _rules(tuple(FACILITY_TERMS.values()))


def parse_act_types(text: str) -> list[ActMatch]:
    """Every act type a free text mentions (kk/ru/en), in the order mentioned.

    A mention right after a negation is dropped ("не били", "was not beaten", "ұрған жоқ"),
    as is a mention of torture in general when a method of torture is also named ("избивали,
    пытали током" gives beating and electric shock). A lawyer or medical care counts as
    denied only when the same clause says so ("не пускали адвоката", "no medical attention").
    Each mention is returned, so a code may appear more than once.
    """
    return list(_act_matches(text))


@lru_cache(maxsize=16_384)
def _act_matches(text: str) -> tuple[ActMatch, ...]:
    folded = _fold(text)
    raw = _scan(folded, _ACT_RULES)
    taken = bytearray(len(folded))
    for start, end, _, denied in raw:
        if not denied:
            taken[start:end] = b"\x01" * (end - start)
    kept: list[tuple[int, int, str]] = []
    used_negations: set[int] = set()
    negated_until = -1  # end of the last negated mention: "not tortured or beaten" negates both
    for start, end, code, denied in raw:
        if denied:
            continue
        negation = _negation_before(folded, start, taken)
        if negation is not None:
            used_negations.add(negation)
        elif _NEGATION_AFTER.match(folded[end:]) is None and not _coordinated(
            folded, negated_until, start
        ):
            kept.append((start, end, code))
            continue
        negated_until = end
    for start, end, code, denied in raw:
        if denied and _refused(folded, start, end, used_negations):
            kept.append((start, end, code))
    codes = {ActType(code) for _, _, code in kept}
    parents = {code.parent for code in codes if code.parent is not None}
    return tuple(
        ActMatch(ActType(code), start, end, text[start:end])
        for start, end, code in sorted(kept)
        if ActType(code) not in parents
    )


def act_codes(text: str) -> list[ActType]:
    """The distinct act types a text mentions, in the order first mentioned."""
    return list(dict.fromkeys(match.code for match in _act_matches(text)))


@lru_cache(maxsize=16_384)
def _codes_found(text: str, kind: Literal["unit", "facility"]) -> tuple[str, ...]:
    rules = _UNIT_RULES if kind == "unit" else _FACILITY_RULES
    return tuple(dict.fromkeys(code for _, _, code, _ in _scan(_fold(text), rules)))


def parse_units(text: str) -> list[UnitKind]:
    """Every kind of force a text names, in the order first named."""
    return [UnitKind(code) for code in _codes_found(text, "unit")]


def parse_unit(text: str) -> UnitKind | None:
    """The perpetrator's kind of force ("ОМОН", "Ұлттық ұлан", "КНБ", "ОДКБ"…), or None.

    Of several, the most specific wins: "ОМОН ДП" is special police, "военнослужащие
    Национальной гвардии" the National Guard.
    """
    found = set(parse_units(text))
    return next((unit for unit in UNIT_PRIORITY if unit in found), None)


def parse_facility_kinds(text: str) -> list[FacilityKind]:
    """Every kind of place a text names, in the order first named."""
    return [FacilityKind(code) for code in _codes_found(text, "facility")]


def parse_facility_kind(text: str) -> FacilityKind | None:
    """The kind of place a text names ("ИВС ДП г. Алматы", "СИЗО-1", "морг"…), or None.

    Of several, the narrowest wins: "ИВС ДП г. Алматы" is temporary detention.
    """
    found = set(parse_facility_kinds(text))
    return next((kind for kind in FACILITY_PRIORITY if kind in found), None)
