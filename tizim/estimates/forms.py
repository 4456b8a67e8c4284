"""Forms of the Numbers pages: which counts to show, which estimate to run."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from tizim.core.counting import Measure
from tizim.registry.labels import MEASURE_LABELS, SELECTOR_CHOICES


class CountsForm(forms.Form):
    """The day, the measure and the breakdown of the documented counts."""

    on = forms.DateField(
        required=False, label=_("Day"), widget=forms.DateInput(attrs={"type": "date"})
    )
    measure = forms.ChoiceField(
        choices=[(m.value, MEASURE_LABELS[m]) for m in Measure],
        required=False,
        label=_("Count persons"),
    )
    known_by = forms.DateField(
        required=False,
        label=_("As the sources had said it by"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Leave blank for everything known now."),
    )
    by = forms.ChoiceField(
        choices=[("region", _("region")), ("source", _("source")), ("none", _("no breakdown"))],
        required=False,
        label=_("By"),
    )
    source = forms.ChoiceField(required=False, label=_("Recorded by"))

    def __init__(self, *args: object, sources: list[str], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["source"].choices = [("", _("any source"))] + [(s, s) for s in sources]  # type: ignore[attr-defined]


class EstimateForm(forms.Form):
    """What to estimate from the registry's linked lists."""

    selector = forms.ChoiceField(choices=SELECTOR_CHOICES, initial="dead", label=_("Fate"))
    by = forms.ChoiceField(
        choices=[("", _("all together")), ("region", _("per region (strata summed)"))],
        required=False,
        label=_("Strata"),
    )
    as_of = forms.DateField(
        required=False,
        label=_("Fates up to"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Leave blank for everything known."),
    )
