"""Forms of the staff pages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tizim.registry.labels import FATE_CHOICES
from tizim.registry.models import Source


class PersonFilterForm(forms.Form):
    """Search and filters of the persons list (GET, so a filtered list has a URL)."""

    q = forms.CharField(required=False, label=_("Name"), max_length=200)
    fate = forms.ChoiceField(required=False, choices=[("", _("any fate")), *FATE_CHOICES])
    place = forms.CharField(required=False, label=_("Place"), max_length=100)
    source = forms.ChoiceField(required=False, choices=[("", _("any source"))])

    def __init__(self, *args: object, sources: list[str] | None = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        field = self.fields["source"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", "any source"), *((s, s) for s in sources or [])]


# --- correcting where it is seen ------------------------------------------------------------

_FATE_OR_NONE = [("", _("(none)")), *FATE_CHOICES]


class FindPersonForm(forms.Form):
    """A name to find the person to merge with or move records to (any script)."""

    find = forms.CharField(required=False, max_length=200, label=_("Find a person by name"))


class ReasonField(forms.CharField):
    """Why a change is made: kept in the audit log and the membership history."""

    def __init__(self, **kwargs: object) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 500)
        kwargs.setdefault("label", _("Why (kept in the history)"))
        super().__init__(**kwargs)  # type: ignore[arg-type]


class MergeForm(forms.Form):
    """Merge another person into this one."""

    other = forms.CharField(max_length=16, widget=forms.HiddenInput)
    reason = ReasonField()


class RecordsForm(forms.Form):
    """Some of a person's records, to split off into a new person or move to another one."""

    records = forms.TypedMultipleChoiceField(
        coerce=int, widget=forms.CheckboxSelectMultiple, label=_("Records")
    )
    # Chosen among the persons a name search found (the page lists them), not typed.
    target = forms.CharField(required=False, max_length=16)
    reason = ReasonField()

    def __init__(self, *args: object, choices: list[tuple[int, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        field = self.fields["records"]
        assert isinstance(field, forms.TypedMultipleChoiceField)
        field.choices = choices


class NoteForm(forms.Form):
    """A staff note on a person."""

    text = forms.CharField(
        max_length=5000, widget=forms.Textarea(attrs={"rows": 3}), label=_("Add a note")
    )


class CorrectionForm(forms.Form):
    """A record's reading as a person would type it; only the fields changed are corrected."""

    full_name = forms.CharField(max_length=300, label=_("Name"))
    sex = forms.ChoiceField(
        required=False,
        choices=[("", _("unknown")), ("m", _("male")), ("f", _("female"))],
        label=_("Sex"),
    )
    birth_date = forms.CharField(
        required=False,
        max_length=100,
        label=_("Born"),
        help_text=_("A date (12.03.1985), a year (1985 г.р.) or an age (37 лет)."),
    )
    place = forms.CharField(required=False, max_length=300, label=_("Place"))
    fate = forms.ChoiceField(required=False, choices=_FATE_OR_NONE, label=_("Fate"))
    event_date = forms.CharField(required=False, max_length=100, label=_("Date of the event"))
    facility = forms.CharField(required=False, max_length=300, label=_("Where held"))
    notes = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 2}), label=_("Notes of the list")
    )
    note = ReasonField()


class ReadmitForm(forms.Form):
    """A quarantined row's cells as the source wrote them, to fix and read again."""

    note = ReasonField()

    def __init__(self, *args: object, cells: list[tuple[str, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.headers = [header for header, _ in cells]
        for index, (header, value) in enumerate(cells):
            self.fields[f"cell_{index}"] = forms.CharField(
                required=False, max_length=2000, label=header, initial=value, strip=False
            )
        self.order_fields([*(f"cell_{i}" for i in range(len(cells))), "note"])

    def cells(self) -> list[str]:
        """The cells as fixed, in the row's order."""
        return [self.cleaned_data[f"cell_{i}"] for i in range(len(self.headers))]


class SourceForm(forms.Form):
    """A source: a list or channel records come from."""

    name = forms.SlugField(
        max_length=80,
        label=_("Short name"),
        help_text=_("Letters, digits and dashes, used on the command line: ngo-sheet."),
    )
    kind = forms.ChoiceField(choices=Source.Kind.choices, label=_("Kind"))
    title = forms.CharField(required=False, max_length=300, label=_("Title"))
    organisation = forms.CharField(required=False, max_length=300, label=_("Organisation"))
    language = forms.ChoiceField(
        required=False,
        choices=[
            ("", "—"),
            ("kk", "қазақша"),
            ("ru", "русский"),
            ("en", "English"),
            ("mixed", _("mixed")),
        ],
        label=_("Language"),
    )
    url = forms.URLField(
        required=False, max_length=1000, label=_("Address (URL)"), assume_scheme="https"
    )
    obtained_on = forms.DateField(
        required=False,
        label=_("Obtained on"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    reliability_note = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        label=_("Reliability"),
        help_text=_("Who keeps the list, how they check it, what it is known to miss."),
    )
    default_fate = forms.ChoiceField(
        required=False,
        choices=_FATE_OR_NONE,
        label=_("Fate of everyone on the list"),
        help_text=_(
            "Only for a list of one fate (a list of the dead: killed); rows that state no "
            "fate of their own take it."
        ),
    )

    def __init__(self, *args: object, editing: Source | None = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        if editing is not None:
            # The name is the handle scripts and the command line use: it stays.
            del self.fields["name"]
