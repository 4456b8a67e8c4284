"""What a sentence leans on from the sentences before it: a figure revised ("that number had
risen to 59"), an answer to a question, a figure named again ("the five"), people named after
a sentence told what happened to them, lists after a colon, and the way lists of the dead and
verdicts write what happened. Fictional passages in Kazakh, Russian and English."""

from __future__ import annotations

import pytest

from tests.core.ingest.reading import claims_read, persons_read
from tizim.core.ingest.numbers import find_numbers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "This morning it reported 46 people injured; by six o'clock that number had risen "
            "to 59.",
            [(46, "exact", "injured"), (59, "exact", "injured")],
        ),
        (
            "On January 12 police said 85 people had been detained. On January 14 it revised "
            "that to 132. Local activists put the figure at roughly 200.",
            [(85, "exact", "custody"), (132, "exact", "custody"), (200, "about", "custody")],
        ),
        (
            "— Известно ли вам, сколько людей задержали в Ленгере?\n\n— По данным полиции — 64 "
            "человека. Там было больше ста фамилий.\n\n— Вы видели эти списки?\n\n"
            "— Там 20 фамилий.",
            [(64, "exact", "custody"), (100, "more_than", "custody")],
        ),
        (
            "A court sentenced five residents of Kentau. Judge Abenov found the five guilty of "
            "participating in mass riots.",
            [(5, "exact", "prosecuted")],
        ),
    ],
)
def test_figures_revised_answered_and_named_again(text, expected):
    assert claims_read(text, learned=False) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Остальные, 18 человек, находятся под стражей.", [(18, "exact", "custody")]),
        (
            "— Из 6 журналистов, задержанных в Туркестанской области, на свободе пятеро.",
            [(6, "exact", "custody"), (5, "exact", "released")],
        ),
        ("Трое из них не вышли из изолятора живыми.", [(3, "exact", "dead")]),
        ("Nineteen people remain in the city hospital.", [(19, "exact", "injured")]),
        (
            "At least three young men from Beyneu have not been heard from since January 6.",
            [(3, "at_least", "missing")],
        ),
        (
            "Пострадали 12 человек, включая четырёх полицейских, из них у троих огнестрельные.",
            [(12, "exact", "injured"), (4, "exact", "injured"), (3, "exact", "injured")],
        ),
        (
            "Қазір 16 адамға сот әкімшілік қамауға алу түріндегі жаза тағайындады.",
            [(16, "exact", "prosecuted")],
        ),
        (
            "Комиссияға барлығы 96 өтініш келіп түсті, оның 22-сі азаптау туралы шағымдар.",
            [(96, "exact", None), (22, "exact", None)],
        ),
        (
            "«К нам обратились около 120 семей, больше шестидесяти из них подали письменные "
            "жалобы на избиения», — сказал он.",
            [(120, "about", None), (60, "more_than", None)],
        ),
    ],
)
def test_asides_whole_and_part_hospitals_penalties_and_applications(text, expected):
    assert claims_read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Beyneu, a railway town of about 40,000 people, joined the protests.",
        "Екеуі де 7 қаңтарда ұсталған.",
        "Арасында 16 жасар бала бар.",
        "She was released after four nights in detention.",
        "Он до сих пор в СИЗО, у него двое детей.",
    ],
)
def test_a_population_both_an_age_nights_and_a_family_are_no_figures(text):
    assert claims_read(text) == []


@pytest.mark.parametrize(
    ("text", "language", "values"),
    [
        ("more than two dozen residents and a dozen officers", "en", [24, 12]),
        ("два десятка задержанных и около десятка раненых", "ru", [20, 10]),
        ("dozens of calls, десятки людей", "en", []),
    ],
)
def test_dozens_and_tens(text, language, values):
    assert [n.value for n in find_numbers(text, language)] == values


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "The group's coordinator, Bauyrzhan Tleuov, read out the names of some of the "
            "missing men: Nurlan Abdrakhmanov, Ilyas Tursunov and Sergey Pak.",
            "en",
            [
                ("Abdrakhmanov", "Nurlan", "missing"),
                ("Tursunov", "Ilyas", "missing"),
                ("Pak", "Sergey", "missing"),
            ],
        ),
        (
            "At least three young men have not been heard from since January 6. Their families "
            "have named Azat Mendybayev and Nursultan Zhumabayev.",
            "en",
            [("Mendybayev", "Azat", "missing"), ("Zhumabayev", "Nursultan", "missing")],
        ),
        (
            "Meanwhile, the businessman Marat Iskakov remains in custody.",
            "en",
            [("Iskakov", "Marat", "detained")],
        ),
        (
            "Olzhas Tazhibayev and Bakhytzhan Umirzakov each received six years.",
            "en",
            [("Tazhibayev", "Olzhas", "convicted"), ("Umirzakov", "Bakhytzhan", "convicted")],
        ),
        (
            "Asel Nurova, a teacher, suffered a concussion on January 6.",
            "en",
            [("Nurova", "Asel", "injured")],
        ),
    ],
)
def test_lists_after_a_colon_names_given_later_verdicts_and_wounds(text, language, expected):
    assert persons_read(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Асқар Мамыров (1986–2022). Студент.\n\nАлексей Ткаченко (1968–2022).",
            "kk",
            [("Мамыров", "Асқар", "killed"), ("Ткаченко", "Алексей", "killed")],
        ),
        (
            "Қаза тапқандардың арасында полиция сержанты Ерлан Қуанышбаев пен Ұлттық ұланның "
            "әскери қызметшісі Әділет Бекмұратов бар.",
            "kk",
            [("Қуанышбаев", "Ерлан", "killed"), ("Бекмұратов", "Әділет", "killed")],
        ),
        (
            "В редакцию обратились родственники 17-летнего Даулета Ержанова, пропавшего 6 января.",
            "ru",
            [("Ержанов", "Даулет", "missing")],
        ),
        (
            "Первой жертвой стала 38-летняя Айнур Касымова, медсестра.",
            "ru",
            [("Касымова", "Айнур", "killed")],
        ),
        (
            "Ещё Евгений Морозов, пенсионер, — его сбила бронемашина на улице Толе би.",
            "ru",
            [("Морозов", "Евгений", "injured")],
        ),
        (
            "Суд санкционировал арест троих жителей Сарани — Тлеугали Мамырова и братьев Рашида "
            "и Ильдара Хабибуллиных.",
            "ru",
            [
                ("Мамыров", "Тлеугали", "arrested"),
                ("Хабибуллин", "Рашид", "arrested"),
                ("Хабибуллин", "Ильдар", "arrested"),
            ],
        ),
        (
            "Если вы знаете что-либо о пропавших, пишите координатору списка Динаре Абишевой.",
            "ru",
            [],
        ),
    ],
)
def test_life_spans_titles_between_two_names_participles_and_brothers(text, language, expected):
    assert persons_read(text, language) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "But two of the bodies came to us from the temporary detention facility.",
            [(2, "exact", "dead")],
        ),
        ("Трое из задержанных умерли в больнице.", [(3, "exact", "dead")]),
        ("Five of the detained were released.", [(5, "exact", "released")]),
    ],
)
def test_a_part_of_a_group_named_after_the_count(text, expected):
    assert claims_read(text) == expected


def test_a_death_told_of_two_names_joined_by_or_after_an_age():
    assert persons_read(
        "The official list gives no circumstances of death for Yerlan Sarsenbayev, 33, or "
        "Vitaly Tsoi, 45.",
        "en",
    ) == [("Sarsenbayev", "Yerlan", "killed"), ("Tsoi", "Vitaly", "killed")]


def test_names_made_public_after_a_figure_take_its_fate():
    assert persons_read(
        "Two more protesters died in hospital. Their families later made their names public: "
        "Askar Baimukhanov and Nikolai Zhukov.",
        "en",
    ) == [("Baimukhanov", "Askar", "killed"), ("Zhukov", "Nikolai", "killed")]


def test_the_same_people_named_again_with_a_new_fate_are_a_new_figure():
    assert claims_read(
        "A court sentenced five residents of Kentau. In March the five were released."
    ) == [(5, "exact", "prosecuted"), (5, "exact", "released")]
