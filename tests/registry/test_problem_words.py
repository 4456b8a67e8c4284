"""Why a row is in quarantine, in the reader's language (``tizim.registry.problem_words``)."""

from __future__ import annotations

import datetime

import pytest
from django.utils import translation

from tizim.core.headers import map_headers
from tizim.core.rows import parse_row
from tizim.registry.problem_words import problem_in_words, problems_in_words

HEADERS = ("ФИО", "Дата рождения", "Возраст", "Статус", "Дата")
#: Rows with every kind of problem the importer writes.
BAD_ROWS = [
    ("Серикбаев Ерлан", "", "", "задержан", "31.02.2022"),
    ("Серикбаев Ерлан", "12 марта", "", "задержан", "06.01.2022"),
    ("Серикбаев Ерлан", "", "", "задержан", "вчера"),
    ("Серикбаев Ерлан", "", "", "задержан", "10.08.1900"),
    ("Серикбаев Ерлан", "", "", "задержан", "10.08.2099"),
    ("Серикбаев Ерлан", "1750", "", "задержан", "06.01.2022"),
    ("Серикбаев Ерлан", "12.03.2023", "", "задержан", "06.01.2022"),
    ("Серикбаев Ерлан", "37 лет", "52", "задержан", "06.01.2022"),
    ("Серикбаев Ерлан", "", "много", "задержан", "06.01.2022"),
    ("Серикбаев Ерлан", "", "190", "задержан", "06.01.2022"),
    ("Серикбаев Ерлан", "", "", "???", "06.01.2022"),
    ("Агент 007", "", "", "задержан", "06.01.2022"),
    ("", "1980", "", "задержан", "06.01.2022"),
    ("", "", "", "", ""),
]


def problems() -> list[str]:
    columns = map_headers(HEADERS)
    found = []
    for cells in BAD_ROWS:
        row = parse_row(HEADERS, cells, columns, reference_date=datetime.date(2022, 1, 20))
        assert row.problems, cells
        found += row.problems
    return found


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_every_problem_the_importer_writes_has_words(language):
    with translation.override(language):
        for problem in problems():
            said = problem_in_words(problem)
            assert said != problem, f"no {language} words for {problem!r}"
            assert not any(word in said for word in ("date:", "status:", "birth:", "name:")), said


def test_the_values_the_row_held_are_kept_as_written():
    with translation.override("ru"):
        said = problems_in_words("date: no such date: 31.02.2022; status: unknown status: '???'")
    assert said == "дата: нет такой даты: 31.02.2022; статус: неизвестный статус: «???»"


def test_english_and_unknown_problems_read_as_stored():
    with translation.override("en"):
        assert (
            problem_in_words("date: no such date: 31.02.2022") == "date: no such date: 31.02.2022"
        )
    with translation.override("kk"):
        assert problem_in_words("something new") == "something new"
