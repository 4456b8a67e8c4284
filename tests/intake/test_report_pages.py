"""The public report form over real HTTP: three languages, no third-party anything, security
headers, hostile input refused cleanly, rate limits, and coming back with the phrase."""

from __future__ import annotations

import html
import re

import pytest
from django.contrib.auth import get_user_model

from tests.http_client import Browser
from tests.intake.conftest import use_private_home
from tests.intake.test_report_services import jpeg_with_gps
from tizim.accounts.roles import Role
from tizim.accounts.services import create_recipient_key, set_role
from tizim.intake import report_views, reports
from tizim.intake.models import Report

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def instance(settings, tmp_path, transactional_db):
    use_private_home(settings, tmp_path)
    user = get_user_model().objects.create_user("rev", password="a long test password 42")
    set_role(user, Role.REVIEWER, actor="test")
    create_recipient_key(user, "a long test password 42", actor="test")
    settings.REPORT_RATE_PER_SENDER = 50
    report_views._limits = None
    return tmp_path / "home"


FIELDS = {
    "person_name": "Жағыпаров Ерлан",
    "person_age": "42",
    "person_place": "Алматы",
    "what_happened": "detained",
    "event_date": "06.01.2022",
    "held_or_last_seen": "ИВС",
    "relationship": "brother",
    "reporter_name": "",
    "contact": "",
    "testimony": "Taken at night.",
}


def multipart(
    url: str,
    fields: dict[str, str],
    files: list[tuple[str, str, bytes]] = (),  # type: ignore[assignment]
    *,
    browser: Browser,
    raw_body: bytes | None = None,
) -> tuple[int, str]:
    """POST a multipart form the way a browser does (with the page's CSRF token)."""
    token = browser.csrf_token(url)
    response = browser.post_multipart(
        url,
        {"csrfmiddlewaretoken": token, **fields},
        {name: (filename, data) for name, filename, data in files},
        raw_body=raw_body,
    )
    return response.status, response.text


@pytest.mark.parametrize(
    ("language", "heading"),
    [
        ("en", "Report what happened to a person"),
        ("ru", "Сообщите, что случилось с человеком"),
        ("kk", "Адамның басына не түскенін хабарлаңыз"),
    ],
)
def test_the_form_in_each_language_loads_nothing_from_elsewhere(live_server, language, heading):
    page = Browser(live_server.url).get(f"/{language}/report/")
    assert page.status == 200 and heading in page.text
    assert f'<html lang="{language}">' in page.text
    # every address the page refers to is this server's own
    refs = re.findall(r'(?:src|href|action)="([^"]+)"', page.text)
    assert refs and all(r.startswith("/") for r in refs), refs
    assert "<script" not in page.text and "style=" not in page.text
    headers = {k.lower(): v for k, v in page.headers.items()}
    csp = headers["content-security-policy"]
    assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    assert headers["referrer-policy"] == "no-referrer"
    assert headers["strict-transport-security"].startswith("max-age=")
    assert headers["x-frame-options"] == "DENY"
    assert "no-store" in headers["cache-control"]
    # the staff side is not linked from the public side
    assert "/login/" not in page.text and "/admin/" not in page.text


def test_report_receipt_and_coming_back(live_server):
    browser = Browser(live_server.url)
    status, text = multipart(
        "/ru/report/", FIELDS, [("attachments", "leg.jpg", jpeg_with_gps())], browser=browser
    )
    assert status == 200, text
    assert "Ваше сообщение получено" in text
    phrase = html.unescape(re.search(r'id="receipt-phrase">([^<]+)<', text).group(1))  # type: ignore[union-attr]
    assert len(phrase.split()) == 7
    report = Report.objects.get()
    assert report.attachments.count() == 1 and report.language == "ru"
    token = browser.csrf_token("/en/report/follow-up/")
    wrong = browser.post(
        "/en/report/follow-up/", {"csrfmiddlewaretoken": token, "phrase": "nope " * 7}
    )
    assert wrong.status == 404 and "No report has this receipt phrase" in wrong.text
    reports.reply(report, text="We are looking for him.", actor="rev")
    back = browser.post("/en/report/follow-up/", {"csrfmiddlewaretoken": token, "phrase": phrase})
    assert back.status == 200 and "Taken at night." in back.text
    assert "We are looking for him." in back.text
    more = browser.post(
        "/en/report/follow-up/",
        {"csrfmiddlewaretoken": token, "phrase": phrase, "text": "He wore a red jacket."},
    )
    assert "Your information was added." in more.text and "He wore a red jacket." in more.text


def test_scripts_in_every_field_are_shown_as_text(live_server):
    browser = Browser(live_server.url)
    hostile = {k: "<script>alert(1)</script>" for k in FIELDS if k != "what_happened"}
    status, text = multipart("/en/report/", {**FIELDS, **hostile}, browser=browser)
    assert status == 200 and "<script>" not in text
    phrase = html.unescape(re.search(r'id="receipt-phrase">([^<]+)<', text).group(1))  # type: ignore[union-attr]
    token = browser.csrf_token("/en/report/follow-up/")
    back = browser.post("/en/report/follow-up/", {"csrfmiddlewaretoken": token, "phrase": phrase})
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in back.text and "<script>" not in back.text


@pytest.mark.parametrize(
    ("files", "fields", "message"),
    [
        ([("attachments", "leg.jpg", b"not an image at all")], {}, "is not a photo"),
        ([], {"person_name": ""}, "This field is required"),
        ([], {"what_happened": "abducted by aliens"}, "Select a valid choice"),
        ([], {"testimony": "x" * 20_001}, "at most 20000 characters"),
    ],
)
def test_bad_input_is_refused_clearly_and_nothing_is_written(
    live_server, instance, files, fields, message
):
    status, text = multipart(
        "/en/report/", {**FIELDS, **fields}, files, browser=Browser(live_server.url)
    )
    assert status == 400 and message in html.unescape(text)
    assert Report.objects.count() == 0
    assert not any(p.is_file() for p in (instance / "media").rglob("*"))


def test_oversized_and_broken_requests(live_server, settings):
    settings.REPORT_MAX_REQUEST_BYTES = 1000
    browser = Browser(live_server.url)
    status, text = multipart(
        "/en/report/", FIELDS, [("attachments", "big.jpg", b"x" * 5000)], browser=browser
    )
    assert status == 413 and "too large" in text
    settings.REPORT_MAX_REQUEST_BYTES = 52 * 1024 * 1024
    status, text = multipart(
        "/en/report/", FIELDS, browser=browser, raw_body=b"--broken\r\nno headers here"
    )
    assert status in (400, 403) and "Traceback" not in text
    assert Report.objects.count() == 0


def test_a_flood_from_one_sender_is_slowed(live_server, settings):
    settings.REPORT_RATE_PER_SENDER = 2
    report_views._limits = None
    browser = Browser(live_server.url)
    codes = [multipart("/en/report/", FIELDS, browser=browser)[0] for _ in range(3)]
    assert codes == [200, 200, 429]
    assert Report.objects.count() == 2
