"""From one row to a record's parsed fields, keeping every problem."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tizim.core.headers import map_headers
from tizim.core.rows import (
    PARSED_FIELDS,
    RECORD_VALUE_COLUMNS,
    RawJson,
    parse_row,
    prepare_row,
    prepare_rows,
    raw_digest,
    raw_json,
    raw_values,
)

REF = datetime.date(2022, 1, 10)
HEADERS = ("№", "ФИО", "Дата рождения", "Возраст", "Город", "Статус", "Дата", "Примечание")
MAP = map_headers(HEADERS)


def test_raw_values_keep_every_cell_and_name_blank_or_repeated_headers():
    raw = raw_values(("Name", "", "Name"), ("A", "B", "C", "D"))
    assert raw == {"Name": "A", "(column 2)": "B", "Name (column 3)": "C", "(column 4)": "D"}


def test_digest_depends_on_content_and_order():
    assert raw_digest({"a": "1", "b": "2"}) != raw_digest({"b": "2", "a": "1"})
    assert raw_digest({"a": "1"}) == raw_digest({"a": "1"})


def test_a_full_row():
    row = parse_row(
        HEADERS,
        (
            "7",
            "ЖАГЫПАРОВ ЕРЛАН",
            "",
            "49 лет",
            "г. Алматы",
            "найден в морге",
            "12.01.2022",
            "родственники",
        ),
        MAP,
        reference_date=REF,
    )
    assert row.problems == []
    f = row.fields
    assert (f["surname"], f["given_name"]) == ("Жагыпаров", "Ерлан")
    assert (f["birth_year_min"], f["birth_year_max"]) == (1972, 1973)
    assert f["place_code"] == "almaty" and f["fate"] == "killed"
    assert f["event_date"] == datetime.date(2022, 1, 12)
    assert f["notes"] == "родственники" and row.source_record_id == "7"


def test_age_is_counted_from_the_event_date_when_there_is_one():
    # A list obtained on 30 December 2021 that dates an event on 6 January 2022.
    cells = ("", "Ерлан Серикбаев", "", "37", "", "", "06.01.2022", "")
    obtained = datetime.date(2021, 12, 30)
    assert parse_row(HEADERS, cells, MAP, reference_date=obtained).fields["birth_year_max"] == 1985


def test_every_problem_is_kept():
    row = parse_row(
        HEADERS,
        ("", "Ерлан Серикбаев", "", "", "", "???", "31.02.2022", ""),
        MAP,
        reference_date=REF,
    )
    assert len(row.problems) == 2
    assert row.problems[0].startswith("date:") and row.problems[1].startswith("status:")
    assert "31.02.2022" in row.quarantine_reason


def test_separate_name_columns():
    headers = ("Фамилия", "Имя", "Отчество")
    row = parse_row(headers, ("СЕРИКБАЕВ", "Е.", "Б."), map_headers(headers), reference_date=REF)
    assert (row.fields["surname"], row.fields["given_name"], row.fields["patronymic"]) == (
        "Серикбаев",
        "Е.",
        "Б.",
    )


@given(st.lists(st.text(max_size=30), min_size=len(HEADERS), max_size=len(HEADERS) + 2))
def test_any_row_parses_without_raising_and_keeps_its_raw_cells(cells):
    row = parse_row(HEADERS, cells, MAP, reference_date=REF)
    assert list(row.raw.values()) == cells
    assert bool(row.problems) == bool(row.quarantine_reason)


HEADER_TEXT = st.sampled_from(["", "ФИО", "ФИО (column 3)", "(column 2)", 'quote "q" \\'])


@given(
    st.lists(HEADER_TEXT | st.text(max_size=8), max_size=5),
    st.lists(st.text(max_size=12), max_size=7),
)
def test_the_importers_raw_json_is_exactly_the_stored_raw_values(headers, cells):
    # The importer writes the JSON text directly; it must be byte for byte what raw_json of
    # raw_values gives, or re-imports would stop recognising unchanged rows.
    assert RawJson(headers)(cells) == raw_json(raw_values(headers, cells))


def test_a_prepared_row_holds_the_values_as_stored():
    row = parse_row(
        HEADERS,
        ("7", "Жагыпаров Ерлан", "12.03.1985", "", "Алматы", "???", "06.01.2022", ""),
        MAP,
        reference_date=REF,
    )
    prepared = prepare_row(8, row)
    values = dict(zip(RECORD_VALUE_COLUMNS, prepared.values, strict=True))
    assert prepared.number == 8 and prepared.source_record_id == values["source_record_id"] == "7"
    assert values["raw_json"] == row.raw_json and values["raw_sha256"] == row.raw_sha256
    assert prepared.raw_sha256 == raw_digest(row.raw)
    assert values["birth_date"] == "1985-03-12" and values["event_date"] == "2022-01-06"
    assert prepared.event_date == "2022-01-06"
    assert values["birth_year_min"] == 1985 and values["fate"] == ""
    assert values["parse_problems"] == "[\"status: unknown status: '???'\"]"
    assert values["quarantine_reason"] == row.quarantine_reason
    assert prepared.problems == tuple(row.problems)
    assert set(PARSED_FIELDS) < set(values)


def test_parsing_in_worker_processes_gives_the_same_rows_in_file_order():
    statuses = ("задержан", "погиб", "???", "освобождена")
    rows = [
        (
            n,
            (
                str(n),
                "Оспанов Нурлан" + "а" * (n % 3),
                "1990",
                "",
                "Алматы",
                statuses[n % 4],
                "06.01.2022",
                "",
            ),
        )
        for n in range(2, 2502)
    ]
    here = [
        r
        for chunk in prepare_rows(rows, HEADERS, MAP, reference_date=REF, chunk_size=300)
        for r in chunk
    ]
    there = [
        r
        for chunk in prepare_rows(
            iter(rows), HEADERS, MAP, reference_date=REF, workers=2, chunk_size=300
        )
        for r in chunk
    ]
    assert there == here
    assert [r.number for r in there] == list(range(2, 2502))
    assert sum(1 for r in there if r.problems) == 625


@pytest.mark.parametrize(
    ("written", "reason"),
    [
        ("06.01.1900", "1900-01-06 is before the events this registry documents (from 2021-12-01)"),
        ("06.01.2021", "2021-01-06 is before the events this registry documents (from 2021-12-01)"),
        ("06.01.2099", "2099-01-06 is after the list was obtained (2022-01-10)"),
        ("06.03.2022", "2022-03-06 is after the list was obtained (2022-01-10)"),
    ],
)
def test_a_date_outside_the_events_is_quarantined_with_the_reason(written, reason):
    cells = ("1", "Серикбаев Ерлан", "", "37", "Алматы", "задержан", written, "")
    row = parse_row(HEADERS, cells, MAP, reference_date=REF)
    assert row.problems == [f"date: {reason}"]
    assert row.quarantine_reason and "event_date" not in row.fields
    # The age is then counted from when the list was obtained, not from the odd date.
    assert row.fields["birth_year_max"] == 1985


@pytest.mark.parametrize("written", ["01.12.2021", "06.01.2022", "10.02.2022"])
def test_dates_from_just_before_the_events_to_a_month_after_the_list_are_taken(written):
    cells = ("1", "Серикбаев Ерлан", "", "", "Алматы", "задержан", written, "")
    row = parse_row(HEADERS, cells, MAP, reference_date=REF)
    assert row.problems == [] and row.fields["event_date"]


def test_a_birth_before_1900_is_quarantined():
    cells = ("1", "Серикбаев Ерлан", "12.03.1899", "", "Алматы", "задержан", "06.01.2022", "")
    row = parse_row(HEADERS, cells, MAP, reference_date=REF)
    assert row.problems == ["birth: birth year 1899 is not possible"]
