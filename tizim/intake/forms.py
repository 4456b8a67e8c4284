"""The staff upload form."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from tizim.registry.models import Source


class UploadForm(forms.Form):
    """A list to import: which source it is a version of, and the file."""

    # No source is chosen for the user: a list imported into the wrong source is counted
    # under the wrong list, so the menu starts empty ("choose a source").
    source = forms.ModelChoiceField(
        queryset=Source.objects.order_by("name"),
        to_field_name="name",
        empty_label=_("— choose a source —"),
        label=_("Source"),
    )
    file = forms.FileField(
        label=_("File"), help_text=_("CSV, XLSX or ODS; headers in Kazakh, Russian or English.")
    )
    obtained_on = forms.DateField(
        required=False,
        label=_("Obtained on"),
        help_text=_("When this version of the list was obtained (YYYY-MM-DD); default today."),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    sheet = forms.CharField(
        required=False,
        max_length=200,
        label=_("Sheet"),
        help_text=_("Only this sheet of a workbook (default: every sheet)."),
    )


# --- the public report form ------------------------------------------------------------------


# Nothing is chosen beforehand: a reporter who skips the question must not report someone as
# missing by default. "Tortured" is an act, not a fate: it reaches triage as
# said, and the record made from it carries no fate; "I don't know" carries none either.
TORTURED = "tortured"
UNKNOWN = "unknown"
WHAT_HAPPENED_CHOICES = [
    ("missing", _("missing: nobody knows where they are")),
    ("detained", _("detained or arrested")),
    (TORTURED, _("tortured or ill-treated")),
    ("injured", _("injured")),
    ("killed", _("killed")),
    ("died_in_custody", _("died in custody")),
    ("released", _("released")),
    (UNKNOWN, _("I don't know")),
]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field (photos, videos, documents)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def clean(self, data: object, initial: object = None) -> list[object]:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []


class ReportForm(forms.Form):
    """What a reporter tells: about the person (kept for the registry) and, separately, about
    themselves (sealed). ``about`` is the public id of the published person the reporter came
    from ("Tell us safely" on a person page), if any."""

    about = forms.CharField(max_length=16, required=False, widget=forms.HiddenInput)

    person_name = forms.CharField(
        max_length=300,
        label=_("Full name of the person"),
        help_text=_("In any script: Kazakh, Russian or Latin letters."),
    )
    person_age = forms.CharField(max_length=100, required=False, label=_("Age or date of birth"))
    person_place = forms.CharField(max_length=300, required=False, label=_("City or town"))
    what_happened = forms.ChoiceField(
        choices=WHAT_HAPPENED_CHOICES, label=_("What happened"), widget=forms.RadioSelect
    )
    event_date = forms.CharField(
        max_length=100,
        required=False,
        label=_("When"),
        help_text=_("For example 06.01.2022."),
    )
    held_or_last_seen = forms.CharField(
        max_length=300, required=False, label=_("Where they are held, or were last seen")
    )
    relationship = forms.CharField(
        max_length=200, required=False, label=_("Who are you to this person?")
    )
    reporter_name = forms.CharField(max_length=300, required=False, label=_("Your name (optional)"))
    contact = forms.CharField(
        max_length=300,
        required=False,
        label=_("How can we reach you? (optional)"),
        help_text=_("A phone or messenger only you use. Leave empty if that is not safe."),
    )
    testimony = forms.CharField(
        max_length=20_000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        label=_("What you know"),
    )
    attachments = MultipleFileField(
        required=False,
        label=_("Photos, videos or documents (optional)"),
        help_text=_(
            "Up to 5 files, 20 MB each. Location and camera data are removed from copies staff see."
        ),
    )


class FollowUpForm(forms.Form):
    """The receipt phrase, to come back to a report."""

    phrase = forms.CharField(max_length=200, label=_("Your receipt phrase"))


class MoreInformationForm(forms.Form):
    """More information from the reporter (the phrase travels with it: no account, no cookie)."""

    phrase = forms.CharField(max_length=200, widget=forms.HiddenInput)
    text = forms.CharField(
        max_length=20_000, widget=forms.Textarea(attrs={"rows": 6}), label=_("Add information")
    )
