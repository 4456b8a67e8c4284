"""Reading articles: the figures about people a text states (claims) and the people it says
something happened to (persons), each with the sentence it comes from and its span.

Framework-free: no Django. ``extract(text, language=..., published=...)`` is the entry point;
``tizim.ingest`` stores and reviews what it proposes.
"""

from __future__ import annotations

import datetime
from dataclasses import asdict, dataclass, field
from typing import Any

from tizim.core.ingest.claims import ClaimProposal, claims_in_sentence
from tizim.core.ingest.persons import PersonProposal, find_persons
from tizim.core.ingest.text import detect_language, split_sentences


@dataclass
class Extraction:
    """What one text proposes: claims and persons, in the order the text gives them."""

    language: str
    published: datetime.date | None
    claims: list[ClaimProposal] = field(default_factory=list)
    persons: list[PersonProposal] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        """The shape ``tizim ingest --dry-run --json`` prints (dates ISO, absent values null)."""
        return {
            "published": _iso(self.published),
            "claims": [
                {key: _iso(value) for key, value in asdict(claim).items()} for claim in self.claims
            ],
            "persons": [
                {key: _iso(value) for key, value in asdict(person).items()}
                for person in self.persons
            ],
        }


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime.date) else value


def extract(
    text: str, *, language: str | None = None, published: datetime.date | None = None
) -> Extraction:
    """Claims and persons proposed by ``text`` (kk, ru or en; detected when not given)."""
    language = language or detect_language(text)
    sentences = split_sentences(text)
    claims: list[ClaimProposal] = []
    for sentence in sentences:
        told = (claims[-1].fate_group,) if claims else None
        claims.extend(claims_in_sentence(sentence, language, published, told))
    persons = find_persons(text, sentences, language, published)
    return Extraction(language, published, claims, persons)
