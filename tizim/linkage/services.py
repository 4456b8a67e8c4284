"""Linking records into persons, and reviewers' decisions on pairs (writes).

The model and the clustering are framework-free (``tizim.core.linkage``); this module feeds
them the registry's records and reviewers' decisions, applies the clusters as one undoable
membership change, and fills the review queue. Every write is audited.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import timezone

from tizim.accounts.access import Actor, acting_as
from tizim.audit.services import record_action
from tizim.core.linkage.clustering import cluster_pairs
from tizim.core.linkage.features import LinkRecord, evidently_different
from tizim.core.linkage.initials import InitialsQuestion, attach_initials
from tizim.core.linkage.probabilistic import Backend, LinkageModel, ScoredPair, train_and_score
from tizim.core.linkage.spark import SparkMasterError, spark_session
from tizim.linkage.models import CandidatePair, LinkRun, PairDecision
from tizim.registry.errors import RegistryError
from tizim.registry.membership import apply_clusters, merge_persons, split_records, undo_change
from tizim.registry.models import Person, Record
from tizim.registry.selectors import linkable_records

# Measured on the demo lists (docs/benchmarks.md): at 0.8 precision stays ≥ 0.98 while recall
# is ≥ 0.94; pairs between REVIEW_FLOOR and the threshold go to reviewers instead.
DEFAULT_THRESHOLD = 0.8
REVIEW_FLOOR = 0.2


class LinkageError(RegistryError):
    """A linkage request that cannot be carried out (bad threshold, unknown backend, …)."""


@dataclass(frozen=True)
class LinkResult:
    """What a linkage run did."""

    run_id: int
    records: int
    new_records: int
    pairs_scored: int
    persons: int
    records_moved: int
    queued: int
    notes: list[str] = field(default_factory=list)


def _link_record(row: Mapping[str, Any]) -> LinkRecord:
    return LinkRecord(
        record_id=int(row["pk"]),
        source=str(row["source__name"]),
        surname=str(row["surname"]),
        given_name=str(row["given_name"]),
        patronymic=str(row["patronymic"]),
        sex=str(row["sex"]),
        birth_date=row["birth_date"],
        birth_year_min=row["birth_year_min"],
        birth_year_max=row["birth_year_max"],
        place_code=str(row["place_code"]),
        fate=str(row["fate"]),
        event_date=row["event_date"],
    )


def current_decisions() -> dict[tuple[int, int], str]:
    """The verdict that counts for every decided pair (the latest; withdrawn ones dropped)."""
    latest: dict[tuple[int, int], str] = {}
    for a, b, verdict in PairDecision.objects.order_by("id").values_list(
        "record_a_id", "record_b_id", "verdict"
    ):
        latest[(a, b)] = verdict
    return {
        pair: verdict
        for pair, verdict in latest.items()
        if verdict in (PairDecision.Verdict.SAME, PairDecision.Verdict.DIFFERENT)
    }


def link_records(
    *,
    threshold: float = DEFAULT_THRESHOLD,
    backend: Backend = "duckdb",
    full: bool = False,
    actor: str = "",
    spark: Any = None,
    spark_master: str | None = None,
    after_import: bool = False,
    progress: Callable[[str], None] | None = None,
) -> LinkResult:
    """Score every usable record against the others, cluster at ``threshold`` and make the
    registry's persons those clusters; queue the uncertain pairs for review.

    Incremental by default: persons as an earlier run or a reviewer left them stay whole, and
    records imported since the last run join them or each other. Links made by the linking an
    import did on its own (``after_import``, with a model that may have seen only the first
    lists) are not settled: a run started by a person re-decides them. ``full`` re-decides
    every link a machine made. Either way reviewers' decisions bind: an accepted pair stays
    together, a rejected pair apart; no record is ever deleted, and the whole run is one
    membership change that ``undo_change`` reverses. ``spark_master`` (``spark://HOST:PORT``)
    runs the Spark backend on a standalone cluster instead of inside this process; its work
    folder is made under ``TIZIM_SPARK_DIR`` when set (a path the cluster's workers see too).
    ``progress`` is told each stage as it starts.
    """
    say = progress or (lambda stage: None)
    _check_link_arguments(threshold, backend, spark_master)
    rows = list(linkable_records())
    records = [_link_record(r) for r in rows]
    person_of = {int(r["pk"]): r["person_id"] for r in rows}
    previous = (
        LinkRun.objects.filter(finished_at__isnull=False, after_import=False).order_by("-id")
    ).first()
    seen_up_to = previous.last_record_id if previous and not full else 0
    decisions = current_decisions()
    must_link = [pair for pair, v in decisions.items() if v == PairDecision.Verdict.SAME]
    cannot_link = [pair for pair, v in decisions.items() if v == PairDecision.Verdict.DIFFERENT]
    # A re-imported row's versions are one row of one list: always one person.
    must_link += [
        (int(r["previous_version_id"]), int(r["pk"])) for r in rows if r["previous_version_id"]
    ]
    # A version staff corrected stays where they put it, unless every link is re-decided.
    kept = {int(r["pk"]) for r in rows if r["settled_version"]} if not full else set()
    settled: dict[int, list[int]] = defaultdict(list)
    for record_id, person_id in person_of.items():
        if (record_id <= seen_up_to or record_id in kept) and person_id is not None:
            settled[person_id].append(record_id)

    model, spark_notes = _train_and_score(
        records, decisions, backend=backend, spark=spark, spark_master=spark_master, say=say
    )
    say(f"clustering {len(model.pairs):,} scored pairs into persons")
    by_id = {r.record_id: r for r in records}
    scored = [(p.left, p.right, p.probability) for p in model.pairs]
    clustering = cluster_pairs(
        person_of,
        scored,
        threshold,
        must_link=must_link,
        cannot_link=cannot_link,
        different=evidently_different(
            by_id, ((p.left, p.right, p.probability) for p in model.pairs), threshold
        ),
        settled_groups=settled.values(),
        birth_dates={r.record_id: r.birth_date for r in records if r.birth_date},
    )
    # Entries of surname and initials join the one person they fit; several fits are asked.
    initials = attach_initials(records, clustering.clusters, cannot_link=cannot_link)
    say("writing persons and the review queue")
    with transaction.atomic():
        run = LinkRun.objects.create(
            actor=actor,
            backend=backend,
            mode=LinkRun.Mode.FULL if full else LinkRun.Mode.INCREMENTAL,
            threshold=threshold,
            records=len(records),
            new_records=sum(1 for r in person_of if r > seen_up_to and r not in kept),
            pairs_scored=len(model.pairs),
            last_record_id=max(person_of, default=seen_up_to),
            after_import=after_import,
            model_json=json.dumps(model.settings, ensure_ascii=False),
            notes="\n".join(model.notes),
        )
        change = apply_clusters(
            initials.clusters, reason=f"linkage run #{run.pk} at p ≥ {threshold}", actor=actor
        )
        queued = _queue_for_review(
            run,
            model.pairs,
            clustering.refused,
            initials.questions,
            threshold,
            decisions,
            initials.clusters,
        )
        finish_run(run, change, queued=queued, persons=len(initials.clusters))
    return LinkResult(
        run_id=run.pk,
        records=run.records,
        new_records=run.new_records,
        pairs_scored=run.pairs_scored,
        persons=run.persons_after,
        records_moved=run.records_moved,
        queued=queued,
        notes=[
            *model.notes,
            *spark_notes,
            f"{len(initials.joined)} entries of surname and initials joined a person; "
            f"{len(initials.questions)} fit several and wait for review",
        ],
    )


def _check_link_arguments(threshold: float, backend: str, spark_master: str | None) -> None:
    """Refuse, before any work, a threshold, backend or master that cannot be used."""
    if not 0.0 < threshold < 1.0:
        raise LinkageError(f"threshold must be a probability between 0 and 1, not {threshold}")
    if backend not in ("duckdb", "spark"):
        raise LinkageError(f"unknown linkage backend {backend!r}; use duckdb or spark")
    if spark_master is not None and backend != "spark":
        raise LinkageError("a Spark master is only used with the spark backend")


def _train_and_score(
    records: list[LinkRecord],
    decisions: dict[tuple[int, int], str],
    *,
    backend: Backend,
    spark: Any,
    spark_master: str | None,
    say: Callable[[str], None],
) -> tuple[LinkageModel, list[str]]:
    """Train the model on the registry and score its candidate pairs (reviewers' decisions are
    labels), starting and stopping a Spark session when the Spark backend has none given; with
    notes on where Spark's own log went."""
    spark_notes: list[str] = []
    started_spark = None
    if backend == "spark" and spark is None:
        say(f"starting Spark (master {spark_master})" if spark_master else "starting Spark")
        # On a cluster the executors write Splink's checkpoints here and the driver reads them.
        shared = os.environ.get("TIZIM_SPARK_DIR")
        try:
            work_dir = tempfile.mkdtemp(prefix="tizim-spark-", dir=shared)
            spark = started_spark = spark_session(work_dir, master=spark_master)
        except SparkMasterError as error:
            raise LinkageError(str(error)) from error
        except OSError as error:
            raise LinkageError(
                f"cannot make Spark's work folder in TIZIM_SPARK_DIR={shared}: {error.strerror}"
            ) from error
        spark_notes.append(f"Spark's own log: {work_dir}/spark.log")
    try:
        model = train_and_score(
            records,
            backend=backend,
            labels=[(a, b, v == PairDecision.Verdict.SAME) for (a, b), v in decisions.items()],
            spark=spark,
            explain_from=REVIEW_FLOOR,
            progress=say,
        )
    finally:
        # A cluster's executors are held until the session ends: free them for others at once.
        if started_spark is not None:
            started_spark.stop()
    return model, spark_notes


def finish_run(run: LinkRun, change: Any, *, queued: int, persons: int) -> None:
    """Record what a run did (its membership change, pairs queued, persons after) and audit
    it; inside the run's transaction."""
    run.change = change
    run.records_moved = change.opened.count() if change else 0
    run.queued = queued
    run.persons_after = persons
    run.finished_at = timezone.now()
    run.save()
    record_action(
        "linkage.run",
        actor=run.actor,
        object_type="link_run",
        object_id=run.pk,
        details={
            "backend": run.backend,
            "mode": run.mode,
            "threshold": run.threshold,
            "records": run.records,
            "new_records": run.new_records,
            "records_moved": run.records_moved,
            "queued": queued,
        },
    )


def _queue_for_review(
    run: LinkRun,
    pairs: Iterable[ScoredPair],
    refused: Iterable[Any],
    questions: Iterable[InitialsQuestion],
    threshold: float,
    decisions: Mapping[tuple[int, int], str],
    clusters: Iterable[Iterable[int]],
    *,
    replace_pending: bool = True,
) -> int:
    """Replace the pending queue with this run's uncertain pairs, refused joins and initials
    entries that fit several persons, grouped by the persons they ask about.

    Without ``replace_pending`` (a run that scored only new records, and so cannot say the
    older questions are settled) the pending pairs stay and only questions not yet asked are
    added."""
    pending = CandidatePair.objects.filter(status=CandidatePair.Status.PENDING)
    asked: set[tuple[int, int]] = set()
    if replace_pending:
        pending.update(status=CandidatePair.Status.STALE)
    else:
        asked = set(pending.values_list("record_a_id", "record_b_id"))
    decisions = {**decisions, **dict.fromkeys(asked, "asked")}
    by_pair = {(p.left, p.right): p for p in pairs}
    queue: dict[tuple[int, int], CandidatePair] = {}
    for join in refused:
        key = (min(join.left, join.right), max(join.left, join.right))
        scored = by_pair.get(key)
        if key in decisions or scored is None:
            continue
        # A refused join is a conflict between strong evidence: ask about it first.
        queue[key] = _candidate(run, scored, priority=-scored.probability, why=join.reason)
    for key, scored in by_pair.items():
        if key in queue or key in decisions:
            continue
        if REVIEW_FLOOR <= scored.probability < threshold:
            queue[key] = _candidate(
                run,
                scored,
                priority=abs(scored.probability - 0.5),
                why=f"uncertain: p = {scored.probability:.2f}",
            )
    for question in questions:
        for other in question.candidates:
            key = (min(question.record, other), max(question.record, other))
            if key in decisions or key in queue:
                continue
            scored = by_pair.get(key) or ScoredPair(key[0], key[1], 0.5, 0.0, {})
            queue[key] = _candidate(
                run,
                scored,
                priority=-0.5,
                why=f"{question.reason}: one of these {len(question.candidates)}",
            )
    _group(queue, clusters)
    CandidatePair.objects.bulk_create(queue.values(), batch_size=2000)
    return len(queue)


def _group(
    queue: Mapping[tuple[int, int], CandidatePair], clusters: Iterable[Iterable[int]]
) -> None:
    """Give queued pairs that ask about the same persons one group: persons (clusters) joined
    through queued pairs, keyed by their smallest record, asked in the order of the group's most
    pressing pair."""
    person_of = {record: min(members) for members in map(list, clusters) for record in members}
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in queue:
        ra, rb = find(person_of.get(a, a)), find(person_of.get(b, b))
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    members: dict[int, list[CandidatePair]] = defaultdict(list)
    for (a, _), candidate in queue.items():
        members[find(person_of.get(a, a))].append(candidate)
    for key, candidates in members.items():
        first = min(c.priority for c in candidates)
        label = f"{len(candidates)} questions about the same people" if len(candidates) > 1 else ""
        for candidate in candidates:
            candidate.group_key = key
            candidate.group_priority = first
            candidate.group_size = len(candidates)
            candidate.group_label = label


def _candidate(run: LinkRun, scored: ScoredPair, *, priority: float, why: str) -> CandidatePair:
    return CandidatePair(
        run=run,
        record_a_id=scored.left,
        record_b_id=scored.right,
        probability=scored.probability,
        match_weight=scored.match_weight,
        priority=priority,
        why_queued=why[:200],
        contributions_json=json.dumps(
            {k: [label, round(bf, 3)] for k, (label, bf) in scored.contributions.items()},
            ensure_ascii=False,
        ),
    )


def decide_pair(
    record_a_id: int,
    record_b_id: int,
    verdict: str,
    *,
    actor: Actor = "",
    note: str = "",
) -> PairDecision:
    """Record a reviewer's verdict on two records and make the registry agree with it.

    ``same``: their persons are merged (if apart). ``different``: if they are one person, the
    second record is split off into a person of its own. ``unsure``: nothing moves. Every later
    linkage run keeps to the verdict; ``withdraw_decision`` reverses it.

    ``actor`` is a user (who must hold ``linkage.add_pairdecision``: PermissionDenied
    otherwise) or, from the command line, a name.
    """
    actor = acting_as(actor, "linkage.add_pairdecision")
    if verdict not in PairDecision.Verdict.values or verdict == PairDecision.Verdict.WITHDRAWN:
        raise LinkageError(f"unknown verdict {verdict!r}; use same, different or unsure")
    a_id, b_id = sorted((record_a_id, record_b_id))
    if a_id == b_id:
        raise LinkageError("a record cannot be compared with itself")
    with transaction.atomic():
        found = {r.pk: r for r in Record.objects.filter(pk__in=(a_id, b_id))}
        if len(found) != 2:
            raise LinkageError("one of the two records does not exist")
        a, b = found[a_id], found[b_id]
        if a.quarantine_reason or b.quarantine_reason:
            raise LinkageError("a quarantined record joins no person until its problem is fixed")
        reason = f"review: {verdict}" + (f" — {note}" if note else "")
        change = None
        if verdict == PairDecision.Verdict.SAME and a.person_id != b.person_id:
            keep, absorb = _bigger_first(a.person_id, b.person_id)
            change = merge_persons(keep, absorb, reason=reason, actor=actor)
        elif verdict == PairDecision.Verdict.DIFFERENT and a.person_id == b.person_id:
            change = split_records([b.pk], reason=reason, actor=actor)
        decision = PairDecision.objects.create(
            record_a=a, record_b=b, verdict=verdict, actor=actor, note=note, change=change
        )
        CandidatePair.objects.filter(
            record_a_id=a_id, record_b_id=b_id, status=CandidatePair.Status.PENDING
        ).update(status=CandidatePair.Status.DECIDED)
        record_action(
            "linkage.decision",
            actor=actor,
            object_type="pair_decision",
            object_id=decision.pk,
            details={"records": [a_id, b_id], "verdict": verdict, "change": change and change.pk},
        )
    return decision


def _bigger_first(person_a: int | None, person_b: int | None) -> tuple[Person, Person]:
    persons = list(Person.objects.filter(pk__in=(person_a, person_b)))
    persons.sort(key=lambda p: (-p.records.count(), p.pk))
    return persons[0], persons[1]


def withdraw_decision(decision: PairDecision, *, actor: Actor = "", note: str = "") -> PairDecision:
    """Take a verdict back: the merge or split it caused is undone and later runs are free to
    decide the pair again. A user ``actor`` must hold ``linkage.add_pairdecision``."""
    actor = acting_as(actor, "linkage.add_pairdecision")
    with transaction.atomic():
        latest = (
            PairDecision.objects.filter(
                record_a_id=decision.record_a_id, record_b_id=decision.record_b_id
            )
            .order_by("-id")
            .first()
        )
        if latest is None or latest.pk != decision.pk:
            raise LinkageError("only the latest decision on a pair can be withdrawn")
        if decision.verdict == PairDecision.Verdict.WITHDRAWN:
            raise LinkageError("this decision was already withdrawn")
        if decision.change is not None and decision.change.undone_by_id is None:
            undo_change(decision.change, reason=f"decision #{decision.pk} withdrawn", actor=actor)
        withdrawn = PairDecision.objects.create(
            record_a_id=decision.record_a_id,
            record_b_id=decision.record_b_id,
            verdict=PairDecision.Verdict.WITHDRAWN,
            actor=actor,
            note=note,
        )
        record_action(
            "linkage.withdraw",
            actor=actor,
            object_type="pair_decision",
            object_id=withdrawn.pk,
            details={"withdraws": decision.pk},
        )
    return withdrawn
