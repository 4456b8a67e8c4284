"""The published tables every estimation test may use (sources in data/README.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tizim.core.estimation import CaptureHistoryTable

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def uk() -> CaptureHistoryTable:
    """UK 2013 modern slavery, 5 lists, 2,744 seen."""
    return CaptureHistoryTable.from_csv(DATA / "uk2013_modern_slavery_5lists.csv")


@pytest.fixture(scope="session")
def kosovo() -> CaptureHistoryTable:
    """Kosovo 1999 killings, 4 lists, 4,400 documented."""
    return CaptureHistoryTable.from_csv(DATA / "kosovo1999_4lists.csv")
