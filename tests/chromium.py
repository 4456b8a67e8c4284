"""What the browser tests share: Debian's Chromium (``/usr/bin/chromium``, installed by the
Makefile), driven by Playwright — never a browser Playwright downloads."""

from __future__ import annotations

import os
import shutil
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
