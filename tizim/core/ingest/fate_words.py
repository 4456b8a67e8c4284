"""Where the fate words stand around a number: the clause it is in, the fate word nearest it,
the first one after a point, the last one shortly before it, a verb right before it. Each is
(fate group, start, end) in the folded sentence, the claims reader's building blocks.
"""

from __future__ import annotations

import re

from tizim.core.ingest import lexicon as lx
from tizim.core.ingest.numbers import NumberMention

_FATES = lx.FATE_GROUP_PATTERNS
# (not the dots that lead a row's label to its figure: "House arrest ........ 1")
_CLAUSE_BREAK = re.compile(r"[;:!?()\"]|(?<!\.)\.(?!\.)|\s-\s|\s–\s")
_WORD = re.compile(r"[\w'-]+")
_PARTITIVE = re.compile(r"(?:of those|of the|из числа|из)\s+$")
# "of it", "of them" between the whole's fate word and a part's number
_PART_OF_IT_BETWEEN = re.compile(r"(?<!\w)(?:оның|олардың|из них|of them|of whom)(?!\w)")
#: a number of a whole after "из" (from): "из 20", "из шести"
RU_WHOLE_NUMBER = (
    r"(?:\d+|двух|тр[её]х|четыр[её]х|пяти|шести|семи|восьми|девяти|десяти|\w+дцати|сорока|"
    r"\w+десяти)"
)
#: "of them" right after a number ("8 из них находились под стражей"): a part of a figure
#: told, its own verb after it (matched at the number's end)
OF_THEM_AFTER = re.compile(r"\s*(?:of them|of those|of whom|из них|из которых)(?!\w)")
# a Kazakh share, its verb after it ("…, біреуі әлі тергеу изоляторында отыр")
_KK_SHARE = re.compile(r"(?:еуі|ауы|еуін|ауын|еуіне|ауына|-[іы]|-с[іы]|-ы|-і)$")
# "из шести" before the whole's fate word, a part's number after it
_A_WHOLE_BEFORE = re.compile(
    rf"(?<!\w)(?:из\s+{RU_WHOLE_NUMBER}|of the (?:\d+|two|three|four|five|six|seven|eight|nine|"
    r"ten))\s+$"
)
#: the qualifiers that may stand before a number ("almost", "более", "кем дегенде"), as one pattern
QUALIFYING = "|".join(p for p, _ in lx.QUALIFIERS_BEFORE)
_ONLY_QUALIFIERS = re.compile(r"\s*(?:(?:" + QUALIFYING + r")\s*)?")
_SENTENCE_BREAK = re.compile(r"[.;!?]")
#: words between a number and the fate word or noun that makes it a count of people
REACH = 6


def clause_window(folded: str, start: int, end: int) -> tuple[int, int]:
    """Where the clause holding ``folded[start:end]`` starts and ends."""
    before = [m.end() for m in _CLAUSE_BREAK.finditer(folded, 0, start)]
    after = _CLAUSE_BREAK.search(folded, end)
    return (before[-1] if before else 0), (after.start() if after else len(folded))


def words_between(folded: str, a: int, b: int) -> int:
    """How many words stand in ``folded[a:b]``."""
    return len(_WORD.findall(folded[a:b]))


def nearest_fate(
    folded: str, number: NumberMention, lo: int, hi: int
) -> tuple[str, int, int] | None:
    """The fate group of the fate word nearest the number: after it first, then before."""
    best: tuple[int, str, int, int] | None = None
    for group, pattern in _FATES.items():
        for m in pattern.finditer(folded, lo, hi):
            whole = 0
            if m.start() >= number.end:
                if _PARTITIVE.search(folded, number.end, m.start()):
                    continue  # "900 of those arrested face charges": they are the charged
                distance = words_between(folded, number.end, m.start())
                if distance > REACH or "," in folded[number.end : m.start()]:
                    continue  # "задержаны 410 человек, ранены 52": the wounded are the 52
            elif m.end() <= number.start:
                distance = words_between(folded, m.end(), number.start) + 2
                if (
                    _PART_OF_IT_BETWEEN.search(folded, m.end(), number.start)
                    or _A_WHOLE_BEFORE.search(folded, lo, m.start())
                    or OF_THEM_AFTER.match(folded, number.end)
                    or (_KK_SHARE.search(number.written) and "," in folded[m.end() : number.start])
                ):
                    # "ұсталды оның тоғызы үш күн ішінде босатылды", "из шести задержанных
                    # четверо после проверки отпущены": the word before is the whole's, the
                    # part's own is the one after, if any
                    whole = 3
                if "," in folded[m.end() : number.start]:
                    if distance > 3:
                        continue  # "…or been imprisoned, currently contains about 1,300 entries"
                    distance += 3  # "Of the people detained, 38 were charged": the verb after
            else:
                continue
            # at the same distance the longer words win: "административный арест получили
            # 121" is a penalty, not the "арест" inside it
            covers = best is not None and m.start() < best[2] and m.end() >= best[3]
            rank = distance + whole
            if distance <= REACH + 2 and (
                best is None or rank < best[0] or (rank == best[0] and covers)
            ):
                best = (rank, group, m.start(), m.end())
    return None if best is None else (best[1], best[2], best[3])


def fate_shortly_before(
    folded: str, number: NumberMention, lo: int, reach: int = 4
) -> tuple[str, int, int] | None:
    """The fate of the last fate word at most ``reach`` words before the number, from
    ``lo``."""
    found = [
        (m.start(), group, m.end())
        for group, pattern in _FATES.items()
        for m in pattern.finditer(folded, lo, number.start)
        if group != "no_group" and words_between(folded, m.end(), number.start) <= reach
    ]
    # not the words inside longer ones: "died in custody …… 1" is a death, not custody
    found = [f for f in found if not any(o[0] < f[0] and o[2] >= f[2] for o in found)]
    if not found:
        return None
    at, group, end = max(found)
    return group, at, end


def last_fate_before(folded: str, number: NumberMention) -> tuple[str, int, int] | None:
    """The last fate word of the sentence before the number, eight words at most away."""
    breaks = [m.end() for m in _SENTENCE_BREAK.finditer(folded, 0, number.start)]
    return fate_shortly_before(folded, number, breaks[-1] if breaks else 0, reach=8)


def fate_just_before(folded: str, number: NumberMention, lo: int) -> tuple[str, int, int] | None:
    """The fate of a verb right before the number, a qualifier at most between ("отпущены 17",
    "arrested more than 150")."""
    for group, pattern in _FATES.items():
        for m in pattern.finditer(folded, lo, number.start):
            if group != "no_group" and _ONLY_QUALIFIERS.fullmatch(folded[m.end() : number.start]):
                return group, m.start(), m.end()
    return None


def fate_after(
    folded: str,
    start: int,
    hi: int,
    *,
    farthest: bool,
    past_commas: bool = False,
    reach: int = REACH,
) -> tuple[str, int, int] | None:
    """The first fate word after ``start`` (the last, when ``farthest``), before ``hi``, at
    most ``reach`` words away and, unless ``past_commas``, with no comma between."""
    found = [
        (m.start(), group, m.end())
        for group, pattern in _FATES.items()
        for m in pattern.finditer(folded, start, hi)
        if words_between(folded, start, m.start()) <= reach
        and (past_commas or "," not in folded[start : m.start()])
    ]
    if not found:
        return None
    # at the same place the longer words win: "қамауда … көз жұмды" (died in custody) is a
    # death, not the custody inside it
    if farthest:
        at, group, end = max(found, key=lambda f: (f[0], f[2]))
    else:
        at, group, end = min(found, key=lambda f: (f[0], -f[2]))
    return group, at, end
