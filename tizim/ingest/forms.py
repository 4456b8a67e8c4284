"""The Ingest form: an article uploaded or pasted, under a source, with its date if the page
gives none."""

from __future__ import annotations

from typing import Any

from django import forms

from tizim.core.errors import ParseError
from tizim.core.ingest.readers import check_size


class ArticleForm(forms.Form):
    source = forms.SlugField(
        max_length=80,
        help_text="A short name for the article's source (made if new), e.g. bbc-2022-01-21.",
    )
    file = forms.FileField(
        required=False, help_text="A saved web page (HTML), plain text, PDF or DOCX."
    )
    text = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 10, "cols": 90}),
        label="or paste the text",
    )
    published = forms.DateField(
        required=False,
        help_text="YYYY-MM-DD; needed only when the page does not say its date.",
    )
    language = forms.ChoiceField(
        required=False,
        choices=[("", "detect"), ("kk", "Kazakh"), ("ru", "Russian"), ("en", "English")],
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        upload, text = cleaned.get("file"), (cleaned.get("text") or "").strip()
        if upload is None and not text:
            raise forms.ValidationError("Upload a file or paste the article's text.")
        if upload is not None and text:
            raise forms.ValidationError("Upload a file or paste a text, not both.")
        if upload is not None:
            try:
                check_size(upload.size or 0)
            except ParseError as exc:
                raise forms.ValidationError(exc.reason) from None
        return cleaned


class ClaimDecisionForm(forms.Form):
    """A claim as the reviewer accepts it (the proposal's values, corrected if needed)."""

    value = forms.IntegerField(min_value=0)
    qualifier = forms.ChoiceField(
        choices=[
            (q, q.replace("_", " ")) for q in ("exact", "at_least", "about", "more_than", "nearly")
        ]
    )
    counted = forms.CharField(max_length=300)
    fate_group = forms.ChoiceField(
        required=False,
        choices=[("", "none (not people: cases…)")]
        + [(g, g) for g in ("dead", "injured", "missing", "custody", "prosecuted", "released")],
    )
    measure = forms.ChoiceField(choices=[("ever", "ever, by the date"), ("on_date", "on the date")])
    claimant = forms.CharField(max_length=300, required=False)
    as_of = forms.DateField(required=False, help_text="blank: the article's date")
    region = forms.CharField(max_length=64, required=False)
    status = forms.ChoiceField(
        required=False,
        choices=[("", "standing"), ("disavowed", "disavowed"), ("revised", "revised"),
                 ("disputed", "disputed")],
    )  # fmt: skip


class PersonDecisionForm(forms.Form):
    """A person as the reviewer accepts them."""

    name = forms.CharField(max_length=300)
    fate = forms.ChoiceField(
        choices=[
            (f, f)
            for f in (
                "killed",
                "died_in_custody",
                "missing",
                "disappeared",
                "detained",
                "arrested",
                "charged",
                "convicted",
                "injured",
                "released",
                "found",
            )
        ]
    )
    date = forms.DateField(required=False)
    age = forms.IntegerField(required=False, min_value=0, max_value=120)
    place = forms.CharField(max_length=300, required=False)
