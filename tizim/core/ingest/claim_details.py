"""What a claim says besides its number and fate: what is counted in the text's words, who
claims it, the region, the date it is for, and its status (disavowed, revised); and the
proposal they make up.

``claims`` finds the figures and their fate groups; this reads the rest of their sentence.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from tizim.core.ingest import lexicon as lx
from tizim.core.ingest.numbers import NumberMention
from tizim.core.ingest.text import Sentence, fold
from tizim.core.ingest.when import DateMention
from tizim.core.places import fold_place, region_of

_UP_FROM = re.compile(rf"(?:{lx.UP_FROM})\s*$")
_ACCORDING_BEFORE = re.compile(rf"(?<!\w)(?:{lx.ACCORDING_TO_BEFORE})\s+(?P<who>[^,.;:]+)")
_ACCORDING_AFTER = re.compile(rf"(?P<who>[^,.;:]+?)\s+(?:{lx.ACCORDING_TO_AFTER})(?!\w)")
_CLAIMANTS = lx.compiled(lx.CLAIMANTS)
_DISAVOWED = lx.compiled(lx.DISAVOWED)
_REVISED = lx.compiled(lx.REVISED)
_OFFICIALLY = re.compile(r"(?<!\w)(?:officially|официально|ресми)(?!\w)")
_PLACE_WORD = re.compile(r"(?<!\w)(?i:in|across|в|во)\s+(?P<place>[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w-]+)")
_KK_LOCATIVE = re.compile(r"(?P<place>[А-ЯЁӘҒҚҢӨҰҮҺІ][\w-]+?)(?:ның|нің|да|де|та|те|нда|нде)(?!\w)")
_AUXILIARY = re.compile(r"\s+(?:have|has|had|have been|has been|had been|also|later)$")
_TIME_OPENER = re.compile(
    r"^(?:(?:on|last|this|во?|в)\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье|дүйсенбіде|сейсенбіде|"
    r"сәрсенбіде|бейсенбіде|жұмада|сенбіде|жексенбіде)\s*,?\s+",
    re.IGNORECASE,
)
_KK_GENITIVE = re.compile(r"(?<=[іиы])(?:ның|нің|тың|тің|дың|дің)$")
_ON_DATE = lx.compiled(lx.ON_DATE_STATES)


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
    #: None when the rules read it; the second reader's chance that it is a figure, when
    #: that reader proposed it (a possible figure, to be looked at before it is accepted)
    chance: float | None = None


def who_claims(sentence: str, folded: str) -> str | None:
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
    for speech in lx.SPEECH.finditer(folded):
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
        if re.match(r"(?:in|at|on|by|during|в|на|во время)\s", after):
            continue  # "230 lives would be claimed in the bloodshed": not who claims it
        if after and len(after.split()) <= 6 and not re.search(r"\d", after):
            return after
    if _OFFICIALLY.search(folded):
        return "officials"
    m = _CLAIMANTS.search(folded)
    return sentence[m.start() : m.end()].strip() if m else None


def status_of(folded: str, number: NumberMention) -> str | None:
    """ "disavowed" for a figure the sentence says was withdrawn or denied; "revised" for one
    given as a correction ("эта цифра уточнена: 527", "revised that to 132", "up from 352"),
    else None."""
    if _DISAVOWED.search(folded):
        return "disavowed"
    if replaces_a_figure(folded, number) or _REVISED.search(folded):
        return "revised"
    return None


def replaces_a_figure(folded: str, number: NumberMention) -> bool:
    """Whether ``number`` is given as the figure another one replaced ("up from the 352",
    "с 12"): told right before it."""
    return bool(_UP_FROM.search(folded[max(0, number.start - 12) : number.start]))


def date_for(dates: list[DateMention]) -> datetime.date | None:
    """The date a figure is for: the last one the sentence states, not a "since" date."""
    stated = [d for d in dates if not d.since]
    return stated[-1].value if stated else None


def region_named(sentence: str) -> str | None:
    """The region (or city of republican status) of the first known place the sentence
    names ("in Almaty", "Жаңаөзенде"), if any."""
    for pattern in (_PLACE_WORD, _KK_LOCATIVE):
        for m in pattern.finditer(sentence):
            place = fold_place(m["place"])
            if place is not None:
                return place.code if place.region is None else region_of(place.code)
    return None


def counted_words(
    sentence: str, folded: str, number: NumberMention, anchor: tuple[int, int]
) -> str:
    """What the figure counts, in the sentence's words: from the number to the words that
    gave its fate (``anchor``), or those words and the noun of people after the number."""
    if anchor[0] >= number.end:
        # (a figure alone on its line: what it counts starts on the next)
        return sentence[number.end : anchor[1]].strip(" ,\n")
    if "|" in sentence[anchor[1] : number.start]:
        return sentence[anchor[0] : anchor[1]].strip()  # a table row's label, not its cells
    if anchor[1] <= number.start and "," in sentence[anchor[1] : number.start]:
        noun = _noun_after(sentence, folded, number)  # "…killed, including 19 policemen"
        return noun or sentence[anchor[0] : anchor[1]]
    return (
        sentence[anchor[0] : number.start].strip(" ,") + " " + _noun_after(sentence, folded, number)
    ).strip()


def _noun_after(sentence: str, folded: str, number: NumberMention) -> str:
    m = lx.PEOPLE_AHEAD.match(folded[number.end :].lstrip())
    if not m:
        return ""
    offset = len(folded[number.end :]) - len(folded[number.end :].lstrip())
    return sentence[number.end + offset : number.end + offset + m.end()]


@dataclass(frozen=True)
class SaidIn:
    """What a sentence says of every figure in it, read once for all of them."""

    sentence: Sentence
    folded: str
    dates: list[DateMention]
    claimant: str | None
    region: str | None
    on_date: bool  # "по состоянию на", "are still held": custody on the date, not ever


def said_in(sentence: Sentence, dates: list[DateMention]) -> SaidIn:
    """Who claims the figures of ``sentence``, its region and whether it counts custody on a
    date (``dates``: the dates found in it)."""
    text, folded = sentence.text, fold(sentence.text)
    on_date = bool(_ON_DATE.search(folded))
    return SaidIn(sentence, folded, dates, who_claims(text, folded), region_named(text), on_date)


def proposal(
    said: SaidIn,
    number: NumberMention,
    group: str | None,
    anchor: tuple[int, int],
    qualifier: str | None,
) -> ClaimProposal:
    """The claim ``number`` of the sentence ``said`` is about states, of fate ``group``, what
    it counts told by the words at ``anchor``; the date it is for and its status are read from
    the sentence."""
    sentence, folded = said.sentence, said.folded
    return ClaimProposal(
        value=number.value,
        qualifier=qualifier or "exact",
        # (one space between words: a wrapped line's break, a table's gap)
        counted=" ".join(counted_words(sentence.text, folded, number, anchor).split())[:300],
        fate_group=group,
        measure="on_date" if group == "custody" and said.on_date else "ever",
        region=said.region,
        claimant=said.claimant,
        as_of=date_for(said.dates),
        status=status_of(folded, number),
        quote=sentence.text,
        start=sentence.start + number.start,
        end=sentence.start + number.end,
    )
