"""The public figures: computed once per change of the registry, however many visitors arrive,
kept in the database for every server process, and while a new computation runs the previous
figures are served, marked with when they were computed."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache

from tests.factories import import_rows
from tests.http_client import Browser
from tizim.core.locks import FileLock
from tizim.publish import statistics
from tizim.publish.models import FiguresSnapshot

pytestmark = pytest.mark.django_db(transaction=True)

HEADERS = ("ФИО", "Город", "Статус", "Дата")
FIRST = [
    ("Тулегенов Ерлан", "Алматы", "погиб", "06.01.2022"),
    ("Касымова Асель", "Алматы", "задержана", "07.01.2022"),
    ("Абенов Данияр", "Тараз", "пропал без вести", "06.01.2022"),
]
LATER = [("Муратов Канат", "Шымкент", "погиб", "08.01.2022")]
VISITORS = 10


@pytest.fixture
def computations(monkeypatch):
    """Counts the computations of the figures; each takes long enough that every visitor
    arrives while it runs."""
    counted: list[float] = []
    real = statistics._compute

    def counting() -> statistics.Figures:
        counted.append(time.monotonic())
        time.sleep(0.5)
        return real()

    monkeypatch.setattr(statistics, "_compute", counting)
    cache.clear()
    return counted


def _visit_at_once() -> list[statistics.Figures]:
    """``VISITORS`` threads asking for the figures at the same moment (each with its own
    database connection, as the threads of a server have)."""
    from django.db import connection

    results: list[statistics.Figures] = []
    start = threading.Barrier(VISITORS)
    guard = threading.Lock()

    def visit() -> None:
        start.wait()
        try:
            found = statistics.figures()
            with guard:
                results.append(found)
        finally:
            connection.close()

    threads = [threading.Thread(target=visit) for _ in range(VISITORS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len(results) == VISITORS
    return results


def _wait_for_fresh_figures(timeout: float = 120.0) -> None:
    """Wait for the background computation's thread, then check what it wrote. Not by polling
    the snapshot: on the test's in-memory SQLite a read beside the thread's write makes that
    write fail at once ("database table is locked"; a served file database waits instead)."""
    for thread in threading.enumerate():
        if thread.name == "tizim-figures":
            thread.join(timeout)
            assert not thread.is_alive(), "the figures were not computed in time"
    snapshot = FiguresSnapshot.objects.filter(pk=1).first()
    assert snapshot and snapshot.version == statistics.registry_version(), "no fresh figures"


def test_concurrent_first_visitors_cause_one_computation(tmp_path, computations):
    import_rows(tmp_path, FIRST, headers=HEADERS)
    seen = _visit_at_once()
    assert len(computations) == 1
    assert all(f.headline["dead"] == 1 and f.still["custody"] == 1 for f in seen)
    assert not any(f.stale for f in seen)


def test_after_a_change_visitors_get_the_previous_figures_marked_and_one_computation(
    tmp_path, computations
):
    import_rows(tmp_path, FIRST, headers=HEADERS)
    before = statistics.figures()
    assert before.headline["dead"] == 1 and len(computations) == 1
    import_rows(tmp_path, LATER, headers=HEADERS, source="press", filename="press.csv")
    cache.clear()
    seen = _visit_at_once()
    # Nobody waited for the new computation: all got the figures of before, marked.
    assert all(f.stale and f.headline["dead"] == 1 for f in seen)
    assert all(f.computed_at == seen[0].computed_at is not None for f in seen)
    _wait_for_fresh_figures()
    assert len(computations) == 2
    after = statistics.figures()
    assert not after.stale and after.headline["dead"] == 2


def test_figures_are_kept_for_every_server_process(tmp_path, computations):
    import_rows(tmp_path, FIRST, headers=HEADERS)
    first = statistics.figures()
    cache.clear()  # another process: nothing in its memory
    again = statistics.figures()
    assert len(computations) == 1
    assert statistics.figures_to_json(again) == statistics.figures_to_json(first)
    assert again.regions == first.regions and again.series == first.series
    assert again.claims == first.claims and again.day == first.day


def _hold_lock_in_another_process(seconds: float) -> subprocess.Popen[str]:
    """A separate process holding the figures lock, as another server worker computing."""
    lock_file = Path(settings.TIZIM_HOME) / "figures.lock"
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import fcntl, os, sys, time\n"
            f"fd = os.open({str(lock_file)!r}, os.O_RDWR | os.O_CREAT, 0o600)\n"
            "fcntl.flock(fd, fcntl.LOCK_EX)\n"
            "print('held', flush=True)\n"
            f"time.sleep({seconds})\n",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    return holder


def test_a_computation_in_another_process_is_not_repeated(tmp_path, computations, monkeypatch):
    import_rows(tmp_path, FIRST, headers=HEADERS)
    statistics.figures()
    import_rows(tmp_path, LATER, headers=HEADERS, source="press", filename="press.csv")
    cache.clear()
    # Held until killed, however slow the visits: a hold that ran out while they ran let a
    # visitor start the computation, and this thread's reads beside its write then failed it
    # on the in-memory database ("no fresh figures", under load).
    holder = _hold_lock_in_another_process(120)
    try:
        seen = _visit_at_once()
        assert all(f.stale for f in seen)
        time.sleep(0.5)
        assert len(computations) == 1  # only the first: the other process holds the lock
    finally:
        holder.kill()
        holder.wait()
    _wait_until_the_lock_is_free()
    started: list[bool] = []
    monkeypatch.setattr(statistics, "refresh_in_background", _recording(started))
    assert statistics.figures().stale  # the lock is free again: this visit starts it
    assert started == [True], "the visit after the other process let go started no computation"
    _wait_for_fresh_figures()
    assert len(computations) == 2


def _wait_until_the_lock_is_free(timeout: float = 30.0) -> None:
    """The kernel lets go of a killed holder's lock as it exits; anything else in this worker
    still holding it (a computation a page visit started earlier) is waited for, not raced."""
    lock = FileLock(Path(settings.TIZIM_HOME) / "figures.lock")
    assert lock.acquire(timeout), "the figures lock is still held after its holder was killed"
    lock.release()


def _recording(started: list[bool]) -> Callable[[], bool]:
    real = statistics.refresh_in_background

    def recording() -> bool:
        started.append(real())
        return started[-1]

    return recording


def test_the_public_pages_say_when_figures_are_being_updated(live_server, tmp_path):
    import_rows(tmp_path, FIRST, headers=HEADERS)
    browser = Browser(live_server.url)
    assert "figures-stale" not in browser.get("/en/").text
    import_rows(tmp_path, LATER, headers=HEADERS, source="press", filename="press.csv")
    holder = _hold_lock_in_another_process(30)
    try:
        for path in ("/en/", "/en/statistics/", "/ru/", "/kk/statistics/"):
            page = browser.get(path)
            assert page.status == 200 and 'id="figures-stale"' in page.text, path
        assert "new figures are being computed" in browser.get("/en/statistics/").text
        assert "новые цифры сейчас подсчитываются" in browser.get("/ru/").text
    finally:
        holder.kill()
        holder.wait()
