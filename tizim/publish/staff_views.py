"""The staff page that decides whether, and what of, a person is published.

Reviewers and admins (``publish.change_publication``) choose the basis and the fields; the
rule for the person's fate is checked by ``services.publish_person``, which refuses with a
message saying why. The page shows exactly what the public would see.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tizim.accounts.access import require_perms
from tizim.publish import rules, selectors, services
from tizim.publish.models import Publication
from tizim.registry.models import Person

FIELD_LABELS = {
    "show_name": _("names (in every script given)"),
    "show_birth_year": _("year of birth"),
    "show_birth_date": _("full date of birth (the dead only)"),
    "show_place": _("town or region"),
    "show_fate": _("what happened, with dates"),
    "show_facility": _("facility where held or found (the dead only)"),
    "show_sources": _("sources cited"),
}


class PublicationForm(forms.Form):
    action = forms.ChoiceField(
        choices=[("publish", _("publish")), ("withdraw", _("withdraw"))], label=_("Action")
    )
    basis = forms.ChoiceField(
        choices=[("", "—"), *Publication.Basis.choices], required=False, label=_("Basis")
    )
    note = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        label=_("Note"),
        help_text=_("For staff only (never public): how consent was given, by whom, when."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, label in FIELD_LABELS.items():
            self.fields[name] = forms.BooleanField(label=label, required=False)


@require_perms("publish.view_publication", "publish.change_publication", "registry.view_person")
def publication(request: HttpRequest, public_id: str) -> HttpResponse:
    """Publish or withdraw one person; preview what the public sees."""
    person = get_object_or_404(Person, public_id=public_id)
    current = Publication.objects.filter(person=person).first()
    if request.method == "POST":
        form = PublicationForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                if data["action"] == "withdraw":
                    services.unpublish_person(person, reason=data["note"], actor=request.user)
                    messages.info(
                        request, gettext("Withdrawn: the person is gone from the public site.")
                    )
                else:
                    services.publish_person(
                        person,
                        basis=data["basis"],
                        fields={name: data[name] for name in FIELD_LABELS},
                        note=data["note"],
                        actor=request.user,
                    )
                    messages.info(request, gettext("Published."))
                return redirect("publication", public_id=public_id)
            except rules.PublicationRefused as refused:
                form.add_error(None, gettext("Not published: %(why)s.") % {"why": refused})
    else:
        initial: dict[str, Any] = dict(rules.FIELD_DEFAULTS)
        if current is not None:
            initial = {**services.fields_of(current), "basis": current.basis}
        initial["action"] = "publish"
        form = PublicationForm(initial=initial)
    preview = None
    public = selectors.published_persons().filter(pk=person.pk).first()
    if public is not None:
        preview = selectors.public_person(person.public_id)
    return render(
        request,
        "publish/staff_publication.html",
        {
            "person": person,
            "current": current,
            "form": form,
            "preview": preview,
            "field_names": list(FIELD_LABELS),
            "allowed": {k: sorted(v) for k, v in rules.ALLOWED_BASES.items()},
        },
    )
