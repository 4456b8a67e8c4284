"""Reads of staff uploads."""

from __future__ import annotations

from django.db.models import QuerySet

from tizim.intake.models import ImportJob


def recent_jobs(limit: int = 50) -> QuerySet[ImportJob]:
    """The newest uploads, with their source and uploader."""
    return ImportJob.objects.select_related("source", "created_by").order_by("-created_at")[:limit]
