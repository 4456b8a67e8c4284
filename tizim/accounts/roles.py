"""The five staff roles and what each may do (docs/threat-model.md § 5, P13).

A role is a Django ``Group`` named after it, whose permissions come from ``ROLE_PERMISSIONS``
below — the table in code is the truth, and ``sync_roles()`` (run after every ``migrate``)
makes the groups agree with it. A permission listed here that does not exist yet (an app or
model still being written) is skipped, so an app added later only needs its codenames listed.

Views check permissions (``tizim.accounts.access``), never role names, so that the table is the
one place that says who sees what.

* **admin** — everything below, plus users, roles, recipients and the audit log.
* **reviewer** — the registry, linkage review, the intake queue and the sealed parts of reports
  (a reviewer is a recipient: can unseal, so needs a second factor); corrections that change
  what is counted: merge, split, move, correct a record, re-admit a quarantined row, edit a
  source (docs/decisions/0020).
* **volunteer** (data entry) — the registry, list uploads, sources added, staff notes on
  persons, intake queue entries without their sealed parts.
* **analyst** — aggregates only: counts, estimates, charts and claims, never a person row,
  a record or the review queue.
* **partner** — for now aggregates only, like an analyst without running estimates. The
  read-only export of the persons from the partner's own sources is planned with the public
  site issue; it will add its permission here.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import Any

from django.contrib.auth.models import AnonymousUser, Group, Permission, User
from django.db import transaction
from django.utils.translation import pgettext_lazy


class Role(StrEnum):
    """A staff role; its value is the name of its group."""

    ADMIN = "admin"
    REVIEWER = "reviewer"
    VOLUNTEER = "volunteer"
    ANALYST = "analyst"
    PARTNER = "partner"

    @property
    def label(self) -> str:
        """How the role is named to people."""
        return str(_LABELS[self])


_LABELS = {
    Role.ADMIN: pgettext_lazy("role", "admin"),
    Role.REVIEWER: pgettext_lazy("role", "reviewer"),
    Role.VOLUNTEER: pgettext_lazy("role", "data-entry volunteer"),
    Role.ANALYST: pgettext_lazy("role", "analyst (aggregates only)"),
    Role.PARTNER: pgettext_lazy("role", "partner"),
}

# The custom permission for counts, estimates, charts and claims: it belongs to no one model,
# so it lives on ``accounts.StaffPermission`` (a model without a table).
VIEW_AGGREGATES = "accounts.view_aggregates"

_AGGREGATES = frozenset({VIEW_AGGREGATES})

_ANALYST = _AGGREGATES | {
    "estimates.view_estimaterun",
    "estimates.add_estimaterun",
}

# The registry as data entry needs it: persons, records (raw values, quarantine), sources,
# fates, memberships, claims; uploads of lists; the intake queue without sealed parts.
_VOLUNTEER = _AGGREGATES | {
    "registry.view_person",
    "registry.view_record",
    "registry.view_source",
    "registry.add_source",
    "registry.view_fateevent",
    "registry.view_membership",
    "registry.view_claim",
    # Staff notes on a person (they change no count); corrections are visible to all staff.
    "registry.view_personnote",
    "registry.add_personnote",
    "registry.view_recordcorrection",
    "estimates.view_estimaterun",
    "intake.view_importjob",
    "intake.add_importjob",
    "intake.view_report",
    # Acts: enter and read them, attach evidence; never open sealed perpetrators or files.
    "acts.view_act",
    "acts.add_act",
    "acts.view_event",
    "acts.view_facility",
    "acts.view_unit",
    "acts.add_evidence",
    # Articles: read one in, see what it proposes (reviewers decide).
    "ingest.view_article",
    "ingest.add_article",
}

_REVIEWER = _VOLUNTEER | {
    "estimates.add_estimaterun",
    "linkage.view_linkrun",
    "linkage.view_candidatepair",
    "linkage.view_pairdecision",
    "linkage.add_pairdecision",
    "registry.view_linkchange",
    # Correcting where it is seen: merge, split, move, correct a record, re-admit a quarantined
    # row, edit a source (each changes what is counted; docs/decisions/0020).
    "registry.change_person",
    "registry.add_recordcorrection",
    "registry.change_source",
    "intake.unseal_report",
    "intake.triage_report",
    "intake.view_reportmessage",
    "intake.add_reportmessage",
    "acts.change_act",
    "acts.view_sealed_perpetrator",
    "acts.view_evidence",
    "acts.view_custodyentry",
    "acts.add_event",
    "acts.change_event",
    "acts.add_facility",
    "acts.change_facility",
    "acts.add_unit",
    "acts.change_unit",
    "ingest.review_article",
}

_ADMIN = _REVIEWER | {
    "registry.add_claim",
    "registry.change_claim",
    "audit.view_auditentry",
    "auth.view_user",
    "auth.add_user",
    "auth.change_user",
    "auth.view_group",
    "accounts.view_recipientkey",
    "otp_totp.view_totpdevice",
    "otp_totp.delete_totpdevice",
    "axes.view_accessattempt",
    "axes.delete_accessattempt",
    # Bulk person-level export is admin-only (threat model § 5).
    "acts.export_acts",
}

ROLE_PERMISSIONS: dict[Role, frozenset[str]] = {
    Role.ADMIN: frozenset(_ADMIN),
    Role.REVIEWER: frozenset(_REVIEWER),
    Role.VOLUNTEER: frozenset(_VOLUNTEER),
    Role.ANALYST: frozenset(_ANALYST),
    Role.PARTNER: frozenset(_AGGREGATES),
}

# Roles whose members are recipients of sealed items, and so must log in with two factors.
UNSEALING_ROLES = frozenset({Role.ADMIN, Role.REVIEWER})

# When a user is (wrongly) in several role groups, the strongest one is theirs.
_PRECEDENCE = (Role.ADMIN, Role.REVIEWER, Role.VOLUNTEER, Role.ANALYST, Role.PARTNER)
_CACHE_ATTR = "_tizim_role"


def user_role(user: User | AnonymousUser | None) -> Role | None:
    """The role of ``user`` (None for anonymous users and users without one).

    A superuser counts as admin even outside the admin group: it has every permission, so it
    must also meet every obligation (two factors). Cached on the user object for the request.
    """
    if user is None or not user.is_authenticated or not user.is_active:
        return None
    if hasattr(user, _CACHE_ATTR):
        cached: Role | None = getattr(user, _CACHE_ATTR)
        return cached
    names = set(user.groups.values_list("name", flat=True))
    role = next((r for r in _PRECEDENCE if r.value in names), None)
    if role is None and getattr(user, "is_superuser", False):
        role = Role.ADMIN
    setattr(user, _CACHE_ATTR, role)
    return role


def forget_cached_role(user: User) -> None:
    """Drop the cached role (after it changed)."""
    if hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)
    for cache in ("_perm_cache", "_group_perm_cache", "_user_perm_cache"):
        if hasattr(user, cache):
            delattr(user, cache)


def can_unseal(user: User | AnonymousUser | None) -> bool:
    """Whether ``user`` is in a role whose members open sealed items (admin, reviewer)."""
    return user_role(user) in UNSEALING_ROLES


def requires_two_factor(user: User | AnonymousUser | None) -> bool:
    """Whether ``user`` must pass a TOTP step to use any staff page (every role that unseals)."""
    return can_unseal(user)


def parse_role(text: str) -> Role:
    """The role named ``text``; ValueError listing the roles otherwise."""
    try:
        return Role(text.strip().lower())
    except ValueError:
        raise ValueError(
            f"unknown role {text!r}: choose one of {', '.join(r.value for r in Role)}"
        ) from None


def _existing_permissions(names: Iterable[str]) -> dict[str, Permission]:
    wanted = {tuple(n.split(".", 1)) for n in names}
    found = Permission.objects.filter(
        content_type__app_label__in={a for a, _ in wanted},
        codename__in={c for _, c in wanted},
    ).select_related("content_type")
    return {
        f"{p.content_type.app_label}.{p.codename}": p
        for p in found
        if (p.content_type.app_label, p.codename) in wanted
    }


def sync_roles(using: str = "default") -> dict[Role, list[str]]:
    """Make one group per role, holding exactly the permissions of ``ROLE_PERMISSIONS`` that exist.

    Returns, per role, the permissions that were listed but do not exist (yet).
    """
    missing: dict[Role, list[str]] = {}
    with transaction.atomic(using=using):
        every = set().union(*ROLE_PERMISSIONS.values())
        existing = _existing_permissions(every)
        for role, names in ROLE_PERMISSIONS.items():
            group, _ = Group.objects.using(using).get_or_create(name=role.value)
            group.permissions.set([existing[n] for n in sorted(names) if n in existing])
            missing[role] = sorted(n for n in names if n not in existing)
    return missing


def sync_roles_after_migrate(sender: Any, using: str = "default", **kwargs: Any) -> None:
    """``post_migrate`` handler: sync once per migrate, after the last app's permissions exist.

    ``post_migrate`` is sent once per installed app, in ``INSTALLED_APPS`` order, and each app's
    permissions are created by ``django.contrib.auth``'s handler for that app's signal; only at
    the last app's signal do all of them exist.
    """
    from django.apps import apps

    with_models = [c for c in apps.get_app_configs() if c.models_module is not None]
    if with_models and sender is not with_models[-1]:
        return
    sync_roles(using=using)


# The public site (tizim.publish): reviewers and admins decide who is published, and what.
_PUBLISHING = frozenset({"publish.view_publication", "publish.change_publication"})
for _role in (Role.ADMIN, Role.REVIEWER):
    ROLE_PERMISSIONS[_role] = ROLE_PERMISSIONS[_role] | _PUBLISHING
