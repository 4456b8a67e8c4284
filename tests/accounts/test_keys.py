"""Recipient keys per staff member: made with the password, re-wrapped on change, replaced on
reset, revoked with the role (threat model P1, P4, P19)."""

from __future__ import annotations

import json

import pytest
from django.core.exceptions import ValidationError

from tests.factories import STAFF_PASSWORD, make_staff
from tests.http_client import Browser
from tizim.accounts import services
from tizim.accounts.models import RecipientKey
from tizim.accounts.roles import Role
from tizim.accounts.selectors import recipients
from tizim.audit.models import AuditEntry
from tizim.core.sealing import WrongPassphrase, key_fingerprint, unwrap_private_key

pytestmark = pytest.mark.django_db(transaction=True)
NEW_PASSWORD = "another long passphrase 7"


def test_a_role_that_unseals_gets_a_key_wrapped_with_the_password():
    user = make_staff("reviewer", "reviewer")
    key = RecipientKey.objects.get(user=user)
    private_key = unwrap_private_key(key.wrapped(), STAFF_PASSWORD)
    assert key_fingerprint(bytes(key.public_key)) == key.fingerprint
    stored = json.dumps(key.wrapped_private_key).encode()
    assert private_key.hex().encode() not in stored and private_key not in stored
    assert recipients() == {"user:reviewer": bytes(key.public_key)}
    assert user.password.startswith("argon2")
    created = AuditEntry.objects.get(action="key.create", object_id="reviewer")
    assert created.details == {"fingerprint": key.fingerprint}
    assert not RecipientKey.objects.filter(user=make_staff("typist", "volunteer")).exists()


def test_changing_the_password_rewraps_the_same_key(live_server):
    user = make_staff("reviewer", "reviewer")
    before = RecipientKey.objects.get(user=user)
    browser = Browser(live_server.url)
    browser.login("reviewer", STAFF_PASSWORD)
    token = browser.csrf_token("/accounts/password/")
    wrong = browser.post(
        "/accounts/password/",
        {
            "csrfmiddlewaretoken": token,
            "old_password": "not it at all",
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
    )
    assert "the current password is wrong" in wrong.text
    weak = browser.post(
        "/accounts/password/",
        {
            "csrfmiddlewaretoken": token,
            "old_password": STAFF_PASSWORD,
            "new_password1": "short",
            "new_password2": "short",
        },
    )
    assert "too short" in weak.text
    done = browser.post(
        "/accounts/password/",
        {
            "csrfmiddlewaretoken": token,
            "old_password": STAFF_PASSWORD,
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
    )
    assert "Your password was changed." in done.text and "unlocked" in done.text
    after = RecipientKey.objects.get(user=user)
    assert bytes(after.public_key) == bytes(before.public_key)
    assert unwrap_private_key(after.wrapped(), NEW_PASSWORD) == unwrap_private_key(
        before.wrapped(), STAFF_PASSWORD
    )
    with pytest.raises(WrongPassphrase):
        unwrap_private_key(after.wrapped(), STAFF_PASSWORD)
    entry = AuditEntry.objects.filter(action="user.password", object_id="reviewer").last()
    assert entry.actor == "reviewer" and entry.details == {"key": "rewrapped"}
    # still logged in, and the new password is the one that works next time
    assert browser.get("/linkage/review/", follow=False).status == 200
    fresh = Browser(live_server.url)
    assert fresh.login("reviewer", NEW_PASSWORD).url.endswith("/")


def test_a_reset_without_the_old_password_gives_a_new_key():
    user = make_staff("reviewer", "reviewer")
    old = RecipientKey.objects.get(user=user)
    services.set_password(user, NEW_PASSWORD, actor="cli")
    new = RecipientKey.objects.get(user=user)
    assert new.fingerprint != old.fingerprint
    unwrap_private_key(new.wrapped(), NEW_PASSWORD)
    replaced = AuditEntry.objects.filter(action="key.create", object_id="reviewer").last()
    assert replaced.details["replaces"] == old.fingerprint and replaced.actor == "cli"
    with pytest.raises(ValidationError):
        services.set_password(user, "password", actor="cli")


def test_losing_the_role_revokes_the_key_and_regaining_it_makes_a_new_one_at_login(live_server):
    user = make_staff("reviewer", "reviewer")
    first = RecipientKey.objects.get(user=user).fingerprint
    services.set_role(user, Role.VOLUNTEER, actor="cli")
    assert recipients() == {}
    assert RecipientKey.objects.get(user=user).revoked_at is not None
    revoked = AuditEntry.objects.get(action="key.revoke")
    assert revoked.details == {"fingerprint": first, "reason": "role cannot unseal"}
    services.set_role(user, Role.REVIEWER, actor="cli")
    assert recipients() == {}  # no key until the server has the password again
    services.enrol_confirmed_device(user, actor="test")
    Browser(live_server.url).login("reviewer", STAFF_PASSWORD)
    again = RecipientKey.objects.get(user=user)
    assert again.revoked_at is None and again.fingerprint != first
    assert list(recipients()) == ["user:reviewer"]


def test_disabled_accounts_are_not_recipients():
    user = make_staff("reviewer", "reviewer")
    make_staff("boss", "admin")
    assert set(recipients()) == {"user:reviewer", "user:boss"}
    user.is_active = False
    user.save()
    assert set(recipients()) == {"user:boss"}
