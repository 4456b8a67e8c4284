"""A small real-HTTP client for tests: cookies, CSRF, form posts (urllib only)."""

from __future__ import annotations

import http.cookiejar
import re
import urllib.error
import urllib.parse
import urllib.request
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
        self, path: str, fields: dict[str, str], files: dict[str, tuple[str, bytes]]
    ) -> Response:
        """POST a multipart form (file uploads) as a browser does."""
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
        request = urllib.request.Request(
            self.base_url + path,
            data=body,
            headers={
                "Content-Type": f"multipart/form-data; boundary={boundary}",
                "Referer": self.base_url + path,
            },
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

    def login(self, username: str, password: str) -> Response:
        page = self.get("/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
        assert token, "login page has no CSRF token"
        return self.post(
            "/login/",
            {"csrfmiddlewaretoken": token.group(1), "username": username, "password": password},
        )
