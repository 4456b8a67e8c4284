"""Words of the public site for the codes stored in the registry, in kk, ru and en.

Lazy translations: resolved in the language of the request that shows them.
"""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

FATES: dict[str, Promise] = {
    "missing": _("missing"),
    "detained": _("detained"),
    "arrested": _("arrested"),
    "charged": _("charged"),
    "convicted": _("convicted"),
    "released": _("released"),
    "injured": _("injured"),
    "killed": pgettext_lazy("fate", "killed"),
    "died_in_custody": _("died in custody"),
    "disappeared": _("disappeared"),
    "found": _("found alive"),
}

LIST_TITLES: dict[str, Promise] = {
    "killed": _("The killed"),
    "missing": _("The missing"),
    "detained": _("The detained"),
}

LIST_DATE_LABELS: dict[str, Promise] = {
    "killed": _("Died on"),
    "missing": _("Missing since"),
    "detained": _("Detained on"),
}

GROUPS: dict[str, Promise] = {
    "dead": pgettext_lazy("group", "dead"),
    "injured": pgettext_lazy("group", "injured"),
    "missing": pgettext_lazy("group", "missing"),
    "custody": pgettext_lazy("group", "taken into custody"),
    "released": pgettext_lazy("group", "released"),
    "prosecuted": pgettext_lazy("group", "charged or convicted"),
    "found": pgettext_lazy("group", "found alive"),
}

SOURCE_KINDS: dict[str, Promise] = {
    "ngo_spreadsheet": _("a human-rights group's list"),
    "radio_list": _("a radio station's list"),
    "official_list": _("an official list"),
    "press_list": _("a newspaper's list"),
    "web_form": _("a report to this site (not yet corroborated)"),
    "news_article": _("a news article"),
    "interview": _("an interview"),
    "other": _("another source"),
}

#: A claimed figure with its qualifier, and the Kazakh case its number takes: in Kazakh
#: "nearly" and "more than" follow the number ("10 000-ға жуық", "10 000-нан астам").
CLAIMED: dict[str, tuple[Promise, str]] = {
    "exact": (_("exactly %(number)s"), ""),
    "at_least": (_("at least %(number)s"), ""),
    "about": (_("about %(number)s"), ""),
    "more_than": (_("more than %(number)s"), "ablative"),
    "nearly": (_("nearly %(number)s"), "dative"),
}

CLAIM_STATUSES: dict[str, Promise] = {
    "standing": _("standing"),
    "revised": _("revised by the claimant"),
    "disavowed": _("disavowed"),
    "disputed": _("disputed"),
}
