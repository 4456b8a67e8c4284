"""Staff triage of reports from the public form: read the person's part, unseal the
reporter's part (reviewers, with the key unlocked at their login), reply, and turn the report
into a registry record or decline it. Every unseal and every file viewed is audited."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from tizim.accounts.access import require_perms
from tizim.intake import reports, selectors
from tizim.intake.forms import WHAT_HAPPENED_CHOICES
from tizim.intake.models import Report, ReportAttachment

WHAT_HAPPENED_LABELS = dict(WHAT_HAPPENED_CHOICES)


def _private_key(request: HttpRequest) -> bytes | None:
    from tizim.accounts.services import unlocked_private_key

    return unlocked_private_key(request)


@require_perms("intake.view_report")
def report_list(request: HttpRequest) -> HttpResponse:
    """Reports, newest first, by status (new by default)."""
    status = request.GET.get("status", Report.Status.NEW)
    found = Report.objects.filter(status=status) if status else Report.objects.all()
    page = Paginator(found.order_by("-id"), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "intake/triage_list.html",
        {
            "page": page,
            "status": status,
            "statuses": Report.Status.choices,
            "query": f"status={status}",
        },
    )


@never_cache
@require_perms("intake.view_report")
def report_detail(request: HttpRequest, public_id: str) -> HttpResponse:
    """A report: the person's part; the reporter's part when unsealed (POST, by a reviewer)."""
    report = get_object_or_404(Report, public_id=public_id)
    opened = None
    if request.method == "POST":
        if not request.user.has_perm("intake.unseal_report"):
            return HttpResponse(_("You may not unseal reports."), status=403)
        private_key = _private_key(request)
        if private_key is None:
            messages.error(request, _("Your key is locked: log out and in again to unlock it."))
        else:
            try:
                opened = reports.unseal_report(
                    report, private_key=private_key, actor=request.user.get_username()
                )
            except reports.ReportError as error:
                messages.error(request, str(error))
    return render(
        request,
        "intake/triage_detail.html",
        {
            "report": report,
            "what_happened": WHAT_HAPPENED_LABELS.get(report.what_happened, report.what_happened),
            "matches": selectors.likely_in_registry(report),
            "opened": opened,
            "can_unseal": request.user.has_perm("intake.unseal_report"),
            "can_triage": request.user.has_perm("intake.triage_report"),
        },
    )


@never_cache
@require_POST
@require_perms("intake.unseal_report")
def report_file(request: HttpRequest, public_id: str, attachment_id: int) -> HttpResponse:
    """A report's file, opened for a reviewer: the copy without metadata unless the original
    is asked for. Sent as a download, never shown inline."""
    attachment = get_object_or_404(ReportAttachment, pk=attachment_id, report__public_id=public_id)
    private_key = _private_key(request)
    if private_key is None:
        return HttpResponse(_("Your key is locked: log out and in again."), status=403)
    original = request.POST.get("original") == "1"
    data = reports.open_attachment(
        attachment, private_key=private_key, actor=request.user.get_username(), original=original
    )
    response = HttpResponse(data, content_type="application/octet-stream")
    response["Content-Disposition"] = (
        f'attachment; filename="{public_id}-{attachment.pk}{"-original" if original else ""}"'
    )
    return response


@require_POST
@require_perms("intake.triage_report")
def report_action(request: HttpRequest, public_id: str) -> HttpResponse:
    """Record, decline or reply to a report."""
    report = get_object_or_404(Report, public_id=public_id)
    actor = request.user.get_username()
    action = request.POST.get("action", "")
    try:
        if action == "record":
            record = reports.record_report(report, actor=actor)
            messages.success(
                request,
                _("Recorded as row %(row)s of %(source)s")
                % {"row": record.row_number, "source": reports.WEB_FORM_SOURCE}
                + (
                    " (" + _("quarantined: %(reason)s") % {"reason": record.quarantine_reason} + ")"
                    if record.quarantine_reason
                    else ""
                ),
            )
        elif action == "decline":
            reports.decline_report(report, actor=actor, reason=request.POST.get("reason", ""))
            messages.success(request, _("Declined; the report is kept, sealed."))
        elif action == "reply":
            reports.reply(report, text=request.POST.get("text", ""), actor=actor)
            messages.success(request, _("Reply sealed; the reporter reads it with their phrase."))
        else:
            messages.error(request, _("unknown action '%(action)s'") % {"action": action})
    except reports.ReportError as error:
        messages.error(request, str(error))
    return redirect("triage:detail", public_id=public_id)
