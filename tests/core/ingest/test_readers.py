"""Reading an article out of the file it came in, and refusing what is not one: a binary
file, an empty page, a text too long to be an article, broken HTML, a scanned PDF."""

from __future__ import annotations

import datetime
import io

import pytest
from docx import Document as WordDocument
from pypdf import PdfWriter

from tizim.core.errors import ParseError
from tizim.core.ingest.readers import MAX_BYTES, read_document

ARTICLE = (
    "Police in Taraz detained activist Serik Abenov on 5 January. At least 40 people were "
    "detained in the city that night, the regional police said."
)


def _pdf_with_text(text: str) -> bytes:
    """A one-page PDF with a text layer (Helvetica), written by hand: pypdf reads but does not
    typeset."""
    stream = f"BT /F1 11 Tf 40 800 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def test_a_saved_web_page_gives_its_text_and_date():
    html = f"""<html><head><title>Arrests in Taraz</title>
    <meta property="article:published_time" content="2022-01-07T09:00:00+06:00"></head>
    <body><nav>Home | World | Share on Facebook</nav><article><h1>Arrests in Taraz</h1>
    <p>{ARTICLE}</p><p>Relatives gathered outside the police station on Friday.</p></article>
    <footer>Subscribe to our newsletter</footer></body></html>"""
    document = read_document(html.encode(), "page.html")
    assert document.kind == "html"
    assert document.published == datetime.date(2022, 1, 7)
    assert "Serik Abenov" in document.text
    assert "newsletter" not in document.text and "Share on Facebook" not in document.text


def test_broken_html_is_read_as_far_as_it_goes():
    html = f"<html><body><div><p>{ARTICLE}<p>Unclosed <b>tags <i>everywhere".encode()
    assert "Serik Abenov" in read_document(html, "broken.html").text


def test_an_empty_page_is_refused():
    with pytest.raises(ParseError, match="no article text"):
        read_document(b"<html><body><nav>Menu</nav></body></html>", "empty.html")
    with pytest.raises(ParseError, match="empty"):
        read_document(b"  \n ", "empty.txt")


def test_a_binary_file_is_refused():
    with pytest.raises(ParseError, match="binary"):
        read_document(bytes(range(256)) * 40, "photo.jpg")


def test_a_text_too_long_to_be_an_article_is_refused():
    with pytest.raises(ParseError, match="more than any article"):
        read_document(b"a" * (MAX_BYTES + 1), "huge.txt")


def test_plain_text_in_another_encoding_and_its_date_line():
    text = "Задержания в Таразе\n\n7 января 2022\n\nПолиция задержала активиста Серика Абенова."
    document = read_document(text.encode("cp1251"), "article.txt")
    assert document.text.startswith("Задержания в Таразе")
    assert document.published == datetime.date(2022, 1, 7)


def test_a_pdf_with_text():
    document = read_document(_pdf_with_text(ARTICLE), "report.pdf")
    assert document.kind == "pdf" and "Serik Abenov" in document.text


def test_a_scanned_pdf_without_text_is_refused():
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(ParseError, match="scanned PDF"):
        read_document(out.getvalue(), "scan.pdf")


def test_a_broken_pdf_is_refused():
    with pytest.raises(ParseError, match="PDF"):
        read_document(b"%PDF-1.4\n" + b"\x00garbage" * 50, "broken.pdf")


def test_a_docx():
    word = WordDocument()
    word.add_paragraph("Arrests in Taraz")
    word.add_paragraph(ARTICLE)
    out = io.BytesIO()
    word.save(out)
    document = read_document(out.getvalue(), "report.docx")
    assert document.kind == "docx"
    assert document.text.splitlines()[0] == "Arrests in Taraz" and "Serik Abenov" in document.text


@pytest.mark.parametrize(
    ("header", "published"),
    [
        ("BULLETIN FOR STAFF\nIssue 3, 14 January 2022\n", datetime.date(2022, 1, 14)),
        ("Пресс-служба акимата района\n18 января 2022 года\n", datetime.date(2022, 1, 18)),
        ("АПТАНЫҢ САНДАРЫ\n«Таң» газеті, 2022 жылғы 21 қаңтар\n", datetime.date(2022, 1, 21)),
        # the paper's name, then a dash and the date
        ("STEPPE WIRE — 12 January 2022\n", datetime.date(2022, 1, 12)),
        ("«ДАЛА ДАУСЫ» ГАЗЕТІ · 2022 жылғы 19 қаңтар\n", datetime.date(2022, 1, 19)),
        # a document's date after its label, a letter's after its number
        ("DISTRICT HOSPITAL — AUDIT NOTE\nDate: 21 January 2022\n", datetime.date(2022, 1, 21)),
        ("Прокуратура района\nИсх. № 03-11/214 от 2 марта 2022 года\n", datetime.date(2022, 3, 2)),
        # an e-mail's "Sent:" or "Date:" line, a weekday before and the time after
        (
            "From: Dispatch desk\nSent: Wednesday, 19 January 2022 09:12\nSubject: FW: crews\n",
            datetime.date(2022, 1, 19),
        ),
        ("Date: Wed, 19 Jan 2022 09:12:33 +0600\n", datetime.date(2022, 1, 19)),
        ("Отправлено: 19 января 2022 г., 9:12\n", datetime.date(2022, 1, 19)),
        # a header's date in figures after a bar
        ("Ауыл әкімінің тұрғындармен кездесуі | 21.01.2022\n", datetime.date(2022, 1, 21)),
        ("Grant period: 01 Sep 2021 - 31 May 2022\n", None),
        # a period covered is not the date of the page, nor the end of a range
        ("MONITORING REPORT\nPeriod covered: 1 October – 31 December 2023\n", None),
        ("Report: detentions in Aktobe, 4–10 January 2022\n", None),
        # nor a footnote's date, far below the header
        ("REPORT\n" + "Text.\n" * 20 + "[1] Police, press release, 15 August 2022\n", None),
    ],
)
def test_a_headers_date_after_the_issue_or_the_paper_is_the_pages(header, published):
    document = read_document((header + "\n" + ARTICLE).encode(), "article.txt")
    assert document.published == published
