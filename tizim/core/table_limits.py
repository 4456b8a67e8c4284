"""Limits on what reading a list may cost, checked before and while a file is parsed.

A hostile workbook can be small on disk and enormous once read: an XLSX or ODS file is a ZIP
archive whose XML parts may inflate a thousandfold (an 8 MB file to 2 GB of XML), a sheet may
declare a million rows of a thousand columns, an XML part may declare entities that expand or
point outside the file. Before any part is parsed, ``check_workbook_archive`` reads the
archive's directory and refuses a file whose parts declare too much (in total, or at a
compression ratio no spreadsheet program writes) or whose XML declares a DTD; the readers in
``tizim.core.tables`` then count rows and cells as they go. Every refusal names the limit, so a
person with a genuinely large list knows to split it.

Pure (no Django): the CLI, the web upload's checking process and the tests use the same limits.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree.ElementTree import Element

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError as XmlParseError
from defusedxml.ElementTree import iterparse

from tizim.core.errors import ParseError

_MB = 2**20


@dataclass(frozen=True)
class TableLimits:
    """How much reading one file may take. The defaults hold a list of a few million rows."""

    #: Size of a workbook file on disk (a CSV file is streamed, so it has no such limit here).
    max_workbook_bytes: int = 200 * _MB
    #: What all parts of a workbook declare they inflate to, together.
    max_uncompressed_bytes: int = 1024 * _MB
    #: How far one part may inflate (uncompressed / compressed), for parts above
    #: ``ratio_floor_bytes``: spreadsheet XML compresses 5–30 times, a bomb 100–1000 times.
    max_compression_ratio: int = 100
    ratio_floor_bytes: int = 4 * _MB
    #: Data rows of one sheet or CSV file, and its columns.
    max_rows: int = 5_000_000
    max_columns: int = 2_000
    #: Cells of one sheet (rows × columns of the area that holds data).
    max_cells: int = 60_000_000


DEFAULT_LIMITS = TableLimits()

# How a part of the archive declares a DTD (and with it entities, internal or external). The
# prolog is searched with its NUL bytes removed, so UTF-16 text is found as well as UTF-8.
_DTD_MARKERS = (b"<!DOCTYPE", b"<!ENTITY")
# The prolog (where a DTD must stand) is read up to this many bytes of each XML part; the root
# element must begin within them (a prolog padded beyond them could hide a DTD).
_PROLOG_BYTES = 64 * 1024
_ROOT_ELEMENT = re.compile(rb"<[A-Za-z_]")
_WORKSHEET = re.compile(r"xl/worksheets/[^/]+\.xml")
# A cell's reference (``<c r="AB12"``); a row's own ``r`` has no letters.
_CELL_ROW = re.compile(rb"r=[\"'][A-Z]+(\d+)")
_CELL_COLUMN = re.compile(rb"r=[\"']([A-Z]+)\d")
_SCAN_BYTES = 4 * _MB
_DIMENSION = re.compile(rb'<dimension\s+ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"')


def _mb(size: int) -> str:
    return f"{size / _MB:,.0f} MB" if size >= _MB else f"{size:,} bytes"


def check_workbook_archive(path: Path, limits: TableLimits = DEFAULT_LIMITS) -> None:
    """Refuse (ParseError) a ZIP workbook (XLSX, ODS) that would cost more to read than
    ``limits`` allow, or whose XML declares a DTD or entities; nothing is inflated beyond the
    first bytes of each part."""
    name = path.name
    size = path.stat().st_size
    if size > limits.max_workbook_bytes:
        raise ParseError(
            f"{name} is refused: the workbook is {_mb(size)}, more than the "
            f"{_mb(limits.max_workbook_bytes)} allowed; split it, or save it as CSV"
        )
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            _check_declared_sizes(name, members, limits)
            for member in members:
                if member.filename.lower().endswith((".xml", ".rels", ".vml")):
                    _check_prolog(name, archive, member, limits)
                if _WORKSHEET.fullmatch(member.filename):
                    _check_cell_positions(name, archive, member, limits)
                elif member.filename == "content.xml":
                    _check_ods_extent(name, archive, member, limits)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError) as exc:
        raise ParseError(f"{name} is not a readable XLSX/ODS workbook ({exc})") from None
    except (XmlParseError, DefusedXmlException) as exc:
        raise ParseError(f"{name} is not a readable XLSX/ODS workbook ({exc})") from None


def _check_declared_sizes(name: str, members: list[zipfile.ZipInfo], limits: TableLimits) -> None:
    total = sum(m.file_size for m in members)
    if total > limits.max_uncompressed_bytes:
        raise ParseError(
            f"{name} is refused: its parts inflate to {_mb(total)}, more than the "
            f"{_mb(limits.max_uncompressed_bytes)} allowed (a workbook that large, or one built "
            "to exhaust the server's memory); split it, or save it as CSV"
        )
    for member in members:
        if member.file_size <= limits.ratio_floor_bytes:
            continue
        ratio = member.file_size / max(1, member.compress_size)
        if ratio > limits.max_compression_ratio:
            raise ParseError(
                f"{name} is refused: its part {member.filename} inflates {ratio:,.0f} times "
                f"({_mb(member.compress_size)} to {_mb(member.file_size)}), more than the "
                f"{limits.max_compression_ratio} times a spreadsheet program ever writes "
                "(a compression bomb)"
            )


def _check_prolog(
    name: str, archive: zipfile.ZipFile, member: zipfile.ZipInfo, limits: TableLimits
) -> None:
    # Python's reader stops at the size the archive declares (a part that inflates beyond it
    # fails its checksum), so this reads at most _PROLOG_BYTES of each part.
    with archive.open(member) as part:
        head = part.read(_PROLOG_BYTES)
    text = head.replace(b"\x00", b"")
    if any(marker in text for marker in _DTD_MARKERS) or (
        len(head) == _PROLOG_BYTES and not _ROOT_ELEMENT.search(text)
    ):
        raise ParseError(
            f"{name} is refused: its part {member.filename} declares a DTD or entities, which "
            "no spreadsheet program writes and which can make a reader fetch other files or "
            "inflate text without end (an XML entity attack)"
        )
    match = _DIMENSION.search(head)
    if match and match.group(3):
        rows = int(match.group(4)) - int(match.group(2)) + 1
        columns = _column_number(match.group(3)) - _column_number(match.group(1)) + 1
        check_sheet_size(name, member.filename, rows, columns, limits)


def _check_cell_positions(
    name: str, archive: zipfile.ZipFile, member: zipfile.ZipInfo, limits: TableLimits
) -> None:
    """Refuse an XLSX sheet whose cells stand further out than the limits allow, whatever its
    ``<dimension>`` says: a reader allocates the whole area up to the furthest cell, so two
    cells (A1 and XFD1048576) make a small file ask for billions of cells."""
    furthest_row = furthest_column = 0
    tail = b""
    with archive.open(member) as part:
        while chunk := part.read(_SCAN_BYTES):
            text = tail + chunk
            # Two plain scans (the rows, then the few distinct column letters) cost a fraction
            # of what the reader itself spends on the same XML.
            rows = _CELL_ROW.findall(text)
            if rows:
                furthest_row = max(furthest_row, max(map(int, rows)))
            for letters in set(_CELL_COLUMN.findall(text)):
                furthest_column = max(furthest_column, _column_number(letters))
            # A reference cut in two by the chunk boundary is found whole in the next round.
            tail = text[-64:]
    check_sheet_size(name, "", furthest_row, furthest_column, limits)


_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"


def _check_ods_extent(
    name: str, archive: zipfile.ZipFile, member: zipfile.ZipInfo, limits: TableLimits
) -> None:
    """Refuse an ODS sheet whose repeated rows and cells span more than the limits allow: a
    reader expands ``number-rows-repeated`` and ``number-columns-repeated`` up to the last
    cell that holds something, so a file of a few hundred bytes can ask for billions of cells.
    (Repeats of empty cells after the last value, which every ODS ends with, cost nothing.)"""
    position = last_row = widest = 0
    with archive.open(member) as part:
        for _, element in iterparse(part, events=("end",), forbid_dtd=True):
            if element.tag == _TABLE + "table-row":
                position += _count(element, "number-rows-repeated")
                column = used = 0
                for cell in element:
                    column += _count(cell, "number-columns-repeated")
                    if cell.get(_OFFICE + "value-type") or len(cell):
                        used = column
                if used:
                    last_row, widest = position, max(widest, used)
                    check_sheet_size(name, "", last_row, widest, limits)
                element.clear()
            elif element.tag == _TABLE + "table":
                position = last_row = widest = 0
                element.clear()


def _count(element: Element, attribute: str) -> int:
    text = element.get(_TABLE + attribute, "1")
    return int(text) if text.isdigit() else 1


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - ord("A") + 1
    return number


def check_sheet_size(name: str, sheet: str, rows: int, columns: int, limits: TableLimits) -> None:
    """Refuse (ParseError) a sheet of more rows, columns or cells than ``limits`` allow."""
    where = f"{name}, sheet '{sheet}'" if sheet else name
    if rows > limits.max_rows:
        raise ParseError(
            f"{where} is refused: {rows:,} rows, more than the {limits.max_rows:,} allowed; "
            "split the list"
        )
    if columns > limits.max_columns:
        raise ParseError(
            f"{where} is refused: {columns:,} columns, more than the {limits.max_columns:,} allowed"
        )
    if rows * columns > limits.max_cells:
        raise ParseError(
            f"{where} is refused: {rows:,} rows of {columns:,} columns, more than the "
            f"{limits.max_cells:,} cells allowed; split the list"
        )
