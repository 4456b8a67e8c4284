"""A small real-HTTP client for tests: cookies, CSRF, form posts (urllib only)."""

from __future__ import annotations

import http.cookiejar
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass
class Response:
    status: int
    url: str
    text: str
    headers: dict[str, str]


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def multipart_body(
    fields: dict[str, str], files: dict[str, tuple[str, bytes]]
) -> tuple[str, bytes]:
    """A form with file uploads encoded as a browser does: (Content-Type, body)."""
    boundary = "----tizim-test-boundary-7f3a"
    parts: list[bytes] = []
    for name, value in fields.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
            f"{value}\r\n".encode()
        )
    for name, (filename, content) in files.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: application/octet-stream\r\n\r\n'.encode()
            + content
            + b"\r\n"
        )
    body = b"".join(parts) + f"--{boundary}--\r\n".encode()
    return f"multipart/form-data; boundary={boundary}", body


class Browser:
    """Keeps cookies between requests like a browser; follows redirects unless told not to."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url.rstrip("/")
        self.jar = http.cookiejar.CookieJar()
        cookies = urllib.request.HTTPCookieProcessor(self.jar)
        self.follow = urllib.request.build_opener(cookies)
        self.stay = urllib.request.build_opener(cookies, _NoRedirect)

    def get(self, path: str, *, follow: bool = True) -> Response:
        return self._open(urllib.request.Request(self.base_url + path), follow)

    def post(self, path: str, data: dict[str, str], *, follow: bool = True) -> Response:
        body = urllib.parse.urlencode(data).encode()
        request = urllib.request.Request(
            self.base_url + path, data=body, headers={"Referer": self.base_url + path}
        )
        return self._open(request, follow)

    def post_multipart(
        self,
        path: str,
        fields: dict[str, str],
        files: dict[str, tuple[str, bytes]],
        *,
        raw_body: bytes | None = None,
        follow: bool = True,
    ) -> Response:
        """POST a multipart form (file uploads) as a browser does; ``raw_body`` sends those
        bytes instead of the encoded form (a broken request)."""
        content_type, body = multipart_body(fields, files)
        request = urllib.request.Request(
            self.base_url + path,
            data=body if raw_body is None else raw_body,
            headers={
                "Content-Type": content_type,
                "Referer": self.base_url + path,
            },
        )
        return self._open(request, follow)

    def post_streamed(
        self, path: str, content_type: str, chunks: Iterable[bytes], length: int
    ) -> Response:
        """POST a body of ``length`` bytes sent chunk by chunk as ``chunks`` yields them (a
        slow client: the test acts between two chunks)."""
        request = urllib.request.Request(
            self.base_url + path,
            data=chunks,
            headers={"Content-Type": content_type, "Content-Length": str(length)},
        )
        return self._open(request, True)

    def csrf_token(self, path: str) -> str:
        """The CSRF token of the form on a page."""
        page = self.get(path)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
        assert token, f"no CSRF token on {path}"
        return token.group(1)

    def _open(self, request: urllib.request.Request, follow: bool) -> Response:
        opener = self.follow if follow else self.stay
        try:
            with opener.open(request, timeout=30) as resp:
                return Response(
                    resp.status, resp.url, resp.read().decode("utf-8"), dict(resp.headers)
                )
        except urllib.error.HTTPError as err:
            return Response(
                err.code, err.url or "", err.read().decode("utf-8", "replace"), dict(err.headers)
            )

    def login(self, username: str, password: str, *, totp_secret: str | None = None) -> Response:
        """Log in as a person would: the password step, then — when the server asks — the code
        step with a code computed from the user's TOTP device (``totp_secret`` in base32, or
        else the confirmed device in this process's database)."""
        page = self.get("/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
        assert token, "login page has no CSRF token"
        response = self.post(
            "/login/",
            {"csrfmiddlewaretoken": token.group(1), "username": username, "password": password},
        )
        if urllib.parse.urlparse(response.url).path != "/accounts/verify/":
            return response
        code = totp_code(username, totp_secret)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.text)
        assert token, "code step has no CSRF token"
        return self.post("/accounts/verify/", {"csrfmiddlewaretoken": token.group(1), "code": code})


def totp_code(username: str, secret_base32: str | None = None) -> str:
    """The TOTP code a user's authenticator app would show now.

    From the base32 secret when given, else from the user's confirmed device in the database;
    then one step ahead of the device's last accepted code, so that a second login within the
    same 30 seconds is not refused as a replay (the server accepts one step of drift).
    """
    import base64
    import time

    from django_otp.oath import TOTP

    last_t = -1
    if secret_base32 is None:
        from django_otp.plugins.otp_totp.models import TOTPDevice

        device = TOTPDevice.objects.get(user__username=username, confirmed=True)
        key, step, t0, digits, drift = (
            device.bin_key,
            device.step,
            device.t0,
            device.digits,
            device.drift,
        )
        last_t = device.last_t
    else:
        key = base64.b32decode(secret_base32.replace(" ", ""))
        step, t0, digits, drift = 30, 0, 6, 0
    totp = TOTP(key, step, t0, digits, drift)
    totp.time = time.time()
    if totp.t() <= last_t:
        totp.time = t0 + (last_t + 1 - drift) * step
    return str(totp.token()).zfill(digits)
