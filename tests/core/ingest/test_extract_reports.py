"""How official statements, ombudsman reports, trial transcripts, funeral notices and chats
write figures and people: penalties handed down to a count, warnings, home arrest, people found
or still sought, complaints counted before the number, parts set off by commas, a name given
in full after its initials, "among them" after a figure, a family's surname in the plural.
Fictional passages in Kazakh, Russian and English."""

from __future__ import annotations

import pytest

from tests.core.ingest.reading import PUBLISHED, claims_read, persons_read
from tizim.core.ingest import extract


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "88 persons, 51 of them police officers, received injuries.",
            [(88, "exact", "injured"), (51, "exact", "injured")],
        ),
        (
            "Courts imposed administrative arrest of 5 to 15 days on 226 persons.",
            [(226, "exact", "prosecuted")],
        ),
        (
            "• Суды назначили административный арест сроком от 10 до 15 суток 118 задержанным.",
            [(118, "exact", "prosecuted")],
        ),
        (
            "Сот шешімімен 214 адам 3 тәуліктен 15 тәулікке дейінгі мерзімге әкімшілік қамаққа "
            "алынды.",
            [(214, "exact", "prosecuted")],
        ),
        ("4,584 persons have been issued a warning by the court.", [(4584, "exact", "prosecuted")]),
        ("50 persons were placed under home arrest.", [(50, "exact", "custody")]),
        (
            "In all, 23 persons were reported missing: 19 have been found, and 4, including "
            "A. Bekova, are still being sought.",
            [(23, "exact", "missing"), (19, "exact", None), (4, "exact", "missing")],
        ),
        (
            "Сейчас в нём 41 человек, которых ищут родные, ещё 17 уже нашлись.",
            [(41, "exact", "missing"), (17, "exact", None)],
        ),
        ("Из нашего ИВС жалобы подали 9 человек.", [(9, "exact", None)]),
        (
            "The bureau collected complaints of beatings from at least 64 people held there.",
            [(64, "at_least", None)],
        ),
        (
            "Police have detained 389 people, up from the 352 it reported on Monday.",
            [(389, "exact", "custody"), (352, "exact", "custody")],
        ),
        (
            "Law enforcement officials rounded up thousands - as many as 9,900.",
            [(9900, "nearly", "custody")],
        ),
        ("Police gunned down 238 people.", [(238, "exact", "dead")]),
        (
            "Жапа шеккендердің ішінде 137 полиция қызметкері және 53 қала тұрғыны бар.",
            [(137, "exact", "injured"), (53, "exact", "injured")],
        ),
        (
            "В Жанатасе ранены 40 человек, в том числе 12 полицейских, 9 военнослужащих и 19 "
            "жителей.",
            [
                (40, "exact", "injured"),
                (12, "exact", "injured"),
                (9, "exact", "injured"),
                (19, "exact", "injured"),
            ],
        ),
        (
            "Таң атқанша 47 адам жараланды, оның он екісі оқ жарақатымен келді.",
            [(47, "exact", "injured"), (12, "exact", "injured")],
        ),
        ("Ұсталғандардың 68 пайызы – 18 бен 29 жас аралығындағы жастар.", []),
    ],
)
def test_penalties_warnings_found_and_sought_complaints_and_parts(text, expected):
    assert claims_read(text) == expected


def test_a_correction_is_revised_and_a_denial_disavowed():
    found = extract(
        "В ответе эта цифра уточнена: доставлены в органы внутренних дел 527 человек. Минздрав "
        "опроверг данные о 164 погибших.",
        published=PUBLISHED,
    ).claims
    assert [(c.value, c.fate_group, c.status) for c in found] == [
        (527, "custody", "revised"),
        (164, "dead", "disavowed"),
    ]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Уголовное дело по обвинению Оспанова Н. Подсудимый Оспанов Нурлан Бейсенович, "
            "встаньте.",
            "ru",
            [("Оспанов", "Нурлан", "charged")],
        ),
        (
            "Облыста әлі табылмаған үш адам бар, олардың ішінде Жандос Қабдолов та бар.",
            "kk",
            [("Қабдолов", "Жандос", "missing")],
        ),
        (
            "Облыста 12 адам қаза тапты. Олардың ішінде әкелі-балалы Мұхтар мен Арман Әбеновтер "
            "де бар.",
            "kk",
            [("Әбенов", "Мұхтар", "killed"), ("Әбенов", "Арман", "killed")],
        ),
        (
            "Жұмабаева Ақмаралдың жаназасы 9 қаңтар күні оқылады. Жаназаны бас имамы Нұрғали "
            "Әбдіраманов шығарады.",
            "kk",
            [("Жұмабаева", "Ақмарал", "killed")],
        ),
        (
            "17 жастағы Ержігіт Сапарбекті 6 қаңтардан бері ешкім көрмеген.",
            "kk",
            [("Сапарбек", "Ержігіт", "missing")],
        ),
        (
            "Белсенділер Әйгерім Тілеужан мен Қалас Нұрпейісов, сондай-ақ Нұрлан Дәлібаев "
            "әуежайды басып алды деген айып тағылған.",
            "kk",
            [
                ("Тілеужан", "Әйгерім", "charged"),
                ("Нұрпейісов", "Қалас", "charged"),
                ("Дәлібаев", "Нұрлан", "charged"),
            ],
        ),
        (
            "Біз 52 жастағы хирург Бауыржан Сәрсенбаевпен әңгімелестік. Ол жараланғандарды емдеді.",
            "kk",
            [],
        ),
        (
            "Суд приговорил Ляззат Досмамбетову к трём годам. Сторонники Ляззат Досмамбетовой "
            "собрались у суда.",
            "ru",
            [("Досмамбетова", "Ляззат", "convicted")],
        ),
        (
            "Among those held is Aslan Bekturov, 45, a history teacher.",
            "en",
            [("Bekturov", "Aslan", "detained")],
        ),
    ],
)
def test_initials_then_a_full_name_among_them_families_funerals_and_doctors(
    text, language, expected
):
    assert persons_read(text, language) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Of the 34 former detainees we interviewed, 21 said they had been beaten.",
            [(34, "exact", None), (21, "exact", "injured")],
        ),
        ("В мой адрес поступили обращения 37 жителей области.", [(37, "exact", None)]),
        (
            "Девяти обвиняемым изменили меру пресечения на подписку о невыезде.",
            [(9, "exact", "released")],
        ),
        # families of those a fate word names are not the detained; their own fate counts
        ("В отдел соцзащиты за январь обратились 11 семей задержанных.", [(11, "exact", None)]),
        (
            "Ал бастамашыл топқа ұсталғандардың 30-дан астам отбасы көмек сұрап жүгінген.",
            [(30, "more_than", None)],
        ),
        ("Among the callers were 19 relatives of detainees.", [(19, "exact", None)]),
        ("Police said 5 relatives of the dead were detained.", [(5, "exact", "custody")]),
    ],
)
def test_people_interviewed_or_applying_families_and_a_pledge_not_to_leave(text, expected):
    assert claims_read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "230 individuals died, together with 19 police officers.",
            [(230, "exact", "dead"), (19, "exact", "dead")],
        ),
        (
            "A court in Kazakhstan's largest city, Almaty, has jailed eight activists.",
            [(8, "exact", "prosecuted")],
        ),
        ("В отношении 220 человек идут административные суды.", [(220, "exact", "prosecuted")]),
        (
            "Ақтөбеде 89 адам полиция бөлімшесіне жеткізілді. Олардың 32-сіне айыппұл салынған.",
            [(89, "exact", "custody"), (32, "exact", "prosecuted")],
        ),
        (
            "Ұсталғандардың жүзден астамы айыппұл салынбай босатылды.",
            [(100, "more_than", "released")],
        ),
        ("Тергеу изоляторында 600-ге жуық азаматпен жеке-жеке кездестік.", [(600, "nearly", None)]),
    ],
)
def test_courts_that_jail_trials_under_way_and_meetings_in_a_jail(text, expected):
    assert claims_read(text) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Ravqat Mukhtarov and Maira Ghabdullina were each handed 15 days in jail. Three "
            "more activists, Bulbul Berdiqozhanova and Bayan Shyrynbekova, were each fined.",
            "en",
            [
                ("Mukhtarov", "Ravqat", "convicted"),
                ("Ghabdullina", "Maira", "convicted"),
                ("Berdiqozhanova", "Bulbul", "convicted"),
                ("Shyrynbekova", "Bayan", "convicted"),
            ],
        ),
        (
            "Из 225 погибших 175 умерли в больницах, уточнила пресс-секретарь Минздрава "
            "Казахстана Асель Артакшинова.",
            "ru",
            [],
        ),
        (
            "Айжан Надирбек, дочь находящейся под стражей активистки Ляззат Досмамбетовой, "
            "рассказывает о деле матери.",
            "ru",
            [("Досмамбетова", "Ляззат", "detained")],
        ),
        (
            "Среди осуждённых к ограничению свободы — Жанбота Ерназарова, мать троих детей, "
            "торговавшая на рынке.",
            "ru",
            [("Ерназарова", "Жанбота", "convicted")],
        ),
        ("Айдос Мелдеханның жуырда анасы көз жұмған.", "kk", []),
        (
            "Талдықорған сотында Серік Күдебаевқа қатысты сот отырысы өтіп жатыр.",
            "kk",
            [("Күдебаев", "Серік", "charged")],
        ),
    ],
)
def test_sentences_and_fines_speakers_for_an_office_and_relatives_named_first(
    text, language, expected
):
    assert persons_read(text, language) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On 12 January the ministry said 164 people had been killed. On 15 January the "
            "authorities set it at 201, including 17 members of the security forces.",
            [(164, "exact", "dead"), (201, "exact", "dead"), (17, "exact", "dead")],
        ),
        (
            "We have received complaints of torture concerning 58 detainees.",
            [(58, "exact", None)],
        ),
        (
            "The city court convicted 61 people. The board noted that 47 of the 61 were "
            "sentenced to imprisonment.",
            [(61, "exact", "prosecuted"), (47, "exact", "prosecuted")],
        ),
        (
            "Данные на 16.01: всего задержаны 218 человек, под арестом 47, административный арест "
            "получили 121.",
            [(218, "exact", "custody"), (47, "exact", "custody"), (121, "exact", "prosecuted")],
        ),
        ("Жалобы на пытки подали уже 19 наших подзащитных.", [(19, "exact", None)]),
        ("Члены группы провели конфиденциальные беседы с 27 содержащимися.", [(27, "exact", None)]),
        (
            "Из них 18 человек сообщили о применении к ним физического насилия.",
            [(18, "exact", None)],
        ),
        (
            "Подозреваемыми проходят 53 человека: 19 из них содержатся под стражей, 6 — под "
            "домашним арестом, остальные — под подпиской о невыезде.",
            [(53, "exact", "prosecuted"), (19, "exact", "custody"), (6, "exact", "custody")],
        ),
        ("Освобождена 10 января, наложен административный штраф 30 МРП.", []),
    ],
)
def test_figures_set_complaints_concerning_parts_of_a_figure_and_dashes_for_verbs(text, expected):
    assert claims_read(text) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "In Talgar, the mother of Nurbol and Yerlan Seitkali, brothers aged 19 and 22, "
            "reported them missing on 7 January.",
            "en",
            [("Seitkali", "Nurbol", "missing"), ("Seitkali", "Yerlan", "missing")],
        ),
        ("[00:00:48] ASET: Eleven days, in the temporary detention centre.", "en", []),
        (
            "17.01.2022, 14:05 - Дина Ахметова: В нашем списке пропавших без вести остаётся "
            "пятеро.",
            "ru",
            [],
        ),
        ("По Петропавлу погибших по официальным данным трое.", "ru", []),
        (
            "Седьмой погибший — житель Аральска Бекзат Иманов, 29 лет.",
            "ru",
            [("Иманов", "Бекзат", "killed")],
        ),
        (
            "Суд вынес оправдательный приговор в отношении Тлеубаевой С.Б., обвинявшейся в "
            "участии в беспорядках. Тлеубаева С.Б. находилась под домашним арестом.",
            "ru",
            [("Тлеубаева", "С.", "charged")],
        ),
        (
            "Таразский суд признал виновным Кенжебаева Ерлана Муратовича.",
            "ru",
            [("Кенжебаев", "Ерлан", "convicted")],
        ),
    ],
)
def test_siblings_chat_senders_places_and_women_named_by_initials(text, language, expected):
    assert persons_read(text, language) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Восьмерым предъявлено обвинение; в отношении двоих из них мера пресечения изменена "
            "на домашний арест.",
            [(8, "exact", "prosecuted"), (2, "exact", "custody")],
        ),
        ("Жаралылардың саны 180-нен асады.", [(180, "more_than", "injured")]),
        ("На митинг вышли почти две тысячи человек.", [(2000, "nearly", None)]),
        (
            "Our monitors interviewed 52 former detainees this quarter.",
            [(52, "exact", None)],
        ),
        (
            "As for the missing, we have established the whereabouts of five people.",
            [(5, "exact", None)],
        ),
        ("104 persons received real terms of imprisonment.", [(104, "exact", "prosecuted")]),
        ("Түнгі он бірлер шамасында алғашқы жаралыларды әкеле бастады.", []),
    ],
)
def test_measures_changed_counts_of_the_wounded_interviews_and_whereabouts(text, expected):
    assert claims_read(text) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "– Досымов Ерлан Қайратұлы, 1985 жылы туған, 7 қаңтарда қайтыс болды;",
            "kk",
            [("Досымов", "Ерлан", "killed")],
        ),
        (
            "Коллектив сообщает о трагической гибели машиниста Кайрата Жумабековича Есенжолова.",
            "ru",
            [("Есенжолов", "Кайрат", "killed")],
        ),
        (
            "21 января 2022 года Сейткалиеву Е.Б. предъявлено обвинение.",
            "ru",
            [("Сейткалиев", "Е.", "charged")],
        ),
        (
            "В Кентау отпустили домой 62-летнего пенсионера Марата Искакова, задержанного 8 "
            "января, по словам родных, по ошибке.",
            "ru",
            [("Искаков", "Марат", "detained")],
        ),
        (
            "В Алматы продолжается суд над политиком Жанболатом Мамаем, пишут СМИ.",
            "ru",
            [("Мамай", "Жанболат", "charged")],
        ),
        (
            "Мурат Абдирайым, чей 19-летний сын погиб в январе, считает, что следствие не "
            "доказало вины сына.",
            "ru",
            [],
        ),
        (
            "QUESTION (Ruslan Temirbekov, Qaraghandy Online): Can you name the officer who died?",
            "en",
            [],
        ),
    ],
)
def test_surnames_first_patronymics_datives_asides_and_whose_son(text, language, expected):
    assert persons_read(text, language) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The akimat said that about 5,000 people took part in the protests, but the police "
            "have never published a detention figure.",
            [(5000, "about", None)],
        ),
        ("На площадь тогда вышло тысячи полторы человек.", [(1500, "exact", None)]),
        (
            "Сейчас под следствием 23 человека, восемь уже осуждены.",
            [(23, "exact", "prosecuted"), (8, "exact", "prosecuted")],
        ),
        (
            "Соттар екі жүзге жуық адамды әкімшілік қамауға алды.",
            [(200, "nearly", "prosecuted")],
        ),
        (
            "Олардың 17-сі босатылды, екеуі қамауда қайтыс болды.",
            [(17, "exact", "released"), (2, "exact", "dead")],
        ),
        (
            "On the other side, 22 defendants told the court they had been beaten.",
            [(22, "exact", None)],
        ),
        ("He was detained outside his flat at 16 Metallurgov Avenue.", []),
        ("У здания по ул. Сатпаева, 104 собралось около 600 человек.", [(600, "about", None)]),
        ("Хромтау тұрғындарының бір бөлігі туыстарын әлі іздеп жүр.", []),
    ],
)
def test_who_took_part_under_investigation_died_in_custody_and_addresses(text, expected):
    assert claims_read(text) == expected


def test_a_heading_gives_its_fate_to_the_list_under_it():
    text = (
        "Задержаны по подозрению в участии в массовых беспорядках:\n"
        "1) Абдрахманов Ж.Б., 1988 г.р., не работает;\n"
        "2) Кульбаев Е.С., 1995 г.р., водитель;\n\n"
        "Обстановка в городе спокойная. Адвокат Ерлан Сапаров провёл брифинг."
    )
    assert persons_read(text, "ru") == [
        ("Абдрахманов", "Ж.", "detained"),
        ("Кульбаев", "Е.", "detained"),
    ]


def test_a_kazakh_list_item_then_what_happened_with_its_date_first():
    text = (
        "1. Әлімжанов Б., 2002 ж.т., студент. 6 қаңтарда алаңнан алып кетті.\n\n"
        "2. Байжанов Ерлан, 1990 ж.т., құрылысшы. 6 қаңтарда ұсталды."
    )
    assert persons_read(text, "kk") == [
        ("Әлімжанов", "Б.", "detained"),
        ("Байжанов", "Ерлан", "detained"),
    ]


def test_among_whom_and_one_of_those_detained():
    assert claims_read(
        "Согласно официальным данным, 232 человека, среди которых 19 сотрудников силовых "
        "структур, были убиты."
    )[0] == (232, "exact", "dead")
    assert persons_read(
        "Nazira Zhylqyshynova, the mother of 24-year-old dentist Nursultan Sultanov, one of "
        "those detained and on hunger strike, told RFE/RL that the conditions were bad.",
        "en",
    ) == [("Sultanov", "Nursultan", "detained")]


def test_streets_in_general_are_no_address():
    assert claims_read("На улицах города 300 человек были задержаны.") == [
        (300, "exact", "custody")
    ]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # a ticker in capitals: the names in ordinary case, not the abbreviations or the village
        (
            "14.01 16:45 | ПОЛИЦЕЙСКИЙ НУРЖАН КАЛИЕВ, РАНЕННЫЙ 5 ЯНВАРЯ, ПЕРЕВЕДЁН ИЗ РЕАНИМАЦИИ",
            "ru",
            [("Калиев", "Нуржан", "injured")],
        ),
        (
            "08.01 13:25 | ЖИТЕЛЬ С. САРЫБУЛАК ДАУРЕН ОМИРБЕКОВ, ЗАДЕРЖАННЫЙ 6 ЯНВАРЯ, ОСВОБОЖДЁН",
            "ru",
            [("Омирбеков", "Даурен", "detained")],
        ),
        (
            "Находящийся в СИЗО Жанболат Мамай — о протестах. В марте Жанболата Мамая "
            "арестовали по подозрению в распространении ложной информации.",
            "ru",
            [("Мамай", "Жанболат", "arrested")],
        ),
        # named a suspect, and the other accused of a case
        (
            "Айгуль Ахметова признана подозреваемой по делу о массовых беспорядках.",
            "ru",
            [("Ахметова", "Айгуль", "charged")],
        ),
        (
            "Айгерім Тілеужанова 272-бап бойынша күдікті деп танылды.",
            "kk",
            [("Тілеужанова", "Айгерім", "charged")],
        ),
        (
            "Істің басқа да фигуранттары Қалас Нұрпейісов, Нұрлан Дәлібаев және Ермұхамет "
            "Шилібаев болды.",
            "kk",
            [
                ("Нұрпейісов", "Қалас", "charged"),
                ("Дәлібаев", "Нұрлан", "charged"),
                ("Шилібаев", "Ермұхамет", "charged"),
            ],
        ),
        # a volunteers' notice: the heading tells of the numbered list under it
        (
            "🔴 ИЩЕМ:\n\n1. БЕКЕНОВ Арман Талгатович, 1996 г.р. Ушёл из дома утром 6 января."
            "\n\n2. МУХТАРОВ Ильяс, 17 лет. 7 января поехал к брату и не доехал.",
            "ru",
            [("Бекенов", "Арман", "missing"), ("Мухтаров", "Ильяс", "missing")],
        ),
        (
            "Ғалымжан Исатайұлы әлі аудандық ауруханада жатыр.",
            "kk",
            [("Исатайұлы", "Ғалымжан", "injured")],
        ),
    ],
)
def test_tickers_in_capitals_suspects_notices_and_the_accused_of_a_case(text, language, expected):
    assert persons_read(text, language) == expected


def test_a_lists_item_numbers_are_not_figures():
    text = "Итоги:\n1. Задержаны 40 человек.\n2. Ранены 7 человек.\n3. Погибших нет."
    assert claims_read(text) == [(40, "exact", "custody"), (7, "exact", "injured")]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # a role before the name is not part of it; how people were hurt or died
        (
            "Paramedic Aliya Zhanserikova of Crew 3 was struck on the head by a stone.",
            "en",
            [("Zhanserikova", "Aliya", "injured")],
        ),
        (
            "Paramedic Daulet Yessengaliyev was treated for a shrapnel wound to the forearm.",
            "en",
            [("Yessengaliyev", "Daulet", "injured")],
        ),
        (
            "Timur Abdrakhmanov was not detained but was badly beaten in the crowd.",
            "en",
            [("Abdrakhmanov", "Timur", "injured")],
        ),
        (
            "Two patients were pronounced dead at the scene. One of them, Mr Yerzhan Mukhitov, "
            "52, has since been named.",
            "en",
            [("Mukhitov", "Yerzhan", "killed")],
        ),
        # two named together with a title between them, and charges faced
        (
            "Карим Масимов и бывший его заместитель Ануар Садыкулов обвиняются по статьям о "
            "государственной измене.",
            "ru",
            [("Масимов", "Карим", "charged"), ("Садыкулов", "Ануар", "charged")],
        ),
        (
            "His deputy Anuar Sadikulov, and another former deputy, Daulet Ergozhin, were "
            "sentenced to 16 and 15 years.",
            "en",
            [("Sadikulov", "Anuar", "convicted"), ("Ergozhin", "Daulet", "convicted")],
        ),
        (
            "General Samat Abish faces allegations of abuse of power.",
            "en",
            [("Abish", "Samat", "charged")],
        ),
        # a court's schedule names its defendants after a label
        (
            "10:00, зал № 1. Подсудимые: Тасбулатов Ерлан Кайратович, 1988 г.р., Рахимов "
            "Ильяс Айдарович, 1990 г.р. Обвинение: ч. 2 ст. 272 УК РК.",
            "ru",
            [("Тасбулатов", "Ерлан", "charged"), ("Рахимов", "Ильяс", "charged")],
        ),
        # fate words in a title-case heading are no name
        (
            "Missing Persons: Aliya Serikova has not been heard from since 6 January.",
            "en",
            [("Serikova", "Aliya", "missing")],
        ),
        # a bruise received, and an organisation's name is no person
        (
            "Серикжан Шонкабаев, старший сержант полиции, держал позицию. В беспорядках он "
            "получил ушиб голеностопа.",
            "ru",
            [("Шонкабаев", "Серикжан", "injured")],
        ),
        (
            "The Committee to Protect Journalists said today that Aliya Serikova was detained.",
            "en",
            [("Serikova", "Aliya", "detained")],
        ),
        # a man's surname written first, in the genitive
        (
            "Наиболее подробно — от Калиева Бауыржана, 34 года. Задержан 7 января у себя дома.",
            "ru",
            [("Калиев", "Бауыржан", "detained")],
        ),
    ],
)
def test_roles_before_names_hurts_deaths_and_a_genitive_surname_first(text, language, expected):
    assert persons_read(text, language) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a document's parts, a time of day, sheets and a sum are not counts of people
        ("The footnote 22 points to a statement on the dead.", []),
        ("- Figure 1 has no units on the axis showing the missing.", []),
        ("Доставлен из изолятора 7 января в 23 ч 40 мин сотрудниками полиции.", []),
        ("Приложение: копия приговора на 18 листах.", []),
        ("Қорына 1 миллион 240 мың теңге садақа жиналды.", []),
        # students are people; let off with an administrative penalty is prosecuted
        ("Екі студентке қылмыстық іс бойынша айып тағылды.", [(2, "exact", "prosecuted")]),
        (
            "Ұсталған қандастардың 11-і әкімшілік жазамен — айыппұлмен немесе қамаумен — құтылды.",
            [(11, "exact", "prosecuted")],
        ),
    ],
)
def test_document_parts_times_sums_students_and_administrative_penalties(text, expected):
    assert claims_read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a statistical line: the label's fate however long it is, the figure after the dash
        (
            "Раздел 1\n– освобождены без составления протокола или без предъявления подозрения "
            "— 61 (33,2%);\n",
            [(61, "exact", "released")],
        ),
        (
            "Всего в подразделения полиции г. Приозёрск доставлено 184 человека.",
            [(184, "exact", "custody")],
        ),
        ("Привлечено к административной ответственности — 52 лица.", [(52, "exact", "prosecuted")]),
        # who sought medical help were hurt
        (
            "По данным больниц, за медицинской помощью с телесными повреждениями, полученными в "
            "период событий, обратились 12 человек.",
            [(12, "exact", "injured")],
        ),
        # a table's heading names the fate of the rows under it
        (
            "4.1-кесте. Ұсталғандар саны, күндер бойынша\n\n5 қаңтар — 12 адам\n6 қаңтар — 27 "
            "адам\nБарлығы — 39 адам\n\nЕскерту. Деректер нақтыланады.",
            [(12, "exact", "custody"), (27, "exact", "custody"), (39, "exact", "custody")],
        ),
        # people a case or a court's penalty is against are prosecuted
        (
            "Аудан бойынша тоғыз адамға қатысты қылмыстық іс сотқа жолданған.",
            [(9, "exact", "prosecuted")],
        ),
        (
            "Of those 587, 402 have been released, and courts have handed down administrative "
            "arrests to 131.",
            [(402, "exact", "released"), (131, "exact", "prosecuted")],
        ),
        # a fine counted in monthly calculation indices is a sum
        ("Сот оған 50 айлық есептік көрсеткіш мөлшерінде айыппұл салды.", []),
        # held accountable is prosecuted, placed in a reception centre is custody
        (
            "Since then, 33 officials were held accountable for torture.",
            [(33, "exact", "prosecuted")],
        ),
        (
            "44 victims of torture had been placed in a special reception center.",
            [(44, "exact", "custody")],
        ),
    ],
)
def test_statistical_lines_medical_help_and_a_tables_heading(text, expected):
    assert claims_read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # relatives with a fate of their own are counted with it
        ("5 родственников задержаны.", [(5, "exact", "custody")]),
        ("Ещё 3 родственника ранены.", [(3, "exact", "injured")]),
        ("Ұсталғандардың 30 туысы ұсталды.", [(30, "exact", "custody")]),
        ("Police detained 5 relatives of the dead.", [(5, "exact", "custody")]),
        # a table's heading right under the title
        (
            "Аудандық штабтың ақпараты\n\n2-кесте. Ұсталғандар саны, күндер бойынша\n\n"
            "5 қаңтар — 14 адам\n6 қаңтар — 22 адам\nБарлығы — 36 адам",
            [(14, "exact", "custody"), (22, "exact", "custody"), (36, "exact", "custody")],
        ),
        # a headline over its dateline is no table's heading
        (
            "Освобождены задержанные журналисты\n\nАЛМАТЫ, 10 января — 15 человек вышли к "
            "зданию суда с плакатами.",
            [(15, "exact", None)],
        ),
        # force used against people is no case against them; "іс-шаралар" are events
        ("In many cases, police used force against 30 protesters.", []),
        ("Бес адамға қатысты іс-шаралар өткізілді.", [(5, "exact", None)]),
        # who came after the wounded were taken away sought no medical help
        ("После того как раненых увезли, в акимат обратились 12 человек.", [(12, "exact", None)]),
        # "figures" is no figure number
        ("Official figures 225 killed.", [(225, "exact", "dead")]),
        ("Итоги дня:\n1. Задержаны в центре.\n2. Ранены у акимата.", []),
        # both of the two just named, in any case, is no count
        ("Екеуіне де жаппай тәртіпсіздікке қатысты айып тағылды.", []),
    ],
)
def test_what_the_rules_for_families_headings_cases_and_help_do_not_read(text, expected):
    assert claims_read(text, learned=False) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Мы ищем адвоката для Жанболата Мамая.", "ru", []),
        ("Aliya Serikova was struck by the silence in the city.", "en", []),
        (
            "В январе 2022 г. Тасбулатов Ерлан Кайратович был задержан.",
            "ru",
            [("Тасбулатов", "Ерлан", "detained")],
        ),
        ("Председатель КНБ Карим Масимов задержан.", "ru", [("Масимов", "Карим", "detained")]),
    ],
)
def test_what_the_rules_for_notices_blows_villages_and_capitals_do_not_read(
    text, language, expected
):
    assert persons_read(text, language) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "бірден" is "at once", "бір айдың ішінде" a month: neither counts anyone
        (
            "Ауылда екі жігіт қаза тапты. Бұл сандар бірден анық болған жоқ.",
            [(2, "exact", "dead")],
        ),
        ("Ұсталғандардың 9-ы бір айдың ішінде босатылды.", [(9, "exact", "released")]),
        # each Kazakh participle is of the count right after it, in a list
        (
            "Кітапқа жараланған бес адамның және қаза тапқан үш жігіттің естеліктері енді.",
            [(5, "exact", "injured"), (3, "exact", "dead")],
        ),
        # zero is no figure
        ("Возбуждено уголовных дел: 0", []),
        # returned home from custody is released
        (
            "Задержаны 15 человек, шестеро из них возвращены домой.",
            [(15, "exact", "custody"), (6, "exact", "released")],
        ),
        (
            "Ауылдан 15 адам ұсталды, оның алтауы үйіне қайтарылды.",
            [(15, "exact", "custody"), (6, "exact", "released")],
        ),
        # an investigation against those a numeral counts: they are suspects
        (
            "В отношении троих ведётся досудебное расследование.",
            [(3, "exact", "prosecuted")],
        ),
    ],
)
def test_kazakh_adverbs_lists_of_participles_zero_home_and_investigations(text, expected):
    assert claims_read(text, learned=False) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a military unit's number is no count
        ("Установить число пострадавших военнослужащих в/ч 5517 и сообщить родителям.", []),
        # a table row's number, after the row's opening bar
        ("| 4 | Жаксылыков Серик | Серік Жақсылықов | задержан 06.01, в СИЗО |", []),
        # a doctor's note tells injuries; ribs broken are no one
        (
            "Осмотрено 6 задержанных, у двоих — ссадины и гематомы.",
            [(6, "exact", "custody"), (2, "exact", "injured")],
        ),
        (
            "Задержаны 9 человек. На теле одного обнаружены гематомы и перелом двух рёбер.",
            [(9, "exact", "custody")],
        ),
    ],
)
def test_units_rows_doctors_notes_and_ribs(text, expected):
    assert claims_read(text, learned=False) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a number written again in words, in brackets, is the one number
        (
            "Of the students, 6 (six) were detained, of whom 4 (four) have been released.",
            [(6, "exact", "custody"), (4, "exact", "released")],
        ),
        # other brackets after a number are no such thing
        (
            "Семеро осуждены по статье 272 («Массовые беспорядки») УК.",
            [(7, "exact", "prosecuted")],
        ),
        # a sum in monthly calculation indices, written again in words
        (
            "Семьям 3 погибших выплачено по 200 (двести) месячных расчётных показателей.",
            [(3, "exact", "dead")],
        ),
        # "came home" of many, from custody
        (
            "Задержаны восемь молодых людей. Шестеро уже вернулись домой.",
            [(8, "exact", "custody"), (6, "exact", "released")],
        ),
        # a quoted figure of four words, with its qualifier
        ("Пишут, что погибли «не меньше двадцати человек».", [(20, "at_least", "dead")]),
        # reports of disappearances count the missing
        (
            "В журнале зарегистрировано 5 (пять) заявлений о безвестном исчезновении.",
            [(5, "exact", "missing")],
        ),
    ],
)
def test_numbers_written_again_quoted_and_reports_of_the_missing(text, expected):
    assert claims_read(text, learned=False) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The district hospital said it had treated 14 people from the village.",
            [(14, "exact", "injured")],
        ),
        (
            "Nine fishermen drove to the rally. By morning all nine were in the police station.",
            [(9, "exact", "custody")],
        ),
        (
            "Nine were convicted; four went home from the courtroom.",
            [(9, "exact", "prosecuted"), (4, "exact", "released")],
        ),
    ],
)
def test_treated_at_the_police_station_and_home_from_the_courtroom(text, expected):
    assert claims_read(text, learned=False) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a school class is no count
        (
            "С. Т. Омаров, 8 «Б» сынып оқушысының әкесі: «Менің інім Ерлан Омаров 5 қаңтарда "
            "алаңда басынан жарақат алды».",
            [],
        ),
        # "емес": a number denied is no figure
        ("Ұсталған адам бір емес, ол туралы хабар жоқ.", []),
    ],
)
def test_school_classes_and_numbers_denied(text, expected):
    assert claims_read(text, learned=False) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ауылдан он бір жігіт ұсталды. Олардың жетеуі бір аптадан соң үйлеріне қайтты.",
            [(11, "exact", "custody"), (7, "exact", "released")],
        ),
        (
            "Ауылдан жеті жігіт ұсталды, бесеуі бір аптаның ішінде босап келді.",
            [(7, "exact", "custody"), (5, "exact", "released")],
        ),
    ],
)
def test_kazakh_home_again_after_a_week(text, expected):
    assert claims_read(text, learned=False) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Қатысқандар: 14 адам. Төраға – Б. Жұмағұлов.",
        "Присутствовали: 11 членов инициативной группы.",
        "Present: 9 of 11 board members.",
    ],
)
def test_those_present_at_a_meeting_are_no_figure(text):
    assert claims_read(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("В полицию доставили 714 правонарушителей.", [(714, "exact", "custody")]),
        (
            "На свободу могут выйти порядка 1 500 человек.",
            [(1500, "about", "released")],
        ),
        ("Около 300 человек выйдут на свободу по амнистии.", [(300, "about", "released")]),
        ("125 criminal investigations were launched.", [(125, "exact", None)]),
    ],
)
def test_brought_to_the_police_let_out_and_investigations_opened(text, expected):
    assert claims_read(text, learned=False) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a column of the week's numbers: the figure alone on its line, what it counts below
        (
            "23\nАудандық ауруханаға жеткізілген жаралылар.\n\n"
            "41\nАудандық полиция бөлімі ұстаған адамдар саны.",
            [(23, "exact", "injured"), (41, "exact", "custody")],
        ),
        ("1,250\nPeople detained in the region, police figures.", [(1250, "exact", "custody")]),
        # a diary's date over its entry is no figure
        ("7 қаңтар\nБізді 5 адамды бір көлікпен әкелді.", []),
        # nor a total closing a row of dots: it is not what the next row counts
        ("Released .. 5\nSentenced by a court", [(5, "exact", "released")]),
    ],
)
def test_a_figure_alone_on_its_line_counts_what_the_line_below_says(text, expected):
    assert claims_read(text, learned=False) == expected


def test_a_summary_table_with_dots_between_label_and_figure_is_read_row_by_row():
    text = (
        "SUMMARY BY STATUS (01.03)\n"
        "Pre-trial detention, SIZO ........... 3   (SH-01, 02, 06)\n"
        "House arrest ......................... 1   (SH-05)\n"
        "Released on pledge not to leave ...... 2   (SH-07, 08)\n"
        "Died in custody ...................... 1   (SH-14)\n"
        "Injured in detention ................. 2   (SH-02, 06)\n"
        "Whereabouts unknown .................. 1   (SH-12)\n"
    )
    assert claims_read(text, learned=False) == [
        (3, "exact", "custody"),
        (1, "exact", "custody"),
        (2, "exact", "released"),
        (1, "exact", "dead"),
        (2, "exact", "injured"),
        (1, "exact", "missing"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("— Жағдайы белгісіз: 35 студент.", [(35, "exact", "missing")]),
        ("— Ұсталғандар: 1 студент (ата-анасы хабарлады).", [(1, "exact", "custody")]),
        ("Задержаны: более 40 человек.", [(40, "more_than", "custody")]),
        # a label of those who took part is still no fate
        ("Қатысқандар: 14 адам.", []),
    ],
)
def test_a_fate_as_a_label_before_a_colon_counts_the_figure_right_after_it(text, expected):
    assert claims_read(text, learned=False) == expected


def test_a_tables_header_gives_the_fate_of_each_column_below_it():
    text = (
        "Date  | Staff | At work | Detained | Injured | Killed\n"
        "------|-------|---------|----------|---------|-------\n"
        "05.01 | 236   | 171     | 2        | –       | –\n"
        "06.01 | 236   | 148     | 3        | 1       | –\n"
        "Note: 236 staff in all.\n"
        "07.01 | 236   | 190     | 4\n"
    )
    assert claims_read(text, learned=False) == [
        (2, "exact", "custody"),
        (3, "exact", "custody"),
        (1, "exact", "injured"),
    ]


def test_a_kazakh_sentence_of_administrative_arrest_is_a_penalty():
    text = "Соттар осы аптада кемінде 250 адамға әкімшілік қамау жазасын берді."
    assert claims_read(text, learned=False) == [(250, "at_least", "prosecuted")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A 500-strong crowd that gathered on Jan. 5 dispersed peacefully.",
            [(500, "exact", None)],
        ),
        # forces deployed are no figure
        ("A 40-strong police unit was deployed.", []),
    ],
)
def test_a_crowd_so_many_strong_is_counted(text, expected):
    assert claims_read(text, learned=False) == expected


def test_a_lists_row_numbers_lined_up_before_the_names_are_no_figures():
    text = (
        "№   Ф.И.О.                              Г.р.   Принятое решение\n"
        "1   АБЕНОВ Ержан Муратович              1994   задержан, водворён в ИВС\n"
        "2   КАРИМОВА Айгуль Сериковна           2001   отпущена\n"
        "Всего задержано 17 человек.\n"
    )
    assert claims_read(text, learned=False) == [(17, "exact", "custody")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police officers took away two patients for questioning.", [(2, "exact", "custody")]),
        ("Двое помещены в ИВС г. Кокшетау.", [(2, "exact", "custody")]),
        ("Eleven people were admitted to hospital.", [(11, "exact", "injured")]),
        # a figure over its words: the district's police, not twelve districts
        (
            "12\nАудан полициясы қаңтардың 5-7-сі аралығында ұстаған тұрғындар.",
            [(12, "exact", "custody")],
        ),
        # ... where "12 аудан" on one line is still twelve districts
        ("Облыстың 12 ауданында 40 адам ұсталды.", [(40, "exact", "custody")]),
    ],
)
def test_taken_away_put_in_a_cell_admitted_and_a_figure_over_its_words(text, expected):
    assert claims_read(text, learned=False) == expected


def test_what_a_figure_alone_on_its_line_counts_is_told_without_the_line_break():
    found = extract("23\nАудандық ауруханаға жеткізілген жаралылар.", language="kk", learned=False)
    assert [(c.value, c.counted) for c in found.claims] == [
        (23, "Аудандық ауруханаға жеткізілген жаралылар")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a sentence wrapped across lines reads as one
        (
            "By the evening the regional health department said that eleven people were\n"
            "admitted to hospital and two of them remain in intensive care.",
            [(11, "exact", "injured"), (2, "exact", "injured")],
        ),
        # a record's next field is no wrap: "mainText" does not go on "titleText"
        (
            "titleText: Region: 14 criminal cases, 9 people in custody, prosecutor says\n"
            "mainText: The regional prosecutor's office says 9 people are being held.",
            [(14, "exact", None), (9, "exact", "custody")],
        ),
        # a row's figure ends its line, a heading its own: no wrap before the next
        (
            "Оның ішінде: қамауға алынғандар — 3, үйқамаққа алынғандар — 2\n"
            "Сотталғандар (2022 жылғы 1 желтоқсандағы жағдай бойынша) — 4",
            [(3, "exact", "custody"), (2, "exact", "custody"), (4, "exact", "prosecuted")],
        ),
    ],
)
def test_a_sentence_wrapped_across_lines_is_read_whole(text, expected):
    assert claims_read(text, learned=False) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a table laid out with spaces, and a bar chart: the label says what the figure counts;
        # a change since the last count ("+3", "-5") is no figure of its own
        (
            "Admitted with event-related injuries (cumulative)    64        +3\n"
            "Died in hospital                                      2         0\n"
            "Outpatient consultations, injuries, not admitted    ~30        +2\n",
            [(64, "exact", "injured"), (2, "exact", "dead"), (30, "about", "injured")],
        ),
        (
            "Лишение свободы                  41  ████████████████████\n"
            "Ограничение свободы             33  ████████████████\n"
            "Штраф                            8  ████\n",
            [(41, "exact", "prosecuted"), (33, "exact", "prosecuted"), (8, "exact", "prosecuted")],
        ),
        # a column headed with money holds sums, not people, even a fine's
        (
            "| № | Должник          | Положение                        | Взыскано, тенге |\n"
            "| 2 | Сухоруков П. А.  | отбывает 4 года лишения свободы  | 96 800          |\n",
            [],
        ),
        (
            "| № | Фамилия             | Положение       | Штраф, тенге |\n"
            "| 1 | Жумабаев Ерлан      | оштрафован      | 61 260       |\n",
            [],
        ),
    ],
)
def test_tables_laid_out_with_spaces_bar_charts_and_a_money_column(text, expected):
    assert claims_read(text, learned=False) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a sum in figures, then in words in brackets, then its currency
        (
            "Айыпталушылардан 47 812 300 (қырық жеті миллион сегіз жүз он екі мың үш жүз) "
            "теңге өндіріп алу сұралады.",
            [],
        ),
        ("Бүгінге дейін 112 адам қан тапсырды, 41 литрге жуық қан жиналды.", []),
        # a father of three, the number first in Kazakh
        ("Үш баланың әкесі Болат Ерменбай 5 қаңтарда қаза тапқан.", []),
        # a village's population, and a paragraph's number
        ("Кетпенде 4 мыңға жуық адам тұрады —\nсан туралы анықтамада әкімдіктің дерегін алу.", []),
        ("CORRECTS number detained in paragraph 1 to 34.", [(34, "exact", "custody")]),
        # those present at a meeting, who they are told before a dash
        ("Қатысқандар: аппарат қызметкерлері – 9 адам; шақырылғандар: инспектор.", []),
        # a count right after a date's month is no day of it
        (
            "As of 1 February 146 people had been detained, and 128 of them released.",
            [(146, "exact", "custody"), (128, "exact", "released")],
        ),
        # an age after "the youngest … is"
        ("The youngest of those still held is 17.", []),
        # troops brought in are no victims
        ("В село введены около 150 военнослужащих Национальной гвардии, акимат молчит.", []),
        # "тоқсан" is ninety, and a quarter of the year
        ("Рақымшылық бойынша тоқсан ішінде жазадан 5 адам босатылды.", [(5, "exact", "released")]),
        # a report picked up by outlets; workers who held a sit-in
        ("The report has been picked up by at least 6 outlets in Europe.", []),
        (
            "About 600 employees of the mine held a sit-in outside the akimat.",
            [(600, "about", None)],
        ),
    ],
)
def test_sums_litres_a_father_of_three_a_population_and_other_numbers_of_no_victims(text, expected):
    assert claims_read(text, learned=False) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Олардың үшеуі тергеу изоляторында, екеуі кетпеу туралы жазбаша міндеттеме берген.",
            [(3, "exact", "custody"), (2, "exact", "released")],
        ),
        ("The court jailed them: 11 men jailed for 10-15 days.", [(11, "exact", "prosecuted")]),
        (
            "Районным судом административно арестованы 23 человека.",
            [(23, "exact", "prosecuted")],
        ),
        ("Үш адам ауыр жағдайда жатыр.", [(3, "exact", "injured")]),
        ("Бүгін сіздің алдыңызда 6 сотталушы отыр.", [(6, "exact", "prosecuted")]),
        ("В январе в отдел было доставлено около 90 человек.", [(90, "about", "custody")]),
        ("Дәрігерге қаралғандар — 60-қа жуық.", [(60, "nearly", "injured")]),
        (
            "Six people had been treated at the district hospital.",
            [(6, "exact", "injured")],
        ),
        ("Кемінде алты адам қамауда азаптаудан көз жұмды.", [(6, "at_least", "dead")]),
        (
            "Кем дегенде 9 адам ұстау кезінде ұрып-соғылғаны туралы шағым берген.",
            [(9, "at_least", None)],
        ),
        # a part of a whole told before: the eighteen are not counted again
        ("Девять из восемнадцати позже освобождены по амнистии.", [(9, "exact", "released")]),
        # ... but cases are: "одно из двух таких дел"
        ("Это одно из двух таких дел.", [(2, "exact", None)]),
        (
            "Обвинение предъявлено четырём из пяти арестованных.",
            [(4, "exact", "prosecuted"), (5, "exact", "custody")],
        ),
    ],
)
def test_a_pledge_an_abbreviated_arrest_a_serious_condition_and_a_death_in_custody(text, expected):
    assert claims_read(text, learned=False) == expected


def test_a_change_since_the_last_count_is_no_figure_and_what_a_row_counts_has_one_space():
    text = (
        "Admitted with injuries since 4 Jan          17        +2\n"
        "Died in hospital                             1         0\n"
    )
    found = extract(text, language="en", learned=True)
    assert [(c.value, c.fate_group, c.counted) for c in found.claims] == [
        (17, "injured", "Admitted with injuries since 4 Jan"),
        (1, "dead", "Died in hospital"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # in a serious condition, not "cases" ("жағдай")
        ("Ауруханаға 6 адам жеткізілді, оның екеуі ауыр жағдайда.", [(2, "injured", None)]),
        ("Аудан бойынша 12 жағдай тіркелді.", [(12, None, None)]),
        # a case reviewed is no revised figure; a figure revised is
        ("Девять задержанных позже освобождены после пересмотра дела.", [(9, "released", None)]),
        ("Цифра пересмотрена: задержаны 17 человек.", [(17, "custody", "revised")]),
    ],
)
def test_a_serious_condition_and_a_case_reviewed(text, expected):
    found = extract(text, published=PUBLISHED, learned=False)
    assert [(c.value, c.fate_group, c.status) for c in found.claims] == expected


def test_a_table_drawn_with_box_drawing_characters_is_read_as_one_with_bars_quoted_as_given():
    text = (
        "│ Күні  │ Ұсталғандар │ Жасы │\n"
        "├───────┼─────────────┼──────┤\n"
        "│ 05.01 │ 12          │ 24   │\n"
    )
    found = extract(text, language="kk", published=PUBLISHED, learned=False)
    # the age column is no count of people; the quote is the row as the text gives it
    assert [(c.value, c.fate_group, c.quote) for c in found.claims] == [
        (12, "custody", "│ 05.01 │ 12          │ 24   │")
    ]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # a header laid out with spaces names its columns: a share is no count
        (
            "Table. Presentations, 5–8 January 2022\n"
            "  Category                          n     %\n"
            "  Blunt trauma                     24    51\n"
            "  Gunshot wound                     9    19\n",
            "en",
            [(24, "exact", "injured"), (9, "exact", "injured")],
        ),
        # ... two columns too; a form's fields laid out with spaces are no header
        (
            "  Статья УК            осуждено\n  ст. 272 ч. 2              9\n",
            "ru",
            [(9, "exact", "prosecuted")],
        ),
        (
            "Name:          Aigerim Abenova (sister of the disappeared person)\n"
            "Telephone:     +7 705 318 44 27\n",
            "en",
            [],
        ),
        # a cell wrapped onto the next line is no header; a cell's own words say its fate
        (
            "| Дата       | Подсудимые                           |\n"
            "|------------|--------------------------------------|\n"
            "| 18.05.2022 | всего 5 подсудимых, трое под стражей |\n"
            "|            | (оба содержатся под стражей)         |\n"
            "| 19.05.2022 | 4                                    |\n",
            "ru",
            [(5, "exact", "prosecuted"), (3, "exact", "custody"), (4, "exact", "prosecuted")],
        ),
    ],
)
def test_headers_laid_out_with_spaces_and_cells_wrapped(text, language, expected):
    found = extract(text, language=language, published=PUBLISHED, learned=False)
    assert [(c.value, c.qualifier, c.fate_group) for c in found.claims] == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Eleven were admitted and 36 were treated and sent home. Nine had a gunshot wound. "
            "By morning three of them were dead and nine were in police cells.",
            "en",
            [
                (11, "exact", "injured"),
                (36, "exact", "injured"),
                (9, "exact", "injured"),
                (3, "exact", "dead"),
                (9, "exact", "custody"),
            ],
        ),
        (
            "Аудан аумағында 40-қа жуық адамды бөлімге жеткізді. Ауруханаға жеткізілгені — 9 адам. "
            "12 адамның қайда екені анықталды.",
            "kk",
            [(40, "nearly", "custody"), (9, "exact", "injured"), (12, "exact", None)],
        ),
        (
            "Из посёлка в РОВД свезли не менее 20 человек.",
            "ru",
            [(20, "at_least", "custody")],
        ),
        ("Сот 58 адамға әкімшілік қамау қолданған.", "kk", [(58, "exact", "prosecuted")]),
        # one of them, when what happened to the one follows; not one named after it
        (
            "Three patients were transferred to Kostanay, and one of them died there on 9 January.",
            "en",
            [(1, "exact", "dead")],
        ),
        (
            "Трое задержаны, один из них скончался в больнице.",
            "ru",
            [(3, "exact", "custody"), (1, "exact", "dead")],
        ),
        (
            "Four were detained. One of them, Daniyar Omarov, 29, was released.",
            "en",
            [(4, "exact", "custody")],
        ),
        # a part of a whole told in words; investigations are cases
        (
            "Sixteen were charged. Twelve of the sixteen were convicted by the court.",
            "en",
            [(16, "exact", "prosecuted"), (12, "exact", "prosecuted")],
        ),
        (
            "The prosecutor said 48 such investigations into missing persons were opened.",
            "en",
            [(48, "exact", None)],
        ),
        # a label goes on past brackets that name no fate of their own
        (
            "   — жарақатпен (соққы, кесілген жара, көзге газ тию) — 41 адам;",
            "kk",
            [(41, "exact", "injured")],
        ),
        (
            "Из числа задержанных к административной ответственности привлечены 37 человек "
            "(арест на срок от 5 до 15 суток), к уголовной – шестеро.",
            "ru",
            [(37, "exact", "prosecuted")],
        ),
    ],
)
def test_medical_words_a_police_station_and_one_of_them(text, language, expected):
    found = extract(text, language=language, published=PUBLISHED, learned=False)
    assert [(c.value, c.qualifier, c.fate_group) for c in found.claims] == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # the hour, not seven people
        ("Ответ: Около семи вечера у пункта собралось, я думаю, много людей.", "ru"),
        ("В главе два автор пишет о задержанных.", "ru"),
        ("В интервью номер одиннадцать задержанный рассказал о побоях.", "ru"),
        ("Рядом: врачебная амбулатория 210 м.", "ru"),
        ("| 6 | Tuganbayev Rustem | convicted 4 Mar: 2 yrs |", "en"),
        (
            "New admission by ambulance, male, approx. 30, unknown name on arrival, gunshot "
            "wound left forearm.",
            "en",
        ),
        ("| 0004 | Astrakhanka rd, km 3 | unknown male ~40 | injured |", "en"),
        ("| 0001 | Tanekeyev N., 19 | injured |", "en"),
        ("Жараланған бала, 15 ж., ауруханада жатыр.", "kk"),
        ("Жараланған адамға үш тігіс салынды.", "kk"),
        ("1. Копия свидетельства о смерти — 1 л.", "ru"),
        ("2. Копия свидетельства о смерти (I-НД № 0741182) — 1 л.", "ru"),
    ],
)
def test_hours_chapters_numbers_distances_ages_stitches_and_sheets_are_no_counts(text, language):
    found = extract(text, language=language, published=PUBLISHED, learned=False)
    assert [c.value for c in found.claims] == []


def test_the_second_reader_proposes_no_cell_under_an_age_column():
    text = (
        "Прокуратура сообщает.\n\n"
        "│ № │ Ф. И. О.              │ Возраст │ Мера пресечения         │\n"
        "├───┼───────────────────────┼─────────┼─────────────────────────┤\n"
        "│ 1 │ Абдуллаев Рустам      │ 31      │ содержание под стражей  │\n"
        "│ 2 │ Турсунов Бахтияр      │ 24      │ домашний арест          │\n"
    )
    found = extract(text, language="ru", published=PUBLISHED, learned=True)
    assert [c.value for c in found.claims] == []


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # a court's administrative arrest, however written, is a penalty, not custody
        (
            "Городской суд рассмотрел дела: 12 человек арестованы в административном порядке "
            "на сроки от 5 до 15 суток.",
            "ru",
            [(12, "exact", "prosecuted")],
        ),
        (
            "Районный суд арестовал на 10 суток четверых водителей.",
            "ru",
            [(4, "exact", "prosecuted")],
        ),
        (
            "Соттың шешімімен 17 адамға әкімшілік қамақ тағайындалды.",
            "kk",
            [(17, "exact", "prosecuted")],
        ),
        (
            "The town court has given 8 people administrative arrest.",
            "en",
            [(8, "exact", "prosecuted")],
        ),
        # a part after "в т. ч." (including) shares its whole's fate
        (
            "За медицинской помощью обратились 27 человек, в т. ч. 4 сотрудника полиции.",
            "ru",
            [(27, "exact", "injured"), (4, "exact", "injured")],
        ),
        (
            "Задержаны 40 человек, в т.ч. 3 несовершеннолетних.",
            "ru",
            [(40, "exact", "custody"), (3, "exact", "custody")],
        ),
        # a collective numeral in digits: "6-уы" (six of them)
        (
            "Ұсталған 9 адамның 6-уы босатылды.",
            "kk",
            [(9, "exact", "custody"), (6, "exact", "released")],
        ),
        # medical help sought, told before the count
        (
            "Медициналық көмекке 60-қа жуық адам жүгінді.",
            "kk",
            [(60, "nearly", "injured")],
        ),
        # a headline's present, and a release told around the count
        (
            "Police in Aral detain 9 people suspected of looting.",
            "en",
            [(9, "exact", "custody")],
        ),
        (
            "The next morning the police let about 20 people go home.",
            "en",
            [(20, "about", "released")],
        ),
        # "one" last in a list of figures, its verb before it
        (
            "Под стражей остаются пятеро, погиб один.",
            "ru",
            [(5, "exact", "custody"), (1, "exact", "dead")],
        ),
        # a figure alone on its line heads the words below it, in capitals or not
        (
            "НЕДЕЛЯ В ЦИФРАХ\n\n31\nчеловек задержаны в районе за неделю.\n\n"
            "12\nиз них отпущены домой.",
            "ru",
            [(31, "exact", "custody"), (12, "exact", "released")],
        ),
    ],
)
def test_administrative_arrest_help_sought_a_release_and_a_figure_over_its_words(
    text, language, expected
):
    found = extract(text, language=language, published=PUBLISHED, learned=False)
    assert [(c.value, c.qualifier, c.fate_group) for c in found.claims] == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # a row of one person: staff number, loan, masked ID and class are no counts
        (
            "| 4 | BAIGUTTY Arman | 51207 | Driver | Detained 6.01 |",
            "en",
            [],
        ),
        (
            "| 2 | ЖАРКОВ Игорь Петрович | 1 350 000 | задержан 06.01.2022 |",
            "ru",
            [],
        ),
        # … a name of no telling ending, told by the given name the dictionary knows
        ("| 3 | Штольц Андрей | 980 000 | ранен 6 января |", "ru", []),
        ("| 4 | Андрей Штольц | 980 000 | ранен 6 января |", "ru", []),
        (
            "│2 │ Тұрсынова Әйгерім  │ 10 Б │ 03****71234 │ Аяғынан жарақат алды │",
            "kk",
            [],
        ),
        # who came to a meeting or a lesson of its own
        (
            "Ата-аналар жиналысына 34 адам қатысты.",
            "kk",
            [],
        ),
        ("The class meeting was attended by 25 pupils, and 22 took part in the vote.", "en", []),
        ("Қатысқандар: алқа төрағасы Д. Сейтова; мүшелер — 5 адам.", "kk", []),
        # … but who came to the protest, or witnesses heard in a court's sessions, are
        (
            "Алаңдағы наразылық жиынына 300-ден астам адам қатысты.",
            "kk",
            [(300, "more_than", None)],
        ),
        (
            "Over 14 sessions the court examined 29 witnesses.",
            "en",
            [(29, "exact", None)],
        ),
    ],
)
def test_a_persons_row_and_an_occasion_of_its_own_count_no_one(text, language, expected):
    found = extract(text, language=language, published=PUBLISHED, learned=False)
    assert [(c.value, c.qualifier, c.fate_group) for c in found.claims] == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # the Kazakh "one of them", with a fate of its own …
        (
            "Ауылдан төрт адам зардап шекті. Олардың біреуі қаза тапты, екеуі жарақат алды.",
            "kk",
            [(4, "exact", "injured"), (1, "exact", "dead"), (2, "exact", "injured")],
        ),
        (
            "Үшеуі ұсталды (олардың біреуін сот залынан босатты).",
            "kk",
            [(3, "exact", "custody"), (1, "exact", "released")],
        ),
        # … but not one of them described, or named
        (
            "Торда он екі сотталушы отыр: біреуі сақалын қырынбаған, біреуі терезеге қарап тұр.",
            "kk",
            [(12, "exact", "prosecuted")],
        ),
        ("Екеуі әлі қамауда, біреуі — Нұрбек.", "kk", [(2, "exact", "custody")]),
        # a part after "оның" (of it) takes the verb after it, if any, else the whole's
        (
            "Он екі азамат ұсталды оның тоғызы үш күн ішінде босатылды.",
            "kk",
            [(12, "exact", "custody"), (9, "exact", "released")],
        ),
        (
            "Облыста бес адам қаза тапты, оның үшеуі — Шиелі ауданында.",
            "kk",
            [(5, "exact", "dead"), (3, "exact", "dead")],
        ),
        # a part of a whole numbered before the whole's word
        (
            "Из шести задержанных четверо после установления личности отпущены.",
            "ru",
            [(6, "exact", "custody"), (4, "exact", "released")],
        ),
        (
            "Police put the number of people detained in the region at 1,146.",
            "en",
            [(1146, "exact", "custody")],
        ),
        # a part of them, its own verb after it, whatever penalty or fate stands before
        (
            "На момент приговора 8 из них находились под стражей.",
            "ru",
            [(8, "exact", "custody")],
        ),
        (
            "Екі азамат қаза тауып, төртеуі жарақат алды, біреуі әлі күнге дейін тергеу "
            "изоляторында отыр.",
            "kk",
            [(2, "exact", "dead"), (4, "exact", "injured"), (1, "exact", "custody")],
        ),
        # a Kazakh whole told before, a part of it after: the whole is not told again
        (
            "Үшеуін полиция ұстады. Ұсталған үш тұрғынның екеуі бір тәуліктен соң босатылды.",
            "kk",
            [(3, "exact", "custody"), (2, "exact", "released")],
        ),
        # one person, wherever the verb stands; home again, the verb first
        (
            "Из нашего села погиб один человек — наш Ринат. Из девяти наших односельчан, "
            "задержанных в те дни, домой вернулись семеро.",
            "ru",
            [(1, "exact", "dead"), (7, "exact", "released")],
        ),
        # found, of those missing, is no fate group; bullets found are no one
        (
            "Хабарсыз кеткен үш жігіттің екеуі табылды, бірі ауылда.",
            "kk",
            [(3, "exact", "missing"), (2, "exact", None)],
        ),
        ("Жүксалғыштан 2 аңшы мылтығы мен 40 оқ табылды.", "kk", []),
        # a city's people are no figure, but a figure of the dead after a city is
        (
            "Unconfirmed reports from Karaganda city of 1 dead and at least 12 injured.",
            "en",
            [(1, "exact", "dead"), (12, "at_least", "injured")],
        ),
        # a crew, its members named between the count and the verb; passengers carried
        (
            "Two of our local crew, roustabouts Yerlan Karsakov and Dmitry Tsvetkov, were "
            "detained by a police patrol.",
            "en",
            [(2, "exact", "custody")],
        ),
        ("The bus carried 41 passengers to Almaty.", "en", []),
        # no news of them
        ("Қазір ауылымыздан 3 жігіттің хабары жоқ.", "kk", [(3, "exact", "missing")]),
        # home again
        (
            "Six men were taken by the police; four came back the next day.",
            "en",
            [(6, "exact", "custody"), (4, "exact", "released")],
        ),
        (
            "Задержаны более 30 жителей района, из них 19 уже дома.",
            "ru",
            [(30, "more_than", "custody"), (19, "exact", "released")],
        ),
        (
            "Ауылымыздан 5 жігіт ұсталды, 3-еуі үйге оралды.",
            "kk",
            [(5, "exact", "custody"), (3, "exact", "released")],
        ),
        # one, whom a noun names, and what happened to him right after
        ("One employee died in hospital on 6 January.", "en", [(1, "exact", "dead")]),
        ("Один человек погиб.", "ru", [(1, "exact", "dead")]),
        ("One lawyer said the court sat late.", "en", []),
        (
            "Three people who died, one man who is still missing and four men who were sentenced.",
            "en",
            [(3, "exact", "dead"), (1, "exact", "missing"), (4, "exact", "prosecuted")],
        ),
        ("One of them, Yerzhan Kassymov, was convicted on 24 February.", "en", []),
        (
            "- one employee, Mr Viktor Shteinbakh, was detained at a checkpoint on 7 January;",
            "en",
            [(1, "exact", "custody")],
        ),
        # seats held, a bus held up, a deposit held pending, are no one held
        ("Fourteen of our crew held seats on the flight.", "en", []),
        ("Twelve of our drivers were held up at the checkpoint for hours.", "en", []),
    ],
)
def test_one_of_them_a_part_of_a_whole_home_again_and_what_is_held(text, language, expected):
    found = extract(text, language=language, published=PUBLISHED, learned=False)
    assert [(c.value, c.qualifier, c.fate_group) for c in found.claims] == expected
