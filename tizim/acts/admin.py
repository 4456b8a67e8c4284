"""Admin of facilities, units and events (editable), and of acts and evidence (read-only:
sealed parts are never shown or edited here, and a chain of custody is only appended to)."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from tizim.acts.models import Act, CustodyEntry, Event, Evidence, Facility, Unit


@admin.register(Facility)
class FacilityAdmin(admin.ModelAdmin):
    list_display = ("slug", "kind", "name_en", "name_ru", "name_kk", "place_code")
    list_filter = ("kind", "place_code")
    search_fields = ("name_en", "name_ru", "name_kk", "slug")


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ("kind", "name_en", "name_ru", "name_kk")
    list_filter = ("kind",)


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ("title", "start_earliest", "place_code", "facility")
    exclude = ("start_earliest", "start_latest", "end_earliest", "end_latest")


class _ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Act)
class ActAdmin(_ReadOnly):
    list_display = ("id", "person", "act_type", "unit_kind", "facility", "start_earliest")
    list_filter = ("act_type", "unit_kind", "confidence")
    exclude = ("sealed_perpetrator",)


@admin.register(Evidence)
class EvidenceAdmin(_ReadOnly):
    list_display = ("public_id", "kind", "act", "person", "received_at", "received_by")
    exclude = ("sealed_meta",)


@admin.register(CustodyEntry)
class CustodyEntryAdmin(_ReadOnly):
    list_display = ("evidence", "action", "actor", "at", "shared_with")
    list_filter = ("action",)
