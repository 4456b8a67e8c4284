"""Staff pages of the registry. Thin: read through selectors, render."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from tizim.accounts.access import require_perms
from tizim.accounts.roles import VIEW_AGGREGATES
from tizim.core.rows import PARSED_FIELDS
from tizim.registry import selectors
from tizim.registry.edit_views import person_tools
from tizim.registry.forms import PersonFilterForm
from tizim.registry.labels import field_label, field_value
from tizim.registry.models import Claim, Person, Source

PAGE_SIZE = 50


@require_perms("registry.view_person")
def person_list(request: HttpRequest) -> HttpResponse:
    """Persons, searchable by name and filterable by fate, place and source."""
    source_names = list(Source.objects.values_list("name", flat=True))
    form = PersonFilterForm(request.GET or None, sources=source_names)
    flt = selectors.PersonFilter()
    if form.is_valid():
        flt = selectors.PersonFilter(
            query=form.cleaned_data["q"].strip(),
            fate=form.cleaned_data["fate"],
            place=form.cleaned_data["place"].strip(),
            source=form.cleaned_data["source"],
        )
    page = Paginator(selectors.search_persons(flt), PAGE_SIZE).get_page(request.GET.get("page"))
    summaries = selectors.person_summaries(page.object_list)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "registry/person_list.html",
        {
            "form": form,
            "page": page,
            "rows": [(person, summaries[person.pk]) for person in page.object_list],
            "query": query.urlencode(),
        },
    )


@require_perms("registry.view_person", "registry.view_record")
def person_detail(request: HttpRequest, public_id: str) -> HttpResponse:
    """A person: the fate timeline and every source record side by side."""
    try:
        person = selectors.person_case(public_id)
    except Person.DoesNotExist:
        raise Http404("no such person") from None
    records = list(person.records.all())
    rows = [
        (field_label(name), [field_value(name, getattr(r, name)) for r in records])
        for name in ("source_record_id", *PARSED_FIELDS)
    ]
    return render(
        request,
        "registry/person_detail.html",
        {
            "person": person,
            "records": records,
            "n_sources": len({r.source_id for r in records}),
            "rows": rows,
            "events": list(person.fate_events.all()),
            "memberships": list(person.memberships.all()),
            **person_tools(request, person),
        },
    )


@require_perms("registry.view_source")
def source_list(request: HttpRequest) -> HttpResponse:
    """Sources with their record, quarantine and person counts."""
    return render(
        request, "registry/source_list.html", {"sources": selectors.sources_with_counts()}
    )


@require_perms("registry.view_record")
def quarantine_list(request: HttpRequest) -> HttpResponse:
    """Rows kept aside, with the reason each could not be used."""
    source = request.GET.get("source", "")
    page = Paginator(selectors.quarantined_records(source), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "registry/quarantine_list.html", {"page": page, "source": source})


@require_perms(VIEW_AGGREGATES)
def claim_list(request: HttpRequest) -> HttpResponse:
    """Figures stated by others, with their status and source."""
    claims = Claim.objects.select_related("source").order_by("as_of", "claimant")
    return render(request, "registry/claim_list.html", {"claims": claims})
