"""The staff page of the audit log (admins): the checkpoint to keep away from the server, and
the newest entries. Verification itself is ``tizim audit verify`` (it reads every record)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from tizim.audit.keys import AuditKeyError, audit_key
from tizim.audit.models import AuditHead
from tizim.audit.selectors import current_checkpoint, recent_entries


# Django's own decorators, as ``accounts.access.require_perms`` does: the audit app is below
# every other app and imports none of them.
@never_cache
@login_required
@permission_required("audit.view_auditentry", raise_exception=True)
def audit_log(request: HttpRequest) -> HttpResponse:
    """The checkpoint line, how the log is keyed, and the newest 100 entries."""
    head = AuditHead.objects.filter(pk=1).first()
    try:
        key_state = _("present") if audit_key() is not None else _("not created yet")
    except AuditKeyError as exc:
        key_state = _("unusable: %(problem)s") % {"problem": exc}
    context = {
        "checkpoint": current_checkpoint(),
        "legacy_entries": head.keyed_from if head else None,
        "key_state": key_state,
        "entries": recent_entries(100),
    }
    return render(request, "audit/log.html", context)
