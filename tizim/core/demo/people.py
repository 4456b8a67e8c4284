"""The fictional people: who they are, what happened to them and when, the hard cases (namesakes,
brothers, a father and son), and how their dates, ages and towns are written."""

from __future__ import annotations

import bisect
import datetime
import itertools
import random
from dataclasses import dataclass

from tizim.core.demo.spelling import feminine, patronymic_of
from tizim.core.demo.vocabulary import (
    ALMATY_FACILITIES,
    CITIES,
    CITY_KK,
    CITY_OLD_RU,
    CITY_RU,
    FEMALE,
    KAZAKH_SURNAMES,
    MALE,
    REAL_COMBINATIONS,
    RU_MONTHS,
    RUSSIAN_FEMALE,
    RUSSIAN_MALE,
    RUSSIAN_SURNAMES,
    D,
)
from tizim.core.fates import Fate


@dataclass(frozen=True)
class DemoPerson:
    """One fictional person: the truth the lists describe, each in its own way."""

    person_id: str
    surname: str
    given_name: str
    patronymic: str
    sex: str
    birth_date: D
    city: str
    timeline: tuple[tuple[D, Fate], ...]

    def fate_on(self, day: D) -> tuple[D, Fate] | None:
        """The last status dated on or before ``day``."""
        known = [(d, f) for d, f in self.timeline if d <= day]
        return known[-1] if known else None

    @property
    def killed(self) -> bool:
        """Whether the person died (killed, or died in custody)."""
        return self.timeline[-1][1].is_death


# --- people --------------------------------------------------------------------------------

# (weight, steps as (min days, max days after the previous step, fate)).
_SCENARIOS: tuple[tuple[int, tuple[tuple[int, int, Fate], ...]], ...] = (
    (22, ((0, 0, Fate.KILLED),)),
    (4, ((0, 0, Fate.MISSING), (1, 6, Fate.KILLED))),  # found later in a morgue
    (2, ((0, 0, Fate.DETAINED), (2, 9, Fate.DIED_IN_CUSTODY))),
    (22, ((0, 0, Fate.DETAINED), (2, 14, Fate.RELEASED))),
    (12, ((0, 0, Fate.DETAINED), (1, 3, Fate.ARRESTED), (5, 12, Fate.CHARGED))),
    (10, ((0, 0, Fate.MISSING), (1, 4, Fate.DETAINED), (4, 14, Fate.RELEASED))),
    (7, ((0, 0, Fate.DETAINED),)),
    (7, ((0, 0, Fate.INJURED),)),
    (5, ((0, 0, Fate.INJURED), (1, 4, Fate.DETAINED))),
    (6, ((0, 0, Fate.MISSING),)),
    (3, ((0, 0, Fate.MISSING), (2, 8, Fate.FOUND))),
)
_SCENARIO_CUM = list(itertools.accumulate(w for w, _ in _SCENARIOS))
# The events ran from 4 to 12 January, most of them on the 5th to the 7th.
_START_DAYS = (4, 5, 5, 5, 6, 6, 6, 6, 7, 7, 7, 8, 8, 9, 10, 11, 12)
_CITY_NAMES = [c[0] for c in CITIES]
_CITY_CUM = list(itertools.accumulate(c[3] for c in CITIES))


def _timeline(rng: random.Random) -> tuple[tuple[D, Fate], ...]:
    steps = _SCENARIOS[bisect.bisect_right(_SCENARIO_CUM, rng.random() * _SCENARIO_CUM[-1])][1]
    day = D(2022, 1, rng.choice(_START_DAYS))
    out = []
    for low, high, fate in steps:
        day += datetime.timedelta(days=rng.randint(low, high))
        out.append((day, fate))
    return tuple(out)


@dataclass(frozen=True)
class _HardCases:
    namesakes: tuple[str, str]
    brothers: tuple[str, str]
    father_and_son: tuple[str, str]
    found_in_morgue: str


def make_people(count: int, rng: random.Random) -> tuple[list[DemoPerson], dict[str, str]]:
    """The people, and each one's father's given name (for patronymics in the other style)."""
    people: list[DemoPerson] = []
    fathers: dict[str, str] = {}

    def add(
        surname: str,
        given: str,
        father: str,
        sex: str,
        birth: D,
        city: str,
        timeline: tuple[tuple[D, Fate], ...],
        *,
        kazakh_style: bool,
    ) -> None:
        person_id = f"P{len(people) + 1:04d}"
        fathers[person_id] = father
        people.append(
            DemoPerson(
                person_id=person_id,
                surname=surname if sex == "m" else feminine(surname),
                given_name=given,
                patronymic=patronymic_of(father, sex, kazakh_style=kazakh_style),
                sex=sex,
                birth_date=birth,
                city=city,
                timeline=timeline,
            )
        )

    # The hard cases come first, so that every data set has them (see HARD_CASES).
    def jan(day: int) -> D:
        return D(2022, 1, day)

    add(
        "Серікбаев",
        "Ерлан",
        "Болат",
        "m",
        D(1985, 3, 12),
        "Almaty",
        ((jan(6), Fate.KILLED),),
        kazakh_style=True,
    )
    add(
        "Серікбаев",
        "Ерлан",
        "Асқар",
        "m",
        D(1962, 7, 2),
        "Almaty",
        ((jan(7), Fate.DETAINED), (jan(15), Fate.RELEASED)),
        kazakh_style=False,
    )
    add(
        "Оспанов",
        "Нұрлан",
        "Марат",
        "m",
        D(1990, 5, 1),
        "Taldykorgan",
        ((jan(5), Fate.DETAINED), (jan(8), Fate.ARRESTED)),
        kazakh_style=True,
    )
    add(
        "Оспанов",
        "Нұржан",
        "Марат",
        "m",
        D(1993, 9, 9),
        "Taldykorgan",
        ((jan(5), Fate.DETAINED), (jan(12), Fate.RELEASED)),
        kazakh_style=True,
    )
    add(
        "Қасымов",
        "Марат",
        "Серік",
        "m",
        D(1965, 2, 14),
        "Zhanaozen",
        ((jan(5), Fate.KILLED),),
        kazakh_style=False,
    )
    add(
        "Қасымов",
        "Асет",
        "Марат",
        "m",
        D(1994, 11, 30),
        "Zhanaozen",
        ((jan(5), Fate.MISSING), (jan(7), Fate.KILLED)),
        kazakh_style=False,
    )

    while len(people) < count:
        sex = "m" if rng.random() < 0.8 else "f"
        given = rng.choice(MALE if sex == "m" else FEMALE)
        russian = given in RUSSIAN_MALE or given in RUSSIAN_FEMALE
        if russian:
            surname = rng.choice(RUSSIAN_SURNAMES if rng.random() < 0.8 else KAZAKH_SURNAMES)
            father = rng.choice(MALE[-20:] if rng.random() < 0.8 else MALE)
        else:
            surname = rng.choice(KAZAKH_SURNAMES if rng.random() < 0.95 else RUSSIAN_SURNAMES)
            father = rng.choice(MALE[:-20] if rng.random() < 0.95 else MALE)
        if (given, surname) in REAL_COMBINATIONS:
            continue
        birth = D(rng.randint(1955, 2004), rng.randint(1, 12), rng.randint(1, 28))
        city = _CITY_NAMES[bisect.bisect_right(_CITY_CUM, rng.random() * _CITY_CUM[-1])]
        # Russian-style patronymics (Серікович) are as common in Kazakhstan as -ұлы/-қызы.
        kazakh_style = father not in RUSSIAN_MALE and not russian and rng.random() < 0.45
        add(surname, given, father, sex, birth, city, _timeline(rng), kazakh_style=kazakh_style)
    return people, fathers


HARD_CASES = _HardCases(
    namesakes=("P0001", "P0002"),
    brothers=("P0003", "P0004"),
    father_and_son=("P0005", "P0006"),
    found_in_morgue="P0006",
)


# --- rendering helpers ---------------------------------------------------------------------


def age_on(person: DemoPerson, day: D) -> int:
    """The person's age in whole years on ``day``."""
    b = person.birth_date
    return day.year - b.year - ((day.month, day.day) < (b.month, b.day))


def ru_date(day: D, rng: random.Random) -> str:
    """``day`` as a Russian list writes it: 06.01.2022 or 6 января."""
    if rng.random() < 0.7:
        return day.strftime("%d.%m.%Y")
    return f"{day.day} {RU_MONTHS[day.month - 1]}"


def ru_birth(person: DemoPerson, on: D, rng: random.Random) -> str:
    """A birth as the NGO sheet writes it: a date, a year or an age on ``on``."""
    pick = rng.random()
    if pick < 0.5:
        return person.birth_date.strftime("%d.%m.%Y")
    if pick < 0.7:
        return f"{person.birth_date.year} г.р."
    if pick < 0.85:
        return _ru_age(age_on(person, on))
    return ""


def _ru_age(age: int) -> str:
    """An age in words as Russian says it: 21 год, 23 года, 37 лет."""
    if age % 10 == 1 and age % 100 != 11:
        return f"{age} год"
    if 2 <= age % 10 <= 4 and not 12 <= age % 100 <= 14:
        return f"{age} года"
    return f"{age} лет"


def ru_city(city: str, rng: random.Random) -> str:
    """A town in Russian, sometimes by its old name."""
    pick = rng.random()
    if pick < 0.12 and city in CITY_OLD_RU:
        return CITY_OLD_RU[city]
    return f"г. {CITY_RU[city]}" if pick < 0.45 else CITY_RU[city]


def kk_city(city: str, rng: random.Random) -> str:
    """A town in Kazakh, sometimes with "қ." (city) after it."""
    return f"{CITY_KK[city]} қ." if rng.random() < 0.2 else CITY_KK[city]


def facility_in(city: str, rng: random.Random) -> str:
    """Where a person held in ``city`` is said to be held."""
    if city == "Almaty":
        return rng.choice(ALMATY_FACILITIES)
    if city == "Zhanaozen" and rng.random() < 0.5:
        return "ИВС ДП Мангистауской области"
    ru = CITY_RU[city]
    return rng.choice((f"ИВС ДП г. {ru}", f"СИЗО г. {ru}", f"ИВС УП г. {ru}"))


def step_as_of(person: DemoPerson, day: D) -> int:
    """The index of the last step of the timeline dated on or before ``day`` (-1 if none)."""
    index = -1
    for i, (when, _) in enumerate(person.timeline):
        if when <= day:
            index = i
    return index
