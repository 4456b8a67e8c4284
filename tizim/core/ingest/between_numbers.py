"""What the numbers of one sentence say about each other, once each has been read alone: a
range's two bounds are one figure ("between 50 and 60"), a figure a speaker puts right replaces
the one taken back ("сорок... нет, сорок четыре"), and a fate or qualifier told once is shared
across "and" ("26 protesters and 16 officers have been killed")."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace

from tizim.core.ingest import lexicon as lx
from tizim.core.ingest.fate_words import words_between
from tizim.core.ingest.numbers import NumberMention
from tizim.core.ingest.qualifiers import qualifier_of

_AND_WORD = re.compile(rf"(?<!\w)(?:{lx.AND_WORDS})(?!\w)")
# two counts joined ("… and 16 officers", "… , 34 firefighters" after a space); a comma
# right after a word only in a list a fate told before both is of ("в том числе 55
# полицейских, 28 сотрудников"), not "Of the 28 people in our records, 19 were charged"
_AND_TAIL = re.compile(r"(?:^|\s)(?:and|и|және|,)\s*$")
_LISTED_TAIL = re.compile(r"(?:(?:^|\s)(?:and|и|және)|,)\s*$")


@dataclass
class Reading:
    """What one number of a sentence counts, before it becomes a proposal."""

    number: NumberMention
    group: str | None
    anchor: tuple[int, int]  # the words saying what is counted
    qualifier: str | None
    people: bool  # a noun of people follows the number
    cases: bool  # a noun of cases follows it ("400 criminal cases")


def share_across_and(readings: list[Reading], folded: str) -> None:
    """ "26 protesters and 16 officers have been killed", "16 medical workers, 34 firefighters
    and 8 rescuers were injured": a count takes the fate the next one in the list states (read
    from the last), and the qualifier goes on ("at least 10 deaths and 19 injuries")."""
    pairs = list(itertools.pairwise(readings))
    joined = [_joined(first, second, folded) for first, second in pairs]
    for (first, second), linked in zip(pairs, joined, strict=True):
        # "interviews with 26 former detainees and nine relatives": both told, or asked (not
        # "… and 9 were later released": a verb of its own after the second)
        own_verb = second.group is not None and second.anchor[0] >= second.number.end
        if linked and first.cases and first.people and first.group is None and not own_verb:
            second.group, second.cases, second.anchor = None, True, first.anchor
    for (first, second), linked in zip(reversed(pairs), reversed(joined), strict=True):
        if linked and first.group is None and first.people and second.group is not None:
            first.group, first.anchor = second.group, second.anchor
    listed = [_joined(first, second, folded, _LISTED_TAIL) for first, second in pairs]
    for (first, second), linked in zip(pairs, listed, strict=True):
        told_first = first.anchor[1] <= first.number.start
        if linked and told_first and second.group is None and second.people and not second.cases:
            # "Жапа шеккендердің ішінде 137 полиция қызметкері және 53 қала тұрғыны бар",
            # "ранены 137 полицейских и 53 жителя": what is told before both is of both, and
            # of all in a list ("пострадали 103 человека, в том числе 55 полицейских, 28
            # военнослужащих и 20 жителей")
            second.group, second.anchor = first.group, first.anchor
    for (first, second), linked in zip(pairs, joined, strict=True):
        between = folded[max(first.number.end, first.anchor[1]) : second.number.start]
        if linked and second.qualifier is None and _AND_WORD.search(between):
            second.qualifier = first.qualifier  # not across a comma: "3 мыңнан астам …, 26"


def _joined(
    first: Reading, second: Reading, folded: str, tail: re.Pattern[str] = _AND_TAIL
) -> bool:
    between = folded[max(first.number.end, first.anchor[1]) : second.number.start]
    return bool(tail.search(between)) and words_between(between, 0, len(between)) <= 4


# the words between a range's bounds ("between 50 and 60", "от 50 до 60", "four or five",
# "40–50"), and before its lower bound where they need it
_RANGE_BETWEEN = re.compile(r"\s*(?:and|to|до|[-–—]|or|или|немесе|не)\s*")
_RANGE_OPENS = re.compile(r"(?:between|from|от)\s+$")


def ranges_from_below(
    readings: list[Reading], numbers: list[NumberMention], folded: str
) -> list[Reading]:
    """A range's figure is its lower bound, at least ("between 50 and 60 people were
    detained": 50): the upper bound's reading moved to the number before it."""
    out: list[Reading] = []
    for reading in readings:
        index = numbers.index(reading.number) if reading.number in numbers else 0
        lower = numbers[index - 1] if index > 0 else None
        between = folded[lower.end : reading.number.start] if lower is not None else ""
        m = _RANGE_BETWEEN.fullmatch(between)
        opened = lower is not None and _RANGE_OPENS.search(folded, 0, lower.start) is not None
        if (
            lower is None
            or m is None
            or lower.value >= reading.number.value
            or (m.group().strip() in ("and", "to", "до") and not opened)
        ):
            out.append(reading)
            continue
        # "Задержали от 50 до 60 человек": the verb before gave the lower bound its group
        group = reading.group or next((r.group for r in out if r.number is lower), None)
        out = [r for r in out if r.number is not lower]
        scale = _RANGE_SCALE.search(reading.number.written)
        if scale is not None and lower.value < 1000:  # "от 2 до 3 тыс. человек": 2,000
            lower = replace(lower, value=lower.value * (10**6 if scale[1] else 1000))
        out.append(replace(reading, number=lower, group=group, qualifier="at_least"))
    return out


# a speaker putting a figure right: "сорок... нет, сорок четыре", "forty — no, forty-two",
# "жүзден асады — нақтырақ айтсам, жүз он алты"
_CORRECTION = re.compile(
    r"[\s.,…-]*(?:асады|асты|астам|жуық)?[\s.,…-]*"
    r"(?:нет|no|вернее|точнее|то есть|i mean|sorry|actually|дұрысы|жоқ|нақтырақ айтсам|"
    r"нақтырақ)[\s.,…:-]*"
)


def corrected(readings: list[Reading], numbers: list[NumberMention], folded: str) -> list[Reading]:
    """A figure a speaker puts right is the figure; the one taken back is none, and what it
    counted is what the right one counts."""
    out = list(readings)
    for first, second in itertools.pairwise(numbers):
        if not _CORRECTION.fullmatch(folded, first.end, second.start):
            continue
        taken_back = next((r for r in out if r.number is first), None)
        if taken_back is None:
            continue
        out.remove(taken_back)
        right = next((r for r in out if r.number is second), None)
        qualifier = qualifier_of(folded, second, first.end)
        if right is None:
            out.append(replace(taken_back, number=second, qualifier=qualifier))
        elif right.group is None:
            out[out.index(right)] = replace(right, group=taken_back.group)
    return sorted(out, key=lambda reading: reading.number.start)


# the word that multiplies a range's upper bound, and so its lower one ("от 2 до 3 тыс.")
_RANGE_SCALE = re.compile(r"(?i)(?:тыс|мың|thousand|(млн|million|миллион))")
