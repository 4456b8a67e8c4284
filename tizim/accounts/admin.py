"""Admin of recipient keys (read-only), of users with passwords set through tizim's account
service, and the admin site's login sent to the two-step one."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.auth import get_user_model, update_session_auth_hash
from django.contrib.auth.admin import UserAdmin
from django.forms import ModelForm
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

from tizim.accounts import services
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


class TizimUserAdmin(UserAdmin):
    """Django's user admin, but a password set here goes through ``services.set_password``:
    it is audited and the user's sealing key is wrapped again (else a user who may unseal
    could never open their key with the new password)."""

    def user_change_password(
        self, request: HttpRequest, id: str, form_url: str = ""
    ) -> HttpResponse:
        user = self.get_object(request, unquote(id))
        if user is not None and user.pk == request.user.pk:
            # One's own password is changed with the old one, so the key is wrapped again
            # rather than replaced (a replaced key cannot open what was sealed to the old one).
            return HttpResponseRedirect(reverse("accounts:password"))
        if (
            request.method != "POST"
            or user is None
            or not self.has_change_permission(request, user)
        ):
            return super().user_change_password(request, id, form_url)
        form = self.change_password_form(user, request.POST)
        # Invalid forms and "disable password login" are Django's to show and do.
        if not form.is_valid() or not form.cleaned_data.get("set_usable_password", True):
            return super().user_change_password(request, id, form_url)
        services.set_password(user, form.cleaned_data["password1"], actor=request.user)
        self.log_change(request, user, self.construct_change_message(request, form, []))
        messages.success(request, "Password changed; the user's key follows it.")
        update_session_auth_hash(request, user)
        opts = user._meta
        return HttpResponseRedirect(
            reverse(
                f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_change", args=[user.pk]
            )
        )

    def save_model(self, request: HttpRequest, obj: Any, form: ModelForm, change: bool) -> None:
        password = None if change else form.cleaned_data.get("password1")
        if not password or not form.cleaned_data.get("set_usable_password", True):
            super().save_model(request, obj, form, change)
            return
        # Saved first without a password, then given one (and a key) by the service.
        obj.set_unusable_password()
        super().save_model(request, obj, form, change)
        services.set_password(obj, password, actor=request.user)


admin.site.unregister(get_user_model())
admin.site.register(get_user_model(), TizimUserAdmin)


def _login_through_tizim(request: HttpRequest, extra_context: Any = None) -> HttpResponse:
    """The admin site's own login form would skip the second factor, the key unlock and the
    audit log: send it to tizim's login instead."""
    next_url = request.GET.get("next") or reverse("admin:index")
    return HttpResponseRedirect(f"{reverse('login')}?{urlencode({'next': next_url})}")


admin.site.login = _login_through_tizim  # type: ignore[method-assign]
