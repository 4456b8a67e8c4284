"""Claims in the page's language (``tizim.core.claim_words``), the claim's own words beside.

``{% claimant c.claimant %}``, ``{% counted c.counted %}`` and ``{% figure c.qualifier c.value %}``
on staff and public pages alike.
"""

from __future__ import annotations

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from tizim.core import claim_words

register = template.Library()


def _language() -> str:
    return (get_language() or "en")[:2]


def _with_original(translated: str | None, original: str) -> SafeString:
    """The translation with the words as written beside it; the original alone when unknown."""
    if translated is None or translated == original:
        return format_html("{}", original)
    return format_html('{} <span class="as-written small">“{}”</span>', translated, original)


@register.simple_tag
def claimant(text: str) -> SafeString:
    """Who made a claim, in the page's language, with the claim's own words beside."""
    return _with_original(claim_words.claimant_in(text, _language()), text)


@register.simple_tag
def counted(text: str) -> SafeString:
    """What a claim counts, in the page's language, with the claim's own words beside."""
    return _with_original(claim_words.counted_in(text, _language()), text)


@register.simple_tag
def figure(qualifier: str, value: int) -> str:
    """A claimed figure with its qualifier in the page's word order (``10 000-ға жуық``)."""
    return claim_words.figure_phrase(qualifier, int(value), _language())
