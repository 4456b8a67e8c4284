"""Passwords set in the Django admin go through tizim's account service, over real HTTP:
audited, and the user's sealing key follows the new password (threat model P4)."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from tests.factories import STAFF_PASSWORD, make_staff
from tests.http_client import Browser
from tizim.accounts.models import RecipientKey
from tizim.audit.models import AuditEntry
from tizim.core.sealing import WrongPassphrase, unwrap_private_key

pytestmark = pytest.mark.django_db(transaction=True)
NEW_PASSWORD = "a fresh long passphrase 9"


@pytest.fixture
def admin_browser(live_server) -> Browser:
    make_staff("boss", "admin")
    browser = Browser(live_server.url)
    assert browser.login("boss", STAFF_PASSWORD).status == 200
    return browser


def test_a_password_set_in_the_admin_is_audited_and_the_key_follows_it(admin_browser):
    reviewer = make_staff("reviewer", "reviewer")
    old_key = RecipientKey.objects.get(user=reviewer)
    path = f"/admin/auth/user/{reviewer.pk}/password/"
    page = admin_browser.post(
        path,
        {
            "csrfmiddlewaretoken": admin_browser.csrf_token(path),
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
            "usable_password": "true",
            "set-password": "1",
        },
    )
    assert page.status == 200 and "Password changed" in page.text
    entry = AuditEntry.objects.filter(action="user.password", object_id="reviewer").latest("pk")
    assert entry.actor == "boss" and entry.details == {"key": "replaced"}
    key = RecipientKey.objects.get(user=reviewer)
    assert key.fingerprint != old_key.fingerprint
    unwrap_private_key(key.wrapped(), NEW_PASSWORD)
    with pytest.raises(WrongPassphrase):
        unwrap_private_key(key.wrapped(), STAFF_PASSWORD)
    assert Browser(admin_browser.base_url).login("reviewer", NEW_PASSWORD).status == 200


def test_a_weak_password_in_the_admin_changes_nothing(admin_browser):
    reviewer = make_staff("reviewer", "reviewer")
    path = f"/admin/auth/user/{reviewer.pk}/password/"
    entries = AuditEntry.objects.count()
    page = admin_browser.post(
        path,
        {
            "csrfmiddlewaretoken": admin_browser.csrf_token(path),
            "password1": "short",
            "password2": "short",
            "usable_password": "true",
            "set-password": "1",
        },
    )
    assert "too short" in page.text
    assert AuditEntry.objects.count() == entries
    reviewer.refresh_from_db()
    assert reviewer.check_password(STAFF_PASSWORD)


def test_a_user_added_in_the_admin_gets_the_password_through_the_service(admin_browser):
    path = "/admin/auth/user/add/"
    admin_browser.post(
        path,
        {
            "csrfmiddlewaretoken": admin_browser.csrf_token(path),
            "username": "newcomer",
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
            "usable_password": "true",
            "_save": "Save",
        },
    )
    user = get_user_model().objects.get(username="newcomer")
    assert user.check_password(NEW_PASSWORD) and user.password.startswith("argon2")
    entry = AuditEntry.objects.get(action="user.password", object_id="newcomer")
    assert entry.actor == "boss"


def test_ones_own_password_is_changed_on_the_account_page(admin_browser):
    boss = get_user_model().objects.get(username="boss")
    page = admin_browser.get(f"/admin/auth/user/{boss.pk}/password/", follow=False)
    assert page.status == 302 and page.headers["Location"].endswith("/accounts/password/")
