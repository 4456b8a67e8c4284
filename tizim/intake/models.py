"""An uploaded list on its way into the registry: previewed, confirmed, imported."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from tizim.registry.models import ImportBatch, Source


class ImportJob(models.Model):
    """One upload by a staff member. The file is kept only until it is imported or discarded:
    once imported, its rows live in the registry and the copy on disk is deleted."""

    class Status(models.TextChoices):
        PREVIEWED = "previewed", "previewed, waiting for confirmation"
        QUEUED = "queued", "queued"
        RUNNING = "running", "importing"
        DONE = "done", "imported"
        FAILED = "failed", "failed"
        DISCARDED = "discarded", "discarded"

    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="import_jobs")
    original_name = models.CharField(max_length=300)
    stored_path = models.CharField(max_length=500, blank=True)
    sheet = models.CharField(max_length=200, blank=True)
    obtained_on = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PREVIEWED)
    preview = models.JSONField(default=dict, blank=True)
    rows_total = models.PositiveIntegerField(default=0)
    rows_done = models.PositiveIntegerField(default=0)
    summary = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True)
    batch = models.ForeignKey(
        ImportBatch, on_delete=models.PROTECT, null=True, blank=True, related_name="jobs"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="import_jobs"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.original_name} → {self.source.name} ({self.status})"

    @property
    def percent(self) -> int:
        if self.status == self.Status.DONE:
            return 100
        return min(99, int(100 * self.rows_done / self.rows_total)) if self.rows_total else 0
