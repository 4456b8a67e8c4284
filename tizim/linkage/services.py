"""Linking records into persons (writes). The rules themselves live in ``tizim.core.linkage``."""

from __future__ import annotations

from dataclasses import dataclass

from tizim.core.linkage.rules import LinkInput, cluster_by_rules
from tizim.registry.selectors import linkable_records
from tizim.registry.services import gather_clusters


@dataclass(frozen=True)
class LinkResult:
    """What a linkage run did."""

    records: int
    persons: int
    merges: int


def link_records(*, actor: str = "") -> LinkResult:
    """Run the rule-based linker over every usable record and gather each cluster into one
    person, as one undoable change. It only joins, never splits; a split made by hand can be
    re-joined by a later run (review decisions that bind linkage come with the Linkage issue).
    """
    items = [
        LinkInput(
            record_id=int(str(r["pk"])),
            surname=str(r["surname"]),
            given_name=str(r["given_name"]),
            patronymic=str(r["patronymic"]),
            sex=str(r["sex"]),
            birth_year_min=_int_or_none(r["birth_year_min"]),
            birth_year_max=_int_or_none(r["birth_year_max"]),
        )
        for r in linkable_records()
    ]
    clusters = cluster_by_rules(items)
    change = gather_clusters(clusters, reason="rule-based linkage", actor=actor)
    moved = change.opened.count() if change else 0
    return LinkResult(records=len(items), persons=len(clusters), merges=moved)


def _int_or_none(value: object) -> int | None:
    return None if value is None else int(str(value))
