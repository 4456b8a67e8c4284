"""Forms of the staff pages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tizim.registry.labels import FATE_CHOICES


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
        field.choices = [("", _("any source")), *((s, s) for s in sources or [])]
