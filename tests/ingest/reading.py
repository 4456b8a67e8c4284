"""What ``extract`` reads from a short passage, as tuples the extraction tests compare."""

from __future__ import annotations

import datetime

from tizim.core.ingest import extract

PUBLISHED = datetime.date(2022, 1, 20)


def claims_read(text: str) -> list[tuple]:
    """(value, qualifier, fate group) of each claim, in order."""
    found = extract(text, published=PUBLISHED)
    return [(c.value, c.qualifier, c.fate_group) for c in found.claims]


def persons_read(text: str, language: str) -> list[tuple[str, str, str | None]]:
    """(surname, given name, fate) of each person, in order."""
    found = extract(text, language=language, published=PUBLISHED)
    return [(p.surname, p.given_name, p.fate) for p in found.persons]
