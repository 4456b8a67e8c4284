"""Reading spreadsheets as people keep them: CSV in any common encoding and delimiter
(detected), XLSX and ODS with every sheet.

``open_tables`` returns, per sheet, the header row and a lazy iterator over the data rows, so a
CSV file of a million rows is streamed, never held in memory. Row numbers are those a
spreadsheet program shows (the header is usually row 1, the first data row row 2).
"""

from __future__ import annotations

import csv
import datetime
import io
import itertools
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from charset_normalizer import from_bytes

from tizim.core.errors import ParseError
from tizim.core.table_limits import (
    DEFAULT_LIMITS,
    TableLimits,
    check_sheet_size,
    check_workbook_archive,
)

if TYPE_CHECKING:
    from python_calamine import CalamineWorkbook

# Encodings volunteers' files actually come in; tried in this order before asking the detector,
# because cp1251 and koi8-r text is often misjudged from a small sample.
_SAMPLE_BYTES = 256 * 1024
_DELIMITERS = ",;\t|"
# Undecodable bytes survive decoding as lone surrogates (errors="surrogateescape"), so the
# row that holds them can be named exactly instead of wherever the decoder's buffer broke.
_UNDECODABLE = re.compile("[\udc80-\udcff]")


class TableRow(NamedTuple):
    """One data row: its spreadsheet row number and its cells (padded to the header's width).

    A named tuple, not a dataclass: a million of them are made for a big file.
    """

    number: int
    cells: tuple[str, ...]


@dataclass
class Table:
    """A table being read: what was detected, the header, and the rows still to come."""

    path: Path
    encoding: str
    delimiter: str
    headers: tuple[str, ...]
    rows: Iterator[TableRow]
    sheet: str = ""


SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")


def close_tables(tables: list[Table]) -> None:
    """Let go of tables read only in part: a CSV table's rows hold the file open until they
    are read to the end."""
    for table in tables:
        close = getattr(table.rows, "close", None)
        if close is not None:
            close()


class _Replay:
    """Rows already read, then the rest of the table's rows; closing it closes the rest."""

    def __init__(self, head: list[TableRow], rest: Iterator[TableRow]) -> None:
        self._rows = itertools.chain(head, rest)
        self._rest = rest

    def __iter__(self) -> _Replay:
        return self

    def __next__(self) -> TableRow:
        return next(self._rows)

    def close(self) -> None:
        close = getattr(self._rest, "close", None)
        if close is not None:
            close()


def peek_rows(table: Table, count: int) -> list[TableRow]:
    """The first ``count`` data rows of a table, read without consuming them: the table's
    rows then start again from the first (and closing them still closes the file)."""
    rest = table.rows
    head = list(itertools.islice(rest, count))
    table.rows = _Replay(head, rest)
    return head


def open_tables(
    path: Path,
    *,
    sheet: str | None = None,
    encoding: str | None = None,
    limits: TableLimits = DEFAULT_LIMITS,
) -> list[Table]:
    """Open a CSV file or every sheet of an XLSX/ODS workbook (only ``sheet`` if given).

    Raises ParseError when the file itself cannot be read, the named sheet is not there, or
    reading it would take more than ``limits`` allow (``tizim.core.table_limits``).
    """
    if path.suffix.lower() in SPREADSHEET_SUFFIXES or workbook_kind(path):
        return open_workbook(path, sheet=sheet, limits=limits)
    if sheet:
        raise ParseError(f"{path.name} is a CSV file: it has no sheet '{sheet}'")
    return [open_table(path, encoding=encoding, limits=limits)]


# How a workbook file begins: XLSX and ODS are ZIP archives; an old Excel .xls (BIFF) is an
# OLE2 compound file, as is an XLSX saved with a password.
_ZIP_MAGIC = b"PK\x03\x04"
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def workbook_kind(path: Path) -> str:
    """What a file holds by its first bytes, whatever its name says: ``"zip"`` (XLSX, ODS),
    ``"ole2"`` (an old Excel .xls) or ``""`` (anything else, or unreadable)."""
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
    except OSError:
        return ""
    if head.startswith(_ZIP_MAGIC):
        return "zip"
    if head == _OLE2_MAGIC:
        return "ole2"
    return ""


def open_workbook(
    path: Path, *, sheet: str | None = None, limits: TableLimits = DEFAULT_LIMITS
) -> list[Table]:
    """The sheets of an XLSX/ODS workbook as tables. Cells are given as text the way a
    spreadsheet shows them (whole numbers without ".0", dates as ISO dates); a merged cell's
    value is repeated in every row it spans, as a reader of the sheet sees it. Empty sheets
    are skipped. A workbook larger than ``limits`` allow, inflated or declared, is refused
    before its sheets are read."""
    from python_calamine import CalamineError

    if not path.is_file():
        raise ParseError(f"no such file: {path}" if not path.exists() else f"{path} is a folder")
    kind = workbook_kind(path)
    if not kind and not os.access(path, os.R_OK):
        raise ParseError(f"cannot read {path}: permission denied")
    if not kind:
        # Named .xlsx/.xls/.ods but neither a ZIP nor an OLE2 file: often a CSV or an HTML
        # page saved under a spreadsheet's name.
        if path.stat().st_size == 0:
            raise ParseError(f"{path.name} is empty")
        raise ParseError(
            f"{path.name} is not an XLSX, ODS or XLS workbook inside, whatever its name says: "
            "open it in a spreadsheet program and save it as .xlsx, or as .csv if it is text"
        )
    if kind == "zip":
        check_workbook_archive(path, limits)
    elif path.stat().st_size > limits.max_workbook_bytes:
        raise ParseError(
            f"{path.name} is refused: more than the {limits.max_workbook_bytes // 2**20} MB "
            "allowed for a workbook; split it, or save it as CSV"
        )
    try:
        workbook = _open_calamine(path, kind)
    except (CalamineError, OSError, ValueError) as exc:
        if kind == "ole2":
            raise ParseError(
                f"{path.name} is an old-format (OLE2) file that cannot be read as an Excel .xls "
                f"workbook: it may be password-protected or not a spreadsheet ({exc}); "
                "save it as .xlsx or .csv"
            ) from None
        raise ParseError(f"{path.name} is not a readable XLSX/ODS workbook ({exc})") from None
    names = list(workbook.sheet_names)
    if sheet is not None and sheet not in names:
        raise ParseError(f"{path.name} has no sheet '{sheet}' (sheets: {', '.join(names)})")
    tables = []
    for name in [sheet] if sheet is not None else names:
        try:
            data = workbook.get_sheet_by_name(name)
            check_sheet_size(path.name, name, data.height, data.width, limits)
            grid = [[_cell_text(v) for v in row] for row in data.iter_rows()]
            merged = data.merged_cell_ranges or []
        except (CalamineError, ValueError) as exc:
            raise ParseError(f"{path.name}, sheet '{name}': cannot be read ({exc})") from None
        first_row = data.start[0] if data.start else 0
        _fill_merged(grid, merged, first_row)
        table = _table_from_grid(path, name, grid, first_row)
        if table is not None:
            tables.append(table)
    if not tables:
        raise ParseError(f"{path.name} has no sheet with a header row")
    return tables


def _open_calamine(path: Path, kind: str) -> CalamineWorkbook:
    """Open a workbook by what it holds: calamine picks its reader by the file's suffix, so a
    file whose suffix disagrees with its content (an XLSX renamed .xls) is read from its
    bytes, where the format is recognised from the content."""
    from python_calamine import CalamineError, CalamineWorkbook

    suffix = path.suffix.lower()
    if (kind == "zip" and suffix in (".xlsx", ".xlsm", ".ods")) or (
        kind == "ole2" and suffix == ".xls"
    ):
        try:
            return CalamineWorkbook.from_path(str(path))
        except CalamineError:
            pass  # an ODS named .xlsx, say: let the content decide, below
    with path.open("rb") as fh:
        return CalamineWorkbook.from_filelike(fh)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat(" ")
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    return str(value)


def _fill_merged(
    grid: list[list[str]],
    merged: list[tuple[tuple[int, int], tuple[int, int]]],
    first_row: int,
) -> None:
    for (top, left), (bottom, right) in merged:
        r0 = top - first_row
        if not 0 <= r0 < len(grid) or left >= len(grid[r0]):
            continue
        value = grid[r0][left]
        for r in range(r0, min(bottom - first_row + 1, len(grid))):
            row = grid[r]
            row.extend([""] * (right + 1 - len(row)))
            for c in range(left, right + 1):
                if not row[c]:
                    row[c] = value


def _table_from_grid(path: Path, sheet: str, grid: list[list[str]], first_row: int) -> Table | None:
    header_index = next(
        (i for i, row in enumerate(grid) if any(cell.strip() for cell in row)), None
    )
    if header_index is None:
        return None
    headers = tuple(cell.strip() for cell in grid[header_index])
    while headers and not headers[-1]:
        headers = headers[:-1]
    width = len(headers)

    def rows() -> Iterator[TableRow]:
        for i in range(header_index + 1, len(grid)):
            cells = list(grid[i])
            while len(cells) > width and not cells[-1]:
                cells.pop()
            cells.extend([""] * (width - len(cells)))
            yield TableRow(number=first_row + i + 1, cells=tuple(cells))

    return Table(path=path, encoding="", delimiter="", headers=headers, rows=rows(), sheet=sheet)


def detect_encoding(sample: bytes) -> str:
    """The encoding of a CSV sample: BOMs first, then strict UTF-8, then the detector.

    Raises ParseError when the bytes are not text in any encoding we can defend.
    """
    if sample.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    if b"\x00" in sample:
        raise ParseError("the file contains NUL bytes: it is not a text (CSV) file")
    try:
        # A sample may cut a multi-byte character in half at its end.
        sample.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        if exc.start >= len(sample) - 3 and len(sample) >= _SAMPLE_BYTES:
            return "utf-8"
        # Valid multi-byte UTF-8 before the first bad byte: a UTF-8 file with a part in another
        # encoding pasted in. Reading it as UTF-8 names the broken row exactly.
        if any(byte >= 0x80 for byte in sample[: exc.start]):
            return "utf-8"
    best = from_bytes(sample, cp_isolation=["cp1251", "koi8_r", "cp866", "mac_cyrillic", "latin_1"])
    match = best.best()
    if match is None:
        raise ParseError("the file's text encoding could not be recognised")
    return str(match.encoding)


def detect_delimiter(text_sample: str) -> str:
    """The delimiter of a CSV sample (comma, semicolon, tab or bar); comma when undecidable."""
    lines = [line for line in text_sample.splitlines()[:50] if line.strip()]
    if not lines:
        return ","
    try:
        return csv.Sniffer().sniff("\n".join(lines), delimiters=_DELIMITERS).delimiter
    except csv.Error:
        counts = {d: lines[0].count(d) for d in _DELIMITERS}
        best = max(counts, key=lambda d: counts[d])
        return best if counts[best] else ","


def open_table(
    path: Path, *, encoding: str | None = None, limits: TableLimits = DEFAULT_LIMITS
) -> Table:
    """Open a CSV file for streaming; raises ParseError when the file itself cannot be read,
    and, as the rows are read, at the first row or cell beyond ``limits``."""
    try:
        with path.open("rb") as fh:
            sample = fh.read(_SAMPLE_BYTES)
    except FileNotFoundError:
        raise ParseError(f"no such file: {path}") from None
    except IsADirectoryError:
        raise ParseError(f"{path} is a folder, not a file") from None
    except OSError as exc:
        raise ParseError(f"cannot read {path}: {exc.strerror}") from None
    if not sample.strip():
        raise ParseError(f"{path.name} is empty")
    if sample.startswith(b"PK\x03\x04"):
        raise ParseError(f"{path.name} is a zipped spreadsheet (XLSX/ODS), not CSV: save it as CSV")
    enc = encoding or detect_encoding(sample)
    try:
        text_sample = sample.decode(enc, errors="strict")
    except UnicodeDecodeError:
        text_sample = sample[: len(sample) - 4].decode(enc, errors="replace")
    except LookupError:
        raise ParseError(f"unknown encoding: {enc}") from None
    delimiter = detect_delimiter(text_sample)
    stream = path.open("r", encoding=enc, errors="surrogateescape", newline="")
    reader = csv.reader(stream, delimiter=delimiter)
    headers = _first_non_empty(reader)
    if headers is not None and _UNDECODABLE.search("".join(headers)):
        stream.close()
        raise ParseError(f"{path.name}: the header row is not valid {enc} text")
    if headers is None:
        stream.close()
        raise ParseError(f"{path.name} has no header row")
    if len(headers) > limits.max_columns:
        stream.close()
        check_sheet_size(path.name, "", 0, len(headers), limits)
    header_row_number = reader.line_num
    clean_headers = tuple(h.strip() for h in headers)
    return Table(
        path=path,
        encoding=enc,
        delimiter=delimiter,
        headers=clean_headers,
        rows=_rows(stream, reader, len(clean_headers), header_row_number, enc, limits, path.name),
    )


def _first_non_empty(reader: Iterator[list[str]]) -> list[str] | None:
    for row in reader:
        if any(cell.strip() for cell in row):
            return row
    return None


def _rows(
    stream: io.TextIOBase,
    reader: Iterator[list[str]],
    width: int,
    header_row: int,
    enc: str,
    limits: TableLimits,
    name: str,
) -> Iterator[TableRow]:
    """Data rows numbered as a spreadsheet shows them (one row per record, not per line).

    A row that is not valid text in the file's encoding stops the import: the file mixes
    encodings, and guessing would store garbled names as if a source had written them. So does
    a row beyond the limits (rows, columns): counted as they come, nothing is held meanwhile.
    """
    number = header_row
    undecodable = _UNDECODABLE.search
    last_row = header_row + limits.max_rows
    max_columns = limits.max_columns
    try:
        for cells in reader:
            number += 1
            if number > last_row or len(cells) > max_columns:
                check_sheet_size(name, "", number - header_row, len(cells), limits)
            if undecodable("".join(cells)):
                raise ParseError(
                    f"row {number}: the text is not valid {enc}; the file mixes encodings "
                    "(save it again as UTF-8)"
                )
            if len(cells) < width:
                cells.extend([""] * (width - len(cells)))
            yield TableRow(number, tuple(cells))
    except csv.Error as exc:
        raise ParseError(f"row {number + 1}: broken CSV ({exc})") from None
    finally:
        stream.close()
