"""The vocabulary of fates: what happened to a person, as lists state it in kk, ru and en.

A fate is a *status at a date* (missing on 6 January, detained on 8 January, released on
20 January), not a permanent label; the registry keeps them as a dated timeline.
"""

from __future__ import annotations

import re
from enum import StrEnum
from functools import lru_cache

from tizim.core.errors import ParseError


class Fate(StrEnum):
    """What a source says happened to a person. Values are stable codes stored in the database."""

    MISSING = "missing"
    DETAINED = "detained"
    ARRESTED = "arrested"
    CHARGED = "charged"
    CONVICTED = "convicted"
    RELEASED = "released"
    INJURED = "injured"
    KILLED = "killed"
    DIED_IN_CUSTODY = "died_in_custody"
    DISAPPEARED = "disappeared"
    FOUND = "found"

    @property
    def label(self) -> str:
        return FATE_LABELS_EN[self]

    @property
    def is_death(self) -> bool:
        return self in (Fate.KILLED, Fate.DIED_IN_CUSTODY)

    @property
    def is_custody(self) -> bool:
        """In the hands of the state on that date (what "970 in custody on 22 January" counts)."""
        return self in (Fate.DETAINED, Fate.ARRESTED, Fate.CHARGED, Fate.CONVICTED)


FATE_LABELS_EN: dict[Fate, str] = {
    Fate.MISSING: "missing",
    Fate.DETAINED: "detained",
    Fate.ARRESTED: "arrested",
    Fate.CHARGED: "charged",
    Fate.CONVICTED: "convicted",
    Fate.RELEASED: "released",
    Fate.INJURED: "injured",
    Fate.KILLED: "killed",
    Fate.DIED_IN_CUSTODY: "died in custody",
    Fate.DISAPPEARED: "disappeared",
    Fate.FOUND: "found",
}

FATE_CHOICES: list[tuple[str, str]] = [(f.value, f.label) for f in Fate]


# --- parsing a status cell -------------------------------------------------------------------
#
# A status cell is free text: "погиб", "задержан 7 января, затем освобожден", "пропал; найден в
# морге", "қамауда қайтыс болды". The text is folded (case, ё/е, punctuation; clause breaks
# kept as " ; "), every rule below is matched, and of the statuses found the one stated LAST
# wins, because volunteers append updates to the cell instead of rewriting it.
#
# Rules are tried in order and a rule cannot match text an earlier rule already took, so the
# specific phrase comes first: "умер в СИЗО" (died in custody) before "в СИЗО" (arrested) and
# "умер" (killed); "найден в морге" (killed) and "найден живым" (found) before "найден".
# A status word right after a negation ("не освобожден", "not released", "табылған жоқ") or
# the first one after "после"/"after"/"без"/"without" in the same clause ("пропал после
# задержания") is backstory, not a status, and is ignored.
# House arrest is deliberately NOT a fate (neither custody nor release): a cell whose last
# status is house arrest is refused as unknown, so that a person reviews it.

_R = r"[\w-]*"  # the rest of a word: inflections ("задержан", "задержана", "задержаны")
_DEATH = (
    rf"(?:умер{_R}|скончал{_R}|погиб{_R}|убит{_R}|найден{_R} мертв{_R}|died|dead|killed|death|"
    r"beaten to death)"
)
_CUSTODY_PLACE = (
    rf"(?:(?:в|во) (?:сизо|ивс|изолятор{_R}|следственн{_R} изолятор{_R}|заключени{_R}|"
    rf"тюрьм{_R}|колони{_R}|спецприемник{_R}|камер{_R}|отдел{_R} полиции|полици{_R}|"
    rf"[ру]?[ог]?[ву]?вд|дп)|под стражей|"
    r"in (?:police |pre-?trial |state )?(?:custody|detention|prison|jail|a cell)|while in custody)"
)
_KK_CUSTODY_PLACE = (
    r"(?:қамауда|тергеу изоляторында|изоляторда|түрмеде|полиция бөлімінде|ұстау изоляторында)"
)
_KK_DEATH = rf"(?:қайтыс бол{_R}|қаза тап{_R}|өлді|көз жұм{_R})"
_HOUSE_ARREST = None  # a rule's fate None: recognised, but not a fate (see above)

_RULES: tuple[tuple[str, Fate | None], ...] = (
    # deaths in custody, before any plain death and any custody word
    (rf"{_DEATH}(?: [\w-]+){{0,3}}? {_CUSTODY_PLACE}", Fate.DIED_IN_CUSTODY),
    (rf"{_CUSTODY_PLACE}(?: [\w-]+){{0,2}}? {_DEATH}", Fate.DIED_IN_CUSTODY),
    (rf"{_KK_CUSTODY_PLACE}(?: [\w-]+){{0,2}}? {_KK_DEATH}", Fate.DIED_IN_CUSTODY),
    (r"custodial death", Fate.DIED_IN_CUSTODY),
    # bodies found, before "found"/"найден"
    (rf"найден{_R} (?:мертв{_R}|в морге|убит{_R}|без признаков жизни)", Fate.KILLED),
    (
        rf"(?:тело|труп) (?:(?!не )[\w-]+ )?(?:найден{_R}|обнаружен{_R}|опознан{_R}|выдан{_R})",
        Fate.KILLED,
    ),
    (rf"(?:найден{_R}|обнаружен{_R}|опознан{_R}) (?:[\w-]+ )?(?:тело|труп){_R}", Fate.KILLED),
    (r"в морге|in (?:a |the )?morgue|моргта|моргтан табылды", Fate.KILLED),
    (r"found (?:dead|killed|shot dead)|shot dead|shot and killed|beaten to death", Fate.KILLED),
    (rf"мәйіт{_R} табылды", Fate.KILLED),
    (rf"(?:найден{_R}|нашл{_R}) жив{_R}|found alive|тірі табылды", Fate.FOUND),
    # house arrest: neither custody nor release
    (rf"домашн{_R} арест{_R}|house arrest|үй қамағ{_R}", _HOUSE_ARREST),
    # missing and disappeared
    (rf"не найден{_R}|not (?:yet )?found|табылмады|табылған жоқ", Fate.MISSING),
    (rf"насильственн{_R} (?:исчез{_R}|исчезновени{_R})", Fate.DISAPPEARED),
    (rf"enforced disappearance|forcibly disappeared|күштеп жоғалт{_R}", Fate.DISAPPEARED),
    (rf"пропал{_R} без вести|без вести(?: пропавш{_R})?", Fate.MISSING),
    (rf"местонахождени{_R} (?:[\w-]+ )?неизвестн{_R}", Fate.MISSING),
    (r"whereabouts (?:are |is |still )?unknown|unaccounted for", Fate.MISSING),
    (rf"хабарсыз кет{_R}|хабар-ошарсыз{_R}(?: жоғал{_R}| кет{_R})?", Fate.MISSING),
    (rf"із-түзсіз жоғал{_R}|жоғалып кет{_R}", Fate.MISSING),
    # the steps of a prosecution
    (rf"предъявлен{_R} обвинени{_R}|возбужден{_R} (?:[\w-]+ )?дел{_R}", Fate.CHARGED),
    (rf"айып тағыл{_R}|charges? (?:filed|brought|pressed)", Fate.CHARGED),
    (rf"признан{_R} виновн{_R}|found guilty|үкім шығар{_R}", Fate.CONVICTED),
    (rf"взят{_R} под стражу|под арестом|under arrest|қамауға ал{_R}", Fate.ARRESTED),
    (
        rf"в сизо|в следственн{_R} изолятор{_R}|pre-?trial detention|тергеу изолятор{_R}",
        Fate.ARRESTED,
    ),
    (rf"выш(?:ел|ла|ли) на свободу|на свободе|set free|бостандыққа шық{_R}", Fate.RELEASED),
    (rf"огнестрельн{_R} ранени{_R}|gunshot wound{_R}|жарақат ал{_R}", Fate.INJURED),
    (rf"қаза тап{_R}|қайтыс бол{_R}|атып өлтір{_R}|мерт бол{_R}|көз жұм{_R}", Fate.KILLED),
    (
        r"(?:held|kept) in (?:custody|detention)|taken into custody|in custody|in detention",
        Fate.DETAINED,
    ),
    (rf"под стражей|в изолятор{_R}|в ивс|ұстап әкет{_R}", Fate.DETAINED),
    # single words
    (
        rf"погиб{_R}|убит{_R}|убил{_R}|застрел{_R}|расстрел{_R}|умер(?:ла|ли)?|умерш{_R}",
        Fate.KILLED,
    ),
    (rf"скончал{_R}|мертв{_R}|смерть|гибел{_R}|өлді|өлтіріл{_R}", Fate.KILLED),
    (r"killed|dead|died|deceased|death", Fate.KILLED),
    (rf"исчез{_R}|жоғалтылды|disappeared", Fate.DISAPPEARED),
    (rf"пропал{_R}|жоғалды|missing", Fate.MISSING),
    (rf"задержан(?:а|о|ы|ный|ная|ные|ных|ие)?|задержал{_R}", Fate.DETAINED),
    (r"содержится|содержатся|содержал(?:ся|ась|ись)", Fate.DETAINED),
    (rf"ұстал{_R}|қамауда|detained|held", Fate.DETAINED),
    (rf"арест{_R}|тұтқында{_R}|arrested|arrest|remanded|remand", Fate.ARRESTED),
    (rf"обвиня{_R}|обвинен{_R}|айыпта{_R}|charged|accused|indicted", Fate.CHARGED),
    (rf"осужд{_R}|осужден{_R}|приговор{_R}|сотталды|сотталған", Fate.CONVICTED),
    (r"convicted|sentenced", Fate.CONVICTED),
    (rf"освобо[жд]{_R}|отпущен{_R}|отпустил{_R}|босатыл{_R}|released|freed", Fate.RELEASED),
    (rf"ранен{_R}|госпитализир{_R}|жаралан{_R}", Fate.INJURED),
    (r"injured|wounded|shot|hospitali[sz]ed", Fate.INJURED),
    (rf"найден{_R}|нашл{_R}|нашел{_R}|табылды|found", Fate.FOUND),
)
_COMPILED: tuple[tuple[re.Pattern[str], Fate | None], ...] = tuple(
    (re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])"), fate) for pattern, fate in _RULES
)
# Words that make the next status word (within two words) not a status.
_NEGATION = re.compile(r"(?<![\w-])(?:не|ни|not|never|no)(?![\w-])")
# Words after which the first status of the clause is backstory.
_BACKSTORY = re.compile(r"(?<![\w-])(?:после|до|без|after|before|without)(?![\w-])")
# Kazakh negation follows the word it negates ("табылған жоқ", "ұсталған емес").
_NEGATION_AFTER = re.compile(r"^ (?:жоқ|емес)(?![\w-])")


def _fold_status(text: str) -> str:
    """Lower case, ё→е, clause breaks as " ; ", other punctuation as spaces, padded."""
    text = text.casefold().replace("ё", "е")
    text = re.sub(r"[,;:.!?()\[\]/\\\n]+", " ; ", text)
    text = re.sub(r"[^\w;-]+", " ", text)
    return " " + " ".join(text.split()) + " "


def parse_fate(text: str) -> Fate:
    """The fate a status cell states (kk/ru/en); of several, the last one stated wins.

    Raises ParseError("unknown status: '…'") when no status is recognised, and also when the
    last status stated is house arrest, which is deliberately not a fate.
    """
    found = _fate_or_reason(text)
    if not isinstance(found, Fate):  # a Fate is a str too: test for the Fate
        raise ParseError(found)
    return found


# Status cells repeat endlessly in a list; the answer for each distinct text is kept.
@lru_cache(maxsize=65_536)
def _fate_or_reason(text: str) -> Fate | str:
    folded = _fold_status(text)
    matches: list[tuple[int, int, Fate | None]] = []
    taken = [False] * len(folded)
    for pattern, fate in _COMPILED:
        for m in pattern.finditer(folded):
            if any(taken[m.start() : m.end()]):
                continue
            matches.append((m.start(), m.end(), fate))
            for i in range(m.start(), m.end()):
                taken[i] = True
    matches.sort(key=lambda item: item[0])
    blocked = _blocked(folded, matches, taken)
    stated = [fate for i, (_, _, fate) in enumerate(matches) if i not in blocked]
    if not stated or stated[-1] is None:
        return f"unknown status: '{' '.join(text.split())}'"
    return stated[-1]


def _blocked(
    folded: str, matches: list[tuple[int, int, Fate | None]], taken: list[bool]
) -> set[int]:
    """Indexes of the matches that a negation or a "после/after" turns into backstory."""
    blocked: set[int] = set()
    for regex, max_words in ((_NEGATION, 2), (_BACKSTORY, None)):
        for word in regex.finditer(folded):
            if taken[word.start()]:  # part of a rule itself ("не найден", "без вести")
                continue
            for index, (start, _, _) in enumerate(matches):
                if start < word.end():
                    continue
                between = folded[word.end() : start]
                if ";" not in between and (max_words is None or len(between.split()) < max_words):
                    blocked.add(index)
                break
    for index, (_, end, _) in enumerate(matches):
        if _NEGATION_AFTER.match(folded[end:]):
            blocked.add(index)
    return blocked
