"""The public form in a real browser (Debian's Chromium through Playwright): a reporter fills
it in and sends it with a photo, gets a receipt phrase and comes back with it; a reviewer logs
in through the real two-step login. Real browsers send ``Origin: null`` and no Referer under
``Referrer-Policy: no-referrer`` — this is where that must still work. Every request must go to
the test server only, and no Content-Security-Policy violation may show in the console.
"""

from __future__ import annotations

import pytest

from tests.chromium import BROWSER_TEST, keep, launch
from tests.factories import STAFF_PASSWORD
from tests.http_client import totp_code
from tests.intake.test_report_services import jpeg_with_gps
from tizim.intake.models import Report

pytestmark = BROWSER_TEST


@pytest.fixture(autouse=True)
def instance(report_desk):
    return report_desk


def test_a_reporter_sends_a_report_and_a_reviewer_logs_in(live_server, tmp_path, monkeypatch):
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls below are the
    # test's own checks, made while the browser waits.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    photo = tmp_path / "leg.jpg"
    photo.write_bytes(jpeg_with_gps())
    requests: list[str] = []
    console: list[str] = []
    with sync_playwright() as p:
        browser = launch(p)
        try:
            page = browser.new_page(java_script_enabled=False)
            page.on("request", lambda r: requests.append(r.url))
            page.on("console", lambda m: console.append(m.text))
            page.goto(live_server.url + "/kk/report/")
            page.fill("input[name=person_name]", "Жағыпаров Ерлан")
            page.fill("input[name=person_place]", "Алматы")
            page.check("input[name=what_happened][value=detained]")
            page.fill("textarea[name=testimony]", "Түнде алып кетті.")
            page.set_input_files("input[name=attachments]", str(photo))
            page.click("button[type=submit]")
            page.wait_for_load_state()
            phrase = page.inner_text("#receipt-phrase").strip()
            assert len(phrase.split()) == 7
            shot = tmp_path / "report-received.png"
            page.screenshot(path=str(shot), full_page=True)
            keep(shot, "intake")
            assert Report.objects.get().attachments.count() == 1

            page.goto(live_server.url + "/en/report/follow-up/")
            page.fill("input[name=phrase]", phrase)
            page.click("button[type=submit]")
            page.wait_for_load_state()
            assert "Түнде алып кетті." in page.content()

            staff = browser.new_page(java_script_enabled=False)
            staff.on("request", lambda r: requests.append(r.url))
            staff.goto(live_server.url + "/login/")
            staff.fill("input[name=username]", "rev")
            staff.fill("input[name=password]", STAFF_PASSWORD)
            staff.click("form.login button[type=submit]")  # not the language switcher
            staff.wait_for_load_state()
            assert staff.url.endswith("/accounts/verify/"), staff.url
            staff.fill("input[name=code]", totp_code("rev"))
            staff.click("form:has(input[name=code]) button[type=submit]")
            staff.wait_for_load_state()
            assert "/login/" not in staff.url and "/accounts/verify/" not in staff.url, staff.url
            staff.goto(live_server.url + "/triage/")
            assert "Жағыпаров Ерлан" in staff.content()
        finally:
            browser.close()
    assert requests and all(u.startswith(live_server.url) for u in requests), requests
    assert not [m for m in console if "Content Security Policy" in m], console
