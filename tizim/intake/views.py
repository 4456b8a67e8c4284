"""Staff pages for uploading lists. Thin: forms in, services do the work."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tizim.accounts.access import require_perms
from tizim.intake import selectors, services
from tizim.intake.forms import UploadForm
from tizim.intake.models import ImportJob


@require_perms("intake.add_importjob")
def upload(request: HttpRequest) -> HttpResponse:
    """Upload a list; it is previewed as a dry run before anything is written."""
    # A source just added from this page comes back chosen (?source=NAME).
    form = UploadForm(
        request.POST or None,
        request.FILES or None,
        initial={"source": request.GET.get("source", "")},
    )
    mapping = ""  # for a list refused for want of a name column: a mapping to start from
    if request.method == "POST" and form.is_valid():
        uploaded = form.cleaned_data["file"]
        try:
            job = services.stage_upload(
                name=uploaded.name,
                chunks=uploaded.chunks(),
                source_name=form.cleaned_data["source"].name,
                user=request.user,
                obtained_on=form.cleaned_data["obtained_on"],
                sheet=form.cleaned_data["sheet"].strip(),
            )
        except services.IntakeError as exc:
            form.add_error("file", str(exc))
            mapping = exc.mapping
        else:
            return redirect("intake:job", job_id=job.pk)
    context = {"form": form, "jobs": selectors.recent_jobs(20), "mapping": mapping}
    return render(request, "intake/upload.html", context)


@require_perms("intake.view_importjob")
def job(request: HttpRequest, job_id: int) -> HttpResponse:
    """An upload: its preview, the progress of its import, or what the import did."""
    item = get_object_or_404(ImportJob.objects.select_related("source"), pk=job_id)
    if services.job_was_interrupted(item) and services.fail_interrupted_job(item):
        item.refresh_from_db()
    running = item.status in (
        ImportJob.Status.CHECKING,
        ImportJob.Status.QUEUED,
        ImportJob.Status.RUNNING,
        ImportJob.Status.LINKING,
    )
    done = services.job_progress(item) if running else item.rows_done
    percent = min(99, int(100 * done / item.rows_total)) if running and item.rows_total else 0
    stage = services.job_stage(item) if item.status == ImportJob.Status.LINKING else ""
    return render(
        request,
        "intake/job.html",
        {"job": item, "running": running, "rows_done": done, "percent": percent, "stage": stage},
    )


@require_perms("intake.add_importjob")
@require_POST
def confirm(request: HttpRequest, job_id: int) -> HttpResponse:
    item = get_object_or_404(ImportJob, pk=job_id)
    try:
        services.confirm_job(item, user=request.user)
    except services.IntakeError as exc:
        messages.error(request, str(exc))
    return redirect("intake:job", job_id=item.pk)


@require_perms("intake.add_importjob")
@require_POST
def link(request: HttpRequest, job_id: int) -> HttpResponse:
    """Link the records of an import whose linking failed or was skipped."""
    item = get_object_or_404(ImportJob, pk=job_id)
    try:
        services.relink_job(item, user=request.user)
    except services.IntakeError as exc:
        messages.error(request, str(exc))
    return redirect("intake:job", job_id=item.pk)


@require_perms("intake.add_importjob")
@require_POST
def discard(request: HttpRequest, job_id: int) -> HttpResponse:
    item = get_object_or_404(ImportJob, pk=job_id)
    try:
        services.discard_job(item, user=request.user)
        messages.info(
            request,
            _("%(name)s discarded: nothing was imported.") % {"name": item.original_name},
        )
    except services.IntakeError as exc:
        messages.error(request, str(exc))
    return redirect("intake:upload")
