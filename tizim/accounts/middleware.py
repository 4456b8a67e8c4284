"""Refuse every staff page to a session that has not passed the second factor it needs.

After the password step a user whose role requires two factors (or who enrolled an app) is
logged in but not OTP-verified (django-otp's ``request.user.is_verified()``). Until they are,
every page but the login steps sends them to the code step — or to enrolment if they have no
app yet — so that a stolen password alone opens nothing (threat model P14).
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import translation

from tizim.accounts import selectors
from tizim.accounts.roles import requires_two_factor

_OPEN_URL_NAMES = ("login", "logout", "accounts:verify", "accounts:enrol", "accounts:language")


class TwoFactorMiddleware:
    """Place after ``django_otp.middleware.OTPMiddleware``."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self._open_paths: frozenset[str] | None = None

    def open_paths(self) -> frozenset[str]:
        if self._open_paths is None:
            self._open_paths = frozenset(reverse(name) for name in _OPEN_URL_NAMES)
        return self._open_paths

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            user.is_authenticated
            and request.path not in self.open_paths()
            and not request.path.startswith("/" + settings.STATIC_URL.lstrip("/"))
            and not user.is_verified()  # type: ignore[attr-defined]
        ):
            has_device = selectors.has_two_factor(user)
            if has_device or requires_two_factor(user):
                step = reverse("accounts:verify" if has_device else "accounts:enrol")
                return HttpResponseRedirect(
                    f"{step}?{urlencode({'next': request.get_full_path()})}"
                )
        return self.get_response(request)


class StaffLanguageMiddleware:
    """The staff side in the language its user chose (``StaffPreference``), on every device.

    Place after ``AuthenticationMiddleware``. The public side is left alone: its language is in
    its URL (``/kk/…``, ``i18n_patterns``), which Django's ``LocaleMiddleware`` already applied.
    Pages before login (and users who never chose) keep what ``LocaleMiddleware`` found: the
    switcher's cookie, else the browser's languages.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if translation.get_language_from_path(request.path_info) is None:
            chosen = selectors.staff_language(request.user)
            if chosen:
                translation.activate(chosen)
                request.LANGUAGE_CODE = chosen
        return self.get_response(request)
