"""Permission checks for staff views and for services that act for a user.

Views: ``@require_perms("registry.view_person")`` sends an anonymous visitor to the login page
and answers 403 to a logged-in user whose role lacks a permission (Django's own
``permission_required`` would answer 403 to both, or redirect both).

Services: ``acting_as(actor, "linkage.add_pairdecision")`` turns an actor into the name written
to the audit log. A user object must hold the permissions; a plain string is the command line,
which is trusted (whoever runs it already has the server).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, PermissionsMixin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

Actor = str | AbstractBaseUser | AnonymousUser
View = TypeVar("View", bound=Callable[..., HttpResponse])


def require_perms(*perms: str) -> Callable[[View], View]:
    """Decorate a view: login required, then every one of ``perms`` (else 403)."""

    def decorate(view: View) -> View:
        @wraps(view)
        def checked(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not request.user.has_perms(perms):
                raise PermissionDenied("your role does not allow this page")
            return view(request, *args, **kwargs)

        return checked  # type: ignore[return-value]

    return decorate


def acting_as(actor: Actor, *perms: str) -> str:
    """The audit name of ``actor``; PermissionDenied if it is a user lacking one of ``perms``."""
    if isinstance(actor, str):
        return actor
    if not actor.is_authenticated or not actor.is_active:
        raise PermissionDenied("only a logged-in staff member may do this")
    if not isinstance(actor, PermissionsMixin):
        raise PermissionDenied("this account has no permissions")
    missing = [p for p in perms if not actor.has_perm(p)]
    if missing:
        raise PermissionDenied(
            f"{actor.get_username()} may not do this (needs {', '.join(missing)})"
        )
    return str(actor.get_username())
