"""Workbooks (XLSX, ODS) with several sheets, merged cells and typed cells; column mappings."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from tests.factories import make_source
from tizim.core.errors import ParseError
from tizim.registry.errors import RegistryError
from tizim.registry.importing import import_table
from tizim.registry.models import Record

pytestmark = pytest.mark.django_db
D = datetime.date


def xlsx(path: Path) -> Path:
    workbook = Workbook()
    dead = workbook.active
    dead.title = "Погибшие"
    dead.append(["№", "ФИО", "Дата рождения", "Город", "Статус", "Дата"])
    dead.append([1, "Серикбаев Ерлан", D(1985, 3, 12), "Алматы", "погиб", D(2022, 1, 6)])
    dead.append([2, "Оспанов Нурлан", 1990, "Талгар", "погиб", "06.01.2022"])
    dead.append([3, "Ахметов Марат", None, None, "погиб", D(2022, 1, 7)])
    dead.append([4, "Ахметов Асет", None, None, "погиб", D(2022, 1, 7)])
    dead.merge_cells("D4:D5")  # one city cell for two rows, as volunteers do
    dead["D4"] = "Жанаозен"
    held = workbook.create_sheet("Задержанные")
    held.append(["Аты-жөні", "Жасы", "Мәртебесі"])
    held.append(["Бекенов Асқар", 37, "ұсталды"])
    workbook.create_sheet("Пусто")
    workbook.save(path)
    return path


def ods(path: Path) -> Path:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    table = Table(name="Список")
    for values in (
        ["Name", "Age", "City", "Status", "Date"],
        ["Yerlan Serikbayev", "36", "Almaty", "detained", "January 8, 2022"],
        ["Aigerim Zhumabekova", "", "Taldykorgan", "missing", "7 Jan 2022"],
    ):
        row = TableRow()
        for value in values:
            cell = TableCell(valuetype="string")
            cell.addElement(P(text=value))
            row.addElement(cell)
        table.addElement(row)
    document.spreadsheet.addElement(table)
    document.save(str(path))
    return path


def test_every_sheet_of_a_workbook_is_imported(tmp_path):
    make_source("ngo-sheet")
    summary = import_table(xlsx(tmp_path / "list.xlsx"), source_name="ngo-sheet")
    assert [s.sheet for s in summary.sheets] == ["Погибшие", "Задержанные"]
    assert summary.rows_read == 5 and summary.quarantined_total == 0
    first = Record.objects.get(sheet="Погибшие", row_number=2)
    assert first.birth_date == D(1985, 3, 12) and first.event_date == D(2022, 1, 6)
    assert first.raw["№"] == "1"  # typed cells are kept as the sheet shows them
    assert Record.objects.get(sheet="Погибшие", row_number=3).birth_year_min == 1990
    merged = Record.objects.filter(sheet="Погибшие", row_number__in=(4, 5))
    assert {r.place_code for r in merged} == {"zhanaozen"}
    held = Record.objects.get(sheet="Задержанные")
    assert held.fate == "detained" and held.given_name == "Асқар"


def test_one_sheet_only(tmp_path):
    make_source("ngo-sheet")
    summary = import_table(
        xlsx(tmp_path / "list.xlsx"), source_name="ngo-sheet", sheet="Задержанные"
    )
    assert summary.rows_read == 1


def test_a_missing_sheet_is_a_clear_error(tmp_path):
    make_source("ngo-sheet")
    with pytest.raises(ParseError, match=r"has no sheet 'Раненые'.*Погибшие"):
        import_table(xlsx(tmp_path / "list.xlsx"), source_name="ngo-sheet", sheet="Раненые")
    assert Record.objects.count() == 0


def test_reimporting_a_workbook_changes_nothing(tmp_path):
    make_source("ngo-sheet")
    path = xlsx(tmp_path / "list.xlsx")
    import_table(path, source_name="ngo-sheet")
    again = import_table(path, source_name="ngo-sheet")
    assert again.unchanged == 5 and again.imported == 0 and Record.objects.count() == 5


def test_ods(tmp_path):
    make_source("press", kind="press_list")
    summary = import_table(ods(tmp_path / "list.ods"), source_name="press")
    assert summary.rows_read == 2 and summary.quarantined_total == 0
    record = Record.objects.get(row_number=2)
    assert (record.surname, record.given_name) == ("Serikbayev", "Yerlan")
    assert record.event_date == D(2022, 1, 8) and record.birth_year_max == 1986


def test_a_broken_workbook_is_a_clear_error(tmp_path):
    make_source("ngo-sheet")
    path = tmp_path / "list.xlsx"
    path.write_bytes(b"PK\x03\x04 this is not a workbook")
    with pytest.raises(ParseError, match="not a readable XLSX/ODS workbook"):
        import_table(path, source_name="ngo-sheet")


def test_a_mapping_names_columns_nobody_could_guess(tmp_path):
    make_source("ngo-sheet")
    path = tmp_path / "odd.csv"
    path.write_text(
        "Кто,Когда увезли,Куда увезли,ФИО\nАхметов Марат,07.01.2022,СИЗО-1,x\n", encoding="utf-8"
    )
    mapping = {
        "Кто": "full_name",
        "Когда увезли": "event_date",
        "Куда увезли": "facility",
        "ФИО": "",
    }
    import_table(path, source_name="ngo-sheet", mapping=mapping)
    record = Record.objects.get()
    assert (record.surname, record.event_date, record.facility) == (
        "Ахметов",
        D(2022, 1, 7),
        "СИЗО-1",
    )
    assert record.raw["ФИО"] == "x"  # ignored for parsing, kept verbatim


def test_a_mapping_to_an_unknown_field_is_refused(tmp_path):
    make_source("ngo-sheet")
    path = tmp_path / "odd.csv"
    path.write_text("Кто\nАхметов Марат\n", encoding="utf-8")
    with pytest.raises(RegistryError, match="unknown field 'who'"):
        import_table(path, source_name="ngo-sheet", mapping={"Кто": "who"})
    assert Record.objects.count() == 0
