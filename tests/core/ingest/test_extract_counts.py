"""Which numbers ``extract`` reads as figures about people, and of what: a crowd's size,
complaints of beatings, penalties and releases in their many words, and numbers that count no
one (a place's capacity, forces sent in, a phone number, a district's population)."""

from __future__ import annotations

import pytest

from tests.core.ingest.reading import PUBLISHED, claims_read
from tizim.core.ingest import extract


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police put the crowd at 250.", [(250, "exact", None)]),
        (
            "Полиция оценивает число собравшихся примерно в 400 человек.",
            [(400, "about", None)],
        ),
        ("Алаңға 2 мыңға жуық адам шықты.", [(2000, "nearly", None)]),
        (
            "Complaints of beatings have been filed by seven people who were held there.",
            [(7, "exact", None)],
        ),
        (
            "По меньшей мере шестеро задержанных рассказали нам об избиениях.",
            [(6, "at_least", None)],
        ),
        (
            "Бұрынғы ұсталғандардың 9-ы полиция бөлімінде ұрып-соғылғанын айтты.",
            [(9, "exact", None)],
        ),
        (
            "Three more people were fined, and two were let off with a formal warning.",
            [(3, "exact", "prosecuted"), (2, "exact", "prosecuted")],
        ),
        (
            "Кроме того, районный суд оштрафовал двоих жителей за участие в митинге — по 50 МРП.",
            [(2, "exact", "prosecuted")],
        ),
        ("Аудандық сот 9 адамға үкім шығарды.", [(9, "exact", "prosecuted")]),
        (
            "По данным прокуратуры, в области к уголовной ответственности по делам о январских "
            "событиях привлечены 46 человек.",
            [(46, "exact", "prosecuted")],
        ),
        (
            "– Олардың 20-сы жеке басы анықталып, түсіндіру жұмысы жүргізілгеннен кейін үйлеріне "
            "жіберілді.",
            [(20, "exact", "released")],
        ),
        (
            "С тех пор на свободу вышли девять человек.",
            [(9, "exact", "released")],
        ),
        (
            "В список включены 58 человек, лишённых свободы по политическим мотивам.",
            [(58, "exact", "custody")],
        ),
        (
            'Police said that 23 persons had been "delivered" to the district police station.',
            [(23, "exact", "custody")],
        ),
        (
            "Главврач привела другие цифры: за медицинской помощью в районную больницу обратились "
            "11 человек, госпитализированы трое, остальные отпущены на амбулаторное лечение.",
            [(11, "exact", "injured"), (3, "exact", "injured")],
        ),
    ],
)
def test_crowds_complaints_penalties_and_releases(text, expected):
    assert claims_read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Two riot police units of around 120 officers arrived from Uralsk on Thursday.",
        "Алаңға облыс орталығынан 200-ге жуық полиция қызметкері жеткізілді.",
        "They were held in a building designed for twelve detainees.",
        "The police set up a hotline for relatives of those detained at +7 71137 2-14-55.",
        "Қорытындылай келе, аудан халқының саны 23 мыңнан асты, жыл ішінде 412 сәби дүниеге келді.",
    ],
)
def test_forces_sent_a_places_capacity_a_phone_and_a_population_are_no_figures(text):
    assert claims_read(text) == []


def test_a_crowd_that_something_happened_to_is_still_counted_by_its_fate():
    text = "Police fired into a crowd of protesters, and 5 people were injured."
    assert claims_read(text) == [(5, "exact", "injured")]


def test_officers_sent_in_who_were_hurt_are_counted():
    text = "Of the officers sent in, 18 police officers were injured."
    assert claims_read(text) == [(18, "exact", "injured")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            # a Kazakh share's verb comes last, however far ("… кейін үйлеріне жіберілді")
            "Полиция 32 адам ұсталғанын айтты.\n– Олардың 20-сы жеке басы анықталып, түсіндіру "
            "жұмысы жүргізілгеннен кейін үйлеріне жіберілді.",
            [(32, "exact", "custody"), (20, "exact", "released")],
        ),
        (
            "Полиция 32 адам ұсталғанын айтты.\nОлардың 19-ы әкімшілік соттың қаулысымен 5 "
            "тәуліктен 15 тәулікке дейінгі мерзімге әкімшілік қамаққа алынды.",
            [(32, "exact", "custody"), (19, "exact", "prosecuted")],
        ),
        ("The court heard at least 70 witnesses.", [(70, "at_least", None)]),
        (
            "Адвокаты говорят, что более 40 задержанных заявили о пытках и избиениях.",
            [(40, "more_than", None)],
        ),
        (
            "Жалоб на пытки от подсудимых мы зафиксировали 11 — ни одна не дошла до суда.",
            [(11, "exact", None)],
        ),
    ],
)
def test_a_kazakh_shares_last_verb_witnesses_and_complaints_told_of(text, expected):
    assert claims_read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mostly, no. Eight were released within 72 hours.", [(8, "exact", "released")]),
        ("Fifteen have since been allowed home.", [(15, "exact", "released")]),
        ("Nine people stood in the dock in Makanchi today.", [(9, "exact", "prosecuted")]),
        (
            "Of those, 41 were later released under the amnesty, and 9 are still serving prison "
            "terms.",
            [(41, "exact", "released"), (9, "exact", "custody")],
        ),
        ("В ту ночь в районный отдел привезли семнадцать человек.", [(17, "exact", "custody")]),
        ("Под суд пошли одиннадцать человек.", [(11, "exact", "prosecuted")]),
        (
            "Остальных четверых этой осенью освободили условно-досрочно.",
            [(4, "exact", "released")],
        ),
        ("Қалған төртеуіне қатысты қылмыстық іс қозғалды.", [(4, "exact", "prosecuted")]),
        (
            "Восемь опрошенных сообщили, что в первые сутки к ним применялось физическое насилие.",
            [(8, "exact", None)],
        ),
        (
            "Лепсідегі мәдениет үйі алдында 100-ден астам адам бейбіт жиынға шықты.",
            [(100, "more_than", None)],
        ),
        (
            "Мы располагаем сведениями как минимум о 30 делах, где обвинение держалось на "
            "признаниях.",
            [(30, "at_least", None)],
        ),
        ("Сапар шамамен екі жарым сағатқа созылды.", []),
    ],
)
def test_serving_terms_the_dock_freed_home_and_a_half(text, expected):
    assert claims_read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Eleven of them were fined and let go the same day.",
        "Одиннадцать из них оштрафовали и в тот же день отпустили.",
    ],
)
def test_fined_and_let_go_are_counted_as_let_go(text):
    assert claims_read(text) == [(11, "exact", "released")]


def test_checkpoints_are_no_people():
    text = "Police detained 79 people and set up 82 checkpoints."
    assert claims_read(text) == [(79, "exact", "custody")]


def test_a_tables_rows_are_what_their_labels_say():
    text = (
        "| Category                          | Town | Rest of district | Total |\n"
        "|-----------------------------------|------|------------------|-------|\n"
        "| Detained 5–7 January 2022         | 58   | 19               | 77    |\n"
        "| Taken to hospital after dispersal | 9    | 2                | 11    |\n"
        "| Complained of beatings in custody | 14   | 3                | 17    |\n"
        "| Амнистия бойынша босатылғандар    | 4    | 40               | 44    |"
    )
    assert claims_read(text) == [
        (58, "exact", "custody"),
        (19, "exact", "custody"),
        (77, "exact", "custody"),
        (9, "exact", "injured"),
        (2, "exact", "injured"),
        (11, "exact", "injured"),
        (14, "exact", None),
        (3, "exact", None),
        (17, "exact", None),
        (4, "exact", "released"),
        (40, "exact", "released"),
        (44, "exact", "released"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr Bekzat Toleuov, aged 22, a student, was detained on 6 January.", []),
        (
            "The submission is based on interviews with 26 former detainees and nine relatives.",
            [(26, "exact", None), (9, "exact", None)],
        ),
        (
            "Outside the administration building on the square were about 150 people.",
            [(150, "about", None)],
        ),
        (
            "Some 300 of the plant's employees stopped work to demand higher wages.",
            [(300, "about", None)],
        ),
        ("Порядок на площади обеспечивали 40 сотрудников полиции.", []),
        ("Алаңда қоғамдық тәртіпті 40 полиция қызметкері қамтамасыз етуде.", []),
        ("Complaints were lodged by 12 organisations.", []),
    ],
)
def test_ages_those_interviewed_crowds_strikes_and_forces_keeping_order(text, expected):
    assert claims_read(text, learned=False) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "More than 1,300 police officers were injured while keeping order, the ministry said.",
            [(1300, "more_than", "injured")],
        ),
        ("Погибли 19 сотрудников полиции, охранявших здание акимата.", [(19, "exact", "dead")]),
        (
            "As troops patrolled the streets, 300 detained by police were taken to the stadium.",
            [(300, "exact", "custody")],
        ),
        (
            "Some 120 police officers were sent to hospital with injuries.",
            [(120, "about", "injured")],
        ),
        (
            "Ещё 12 человек отбывают наказание в виде ограничения свободы.",
            [(12, "exact", "prosecuted")],
        ),
        ("5 раненых остались в отделении реанимации.", [(5, "exact", "injured")]),
        ("40 food parcels were delivered to the police station for detainees.", []),
        ("Президент освободил от должности 5 акимов.", []),
        ("Twelve relatives walked out of the courtroom in protest.", [(12, "exact", None)]),
        ("Алаңға шыққан 2 мың адам кешке үйлеріне қайтты.", [(2000, "exact", None)]),
        ("Жалобы получили 3 ведомства.", []),
        (
            "We interviewed 26 former detainees and 9 were later released.",
            [(26, "exact", "released"), (9, "exact", "released")],
        ),
        ("Полиция 150 жеке куәлікті тексерді.", []),
    ],
)
def test_what_the_rules_for_forces_terms_release_and_complaints_do_not_read(text, expected):
    assert claims_read(text) == expected


def test_a_table_row_with_long_runs_of_spaces_is_read_at_once():
    row = "| Detained 5-7 January" + " " * 60 + "|" + " " * 3000 + "—" + " " * 10 + "|"
    assert claims_read(row) == []  # a pattern that backtracks would take seconds here


def test_a_tables_complaints_row_is_proposed_and_its_cells_count_what_its_label_says():
    text = (
        "| Категория            | Город | Район | Всего |\n"
        "|----------------------|-------|-------|-------|\n"
        "| Задержаны 5–7 января | 41    | 12    | 53    |\n"
        "| Жалобы на избиения   | 9     | 2     | 11    |"
    )
    found = extract(text, published=PUBLISHED, learned=False)
    assert [(c.value, c.fate_group, c.counted) for c in found.claims] == [
        (41, "custody", "Задержаны 5–7 января"),
        (12, "custody", "Задержаны 5–7 января"),
        (53, "custody", "Задержаны 5–7 января"),
        (9, None, "Жалобы на избиения"),
        (2, None, "Жалобы на избиения"),
        (11, None, "Жалобы на избиения"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a range is its lower bound, at least, with the upper bound's multiplier
        ("I wrote that between 50 and 60 people were detained.", [(50, "at_least", "custody")]),
        ("От 50 до 60 человек были задержаны.", [(50, "at_least", "custody")]),
        ("По городу, говорят, задержали от 50 до 60 человек.", [(50, "at_least", "custody")]),
        ("Four or five people were injured.", [(4, "at_least", "injured")]),
        ("У акимата собираются, по оценкам, от 2 до 3 тыс. человек.", [(2000, "at_least", None)]),
        # two figures joined by "and" without "between" are two figures
        ("Задержаны 12 и 15 человек.", [(12, "exact", "custody"), (15, "exact", "custody")]),
        # brought to a police station, the station named first
        (
            "Установлено, что в Шетский РОП были доставлены 14 жителей района.",
            [(14, "exact", "custody")],
        ),
        ("«У нас в Темиртау трое так и не нашлись».", [(3, "exact", "missing")]),
        # where people are is not a count of things ("two main hospitals")
        (
            "171 dead, over 2,600 in hospitals, 6,200 detained.",
            [(171, "exact", "dead"), (2600, "more_than", "injured"), (6200, "exact", "custody")],
        ),
        ("Ресми 200-ге жуық адам өлді дейді.", [(200, "nearly", "dead")]),
        ("Бүгінде 168 адам қала ауруханаларына жүгінген.", [(168, "exact", "injured")]),
        # an ellipsis before a number is no decimal point
        ("ӘЛИЯ: «...4 мыңға жуық адам жарақат алды.", [(4000, "nearly", "injured")]),
        # a part of a figure told before: the whole is not told again
        (
            "Three remain in custody, and two of those three have been charged.",
            [(3, "exact", "custody"), (2, "exact", "prosecuted")],
        ),
        # a register's numbers with a leading zero, an identity number masked
        (
            "задержаны – 4 (двое освобождены: 0412 – 10.01, 0419 – 16.01 по отбытии ареста);",
            [(4, "exact", "custody")],
        ),
        ("2 | Қоңыратбаев Ерлан | 8904******** | жарақат алған (оқ тиген, ауыр)", []),
        # complaints received, clients and families who applied: figures with no fate group
        ("Генпрокуратура сообщила, что жалоб на пытки поступило 112.", [(112, "exact", None)]),
        ("В наши отделения за поддержкой обратились 318 клиентов.", [(318, "exact", None)]),
        # a Kazakh collective numeral in digits ("4-еуі": four of them); returned home
        (
            "Ауылдан 7 жігіт сотталды, оның 4-еуі рақымшылық туралы заң бойынша босатылды.",
            [(7, "exact", "prosecuted"), (4, "exact", "released")],
        ),
        (
            "Ұсталған 7 жерлесіміздің 5-еуі үйіне оралды.",
            [(7, "exact", "custody"), (5, "exact", "released")],
        ),
        # the part after "of these" is a figure of its own
        (
            "Company-wide, 17 employees detained since 04.01, of these 9 released.",
            [(17, "exact", "custody"), (9, "exact", "released")],
        ),
    ],
)
def test_ranges_stations_and_the_not_found(text, expected):
    assert claims_read(text, learned=False) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a table written without its outer bars: each row's label says what its cell counts
        (
            "Outcome | People\nSentenced by a court (all penalties) | 6\n"
            "Complained of beatings in custody | 13",
            [(6, "exact", "prosecuted"), (13, "exact", None)],
        ),
        (
            "Көрсеткіш | Адам саны\nСотталғандар (барлық жаза түрлері) | 29\n"
            "оның ішінде сот шешімімен қамауға алынғандар | 38",
            [(29, "exact", "prosecuted"), (38, "exact", "custody")],
        ),
        # a list's age column, and an age told as "he was 62,"
        ("Vlasenko, Igor P. | 34 | Ruzayevka | Detained 6 January in Petropavl", []),
        ("He was 62, a retired signalman, and he was picked up on the night of 7 January.", []),
        # taken away, in three languages (not taken to hospital, nor before a court)
        (
            "Not 18. At least 25 were taken from our microdistrict alone.",
            [(25, "at_least", "custody")],
        ),
        ("Говорят, из нашего посёлка 9 человек забрали в Астану.", [(9, "exact", "custody")]),
        ("Қарқарадан ғана 8 жігітті әкетті.", [(8, "exact", "custody")]),
        ("Two were taken before the specialised administrative court.", []),
        ("Двоих увезли на скорой.", []),
        # a speaker putting a figure right: the right one counts, the one taken back does not
        (
            "Мне сказали — по области в ту ночь задержали сорок... нет, сорок четыре человека.",
            [(44, "exact", "custody")],
        ),
        (
            "Шымкентте ұсталғандардың саны жүзден асады — нақтырақ айтсам, жүз он алты.",
            [(116, "exact", "custody")],
        ),
    ],
)
def test_tables_without_bars_ages_taken_away_and_figures_put_right(text, expected):
    assert claims_read(text, learned=False) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a Kazakh share of a group, its verb far at the end past who gave what term
        (
            "Ұсталғандардың екеуіне Тараз қалалық соты 5 жыл және 4 жыл бас бостандығынан айыру "
            "жазасын тағайындады.",
            [(2, "exact", "prosecuted")],
        ),
        # things and room, not people; an age
        ("Our petition for the Kolzhat detainees has 1,912 signatures.", []),
        ("I studied the 38 photographs taken at the morgue and the 18 tissue slides released.", []),
        ("В отделении развёрнуто 40 мест для хранения тел.", []),
        ("Nothing would explain sudden death in a healthy man of 25.", []),
        (
            "За 6 января бригады выполнили 17 вызовов и доставили в больницу 14 пострадавших.",
            [(14, "exact", "injured")],
        ),
        # a written pledge is no signature: those released on one are counted
        ("Двое отпущены под подписку о невыезде.", [(2, "exact", "released")]),
    ],
)
def test_shares_at_the_end_of_a_kazakh_sentence_and_things_counted(text, expected):
    assert claims_read(text, learned=False) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # sums of money beside the people they are paid to
        (
            "Выплаты предусмотрены семьям трех погибших жителей города, по три миллиона тенге, и "
            "двадцати семи раненым, по пятьсот тысяч, плюс 900 тысяч на реабилитацию.",
            [(3, "exact", "dead"), (27, "exact", "injured")],
        ),
        ("Из них 36,4 миллиона — единовременные выплаты пострадавшим жителям.", []),
        (
            "Қаза тапқан азаматтардың отбасыларына 300 (үш жүз) айлық есептік көрсеткіш мөлшерінде "
            "көмек көрсетілсін.",
            [],
        ),
        ("— сәлемдемелер (СИЗО, 17 дана) – 102 000 ₸", []),
        ("Жиналғаны – 386 000 ₸, 74 адам аударды.", []),
        ("She charges 300,000 for the investigation stage.", []),
        (
            "Police transferred 40 detainees to the pre-trial centre in Taraz.",
            [(40, "exact", "custody")],
        ),
        ("Police charged 30 protesters with hooliganism.", [(30, "exact", "prosecuted")]),
    ],
)
def test_sums_of_money_and_things_in_pieces_are_no_count_of_people(text, expected):
    assert claims_read(text, learned=False) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # where people are held says what happened to them, with no verb; not a cell's size
        ("He's in the IVS, 14 people in a cell for 6.", [(14, "exact", "custody")]),
        ("В камере на 4 человека нас было 11.", [(11, "exact", "custody")]),
    ],
)
def test_people_where_they_are_held_are_in_custody_without_a_verb(text, expected):
    assert claims_read(text, learned=False) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the whole after "of the", with nothing counted after it, was told before
        ("Three of the seven were released on Monday.", [(3, "exact", "released")]),
        ("3 of the 7 were released on Monday.", [(3, "exact", "released")]),
        # an age in brackets
        (
            "The fourth, Miras Aldiyarov (he is only 19, our neighbours' son), was released on 24 "
            "February.",
            [],
        ),
    ],
)
def test_a_part_of_a_whole_told_before_and_an_age_in_brackets(text, expected):
    assert claims_read(text, learned=False) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a Kazakh participle before the count says who they are; the verb after, what
        # happened to them
        ("Негізсіз ұсталған 60 адам босатылды.", [(60, "exact", "released")]),
        ("Департамент «заңсыз ұсталған» 45 адамның босатылғанын хабарлады.",
         [(45, "exact", "released")]),
        ("Полиция ұстаған 40 адамның 12-сі босатылды.",
         [(40, "exact", "custody"), (12, "exact", "released")]),
        ("Ұсталған 100 адам.", [(100, "exact", "custody")]),
        # unless a share of them follows, whose verb it is
        ("Сотталған 5 адамның біреуі ғана қамауда.",
         [(5, "exact", "prosecuted"), (1, "exact", "custody")]),
        # an amnesty not applied frees no one
        ("Сотталған 3 адамға рақымшылық қолданылмады.", [(3, "exact", "prosecuted")]),
        # "the arrest of" as "arrests"
        ("The crackdown led to the arrest of nearly 3,000 people in the region.",
         [(3000, "nearly", "custody")]),
    ],
)  # fmt: skip
def test_a_kazakh_participle_before_the_count_and_the_arrest_of_people(text, expected):
    assert claims_read(text, learned=False) == expected
