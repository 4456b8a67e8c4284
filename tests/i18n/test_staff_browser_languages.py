"""A staff member switches the staff side to Kazakh, or Russian, in a real browser (Debian's
Chromium) and walks every staff page — registry, acts and case file, evidence, upload and
import preview, triage, linkage, numbers, ingest, publication, audit: none shows an English
sentence of the catalogue, and the choice comes back at the next login, from another browser.

Screenshots go to ``test-artifacts/i18n/<language>/`` for people to look at.
"""

from __future__ import annotations

import re
import time

import pytest
from django.urls import reverse
from django_otp.oath import TOTP

from tests.acts.conftest import create_almaty_ivs, photo_with_gps
from tests.chromium import ARTIFACTS, BROWSER_TEST, launch
from tests.intake.test_report_services import submit
from tests.publish.fixtures import publish_site
from tizim.accounts import services
from tizim.accounts.roles import Role
from tizim.acts import services as acts
from tizim.core.dates import parse_partial_datetime
from tizim.registry.models import Source

pytestmark = BROWSER_TEST
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
polib = pytest.importorskip("polib", reason="polib is not installed")

PASSWORD = "correct horse battery staple 42"
LANGUAGES = ("kk", "ru")
#: Part of every walked page in each language: the month of the fixture's dates, as written.
JANUARY = {"kk": "қаңтар", "ru": "января"}
LIST = "№,ФИО,Дата рождения,Город,Статус,Дата\n1,Жагипаров Ерлан,1972,Алматы,погиб,06.01.2022\n"


def english_sentences(language: str) -> list[str]:
    """The catalogue's English msgids of three words or more, placeholders, tags and commands
    (``<code>``, the same in every language) cut out."""
    found = []
    for entry in polib.pofile(f"tizim/locale/{language}/LC_MESSAGES/django.po"):
        text = re.sub(r"<code>.*?</code>|<[^>]+>|%\([a-z_]+\)s", "|", entry.msgid)
        found += [p.strip() for p in text.split("|") if len(p.split()) >= 3]
    return sorted(set(found))


@pytest.fixture
def staff(tmp_path, transactional_db, settings):
    settings.TIZIM_KEY_KDF = "min"
    people = publish_site(tmp_path)
    user, _new = services.account("aigerim")
    services.set_role(user, Role.ADMIN, actor="t")
    services.set_password(user, PASSWORD, actor="t")
    device = services.enrol_confirmed_device(user, actor="t")
    person = people["killed"].public_id
    ivs = create_almaty_ivs()
    start = parse_partial_datetime("6.01.2022 19:54")
    event = acts.create_event("Алаң, 6 қаңтар", start=start, place_text="Алматы", actor="t")
    act = acts.record_act(
        people["killed"],
        act_type="detention",
        start=start,
        facility=ivs,
        unit_kind="police",
        event=event,
        perpetrator=acts.SealedPerpetrator(officers="Officer X"),
        citations=[acts.Citation(Source.objects.order_by("pk").first(), "row 1")],
        actor="t",
    )
    evidence = acts.add_evidence(photo_with_gps(), filename="leg.jpg", act=act, actor="t")
    report, _phrase = submit()
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
        reverse("acts:case-file", args=[person]),
        reverse("acts:act-list"),
        reverse("acts:act-detail", args=[act.pk]),
        reverse("acts:act-add", args=[person]),
        reverse("acts:act-edit", args=[act.pk]),
        reverse("acts:evidence-add", args=[person]),
        reverse("acts:evidence-detail", args=[evidence.public_id]),
        reverse("acts:facility-list"),
        reverse("acts:facility-detail", args=[ivs.slug]),
        reverse("acts:event-list"),
        reverse("acts:event-detail", args=[event.pk]),
        reverse("acts:counts"),
        reverse("triage:list"),
        reverse("triage:detail", args=[report.public_id]),
        reverse("intake:upload"),
    ]
    # Read now: the ORM must not run while Playwright's loop does.
    return {"device": device, "pages": pages}


def next_step_code(device) -> str:
    """The code of the device's next 30-second step, which it accepts (one step of tolerance):
    a second login in the same step must not replay the first one's code, which is refused."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + device.step
    return str(totp.token()).zfill(device.digits)


def log_in(page, origin: str, device, code: str | None = None) -> None:
    page.goto(f"{origin}/login/")
    page.fill("#id_username", "aigerim")
    page.fill("#id_password", PASSWORD)
    page.click("form.login button[type=submit]")
    page.fill("#id_code", code or services.current_code(device))
    page.click("form.login button[type=submit]")
    page.wait_for_selector("header.top nav")


def no_english(page, path: str, language: str, sentences: list[str]) -> None:
    assert page.locator("html").get_attribute("lang") == language, path
    text = " ".join(page.inner_text("body").split())
    english = [s for s in sentences if s in text]
    assert english == [], f"{path}: {english}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_staff_side_in_a_language_and_remembered(live_server, staff, language, tmp_path):
    origin = live_server.url
    shots = ARTIFACTS / "i18n" / language
    shots.mkdir(parents=True, exist_ok=True)
    sentences = english_sentences(language)
    upload = tmp_path / "list.csv"
    upload.write_text(LIST, encoding="utf-8")
    assert len(sentences) > 100
    with sync_api.sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            page = browser.new_context(locale="en-GB").new_page()
            log_in(page, origin, staff["device"])
            assert page.locator("html").get_attribute("lang") == "en"
            page.click(f"form.languages button[value={language}]")
            page.wait_for_load_state()
            assert page.locator("html").get_attribute("lang") == language
            for number, path in enumerate(staff["pages"], start=1):
                page.goto(origin + path)
                no_english(page, path, language, sentences)
                name = path.strip("/").replace("/", "-") or "home"
                page.screenshot(path=str(shots / f"{number:02d}-{name}.png"), full_page=True)
            assert JANUARY[language] in page.goto(origin + staff["pages"][3]).text()  # the person
            # An upload, as a volunteer makes one: the import preview (a job page) in the language.
            page.goto(origin + reverse("intake:upload"))
            # The source menu starts empty (no list is imported into a source by default).
            page.select_option("select[name=source]", index=1)
            page.set_input_files("input[type=file]", str(upload))
            page.click("form.upload button[type=submit]")
            page.wait_for_selector("form[action$='/confirm/']")
            no_english(page, page.url, language, sentences)
            page.screenshot(path=str(shots / "99-import-preview.png"), full_page=True)

            # A new login from a browser that never saw the switcher: Kazakh again.
            fresh = browser.new_context(locale="en-GB").new_page()
            log_in(fresh, origin, staff["device"], next_step_code(staff["device"]))
            assert fresh.locator("html").get_attribute("lang") == language
        finally:
            browser.close()
