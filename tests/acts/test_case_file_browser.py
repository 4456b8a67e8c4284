"""The case file in a real browser (Debian's Chromium through Playwright): a reviewer logs in
through the real two-step login (/login/, then /accounts/verify/ with a TOTP code), opens a
person's case file, sees fates and acts in date order, and the browser asks nothing of any host
but the server. A screenshot is kept under ``test-artifacts/acts/`` (or ``$TIZIM_TEST_ARTIFACTS``).

Every page sends ``Referrer-Policy: no-referrer``, under which Chromium — as the Fetch standard
says — sends ``Origin: null`` with a form POST; ``test_forms_post_from_a_real_browser`` keeps
``tizim.middleware.NoReferrerCsrfViewMiddleware`` honest about accepting it.
"""

from __future__ import annotations

import urllib.parse

from tests.acts.conftest import CANARY, photo_with_gps
from tests.chromium import BROWSER_TEST, keep, launch
from tests.factories import STAFF_PASSWORD
from tests.http_client import Browser
from tizim.acts import services
from tizim.core.dates import parse_partial_datetime

pytestmark = BROWSER_TEST


def test_reviewer_sees_the_case_file_timeline_in_order(live_server, world, ivs, tmp_path):
    from playwright.sync_api import sync_playwright

    services.record_act(
        world.person,
        act_type="torture.beating",
        start=parse_partial_datetime("8 января 2022"),
        facility=ivs,
        unit_kind="police",
        perpetrator=services.SealedPerpetrator(officers=CANARY),
        citations=[services.Citation(world.source, "row 1")],
        actor="test",
    )
    detention = services.record_act(
        world.person,
        act_type="detention",
        start=parse_partial_datetime("6.01.2022 19:54"),
        unit_kind="national_guard",
        place_text="Алматы",
        citations=[services.Citation(world.source, "row 1")],
        actor="test",
    )
    services.add_evidence(photo_with_gps(), filename="leg.jpg", act=detention, actor="test")
    # The real login, both steps (the code from the reviewer's TOTP device), before the
    # browser's event loop starts: the database is not asked anything after that.
    http = Browser(live_server.url)
    landed = http.login("rev", STAFF_PASSWORD)
    assert landed.status == 200 and "/accounts/verify/" not in landed.url
    server = urllib.parse.urlsplit(live_server.url)
    cookies = [
        {"name": c.name, "value": c.value or "", "url": live_server.url}
        for c in http.jar
        if c.value is not None
    ]
    assert {"sessionid", "tizim_keyring"} <= {c["name"] for c in cookies}
    case_path = f"/acts/persons/{world.person.public_id}/"
    requested: list[str] = []

    with sync_playwright() as p:
        browser = launch(p)
        try:
            context = browser.new_context()
            context.add_cookies(cookies)  # type: ignore[arg-type]
            page = context.new_page()
            page.on("request", lambda request: requested.append(request.url))
            page.goto(live_server.url + case_path)
            assert page.locator("h1").inner_text().startswith("Case file:"), page.url
            entries = page.locator("ol.case-timeline > li")
            kinds = entries.evaluate_all("els => els.map(e => e.dataset.kind)")
            moments = entries.evaluate_all("els => els.map(e => e.dataset.earliest)")
            texts = entries.all_inner_texts()
            assert kinds == ["fate", "act", "act"], texts
            assert moments == sorted(moments)
            assert "detained" in texts[0].lower()
            assert "arrest or detention" in texts[1] and "National Guard" in texts[1]
            assert "beating" in texts[2] and "(sealed)" in texts[2] and CANARY not in texts[2]
            assert page.locator("#evidence").is_visible()
            assert page.get_by_text("Show sealed perpetrators").is_visible()
            # the stylesheet loaded: the page is styled by the server's own CSS, nothing inline
            assert page.evaluate("document.styleSheets.length") >= 1
            # partial date-times in words, never the stored form
            assert "19:54 on 6 January 2022" in texts[1] and "8 January 2022" in texts[2]
            assert "T19" not in page.inner_text("main")
            screenshot = tmp_path / "case-file.png"
            page.screenshot(path=str(screenshot), full_page=True)
            # printed: the content only, without the navigation, the forms or the links bar
            page.emulate_media(media="print")
            assert not page.locator("header.top").is_visible()
            assert not page.get_by_text("Show sealed perpetrators").is_visible()
            assert page.locator(".case-file .print-only").is_visible()
            assert page.locator("ol.case-timeline").is_visible()
            printed = tmp_path / "case-file-print.png"
            page.screenshot(path=str(printed), full_page=True)
            keep(printed, "acts")
        finally:
            browser.close()

    assert screenshot.stat().st_size > 10_000
    keep(screenshot, "acts")
    assert any(url.endswith(".css") for url in requested), requested
    elsewhere = [
        url
        for url in requested
        if not url.startswith("data:")
        and urllib.parse.urlsplit(url)[:2] != (server.scheme, server.netloc)
    ]
    assert elsewhere == []


def test_forms_post_from_a_real_browser(live_server, world):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = launch(p)
        try:
            page = browser.new_page()
            page.goto(live_server.url + "/login/")
            page.fill("input[name=username]", "vol")
            page.fill("input[name=password]", STAFF_PASSWORD)
            page.click("form.login button[type=submit]")  # not the language switcher
            page.wait_for_load_state()
            assert "/login/" not in page.url
        finally:
            browser.close()
