"""Hostile files for tests and ``bench/hostile_files.py``, built on the spot and small on disk.

Each builder makes an ordinary file with openpyxl, odfpy or zlib and changes only what makes
it hostile, so that a refusal is owed to that and nothing else.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

_MB = 2**20
_SHEET_PART = "xl/worksheets/sheet1.xml"
_SHEET_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>{dtd}'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
)
_SHEET_TAIL = "</sheetData></worksheet>"


def cells(*references: str, text: str = "x") -> str:
    """One sheet row holding ``text`` at each cell reference (``A1``, ``XFD1048576``)."""
    row = "".join(f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>' for ref in references)
    return f"<row>{row}</row>"


def xlsx(
    path: Path, rows: str, *, dtd: str = "", padding: int = 0, encoding: str = "utf-8"
) -> Path:
    """An XLSX workbook (made by openpyxl) whose sheet is replaced by ``rows``, after ``dtd``
    in the prolog and ``padding`` bytes of spaces (which inflate about a thousandfold)."""
    from openpyxl import Workbook

    made = io.BytesIO()
    workbook = Workbook()
    workbook.active.title = "list"
    workbook.save(made)
    head = _SHEET_HEAD.format(dtd=dtd)
    if encoding != "utf-8":
        head = head.replace('encoding="UTF-8"', f'encoding="{encoding.upper()}"')
    with zipfile.ZipFile(made) as original, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for member in original.infolist():
            if member.filename != _SHEET_PART:
                out.writestr(member.filename, original.read(member))
        with out.open(_SHEET_PART, "w", force_zip64=True) as part:
            part.write(head.encode(encoding))
            for _ in range(padding // _MB):
                part.write(b" " * _MB)
            part.write(b" " * (padding % _MB))
            part.write((rows + _SHEET_TAIL).encode(encoding))
    return path


def ods_repeated(path: Path, rows: int, columns: int) -> Path:
    """An ODS whose one cell holding text is repeated over ``rows`` × ``columns``."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    table = Table(name="list")
    row = TableRow(numberrowsrepeated=rows)
    cell = TableCell(valuetype="string", numbercolumnsrepeated=columns)
    cell.addElement(P(text="x"))
    row.addElement(cell)
    table.addElement(row)
    document.spreadsheet.addElement(table)
    document.save(str(path))
    return path


def png_of_zeros(width: int, height: int, *, complete: bool = True) -> bytes:
    """An RGB PNG of black pixels: megapixels from a small file. ``complete=False`` gives the
    pixel data of one row only (a header that claims more than the file holds)."""
    compressor = zlib.compressobj(9)
    row = b"\x00" * (1 + 3 * width)  # the filter byte, then the pixels
    rows = height if complete else 1
    body = b"".join(compressor.compress(row) for _ in range(rows)) + compressor.flush()

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", body) + chunk(b"IEND", b"")
    )


#: A DTD whose entities expand a thousand-million-fold ("billion laughs").
LAUGHS = (
    '<!DOCTYPE worksheet [<!ENTITY a "lollollollollollollollollollol">'
    + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8))
    + "]>"
)
#: A DTD naming a file outside the workbook (XXE).
EXTERNAL_ENTITY = '<!DOCTYPE worksheet [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
