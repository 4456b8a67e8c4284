"""Two-factor login over real HTTP (threat model P14): enrolment, the code step, the middleware
that holds every page until it is passed, and the audit of each step."""

from __future__ import annotations

import re
import time
import xml.etree.ElementTree as ET

import pytest
from django.contrib.auth import get_user_model
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import STAFF_PASSWORD, make_staff
from tests.http_client import Browser, totp_code
from tizim.accounts import services
from tizim.audit.models import AuditEntry

pytestmark = pytest.mark.django_db(transaction=True)


def password_step(browser: Browser, username: str, password: str = STAFF_PASSWORD):
    token = browser.csrf_token("/login/")
    return browser.post(
        "/login/", {"csrfmiddlewaretoken": token, "username": username, "password": password}
    )


def post_code(browser: Browser, page, path: str, code: str):
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    return browser.post(path, {"csrfmiddlewaretoken": token, "code": code})


def test_a_reviewer_without_an_app_must_enrol_before_anything_else(live_server):
    user = get_user_model().objects.create_user("newcomer")
    services.set_role(user, services.Role.REVIEWER, actor="test")
    services.set_password(user, STAFF_PASSWORD, actor="test")
    browser = Browser(live_server.url)
    page = password_step(browser, "newcomer")
    assert page.url.endswith("/accounts/enrol/")
    # every staff page sends back to enrolment until it is done
    held = browser.get("/sources/", follow=False)
    assert held.status == 302 and held.headers["Location"].startswith("/accounts/enrol/?next=")
    assert browser.get("/linkage/review/").url.split("?")[0].endswith("/accounts/enrol/")
    # the QR code is inline SVG drawn here: no request elsewhere, no inline style
    svg = re.search(r"<svg\b.*?</svg>", page.text, re.S).group(0)
    ET.fromstring(svg)
    assert "style=" not in svg and "<image" not in svg and "href" not in svg
    assert re.sub(r'xmlns="http://www.w3.org/2000/svg"', "", svg).count("http") == 0
    secret = re.search(r'<code class="mono secret">([A-Z2-7 ]+)</code>', page.text).group(1)
    device = TOTPDevice.objects.get(user=user)
    assert secret.replace(" ", "") == services.totp_secret(device) and not device.confirmed
    # a wrong code is refused; the code from the secret confirms the app and logs in
    wrong = post_code(browser, page, "/accounts/enrol/", "000000")
    assert "does not match" in wrong.text
    time.sleep(1.2)  # django-otp throttles the device for 1 s after a wrong code
    done = post_code(browser, wrong, "/accounts/enrol/", totp_code("newcomer", secret))
    assert "Your authenticator app is set up." in done.text
    assert browser.get("/linkage/review/", follow=False).status == 200
    device.refresh_from_db()
    assert device.confirmed
    assert AuditEntry.objects.filter(action="two_factor.enrol", actor="newcomer").count() == 1
    login = AuditEntry.objects.filter(action="login", actor="newcomer").get()
    assert login.details == {"two_factor": True}


def test_password_alone_opens_no_staff_page(live_server):
    make_staff("reviewer", "reviewer")
    browser = Browser(live_server.url)
    page = password_step(browser, "reviewer")
    assert page.url.endswith("/accounts/verify/") and "<nav>" not in page.text
    for path in ("/", "/sources/", "/linkage/review/", "/numbers/", "/accounts/", "/admin/"):
        response = browser.get(path, follow=False)
        assert response.status == 302, path
        assert response.headers["Location"].startswith("/accounts/verify/?next="), path
    assert not AuditEntry.objects.filter(action="login").exists()


def test_wrong_code_is_refused_and_audited_then_the_right_one_goes_where_asked(live_server):
    make_staff("reviewer", "reviewer")
    browser = Browser(live_server.url)
    held = browser.get("/linkage/runs/")
    assert held.url.split("?")[0].endswith("/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', held.text).group(1)
    page = browser.post(
        "/login/",
        {
            "csrfmiddlewaretoken": token,
            "username": "reviewer",
            "password": STAFF_PASSWORD,
            "next": "/linkage/runs/",
        },
    )
    right = totp_code("reviewer")
    wrong = f"{(int(right) + 1) % 1_000_000:06d}"
    refused = post_code(browser, page, "/accounts/verify/", wrong)
    assert "not right" in refused.text and refused.url.endswith("/accounts/verify/")
    failed = AuditEntry.objects.get(action="login.failed")
    assert failed.object_id == "reviewer" and failed.details == {"step": "totp"}
    too_soon = post_code(browser, refused, "/accounts/verify/", right)
    assert "Too many wrong codes" in too_soon.text  # throttled for a second after a failure
    time.sleep(1.2)
    done = post_code(browser, too_soon, "/accounts/verify/", right)
    assert done.url.endswith("/linkage/runs/")
    # the same code again (a replay) is refused in another session
    other = Browser(live_server.url)
    again = post_code(other, password_step(other, "reviewer"), "/accounts/verify/", right)
    assert "not right" in again.text


def test_a_volunteer_logs_in_with_the_password_unless_they_enrolled(live_server):
    user = make_staff("typist", "volunteer")
    browser = Browser(live_server.url)
    assert password_step(browser, "typist").url.endswith("/")
    assert AuditEntry.objects.get(action="login").details == {"two_factor": False}
    # enrolling is optional for them, and afterwards their login asks for the code too
    services.enrol_confirmed_device(user, actor="test")
    second = Browser(live_server.url)
    assert password_step(second, "typist").url.endswith("/accounts/verify/")
    assert second.login("typist", STAFF_PASSWORD).status == 200


def test_logout_is_audited_and_a_get_does_not_log_out(live_server):
    make_staff("reviewer", "reviewer")
    browser = Browser(live_server.url)
    browser.login("reviewer", STAFF_PASSWORD)
    assert browser.get("/logout/", follow=False).status == 405
    token = browser.csrf_token("/accounts/")
    browser.post("/logout/", {"csrfmiddlewaretoken": token})
    assert AuditEntry.objects.filter(action="logout", actor="reviewer").count() == 1
    assert browser.get("/linkage/review/", follow=False).headers["Location"].startswith("/login/")


def test_admin_site_login_goes_through_the_two_step_login(live_server):
    make_staff("boss", "admin")
    browser = Browser(live_server.url)
    first = browser.get("/admin/", follow=False)
    assert first.headers["Location"].startswith("/admin/login/")
    second = browser.get(first.headers["Location"], follow=False)
    assert second.headers["Location"].startswith("/login/?next=")
    browser.login("boss", STAFF_PASSWORD)
    assert browser.get("/admin/", follow=False).status == 200
