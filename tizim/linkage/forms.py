"""Forms of the review pages."""

from django import forms

from tizim.linkage.models import PairDecision


class VerdictForm(forms.Form):
    """A reviewer's answer on one pair."""

    verdict = forms.ChoiceField(
        choices=[
            (PairDecision.Verdict.SAME, "same person"),
            (PairDecision.Verdict.DIFFERENT, "different people"),
            (PairDecision.Verdict.UNSURE, "unsure"),
        ]
    )
    note = forms.CharField(required=False, max_length=2000)
