"""Column headers in Kazakh, Russian and English."""

from __future__ import annotations

import pytest

from tizim.core.headers import FIELDS, map_headers, recognise_header


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("№", "source_id"),
        ("ID", "source_id"),
        ("ФИО", "full_name"),
        ("Ф.И.О.", "full_name"),
        ("Аты-жөні", "full_name"),
        ("Full name", "full_name"),
        ("  NAME ", "full_name"),
        ("Фамилия", "surname"),
        ("Тегі", "surname"),
        ("Last name", "surname"),
        ("Имя", "given_name"),
        ("Аты", "given_name"),
        ("First name", "given_name"),
        ("Отчество", "patronymic"),
        ("Әкесінің аты", "patronymic"),
        ("Пол", "sex"),
        ("Жынысы", "sex"),
        ("Дата рождения", "birth_date"),
        ("Туған күні", "birth_date"),
        ("Г.р.", "birth_date"),
        ("DOB", "birth_date"),
        ("Возраст", "age"),
        ("Жасы", "age"),
        ("Age", "age"),
        ("Город", "place"),
        ("Населённый пункт", "place"),
        ("Населенный пункт", "place"),
        ("Қаласы", "place"),
        ("City", "place"),
        ("Регион", "place"),
        ("Статус", "fate"),
        ("Мәртебесі", "fate"),
        ("Status", "fate"),
        ("What happened", "fate"),
        ("Дата", "event_date"),
        ("Дата задержания", "event_date"),
        ("Күні", "event_date"),
        ("Date", "event_date"),
        ("Место содержания", "facility"),
        ("Ұстау орны", "facility"),
        ("Where held", "facility"),
        ("Примечание", "notes"),
        ("Ескерту", "notes"),
        ("Notes", "notes"),
    ],
)
def test_headers_in_three_languages(header, field):
    assert recognise_header(header) == field


@pytest.mark.parametrize("header", ["", "Телефон", "Email", "Колонка 7", "Ссылка"])
def test_unknown_headers_are_not_guessed(header):
    assert recognise_header(header) is None


def test_first_column_of_a_field_wins_and_others_stay_unmapped():
    headers = ["№", "ФИО", "Дата", "Статус", "Дата", "Телефон"]
    assert map_headers(headers) == {0: "source_id", 1: "full_name", 2: "event_date", 3: "fate"}


def test_every_field_has_a_header():
    recognised = {
        recognise_header(h)
        for h in [
            "№",
            "ФИО",
            "Фамилия",
            "Имя",
            "Отчество",
            "Пол",
            "Дата рождения",
            "Возраст",
            "Город",
            "Статус",
            "Дата",
            "Место содержания",
            "Примечание",
        ]
    }
    assert recognised == set(FIELDS)
