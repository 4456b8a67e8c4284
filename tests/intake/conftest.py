"""What the report form's and triage's tests share: an instance whose data folder is the test's
own, with a reviewer to seal reports to."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.factories import make_staff
from tizim.intake import report_views


def use_private_home(settings: Any, tmp_path: Path) -> Path:
    """Point the instance's data folder (keys, pepper, sealed media) at the test's own, with
    the fastest key derivation."""
    home = tmp_path / "home"
    settings.TIZIM_HOME = home
    settings.MEDIA_ROOT = home / "media"
    settings.TIZIM_KEY_KDF = "min"
    return home


@pytest.fixture
def report_desk(settings, tmp_path, transactional_db) -> Path:
    """A private instance with a reviewer ``rev``, the form taking up to 50 reports a sender."""
    home = use_private_home(settings, tmp_path)
    make_staff("rev", "reviewer")
    settings.REPORT_RATE_PER_SENDER = 50
    report_views._limits = None
    return home
