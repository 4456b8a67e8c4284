"""Column headers in Kazakh, Russian and English."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tizim.core.headers import FIELDS, find_header, headers_not_found, map_headers, recognise_header

# Every header the lists are known to use, by field (the brief's vocabulary, all of it).
KNOWN: dict[str, tuple[str, ...]] = {
    "event_date_month_first": ("Date (MM/DD/YYYY)", "Incident date (mm/dd/yyyy)"),
    "birth_date_month_first": ("Date of birth (MM/DD/YYYY)", "DOB (mm/dd/yyyy)"),
    "source_id": ("№", "N", "No", "#", "ID", "Id", "Номер", "Нөмір", "Record id", "№ п/п"),
    "full_name": (
        "ФИО",
        "Ф.И.О.",
        "Ф. И. О.",
        "Аты-жөні",
        "Аты жөні",
        "Толық аты-жөні",
        "Name",
        "Full name",
        "Имя фамилия",
        "Фамилия, имя, отчество",
    ),
    "surname": ("Фамилия", "Тегі", "Surname", "Last name", "Family name"),
    "given_name": ("Имя", "Аты", "Given name", "First name"),
    "patronymic": ("Отчество", "Әкесінің аты", "Patronymic", "Middle name"),
    "sex": ("Пол", "Жынысы", "Sex", "Gender"),
    "birth_date": (
        "Дата рождения",
        "Год рождения",
        "Г.р.",
        "Туған күні",
        "Туған жылы",
        "Date of birth",
        "DOB",
        "Birth date",
        "Year of birth",
    ),
    "age": ("Возраст", "Жасы", "Жас", "Age"),
    "place": (
        "Город",
        "Населённый пункт",
        "Нас. пункт",
        "Место",
        "Регион",
        "Область",
        "Қала",
        "Қаласы",
        "Елді мекен",
        "Облыс",
        "City",
        "Town",
        "Place",
        "Region",
        "Location",
    ),
    "fate": (
        "Статус",
        "Судьба",
        "Что случилось",
        "Мәртебесі",
        "Мәртебе",
        "Жағдайы",
        "Status",
        "Fate",
        "What happened",
    ),
    "event_date": (
        "Дата",
        "Дата события",
        "Дата задержания",
        "Дата смерти",
        "Күні",
        "Оқиға күні",
        "Ұсталған күні",
        "Date",
        "Event date",
        "Date of detention",
        "Date of death",
        "Date of event",
        "Date of the event",
        "Дата происшествия",
        "Оқиға болған күні",
        "When",
    ),
    "facility": (
        "Место содержания",
        "Где содержится",
        "Ұстау орны",
        "Қайда ұсталуда",
        "Facility",
        "Place of detention",
        "Held at",
    ),
    "notes": (
        "Примечание",
        "Примечания",
        "Комментарий",
        "Ескерту",
        "Түсініктеме",
        "Notes",
        "Note",
        "Comment",
        "Comments",
    ),
}
CASES = [(header, field) for field, headers in KNOWN.items() for header in headers]


def test_the_vocabulary_covers_every_field():
    assert set(KNOWN) == set(FIELDS)


@pytest.mark.parametrize(("header", "field"), CASES)
def test_headers_in_three_languages(header, field):
    assert recognise_header(header) == field


@pytest.mark.parametrize(("header", "field"), CASES)
def test_case_spaces_and_trailing_punctuation_do_not_matter(header, field):
    assert recognise_header(f"  {header.upper()} ") == field
    assert recognise_header(f"{header.lower()}:") == field
    assert recognise_header(f"{header} *") == field


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Населенный пункт", "place"),  # е for ё
        ("НАСЕЛЁННЫЙ  ПУНКТ", "place"),
        ("Ф.И.О", "full_name"),
        ("Ф И О", "full_name"),
        ("full_name", "full_name"),  # as our own exports write it
        ("Full-name", "full_name"),
        ("birth_date", "birth_date"),
        ("Г/р", "birth_date"),
        ("Дата рождения (или возраст)", "birth_date"),
        ("Status (as of 20 Jan)", "fate"),
        ("Name (full)", "full_name"),
        ("N п/п", "source_id"),
        ("No.", "source_id"),
        ("Where held", "facility"),
    ],
)
def test_spelling_variants(header, field):
    assert recognise_header(header) == field


@pytest.mark.parametrize("field", FIELDS)
def test_the_field_names_themselves_are_headers(field):
    assert recognise_header(field) == field


@pytest.mark.parametrize(
    "header",
    [
        "Фамилия, инициалы",
        "Фамилия и инициалы",
        "Фамилия И.О.",
        "Фамилия И. О.",
        "ФИО (инициалы)",
        "Тегі, аты-жөнінің бас әріптері",
        "Тегі және инициалдары",
        "Surname, initials",
        "Surname and initials",
        "Last name, initials",
        "Name and initials",
        "ФИО погибшего",
        "Қаза тапқанның аты-жөні",
        "Name of the victim",
    ],
)
def test_a_name_with_initials_or_whose_name_it_is_is_the_full_name(header):
    assert recognise_header(header) == "full_name"


@pytest.mark.parametrize(
    "header",
    [
        "Место гибели",
        "Место смерти",
        "Где погиб",
        "Место задержания",
        "Место происшествия",
        "Қаза тапқан жері",
        "Қайтыс болған жері",
        "Ұсталған жері",
        "Оқиға орны",
        "Өңір",
        "Place of death",
        "Where killed",
        "Where detained",
        "Place of arrest",
        "Oblast",
        "Province",
        "Город гибели",
        "Region of death",
    ],
)
def test_where_it_happened_and_regions_are_the_place(header):
    assert recognise_header(header) == "place"


@pytest.mark.parametrize(
    "header", ["Қаза тапқан күні", "Когда погиб", "Date killed", "Дата гибели"]
)
def test_when_someone_was_killed_is_the_event_date(header):
    assert recognise_header(header) == "event_date"


def test_where_someone_is_held_stays_the_facility_beside_where_they_were_taken():
    headers = ["ФИО", "Место задержания", "Место содержания"]
    assert map_headers(headers) == {0: "full_name", 1: "place", 2: "facility"}


@pytest.mark.parametrize(
    "header", ["", "   ", "Телефон", "Email", "e-mail", "Колонка 7", "Ссылка", ":", "Имя2"]
)
def test_unknown_headers_are_not_guessed(header):
    assert recognise_header(header) is None


def test_first_column_of_a_field_wins_and_others_stay_unmapped():
    headers = ["№", "ФИО", "Дата", "Статус", "Дата", "Телефон", "Status"]
    assert map_headers(headers) == {0: "source_id", 1: "full_name", 2: "event_date", 3: "fate"}


def test_a_sheet_in_kazakh():
    headers = ["Нөмір", "Тегі", "Аты", "Әкесінің аты", "Туған жылы", "Қаласы", "Мәртебесі"]
    assert list(map_headers(headers).values()) == [
        "source_id",
        "surname",
        "given_name",
        "patronymic",
        "birth_date",
        "place",
        "fate",
    ]


def test_no_headers_no_mapping():
    assert map_headers([]) == {}


@given(st.text(max_size=40))
def test_any_header_is_a_field_or_none(header):
    assert recognise_header(header) in (*FIELDS, None)


@given(st.lists(st.sampled_from([h for h, _ in CASES] + ["Телефон", ""]), max_size=12))
def test_map_headers_maps_each_field_at_most_once_to_its_first_column(headers):
    mapping = map_headers(headers)
    assert len(set(mapping.values())) == len(mapping)
    for index, field in mapping.items():
        assert recognise_header(headers[index]) == field
        assert all(recognise_header(h) != field for h in headers[:index])


def test_person_beside_name_leaves_the_name_to_the_name_column():
    assert map_headers(["Person", "Name", "Date of event"]) == {1: "full_name", 2: "event_date"}
    assert map_headers(["Name", "Person"]) == {0: "full_name"}


def test_person_alone_is_still_the_name():
    assert map_headers(["Person", "Status"]) == {0: "full_name", 1: "fate"}


def test_a_whole_header_wins_over_one_with_a_qualifier():
    assert map_headers(["ФИО (латиницей)", "ФИО", "Дата"]) == {1: "full_name", 2: "event_date"}
    assert map_headers(["Person (who)", "Person"]) == {1: "full_name"}


# Headers that name a field only with a qualifier or only weakly, beside the plain ones.
QUALIFIED_OR_WEAK = ["Name (full)", "ФИО (латиницей)", "Person", "Person (who)", "Дата (точная)"]


@given(
    st.lists(
        st.sampled_from([h for h, _ in CASES[:40]] + QUALIFIED_OR_WEAK + ["Телефон", ""]),
        max_size=12,
    )
)
def test_each_field_goes_to_one_column_and_never_to_a_worse_one(headers):
    mapping = map_headers(headers)
    assert len(set(mapping.values())) == len(mapping)
    assert list(mapping) == sorted(mapping)  # in column order
    recognised = {i: recognise_header(h) for i, h in enumerate(headers)}
    # every recognised field is mapped to one of its columns
    assert set(mapping.values()) == {f for f in recognised.values() if f}
    for index, field in mapping.items():
        assert recognised[index] == field
        if headers[index] in ("Person", "Person (who)"):
            # an ambiguous word is used only when no other column names the field
            others = [h for h in headers if recognise_header(h) == field]
            assert set(others) <= {"Person", "Person (who)"}


def test_find_header_ignores_case_and_surrounding_spaces():
    assert find_header(["№", " Кто ", "Когда"], "кто") == 1
    assert find_header(["№", "Кто"], "Кого") is None


def test_mapping_headers_that_no_table_has_are_named():
    sheets = [("№", "Кто"), ("№", "Когда увезли")]
    assert headers_not_found(["кто", "Когда увезли", "Куда", "Статус"], sheets) == [
        "Куда",
        "Статус",
    ]
    assert headers_not_found([], sheets) == []
