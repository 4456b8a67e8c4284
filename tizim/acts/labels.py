"""The acts vocabularies (``tizim.core.acts``) in the page's language: they carry their own
kk/ru/en labels, so the boundary picks one instead of translating (decision 0019)."""

from __future__ import annotations

from collections.abc import Callable

from django.utils.functional import Promise, lazy
from django.utils.translation import get_language

from tizim.core.acts.vocabulary import LANGUAGES


def page_language(language: str = "") -> str:
    """``language`` if given, else the language of the request being answered (kk, ru or en)."""
    chosen = language or (get_language() or "en").split("-")[0]
    return chosen if chosen in LANGUAGES else "en"


def _pick(label: Callable[[str], str]) -> str:
    return label(page_language())


#: ``in_page_language(term.label)``: the label, chosen when shown (form choices are built once).
in_page_language: Callable[[Callable[[str], str]], Promise] = lazy(_pick, str)  # type: ignore[assignment]
