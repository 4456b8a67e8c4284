"""Password guessing is throttled by username, and nothing about the client is kept (P8, P14)."""

from __future__ import annotations

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.core import serializers

from tests.factories import STAFF_PASSWORD, make_staff
from tests.http_client import Browser
from tizim.audit.models import AuditEntry

pytestmark = pytest.mark.django_db(transaction=True)
CANARY_AGENT = "Canary-Agent/7f3a9 (tizim test)"


def canary_browser(live_server) -> Browser:
    browser = Browser(live_server.url)
    for opener in (browser.follow, browser.stay):
        opener.addheaders = [("User-Agent", CANARY_AGENT), ("Accept", "text/canary-accept")]
    return browser


def everything_axes_and_audit_stored() -> str:
    rows = [
        *AccessAttempt.objects.all(),
        *AccessLog.objects.all(),
        *AccessFailureLog.objects.all(),
        *AuditEntry.objects.all(),
    ]
    return serializers.serialize("json", rows)


def test_sixth_attempt_is_refused_even_with_the_right_password(live_server):
    make_staff("typist", "volunteer")
    browser = canary_browser(live_server)
    for _ in range(4):
        response = browser.login("typist", "wrong password")
        assert response.status == 200 and "did not match" in response.text
    fifth = browser.login("typist", "wrong password")  # the fifth failure locks the account
    assert fifth.status == 429 and "locked for 15 minutes" in fifth.text
    locked = browser.login("typist", STAFF_PASSWORD)
    assert locked.status == 429 and "locked for 15 minutes" in locked.text
    assert browser.get("/", follow=False).status == 302  # not logged in
    # another account is not affected: the lock is per username, not per address
    make_staff("other", "volunteer")
    assert canary_browser(live_server).login("other", STAFF_PASSWORD).url.endswith("/")
    attempt = AccessAttempt.objects.get(username="typist")
    assert attempt.failures_since_start >= 5
    failed = AuditEntry.objects.filter(action="login.failed", object_id="typist")
    assert failed.count() == 6 and failed.last().details["locked_out"] is True


def test_no_address_or_user_agent_is_stored_anywhere(live_server):
    make_staff("typist", "volunteer")
    browser = canary_browser(live_server)
    browser.login("typist", "wrong password")
    browser.login("typist", STAFF_PASSWORD)
    browser.login("nobody-here", "wrong password")
    assert AccessAttempt.objects.exists()
    stored = everything_axes_and_audit_stored()
    assert "127.0.0.1" not in stored and "localhost" not in stored
    assert "Canary-Agent" not in stored and "canary-accept" not in stored
    assert STAFF_PASSWORD not in stored and "wrong password" not in stored
    assert not AccessLog.objects.exists() and not AccessFailureLog.objects.exists()
    assert all(a.ip_address is None and a.user_agent == "" for a in AccessAttempt.objects.all())
    # a name that is no account's is not kept in the permanent audit log
    assert "nobody-here" not in serializers.serialize("json", AuditEntry.objects.all())


def test_a_success_resets_the_count(live_server):
    make_staff("typist", "volunteer")
    browser = canary_browser(live_server)
    for _ in range(4):
        browser.login("typist", "wrong password")
    assert browser.login("typist", STAFF_PASSWORD).url.endswith("/")
    assert not AccessAttempt.objects.filter(username="typist", failures_since_start__gt=0).exists()
