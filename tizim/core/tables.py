"""Reading spreadsheets as people keep them: any common encoding and delimiter, detected.

``open_table`` returns the header row and a lazy iterator over the data rows, so a file of a
million rows is streamed, never held in memory. Row numbers are those a spreadsheet program
shows: the header is row 1, the first data row is row 2.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from tizim.core.errors import ParseError

# Encodings volunteers' files actually come in; tried in this order before asking the detector,
# because cp1251 and koi8-r text is often misjudged from a small sample.
_SAMPLE_BYTES = 256 * 1024
_DELIMITERS = ",;\t|"
# Undecodable bytes survive decoding as lone surrogates (errors="surrogateescape"), so the
# row that holds them can be named exactly instead of wherever the decoder's buffer broke.
_UNDECODABLE = re.compile("[\udc80-\udcff]")


@dataclass(frozen=True)
class TableRow:
    """One data row: its spreadsheet row number and its cells (padded to the header's width)."""

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


def open_table(path: Path, *, encoding: str | None = None) -> Table:
    """Open a CSV file for streaming; raises ParseError when the file itself cannot be read."""
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
        raise ParseError(
            f"{path.name} is a zipped spreadsheet (XLSX/ODS), not CSV: save it as CSV"
        )
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
    header_row_number = reader.line_num
    clean_headers = tuple(h.strip() for h in headers)
    return Table(
        path=path,
        encoding=enc,
        delimiter=delimiter,
        headers=clean_headers,
        rows=_rows(stream, reader, len(clean_headers), header_row_number, enc),
    )


def _first_non_empty(reader: Iterator[list[str]]) -> list[str] | None:
    for row in reader:
        if any(cell.strip() for cell in row):
            return row
    return None


def _rows(
    stream: io.TextIOBase, reader: Iterator[list[str]], width: int, header_row: int, enc: str
) -> Iterator[TableRow]:
    """Data rows numbered as a spreadsheet shows them (one row per record, not per line).

    A row that is not valid text in the file's encoding stops the import: the file mixes
    encodings, and guessing would store garbled names as if a source had written them.
    """
    number = header_row
    try:
        for cells in reader:
            number += 1
            if _UNDECODABLE.search("".join(cells)):
                raise ParseError(
                    f"row {number}: the text is not valid {enc}; the file mixes encodings "
                    "(save it again as UTF-8)"
                )
            padded = [*cells, *([""] * (width - len(cells)))]
            yield TableRow(number=number, cells=tuple(padded))
    except csv.Error as exc:
        raise ParseError(f"row {number + 1}: broken CSV ({exc})") from None
    finally:
        stream.close()
