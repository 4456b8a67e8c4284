"""Writing exports of records and persons as CSV, XLSX or JSON, streamed row by row.

CSV and XLSX cells are written so that a spreadsheet program cannot run them
(``tizim.core.cells``); a restore reads them back exactly."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from tizim.core.cells import neutralise_csv_row, xlsx_cell
from tizim.registry.selectors import (
    EXPORT_COLUMNS,
    PERSON_EXPORT_COLUMNS,
    export_persons,
    export_rows,
)

FORMATS = ("csv", "xlsx", "json")


def rows_and_columns(what: str) -> tuple[tuple[str, ...], Iterator[dict[str, str]]]:
    """The columns and the row stream of an export of ``records`` or ``persons``."""
    if what == "records":
        return EXPORT_COLUMNS, export_rows()
    if what == "persons":
        return PERSON_EXPORT_COLUMNS, export_persons()
    raise ValueError(f"cannot export '{what}': choose records or persons")


def write_export(what: str, fmt: str, target: Path | TextIO) -> int:
    """Write an export to a file path or a text stream; returns the number of rows."""
    columns, rows = rows_and_columns(what)
    if fmt == "xlsx":
        if not isinstance(target, Path):
            raise ValueError("an XLSX export needs a file")
        return _write_xlsx(what, columns, rows, target)
    if fmt not in FORMATS:
        raise ValueError(f"unknown format '{fmt}': choose one of {', '.join(FORMATS)}")
    if isinstance(target, Path):
        with target.open("w", encoding="utf-8", newline="") as fh:
            return _write_text(fmt, columns, rows, fh)
    return _write_text(fmt, columns, rows, target)


def _write_text(
    fmt: str, columns: tuple[str, ...], rows: Iterator[dict[str, str]], fh: TextIO
) -> int:
    count = 0
    if fmt == "csv":
        writer = csv.DictWriter(fh, fieldnames=list(columns))
        writer.writeheader()
        for row in rows:
            writer.writerow(neutralise_csv_row(row))
            count += 1
        return count
    # JSON: one array, written element by element so memory does not grow with the export.
    fh.write("[\n")
    for row in rows:
        if count:
            fh.write(",\n")
        if "raw" in row:
            row = {**row, "raw": json.loads(row["raw"])}
        fh.write(json.dumps(row, ensure_ascii=False))
        count += 1
    fh.write("\n]\n")
    return count


def _write_xlsx(
    what: str, columns: tuple[str, ...], rows: Iterator[dict[str, str]], path: Path
) -> int:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(what)
    sheet.append(list(columns))
    count = 0
    for row in rows:
        sheet.append([xlsx_cell(sheet, row[c]) for c in columns])
        count += 1
    workbook.save(path)
    return count
