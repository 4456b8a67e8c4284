"""The Ingest form: an article uploaded or pasted, under a source (named in any words; its
short name is made from them), with its date if the page gives none."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from tizim.core.errors import ParseError
from tizim.core.ingest.readers import check_size
from tizim.registry.labels import FATE_LABELS, GROUP_LABELS, MEASURE_LABELS
from tizim.registry.models import Claim
from tizim.registry.sources import short_name


class ArticleForm(forms.Form):
    source = forms.CharField(
        max_length=200,
        label=_("Source"),
        help_text=_(
            "A name for the article's source (made if new): a short one such as "
            "bbc-2022-01-21, or any words, which are made into one (“Чат родственников, "
            "Шиели” becomes chat-rodstvennikov-shieli)."
        ),
    )
    file = forms.FileField(
        required=False,
        label=_("File"),
        help_text=_("A saved web page (HTML), plain text, PDF or DOCX."),
    )
    text = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 10, "cols": 90}),
        label=_("or paste the text"),
    )
    published = forms.DateField(
        required=False,
        label=_("Published"),
        help_text=_("YYYY-MM-DD; needed only when the page does not say its date."),
    )
    language = forms.ChoiceField(
        required=False,
        label=_("Language"),
        choices=[("", _("detect")), ("kk", "Қазақша"), ("ru", "Русский"), ("en", "English")],
    )

    def clean_source(self) -> str:
        """The source's short name: as typed when it is one, else made from the words typed
        (a person names a source as they say it, not as a slug)."""
        words = self.cleaned_data["source"].strip()
        self.cleaned_data["source_title"] = words
        short = short_name(words)
        if not short:
            raise forms.ValidationError(
                _("Give the source a name with letters or digits, e.g. bbc-2022-01-21.")
            )
        return short

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        upload, text = cleaned.get("file"), (cleaned.get("text") or "").strip()
        if upload is None and not text:
            raise forms.ValidationError(_("Upload a file or paste the article's text."))
        if upload is not None and text:
            raise forms.ValidationError(_("Upload a file or paste a text, not both."))
        if upload is not None:
            try:
                check_size(upload.size or 0)
            except ParseError as exc:
                raise forms.ValidationError(exc.reason) from None
        return cleaned


class ClaimDecisionForm(forms.Form):
    """A claim as the reviewer accepts it (the proposal's values, corrected if needed)."""

    value = forms.IntegerField(min_value=0, label=_("Number"))
    qualifier = forms.ChoiceField(choices=Claim.Qualifier.choices, label=_("Qualifier"))
    counted = forms.CharField(max_length=300, label=_("What is counted"))
    fate_group = forms.ChoiceField(
        required=False,
        label=_("Fate group"),
        choices=[("", _("none (not people: cases…)"))]
        + [
            (g, GROUP_LABELS[g])
            for g in ("dead", "injured", "missing", "custody", "prosecuted", "released")
        ],
    )
    measure = forms.ChoiceField(
        choices=[("ever", MEASURE_LABELS["ever"]), ("on_date", MEASURE_LABELS["on_date"])],
        label=_("Measure"),
    )
    claimant = forms.CharField(max_length=300, required=False, label=_("Claimant"))
    as_of = forms.DateField(
        required=False, label=_("As of"), help_text=_("blank: the article's date")
    )
    region = forms.CharField(max_length=64, required=False, label=_("Region"))
    status = forms.ChoiceField(
        required=False,
        label=_("Status"),
        choices=[("", Claim.Status.STANDING.label)]
        + [(s.value, s.label) for s in Claim.Status if s != Claim.Status.STANDING],
    )


class PersonDecisionForm(forms.Form):
    """A person as the reviewer accepts them."""

    name = forms.CharField(max_length=300, label=_("Name"))
    fate = forms.ChoiceField(
        label=_("Fate"),
        choices=[
            (f, FATE_LABELS[f])
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
        ],
    )
    date = forms.DateField(required=False, label=_("Date"))
    age = forms.IntegerField(required=False, min_value=0, max_value=120, label=_("Age"))
    place = forms.CharField(max_length=300, required=False, label=_("Place"))
