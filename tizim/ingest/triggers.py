"""A database trigger refusing any change to an article's text, its digest or its source, as
decision 0003 does for records (installed after every ``migrate``)."""

from __future__ import annotations

from tizim.registry.triggers import install_immutability_trigger

MESSAGE = "tizim: the text of an article is what the source said and cannot be changed"
COLUMNS = ("source_id", "text", "text_sha256")


def install_text_immutability_trigger(using: str = "default") -> None:
    """Create (or re-create) the trigger on the given database."""
    install_immutability_trigger("ingest_article", COLUMNS, MESSAGE, using)
