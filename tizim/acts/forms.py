"""Forms of the acts pages. The act form is made for a volunteer typing up an interview:
dates as people say them ("6 января около 20:00"), places as written, a pasted passage of
testimony that proposes the act type, force and kind of facility (never stored), and a
"save and add another" that keeps the source and the event."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tizim.acts.labels import in_page_language, page_language
from tizim.acts.models import Act, Event, Evidence, Facility, Unit
from tizim.core.acts.vocabulary import ActType, FacilityKind, UnitKind
from tizim.core.dates import PartialDateTime, parse_partial_datetime
from tizim.core.errors import ParseError
from tizim.registry.models import Source


def trilingual(label: Any) -> str:
    """ "English / русский / қазақша" for a vocabulary term (volunteers work in all three)."""
    return f"{label('en')} / {label('ru')} / {label('kk')}"


ACT_TYPE_FORM_CHOICES = [
    (t.value, ("— " if t.parent else "") + trilingual(t.label)) for t in ActType
]
UNIT_FORM_CHOICES = [(u.value, trilingual(u.label)) for u in UnitKind]
FACILITY_KIND_FORM_CHOICES = [(f.value, trilingual(f.label)) for f in FacilityKind]


def parse_when(text: str) -> PartialDateTime | None:
    """A date-time field's value: None when blank, ValidationError saying why when unclear."""
    if not text.strip():
        return None
    try:
        return parse_partial_datetime(text)
    except ParseError as error:
        raise forms.ValidationError(error.reason) from None


class _FacilityChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.name_en} — {obj.name_ru}" if obj.name_ru else obj.name_en


class ActForm(forms.Form):
    act_type = forms.ChoiceField(label=_("What was done"), choices=ACT_TYPE_FORM_CHOICES)
    when = forms.CharField(
        label=_("When"),
        required=False,
        help_text=_("As said: 6.01.2022 19:54, около 20:00 6 января, early January."),
    )
    until = forms.CharField(label=_("Until"), required=False, help_text=_("For acts that lasted."))
    place = forms.CharField(label=_("Where (town)"), required=False)
    facility = _FacilityChoice(
        queryset=Facility.objects.none(), required=False, label=_("Facility")
    )
    unit_kind = forms.ChoiceField(
        label=_("By which force"), choices=UNIT_FORM_CHOICES, initial=UnitKind.UNKNOWN.value
    )
    unit = forms.ModelChoiceField(
        label=_("Unit, if known"), queryset=Unit.objects.none(), required=False
    )
    event = forms.ModelChoiceField(
        label=_("Part of the incident"), queryset=Event.objects.none(), required=False
    )
    sources = forms.ModelMultipleChoiceField(
        label=_("Sources"),
        queryset=Source.objects.none(),
        help_text=_("Every act cites its source."),
    )
    citation = forms.CharField(
        label=_("Where in the source"),
        required=False,
        max_length=300,
        help_text=_("Row, page, or the interview's date."),
    )
    confidence = forms.ChoiceField(
        choices=Act.Confidence.choices, initial="possible", label=_("Confidence")
    )
    description = forms.CharField(
        label=_("What happened (no officer's name here)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    officers = forms.CharField(
        label=_("Individual officers (sealed)"),
        required=False,
        max_length=1000,
        help_text=_("Names, ranks, badge numbers. Sealed at once: you will not see them again."),
    )
    sealed_note = forms.CharField(
        label=_("Note naming them (sealed)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    testimony = forms.CharField(
        label=_("Passage of testimony (not stored)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Paste and press Suggest: the act type, force and facility it names are "
            "proposed for you to check."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["facility"].queryset = Facility.objects.order_by("name_en")  # type: ignore[attr-defined]
        self.fields["unit"].queryset = Unit.objects.order_by("kind", "name_en")  # type: ignore[attr-defined]
        self.fields["event"].queryset = Event.objects.order_by("start_earliest", "title")  # type: ignore[attr-defined]
        self.fields["sources"].queryset = Source.objects.order_by("name")  # type: ignore[attr-defined]

    def clean_when(self) -> PartialDateTime | None:
        return parse_when(self.cleaned_data["when"])

    def clean_until(self) -> PartialDateTime | None:
        return parse_when(self.cleaned_data["until"])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("when"), data.get("until")
        if end is not None and start is None and "when" not in self.errors:
            self.add_error("when", gettext("an act with an end needs a start"))
        elif start is not None and end is not None and end.latest() < start.earliest():
            self.add_error(
                "until",
                gettext("the end (%(end)s) is before the start (%(start)s)")
                % {"end": end, "start": start},
            )
        unit, kind = data.get("unit"), data.get("unit_kind")
        if unit is not None and kind not in (UnitKind.UNKNOWN.value, unit.kind):
            self.add_error(
                "unit",
                gettext("this unit is %(unit)s, not %(kind)s")
                % {"unit": UnitKind(unit.kind).label(page_language()), "kind": kind},
            )
        return data


class EvidenceForm(forms.Form):
    file = forms.FileField(label=_("File"))
    kind = forms.ChoiceField(choices=Evidence.Kind.choices, label=_("Kind"))
    act = forms.ModelChoiceField(
        label=_("About the act"), queryset=Act.objects.none(), required=False
    )
    captured = forms.CharField(label=_("Taken on"), required=False)
    capture_place = forms.CharField(label=_("Taken in (town)"), required=False)
    collected_by = forms.CharField(
        label=_("Collected by (sealed)"),
        required=False,
        max_length=300,
        help_text=_("Who gave or collected the file; sealed with it."),
    )
    note = forms.CharField(
        label=_("Note (sealed)"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, person: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if person is not None:
            self.fields["act"].queryset = Act.objects.filter(person=person)  # type: ignore[attr-defined]

    def clean_captured(self) -> PartialDateTime | None:
        return parse_when(self.cleaned_data["captured"])


class ShareForm(forms.Form):
    shared_with = forms.CharField(label=_("Shared with"), max_length=300)
    note = forms.CharField(required=False, max_length=500, label=_("Note"))


class ActFilterForm(forms.Form):
    act_type = forms.ChoiceField(
        label=_("act"),
        required=False,
        choices=[("", _("any act"))] + [(t.value, in_page_language(t.label)) for t in ActType],
    )
    unit_kind = forms.ChoiceField(
        label=_("force"),
        required=False,
        choices=[("", _("any force"))] + [(u.value, in_page_language(u.label)) for u in UnitKind],
    )
    facility = forms.ModelChoiceField(
        queryset=Facility.objects.none(),
        required=False,
        empty_label=_("any facility"),
        label=_("facility"),
    )
    facility_kind = forms.ChoiceField(
        label=_("kind of facility"),
        required=False,
        choices=[("", _("any kind"))]
        + [(f.value, in_page_language(f.label)) for f in FacilityKind],
    )
    place = forms.CharField(required=False, label=_("place"), help_text=_("town or region"))
    start = forms.DateField(label=_("from"), required=False)
    end = forms.DateField(label=_("to"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["facility"].queryset = Facility.objects.order_by("name_en")  # type: ignore[attr-defined]


class CountsForm(forms.Form):
    by = forms.MultipleChoiceField(
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=[
            ("act_group", _("act (methods under it)")),
            ("act_type", _("act type")),
            ("unit", _("force")),
            ("facility", _("facility")),
            ("facility_kind", _("kind of facility")),
            ("date", _("date")),
            ("place", _("region")),
        ],
    )
    start = forms.DateField(label=_("from"), required=False)
    end = forms.DateField(label=_("to"), required=False)
    language = forms.ChoiceField(
        required=False,
        label=_("Labels in"),
        choices=[
            ("", _("this page's language")),
            ("en", "English"),
            ("ru", "Русский"),
            ("kk", "Қазақша"),
        ],
    )


class EventForm(forms.Form):
    title = forms.CharField(max_length=300, label=_("Title"))
    when = forms.CharField(required=False, label=_("When"))
    until = forms.CharField(required=False, label=_("Until"))
    place = forms.CharField(required=False, label=_("Where (town)"))
    facility = _FacilityChoice(
        queryset=Facility.objects.none(), required=False, label=_("Facility")
    )
    description = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 3}), label=_("What happened")
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["facility"].queryset = Facility.objects.order_by("name_en")  # type: ignore[attr-defined]

    def clean_when(self) -> PartialDateTime | None:
        return parse_when(self.cleaned_data["when"])

    def clean_until(self) -> PartialDateTime | None:
        return parse_when(self.cleaned_data["until"])
