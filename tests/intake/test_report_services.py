"""Reports from the public form, at the service level: sealed before stored, read back by
phrase and by reviewers, turned into registry records, nothing half-written."""

from __future__ import annotations

import hashlib
import io
import threading
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from PIL import Image

from tizim.accounts.roles import Role
from tizim.accounts.services import create_recipient_key, set_role
from tizim.audit.models import AuditEntry
from tizim.core import sealing
from tizim.intake import reports
from tizim.intake.models import Report, ReportAttachment
from tizim.registry.models import Record

pytestmark = pytest.mark.django_db
CANARY = "CANARY-7f3a9c"


@pytest.fixture(autouse=True)
def home(settings, tmp_path):
    settings.TIZIM_HOME = tmp_path / "home"
    settings.MEDIA_ROOT = tmp_path / "home" / "media"
    settings.TIZIM_KEY_KDF = "min"
    return tmp_path / "home"


@pytest.fixture
def reviewer_key():
    user = get_user_model().objects.create_user("rev", password="a long test password 42")
    set_role(user, Role.REVIEWER, actor="test")
    return create_recipient_key(user, "a long test password 42", actor="test")


def jpeg_with_gps() -> bytes:
    image = Image.new("RGB", (40, 30), (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "CameraMaker" + CANARY  # Make
    exif[0x8825] = {1: "N", 2: (43.0, 14.0, 30.0), 3: "E", 4: (76.0, 53.0, 0.0)}  # GPS
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    return out.getvalue()


def submit(**person: str) -> tuple[Report, str]:
    return reports.submit_report(
        person=reports.PersonPart(
            name=person.get("name", "Жағыпаров Ерлан"),
            age=person.get("age", "42"),
            place="Алматы",
            what_happened=person.get("what_happened", "detained"),
            event_date="06.01.2022",
            held_or_last_seen="ИВС ДП г. Алматы",
        ),
        reporter=reports.ReporterPart(
            relationship="brother " + CANARY + "-rel",
            name="Reporter " + CANARY + "-name",
            contact="+7 701 " + CANARY + "-contact",
            testimony="He was taken at night. " + CANARY + "-testimony",
        ),
        files=[reports.IncomingFile("leg.jpg", jpeg_with_gps())],
        language="ru",
    )


def everything_stored(home: Path) -> bytes:
    """Every byte the database and the media folder hold about reports."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM intake_report")
        rows = repr(cursor.fetchall()).encode()
        cursor.execute("SELECT * FROM intake_reportmessage")
        rows += repr(cursor.fetchall()).encode()
        cursor.execute("SELECT * FROM audit_auditentry")
        rows += repr(cursor.fetchall()).encode()
    files = b"".join(p.read_bytes() for p in home.rglob("*") if p.is_file())
    return rows + files


def test_what_concerns_the_reporter_is_sealed_and_readable_by_phrase_and_reviewer(
    home, reviewer_key
):
    report, phrase = submit()
    assert len(phrase.split()) == 7
    stored = everything_stored(home)
    assert CANARY.encode() not in stored  # not in the database, the files or the audit log
    assert b"CameraMaker" not in stored
    assert report.person_name == "Жағыпаров Ерлан"  # the person's part stays readable
    assert report.recipients == ["reporter", "user:rev"]
    assert reports.find_by_phrase(phrase.upper().replace(" ", "  ")) == report
    assert reports.find_by_phrase("wrong words " + phrase) is None
    mine = reports.reporter_view(report, phrase)
    assert mine.reporter.testimony.endswith(CANARY + "-testimony")
    opened = reports.unseal_report(report, private_key=reviewer_key, actor="rev")
    assert opened.reporter.contact == "+7 701 " + CANARY + "-contact"
    assert AuditEntry.objects.filter(action="report.unseal", actor="rev").count() == 1
    # the file: original kept bit for bit, the viewing copy without EXIF or GPS
    (meta,) = opened.files
    original = reports.open_attachment(
        meta["attachment"], private_key=reviewer_key, actor="rev", original=True
    )
    assert b"CameraMaker" + CANARY.encode() in original  # the original, metadata and all
    assert meta["sha256"] == hashlib.sha256(original).hexdigest()
    assert meta["kind"] == "jpeg" and meta["name"] == "leg.jpg"
    viewing = reports.open_attachment(meta["attachment"], private_key=reviewer_key, actor="rev")
    assert b"CameraMaker" not in viewing and Image.open(io.BytesIO(viewing)).getexif() == {}


def test_another_key_cannot_open_a_report(reviewer_key):
    report, _ = submit()
    stranger = sealing.RecipientKeys.generate().private_key
    with pytest.raises(reports.ReportError, match="not among the organisation's recipients"):
        reports.unseal_report(report, private_key=stranger, actor="x")


def test_replies_reach_the_reporter_and_more_information_reaches_staff(reviewer_key):
    report, phrase = submit()
    reports.reply(report, text="We found him in the list of detainees.", actor="rev")
    reports.add_reporter_message(report, phrase, "He has a scar on the left hand.")
    mine = reports.reporter_view(report, phrase)
    assert [text for _, text in mine.messages] == [
        "We found him in the list of detainees.",
        "He has a scar on the left hand.",
    ]
    opened = reports.unseal_report(report, private_key=reviewer_key, actor="rev")
    assert opened.messages[1][1] == "He has a scar on the left hand."
    _other, other_phrase = submit(name="Other Person")
    with pytest.raises(reports.ReportError, match="does not belong"):
        reports.add_reporter_message(report, other_phrase, "x")
    with pytest.raises(reports.ReportError, match="empty"):
        reports.reply(report, text="  ", actor="rev")


def test_a_report_becomes_a_registry_record_without_anything_sealed(reviewer_key):
    report, _ = submit()
    record = reports.record_report(report, actor="rev")
    assert record.source.name == "public-form" and record.source.kind == "web_form"
    assert record.source_record_id == report.public_id
    assert record.surname == "Жағыпаров" and record.fate == "detained"
    assert record.place_code == "almaty" and str(record.event_date) == "2022-01-06"
    assert record.person is not None and record.person.fate_events.get().fate == "detained"
    assert CANARY not in record.raw_json
    report.refresh_from_db()
    assert report.status == "recorded" and report.record == record
    with pytest.raises(reports.ReportError, match="already"):
        reports.record_report(report, actor="rev")
    # a report the registry cannot parse is kept in quarantine with the reason
    odd, _ = submit(name="x", what_happened="detained", age="31.02.1990")
    quarantined = reports.record_report(odd, actor="rev")
    assert quarantined.quarantine_reason and quarantined.person is None
    assert Record.objects.filter(source__name="public-form").count() == 2


def test_declined_reports_are_kept(reviewer_key):
    report, _ = submit()
    reports.decline_report(report, actor="rev", reason="spam")
    report.refresh_from_db()
    assert report.status == "declined" and Report.objects.count() == 1


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ([reports.IncomingFile("photo.jpg", b"this is text, not a photo")], "is not a photo"),
        ([reports.IncomingFile(f"{i}.pdf", b"%PDF-1.4 x") for i in range(6)], "at most 5"),
        (
            [reports.IncomingFile("big.pdf", b"%PDF-" + b"0" * (reports.MAX_FILE_BYTES + 1))],
            "larger than 20 MB",
        ),
    ],
)
def test_refused_files_leave_nothing_behind(home, reviewer_key, files, message):
    with pytest.raises(reports.ReportError, match=message):
        reports.submit_report(
            person=reports.PersonPart(name="A"), reporter=reports.ReporterPart(), files=files
        )
    assert Report.objects.count() == 0
    assert not any(p.is_file() for p in (home / "media").rglob("*"))


def test_a_failure_after_the_files_are_sealed_removes_them(home, reviewer_key, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(ReportAttachment.objects, "bulk_create", broken)
    with pytest.raises(RuntimeError):
        submit()
    assert Report.objects.count() == 0
    assert not any(p.is_file() for p in (home / "media").rglob("*.sealed"))


def test_no_recipient_no_report(home):
    with pytest.raises(reports.ReportError, match="no staff member holds a key"):
        submit()
    assert Report.objects.count() == 0


def first_requests_at_once(count: int) -> tuple[list[bytes], list[BaseException]]:
    """``count`` threads asking for the receipt pepper at the same moment."""
    start = threading.Barrier(count)
    peppers: list[bytes] = []
    failures: list[BaseException] = []

    def first_request() -> None:
        start.wait()
        try:
            peppers.append(reports.receipt_pepper())
        except BaseException as error:
            failures.append(error)

    threads = [threading.Thread(target=first_request) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return peppers, failures


def test_concurrent_first_requests_share_one_receipt_pepper(settings, tmp_path):
    # A new instance's first reports and follow-ups may come at once, in threads or processes.
    for attempt in range(40):
        settings.TIZIM_HOME = tmp_path / f"home{attempt}"
        peppers, failures = first_requests_at_once(8)
        assert failures == [] and len(set(peppers)) == 1 and len(peppers[0]) == 32
        assert [p.name for p in settings.TIZIM_HOME.iterdir()] == ["receipt_pepper"]
