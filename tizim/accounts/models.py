"""Staff recipient keys, and the permissions that belong to no one model.

A recipient key is a Curve25519 keypair (``tizim.core.sealing``): the public half in the clear,
so that anything sealed for staff can be sealed to it; the private half only wrapped under
argon2id of the staff member's password (docs/threat-model.md, P1). The server never stores it
unwrapped, and there is no reset: a lost password is a lost key (§ 7.5).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models

from tizim.core.sealing import WrappedKey


class RecipientKey(models.Model):
    """One staff member's keypair, the private half wrapped with their password."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="recipient_key"
    )
    public_key = models.BinaryField()
    # ``WrappedKey.to_dict()``: versioned JSON with the argon2id limits, salt and secretbox.
    wrapped_private_key = models.JSONField()
    fingerprint = models.CharField(max_length=39)
    created_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["user__username"]

    def __str__(self) -> str:
        return f"recipient key of {self.user} ({self.fingerprint})"

    @property
    def is_active(self) -> bool:
        """Not revoked (items may still be sealed to it)."""
        return self.revoked_at is None

    def wrapped(self) -> WrappedKey:
        """The stored wrapped private key (MalformedItem if it was damaged)."""
        data: dict[str, Any] = self.wrapped_private_key
        return WrappedKey.from_dict(data)


class StaffPermission(models.Model):
    """No table and no rows: a home for permissions that belong to no one model."""

    class Meta:
        managed = False
        default_permissions = ()
        permissions = [
            (
                "view_aggregates",
                "Can see counts, estimates, charts and claims (no person rows)",
            ),
        ]

    def __str__(self) -> str:
        return "staff permissions"


class StaffPreference(models.Model):
    """What one staff member chose for the staff side: for now, the language it speaks."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="staff_preference"
    )
    # A code of settings.LANGUAGES (kk, ru, en); checked by services.set_language.
    language = models.CharField(max_length=8)

    def __str__(self) -> str:
        return f"{self.user}: {self.language}"
