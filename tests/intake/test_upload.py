"""Uploading a list through the staff pages, over real HTTP: preview, confirm, progress, done."""

from __future__ import annotations

import datetime
import io
import os
import re
import subprocess
import sys
import threading

import pytest

from tests.factories import make_source, make_staff
from tests.hostile import EXTERNAL_ENTITY, cells, xlsx
from tests.http_client import Browser
from tizim.intake.models import ImportJob
from tizim.intake.services import IMPORT_THREAD_PREFIX
from tizim.registry.models import Record, Source

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "a long test password 42"

SHEET = (
    "№;ФИО;Дата рождения;Город;Статус;Дата\n"
    "1;Серикбаев Ерлан Болатович;12.03.1985;г. Алматы;задержан;06.01.2022\n"
    "2;Жумабекова Айгерим;1990 г.р.;Талдыкорган;пропала без вести;31.02.2022\n"
).encode("cp1251")


@pytest.fixture
def browser(live_server, tmp_path, settings):
    settings.TIZIM_HOME = tmp_path
    make_staff("volunteer", "volunteer", PASSWORD)
    make_source("ngo-sheet")
    b = Browser(live_server.url)
    assert b.login("volunteer", PASSWORD).status == 200
    return b


def upload(browser: Browser, name: str, content: bytes, source: str = "ngo-sheet"):
    token = browser.csrf_token("/imports/")
    return browser.post_multipart(
        "/imports/",
        {"csrfmiddlewaretoken": token, "source": source},
        {"file": (name, content)},
    )


def test_a_list_of_the_dead_without_its_fate_is_pointed_to_its_source_page(browser):
    make_source("mvd-list", kind="official_list")
    sheet = "ФИО;Регион\nСерикбаев Ерлан Болатович;Алматы\n".encode()
    page = upload(browser, "dead.csv", sheet, source="mvd-list")
    hint = re.search(r'<p class="hint" id="fate-hint">(.*?)</p>', page.text, re.S)
    assert hint, "the preview says the list has no fate"
    said = " ".join(hint.group(1).split())
    assert "has no status column and no fate of its own" in said
    assert '<a href="/sources/mvd-list/edit/">mvd-list</a>' in said
    assert "--fate" not in page.text  # the command line's words stay on the command line


def test_preview_shows_columns_rows_and_problems_and_writes_nothing(browser, tmp_path):
    page = upload(browser, "list.csv", SHEET)
    assert page.status == 200 and "What would happen" in page.text
    assert "<td>ФИО</td><td>full name</td>" in page.text
    assert "Серикбаев Ерлан Болатович" in page.text
    assert "row 3: date: no such date: 31.02.2022" in page.text
    assert '<span class="small">date: 1</span>' in page.text  # the quarantine, by reason
    assert Record.objects.count() == 0
    stored = list((tmp_path / "uploads").iterdir())
    assert len(stored) == 1 and stored[0].stat().st_mode & 0o077 == 0


def test_preview_reads_dates_without_a_year_as_the_import_will(browser):
    # The source was obtained in 2022: "06.01" is the 6th of January 2022, in the preview
    # as in the import, whatever year the upload happens in.
    Source.objects.filter(name="ngo-sheet").update(obtained_on=datetime.date(2022, 1, 22))
    sheet = "№;ФИО;Статус;Дата\n1;Ахметов Ержан;задержан;06.01\n".encode()
    page = upload(browser, "list.csv", sheet)
    assert page.status == 200
    assert "<td>2022-01-06</td>" in page.text


def test_preview_lists_places_the_gazetteer_does_not_know(browser):
    sheet = SHEET + "3;Ахметов Ержан;;Мухосранск;погиб;06.01.2022\n".encode("cp1251", "replace")
    page = upload(browser, "list.csv", sheet)
    assert page.status == 200
    section = page.text.split("Places not in the gazetteer", 1)
    assert len(section) == 2, "no unknown-places section"
    assert "Мухосранск" in section[1] and "1 row" in section[1]
    assert "Талдыкорган" not in section[1]


def test_confirm_imports_with_progress_and_deletes_the_upload(browser, tmp_path):
    page = upload(browser, "list.csv", SHEET)
    job_path = re.search(r'action="(/imports/\d+/)confirm/"', page.text).group(1)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    # Not following the redirect to the job page: that page reads the job (and checks that its
    # importer still lives) while the import's thread writes it.
    browser.post(job_path + "confirm/", {"csrfmiddlewaretoken": token}, follow=False)
    # Wait for the import's thread rather than polling the job: the test database is SQLite
    # in memory with a shared cache, where a read here would make the thread's last write fail
    # at once with "table is locked" (a file database in WAL mode, as served, waits instead).
    for thread in threading.enumerate():
        if thread.name.startswith(IMPORT_THREAD_PREFIX):
            thread.join(timeout=60)
            assert not thread.is_alive()
    done = browser.get(job_path)
    assert "imported" in done.text and "<progress" not in done.text
    assert "<th>new records</th><td>1</td>" in done.text
    assert "<th>rows read</th><td>2</td>" in done.text
    assert "date: 1" in done.text  # the quarantine, by reason
    assert "rowsread" not in done.text and "newversions" not in done.text
    assert ImportJob.objects.get().status == "done"
    assert Record.objects.count() == 2
    assert Record.objects.exclude(quarantine_reason="").count() == 1
    assert list((tmp_path / "uploads").iterdir()) == []


def test_a_running_import_shows_a_progress_bar(browser):
    page = upload(browser, "list.csv", SHEET)
    job = ImportJob.objects.get()
    ImportJob.objects.filter(pk=job.pk).update(status="running", rows_total=2000, rows_done=500)
    running = browser.get(f"/imports/{job.pk}/")
    assert '<progress max="2000" value="500">' in running.text
    assert 'http-equiv="refresh"' in running.text
    assert page.status == 200


def test_progress_reported_by_another_process_is_shown(browser, tmp_path):
    # ``tizim serve`` runs several processes: the one importing is often not the one asked.
    upload(browser, "list.csv", SHEET)
    job = ImportJob.objects.get()
    ImportJob.objects.filter(pk=job.pk).update(status="running", rows_total=2000, rows_done=0)
    script = (
        "import django; django.setup()\n"
        "from tizim.intake.services import report_job_progress\n"
        f"report_job_progress({job.pk}, 1200)\n"
    )
    env = {**os.environ, "TIZIM_HOME": str(tmp_path), "DJANGO_SETTINGS_MODULE": "tizim.settings"}
    subprocess.run([sys.executable, "-c", script], env=env, check=True, timeout=60)
    running = browser.get(f"/imports/{job.pk}/")
    assert '<progress max="2000" value="1200">' in running.text


def test_discard_deletes_the_file_and_imports_nothing(browser, tmp_path):
    page = upload(browser, "list.csv", SHEET)
    job_path = re.search(r'action="(/imports/\d+/)discard/"', page.text).group(1)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    result = browser.post(job_path + "discard/", {"csrfmiddlewaretoken": token})
    assert "discarded" in result.text
    assert Record.objects.count() == 0 and list((tmp_path / "uploads").iterdir()) == []


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("photo.jpg", b"\xff\xd8\xff\xe0", "is not a list we can read"),
        ("list.csv", b"", "is empty"),
        ("list.xlsx", b"PK\x03\x04 not really a workbook", "not a readable XLSX/ODS"),
    ],
)
def test_bad_uploads_get_a_clear_message_and_leave_nothing(
    browser, tmp_path, name, content, message
):
    page = upload(browser, name, content)
    assert message in page.text
    assert ImportJob.objects.count() == 0 and Record.objects.count() == 0
    uploads = tmp_path / "uploads"
    assert not uploads.exists() or list(uploads.iterdir()) == []


def test_upload_requires_login(live_server):
    assert Browser(live_server.url).get("/imports/", follow=False).status == 302


def test_spreadsheet_upload(browser):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Задержанные"
    sheet.append(["ФИО", "Статус"])
    sheet.append(["Оспанов Нурлан", "задержан"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    page = upload(browser, "list.xlsx", buffer.getvalue())
    assert "sheet “Задержанные”" in page.text and "Оспанов Нурлан" in page.text


def test_a_list_without_a_name_column_is_refused_with_a_mapping_to_start_from(browser, tmp_path):
    sheet = "Город;Статус;Дата\nг. Алматы;задержан;06.01.2022\nТараз;погиб;07.01.2022\n"
    page = upload(browser, "list.csv", sheet.encode())
    refused_and_nothing_kept(page, tmp_path, "list.csv: no column holds a person&#x27;s name")
    assert "&#x27;Город&#x27;, &#x27;Статус&#x27;, &#x27;Дата&#x27;" in page.text
    assert "[columns]" in page.text and "&quot;Город&quot; = &quot;place&quot;" in page.text
    assert "/confirm/" not in page.text  # nothing to confirm


def refused_and_nothing_kept(page, tmp_path, message: str) -> None:
    assert page.status == 200 and message in page.text
    assert ImportJob.objects.count() == 0 and Record.objects.count() == 0
    assert list((tmp_path / "uploads").iterdir()) == []


def test_a_name_column_no_header_names_is_found_in_the_preview(browser):
    sheet = "Кто;Город\nСерикбаев Е.Б.;Алматы\nОспанова Айгерим;Тараз\n".encode()
    page = upload(browser, "list.csv", sheet)
    assert "Оспанова Айгерим" in page.text
    assert "<td>Кто</td><td>full name</td>" in page.text  # the column's field, in words
    assert "no name" not in page.text


def test_a_compression_bomb_is_refused_naming_the_limit(browser, tmp_path):
    bomb = xlsx(tmp_path / "bomb.xlsx", cells("A1"), padding=100 * 2**20)
    page = upload(browser, "bomb.xlsx", bomb.read_bytes())
    bomb.unlink()
    refused_and_nothing_kept(page, tmp_path, "bomb.xlsx is refused: its part")
    assert "more than the 100 times a spreadsheet program ever writes" in page.text


def test_a_workbook_with_entities_is_refused_as_an_attack(browser, tmp_path):
    path = xlsx(tmp_path / "xxe.xlsx", cells("A1", text="&e;"), dtd=EXTERNAL_ENTITY)
    page = upload(browser, "list.xlsx", path.read_bytes())
    path.unlink()
    refused_and_nothing_kept(page, tmp_path, "declares a DTD or entities")
    assert "Cannot detect file format" not in page.text


def test_an_upload_is_read_in_a_process_with_a_memory_ceiling(browser, tmp_path, settings):
    # 10 MB is less than the child needs to start: proof that the server does not read the
    # file itself, and that the ceiling is enforced by the kernel.
    settings.TIZIM_UPLOAD_CHECK_MEMORY = 10 * 2**20
    page = upload(browser, "list.csv", SHEET)
    refused_and_nothing_kept(
        page, tmp_path, "list.csv is refused: reading it needed more than 10 MB"
    )


def dead_process() -> str:
    """The identity of a process that has ended (on this host)."""
    import socket

    child = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    return f"{socket.gethostname()} {child.stdout.strip()} 1"


def left_running(browser, tmp_path, owner: str) -> ImportJob:
    """An upload confirmed and importing when its server process was killed."""
    from tizim.intake import services

    upload(browser, "list.csv", SHEET)
    job = ImportJob.objects.get()
    job.status = ImportJob.Status.RUNNING
    job.rows_total = 100_000
    job.save()
    services.report_job_progress(job.pk, 99_000)
    (tmp_path / "uploads" / f"owner-{job.pk}").write_text(owner)
    return job


def test_an_import_whose_process_died_is_failed_at_restart_and_its_files_removed(browser, tmp_path):
    from tizim.intake.services import recover_interrupted_jobs

    job = left_running(browser, tmp_path, dead_process())
    assert (tmp_path / "uploads" / f"progress-{job.pk}").stat().st_mode & 0o077 == 0
    assert recover_interrupted_jobs() == [job.pk]
    job.refresh_from_db()
    assert job.status == "failed" and "the import was interrupted" in job.error
    assert list((tmp_path / "uploads").iterdir()) == []
    page = browser.get(f"/imports/{job.pk}/")
    assert "the server process running it stopped" in page.text
    assert "Upload the list again" in page.text and "refresh" not in page.text
    token = browser.csrf_token(f"/imports/{job.pk}/")
    browser.post(f"/imports/{job.pk}/discard/", {"csrfmiddlewaretoken": token})
    job.refresh_from_db()
    assert job.status == "discarded"


def test_the_job_page_notices_a_dead_importer_itself(browser, tmp_path):
    job = left_running(browser, tmp_path, dead_process())
    page = browser.get(f"/imports/{job.pk}/")
    assert "the import was interrupted" in page.text and "99000 of 100000" not in page.text
    job.refresh_from_db()
    assert job.status == "failed" and list((tmp_path / "uploads").iterdir()) == []


def test_an_import_whose_process_lives_keeps_running(browser, tmp_path):
    from tizim.core.processes import current_process
    from tizim.intake.services import recover_interrupted_jobs

    job = left_running(browser, tmp_path, current_process())
    assert recover_interrupted_jobs() == []
    page = browser.get(f"/imports/{job.pk}/")
    assert "99000 of 100000 rows" in page.text
    job.refresh_from_db()
    assert job.status == "running"


def test_at_restart_a_running_import_with_no_recorded_owner_is_failed(browser, tmp_path):
    # Confirmed by a version that did not record the importing process.
    from tizim.intake.services import recover_interrupted_jobs

    job = left_running(browser, tmp_path, "")
    (tmp_path / "uploads" / f"owner-{job.pk}").unlink()
    assert "99000 of 100000" in browser.get(f"/imports/{job.pk}/").text  # pages cannot tell
    assert recover_interrupted_jobs() == [job.pk]
    assert ImportJob.objects.get().status == "failed"


@pytest.fixture
def read_later(settings, monkeypatch):
    """Every upload is read in the background (as served by default), and its reading waits
    for the test to let it go (the page the upload lands on is read first: on the test's in-memory
    SQLite a read beside the reading thread's write would fail as "table is locked")."""
    from tizim.intake import services

    settings.TIZIM_PREVIEW_IN_REQUEST_BYTES = 0
    release = threading.Event()
    real = services.check_in_child

    def held(*args, **kwargs):
        assert release.wait(60)
        return real(*args, **kwargs)

    monkeypatch.setattr(services, "check_in_child", held)

    def finish() -> None:
        release.set()
        for thread in threading.enumerate():
            if thread.name.startswith(IMPORT_THREAD_PREFIX):
                thread.join(timeout=60)
                assert not thread.is_alive()

    return finish


def test_a_large_list_is_read_in_the_background_then_previewed(browser, tmp_path, read_later):
    page = upload(browser, "list.csv", SHEET)
    assert page.status == 200 and 'id="being-read"' in page.text
    assert "<strong>being read</strong>" in page.text and 'http-equiv="refresh"' in page.text
    assert "/confirm/" not in page.text  # nothing to confirm before it is read
    job = ImportJob.objects.get()
    assert job.status == "checking" and (tmp_path / "uploads" / f"owner-{job.pk}").exists()
    read_later()
    previewed = browser.get(f"/imports/{job.pk}/")
    assert (
        "What would happen" in previewed.text and "<th>rows read</th><td>2</td>" in previewed.text
    )
    assert f"/imports/{job.pk}/confirm/" in previewed.text and "refresh" not in previewed.text
    assert ImportJob.objects.get().rows_total == 2 and Record.objects.count() == 0
    assert not (tmp_path / "uploads" / f"owner-{job.pk}").exists()


def test_a_large_list_refused_in_the_background_says_why_and_keeps_nothing(
    browser, tmp_path, read_later
):
    sheet = "Город;Статус;Дата\nг. Алматы;задержан;06.01.2022\nТараз;погиб;07.01.2022\n"
    page = upload(browser, "list.csv", sheet.encode())
    assert 'id="being-read"' in page.text
    read_later()
    job = ImportJob.objects.get()
    refused = browser.get(f"/imports/{job.pk}/")
    assert "The list was not accepted: list.csv: no column holds a person&#x27;s name" in (
        refused.text
    )
    assert "[columns]" in refused.text and "&quot;Город&quot; = &quot;place&quot;" in refused.text
    assert "/confirm/" not in refused.text and "Upload the list again" in refused.text
    assert job.status == "failed" and Record.objects.count() == 0
    assert list((tmp_path / "uploads").iterdir()) == []


def test_a_list_whose_reader_died_is_failed_and_said_so(browser, tmp_path, read_later):
    upload(browser, "list.csv", SHEET)
    job = ImportJob.objects.get()
    (tmp_path / "uploads" / f"owner-{job.pk}").write_text(dead_process())
    page = browser.get(f"/imports/{job.pk}/")
    assert "reading the list was interrupted" in page.text and "refresh" not in page.text
    read_later()  # the held reader finds its job failed and its file gone, and stops
    job.refresh_from_db()
    assert job.status == "failed" and "reading the list was interrupted" in job.error
    assert list((tmp_path / "uploads").iterdir()) == []
