"""The canary test of the Safe intake promise (docs/threat-model.md, § promise 1).

A real instance (``tizim init``, a reviewer, ``tizim serve`` in its own process) receives
reports whose sealed fields, file name, photo metadata, follow-up message, staff reply and
even the request's User-Agent and X-Forwarded-For carry unique strings. Then everything a
seizure would take is scanned — the database file (with its WAL) or a ``pg_dump``, the media
folder, the server's log output, a backup copy of the database and the exports — and no canary
may be found in plaintext. Finally an authorised reviewer logs in (password and TOTP code)
and reads every canary back: sealed is not lost.

A large upload (a photo of a few megabytes) is sent slowly to a server whose temporary folder
is a fresh one, and while it arrives every file the server's processes hold open there —
unlinked temporary files included — is read: no canary may be in one (waitress buffers a
large body in a temporary file unless told to keep it in memory).
"""

from __future__ import annotations

import io
import os
import re
import secrets
import shutil
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from PIL.PngImagePlugin import PngInfo

from tests.cli.test_demo_and_serve import free_port
from tests.http_client import Browser, multipart_body, totp_code

pytestmark = pytest.mark.slow
PASSWORD = "a long canary password 42"
PG_URL = "postgresql://postgres@127.0.0.1:5432/"


def photo_with(canary: str) -> bytes:
    image = Image.new("RGB", (64, 48), (10, 120, 200))
    exif = Image.Exif()
    exif[0x010F] = "Maker " + canary
    exif[0x8825] = {1: "N", 2: (43.0, 14.0, 30.0), 3: "E", 4: (76.0, 53.0, 0.0)}
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    return out.getvalue()


def large_photo_with(canary: str, megapixels: float = 1.0) -> bytes:
    """A PNG of random pixels (so it does not compress: about 3 MB per megapixel) with the
    canary in a text chunk ahead of the pixels."""
    side = int((megapixels * 1_000_000) ** 0.5)
    image = Image.frombytes("RGB", (side, side), secrets.token_bytes(side * side * 3))
    info = PngInfo()
    info.add_text("Comment", "Comment " + canary)
    out = io.BytesIO()
    image.save(out, "PNG", pnginfo=info, compress_level=1)
    return out.getvalue()


def server_pids(parent: int) -> list[int]:
    """The server process and its workers."""
    pids = [parent]
    for task in Path(f"/proc/{parent}/task").iterdir():
        children = (task / "children").read_text().split()
        pids += [int(child) for child in children]
    return pids


def open_files_under(pids: list[int], folder: Path) -> bytes:
    """What the processes hold open under ``folder``, deleted files included."""
    held = b""
    for pid in pids:
        for fd in Path(f"/proc/{pid}/fd").iterdir():
            try:
                if os.readlink(fd).startswith(str(folder)):
                    held += fd.read_bytes()
            except OSError:  # closed meanwhile
                continue
    return held


class Instance:
    """A tizim instance in a temporary home, served by its own process."""

    def __init__(self, home: Path, database_url: str = "") -> None:
        self.home = home
        self.env = {
            k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "PYTEST_VERSION")
        }
        self.env.update(TIZIM_HOME=str(home), TIZIM_ADMIN_PASSWORD=PASSWORD)
        if database_url:
            self.env["DATABASE_URL"] = database_url
        self.log = home.parent / "server.log"
        self.server: subprocess.Popen[bytes] | None = None

    @property
    def server_pid(self) -> int:
        assert self.server is not None
        return self.server.pid

    def tizim(self, *args: str) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(
            [sys.executable, "-m", "tizim", *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, result.stderr
        return result

    def start(self) -> str:
        port = free_port()
        log = self.log.open("ab")
        self.server = subprocess.Popen(
            [sys.executable, "-m", "tizim", "serve", "--port", str(port)],
            env=self.env,
            stdout=log,
            stderr=log,
        )
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(base + "/login/", timeout=2).close()
                return base
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)

    def stop(self) -> None:
        if self.server is not None:
            self.server.terminate()
            self.server.wait(timeout=30)


def send_report(base: str, canary: str) -> str:
    """Send one report with a canary in every sealed field and in the request's headers;
    return the receipt phrase."""
    browser = Browser(base)
    hostile_headers = {"User-Agent": f"Agent-{canary}", "X-Forwarded-For": f"10.9.{canary}"}
    for opener in (browser.follow, browser.stay):
        opener.addheaders = list(hostile_headers.items())
    token = browser.csrf_token("/ru/report/")
    received = browser.post_multipart(
        "/ru/report/",
        {
            "csrfmiddlewaretoken": token,
            "person_name": "Касымов Нурлан",
            "person_age": "31",
            "person_place": "Алматы",
            "what_happened": "detained",
            "event_date": "07.01.2022",
            "held_or_last_seen": "СИЗО",
            "relationship": f"rel-{canary}",
            "reporter_name": f"name-{canary}",
            "contact": f"contact-{canary}",
            "testimony": f"testimony-{canary}",
        },
        {"attachments": (f"file-{canary}.jpg", photo_with(f"exif-{canary}"))},
    )
    assert received.status == 200, received.text[:2000]
    phrase = re.search(r'id="receipt-phrase">([^<]+)<', received.text).group(1)  # type: ignore[union-attr]
    token = browser.csrf_token("/en/report/follow-up/")
    more = browser.post(
        "/en/report/follow-up/",
        {"csrfmiddlewaretoken": token, "phrase": phrase, "text": f"more-{canary}"},
    )
    assert "Your information was added." in more.text
    return phrase


def reviewer_reads(base: str, canary: str) -> str:
    """Log in as the reviewer (enrolling the authenticator on first login), reply to the
    report, unseal it; return the unsealed page."""
    browser = reviewer(base)
    listing = browser.get("/triage/")
    report_id = re.search(r'href="/triage/(R\w+)/"', listing.text).group(1)  # type: ignore[union-attr]
    token = browser.csrf_token(f"/triage/{report_id}/")
    browser.post(
        f"/triage/{report_id}/act/",
        {"csrfmiddlewaretoken": token, "action": "reply", "text": f"reply-{canary}"},
    )
    return browser.post(f"/triage/{report_id}/", {"csrfmiddlewaretoken": token}).text


def reviewer(base: str) -> Browser:
    """A browser logged in as the reviewer (enrolling the authenticator on first login)."""
    browser = Browser(base)
    token = browser.csrf_token("/login/")
    page = browser.post(
        "/login/", {"csrfmiddlewaretoken": token, "username": "rev", "password": PASSWORD}
    )
    if page.url.endswith("/accounts/enrol/"):
        secret = re.search(r'class="mono secret">([^<]+)<', page.text).group(1)  # type: ignore[union-attr]
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]
        page = browser.post(
            "/accounts/enrol/",
            {"csrfmiddlewaretoken": token, "code": totp_code("rev", secret.replace(" ", ""))},
        )
    assert "/accounts/" not in page.url and page.status == 200, page.url
    return browser


def download_slowly(base: str, scratch: Path, pid: int) -> tuple[bytes, bytes]:
    """The reviewer downloads the original of the report's photo and reads nothing for a
    moment; return (what the server held open under ``scratch`` meanwhile, the file)."""
    browser = reviewer(base)
    report_id = re.search(r'href="/triage/(R\w+)/"', browser.get("/triage/").text).group(1)  # type: ignore[union-attr]
    token = browser.csrf_token(f"/triage/{report_id}/")
    page = browser.post(f"/triage/{report_id}/", {"csrfmiddlewaretoken": token}).text
    action = re.search(r'action="(/triage/R\w+/files/\d+/)"', page).group(1)  # type: ignore[union-attr]
    request = urllib.request.Request(
        base + action,
        data=urllib.parse.urlencode({"csrfmiddlewaretoken": token, "original": "1"}).encode(),
    )
    held = b""
    with browser.follow.open(request, timeout=30) as response:
        deadline = time.monotonic() + 3
        while time.monotonic() < deadline and not held:
            held = open_files_under(server_pids(pid), scratch)
            time.sleep(0.2)
        return held, response.read()


def seized(paths: list[Path]) -> bytes:
    """Every byte of every file under ``paths``."""
    data = b""
    for path in paths:
        files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
        data += b"".join(f.read_bytes() for f in files)
    return data


def assert_no_canary(data: bytes, canary: str) -> None:
    for encoded in (canary.encode(), canary.encode("utf-16-le")):
        assert encoded not in data, "a canary was found in plaintext"


def run_canary(instance: Instance, tmp_path: Path) -> tuple[str, list[Path]]:
    canary = "CANARY" + secrets.token_hex(6)
    instance.tizim("init")
    instance.tizim("user", "add", "rev", "--role", "reviewer")
    base = instance.start()
    try:
        send_report(base, canary)
        send_report(base, canary)
        unsealed = reviewer_reads(base, canary)
    finally:
        instance.stop()
    for field in ("rel", "name", "contact", "testimony", "more", "reply", "file"):
        assert f"{field}-{canary}" in unsealed, field
    exports = tmp_path / "exports"
    exports.mkdir()
    instance.tizim("export", "records", "--output", str(exports / "records.csv"))
    instance.tizim("export", "persons", "--format", "json", "--output", str(exports / "p.json"))
    log_text = instance.log.read_text(encoding="utf-8", errors="replace")
    assert f"Agent-{canary}" not in log_text and "GET /" not in log_text
    return canary, [instance.home, instance.log, exports]


@pytest.mark.sqlite_only
def test_sqlite_instance_reveals_no_canary(tmp_path):
    instance = Instance(tmp_path / "home")
    canary, paths = run_canary(instance, tmp_path)
    backup = tmp_path / "backup.sqlite3"
    with sqlite3.connect(instance.home / "tizim.sqlite3") as db, sqlite3.connect(backup) as copy:
        db.backup(copy)
    everything = seized([*paths, backup])
    assert b"SQLite format 3" in everything  # the scan really read the database
    assert b"\xd0\x9a\xd0\xb0\xd1\x81\xd1\x8b\xd0\xbc\xd0\xbe\xd0\xb2" in everything  # Касымов
    assert_no_canary(everything, canary)


@pytest.mark.sqlite_only
@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs Linux's /proc")
def test_a_large_upload_never_reaches_a_temporary_file(tmp_path):
    canary = "CANARY" + secrets.token_hex(6)
    instance = Instance(tmp_path / "home")
    scratch = tmp_path / "server-tmp"
    scratch.mkdir()
    instance.env["TMPDIR"] = str(scratch)
    instance.tizim("init")
    instance.tizim("user", "add", "rev", "--role", "reviewer")
    photo = large_photo_with(f"exif-{canary}")
    assert len(photo) > 2_500_000
    base = instance.start()
    held: list[bytes] = []

    def slowly(body: bytes) -> Iterator[bytes]:
        # Most of the photo first, then a look at what the server holds while it waits.
        yield body[:2_000_000]
        deadline = time.monotonic() + 3
        while time.monotonic() < deadline and not held:
            found = open_files_under(server_pids(instance.server_pid), scratch)
            if found:
                held.append(found)
            time.sleep(0.2)
        yield body[2_000_000:]

    try:
        browser = Browser(base)
        token = browser.csrf_token("/en/report/")
        content_type, body = multipart_body(
            {
                "csrfmiddlewaretoken": token,
                "person_name": "Касымов Нурлан",
                "what_happened": "detained",
                "testimony": f"testimony-{canary}",
            },
            {"attachments": (f"file-{canary}.png", photo)},
        )
        received = browser.post_streamed("/en/report/", content_type, slowly(body), len(body))
        assert received.status == 200, received.text[:2000]
        assert 'id="receipt-phrase"' in received.text
        assert_no_canary(b"".join(held), canary)
        # More than any page accepts is refused from its length, before it is read.
        too_large = browser.post_streamed(
            "/en/report/", content_type, iter([b"x" * 1024]), 60 * 1024 * 1024
        )
        assert too_large.status == 413
        # A reviewer's download of the unsealed original is not spooled to disk either.
        held_while_sent, original = download_slowly(base, scratch, instance.server_pid)
        assert original == photo
        assert_no_canary(held_while_sent, canary)
    finally:
        instance.stop()
    assert_no_canary(seized([scratch, instance.home, instance.log]), canary)


@pytest.mark.postgres
@pytest.mark.skipif(shutil.which("pg_dump") is None, reason="pg_dump is not installed")
def test_postgres_instance_reveals_no_canary(tmp_path):
    import psycopg

    name = "tizim_canary_" + secrets.token_hex(4)
    with psycopg.connect(PG_URL + "postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        instance = Instance(tmp_path / "home", PG_URL + name)
        canary, paths = run_canary(instance, tmp_path)
        dump = tmp_path / "dump.sql"
        subprocess.run(
            ["pg_dump", "-h", "127.0.0.1", "-U", "postgres", "-f", str(dump), name], check=True
        )
        everything = seized([*paths, dump])
        assert "Касымов".encode() in everything  # the dump really holds the registry
        assert_no_canary(everything, canary)
    finally:
        with psycopg.connect(PG_URL + "postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
