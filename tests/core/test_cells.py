"""Formula-like cells: quoted in CSV, string cells in XLSX, and read back exactly."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from tizim.core.cells import (
    is_formula_like,
    neutralise_csv_cell,
    restore_csv_cell,
    xlsx_cell,
)
from tizim.core.tables import open_tables

# What a hostile list or report may hold in a note, and what genuinely begins with a quote.
FORMULA_NOTES = (
    "=cmd|' /C calc'!A0",
    '=HYPERLINK("http://x","y")',
    "+1",
    "-2",
    "@SUM(A1)",
    "\t=1",
    "\r=1",
    "'quoted",
)
HOSTILE = (
    *FORMULA_NOTES,
    "''twice",
    "'=already quoted",
    "_x000D_ literal",
    "line\r\nbreak",
    "bell\x07",
)


@pytest.mark.parametrize("text", HOSTILE)
def test_csv_cells_are_quoted_and_restored_exactly(text):
    written = neutralise_csv_cell(text)
    assert written.startswith("'") == (is_formula_like(text) or text.startswith("'"))
    assert restore_csv_cell(written) == text


@pytest.mark.parametrize("text", ["Жағыпаров Ерлан", "2022-01-06", "", "a=b", "it's"])
def test_ordinary_text_is_left_alone(text):
    assert not is_formula_like(text)
    assert neutralise_csv_cell(text) == text == restore_csv_cell(text)


def test_numbers_are_left_alone():
    assert neutralise_csv_cell(-2) == -2


def test_a_quote_tizim_did_not_write_stays():
    # An export made before quoting: a note that began with a quote is not cut.
    assert restore_csv_cell("'quoted") == "'quoted"


def test_a_csv_file_round_trips_through_the_reader(tmp_path: Path):
    path = tmp_path / "notes.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["notes"])
        for text in HOSTILE:
            writer.writerow([neutralise_csv_cell(text)])
    (table,) = open_tables(path)
    assert [restore_csv_cell(row.cells[0]) for row in table.rows] == list(HOSTILE)


def test_xlsx_cells_are_strings_never_formulas_and_read_back_exactly(tmp_path: Path):
    path = tmp_path / "notes.xlsx"
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("notes")
    sheet.append(["notes", "number"])
    for text in HOSTILE:
        sheet.append([xlsx_cell(sheet, text), xlsx_cell(sheet, 7)])
    workbook.save(path)
    cells = [row[0] for row in load_workbook(path)["notes"].iter_rows(min_row=2)]
    assert [c.data_type for c in cells] == ["s"] * len(HOSTILE)  # no "f" (formula)
    (table,) = open_tables(path)
    rows = list(table.rows)
    assert [row.cells[0] for row in rows] == list(HOSTILE)
    assert rows[0].cells[1] == "7"


def test_the_xml_of_the_sheet_holds_no_formula(tmp_path: Path):
    import zipfile

    path = tmp_path / "f.xlsx"
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("s")
    sheet.append([xlsx_cell(sheet, '=HYPERLINK("http://x","y")')])
    workbook.save(path)
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml and "HYPERLINK" in xml


def test_open_data_csv_is_quoted():
    from tizim.publish.exports import csv_stream

    text = "".join(csv_stream(["name"], [{"name": "=1+1"}, {"name": "Ерлан"}]))
    assert list(csv.reader(io.StringIO(text.lstrip("\ufeff")))) == [
        ["name"],
        ["'=1+1"],
        ["Ерлан"],
    ]
