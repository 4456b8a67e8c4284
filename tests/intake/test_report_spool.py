"""A report sent while another connection holds a long write transaction (as a large import
does) is not lost: a real ``tizim serve`` answers with the receipt within seconds, keeps the
report in the spool — sealed where the database would hold it sealed — and files it once the
lock is gone; if it cannot even be kept there, the reporter is asked, in their language, to
send it again, and nothing of it stays behind. On SQLite and on PostgreSQL.
"""

from __future__ import annotations

import os
import re
import secrets
import sqlite3
import time
import urllib.parse
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager

import pytest

from tests.http_client import Browser
from tests.intake.test_report_canary import Instance, assert_no_canary, photo_with

pytestmark = pytest.mark.slow


def report_fields(token: str, canary: str) -> dict[str, str]:
    return {
        "csrfmiddlewaretoken": token,
        "person_name": "Сейтқали Айгерім",
        "person_age": "27",
        "what_happened": "missing",
        "testimony": f"testimony-{canary}",
        "contact": f"contact-{canary}",
    }


def send(base: str, canary: str, language: str = "en") -> tuple[int, str]:
    browser = Browser(base)
    token = browser.csrf_token(f"/{language}/report/")
    answer = browser.post_multipart(
        f"/{language}/report/",
        report_fields(token, canary),
        {"attachments": ("photo.jpg", photo_with(f"exif-{canary}"))},
    )
    return answer.status, answer.text


def follow_up(base: str, phrase: str) -> tuple[int, str]:
    browser = Browser(base)
    token = browser.csrf_token("/en/report/follow-up/")
    answer = browser.post("/en/report/follow-up/", {"csrfmiddlewaretoken": token, "phrase": phrase})
    return answer.status, answer.text


def wait_for(condition: Callable[[], bool], seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.3)


def run_spool_scenario(
    instance: Instance,
    holding_the_lock: Callable[[], AbstractContextManager[None]],
    count_reports: Callable[[], int],
) -> None:
    """What both databases must do; ``holding_the_lock`` holds a write lock that a report's
    insert must wait for, ``count_reports`` counts the reports in the database."""
    instance.env["TIZIM_REPORT_WAIT_SECONDS"] = "1"
    instance.tizim("init")
    instance.tizim("user", "add", "rev", "--role", "reviewer")
    canary = "CANARY" + secrets.token_hex(6)
    spool = instance.home / "spool" / "reports"
    sealed = instance.home / "media" / "sealed"
    base = instance.start()
    try:
        with holding_the_lock():
            started = time.monotonic()
            status, page = send(base, canary)
            answered_in = time.monotonic() - started
            assert status == 200, page[:2000]
            phrase = re.search(r'id="receipt-phrase">([^<]+)<', page).group(1)  # type: ignore[union-attr]
            assert answered_in < 15, answered_in  # the database's 30 s wait was not waited
            assert len(list(spool.glob("*.json"))) == 1
            status, page = follow_up(base, phrase)
            assert status == 202 and "still being filed" in page
        # The lock is gone: the server files the waiting report by itself.
        wait_for(lambda: count_reports() == 1 and not list(spool.glob("*.json")))
        status, page = follow_up(base, phrase)
        assert status == 200 and f"testimony-{canary}" in page

        # When the report cannot even be kept in the spool, the reporter is asked to send it
        # again, in their language, and nothing of it stays.
        for leftover in spool.iterdir():
            leftover.unlink()
        spool.rmdir()
        spool.write_bytes(b"not a folder")
        files_before = set(sealed.iterdir())
        with holding_the_lock():
            status, page = send(base, canary, language="ru")
        assert status == 503
        assert "Не удалось сохранить ваше сообщение" in page
        assert "Сейтқали Айгерім" in page  # what they typed is still on the page
        assert set(sealed.iterdir()) == files_before
        assert count_reports() == 1
    finally:
        instance.stop()
    assert_no_canary(
        b"".join(p.read_bytes() for p in instance.home.rglob("*") if p.is_file()), canary
    )


@pytest.mark.sqlite_only
def test_a_report_sent_during_a_long_write_on_sqlite_is_kept(tmp_path):
    instance = Instance(tmp_path / "home")
    database = instance.home / "tizim.sqlite3"

    @contextmanager
    def holding_the_lock() -> Iterator[None]:
        other = sqlite3.connect(database, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # the write lock, as an import's transaction holds it
        other.execute("UPDATE registry_source SET title = title")
        try:
            yield
        finally:
            other.execute("ROLLBACK")
            other.close()

    def count_reports() -> int:
        with sqlite3.connect(database) as db:
            return int(db.execute("SELECT count(*) FROM intake_report").fetchone()[0])

    run_spool_scenario(instance, holding_the_lock, count_reports)


@pytest.mark.postgres
def test_a_report_sent_during_a_long_write_on_postgres_is_kept(tmp_path):
    import psycopg

    server = urllib.parse.urlsplit(os.environ["DATABASE_URL"])
    own = server.path.lstrip("/") or "postgres"
    name = f"{own}_spool_{secrets.token_hex(4)}"
    admin_url = server._replace(path="/postgres").geturl()
    url = server._replace(path=f"/{name}").geturl()
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        instance = Instance(tmp_path / "home", url)

        @contextmanager
        def holding_the_lock() -> Iterator[None]:
            with psycopg.connect(url) as other:
                # What a report's insert needs, held as a long transaction would hold it.
                other.execute("LOCK TABLE intake_report IN SHARE ROW EXCLUSIVE MODE")
                yield
                other.rollback()

        def count_reports() -> int:
            with psycopg.connect(url) as db:
                return int(db.execute("SELECT count(*) FROM intake_report").fetchone()[0])  # type: ignore[index]

        run_spool_scenario(instance, holding_the_lock, count_reports)
    finally:
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
