"""Template filters of the public site: codes to words in the page's language, numbers; and the
rows of lists and search results."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from html import escape

from django import template
from django.utils import dateformat
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from tizim.core.numerals import format_number, number_in_case
from tizim.core.places import place_name
from tizim.publish import labels
from tizim.publish.selectors import PublicPerson
from tizim.publish.statistics import ClaimFigure

register = template.Library()


@register.filter
def fate_label(code: str) -> str:
    return str(labels.FATES.get(code, code))


@register.filter
def group_label(code: str) -> str:
    return str(labels.GROUPS.get(code, code))


@register.filter
def list_title(code: str) -> str:
    return str(labels.LIST_TITLES.get(code, code))


@register.filter
def list_date_label(code: str) -> str:
    return str(labels.LIST_DATE_LABELS.get(code, code))


@register.filter
def source_kind(code: str) -> str:
    return str(labels.SOURCE_KINDS.get(code, code))


@register.filter
def claimed(claim: ClaimFigure) -> str:
    """A claim's figure with its qualifier, as the page's language puts them ("nearly
    10,000"; in Kazakh "10 000-ға жуық", the word after the number)."""
    language = _language()
    words, case = labels.CLAIMED.get(claim.qualifier, (None, ""))
    number = number_in_case(claim.value, language, case)
    return str(words) % {"number": number} if words else number


@register.filter
def claim_status(code: str) -> str:
    return str(labels.CLAIM_STATUSES.get(code, code))


@register.filter
def place(code: str) -> str:
    """A gazetteer code as the place's name in the page's language."""
    return place_name(code, _language()) if code else ""


@register.filter
def number(value: int | float | None) -> str:
    """A count as the page's language writes it: ``10,000`` in English, ``10 000`` (a no-break
    space, so it never wraps) in Kazakh and Russian."""
    return "" if value is None else format_number(float(value), _language(), 0)


def _language() -> str:
    return (get_language() or "en")[:2]


@register.filter
def dictget(mapping: dict[str, object], key: str) -> object:
    """``mapping[key]`` (None when absent)."""
    return mapping.get(key)


@register.simple_tag(takes_context=True)
def person_rows(context: template.Context, people: Iterable[PublicPerson]) -> SafeString:
    """The ``<li>`` rows of a list or of search results, each linking to the person's page.

    Written here rather than in a template, with each place and date worded once per page:
    fifty rows through the template engine cost more than all the rest of a list page
    (docs/benchmarks.md, public site).
    """
    base = escape(str(context["person_base"]))
    withheld = escape(_("Name withheld"))
    places: dict[str, str] = {}
    dates: dict[tuple[str, datetime.date], str] = {}
    rows = []
    for p in people:
        public_id = escape(p.public_id)
        name = f'<span class="name">{escape(p.name) if p.name else withheld}</span>'
        if p.latin_name:
            name += f' <span class="translit" lang="en">{escape(p.latin_name)}</span>'
        meta = ""
        if p.birth_year:
            meta += escape(_("born %(year)s") % {"year": p.birth_year}) + " · "
        if p.place_code:
            if p.place_code not in places:
                places[p.place_code] = escape(place(p.place_code))
            meta += places[p.place_code] + " · "
        if p.list_date:
            key = (p.list_name, p.list_date)
            if key not in dates:
                label = list_date_label(p.list_name)
                dates[key] = escape(f"{label} {dateformat.format(p.list_date, 'j E Y')}")
            meta += dates[key]
        rows.append(
            f'<li class="person-row"><a href="{base}{public_id}/">{name}</a>\n'
            f'<span class="meta">{meta} <span class="id">{public_id}</span></span></li>'
        )
    # Every value above went through html.escape.
    return mark_safe("".join(rows))  # noqa: S308
