"""Fates, fate groups, count rules, list columns and quarantine reasons in the page's language
(``tizim.registry.labels``, ``tizim.registry.problem_words``): ``{{ rule|describe_rule }}``,
``{{ "dead"|selector_label }}``, ``{{ record.quarantine_reason|problem_words }}``."""

from __future__ import annotations

from django import template

from tizim.core.counting import CountRule
from tizim.registry import labels
from tizim.registry.problem_words import problems_in_words

register = template.Library()


@register.filter
def describe_rule(rule: CountRule) -> str:
    """What a documented number counts, in words of the page's language."""
    return labels.describe_rule(rule)


@register.filter
def measure_label(measure: str) -> str:
    """A measure ("on_date", "ever") in words of the page's language."""
    return str(labels.MEASURE_LABELS.get(measure, measure))


@register.filter
def selector_label(selector: str) -> str:
    """A fate group's or a fate's label in the page's language."""
    return labels.selector_label(selector)


@register.filter
def column_label(field: str) -> str:
    """The field a list's column is read as, in words of the page's language."""
    return labels.column_label(field)


@register.filter
def problem_words(reason: str) -> str:
    """Why a row is in quarantine, in words of the page's language."""
    return problems_in_words(reason)
