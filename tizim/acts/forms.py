"""Forms of the acts pages. The act form is made for a volunteer typing up an interview:
dates as people say them ("6 января около 20:00"), places as written, a pasted passage of
testimony that proposes the act type, force and kind of facility (never stored), and a
"save and add another" that keeps the source and the event."""

from __future__ import annotations

from typing import Any

from django import forms

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
    act_type = forms.ChoiceField(label="What was done", choices=ACT_TYPE_FORM_CHOICES)
    when = forms.CharField(
        label="When",
        required=False,
        help_text="As said: 6.01.2022 19:54, около 20:00 6 января, early January.",
    )
    until = forms.CharField(label="Until", required=False, help_text="For acts that lasted.")
    place = forms.CharField(label="Where (town)", required=False)
    facility = _FacilityChoice(queryset=Facility.objects.none(), required=False)
    unit_kind = forms.ChoiceField(
        label="By which force", choices=UNIT_FORM_CHOICES, initial=UnitKind.UNKNOWN.value
    )
    unit = forms.ModelChoiceField(
        label="Unit, if known", queryset=Unit.objects.none(), required=False
    )
    event = forms.ModelChoiceField(
        label="Part of the incident", queryset=Event.objects.none(), required=False
    )
    sources = forms.ModelMultipleChoiceField(
        label="Sources", queryset=Source.objects.none(), help_text="Every act cites its source."
    )
    citation = forms.CharField(
        label="Where in the source",
        required=False,
        max_length=300,
        help_text="Row, page, or the interview's date.",
    )
    confidence = forms.ChoiceField(choices=Act.Confidence.choices, initial="possible")
    description = forms.CharField(
        label="What happened (no officer's name here)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    officers = forms.CharField(
        label="Individual officers (sealed)",
        required=False,
        max_length=1000,
        help_text="Names, ranks, badge numbers. Sealed at once: you will not see them again.",
    )
    sealed_note = forms.CharField(
        label="Note naming them (sealed)", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    testimony = forms.CharField(
        label="Passage of testimony (not stored)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Paste and press Suggest: the act type, force and facility it names are "
        "proposed for you to check.",
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
            self.add_error("when", "an act with an end needs a start")
        elif start is not None and end is not None and end.latest() < start.earliest():
            self.add_error("until", f"the end ({end}) is before the start ({start})")
        unit, kind = data.get("unit"), data.get("unit_kind")
        if unit is not None and kind not in (UnitKind.UNKNOWN.value, unit.kind):
            self.add_error("unit", f"this unit is {UnitKind(unit.kind).label()}, not {kind}")
        return data


class EvidenceForm(forms.Form):
    file = forms.FileField()
    kind = forms.ChoiceField(choices=Evidence.Kind.choices)
    act = forms.ModelChoiceField(label="About the act", queryset=Act.objects.none(), required=False)
    captured = forms.CharField(label="Taken on", required=False)
    capture_place = forms.CharField(label="Taken in (town)", required=False)
    collected_by = forms.CharField(
        label="Collected by (sealed)",
        required=False,
        max_length=300,
        help_text="Who gave or collected the file; sealed with it.",
    )
    note = forms.CharField(
        label="Note (sealed)", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, person: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if person is not None:
            self.fields["act"].queryset = Act.objects.filter(person=person)  # type: ignore[attr-defined]

    def clean_captured(self) -> PartialDateTime | None:
        return parse_when(self.cleaned_data["captured"])


class ShareForm(forms.Form):
    shared_with = forms.CharField(label="Shared with", max_length=300)
    note = forms.CharField(required=False, max_length=500)


class ActFilterForm(forms.Form):
    act_type = forms.ChoiceField(
        required=False, choices=[("", "any act")] + [(t.value, t.label("en")) for t in ActType]
    )
    unit_kind = forms.ChoiceField(
        label="force",
        required=False,
        choices=[("", "any force")] + [(u.value, u.label("en")) for u in UnitKind],
    )
    facility = forms.ModelChoiceField(
        queryset=Facility.objects.none(), required=False, empty_label="any facility"
    )
    facility_kind = forms.ChoiceField(
        label="kind of facility",
        required=False,
        choices=[("", "any kind")] + [(f.value, f.label("en")) for f in FacilityKind],
    )
    place = forms.CharField(required=False, help_text="town or region")
    start = forms.DateField(label="from", required=False)
    end = forms.DateField(label="to", required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["facility"].queryset = Facility.objects.order_by("name_en")  # type: ignore[attr-defined]


class CountsForm(forms.Form):
    by = forms.MultipleChoiceField(
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=[
            ("act_group", "act (methods under it)"),
            ("act_type", "act type"),
            ("unit", "force"),
            ("facility", "facility"),
            ("facility_kind", "kind of facility"),
            ("date", "date"),
            ("place", "region"),
        ],
    )
    start = forms.DateField(label="from", required=False)
    end = forms.DateField(label="to", required=False)
    language = forms.ChoiceField(
        required=False, choices=[("en", "English"), ("ru", "Русский"), ("kk", "Қазақша")]
    )


class EventForm(forms.Form):
    title = forms.CharField(max_length=300)
    when = forms.CharField(required=False)
    until = forms.CharField(required=False)
    place = forms.CharField(required=False)
    facility = _FacilityChoice(queryset=Facility.objects.none(), required=False)
    description = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["facility"].queryset = Facility.objects.order_by("name_en")  # type: ignore[attr-defined]

    def clean_when(self) -> PartialDateTime | None:
        return parse_when(self.cleaned_data["when"])

    def clean_until(self) -> PartialDateTime | None:
        return parse_when(self.cleaned_data["until"])
