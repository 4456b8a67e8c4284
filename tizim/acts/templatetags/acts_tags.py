"""Template filters for the acts vocabularies (``{{ act.act_type|act_label:"ru" }}``; with no
language, the page's own: the vocabularies carry their kk/ru/en labels, decision 0019) and for
their partial dates in words (``{{ act|when_in_words }}``)."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.dates import MONTHS, MONTHS_ALT
from django.utils.translation import gettext

from tizim.acts.labels import page_language
from tizim.core.acts.vocabulary import act_label as _act_label
from tizim.core.acts.vocabulary import facility_label as _facility_label
from tizim.core.acts.vocabulary import unit_label as _unit_label
from tizim.core.dates_display import SPAN, UNKNOWN, PartialMoment, in_words
from tizim.core.places import place_name as _place_name

register = template.Library()


def _safe(label: object, code: str, language: str) -> str:
    try:
        return str(label(code, page_language(language)))  # type: ignore[operator]
    except ValueError:
        return code


@register.filter
def act_label(code: str, language: str = "") -> str:
    """The label of an act type code in kk, ru or en."""
    return _safe(_act_label, code, language)


@register.filter
def unit_label(code: str, language: str = "") -> str:
    """The label of a kind of force in kk, ru or en."""
    return _safe(_unit_label, code, language)


@register.filter
def facility_kind_label(code: str, language: str = "") -> str:
    """The label of a kind of facility in kk, ru or en."""
    return _safe(_facility_label, code, language)


@register.filter
def place(code: str, language: str = "") -> str:
    """A gazetteer code's name (blank for blank)."""
    return _place_name(code, page_language(language)) if code else ""


@register.filter
def named(item: object, language: str = "") -> str:
    """A facility's or unit's name in the page's language (or ``language``)."""
    return str(item.name(page_language(language))) if item else ""  # type: ignore[attr-defined]


@register.filter
def moment_in_words(moment: PartialMoment | None) -> str:
    """A partial date-time in the reader's language: "around 19:00 on 4 January 2022",
    "January 2022" (``tizim.core.dates_display``)."""
    if moment is None:
        return gettext(UNKNOWN)
    words = in_words(moment)
    # "4 January" takes the month's form after a day (января, not январь, in Russian).
    month = ""
    if words.month is not None:
        month = str((MONTHS_ALT if words.day is not None else MONTHS)[words.month])
    return gettext(words.pattern) % {
        "year": words.year,
        "month": month,
        "day": words.day or "",
        "time": words.time,
    }


@register.filter
def when_in_words(item: Any) -> str:
    """The span of an act or an incident (its ``start`` and ``end``) in words."""
    start, end = getattr(item, "start", None), getattr(item, "end", None)
    if start is None:
        return gettext(UNKNOWN)
    if end is None:
        return moment_in_words(start)
    return gettext(SPAN) % {"start": moment_in_words(start), "end": moment_in_words(end)}
