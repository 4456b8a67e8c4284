"""Staff uploads of lists: stage (and preview as a dry run), confirm, import in the background.

The progress of a running import is kept in a small file beside the uploads, not in the
database: the import's own transaction makes anything written through its connection invisible
to other connections until it commits, and ``tizim serve`` runs several processes, so the page
asking may be served by another process than the one importing.
"""

from __future__ import annotations

import datetime
import os
import secrets
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import close_old_connections, connection, transaction
from django.utils import timezone

from tizim.accounts.access import acting_as
from tizim.audit.services import record_action
from tizim.core.columns import NoNameColumnError
from tizim.core.errors import ParseError
from tizim.core.processes import current_process, process_is_gone
from tizim.core.table_check import check_in_child
from tizim.core.tables import SPREADSHEET_SUFFIXES, close_tables, open_tables
from tizim.intake.models import ImportJob
from tizim.linkage.incremental import link_new_records, linkage_lock
from tizim.linkage.services import LinkageError
from tizim.registry.errors import RegistryError
from tizim.registry.import_summary import ImportSummary
from tizim.registry.importing import import_table, reference_date_for, sample_tables
from tizim.registry.models import Source

ALLOWED_SUFFIXES = (".csv", ".txt", ".tsv", *SPREADSHEET_SUFFIXES)
MAX_UPLOAD_BYTES = 200 * 1024 * 1024
PREVIEW_ROWS = 20
PREVIEW_PROBLEMS = 200


class IntakeError(Exception):
    """An upload refused, with a message for the person who sent it (and, for a list whose
    name column was not found, a column ``mapping`` to start from)."""

    def __init__(self, message: str, *, mapping: str = "") -> None:
        super().__init__(message)
        self.mapping = mapping


def upload_folder() -> Path:
    folder = Path(settings.TIZIM_HOME) / "uploads"
    folder.mkdir(parents=True, exist_ok=True)
    os.chmod(folder, 0o700)
    return folder


def stage_upload(
    *,
    name: str,
    chunks: Iterable[bytes],
    source_name: str,
    user: AbstractBaseUser | AnonymousUser,
    obtained_on: datetime.date | None = None,
    sheet: str = "",
    background: bool = True,
) -> ImportJob:
    """Keep an uploaded list on disk (private to the server) and preview it as a dry run.

    The list is read in the background (unless ``background`` is false, or it is no larger
    than ``TIZIM_PREVIEW_IN_REQUEST_BYTES``, 0 by default): the job is returned *being read*,
    and ends previewed, or failed with why (its file removed). A list read here raises
    IntakeError when it is of a kind we cannot read, too large or unreadable, and then nothing
    is kept. PermissionDenied for a user whose role may not upload lists.
    """
    acting_as(user, "intake.add_importjob")
    suffix = Path(name).suffix.lower()
    if suffix not in ALLOWED_SUFFIXES:
        raise IntakeError(
            f"'{name}' is not a list we can read: upload CSV, XLSX or ODS "
            f"({', '.join(ALLOWED_SUFFIXES)})"
        )
    source = Source.objects.filter(name=source_name).first()
    if source is None:
        raise IntakeError(f"unknown source '{source_name}'")
    if user.pk is None:
        raise IntakeError("only a logged-in staff member can upload a list")
    path = upload_folder() / f"{secrets.token_hex(16)}{suffix}"
    size = 0
    # Created private (0600), never readable by others even for a moment.
    with os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as fh:
        for chunk in chunks:
            size += len(chunk)
            if size > MAX_UPLOAD_BYTES:
                fh.close()
                path.unlink()
                raise IntakeError(f"'{name}' is larger than {MAX_UPLOAD_BYTES // 2**20} MB")
            fh.write(chunk)
    later = background and size > settings.TIZIM_PREVIEW_IN_REQUEST_BYTES
    preview = {} if later else _read_upload(path, name, source, obtained_on, sheet)
    with transaction.atomic():
        job = ImportJob.objects.create(
            source=source,
            original_name=name[:300],
            stored_path=str(path),
            sheet=sheet,
            obtained_on=obtained_on,
            status=ImportJob.Status.CHECKING if later else ImportJob.Status.PREVIEWED,
            preview=preview,
            rows_total=int(preview["counts"]["rows_read"]) if preview else 0,
            created_by_id=user.pk,
        )
        if later:
            # Written before the job commits: whoever sees it being read can find its reader.
            _write_private(_owner_file(job.pk), current_process())
        record_action(
            "import.stage",
            actor=user.get_username(),
            object_type="import_job",
            object_id=job.pk,
            details={"file": name, "source": source.name},
        )
    if later:
        _start(read_staged_upload, job.pk, background=True)
    return job


def _read_upload(
    path: Path, name: str, source: Source, obtained_on: datetime.date | None, sheet: str
) -> dict[str, Any]:
    """Check an uploaded list in a child process, then preview it; IntakeError (the file
    removed) when it cannot be read. ``name`` is the file's name as uploaded."""
    try:
        # Read once in a child process with a memory and time ceiling: a file built to
        # exhaust the server costs that child only (tizim.core.table_check).
        check_in_child(
            path,
            sheet=sheet or None,
            max_memory_bytes=settings.TIZIM_UPLOAD_CHECK_MEMORY,
            max_seconds=settings.TIZIM_UPLOAD_CHECK_SECONDS,
            display_name=name,
        )
        return preview_file(
            path, source_name=source.name, obtained_on=obtained_on, sheet=sheet or None
        )
    except NoNameColumnError as exc:
        path.unlink(missing_ok=True)
        raise IntakeError(exc.headline.replace(path.name, name), mapping=exc.mapping) from None
    except (ParseError, RegistryError) as exc:
        path.unlink(missing_ok=True)
        message = exc.reason if isinstance(exc, ParseError) else str(exc)
        raise IntakeError(message.replace(path.name, name)) from None


def read_staged_upload(job_id: int) -> None:
    """Read and preview an upload staged to be read in the background: the job ends
    previewed, or failed with why (and, for a list whose names were not found, a mapping to
    start from in its preview)."""
    job = ImportJob.objects.select_related("source").get(pk=job_id)
    try:
        preview = _read_upload(
            Path(job.stored_path), job.original_name, job.source, job.obtained_on, job.sheet
        )
    except IntakeError as exc:
        _settle_reading(job_id, error=str(exc), mapping=exc.mapping)
    except Exception as exc:  # keep the job honest even on a bug; the error is shown to staff
        _settle_reading(job_id, error=f"unexpected error: {exc!r}")
        raise
    else:
        _settle_reading(job_id, preview=preview)


def _settle_reading(
    job_id: int, *, preview: dict[str, Any] | None = None, error: str = "", mapping: str = ""
) -> None:
    """End the reading of job ``job_id``: previewed with ``preview``, else failed with
    ``error``; unless the job was failed meanwhile (its reader taken for dead), which stands."""
    with transaction.atomic():
        job = ImportJob.objects.select_for_update().get(pk=job_id)
        if job.status != ImportJob.Status.CHECKING:
            return
        if preview is None:
            job.preview = {"refused": True, "mapping": mapping}
            _finish(job, status=ImportJob.Status.FAILED, error=error)
            return
        job.status = ImportJob.Status.PREVIEWED
        job.preview = preview
        job.rows_total = int(preview["counts"]["rows_read"])
        job.save(update_fields=["status", "preview", "rows_total"])
    _owner_file(job_id).unlink(missing_ok=True)


def preview_file(
    path: Path, *, source_name: str, obtained_on: datetime.date | None, sheet: str | None
) -> dict[str, Any]:
    """A dry run of the import plus the first rows as parsed, for a person to check."""
    summary = import_table(
        path, source_name=source_name, dry_run=True, obtained_on=obtained_on, sheet=sheet
    )
    source = Source.objects.get(name=source_name)
    tables = open_tables(path, sheet=sheet)
    try:
        sampled = sample_tables(
            tables,
            mapping=None,
            reference_date=reference_date_for(source, obtained_on),
            rows=PREVIEW_ROWS,
            default_fate=source.default_fate,
        )
    finally:
        close_tables(tables)
    samples = []
    for table in sampled:
        rows = []
        for number, parsed in table.rows:
            f = parsed.fields
            birth = f.get("birth_date") or (
                f"{f['birth_year_min']}–{f['birth_year_max']}" if f.get("birth_year_min") else ""
            )
            rows.append(
                {
                    "row": number,
                    "name": f.get("full_name", ""),
                    "birth": str(birth or ""),
                    "place": f.get("place_code") or f.get("place_text", ""),
                    "fate": f.get("fate", ""),
                    "date": str(f.get("event_date") or ""),
                    "problem": parsed.quarantine_reason,
                }
            )
        samples.append({"sheet": table.sheet, "rows": rows})
    return {
        "sheets": [
            {
                "sheet": t.sheet,
                "headers": t.headers,
                "columns": [
                    {"header": h, "field": t.column_map.get(i, "")} for i, h in enumerate(t.headers)
                ],
                "rows_read": t.rows_read,
            }
            for t in summary.sheets
        ],
        "encoding": summary.encoding,
        "delimiter": summary.delimiter,
        "counts": summary_counts(summary),
        "problems": [
            {"sheet": s, "row": n, "problem": p} for s, n, p in summary.problems[:PREVIEW_PROBLEMS]
        ],
        "more_problems": max(0, len(summary.problems) - PREVIEW_PROBLEMS),
        "unknown_places": [
            {"place": text, "rows": rows}
            for text, rows in summary.unknown_places.most_common(PREVIEW_PROBLEMS)
        ],
        "more_unknown_places": max(0, len(summary.unknown_places) - PREVIEW_PROBLEMS),
        "samples": samples,
        "hints": summary.hints,
    }


def confirm_job(
    job: ImportJob, *, user: AbstractBaseUser | AnonymousUser, background: bool = True
) -> None:
    """Start importing a previewed upload (in a background thread unless told otherwise)."""
    acting_as(user, "intake.add_importjob")
    with transaction.atomic():
        job = ImportJob.objects.select_for_update().get(pk=job.pk)
        if job.status != ImportJob.Status.PREVIEWED:
            raise IntakeError(f"this upload is {job.get_status_display()}, not waiting")
        job.status = ImportJob.Status.QUEUED
        job.save(update_fields=["status"])
        # Written before the status commits: whoever sees the job queued can find its owner.
        _write_private(_owner_file(job.pk), current_process())
        record_action(
            "import.confirm", actor=user.get_username(), object_type="import_job", object_id=job.pk
        )
    _start(run_job, job.pk, background=background)


def discard_job(job: ImportJob, *, user: AbstractBaseUser | AnonymousUser) -> None:
    """Drop a previewed upload (its file is deleted, nothing is imported), or set aside a
    failed one."""
    acting_as(user, "intake.add_importjob")
    with transaction.atomic():
        job = ImportJob.objects.select_for_update().get(pk=job.pk)
        if job.status not in (ImportJob.Status.PREVIEWED, ImportJob.Status.FAILED):
            raise IntakeError(f"this upload is {job.get_status_display()}: nothing to discard")
        _delete_file(job)
        job.status = ImportJob.Status.DISCARDED
        job.save(update_fields=["status", "stored_path"])
        record_action(
            "import.discard", actor=user.get_username(), object_type="import_job", object_id=job.pk
        )


#: Threads running confirmed uploads are named this and the job's id.
IMPORT_THREAD_PREFIX = "tizim-import-"


def _start(work: Callable[[int], None], job_id: int, *, background: bool) -> None:
    """Run ``work`` on a job: in a thread named for it with a connection of its own (closed
    at the end), or here."""
    if not background:
        work(job_id)
        return

    def run() -> None:
        close_old_connections()
        try:
            work(job_id)
        finally:
            connection.close()

    threading.Thread(target=run, name=f"{IMPORT_THREAD_PREFIX}{job_id}", daemon=True).start()


def run_job(job_id: int, *, link: bool = True) -> None:
    """Import a confirmed upload, then link its new records into the registry's persons
    (unless ``link`` is false); progress is readable with ``job_progress`` and ``job_stage``
    meanwhile."""
    job = ImportJob.objects.select_related("source", "created_by").get(pk=job_id)
    ImportJob.objects.filter(pk=job_id).update(status=ImportJob.Status.RUNNING)

    def progress(rows: int) -> None:
        report_job_progress(job_id, rows)

    try:
        summary = import_table(
            Path(job.stored_path),
            source_name=job.source.name,
            actor=job.created_by.get_username(),
            obtained_on=job.obtained_on,
            sheet=job.sheet or None,
            progress=progress,
        )
    except (ParseError, RegistryError) as exc:
        message = exc.reason if isinstance(exc, ParseError) else str(exc)
        _finish(job, status=ImportJob.Status.FAILED, error=message)
        return
    except Exception as exc:  # keep the job honest even on a bug; the error is shown to staff
        _finish(job, status=ImportJob.Status.FAILED, error=f"unexpected error: {exc!r}")
        raise
    counts = summary_counts(summary)
    if not link or not (summary.imported or summary.new_versions):
        _finish(job, status=ImportJob.Status.DONE, summary=counts, batch_id=summary.batch_id)
        return
    _delete_file(job)
    ImportJob.objects.filter(pk=job_id).update(
        status=ImportJob.Status.LINKING,
        summary=counts,
        batch_id=summary.batch_id,
        rows_done=summary.rows_read,
        stored_path="",
    )
    link_job_records(job_id)


def link_job_records(job_id: int) -> None:
    """Link the records a job imported (and any others not linked yet) into persons, one job
    at a time, and keep what became of them in the job's summary. A failure leaves the import
    as it is, the job done, and says why: linking can be started again from the job's page."""
    job = ImportJob.objects.select_related("created_by").get(pk=job_id)
    lock = linkage_lock()
    report_job_stage(job_id, "waiting for another linkage to finish")
    error = ""
    summary = dict(job.summary)
    try:
        if not lock.acquire(timeout=LINK_WAIT_SECONDS):
            raise LinkageError("another linkage run is still going: link again in a while")
        try:
            outcome = link_new_records(
                actor=job.created_by.get_username(),
                progress=lambda stage: report_job_stage(job_id, stage),
            )
        finally:
            lock.release()
        summary.update(outcome.as_summary())
    except RegistryError as exc:
        error = str(exc)
    except Exception as exc:  # the import stands whatever linking does; say what went wrong
        error = f"unexpected error: {exc!r}"
        raise
    finally:
        _finish(
            job,
            status=ImportJob.Status.DONE,
            summary=summary,
            batch_id=job.batch_id,
            link_error=error,
        )


#: How long a job waits for another job's (or the command line's) linkage to finish.
LINK_WAIT_SECONDS = 600.0


def relink_job(
    job: ImportJob, *, user: AbstractBaseUser | AnonymousUser, background: bool = True
) -> None:
    """Start linking again the records of an import whose linking failed or was skipped."""
    acting_as(user, "intake.add_importjob")
    with transaction.atomic():
        job = ImportJob.objects.select_for_update().get(pk=job.pk)
        linked = "link_run" in job.summary and not job.link_error
        if job.status != ImportJob.Status.DONE or linked:
            raise IntakeError("the records of this upload are linked already")
        job.status = ImportJob.Status.LINKING
        job.link_error = ""
        job.save(update_fields=["status", "link_error"])
        _write_private(_owner_file(job.pk), current_process())
        record_action(
            "import.link", actor=user.get_username(), object_type="import_job", object_id=job.pk
        )
    _start(link_job_records, job.pk, background=background)


def summary_counts(summary: ImportSummary) -> dict[str, Any]:
    """An import's (or a dry run's) counts as a job keeps them, quarantine by reason included."""
    return {
        "rows_read": summary.rows_read,
        "new": summary.imported,
        "new_versions": summary.new_versions,
        "unchanged": summary.unchanged,
        "vanished": summary.vanished,
        "quarantined": summary.quarantined_total,
        "quarantined_by_reason": dict(summary.quarantined.most_common()),
        "default_fate": summary.default_fate,
        "default_fate_rows": summary.default_fate_rows,
    }


def _finish(
    job: ImportJob,
    *,
    status: str,
    error: str = "",
    summary: dict[str, Any] | None = None,
    batch_id: int | None = None,
    link_error: str = "",
) -> None:
    _delete_file(job)
    job.status = status
    job.error = error
    job.link_error = link_error
    job.summary = summary or {}
    job.batch_id = batch_id
    job.rows_done = (summary or {}).get("rows_read", job.rows_done)
    job.finished_at = timezone.now()
    job.save()
    for kind in _JOB_FILES:
        (upload_folder() / f"{kind}-{job.pk}").unlink(missing_ok=True)


def _delete_file(job: ImportJob) -> None:
    if job.stored_path:
        Path(job.stored_path).unlink(missing_ok=True)
        job.stored_path = ""


def job_progress(job: ImportJob) -> int:
    """Rows read so far by a running import (whichever process runs it), else as stored."""
    try:
        return int(_progress_file(job.pk).read_text(encoding="ascii"))
    except (OSError, ValueError):
        return job.rows_done


def job_stage(job: ImportJob) -> str:
    """What the linking of a job's new records is doing now (whichever process runs it)."""
    try:
        return (upload_folder() / f"stage-{job.pk}").read_text(encoding="utf-8")
    except OSError:
        return ""


def report_job_stage(job_id: int, stage: str) -> None:
    """Tell every process serving pages what the linking of job ``job_id`` is doing."""
    path = upload_folder() / f"stage-{job_id}"
    partial = path.with_name(f"{path.name}.partial")
    _write_private(partial, stage)
    os.replace(partial, path)


def _progress_file(job_id: int) -> Path:
    return upload_folder() / f"progress-{job_id}"


def _owner_file(job_id: int) -> Path:
    """Names the process running the job (``tizim.core.processes``)."""
    return upload_folder() / f"owner-{job_id}"


def _write_private(path: Path, text: str) -> None:
    with os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w") as fh:
        fh.write(text)


INTERRUPTED = (
    "the import was interrupted: the server process running it stopped before it finished "
    "(a restart, a crash or lack of memory). Upload the list again; rows already imported are "
    "recognised as unchanged."
)


LINKING_INTERRUPTED = (
    "linking the new records was interrupted: the server process running it stopped. The "
    "rows are imported; link them again."
)
READING_INTERRUPTED = (
    "reading the list was interrupted: the server process reading it stopped before it "
    "finished (a restart, a crash or lack of memory). Upload the list again."
)
_UNDER_WAY = (
    ImportJob.Status.CHECKING,
    ImportJob.Status.QUEUED,
    ImportJob.Status.RUNNING,
    ImportJob.Status.LINKING,
)


def job_was_interrupted(job: ImportJob, *, at_start: bool = False) -> bool:
    """Whether a queued or running job's process has ended without finishing it. ``at_start``
    (the server starting, so no import of its own can be running yet) also counts a job whose
    owner is not recorded: confirmed by an older version, or its files lost."""
    if job.status not in _UNDER_WAY:
        return False
    try:
        owner = _owner_file(job.pk).read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return at_start
    except OSError:
        return False
    return process_is_gone(owner) is True


def fail_interrupted_job(job: ImportJob, *, at_start: bool = False) -> bool:
    """Mark ``job`` failed, with the reason, and remove its files if its process has ended
    without finishing it (``job_was_interrupted``). True when it was."""
    with transaction.atomic():
        job = ImportJob.objects.select_for_update().get(pk=job.pk)
        # Checked again under the lock: the import may have finished meanwhile.
        if not job_was_interrupted(job, at_start=at_start):
            return False
        if job.status == ImportJob.Status.LINKING:
            # The rows are in: only the linking stopped, and it can be started again.
            _finish(
                job,
                status=ImportJob.Status.DONE,
                summary=job.summary,
                batch_id=job.batch_id,
                link_error=LINKING_INTERRUPTED,
            )
            return True
        reading = job.status == ImportJob.Status.CHECKING
        _finish(
            job,
            status=ImportJob.Status.FAILED,
            error=READING_INTERRUPTED if reading else INTERRUPTED,
        )
        record_action(
            "import.interrupted", actor="tizim", object_type="import_job", object_id=job.pk
        )
    return True


def recover_interrupted_jobs(*, orphans_older_than: float = 3600.0) -> list[int]:
    """At server start: fail every job whose process has ended, and remove files in the
    uploads folder that no waiting or running job holds (left by a process killed between
    writing an upload and recording it) once older than ``orphans_older_than`` seconds.
    Returns the ids of the jobs failed."""
    failed = [
        job.pk
        for job in ImportJob.objects.filter(status__in=_UNDER_WAY)
        if fail_interrupted_job(job, at_start=True)
    ]
    active = ImportJob.objects.filter(status__in=(ImportJob.Status.PREVIEWED, *_UNDER_WAY))
    kept = {Path(p).name for p in active.values_list("stored_path", flat=True) if p}
    kept |= {f"{kind}-{pk}" for pk in active.values_list("pk", flat=True) for kind in _JOB_FILES}
    now = time.time()
    for path in upload_folder().iterdir():
        name = path.name.removesuffix(".partial")
        if name not in kept and path.is_file() and now - path.stat().st_mtime > orphans_older_than:
            path.unlink(missing_ok=True)
    return failed


_JOB_FILES = ("progress", "owner", "stage")


def report_job_progress(job_id: int, rows: int) -> None:
    """Tell every process serving pages how many rows the import of job ``job_id`` has read."""
    # Written aside and renamed, so a reader never sees a half-written number.
    path = _progress_file(job_id)
    partial = path.with_name(f"{path.name}.partial")
    _write_private(partial, str(rows))
    os.replace(partial, path)
