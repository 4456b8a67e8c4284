"""A visitor's path through the public site in a real browser (Playwright driving Debian's
Chromium), in each language: home → a list → a person → search in another script → download.

Every request the page makes is recorded and must go to the test server (no fonts, scripts,
maps or analytics from anywhere else, P11); the console must show no Content-Security-Policy
violation (no inline script or style). Screenshots are saved under ``test-artifacts/publish/``
(or ``$TIZIM_TEST_ARTIFACTS``) for people to look at.
"""

from __future__ import annotations

import pytest

from tests.chromium import ARTIFACTS, BROWSER_TEST, launch
from tests.publish.fixtures import publish_site

pytestmark = BROWSER_TEST
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")

# The name typed in another script than the one the list shows it in, per language.
SEARCH_IN_ANOTHER_SCRIPT = {"kk": "Жағыпаров", "ru": "Jagiparov", "en": "Жагипаров"}


@pytest.fixture
def site(tmp_path, transactional_db):
    people = publish_site(tmp_path)
    # Read everything the walk needs now: the ORM must not run while Playwright's loop does.
    return {"killed": people["killed"].public_id, "detained": people["detained"].public_id}


@pytest.fixture
def browser():
    with sync_api.sync_playwright() as playwright:
        chromium = launch(playwright)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_visitor_walk_in_each_language(live_server, site, browser, lang, tmp_path):
    origin = live_server.url
    shots = ARTIFACTS / "publish" / lang
    shots.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(
        viewport={"width": 412, "height": 915}, accept_downloads=True, java_script_enabled=False
    )
    page = context.new_page()
    requests: list[str] = []
    console: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda message: console.append(message.text))

    # Home: headline counts, the lists, the search box.
    page.goto(f"{origin}/{lang}/")
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator(".card .big").count() == 3
    page.screenshot(path=str(shots / "1-home.png"), full_page=True)

    # The list of the killed, reached by its link.
    page.click(f"a[href='/{lang}/killed/'] >> nth=0")
    page.wait_for_url(f"{origin}/{lang}/killed/")
    row = page.locator(f"a[href='/{lang}/person/{site['killed']}/']")
    assert row.count() == 1
    page.screenshot(path=str(shots / "2-list.png"), full_page=True)

    # The person's page: the name in both scripts, what happened, the sources.
    row.click()
    page.wait_for_url(f"{origin}/{lang}/person/{site['killed']}/")
    body = page.inner_text("main")
    assert "Жагипаров Ерлан" in body and "Zhagiparov" in body
    assert "2022" in body and page.locator("ol.sources li").count() == 2
    page.screenshot(path=str(shots / "3-person.png"), full_page=True)

    # Search in another script than the list showed.
    page.fill("form.site-search input[name=q]", SEARCH_IN_ANOTHER_SCRIPT[lang])
    page.press("form.site-search input[name=q]", "Enter")
    page.wait_for_url(f"{origin}/{lang}/search/?q=*")
    assert page.locator(f"main a[href='/{lang}/person/{site['killed']}/']").count() == 1
    assert page.locator(f"main a[href='/{lang}/person/{site['detained']}/']").count() == 0
    page.screenshot(path=str(shots / "4-search.png"), full_page=True)

    # Download the open data from the data page.
    page.click(f"nav.site-nav a[href='/{lang}/data/']")
    page.wait_for_url(f"{origin}/{lang}/data/")
    page.screenshot(path=str(shots / "5-data.png"), full_page=True)
    with page.expect_download() as download_info:
        page.click(f"a[href='/{lang}/data/persons.csv']")
    saved = tmp_path / "persons.csv"
    download_info.value.save_as(saved)
    text = saved.read_text(encoding="utf-8-sig")
    assert text.startswith("id,list,name,") and site["killed"] in text
    assert site["detained"] not in text

    # The switcher takes the visitor to the same page in another language.
    other = "ru" if lang != "ru" else "kk"
    page.click(f"nav.languages a[hreflang='{other}']")
    page.wait_for_url(f"{origin}/{other}/data/")
    context.close()

    assert requests, "no request recorded"
    strangers = [url for url in requests if not url.startswith(origin + "/")]
    assert strangers == [], f"requests to third parties: {strangers}"
    assert any(url.endswith("/static/tizim/publish.css") for url in requests)
    violations = [m for m in console if "Content Security Policy" in m or "Refused" in m]
    assert violations == []
