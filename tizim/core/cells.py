"""Cells that a spreadsheet program cannot run, and that tizim reads back exactly.

Lawyers and journalists open exports in Excel or LibreOffice, and a cell that begins with
``=``, ``+``, ``-`` or ``@`` (or with a tab or carriage return before one) is taken there as a
formula: ``=HYPERLINK(…)`` leaks what the sheet holds to a web address, ``=cmd|…`` asks to run
a program (CSV injection, OWASP). Every export therefore writes such text neutralised:

- **CSV**: the OWASP remedy, a single quote before the text (``'=1+1``). So that the quote can
  be taken off again without guessing, text that already begins with a quote is quoted too
  (``'quoted`` is written ``''quoted``): ``restore_csv_cell`` undoes ``neutralise_csv_cell``
  exactly, for any text.
- **XLSX**: the text is written as a string cell, never a formula, so nothing is changed that
  a reader sees. Characters that XML cannot carry as they are (a carriage return becomes a line
  feed when the file is read; other control characters are not allowed at all) are written with
  the workbook format's own escape ``_xHHHH_`` (ECMA-376 ST_Xstring), which Excel, LibreOffice
  and calamine decode; a literal ``_xHHHH_`` in the text has its underscore escaped likewise.

No Django here: the registry, acts and open-data exports all call these functions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

# What makes a spreadsheet program read a cell as a formula (OWASP "CSV injection"): the four
# formula signs, and tab or carriage return, which some programs skip before one.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"

# Control characters XML 1.0 cannot hold, plus the carriage return, which XML readers turn into
# a line feed; tab and line feed pass as they are.
_XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0d\x0e-\x1f\ufffe\uffff]")
# A literal escape-like sequence, whose underscore must be escaped so it is not decoded.
_ESCAPE_LIKE = re.compile("_(?=x[0-9A-Fa-f]{4}_)")


def is_formula_like(text: str) -> bool:
    """Whether a spreadsheet program would read this text as a formula."""
    return text.startswith(FORMULA_STARTS)


def neutralise_csv_cell(value: Any) -> Any:
    """A CSV cell's value with a quote before formula-like text (and before text that already
    begins with a quote, so the quote can be taken off exactly); anything else unchanged."""
    if isinstance(value, str) and (is_formula_like(value) or value.startswith(QUOTE)):
        return QUOTE + value
    return value


def neutralise_csv_row(row: Mapping[str, Any]) -> dict[str, Any]:
    """``neutralise_csv_cell`` over every value of a row (a ``csv.DictWriter`` row)."""
    return {key: neutralise_csv_cell(value) for key, value in row.items()}


def neutralise_csv_cells(values: Iterable[Any]) -> list[Any]:
    """``neutralise_csv_cell`` over a list of cells (a ``csv.writer`` row)."""
    return [neutralise_csv_cell(value) for value in values]


def restore_csv_cell(text: str) -> str:
    """The text a neutralised CSV cell held: one leading quote taken off where
    ``neutralise_csv_cell`` put it (before formula-like text or another quote). A quote before
    anything else was not put there by tizim (an export made before neutralisation) and stays."""
    if text.startswith(QUOTE) and (is_formula_like(text[1:]) or text[1:].startswith(QUOTE)):
        return text[1:]
    return text


def xlsx_text(text: str) -> str:
    """Text as an XLSX string cell must hold it to be read back exactly (``_xHHHH_``)."""
    text = _ESCAPE_LIKE.sub("_x005F_", text)
    return _XML_UNSAFE.sub(lambda m: f"_x{ord(m.group()):04X}_", text)


def xlsx_cell(sheet: Any, value: Any) -> Any:
    """An openpyxl write-only cell for ``sheet``: text always as a string cell (never a
    formula, whatever it begins with), escaped by ``xlsx_text``; numbers and dates as
    themselves."""
    from openpyxl.cell import WriteOnlyCell

    if not isinstance(value, str):
        return WriteOnlyCell(sheet, value=value)
    cell = WriteOnlyCell(sheet, value=xlsx_text(value))
    # openpyxl marks text beginning with "=" as a formula when the value is set: undo that.
    cell.data_type = "s"
    return cell
