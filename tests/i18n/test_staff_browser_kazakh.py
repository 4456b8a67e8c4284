"""A staff member switches the staff side to Kazakh in a real browser (Debian's Chromium) and
walks its pages: none shows an English sentence of the catalogue, and the choice comes back at
the next login, from another browser.

Acts and import/triage pages are not walked yet (their templates are not translated: issue 21).
Screenshots go to ``test-artifacts/i18n/`` for people to look at.
"""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from tests.chromium import ARTIFACTS, BROWSER_TEST, launch
from tests.publish.fixtures import publish_site
from tizim.accounts import services
from tizim.accounts.roles import Role

pytestmark = BROWSER_TEST
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
polib = pytest.importorskip("polib", reason="polib is not installed")

PASSWORD = "correct horse battery staple 42"
PO = "tizim/locale/kk/LC_MESSAGES/django.po"


def english_sentences() -> list[str]:
    """The catalogue's English msgids of three words or more, placeholders and tags cut out."""
    found = []
    for entry in polib.pofile(PO):
        text = re.sub(r"<[^>]+>|%\([a-z_]+\)s", "|", entry.msgid)
        found += [p.strip() for p in text.split("|") if len(p.split()) >= 3]
    return sorted(set(found))


@pytest.fixture
def staff(tmp_path, transactional_db):
    people = publish_site(tmp_path)
    user, _new = services.account("aigerim")
    services.set_role(user, Role.ADMIN, actor="t")
    services.set_password(user, PASSWORD, actor="t")
    device = services.enrol_confirmed_device(user, actor="t")
    person = people["killed"].public_id
    pages = [
        reverse("accounts:account"),
        reverse("accounts:password"),
        reverse("registry:person-list"),
        reverse("registry:person-detail", args=[person]),
        reverse("registry:source-list"),
        reverse("registry:quarantine"),
        reverse("registry:claim-list"),
        reverse("publication", args=[person]),
        reverse("linkage:queue"),
        reverse("linkage:runs"),
        reverse("linkage:decisions"),
        reverse("estimates:numbers"),
        reverse("estimates:estimate-list"),
        reverse("ingest:article-list"),
        reverse("audit:log"),
    ]
    # Read now: the ORM must not run while Playwright's loop does.
    return {"device": device, "pages": pages}


def log_in(page, origin: str, device) -> None:
    page.goto(f"{origin}/login/")
    page.fill("#id_username", "aigerim")
    page.fill("#id_password", PASSWORD)
    page.click("form.login button[type=submit]")
    page.fill("#id_code", services.current_code(device))
    page.click("form.login button[type=submit]")
    page.wait_for_selector("header.top nav")


def test_staff_side_in_kazakh_and_remembered(live_server, staff):
    origin = live_server.url
    shots = ARTIFACTS / "i18n" / "kk"
    shots.mkdir(parents=True, exist_ok=True)
    sentences = english_sentences()
    assert len(sentences) > 100
    with sync_api.sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            page = browser.new_context(locale="en-GB").new_page()
            log_in(page, origin, staff["device"])
            assert page.locator("html").get_attribute("lang") == "en"
            page.click("form.languages button[value=kk]")
            page.wait_for_load_state()
            assert page.locator("html").get_attribute("lang") == "kk"
            for number, path in enumerate(staff["pages"], start=1):
                page.goto(origin + path)
                assert page.locator("html").get_attribute("lang") == "kk", path
                text = " ".join(page.inner_text("body").split())
                english = [s for s in sentences if s in text]
                assert english == [], f"{path}: {english}"
                name = path.strip("/").replace("/", "-") or "home"
                page.screenshot(path=str(shots / f"{number:02d}-{name}.png"), full_page=True)
            assert "қаңтар" in page.goto(origin + staff["pages"][6]).text()

            # A new login from a browser that never saw the switcher: Kazakh again.
            fresh = browser.new_context(locale="en-GB").new_page()
            log_in(fresh, origin, staff["device"])
            assert fresh.locator("html").get_attribute("lang") == "kk"
        finally:
            browser.close()
