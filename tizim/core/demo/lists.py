"""The demo's lists as their keepers write them: the NGO sheet (two weeks), the radio list, the
official list, the press list and the web form, each row with the person it describes."""

from __future__ import annotations

import random

from tizim.core.demo.people import (
    HARD_CASES,
    DemoPerson,
    age_on,
    facility_in,
    kk_city,
    ru_birth,
    ru_city,
    ru_date,
    step_as_of,
)
from tizim.core.demo.spelling import LATIN_STYLES, latin, other_style, ru_for, to_russian, typo
from tizim.core.demo.vocabulary import (
    CITY_KK,
    CITY_RU,
    EN_MONTHS,
    FORM_NOTES,
    FORM_TEXT,
    KK_MONTHS,
    PRESS_STATUS,
    REGION_OF_TOWN,
    RU_STATUS,
    D,
)
from tizim.core.fates import Fate

# --- the NGO sheet -------------------------------------------------------------------------

NGO_HEADERS = (
    "№",
    "ФИО",
    "Дата рождения",
    "Город",
    "Статус",
    "Дата",
    "Место содержания",
    "Примечание",
)
_NGO_NOTES = (
    "",
    "",
    "",
    "",
    "сообщили родственники",
    "данные уточняются",
    "со слов родственников",
    "адвокат допущен",
    "адвоката не допускают",
)


def _ngo_name(person: DemoPerson, father: str, rng: random.Random) -> str:
    surname = to_russian(person.surname).replace("ё", "е")
    given = to_russian(person.given_name)
    patronymic = person.patronymic
    if rng.random() < 0.15:
        patronymic = other_style(patronymic, father, person.sex)
    patronymic = to_russian(patronymic).replace("ё", "е")
    if rng.random() < 0.05:  # a typo in about one name in twenty
        if rng.random() < 0.7:
            surname = typo(surname, rng)
        else:
            given = typo(given, rng) if len(given) >= 5 else typo(surname, rng)
    pick = rng.random()
    if pick < 0.6:
        name = f"{surname} {given} {patronymic}"
    elif pick < 0.75:
        name = f"{surname} {given}"
    elif pick < 0.88:
        name = f"{given} {surname}"
    else:
        name = f"{surname} {given[0]}.{patronymic[0]}." if pick < 0.91 else f"{surname} {given}"
    return name.upper() if rng.random() < 0.08 else name


def _ngo_status_cells(
    person: DemoPerson, step: int, rng: random.Random
) -> tuple[str, str, str, str]:
    """Status, date, place of detention and note for one step of a person's timeline."""
    day, fate = person.timeline[step]
    status = RU_STATUS[fate][person.sex == "f"]
    facility = facility_in(person.city, rng) if fate.is_custody else ""
    note = rng.choice(_NGO_NOTES)
    if fate is Fate.RELEASED and rng.random() < 0.3:
        note = ru_for("освобожден под подписку о невыезде", person.sex)
    if fate.is_death and rng.random() < 0.3:
        note = "тело выдано родственникам"
    return status, ru_date(day, rng), facility, note


def _ngo_row(
    number: int, person: DemoPerson, step: int, father: str, rng: random.Random
) -> tuple[str, ...]:
    day = person.timeline[step][0]
    return (
        str(number),
        _ngo_name(person, father, rng),
        ru_birth(person, day, rng),
        ru_city(person.city, rng),
        *_ngo_status_cells(person, step, rng),
    )


# (row, person_id or None for the empty row)
Row = tuple[tuple[str, ...], str | None]


def ngo_sheets(
    people: list[DemoPerson],
    fathers: dict[str, str],
    rng: random.Random,
    week1_day: D,
    week2_day: D,
) -> tuple[list[Row], list[Row]]:
    """The sheet as of ``week1_day`` and as re-sent on ``week2_day``."""
    hard = {*HARD_CASES.namesakes, *HARD_CASES.brothers, *HARD_CASES.father_and_son}
    on_sheet: list[DemoPerson] = []
    off_sheet: list[DemoPerson] = []
    for p in people:
        (on_sheet if p.person_id in hard or rng.random() < 0.65 else off_sheet).append(p)
    # Volunteers enter people as reports come in: roughly in order of the first event.
    on_sheet.sort(key=lambda p: (p.timeline[0][0], rng.random()))

    # Entries: (person or None for the empty row, kind of row).
    entries: list[tuple[DemoPerson | None, str]] = [(p, "ok") for p in on_sheet]
    # A few people entered twice by different volunteers, the second time further down.
    for _ in range(len(people) // 150):
        index = rng.randrange(len(on_sheet))
        entries.insert(rng.randint(index + 1, len(entries)), (on_sheet[index], "ok"))
    broken = rng.sample(off_sheet, 3) if len(off_sheet) >= 3 else []
    kinds = ["empty", "bad-date", "bad-status", "name-only"]
    for i, kind in enumerate(kinds):
        person = None if kind == "empty" else (broken[i - 1] if broken else None)
        if kind != "empty" and person is None:
            continue
        entries.insert((i + 1) * len(entries) // 5, (person, kind))

    # Week 1: each row states the last status known, but one sheet in five lags a step behind.
    week1: list[Row] = []
    shown: list[int] = []  # the step of the timeline each row shows (-1 for broken rows)
    number = 0
    for person, kind in entries:
        if person is None:
            week1.append((("",) * len(NGO_HEADERS), None))
            shown.append(-1)
            continue
        number += 1
        father = fathers[person.person_id]
        if kind == "ok":
            step = step_as_of(person, week1_day)
            if person.person_id == HARD_CASES.found_in_morgue:
                step = 0  # still missing when the sheet was sent
            elif step > 0 and rng.random() < 0.2:
                step -= 1
            week1.append((_ngo_row(number, person, step, father, rng), person.person_id))
            shown.append(step)
            continue
        cells = list(_ngo_row(number, person, 0, father, rng))
        if kind == "bad-date":
            cells[5] = "31.02.2022"
        elif kind == "bad-status":
            cells[4] = "???"
        else:
            cells = [cells[0], cells[1], *([""] * (len(NGO_HEADERS) - 2))]
        week1.append((tuple(cells), person.person_id))
        shown.append(-1)

    # Week 2: the same sheet edited. About 10% of rows moved on to a later status.
    people_by_id = {p.person_id: p for p in people}
    candidates = [
        i
        for i, ((_, pid), step) in enumerate(zip(week1, shown, strict=True))
        if pid is not None
        and step >= 0
        and step_as_of(people_by_id[pid], week2_day) > step
        and pid != HARD_CASES.found_in_morgue
    ]
    morgue_row = next(i for i, (_, pid) in enumerate(week1) if pid == HARD_CASES.found_in_morgue)
    person_rows = sum(1 for step in shown if step >= 0)
    wanted = max(1, round(0.10 * person_rows)) - 1
    advanced = {morgue_row, *rng.sample(candidates, min(wanted, len(candidates)))}
    removable = [
        i
        for i, step in enumerate(shown)
        if step >= 0 and i not in advanced and week1[i][1] not in hard
    ]
    removed = set(rng.sample(removable, min(3, len(removable))))

    week2: list[Row] = []
    for i, (row, pid) in enumerate(week1):
        if i in removed:
            continue
        if i in advanced and pid is not None:
            person = people_by_id[pid]
            step = step_as_of(person, week2_day)
            status, date, facility, note = _ngo_status_cells(person, step, rng)
            fate = person.timeline[step][1]
            if person.timeline[shown[i]][1] is Fate.MISSING and fate is Fate.KILLED:
                # Volunteers append what they learn to the cell; the last status counts.
                status = f"{row[4]}; " + (
                    "найдена в морге" if person.sex == "f" else "найден в морге"
                )
                note = ru_for("опознан родственниками в морге", person.sex)
            elif rng.random() < 0.3:
                status = f"{row[4]}, затем {status}"
            # A row that moved on keeps its name, birth and city as typed a week before.
            row = (*row[:4], status, date, facility, note)
        week2.append((row, pid))

    # New rows at the bottom: people reported during the week.
    listed = {pid for _, pid in week1}
    newcomers = [p for p in off_sheet if p.person_id not in listed]
    number = max(int(r[0]) for r, _ in week1 if r[0])
    for person in rng.sample(newcomers, min(len(newcomers), round(0.05 * person_rows))):
        number += 1
        step = step_as_of(person, week2_day)
        row = _ngo_row(number, person, step, fathers[person.person_id], rng)
        week2.append((row, person.person_id))
    return week1, week2


# --- the other lists -----------------------------------------------------------------------


def _death(person: DemoPerson) -> D:
    return next(d for d, f in person.timeline if f.is_death)


def radio_rows(killed: list[DemoPerson], rng: random.Random) -> list[Row]:
    """The radio station's list of the dead: Kazakh, given name first, ages not births."""
    chosen = [p for p in killed if p.person_id == "P0001" or rng.random() < 0.55]
    chosen.sort(key=lambda p: (_death(p), p.given_name, p.surname))
    rows: list[Row] = []
    for p in chosen:
        day = _death(p)
        age = age_on(p, day)
        given, surname = p.given_name, p.surname
        if rng.random() < 0.08:  # typed on a Russian keyboard
            given, surname = to_russian(given), to_russian(surname)
        date = (
            f"{day.day} {KK_MONTHS[day.month - 1]} {day.year}"
            if rng.random() < 0.6
            else day.strftime("%d.%m.%Y")
        )
        row = (
            f"{given} {surname}",
            str(age) if rng.random() < 0.5 else f"{age} жаста",
            kk_city(p.city, rng),
            "қаза тапты",
            date,
        )
        rows.append((row, p.person_id))
    return rows


def official_rows(killed: list[DemoPerson], rng: random.Random) -> list[Row]:
    """The official list of the dead: SURNAME in capitals, often initials, regions only."""
    forced = {"P0001", *HARD_CASES.father_and_son}
    chosen = [p for p in killed if p.person_id in forced or rng.random() < 0.8]
    # Official lists are alphabetical.
    chosen.sort(key=lambda p: (to_russian(p.surname).replace("ё", "е"), p.given_name))
    rows: list[Row] = []
    for number, p in enumerate(chosen, start=1):
        surname = to_russian(p.surname).upper()
        given, patronymic = to_russian(p.given_name), to_russian(p.patronymic)
        if rng.random() < 0.4:
            given, patronymic = given[0] + ".", patronymic[0] + "."
        region = REGION_OF_TOWN.get(p.city) or CITY_RU[p.city]
        row = (str(number), surname, given, patronymic, p.birth_date.strftime("%d.%m.%Y"), region)
        rows.append((row, p.person_id))
    return rows


def press_rows(people: list[DemoPerson], rng: random.Random) -> list[Row]:
    """The English press list: names in each writer's transliteration, ages, statuses."""
    forced = set(HARD_CASES.namesakes)

    def chance(p: DemoPerson) -> float:
        # A third of the dead; of the living, hospital sources make the injured likelier.
        if p.killed:
            return 0.3
        return 0.25 if any(f is Fate.INJURED for _, f in p.timeline) else 0.07

    chosen = [p for p in people if p.person_id in forced or rng.random() < chance(p)]
    rows: list[tuple[D, tuple[str, ...], str]] = []
    for p in chosen:
        step = _press_step(p)
        if step is None:
            continue
        day, fate = p.timeline[step]
        style = rng.choices(LATIN_STYLES, (4, 4, 2, 1))[0]
        j, h = rng.random() < 0.15, rng.random() < 0.25
        name = f"{latin(p.given_name, style, j=j, h=h)} {latin(p.surname, style, j=j, h=h)}"
        city = p.city if rng.random() < 0.85 else latin(CITY_KK[p.city], style, j=j, h=h)
        later = p.timeline[step + 1 :]
        if later:
            when, what = later[-1]
            note = f"{what.label} on {EN_MONTHS[when.month - 1]} {when.day}"
        elif fate is Fate.DIED_IN_CUSTODY:
            note = "died in custody"
        else:
            note = rng.choice(("", "", "family interview", "hospital source", "video verified"))
        row = (
            name,
            str(age_on(p, day)) if rng.random() < 0.9 else "",
            city,
            PRESS_STATUS[fate],
            f"{EN_MONTHS[day.month - 1]} {day.day}, {day.year}",
            note,
        )
        rows.append((day, row, p.person_id))
    rows.sort(key=lambda r: r[0])
    return [(row, pid) for _, row, pid in rows]


def _press_step(person: DemoPerson) -> int | None:
    """The step the press reports: the last one it has a word for (released/found are notes)."""
    steps = [i for i, (_, f) in enumerate(person.timeline) if f in PRESS_STATUS]
    return steps[-1] if steps else None


def _form_name(person: DemoPerson, language: str, father: str, rng: random.Random) -> str:
    """A name as a relative types it into the form, in Kazakh, Russian or Latin letters."""
    p = person
    if language == "kk":
        name = rng.choice(
            (
                f"{p.surname} {p.given_name}",
                f"{p.given_name} {p.surname}",
                f"{p.surname} {p.given_name} {p.patronymic}",
            )
        )
    elif language == "ru":
        patronymic = p.patronymic
        if rng.random() < 0.3:
            patronymic = other_style(patronymic, father, p.sex)
        name = to_russian(
            rng.choice((f"{p.given_name} {p.surname}", f"{p.surname} {p.given_name} {patronymic}"))
        )
    else:
        name = latin(f"{p.given_name} {p.surname}", rng.choice(LATIN_STYLES), j=rng.random() < 0.2)
    return name.lower() if rng.random() < 0.15 else name


def form_rows(people: list[DemoPerson], fathers: dict[str, str], rng: random.Random) -> list[Row]:
    """Relatives' web-form reports in Kazakh, Russian or English, some people twice."""
    reported = rng.sample(people[6:], min(len(people) - 6, max(10, round(len(people) * 0.09))))
    reported.append(people[1])  # the namesake who was released: his family asks after him
    # A few people reported again by another relative, in another language and spelling.
    twice = rng.sample(reported, max(3, len(reported) // 12))
    form: list[tuple[tuple[str, ...], str]] = []
    languages: dict[str, str] = {}
    names: dict[str, set[str]] = {}
    for p in reported + twice:
        language = rng.choices(("kk", "ru", "en"), (3, 5, 2))[0]
        while language == languages.get(p.person_id):
            language = rng.choice(("kk", "ru", "en"))
        languages[p.person_id] = language
        # Relatives write in the days after the events, telling the latest they know.
        step = step_as_of(p, D(2022, 1, rng.randint(13, 24)))
        day, fate = p.timeline[max(step, 0)]
        name = _form_name(p, language, fathers[p.person_id], rng)
        for _ in range(10):  # another relative spells the name another way
            if name not in names.setdefault(p.person_id, set()):
                break
            name = _form_name(p, language, fathers[p.person_id], rng)
        names[p.person_id].add(name)
        if language == "kk":
            city = kk_city(p.city, rng)
            date = f"{day.day} {KK_MONTHS[day.month - 1]}"
        elif language == "ru":
            city = ru_city(p.city, rng)
            date = ru_date(day, rng)
        else:
            city = p.city
            date = f"{day.day} {EN_MONTHS[day.month - 1][:3]} {day.year}"
        birth = rng.random()
        born = (
            p.birth_date.strftime("%d.%m.%Y")
            if birth < 0.5
            else str(p.birth_date.year)
            if birth < 0.7
            else ""
        )
        held = (
            facility_in(p.city, rng)
            if fate.is_custody and rng.random() < 0.6
            else {"kk": "белгісіз", "ru": "неизвестно", "en": "unknown"}[language]
            if fate.is_custody
            else ""
        )
        what = rng.choice(FORM_TEXT[language][fate])
        if language == "ru":
            what = ru_for(what, p.sex)
        note = rng.choice(FORM_NOTES[(language, p.sex)])
        form.append(((name, born, city, what, date, held, note), p.person_id))
    rng.shuffle(form)
    return [(row, pid) for row, pid in form]
