"""Admin of saved estimation runs (read-only: a run is a record of what was computed)."""

from django.contrib import admin
from django.http import HttpRequest

from tizim.estimates.models import EstimateRun


@admin.register(EstimateRun)
class EstimateRunAdmin(admin.ModelAdmin):
    list_display = ("id", "created_at", "selector", "stratified_by", "observed", "estimate")
    list_filter = ("selector", "stratified_by")

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
