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


# Phrases → fate, most specific first: the first phrase found at a position wins there, and of
# several statuses in one cell the LAST one stated wins, because volunteers append updates
# ("ранен, затем задержан" → detained; "пропал; найден в морге" → killed).
_PHRASES: tuple[tuple[str, Fate], ...] = (
    # deaths in custody and bodies found, before plain death and plain "found"
    ("умер в заключении", Fate.DIED_IN_CUSTODY),
    ("умерла в заключении", Fate.DIED_IN_CUSTODY),
    ("умер под стражей", Fate.DIED_IN_CUSTODY),
    ("умерла под стражей", Fate.DIED_IN_CUSTODY),
    ("умер в сизо", Fate.DIED_IN_CUSTODY),
    ("умер в ивс", Fate.DIED_IN_CUSTODY),
    ("умерла в сизо", Fate.DIED_IN_CUSTODY),
    ("умерла в ивс", Fate.DIED_IN_CUSTODY),
    ("скончалась в сизо", Fate.DIED_IN_CUSTODY),
    ("скончалась под стражей", Fate.DIED_IN_CUSTODY),
    ("скончался в сизо", Fate.DIED_IN_CUSTODY),
    ("скончался под стражей", Fate.DIED_IN_CUSTODY),
    ("погиб в заключении", Fate.DIED_IN_CUSTODY),
    ("қамауда қайтыс болды", Fate.DIED_IN_CUSTODY),
    ("died in custody", Fate.DIED_IN_CUSTODY),
    ("died in detention", Fate.DIED_IN_CUSTODY),
    ("найден мертвым", Fate.KILLED),
    ("найдена мертвой", Fate.KILLED),
    ("найден в морге", Fate.KILLED),
    ("найдена в морге", Fate.KILLED),
    ("тело найдено", Fate.KILLED),
    ("found dead", Fate.KILLED),
    ("found in morgue", Fate.KILLED),
    ("found in a morgue", Fate.KILLED),
    ("shot dead", Fate.KILLED),
    ("мәйіті табылды", Fate.KILLED),
    ("моргтан табылды", Fate.KILLED),
    ("найден живым", Fate.FOUND),
    ("найдена живой", Fate.FOUND),
    ("found alive", Fate.FOUND),
    # enforced disappearance before plain missing
    ("насильственно исчез", Fate.DISAPPEARED),
    ("насильственное исчезновение", Fate.DISAPPEARED),
    ("enforced disappearance", Fate.DISAPPEARED),
    ("күштеп жоғалтылды", Fate.DISAPPEARED),
    ("пропал без вести", Fate.MISSING),
    ("пропала без вести", Fate.MISSING),
    ("пропали без вести", Fate.MISSING),
    ("без вести пропавш", Fate.MISSING),
    ("местонахождение неизвестно", Fate.MISSING),
    ("хабарсыз кетті", Fate.MISSING),
    ("хабар-ошарсыз", Fate.MISSING),
    ("із-түзсіз жоғалды", Fate.MISSING),
    ("жоғалып кетті", Fate.MISSING),
    ("whereabouts unknown", Fate.MISSING),
    ("предъявлено обвинение", Fate.CHARGED),
    ("возбуждено дело", Fate.CHARGED),
    ("айып тағылды", Fate.CHARGED),
    ("взят под стражу", Fate.ARRESTED),
    ("взята под стражу", Fate.ARRESTED),
    ("под арестом", Fate.ARRESTED),
    ("қамауға алынды", Fate.ARRESTED),
    ("вышел на свободу", Fate.RELEASED),
    ("вышла на свободу", Fate.RELEASED),
    ("бостандыққа шықты", Fate.RELEASED),
    ("үкім шығарылды", Fate.CONVICTED),
    ("огнестрельное ранение", Fate.INJURED),
    ("жарақат алды", Fate.INJURED),
    ("қаза тапты", Fate.KILLED),
    ("қайтыс болды", Fate.KILLED),
    ("атып өлтірілді", Fate.KILLED),
    ("мерт болды", Fate.KILLED),
    ("in custody", Fate.DETAINED),
    ("под стражей", Fate.DETAINED),
    ("в изоляторе", Fate.DETAINED),
    ("в ивс", Fate.DETAINED),
    ("в сизо", Fate.ARRESTED),
)

# Single-word stems (matched at the start of a word).
_STEMS: tuple[tuple[str, Fate], ...] = (
    ("погиб", Fate.KILLED),
    ("убит", Fate.KILLED),
    ("застрел", Fate.KILLED),
    ("умер", Fate.KILLED),
    ("скончал", Fate.KILLED),
    ("өлді", Fate.KILLED),
    ("killed", Fate.KILLED),
    ("dead", Fate.KILLED),
    ("died", Fate.KILLED),
    ("deceased", Fate.KILLED),
    ("исчез", Fate.DISAPPEARED),
    ("disappeared", Fate.DISAPPEARED),
    ("пропал", Fate.MISSING),
    ("missing", Fate.MISSING),
    ("задержан", Fate.DETAINED),
    ("ұсталды", Fate.DETAINED),
    ("ұсталған", Fate.DETAINED),
    ("ұсталуда", Fate.DETAINED),
    ("қамауда", Fate.DETAINED),
    ("содержится", Fate.DETAINED),
    ("detained", Fate.DETAINED),
    ("held", Fate.DETAINED),
    ("арестован", Fate.ARRESTED),
    ("тұтқындалды", Fate.ARRESTED),
    ("arrested", Fate.ARRESTED),
    ("remanded", Fate.ARRESTED),
    ("обвиня", Fate.CHARGED),
    ("айыпталуда", Fate.CHARGED),
    ("charged", Fate.CHARGED),
    ("accused", Fate.CHARGED),
    ("indicted", Fate.CHARGED),
    ("осужд", Fate.CONVICTED),
    ("приговор", Fate.CONVICTED),
    ("сотталды", Fate.CONVICTED),
    ("convicted", Fate.CONVICTED),
    ("sentenced", Fate.CONVICTED),
    ("освобожд", Fate.RELEASED),
    ("отпущен", Fate.RELEASED),
    ("босатылды", Fate.RELEASED),
    ("released", Fate.RELEASED),
    ("freed", Fate.RELEASED),
    ("ранен", Fate.INJURED),
    ("госпитализир", Fate.INJURED),
    ("жараланды", Fate.INJURED),
    ("injured", Fate.INJURED),
    ("wounded", Fate.INJURED),
    ("hospitali", Fate.INJURED),
    ("shot", Fate.INJURED),
    ("найден", Fate.FOUND),
    ("табылды", Fate.FOUND),
    ("found", Fate.FOUND),
)


def _fold_status(text: str) -> str:
    text = text.casefold().replace("ё", "е")
    return (
        " " + " ".join("".join(c if c.isalnum() or c == "-" else " " for c in text).split()) + " "
    )


def parse_fate(text: str) -> Fate:
    """The fate a status cell states (kk/ru/en); the last status mentioned wins.

    Raises ParseError("unknown status: …") when no status word is recognised.
    """
    found = _fate_or_reason(text)
    if not isinstance(found, Fate):  # a Fate is a str too: test for the Fate
        raise ParseError(found)
    return found


# Status cells repeat endlessly in a list; the answer for each distinct text is kept.
@lru_cache(maxsize=65_536)
def _fate_or_reason(text: str) -> Fate | str:
    folded = _fold_status(text)
    found: list[tuple[int, Fate]] = []
    taken = [False] * len(folded)
    for phrase, fate in _PHRASES:
        start = folded.find(" " + phrase)
        while start != -1:
            span = range(start + 1, start + 1 + len(phrase))
            if not any(taken[i] for i in span):
                found.append((start, fate))
                for i in span:
                    taken[i] = True
            start = folded.find(" " + phrase, start + 1)
    for word in re.finditer(r"[\w-]+", folded):
        if taken[word.start()]:
            continue
        for stem, fate in _STEMS:
            if word.group().startswith(stem):
                found.append((word.start(), fate))
                break
    if not found:
        return f"unknown status: '{' '.join(text.split())}'"
    return max(found, key=lambda item: item[0])[1]
