"""Writes about staff: roles, passwords and recipient keys, second factors, logins. Audited.

The password *is* the passphrase that wraps a recipient's private key (docs/threat-model.md,
P1, P14): setting it with the old one at hand re-wraps the key; resetting it without (an admin
or the command line) gives the user a new keypair, because nobody can unwrap the old one — a
lost password is lost access, by design (§ 7.5). Nothing here records an address or a browser.
"""

from __future__ import annotations

import base64

from django.conf import settings
from django.contrib.auth.models import AnonymousUser, Group, User
from django.contrib.auth.password_validation import validate_password
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tizim.accounts import keyring
from tizim.accounts.access import Actor, acting_as
from tizim.accounts.models import RecipientKey, StaffPreference
from tizim.accounts.roles import Role, can_unseal, forget_cached_role, user_role
from tizim.audit.services import record_action
from tizim.core.sealing import (
    DEFAULT_KDF_LIMITS,
    MIN_KDF_LIMITS,
    KdfLimits,
    RecipientKeys,
    WrongPassphrase,
    unwrap_private_key,
    wrap_private_key,
)

__all__ = [
    "AccountError",
    "confirm_enrolment",
    "create_recipient_key",
    "current_code",
    "enrol_confirmed_device",
    "enrolment_device",
    "kdf_limits",
    "record_failed_login",
    "record_login",
    "record_logout",
    "revoke_recipient_key",
    "set_password",
    "set_role",
    "totp_secret",
    "unlock_key_at_login",
    "unlocked_private_key",
    "verify_second_factor",
]


class AccountError(Exception):
    """A change to an account refused, with a message for the person who asked."""


def kdf_limits() -> KdfLimits:
    """argon2id limits for new wrapped keys: libsodium "moderate", or the minimum under tests."""
    return MIN_KDF_LIMITS if getattr(settings, "TIZIM_KEY_KDF", "") == "min" else DEFAULT_KDF_LIMITS


# --- accounts and roles ----------------------------------------------------------------------


def account(username: str) -> tuple[User, bool]:
    """The account named ``username``, and whether it was made now: a new one has no usable
    password (``set_password`` gives it one, and with it a key) and no role (``set_role``)."""
    from django.contrib.auth import get_user_model

    user_model = get_user_model()
    user = user_model.objects.filter(username=username).first()
    if user is not None:
        return user, False
    user = user_model(username=username)
    user.set_unusable_password()
    user.save()
    return user, True


def set_role(user: User, role: Role | None, *, actor: Actor) -> None:
    """Give ``user`` exactly one role (or none), audited as ``user.role``.

    Only admins may use the Django admin site (``is_staff``); a user who leaves the admin role
    also stops being a superuser. A user who leaves the roles that unseal has their recipient
    key revoked (nothing new is sealed to them; § 7.4 for what they already read).
    """
    name = acting_as(actor, "auth.change_user")
    with transaction.atomic():
        previous = user_role(user)
        role_groups = Group.objects.filter(name__in=[r.value for r in Role])
        user.groups.remove(*role_groups)
        if role is not None:
            user.groups.add(Group.objects.get_or_create(name=role.value)[0])
        user.is_staff = role == Role.ADMIN
        if role != Role.ADMIN:
            user.is_superuser = False
        user.save()
        forget_cached_role(user)
        record_action(
            "user.role",
            actor=name,
            object_type="user",
            object_id=user.get_username(),
            details={
                "from": previous.value if previous else None,
                "to": role.value if role else None,
            },
        )
        if not can_unseal(user):
            revoke_recipient_key(user, actor=name, reason="role cannot unseal")


# --- passwords and recipient keys ------------------------------------------------------------


def set_password(
    user: User, password: str, *, actor: Actor, old_password: str | None = None
) -> None:
    """Validate and set ``user``'s password (argon2), and (re)wrap their key with it.

    With ``old_password`` (the user changing their own), the existing private key is unwrapped
    with it and re-wrapped with the new one. Without (a reset), a user who may unseal gets a
    new keypair. Raises ``django.core.exceptions.ValidationError`` for a weak password and
    ``AccountError`` for a wrong old one; then nothing changes.
    """
    own = not isinstance(actor, str) and actor.pk == user.pk
    name = acting_as(actor) if own else acting_as(actor, "auth.change_user")
    if old_password is not None and not user.check_password(old_password):
        raise AccountError(_("the current password is wrong"))
    validate_password(password, user)
    with transaction.atomic():
        user.set_password(password)
        user.save()
        key_change = ""
        if can_unseal(user):
            key = RecipientKey.objects.select_for_update().filter(user_id=user.pk).first()
            if key is not None and key.is_active and old_password is not None:
                try:
                    private_key = unwrap_private_key(key.wrapped(), old_password)
                except WrongPassphrase:
                    # The key was wrapped under another password (set outside tizim):
                    # nobody can open it, so the user gets a new one.
                    create_recipient_key(user, password, actor=name)
                    key_change = "replaced"
                else:
                    key.wrapped_private_key = wrap_private_key(
                        private_key, password, limits=kdf_limits()
                    ).to_dict()
                    key.save(update_fields=["wrapped_private_key"])
                    key_change = "rewrapped"
            else:
                key_change = "replaced" if key is not None and key.is_active else "created"
                create_recipient_key(user, password, actor=name)
        record_action(
            "user.password",
            actor=name,
            object_type="user",
            object_id=user.get_username(),
            details={"key": key_change} if key_change else {},
        )


def create_recipient_key(user: User, password: str, *, actor: str) -> bytes:
    """A fresh keypair for ``user``, its private half wrapped with ``password``; returns it.

    Replaces any earlier key of the user (which nobody could unwrap any more).
    """
    keys = RecipientKeys.generate()
    wrapped = wrap_private_key(keys.private_key, password, limits=kdf_limits())
    with transaction.atomic():
        old = RecipientKey.objects.select_for_update().filter(user_id=user.pk).first()
        RecipientKey.objects.update_or_create(
            user_id=user.pk,
            defaults={
                "public_key": keys.public_key,
                "wrapped_private_key": wrapped.to_dict(),
                "fingerprint": keys.fingerprint,
                "created_at": timezone.now(),
                "revoked_at": None,
            },
        )
        record_action(
            "key.create",
            actor=actor,
            object_type="user",
            object_id=user.get_username(),
            details={
                "fingerprint": keys.fingerprint,
                **({"replaces": old.fingerprint} if old is not None else {}),
            },
        )
    return keys.private_key


def revoke_recipient_key(user: User, *, actor: str, reason: str) -> bool:
    """Stop sealing to ``user``'s key; True if there was an active key to revoke."""
    with transaction.atomic():
        key = RecipientKey.objects.select_for_update().filter(user_id=user.pk).first()
        if key is None or not key.is_active:
            return False
        key.revoked_at = timezone.now()
        key.save(update_fields=["revoked_at"])
        record_action(
            "key.revoke",
            actor=actor,
            object_type="user",
            object_id=user.get_username(),
            details={"fingerprint": key.fingerprint, "reason": reason},
        )
    return True


def unlock_key_at_login(user: User, password: str) -> tuple[bytes | None, str]:
    """The private key of a user who may unseal, unwrapped with the password just checked.

    A user given such a role since their last login gets their keypair now (the login is the
    first moment the server has their password). Returns ``(key, problem)``: the key, or None
    and a sentence for the user when their key could not be unwrapped.
    """
    if not can_unseal(user):
        return None, ""
    key = RecipientKey.objects.filter(user_id=user.pk).first()
    if key is None or not key.is_active:
        return create_recipient_key(user, password, actor=user.get_username()), ""
    try:
        return unwrap_private_key(key.wrapped(), password), ""
    except WrongPassphrase:
        return None, _(
            "Your recipient key does not open with this password (was it set outside tizim?). "
            "Sealed items cannot be opened in this session; ask an admin to reset your "
            "password, which gives you a new key."
        )


def unlocked_private_key(request: HttpRequest) -> bytes | None:
    """The private key unlocked in this session (after both factors), or None."""
    return keyring.unlocked_private_key(request)


# --- second factor ---------------------------------------------------------------------------


def enrolment_device(user: User) -> TOTPDevice:
    """The unconfirmed TOTP device a user is enrolling (made once, kept across page loads)."""
    device = TOTPDevice.objects.filter(user_id=user.pk, confirmed=False).order_by("id").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="authenticator app", confirmed=False)
    return device


def totp_secret(device: TOTPDevice) -> str:
    """The device's secret in base32, as authenticator apps take it when typed."""
    return base64.b32encode(device.bin_key).decode("ascii")


def current_code(device: TOTPDevice) -> str:
    """The device's code for this 30-second step (for the demo's convenience)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return str(totp.token()).zfill(device.digits)


def confirm_enrolment(user: User, device: TOTPDevice, code: str) -> bool:
    """Confirm ``device`` with a code from the app; audited as ``two_factor.enrol``."""
    if device.user_id != user.pk or device.confirmed:
        return False
    with transaction.atomic():
        if not device.verify_token(_digits(code)):
            return False
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user_id=user.pk, confirmed=False).delete()
        record_action(
            "two_factor.enrol",
            actor=user.get_username(),
            object_type="user",
            object_id=user.get_username(),
        )
    return True


def enrol_confirmed_device(user: User, *, actor: str) -> TOTPDevice:
    """A confirmed TOTP device for ``user`` made without a code (the demo and the CLI only);
    an existing confirmed device is kept, so an authenticator app already set up still works."""
    existing = TOTPDevice.objects.filter(user_id=user.pk, confirmed=True).order_by("id").first()
    if existing is not None:
        return existing
    with transaction.atomic():
        device = TOTPDevice.objects.create(user=user, name="authenticator app", confirmed=True)
        record_action(
            "two_factor.enrol", actor=actor, object_type="user", object_id=user.get_username()
        )
    return device


def verify_second_factor(user: User, code: str) -> TOTPDevice | None:
    """The user's confirmed device that accepts ``code`` (throttled by django-otp), or None."""
    for device in TOTPDevice.objects.filter(user_id=user.pk, confirmed=True).order_by("id"):
        with transaction.atomic():
            device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
            if device.verify_token(_digits(code)):
                return device
    return None


def _digits(code: str) -> str:
    return "".join(ch for ch in code if not ch.isspace())


# --- logins ----------------------------------------------------------------------------------


def record_login(user: User, *, two_factor: bool) -> None:
    """Audit a completed login (no address, no browser)."""
    record_action(
        "login",
        actor=user.get_username(),
        object_type="user",
        object_id=user.get_username(),
        details={"two_factor": two_factor},
    )


def record_failed_login(
    username: str, *, step: str, locked_out: bool = False, user: User | None = None
) -> None:
    """Audit a failed login. The typed name is kept only if it is a real account's: a password
    typed into the username field by mistake must not stay in a permanent log."""
    from django.contrib.auth import get_user_model

    known = user is not None or get_user_model().objects.filter(username=username).exists()
    record_action(
        "login.failed",
        actor="",
        object_type="user",
        object_id=(user.get_username() if user is not None else username) if known else "",
        details={"step": step, **({"locked_out": True} if locked_out else {})},
    )


def record_logout(user: User | AnonymousUser) -> None:
    """Audit a logout."""
    if user.is_authenticated:
        record_action(
            "logout",
            actor=user.get_username(),
            object_type="user",
            object_id=user.get_username(),
        )


# --- preferences -----------------------------------------------------------------------------


def staff_languages() -> frozenset[str]:
    """The language codes the staff side can speak (``settings.LANGUAGES``)."""
    return frozenset(code for code, _name in settings.LANGUAGES)


def set_language(user: User, language: str) -> None:
    """Remember ``language`` as the language of ``user``'s staff side, on every device.

    Not audited: a display preference changes no record and tells nothing about anyone.
    """
    if language not in staff_languages():
        raise AccountError(f"unknown language {language!r}")
    StaffPreference.objects.update_or_create(user=user, defaults={"language": language})
