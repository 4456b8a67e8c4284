"""The private key kept for a session only, sealed under a key in the browser's cookie (P15)."""

from __future__ import annotations

import base64
import re
import time

import pytest
from django.contrib.sessions.models import Session
from django.test import RequestFactory

from tests.factories import STAFF_PASSWORD, make_staff
from tests.http_client import Browser, totp_code
from tizim.accounts import keyring, services
from tizim.accounts.models import RecipientKey
from tizim.core.sealing import seal, unseal, unwrap_private_key

pytestmark = pytest.mark.django_db(transaction=True)


def private_key_of(username: str) -> bytes:
    key = RecipientKey.objects.get(user__username=username)
    return unwrap_private_key(key.wrapped(), STAFF_PASSWORD)


def the_session() -> Session:
    sessions = list(Session.objects.all())
    assert len(sessions) == 1
    return sessions[0]


def request_with(session: Session, cookie: str | None):
    from django.contrib.sessions.backends.db import SessionStore

    request = RequestFactory().get("/")
    request.session = SessionStore(session_key=session.session_key)
    if cookie is not None:
        request.COOKIES[keyring.COOKIE_NAME] = cookie
    return request


def keyring_cookie(browser: Browser):
    found = [c for c in browser.jar if c.name == keyring.COOKIE_NAME]
    assert len(found) == 1
    return found[0]


def forms_of(private_key: bytes) -> list[bytes]:
    """Every way the key could appear in a stored row."""
    return [
        private_key,
        private_key.hex().encode(),
        base64.b64encode(private_key),
        base64.urlsafe_b64encode(private_key),
        base64.b64encode(private_key).rstrip(b"="),
    ]


def test_session_row_holds_no_private_key_and_the_cookie_opens_it(live_server):
    make_staff("reviewer", "reviewer")
    private_key = private_key_of("reviewer")
    browser = Browser(live_server.url)
    assert browser.login("reviewer", STAFF_PASSWORD).status == 200
    session = the_session()
    raw = session.session_data.encode()
    decoded = repr(session.get_decoded()).encode()
    for form in forms_of(private_key):
        assert form not in raw and form not in decoded
    assert keyring.SESSION_KEY in session.get_decoded()
    # the cookie: HttpOnly, SameSite=Strict, a browser-session cookie
    cookie = keyring_cookie(browser)
    assert cookie.has_nonstandard_attr("HttpOnly")
    assert cookie.get_nonstandard_attr("SameSite") == "Strict"
    assert cookie.expires is None
    # with the cookie, the session's key is the user's private key; without it, nothing
    assert keyring.unlocked_private_key(request_with(session, cookie.value)) == private_key
    assert services.unlocked_private_key(request_with(session, None)) is None
    wrong = base64.urlsafe_b64encode(b"\0" * 32).decode()
    assert keyring.unlocked_private_key(request_with(session, wrong)) is None
    # and it opens what was sealed to the recipients
    from tizim.accounts.selectors import recipients

    item = seal(b"testimony", recipients())
    assert unseal(item, "user:reviewer", private_key) == b"testimony"


def test_key_is_pending_until_the_second_factor(live_server):
    make_staff("reviewer", "reviewer")
    browser = Browser(live_server.url)
    token = browser.csrf_token("/login/")
    step = browser.post(
        "/login/",
        {"csrfmiddlewaretoken": token, "username": "reviewer", "password": STAFF_PASSWORD},
    )
    assert step.url.endswith("/accounts/verify/")
    session = the_session()
    cookie = keyring_cookie(browser).value
    assert keyring.unlocked_private_key(request_with(session, cookie)) is None
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', step.text).group(1)
    browser.post("/accounts/verify/", {"csrfmiddlewaretoken": token, "code": totp_code("reviewer")})
    session = the_session()
    key = keyring.unlocked_private_key(request_with(session, cookie))
    assert key == private_key_of("reviewer")
    assert "Key in this session</th><td>unlocked" in browser.get("/accounts/").text


def test_logout_forgets_session_and_cookie(live_server):
    make_staff("reviewer", "reviewer")
    browser = Browser(live_server.url)
    browser.login("reviewer", STAFF_PASSWORD)
    assert Session.objects.count() == 1
    token = browser.csrf_token("/accounts/")
    out = browser.post("/logout/", {"csrfmiddlewaretoken": token})
    assert out.url.endswith("/login/")
    assert not [c for c in browser.jar if c.name == keyring.COOKIE_NAME]
    assert not any(keyring.SESSION_KEY in s.get_decoded() for s in Session.objects.all())


def test_key_is_dropped_after_idle_time(live_server, monkeypatch):
    make_staff("reviewer", "reviewer")
    browser = Browser(live_server.url)
    browser.login("reviewer", STAFF_PASSWORD)
    session = the_session()
    cookie = keyring_cookie(browser).value
    later = time.time() + keyring.IDLE_SECONDS + 5
    monkeypatch.setattr(keyring.time, "time", lambda: later)
    request = request_with(session, cookie)
    assert keyring.unlocked_private_key(request) is None
    assert keyring.SESSION_KEY not in request.session


def test_volunteer_has_no_key_and_nothing_in_the_session(live_server):
    make_staff("typist", "volunteer")
    browser = Browser(live_server.url)
    assert browser.login("typist", STAFF_PASSWORD).status == 200
    assert keyring.SESSION_KEY not in the_session().get_decoded()
    assert not RecipientKey.objects.exists()
