"""Sentences: a line break ends one, unless the line is prose wrapped onto the next."""

from __future__ import annotations

import pytest

from tizim.core.ingest.text import fold, split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # prose wrapped in lower case, at the same indent
        (
            "Memet Khashimov, 52, a market trader from the village\nfrom Tauturgen, died.",
            ["Memet Khashimov, 52, a market trader from the village\nfrom Tauturgen, died."],
        ),
        (
            "       ambulance took a woman away, head bleeding, something hit her\n"
            "       near the bakery.",
            [
                "ambulance took a woman away, head bleeding, something hit her\n"
                "       near the bakery."
            ],
        ),
        # a word with a capital after a long line that stops mid-clause
        (
            "Алтынемел ауылының тұрғыны, 20 жастағы Әлішер Дилмұратов 4 қаңтарда\n"
            "Алматыға жұмысқа кеткен.",
            [
                "Алтынемел ауылының тұрғыны, 20 жастағы Әлішер Дилмұратов 4 қаңтарда\n"
                "Алматыға жұмысқа кеткен."
            ],
        ),
        # not: a short line, a heading, a row's figure, a row and its dots, a label, an
        # abbreviation under an address, another indent
        ("Detained in the village\nyesterday", ["Detained in the village", "yesterday"]),
        (
            "Список лиц, лишённых свободы по политическим мотивам\nВыпуск 7",
            ["Список лиц, лишённых свободы по политическим мотивам", "Выпуск 7"],
        ),
        (
            "Оның ішінде: қамауға алынғандар — 3, үйқамаққа алынғандар — 2\nСотталғандар — 4",
            ["Оның ішінде: қамауға алынғандар — 3, үйқамаққа алынғандар — 2", "Сотталғандар — 4"],
        ),
        (
            "Shifts worked .................................. 47 of 58 rostered\nstaff detained",
            [
                "Shifts worked .................................. 47 of 58 rostered",
                "staff detained",
            ],
        ),
        (
            "titleText: Region: 14 criminal cases, 9 people in custody, he said\nmainText: The",
            ["titleText: Region: 14 criminal cases, 9 people in custody, he said", "mainText: The"],
        ),
        (
            "070004, г. Усть-Каменогорск, ул. Кабанбай батыра, 118, офис 9\nтел. 8 7232 55",
            ["070004, г. Усть-Каменогорск, ул. Кабанбай батыра, 118, офис 9", "тел. 8 7232 55"],
        ),
        (
            "Man Shot In Bloody Unrest Boycotts Election, Wants Better Change\nDaniyar Adilbekov",
            [
                "Man Shot In Bloody Unrest Boycotts Election, Wants Better Change",
                "Daniyar Adilbekov",
            ],
        ),
        (
            "RU-1: Орынгалиев Максат / KK-1: Мақсат Орынғали / EN-1: not named / V: yes\nMissing",
            [
                "RU-1: Орынгалиев Максат / KK-1: Мақсат Орынғали / EN-1: not named / V: yes",
                "Missing",
            ],
        ),
        # a dateline's capitals make no headline
        (
            "ZHANATAS, Kazakhstan, Jan 12 (SW) - Police in Zhanatas detained 42 people on\n"
            "Tuesday night.",
            [
                "ZHANATAS, Kazakhstan, Jan 12 (SW) - Police in Zhanatas detained 42 people on\n"
                "Tuesday night."
            ],
        ),
        (
            "night plan: Dina on the phones till 02:00, someone asked about it\n   and more",
            ["night plan: Dina on the phones till 02:00, someone asked about it", "and more"],
        ),
        # a short line that cannot end its sentence: a comma, a word no sentence ends with, a
        # day whose month opens the next line
        (
            "Один житель, Бекмаханов Т.С.,\n1998 г. р., получил ранение.",
            ["Один житель, Бекмаханов Т.С.,\n1998 г. р., получил ранение."],
        ),
        (
            "Driver Ruslan Kenzhebekov (41) was\ndetained near the bus station on 6\nJanuary.",
            ["Driver Ruslan Kenzhebekov (41) was\ndetained near the bus station on 6\nJanuary."],
        ),
        # … not a table's row, nor a line that may end its sentence
        ("| Абенов |\nзадержан", ["| Абенов |", "задержан"]),
        ("Задержаны 7 человек\nв том числе", ["Задержаны 7 человек", "в том числе"]),
    ],
)
def test_a_line_break_ends_a_sentence_unless_the_line_is_wrapped_prose(text, expected):
    assert [s.text for s in split_sentences(text)] == expected


def test_a_line_break_folds_to_a_space_and_keeps_the_length():
    assert fold("signed a\nwritten pledge") == "signed a written pledge"
