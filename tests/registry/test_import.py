"""Importing CSV lists: nothing lost, bad rows quarantined with reasons, re-imports versioned."""

from __future__ import annotations

import datetime

import pytest

from tests.factories import NGO_HEADERS, import_rows, make_source, write_csv
from tizim.core.errors import ParseError
from tizim.registry.errors import RegistryError
from tizim.registry.import_summary import UNKNOWN_PLACES_KEPT, ImportSummary
from tizim.registry.importing import import_table
from tizim.registry.models import FateEvent, ImportBatch, Person, Record

pytestmark = pytest.mark.django_db
D = datetime.date

GOOD = (
    "1",
    "Серикбаев Ерлан Болатович",
    "12.03.1985",
    "г. Алматы",
    "пропал без вести",
    "06.01.2022",
    "",
)
BROKEN = [
    ("2", "Жумабекова Айгерим", "", "Алматы", "задержана", "31.02.2022", ""),
    ("3", "Оспанов Нурлан", "", "Алматы", "???", "07.01.2022", ""),
    ("", "", "", "", "", "", ""),
    ("5", "", "1980", "Талгар", "погиб", "06.01.2022", ""),
]


def test_every_row_becomes_a_record_and_bad_rows_are_quarantined(tmp_path):
    summary = import_rows(tmp_path, [GOOD, *BROKEN])
    assert summary.rows_read == 5
    assert Record.objects.count() == 5
    assert summary.quarantined_total == 4
    reasons = dict(Record.objects.values_list("row_number", "quarantine_reason"))
    assert reasons[2] == ""
    assert "no such date" in reasons[3] and "31.02.2022" in reasons[3]
    assert "unknown status" in reasons[4]
    assert reasons[5] == "empty row"
    assert reasons[6] == "no name"
    # Quarantined rows keep what the source said and join no person.
    bad = Record.objects.get(row_number=3)
    assert bad.raw["Дата"] == "31.02.2022" and bad.person is None
    assert Person.objects.filter(records__isnull=False).count() == 1


def test_parsed_fields_of_a_good_row(tmp_path):
    import_rows(tmp_path, [GOOD])
    record = Record.objects.get()
    assert (record.surname, record.given_name, record.patronymic) == (
        "Серикбаев",
        "Ерлан",
        "Болатович",
    )
    assert record.sex == "m"
    assert record.birth_date == D(1985, 3, 12)
    assert record.place_code == "almaty"
    assert record.fate == "missing"
    assert record.event_date == D(2022, 1, 6)
    assert record.source_record_id == "1"
    assert list(record.raw) == list(NGO_HEADERS)


def test_importing_the_same_file_twice_changes_nothing(tmp_path):
    import_rows(tmp_path, [GOOD, *BROKEN])
    before = (Record.objects.count(), Person.objects.count(), FateEvent.objects.count())
    again = import_rows(tmp_path, [GOOD, *BROKEN])
    assert again.imported == 0 and again.new_versions == 0
    assert again.unchanged == 5
    assert (Record.objects.count(), Person.objects.count(), FateEvent.objects.count()) == before


def test_a_changed_row_becomes_a_new_version_with_a_new_fate_event(tmp_path):
    import_rows(tmp_path, [GOOD], obtained_on=D(2022, 1, 10))
    changed = (*GOOD[:4], "задержан", "08.01.2022", "ИВС г. Алматы")
    summary = import_rows(tmp_path, [changed], filename="week2.csv", obtained_on=D(2022, 1, 17))
    assert summary.new_versions == 1 and summary.imported == 0
    old, new = Record.objects.order_by("pk")
    assert new.previous_version_id == old.pk
    assert new.person_id == old.person_id
    person = new.person
    assert [(e.fate, e.on_date) for e in person.fate_events.order_by("on_date")] == [
        ("missing", D(2022, 1, 6)),
        ("detained", D(2022, 1, 8)),
    ]


def test_vanished_rows_are_counted_not_deleted(tmp_path):
    second = ("2", "Жумабекова Айгерим", "", "Алматы", "задержана", "07.01.2022", "")
    import_rows(tmp_path, [GOOD, second])
    summary = import_rows(tmp_path, [GOOD], filename="week2.csv")
    assert summary.vanished == 1
    assert Record.objects.count() == 2
    gone = Record.objects.get(source_record_id="2")
    assert gone.vanished_in_id == summary.batch_id and gone.person is not None
    back = import_rows(tmp_path, [GOOD, second], filename="week3.csv")
    assert back.unchanged == 2 and back.vanished == 0
    gone.refresh_from_db()
    assert gone.vanished_in is None


def test_unknown_source_is_refused_and_nothing_is_written(tmp_path):
    path = write_csv(tmp_path / "x.csv", NGO_HEADERS, [GOOD])
    with pytest.raises(RegistryError, match="unknown source 'nope'"):
        import_table(path, source_name="nope")
    assert Record.objects.count() == 0 and ImportBatch.objects.count() == 0


def test_cp1251_and_semicolons_are_detected(tmp_path):
    make_source("old-sheet")
    rows = [GOOD, ("2", "Жумабекова Айгерим Серикқызы", "", "Талдыкорган", "задержана", "", "")]
    path = write_csv(
        tmp_path / "win.csv",
        NGO_HEADERS,
        [tuple(c.replace("қ", "к") for c in r) for r in rows],
        encoding="cp1251",
        delimiter=";",
    )
    summary = import_table(path, source_name="old-sheet")
    assert summary.encoding.replace("-", "").replace("_", "").lower() in {"cp1251", "windows1251"}
    assert summary.delimiter == ";"
    assert Record.objects.get(row_number=3).given_name == "Айгерим"


def test_a_file_that_is_not_text_is_refused_and_nothing_is_written(tmp_path):
    make_source("ngo-sheet")
    path = tmp_path / "photo.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 20)
    with pytest.raises(ParseError, match="not a text"):
        import_table(path, source_name="ngo-sheet")
    assert Record.objects.count() == 0 and ImportBatch.objects.count() == 0


def test_a_file_that_breaks_midway_writes_nothing(tmp_path):
    make_source("ngo-sheet")
    path = tmp_path / "mixed.csv"
    good = "№,ФИО,Статус\n" + "".join(f"{i},Оспанов Нурлан,задержан\n" for i in range(3000))
    path.write_bytes(good.encode("utf-8") + "3001,Оспанов Нурлан,задержан\n".encode("cp1251"))
    with pytest.raises(ParseError, match="not valid utf-8"):
        import_table(path, source_name="ngo-sheet")
    assert Record.objects.count() == 0 and ImportBatch.objects.count() == 0


def test_dry_run_writes_nothing_but_reports_problems(tmp_path):
    make_source("ngo-sheet")
    path = write_csv(tmp_path / "x.csv", NGO_HEADERS, [GOOD, *BROKEN])
    summary = import_table(path, source_name="ngo-sheet", dry_run=True)
    assert summary.imported == 1 and summary.quarantined_total == 4
    assert {n for _, n, _ in summary.problems} == {3, 4, 5, 6}
    assert Record.objects.count() == 0 and ImportBatch.objects.count() == 0


def test_parsing_in_a_second_process_gives_the_same_records(tmp_path):
    rows = [
        (
            str(i),
            f"Оспанов Нурлан{'а' * (i % 3)}",
            "1990 г.р.",
            "Алматы",
            "задержан",
            f"{4 + i % 8:02d}.01.2022",
            "",
            "",
        )
        for i in range(1, 4500)
    ]
    rows.append(("4500", "", "", "", "???", "31.02.2022", "", ""))
    make_source("parallel")
    path = write_csv(tmp_path / "big.csv", NGO_HEADERS, rows)
    serial = import_table(path, source_name="parallel", dry_run=True, parallel=False)
    summary = import_table(path, source_name="parallel", parallel=True)
    assert summary.rows_read == serial.rows_read == 4500
    assert summary.imported == serial.imported == 4499
    assert summary.problems == serial.problems and len(summary.problems) == 1
    numbers = list(Record.objects.order_by("pk").values_list("row_number", flat=True))
    assert numbers == list(range(2, 4502))  # in file order


def test_unknown_places_are_counted_and_their_number_is_bounded():
    summary = ImportSummary(source="s", filename="f.csv")
    for n in range(UNKNOWN_PLACES_KEPT + 50):
        summary.note_unknown_place(f"place {n}")
    summary.note_unknown_place("place 0")
    assert len(summary.unknown_places) == UNKNOWN_PLACES_KEPT
    assert summary.unknown_places["place 0"] == 2
    assert "place 510" not in summary.unknown_places


US_HEADERS = ("Name", "Date of birth", "City", "Status", "Date")
US_ROWS = [
    ("Yerlan Serikbayev", "3/12/1985", "Almaty", "detained", "1/6/2022"),
    ("Aigerim Zhumabekova", "11/23/1990", "Almaty", "missing", "1/8/2022"),
    ("Nurlan Ospanov", "", "Taraz", "killed", "1/25/2022"),
]


def test_a_list_written_month_first_is_read_so_and_stays_so(tmp_path):
    from tizim.registry.corrections import readmit_record

    import_rows(
        tmp_path,
        [*US_ROWS, ("Zhanibek Akhmetov", "", "Almaty", "detained", "1/32/2022")],
        source="us-press",
        headers=US_HEADERS,
    )
    dates = dict(
        Record.objects.filter(source__name="us-press", quarantine_reason="").values_list(
            "full_name", "event_date"
        )
    )
    assert dates == {
        "Serikbayev Yerlan": D(2022, 1, 6),
        "Zhumabekova Aigerim": D(2022, 1, 8),
        "Ospanov Nurlan": D(2022, 1, 25),
    }
    assert Record.objects.get(surname="Zhumabekova").birth_date == D(1990, 11, 23)
    assert Record.objects.get(surname="Serikbayev").birth_date == D(1985, 3, 12)
    batch = ImportBatch.objects.get(source__name="us-press")
    assert set(batch.column_map[""].values()) >= {
        "event_date_month_first",
        "birth_date_month_first",
    }
    # a row fixed later is read as its list was: month first
    broken = Record.objects.get(source__name="us-press", quarantine_reason__startswith="date")
    cells = [v if v != "1/32/2022" else "1/30/2022" for v in broken.raw.values()]
    fixed = readmit_record(broken, cells, actor="test").corrected
    assert fixed.event_date == D(2022, 1, 30)


def test_dates_that_do_not_say_their_order_are_read_day_first(tmp_path):
    rows = [("Yerlan Serikbayev", "", "Almaty", "detained", "1/6/2022")]
    import_rows(tmp_path, rows, source="press", headers=US_HEADERS)
    assert Record.objects.get().event_date == D(2022, 6, 1)


def test_a_mapping_that_names_the_date_column_is_obeyed(tmp_path):
    make_source("us-press")
    path = write_csv(tmp_path / "us.csv", US_HEADERS, US_ROWS[:2])
    import_table(path, source_name="us-press", actor="test", mapping={"Date": "event_date"})
    assert Record.objects.get(surname="Serikbayev").event_date == D(2022, 6, 1)
    path = write_csv(tmp_path / "us2.csv", US_HEADERS, [US_ROWS[2]])
    import_table(path, source_name="us-press", actor="test")
    assert Record.objects.get(surname="Ospanov").event_date == D(2022, 1, 25)


def test_a_press_list_of_the_crackdowns_days_written_month_first_is_read_so(tmp_path):
    rows = [
        ("Yerlan Serikbayev", "", "Almaty", "detained", "01/06/2022"),
        ("Nurlan Ospanov", "", "Taraz", "killed", "01/07/2022"),
        ("Aigerim Zhumabekova", "", "Almaty", "missing", "01/10/2022"),
        ("Zhanibek Akhmetov", "", "Almaty", "killed", "04 January 2022"),
    ]
    import_rows(tmp_path, rows, source="press", headers=US_HEADERS)
    dates = sorted(Record.objects.values_list("event_date", flat=True))
    assert dates == [D(2022, 1, 4), D(2022, 1, 6), D(2022, 1, 7), D(2022, 1, 10)]


def test_the_first_day_of_the_events_is_the_instances_to_set(tmp_path, settings):
    rows = [("Yerlan Serikbayev", "", "Minsk", "detained", "10.08.2020")]
    import_rows(tmp_path, rows, source="press", headers=US_HEADERS, filename="a.csv")
    quarantined = Record.objects.get()
    assert "2020-08-10 is before the events this registry documents (from 2021-12-01)" in (
        quarantined.quarantine_reason
    )
    # another crackdown's registry: its own first day
    settings.TIZIM_EVENTS_BEGIN = D(2020, 8, 1)
    rows = [("Nurlan Ospanov", "", "Minsk", "detained", "10.08.2020")]
    import_rows(tmp_path, rows, source="press-two", headers=US_HEADERS, filename="b.csv")
    record = Record.objects.get(source__name="press-two")
    assert record.quarantine_reason == "" and record.event_date == D(2020, 8, 10)
