"""Whom a count of people counts when the words around it say so, whatever fate word stands
nearest: the families of those a fate word names ("11 семей задержанных": not the detained),
who sought medical help ("за медицинской помощью … обратились 12 человек": injured), and
those a criminal case or a court's penalty is against ("тоғыз адамға қатысты қылмыстық іс",
"handed down administrative arrests to 131": prosecuted).
"""

from __future__ import annotations

import re

from tizim.core.ingest import lexicon as lx
from tizim.core.ingest.fate_words import fate_after, fate_just_before
from tizim.core.ingest.numbers import NumberMention
from tizim.core.ingest.text import fold

_FATES = lx.FATE_GROUP_PATTERNS

# a court's penalty before those it was given to: "Суды назначили административный арест
# сроком от 10 до 15 суток 118 задержанным", "imposed administrative arrest … on 226 persons"
PENALTY_BEFORE = re.compile(
    r"(?:назначил\w*|назначен\w*|imposed|handed down|вынес\w*)\s+(?:[\w-]+\s+){0,2}"
    r"(?:арест\w*|штраф\w*|arrest|fines?|penalt\w*|sentences?|приговор\w*)"
    # "Сот шешімімен 214 адам … әкімшілік қамаққа алынды": held by a court's decision
    r"|сот шешімімен|по решению суда|by (?:a )?court (?:order|decision)"
    # "A court in Almaty has jailed eight activists"
    r"|court\b[^.;]{0,60}\b(?:has |have )?jailed"
)

# "тоғыз адамға қатысты қылмыстық іс" (not "іс-шаралар", events); "6 уголовных дел в
# отношении 11 лиц", "criminal cases against 30 people"
_CASE_AGAINST_AFTER = re.compile(r"\s*қатысты\s+(?:[\w-]+\s+){0,2}(?:іс|істер|қылмыстық)(?![\w-])")
_CASE_AGAINST_BEFORE = re.compile(
    r"(?<!\w)(?:уголовн\w+ (?:дел[оа]?|дел)|criminal (?:cases?|proceedings)|"
    r"(?:дел[оа]?|дел)(?= ?[—–-]))(?!\w)[^.;,]{0,40}(?:в отношении|against)\s*$"
)

_APPLYING = r"обратил\w*|обращал\w*|applied|жүгін\w*"
_APPLIED = re.compile(rf"(?:{_APPLYING})")
_APPLIED_JUST_BEFORE = re.compile(rf"(?:{_APPLYING})\s+(?:\w+\s+)?$")
# what makes the help they sought a doctor's
_MEDICAL = re.compile(
    r"медицинск\w*|медпомощ\w*|больниц\w*|травмпункт\w*|приемн\w* покой|приёмн\w* поко\w*|"
    r"medical|hospital\w*|медициналық|аурухана\w*|емхана\w*"
)

_KIN = (
    r"(?:families|family members|relatives|parents|mothers|wives|семей|семьи|член\w* семей|"
    r"родственник\w*|родных|матерей|ж[её]н|отбасы\w*|туыс\w*|ата-анас\w*)"
)
_KIN_AFTER = re.compile(rf"\s*(?:[\w-]+\s+)?{_KIN}(?!\w)")
# whose they are: "families of (the) detainees", "семей задержанных" (a genitive plural),
# "ұсталғандардың 30 отбасы" (a Kazakh genitive before the count)
_OF_AFTER_KIN = re.compile(r"\s+of\s+(?:the\s+|those\s+|people\s+)?")
_GENITIVE_AFTER_KIN = re.compile(r"\s+(?=\w+(?:ых|их)(?!\w))")
_KK_WHOSE_BEFORE = re.compile(r"(?:дардың|дердің|тардың|тердің)\s+(?:[\w-]+\s+)?$")


def kin_of(folded: str, number: NumberMention, lo: int, hi: int) -> tuple[int, int] | None:
    """Where the words stand that make ``number`` a count of families or relatives of those
    a fate word names ("11 семей задержанных", "19 relatives of detainees", "ұсталғандардың
    30 отбасы"), unless they have a fate of their own, told before the count ("Police
    detained 5 relatives of the dead") or after ("5 relatives of the dead were detained",
    "5 родственников задержаны")."""
    kin = _KIN_AFTER.match(folded, number.end)
    if kin is None:
        return None
    whose_before = _KK_WHOSE_BEFORE.search(folded, max(lo, number.start - 40), number.start)
    if whose_before is None and fate_just_before(folded, number, lo) is not None:
        return None
    whose = _OF_AFTER_KIN.match(folded, kin.end()) or _GENITIVE_AFTER_KIN.match(folded, kin.end())
    whose_after = None
    if whose is not None:
        whose_after = fate_after(folded, whose.end(), whose.end() + 30, farthest=False)
        if whose_after is not None and whose_after[1] != whose.end():
            whose_after = None  # the fate word must stand right after: "families of detainees"
    if whose_after is None and whose_before is None:
        return None
    said_after = whose_after[2] if whose_after else kin.end()
    if fate_after(folded, said_after, hi, farthest=False) is not None:
        return None
    return (whose_before.start() if whose_before else number.end), said_after


def sought_medical_help(
    folded: str, number: NumberMention, fate: tuple[str, int, int] | None, lo: int, hi: int
) -> tuple[str, int, int] | None:
    """Who applied for medical help were hurt: "за медицинской помощью … обратились 12
    человек" is injured, though "обратились" alone counts who applied (no fate group), and so
    does "after the wounded were taken away, 12 people came to the akimat"."""
    applied = (
        fate[0] == "no_group" and _APPLIED.fullmatch(folded, fate[1], fate[2]) is not None
        if fate is not None
        else _APPLIED_JUST_BEFORE.search(folded, max(lo, number.start - 30), number.start)
        is not None
    )
    if not applied or _MEDICAL.search(folded, lo, hi) is None:
        return fate
    hurt = _FATES["injured"].search(folded, lo, hi)
    return fate if hurt is None else ("injured", hurt.start(), hurt.end())


def case_against_the_count(folded: str, number: NumberMention) -> re.Match[str] | None:
    """ "Қалған төртеуіне қатысты қылмыстық іс қозғалды", "в отношении четверых ведётся
    досудебное расследование": a case against the people a numeral counts, with no noun of
    people (not a count of cases)."""
    if not _DATIVE.search(fold(number.written)):
        return _AGAINST_JUST_BEFORE.search(folded, max(0, number.start - 20), number.start)
    return _CASE_AGAINST_AFTER.match(folded, number.end)


_DATIVE = re.compile(r"(?:іне|ына|ға|ге|қа|ке|на|не)$")
_AGAINST_JUST_BEFORE = re.compile(r"(?<!\w)(?:в отношении|against)\s+(?:ещ[её]\s+)?$")


def cases_against(
    folded: str,
    number: NumberMention,
    fate: tuple[str, int, int] | None,
    noun_end: int | None,
    lo: int,
) -> tuple[str, int, int] | None:
    """People a criminal case or a court's penalty is against are prosecuted: "тоғыз адамға
    қатысты қылмыстық іс сотқа жолданған", "6 уголовных дел в отношении 11 лиц", "courts have
    handed down administrative arrests to 131"; force used "в отношении 5 человек" is not."""
    if fate is not None and fate[0] != "custody":
        return fate
    against = None if noun_end is None else _CASE_AGAINST_AFTER.match(folded, noun_end)
    against = against or _CASE_AGAINST_BEFORE.search(folded, lo, number.start)
    if against is None and (fate is None or noun_end is None):
        against = PENALTY_BEFORE.search(folded, lo, number.start)  # no noun: "… to 131"
    return fate if against is None else ("prosecuted", against.start(), against.end())
