"""Triage over real HTTP: who may see a report, who may unseal it, and what recording does."""

from __future__ import annotations

import io
import urllib.parse
import urllib.request

import pytest
from PIL import Image

from tests.factories import STAFF_PASSWORD, make_staff
from tests.http_client import Browser
from tests.intake.conftest import use_private_home
from tests.intake.test_report_services import CANARY, jpeg_with_gps, submit
from tizim.audit.models import AuditEntry
from tizim.intake.models import Report

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def instance(settings, tmp_path, transactional_db):
    use_private_home(settings, tmp_path)
    make_staff("rev", "reviewer")
    make_staff("vol", "volunteer")
    make_staff("ana", "analyst")
    report, _ = submit()
    return report


def post_for_bytes(browser: Browser, path: str, data: dict[str, str]) -> tuple[int, dict, bytes]:
    """POST and keep the answer as bytes (the file downloads are binary)."""
    request = urllib.request.Request(
        browser.base_url + path,
        data=urllib.parse.urlencode(data).encode(),
        headers={"Referer": browser.base_url + path},
    )
    with browser.follow.open(request, timeout=30) as response:
        return response.status, dict(response.headers), response.read()


def logged_in(live_server, username: str) -> Browser:
    browser = Browser(live_server.url)
    page = browser.login(username, STAFF_PASSWORD)
    assert page.status == 200, page.url
    return browser


def test_reviewer_unseals_reads_the_stripped_photo_and_records(live_server, instance):
    browser = logged_in(live_server, "rev")
    listing = browser.get("/triage/")
    assert instance.public_id in listing.text and "Жағыпаров Ерлан" in listing.text
    page = browser.get(f"/triage/{instance.public_id}/")
    assert CANARY not in page.text and "Unseal" in page.text
    token = browser.csrf_token(f"/triage/{instance.public_id}/")
    opened = browser.post(f"/triage/{instance.public_id}/", {"csrfmiddlewaretoken": token})
    assert f"+7 701 {CANARY}-contact" in opened.text
    assert "no-store" in opened.headers.get("Cache-Control", "")
    assert AuditEntry.objects.filter(action="report.unseal", actor="rev").count() == 1
    attachment = instance.attachments.get()
    status, headers, photo = post_for_bytes(
        browser,
        f"/triage/{instance.public_id}/files/{attachment.pk}/",
        {"csrfmiddlewaretoken": token},
    )
    assert status == 200 and "attachment;" in headers["Content-Disposition"]
    assert Image.open(io.BytesIO(photo)).getexif() == {}  # the copy without metadata
    assert CANARY.encode() not in photo
    recorded = browser.post(
        f"/triage/{instance.public_id}/act/", {"csrfmiddlewaretoken": token, "action": "record"}
    )
    assert "Recorded as row 1 of public-form" in recorded.text
    instance.refresh_from_db()
    assert instance.status == "recorded" and instance.record.person is not None


def test_the_original_file_is_kept_bit_for_bit(live_server, instance):
    browser = logged_in(live_server, "rev")
    token = browser.csrf_token(f"/triage/{instance.public_id}/")
    attachment = instance.attachments.get()
    status, headers, original = post_for_bytes(
        browser,
        f"/triage/{instance.public_id}/files/{attachment.pk}/",
        {"csrfmiddlewaretoken": token, "original": "1"},
    )
    assert status == 200 and "-original" in headers["Content-Disposition"]
    assert original == jpeg_with_gps()
    assert AuditEntry.objects.filter(action="report.file.view", actor="rev").count() == 1


@pytest.mark.parametrize(
    ("username", "list_status", "unseal_status"),
    [("rev", 200, 200), ("vol", 200, 403), ("ana", 403, 403)],
)
def test_who_sees_and_who_unseals(live_server, instance, username, list_status, unseal_status):
    browser = logged_in(live_server, username)
    assert browser.get("/triage/").status == list_status
    token = browser.csrf_token("/accounts/")
    opened = browser.post(f"/triage/{instance.public_id}/", {"csrfmiddlewaretoken": token})
    assert opened.status == unseal_status
    assert (CANARY in opened.text) == (unseal_status == 200)
    acted = browser.post(
        f"/triage/{instance.public_id}/act/",
        {"csrfmiddlewaretoken": token, "action": "decline"},
        follow=False,
    )
    assert acted.status == (302 if username == "rev" else 403)
    assert Report.objects.get().status == ("declined" if username == "rev" else "new")


def test_triage_needs_login(live_server):
    response = Browser(live_server.url).get("/triage/", follow=False)
    assert response.status == 302 and response.headers["Location"].startswith("/login/")


@pytest.mark.parametrize("username", ["rev", "vol"])
def test_a_recorded_report_whose_record_has_no_person_opens(live_server, username):
    # "Something odd happened" is no known status: the record is quarantined, so no person.
    report, _ = submit(what_happened="something odd happened")
    browser = logged_in(live_server, "rev")
    token = browser.csrf_token(f"/triage/{report.public_id}/")
    browser.post(
        f"/triage/{report.public_id}/act/", {"csrfmiddlewaretoken": token, "action": "record"}
    )
    report.refresh_from_db()
    assert report.status == "recorded" and report.record.person is None
    page = logged_in(live_server, username).get(f"/triage/{report.public_id}/")
    assert page.status == 200
    assert "not yet a person" in page.text and "quarantined:" in page.text
