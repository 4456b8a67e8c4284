"""End to end as a new user: ``tizim demo`` loads the lists, ``tizim serve`` serves them,
and a logged-in browser sees persons whose records come from several lists."""

from __future__ import annotations

import re
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.cli.test_cli import tizim
from tests.http_client import Browser

pytestmark = [pytest.mark.sqlite_only, pytest.mark.slow]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def demo_home(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    home = tmp_path_factory.mktemp("demo") / "data"
    result = tizim(home, "demo", "--persons", "200")
    assert result.returncode == 0, result.stderr
    assert "FICTIONAL" in result.stdout
    assert re.search(r"password '([^']+)'", result.stdout), result.stdout
    return home, result.stdout


def multi_source_persons(home: Path) -> list[tuple[str, int]]:
    with sqlite3.connect(home / "tizim.sqlite3") as db:
        return db.execute(
            "SELECT p.public_id, count(DISTINCT r.source_id) AS n FROM registry_person p "
            "JOIN registry_record r ON r.person_id = p.id GROUP BY p.id HAVING n >= 3 "
            "ORDER BY n DESC"
        ).fetchall()


def test_demo_loads_several_overlapping_lists(demo_home):
    home, out = demo_home
    said = re.findall(r"estimate #\d+ of '(\w+)': \d+ documented on \d+ lists, estimated (.+)", out)
    assert {selector for selector, _ in said} == {"dead", "custody"}, out
    # each one a figure with its interval and method, or the range of models that disagree
    shapes = r"[\d,]+ \([\d,]+–[\d,]+, \w+\)|between [\d,]+ and [\d,]+ \(the models disagree\)"
    assert all(re.fullmatch(shapes, line.strip()) for _, line in said), said
    with sqlite3.connect(home / "tizim.sqlite3") as db:
        kinds = {k for (k,) in db.execute("SELECT kind FROM registry_source")}
        quarantined = db.execute(
            "SELECT count(*) FROM registry_record WHERE quarantine_reason != ''"
        ).fetchone()[0]
        claims = db.execute("SELECT count(*) FROM registry_claim").fetchone()[0]
        estimates = db.execute(
            "SELECT selector, observed, estimate FROM estimates_estimaterun"
        ).fetchall()
    assert {"ngo_spreadsheet", "radio_list", "official_list", "press_list", "web_form"} <= kinds
    assert quarantined >= 3  # the demo's broken rows are kept, not dropped
    assert claims >= 10
    # the Numbers pages have estimates to show, each at least the documented count
    assert {selector for selector, _, _ in estimates} == {"dead", "custody"}
    assert all(estimate is not None and estimate >= observed for _, observed, estimate in estimates)
    assert len(multi_source_persons(home)) >= 20


def test_demo_twice_changes_nothing(demo_home):
    home, _ = demo_home
    with sqlite3.connect(home / "tizim.sqlite3") as db:
        before = db.execute("SELECT count(*) FROM registry_record").fetchone()[0]
    result = tizim(home, "demo", "--persons", "200")
    assert result.returncode == 0 and "already loaded" in result.stdout
    with sqlite3.connect(home / "tizim.sqlite3") as db:
        assert db.execute("SELECT count(*) FROM registry_record").fetchone()[0] == before


def test_served_demo_shows_a_person_from_several_lists(demo_home):
    home, first_output = demo_home
    # The second demo run reset the password; take the newest from a third run.
    rerun = tizim(home, "demo", "--persons", "200")
    password = re.search(r"password '([^']+)'", rerun.stdout).group(1)  # type: ignore[union-attr]
    # The demo user is an admin, so the login has a code step: the demo prints the secret for
    # an authenticator app (kept across runs) and the code of the moment.
    secrets = re.findall(r"\(TOTP, 6 digits, 30 s\): ([A-Z2-7]+)", rerun.stdout)
    assert secrets and re.search(r"current code: \d{6} \(it changes every 30", rerun.stdout)
    first = re.search(r"\(TOTP, 6 digits, 30 s\): ([A-Z2-7]+)", first_output)
    assert first and first.group(1) == secrets[0]  # the same authenticator app keeps working
    port = free_port()
    env_home = str(home)
    server = subprocess.Popen(
        [sys.executable, "-m", "tizim", "serve", "--port", str(port)],
        env={**_env(), "TIZIM_HOME": env_home},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        browser = Browser(f"http://127.0.0.1:{port}")
        deadline = time.monotonic() + 30
        while True:
            try:
                if browser.get("/login/").status == 200:
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        assert browser.login("demo", password, totp_secret=secrets[0]).status == 200
        assert browser.get("/accounts/", follow=False).status == 200
        public_id, n_sources = multi_source_persons(home)[0]
        page = browser.get(f"/persons/{public_id}/")
        assert page.status == 200
        header = page.text.split('<table class="side-by-side">')[1].split("</thead>")[0]
        assert len(set(re.findall(r"<th>([a-z0-9-]+)<br>", header))) == n_sources
        assert browser.get("/static/tizim/tizim.css").status == 200
        # Numbers: counts, the seed articles' claims beside them, charts, an estimate
        numbers = browser.get("/numbers/")
        assert numbers.status == 200 and "Claims beside the documented count" in numbers.text
        assert "Government of Kazakhstan" in numbers.text and "technical glitch" in numbers.text
        # Charts are files drawn once per change, shown as pictures; each file is served.
        charts = re.findall(r'<img src="(/charts/staff/[^"]+\.svg)"', numbers.text)
        assert len(charts) >= 3
        assert all(browser.get(src).status == 200 for src in charts)
        run = re.search(r'href="(/numbers/estimates/\d+/)"', numbers.text)
        assert run, "the Numbers page links the latest estimate"
        detail = browser.get(run.group(1))
        assert detail.status == 200 and "(recommended)" in detail.text
    finally:
        server.terminate()
        out, err = server.communicate(timeout=10)
    # No request line, address or agent of any visitor was logged.
    assert "127.0.0.1 -" not in out + err and "GET /" not in out + err


def _env() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "PYTEST_VERSION")}
