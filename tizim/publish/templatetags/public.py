"""Template filters of the public site: codes to words in the page's language, numbers."""

from __future__ import annotations

from django import template
from django.utils.translation import get_language

from tizim.core.charts import format_number
from tizim.core.places import place_name
from tizim.publish import labels

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
def qualifier(code: str) -> str:
    return str(labels.QUALIFIERS.get(code, code))


@register.filter
def claim_status(code: str) -> str:
    return str(labels.CLAIM_STATUSES.get(code, code))


@register.filter
def place(code: str) -> str:
    """A gazetteer code as the place's name in the page's language."""
    return place_name(code, (get_language() or "en")[:2]) if code else ""


@register.filter
def number(value: int | float | None) -> str:
    """A count with thin spaces between thousands (unambiguous in kk, ru and en)."""
    return "" if value is None else format_number(float(value), 0)


@register.filter
def dictget(mapping: dict[str, object], key: str) -> object:
    """``mapping[key]`` (None when absent)."""
    return mapping.get(key)
