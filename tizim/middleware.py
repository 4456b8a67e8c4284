"""Security headers for every response (docs/threat-model.md, P8–P10).

Visitors may be watched: no page may make the browser talk to anyone but this server, leak
where the visitor came from, or run injected script. The Content-Security-Policy allows only
this origin's own scripts, styles and images (no inline script or style: charts are SVG with
presentation attributes), forbids framing and form posts elsewhere.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseForbidden
from django.middleware.csrf import CsrfViewMiddleware

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
    )
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
}


class SecurityHeadersMiddleware:
    """Adds ``SECURITY_HEADERS`` to every response that does not set its own."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response


class NoReferrerCsrfViewMiddleware(CsrfViewMiddleware):
    """Django's CSRF protection, made to work with ``Referrer-Policy: no-referrer``.

    Under that policy a browser sends ``Origin: null`` with a same-origin form POST (Fetch
    standard, "serializing a request origin") and no Referer at all, which Django's origin and
    HTTPS referer checks refuse. We will not send the Referer anywhere (a watched visitor's
    path must not leak), so here ``Origin: null`` is read as "no origin given" and a missing
    Referer is accepted. The protection that remains is the one that matters: the secret token
    in the form must match the CSRF cookie, and that cookie is ``SameSite=Strict``, so a page
    on another site cannot make a browser send it. A Referer or Origin that *is* sent and names
    another site is still refused.
    """

    def process_view(
        self,
        request: HttpRequest,
        callback: Callable[..., Any],
        callback_args: tuple[Any, ...],
        callback_kwargs: dict[str, Any],
    ) -> HttpResponseForbidden | None:
        if request.META.get("HTTP_ORIGIN") == "null":
            del request.META["HTTP_ORIGIN"]
        return super().process_view(request, callback, callback_args, callback_kwargs)

    def _check_referer(self, request: HttpRequest) -> None:
        if not request.META.get("HTTP_REFERER"):
            return
        super()._check_referer(request)  # type: ignore[misc]
