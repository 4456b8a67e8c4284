"""Admin views of linkage runs, candidate pairs and decisions (read-mostly)."""

from django.contrib import admin

from tizim.linkage.models import CandidatePair, LinkRun, PairDecision


@admin.register(LinkRun)
class LinkRunAdmin(admin.ModelAdmin):
    list_display = ("id", "started_at", "backend", "mode", "threshold", "records", "queued")
    readonly_fields = [f.name for f in LinkRun._meta.fields]


@admin.register(CandidatePair)
class CandidatePairAdmin(admin.ModelAdmin):
    list_display = ("id", "record_a", "record_b", "probability", "status", "why_queued")
    list_filter = ("status",)
    raw_id_fields = ("run", "record_a", "record_b")


@admin.register(PairDecision)
class PairDecisionAdmin(admin.ModelAdmin):
    list_display = ("id", "record_a", "record_b", "verdict", "actor", "at")
    list_filter = ("verdict",)
    # Decisions are changed by new decisions (and withdrawn), never edited in place.
    readonly_fields = [f.name for f in PairDecision._meta.fields]

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False
