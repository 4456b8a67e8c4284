"""Staff pages of the Numbers domain. Thin: read through selectors, write through services,
render; charts come from ``pictures`` as files drawn once per change of their data."""

from __future__ import annotations

import datetime
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from tizim.accounts.access import require_perms
from tizim.accounts.roles import VIEW_AGGREGATES
from tizim.core.counting import CountRule, Measure, fates_of
from tizim.core.estimation import EstimationSettings
from tizim.core.places import place_name
from tizim.estimates import pictures, selectors, services, wording
from tizim.estimates.forms import CountsForm, EstimateForm
from tizim.estimates.models import EstimateRun
from tizim.registry.errors import RegistryError
from tizim.registry.labels import selector_label
from tizim.registry.models import Source

PAGE_SIZE = 50


@require_perms(VIEW_AGGREGATES)
def numbers(request: HttpRequest) -> HttpResponse:
    """Documented counts for a day by region or source, the claims beside them, and both
    over time."""
    sources = list(Source.objects.order_by("name").values_list("name", flat=True))
    form = CountsForm(request.GET or None, sources=sources)
    data = form.cleaned_data if form.is_valid() else {}
    people = selectors.person_facts()
    day = data.get("on") or selectors.default_day()
    measure = Measure(data.get("measure") or Measure.ON_DATE)
    known_by = data.get("known_by")
    by = data.get("by") or "region"
    source = data.get("source") or ""
    table = selectors.documented_counts(
        day, by=by, measure=measure, known_by=known_by, source=source, people=people
    )
    base = {"on": day.isoformat(), "measure": measure.value}
    if known_by:
        base["known_by"] = known_by.isoformat()
    if source:
        base["source"] = source
    rows = [
        {
            "label": place_name(row) if by == "region" else row,
            "cells": [
                (table.cell(row, s), _persons_url({**base, "selector": s, by: row}))
                if by != "none"
                else (table.cell(row, s), _persons_url({**base, "selector": s}))
                for s in table.selectors
            ],
        }
        for row in table.rows
    ]
    totals = [(table.totals[s], _persons_url({**base, "selector": s})) for s in table.selectors]
    claims = [
        {
            "item": item,
            "url": _persons_url(
                {
                    "selector": item.group,
                    "on": item.claim.as_of.isoformat(),
                    "measure": item.claim.measure,
                    **({"region": item.claim.region} if item.claim.region else {}),
                }
            )
            if item.group
            else "",
        }
        for item in selectors.claims_beside_counts(people)
    ]
    latest = selectors.latest_run("dead")
    series = [
        selectors.count_series("dead", measure=Measure.EVER, people=people),
        selectors.count_series("custody", measure=Measure.ON_DATE, people=people),
    ]
    return render(
        request,
        "estimates/numbers.html",
        {
            "form": form,
            "table": table,
            "headers": [(s, selector_label(s)) for s in table.selectors],
            "rows": rows,
            "totals": totals,
            "day": day,
            "measure": measure,
            "known_by": known_by,
            "claims": claims,
            "bars": pictures.counts_chart(table, "dead"),
            "series_charts": [
                pictures.series_chart(series[0], _("Deaths by each day: documented and claimed")),
                pictures.series_chart(
                    series[1], _("In custody on each day: documented and claimed")
                ),
            ],
            "latest_estimate": latest,
            "latest_sentence": _sentence(latest) if latest else "",
            # Analysts and partners see the counts, not the persons behind them.
            "can_see_persons": request.user.has_perm("registry.view_person"),
        },
    )


def _sentence(run: EstimateRun) -> str:
    """The run's lead in one sentence that can be quoted."""
    return wording.quotable_sentence(
        group=run.selector,
        observed=run.observed,
        lower=run.lower,
        upper=run.upper,
        method=run.recommended_method,
    )


def _persons_url(params: dict[str, str]) -> str:
    return reverse("estimates:persons") + "?" + urlencode(params)


@require_perms(VIEW_AGGREGATES, "registry.view_person")
def persons_behind(request: HttpRequest) -> HttpResponse:
    """The persons a count counts, with the rule that counted them."""
    selector = request.GET.get("selector", "")
    try:
        fates_of(selector)
        day = datetime.date.fromisoformat(request.GET.get("on", ""))
        measure = Measure(request.GET.get("measure", Measure.ON_DATE))
        known_text = request.GET.get("known_by", "")
        known_by = datetime.date.fromisoformat(known_text) if known_text else None
    except ValueError as error:
        raise Http404(f"not a count: {error}") from None
    rule = CountRule(selector, day, measure, known_by)
    region = request.GET.get("region", "")
    source = request.GET.get("source", "")
    ids, persons = selectors.persons_behind(rule, region=region, source=source)
    page = Paginator(ids, PAGE_SIZE).get_page(request.GET.get("page"))
    shown = {p.pk: p for p in persons.filter(pk__in=list(page.object_list))}
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "estimates/persons.html",
        {
            "rule": rule,
            "region": place_name(region) if region else "",
            "source": source,
            "count": len(ids),
            "page": page,
            "persons": [shown[pk] for pk in page.object_list if pk in shown],
            "query": query.urlencode(),
        },
    )


@require_perms("estimates.view_estimaterun")
def estimate_list(request: HttpRequest) -> HttpResponse:
    """Saved estimation runs; a form to run a new one."""
    form = EstimateForm(request.POST or None)
    if request.method == "POST":
        if not request.user.has_perm("estimates.add_estimaterun"):
            raise PermissionDenied("you may not run estimates")
        if form.is_valid():
            try:
                result = services.estimate_registry(
                    selector=form.cleaned_data["selector"],
                    by=form.cleaned_data["by"] or "",
                    as_of=form.cleaned_data["as_of"],
                    actor=request.user.get_username(),
                    settings=EstimationSettings(shape_check=form.shape_check()),
                )
            except RegistryError as error:
                messages.error(request, str(error))
            else:
                assert result.run is not None
                return redirect("estimates:estimate-detail", pk=result.run.pk)
    page = Paginator(selectors.estimate_runs(), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "estimates/estimate_list.html", {"form": form, "page": page})


@require_perms("estimates.view_estimaterun")
def estimate_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One run: every model side by side with its interval, the warnings, and per stratum
    the overlap of the lists it came from."""
    run = get_object_or_404(EstimateRun, pk=pk)
    label = selector_label(run.selector)
    strata = [_stratum(run, key, report, label) for key, report in run.strata.items()]
    return render(
        request,
        "estimates/estimate_detail.html",
        {
            "run": run,
            "label": label,
            "strata": strata,
            "totals": _own_warnings(
                run.totals, [] if run.stratified_by else run.report.get("warnings", [])
            ),
            "sentence": _sentence(run),
            "totals_chart": pictures.interval_chart(
                run.totals, _("Total estimate: %(what)s") % {"what": label}
            )
            if run.stratified_by
            else None,
            "strata_chart": pictures.strata_chart(
                run.strata, _("Per region: %(what)s") % {"what": label}
            )
            if run.stratified_by
            else None,
        },
    )


def _stratum(run: EstimateRun, key: str, report: dict[str, Any], label: str) -> dict[str, Any]:
    """One stratum's report (the whole table when the run is not stratified) as the page
    shows it: what it leads with and why, the warnings, each model and the charts, in words."""
    recommendation, reasons = wording.lead_in_words(report)
    return {
        "key": key,
        "name": place_name(key) if run.stratified_by == "region" else key,
        "report": report,
        "recommendation": recommendation,
        "reasons": reasons,
        "warnings": [
            {**w, "message": wording.warning_in_words(w)} for w in report.get("warnings", [])
        ],
        "estimates": _own_warnings(report.get("estimates", []), report.get("warnings", [])),
        "overlap_chart": pictures.overlap_chart(
            report, _("Overlap of the lists: %(what)s") % {"what": label}
        ),
        "interval_chart": pictures.interval_chart(
            report.get("estimates", []), _("Estimates: %(what)s") % {"what": label}
        ),
    }


def _own_warnings(
    estimates: list[dict[str, Any]], shared: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Estimates with only the warnings of their own model: the table's warnings are shown
    once above, not repeated in every row."""
    codes = {w.get("code") for w in shared}
    return [
        {
            **e,
            "warnings": [
                {**w, "message": wording.warning_in_words(w)}
                for w in e.get("warnings", [])
                if w.get("code") not in codes
            ],
            "method_words": wording.method_name(e.get("method", "")),
            "interval_words": wording.interval_name(e.get("interval_kind", "")),
            "settings_words": wording.settings_in_words(e.get("details") or {}),
        }
        for e in estimates
    ]
