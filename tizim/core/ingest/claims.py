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

from tizim.core.ingest import lexicon as lx
from tizim.core.ingest.between_numbers import (
    Reading,
    corrected,
    ranges_from_below,
    share_across_and,
)
from tizim.core.ingest.claim_details import (
    ClaimProposal,
    proposal,
    replaces_a_figure,
    said_in,
)
from tizim.core.ingest.fate_words import (
    OF_THEM_AFTER,
    QUALIFYING,
    REACH,
    RU_WHOLE_NUMBER,
    clause_window,
    fate_after,
    fate_just_before,
    fate_shortly_before,
    last_fate_before,
    nearest_fate,
    words_between,
)
from tizim.core.ingest.not_counts import is_not_a_count
from tizim.core.ingest.numbers import NumberMention, find_numbers
from tizim.core.ingest.qualifiers import past_qualifier_after, qualifier_of
from tizim.core.ingest.text import Sentence, fold
from tizim.core.ingest.told import CELL_GAP, NOT_PEOPLE, Told, column_fate, told_again
from tizim.core.ingest.when import find_dates
from tizim.core.ingest.whose_figure import (
    PENALTY_BEFORE,
    case_against_the_count,
    cases_against,
    kin_of,
    sought_medical_help,
)

_FATES = lx.FATE_GROUP_PATTERNS
_PEOPLE = lx.PEOPLE_AHEAD
_CASES = lx.CASES_AHEAD
# The group a count is taken from, just before it: "Of those detained, 20 were released",
# "из задержанных 17 отпущены", "ұсталғандардың 20-сы босатылды" (a Kazakh genitive plural).
_OF_THOSE = re.compile(
    # (a number of them may stand before: "из шести задержанных четверо")
    rf"(?:(?:of those|of the|из числа|из)\s+(?:{RU_WHOLE_NUMBER}\s+)?(?P<who>[\w-]+)\s*,?"
    r"|(?<!\w)(?P<kk>(?:қаза\s+|хабарсыз\s+|жапа\s+|зардап\s+)?[\w-]+(?:лар|лер|дар|дер|тар|тер))"
    # "Жапа шеккендердің ішінде 137 полиция қызметкері": among them
    r"(?:дың|дің|тың|тің|ның|нің)(?:\s+ішінде)?)\s*$"
)
# An aside between commas that says who speaks or how it is known ("Criminal charges, the
# statement said, have been brought against 86 people"; "Около 900 из них, по его словам, уже
# отпущены"): blanked (same length) before a figure is read, so the verb beyond it is reached.
_ASIDE = re.compile(
    r",\s*(?:(?:как|по словам|по его словам|по ее словам|по данным|according to)[^,.;]{0,60}"
    r"|(?:добавил|сообщил|заявил|отметил|уточнил)\w*[^,.;]{0,40}"
    r"|[^,.;]{0,40}(?<!\w)(?:said|says|added|told us)(?!\w)[^,.;]{0,20}),(?=\s)"
)
# Names or who they are between two dashes: "Родственники троих — Ерболата Кенжебаева, Ильяса
# Нургалиева и Виктора Шевчука — подают заявления о розыске", "тағы бір адам — 17 жастағы
# Ілияс Дәулетов — әлі хабарсыз": blanked, so the verb after reaches the count (an aside with
# a figure of its own, other than an age, is left as it is).
_DASH_ASIDE = re.compile(r"(\s[-—–]\s)([^-—–.;:]{1,160}?)(\s[-—–]\s)")
# a bar chart's bar, and a row of a table laid out with spaces: a label, then a gap of three
# spaces or more before a figure
_CHART_BAR = re.compile(r"[█▇▆▅▄▃▂▁■▪]+")
_ALIGNED_ROW = re.compile(r"^\s*[^\W\d][^|\n]{1,80}?\S {3,}[~≈]?\d")
_SHORT_QUOTE = re.compile(r'["“«]((?:[\w,-]+\s?){1,4})["”»]')
# "заявлений о безвестном исчезновении": what reports are about, a word before it
_ABOUT_A_WORD = re.compile(r"\s+(?:о|об|about)\s+\w+\s+")
# a number written again in words in brackets: "7 (seven) students", "5 (пять) человек"
_WRITTEN_AGAIN = re.compile(r"(?<=\d)\s*\((?:[^\W\d]+[\s-]?){1,5}\)")
_FATE_UNKNOWN = re.compile(
    r"(?:судьб\w*|тағдыр\w*|fate of|whereabouts of)(?:[^.;]{0,60})"
    r"(?:неизвестн\w*|белгісіз|unknown)"
)
# "put the number at 112", "The Coalition's own estimate, based on lists, is about 250"
_THE_FIGURE = re.compile(
    r"(?:number|figure|toll|total|estimate|count|list|цифр\w*|числ\w*|оценк\w*|сан\w*|"
    r"(?:revised|raised|set|put|lowered) (?:that|it|this))"
    r"(?:\s*,[^,.;]{1,60},)?"
    # "that number had risen to 59", "это число выросло до 59"
    r"(?:\s+(?:had|has|have)?\s*(?:risen|rose|grown|grew|climbed|reached|gone up|increased|"
    r"fallen|fell|dropped|stands|stood|вырос\w*|возрос\w*|увеличил\w*|достиг\w*))?"
    r"\s+(?:at|as|of|to|is|was|is higher:|is lower:|в|на|до)?"
    r"(?:\s*(?:about|around|roughly|some|nearly|almost|over|more than|at least|около|почти|"
    r"более|примерно|свыше))?\s*$"
)
_RELATIVE = re.compile(r"\s*,?\s*(?:who|whose|that|which|которы\w*|кто|чьи)(?!\w)")
_INCLUDING_WORDS = r"including|incl\.|в том числе|в т\.\s?ч\.|оның ішінде|соның ішінде"
_INCLUDING = re.compile(
    rf"(?:{_INCLUDING_WORDS}|together with|along with|of them|among them|of whom|включая|"
    r"из них|среди них|из которых|олардың ішінде|олардың)\s*$"
)
# "оның ішінде құқық қорғау органдарының 3393 қызметкері": a few words after "including"
_INCLUDING_A_FEW_WORDS_ON = re.compile(rf"(?:{_INCLUDING_WORDS})(?:\s+[\w-]+){{1,4}}\s*$")
# An aside after the noun of a count, before its verb: "Eleven people, including four police
# officers, were taken to hospital" (an "including" aside may hold a figure of its own), "12
# people, most of them students, were detained" (any other aside may not).
_INCLUDING_ASIDE = re.compile(
    r"\s*,\s*(?:including|among them|among whom|в том числе|среди них|среди которых|"
    r"оның ішінде)"
    r"(?:[^,.;]|(?<=\s\w)\.){0,60},"  # "and 4, including A. Bekov, remain missing"
    # "88 persons, 51 of them police officers, received injuries"
    r"|\s*,\s*[\w-]+\s+(?:of them|of whom|из них)[^,.;]{0,60},"
    r"|\s*,[^,.;\d]{1,60},"
)
_OF_THEM_OPENS = re.compile(
    r"^\W*(?:of them|of those|из них|олардың|оның ішінде|соның ішінде|в том числе)\s*,?\s*$"
)
_ENUMERATED = re.compile(r"(?:^|\s)(?:and|и|және)(?:\s+(?:ещ[её]|тағы|another))?\s*$|[,:]\s*$")
_PLACE_AFTER = re.compile(r"\s+(?:[–—-]\s+)?(?:in|at|в|во)\s+(?:the city of\s+)?\w")
# "— погибли: в Кентау — 3 человека", "Detained: 214": a label before a colon says the fate
# of the figures after it.
_LABEL = re.compile(r"^[\W\d]*(?P<label>[^:.;]{1,40}):")
# "rounded up thousands - as many as 9,900": a dash, a qualifier at most, then the number
_DASH_BEFORE = re.compile(rf"\s[–—-]\s*(?:(?:{QUALIFYING})\s+)?$")
_CLAUSE_BREAK_BEFORE_DASH = re.compile(r"[.;:!?()\"](?=[^.;:!?()\"]*$)")
_NAMED_ASIDE = re.compile(r"[^,.;]{0,30},[^,.;\d]{1,60},")
# "three men detained in Kazaly district remained unaccounted for": the main verb, not the
# participle right after the noun, says what happened to them.
_MAIN_VERB = re.compile(
    r"(?:remain|remains|remained|were|are|have been|had been|остают\w*|остал\w*)\s+"
    r"(?:[\w-]+\s+)?$"
)
_EVENT_CONTEXT = lx.EVENT_CONTEXT
_KK_PARTICIPLE = re.compile(r"\w*(?<=ған|ген|қан|кен)(?!\w)")  # the rest of a word: "ұсталған"
# the next item of a Kazakh list: "жараланған алты адамның және қаза тапқан екі жігіттің"
_KK_NEXT_ITEM = re.compile(r"\s*(?:,|және|мен|бен|пен)\s*")
# A Kazakh figure with a possessive ending: "of them" ("695 іс: 44-і – терроризм, 15-і – …").
_KK_OF_THEM = re.compile(r"\d-(?:ы|і|сы|сі)(?:н|на|не|нің|ның)?$")
_KK_REACHED = re.compile(r"\s*(?:жуықта|жетт|жетіп|асты|асып)")
_CASES_BEFORE = re.compile(rf"(?<!\w)(?:{lx.CASE_NOUNS})\s*$")
_COMPLAINED = re.compile(
    rf"\s*(?:[\w-]+\s+){{0,3}}?,?\s*(?:who\s+|которы\w+\s+)?(?:have\s+|had\s+)?"
    rf"(?:{lx.COMPLAINED})(?!\w)"
)
# A Kazakh converb says how, the verb after it what happened: "олардың бесеуі оқ тиіп қаза
# тапқан" (five of them died, shot).
_CONVERB = re.compile(r"\w(?:ып|іп|п)$")
# "officially two died in Kyzylorda, but in the town they say five people": the same fate,
# disputed; "…задержаны ещё 158 человек, а всего … — более 1,2 тыс.": the total of the same.
_SAME_AGAIN = re.compile(
    r"(?<!\w)(?:but|while|whereas|however|а|но|однако|бірақ|ал|всего|in all|in total|total|"
    r"altogether|барлығы|жалпы)(?!\w)"
)
# "the deaths of 53 persons …, including 48 with gunshot wounds": how some of them were hurt
# or died, not a fate of their own; they are of the figure before them.
_DESCRIBED_BY = re.compile(r"\s*(?:[–—-]\s*)?(?:with|с|со)\s+(?:[\w-]+\s+){0,4}")
# "The majority died "in Almaty, 139 people"": the noun ends the clause, and the fate is in
# the clause before the comma.
_ENDS_AFTER_NOUN = re.compile(r"[\s\"”»']*(?:[.,;:!?]|$)")
_COMMA_BEFORE = re.compile(r",\s*$")
_COMMA_AFTER = re.compile(r"\s*,\s*")
_INTERVIEWED = re.compile(
    r"\s*,?\s*(?:(?:who|whom|that|которых|кого)\s+)?(?:we|they|researchers|monitors|мы)?\s*"
    r"(?:interviewed|spoke to|spoke with|опросил\w*|опрошен\w*|опросили|"
    # "600-ге жуық азаматпен жеке-жеке кездестік": we met them, one by one
    r"(?:жеке-жеке\s+)?(?:кездест\w*|сөйлест\w*|сұхбаттас\w*))(?!\w)"
)
# "обращения 37 жителей", "applications from 12 families": the figure counts who applied
_APPLIED_BEFORE = re.compile(
    r"(?<!\w)(?:обращени[яей]|заявлени[яей]|жалоб[ыа]?|applications?|requests?|"
    # "провели беседы с 27 содержащимися", "interviews with 40", "interviewed 52 detainees"
    r"бесед\w* с|interviews? with|interviewed|опросил\w*)"
    r"(?:\s+(?:from|от))?\s*$"
)
_VERB_NEXT = re.compile(r"\s+(?:were|was|are|is|had|have|has|received|got|remain\w*)(?!\w)")
_OF_GROUP_AFTER = re.compile(r"\s+(?:of|из)\s+(?:(?:the|these|those|our)\s+)?(?P<who>[\w-]+)")
# "came from the temporary detention facility": where they came from, not what happened
_PLACE_BEFORE = re.compile(r"(?<!\w)(?:from|из|со?)\s+(?:\w+\s+){0,2}$")
# "жалобы подали 9 человек", "complaints of beatings from at least 64 people": complaints
_COMPLAINED_BEFORE = re.compile(
    rf"(?:(?:жалоб\w*|шағым\w*) (?:\w+ )?(?:подал\w*|направил\w*|берді\w*)|"
    rf"complaints? (?:of [\w -]{{0,30}})?(?:from|concerning|about|regarding|on behalf of)|"
    # "complaints of beatings have been filed by seven people"
    rf"complaints? (?:of [\w -]{{0,30}})?(?:have been |had been |were )?(?:filed|lodged) by|"
    # "Жалобы на пытки подали уже 19"
    rf"(?:жалоб\w*|шағым\w*) (?:[\w-]+ ){{0,5}}(?:подал\w*|направил\w*|зафиксировал\w*|"
    # "жалоб на пытки поступило 112", "таких жалоб … зарегистрировано не меньше 40"
    rf"поступил\w*|зарегистрирован\w*|тіркел\w*|түс(?:ті|кен))(?: уже| ещё| еще)?)"
    rf"\s+(?:(?:{QUALIFYING})\s+)?$"
)
_BODIES_AFTER = re.compile(
    r"\s*(?:organi[sz]ations|groups|ngos|bodies|agencies|ведомств\w*|организаци\w*|ұйым\w*)"
)
# "the five", "these 112": a figure told before, named again
_DEFINITE = re.compile(r"(?<!\w)(?:the|these|those|all|эти|этих|все|всех)\s+$")
# what joins a list's items: "…, one man who …", "… and four men who …"
_ITEMS_JOINED = re.compile(r",|(?<!\w)(?:and|и|мен|және)(?!\w)")
# a Kazakh whole in the genitive, a part of it after: "үш тұрғынның екеуі", "5 адамның 2-і"
_KK_WHOLE_OF_A_PART = re.compile(
    r"\s+[\w-]+(?:ның|нің|дың|дің|тың|тің)\s+(?:\w+(?:еуі|ауы|еуіне|ауына)|\d+-\w+)(?!\w)"
)
# "из 6 журналистов", "out of 40 detainees": a whole, a part of which the sentence counts next
_WHOLE_BEFORE = re.compile(r"(?<!\w)(?:из|out of)\s*$")
# what may follow the number that ends a line of a table or a list: "— 97 (52,7%);"
_ENDS_ITS_LINE = re.compile(
    r"[^\S\n]*(?:(?:лиц\w*|человек\w*|адам)\s*)?(?:\([^)\n]*\))?[.;,]?[^\S\n]*(?:\n|$)"
)


def _noun_after_number(
    folded: str, number: NumberMention
) -> tuple[int, re.Match[str] | None, re.Match[str] | None]:
    """Where the words after the number start (past "мыңға жуық"), and the noun of people or
    of cases standing there."""
    rest = folded[number.end :].lstrip(' "”»')  # '"about thirty" people had been injured'
    rest = past_qualifier_after(rest)
    offset = len(folded) - len(rest)
    return offset, _PEOPLE.match(rest), _CASES.match(rest)


def _read_number(
    folded: str,
    number: NumberMention,
    previous: Reading | None,
    next_start: int,
    context: tuple[str | None] | None = None,
) -> Reading | None:
    """What ``number`` counts, or None when it counts no people and no cases; ``context``
    holds the fate group of the last figure told before it, if any."""
    lo, hi = clause_window(folded, number.start, number.end)
    clause_start, clause_end = lo, hi  # past "of the 61", whatever the next number
    if re.match(r"\s+[-–—]\s", folded[number.end : number.end + 4]):
        # "в том числе 29 – с огнестрельными ранениями": the dash stands for the verb
        hi = clause_window(folded, hi + 2, hi + 2)[1]
    lo, hi = max(lo, previous.number.end if previous else 0), min(hi, next_start)
    offset, people, cases = _noun_after_number(folded, number)
    fate = nearest_fate(folded, number, lo, hi)
    qualifier = qualifier_of(folded, number, lo)
    complained = _COMPLAINED.match(folded, number.end) or _COMPLAINED_BEFORE.search(
        folded, max(lo, number.start - 60), number.start
    )
    # (not "lodged by 12 organisations": those who complain are people)
    bodies = _BODIES_AFTER.match(folded, number.end) is not None
    if complained is not None and (number.value > 1 or number.written.isdigit()) and not bodies:
        # "30 people have complained that they were beaten", "семь освобождённых подали
        # жалобы": a figure of complaints
        return Reading(number, None, (number.end, complained.end()), qualifier, True, True)
    fate = _after_converb(folded, fate, hi)
    described = fate_after(folded, number.end, hi, farthest=False)
    if (
        previous is not None
        and described is not None
        and _DESCRIBED_BY.fullmatch(folded, number.end, described[1])
    ):
        return Reading(number, previous.group, previous.anchor, qualifier, True, False)
    kin = kin_of(folded, number, lo, hi)
    if kin is not None:
        return Reading(number, None, kin, qualifier, True, False)
    if people is not None and (
        _INTERVIEWED.match(folded, offset + people.end())
        or _APPLIED_BEFORE.search(folded, lo, number.start)
    ):
        # "Of the 34 former detainees we interviewed", "поступили обращения 37 жителей":
        # people who told or asked, a figure with no fate group
        return Reading(number, None, (number.end, offset + people.end()), qualifier, True, True)
    if people is not None:
        fate = _fate_of_people(folded, number, fate, offset + people.end(), (lo, hi))
    elif cases is None:
        aside = _INCLUDING_ASIDE.match(folded, number.end)
        later = fate_after(folded, aside.end(), len(folded), farthest=False) if aside else None
        if later is not None:  # "and 4, including A. Bekov, remain missing"
            fate = later
        elif fate is None:  # "официальное число погибших — двое": a number alone after a dash
            fate = _fate_before_dash(folded, number, lo)
    unknown = _FATE_UNKNOWN.search(folded, lo, hi)
    if unknown is not None and unknown.start() < number.start < unknown.end():
        # "судьба примерно десяти задержанных остаётся неизвестной": missing, whoever they are
        return Reading(number, "missing", (unknown.start(), unknown.end()), qualifier, True, False)
    # (the whole from the clause's start: "из шести задержанных четверо", a number before)
    partitive = _taken_from(folded, number, clause_start, hi, clause_end) or _part_of_group_after(
        folded, number, clause_end
    )
    if partitive is not None:
        return Reading(number, partitive[0], partitive[1], qualifier, True, False)
    # "два летальных случая" are deaths, "заявления о розыске" people missing; but "три
    # случая смерти под стражей" are cases
    case_end = offset + (cases.end() if cases else 0)
    lethal = fate is not None and (
        (fate[0] == "dead" and number.end <= fate[1] < case_end)
        or (fate[0] == "missing" and number.end <= fate[1] <= case_end + 4)
        # "6 (шесть) заявлений о безвестном исчезновении"
        or (fate[0] == "missing" and _ABOUT_A_WORD.fullmatch(folded, case_end, fate[1]))
    )
    against = case_against_the_count(folded, number) if cases and not people else None
    if against is not None:
        anchor = (against.start(), against.end())
        return Reading(number, "prosecuted", anchor, qualifier, True, False)
    if cases and not lethal and (not people or cases.end() < people.end()):
        # "58 cases detainees described…"
        if number.value == 1 and not number.written.isdigit():
            return None  # "тағы бір шағымданушы", "one complaint": an article, not a figure
        return Reading(number, None, (number.end, offset + cases.end()), qualifier, False, True)
    fate = sought_medical_help(folded, number, fate, lo, hi)
    fate = cases_against(folded, number, fate, offset + people.end() if people else None, lo)
    if fate is not None and fate[0] != "no_group":
        return Reading(number, fate[0], (fate[1], fate[2]), qualifier, bool(people), False)
    if fate is not None:  # "21 найдены живыми": people, but no fate group counts them, nor
        # does the next figure's ("19 have been found, and 4 are still being sought")
        return Reading(number, None, (fate[1], fate[2]), qualifier, False, False)
    if previous is not None and _part_of_previous(folded, number, previous, bool(people)):
        return Reading(
            number, previous.group, previous.anchor, qualifier, not previous.cases, previous.cases
        )
    if context is not None and _OF_THEM_OPENS.search(folded, 0, number.start):
        # "Of them, 219 are civilians": a part of the figure the text told last
        return Reading(number, context[0], (0, number.start), qualifier, True, False)
    if people and _FATE_UNKNOWN.search(folded, lo, hi):  # "судьба 17 человек неизвестна"
        anchor = (number.end, offset + people.end())
        return Reading(number, "missing", anchor, qualifier, True, False)
    if people:
        return Reading(number, None, (number.end, offset + people.end()), qualifier, True, False)
    if _KK_REACHED.match(folded, number.end) and _CASES_BEFORE.search(folded, lo, number.start):
        # "қозғалған істер 700-ге жуықтады": the cases before the figure reached it
        return Reading(number, None, (lo, number.start), qualifier, False, True)
    window = max(0, number.start - 90)
    figure = _THE_FIGURE.search(folded[window : number.start])
    if context is not None and figure:
        # "the prosecutor's office put the number at 112": the figure of what was just told
        anchor = (window + figure.start(), number.start)
        return Reading(number, context[0], anchor, qualifier, True, False)
    return None


def _fate_of_people(
    folded: str,
    number: NumberMention,
    fate: tuple[str, int, int] | None,
    noun_end: int,
    window: tuple[int, int],
) -> tuple[str, int, int] | None:
    """The fate of a count followed by a noun of people: "12 тыс. задержанных освобождены" —
    the verb after the noun says what happened, and after "who had been detained" the main
    verb ("were released") does."""
    lo, hi = window
    who = _RELATIVE.match(folded, noun_end)
    relative = who is not None
    # "41 человек, которых ищут родные": a clause set off by a comma says what it says first;
    # "people who had been detained were released": the main verb comes last
    set_off = who is not None and "," in who[0]
    start = who.end() if who else noun_end
    after_noun = fate_after(folded, start, hi, farthest=relative and not set_off)
    if (
        relative
        and (before := fate_shortly_before(folded, number, lo)) is not None
        # (not a list's item before: "three people who died, one man who is still missing")
        and _ITEMS_JOINED.search(folded, before[2], number.start) is None
    ):
        # "the amnesty affects more than 1,500 people who were arrested": what the clause
        # says of them, not how they came to be there
        after_noun = before
    # a verb right before the count; not a Kazakh locative ("қамауда үш адамның қайтыс
    # болғанын"), nor a participle saying who they are unless a share of them follows
    # ("ұсталған 100 адам босатылды", but "сотталған 5 адамның біреуі ғана қамауда")
    just_before = fate_just_before(folded, number, lo)
    participle = just_before is not None and _KK_PARTICIPLE.match(folded, just_before[2])
    verb_before = just_before is not None and not (
        # (not "на момент приговора 8 из них находились под стражей": a part, its own verb)
        OF_THEM_AFTER.match(folded, number.end) is not None
        or folded[: just_before[2]].endswith(("да", "де", "та", "те"))
        or (participle and not _NEXT_SHARE.search(folded, noun_end, hi))
    )
    if after_noun is not None and not relative:
        after_noun = _main_verb_after_participle(folded, noun_end, after_noun, hi)
    if (
        participle
        and after_noun is not None
        and _KK_PARTICIPLE.match(folded, after_noun[2])
        and _KK_NEXT_ITEM.fullmatch(folded, noun_end, after_noun[1])
    ):
        # "жараланған алты адамның және қаза тапқан екі жігіттің": the next participle is
        # of the next count
        after_noun = None
    aside = _INCLUDING_ASIDE.match(folded, noun_end)
    whole = _WHOLE_BEFORE.search(folded, max(0, number.start - 10), number.start)
    if after_noun is None and aside is not None and whole is not None:
        # "Из 6 журналистов, задержанных в области, на свободе пятеро": the whole is what
        # the aside says; the verb after it is of the part
        after_noun = fate_after(folded, noun_end, aside.end(), farthest=False, past_commas=True)
    elif after_noun is None and aside is not None:
        # "Eleven people, including four police officers, were taken to hospital"
        after_noun = fate_after(folded, aside.end(), len(folded), farthest=False)
    apposition = _COMMA_AFTER.match(folded, noun_end)
    if (
        after_noun is None
        and apposition is not None
        and _COMMA_BEFORE.search(folded, 0, number.start)
    ):
        # "Остальные, 18 человек, находятся под стражей": the figure set off by commas
        after_noun = fate_after(folded, apposition.end(), hi, farthest=False)
    if after_noun is not None and not verb_before:  # "sentenced 14 people … in prison"
        fate = after_noun
    elif verb_before or after_noun is None:
        # "sentenced at least three journalists to periods of detention", "отпущены 17
        # задержанных": the verb before the count, not the noun after it
        fate = just_before or fate
    if fate is None:
        fate = _fate_before_dash(folded, number, lo)
    if fate is not None and fate[0] == "released":
        # "Алаңға шыққан 2 мың адам кешке үйлеріне қайтты": a crowd going home, never held
        fate = _took_part_just_before(folded, number, lo) or fate
    if (
        fate is None
        and _COMMA_BEFORE.search(folded, 0, number.start)
        and _ENDS_AFTER_NOUN.match(folded, noun_end)
    ):
        fate = last_fate_before(folded, number)
    penalty = PENALTY_BEFORE.search(folded, lo, number.start)
    if penalty is not None and (fate is None or fate[0] in ("custody", "prosecuted")):
        return "prosecuted", penalty.start(), penalty.end()  # a penalty given to them
    return fate


def _took_part_just_before(
    folded: str, number: NumberMention, lo: int
) -> tuple[str, int, int] | None:
    """Words of taking part right before the count ("алаңға шыққан 2 мың адам")."""
    for m in _FATES["no_group"].finditer(folded, lo, number.start):
        if not folded[m.end() : number.start].strip():
            return "no_group", m.start(), m.end()
    return None


def _fate_before_dash(folded: str, number: NumberMention, lo: int) -> tuple[str, int, int] | None:
    """ "больше всего людей погибло в Алматы – 139 человек": the fate of the clause before a
    dash that stands right before the number."""
    if not _DASH_BEFORE.search(folded, 0, number.start):
        return None
    clause = _CLAUSE_BREAK_BEFORE_DASH.search(folded, 0, lo - 1)
    opened = folded.rfind("(", 0, clause.start()) if clause and clause[0] == ")" else -1
    if clause is not None and opened >= 0 and not _says_a_fate(folded, opened, clause.start()):
        # "— жарақатпен (соққы, кесілген жара) — 41 адам": the label goes on past brackets
        # that name no fate of their own
        clause = _CLAUSE_BREAK_BEFORE_DASH.search(folded, 0, opened)
    label = clause.end() if clause else 0
    fate = nearest_fate(folded, number, label, number.start)
    if fate is None and _ENDS_ITS_LINE.match(folded, number.end):
        # a statistical line: "– освобождены без составления протокола … — 61 (33,2%);"
        # the label's fate, however many words it takes to say it
        fate = fate_after(folded, label, number.start, farthest=False, past_commas=True)
    return fate


def _says_a_fate(folded: str, start: int, end: int) -> bool:
    """Whether the words between ``start`` and ``end`` name a fate."""
    return any(pattern.search(folded, start, end) for pattern in _FATES.values())


def _cell_says_a_fate(read: str, number: NumberMention) -> bool:
    """Whether the table's cell ``number`` stands in names a fate of its own."""
    start = read.rfind("|", 0, number.start) + 1
    end = read.find("|", number.end)
    return _says_a_fate(read, start, len(read) if end < 0 else end)


def _part_of_previous(folded: str, number: NumberMention, previous: Reading, people: bool) -> bool:
    """Whether ``number`` is a part of the figure before it, or that figure again: "up from",
    "including", "of them", "11 in Almaty, eight in the region", "but in the town they say
    five", "44-і – терроризм" (44 of the cases just told)."""
    between = folded[previous.number.end : number.start]
    return bool(
        replaces_a_figure(folded, number)
        or _INCLUDING.search(between)
        or _INCLUDING_A_FEW_WORDS_ON.search(between)
        or (not people and _ENUMERATED.search(between) and _PLACE_AFTER.match(folded, number.end))
        or OF_THEM_AFTER.match(folded, number.end)
        or (previous.group is not None and _SAME_AGAIN.search(between))
        or re.fullmatch(r"\s*:\s*", between)  # "трое: двое полицейских и врач"
        or _KK_OF_THEM.search(number.written)
    )


def _after_converb(
    folded: str, fate: tuple[str, int, int] | None, hi: int
) -> tuple[str, int, int] | None:
    """The fate of the verb after a Kazakh converb ("оқ тиіп қаза тапқан": dead), if one
    follows it at once; else ``fate``."""
    if fate is None or not _CONVERB.search(folded, 0, fate[2]):
        return fate
    later = fate_after(folded, fate[2], hi, farthest=False)
    if later is None or words_between(folded, fate[2], later[1]) > 1:
        return fate
    return later


def _taken_from(
    folded: str, number: NumberMention, lo: int, hi: int, clause_end: int
) -> tuple[str | None, tuple[int, int]] | None:
    """A count taken from a group named just before it ("Of those detained, 20 were
    released"): what the verb after the number says happened to them, else the group's own
    fate ("Of those detained, 23 people said they were beaten": still the detained).
    ``clause_end``: where the clause ends, past other numbers in it (a duration)."""
    of_those = _OF_THOSE.search(folded, max(lo, number.start - 40), number.start)
    if of_those is None:
        return None
    who = "who" if of_those["who"] is not None else "kk"
    if who == "kk" and of_those["kk"] == "олар":
        # "Олардың 60-ы айыппұл төлеп, босатылды": of them, what the verb says (a converb's
        # comma does not end the clause)
        after = _after_converb(
            folded, fate_after(folded, number.end, hi, farthest=False, past_commas=True), hi
        ) or _last_fate_word(folded, number.end, clause_end)
        if after is None:
            return None
        return (None if after[0] == "no_group" else after[0]), (after[1], after[2])
    group = _group_named(of_those[who], whole=True)
    if group is None:
        return None
    # a Kazakh genitive group's verb comes last, past converbs and their commas, and past
    # who did it and for how long ("Ұсталғандардың екеуіне Тараз қалалық соты 5 жыл … бас
    # бостандығынан айыру жазасын тағайындады")
    kazakh = who == "kk"
    after = _after_converb(
        folded,
        fate_after(
            folded,
            number.end,
            hi,
            farthest=False,
            past_commas=kazakh,
            reach=REACH * 2 if kazakh else REACH,
        ),
        hi,
    )
    if after is not None and not lx.SPEECH.search(folded, number.end, after[1]):
        return after[0], (after[1], after[2])
    return group, (of_those.start(who), of_those.end(who))


# a Kazakh share ("…, 4-і үй қамағында", "біреуі"), where the clause of one before it ends
_NEXT_SHARE = re.compile(r"\d+-(?:ы|і|сы|сі)(?!\w)|(?<!\w)\w+(?:еуі|ауы)(?!\w)")


def _last_fate_word(folded: str, start: int, clause_end: int) -> tuple[str, int, int] | None:
    """The last fate word of a Kazakh clause, however far it stands ("Олардың 20-сы жеке
    басы анықталып, түсіндіру жұмысы жүргізілгеннен кейін үйлеріне жіберілді": the verb
    comes last), before the clause's next share."""
    share = _NEXT_SHARE.search(folded, start, clause_end)
    end = share.start() if share is not None else clause_end
    # the last to end, and of those the longest ("әкімшілік қамаққа алынды", not "қамаққа")
    found = [
        (m.end(), -m.start(), group)
        for group, pattern in _FATES.items()
        for m in pattern.finditer(folded, start, end)
    ]
    if not found:
        return None
    stop, at, group = max(found)
    return group, -at, stop


def _part_of_group_after(
    folded: str, number: NumberMention, hi: int
) -> tuple[str | None, tuple[int, int]] | None:
    """A count taken from a group named right after it ("two of the bodies came to us from the
    detention facility", "трое из задержанных умерли"): what the verb after the group says
    happened to them, unless it names a place they came from; else the group's own fate."""
    m = _OF_GROUP_AFTER.match(folded, number.end)
    group = _group_named(m["who"], whole=True) if m is not None else None
    told = m is not None and m["who"].isdigit() and _VERB_NEXT.match(folded, m.end())
    if m is None or (group is None and not told):
        return None  # "47 of the 61 were sentenced": of a figure told, what the verb says
    after = fate_after(folded, m.end(), hi, farthest=False)
    if after is not None and not _PLACE_BEFORE.search(folded, m.end(), after[1]):
        return (None if after[0] == "no_group" else after[0]), (after[1], after[2])
    if group is None:
        return None
    return group, (m.start("who"), m.end("who"))


def _main_verb_after_participle(
    folded: str, noun_end: int, participle: tuple[str, int, int], hi: int
) -> tuple[str, int, int]:
    """The fate of a main verb after a participle that follows the noun ("men detained in
    Kazaly remained unaccounted for"), else the participle's."""
    if folded[noun_end : participle[1]].strip():
        return participle  # not right after the noun: "people were detained"
    start = participle[2]
    named = _NAMED_ASIDE.match(folded, start)
    if named is not None:  # "Two activists arrested in January, A and B, were released"
        start = named.end()
    later = fate_after(folded, start, hi, farthest=False)
    if later is not None and _MAIN_VERB.search(folded, participle[2], later[1]):
        return later
    return participle


def _blank_if_a_number(written: re.Match[str], numbers: list[NumberMention]) -> str:
    """Brackets after a number that write it again in words ("7 (seven) students"), blanked;
    any other brackets ("272 («Массовые беспорядки»)") left as they are."""
    opened = written.start() + written.group().index("(") + 1
    if any(n.start == opened and n.end == written.end() - 1 for n in numbers):
        return " " * len(written.group())
    return written.group()


def _aligned_cells(text: str, read: str) -> str:
    """A table's row laid out with spaces ("Died in hospital        2      0"), or a bar
    chart's ("Fractures  ██████  10"), with its cells parted by bars as a table written with
    bars is, at the same offsets, so that its label says what its figures count."""
    if "|" in text or "\n" in text.strip():
        return read
    blanked = _CHART_BAR.sub(lambda m: " " * len(m[0]), read)
    if not _ALIGNED_ROW.match(blanked):
        return read
    return CELL_GAP.sub(lambda m: " |" + " " * (len(m[0]) - 2), blanked)


def _blank_unless_a_figure(aside: re.Match[str], numbers: list[NumberMention]) -> str:
    """An aside between dashes, blanked unless it holds one of the sentence's figures ("трое
    — в Аксае и ещё один — в Жанибеке" is a list, not an aside); an age is no figure, and
    is among ``numbers`` no more."""
    if any(aside.start(2) <= n.start < aside.end(2) for n in numbers):
        return aside[0]
    said = _says_a_fate(aside.string, aside.start(2), aside.end(2))
    if said and any(n.end == aside.start() for n in numbers):
        return aside[0]  # "6 — под домашним арестом, остальные — …": the dash is the verb
    return " " * len(aside[0])


def _row_fate(row: re.Match[str]) -> tuple[str | None, tuple[int, int]] | None:
    """What a table row's label says of its cells ("| Detained 5–7 January | 58 | 19 | 77
    |"): a fate group, or no fate group for complaints ("| Complained of beatings | 14 |")."""
    span = (row.start("label"), row.end("label"))
    if _COMPLAINED_LABEL.search(row["label"]):
        return None, span
    group = _group_named(row["label"], whole=False)
    return None if group is None else (group, span)


def _label_fate(folded: str) -> tuple[str, tuple[int, int]] | None:
    """The fate a label before a colon gives the figures after it ("— ранены: более 40
    человек", "Detained: 214"), if the label is a fate's words."""
    m = _LABEL.match(folded)
    group = None if m is None else _group_named(m["label"], whole=False)
    return None if m is None or group is None else (group, (m.start("label"), m.end("label")))


# a table's row: its label, then at least one cell holding a figure (a cell is matched from
# its first digit, so that spaces are read by one part of the pattern only); the outer bars
# may be left out ("Сотталғандар (барлық жаза түрлері) | 29")
_TABLE_ROW = re.compile(
    r"^\s*\|?\s*(?P<label>[^|\n]{2,80}?)\s*\|(?=(?:[^|\n]*\|)*?\s*[~≈]?\d[\d\s,.]*(?:\||\s*$))"
)
_COMPLAINED_LABEL = re.compile(rf"(?:{lx.COMPLAINED})|шағым\w*|жалоб\w*|complaints?")


def _group_named(words: str, *, whole: bool) -> str | None:
    """The fate group ``words`` name (all of them when ``whole``, else some of them); found
    alive or taking part is no group."""
    for group, pattern in _FATES.items():
        named = pattern.fullmatch(words) if whole else pattern.search(words)
        if group != "no_group" and named:
            return group
    return None


def _worth_proposing(reading: Reading, folded: str) -> bool:
    """A count of people with no fate is a claim only where the sentence is about the events
    ("50,000 people had joined the unrest", "1,300 entries"), not "300,000 residents" nor who
    came to a meeting of its own; zero is none ("Возбуждено уголовных дел: 0")."""
    if reading.number.value == 0:
        return False
    if reading.group is not None or reading.cases:
        return True
    if _came_to_an_occasion(folded):
        return False
    if _says_a_fate(folded, *reading.anchor):
        # found, or took part ("на площадь вышло тысячи полторы человек"), or whose families
        # they are ("11 семей задержанных")
        return True
    return bool(_EVENT_CONTEXT.search(folded))


def _came_to_an_occasion(folded: str) -> bool:
    """Whether the sentence counts who came to a meeting, a lesson or a match of its own
    ("ата-аналар жиналысында … 27 адам қатысты"), no protest, taking part its only word of the
    events (not "the court held 23 sessions, examined 41 witnesses")."""
    if not lx.OCCASION.search(folded) or lx.PROTEST.search(folded):
        return False
    said = [m[0] for m in _EVENT_CONTEXT.finditer(folded)]
    return bool(said) and all(lx.TAKING_PART.fullmatch(word) for word in said)


def claims_in_sentence(
    sentence: Sentence,
    language: str,
    published: datetime.date | None,
    told: Told | None = None,
) -> list[ClaimProposal]:
    """The claims one sentence states, in order, after what the text has ``told``."""
    told = told or Told()
    context = (told.group,) if told.any_figure else None
    text, folded = sentence.text, fold(sentence.text)
    dates = find_dates(text, published=published)
    every_number = find_numbers(text, language)
    numbers = [
        n
        for n in every_number
        if not any(d.start <= n.start < d.end for d in dates)
        and not is_not_a_count(text, folded, n)
        and column_fate(told.columns, text, n.start) != NOT_PEOPLE  # "| 96 800 |" under "тенге"
    ]
    read = _ASIDE.sub(lambda m: " " * len(m.group(0)), folded)  # asides blanked, same offsets
    read = _WRITTEN_AGAIN.sub(lambda m: _blank_if_a_number(m, every_number), read)
    read = _DASH_ASIDE.sub(lambda m: _blank_unless_a_figure(m, numbers), read)
    # '"about thirty" people had been injured': a few words in quotes are not a clause
    read = _SHORT_QUOTE.sub(lambda m: f" {m[1]} ", read)
    read = _aligned_cells(text, read)
    readings: list[Reading] = []
    row = _TABLE_ROW.match(read)
    label = _row_fate(row) if row is not None else _label_fate(read)
    for index, number in enumerate(numbers):
        next_start = numbers[index + 1].start if index + 1 < len(numbers) else len(folded)
        previous = readings[-1] if readings else None
        before = (previous.group,) if previous is not None else context
        reading = _read_number(read, number, previous, next_start, before)
        if (
            reading is not None
            and told_again(number.value, reading.group, told.values)
            and (
                _DEFINITE.search(read, 0, number.start)
                or _KK_WHOLE_OF_A_PART.match(read, number.end)
            )
        ):
            # "the court found the five guilty", "Ұсталған үш тұрғынның екеуі …": the five, the
            # three told before
            continue
        if (
            reading is not None
            and reading.people
            and not reading.cases
            and reading.group is None
            and told.asked
        ):
            # "— Сколько людей задержали? — По данным полиции — 64 человека."
            reading = Reading(number, told.asked, reading.anchor, reading.qualifier, True, False)
        # a count of people found ("19 have been found") is read: no label gives it a fate
        unread = reading is None or (reading.group is None and reading.people)
        # a table row's cells are what its label says, whatever else the label's words say
        label_says = unread or row is not None
        if label is not None and number.start > label[1][1] and label_says:
            qualifier = qualifier_of(read, number, label[1][1])
            complaints = row is not None and label[0] is None  # "| Жалобы на избиения | 9 |"
            reading = Reading(number, label[0], label[1], qualifier, True, complaints)
        elif (
            label is None
            and not _cell_says_a_fate(read, number)  # "трое под стражей" says it itself
            and (column := column_fate(told.columns, text, number.start))
        ):
            # "05.01 | 236 | 171 | 19 | 2" under "Күні | Штат | … | Ұсталған": the header says
            cell = text.rfind("|", 0, number.start) + 1
            reading = Reading(
                number, column, (0, number.start), qualifier_of(read, number, cell), True, False
            )
        if reading is not None:
            readings.append(reading)
    readings = corrected(readings, numbers, read)
    share_across_and(readings, read)
    readings = ranges_from_below(readings, numbers, read)
    if not readings:
        return []
    said = said_in(sentence, dates)
    return [
        proposal(said, r.number, r.group, r.anchor, r.qualifier)
        for r in readings
        if _worth_proposing(r, folded)
    ]
