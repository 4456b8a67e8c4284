"""Figures about people in a text, as claims: value, qualifier, what is counted (in the text's
words and as a fate group), measure, region, claimant, the date the figure is for, status.

A number is a count of people when a noun of people or a fate word stands next to it in the
same clause ("225 people were killed", "задержаны почти 10 тысяч человек", "the deaths of 164
individuals"), or a noun of cases ("400 criminal cases": a claim with no fate group). Years,
dates, ages, durations, percentages, phone and article numbers are not.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from tizim.core.ingest import lexicon as lx
from tizim.core.ingest.numbers import NumberMention, find_numbers
from tizim.core.ingest.text import Sentence, fold
from tizim.core.ingest.when import DateMention, find_dates
from tizim.core.places import fold_place, region_of

_FATES = {group: lx.compiled(pattern) for group, pattern in lx.FATE_GROUP_TERMS.items()}
_PEOPLE = re.compile(rf"^(?:[\w-]+\s+){{0,2}}?(?:{lx.PEOPLE_NOUNS})(?!\w)")
_CASES = re.compile(rf"^(?:[\w-]+\s+){{0,1}}?(?:{lx.CASE_NOUNS})(?!\w)")
_NOT_PEOPLE = re.compile(rf"^\s*(?:-|‑)?\s*(?:{lx.NOT_PEOPLE_UNITS})(?!\w)")
_MONTH_NEAR = re.compile(rf"(?:^|\s)(?:{lx.MONTHS})\.?\s*$|^\s*(?:{lx.MONTHS})(?!\w)")
_ARTICLE_BEFORE = re.compile(
    r"(?:article|articles|art\.|статья|статьи|статье|статьей|ст\.|part|часть|№|no\.|number|"
    r"tel\.?|phone|телефон|\+|бап|бабы)\s*$"
)
_CLAUSE_BREAK = re.compile(r"[.;:!?()\"]|\s-\s|\s–\s")
_WORD = re.compile(r"[\w'-]+")
_QUALIFIERS_BEFORE = [(re.compile(rf"(?:^|\s)(?:{p})\s*$"), q) for p, q in lx.QUALIFIERS_BEFORE]
_QUALIFIERS_AFTER = [(re.compile(rf"^\s*(?:{p})(?!\w)"), q) for p, q in lx.QUALIFIERS_AFTER]
_KK_MULTIPLIER_TAIL = re.compile(r"^(?:ға|ге|нан|нен|дан|ден)")
_SPEECH = lx.compiled(lx.SPEECH_VERBS)
_ACCORDING_BEFORE = re.compile(rf"(?<!\w)(?:{lx.ACCORDING_TO_BEFORE})\s+(?P<who>[^,.;:]+)")
_ACCORDING_AFTER = re.compile(rf"(?P<who>[^,.;:]+?)\s+(?:{lx.ACCORDING_TO_AFTER})(?!\w)")
_CLAIMANTS = lx.compiled(lx.CLAIMANTS)
_DISAVOWED = lx.compiled(lx.DISAVOWED)
_REVISED = lx.compiled(lx.REVISED)
_UP_FROM = re.compile(r"(?:up|down) from\s*$|с\s*$|(?:from)\s*$")
_ON_DATE = lx.compiled(lx.ON_DATE_STATES)
_OFFICIALLY = re.compile(r"(?<!\w)(?:officially|официально|ресми)(?!\w)")
_PLACE_WORD = re.compile(r"(?<!\w)(?:in|across|в|во)\s+(?P<place>[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w-]+)")
_KK_LOCATIVE = re.compile(r"(?P<place>[А-ЯЁӘҒҚҢӨҰҮҺІ][\w-]+?)(?:ның|нің|да|де|та|те|нда|нде)(?!\w)")
_PARTITIVE = re.compile(r"(?:of those|of the|из числа|из)\s+$")
_AUXILIARY = re.compile(r"\s+(?:have|has|had|have been|has been|had been|also|later)$")
_TIME_OPENER = re.compile(
    r"^(?:(?:on|last|this|во?|в)\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье|дүйсенбіде|сейсенбіде|"
    r"сәрсенбіде|бейсенбіде|жұмада|сенбіде|жексенбіде)\s*,?\s+",
    re.IGNORECASE,
)
_KK_GENITIVE = re.compile(r"(?<=[іиы])(?:ның|нің|тың|тің|дың|дің)$")
_AND = re.compile(r"\s*(?:and|и|және|,)\s*")
_REACH = 6  # words between a number and the fate word or noun that makes it a count of people


@dataclass(frozen=True)
class ClaimProposal:
    """A figure about people as the text states it; ``text[start:end]`` is the number."""

    value: int
    qualifier: str
    counted: str
    fate_group: str | None
    measure: str
    region: str | None
    claimant: str | None
    as_of: datetime.date | None
    status: str | None
    quote: str
    start: int
    end: int


def _clause_window(folded: str, start: int, end: int) -> tuple[int, int]:
    before = [m.end() for m in _CLAUSE_BREAK.finditer(folded, 0, start)]
    after = _CLAUSE_BREAK.search(folded, end)
    return (before[-1] if before else 0), (after.start() if after else len(folded))


def _words_between(folded: str, a: int, b: int) -> int:
    return len(_WORD.findall(folded[a:b]))


def _nearest_fate(
    folded: str, number: NumberMention, lo: int, hi: int
) -> tuple[str, int, int] | None:
    """The fate group of the fate word nearest the number: after it first, then before."""
    best: tuple[int, str, int, int] | None = None
    for group, pattern in _FATES.items():
        for m in pattern.finditer(folded, lo, hi):
            if m.start() >= number.end:
                if _PARTITIVE.search(folded, number.end, m.start()):
                    continue  # "900 of those arrested face charges": they are the charged
                distance = _words_between(folded, number.end, m.start())
            elif m.end() <= number.start:
                distance = _words_between(folded, m.end(), number.start) + 1
                if "," in folded[m.end() : number.start] and distance > 2:
                    continue  # "…or been imprisoned, currently contains about 1,300 entries"
            else:
                continue
            if distance <= _REACH and (best is None or distance < best[0]):
                best = (distance, group, m.start(), m.end())
    return None if best is None else (best[1], best[2], best[3])


def _is_not_a_count(text: str, folded: str, number: NumberMention) -> bool:
    after, before = (
        folded[number.end : number.end + 20],
        folded[max(0, number.start - 25) : number.start],
    )
    if _NOT_PEOPLE.match(after) or _MONTH_NEAR.search(before) or _MONTH_NEAR.match(after):
        return True
    if _ARTICLE_BEFORE.search(before) or re.match(r"^\s*[-‑(]?\s*\d", after):
        return True
    name_before = text[max(0, number.start - 40) : number.start]
    if re.search(r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w'’-]+,\s*$", name_before) and re.match(r"^\s*[,)]", after):
        return True  # an age beside a name: "Serik Abenov, 34, was detained"
    if re.search(r"[(+]\s*$", before) or re.match(r"^[\s)]*\d{2}[-\s]\d{2}", after):
        return True  # a phone number: "8 (701) 555-12-34"
    # A year is never a count unless a noun of people follows it ("2022 people" is rare).
    year = number.written.isdigit() and len(number.written) == 4 and 1900 <= number.value <= 2100
    return year and not _PEOPLE.match(after.lstrip())


def _qualifier(folded: str, number: NumberMention, lo: int) -> str | None:
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


def _claimant(sentence: str, folded: str) -> str | None:
    """Who states the figure, in the sentence's words (None: the article itself)."""
    who = _claimant_words(sentence, folded)
    if who is None:
        return None
    who = _TIME_OPENER.sub("", who).strip()
    words = who.split()
    if words and len(words[-1]) > 6:
        words[-1] = _KK_GENITIVE.sub("", words[-1])  # "министрлігінің" → "министрлігі"
    return " ".join(words) or None


def _claimant_words(sentence: str, folded: str) -> str | None:
    m = _ACCORDING_BEFORE.search(folded)
    if m:
        return sentence[m.start("who") : m.end("who")].strip()
    m = _ACCORDING_AFTER.search(folded)
    if m:
        who = sentence[m.start("who") : m.end("who")].strip()
        return who.split(",")[-1].strip() or None
    for speech in _SPEECH.finditer(folded):
        before = folded[: speech.start()].rstrip()
        segment_start = max(
            before.rfind(","), before.rfind("."), before.rfind(":"), before.rfind('"')
        )
        if folded[speech.end() :].lstrip().startswith("by "):
            continue  # "announced by the state": the passive names someone else's figure
        who = _AUXILIARY.sub("", sentence[segment_start + 1 : len(before)].strip())
        words = who.split()
        if (
            0 < len(words) <= 8
            and not re.search(r"\d", who)
            and who.lower() not in {"he", "she", "it", "they", "он", "она", "они"}
        ):
            return who
        after = sentence[speech.end() :].strip(' ,."”')
        if after and len(after.split()) <= 6 and not re.search(r"\d", after):
            return after
    if _OFFICIALLY.search(folded):
        return "officials"
    m = _CLAIMANTS.search(folded)
    return sentence[m.start() : m.end()].strip() if m else None


def _status(folded: str, number: NumberMention) -> str | None:
    if _UP_FROM.search(folded[max(0, number.start - 12) : number.start]):
        return "revised"
    if _DISAVOWED.search(folded):
        return "disavowed"
    return None


def _as_of(dates: list[DateMention]) -> datetime.date | None:
    """The date a figure is for: the last one the sentence states, not a "since" date."""
    stated = [d for d in dates if not d.since]
    return stated[-1].value if stated else None


def _region(sentence: str) -> str | None:
    for pattern in (_PLACE_WORD, _KK_LOCATIVE):
        for m in pattern.finditer(sentence):
            place = fold_place(m["place"])
            if place is not None:
                return place.code if place.region is None else region_of(place.code)
    return None


def _counted(sentence: str, folded: str, number: NumberMention, anchor: tuple[int, int]) -> str:
    if anchor[0] >= number.end:
        return sentence[number.end : anchor[1]].strip(" ,")
    if anchor[1] <= number.start and "," in sentence[anchor[1] : number.start]:
        noun = _noun_after(sentence, folded, number)  # "…killed, including 19 policemen"
        return noun or sentence[anchor[0] : anchor[1]]
    return (
        sentence[anchor[0] : number.start].strip(" ,") + " " + _noun_after(sentence, folded, number)
    ).strip()


def _noun_after(sentence: str, folded: str, number: NumberMention) -> str:
    m = _PEOPLE.match(folded[number.end :].lstrip())
    if not m:
        return ""
    offset = len(folded[number.end :]) - len(folded[number.end :].lstrip())
    return sentence[number.end + offset : number.end + offset + m.end()]


def claims_in_sentence(
    sentence: Sentence, language: str, published: datetime.date | None
) -> list[ClaimProposal]:
    """The claims one sentence states, in order."""
    text, folded = sentence.text, fold(sentence.text)
    numbers = find_numbers(text, language)
    if not numbers:
        return []
    dates = find_dates(text, published=published)
    in_dates = [(d.start, d.end) for d in dates]
    claimant = _claimant(text, folded)
    region = _region(text)
    on_date = bool(_ON_DATE.search(folded))
    proposals: list[ClaimProposal] = []
    previous: tuple[int, str | None, str, tuple[int, int]] | None = None
    for number in numbers:
        if any(a <= number.start < b for a, b in in_dates) or _is_not_a_count(text, folded, number):
            continue
        lo, hi = _clause_window(folded, number.start, number.end)
        rest = folded[number.end :].lstrip()
        rest = _KK_MULTIPLIER_TAIL.sub("", rest).lstrip()
        for pattern, _ in _QUALIFIERS_AFTER:
            rest = pattern.sub("", rest, count=1).lstrip()
        people, cases = _PEOPLE.match(rest), _CASES.match(rest)
        fate = _nearest_fate(folded, number, max(lo, previous[0] if previous else 0), hi)
        if people is not None:
            # "12 тыс. задержанных освобождены": the verb after the noun says what happened
            noun_end = len(folded) - len(rest) + people.end()
            after_noun = _nearest_fate(folded, number, noun_end, hi)
            if after_noun is not None and after_noun[1] >= noun_end:
                fate = after_noun
        group: str | None
        if cases and not people:
            group, anchor = (
                None,
                (number.end, number.end + len(folded[number.end :]) - len(rest) + cases.end()),
            )
        elif fate is not None:
            group, anchor = fate[0], (fate[1], fate[2])
        elif (
            previous is not None
            and _UP_FROM.search(folded[max(0, number.start - 12) : number.start])
        ) or (
            previous is not None
            and people
            and re.search(
                r"(?:including|of them|в том числе|из них|оның ішінде|соның ішінде)\s*$",
                folded[previous[0] : number.start],
            )
        ):
            group, anchor = previous[1], previous[3]
        elif people:
            group, anchor = (
                None,
                (number.end, number.end + len(folded[number.end :]) - len(rest) + people.end()),
            )
        else:
            continue
        qualifier = _qualifier(folded, number, max(lo, previous[0] if previous else lo))
        if (
            qualifier is None
            and previous is not None
            and _AND.fullmatch(folded[_prev_end(previous) : number.start])
        ):
            qualifier = previous[2]  # "at least 10 deaths and 19 injuries"
        proposals.append(
            ClaimProposal(
                value=number.value,
                qualifier=qualifier or "exact",
                counted=_counted(text, folded, number, anchor)[:300],
                fate_group=group,
                measure="on_date" if on_date and group == "custody" else "ever",
                region=region,
                claimant=claimant,
                as_of=_as_of(dates),
                status=_status(folded, number),
                quote=text,
                start=sentence.start + number.start,
                end=sentence.start + number.end,
            )
        )
        previous = (number.end, group, qualifier or "exact", anchor)
    return proposals


def _prev_end(previous: tuple[int, str | None, str, tuple[int, int]]) -> int:
    return max(previous[0], previous[3][1])
