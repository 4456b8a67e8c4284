"""``tizim serve --workers N``: several waitress processes share one socket; a worker that dies
is replaced; SIGTERM stops them all; no visitor is logged."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.cli.test_cli import tizim
from tests.cli.test_demo_and_serve import free_port

pytestmark = [pytest.mark.sqlite_only]


def children_of(pid: int) -> set[int]:
    found = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        found.update(int(c) for c in (task / "children").read_text().split())
    return found


def wait_for(condition, seconds: float = 30.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        time.sleep(0.1)


def answers(base: str) -> bool:
    try:
        with urllib.request.urlopen(base + "/en/", timeout=10) as response:
            return bool(response.status == 200)
    except OSError:
        return False


def serve_with_two_workers(tmp_path: Path) -> tuple[subprocess.Popen[str], str]:
    """A fresh instance served by ``tizim serve --workers 2``, and its base URL."""
    home = tmp_path / "data"
    assert tizim(home, "init").returncode == 0
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "PYTEST_VERSION")}
    server = subprocess.Popen(
        [sys.executable, "-m", "tizim", "serve", "--port", str(port), "--workers", "2"],
        env={**env, "TIZIM_HOME": str(home)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    return server, f"http://127.0.0.1:{port}"


def instance_env(home: Path, *, unset: tuple[str, ...] = ()) -> dict[str, str]:
    """The environment of a process run on the instance in ``home`` rather than on the test's
    database (``unset``: more variables of the test run to leave out)."""
    left_out = ("DATABASE_URL", "PYTEST_VERSION", *unset)
    env = {k: v for k, v in os.environ.items() if k not in left_out}
    env.update(TIZIM_HOME=str(home), DJANGO_SETTINGS_MODULE="tizim.settings")
    return env


def serve_one_worker(env: dict[str, str]) -> tuple[subprocess.Popen[str], str]:
    """``tizim serve --workers 1`` in ``env``, and its base URL."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "tizim", "serve", "--port", str(port), "--workers", "1"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    return server, f"http://127.0.0.1:{port}"


needs_proc = pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")


@needs_proc
def test_workers_share_the_socket_are_replaced_and_stop_together(tmp_path):
    server, base = serve_with_two_workers(tmp_path)
    try:
        wait_for(lambda: answers(base))
        workers = children_of(server.pid)
        assert len(workers) == 2
        # Both workers answer: a request held by one leaves the other free.
        assert all(answers(base) for _ in range(10))
        victim = min(workers)
        os.kill(victim, signal.SIGKILL)
        wait_for(lambda: len(children_of(server.pid) - {victim}) == 2)
        assert victim not in children_of(server.pid)
        assert all(answers(base) for _ in range(5))
        alive = children_of(server.pid)
        server.send_signal(signal.SIGTERM)
        assert server.wait(timeout=30) == 0
        out, err = server.communicate(timeout=10)
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
    for pid in alive:  # every worker stopped with the parent
        assert (
            not Path(f"/proc/{pid}").exists() or "zombie" in Path(f"/proc/{pid}/status").read_text()
        )
    assert "with 2 worker processes" in out
    assert f"worker {victim} stopped" in err
    assert "GET /" not in out + err and "127.0.0.1 -" not in out + err


@needs_proc
def test_a_hangup_stops_every_worker(tmp_path):
    # A closed terminal sends SIGHUP: the workers must not go on serving without their parent.
    server, base = serve_with_two_workers(tmp_path)
    try:
        wait_for(lambda: answers(base))
        workers = children_of(server.pid)
        assert len(workers) == 2
        server.send_signal(signal.SIGHUP)
        assert server.wait(timeout=30) == 0
    finally:
        if server.poll() is None:
            server.kill()
        server.communicate(timeout=10)
    wait_for(lambda: not any(Path(f"/proc/{pid}").exists() for pid in workers), seconds=10)
    assert not answers(base)


@pytest.mark.parametrize(
    ("workers", "limit", "share"), [("1", 10, 10), ("2", 10, 5), ("3", 10, 4), ("4", 1, 1)]
)
def test_each_worker_holds_its_share_of_a_limit(monkeypatch, workers, limit, share):
    from tizim.serving import WORKERS_ENV, worker_share

    monkeypatch.setenv(WORKERS_ENV, workers)
    assert worker_share(limit) == share


def test_serve_fails_the_imports_its_killed_predecessor_left_running(tmp_path):
    home = tmp_path / "data"
    assert tizim(home, "init", "--admin", "admin").returncode == 0
    assert tizim(home, "source", "add", "sheet", "--kind", "ngo_spreadsheet").returncode == 0
    # A web import confirmed by a server process that was then killed (it has ended).
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    script = (
        "import django, socket; django.setup()\n"
        "from django.contrib.auth import get_user_model\n"
        "from tizim.intake.models import ImportJob\n"
        "from tizim.intake.services import upload_folder\n"
        "from tizim.registry.models import Source\n"
        "folder = upload_folder()\n"
        "(folder / 'list.csv').write_text('ФИО\\n')\n"
        "job = ImportJob.objects.create(source=Source.objects.get(), original_name='list.csv',\n"
        "    stored_path=str(folder / 'list.csv'), status='running', rows_total=100000,\n"
        "    created_by=get_user_model().objects.get())\n"
        "(folder / f'progress-{job.pk}').write_text('99000')\n"
        f"(folder / f'owner-{{job.pk}}').write_text(socket.gethostname() + ' {dead} 1')\n"
    )
    env = instance_env(home)
    subprocess.run([sys.executable, "-c", script], env=env, check=True, timeout=60)
    server, base = serve_one_worker(env)
    try:
        wait_for(lambda: answers(base))
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
        out, _ = server.communicate(timeout=10)
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
    assert "1 web import(s) interrupted when the server last stopped" in out
    import sqlite3

    with sqlite3.connect(home / "tizim.sqlite3") as db:
        status, error = db.execute("SELECT status, error FROM intake_importjob").fetchone()
    assert status == "failed" and "the import was interrupted" in error
    assert list((home / "uploads").iterdir()) == []


def test_a_served_instance_reads_every_upload_after_the_request_has_answered(tmp_path):
    """The default (no ``TIZIM_PREVIEW_IN_REQUEST_KB``): the upload request answers with the
    job being read, never with a preview it parsed; the preview then comes on the job's page,
    and the job is left previewed (nothing imported before a person confirms)."""
    from tests.factories import STAFF_PASSWORD
    from tests.http_client import Browser

    home = tmp_path / "data"
    assert tizim(home, "init").returncode == 0
    assert tizim(home, "source", "add", "sheet", "--kind", "ngo_spreadsheet").returncode == 0
    env = instance_env(home, unset=("TIZIM_PREVIEW_IN_REQUEST_KB",))
    script = (
        "import django; django.setup()\n"
        "from tests.factories import make_staff\n"
        "make_staff('volunteer', 'volunteer')\n"
    )
    subprocess.run([sys.executable, "-c", script], env=env, check=True, timeout=120)
    server, base = serve_one_worker(env)
    try:
        wait_for(lambda: answers(base))
        browser = Browser(base)
        assert browser.login("volunteer", STAFF_PASSWORD).status == 200
        # 20,000 rows (under 1 MB, once read in the request): seconds to read, so the page
        # the upload lands on is seen before the reading ends.
        rows = [f"Серикбаев Ерлан {n};задержан;06.01.2022" for n in range(20_000)]
        sheet = "\n".join(["ФИО;Статус;Дата", *rows, ""]).encode()
        answer = browser.post_multipart(
            "/imports/",
            {"csrfmiddlewaretoken": browser.csrf_token("/imports/"), "source": "sheet"},
            {"file": ("list.csv", sheet)},
            follow=False,
        )
        assert answer.status == 302, answer.text
        job_page = answer.headers["Location"]
        assert 'id="being-read"' in browser.get(job_page).text
        wait_for(lambda: "What would happen" in browser.get(job_page).text, seconds=60)
        previewed = browser.get(job_page).text
        assert "<th>rows read</th><td>20000</td>" in previewed
        assert 'id="being-read"' not in previewed
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
        finally:
            if server.poll() is None:
                server.kill()
                server.wait()
    import sqlite3

    with sqlite3.connect(home / "tizim.sqlite3") as db:
        (status,) = db.execute("SELECT status FROM intake_importjob").fetchone()
    assert status == "previewed"
