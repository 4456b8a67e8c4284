"""Public pages (under /kk/, /ru/, /en/): home, lists, person pages, search, statistics, about,
methodology, open data. Thin: everything person-level is read through
``selectors.published_persons`` and ``selectors.public_view``.

No page needs JavaScript, loads anything from another origin, or may be kept by a browser or
proxy cache (``never_cache``): a withdrawn person must be gone from the next view, and a
visitor's phone should keep no copy of what they read.
"""

from __future__ import annotations

import json
from typing import Any

from django import forms
from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse, translate_url
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from tizim.core.places import GAZETTEER, place_name
from tizim.publish import exports, pictures, selectors
from tizim.publish.statistics import HEADLINE_GROUPS, TABLE_GROUPS, draw_charts_soon, figures

GAZETTEER_CODES = frozenset(p.code for p in GAZETTEER)


def _language() -> str:
    return (get_language() or settings.LANGUAGE_CODE)[:2]


def _render(
    request: HttpRequest, template: str, context: dict[str, Any], status: int = 200
) -> HttpResponse:
    """Render a public page with the language switcher's links to this very page."""
    path = request.get_full_path()
    context["language_links"] = [
        (code, name, translate_url(path, code)) for code, name in settings.LANGUAGES
    ]
    # Rows link to persons by this prefix (one reverse() per page, not one per row).
    context["person_base"] = reverse("publish:person", args=["-"])[:-2]
    return render(request, template, context, status=status)


@never_cache
@require_safe
def home(request: HttpRequest) -> HttpResponse:
    """Headline documented counts beside the claims, the lists, search and the report link."""
    figs = figures()
    headline = [
        {
            "group": group,
            "documented": figs.headline.get(group, 0),
            "still": figs.still.get(group, 0),
            "claims": [c for c in figs.claims if c.group == group],
        }
        for group in HEADLINE_GROUPS
    ]
    context = {"figures": figs, "headline": headline, "listed_counts": selectors.listed_counts()}
    return _render(request, "publish/home.html", context)


class ListFilterForm(forms.Form):
    """The filters of a public list (GET): town or region, dates, page."""

    place = forms.ChoiceField(label=gettext_lazy("Town or region"), required=False)
    date_from = forms.DateField(
        label=gettext_lazy("From"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    date_to = forms.DateField(
        label=gettext_lazy("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args: Any, places: list[tuple[str, int]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        language = _language()
        counts = dict(places)
        asked = str(self.data.get("place", "")) if self.is_bound else ""
        if asked and asked not in counts and asked in GAZETTEER_CODES:
            counts[asked] = 0  # a known place with no one listed: an empty list, not an error
        choices = sorted(
            ((code, f"{place_name(code, language)} ({n})") for code, n in counts.items()),
            key=lambda c: c[1],
        )
        place = self.fields["place"]
        assert isinstance(place, forms.ChoiceField)
        place.choices = [("", _("everywhere")), *choices]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            raise forms.ValidationError(_("The first date is after the second."))
        return data


@never_cache
@require_safe
def person_list(request: HttpRequest, list_name: str) -> HttpResponse:
    """The killed, the missing or the detained, 50 a page, by town or region and dates."""
    if list_name not in selectors.LISTS:
        raise Http404
    version = selectors.publication_version()  # read once: both cached reads below use it
    places = selectors.places_listed(list_name, version=version)
    form = ListFilterForm(request.GET or None, places=places)
    flt = selectors.ListFilter()
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        flt = selectors.ListFilter(
            place=data.get("place") or "",
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
        )
    page, people = selectors.list_page(list_name, flt, _page_number(request), version=version)
    query = request.GET.copy()
    query.pop("page", None)
    return _render(
        request,
        "publish/list.html",
        {
            "list_name": list_name,
            "form": form,
            "page": page,
            "people": people,
            "query": query.urlencode(),
            "filtered": bool(flt.place or flt.date_from or flt.date_to),
        },
    )


def _page_number(request: HttpRequest) -> int:
    try:
        return max(1, int(request.GET.get("page", "1")))
    except ValueError:
        return 1


@never_cache
@require_safe
def person_page(request: HttpRequest, public_id: str) -> HttpResponse:
    """A person's page: names in the scripts given, what happened, the sources cited."""
    try:
        person = selectors.public_person(public_id)
    except selectors.NotPublished:
        return _render(request, "publish/not_found.html", {}, status=404)
    return _render(request, "publish/person.html", {"person": person})


@never_cache
@require_safe
def search(request: HttpRequest) -> HttpResponse:
    """Find a published person by name in any script or spelling."""
    query = request.GET.get("q", "").strip()[:200]
    results = selectors.search_published(query) if query else []
    return _render(request, "publish/search.html", {"q": query, "results": results})


@never_cache
@require_safe
def statistics(request: HttpRequest) -> HttpResponse:
    """Documented counts by region, over time, beside the claims; charts drawn on the server."""
    figs = figures()
    charts = pictures.shown_charts(figs) if figs.day else []
    if not all(chart.ready for chart in charts):
        draw_charts_soon(figs)  # the files were never drawn, or were lost
    return _render(
        request,
        "publish/statistics.html",
        {"figures": figs, "groups": TABLE_GROUPS, "charts": charts},
    )


@never_cache
@require_safe
def about(request: HttpRequest) -> HttpResponse:
    return _render(request, "publish/about.html", {})


@never_cache
@require_safe
def methodology(request: HttpRequest) -> HttpResponse:
    from tizim.publish.statistics import SUPPRESS_BELOW

    return _render(request, "publish/methodology.html", {"suppress_below": SUPPRESS_BELOW})


@never_cache
@require_safe
def data(request: HttpRequest) -> HttpResponse:
    """The open data: downloads, the data dictionary and the licence."""
    return _render(
        request,
        "publish/data.html",
        {
            "person_columns": exports.PERSON_COLUMNS,
            "count_columns": exports.COUNT_COLUMNS,
            "licence": exports.LICENCE,
            "licence_url": exports.LICENCE_URL,
        },
    )


def _person_rows(request: HttpRequest) -> Any:
    language = _language()
    for person in selectors.all_public_views():
        url = request.build_absolute_uri(reverse("publish:person", args=[person.public_id]))
        yield exports.person_row(person, language=language, url=url)


def _download(stream: Any, content_type: str, filename: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse(stream, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


def _head(kind: str) -> dict[str, Any]:
    return {
        "title": f"tizim — {kind}",
        "licence": exports.LICENCE,
        "licence_url": exports.LICENCE_URL,
        "generated": timezone.now().replace(microsecond=0).isoformat(),
        "language": _language(),
    }


@require_safe
def persons_csv(request: HttpRequest) -> StreamingHttpResponse:
    header = [name for name, _ in exports.PERSON_COLUMNS]
    return _download(
        exports.csv_stream(header, _person_rows(request)),
        "text/csv; charset=utf-8",
        f"tizim-persons-{_language()}.csv",
    )


@require_safe
def persons_json(request: HttpRequest) -> StreamingHttpResponse:
    return _download(
        exports.json_stream(_head("published persons"), "persons", _person_rows(request)),
        "application/json; charset=utf-8",
        f"tizim-persons-{_language()}.json",
    )


def _region_name(code: str) -> str:
    if code == "all":
        return _("Kazakhstan (all regions)")
    if code == "unknown":
        return _("place unknown")
    return place_name(code, _language())


@require_safe
def counts_csv(request: HttpRequest) -> StreamingHttpResponse:
    header = [name for name, _ in exports.COUNT_COLUMNS]
    rows = exports.count_rows(figures(), _language(), _region_name)
    return _download(
        exports.csv_stream(header, rows), "text/csv; charset=utf-8", "tizim-counts.csv"
    )


@require_safe
def counts_json(request: HttpRequest) -> HttpResponse:
    figs = figures()
    body = {
        **_head("documented counts"),
        "on_date": figs.day.isoformat() if figs.day else None,
        "suppressed_below": 3,
        "listed_by_name": selectors.listed_counts(),
        "counts": exports.count_rows(figs, _language(), _region_name),
        "claims": [
            {
                "claimant": c.claimant,
                "counted": c.counted,
                "qualifier": c.qualifier,
                "value": c.value,
                "as_of": c.as_of.isoformat(),
                "status": c.status,
                "group": c.group,
                "measure": c.measure,
                "documented_same_rule": c.documented,
                "source": c.source_title,
            }
            for c in figs.claims
        ],
    }
    response = HttpResponse(
        json.dumps(body, ensure_ascii=False, indent=1),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="tizim-counts.json"'
    response["Cache-Control"] = "no-store"
    return response
