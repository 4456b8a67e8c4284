"""Admin of recipient keys (read-only), and the admin site's login sent to the two-step one."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import admin
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

from tizim.accounts.models import RecipientKey


@admin.register(RecipientKey)
class RecipientKeyAdmin(admin.ModelAdmin):
    list_display = ("user", "fingerprint", "created_at", "revoked_at")
    list_filter = ("revoked_at",)
    fields = ("user", "fingerprint", "created_at", "revoked_at")
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


def _login_through_tizim(request: HttpRequest, extra_context: Any = None) -> HttpResponse:
    """The admin site's own login form would skip the second factor, the key unlock and the
    audit log: send it to tizim's login instead."""
    next_url = request.GET.get("next") or reverse("admin:index")
    return HttpResponseRedirect(f"{reverse('login')}?{urlencode({'next': next_url})}")


admin.site.login = _login_through_tizim  # type: ignore[method-assign]
