"""Login in two steps (password, then a TOTP code), enrolment, logout, password change.

Every login, failed login, logout, enrolment and password change is written to the audit log;
none of them records an address or a browser. Throttling of the password step is django-axes
(by username only, ``tizim/settings.py``); of the code step, django-otp's per-device throttle.
"""

from __future__ import annotations

import re

import qrcode
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth import logout as auth_logout
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from qrcode.image.svg import SvgPathFillImage

from tizim.accounts import keyring, selectors, services
from tizim.accounts.forms import CodeForm, LoginForm, PasswordChangeForm
from tizim.accounts.roles import VIEW_AGGREGATES, can_unseal, requires_two_factor, user_role

NEXT_SESSION_KEY = "tizim_login_next"
NOT_RIGHT = gettext_lazy("That code is not right, or was used already: wait for the next one.")
# django-otp doubles a device's wait after each wrong code (1 s, 2 s, 4 s, …).
THROTTLED = gettext_lazy(
    "Too many wrong codes in a row: wait a few seconds, then try the next code."
)


def _safe_next(request: HttpRequest, candidate: str | None) -> str:
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse("accounts:home")


@login_required
def home_view(request: HttpRequest) -> HttpResponse:
    """The first page this user's role may see: persons, else the numbers, else the account."""
    if request.user.has_perm("registry.view_person"):
        return redirect("registry:person-list")
    if request.user.has_perm(VIEW_AGGREGATES):
        return redirect("estimates:numbers")
    return redirect("accounts:account")


def needs_second_factor(user: object) -> bool:
    """Whether this user's login has a TOTP step: their role requires it, or they enrolled."""
    return requires_two_factor(user) or selectors.has_two_factor(user)  # type: ignore[arg-type]


@sensitive_post_parameters("password")
@csrf_protect
@never_cache
def login_view(request: HttpRequest) -> HttpResponse:
    """Step one: username and password. Step two follows on ``verify`` (or ``enrol``)."""
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    form = LoginForm(request, data=request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            user = form.get_user()
            auth_login(request, user)
            second = needs_second_factor(user)
            key, problem = services.unlock_key_at_login(user, form.cleaned_data["password"])
            if problem:
                messages.warning(request, problem)
            if second:
                request.session[NEXT_SESSION_KEY] = _safe_next(request, next_url)
                step = "accounts:verify" if selectors.has_two_factor(user) else "accounts:enrol"
                response = redirect(step)
            else:
                services.record_login(user, two_factor=False)
                response = redirect(_safe_next(request, next_url))
            if key is not None:
                keyring.store(request, response, key, pending=second)
            chosen = selectors.staff_language(user)
            if chosen:
                # The login page after a logout then speaks it too.
                remember_language(response, chosen)
            return response
        services.record_failed_login(
            request.POST.get("username", "")[:150],
            step="password",
            locked_out=bool(getattr(request, "axes_locked_out", False)),
        )
    return render(request, "registration/login.html", {"form": form, "next": next_url})


def _finish_second_factor(request: HttpRequest, device: object) -> HttpResponse:
    otp_login(request, device)
    keyring.release(request)
    services.record_login(request.user, two_factor=True)  # type: ignore[arg-type]
    return redirect(_next_after_login(request))


def _next_after_login(request: HttpRequest) -> str:
    return _safe_next(
        request, request.session.pop(NEXT_SESSION_KEY, None) or request.GET.get("next")
    )


@login_required
@never_cache
def verify_view(request: HttpRequest) -> HttpResponse:
    """Step two: a code from the authenticator app the user enrolled."""
    user = request.user
    if user.is_verified():  # type: ignore[union-attr]
        return redirect(_next_after_login(request))
    device = selectors.confirmed_device(user)
    if device is None:
        return redirect("accounts:enrol")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        allowed, _wait = device.verify_is_allowed()
        verified = services.verify_second_factor(user, form.cleaned_data["code"])  # type: ignore[arg-type]
        if verified is not None:
            return _finish_second_factor(request, verified)
        services.record_failed_login(user.get_username(), step="totp", user=user)  # type: ignore[arg-type]
        form.add_error("code", NOT_RIGHT if allowed else THROTTLED)
    return render(request, "accounts/verify.html", {"form": form})


def qr_svg(data: str) -> str:
    """``data`` as a QR code in inline SVG (drawn here: no request leaves the page)."""
    image = qrcode.make(data, image_factory=SvgPathFillImage, box_size=10, border=2)
    text = image.to_string(encoding="unicode")
    return re.sub(r"^<\?xml[^>]*\?>\s*", "", text)


@login_required
@never_cache
def enrol_view(request: HttpRequest) -> HttpResponse:
    """Add an authenticator app: scan the QR code (or type the secret), confirm with a code."""
    user = request.user
    if selectors.has_two_factor(user):
        if user.is_verified():  # type: ignore[union-attr]
            messages.info(request, _("You already use an authenticator app."))
            return redirect("accounts:account")
        return redirect("accounts:verify")
    device = services.enrolment_device(user)  # type: ignore[arg-type]
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        allowed, _wait = device.verify_is_allowed()
        if services.confirm_enrolment(user, device, form.cleaned_data["code"]):  # type: ignore[arg-type]
            messages.success(request, _("Your authenticator app is set up."))
            return _finish_second_factor(request, device)
        form.add_error(
            "code",
            _("That code does not match: check the app's clock and try again.")
            if allowed
            else THROTTLED,
        )
    secret = services.totp_secret(device)
    return render(
        request,
        "accounts/enrol.html",
        {
            "form": form,
            "qr": qr_svg(device.config_url),
            "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
            "required": requires_two_factor(user),
        },
    )


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    """Log out: the session (and the key kept in it) and the key cookie are dropped."""
    services.record_logout(request.user)
    auth_logout(request)
    response = redirect("login")
    keyring.forget(request, response)
    return response


def remember_language(response: HttpResponse, language: str) -> None:
    """Set the language cookie that pages before login (and after logout) speak."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,  # type: ignore[arg-type]
    )


@require_POST
def language_view(request: HttpRequest) -> HttpResponse:
    """The staff side's language switcher: remembered for the user, and in a cookie."""
    language = request.POST.get("language", "")
    if language not in services.staff_languages():
        return HttpResponseBadRequest(_("Unknown language."))
    if request.user.is_authenticated:
        services.set_language(request.user, language)
    translation.activate(language)
    response = redirect(_safe_next(request, request.POST.get("next")))
    remember_language(response, language)
    return response


@login_required
@never_cache
def account_view(request: HttpRequest) -> HttpResponse:
    """The staff member's own account: role, second factor, recipient key fingerprint."""
    user = request.user
    return render(
        request,
        "accounts/account.html",
        {
            "role": user_role(user),
            "two_factor": selectors.has_two_factor(user),
            "two_factor_required": requires_two_factor(user),
            "key": selectors.active_key(user),
            "can_unseal": can_unseal(user),
            "unlocked": services.unlocked_private_key(request) is not None,
        },
    )


@sensitive_post_parameters("old_password", "new_password1", "new_password2")
@login_required
@never_cache
def password_view(request: HttpRequest) -> HttpResponse:
    """Change one's password; the recipient key is re-wrapped with the new one."""
    form = PasswordChangeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        new = form.cleaned_data["new_password1"]
        try:
            services.set_password(
                user,  # type: ignore[arg-type]
                new,
                actor=user,
                old_password=form.cleaned_data["old_password"],
            )
        except services.AccountError as error:
            form.add_error("old_password", str(error))
        except ValidationError as error:
            form.add_error("new_password1", error)
        else:
            update_session_auth_hash(request, user)  # type: ignore[arg-type]
            response = redirect("accounts:account")
            key, _problem = services.unlock_key_at_login(user, new)  # type: ignore[arg-type]
            if key is not None:
                keyring.store(request, response, key, pending=False)
            messages.success(request, _("Your password was changed."))
            return response
    return render(request, "accounts/password.html", {"form": form})
