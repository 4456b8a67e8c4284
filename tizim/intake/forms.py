"""The staff upload form."""

from __future__ import annotations

from django import forms

from tizim.registry.models import Source


class UploadForm(forms.Form):
    """A list to import: which source it is a version of, and the file."""

    source = forms.ModelChoiceField(
        queryset=Source.objects.order_by("name"), to_field_name="name", empty_label=None
    )
    file = forms.FileField(help_text="CSV, XLSX or ODS; headers in Kazakh, Russian or English.")
    obtained_on = forms.DateField(
        required=False,
        label="Obtained on",
        help_text="When this version of the list was obtained (YYYY-MM-DD); default today.",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    sheet = forms.CharField(
        required=False,
        max_length=200,
        help_text="Only this sheet of a workbook (default: every sheet).",
    )
