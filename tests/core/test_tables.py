"""Reading CSV files as volunteers save them."""

from __future__ import annotations

from pathlib import Path

import pytest

from tizim.core.errors import ParseError
from tizim.core.tables import (
    detect_delimiter,
    detect_encoding,
    open_table,
    open_tables,
    workbook_kind,
)

CYRILLIC = "N;ФИО;Статус\n1;Серикбаев Ерлан;задержан\n2;Жумабекова Айгерим;пропала без вести\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1251", "koi8-r", "utf-16"])
def test_common_encodings_are_detected(tmp_path: Path, encoding: str):
    path = tmp_path / "list.csv"
    path.write_bytes(CYRILLIC.encode(encoding))
    table = open_table(path)
    rows = list(table.rows)
    assert table.headers == ("N", "ФИО", "Статус")
    assert rows[0].cells == ("1", "Серикбаев Ерлан", "задержан")
    assert rows[1].number == 3


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_delimiters_are_detected(delimiter: str):
    sample = CYRILLIC.replace(";", delimiter)
    assert detect_delimiter(sample) == delimiter


def test_row_numbers_are_spreadsheet_rows_even_with_blank_lines_and_multiline_cells(tmp_path):
    path = tmp_path / "list.csv"
    path.write_text('\n\nName,Notes\nA,"two\nlines"\nB,x\n', encoding="utf-8")
    table = open_table(path)
    assert [(r.number, r.cells[0]) for r in table.rows] == [(4, "A"), (5, "B")]


def test_short_rows_are_padded_and_long_rows_keep_their_extra_cells(tmp_path):
    path = tmp_path / "list.csv"
    path.write_text("a,b,c\n1\n1,2,3,4\n", encoding="utf-8")
    rows = list(open_table(path).rows)
    assert rows[0].cells == ("1", "", "")
    assert rows[1].cells == ("1", "2", "3", "4")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"   \n\n", "is empty"),
        (b"PK\x03\x04rest", "zipped spreadsheet"),
        (b"a,b\x00c", "NUL bytes"),
    ],
)
def test_unreadable_files_raise_a_clear_reason(tmp_path, content, message):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(ParseError, match=message):
        open_table(path)


def test_a_missing_file_and_a_folder(tmp_path):
    with pytest.raises(ParseError, match="no such file"):
        open_table(tmp_path / "absent.csv")
    with pytest.raises(ParseError, match="is a folder"):
        open_table(tmp_path)


def test_a_row_in_another_encoding_is_named_exactly(tmp_path):
    path = tmp_path / "mixed.csv"
    body = "n,name\n" + "".join(f"{i},Нурлан\n" for i in range(5000))
    path.write_bytes(body.encode() + "5000,Алия\n".encode("cp1251"))
    table = open_table(path)
    with pytest.raises(ParseError, match="row 5002: the text is not valid utf-8"):
        for _ in table.rows:
            pass


def test_detect_encoding_prefers_utf8_and_handles_a_cut_character():
    text = ("Жұмабек " * 40000).encode("utf-8")
    assert detect_encoding(text[: 256 * 1024]) == "utf-8"


def _xlsx(path: Path) -> Path:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.append(["ФИО", "Дата"])
    workbook.active.append(["Ахметов Марат", "06.01.2022"])
    workbook.save(path)
    return path


@pytest.mark.parametrize("renamed", ["list.xls", "list.ods", "list.csv", "list"])
def test_a_renamed_xlsx_is_read_by_its_content(tmp_path, renamed):
    path = _xlsx(tmp_path / "list.xlsx").rename(tmp_path / renamed)
    assert workbook_kind(path) == "zip"
    [table] = open_tables(path)
    assert table.headers == ("ФИО", "Дата")
    assert [r.cells for r in table.rows] == [("Ахметов Марат", "06.01.2022")]


def test_an_ole2_file_that_is_no_workbook_says_what_to_do(tmp_path):
    path = tmp_path / "old.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1024))
    assert workbook_kind(path) == "ole2"
    with pytest.raises(ParseError, match=r"old-format \(OLE2\).*save it as \.xlsx or \.csv") as exc:
        open_tables(path)
    assert "Cfb" not in exc.value.reason


def test_an_old_excel_xls_workbook_is_read(tmp_path):
    # A real BIFF8 workbook shipped with statsmodels (a dependency): nothing here writes .xls.
    import statsmodels

    real = Path(statsmodels.__file__).parent / (
        "tsa/statespace/tests/results/frbny_nowcast/Nowcasting/test_spec.xls"
    )
    if not real.is_file():
        pytest.skip("no .xls sample in this statsmodels version")
    assert workbook_kind(real) == "ole2"
    [table] = open_tables(real)
    assert table.headers[:3] == ("Model", "SeriesID", "SeriesName")
    assert next(table.rows).cells[1] == "GDPC1"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        ("ФИО,Дата\nАхметов Марат,06.01.2022\n".encode(), "not an XLSX, ODS or XLS workbook"),
        (b"<html><table><tr><td>x</td></tr></table></html>", "save it as .xlsx"),
    ],
)
def test_a_file_named_like_a_workbook_that_is_none_says_so(tmp_path, content, message):
    path = tmp_path / "list.xlsx"
    path.write_bytes(content)
    assert workbook_kind(path) == ""
    with pytest.raises(ParseError, match=message):
        open_tables(path)
