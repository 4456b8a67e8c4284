"""A staff member's unwrapped private key, kept for their session only (threat model P15).

The key is stored in the server-side session *encrypted* (libsodium ``secretbox``) under a
random 32-byte key that is never stored on the server: it lives only in the staff member's
browser, in an ``HttpOnly``, ``SameSite=Strict`` cookie (``Secure`` when the session cookie
is). A seized session table alone opens nothing, nor does a stolen cookie alone.

At the password step the key is stored but marked *pending*; it is released only once the
second factor has been verified (P14) — ``unlocked_private_key`` returns None before that.
It is forgotten at logout and after ``IDLE_SECONDS`` without use.
"""

from __future__ import annotations

import base64
import time

import nacl.exceptions
import nacl.utils
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from nacl.secret import SecretBox

COOKIE_NAME = "tizim_keyring"
SESSION_KEY = "tizim_keyring"
IDLE_SECONDS = 30 * 60


def store(
    request: HttpRequest, response: HttpResponse, private_key: bytes, *, pending: bool
) -> None:
    """Keep ``private_key`` for this session: ciphertext in the session, its key in a cookie."""
    cookie_key = nacl.utils.random(SecretBox.KEY_SIZE)
    box = SecretBox(cookie_key).encrypt(private_key)
    request.session[SESSION_KEY] = {
        "box": base64.b64encode(bytes(box)).decode("ascii"),
        "pending": pending,
        "used": int(time.time()),
    }
    response.set_cookie(
        COOKIE_NAME,
        base64.urlsafe_b64encode(cookie_key).decode("ascii"),
        max_age=None,  # a browser-session cookie: gone when the browser closes
        path="/",
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Strict",
    )


def release(request: HttpRequest) -> None:
    """The second factor was verified: the pending key becomes usable."""
    entry = request.session.get(SESSION_KEY)
    if isinstance(entry, dict) and entry.get("pending"):
        request.session[SESSION_KEY] = {**entry, "pending": False, "used": int(time.time())}


def unlocked_private_key(request: HttpRequest) -> bytes | None:
    """This session's private key, or None (not unlocked, still pending, idle, or no cookie)."""
    entry = request.session.get(SESSION_KEY)
    if not isinstance(entry, dict) or entry.get("pending"):
        return None
    if time.time() - float(entry.get("used", 0)) > IDLE_SECONDS:
        del request.session[SESSION_KEY]
        return None
    cookie = request.COOKIES.get(COOKIE_NAME, "")
    try:
        cookie_key = base64.urlsafe_b64decode(cookie.encode("ascii"))
        private_key = SecretBox(cookie_key).decrypt(base64.b64decode(entry["box"]))
    except (ValueError, TypeError, KeyError, nacl.exceptions.CryptoError):
        return None
    request.session[SESSION_KEY] = {**entry, "used": int(time.time())}
    return bytes(private_key)


def forget(request: HttpRequest, response: HttpResponse | None = None) -> None:
    """Drop the key from the session and, given the response, the cookie from the browser."""
    request.session.pop(SESSION_KEY, None)
    if response is not None:
        response.delete_cookie(COOKIE_NAME, path="/", samesite="Strict")
