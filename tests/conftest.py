"""Test set-up shared by every suite.

The suite runs twice under ``make test``: on SQLite (the embedded default) and on the local
PostgreSQL server (``DATABASE_URL``). In CI PostgreSQL is required; elsewhere, when no server
answers, the PostgreSQL pass is skipped with a message saying so.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# Under pytest-xdist every worker keeps its own data folder (keys, pepper, spool, chart files),
# so that two workers never create the same write-once file. Set before Django reads settings.
if worker := os.environ.get("PYTEST_XDIST_WORKER"):
    _home = Path(os.environ.get("TIZIM_HOME", "tizim-data")).expanduser().resolve()
    os.environ["TIZIM_HOME"] = str(_home / f"test-{worker}")
    Path(os.environ["TIZIM_HOME"]).mkdir(parents=True, exist_ok=True)

# Property tests judge results, not speed: on a loaded CI machine a slow example is no failure.
settings.register_profile("tizim", deadline=None)
settings.load_profile("tizim")


def pytest_configure(config: pytest.Config) -> None:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        return
    import psycopg

    try:
        psycopg.connect(url, connect_timeout=5).close()
    except psycopg.OperationalError as exc:
        reason = str(exc).strip().splitlines()[0]
        if os.environ.get("CI"):
            raise pytest.UsageError(
                f"PostgreSQL is required in CI but {url} did not answer: {reason}"
            ) from None
        pytest.exit(
            f"PostgreSQL suite SKIPPED: no server answered at {url} ({reason}). "
            "Start PostgreSQL or set TEST_DATABASE_URL to run it.",
            returncode=0,
        )


def pytest_report_header(config: pytest.Config) -> str:
    url = os.environ.get("DATABASE_URL", "")
    return f"tizim database: {'PostgreSQL ' + url if url else 'SQLite (embedded)'}"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if os.environ.get("DATABASE_URL", "").startswith("postgres"):
        return
    skip = pytest.mark.skip(reason="PostgreSQL-only test; this pass runs on SQLite")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)
