"""The demo data generator: a FICTIONAL crackdown in Kazakhstan-like geography, told by several
overlapping lists in the shapes real ones take, with the ground truth kept beside them.

Lists: the NGO's Russian-Cyrillic sheet (and its re-sent version a week later, with statuses
moved on), a radio station's Kazakh-Cyrillic list of the dead, an official list of the dead
(surname in capitals, often only initials), an English press list in mixed transliterations,
and web-form reports from relatives in any language. Names are fictional combinations of common
names; the generator renders spellings with its own transliteration, independent of the matcher
it is used to evaluate.
"""

from __future__ import annotations

import csv
import datetime
import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from tizim.core.fates import Fate

D = datetime.date
BANNER = "FICTIONAL DEMO DATA – not real people"

MALE = (
    "Ерлан Нұрлан Асқар Бауыржан Дәурен Ержан Жандос Қайрат Марат Мұрат Серік Талғат Төлеген "
    "Айдос Айдар Арман Асет Бекзат Болат Ғалымжан Дархан Данияр Еркебұлан Жасұлан Жұмабек "
    "Қанат Мейрам Мұхтар Нұржан Олжас Рустем Самат Санжар Тимур Шыңғыс Әлішер Ілияс Ақжол "
    "Азамат Алмас Амангелді Бақыт Бахтияр Берік Ғабит Дамир Думан Елдос Ербол Есен Жанболат "
    "Ислам Кенжебек Құрманғазы Мақсат Нұрсұлтан Өмірзақ Рахат Сұлтан Темірлан Үмітжан "
    "Александр Сергей Андрей Дмитрий Владимир Николай Алексей Виктор Игорь Евгений Павел "
    "Олег Юрий Роман Денис Максим Антон Вадим Григорий Станислав"
).split()
FEMALE = (
    "Айгерім Гүлнара Асель Әсем Дана Жанар Ләззат Меруерт Назым Сәуле Толқын Ұлжан Айжан "
    "Ақмарал Алия Аружан Балжан Гүлмира Динара Жансая Зарина Индира Қарлығаш Күлпаш Мадина "
    "Мөлдір Нұргүл Перизат Раушан Салтанат Томирис Шолпан Әйгерім Айнұр Бибігүл Гаухар "
    "Дариға Жібек Камила Ләйлім Роза Сания Тоғжан Ұлбосын "
    "Елена Ольга Татьяна Наталья Ирина Светлана Анна Мария Екатерина Юлия Марина Людмила "
    "Галина Вера Оксана Лариса Валентина Нина Зоя Алла"
).split()
SURNAMES = (
    "Серікбаев Жұмабеков Ахметов Оспанов Сейітов Нұрланов Тоқтаров Әбенов Қасымов Бекенов "
    "Дүйсенов Ермеков Жақсылықов Ибраев Кенжебаев Құлжанов Мұқанов Нұрмағамбетов Омаров "
    "Рахымжанов Сәрсенбаев Тәжібаев Уәлиханов Шәкенов Ізбасаров Әлиев Байжанов Бейсенов "
    "Ғабдуллин Дәулетов Есенов Жүнісов Зейнуллин Исаев Қожахметов Құдайбергенов Мақашев "
    "Мырзахметов Нұрпейісов Оразов Рысқұлов Сағындықов Тұрсынов Үсенов Шайхин Әмірев "
    "Айтбаев Балтабаев Досжанов Ерғалиев Жолдасбеков Қалиев Қуанышев Лесбеков Мамыров "
    "Нұрбеков Орынбасаров Сапаров Төлеуов Түсіпбеков Шалабаев Ыбыраев Абдрахманов Бисенов "
    "Доскеев Ескендіров Жаңабаев Кемелбеков Қайыров Мұсабаев Нығметов Садықов Сұлтанов "
    "Тілеубаев Утепов Хасенов Шынтасов Әділбеков Ақылбеков Бақтыбаев Дәрменов Ешмұхамбетов "
    "Жетпісбаев Ілиясов Қонысбаев Малдыбаев Нұсіпов Өтегенов Сейфуллин Тоқсанов Ұзақов "
    "Шотаев Есенғазиев Құрманов Бөкейханов Жанұзақов Қоңыратбаев Сүлейменов Тұяқбаев "
    "Иванов Петров Смирнов Кузнецов Попов Васильев Соколов Михайлов Новиков Фёдоров "
    "Морозов Волков Алексеев Лебедев Семёнов Егоров Павлов Козлов Степанов Николаев "
    "Орлов Андреев Макаров Никитин Захаров Зайцев Соловьёв Борисов Яковлев Григорьев Ким Пак"
).split()
CITIES = (
    ("Almaty", "Алматы", "Алматы", 40),
    ("Taldykorgan", "Талдыкорган", "Талдықорған", 6),
    ("Zhanaozen", "Жанаозен", "Жаңаөзен", 6),
    ("Aktobe", "Актобе", "Ақтөбе", 5),
    ("Shymkent", "Шымкент", "Шымкент", 7),
    ("Taraz", "Тараз", "Тараз", 6),
    ("Kyzylorda", "Кызылорда", "Қызылорда", 4),
    ("Konaev", "Конаев", "Қонаев", 4),
    ("Esik", "Есик", "Есік", 3),
    ("Talgar", "Талгар", "Талғар", 3),
    ("Astana", "Астана", "Астана", 5),
    ("Aktau", "Актау", "Ақтау", 4),
    ("Karaganda", "Караганда", "Қарағанды", 4),
    ("Atyrau", "Атырау", "Атырау", 3),
)
CITY_OLD_RU = {"Almaty": "Алма-Ата", "Konaev": "Капчагай", "Astana": "Нур-Султан"}
REGION_OF_TOWN = {
    "Konaev": "Алматинская область",
    "Esik": "Алматинская область",
    "Talgar": "Алматинская область",
}
FACILITIES = (
    "ИВС ДП г. Алматы",
    "СИЗО-1",
    "ИВС УП Ауэзовского района",
    "ДП г. Алматы",
    "ИВС г. Талдыкорган",
    "СИЗО г. Тараз",
    "ИВС ДП Мангистауской области",
)

RU_STATUS = {
    Fate.MISSING: ("пропал без вести", "пропала без вести"),
    Fate.DETAINED: ("задержан", "задержана"),
    Fate.ARRESTED: ("арестован", "арестована"),
    Fate.CHARGED: ("обвиняется", "обвиняется"),
    Fate.RELEASED: ("освобожден", "освобождена"),
    Fate.INJURED: ("ранен", "ранена"),
    Fate.KILLED: ("погиб", "погибла"),
    Fate.FOUND: ("найден", "найдена"),
}
EN_STATUS = {
    Fate.MISSING: "missing",
    Fate.DETAINED: "detained",
    Fate.ARRESTED: "arrested",
    Fate.CHARGED: "charged",
    Fate.RELEASED: "released",
    Fate.INJURED: "injured",
    Fate.KILLED: "killed",
    Fate.FOUND: "found",
}
KK_STATUS = {
    Fate.MISSING: "хабарсыз кетті",
    Fate.DETAINED: "ұсталды",
    Fate.ARRESTED: "қамауға алынды",
    Fate.CHARGED: "айып тағылды",
    Fate.RELEASED: "босатылды",
    Fate.INJURED: "жараланды",
    Fate.KILLED: "қаза тапты",
    Fate.FOUND: "табылды",
}
RU_MONTHS = ("января", "февраля")
KK_MONTHS = ("қаңтар", "ақпан")
EN_MONTHS = ("January", "February")


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


@dataclass(frozen=True)
class DemoSource:
    """One list, as its keepers wrote it."""

    name: str
    title: str
    kind: str
    organisation: str
    language: str
    url: str
    obtained: D
    reliability: str
    filename: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class DemoDataset:
    """The people, the lists, and which person each list row describes."""

    people: tuple[DemoPerson, ...]
    sources: tuple[DemoSource, ...]
    truth: dict[tuple[str, int], str]


# --- spelling ------------------------------------------------------------------------------

_KK_TO_RU = str.maketrans(
    "әғқңөұүіһӘҒҚҢӨҰҮІҺ",
    "агкноуuиxАГКНОУUИX".replace("u", "у").replace("U", "У").replace("x", "х").replace("X", "Х"),
)
_BASE_LATIN = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ё": "yo",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "y",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "yu",
    "я": "ya",
    "ә": "a",
    "ғ": "g",
    "қ": "k",
    "ң": "ng",
    "ө": "o",
    "ұ": "u",
    "ү": "u",
    "і": "i",
    "һ": "h",
}
# Per system: letters rendered differently from the base.
_SYSTEMS: dict[str, dict[str, str]] = {
    "bgn": {"ғ": "gh", "қ": "q", "ң": "ng", "ә": "a", "ө": "o"},
    "press": {},
    "press-h": {"х": "h", "ж": "j"},
    "kz2021": {
        "ә": "ä",
        "ғ": "ğ",
        "қ": "q",
        "ң": "ñ",
        "ө": "ö",
        "ұ": "ū",
        "ү": "ü",
        "і": "ı",
        "ш": "ş",
        "ж": "j",
        "й": "i",
        "х": "h",
        "ы": "y",
    },
}
_VOWELS = set("аәеёиоөуұүыіэюя")


def to_russian(text: str) -> str:
    """Kazakh letters folded into the Russian alphabet, as Russian-language lists write them."""
    return text.translate(_KK_TO_RU)


def latin(text: str, system: str) -> str:
    """A Latin rendering of a Cyrillic name under one of the systems in use."""
    table = {**_BASE_LATIN, **_SYSTEMS[system]}
    out = []
    for i, char in enumerate(text):
        low = char.lower()
        piece = table.get(low, char)
        if low == "е" and system != "kz2021":
            prev = text[i - 1].lower() if i else ""
            if not prev or prev in _VOWELS:
                piece = "ye" if system in ("bgn", "press-h") else "e"
        if char.isupper() and piece:
            piece = piece[0].upper() + piece[1:]
        out.append(piece)
    return "".join(out)


def typo(word: str, rng: random.Random) -> str:
    """One slip of a volunteer's keyboard: a letter dropped, doubled or swapped."""
    if len(word) < 5:
        return word
    i = rng.randrange(1, len(word) - 2)
    kind = rng.choice(("drop", "double", "swap"))
    if kind == "drop":
        return word[:i] + word[i + 1 :]
    if kind == "double":
        return word[:i] + word[i] + word[i:]
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def feminine(surname: str) -> str:
    """The feminine form of a surname (Серікбаев → Серікбаева; Ким stays Ким)."""
    return surname + "а" if surname.endswith(("ов", "ев", "ёв", "ин", "ын")) else surname


def patronymic_of(father: str, sex: str, *, kazakh_style: bool) -> str:
    """A patronymic in Kazakh (Мұхтарұлы/Мұхтарқызы) or Russian (Мұхтарович/-овна) style."""
    if kazakh_style:
        return father + ("ұлы" if sex == "m" else "қызы")
    stem = father[:-1] + "ь" if father.endswith("й") else father
    if father.endswith("й"):
        return stem[:-1] + ("евич" if sex == "m" else "евна")
    return father + ("ович" if sex == "m" else "овна")


# --- people --------------------------------------------------------------------------------

_SCENARIOS: tuple[tuple[float, tuple[tuple[int, Fate], ...]], ...] = (
    (0.22, ((0, Fate.KILLED),)),
    (0.04, ((0, Fate.MISSING), (6, Fate.KILLED))),
    (0.22, ((0, Fate.DETAINED), (9, Fate.RELEASED))),
    (0.14, ((0, Fate.DETAINED), (3, Fate.ARRESTED), (12, Fate.CHARGED))),
    (0.10, ((0, Fate.MISSING), (2, Fate.DETAINED), (14, Fate.RELEASED))),
    (0.08, ((0, Fate.DETAINED),)),
    (0.07, ((0, Fate.INJURED),)),
    (0.05, ((0, Fate.INJURED), (2, Fate.DETAINED))),
    (0.05, ((0, Fate.MISSING),)),
    (0.03, ((0, Fate.MISSING), (5, Fate.FOUND))),
)


def _timeline(rng: random.Random) -> tuple[tuple[D, Fate], ...]:
    pick = rng.random()
    steps = _SCENARIOS[-1][1]
    for weight, scenario in _SCENARIOS:
        if pick < weight:
            steps = scenario
            break
        pick -= weight
    start = D(2022, 1, rng.choice((4, 5, 5, 6, 6, 6, 6, 7, 7, 8, 9, 10, 11)))
    return tuple((start + datetime.timedelta(days=delta), fate) for delta, fate in steps)


def _make_people(count: int, rng: random.Random) -> list[DemoPerson]:
    people: list[DemoPerson] = []
    cities = [c[0] for c in CITIES]
    weights = [c[3] for c in CITIES]

    def add(
        surname: str,
        given: str,
        father: str,
        sex: str,
        birth: D,
        city: str,
        timeline: tuple[tuple[D, Fate], ...] | None = None,
    ) -> DemoPerson:
        kazakh = any(ch in "әғқңөұүіһ" for ch in (surname + given + father).lower()) or (
            rng.random() < 0.5 and given not in MALE[-20:] + FEMALE[-20:]
        )
        person = DemoPerson(
            person_id=f"P{len(people) + 1:05d}",
            surname=surname if sex == "m" else feminine(surname),
            given_name=given,
            patronymic=patronymic_of(father, sex, kazakh_style=kazakh),
            sex=sex,
            birth_date=birth,
            city=city,
            timeline=timeline or _timeline(rng),
        )
        people.append(person)
        return person

    def birth() -> D:
        return D(rng.randint(1955, 2004), rng.randint(1, 12), rng.randint(1, 28))

    # Hard cases first, so that every data set has them.
    add(
        "Серікбаев",
        "Ерлан",
        "Болат",
        "m",
        D(1985, 3, 12),
        "Almaty",
        ((D(2022, 1, 6), Fate.KILLED),),
    )
    add(
        "Серікбаев",
        "Ерлан",
        "Асқар",
        "m",
        D(1962, 7, 2),
        "Almaty",
        ((D(2022, 1, 7), Fate.DETAINED), (D(2022, 1, 15), Fate.RELEASED)),
    )
    add(
        "Оспанов",
        "Нұрлан",
        "Марат",
        "m",
        D(1990, 5, 1),
        "Taldykorgan",
        ((D(2022, 1, 5), Fate.DETAINED), (D(2022, 1, 8), Fate.ARRESTED)),
    )
    add(
        "Оспанов",
        "Нұржан",
        "Марат",
        "m",
        D(1993, 9, 9),
        "Taldykorgan",
        ((D(2022, 1, 5), Fate.DETAINED), (D(2022, 1, 12), Fate.RELEASED)),
    )
    add(
        "Қасымов",
        "Марат",
        "Серік",
        "m",
        D(1965, 2, 14),
        "Zhanaozen",
        ((D(2022, 1, 5), Fate.KILLED),),
    )
    add(
        "Қасымов",
        "Асет",
        "Марат",
        "m",
        D(1994, 11, 30),
        "Zhanaozen",
        ((D(2022, 1, 5), Fate.MISSING), (D(2022, 1, 11), Fate.KILLED)),
    )
    while len(people) < count:
        sex = "m" if rng.random() < 0.8 else "f"
        given = rng.choice(MALE if sex == "m" else FEMALE)
        russian = given in MALE[-20:] + FEMALE[-20:]
        surname = rng.choice(SURNAMES[-32:] if russian and rng.random() < 0.8 else SURNAMES)
        add(surname, given, rng.choice(MALE), sex, birth(), rng.choices(cities, weights)[0])
    return people


# --- rendering -----------------------------------------------------------------------------


def _ru_date(day: D, rng: random.Random) -> str:
    return (
        day.strftime("%d.%m.%Y") if rng.random() < 0.7 else f"{day.day} {RU_MONTHS[day.month - 1]}"
    )


def _age_on(person: DemoPerson, day: D) -> int:
    b = person.birth_date
    return day.year - b.year - ((day.month, day.day) < (b.month, b.day))


def _ru_birth(person: DemoPerson, on: D, rng: random.Random) -> str:
    pick = rng.random()
    if pick < 0.5:
        return person.birth_date.strftime("%d.%m.%Y")
    if pick < 0.7:
        return f"{person.birth_date.year} г.р."
    if pick < 0.85:
        return f"{_age_on(person, on)} лет"
    return ""


def _ru_city(person: DemoPerson, rng: random.Random) -> str:
    ru = next(c[1] for c in CITIES if c[0] == person.city)
    pick = rng.random()
    if pick < 0.1 and person.city in CITY_OLD_RU:
        return CITY_OLD_RU[person.city]
    return f"г. {ru}" if pick < 0.45 else ru


def _ngo_name(person: DemoPerson, rng: random.Random) -> str:
    surname, given, patronymic = (
        to_russian(person.surname),
        to_russian(person.given_name),
        to_russian(person.patronymic),
    )
    if rng.random() < 0.05:
        surname = typo(surname, rng)
    if rng.random() < 0.03:
        given = typo(given, rng)
    pick = rng.random()
    if pick < 0.6:
        name = f"{surname} {given} {patronymic}"
    elif pick < 0.75:
        name = f"{surname} {given}"
    else:
        name = f"{given} {surname}"
    return name.upper() if rng.random() < 0.1 else name


def _ngo_rows(
    people: list[DemoPerson], snapshot: D, rng: random.Random, ids: dict[str, int]
) -> list[tuple[tuple[str, ...], str | None]]:
    rows: list[tuple[tuple[str, ...], str | None]] = []
    for person in people:
        status = person.fate_on(snapshot)
        if status is None:
            continue
        day, fate = status
        sex = 0 if person.sex == "m" else 1
        word = RU_STATUS.get(fate, ("задержан", "задержана"))[sex]
        facility = rng.choice(FACILITIES) if fate.is_custody else ""
        row = (
            str(ids[person.person_id]),
            _ngo_name(person, rng),
            _ru_birth(person, day, rng),
            _ru_city(person, rng),
            word,
            _ru_date(day, rng),
            facility,
            rng.choice(("", "", "", "сообщили родственники", "данные уточняются")),
        )
        rows.append((row, person.person_id))
    return rows


def generate_demo(*, persons: int = 600, seed: int = 2022) -> DemoDataset:
    """A fictional crackdown told by six overlapping lists, deterministic for a seed."""
    rng = random.Random(seed)
    people = _make_people(persons, rng)
    killed = [p for p in people if any(f.is_death for _, f in p.timeline)]
    sources: list[DemoSource] = []
    truth: dict[tuple[str, int], str] = {}

    def emit(
        meta: dict[str, object],
        headers: tuple[str, ...],
        rows: Sequence[tuple[Sequence[str], str | None]],
    ) -> None:
        name = str(meta["name"])
        obtained = meta["obtained"]
        assert isinstance(obtained, D)
        for number, (_, person_id) in enumerate(rows, start=2):
            if person_id is not None:
                truth[(name, number)] = person_id
        sources.append(
            DemoSource(
                name=name,
                title=str(meta["title"]),
                kind=str(meta["kind"]),
                organisation=str(meta["organisation"]),
                language=str(meta["language"]),
                url="",
                obtained=obtained,
                reliability=str(meta["reliability"]),
                filename=f"{name}.csv",
                headers=headers,
                rows=tuple(tuple(r) for r, _ in rows),
            )
        )

    # 1–2. The NGO sheet and its re-sent version a week later.
    ngo_people = [p for p in people if rng.random() < 0.65]
    ids = {p.person_id: i for i, p in enumerate(ngo_people, start=1)}
    ngo_headers = (
        "№",
        "ФИО",
        "Дата рождения",
        "Город",
        "Статус",
        "Дата",
        "Место содержания",
        "Примечание",
    )
    week1 = _ngo_rows(ngo_people, D(2022, 1, 15), rng, ids)
    broken: list[tuple[tuple[str, ...], str | None]] = [
        (("",) * 8, None),
        (
            (
                str(len(ids) + 1),
                "Жумагалиева Динара",
                "",
                "Алматы",
                "задержана",
                "31.02.2022",
                "",
                "",
            ),
            None,
        ),
        ((str(len(ids) + 2), "Бекмуратов Алмас", "", "Шымкент", "???", "07.01.2022", "", ""), None),
        ((str(len(ids) + 3), "Тулегенов Рахат", "", "", "", "", "", ""), None),
    ]
    insert_at = [len(week1) // 4, len(week1) // 2, 3 * len(week1) // 4, len(week1)]
    for offset, (position, row) in enumerate(zip(insert_at, broken, strict=True)):
        week1.insert(position + offset, row)
    ngo_meta = {
        "kind": "ngo_spreadsheet",
        "organisation": "Fictional Legal Aid Group",
        "language": "ru",
        "reliability": "Families' reports checked by phone by lawyers.",
    }
    emit(
        {
            **ngo_meta,
            "name": "ngo-sheet-week1",
            "obtained": D(2022, 1, 15),
            "title": "NGO shared sheet, version of 15 January",
        },
        ngo_headers,
        week1,
    )
    removed = set(rng.sample([p.person_id for p in ngo_people], min(3, len(ngo_people))))
    added = [p for p in people if p.person_id not in ids and rng.random() < 0.08]
    for p in added:
        ids[p.person_id] = len(ids) + 4
    week2 = [
        r
        for r in _ngo_rows(
            [p for p in ngo_people if p.person_id not in removed],
            D(2022, 1, 22),
            random.Random(seed + 1),
            ids,
        )
    ]
    week2 += _ngo_rows(added, D(2022, 1, 22), rng, ids)
    # The re-sent sheet is last week's sheet edited: a row whose status moved keeps its name,
    # birth and city as typed then, and gets the new status, date and place of detention.
    previous = {r[0]: r for r, _ in week1 if r[0]}
    week2 = [
        (
            (
                r
                if r[0] not in previous
                else previous[r[0]]
                if previous[r[0]][4] == r[4]
                else (*previous[r[0]][:4], *r[4:])
            ),
            pid,
        )
        for r, pid in week2
    ]
    emit(
        {
            **ngo_meta,
            "name": "ngo-sheet-week2",
            "obtained": D(2022, 1, 22),
            "title": "NGO shared sheet, version of 22 January",
        },
        ngo_headers,
        week2,
    )

    # 3. The radio's list of the dead, in Kazakh.
    radio = []
    for p in killed:
        if rng.random() >= 0.55:
            continue
        day = next(d for d, f in p.timeline if f.is_death)
        age = _age_on(p, day)
        city_kk = next(c[2] for c in CITIES if c[0] == p.city)
        date = (
            f"{day.day} {KK_MONTHS[day.month - 1]} {day.year}"
            if rng.random() < 0.6
            else day.strftime("%d.%m.%Y")
        )
        radio.append(
            (
                (
                    f"{p.given_name} {p.surname}",
                    str(age) if rng.random() < 0.5 else f"{age} жаста",
                    city_kk,
                    "қаза тапты",
                    date,
                ),
                p.person_id,
            )
        )
    emit(
        {
            "name": "radio-list",
            "kind": "radio_list",
            "language": "kk",
            "organisation": "Fictional Radio Azat",
            "obtained": D(2022, 1, 31),
            "title": "Radio list of the dead",
            "reliability": "Names confirmed with families.",
        },
        ("Аты-жөні", "Жасы", "Қаласы", "Мәртебесі", "Күні"),
        radio,
    )

    # 4. The official list of the dead: surnames in capitals, often initials only.
    official = []
    for i, p in enumerate([p for p in killed if rng.random() < 0.8], start=1):
        surname = to_russian(p.surname).upper()
        if rng.random() < 0.4:
            given, patronymic = to_russian(p.given_name)[0] + ".", to_russian(p.patronymic)[0] + "."
        else:
            given, patronymic = to_russian(p.given_name), to_russian(p.patronymic)
        region = REGION_OF_TOWN.get(p.city) or next(c[1] for c in CITIES if c[0] == p.city)
        official.append(
            (
                (str(i), surname, given, patronymic, p.birth_date.strftime("%d.%m.%Y"), region),
                p.person_id,
            )
        )
    emit(
        {
            "name": "official-list",
            "kind": "official_list",
            "language": "ru",
            "organisation": "Fictional General Prosecutor's Office",
            "obtained": D(2022, 8, 10),
            "title": "Official list of the dead",
            "reliability": "Surnames and initials only; no cross-referencing details.",
        },
        ("№", "Фамилия", "Имя", "Отчество", "Дата рождения", "Регион"),
        official,
    )

    # 5. An English press list in mixed transliterations.
    press = []
    others = [p for p in people if not any(f.is_death for _, f in p.timeline)]
    for p in [q for q in killed if rng.random() < 0.3] + [q for q in others if rng.random() < 0.08]:
        system = rng.choice(("bgn", "press", "press-h", "kz2021", "press"))
        day, fate = p.timeline[-1] if rng.random() < 0.5 else p.timeline[0]
        name = f"{latin(p.given_name, system)} {latin(p.surname, system)}"
        press.append(
            (
                (
                    name,
                    str(_age_on(p, day)),
                    p.city,
                    EN_STATUS.get(fate, "detained"),
                    f"{EN_MONTHS[day.month - 1]} {day.day}, {day.year}",
                    rng.choice(("", "", "family interview", "hospital source")),
                ),
                p.person_id,
            )
        )
    emit(
        {
            "name": "press-list",
            "kind": "press_list",
            "language": "en",
            "organisation": "Fictional Steppe Times",
            "obtained": D(2022, 1, 28),
            "title": "Press list of victims",
            "reliability": "Compiled from interviews.",
        },
        ("Name", "Age", "City", "Status", "Date", "Notes"),
        press,
    )

    # 6. Web-form reports by relatives, in any language, some people reported twice.
    reported = rng.sample(people, min(len(people), max(10, persons // 10)))
    reported += rng.sample(reported, max(2, len(reported) // 8))
    form = []
    for p in reported:
        day, fate = p.timeline[0]
        language = rng.choice(("kk", "ru", "en"))
        if language == "kk":
            name, what = f"{p.surname} {p.given_name}", KK_STATUS.get(fate, "ұсталды")
            date = f"{day.day} {KK_MONTHS[day.month - 1]}"
        elif language == "ru":
            name = f"{to_russian(p.given_name)} {to_russian(p.surname)}"
            what = RU_STATUS.get(fate, ("задержан", "задержана"))[p.sex == "f"]
            date = _ru_date(day, rng)
        else:
            name, what = (
                latin(f"{p.given_name} {p.surname}", rng.choice(tuple(_SYSTEMS))),
                EN_STATUS.get(fate, "detained"),
            )
            date = f"{day.day} {EN_MONTHS[day.month - 1][:3]} {day.year}"
        held = rng.choice(FACILITIES) if fate.is_custody else ""
        form.append(
            (
                (
                    name,
                    p.birth_date.strftime("%d.%m.%Y") if rng.random() < 0.6 else "",
                    p.city if language == "en" else _ru_city(p, rng),
                    what,
                    date,
                    held,
                    "",
                ),
                p.person_id,
            )
        )
    rng.shuffle(form)
    emit(
        {
            "name": "web-form",
            "kind": "web_form",
            "language": "mixed",
            "organisation": "tizim report form",
            "obtained": D(2022, 2, 1),
            "title": "Reports sent through the web form",
            "reliability": "Unverified reports by relatives.",
        },
        ("Name", "Date of birth", "City", "What happened", "Date", "Where held", "Notes"),
        form,
    )
    return DemoDataset(people=tuple(people), sources=tuple(sources), truth=truth)


def write_demo(dataset: DemoDataset, directory: Path) -> list[Path]:
    """Write each list as a UTF-8 CSV, the truth as truth.csv and a README; returns the lists'
    paths in import order."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for source in dataset.sources:
        path = directory / source.filename
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(source.headers)
            writer.writerows(source.rows)
        paths.append(path)
    with (directory / "truth.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(("source", "row", "person_id"))
        for (name, row), person_id in sorted(dataset.truth.items()):
            writer.writerow((name, row, person_id))
    lines = [BANNER, "", "Generated by tizim's demo generator. Lists:"]
    lines += [
        f"- {s.filename}: {s.title} ({s.kind}, {s.language}, {len(s.rows)} rows)"
        for s in dataset.sources
    ]
    lines += ["- truth.csv: which fictional person each list row describes", ""]
    (directory / "README.txt").write_text("\n".join(lines), encoding="utf-8")
    return paths
