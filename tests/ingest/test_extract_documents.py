"""What ``extract`` reads from the documents families and lawyers keep: a relatives' log of
parcels, a complaint to a judge, a briefing note with its attachments."""

from __future__ import annotations

import pytest

from tests.ingest.reading import persons_read


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            # a log's line ends with who went; the next line opens with whom the parcel was for
            "17.01 (пн) — Шевчук Т.\nКоле (Шевчук Николай): приняли — носки, свитер.\n"
            "Ерику (Баймагамбетов Ерик): приняли всё.\n\n20.01 (чт) — Мамырова А.\nЕрику — "
            "приняли.\nСерику (Мамыров Серик) — первый раз приняли. Ася говорит, в ИВС его били.",
            [("Мамыров", "Серик", "detained")],
        ),
        (
            # initials end a name: the capitalised word after them starts the next sentence
            "Были задержаны Жданов И.С. и Сулейменов Д. Протокол задержания составлен позже.",
            [("Жданов", "И.", "detained"), ("Сулейменов", "Д.", "detained")],
        ),
        (
            # a surname that does not decline, written first: the given name gives the case
            "Мы нашли Ткаченко Виталика только 15-го: его задержали ещё 6 января.",
            [("Ткаченко", "Виталик", "detained")],
        ),
    ],
)
def test_names_in_a_log_end_at_its_lines_brackets_and_initials(text, expected):
    assert persons_read(text, "ru") == expected


def test_a_list_of_attachments_tells_nothing_new_of_whom_its_papers_are_about():
    text = (
        "Жумабаева Меруерт, 19 лет: при задержании 6 января ей сломали руку.\n\n"
        "Приложения: копии приговора (Габдуллин А.С.), медицинской справки (Жумабаева М.), "
        "ответа о розыске (Кусаинов Т.) — 11 листов."
    )
    assert persons_read(text, "ru") == [("Жумабаева", "Меруерт", "detained")]


def test_a_case_trackers_files_name_surname_first_and_note_what_happened_without_a_subject():
    text = (
        "== OVERVIEW (as of 21.04) ==\n"
        "Maintained by: R. Nurlanova (coordinator).\n"
        "Detained at some point: 19\n\n"
        "== OPEN FILES ==\n\n"
        "#03 SARSENOV, Yerlan, b. 1987, tractor driver\n"
        "Detained 06.01 near the district akimat. Released 16.01.\n\n"
        "#07 KOVALCHUK, Sergei Petrovich, b. 1979\n"
        "Charged Art. 272(2) Criminal Code. Do NOT log as injury until he confirms.\n\n"
        "#11 ZHAKUPOVA, A., b. 2001, student\n"
        "Not detained. Hit in the thigh by a rubber bullet on Lenin St."
    )
    assert persons_read(text, "en") == [
        ("Sarsenov", "Yerlan", "detained"),
        ("Kovalchuk", "Sergei", "charged"),
        ("Zhakupova", "A.", "injured"),
    ]
