"""Re-imports of a list as volunteers re-send it: renumbered after a row was deleted, ids
repeated or swapped, names fixed, statuses changed, one sheet of a workbook at a time.

The rule under test: a re-sent row never mixes two people. It is unchanged, a new version of
the record it really continues, or new (a duplicate that linkage can join), never a new
version of someone else's record because it took over that record's number.
"""

from __future__ import annotations

import datetime

import pytest
from openpyxl import Workbook

from tests.factories import import_rows, make_source
from tizim.registry.importing import import_table
from tizim.registry.models import FateEvent, Person, Record

pytestmark = pytest.mark.django_db
D = datetime.date
HEADERS = ("№", "ФИО", "Город", "Статус", "Дата")
ASKAR = ("Бекенов Асқар Серикович", "Алматы", "пропал без вести", "05.01.2022")
NURLAN = ("Абенов Нурлан Серикович", "Алматы", "пропал без вести", "06.01.2022")
ERLAN = ("Абенов Ерлан Серикович", "Алматы", "задержан", "06.01.2022")
AIGERIM = ("Жумабекова Айгерим", "Талдыкорган", "задержана", "07.01.2022")


def numbered(*people: tuple[str, ...]) -> list[tuple[str, ...]]:
    """Rows numbered 1, 2, … the way a spreadsheet renumbers them."""
    return [(str(n), *person) for n, person in enumerate(people, 1)]


def reimport(tmp_path, rows, week: int, headers=HEADERS):
    return import_rows(
        tmp_path,
        rows,
        headers=headers,
        filename=f"week{week}.csv",
        obtained_on=D(2022, 1, 10 + week),
    )


def timeline_of(name: str) -> list[tuple[str, datetime.date]]:
    """The fate events of the person whose first record has this name."""
    record = Record.objects.filter(full_name=name).order_by("pk").first()
    assert record is not None and record.person is not None
    return list(
        record.person.fate_events.order_by("on_date", "rank").values_list("fate", "on_date")
    )


def names_in_each_person() -> list[set[str]]:
    return [
        set(person.records.values_list("full_name", flat=True))
        for person in Person.objects.filter(records__isnull=False).distinct()
    ]


def test_a_sheet_renumbered_after_a_row_was_deleted_is_unchanged_but_for_that_row(tmp_path):
    reimport(tmp_path, numbered(ASKAR, NURLAN, ERLAN, AIGERIM), 1)
    records_before = Record.objects.count()
    summary = reimport(tmp_path, numbered(ASKAR, ERLAN, AIGERIM), 2)
    assert (summary.unchanged, summary.new_versions, summary.imported) == (3, 0, 0)
    assert summary.vanished == 1
    assert Record.objects.count() == records_before
    gone = Record.objects.get(vanished_in__isnull=False)
    assert gone.full_name == NURLAN[0]
    assert all(len(names) == 1 for names in names_in_each_person())
    # Importing the renumbered sheet again changes nothing either.
    again = reimport(tmp_path, numbered(ASKAR, ERLAN, AIGERIM), 3)
    assert (again.unchanged, again.new_versions, again.imported, again.vanished) == (3, 0, 0, 1)


def test_a_renumbered_row_whose_status_changed_continues_its_own_timeline(tmp_path):
    reimport(tmp_path, numbered(ASKAR, NURLAN, AIGERIM), 1)
    found = (NURLAN[0], "Алматы", "задержан", "08.01.2022")
    summary = reimport(tmp_path, numbered(found, AIGERIM), 2)  # Асқар's row deleted
    assert (summary.unchanged, summary.new_versions, summary.imported) == (1, 1, 0)
    assert summary.vanished == 1
    assert timeline_of(NURLAN[0]) == [("missing", D(2022, 1, 6)), ("detained", D(2022, 1, 8))]
    assert timeline_of(ASKAR[0]) == [("missing", D(2022, 1, 5))]
    assert all(len(names) == 1 for names in names_in_each_person())


def test_brothers_renumbered_are_not_mixed(tmp_path):
    reimport(tmp_path, numbered(NURLAN, ERLAN), 1)
    # Нурлан's row deleted, Ерлан's now numbered 1 and his status changed.
    released = (ERLAN[0], "Алматы", "освобожден", "10.01.2022")
    summary = reimport(tmp_path, numbered(released), 2)
    assert summary.new_versions == 1 and summary.vanished == 1
    assert timeline_of(NURLAN[0]) == [("missing", D(2022, 1, 6))]
    assert timeline_of(ERLAN[0]) == [("detained", D(2022, 1, 6)), ("released", D(2022, 1, 10))]
    assert all(len(names) == 1 for names in names_in_each_person())


def test_a_number_given_to_someone_else_makes_a_new_record_not_a_new_version(tmp_path):
    reimport(tmp_path, numbered(NURLAN), 1)
    summary = reimport(tmp_path, numbered(AIGERIM), 2)
    assert (summary.imported, summary.new_versions, summary.vanished) == (1, 0, 1)
    assert timeline_of(NURLAN[0]) == [("missing", D(2022, 1, 6))]
    assert timeline_of(AIGERIM[0]) == [("detained", D(2022, 1, 7))]
    assert Record.objects.get(full_name=AIGERIM[0]).previous_version is None


def test_swapped_rows_sharing_a_number_are_unchanged(tmp_path):
    reimport(tmp_path, [("3", *NURLAN), ("3", *AIGERIM)], 1)
    events = FateEvent.objects.count()
    summary = reimport(tmp_path, [("3", *AIGERIM), ("3", *NURLAN)], 2)
    assert (summary.unchanged, summary.new_versions, summary.imported, summary.vanished) == (
        2,
        0,
        0,
        0,
    )
    assert FateEvent.objects.count() == events
    assert all(len(names) == 1 for names in names_in_each_person())


def test_a_spelling_fixed_under_the_same_number_is_a_new_version(tmp_path):
    reimport(tmp_path, numbered(("Торегожена Бахытжан", "Алматы", "задержана", "06.01.2022")), 1)
    fixed = ("Торегожина Бахытжан", "Алматы", "освобождена", "09.01.2022")
    summary = reimport(tmp_path, numbered(fixed), 2)
    assert summary.new_versions == 1 and summary.imported == 0 and summary.vanished == 0
    assert timeline_of("Торегожина Бахытжан") == [
        ("detained", D(2022, 1, 6)),
        ("released", D(2022, 1, 9)),
    ]


def test_a_changed_row_of_a_sheet_without_numbers_is_a_new_version(tmp_path):
    headers = HEADERS[1:]
    reimport(tmp_path, [NURLAN, AIGERIM], 1, headers=headers)
    found = (NURLAN[0], "Алматы", "задержан", "08.01.2022")
    summary = reimport(tmp_path, [found, AIGERIM], 2, headers=headers)
    assert (summary.unchanged, summary.new_versions, summary.imported, summary.vanished) == (
        1,
        1,
        0,
        0,
    )
    assert timeline_of(NURLAN[0]) == [("missing", D(2022, 1, 6)), ("detained", D(2022, 1, 8))]


def test_a_namesake_added_does_not_take_over_a_record(tmp_path):
    headers = HEADERS[1:]
    reimport(tmp_path, [NURLAN, AIGERIM], 1, headers=headers)
    namesake = (NURLAN[0], "Жанаозен", "погиб", "05.01.2022")
    summary = reimport(tmp_path, [namesake, NURLAN, AIGERIM], 2, headers=headers)
    assert (summary.unchanged, summary.new_versions, summary.imported) == (2, 0, 1)
    assert timeline_of(NURLAN[0]) == [("missing", D(2022, 1, 6))]


def test_importing_one_sheet_leaves_the_other_sheets_rows_alone(tmp_path):
    workbook = Workbook()
    dead = workbook.active
    dead.title = "Погибшие"
    dead.append(list(HEADERS))
    dead.append([1, "Серикбаев Ерлан", "Алматы", "погиб", "06.01.2022"])
    held = workbook.create_sheet("Задержанные")
    held.append(list(HEADERS))
    held.append([1, *ERLAN])
    path = tmp_path / "list.xlsx"
    workbook.save(path)
    make_source("ngo-sheet")
    import_table(path, source_name="ngo-sheet")
    summary = import_table(path, source_name="ngo-sheet", sheet="Задержанные")
    assert (summary.unchanged, summary.vanished) == (1, 0)
    assert not Record.objects.filter(vanished_in__isnull=False).exists()
    # The whole workbook without a sheet: that sheet's rows are gone.
    del workbook["Погибшие"]
    workbook.save(path)
    whole = import_table(path, source_name="ngo-sheet")
    assert whole.vanished == 1
    assert Record.objects.get(vanished_in__isnull=False).sheet == "Погибшие"


def test_a_dry_run_of_a_renumbered_sheet_tells_the_same_and_writes_nothing(tmp_path):
    reimport(tmp_path, numbered(ASKAR, NURLAN, AIGERIM), 1)
    records = Record.objects.count()
    path = tmp_path / "week2.csv"
    from tests.factories import write_csv

    write_csv(path, HEADERS, numbered(NURLAN, AIGERIM))
    summary = import_table(path, source_name="ngo-sheet", dry_run=True)
    assert (summary.unchanged, summary.vanished, summary.imported) == (2, 1, 0)
    assert Record.objects.count() == records
    assert not Record.objects.filter(vanished_in__isnull=False).exists()
