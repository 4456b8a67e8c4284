"""Test set-up shared by every suite.

The suite runs twice under ``make test``: on SQLite (the embedded default) and on the local
PostgreSQL server (``DATABASE_URL``). In CI PostgreSQL is required; elsewhere, when no server
answers, the PostgreSQL pass is skipped with a message saying so. What cannot reach a database
runs once, in the SQLite pass: tests under ``tests/core/`` and the layering check here, and
tests marked ``sqlite_only`` (the command line's tests run ``tizim`` on an instance of its own).
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

# The test database is SQLite in memory with a shared cache, where a page read beside a reading
# thread's write fails at once ("table is locked"; the served file database in WAL mode waits
# instead). So the suite reads small uploads in the request, as an instance set to do so would;
# the tests of reading in the background (the default) hold the reader until the page is read
# (tests/intake/test_upload.py), and tests/cli/test_serving.py uploads to a served instance.
os.environ.setdefault("TIZIM_PREVIEW_IN_REQUEST_KB", "2048")

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


#: Tests that cannot reach a database, run once (in the SQLite pass): the framework-free
#: algorithms of ``tizim.core`` (they import no Django) and the layering check, which reads source.
WITHOUT_DATABASE = ("tests/core/", "tests/test_layers.py")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # The slow files first, the heaviest (``slow(minutes=N)``) before them: each file is one
    # unit of work for a pytest-xdist worker (--dist loadfile --no-loadscope-reorder), and one
    # started last keeps a worker busy long after the others have finished.
    items.sort(key=_weight, reverse=True)
    if os.environ.get("DATABASE_URL", "").startswith("postgres"):
        root = config.rootpath
        once = [item for item in items if _relative(item, root).startswith(WITHOUT_DATABASE)]
        if once:
            config.hook.pytest_deselected(items=once)
            dropped = set(once)
            items[:] = [item for item in items if item not in dropped]
        return
    skip = pytest.mark.skip(reason="PostgreSQL-only test; this pass runs on SQLite")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)


def _weight(item: pytest.Item) -> float:
    """How long a test's file keeps a worker busy, roughly: 0 unless marked slow, then the
    minutes its ``slow`` mark says (1 when it says none)."""
    return max((float(m.kwargs.get("minutes", 1)) for m in item.iter_markers("slow")), default=0)


def _relative(item: pytest.Item, root: Path) -> str:
    """The test file's path from the checkout's root, with forward slashes."""
    try:
        return item.path.relative_to(root).as_posix()
    except ValueError:
        return item.path.as_posix()
