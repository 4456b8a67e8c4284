"""The staff persons list tells two persons of one name apart (birth years, place, latest
fate), and finds a surname written with an initial."""

from __future__ import annotations

import datetime
import re
import urllib.parse

import pytest

from tests.factories import import_rows, make_staff
from tests.http_client import Browser

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "a long test password 42"

# Two namesakes and a third Абдикадыров: fictional.
ROWS = [
    ("1", "Абдикадыров Даурен", "1986", "г. Алматы", "погиб", "06.01.2022", ""),
    ("2", "Абдикадыров Даурен", "1961", "г. Шымкент", "задержан", "08.01.2022", ""),
    ("3", "Абдикадыров Ерлан", "1975", "г. Тараз", "ранен", "07.01.2022", ""),
]


@pytest.fixture
def browser(live_server, tmp_path, transactional_db):
    make_staff("volunteer", "volunteer", PASSWORD)
    import_rows(tmp_path, ROWS, obtained_on=datetime.date(2022, 1, 10))
    browser = Browser(live_server.url)
    browser.login("volunteer", PASSWORD)
    return browser


def _rows(text: str) -> list[str]:
    body = text.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return [
        re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row)).strip() for row in body.split("<tr>")[1:]
    ]


def test_namesakes_are_told_apart_by_birth_place_and_fate(browser):
    page = browser.get("/?" + urllib.parse.urlencode({"q": "Абдикадыров Даурен"}))
    assert "<th>Born</th>" in page.text and "<th>Latest fate</th>" in page.text
    rows = _rows(page.text)
    assert len(rows) == 2
    assert any("1986" in r and "Almaty" in r and "killed" in r for r in rows), rows
    assert any("1961" in r and "Shymkent" in r and "detained" in r for r in rows), rows


@pytest.mark.parametrize("query", ["Абдикадыров Д.", "Abdikadyrov D", "Д. Абдикадыров"])
def test_a_surname_with_an_initial_finds_the_names_it_may_stand_for(browser, query):
    rows = _rows(browser.get("/?" + urllib.parse.urlencode({"q": query})).text)
    assert len(rows) == 2 and all("Даурен" in r for r in rows), rows
