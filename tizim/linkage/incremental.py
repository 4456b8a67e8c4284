"""Linking what was just imported: new records against the persons already in the registry.

An import gives every new row a person of its own; until linkage runs, a person already in the
registry and written another way on the new list is counted twice. ``link_new_records`` runs
right after an import (the *Import* page's job, ``tizim import``): the records imported since
the last linkage run are scored, with that run's trained model, against every record
(``tizim.core.linkage.incremental``), and clustered as an incremental run clusters them —
persons settled earlier stay whole, reviewers' decisions bind, a record that fits two persons
about equally joins neither — then uncertain pairs are added to the review queue without
dropping the questions already in it. Cheap for a few rows: no training.

A model trained on the first list or two knows little of how the others write names, so while
the registry grows fast the import links by a whole ``link_records`` run that trains afresh
(the first import of a registry, and any import once the registry is half as large again as
when the model was trained). The links an import makes are provisional either way: the next
run a person starts (``tizim link``, the *Link* button) re-decides them with a model trained
on everything.

The outcome says what became of the new records: how many joined persons already in the
registry, how many persons are new, how many records wait for a reviewer.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings as django_settings
from django.db import transaction
from django.db.models import Q

from tizim.core.linkage.clustering import cluster_pairs, pairs_by_record
from tizim.core.linkage.features import evidently_different
from tizim.core.linkage.incremental import score_new_records
from tizim.core.linkage.initials import attach_initials
from tizim.core.linkage.probabilistic import ScoredPair
from tizim.core.locks import FileLock
from tizim.linkage.models import CandidatePair, LinkRun, PairDecision
from tizim.linkage.services import (
    DEFAULT_THRESHOLD,
    REVIEW_FLOOR,
    LinkageError,
    _link_record,
    _queue_for_review,
    current_decisions,
    finish_run,
    link_records,
)
from tizim.registry.membership import apply_clusters
from tizim.registry.models import Record, RecordCorrection
from tizim.registry.providers import Linked
from tizim.registry.selectors import SETTLED_CORRECTIONS, linkable_records

#: A registry this many times larger than the one the last model was trained on is linked
#: by a whole run that trains afresh, not scored with that model.
RETRAIN_GROWTH = 1.5


@dataclass(frozen=True)
class NewRecordsOutcome:
    """What linking the new records did, in the words of the import's summary."""

    run_id: int | None
    new_records: int
    #: New records that joined a person who already held records from before.
    joined_existing: int
    #: Persons made of new records only (counted as new people).
    new_persons: int
    #: Of the records in new persons, those in a pair waiting for a reviewer: they may be people
    #: already counted, and count as new until a reviewer decides.
    for_review: int
    #: Pairs this run added to the review queue.
    queued: int
    notes: list[str] = field(default_factory=list)

    def as_summary(self) -> dict[str, int | None]:
        """The figures an import job keeps."""
        return {
            "link_run": self.run_id,
            "linked_records": self.new_records,
            "joined_existing": self.joined_existing,
            "new_persons": self.new_persons,
            "for_review": self.for_review,
            "queued": self.queued,
        }


def linkage_lock() -> FileLock:
    """Held while new records are linked, so that two imports finishing together (pages, the
    command line) do not both cluster the same persons."""
    return FileLock(Path(django_settings.TIZIM_HOME) / "linkage.lock")


def link_new_records(
    *,
    threshold: float = DEFAULT_THRESHOLD,
    actor: str = "",
    also: Iterable[int] = (),
    progress: Callable[[str], None] | None = None,
) -> NewRecordsOutcome:
    """Link the records imported since the last linkage run (and the records ``also`` names:
    rows re-admitted from quarantine, corrected versions) into the registry's persons, as one
    undoable membership change; queue the uncertain pairs. See the module's docstring."""
    say = progress or (lambda stage: None)
    if not 0.0 < threshold < 1.0:
        raise LinkageError(f"threshold must be a probability between 0 and 1, not {threshold}")
    previous = (
        LinkRun.objects.filter(finished_at__isnull=False).exclude(model_json="").order_by("-id")
    ).first()
    settings = json.loads(previous.model_json) if previous else {}
    rows = list(linkable_records())
    retrain = _why_retrain(previous, settings, len(rows))
    if retrain or previous is None:
        say(retrain)
        result = link_records(threshold=threshold, actor=actor, after_import=True, progress=say)
        after = previous.last_record_id if previous else 0
        return _outcome(result.run_id, after, set(also), [retrain, *result.notes])

    records = [_link_record(r) for r in rows]
    person_of = {int(r["pk"]): r["person_id"] for r in rows}
    kept = {int(r["pk"]) for r in rows if r["settled_version"]}
    new = (_new_ids(previous.last_record_id, also) & person_of.keys()) - kept
    if not new:
        return NewRecordsOutcome(None, 0, 0, 0, 0, 0, ["no new records to link"])
    model = score_new_records(records, new, settings, explain_from=REVIEW_FLOOR, progress=progress)
    decisions = current_decisions()
    must_link = [pair for pair, v in decisions.items() if v == PairDecision.Verdict.SAME]
    cannot_link = [pair for pair, v in decisions.items() if v == PairDecision.Verdict.DIFFERENT]
    must_link += [
        (int(r["previous_version_id"]), int(r["pk"])) for r in rows if r["previous_version_id"]
    ]
    settled: dict[int, list[int]] = defaultdict(list)
    for record_id, person_id in person_of.items():
        if record_id not in new and person_id is not None:
            settled[person_id].append(record_id)
    by_id = {r.record_id: r for r in records}
    scored = [(p.left, p.right, p.probability) for p in model.pairs]
    say(f"clustering {len(scored):,} scored pairs")
    clustering = cluster_pairs(
        person_of,
        scored,
        threshold,
        must_link=must_link,
        cannot_link=cannot_link,
        different=[
            *evidently_different(by_id, scored, threshold),
            *_apart_already(model.pairs, person_of, new, threshold),
        ],
        settled_groups=settled.values(),
        birth_dates={r.record_id: r.birth_date for r in records if r.birth_date},
    )
    initials = attach_initials(records, clustering.clusters, cannot_link=cannot_link)
    touched = [c for c in initials.clusters if any(r in new for r in c)]
    say("writing persons and the review queue")
    with transaction.atomic():
        run = LinkRun.objects.create(
            actor=actor,
            backend="duckdb",
            mode=LinkRun.Mode.NEW_RECORDS,
            threshold=threshold,
            records=len(records),
            new_records=len(new),
            pairs_scored=len(model.pairs),
            last_record_id=max(previous.last_record_id, max(person_of, default=0)),
            after_import=True,
            model_json=previous.model_json,
            notes="\n".join(model.notes),
        )
        change = apply_clusters(
            touched, reason=f"linkage of new records, run #{run.pk} at p ≥ {threshold}", actor=actor
        )
        queued = _queue_for_review(
            run,
            model.pairs,
            clustering.refused,
            [q for q in initials.questions if q.record in new],
            threshold,
            decisions,
            initials.clusters,
            replace_pending=False,
        )
        finish_run(run, change, queued=queued, persons=len(initials.clusters))
        outcome = _outcome(run.pk, previous.last_record_id, set(also), model.notes)
    return outcome


def _why_retrain(previous: LinkRun | None, settings: dict[str, Any], records: int) -> str:
    """Why the new records are linked by a whole run that trains a model afresh, or "" when
    the last trained model will do. A model trained when the registry held a third fewer
    records (the first list or two) is retrained, so training costs at most a few times what
    one training on the whole registry would, however many lists come one by one."""
    if previous is None or not settings.get("comparisons"):
        return "no trained model yet: linking the whole registry"
    trained = (
        LinkRun.objects.filter(finished_at__isnull=False)
        .exclude(model_json="")
        .exclude(mode=LinkRun.Mode.NEW_RECORDS)
        .order_by("-id")
        .values_list("records", flat=True)
        .first()
    )
    if trained is None or records >= RETRAIN_GROWTH * trained:
        return (
            f"the registry has grown from {trained or 0:,} to {records:,} records since the model"
            " was trained: training it afresh and linking the whole registry"
        )
    return ""


def _new_ids(after: int, also: Iterable[int]) -> set[int]:
    """Usable records above id ``after`` and those of ``also``."""
    ids = set(
        Record.objects.filter(quarantine_reason="", pk__gt=after).values_list("pk", flat=True)
    )
    return ids | {int(r) for r in also}


def _apart_already(
    pairs: Iterable[ScoredPair], person_of: dict[int, int | None], new: set[int], threshold: float
) -> list[tuple[int, int]]:
    """Pairs of older records in two different persons that one new record fits: the registry
    holds them to be two people (a full run would have scored them so), so a new record fitting
    both about equally is asked about instead of joining either."""
    fits: dict[int, list[int]] = defaultdict(list)
    for pair in pairs:
        if pair.probability < threshold:
            continue
        for mine, other in ((pair.left, pair.right), (pair.right, pair.left)):
            if mine in new and other not in new:
                fits[mine].append(other)
    apart: list[tuple[int, int]] = []
    for others in fits.values():
        for i, a in enumerate(others):
            for b in others[i + 1 :]:
                if person_of.get(a) != person_of.get(b):
                    apart.append((min(a, b), max(a, b)))
    return apart


def _outcome(run_id: int | None, after: int, also: set[int], notes: list[str]) -> NewRecordsOutcome:
    """Count what became of the new records (above id ``after``, and ``also``), as the
    registry holds them now."""
    settled = RecordCorrection.objects.filter(kind__in=SETTLED_CORRECTIONS).values("corrected")
    is_new = (Q(pk__gt=after) & ~Q(pk__in=settled)) | Q(pk__in=also)
    person_of = dict(
        Record.objects.filter(is_new, quarantine_reason="", person__isnull=False).values_list(
            "pk", "person_id"
        )
    )
    new, persons = set(person_of), set(person_of.values())
    older = Record.objects.filter(person__isnull=False).exclude(is_new)
    with_older = set(
        older.filter(person__in=Record.objects.filter(is_new).values("person_id")).values_list(
            "person_id", flat=True
        )
    )
    pending = CandidatePair.objects.filter(status=CandidatePair.Status.PENDING).filter(
        Q(record_a__pk__gt=after)
        | Q(record_b__pk__gt=after)
        | Q(record_a__in=also)
        | Q(record_b__in=also)
    )
    # Of the new persons, the records a reviewer may yet find to be someone already counted.
    asked = pairs_by_record(pending.values_list("record_a_id", "record_b_id")).keys()
    waiting = {r for r in asked & new if person_of[r] not in with_older}
    return NewRecordsOutcome(
        run_id=run_id,
        new_records=len(person_of),
        joined_existing=sum(1 for p in person_of.values() if p in with_older),
        new_persons=len(persons - with_older),
        for_review=len(waiting),
        queued=(
            LinkRun.objects.filter(pk=run_id).values_list("queued", flat=True).first() or 0
            if run_id
            else 0
        ),
        notes=notes,
    )


def link_admitted_records(actor: str) -> Linked:
    """Link the records admitted since the last run (a re-admitted row), for the registry's
    pages; ``busy`` without waiting when another linkage run holds the lock."""
    lock = linkage_lock()
    if not lock.try_acquire():
        return Linked(busy=True)
    try:
        outcome = link_new_records(actor=actor)
    finally:
        lock.release()
    return Linked(joined_existing=outcome.joined_existing, for_review=outcome.for_review)
