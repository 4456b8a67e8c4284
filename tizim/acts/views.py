"""Staff pages of acts, facilities, events and evidence. Thin: read through selectors, write
through services (which check permissions again and audit), render.

Sealed parts (officers' names, evidence) are opened only on a POST by a user with the
permission whose key is unlocked in this session; each opening is audited. Pages that show
opened material are never cached.
"""

from __future__ import annotations

import base64
import csv
import datetime
import io
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.files.uploadhandler import MemoryFileUploadHandler
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from tizim.accounts.access import require_perms
from tizim.accounts.roles import VIEW_AGGREGATES
from tizim.acts import exports, selectors, services
from tizim.acts.forms import (
    ActFilterForm,
    ActForm,
    CountsForm,
    EventForm,
    EvidenceForm,
    ShareForm,
)
from tizim.acts.labels import page_language
from tizim.acts.models import Act, Event, Evidence, Facility
from tizim.audit.services import record_action
from tizim.charts.files import show
from tizim.core.acts.matching import parse_act_types, parse_facility_kind, parse_unit
from tizim.core.cells import neutralise_csv_cells
from tizim.core.charts import Bars, Words
from tizim.core.places import fold_place, place_name
from tizim.registry.models import Person

PAGE_SIZE = 50


def _key(request: HttpRequest) -> tuple[str, bytes] | None:
    """(recipient id, private key) of this session, or None when the key is locked."""
    from tizim.accounts.selectors import recipient_id
    from tizim.accounts.services import unlocked_private_key

    private_key = unlocked_private_key(request)
    if private_key is None:
        return None
    return recipient_id(request.user.get_username()), private_key


def _person(public_id: str) -> Person:
    try:
        return Person.objects.get(public_id=public_id)
    except Person.DoesNotExist:
        raise Http404("no such person") from None


# --- lists -----------------------------------------------------------------------------------


@require_perms("acts.view_act", "registry.view_person")
def act_list(request: HttpRequest) -> HttpResponse:
    """Acts filtered by act type, force, facility, kind of facility, place and dates."""
    form = ActFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    place = ""
    if data.get("place"):
        found = fold_place(data["place"])
        place = found.code if found else "-"
    acts = selectors.filtered_acts(
        selectors.ActFilter(
            act_type=data.get("act_type") or "",
            unit_kind=data.get("unit_kind") or "",
            facility=data.get("facility"),
            facility_kind=data.get("facility_kind") or "",
            place=place,
            start=data.get("start"),
            end=data.get("end"),
        )
    )
    page = Paginator(acts, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "acts/act_list.html",
        {
            "form": form,
            "page": page,
            "count": page.paginator.count,
            "query": query.urlencode(),
            "unknown_place": place == "-",
        },
    )


# --- the case file ---------------------------------------------------------------------------


@never_cache
@require_perms("acts.view_act", "registry.view_person")
def case_file(request: HttpRequest, public_id: str) -> HttpResponse:
    """A person's case file: the timeline of fates and acts, evidence, sources. A POST by a
    user who may unseal opens the sealed perpetrators of the person's acts (audited)."""
    person = _person(public_id)
    opened: dict[int, services.SealedPerpetrator] = {}
    if request.method == "POST":
        if not request.user.has_perm("acts.view_sealed_perpetrator"):
            raise PermissionDenied("your role may not see sealed perpetrators")
        key = _key(request)
        if key is None:
            messages.error(request, _("Your key is locked: log out and in again to unlock it."))
        else:
            for act in selectors.acts_of(person).exclude(sealed_perpetrator=None):
                if not act.has_sealed_perpetrator:
                    continue
                try:
                    opened[act.pk] = services.unseal_perpetrator(
                        act, recipient=key[0], private_key=key[1], actor=request.user
                    )
                except services.ActsError as error:
                    messages.error(
                        request, _("act %(act)s: %(error)s") % {"act": act.pk, "error": error}
                    )
    entries = selectors.timeline(person)
    return render(
        request,
        "acts/case_file.html",
        {
            "person": person,
            "timeline": [
                {"entry": e, "opened": opened.get(e.act.pk) if e.act else None} for e in entries
            ],
            "n_acts": sum(1 for e in entries if e.kind == "act"),
            "evidence": list(selectors.evidence_of(person)),
            "sources": selectors.sources_of(person),
            "has_sealed": any(e.act and e.act.has_sealed_perpetrator for e in entries),
            "can_unseal": request.user.has_perm("acts.view_sealed_perpetrator"),
            "opened_any": bool(opened),
        },
    )


# --- the act form ----------------------------------------------------------------------------


def _citations(data: dict[str, Any]) -> list[services.Citation]:
    return [services.Citation(source, data.get("citation") or "") for source in data["sources"]]


def _act_arguments(data: dict[str, Any]) -> dict[str, Any]:
    return {
        "act_type": data["act_type"],
        "start": data.get("when"),
        "end": data.get("until"),
        "place_text": data.get("place") or "",
        "facility": data.get("facility"),
        "unit_kind": data["unit_kind"],
        "unit": data.get("unit"),
        "event": data.get("event"),
        "description": data.get("description") or "",
        "confidence": data["confidence"],
        "perpetrator": services.SealedPerpetrator(
            officers=data.get("officers") or "", note=data.get("sealed_note") or ""
        ),
    }


def _suggest(request: HttpRequest) -> dict[str, Any]:
    """Initial values proposed from a pasted passage of testimony (for the person to check)."""
    text = request.POST.get("testimony", "")
    proposed: dict[str, Any] = {
        k: v for k, v in request.POST.items() if k not in ("csrfmiddlewaretoken",)
    }
    found = parse_act_types(text)
    if found:
        proposed["act_type"] = found[0].code.value
    unit = parse_unit(text)
    if unit is not None:
        proposed["unit_kind"] = unit.value
    kind = parse_facility_kind(text)
    if kind is not None and not proposed.get("facility"):
        match = Facility.objects.filter(kind=kind.value).first()
        if match is not None:
            proposed["facility"] = str(match.pk)
    return proposed


@never_cache
@require_perms("acts.add_act", "registry.view_person")
def act_add(request: HttpRequest, public_id: str) -> HttpResponse:
    """Record an act done to a person: fast to fill, with suggestions from pasted testimony."""
    person = _person(public_id)
    suggestions: list[str] = []
    if request.method == "POST" and "suggest" in request.POST:
        proposed = _suggest(request)
        text = request.POST.get("testimony", "")
        suggestions = [
            f"{m.code.label(page_language())} (“{m.matched}”)" for m in parse_act_types(text)
        ]
        form = ActForm(initial=proposed)
        form.fields["sources"].initial = request.POST.getlist("sources")
    elif request.method == "POST":
        form = ActForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                act = services.record_act(
                    person, citations=_citations(data), actor=request.user, **_act_arguments(data)
                )
            except services.ActsError as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request,
                    _("Act recorded: %(act)s (%(when)s).")
                    % {"act": act.act_type_enum.label(page_language()), "when": act.when},
                )
                if "another" in request.POST:
                    keep = {
                        "sources": [str(s.pk) for s in data["sources"]],
                        "event": data["event"].pk if data.get("event") else "",
                        "citation": data.get("citation") or "",
                        "confidence": data["confidence"],
                    }
                    query = "&".join(
                        f"{k}={v}"
                        for k, vs in keep.items()
                        for v in (vs if isinstance(vs, list) else [vs])
                        if v != ""
                    )
                    return redirect(reverse("acts:act-add", args=[public_id]) + "?" + query)
                return redirect("acts:case-file", public_id=public_id)
    else:
        initial: dict[str, Any] = {
            k: request.GET.get(k) for k in ("event", "citation", "confidence") if request.GET.get(k)
        }
        if request.GET.getlist("sources"):
            initial["sources"] = request.GET.getlist("sources")
        form = ActForm(initial=initial)
    return render(
        request,
        "acts/act_form.html",
        {"form": form, "person": person, "suggestions": suggestions, "act": None},
    )


@never_cache
@require_perms("acts.view_act", "registry.view_person")
def act_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One act with its sources and evidence."""
    act = get_object_or_404(
        Act.objects.select_related("person", "facility", "unit", "event"), pk=pk
    )
    return render(
        request,
        "acts/act_detail.html",
        {
            "act": act,
            "citations": list(act.citations.select_related("source", "record")),
            "evidence": list(act.evidence.all()),
        },
    )


@never_cache
@require_perms("acts.change_act", "registry.view_person")
def act_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Correct an act. Leaving the sealed fields blank keeps what was sealed."""
    act = get_object_or_404(Act, pk=pk)
    if request.method == "POST":
        form = ActForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.change_act(
                    act, citations=_citations(data), actor=request.user, **_act_arguments(data)
                )
            except services.ActsError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("Act corrected."))
                return redirect("acts:act-detail", pk=act.pk)
    else:
        form = ActForm(
            initial={
                "act_type": act.act_type,
                "when": str(act.start) if act.start else "",
                "until": str(act.end) if act.end else "",
                "place": act.place_text or (place_name(act.place_code) if act.place_code else ""),
                "facility": act.facility_id,
                "unit_kind": act.unit_kind,
                "unit": act.unit_id,
                "event": act.event_id,
                "sources": [c.source_id for c in act.citations.all()],
                "citation": next((c.citation for c in act.citations.all() if c.citation), ""),
                "confidence": act.confidence,
                "description": act.description,
            }
        )
    return render(
        request,
        "acts/act_form.html",
        {"form": form, "person": act.person, "suggestions": [], "act": act},
    )


# --- evidence --------------------------------------------------------------------------------


class _InMemoryUploads(MemoryFileUploadHandler):
    """Keeps an uploaded file in memory whatever its size, so no unsealed evidence reaches a
    temporary file on disk (threat model P2)."""

    def handle_raw_input(self, *args: Any, **kwargs: Any) -> None:
        super().handle_raw_input(*args, **kwargs)
        self.activated = True


@never_cache
@csrf_exempt
def evidence_add(request: HttpRequest, public_id: str) -> HttpResponse:
    """Upload an evidence file about a person (or one of their acts)."""
    if request.method == "POST":
        if int(request.META.get("CONTENT_LENGTH") or 0) > services.MAX_EVIDENCE_BYTES + 65536:
            return HttpResponse(_("The file is too large."), status=413)
        # Replaced before CSRF reads the body (the checked view below is csrf_protect).
        request.upload_handlers = [_InMemoryUploads(request)]
    return _evidence_add(request, public_id)


@csrf_protect
@require_perms("acts.add_evidence", "registry.view_person")
def _evidence_add(request: HttpRequest, public_id: str) -> HttpResponse:
    person = _person(public_id)
    form = EvidenceForm(request.POST or None, request.FILES or None, person=person)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        upload = data["file"]
        try:
            evidence = services.add_evidence(
                upload.read(),
                filename=upload.name or "file",
                act=data.get("act"),
                person=None if data.get("act") else person,
                kind=data["kind"],
                captured=data.get("captured"),
                capture_place_text=data.get("capture_place") or "",
                collected_by=data.get("collected_by") or "",
                note=data.get("note") or "",
                actor=request.user,
            )
        except services.ActsError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("Evidence %(id)s received, sealed and logged.") % {"id": evidence.public_id},
            )
            return redirect("acts:case-file", public_id=public_id)
    return render(request, "acts/evidence_form.html", {"form": form, "person": person})


@never_cache
@require_perms("acts.view_evidence", "registry.view_person")
def evidence_detail(request: HttpRequest, public_id: str) -> HttpResponse:
    """An evidence file: what is in the clear and its chain of custody; a POST opens the
    viewing copy (custody ``viewed``), downloads the original (``copied``) or records that a
    copy was shared."""
    evidence = get_object_or_404(
        Evidence.objects.select_related("act__person", "person"), public_id=public_id
    )
    opened = None
    image = ""
    share_form = ShareForm()
    if request.method == "POST":
        action = request.POST.get("action", "")
        if action == "share":
            share_form = ShareForm(request.POST)
            if share_form.is_valid():
                services.record_sharing(
                    evidence,
                    shared_with=share_form.cleaned_data["shared_with"],
                    note=share_form.cleaned_data["note"],
                    actor=request.user,
                )
                messages.success(request, _("Sharing recorded in the chain of custody."))
                return redirect("acts:evidence-detail", public_id=public_id)
        else:
            key = _key(request)
            if key is None:
                messages.error(request, _("Your key is locked: log out and in again to unlock it."))
            else:
                try:
                    if action == "original":
                        data, _meta = services.copy_original(
                            evidence, recipient=key[0], private_key=key[1], actor=request.user
                        )
                        response = HttpResponse(data, content_type="application/octet-stream")
                        response["Content-Disposition"] = (
                            f'attachment; filename="{evidence.public_id}-original"'
                        )
                        return response
                    opened = services.view_evidence(
                        evidence, recipient=key[0], private_key=key[1], actor=request.user
                    )
                    if opened.viewing is not None:
                        image = f"data:{opened.viewing_mime};base64," + base64.b64encode(
                            opened.viewing
                        ).decode("ascii")
                except services.ActsError as error:
                    messages.error(request, str(error))
    return render(
        request,
        "acts/evidence_detail.html",
        {
            "evidence": evidence,
            "subject": evidence.subject,
            "custody": list(evidence.custody.all()),
            "opened": opened,
            "image": image,
            "share_form": share_form,
        },
    )


# --- facilities and events -------------------------------------------------------------------


@require_perms("acts.view_facility")
def facility_list(request: HttpRequest) -> HttpResponse:
    return render(
        request, "acts/facility_list.html", {"facilities": selectors.facilities_with_counts()}
    )


@require_perms("acts.view_facility", "acts.view_act", "registry.view_person")
def facility_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """Who was held there, and what was reported there."""
    facility = get_object_or_404(Facility, slug=slug)
    return render(
        request,
        "acts/facility_detail.html",
        {"facility": facility, **selectors.facility_summary(facility)},
    )


@require_perms("acts.view_event")
def event_list(request: HttpRequest) -> HttpResponse:
    form = EventForm(request.POST or None)
    if request.method == "POST":
        if not request.user.has_perm("acts.add_event"):
            raise PermissionDenied("your role may not add events")
        if form.is_valid():
            data = form.cleaned_data
            try:
                event = services.create_event(
                    data["title"],
                    start=data.get("when"),
                    end=data.get("until"),
                    place_text=data.get("place") or "",
                    facility=data.get("facility"),
                    description=data.get("description") or "",
                    actor=request.user,
                )
            except services.ActsError as error:
                form.add_error(None, str(error))
            else:
                return redirect("acts:event-detail", pk=event.pk)
    events = Event.objects.select_related("facility").order_by("start_earliest", "title")
    return render(request, "acts/event_list.html", {"events": events, "form": form})


@require_perms("acts.view_event", "acts.view_act", "registry.view_person")
def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(Event.objects.select_related("facility"), pk=pk)
    acts = event.acts.select_related("person", "facility", "unit").order_by("start_earliest", "id")
    return render(request, "acts/event_detail.html", {"event": event, "acts": acts})


# --- counts and export -----------------------------------------------------------------------


@require_perms(VIEW_AGGREGATES)
def counts(request: HttpRequest) -> HttpResponse:
    """Acts by act type × force × facility × date × place: a table, a bar chart, and the same
    counts as CSV (aggregates only; the person-level export needs its own permission)."""
    form = CountsForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    by = tuple(data.get("by") or ("act_group", "facility"))
    start, end = data.get("start"), data.get("end")
    language = data.get("language") or page_language()
    rows = selectors.act_counts(by, start, end, language=language)
    headers = [str(selectors.DIMENSION_LABELS[d]) for d in by]
    if request.GET.get("format") == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow([*by, *(f"{d}_label" for d in by), "acts", "persons"])
        for row in rows:
            writer.writerow(neutralise_csv_cells([*row.key, *row.labels, row.acts, row.persons]))
        response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="tizim-act-counts.csv"'
        return response
    total_acts, total_persons = selectors.total_acts(start, end)
    chart_rows = tuple((" · ".join(row.labels), float(row.acts)) for row in rows[:25])
    title = _("Acts by %(by)s (largest 25)") % {"by": " × ".join(headers)}
    chart = show(
        Bars(Words(title, no_data=_("No acts recorded")), chart_rows, _("acts")), area="staff"
    )
    return render(
        request,
        "acts/counts.html",
        {
            "form": form,
            "rows": rows,
            "headers": headers,
            "chart": chart,
            "total_acts": total_acts,
            "total_persons": total_persons,
            "csv_query": (request.GET.urlencode() + "&" if request.GET else "") + "format=csv",
            "can_export": request.user.has_perm("acts.export_acts"),
        },
    )


@require_POST
@require_perms("acts.export_acts")
def export(request: HttpRequest) -> HttpResponse:
    """The person-level acts export (CSV or JSON with the data dictionary); audited."""
    fmt = request.POST.get("format", "csv")
    if fmt not in exports.FORMATS:
        raise Http404("no such format")
    text, count = exports.export_text(fmt)
    record_action(
        "acts.export",
        actor=request.user.get_username(),
        details={"rows": count, "format": fmt},
    )
    content_type = "text/csv" if fmt == "csv" else "application/json"
    response = HttpResponse(text, content_type=f"{content_type}; charset=utf-8")
    day = datetime.date.today().isoformat()
    response["Content-Disposition"] = f'attachment; filename="tizim-acts-{day}.{fmt}"'
    return response
