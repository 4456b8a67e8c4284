"""From a published person's page to the report form about them, in a real browser (Debian's
Chromium): the form says whom it is about, asks what happened with nothing chosen, and the
report is stored with the person's public id."""

from __future__ import annotations

from tests.chromium import BROWSER_TEST, keep, launch
from tests.intake.test_report_about import instance  # noqa: F401 - the instance's settings
from tests.publish.fixtures import publish_site
from tizim.intake.models import Report

pytestmark = BROWSER_TEST


def test_tell_us_safely_opens_the_form_about_that_person(live_server, tmp_path, monkeypatch):
    from playwright.sync_api import sync_playwright

    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    missing = publish_site(tmp_path)["missing"].public_id
    with sync_playwright() as p:
        browser = launch(p)
        try:
            page = browser.new_page(
                java_script_enabled=False, viewport={"width": 390, "height": 844}
            )
            page.goto(f"{live_server.url}/ru/person/{missing}/")
            page.click(".appeal a")
            page.wait_for_load_state()
            assert "/ru/report/" in page.url and f"about={missing}" in page.url
            about = page.inner_text("#about-person")
            assert "Касымова Айгуль" in about
            assert page.input_value("input[name=person_name]") == "Касымова Айгуль"
            radios = page.locator("input[name=what_happened]")
            assert radios.count() == 8
            assert radios.evaluate_all("els => els.filter(e => e.checked).length") == 0
            shot = tmp_path / "report-about-person.png"
            page.screenshot(path=str(shot), full_page=True)
            keep(shot, "intake")
            page.check("input[name=what_happened][value=unknown]")
            page.fill("textarea[name=testimony]", "Её видели 7 января.")
            page.click("button[type=submit]")
            page.wait_for_load_state()
            assert page.locator("#receipt-phrase").is_visible()
        finally:
            browser.close()
    report = Report.objects.get()
    assert report.about_person == missing and report.what_happened == "unknown"
