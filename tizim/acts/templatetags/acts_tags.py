"""Template filters for the acts vocabularies: ``{{ act.act_type|act_label:"ru" }}``; with no
language, the page's own (the vocabularies carry their kk/ru/en labels: decision 0019)."""

from __future__ import annotations

from django import template

from tizim.acts.labels import page_language
from tizim.core.acts import act_label as _act_label
from tizim.core.acts import facility_label as _facility_label
from tizim.core.acts import unit_label as _unit_label
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
