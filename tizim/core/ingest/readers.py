"""An article's text and date out of the file it came in: a saved web page (trafilatura), plain
text, PDF (pypdf) or DOCX (python-docx). Anything else — a binary file, an empty page, a text
too long to be an article, a scanned PDF without a text layer — is refused with a reason
(``ParseError``), before anything is written.
"""

from __future__ import annotations

import datetime
import io
import re
import zipfile
from dataclasses import dataclass

from charset_normalizer import from_bytes

from tizim.core.errors import ParseError
from tizim.core.ingest.when import month_number

#: Longer than any article (the longest NGO reports run to about 2 MB of text).
MAX_BYTES = 20 * 1024 * 1024
_MIN_LETTERS = 40
# "21 Jan 2022", "18 января 2022 года"
_DAY_MONTH_YEAR = (
    r"(?P<day>\d{1,2})\s+(?P<month>[A-Za-zА-Яа-яЁёәғқңөұүһіӘҒҚҢӨҰҮҺІ]+)\.?,?\s+(?P<year>20\d\d)"
    r"(?:\s*(?:года|г\.))?"
)
_DATE_LINE = re.compile(rf"^\s*{_DAY_MONTH_YEAR}\s*$", re.MULTILINE)
# a header's line naming the issue or the paper first, then a comma, a dash or a dot and the
# date ("Issue 3, 14 January 2022", "STEPPE WIRE — 12 January 2022", "«Дала дауысы» газеті ·
# 2022 жылғы 19 қаңтар"); a document's date after its label ("Date: 21 January 2022") or a
# letter's after its number ("Исх. № 03-11/214 от 2 марта 2022 года"); only in the first lines,
# where a header is (not a footnote's "press release, 15 August 2022")
_HEADER_LINES = 10
_HEADER_DATE = re.compile(
    # (a dash only after words with no figure: not a period's "1 January – 31 March 2022")
    rf"^(?:[^\n]{{1,80}}?,|[^\d\n]{{1,80}}?[^\S\n]+[—–·|-]|[^\S\n]*(?:date|дата|күні)[^\S\n]*:"
    rf"|[^\S\n]*(?:исх|шығ)\.[^\S\n]*№[^\n]{{1,30}}?[^\S\n]от)[^\S\n]*(?:{_DAY_MONTH_YEAR}"
    # the Kazakh order: "2022 жылғы 21 қаңтар"
    r"|(?P<kk_year>20\d\d)\s+ж(?:ылғы|\.)\s+(?P<kk_day>\d{1,2})\s+(?P<kk_month>[А-Яа-яәғқңөұүһі]+))"
    r"[^\S\n]*$",
    re.MULTILINE | re.IGNORECASE,
)
# an e-mail's "Sent:" or "Date:" line, a weekday before the date and the time after it ("Sent:
# Wednesday, 19 January 2022 09:12", "Date: Wed, 19 Jan 2022 09:12:33 +0600", "Отправлено: 19
# января 2022 г., 9:12"); the first is the newest, a forward's
_MAIL_DATE = re.compile(
    rf"^[^\S\n]*(?:sent|date|отправлено|дата|жіберілді)[^\S\n]*:[^\S\n]*"
    rf"(?:[A-Za-zА-Яа-яЁёәғқңөұүһі]+\.?,?[^\S\n]+)?{_DAY_MONTH_YEAR},?"
    r"(?:[^\S\n]+(?:at[^\S\n]+|в[^\S\n]+)?\d{1,2}:\d{2}(?::\d{2})?(?:[^\S\n]*[+-]\d{4})?)?[^\S\n]*$",
    re.MULTILINE | re.IGNORECASE,
)
# a header's line ending in a date in figures after a bar, a dot or a dash ("Ауыл әкімінің
# кездесуі | 21.01.2022", "Bulletin No. 3 · 14.01.2022")
_HEADER_FIGURES_DATE = re.compile(
    r"^[^\n]{1,120}?[^\S\n][|·—–-][^\S\n]*(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>20\d\d)"
    r"[^\S\n]*$",
    re.MULTILINE,
)
_DATE_LINE_US = re.compile(
    r"^\s*(?P<month>[A-Za-z]+)\.?\s+(?P<day>\d{1,2}),\s+(?P<year>20\d\d)\s*$", re.MULTILINE
)
_URL_DATE = re.compile(r"https?://\S+?/(?P<year>20\d\d)/(?P<month>\d{2})/(?P<day>\d{2})/")


@dataclass(frozen=True)
class Document:
    """The text of an article as read, its kind, and the date the page gives (if any)."""

    text: str
    kind: str
    published: datetime.date | None
    title: str = ""


def read_document(data: bytes, filename: str = "") -> Document:
    """The article in ``data`` (a file's bytes); ``ParseError`` says why it cannot be read."""
    if not data.strip():
        raise ParseError("the file is empty")
    check_size(len(data))
    name = filename.lower()
    if data.startswith(b"%PDF") or name.endswith(".pdf"):
        return _checked(_read_pdf(data), "PDF")
    if data.startswith(b"PK\x03\x04") or name.endswith(".docx"):
        return _checked(_read_docx(data), "DOCX")
    text = _decode(data)
    if name.endswith((".html", ".htm")) or re.search(
        r"<(?:html|body|p|div|article)[\s>]", text[:5000], re.I
    ):
        return _checked(_read_html(text), "web page")
    return _checked(Document(text, "text", published_in_text(text)), "text")


def check_size(size: int) -> None:
    """Refuse a file of ``size`` bytes if it is longer than any article."""
    if size > MAX_BYTES:
        raise ParseError(
            f"the file is {size // (1024 * 1024)} MB, more than any article "
            f"({MAX_BYTES // (1024 * 1024)} MB at most): split it or check it is the right file"
        )


def _checked(document: Document, what: str) -> Document:
    letters = sum(ch.isalpha() for ch in document.text)
    if letters < _MIN_LETTERS:
        hint = (
            " (a scanned PDF has no text layer: run it through OCR first)" if what == "PDF" else ""
        )
        raise ParseError(f"no article text found in this {what}{hint}")
    return document


def _decode(data: bytes) -> str:
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ParseError("this is a binary file, not a text, a web page, a PDF or a DOCX")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        best = from_bytes(data[:200_000]).best()
        if best is None or best.encoding is None:
            raise ParseError(
                "this is a binary file, not a text, a web page, a PDF or a DOCX"
            ) from None
        return data.decode(best.encoding, errors="replace")


def _read_html(html: str) -> Document:
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=True, favor_recall=True)
    metadata = trafilatura.extract_metadata(html)
    published = None
    if metadata is not None and metadata.date:
        try:
            published = datetime.date.fromisoformat(metadata.date[:10])
        except ValueError:
            published = None
    title = (metadata.title if metadata is not None else "") or ""
    body = text or ""
    if title and not body.startswith(title):
        body = f"{title}\n\n{body}" if body else ""
    return Document(body, "html", published or published_in_text(body), title)


def _read_pdf(data: bytes) -> Document:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise ParseError(f"this PDF cannot be read ({exc})") from None
    text = "\n\n".join(p.strip() for p in pages)
    published = None
    info = reader.metadata
    if info is not None and info.creation_date is not None:
        published = info.creation_date.date()
    return Document(text, "pdf", published_in_text(text) or published)


def _read_docx(data: bytes) -> Document:
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ParseError(f"this DOCX cannot be read ({exc})") from None
    text = "\n\n".join(p.text for p in document.paragraphs if p.text.strip())
    created = document.core_properties.created
    return Document(text, "docx", published_in_text(text) or (created.date() if created else None))


def published_in_text(text: str) -> datetime.date | None:
    """The date an article gives itself near its top: a line ``21 Jan 2022``, a header's (in
    words, or in figures after a bar), an e-mail's "Sent:" line, or a link with ``/2022/01/31/``
    in it (where a saved page keeps its address)."""
    head = text[:3000]
    header = "\n".join(head.split("\n")[:_HEADER_LINES])
    for pattern, where in (
        (_DATE_LINE, head),
        (_DATE_LINE_US, head),
        (_HEADER_DATE, header),
        (_MAIL_DATE, header),
    ):
        m = pattern.search(where)
        if m:
            day, month, year = (
                (m["day"], m["month"], m["year"])
                if m["year"]
                else (m["kk_day"], m["kk_month"], m["kk_year"])
            )
            number = month_number(month)
            if number:
                try:
                    return datetime.date(int(year), number, int(day))
                except ValueError:
                    pass
    m = _HEADER_FIGURES_DATE.search(header) or _URL_DATE.search(text)
    if m:
        try:
            return datetime.date(int(m["year"]), int(m["month"]), int(m["day"]))
        except ValueError:
            return None
    return None
