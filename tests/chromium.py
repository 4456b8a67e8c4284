"""What the browser tests share: Debian's Chromium (``/usr/bin/chromium``, installed by the
Makefile), driven by Playwright — never a browser Playwright downloads."""

from __future__ import annotations

import os
import shutil
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")

#: The marks of every browser test: slow, a live database, and skipped, saying why, when
#: Chromium is not installed.
BROWSER_TEST = [
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="Debian's Chromium is not installed at /usr/bin/chromium (make install adds it)",
    ),
]


def launch(playwright: Any) -> Any:
    """Debian's Chromium, headless, started by ``playwright`` (from ``sync_playwright()``)."""
    return playwright.chromium.launch(
        executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-dev-shm-usage"]
    )


#: Where browser tests leave their screenshots for people to look at (one folder per area).
ARTIFACTS = Path(
    os.environ.get("TIZIM_TEST_ARTIFACTS", Path(__file__).parents[1] / "test-artifacts")
)


def keep(screenshot: Path, area: str) -> Path:
    """Copy ``screenshot`` to the artefacts folder of ``area``; return where it is now."""
    folder = ARTIFACTS / area
    folder.mkdir(parents=True, exist_ok=True)
    return Path(shutil.copy(screenshot, folder / screenshot.name))


@contextmanager
def staff_page(base_url: str, http: Any) -> Iterator[tuple[Any, list[str]]]:
    """A page of Debian's Chromium carrying the cookies of ``http`` (a logged-in
    ``tests.http_client.Browser``); yields it with the list of every URL it requests."""
    from playwright.sync_api import sync_playwright

    cookies = [
        {"name": c.name, "value": c.value or "", "url": base_url}
        for c in http.jar
        if c.value is not None
    ]
    requested: list[str] = []
    with sync_playwright() as p:
        browser = launch(p)
        try:
            context = browser.new_context()
            context.add_cookies(cookies)
            page = context.new_page()
            page.on("request", lambda request: requested.append(request.url))
            yield page, requested
        finally:
            browser.close()


def requested_elsewhere(requested: list[str], base_url: str) -> list[str]:
    """The URLs of ``requested`` that are neither ``data:`` nor on the server at ``base_url``."""
    server = urllib.parse.urlsplit(base_url)
    return [
        url
        for url in requested
        if not url.startswith("data:")
        and urllib.parse.urlsplit(url)[:2] != (server.scheme, server.netloc)
    ]
