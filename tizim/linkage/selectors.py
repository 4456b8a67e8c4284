"""Reads for the review queue, linkage runs and decisions."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tizim.core.linkage.explanations import Words, explain, reason_in_words, weight_in_words
from tizim.core.rows import PARSED_FIELDS
from tizim.linkage.models import CandidatePair, LinkRun, PairDecision
from tizim.registry.labels import field_value
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


# What a reviewer reads beside each field, instead of the column names.
FIELD_LABELS = {
    "source_record_id": _("row id in the source"),
    "full_name": _("full name"),
    "surname": _("surname"),
    "given_name": _("first name"),
    "patronymic": _("patronymic"),
    "sex": _("sex"),
    "birth_date": _("birth date"),
    "birth_year_min": _("born in or after"),
    "birth_year_max": _("born in or before"),
    "place_text": _("place as written"),
    "place_code": _("place"),
    "fate": _("what happened"),
    "event_date": _("date of what happened"),
    "facility": _("held or last seen at"),
    "notes": _("notes"),
}


def in_words(words: Words) -> str:
    """A sentence of ``tizim.core.linkage.explanations`` in the reader's language."""
    if not words.params:
        return gettext(words.message)
    params = {k: gettext(v) if k in words.translated else v for k, v in words.params.items()}
    return gettext(words.message) % params


def why_queued_in_words(candidate: CandidatePair) -> str:
    """Why a pair waits for a reviewer, in plain words."""
    return in_words(reason_in_words(candidate.why_queued))


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
    #: The level the comparison fell in, in plain words (one sentence or two).
    level: str
    weight: float | None
    #: How much that moved the verdict, in words ("for the same person", "against").
    weight_words: str = ""


def side_by_side(candidate: CandidatePair) -> list[FieldRow]:
    """The two records' parsed fields next to each other, each with the comparison that judged
    it, the level it fell in (in plain words) and its weight (log2 Bayes factor; > 0 speaks
    for a match)."""
    contributions = candidate.contributions
    left = {name: getattr(candidate.record_a, name) for name in PARSED_FIELDS}
    right = {name: getattr(candidate.record_b, name) for name in PARSED_FIELDS}
    rows: list[FieldRow] = []
    shown: set[str] = set()
    for name in ("source_record_id", *PARSED_FIELDS):
        comparison = _COMPARED_BY.get(name, "")
        level, weight = "", None
        if comparison and comparison not in shown and comparison in contributions:
            label, weight = contributions[comparison][0], float(contributions[comparison][1])
            sentences = explain(comparison, label, left, right)
            level = "; ".join(in_words(words) for words in sentences)
            shown.add(comparison)
        rows.append(
            FieldRow(
                label=str(FIELD_LABELS.get(name, name.replace("_", " "))),
                left=field_value(name, getattr(candidate.record_a, name)),
                right=field_value(name, getattr(candidate.record_b, name)),
                comparison=comparison,
                level=level,
                weight=weight,
                weight_words=gettext(weight_in_words(weight)) if weight is not None else "",
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


def pair_decision_changes() -> list[int]:
    """The ids of the membership changes reviewers' pair decisions made: only withdrawing the
    decision undoes them (the registry's person page leaves them alone)."""
    return list(PairDecision.objects.filter(change__isnull=False).values_list("change", flat=True))
