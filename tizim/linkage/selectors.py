"""Reads for the review queue, linkage runs and decisions."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from tizim.core.rows import PARSED_FIELDS
from tizim.linkage.models import CandidatePair, LinkRun, PairDecision
from tizim.registry.labels import field_label, field_value
from tizim.registry.models import Record

# What a reviewer compares, in order; the model's comparison that speaks to each field.
_COMPARED_BY = {
    "surname": "surname",
    "given_name": "given_name",
    "patronymic": "patronymic",
    "birth_date": "birth",
    "birth_year_min": "birth",
    "birth_year_max": "birth",
    "sex": "sex",
    "place_text": "place",
    "place_code": "place",
    "fate": "fate",
    "event_date": "event_date",
}


def pending_pairs() -> QuerySet[CandidatePair]:
    """The review queue, most informative first (conflicts, then coin tosses)."""
    return CandidatePair.objects.filter(status=CandidatePair.Status.PENDING).select_related(
        "record_a__source", "record_b__source", "record_a__person", "record_b__person"
    )


def next_pending(after: CandidatePair | None = None) -> CandidatePair | None:
    """The next pair to review (skipping ``after``)."""
    queue = pending_pairs()
    if after is not None:
        queue = queue.exclude(pk=after.pk)
    return queue.first()


@dataclass(frozen=True)
class FieldRow:
    """One line of the side-by-side view."""

    label: str
    left: object
    right: object
    comparison: str
    level: str
    weight: float | None


def side_by_side(candidate: CandidatePair) -> list[FieldRow]:
    """The two records' parsed fields next to each other, each with the comparison that judged
    it, the level it fell in and its weight (log2 Bayes factor; > 0 speaks for a match)."""
    contributions = candidate.contributions
    rows: list[FieldRow] = []
    shown: set[str] = set()
    for name in ("source_record_id", *PARSED_FIELDS):
        comparison = _COMPARED_BY.get(name, "")
        level, weight = "", None
        if comparison and comparison not in shown and comparison in contributions:
            level, weight = contributions[comparison][0], float(contributions[comparison][1])
            shown.add(comparison)
        rows.append(
            FieldRow(
                label=field_label(name),
                left=field_value(name, getattr(candidate.record_a, name)),
                right=field_value(name, getattr(candidate.record_b, name)),
                comparison=comparison,
                level=level,
                weight=weight,
            )
        )
    return rows


def recent_runs(limit: int = 50) -> QuerySet[LinkRun]:
    """Linkage runs, newest first."""
    return LinkRun.objects.all()[:limit]


def decisions() -> QuerySet[PairDecision]:
    """Every decision, newest first, with the records it is about."""
    return PairDecision.objects.select_related(
        "record_a__source", "record_b__source", "record_a__person", "record_b__person"
    )


def decisions_about(record: Record) -> QuerySet[PairDecision]:
    """Decisions naming a record."""
    return decisions().filter(record_a=record) | decisions().filter(record_b=record)
