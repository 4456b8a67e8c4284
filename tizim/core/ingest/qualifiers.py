"""The qualifier a figure's words give it: "at least", "almost", "более", "не менее",
"-дан астам", "-ға жуық" (none: exact)."""

from __future__ import annotations

import re

from tizim.core.ingest import lexicon as lx
from tizim.core.ingest.numbers import NumberMention

_QUALIFIERS_BEFORE = [
    (re.compile(rf"(?:^|[\s\"«“])(?:{p})\s*$"), q) for p, q in lx.QUALIFIERS_BEFORE
]
_QUALIFIERS_AFTER = [(re.compile(rf"^\s*(?:{p})(?!\w)"), q) for p, q in lx.QUALIFIERS_AFTER]
_KK_MULTIPLIER_TAIL = re.compile(r"^(?:ға|ге|нан|нен|дан|ден)")


def qualifier_of(folded: str, number: NumberMention, lo: int) -> str | None:
    """The qualifier the words around ``number`` give it ("at least", "почти", "астам"), reading
    back no further than ``lo``."""
    before = folded[lo : number.start]
    for pattern, qualifier in _QUALIFIERS_BEFORE:
        if pattern.search(before):
            return qualifier
    tail = folded[number.end : number.end + 30]
    tail = _KK_MULTIPLIER_TAIL.sub("", tail)
    for pattern, qualifier in _QUALIFIERS_AFTER:
        if pattern.match(tail):
            return qualifier
    return None


def past_qualifier_after(rest: str) -> str:
    """The words after a number, past the Kazakh case ending of its multiplier and a qualifier
    that follows it ("мыңға жуық адам" → "адам")."""
    rest = _KK_MULTIPLIER_TAIL.sub("", rest).lstrip()
    for pattern, _ in _QUALIFIERS_AFTER:
        rest = pattern.sub("", rest, count=1).lstrip()
    return rest
