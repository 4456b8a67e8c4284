"""The fictional demo's words: given names, surnames, cities, statuses and what relatives write
in the web form, in Kazakh, Russian and English. Data only."""

from __future__ import annotations

import datetime

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
REAL_COMBINATIONS = frozenset({("Олжас", "Сүлейменов"), ("Нұрсұлтан", "Назарбаев")})

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
CITY_RU = {c[0]: c[1] for c in CITIES}
CITY_KK = {c[0]: c[2] for c in CITIES}
# In January 2022 these were still the official names; lists of the time use them.
CITY_OLD_RU = {"Almaty": "Алма-Ата", "Konaev": "Капчагай", "Astana": "Нур-Султан"}
# The official list gives the region for towns, the city for cities of national status.
REGION_OF_TOWN = {
    "Konaev": "Алматинская область",
    "Esik": "Алматинская область",
    "Talgar": "Алматинская область",
    "Zhanaozen": "Мангистауская область",
}
ALMATY_FACILITIES = (
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
FORM_TEXT: dict[str, dict[Fate, tuple[str, ...]]] = {
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
FORM_NOTES = {
    ("ru", "m"): ("", "сообщила жена", "сообщил брат", "пишет сестра", "мой сын", "мой муж"),
    ("ru", "f"): ("", "сообщил муж", "сообщил брат", "пишет сестра", "моя дочь", "моя жена"),
    ("kk", "m"): ("", "әйелі хабарлады", "інісі жазды", "ұлым", "күйеуім", "анасы хабарлады"),
    ("kk", "f"): ("", "күйеуі хабарлады", "інісі жазды", "қызым", "әйелім", "анасы хабарлады"),
    ("en", "m"): ("", "reported by his wife", "my brother", "my son", "written by a cousin"),
    ("en", "f"): ("", "reported by her husband", "my sister", "my daughter", "written by a cousin"),
}
# Russian past participles and verbs agree with the person's sex.
RU_FEMININE = {
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
