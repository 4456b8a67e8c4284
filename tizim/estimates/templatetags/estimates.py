"""Template filters of the Numbers pages: estimation methods in words."""

from __future__ import annotations

from django import template

from tizim.estimates.wording import method_name

register = template.Library()


@register.filter
def method_words(code: str) -> str:
    """An estimation method by what it does (``stepwise_aic`` → "log-linear models chosen by
    AIC")."""
    return method_name(code)
