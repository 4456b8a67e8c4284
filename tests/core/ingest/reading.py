"""What ``extract`` reads from a short passage, as tuples the extraction tests compare."""

from __future__ import annotations

import datetime

from tizim.core.ingest import extract

PUBLISHED = datetime.date(2022, 1, 20)


def claims_read(text: str, *, learned: bool = True) -> list[tuple]:
    """(value, qualifier, fate group) of each claim, in order; by the rules alone when not
    ``learned``."""
    found = extract(text, published=PUBLISHED, learned=learned)
    return [(c.value, c.qualifier, c.fate_group) for c in found.claims]


def persons_read(
    text: str, language: str, *, learned: bool = True
) -> list[tuple[str, str, str | None]]:
    """(surname, given name, fate) of each person, in order; by the rules alone when not
    ``learned``."""
    found = extract(text, language=language, published=PUBLISHED, learned=learned)
    return [(p.surname, p.given_name, p.fate) for p in found.persons]
