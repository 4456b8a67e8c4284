"""django-axes, configured to remember nothing about who is trying (threat model P8).

Failed logins are counted per *username* only (``AXES_LOCKOUT_PARAMETERS = ["username"]`` in
``tizim/settings.py``): five failures lock the account's password step for 15 minutes. Axes
would otherwise store each attempt's IP address, user agent and ``Accept`` header; here the
address is never read (``client_ip`` answers None) and the handler blanks the rest before
anything is written.
"""

from __future__ import annotations

from typing import Any

from axes.handlers.database import AxesDatabaseHandler
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> None:
    """``AXES_CLIENT_IP_CALLABLE``: no address, ever."""
    return None


def _forget_client(request: Any) -> None:
    if request is not None:
        request.axes_ip_address = None
        request.axes_user_agent = ""
        request.axes_http_accept = ""


class NoClientDataHandler(AxesDatabaseHandler):
    """Axes' database handler with the client's address, agent and ``Accept`` blanked."""

    def is_locked(self, request: Any, credentials: dict[str, Any] | None = None) -> bool:
        _forget_client(request)
        return bool(super().is_locked(request, credentials))

    def is_allowed(self, request: Any, credentials: dict[str, Any] | None = None) -> bool:
        _forget_client(request)
        return bool(super().is_allowed(request, credentials))

    def get_failures(self, request: Any, credentials: dict[str, Any] | None = None) -> int:
        _forget_client(request)
        return int(super().get_failures(request, credentials))

    def user_login_failed(
        self, sender: Any, credentials: dict[str, Any], request: Any = None, **kwargs: Any
    ) -> None:
        _forget_client(request)
        super().user_login_failed(sender, credentials, request, **kwargs)

    def user_logged_in(self, sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
        _forget_client(request)
        super().user_logged_in(sender, request, user, **kwargs)

    def user_logged_out(self, sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
        _forget_client(request)
        super().user_logged_out(sender, request, user, **kwargs)
