"""The public side: the report form, the receipt, and coming back with the receipt phrase.

No account, no cookie needed, no JavaScript, nothing from a third party; pages are never cached
(a receipt phrase on a shared computer's disk cache would undo it). Files stay in memory until
they are sealed. As SecureDrop separates its source interface from its journalist interface,
these pages share no template, link or navigation with the staff side.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.files.uploadhandler import MemoryFileUploadHandler
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from tizim.intake import reports
from tizim.intake.forms import FollowUpForm, MoreInformationForm, ReportForm
from tizim.intake.ratelimit import Breaker, SenderLimit
from tizim.serving import worker_share


@dataclass(frozen=True)
class FormLimits:
    """This process's limits on the public forms, each counted apart (``tizim.intake.ratelimit``,
    decision 0012): reports per sender, the breaker over all reports, follow-up requests per
    sender, and wrong receipt phrases per sender."""

    reports: SenderLimit
    breaker: Breaker
    follow_ups: SenderLimit
    wrong_phrases: SenderLimit


_limits: FormLimits | None = None


def limits() -> FormLimits:
    """The process's limits: its share of the settings' limits when several server processes
    share the load (``tizim.serving``)."""
    global _limits
    if _limits is None:
        _limits = FormLimits(
            reports=SenderLimit(worker_share(settings.REPORT_RATE_PER_SENDER)),
            breaker=Breaker(
                worker_share(settings.REPORT_RATE_OVERALL),
                pace_seconds=settings.REPORT_BUSY_PACE_SECONDS,
            ),
            follow_ups=SenderLimit(worker_share(settings.FOLLOW_UP_RATE_PER_SENDER)),
            wrong_phrases=SenderLimit(worker_share(settings.WRONG_PHRASES_PER_SENDER)),
        )
    return _limits


class InMemoryUploadHandler(MemoryFileUploadHandler):
    """Keeps every uploaded file in memory whatever its size (the request size is capped
    before this runs), so no unsealed file ever reaches a temporary file on disk."""

    def handle_raw_input(self, *args: Any, **kwargs: Any) -> None:
        super().handle_raw_input(*args, **kwargs)
        self.activated = True


TRY_AGAIN = gettext_lazy(
    "Your report could not be saved just now, and nothing of it was kept. "
    "Please send it again in a few minutes (choose the files again)."
)
BEING_FILED = gettext_lazy(
    "Your report was received and is still being filed. "
    "Come back in a few minutes to read replies or add information."
)
BUSY = gettext_lazy(
    "Very many reports are arriving right now, and yours could not be taken yet; nothing of it "
    "was kept. Please send it again in a few minutes (choose the files again)."
)
# How often a process tries again to move waiting reports into the database.
FILING_RETRY_SECONDS = 2.0
_filer: threading.Thread | None = None
_filer_lock = threading.Lock()
_log = logging.getLogger(__name__)


def file_waiting_reports_soon() -> None:
    """Start this process's filer if reports wait in the spool and none is running: a thread
    that moves them into the database as soon as it takes them (``reports.file_waiting_reports``)
    and stops when none is left."""
    global _filer
    with _filer_lock:
        if _filer is not None or not reports.report_spool().waiting():
            return
        _filer = threading.Thread(target=_keep_filing, name="tizim-report-filer", daemon=True)
        _filer.start()


def _keep_filing() -> None:
    global _filer
    try:
        while True:
            time.sleep(FILING_RETRY_SECONDS)
            try:
                reports.file_waiting_reports()
            except Exception as error:  # a damaged database must not end the retries
                # The kind of error only: no count or time of reports reaches a log.
                _log.warning("reports waiting to be filed: %s", type(error).__name__)
            with _filer_lock:
                if not reports.report_spool().waiting():
                    _filer = None
                    return
    finally:
        connection.close()
        with _filer_lock:
            if _filer is threading.current_thread():
                _filer = None


def _sender(request: HttpRequest) -> str:
    # Used only inside the rate limiter's keyed hash, in memory; never stored or logged.
    return str(request.META.get("REMOTE_ADDR", ""))


def _refuse(request: HttpRequest, status: int, message: str) -> HttpResponse:
    return render(request, "intake/report_refused.html", {"message": message}, status=status)


@never_cache
@csrf_exempt
def report(request: HttpRequest) -> HttpResponse:
    """The public report form."""
    if request.method == "POST":
        length = int(request.META.get("CONTENT_LENGTH") or 0)
        if length > settings.REPORT_MAX_REQUEST_BYTES:
            return _refuse(
                request,
                413,
                _("The report is too large: send at most 5 files of 20 MB each."),
            )
        # The upload handler can only be replaced before CSRF reads the body.
        request.upload_handlers = [InMemoryUploadHandler(request)]
    return _report(request)


@dataclass(frozen=True)
class About:
    """The published person a report is about, as the public site shows them."""

    public_id: str
    name: str


def _about(public_id: str) -> About | None:
    """The published person with this public id, or None (never published, withdrawn, or no
    such id): the form names only what the public site already shows."""
    from tizim.publish.selectors import NotPublished, public_person

    if not public_id or len(public_id) > 16:
        return None
    try:
        person = public_person(public_id)
    except NotPublished:
        return None
    return About(person.public_id, person.name)


@csrf_protect
def _report(request: HttpRequest) -> HttpResponse:
    about = _about(str(request.POST.get("about") or request.GET.get("about") or "").strip())
    initial = {"about": about.public_id, "person_name": about.name} if about else {}
    form = ReportForm(request.POST or None, request.FILES or None, initial=initial)
    context: dict[str, Any] = {"form": form, "about": about}
    if request.method == "POST" and form.is_valid():
        sender = _sender(request)
        if not limits().reports.allow(sender):
            return _refuse(
                request,
                429,
                _("Too many reports were sent from here in the last hour. Please try later."),
            )
        if limits().breaker.admit() is None:
            limits().reports.uncount(sender)
            form.add_error(None, BUSY)
            return render(request, "intake/report_form.html", context, status=503)
        data = form.cleaned_data
        files = [
            reports.IncomingFile(name=f.name or "file", data=f.read()) for f in data["attachments"]
        ]
        try:
            received, phrase = reports.submit_report(
                person=reports.PersonPart(
                    name=data["person_name"],
                    age=data["person_age"],
                    place=data["person_place"],
                    what_happened=data["what_happened"],
                    event_date=data["event_date"],
                    held_or_last_seen=data["held_or_last_seen"],
                    about_person=about.public_id if about else "",
                ),
                reporter=reports.ReporterPart(
                    relationship=data["relationship"],
                    name=data["reporter_name"],
                    contact=data["contact"],
                    testimony=data["testimony"],
                ),
                files=files,
                language=get_language() or "",
            )
        except reports.ReportError as error:
            form.add_error(None, str(error))
        except (reports.ReportNotSaved, DatabaseError):
            # Nothing of it was kept (submit_report removes what it wrote): say so, and keep
            # what they typed on the page so that sending again costs them little.
            form.add_error(None, TRY_AGAIN)
            return render(request, "intake/report_form.html", context, status=503)
        else:
            file_waiting_reports_soon()
            return render(
                request,
                "intake/report_received.html",
                {"phrase": phrase, "report": received},
            )
    status = 400 if request.method == "POST" else 200
    return render(request, "intake/report_form.html", context, status=status)


@never_cache
def follow_up(request: HttpRequest) -> HttpResponse:
    """Come back with the receipt phrase: read replies, add information."""
    if request.method != "POST":
        return render(request, "intake/report_follow_up.html", {"form": FollowUpForm()})
    sender = _sender(request)
    if not limits().follow_ups.allow(sender):
        return _refuse(request, 429, _("Too many attempts from here. Please try later."))
    if limits().wrong_phrases.reached(sender):
        return _refuse(
            request, 429, _("Too many wrong receipt phrases were sent from here. Please try later.")
        )
    adding = "text" in request.POST
    form: FollowUpForm | MoreInformationForm = (
        MoreInformationForm(request.POST) if adding else FollowUpForm(request.POST)
    )
    if not form.is_valid():
        return render(request, "intake/report_follow_up.html", {"form": form}, status=400)
    phrase = form.cleaned_data["phrase"]
    found = reports.find_by_phrase(phrase)
    if found is None and reports.waiting_report(phrase):
        file_waiting_reports_soon()
        form.add_error(None, BEING_FILED)
        return render(request, "intake/report_follow_up.html", {"form": form}, status=202)
    if found is None:
        limits().wrong_phrases.count(sender)
        form.add_error(None, _("No report has this receipt phrase. Check the words and try again."))
        return render(request, "intake/report_follow_up.html", {"form": form}, status=404)
    added = False
    if adding:
        reports.add_reporter_message(found, phrase, form.cleaned_data["text"])
        added = True
    opened = reports.reporter_view(found, phrase)
    return render(
        request,
        "intake/report_thread.html",
        {
            "opened": opened,
            "added": added,
            "more": MoreInformationForm(initial={"phrase": phrase}),
        },
    )
