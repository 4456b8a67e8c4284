"""The demo data generator: a FICTIONAL crackdown in Kazakhstan-like geography, told by several
overlapping lists in the shapes real ones take, with the ground truth kept beside them.

FICTIONAL DEMO DATA – not real people. Names are random combinations of common Kazakh and
Russian given names, surnames and fathers' names; the events and the lists are invented.

The lists, in import order:

1. ``ngo-sheet-week1``: a lawyers' NGO's shared sheet in Russian Cyrillic (Kazakh letters
   folded), names in several orders and cases, births as dates, years or ages, a few typos and
   four deliberately broken rows (an empty row, a date of 31.02.2022, a status of ``???``, a row
   with only a name and its №).
2. ``ngo-sheet-week2``: the same sheet re-sent a week later: the same rows in the same order
   with the same № ids, about 10% of statuses moved on along the person's timeline (the rest of
   such a row kept exactly as typed), three rows deleted and about 5% new rows appended.
3. ``radio-list``: a radio station's list of the dead in Kazakh Cyrillic, given name first.
4. ``official-list``: the government's list of the dead, surname in capitals, often initials.
5. ``press-list``: an English press list, each row in its writer's transliteration habits.
6. ``web-form``: relatives' reports in Kazakh, Russian or English, some people reported twice.

Ground truth: ``truth[(source name, row number)] = person_id``, the row number being the one a
spreadsheet shows (header = row 1, first data row = 2). Every row that describes a person is
in it, the broken ones included (their name is right even where a date or status is not); only
the empty row is absent.

The generator has its own small transliteration and must stay independent of the name matcher
it is used to evaluate: it imports nothing from tizim but the vocabulary of fates.
"""

from __future__ import annotations

import bisect
import csv
import datetime
import itertools
import random
from collections.abc import Iterable
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
    "Нұрбол Ерболат Әділет Бекжан Мирас Асылбек Ринат Ақан Ғани Ерік "
    "Александр Сергей Андрей Дмитрий Владимир Николай Алексей Виктор Игорь Евгений Павел "
    "Олег Юрий Роман Денис Максим Антон Вадим Григорий Станислав"
).split()
FEMALE = (
    "Айгерім Гүлнара Асель Әсем Дана Жанар Ләззат Меруерт Назым Сәуле Толқын Ұлжан Айжан "
    "Ақмарал Алия Аружан Балжан Гүлмира Динара Жансая Зарина Индира Қарлығаш Күлпаш Мадина "
    "Мөлдір Нұргүл Перизат Раушан Салтанат Томирис Шолпан Әйгерім Айнұр Бибігүл Гаухар "
    "Дариға Жібек Камила Ләйлім Роза Сания Тоғжан Ұлбосын Гүлжан Жазира Сымбат Ақерке "
    "Елена Ольга Татьяна Наталья Ирина Светлана Анна Мария Екатерина Юлия Марина Людмила "
    "Галина Вера Оксана Лариса Валентина Нина Зоя Алла"
).split()
# The Russian given names close each pool: people with them mostly have Russian surnames.
RUSSIAN_MALE = frozenset(MALE[-20:])
RUSSIAN_FEMALE = frozenset(FEMALE[-20:])
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
    "Шотаев Құрманов Жанұзақов Қоңыратбаев Тұяқбаев Әбдіқадыров Бердібеков "
    "Иванов Петров Смирнов Кузнецов Попов Васильев Соколов Михайлов Новиков Фёдоров "
    "Морозов Волков Алексеев Лебедев Семёнов Егоров Павлов Козлов Степанов Николаев "
    "Орлов Андреев Макаров Никитин Захаров Зайцев Соловьёв Борисов Яковлев Григорьев Ким Пак"
).split()
RUSSIAN_SURNAMES = tuple(SURNAMES[-32:])
KAZAKH_SURNAMES = tuple(SURNAMES[:-32])
# Combinations that would name a well-known real person; drawn again if they come up.
_REAL_COMBINATIONS = frozenset({("Олжас", "Сүлейменов"), ("Нұрсұлтан", "Назарбаев")})

# (English, Russian, Kazakh, weight): where the fictional people lived.
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
_CITY_RU = {c[0]: c[1] for c in CITIES}
_CITY_KK = {c[0]: c[2] for c in CITIES}
# In January 2022 these were still the official names; lists of the time use them.
CITY_OLD_RU = {"Almaty": "Алма-Ата", "Konaev": "Капчагай", "Astana": "Нур-Султан"}
# The official list gives the region for towns, the city for cities of national status.
REGION_OF_TOWN = {
    "Konaev": "Алматинская область",
    "Esik": "Алматинская область",
    "Talgar": "Алматинская область",
    "Zhanaozen": "Мангистауская область",
}
_ALMATY_FACILITIES = (
    "ИВС ДП г. Алматы",
    "СИЗО-1",
    "СИЗО-1 г. Алматы",
    "ИВС УП Ауэзовского района",
    "ИВС УП Алмалинского района",
)

RU_STATUS = {
    Fate.MISSING: ("пропал без вести", "пропала без вести"),
    Fate.DETAINED: ("задержан", "задержана"),
    Fate.ARRESTED: ("арестован", "арестована"),
    Fate.CHARGED: ("обвиняется", "обвиняется"),
    Fate.RELEASED: ("освобожден", "освобождена"),
    Fate.INJURED: ("ранен", "ранена"),
    Fate.KILLED: ("погиб", "погибла"),
    Fate.DIED_IN_CUSTODY: ("умер под стражей", "умерла под стражей"),
    Fate.FOUND: ("найден", "найдена"),
}
# The press list keeps to four words; what came after is said in the notes.
PRESS_STATUS = {
    Fate.MISSING: "missing",
    Fate.DETAINED: "detained",
    Fate.ARRESTED: "detained",
    Fate.CHARGED: "detained",
    Fate.INJURED: "injured",
    Fate.KILLED: "killed",
    Fate.DIED_IN_CUSTODY: "killed",
}
RU_MONTHS = ("января", "февраля")
KK_MONTHS = ("қаңтар", "ақпан")
EN_MONTHS = ("January", "February")

# Free-text "what happened" in the web form, per language: each must still name the fate in
# words the status vocabulary knows (checked by the tests with tizim.core.fates.parse_fate).
_FORM_TEXT: dict[str, dict[Fate, tuple[str, ...]]] = {
    "ru": {
        Fate.MISSING: (
            "пропал без вести",
            "ушел на площадь и пропал",
            "пропал, на связь не выходит",
        ),
        Fate.DETAINED: ("задержан полицией возле акимата", "забрали из дома, задержан"),
        Fate.ARRESTED: ("арестован на два месяца", "суд арестовал, арестован"),
        Fate.CHARGED: ("обвиняется в участии в беспорядках",),
        Fate.RELEASED: ("был задержан, потом освобожден", "отпущен под подписку"),
        Fate.INJURED: ("ранен, лежит в больнице", "ранен на площади"),
        Fate.KILLED: ("погиб на площади", "убит во время стрельбы", "погиб"),
        Fate.DIED_IN_CUSTODY: ("умер в заключении", "умер под стражей"),
        Fate.FOUND: ("найден живым",),
    },
    "kk": {
        Fate.MISSING: ("хабарсыз кетті", "алаңға барып, хабарсыз кетті"),
        Fate.DETAINED: ("полиция ұстап әкетті, ұсталды", "ұсталды"),
        Fate.ARRESTED: ("қамауға алынды",),
        Fate.CHARGED: ("айып тағылды",),
        Fate.RELEASED: ("ұсталды, кейін босатылды", "босатылды"),
        Fate.INJURED: ("жараланды, ауруханада", "жараланды"),
        Fate.KILLED: ("қаза тапты", "атып өлтірілді"),
        Fate.DIED_IN_CUSTODY: ("қамауда қайтыс болды",),
        Fate.FOUND: ("табылды",),
    },
    "en": {
        Fate.MISSING: ("went to the square and is missing", "missing since that day"),
        Fate.DETAINED: ("detained by police near the akimat", "taken from home, detained"),
        Fate.ARRESTED: ("arrested for two months",),
        Fate.CHARGED: ("charged with mass riots",),
        Fate.RELEASED: ("was detained, then released", "released"),
        Fate.INJURED: ("wounded, in hospital", "injured on the square"),
        Fate.KILLED: ("shot dead on the square", "killed"),
        Fate.DIED_IN_CUSTODY: ("died in custody",),
        Fate.FOUND: ("found alive",),
    },
}
# Who wrote, by language and by the sex of the person reported on ("m", "f").
_FORM_NOTES = {
    ("ru", "m"): ("", "сообщила жена", "сообщил брат", "пишет сестра", "мой сын", "мой муж"),
    ("ru", "f"): ("", "сообщил муж", "сообщил брат", "пишет сестра", "моя дочь", "моя жена"),
    ("kk", "m"): ("", "әйелі хабарлады", "інісі жазды", "ұлым", "күйеуім", "анасы хабарлады"),
    ("kk", "f"): ("", "күйеуі хабарлады", "інісі жазды", "қызым", "әйелім", "анасы хабарлады"),
    ("en", "m"): ("", "reported by his wife", "my brother", "my son", "written by a cousin"),
    ("en", "f"): ("", "reported by her husband", "my sister", "my daughter", "written by a cousin"),
}
# Russian past participles and verbs agree with the person's sex.
_RU_FEMININE = {
    "пропал": "пропала",
    "ушел": "ушла",
    "задержан": "задержана",
    "арестован": "арестована",
    "освобожден": "освобождена",
    "отпущен": "отпущена",
    "ранен": "ранена",
    "погиб": "погибла",
    "убит": "убита",
    "умер": "умерла",
    "найден": "найдена",
    "живым": "живой",
    "был": "была",
    "опознан": "опознана",
}


def _ru_for(text: str, sex: str) -> str:
    """Russian text about a man, made to agree with a woman when ``sex`` is "f"."""
    if sex != "f":
        return text
    return " ".join(
        _RU_FEMININE.get(word.rstrip(","), word.rstrip(",")) + ("," if word.endswith(",") else "")
        for word in text.split(" ")
    )


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

_KK_TO_RU = str.maketrans("әғқңөұүіһӘҒҚҢӨҰҮІҺ", "агкноууихАГКНОУУИХ")

# Russian BGN/PCGN-like base; the styles below change what each writer does differently.
_LATIN_BASE = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүіһ",
        "a b v g d e yo zh z i y k l m n o p r s t u f kh ts ch sh shch - y - e yu ya "
        "a g k ng o u u i h".split(),
        strict=True,
    )
)
_LATIN_BASE["ъ"] = _LATIN_BASE["ь"] = ""
# 2018-style Kazakh Latin (Қайрат → Qaırat), which many people still type.
_KZ_LATIN = {
    **_LATIN_BASE,
    **dict(
        zip(
            "әғжиймқңөұүхшчыюяё",
            "ä ğ j ı ı m q ñ ö ū ü h sh ch y ıu ıa ıo".split(),
            strict=True,
        )
    ),
}
_VOWELS = frozenset("аәеёиоөуұүыіэюя")
LATIN_STYLES = ("bgn", "press", "kazakh", "kz-latin")


def to_russian(text: str) -> str:
    """Kazakh letters folded into the Russian alphabet, as Russian-language lists write them."""
    return text.translate(_KK_TO_RU)


def latin(text: str, style: str = "bgn", *, j: bool = False, h: bool = False) -> str:
    """A Latin rendering of a Cyrillic name as one writer would type it.

    ``bgn``: Yerlan Serikbayev, Kayrat (Kazakh letters folded as in Russian); ``press``: Erlan
    Serikbaev, Kairat; ``kazakh``: Kazakh letters kept apart (Qairat, Ghalymzhan); ``kz-latin``:
    the Kazakh Latin alphabet (Qaırat, Jūmabek). ``j`` writes ж as j, ``h`` writes х as h.
    """
    kz = style == "kz-latin"
    table = _KZ_LATIN if kz else _LATIN_BASE
    source = text if style in ("kazakh", "kz-latin") else to_russian(text)
    out: list[str] = []
    for i, char in enumerate(source):
        low = char.lower()
        prev = source[i - 1].lower() if i else ""
        piece = table.get(low, char)
        if style == "kazakh":
            piece = {"қ": "q", "ғ": "gh"}.get(low, piece)
        if low == "е" and not kz and (not prev or prev in _VOWELS or prev in "ъь"):
            # BGN spells an initial or post-vowel е as ye; the press mostly does not.
            piece = "ye" if style in ("bgn", "kazakh") else "e"
        elif low == "й" and style == "press" and prev in _VOWELS:
            piece = "i"
        if j and low == "ж":
            piece = "j"
        if h and low == "х":
            piece = "h"
        if char != low and piece:
            piece = piece[0].upper() + piece[1:]
        out.append(piece)
    return "".join(out)


def typo(word: str, rng: random.Random) -> str:
    """One slip of a volunteer's keyboard: a letter dropped, doubled or swapped."""
    if len(word) < 5:
        return word
    i = rng.randrange(1, len(word) - 2)
    kind = rng.randrange(3)
    if kind == 0:
        return word[:i] + word[i + 1 :]
    if kind == 1:
        return word[:i] + word[i] + word[i:]
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def feminine(surname: str) -> str:
    """The feminine form of a surname (Серікбаев → Серікбаева; Ким stays Ким)."""
    return surname + "а" if surname.endswith(("ов", "ев", "ёв", "ин", "ын")) else surname


def patronymic_of(father: str, sex: str, *, kazakh_style: bool) -> str:
    """A patronymic in Kazakh (Мұхтарұлы/Мұхтарқызы) or Russian (Мұхтарович/-овна) style."""
    male = sex == "m"
    if kazakh_style:
        return father + ("ұлы" if male else "қызы")
    if father.endswith("ий"):  # Юрий → Юрьевич
        return father[:-2] + ("ьевич" if male else "ьевна")
    if father.endswith("й"):  # Сергей → Сергеевич, Николай → Николаевич
        return father[:-1] + ("евич" if male else "евна")
    return father + ("ович" if male else "овна")


def _other_style(patronymic: str, father: str, sex: str) -> str:
    """The same patronymic in the other style, as a volunteer may write it (a Russian
    father's name is never given the Kazakh -ұлы/-қызы)."""
    if father in RUSSIAN_MALE:
        return patronymic
    kazakh = patronymic.endswith(("ұлы", "қызы"))
    return patronymic_of(father, sex, kazakh_style=not kazakh)


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


def _make_people(count: int, rng: random.Random) -> tuple[list[DemoPerson], dict[str, str]]:
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
        if (given, surname) in _REAL_COMBINATIONS:
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


def _age_on(person: DemoPerson, day: D) -> int:
    b = person.birth_date
    return day.year - b.year - ((day.month, day.day) < (b.month, b.day))


def _ru_date(day: D, rng: random.Random) -> str:
    if rng.random() < 0.7:
        return day.strftime("%d.%m.%Y")
    return f"{day.day} {RU_MONTHS[day.month - 1]}"


def _ru_birth(person: DemoPerson, on: D, rng: random.Random) -> str:
    pick = rng.random()
    if pick < 0.5:
        return person.birth_date.strftime("%d.%m.%Y")
    if pick < 0.7:
        return f"{person.birth_date.year} г.р."
    if pick < 0.85:
        return _ru_age(_age_on(person, on))
    return ""


def _ru_age(age: int) -> str:
    """An age in words as Russian says it: 21 год, 23 года, 37 лет."""
    if age % 10 == 1 and age % 100 != 11:
        return f"{age} год"
    if 2 <= age % 10 <= 4 and not 12 <= age % 100 <= 14:
        return f"{age} года"
    return f"{age} лет"


def _ru_city(city: str, rng: random.Random) -> str:
    pick = rng.random()
    if pick < 0.12 and city in CITY_OLD_RU:
        return CITY_OLD_RU[city]
    return f"г. {_CITY_RU[city]}" if pick < 0.45 else _CITY_RU[city]


def _kk_city(city: str, rng: random.Random) -> str:
    return f"{_CITY_KK[city]} қ." if rng.random() < 0.2 else _CITY_KK[city]


def _facility(city: str, rng: random.Random) -> str:
    if city == "Almaty":
        return rng.choice(_ALMATY_FACILITIES)
    if city == "Zhanaozen" and rng.random() < 0.5:
        return "ИВС ДП Мангистауской области"
    ru = _CITY_RU[city]
    return rng.choice((f"ИВС ДП г. {ru}", f"СИЗО г. {ru}", f"ИВС УП г. {ru}"))


def _step_as_of(person: DemoPerson, day: D) -> int:
    """The index of the last step of the timeline dated on or before ``day`` (-1 if none)."""
    index = -1
    for i, (when, _) in enumerate(person.timeline):
        if when <= day:
            index = i
    return index


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
        patronymic = _other_style(patronymic, father, person.sex)
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
    facility = _facility(person.city, rng) if fate.is_custody else ""
    note = rng.choice(_NGO_NOTES)
    if fate is Fate.RELEASED and rng.random() < 0.3:
        note = _ru_for("освобожден под подписку о невыезде", person.sex)
    if fate.is_death and rng.random() < 0.3:
        note = "тело выдано родственникам"
    return status, _ru_date(day, rng), facility, note


def _ngo_row(
    number: int, person: DemoPerson, step: int, father: str, rng: random.Random
) -> tuple[str, ...]:
    day = person.timeline[step][0]
    return (
        str(number),
        _ngo_name(person, father, rng),
        _ru_birth(person, day, rng),
        _ru_city(person.city, rng),
        *_ngo_status_cells(person, step, rng),
    )


# (row, person_id or None for the empty row)
_Row = tuple[tuple[str, ...], str | None]


def _ngo_sheets(
    people: list[DemoPerson],
    fathers: dict[str, str],
    rng: random.Random,
    week1_day: D,
    week2_day: D,
) -> tuple[list[_Row], list[_Row]]:
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
    week1: list[_Row] = []
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
            step = _step_as_of(person, week1_day)
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
        and _step_as_of(people_by_id[pid], week2_day) > step
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

    week2: list[_Row] = []
    for i, (row, pid) in enumerate(week1):
        if i in removed:
            continue
        if i in advanced and pid is not None:
            person = people_by_id[pid]
            step = _step_as_of(person, week2_day)
            status, date, facility, note = _ngo_status_cells(person, step, rng)
            fate = person.timeline[step][1]
            if person.timeline[shown[i]][1] is Fate.MISSING and fate is Fate.KILLED:
                # Volunteers append what they learn to the cell; the last status counts.
                status = f"{row[4]}; " + (
                    "найдена в морге" if person.sex == "f" else "найден в морге"
                )
                note = _ru_for("опознан родственниками в морге", person.sex)
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
        step = _step_as_of(person, week2_day)
        row = _ngo_row(number, person, step, fathers[person.person_id], rng)
        week2.append((row, person.person_id))
    return week1, week2


# --- the other lists -----------------------------------------------------------------------


def _death(person: DemoPerson) -> D:
    return next(d for d, f in person.timeline if f.is_death)


def _radio_rows(killed: list[DemoPerson], rng: random.Random) -> list[_Row]:
    chosen = [p for p in killed if p.person_id == "P0001" or rng.random() < 0.55]
    chosen.sort(key=lambda p: (_death(p), p.given_name, p.surname))
    rows: list[_Row] = []
    for p in chosen:
        day = _death(p)
        age = _age_on(p, day)
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
            _kk_city(p.city, rng),
            "қаза тапты",
            date,
        )
        rows.append((row, p.person_id))
    return rows


def _official_rows(killed: list[DemoPerson], rng: random.Random) -> list[_Row]:
    forced = {"P0001", *HARD_CASES.father_and_son}
    chosen = [p for p in killed if p.person_id in forced or rng.random() < 0.8]
    # Official lists are alphabetical.
    chosen.sort(key=lambda p: (to_russian(p.surname).replace("ё", "е"), p.given_name))
    rows: list[_Row] = []
    for number, p in enumerate(chosen, start=1):
        surname = to_russian(p.surname).upper()
        given, patronymic = to_russian(p.given_name), to_russian(p.patronymic)
        if rng.random() < 0.4:
            given, patronymic = given[0] + ".", patronymic[0] + "."
        region = REGION_OF_TOWN.get(p.city) or _CITY_RU[p.city]
        row = (str(number), surname, given, patronymic, p.birth_date.strftime("%d.%m.%Y"), region)
        rows.append((row, p.person_id))
    return rows


def _press_rows(people: list[DemoPerson], rng: random.Random) -> list[_Row]:
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
        city = p.city if rng.random() < 0.85 else latin(_CITY_KK[p.city], style, j=j, h=h)
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
            str(_age_on(p, day)) if rng.random() < 0.9 else "",
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
            patronymic = _other_style(patronymic, father, p.sex)
        name = to_russian(
            rng.choice((f"{p.given_name} {p.surname}", f"{p.surname} {p.given_name} {patronymic}"))
        )
    else:
        name = latin(f"{p.given_name} {p.surname}", rng.choice(LATIN_STYLES), j=rng.random() < 0.2)
    return name.lower() if rng.random() < 0.15 else name


def _form_rows(people: list[DemoPerson], fathers: dict[str, str], rng: random.Random) -> list[_Row]:
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
        step = _step_as_of(p, D(2022, 1, rng.randint(13, 24)))
        day, fate = p.timeline[max(step, 0)]
        name = _form_name(p, language, fathers[p.person_id], rng)
        for _ in range(10):  # another relative spells the name another way
            if name not in names.setdefault(p.person_id, set()):
                break
            name = _form_name(p, language, fathers[p.person_id], rng)
        names[p.person_id].add(name)
        if language == "kk":
            city = _kk_city(p.city, rng)
            date = f"{day.day} {KK_MONTHS[day.month - 1]}"
        elif language == "ru":
            city = _ru_city(p.city, rng)
            date = _ru_date(day, rng)
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
            _facility(p.city, rng)
            if fate.is_custody and rng.random() < 0.6
            else {"kk": "белгісіз", "ru": "неизвестно", "en": "unknown"}[language]
            if fate.is_custody
            else ""
        )
        what = rng.choice(_FORM_TEXT[language][fate])
        if language == "ru":
            what = _ru_for(what, p.sex)
        note = rng.choice(_FORM_NOTES[(language, p.sex)])
        form.append(((name, born, city, what, date, held, note), p.person_id))
    rng.shuffle(form)
    return [(row, pid) for row, pid in form]


# --- the data set --------------------------------------------------------------------------


def generate_demo(*, persons: int = 600, seed: int = 2022) -> DemoDataset:
    """A fictional crackdown told by six overlapping lists, deterministic for a seed.

    ``persons`` is the number of people (at least 20: the hard cases and enough others for
    every list to have rows).
    """
    if persons < 20:
        raise ValueError("the demo needs at least 20 people")
    rng = random.Random(seed)
    people, fathers = _make_people(persons, rng)
    killed = [p for p in people if p.killed]
    sources: list[DemoSource] = []
    truth: dict[tuple[str, int], str] = {}

    def emit(
        name: str,
        kind: str,
        title: str,
        organisation: str,
        language: str,
        obtained: D,
        reliability: str,
        headers: tuple[str, ...],
        rows: Iterable[_Row],
    ) -> None:
        kept: list[tuple[str, ...]] = []
        for number, (row, person_id) in enumerate(rows, start=2):
            assert len(row) == len(headers), (name, row)
            kept.append(row)
            if person_id is not None:
                truth[(name, number)] = person_id
        sources.append(
            DemoSource(
                name=name,
                title=title,
                kind=kind,
                organisation=organisation,
                language=language,
                url=f"https://example.org/fictional-demo/{name}",
                obtained=obtained,
                reliability=reliability,
                filename=f"{name}.csv",
                headers=headers,
                rows=tuple(kept),
            )
        )

    # Each list draws from its own stream, so that a change to one leaves the others alone.
    def stream(name: str) -> random.Random:
        return random.Random(f"{seed}:{name}")

    week1_day, week2_day = D(2022, 1, 14), D(2022, 1, 21)
    week1, week2 = _ngo_sheets(people, fathers, stream("ngo"), week1_day, week2_day)
    ngo_reliability = "Families' reports, checked by phone by the group's lawyers."
    ngo_org = "Fictional Legal Aid Group"
    emit(
        "ngo-sheet-week1",
        "ngo_spreadsheet",
        "NGO shared sheet, version of 14 January",
        ngo_org,
        "ru",
        week1_day,
        ngo_reliability,
        NGO_HEADERS,
        week1,
    )
    emit(
        "ngo-sheet-week2",
        "ngo_spreadsheet",
        "NGO shared sheet, version of 21 January",
        ngo_org,
        "ru",
        week2_day,
        ngo_reliability,
        NGO_HEADERS,
        week2,
    )
    emit(
        "radio-list",
        "radio_list",
        "Radio list of the dead",
        "Fictional Radio Dala",
        "kk",
        D(2022, 1, 28),
        "Each name confirmed with the family.",
        ("Аты-жөні", "Жасы", "Қаласы", "Мәртебесі", "Күні"),
        _radio_rows(killed, stream("radio")),
    )
    emit(
        "official-list",
        "official_list",
        "Official list of the dead",
        "Fictional General Prosecutor's Office",
        "ru",
        D(2022, 8, 10),
        "Surnames and often initials only; no places or dates of death.",
        ("№", "Фамилия", "Имя", "Отчество", "Дата рождения", "Регион"),
        _official_rows(killed, stream("official")),
    )
    emit(
        "press-list",
        "press_list",
        "Press list of victims",
        "Fictional Steppe Times",
        "en",
        D(2022, 1, 31),
        "Compiled from interviews with families and hospital staff.",
        ("Name", "Age", "City", "Status", "Date", "Notes"),
        _press_rows(people, stream("press")),
    )
    emit(
        "web-form",
        "web_form",
        "Reports sent through the web form",
        "tizim report form",
        "mixed",
        D(2022, 2, 1),
        "Unverified reports by relatives.",
        ("Name", "Date of birth", "City", "What happened", "Date", "Where held", "Notes"),
        _form_rows(people, fathers, stream("form")),
    )
    return DemoDataset(people=tuple(people), sources=tuple(sources), truth=truth)


_DESCRIPTIONS: dict[str, str] = {
    "ngo_spreadsheet": "a lawyers' NGO's shared sheet in Russian; names in several orders, "
    "births as dates, years or ages, some typos; a few deliberately broken rows",
    "radio_list": "a radio station's list of the dead in Kazakh, given name first",
    "official_list": "the government's list of the dead: SURNAME in capitals, often initials",
    "press_list": "an English press list, names in mixed transliterations",
    "web_form": "relatives' reports in Kazakh, Russian or English; some people reported twice",
}


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
        order = {s.name: i for i, s in enumerate(dataset.sources)}
        for (name, row), person_id in sorted(
            dataset.truth.items(), key=lambda item: (order[item[0][0]], item[0][1])
        ):
            writer.writerow((name, row, person_id))
    lines = [
        BANNER,
        "",
        "Invented people and invented lists, generated by tizim's demo generator",
        "(tizim.core.demo) for trying tizim out and for measuring its linkage.",
        f"{len(dataset.people)} fictional people. Lists, in import order:",
        "",
    ]
    for s in dataset.sources:
        lines.append(
            f"- {s.filename}: {s.title} ({s.language}, {len(s.rows)} rows, "
            f"as of {s.obtained.isoformat()}): {_DESCRIPTIONS[s.kind]}."
        )
    lines += [
        "  ngo-sheet-week2 is ngo-sheet-week1 re-sent a week later: same № ids, some statuses",
        "  moved on, three rows deleted, new rows at the bottom.",
        "- truth.csv: which fictional person each list row describes (source, row, person_id);",
        "  row numbers as a spreadsheet shows them (header = 1). Every row describing a person",
        "  is there, broken ones included; the empty row is not.",
        "",
        BANNER,
        "",
    ]
    (directory / "README.txt").write_text("\n".join(lines), encoding="utf-8")
    return paths
