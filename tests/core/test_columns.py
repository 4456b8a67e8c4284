"""Finding the name column by what its cells hold, and the mapping offered when none does."""

from __future__ import annotations

import tomllib

import pytest

from tizim.core.columns import find_name_column, looks_like_name, mapping_template


@pytest.mark.parametrize(
    "cell",
    [
        "Серикбаев Ерлан Болатович",
        "АБДУЛЛАЕВА БАЯН МУХТАРОВНА",
        "Жанұзақ Сапарбаев",
        "Ерлан Мұхтар ұлы Жағыпаров",
        "Серикбаев Е.Б.",
        "Серикбаев Е. Б.",
        "Оспанов М.",
        "Bakhytzhan Toregozhina",
        "Qanat Jaqsylyqov",
        "Абенов-Ким Нурлан",
    ],
)
def test_names_in_any_script_order_or_with_initials_read_as_names(cell):
    assert looks_like_name(cell)


@pytest.mark.parametrize(
    "cell",
    [
        "",
        "Алматы",  # one word
        "г. Алматы",
        "Алматинская область",
        "пропал без вести",
        "Қаза Тапты",
        "06.01.2022",
        "37 лет",
        "СИЗО",
        "ИВС ДП г. Алматы",
        "Задержан у дома",
        "Е.Б.",
        "Ахметов Ержан 1985",
        "one two three four five six",
    ],
)
def test_places_statuses_dates_and_notes_do_not(cell):
    assert not looks_like_name(cell)


ROWS = [
    ("1", "Алматы", "Серикбаев Е.Б.", "погиб", "СИЗО"),
    ("2", "Тараз", "Оспанова Айгерим", "погиб", ""),
    ("3", "Актау", "Жанұзақ Сапарбаев", "задержан", "Задержан у дома"),
    ("4", "Шымкент", "Dmitriy Tsoy", "погиб", "ИВС"),
    ("5", "Алматы", "", "ранен", ""),
]


def test_the_column_whose_cells_are_names_is_found():
    assert find_name_column(ROWS, range(5)) == 2


def test_a_column_mostly_empty_or_not_names_is_not_taken():
    assert find_name_column(ROWS, (0, 1, 3, 4)) is None
    sparse = [(row[2] if i == 0 else "",) for i, row in enumerate(ROWS)]
    assert find_name_column(sparse, (0,)) is None


def test_a_column_of_places_is_not_taken_even_where_its_cells_look_like_names():
    # Two-word towns are capitalised like names; the gazetteer knows most of them.
    places = [("Жанаозен",), ("Усть-Каменогорск",), ("Жана Арка",), ("Нур-Султан",)]
    assert find_name_column(places, (0,)) is None


def test_the_column_with_the_most_names_wins():
    rows = [
        ("Ахметов Ержан", "Серикбаев Ерлан"),
        ("Ахметов Ержан", "Оспанова Айгерим"),
        ("Бекжан Оспан", "Жанұзақ Сапарбаев"),
        ("Шымкент", "Dmitriy Tsoy"),
    ]
    assert find_name_column(rows, (0, 1)) == 1


def test_the_mapping_offered_is_what_mapping_reads():
    text = mapping_template(["Кто", "Регион", "", 'Где "увезли"'], {1: "place"})
    columns = tomllib.loads(text)["columns"]
    assert columns == {"Кто": "", "Регион": "place", 'Где "увезли"': ""}
    assert "full_name" in text  # the fields are listed for the person filling it in
