"""Staff views of linkage: thin wrappers over selectors and services."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tizim.accounts.access import require_perms
from tizim.core.linkage.explanations import percent
from tizim.linkage import selectors, services
from tizim.linkage.forms import VerdictForm
from tizim.linkage.models import CandidatePair, PairDecision
from tizim.registry.errors import RegistryError


@require_perms("linkage.view_candidatepair")
def review_queue(request: HttpRequest) -> HttpResponse:
    """Pairs waiting for a reviewer, most informative first."""
    page = Paginator(selectors.pending_pairs(), 50).get_page(request.GET.get("page"))
    return render(request, "linkage/queue.html", {"page": page})


@require_perms("linkage.view_candidatepair")
def review_next(request: HttpRequest) -> HttpResponse:
    """Go to the most informative pending pair (or back to the empty queue)."""
    candidate = selectors.next_pending()
    if candidate is None:
        messages.info(request, _("The review queue is empty."))
        return redirect("linkage:queue")
    return redirect("linkage:pair", pk=candidate.pk)


@require_perms("linkage.view_candidatepair", "registry.view_record")
def review_pair(request: HttpRequest, pk: int) -> HttpResponse:
    """One pair side by side with each field's weight; accept, reject or mark unsure."""
    candidate = get_object_or_404(
        CandidatePair.objects.select_related(
            "record_a__source", "record_b__source", "record_a__person", "record_b__person"
        ),
        pk=pk,
    )
    form = VerdictForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            try:
                services.decide_pair(
                    candidate.record_a_id,
                    candidate.record_b_id,
                    form.cleaned_data["verdict"],
                    actor=request.user,
                    note=form.cleaned_data["note"],
                )
            except RegistryError as error:
                messages.error(request, str(error))
                return redirect("linkage:pair", pk=pk)
            messages.success(
                request,
                _("Recorded: %(verdict)s.")
                % {"verdict": PairDecision.Verdict(form.cleaned_data["verdict"]).label},
            )
            following = selectors.next_pending(after=candidate)
            if following is None:
                return redirect("linkage:queue")
            return redirect("linkage:pair", pk=following.pk)
        messages.error(request, _("Choose same, different or unsure."))
    return render(
        request,
        "linkage/pair.html",
        {
            "candidate": candidate,
            "rows": selectors.side_by_side(candidate),
            "percent": percent(candidate.probability),
            "why_queued": selectors.why_queued_in_words(candidate),
            "same_person": candidate.record_a.person_id == candidate.record_b.person_id,
            "remaining": selectors.pending_pairs().count(),
            "form": form,
        },
    )


@require_perms("linkage.view_linkrun")
def run_list(request: HttpRequest) -> HttpResponse:
    """Linkage runs with their settings, counts and notes."""
    return render(request, "linkage/runs.html", {"runs": selectors.recent_runs()})


@require_perms("linkage.view_pairdecision")
def decision_list(request: HttpRequest) -> HttpResponse:
    """Reviewers' decisions, newest first, each one withdrawable."""
    page = Paginator(selectors.decisions(), 50).get_page(request.GET.get("page"))
    return render(request, "linkage/decisions.html", {"page": page})


@require_perms("linkage.view_pairdecision", "linkage.add_pairdecision")
@require_POST
def withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    """Take a decision back (its merge or split is undone)."""
    decision = get_object_or_404(PairDecision, pk=pk)
    try:
        services.withdraw_decision(decision, actor=request.user)
    except RegistryError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Decision #%(pk)s withdrawn.") % {"pk": pk})
    return redirect("linkage:decisions")
