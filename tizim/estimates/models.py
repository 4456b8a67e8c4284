"""Saved estimation runs: what was estimated, from which lists, with what result.

Counts are not stored: they are recomputed from the fate timelines on every request, so a
merge, a split or a new list changes them at once. An estimate takes seconds and is a
statement the organisation may publish, so each run is kept with its inputs (the overlap
tables) and every model's result, to be shown, compared and defended later.
"""

from __future__ import annotations

from typing import Any

from django.db import models


class EstimateRun(models.Model):
    """One multiple-systems estimation over the registry's linked lists."""

    created_at = models.DateTimeField(auto_now_add=True)
    actor = models.CharField(max_length=150, blank=True)
    selector = models.CharField(
        max_length=32, help_text="A fate group (dead, custody, …) or one fate (killed, …)."
    )
    stratified_by = models.CharField(max_length=16, blank=True, help_text="blank or 'region'")
    as_of = models.DateField(
        null=True, blank=True, help_text="Fates up to this date only (blank: everything known)."
    )
    lists = models.JSONField(default=list, help_text="The sources used as lists, in order.")
    methods = models.JSONField(default=list)
    seed = models.IntegerField(default=0)
    observed = models.PositiveIntegerField(default=0)
    estimate = models.FloatField(null=True, blank=True, help_text="The recommended estimate.")
    lower = models.FloatField(null=True, blank=True)
    upper = models.FloatField(null=True, blank=True)
    recommended_method = models.CharField(max_length=32, blank=True)
    report = models.JSONField(default=dict, help_text="Every model's result, with the overlaps.")
    seconds = models.FloatField(default=0.0)

    class Meta:
        ordering = ["-id"]

    def __str__(self) -> str:
        by = f" by {self.stratified_by}" if self.stratified_by else ""
        return f"estimate #{self.pk}: {self.selector}{by}"

    @property
    def strata(self) -> dict[str, Any]:
        """Stratum key → report (one stratum, "all", when not stratified)."""
        if self.stratified_by:
            return dict(self.report.get("strata", {}))
        return {"all": self.report}

    @property
    def totals(self) -> list[dict[str, Any]]:
        """Per-method estimates of the whole (the sum over strata when stratified)."""
        if self.stratified_by:
            return list(self.report.get("totals", []))
        return list(self.report.get("estimates", []))
