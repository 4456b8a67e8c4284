"""The public site over real HTTP: every page in kk, ru and en, lists with filters and pages,
person pages, search across scripts, downloads; withdrawal visible everywhere at once; no
unchosen field anywhere; nothing from a third party."""

from __future__ import annotations

import csv
import io
import json
import re
from urllib.parse import quote

import pytest

from tests.http_client import Browser
from tests.publish.fixtures import CANARIES, publish_site
from tizim.publish.services import publish_person, unpublish_person

pytestmark = pytest.mark.django_db(transaction=True)

LANGS = ("kk", "ru", "en")
PAGES = ("", "killed/", "missing/", "detained/", "search/?q=Zhagiparov", "statistics/",
         "about/", "methodology/", "data/")  # fmt: skip
DOWNLOADS = ("data/persons.csv", "data/persons.json", "data/counts.csv", "data/counts.json")


@pytest.fixture
def site(tmp_path, transactional_db):
    return publish_site(tmp_path)


def every_public_text(browser: Browser, person_ids) -> str:
    """Every page, download and search result (not the echo of the query) in every language."""
    texts = []
    for lang in LANGS:
        for page in (*PAGES, *DOWNLOADS, *(f"person/{p}/" for p in person_ids)):
            texts.append(browser.get(f"/{lang}/{page}").text)
        for q in ("Жагипаров", "Серикбаев", "Касымова", "Оспанов", "Ахметов", "1972", "Tulegenov"):
            page = browser.get(f"/{lang}/search/?q={quote(q)}").text
            texts.append(page.split("</form>", 1)[1].split("</p>", 2)[-1])
    return "\n".join(texts)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", PAGES)
def test_every_page_answers_in_each_language_with_the_switcher(live_server, site, lang, page):
    response = Browser(live_server.url).get(f"/{lang}/{page}")
    assert response.status == 200
    assert f'<html lang="{lang}">' in response.text
    for other in LANGS:
        assert f'hreflang="{other}"' in response.text
    # the switcher points at the same page in the other language
    path = page.split("?")[0]
    for other in LANGS:
        assert f'href="/{other}/{path}' in response.text
    assert "no-store" in response.headers["Cache-Control"]
    assert "unsafe-inline" not in response.headers["Content-Security-Policy"]


def test_pages_are_translated(live_server, site):
    browser = Browser(live_server.url)
    assert "Қаза тапқандар" in browser.get("/kk/killed/").text
    assert "Погибшие" in browser.get("/ru/killed/").text
    assert "The killed" in browser.get("/en/killed/").text
    assert "Іздеу" in browser.get("/kk/search/").text
    assert "Поиск" in browser.get("/ru/search/").text
    # The methodology says how a published interval is checked by simulation.
    for lang, words in (("kk", "симуляциямен"), ("ru", "на симуляциях"), ("en", "by simulation")):
        page = browser.get(f"/{lang}/methodology/").text
        check = re.search(r'<p id="simulation-check">(.*?)</p>', page, re.S)
        assert check and words in check.group(1), lang


def test_lists_show_the_published_only(live_server, site):
    browser = Browser(live_server.url)
    killed = browser.get("/en/killed/").text
    assert "Zhagiparov Yerlan" in killed
    assert "Ахметов" not in killed  # killed, but only reported through the form
    missing = browser.get("/ru/missing/").text
    assert "Касымова Айгуль" in missing
    assert 'href="/ru/report/"' in missing  # do you know something? report safely
    detained = browser.get("/kk/detained/").text
    assert "Tulegenov" in detained and "Серикбаев" not in detained and "Оспанов" not in detained


def test_list_filters_by_town_and_date(live_server, site):
    browser = Browser(live_server.url)
    assert "Zhagiparov" in browser.get("/en/killed/?place=almaty").text
    assert "Zhagiparov" in browser.get("/en/killed/?place=almaty&date_from=2022-01-06").text
    assert "Zhagiparov" not in browser.get("/en/killed/?date_from=2022-01-07").text
    assert "Zhagiparov" not in browser.get("/en/killed/?place=shymkent").text
    assert "Tulegenov" in browser.get("/en/detained/?place=jetisu-region").text
    bad = browser.get("/en/killed/?date_from=2022-01-09&date_to=2022-01-01")
    assert bad.status == 200 and "The first date is after the second." in bad.text
    assert browser.get("/en/killed/?page=999").status == 200


def test_person_page_names_in_scripts_fate_and_sources(live_server, site):
    person = site["killed"]
    page = Browser(live_server.url).get(f"/en/person/{person.public_id}/").text
    assert "Жагипаров Ерлан" in page and "Zhagiparov Yerlan" in page  # as given
    assert "Zhagiparov Erlan" in page or "Zhagiparov Yerlan" in page  # transliterated
    assert "1972" in page and "6 January 2022" in page
    assert "Press list of the dead and detained" in page
    assert "Almaty" in page


@pytest.mark.parametrize(
    "query", ["Жагипаров", "Zhagiparov", "Jagiparov", "ЖАҒЫПАРОВ", "ерлан жагипаров"]
)
def test_search_finds_across_scripts_and_spellings(live_server, site, query):
    for lang in LANGS:
        page = Browser(live_server.url).get(f"/{lang}/search/?q={quote(query)}").text
        assert f"/{lang}/person/{site['killed'].public_id}/" in page


def test_search_never_finds_the_unpublished(live_server, site):
    browser = Browser(live_server.url)
    for query in ("Серикбаев", "Serikbayev", "Оспанов", "Ахметов", "Akhmetov"):
        assert "/person/" not in browser.get(f"/en/search/?q={quote(query)}").text.split("<main")[1]


def test_downloads_hold_the_published_persons_and_counts(live_server, site):
    browser = Browser(live_server.url)
    response = browser.get("/en/data/persons.csv")
    assert response.headers["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text.lstrip("\ufeff"))))
    assert {r["id"] for r in rows} == {
        site[k].public_id for k in ("killed", "missing", "detained_public")
    }
    killed = next(r for r in rows if r["id"] == site["killed"].public_id)
    assert killed["list"] == "killed" and killed["birth_year"] == "1972"
    assert killed["place"] == "almaty" and killed["list_date"] == "2022-01-06"
    assert killed["url"].endswith(f"/en/person/{site['killed'].public_id}/")
    data = json.loads(browser.get("/kk/data/persons.json").text)
    assert data["licence"] == "CC BY 4.0" and len(data["persons"]) == 3
    assert {p["place_name"] for p in data["persons"]} >= {"Алматы"}
    counts = json.loads(browser.get("/ru/data/counts.json").text)
    assert counts["listed_by_name"] == {"killed": 1, "missing": 1, "detained": 1}
    dead = next(c for c in counts["counts"] if c["region"] == "all" and c["group"] == "dead")
    assert dead["count"] == "2"  # documented: published or not
    count_rows = list(
        csv.DictReader(io.StringIO(browser.get("/en/data/counts.csv").text.lstrip("\ufeff")))
    )
    small = [r for r in count_rows if r["region"] != "all" and r["suppressed"] == "yes"]
    assert small and all(r["count"] == "" for r in small)
    assert all(
        r["count"] in ("", "0") or int(r["count"]) >= 3 for r in count_rows if r["region"] != "all"
    )


def test_unchosen_and_never_published_fields_never_appear(live_server, site):
    text = every_public_text(Browser(live_server.url), [site[k].public_id for k in site])
    for canary in (*CANARIES, "CANARYFORMTITLE", "Серикбаев", "Оспанов", "Ахметов"):
        assert canary not in text, canary


def test_a_chosen_field_appears_and_the_living_never_show_it(live_server, site):
    publish_person(site["killed"], basis="confirmed_source",
                   fields={"show_facility": True, "show_birth_date": True}, actor="t")  # fmt: skip
    page = Browser(live_server.url).get(f"/en/person/{site['killed'].public_id}/").text
    assert "CANARYMORGUE-3" in page and "12 March 1972" in page
    hide = {"show_name": False, "show_place": False, "show_sources": False, "show_fate": False}
    publish_person(site["killed"], basis="confirmed_source", fields=hide, actor="t")
    page = Browser(live_server.url).get(f"/en/person/{site['killed'].public_id}/").text
    main = page.split("<main")[1]
    for hidden in (
        "Жагипаров",
        "Zhagiparov",
        "Almaty",
        "Press list",
        "6 January 2022",
        "CANARYMORGUE",
    ):
        assert hidden not in main, hidden


def test_withdrawal_is_gone_everywhere_at_once(live_server, site):
    browser = Browser(live_server.url)
    killed = site["killed"]
    before = every_public_text(browser, [killed.public_id])
    assert killed.public_id in before and "Zhagiparov Yerlan" in before
    assert '"killed": 1' in browser.get("/en/data/counts.json").text
    unpublish_person(killed, reason="the family asked", actor="t")
    after = every_public_text(browser, [])
    assert killed.public_id not in after
    assert "Жагипаров Ерлан" not in after and "Zhagiparov Yerlan" not in after
    assert browser.get(f"/en/person/{killed.public_id}/").status == 404
    assert '"killed": 0' in browser.get("/en/data/counts.json").text


def test_no_third_party_reference_in_any_page(live_server, site):
    browser = Browser(live_server.url)
    for lang in LANGS:
        for page in (*PAGES, f"person/{site['killed'].public_id}/"):
            text = browser.get(f"/{lang}/{page}").text
            refs = re.findall(r'(?:src|href|action|srcset|poster|data)\s*=\s*"([^"]*)"', text)
            assert refs
            for ref in refs:
                assert ref.startswith(("/", "?", "#")) or ref == "", (page, ref)
            assert "<script" not in text and " style=" not in text and "<style" not in text
            assert "@import" not in text and "url(" not in text


def test_page_weight_is_under_the_budget(live_server, site):
    browser = Browser(live_server.url)
    css = sum(
        len(browser.get(p).text.encode())
        for p in ("/static/tizim/public.css", "/static/tizim/publish.css")
    )
    for page in PAGES:
        size = len(browser.get(f"/en/{page}").text.encode()) + css
        assert size < 200_000, (page, size)


@pytest.mark.parametrize("query", ["%00", "%00%00"])
def test_a_control_character_finds_no_one(live_server, site, query):
    page = Browser(live_server.url).get(f"/en/search/?q={query}")
    assert page.status == 200
    assert "/person/" not in page.text.split("<main")[1]
