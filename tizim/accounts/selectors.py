"""Reads about staff: who can open sealed items, with which keys, and each account's state."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser, User
from django_otp.plugins.otp_totp.models import TOTPDevice

from tizim.accounts.models import RecipientKey, StaffPreference
from tizim.accounts.roles import UNSEALING_ROLES, Role, user_role


def recipient_id(username: str) -> str:
    """The id under which items are sealed to a staff member (``tizim.core.sealing``)."""
    return f"user:{username}"


def recipients() -> dict[str, bytes]:
    """Recipient id → public key of every active key of an active user who may unseal.

    What to pass to ``tizim.core.sealing.seal``. A key is revoked when its holder loses a role
    that unseals; a disabled account's key is left out too.
    """
    keys = RecipientKey.objects.filter(revoked_at=None, user__is_active=True).select_related("user")
    return {
        recipient_id(k.user.get_username()): bytes(k.public_key)
        for k in keys
        if user_role(k.user) in UNSEALING_ROLES
    }


def required_recipients(refusal: type[Exception], doing: str) -> dict[str, bytes]:
    """``recipients()``, or ``refusal`` saying ``doing`` cannot happen yet when no one could
    open what would be sealed (sealing to no one would lose it)."""
    found = recipients()
    if not found:
        raise refusal(
            f"{doing} cannot happen yet: no staff member holds a key to open it "
            "(an admin must create a reviewer first)"
        )
    return found


def active_key(user: User | AnonymousUser) -> RecipientKey | None:
    """The user's recipient key unless revoked (None for anyone without one)."""
    if user.pk is None:
        return None
    return RecipientKey.objects.filter(user_id=user.pk, revoked_at=None).first()


def confirmed_device(user: User | AnonymousUser) -> TOTPDevice | None:
    """The user's confirmed TOTP device, if they enrolled one."""
    if user.pk is None:
        return None
    return TOTPDevice.objects.filter(user_id=user.pk, confirmed=True).order_by("id").first()


def has_two_factor(user: User | AnonymousUser) -> bool:
    """Whether the user has a confirmed TOTP device."""
    return confirmed_device(user) is not None


@dataclass(frozen=True)
class StaffAccount:
    """One line of ``tizim user list``."""

    username: str
    role: Role | None
    active: bool
    two_factor: bool
    fingerprint: str


def staff_accounts() -> list[StaffAccount]:
    """Every account with its role, second factor and recipient key fingerprint."""
    users = get_user_model().objects.order_by("username").prefetch_related("groups")
    with_device = set(TOTPDevice.objects.filter(confirmed=True).values_list("user_id", flat=True))
    keys = {k.user_id: k.fingerprint for k in RecipientKey.objects.filter(revoked_at=None)}
    return [
        StaffAccount(
            username=u.get_username(),
            role=user_role(u) if u.is_active else None,
            active=u.is_active,
            two_factor=u.pk in with_device,
            fingerprint=keys.get(u.pk, ""),
        )
        for u in users
    ]


def staff_language(user: User | AnonymousUser) -> str | None:
    """The language this user chose for the staff side (None: not chosen, or not logged in)."""
    if not user.is_authenticated:
        return None
    return (
        StaffPreference.objects.filter(user_id=user.pk).values_list("language", flat=True).first()
    )
