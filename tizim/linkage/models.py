"""Linkage runs, the review queue and reviewers' decisions.

A run scores candidate pairs and clusters records into persons; the pairs a machine should not
decide alone become ``CandidatePair``s in the review queue. A reviewer's ``PairDecision`` binds
every later run: an accepted pair stays together, a rejected pair stays apart.
"""

from __future__ import annotations

import json
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from tizim.registry.models import LinkChange, Record


class LinkRun(models.Model):
    """One run of ``tizim link``: what it read, how it was set, what it did."""

    class Mode(models.TextChoices):
        INCREMENTAL = "incremental", _("incremental (new records join settled persons)")
        FULL = "full", _("full (every link re-decided, except reviewers' decisions)")
        NEW_RECORDS = "new_records", _("new records only (after an import, with the last model)")

    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    actor = models.CharField(max_length=150, blank=True)
    backend = models.CharField(max_length=16)
    mode = models.CharField(max_length=16, choices=Mode.choices)
    threshold = models.FloatField()
    records = models.PositiveIntegerField(default=0)
    new_records = models.PositiveIntegerField(default=0)
    pairs_scored = models.PositiveIntegerField(default=0)
    persons_after = models.PositiveIntegerField(default=0)
    records_moved = models.PositiveIntegerField(default=0)
    queued = models.PositiveIntegerField(default=0)
    # Records up to this id were seen by the run: the next incremental run treats records
    # above it as new.
    last_record_id = models.BigIntegerField(default=0)
    # A run an import started, not a person: its links are provisional (the model may have been
    # trained on a few lists), and the next run a person starts re-decides them.
    after_import = models.BooleanField(default=False)
    change = models.ForeignKey(
        LinkChange, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    model_json = models.TextField(blank=True, help_text="The trained Splink model, for audit.")
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["-id"]

    def __str__(self) -> str:
        return f"link run #{self.pk} ({self.backend}, {self.mode}, p ≥ {self.threshold})"


class CandidatePair(models.Model):
    """A pair of records a reviewer should look at, with the model's reasons."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for review")
        DECIDED = "decided", _("decided")
        STALE = "stale", _("replaced by a later run")

    run = models.ForeignKey(LinkRun, on_delete=models.PROTECT, related_name="candidates")
    record_a = models.ForeignKey(Record, on_delete=models.PROTECT, related_name="+")
    record_b = models.ForeignKey(Record, on_delete=models.PROTECT, related_name="+")
    probability = models.FloatField()
    match_weight = models.FloatField()
    # How close to a coin toss, weighted by what a decision would settle: lower = ask first.
    priority = models.FloatField(db_index=True)
    why_queued = models.CharField(max_length=200)
    # Pairs that ask about one person come together: the records they join, linked through the
    # queued pairs, are one group ("one of these N" for an initials entry that fits several).
    group_key = models.BigIntegerField(default=0)
    group_priority = models.FloatField(default=0.0)
    group_size = models.PositiveIntegerField(default=1)
    group_label = models.CharField(max_length=200, blank=True)
    contributions_json = models.TextField(default="{}")
    status = models.CharField(
        max_length=16, choices=Status.choices, default=Status.PENDING, db_index=True
    )

    class Meta:
        ordering = ["group_priority", "group_key", "priority", "id"]

    def __str__(self) -> str:
        return f"pair {self.record_a_id}–{self.record_b_id} (p={self.probability:.2f})"

    @property
    def contributions(self) -> dict[str, Any]:
        """Comparison name → [level label, log2 Bayes factor]."""
        data: dict[str, Any] = json.loads(self.contributions_json)
        return data


class PairDecision(models.Model):
    """A reviewer's verdict on two records. Append-only: the latest one for a pair counts."""

    class Verdict(models.TextChoices):
        SAME = "same", _("same person")
        DIFFERENT = "different", _("different people")
        UNSURE = "unsure", _("unsure")
        WITHDRAWN = "withdrawn", _("earlier decision withdrawn")

    record_a = models.ForeignKey(Record, on_delete=models.PROTECT, related_name="+")
    record_b = models.ForeignKey(Record, on_delete=models.PROTECT, related_name="+")
    verdict = models.CharField(max_length=16, choices=Verdict.choices)
    actor = models.CharField(max_length=150, blank=True)
    at = models.DateTimeField(auto_now_add=True)
    note = models.TextField(blank=True)
    candidate = models.ForeignKey(
        CandidatePair, on_delete=models.PROTECT, null=True, blank=True, related_name="decisions"
    )
    change = models.ForeignKey(
        LinkChange, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-id"]
        indexes = [models.Index(fields=["record_a", "record_b"])]

    def __str__(self) -> str:
        return f"{self.record_a_id}–{self.record_b_id}: {self.verdict}"
