"""Django admin for the registry. Raw values are shown, never editable."""

from django.contrib import admin
from django.http import HttpRequest

from tizim.registry.models import Claim, FateEvent, ImportBatch, LinkChange, Person, Record, Source


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = (
        "name",
        "title",
        "kind",
        "default_fate",
        "organisation",
        "language",
        "obtained_on",
    )
    list_filter = ("kind", "language", "default_fate")
    search_fields = ("name", "title", "organisation")


@admin.register(Record)
class RecordAdmin(admin.ModelAdmin):
    list_display = ("id", "source", "row_number", "full_name", "fate", "place_code", "person")
    list_filter = ("source", "fate")
    search_fields = ("full_name", "surname", "given_name", "source_record_id")
    readonly_fields = (
        "source",
        "import_batch",
        "row_number",
        "source_record_id",
        "raw_json",
        "raw_sha256",
        "previous_version",
        "person",
    )

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ("public_id", "display_name", "created_at")
    search_fields = ("public_id", "display_name")

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(FateEvent)
class FateEventAdmin(admin.ModelAdmin):
    list_display = ("person", "fate", "on_date", "date_basis", "reported_on")
    list_filter = ("fate",)


@admin.register(Claim)
class ClaimAdmin(admin.ModelAdmin):
    list_display = ("claimant", "counted", "qualifier", "value", "as_of", "status")
    list_filter = ("status", "fate")


@admin.register(ImportBatch)
class ImportBatchAdmin(admin.ModelAdmin):
    list_display = (
        "source",
        "filename",
        "rows_read",
        "imported",
        "quarantined",
        "unchanged",
        "default_fate",
    )
    readonly_fields = [f.name for f in ImportBatch._meta.fields]


@admin.register(LinkChange)
class LinkChangeAdmin(admin.ModelAdmin):
    list_display = ("id", "kind", "actor", "at", "undone_by")
    readonly_fields = ("kind", "reason", "actor", "at", "undone_by")
