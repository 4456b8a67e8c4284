"""The text algorithms on short fictional passages in Kazakh, Russian and English: numbers as
written, qualifiers, fate groups, claimants, dates (weekdays counted from the article's date),
names back in the nominative, and the distractors that are not counts or not victims."""

from __future__ import annotations

import datetime

import pytest

from tizim.core.ingest import extract
from tizim.core.ingest.numbers import find_numbers
from tizim.core.ingest.text import detect_language

PUBLISHED = datetime.date(2022, 3, 16)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        ("10,000 people", "en", 10_000),
        ("10 000 people", "en", 10_000),
        ("10\u00a0000 people", "en", 10_000),
        ("two hundred and five people", "en", 205),
        ("почти 10 тысяч человек", "ru", 10_000),
        ("более 12 тыс. задержанных", "ru", 12_000),
        ("двести человек", "ru", 200),
        ("10 мыңға жуық адам", "kk", 10_000),
        ("екі жүз адам", "kk", 200),
        ("он бес адам", "kk", 15),
        ("погибли трое", "ru", 3),
        ("семеро из них", "ru", 7),
        ("пятерых погибших", "ru", 5),
        ("тысячи две человек", "ru", 2_000),  # the other way round: about two thousand
        ("тысяча два человека", "ru", 1_002),
        ("over 2K people injured", "en", 2_000),  # a headline's thousands
        ("2.3K people", "en", 2_300),
        ("a 5k run of 40 people", "en", 40),
        ("a 500-strong crowd", "en", 500),
    ],
)
def test_numbers_as_written(text, language, value):
    assert [n.value for n in find_numbers(text, language)] == [value]


def _claims(text: str) -> list[tuple]:
    found = extract(text, published=PUBLISHED)
    return [(c.value, c.qualifier, c.fate_group) for c in found.claims]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("At least 225 people were killed.", [(225, "at_least", "dead")]),
        ("Over 12,000 people have been arrested.", [(12_000, "more_than", "custody")]),
        ("Some 10,000 people have been detained.", [(10_000, "about", "custody")]),
        ("More than 400 criminal cases were opened.", [(400, "more_than", None)]),
        ("Nearly 900 of those arrested face criminal charges.", [(900, "nearly", "prosecuted")]),
        ("Задержаны почти 10 тысяч человек.", [(10_000, "nearly", "custody")]),
        ("Более 12 тыс. задержанных освобождены.", [(12_000, "more_than", "released")]),
        ("Ранены не менее 300 человек.", [(300, "at_least", "injured")]),
        ("10 мыңға жуық адам ұсталды.", [(10_000, "nearly", "custody")]),
        ("Кемінде 40 адам хабарсыз кетті.", [(40, "at_least", "missing")]),
        ("Екі жүз адам жараланды.", [(200, "exact", "injured")]),
        (
            "At least 10 deaths and 19 injuries were documented.",
            [(10, "at_least", "dead"), (19, "at_least", "injured")],
        ),
        # A count taken from a group named before it: the verb after says what happened.
        ("Of those detained, 20 were released on bail.", [(20, "exact", "released")]),
        ("Из задержанных 17 отпущены.", [(17, "exact", "released")]),
        (
            "Ұсталғандардың 20-сы түсініктеме бергеннен кейін босатылды.",
            [(20, "exact", "released")],
        ),
        ("Of those detained, 23 people said they were beaten.", [(23, "exact", "custody")]),
        # A verb right before the count beats the fate its noun names.
        ("К вечеру отпущены 17 задержанных.", [(17, "exact", "released")]),
        ("Қамауда үш адамның қайтыс болғанын құжаттадық.", [(3, "exact", "dead")]),
        (
            "Eleven people, including four police officers, were taken to hospital.",
            [(11, "exact", "injured"), (4, "exact", "injured")],
        ),
        (
            "At least three men detained in Kazaly remained unaccounted for.",
            [(3, "at_least", "missing")],
        ),
        ("Больше всего людей погибло в Таразе – 39 человек.", [(39, "exact", "dead")]),
        ("Ранее сообщалось о гибели 27 человек.", [(27, "exact", "dead")]),
        (
            "Досудебное расследование начато в отношении 46 человек.",
            [(46, "exact", "prosecuted")],
        ),
    ],
)
def test_figures_about_people(text, expected):
    assert _claims(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The hotline 8 (701) 555-12-34 takes calls.",
        "He was charged under article 272 of the criminal code.",
        "In 2022 the protests began on 2 January.",
        "Mr. Serikov, 49, said the shooting lasted 30 minutes.",
        "Only 10% of victims filed a complaint.",
        "He was held for 15 days in detention.",
        "Его осудили по статье 272 на 8 лет.",
        "Ол 2022 жылы 37 жаста болды.",
    ],
)
def test_distractors_are_not_claims(text):
    assert _claims(text) == []


def test_claimant_as_of_measure_and_status():
    claims = extract(
        "On Tuesday, the Interior Ministry said that almost 10,000 people have been arrested. "
        "As of 14 March, 970 people remain in custody in Almaty, the prosecutors say. "
        "On 9 January a channel published the deaths of 164 people, later disavowed by the "
        "Ministry of Health.",
        published=PUBLISHED,
    ).claims
    ministry, custody, disavowed = claims
    assert ministry.claimant == "the Interior Ministry"
    assert ministry.as_of == datetime.date(2022, 3, 15)  # the Tuesday before the article
    assert (custody.measure, custody.as_of, custody.region) == (
        "on_date",
        datetime.date(2022, 3, 14),
        "almaty",
    )
    assert (disavowed.status, disavowed.as_of) == ("disavowed", datetime.date(2022, 1, 9))


def test_as_of_in_russian_and_kazakh():
    ru = extract("По состоянию на 14 марта, по данным МВД, задержаны 970 человек.").claims[0]
    kk = extract(
        "Ішкі істер министрлігінің мәліметінше, 14 наурыздағы жағдай бойынша 970 адам ұсталды."
    ).claims[0]
    assert (ru.as_of, ru.claimant) == (datetime.date(2022, 3, 14), "МВД")
    assert (kk.as_of, kk.claimant) == (datetime.date(2022, 3, 14), "Ішкі істер министрлігі")


def test_russian_names_back_in_the_nominative():
    persons = extract(
        "Тело Ерлана Жагипарова нашли в морге 12 января. По словам адвоката Айман Умаровой, "
        "Муратбека Есенгазы избили в ИВС. 37-летнюю Гульнару Сапарову задержали 8 января в "
        "Таразе."
    ).persons
    found = {p.name: p for p in persons}
    assert set(found) == {"Жагипаров Ерлан", "Есенгазы Муратбек", "Сапарова Гульнара"}
    assert found["Жагипаров Ерлан"].fate == "killed"
    assert found["Жагипаров Ерлан"].date == datetime.date(2022, 1, 12)
    assert "torture.beating" in found["Есенгазы Муратбек"].acts
    sapar = found["Сапарова Гульнара"]
    assert (sapar.fate, sapar.age, sapar.place) == ("detained", 37, "Тараз")


def test_a_surname_that_does_not_decline_written_first_keeps_natashas_nominative():
    persons = extract(
        "Из морга везут тело Коваленко Андрея Петровича, 1989 г.р. Погиб 6 января.",
        language="ru",
    ).persons
    assert [(p.surname, p.given_name, p.patronymic) for p in persons] == [
        ("Коваленко", "Андрей", "Петрович")
    ]


def test_kazakh_case_endings_are_taken_off():
    persons = extract(
        "Ерлан Жағыпаровтың мәйіті моргтан табылды. Қуанышбек Серікбаев 7 қаңтарда ұсталды. "
        "Адвокат Жанар Балтабаева мәлімдеді."
    ).persons
    assert [(p.surname, p.given_name, p.fate) for p in persons] == [
        ("Жағыпаров", "Ерлан", "killed"),
        ("Серікбаев", "Қуанышбек", "detained"),
    ]


def test_speakers_are_not_victims():
    persons = extract(
        "“Torture is widespread,” said Dana Kemelova, a lawyer. Lawyer Arman Tolegenov told "
        "reporters that his client Bolat Nurov was beaten in detention. Arman Tolegenov said "
        "he would appeal."
    ).persons
    assert [(p.name, p.fate) for p in persons] == [("Nurov Bolat", "detained")]
    assert persons[0].acts == ["torture.beating", "detention"]


def test_a_pronoun_carries_on_to_the_person_last_told_of():
    persons = extract(
        "Activist Serik Abenov was arrested on January 5. His lawyer said that he had been "
        "beaten. Police did not comment."
    ).persons
    assert persons[0].name == "Abenov Serik"
    assert persons[0].date == datetime.date(2022, 1, 5)
    assert "torture.beating" in persons[0].acts


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Задержаны люди.", "ru"),
        ("Адамдар ұсталды.", "kk"),
        ("People were detained.", "en"),
        # Kazakh words quoted in a Russian article do not make it Kazakh
        (
            '«Никаким "Жаңа Қазақстаном" в тюрьме не веет». Находящийся в СИЗО Жанболат '
            "Мамай — о январских протестах. Мамай ответил на вопросы, которые ему передали "
            "через адвоката, и рассказал о том, что происходит в Қаңтар.",
            "ru",
        ),
        ("Ол 5 қаңтарда ұсталды, бірақ кейін босатылды деп хабарлады бұл туралы адвокат.", "kk"),
        # nor a Russian quotation a Kazakh article Russian
        (
            "Министр: «Мы не знаем, что будет, и это не важно». Алматыда 5 қаңтарда 300-ден "
            "астам адам ұсталды, 16 полицей қаза тапты.",
            "kk",
        ),
    ],
)
def test_language_detected(text, language):
    assert detect_language(text) == language


def test_kazakh_names_in_russian_oblique_cases_back_in_the_nominative():
    persons = extract(
        "Суд признал виновными посмертно погибших Исатая Донбаева и Токтара Ошакбая. "
        "Задержанную Айман Умарову отпустили 9 января."
    ).persons
    assert [p.name for p in persons] == ["Донбаев Исатай", "Ошакбай Токтар", "Умарова Айман"]


def test_a_sentence_passed_is_a_conviction():
    persons = extract(
        "Among those sentenced was Arman Tolegenov, given 20 years in prison. Serik Abenov "
        "received a seven-year sentence."
    ).persons
    assert [(p.name, p.fate) for p in persons] == [
        ("Tolegenov Arman", "convicted"),
        ("Abenov Serik", "convicted"),
    ]
    russian = extract("Суд приговорил активиста Каната Бекова – к восьми годам лишения свободы.")
    assert [(p.name, p.fate) for p in russian.persons] == [("Беков Канат", "convicted")]


def test_streets_organisations_and_laws_are_not_persons():
    persons = extract(
        "Bolat Nurov was detained on Aiteke Bi Street, Steppe Wire reported. He was charged "
        "under the Criminal Code. Home Affairs officials declined to comment."
    ).persons
    assert [p.name for p in persons] == ["Nurov Bolat"]


def test_a_sentence_with_no_subject_is_of_the_one_just_named():
    persons = extract(
        "4.1. Bakhytzhan Temirov, 19, student at a local college. Killed by a gunshot wound "
        "on 5 January. 4.2. Е. Нургалиев, 23 года. Задержан 7 января в Лисаковске.",
        language="en",
    ).persons
    assert [(p.surname, p.fate) for p in persons][:1] == [("Temirov", "killed")]


def test_the_late_and_the_shot_in_kazakh_are_dead():
    persons = extract(
        "Оққа ұшқан Ерлан Тәжібаевтың әкесі сотқа шағымданды. Марқұм Тоқтар Сейітбайдың анасы "
        "Гүлнар Смағұлова да шешімге разы емес."
    ).persons
    assert [(p.surname, p.given_name, p.fate) for p in persons] == [
        ("Тәжібаев", "Ерлан", "killed"),
        ("Сейітбай", "Тоқтар", "killed"),
    ]


def test_a_figure_stated_twice_is_proposed_once_where_it_is_said_with_most():
    claims = extract(
        "At least 40 detained in Oral after night of unrest\n\nPolice in Oral detained at "
        "least 40 people overnight, a police spokesman said on Thursday. In Aktobe at least "
        "40 people were detained.",
        language="en",
        published=PUBLISHED,
    ).claims
    assert [(c.value, c.region) for c in claims] == [
        (40, "west-kazakhstan-region"),
        (40, "aktobe-region"),
    ]
    assert claims[0].claimant is not None and claims[0].as_of == datetime.date(2022, 3, 10)


def test_kazakh_figures_of_them_and_figures_reached():
    claims = _claims(
        "Қозғалған істер 700-ге жуықтады. 695 іс бойынша тергеу басталған: 44-і – терроризм, "
        "15-і – адам өлтіру. Күдікті ретінде 780 адам ұсталған, 695-ін қамауға сот санкция берген."
    )
    assert claims == [
        (700, "nearly", None),
        (695, "exact", None),
        (44, "exact", None),
        (15, "exact", None),
        (780, "exact", "custody"),
        (695, "exact", "custody"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A label before a colon gives the figures after it their fate.
        (
            "— погибли: в Кентау — 3 человека, в Туркестане — не менее 6;",
            [(3, "exact", "dead"), (6, "at_least", "dead")],
        ),
        ("Detained: 214. Released: 87.", [(214, "exact", "custody"), (87, "exact", "released")]),
        # "of whom 1,120 in the city and 380 in Kulsary": parts of the figure just told.
        (
            "Some 1,500 people were detained in the region, of whom 1,120 in the city of Oral "
            "and 380 in Aksai.",
            [(1500, "about", "custody"), (1120, "exact", "custody"), (380, "exact", "custody")],
        ),
        ("More than 70 remain behind bars.", [(70, "more_than", "custody")]),
        # Not definite figures, not people, nobody.
        ("Several thousand people gathered on the square.", []),
        ("Monitors visited 6 изоляторов and 11 places of detention.", []),
        ("Бірақ әзірге бірде-бір полиция қызметкері жауапқа тартылған жоқ.", []),
        ("Двоих из них нашли живыми в больнице.", [(2, "exact", None)]),
        ("Сот 14 адамды бас бостандығынан айырды.", [(14, "exact", "prosecuted")]),
    ],
)
def test_lists_parts_and_non_figures(text, expected):
    assert _claims(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "16 medical workers, 34 firefighters and 8 rescuers were injured.",
            [(16, "exact", "injured"), (34, "exact", "injured"), (8, "exact", "injured")],
        ),
        (
            "Officials said that 230 people, including 19 police officers, died in the unrest.",
            [(230, "exact", "dead"), (19, "exact", "dead")],
        ),
        (
            "At least 27 people were killed. Of them, 21 are civilians.",
            [
                (27, "at_least", "dead"),
                (21, "exact", "dead"),
            ],
        ),
        (
            "Суд приговорил 14 человек к срокам от трёх до восьми лет.",
            [(14, "exact", "prosecuted")],
        ),
        ("July has seen 100 convictions so far.", [(100, "exact", "prosecuted")]),
    ],
)
def test_lists_share_a_fate_and_parts_follow_their_whole(text, expected):
    assert _claims(text) == expected


def test_officials_titles_and_our_listeners_are_not_victims():
    persons = extract(
        "The Rapporteur raised the case of Mr. Nurlan Abdrakhmanov, a 52-year-old worker, who "
        "was arrested on 10 January. Minister Arman Dosov said the police were detained by "
        "nobody. Take Kassymov: he was detained on 6 January.",
        language="en",
    ).persons
    assert [(p.name, p.fate) for p in persons][:1] == [("Abdrakhmanov Nurlan", "arrested")]
    assert "Dosov Arman" not in [p.name for p in persons]
    kazakh = extract(
        "Тыңдармандарымыз, Дәулет Сәрсенбаев 5 қаңтарда ұсталды. Вице-министрі Айнұр "
        "Бекболатова ұсталғандар босатылды деді."
    ).persons
    assert [(p.surname, p.given_name) for p in kazakh] == [("Сәрсенбаев", "Дәулет")]


def test_a_verdict_handed_down_to_a_list_of_names_convicts_them_all():
    persons = extract(
        "The verdict was handed down to former Deputy Head of Oral Police Serik Abenov and "
        "officers Bolat Nurov, Arman Dosov, and Timur Kassymov.",
        language="en",
    ).persons
    assert [(p.name, p.fate) for p in persons] == [
        ("Abenov Serik", "convicted"),
        ("Nurov Bolat", "convicted"),
        ("Dosov Arman", "convicted"),
        ("Kassymov Timur", "convicted"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A total of 41 people die in Aral clashes.", [(41, "exact", "dead")]),
        ("The clashes claimed at least 57 lives.", [(57, "at_least", "dead")]),
        (
            "The deaths of 20 people are examined, including 12 with gunshot wounds and "
            "eight with other kinds of injuries.",
            [(20, "exact", "dead"), (12, "exact", "dead"), (8, "exact", "dead")],
        ),
        ('Most died "in Oral, 73 people," he said.', [(73, "exact", "dead")]),
        (
            "Three died in Oral, two in Aksai and one in Zhanibek.",
            [(3, "exact", "dead"), (2, "exact", "dead"), (1, "exact", "dead")],
        ),
        (
            "Два летальных случая зафиксированы в Уральске, три — в Аксае.",
            [(2, "exact", "dead"), (3, "exact", "dead")],
        ),
        (
            "The amnesty covers more than 900 people who were detained and charged.",
            [(900, "more_than", "released")],
        ),
        ("Over 600 people are awaiting trial.", [(600, "more_than", "prosecuted")]),
        ("He was 19 years old[4].", []),
        ("Пострадали 120 объектов и 14 зданий в шести регионах.", []),
        ("The trial was held over 23 sessions.", []),
        ("Звоните по телефону 102.", []),
        (
            "Судьба примерно двенадцати задержанных остаётся неизвестной.",
            [(12, "about", "missing")],
        ),
        (
            "Более сорока из них суды назначили административные аресты.",
            [(40, "more_than", "prosecuted")],
        ),
        (
            "Қаза болғандардың 12-сі — полицейлер.",
            [(12, "exact", "dead")],
        ),
        (
            "1 200 полиция қызметкері жарақат алды. 30-ына оқ тиіп, 90-ының сүйегі сынған.",
            [(1200, "exact", "injured"), (30, "exact", "injured"), (90, "exact", "injured")],
        ),
        (
            "310 күдікті қамауға алынды, 45 тұлғаға бұлтартпау шаралары қолданылды.",
            [(310, "exact", "custody"), (45, "exact", "prosecuted")],
        ),
        (
            "Облыс бойынша 900 жәбірленуші анықталды.",
            [(900, "exact", None)],
        ),
    ],
)
def test_lives_parts_described_amnesties_and_trials(text, expected):
    assert _claims(text) == expected


def test_lawyers_prosecutors_and_representatives_named_after_their_title_are_not_victims():
    persons = extract(
        "Defence lawyer Aizhan Dosova said she had been unable to see detained clients. "
        "Адвокат Ольга Пак, представляющая интересы задержанных, говорит о пытках. "
        "Прокурор Атырауской области Б. Сейтов провёл приём родственников задержанных. "
        "Бас прокуратура өкілі Ерлан Сұлтановтың мәліметінше, 40 адам ұсталды.",
    ).persons
    assert persons == []
    arrested = extract(
        "One lawyer, Nurlan Temirov, was arrested on 8 January.", language="en"
    ).persons
    assert [(p.name, p.fate) for p in arrested] == [("Temirov Nurlan", "arrested")]


def test_names_in_capitals_surname_first_and_women_in_the_nominative():
    persons = extract(
        "1. ТЕМИРБАЕВ Ержан Маратович, 31 год. Погиб 6 января. "
        "Наш корреспондент Алия Бекова была задержана у акимата. "
        "Родные ищут Дмитрия Волкова. В последний раз Волкова видели 5 января.",
        language="ru",
    ).persons
    assert [(p.surname, p.given_name, p.fate) for p in persons] == [
        ("Темирбаев", "Ержан", "killed"),
        ("Бекова", "Алия", "detained"),
        ("Волков", "Дмитрий", "missing"),
    ]


def test_a_witness_telling_in_the_first_person_and_a_surname_told_again():
    persons = extract(
        "Arman Seitkali, a 30-year-old driver, says he went to the square out of curiosity. "
        "Seitkali, who lives in Kaskelen, has no interest in politics. "
        "“I did not think there would be shooting, but I got shot in the leg,” he said.",
        language="en",
    ).persons
    assert [(p.name, p.fate) for p in persons] == [("Seitkali Arman", "injured")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Nine people were killed in Oral, two of them police officers.",
            [(9, "exact", "dead"), (2, "exact", "dead")],
        ),
        (
            "Of the people officially detained, 44 were later charged with mass riots.",
            [(44, "exact", "prosecuted")],
        ),
        (
            "Of these, 120 were released and 17 received administrative arrest.",
            [(120, "exact", "released"), (17, "exact", "prosecuted")],
        ),
        ("Ещё 25 человек получили административный арест.", [(25, "exact", "prosecuted")]),
        (
            "At least 40 people have complained that they were beaten in custody.",
            [(40, "at_least", None)],
        ),
        (
            "Восемь освобождённых подали жалобы на избиения.",
            [(8, "exact", None)],
        ),
        (
            "A volunteer group keeps a list of nine people whose families have not been able to "
            "find them.",
            [(9, "exact", "missing")],
        ),
        (
            "По данным полиции, на свободе находятся 140 человек, под стражей остаются 19.",
            [(140, "exact", "released"), (19, "exact", "custody")],
        ),
        (
            "Задержаны ещё 75 человек, а всего с начала беспорядков — около полутора тысяч.",
            [(75, "exact", "custody"), (1500, "about", "custody")],
        ),
        (
            "Ресми дерек бойынша Оралда үш адам қаза тапқан, бірақ қалада жеті адам деп айтады.",
            [(3, "exact", "dead"), (7, "exact", "dead")],
        ),
        (
            "Олардың төртеуі оқ тиіп қаза тапқан.",
            [(4, "exact", "dead")],
        ),
        (
            "Облыстық ауруханаға жүзден астам жаралы түсті.",
            [(100, "more_than", "injured")],
        ),
        (
            "Ұсталғандардан азаптау туралы 33 арыз түскен.",
            [(33, "exact", None)],
        ),
        (
            "Олардың 81-і қылмыстық жауапкершілікке тартылған.",
            [(81, "exact", "prosecuted")],
        ),
        ("5 қаңтарда оған оқ тиіп, ол бір аяғынан айырылды.", []),
    ],
)
def test_parts_complaints_liberty_totals_and_kazakh_converbs(text, expected):
    assert _claims(text) == expected


def test_the_same_number_said_of_others_is_another_figure_unless_in_the_lead():
    text = (
        "Eight killed in Oral clashes\n\n"
        "At least eight people died in Oral on 5 January, officials said.\n\n"
        "Five people were killed near the akimat, two of them police officers. Later, two "
        "bodies were found in the morgue."
    )
    claims = [(c.value, c.fate_group) for c in extract(text, language="en").claims]
    assert claims == [(8, "dead"), (5, "dead"), (2, "dead"), (2, "dead")]


def test_transcripts_ranks_initials_and_relatives_in_kazakh():
    persons = extract(
        "SEITOV: Thank you. Sergeant Arman Dosov of the National Guard died on 9 January.\n"
        "AIGUL NURLANOVA (Oral Times): Were any civilians killed? (d) Mr B. Sarsenov, whose "
        "family asked that only his initial be used, was detained on 6 January.",
        language="en",
    ).persons
    assert [(p.name, p.fate) for p in persons] == [
        ("Dosov Arman", "killed"),
        ("Sarsenov B.", "detained"),
    ]
    kazakh = extract(
        "Бауырым Ерлан Досов 6 қаңтар күні кешкі сағат сегіздер шамасында жұмыстан үйге қайтып "
        "келе жатып, Оралдың орталық алаңына жақын жерде ұсталды. Тағы екі жігіт — Нұрлан "
        "Бекұлы пен оның досы Әсет Ибраев — ұсталды. Облыс полициясының бастығы, полиция "
        "полковнигі Серік Омаров шабуыл тойтарылғанын мәлімдеді.",
        language="kk",
    ).persons
    assert [(p.surname, p.given_name, p.fate) for p in kazakh] == [
        ("Досов", "Ерлан", "detained"),
        ("Бекұлы", "Нұрлан", "detained"),
        ("Ибраев", "Әсет", "detained"),
    ]


def test_russian_datives_initials_speakers_and_companies():
    persons = extract(
        "Ерасылу Жумабаеву было 19 лет. Он погиб 6 января. О судьбе Д. Касенова, рабочего "
        "ТОО «СтепьСтрой», ничего не известно с 6 января. СИНХРОН, Гульмира Есенова, врач "
        "больницы: «Большинство поступивших — с огнестрельными ранениями». Официальный "
        "представитель полиции Канат Оспанов сегодня на брифинге сообщил, что задержаны 40 "
        "человек.",
        language="ru",
    ).persons
    assert [(p.surname, p.given_name, p.fate) for p in persons] == [
        ("Жумабаев", "Ерасыл", "killed"),
        ("Касенов", "Д.", "missing"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Аудандық аурухананың мәліметінше, 5–7 қаңтарда алпыстан астам адам жарақат алды.",
            [(60, "more_than", "injured")],
        ),
        (
            "Оның 2 100-і жараланды, оның 1 500-і (71%-і) — полиция қызметкерлері.",
            [(2100, "exact", "injured"), (1500, "exact", "injured")],
        ),
        (
            "Онымен бірге тағы үш жігіт — көршіміз Асқар Беков пен оның досы — ұсталды.",
            [(3, "exact", "custody")],
        ),
        (
            "Родственники четверых — Марата Исаева, Ерлана Бекова и Виктора Ли — подают "
            "заявления о розыске.",
            [(4, "exact", "missing")],
        ),
        (
            "Аким назвал официальное число погибших в городе — трое: двое полицейских и врач.",
            [(3, "exact", "dead"), (2, "exact", "dead")],
        ),
        (
            'He told viewers that "about forty" people had been injured.',
            [(40, "about", "injured")],
        ),
        (
            "Двое погибли в Уральске, трое — в Аксае и ещё один — в Жанибеке.",
            [(2, "exact", "dead"), (3, "exact", "dead"), (1, "exact", "dead")],
        ),
        ("В камере на восемь мест нас было тридцать человек.", [(30, "exact", "custody")]),
    ],
)
def test_dates_in_kazakh_dash_asides_quoted_figures_and_seats(text, expected):
    assert _claims(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A court found six police officers guilty of torture.",
            [(6, "exact", "prosecuted")],
        ),
        (
            "Overall, 12 officers are suspected of using torture.",
            [(12, "exact", "prosecuted")],
        ),
        (
            "Three deputies were sentenced to 14, 12 and three years in prison.",
            [(3, "exact", "prosecuted")],
        ),
        ("Журналиста отпустили через четыре с лишним часа.", []),
        (
            "3 мыңнан астам адам ұсталып, 19 қарулы қылмыскердің көзі жойылды.",
            [(3000, "more_than", "custody"), (19, "exact", "dead")],
        ),
        (
            "Медициналық көмек сұраған 140 адамның 60-ы жатқызылды. 25 адам жансақтау "
            "бөліміне түскен. Үш адамның жағдайы ауыр.",
            [
                (140, "exact", "injured"),
                (60, "exact", "injured"),
                (25, "exact", "injured"),
                (3, "exact", "injured"),
            ],
        ),
        (
            "3 800 адам зардап шекті, оның ішінде құқық қорғау органдарының 2 900 қызметкері.",
            [(3800, "exact", "injured"), (2900, "exact", "injured")],
        ),
    ],
)
def test_guilt_suspicion_lists_of_years_and_kazakh_hospital_figures(text, expected):
    assert _claims(text) == expected


def test_title_case_headlines_names_in_quotes_and_plain_kazakh_names():
    headline = extract(
        "Six Tortured To Death, Official Says\n\nKazakh Deputy Prosecutor-General Aset "
        "Dosov (file photo) said six people died. Case Of Killing 4-Year-Old Child Closed.",
        language="en",
    ).persons
    assert headline == []
    kazakh = extract(
        "Азаттық радиосының тілшісі Қасым Аманжолды Алматыда полиция күшпен ұстап, екі сағаттан "
        "соң босатты. «Әділет Жолы» партиясы мәлімдеме жасады.",
        language="kk",
    ).persons
    assert [(p.surname, p.given_name) for p in kazakh] == [("Аманжол", "Қасым")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Балқаш қалалық соты 12 адамды әкімшілік қамауға кесті, тағы төртеуіне айыппұл салды.",
            [(12, "exact", "prosecuted"), (4, "exact", "prosecuted")],
        ),
        ("Олардың 40-ы айыппұл төлеп, босатылды.", [(40, "exact", "released")]),
        (
            "2️⃣ Ұсталғандардың 150-і жеке басы анықталып, босатылды.",
            [(150, "exact", "released")],
        ),
        (
            "Из них 300 привлечены к административной ответственности (в том числе 120 "
            "подвергнуты административному аресту).",
            [(300, "exact", "prosecuted"), (120, "exact", "prosecuted")],
        ),
        (
            "Зарегистрировано 41 уголовное дело, в том числе по статьям 272, 188 и 380 УК РК.",
            [(41, "exact", None)],
        ),
        (
            "В ночь на 6 января в здание УВД было доставлено около ста человек.",
            [(100, "about", "custody")],
        ),
        (
            "Of those 31, 23 are being held in a pre-trial detention centre.",
            [(23, "exact", "custody")],
        ),
        ("The damage was assessed at KZT 312.4 million.", []),
        (
            "We have a list of 17 people whose families say they are still unaccounted for.",
            [(17, "exact", "missing")],
        ),
    ],
)
def test_penalties_emoji_articles_money_and_figures_told_before(text, expected):
    assert _claims(text) == expected


def test_negation_pronouns_of_the_other_sex_and_russian_lists():
    english = extract(
        "Nurlan Abenov was detained on 6 January. When his lawyer, Olga Pak, was finally "
        "allowed to see him, he had two broken ribs. His name has not been released.",
        language="en",
    ).persons
    assert [(p.name, p.fate) for p in english] == [("Abenov Nurlan", "detained")]
    russian = extract(
        "ДЖУМАГАЛИЕВ Нурсултан, 2001 г.р., студент. Получил огнестрельное ранение 5 января.\n\n"
        "ТУРСЫНОВ Аслан Маратович, 1987 г.р. 5 января задержан по месту жительства.\n\n"
        "ТОКТАРОВ Е.М., 2003 г.р., задержанный 7 января.",
        language="ru",
    ).persons
    assert [(p.surname, p.given_name, p.fate) for p in russian] == [
        ("Джумагалиев", "Нурсултан", "injured"),
        ("Турсынов", "Аслан", "detained"),
        ("Токтаров", "Е.", "detained"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "В течение суток в подразделения полиции доставлено 150 граждан, из которых 120 — "
            "за нарушение комендантского часа.",
            [(150, "exact", "custody"), (120, "exact", "custody")],
        ),
        (
            "В больницы города доставлены 60 человек, из них девять в тяжёлом состоянии.",
            [(60, "exact", "injured"), (9, "exact", "injured")],
        ),
        (
            "В отношении 140 лиц составлены протоколы об административных правонарушениях.",
            [(140, "exact", "prosecuted")],
        ),
        ("В стационарах продолжают лечение 11 человек.", [(11, "exact", "injured")]),
        (
            "Барлығы 300 адам ұсталды. Оның ішінде 120-сы Түркістан қаласында ұсталған.",
            [(300, "exact", "custody"), (120, "exact", "custody")],
        ),
        (
            "Жарақат алып, медициналық көмекке жүгінгендер саны — 64.",
            [(64, "exact", "injured")],
        ),
        (
            "Сот шешімімен 18 адамға әкімшілік қамау жазасы тағайындалды.",
            [(18, "exact", "prosecuted")],
        ),
        (
            "Officially, 9 criminal cases have been opened, with 31 suspects.",
            [(9, "exact", None), (31, "exact", "prosecuted")],
        ),
        ("Горячая линия для родственников задержанных — 102.", []),
    ],
)
def test_police_bulletins_hospitals_protocols_and_hotlines(text, expected):
    assert _claims(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("At least 150 people were tortured by the police.", [(150, "at_least", "injured")]),
        (
            "Over the state of emergency, 2,100 victims applied to medical organizations for help.",
            [(2100, "exact", "injured")],
        ),
        (
            "Casualties\n\nDoctors briefed reporters.\n\nToday, 6 people are being treated in "
            "hospitals: 3 in Almaty and 3 in Taraz.",
            [(6, "exact", "injured"), (3, "exact", "injured"), (3, "exact", "injured")],
        ),
        ("To date, 700 patients have been discharged.", [(700, "exact", None)]),
        (
            "The authorities sentenced at least three journalists to periods of detention.",
            [(3, "at_least", "prosecuted")],
        ),
        (
            "Алматыда екі полиция қызметкерінің мүрдесі табылды.",
            [(2, "exact", "dead")],
        ),
    ],
)
def test_torture_medical_help_treatment_discharge_and_sentences(text, expected):
    assert _claims(text) == expected


def test_adverbs_after_be_jailed_and_whereabouts_unknown():
    english = extract(
        "One of them, Serik Omarov, was first accused of terrorism. Former chief Arman Dosov "
        "was last year jailed for 18 years.",
        language="en",
    ).persons
    assert [(p.name, p.fate) for p in english] == [
        ("Omarov Serik", "charged"),
        ("Dosov Arman", "convicted"),
    ]
    russian = extract("Неизвестно местонахождение активистки Жанны Бековой.", language="ru")
    assert [(p.name, p.fate) for p in russian.persons] == [("Бекова Жанна", "missing")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ещё 12 подозреваемых объявлены в розыск.", [(12, "exact", "prosecuted")]),
        (
            "212 адамға қатысты әкімшілік құқық бұзушылық туралы хаттама толтырылды.",
            [(212, "exact", "prosecuted")],
        ),
        ("Our branch received 14 bodies between January 5 and 8.", [(14, "exact", "dead")]),
        ("Монитор 23 мониторингтік сапар жасады.", []),
    ],
)
def test_wanted_suspects_protocols_date_ranges_and_visits(text, expected):
    assert _claims(text) == expected


def test_running_text_order_streets_and_interview_turns():
    russian = extract(
        "Двое — Сабина Абдуллаева и Олжас Беков — в марте были освобождены. Старшему сержанту "
        "Ерлану Кусаинову на проспекте Машхур Жусупа было причинено огнестрельное ранение.",
        language="ru",
    ).persons
    assert ("Абдуллаева", "Сабина") in [(p.surname, p.given_name) for p in russian]
    assert "Жусупа" not in " ".join(p.name for p in russian)
    english = extract(
        "Dr Saltanat Omarova heads the morgue.\n\nOmarova: Of our 14, nine had gunshot wounds.",
        language="en",
    ).persons
    assert english == []


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # natasha reads a portal's name and the next paragraph's first word as one person
        (
            "Активисты решили собирать информацию о погибших. Для этого они создали портал "
            "Январь-2022\n\nИменно этот список погибших мы изучили. Задержан Ерлан Сапаров.",
            "ru",
        ),
        # a broker's note: capitalised words with digits
        (
            "Guidance for FY22 EBITDA Margin was cut. Yerlan Saparov was detained on 6 January.",
            "en",
        ),
    ],
)
def test_a_name_found_with_digits_is_no_name(text, language):
    found = extract(text, language=language, published=datetime.date(2022, 3, 1))
    assert [p.surname for p in found.persons] == [{"ru": "Сапаров", "en": "Saparov"}[language]]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Six people are in the dock. Five of them are former officers: Serik Turpanbaev, "
            "Nursultan Khamitov, Bauyrzhan Sopakov. They are accused of torture.",
            "en",
        ),
        (
            "Бес қаңтаршының ісі қарала бастады. Олар – Серік Тұрпанбаев, Нұрсұлтан Хамитов, "
            "Бауыржан Сопақов. Әуежайды басып алуға қатысты деген айып тағылған.",
            "kk",
        ),
    ],
)
def test_what_the_sentence_after_a_list_of_names_tells_is_of_them_all(text, language):
    persons = extract(text, language=language, learned=False).persons
    assert len(persons) == 3 and {p.fate for p in persons} == {"charged"}


@pytest.mark.parametrize(
    "after",
    [
        "Police detained dozens of protesters that night.",
        "They said hundreds of protesters were detained.",
        "They said police detained dozens of protesters.",
    ],
)
def test_a_list_of_names_is_not_given_what_others_after_it_did(after):
    text = f"Serik Turpanbaev, Nursultan Khamitov and Bauyrzhan Sopakov spoke at the rally. {after}"
    assert extract(text, language="en", learned=False).persons == []


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # a collective numeral ends a number: seven, then a week
        ("Олардың жетеуі бір аптадан соң босатылды.", [7, 1]),
        ("Қамауда қайтыс болғандар саны екеуге жетті.", [2]),
        ("екі жүз елу үш мың", [253000]),
        # "бірдей" (alike), "бірде" (once) are no numbers
        ("Бәрі бірдей аман шыққан жоқ, бірде хабар келді.", []),
    ],
)
def test_kazakh_collective_numerals_end_a_number(text, values):
    assert [n.value for n in find_numbers(text, "kk")] == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # "бірге" (together) after a number that ends in a unit is no part of it
        ("Жүз бір бірге ұсталды.", [101]),
        # ... but after a ten it is the dative of "бір": eleven
        ("Қаза тапқандар саны он бірге жетті.", [11]),
        # a pronoun that looks like a number does not hide the number after it
        ("Онда екі адам ұсталды.", [2]),
        ("Олармен бірге он екі адам ұсталды.", [12]),
        # "бірде-бір адам": no one at all
        ("Бірде-бір адам жарақат алған жоқ.", []),
        ("Бірде бір адам жарақат алған жоқ.", []),
    ],
)
def test_kazakh_words_like_numbers_neither_join_nor_hide_a_number(text, values):
    assert [n.value for n in find_numbers(text, "kk")] == values
