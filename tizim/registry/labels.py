"""The staff side's words for the codes of the framework-free vocabularies of ``tizim.core``
(fates, fate groups, measures, count rules), translated here at the Django boundary.

``tizim.core`` keeps English labels for the command line and imports no Django; the pages show
these lazy translations instead, resolved in the language of the request (decision 0019).
Vocabularies that carry their own kk/ru/en labels in their data (the acts vocabularies, the
claimants of ``core.claim_words``) pick the page's language instead and are not repeated here.
"""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from tizim.core.counting import FATE_GROUPS, CountRule, Measure
from tizim.core.fates import Fate

FATE_LABELS: dict[str, Promise] = {
    Fate.MISSING: _("missing"),
    Fate.DETAINED: _("detained"),
    Fate.ARRESTED: _("arrested"),
    Fate.CHARGED: _("charged"),
    Fate.CONVICTED: _("convicted"),
    Fate.RELEASED: _("released"),
    Fate.INJURED: _("injured"),
    Fate.KILLED: pgettext_lazy("fate", "killed"),
    Fate.DIED_IN_CUSTODY: _("died in custody"),
    Fate.DISAPPEARED: _("disappeared"),
    Fate.FOUND: pgettext_lazy("fate", "found"),
}

#: The model and form choices of a fate, shown in the page's language.
FATE_CHOICES: list[tuple[str, Promise]] = [(f.value, FATE_LABELS[f]) for f in Fate]

GROUP_LABELS: dict[str, Promise] = {
    "dead": _("dead (killed or died in custody)"),
    "missing": _("missing or disappeared"),
    "custody": _("in custody (detained, arrested, charged or convicted)"),
    "prosecuted": pgettext_lazy("group", "charged or convicted"),
    "injured": pgettext_lazy("group", "injured"),
    "released": pgettext_lazy("group", "released"),
    "found": pgettext_lazy("group", "found alive"),
}
assert set(GROUP_LABELS) == {g.code for g in FATE_GROUPS}, "a fate group without a label"

#: A fate group or a single fate, as the Numbers pages offer them.
SELECTOR_CHOICES: list[tuple[str, Promise]] = [
    (g.code, GROUP_LABELS[g.code]) for g in FATE_GROUPS
] + FATE_CHOICES

MEASURE_LABELS: dict[str, Promise] = {
    Measure.ON_DATE: _("in that status on the day"),
    Measure.EVER: _("at any time up to the day"),
}


def selector_label(selector: str) -> str:
    """A fate group's or a fate's label in the current language (the code when unknown)."""
    label = GROUP_LABELS.get(selector) or FATE_LABELS.get(selector)
    return str(label) if label is not None else selector


def describe_rule(rule: CountRule) -> str:
    """``CountRule.describe`` in the current language: what a documented number counts."""
    values = {
        "what": selector_label(rule.selector),
        "day": rule.day.isoformat(),
        "known": rule.known_by.isoformat() if rule.known_by else "",
    }
    if rule.measure is Measure.ON_DATE:
        if rule.known_by:
            return gettext("%(what)s on %(day)s, as the sources had said it by %(known)s") % values
        return gettext("%(what)s on %(day)s") % values
    if rule.known_by:
        return (
            gettext("%(what)s at any time up to %(day)s, as the sources had said it by %(known)s")
            % values
        )
    return gettext("%(what)s at any time up to %(day)s") % values


#: The parsed fields of a record, as the person page and the review page label their rows.
FIELD_LABELS: dict[str, Promise] = {
    "source_record_id": _("id in the source"),
    "full_name": _("full name"),
    "surname": _("surname"),
    "given_name": _("given name"),
    "patronymic": _("patronymic"),
    "sex": _("sex"),
    "birth_date": _("date of birth"),
    "birth_year_min": _("born no earlier than"),
    "birth_year_max": _("born no later than"),
    "place_text": _("place as written"),
    "place_code": _("place (gazetteer code)"),
    "fate": _("fate"),
    "event_date": _("date of the event"),
    "facility": _("facility"),
    "notes": _("notes"),
}


#: The fields a list's column can fill, beyond the record's own (``tizim.core.headers.FIELDS``).
COLUMN_LABELS: dict[str, Promise] = {
    "source_id": _("id in the source"),
    "age": _("age"),
    "place": _("place"),
    "event_date_month_first": _("date of the event, month first (1/8/2022 is 8 January)"),
    "birth_date_month_first": _("date of birth, month first (12/25/1990 is 25 December)"),
}


def column_label(name: str) -> str:
    """What a list's column is read as, in the current language."""
    label = COLUMN_LABELS.get(name)
    return str(label) if label is not None else field_label(name)


def field_label(name: str) -> str:
    """A record field's label in the current language (the name, spaced, when unknown)."""
    label = FIELD_LABELS.get(name)
    return str(label) if label is not None else name.replace("_", " ")


def field_value(name: str, value: object) -> object:
    """A record field's value for people: a fate's label instead of its code."""
    if name == "fate" and isinstance(value, str) and value in FATE_LABELS:
        return str(FATE_LABELS[value])
    return value
