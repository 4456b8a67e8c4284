"""Forms of the Numbers pages: which counts to show, which estimate to run."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from tizim.core.counting import Measure
from tizim.core.estimation import ShapeCheckSettings
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
    hard_to_record = forms.ChoiceField(
        choices=[
            ("4.5", _("four and a half times (the default)")),
            ("2", _("twice")),
            ("6", _("six times")),
            ("off", _("no check")),
        ],
        initial="4.5",
        required=False,
        label=_("Simulation check: 7 in 10 people harder to record"),
        help_text=_(
            "The lead's interval is checked on tables like yours drawn from a population in "
            "which 7 in 10 people are this much harder to record than the rest, and widened "
            "where it would miss the truth there (docs/estimation.md)."
        ),
    )

    def shape_check(self) -> ShapeCheckSettings:
        """The simulation check chosen (call after validation)."""
        chosen = self.cleaned_data.get("hard_to_record") or "4.5"
        if chosen == "off":
            return ShapeCheckSettings(tables=0)
        return ShapeCheckSettings(harder=float(chosen))
