"""Staff pages over real HTTP against the running app."""

from __future__ import annotations

import datetime
import re
import urllib.parse

import pytest

from tests.factories import import_rows, make_staff
from tests.http_client import Browser
from tizim.registry.membership import merge_persons
from tizim.registry.models import Person, Record

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "a long test password 42"


@pytest.fixture
def staff(transactional_db):
    return make_staff("volunteer", "volunteer", PASSWORD)


@pytest.fixture
def merged_person(tmp_path, transactional_db):
    import_rows(
        tmp_path,
        [
            (
                "1",
                "Серикбаев Ерлан Болатович",
                "12.03.1985",
                "г. Алматы",
                "пропал без вести",
                "06.01.2022",
                "",
            )
        ],
        obtained_on=datetime.date(2022, 1, 10),
    )
    import_rows(
        tmp_path,
        [("Yerlan Serikbayev", "36", "Almaty", "detained", "January 8, 2022")],
        source="press-list",
        headers=("Name", "Age", "City", "Status", "Date"),
        filename="press.csv",
    )
    first, second = Record.objects.order_by("pk")
    merge_persons(first.person, second.person)
    return Person.objects.get(pk=first.person_id)


@pytest.mark.parametrize(
    "path", ["/", "/sources/", "/quarantine/", "/claims/", "/persons/PXXXXXXXX/"]
)
def test_pages_require_login(live_server, path):
    browser = Browser(live_server.url)
    response = browser.get(path, follow=False)
    assert response.status == 302
    assert response.headers["Location"].startswith("/login/?next=")


def test_wrong_password_is_refused(live_server, staff):
    browser = Browser(live_server.url)
    response = browser.login("volunteer", "wrong password")
    assert "did not match" in response.text
    assert browser.get("/", follow=False).status == 302


def test_person_page_shows_every_source_record_and_the_timeline(live_server, staff, merged_person):
    browser = Browser(live_server.url)
    assert browser.login("volunteer", PASSWORD).status == 200
    page = browser.get(f"/persons/{merged_person.public_id}/")
    assert page.status == 200
    assert "ngo-sheet" in page.text and "press-list" in page.text
    assert "Серикбаев Ерлан Болатович" in page.text and "Yerlan Serikbayev" in page.text
    timeline = page.text.split("Fate timeline")[1].split("Records")[0]
    assert timeline.index("missing") < timeline.index("detained")
    assert "Records (2) from 2 sources" in page.text


def test_persons_list_searches_and_filters(live_server, staff, merged_person):
    browser = Browser(live_server.url)
    browser.login("volunteer", PASSWORD)
    found = browser.get("/?q=Serikbayev")
    assert merged_person.public_id in found.text
    assert merged_person.public_id in browser.get("/?source=press-list").text
    none = browser.get("/?q=Nobody")
    assert "No person matches" in none.text
    assert merged_person.public_id not in browser.get("/?fate=killed").text


def test_search_finds_a_name_in_any_script_or_spelling(live_server, staff, tmp_path):
    import_rows(
        tmp_path,
        [("9", "Жағыпаров Ерлан Мұхтарұлы", "", "Алматы", "погиб", "06.01.2022", "")],
        source="radio",
    )
    person = Record.objects.get(source__name="radio").person
    browser = Browser(live_server.url)
    browser.login("volunteer", PASSWORD)
    for query in (
        "Жагипаров",
        "Zhagiparov",
        "Jagiparov",
        "ZHAGYPAROV",
        "Yerlan Zhagiparov",
        "Жағыпаров Ерлан",
    ):
        page = browser.get("/?q=" + urllib.parse.quote(query))
        assert person.public_id in page.text, query
    assert person.public_id not in browser.get("/?q=" + urllib.parse.quote("Жумагалиев")).text


def test_sources_page_counts_records(live_server, staff, merged_person):
    browser = Browser(live_server.url)
    browser.login("volunteer", PASSWORD)
    page = browser.get("/sources/")
    row = re.search(r"ngo-sheet</a></td>.*?</tr>", page.text, re.S)
    assert row and "<td>1</td>" in row.group(0)


def test_pages_send_protective_headers(live_server, staff):
    browser = Browser(live_server.url)
    response = browser.get("/login/")
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "http://" not in re.sub(
        r"http://(127\.0\.0\.1|localhost)[^\"']*", "", response.text.split("<body>")[0]
    )
