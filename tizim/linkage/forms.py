"""Forms of the review pages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tizim.linkage.models import PairDecision


class VerdictForm(forms.Form):
    """A reviewer's answer on one pair."""

    verdict = forms.ChoiceField(
        choices=[
            (PairDecision.Verdict.SAME, _("same person")),
            (PairDecision.Verdict.DIFFERENT, _("different people")),
            (PairDecision.Verdict.UNSURE, _("unsure")),
        ],
        label=_("Verdict"),
    )
    note = forms.CharField(required=False, max_length=2000, label=_("Note"))
