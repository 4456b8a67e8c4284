"""Hostile workbooks and CSV files are refused, with the limit named, before they cost memory.

Every attack file is built in the test (``tests.hostile``), small: the limits are set low where
a real bomb would need a large file to show the refusal.
"""

from __future__ import annotations

import dataclasses

import pytest
from openpyxl import Workbook

from tests.hostile import EXTERNAL_ENTITY, cells, ods_repeated, xlsx
from tizim.core.errors import ParseError
from tizim.core.table_limits import DEFAULT_LIMITS, TableLimits
from tizim.core.tables import open_tables


def test_a_handmade_workbook_is_read(tmp_path):
    # The attack files below differ from this one only in what makes them hostile.
    (table,) = open_tables(xlsx(tmp_path / "ok.xlsx", cells("A1", "B1")))
    assert table.headers == ("x", "x")


def test_a_compression_bomb_is_refused_before_it_is_inflated(tmp_path):
    # 100 MB of XML from a file of about 100 KB: over a lowered total, and inflating ~1000×.
    bomb = xlsx(tmp_path / "bomb.xlsx", cells("A1"), padding=100 * 2**20)
    assert bomb.stat().st_size < 200_000
    with pytest.raises(ParseError, match=r"inflate to 100 MB, more than the 50 MB allowed"):
        open_tables(bomb, limits=TableLimits(max_uncompressed_bytes=50 * 2**20))
    with pytest.raises(ParseError, match=r"inflates 1,0\d\d times .* more than the 100 times"):
        open_tables(bomb)


def test_a_sheet_whose_cells_stand_too_far_out_is_refused(tmp_path):
    # Two cells, a million rows and 16,384 columns apart: a reader would allocate them all.
    sparse = xlsx(tmp_path / "sparse.xlsx", cells("A1", "XFD1048576"))
    with pytest.raises(ParseError, match=r"16,384 columns, more than the 2,000 allowed"):
        open_tables(sparse)
    tall = xlsx(tmp_path / "tall.xlsx", cells("A1", "B1048576"))
    with pytest.raises(ParseError, match=r"1,048,576 rows, more than the 1,000 allowed"):
        open_tables(tall, limits=TableLimits(max_rows=1000))


def test_a_declared_dimension_over_the_limits_is_refused(tmp_path):
    path = xlsx(tmp_path / "declared.xlsx", cells("A1"))
    # A <dimension> stands before <sheetData>: put one there, declaring 3,000 × 26 cells.
    _replace_in_sheet(path, b"<sheetData>", b'<dimension ref="A1:Z3000"/><sheetData>')
    with pytest.raises(ParseError, match=r"3,000 rows of 26 columns, more than the 10,000 cells"):
        open_tables(path, limits=TableLimits(max_cells=10_000))


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_a_workbook_declaring_entities_is_refused_as_an_entity_attack(tmp_path, encoding):
    path = xlsx(
        tmp_path / "xxe.xlsx", cells("A1", text="&e;"), dtd=EXTERNAL_ENTITY, encoding=encoding
    )
    with pytest.raises(ParseError, match="declares a DTD or entities") as refused:
        open_tables(path)
    assert "Cannot detect file format" not in str(refused.value)


def test_a_dtd_hidden_behind_a_long_prolog_is_refused(tmp_path):
    prolog = "<!--" + " " * 70_000 + "-->" + EXTERNAL_ENTITY
    path = xlsx(tmp_path / "hidden.xlsx", cells("A1"), dtd=prolog)
    with pytest.raises(ParseError, match="declares a DTD or entities"):
        open_tables(path)


def test_an_ods_of_repeated_cells_is_refused_before_it_is_expanded(tmp_path):
    # A few hundred bytes asking a reader for 17 thousand million cells.
    path = ods_repeated(tmp_path / "repeated.ods", 1_048_576, 16_384)
    with pytest.raises(ParseError, match=r"16,384 columns, more than the 2,000 allowed"):
        open_tables(path)
    modest = ods_repeated(tmp_path / "modest.ods", 3_000, 10)
    with pytest.raises(ParseError, match=r"3,000 rows of 10 columns, more than the 10,000 cells"):
        open_tables(modest, limits=TableLimits(max_cells=10_000))
    (table,) = open_tables(modest)
    assert sum(1 for _ in table.rows) == 2_999


def _replace_in_sheet(path, old: bytes, new: bytes) -> None:
    import zipfile

    with zipfile.ZipFile(path) as archive:
        parts = {m.filename: archive.read(m) for m in archive.infolist()}
    parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"].replace(old, new, 1)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def test_a_workbook_too_large_on_disk_is_refused(tmp_path):
    workbook = Workbook()
    workbook.active.append(["Name"])
    workbook.save(tmp_path / "list.xlsx")
    with pytest.raises(ParseError, match="more than the 1,000 bytes allowed"):
        open_tables(tmp_path / "list.xlsx", limits=TableLimits(max_workbook_bytes=1000))


def test_an_ordinary_workbook_passes_the_default_limits(tmp_path):
    workbook = Workbook()
    for number in range(3000):
        workbook.active.append([number, f"Серикбаев Ерлан {number}", "", "", "задержан"])
    workbook.save(tmp_path / "list.xlsx")
    (table,) = open_tables(tmp_path / "list.xlsx")
    assert sum(1 for _ in table.rows) == 2999


def test_csv_rows_and_columns_are_counted_as_they_are_read(tmp_path):
    path = tmp_path / "long.csv"
    path.write_text("Name,Status\n" + "Ерлан,задержан\n" * 50, encoding="utf-8")
    limits = dataclasses.replace(DEFAULT_LIMITS, max_rows=20, max_columns=5)
    (table,) = open_tables(path, limits=limits)
    with pytest.raises(ParseError, match=r"long.csv is refused: 21 rows, more than the 20"):
        list(table.rows)
    wide = tmp_path / "wide.csv"
    wide.write_text("Name,Status\nЕрлан,задержан" + ",x" * 10 + "\n", encoding="utf-8")
    (table,) = open_tables(wide, limits=limits)
    with pytest.raises(ParseError, match=r"12 columns, more than the 5 allowed"):
        list(table.rows)
    header = tmp_path / "header.csv"
    header.write_text(",".join(f"c{i}" for i in range(9)) + "\n1\n", encoding="utf-8")
    with pytest.raises(ParseError, match=r"9 columns, more than the 5 allowed"):
        open_tables(header, limits=limits)
