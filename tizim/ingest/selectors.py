"""Reads of ingest: articles with what is left to review, and an article's text cut into
the pieces the review page highlights."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from tizim.ingest.models import Article, ClaimCitation, Proposal


def recent_articles(limit: int = 50) -> QuerySet[Article]:
    """The latest articles with their counts of proposals, pending ones apart."""
    return (
        Article.objects.select_related("source")
        .annotate(
            proposal_count=Count("proposals"),
            pending_count=Count("proposals", filter=Q(proposals__state=Proposal.State.PENDING)),
        )
        .order_by("-created_at", "-id")[:limit]
    )


@dataclass(frozen=True)
class Piece:
    """A stretch of the article's text; ``proposals`` are those whose span covers it, and
    ``anchors`` those that start here (the page links to them)."""

    text: str
    proposals: tuple[int, ...]
    kinds: tuple[str, ...]
    anchors: tuple[int, ...]


def text_pieces(article: Article, proposals: list[Proposal]) -> list[Piece]:
    """``article.text`` cut at every proposal's start and end, so each span can be marked."""
    text = article.text
    cuts = sorted({0, len(text)} | {p.start for p in proposals} | {p.end for p in proposals})
    pieces: list[Piece] = []
    started: set[int] = set()
    for a, b in itertools.pairwise(cuts):
        if a >= b:
            continue
        covering = [p for p in proposals if p.start <= a and b <= p.end]
        anchors = tuple(p.pk for p in covering if p.pk not in started)
        started.update(anchors)
        pieces.append(
            Piece(
                text[a:b],
                tuple(p.pk for p in covering),
                tuple(sorted({_marked_as(p) for p in covering})),
                anchors,
            )
        )
    return pieces


def _marked_as(proposal: Proposal) -> str:
    """The kind a proposal's span is marked as; a figure or a person only a second reader
    proposed is a possible one, marked apart."""
    if proposal.chance is not None:
        return "possible" if proposal.kind == "claim" else "possible-person"
    return proposal.kind


def citations_of(claim_id: int) -> QuerySet[ClaimCitation]:
    """Every article that reports a claim, oldest first, with its source."""
    return (
        ClaimCitation.objects.filter(claim_id=claim_id)
        .select_related("article", "source")
        .order_by("article__published", "id")
    )
