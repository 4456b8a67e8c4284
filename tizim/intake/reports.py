"""Services for reports from the public form: receive and seal, follow up by receipt phrase,
unseal for staff, reply, and turn a report into a registry record.

Everything a reporter tells about themselves is sealed (``tizim.core.sealing``) to the
organisation's recipients — and to a key derived from the reporter's receipt phrase, so that
they can read it back — before anything is written: the database and the media folder hold
ciphertext, and no key that opens it (docs/threat-model.md, P2–P6).
"""

from __future__ import annotations

import base64
import contextlib
import datetime
import json
import os
import secrets
import threading
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import IntegrityError, OperationalError, connection, transaction
from django.utils import timezone

from tizim.audit.services import record_action
from tizim.core import sealing
from tizim.core.files import write_new_blob, write_new_private_file
from tizim.core.images import ImageRejected, image_format, sha256_hex, strip_metadata
from tizim.core.spool import Spool
from tizim.intake.models import Report, ReportAttachment, ReportMessage
from tizim.registry.errors import RegistryError
from tizim.registry.models import Record, Source, new_public_id
from tizim.registry.records import add_record
from tizim.registry.sources import create_source

# The reporter's key is derived from a phrase of 85 random bits: guessing it is out of reach
# whatever the hash, so the cheapest argon2id settings are used. A slow hash would only make
# 50 reporters at once cost seconds of CPU and gigabytes of memory each.
REPORTER_KDF_LIMITS = sealing.MIN_KDF_LIMITS
# Not "web-form": the demo (and an organisation) may import a web form's export as a list
# of that name, and re-importing a list flags rows missing from the file as vanished.
WEB_FORM_SOURCE = "public-form"
REPORTER = "reporter"

MAX_FILES = 5
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_TOTAL_BYTES = 50 * 1024 * 1024
# What the form accepts, told by content, never by the name or the type the browser claims.
ACCEPTED_KINDS = ("jpeg", "png", "webp", "pdf", "mp4")


class ReportError(Exception):
    """A report refused, with a message the reporter or staff member can act on."""


@dataclass(frozen=True)
class PersonPart:
    """What the report says about the person: kept in the clear for the registry."""

    name: str
    age: str = ""
    place: str = ""
    what_happened: str = ""
    event_date: str = ""
    held_or_last_seen: str = ""
    #: The public id of the published person the report is about, when the reporter came
    #: from that person's page.
    about_person: str = ""


@dataclass(frozen=True)
class ReporterPart:
    """What the report says about the reporter: sealed."""

    relationship: str = ""
    name: str = ""
    contact: str = ""
    testimony: str = ""


@dataclass(frozen=True)
class IncomingFile:
    """An uploaded file, held in memory (never written to disk unsealed)."""

    name: str
    data: bytes


@dataclass
class UnsealedReport:
    """A report as a recipient reads it."""

    report: Report
    reporter: ReporterPart
    files: list[dict[str, Any]] = field(default_factory=list)
    messages: list[tuple[ReportMessage, str]] = field(default_factory=list)


# --- secrets of the instance -------------------------------------------------------------


def receipt_pepper() -> bytes:
    """The server's pepper for receipt lookups: 32 random bytes in ``TIZIM_HOME``, outside
    the database, so a database dump alone cannot even test a guessed phrase."""
    path = Path(settings.TIZIM_HOME) / "receipt_pepper"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        # Written whole under another name, then linked into place: the first requests of a new
        # instance (threads, server processes) race here, and all must read the one that won.
        partial = path.with_name(f"receipt_pepper.{secrets.token_hex(8)}")
        write_new_private_file(partial, secrets.token_bytes(32))
        try:
            os.link(partial, path)
        except FileExistsError:
            pass
        finally:
            partial.unlink()
    return path.read_bytes()


def sealed_folder() -> Path:
    folder = Path(settings.MEDIA_ROOT) / "sealed"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _recipients() -> dict[str, bytes]:
    from tizim.accounts.selectors import required_recipients

    return required_recipients(ReportError, "receiving reports")


# --- receiving ----------------------------------------------------------------------------


def file_kind(data: bytes) -> str:
    """The kind of a file from its first bytes: jpeg, png, webp, pdf, mp4 or '' (refused)."""
    try:
        return image_format(data).lower()
    except ImageRejected:
        pass
    if data.startswith(b"%PDF-"):
        return "pdf"
    if len(data) > 12 and data[4:8] == b"ftyp":
        return "mp4"
    return ""


def check_files(files: Sequence[IncomingFile]) -> list[str]:
    """The kind of each file, or a ReportError saying which file is refused and why."""
    if len(files) > MAX_FILES:
        raise ReportError(f"at most {MAX_FILES} files can be sent with one report")
    if sum(len(f.data) for f in files) > MAX_TOTAL_BYTES:
        raise ReportError(f"the files together are larger than {MAX_TOTAL_BYTES // 2**20} MB")
    kinds = []
    for f in files:
        if len(f.data) > MAX_FILE_BYTES:
            raise ReportError(f"'{f.name}' is larger than {MAX_FILE_BYTES // 2**20} MB")
        kind = file_kind(f.data)
        if kind not in ACCEPTED_KINDS:
            raise ReportError(f"'{f.name}' is not a photo (JPEG, PNG, WebP), a PDF or an MP4 video")
        kinds.append(kind)
    return kinds


def submit_report(
    *,
    person: PersonPart,
    reporter: ReporterPart,
    files: Sequence[IncomingFile] = (),
    language: str = "",
) -> tuple[Report, str]:
    """Receive a report: seal what concerns the reporter, store the person's part, and return
    the report with its receipt phrase (shown once to the reporter, stored nowhere).

    Files are sealed and written first, then the rows in one short transaction. If the
    database cannot take them within ``REPORT_DATABASE_WAIT_SECONDS`` (a long import holds
    SQLite's write lock, a lock on PostgreSQL, the server is down) — or could not for an
    earlier report and nothing was written to it since — the report waits in the spool
    (``file_waiting_reports`` moves it in later) and the report returned is not saved yet.
    ReportNotSaved when it can be kept neither way. If anything fails, the files written are
    removed: nothing is left half-written.
    """
    if not person.name.strip():
        raise ReportError("the person's name is needed")
    kinds = check_files(files)
    recipients = _recipients()
    phrase = sealing.new_receipt_phrase()
    salt = sealing.new_salt()
    reporter_keys = sealing.receipt_keys(phrase, salt, limits=REPORTER_KDF_LIMITS)
    readers = {**recipients, REPORTER: reporter_keys.public_key}
    written: list[Path] = []
    try:
        stored_files = []
        for incoming, kind in zip(files, kinds, strict=True):
            stored_files.append(_store_file(incoming, kind, readers, written))
        details = {
            "relationship": reporter.relationship,
            "name": reporter.name,
            "contact": reporter.contact,
            "testimony": reporter.testimony,
            "files": [meta for meta, _, _, _ in stored_files],
        }
        sealed = sealing.seal(json.dumps(details, ensure_ascii=False).encode(), readers)
        entry = {
            "public_id": _new_report_id(),
            "received_on": timezone.localdate().isoformat(),
            "language": language[:8],
            "person_name": person.name.strip()[:300],
            "person_age": person.age.strip()[:100],
            "person_place": person.place.strip()[:300],
            "what_happened": person.what_happened[:32],
            "event_date": person.event_date.strip()[:100],
            "held_or_last_seen": person.held_or_last_seen.strip()[:300],
            "about_person": person.about_person.strip()[:16],
            "sealed_reporter": _text(sealed.to_bytes()),
            "receipt_key": sealing.receipt_lookup_key(phrase, receipt_pepper()),
            "reporter_public_key": _text(reporter_keys.public_key),
            "reporter_key_salt": _text(salt),
            "recipients": sorted(readers),
            "attachments": [
                [original, viewing, size] for _, original, viewing, size in stored_files
            ],
        }
        report = _save_or_spool(entry)
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    return report, phrase


class ReportNotSaved(Exception):
    """The report could be written neither to the database nor to the spool: nothing of it
    was kept, and the reporter must send it again."""


def report_spool() -> Spool:
    """Reports waiting for the database (``TIZIM_HOME/spool/reports``). Each holds what the
    database rows will: the sealed reporter part, the person's part as the form gave it."""
    return Spool(Path(settings.TIZIM_HOME) / "spool" / "reports")


def file_waiting_reports() -> int:
    """Move the reports waiting in the spool into the database; return how many were moved.
    Stops (leaving the rest waiting) at the first one the database cannot take yet. Safe to
    run in several processes at once: a report already filed is only removed from the spool.
    """
    spool = report_spool()
    moved = 0
    for path, entry in spool.entries():
        try:
            _file_report(entry)
        except IntegrityError:
            # Filed by another process meanwhile (the public id is unique).
            if not Report.objects.filter(public_id=entry.get("public_id", "")).exists():
                raise
        except OperationalError:
            return moved
        _database_busy.clear()
        spool.remove(path)
        moved += 1
    _database_busy.clear()
    return moved


def waiting_report(phrase: str) -> bool:
    """Whether a report with this receipt phrase is in the spool, not yet in the database."""
    if not sealing.normalise_phrase(phrase):
        return False
    key = sealing.receipt_lookup_key(phrase, receipt_pepper())
    return any(entry.get("receipt_key") == key for _, entry in report_spool().entries())


# Set when this process found the database busy, cleared once the filer wrote to it again:
# meanwhile reports go to the spool at once instead of each reporter waiting for it again.
_database_busy = threading.Event()


def _save_or_spool(entry: dict[str, Any]) -> Report:
    if not _database_busy.is_set():
        try:
            with _waiting_at_most(settings.REPORT_DATABASE_WAIT_SECONDS):
                return _file_report(entry)
        except OperationalError:
            _database_busy.set()
    try:
        report_spool().put(entry)
    except OSError as error:
        raise ReportNotSaved(f"the report could not be kept: {error}") from None
    report, _ = _report_rows(entry)
    return report


def _report_rows(entry: Mapping[str, Any]) -> tuple[Report, list[ReportAttachment]]:
    """The rows of a report (unsaved) from its spool entry."""
    fields = {k: v for k, v in entry.items() if k != "attachments"}
    for name in ("sealed_reporter", "reporter_public_key", "reporter_key_salt"):
        fields[name] = base64.b64decode(fields[name])
    fields["received_on"] = datetime.date.fromisoformat(fields["received_on"])
    report = Report(**fields)
    attachments = [
        ReportAttachment(
            report=report, sealed_path=original, viewing_path=viewing, sealed_size=size
        )
        for original, viewing, size in entry["attachments"]
    ]
    return report, attachments


def _file_report(entry: Mapping[str, Any]) -> Report:
    """Write a report's rows (from its spool entry) in one transaction, audited."""
    report, attachments = _report_rows(entry)
    with transaction.atomic():
        report.save(force_insert=True)
        for attachment in attachments:
            attachment.report = report
        ReportAttachment.objects.bulk_create(attachments)
        # No content and no time of day: that a report came in, and which.
        record_action(
            "report.receive", actor="public", object_type="report", object_id=report.public_id
        )
    return report


@contextlib.contextmanager
def _waiting_at_most(seconds: float) -> Iterator[None]:
    """Writes inside wait at most ``seconds`` for a lock another transaction holds, then fail
    with OperationalError (instead of SQLite's 30 s busy timeout, or PostgreSQL's none)."""
    milliseconds = max(1, int(seconds * 1000))
    if connection.vendor == "sqlite":
        usual = int(
            float(settings.DATABASES["default"].get("OPTIONS", {}).get("timeout", 5)) * 1000
        )
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA busy_timeout = {milliseconds}")
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute(f"PRAGMA busy_timeout = {usual}")
        return
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(f"SET LOCAL lock_timeout = {milliseconds}")
        yield


def _text(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _store_file(
    incoming: IncomingFile, kind: str, readers: Mapping[str, bytes], written: list[Path]
) -> tuple[dict[str, Any], str, str, int]:
    meta: dict[str, Any] = {
        "name": incoming.name[:200],
        "kind": kind,
        "size": len(incoming.data),
        "sha256": sha256_hex(incoming.data),
    }
    original = _write_sealed(incoming.data, readers, written)
    viewing = ""
    if kind in ("jpeg", "png", "webp"):
        try:
            viewing = _write_sealed(strip_metadata(incoming.data), readers, written)
        except ImageRejected as error:
            raise ReportError(f"'{incoming.name}' cannot be read as an image: {error}") from None
    return meta, original, viewing, (Path(sealed_folder()) / original).stat().st_size


def _write_sealed(data: bytes, readers: Mapping[str, bytes], written: list[Path]) -> str:
    path = write_new_blob(sealed_folder(), sealing.seal(data, readers).to_bytes())
    written.append(path)
    return path.name


def _new_report_id() -> str:
    # The registry's random public ids, marked R for report.
    return "R" + new_public_id()[1:]


# --- the reporter comes back --------------------------------------------------------------


def find_by_phrase(phrase: str) -> Report | None:
    """The report a receipt phrase belongs to (None when it belongs to none)."""
    if not sealing.normalise_phrase(phrase):
        return None
    key = sealing.receipt_lookup_key(phrase, receipt_pepper())
    return Report.objects.filter(receipt_key=key).first()


def reporter_view(report: Report, phrase: str) -> UnsealedReport:
    """What the reporter may read back with their phrase: what they sent and every message."""
    keys = sealing.receipt_keys(phrase, bytes(report.reporter_key_salt), limits=REPORTER_KDF_LIMITS)
    return _open(report, REPORTER, keys.private_key)


def add_reporter_message(report: Report, phrase: str, text: str) -> ReportMessage:
    """More information from the reporter, sealed like the report."""
    if find_by_phrase(phrase) != report:
        raise ReportError("this receipt phrase does not belong to this report")
    if not text.strip():
        raise ReportError("the message is empty")
    return _add_message(report, ReportMessage.Author.REPORTER, "", text, actor="public")


# --- staff ----------------------------------------------------------------------------------


def recipient_id_for(private_key: bytes) -> str:
    """The recipient id of the staff member holding ``private_key`` (their current key)."""
    public = sealing.RecipientKeys.from_private_key(private_key).public_key
    from tizim.accounts.selectors import recipients

    for recipient, key in recipients().items():
        if bytes(key) == public:
            return recipient
    raise ReportError("your key is not among the organisation's recipients")


def unseal_report(report: Report, *, private_key: bytes, actor: str) -> UnsealedReport:
    """Open a report for a staff member (audited: who looked at which report)."""
    recipient = recipient_id_for(private_key)
    opened = _open(report, recipient, private_key)
    record_action("report.unseal", actor=actor, object_type="report", object_id=report.public_id)
    return opened


def open_attachment(
    attachment: ReportAttachment, *, private_key: bytes, actor: str, original: bool = False
) -> bytes:
    """A report's file for a staff member: the copy without metadata, or the original."""
    name = (
        attachment.sealed_path
        if original or not attachment.viewing_path
        else attachment.viewing_path
    )
    blob = (sealed_folder() / name).read_bytes()
    data = sealing.unseal(
        sealing.SealedItem.from_bytes(blob), recipient_id_for(private_key), private_key
    )
    record_action(
        "report.file.view",
        actor=actor,
        object_type="report",
        object_id=attachment.report.public_id,
        details={"attachment": attachment.pk, "original": original},
    )
    return data


def reply(report: Report, *, text: str, actor: str) -> ReportMessage:
    """A staff reply the reporter reads with their phrase (sealed to them and to staff)."""
    if not text.strip():
        raise ReportError("the reply is empty")
    return _add_message(report, ReportMessage.Author.STAFF, actor, text, actor=actor)


# What the form offers that is no status of the person: torture is an act done to them, and
# "I don't know" says nothing. Their records carry no fate (any other text is parsed as one).
NO_FATE = frozenset({"tortured", "unknown"})


def record_report(report: Report, *, actor: str) -> Record:
    """Turn a report into a registry record of the source "public-form": the person's part only
    (name, age, place, what happened, when, where), never anything sealed. The report keeps
    the link to its record."""
    if report.status != Report.Status.NEW:
        raise ReportError(f"report {report.public_id} is already {report.get_status_display()}")
    if not Source.objects.filter(name=WEB_FORM_SOURCE).exists():
        create_source(
            WEB_FORM_SOURCE,
            kind=Source.Kind.WEB_FORM,
            title="Reports sent through the public form",
            actor=actor,
        )
    age = report.person_age
    values = {
        "full_name": report.person_name,
        ("birth_date" if any(c in age for c in ".-/") else "age"): age,
        "place": report.person_place,
        # "Tortured" is an act and "I don't know" no fate: neither is a status of the person.
        "fate": "" if report.what_happened in NO_FATE else report.what_happened,
        "event_date": report.event_date,
        "facility": report.held_or_last_seen,
    }
    with transaction.atomic():
        try:
            kept = {k: v for k, v in values.items() if v}
            record = add_record(
                source_name=WEB_FORM_SOURCE,
                values=kept,
                # What the reporter said stays on the record even when it is no fate.
                raw=None if values["fate"] else {**kept, "what_happened": report.what_happened},
                source_record_id=report.public_id,
                reported_on=report.received_on,
                actor=actor,
            )
        except RegistryError as error:
            raise ReportError(str(error)) from None
        report.record = record
        report.status = Report.Status.RECORDED
        report.triaged_by = actor
        report.save(update_fields=["record", "status", "triaged_by"])
        record_action(
            "report.record",
            actor=actor,
            object_type="report",
            object_id=report.public_id,
            details={"record": record.pk, "quarantined": bool(record.quarantine_reason)},
        )
    return record


def decline_report(report: Report, *, actor: str, reason: str) -> None:
    """Set a report aside (spam, not about the events); it is kept, sealed, not deleted."""
    if report.status != Report.Status.NEW:
        raise ReportError(f"report {report.public_id} is already {report.get_status_display()}")
    with transaction.atomic():
        report.status = Report.Status.DECLINED
        report.triaged_by = actor
        report.save(update_fields=["status", "triaged_by"])
        record_action(
            "report.decline",
            actor=actor,
            object_type="report",
            object_id=report.public_id,
            details={"reason": reason[:200]},
        )


# --- internals ------------------------------------------------------------------------------


def _add_message(
    report: Report, author: str, staff_member: str, text: str, *, actor: str
) -> ReportMessage:
    readers = {**_recipients(), REPORTER: bytes(report.reporter_public_key)}
    sealed = sealing.seal(text.strip().encode(), readers)
    with transaction.atomic():
        message = ReportMessage.objects.create(
            report=report,
            author=author,
            staff_member=staff_member,
            sealed_body=sealed.to_bytes(),
            sent_on=timezone.localdate(),
        )
        record_action(
            f"report.message.{author}",
            actor=actor,
            object_type="report",
            object_id=report.public_id,
        )
    return message


def _open(report: Report, recipient: str, private_key: bytes) -> UnsealedReport:
    try:
        item = sealing.SealedItem.from_bytes(bytes(report.sealed_reporter))
        details = json.loads(sealing.unseal(item, recipient, private_key))
        messages = []
        for message in report.messages.all():
            body = sealing.unseal(
                sealing.SealedItem.from_bytes(bytes(message.sealed_body)), recipient, private_key
            )
            messages.append((message, body.decode()))
    except sealing.SealingError as error:
        raise ReportError(f"this report cannot be opened with this key: {error}") from None
    reporter = ReporterPart(
        relationship=details.get("relationship", ""),
        name=details.get("name", ""),
        contact=details.get("contact", ""),
        testimony=details.get("testimony", ""),
    )
    files = [
        {**meta, "attachment": attachment}
        for meta, attachment in zip(
            details.get("files", []), report.attachments.order_by("id"), strict=False
        )
    ]
    return UnsealedReport(report=report, reporter=reporter, files=files, messages=messages)
