"""Forms of the Numbers pages: which counts to show, which estimate to run."""

from __future__ import annotations

from django import forms

from tizim.core.counting import FATE_GROUPS, Measure
from tizim.core.fates import FATE_CHOICES

SELECTOR_CHOICES: list[tuple[str, str]] = [(g.code, g.label) for g in FATE_GROUPS] + list(
    FATE_CHOICES
)


class CountsForm(forms.Form):
    """The day, the measure and the breakdown of the documented counts."""

    on = forms.DateField(
        required=False, label="Day", widget=forms.DateInput(attrs={"type": "date"})
    )
    measure = forms.ChoiceField(
        choices=[(m.value, m.label) for m in Measure], required=False, label="Count persons"
    )
    known_by = forms.DateField(
        required=False,
        label="As the sources had said it by",
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="Leave blank for everything known now.",
    )
    by = forms.ChoiceField(
        choices=[("region", "region"), ("source", "source"), ("none", "no breakdown")],
        required=False,
        label="By",
    )
    source = forms.ChoiceField(required=False, label="Recorded by")

    def __init__(self, *args: object, sources: list[str], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["source"].choices = [("", "any source")] + [(s, s) for s in sources]  # type: ignore[attr-defined]


class EstimateForm(forms.Form):
    """What to estimate from the registry's linked lists."""

    selector = forms.ChoiceField(choices=SELECTOR_CHOICES, initial="dead", label="Fate")
    by = forms.ChoiceField(
        choices=[("", "all together"), ("region", "per region (strata summed)")],
        required=False,
        label="Strata",
    )
    as_of = forms.DateField(
        required=False,
        label="Fates up to",
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="Leave blank for everything known.",
    )
