"""The month names dates are written with, marked here so that ``makemessages`` keeps them in
tizim's catalogues, which take precedence over Django's: Django's Kazakh catalogue capitalises
the months ("Қаңтар"), which Kazakh writes lower case mid-sentence ("4 қаңтар 2022").

The msgids and contexts are Django's own (``django.utils.dates``: ``F`` and ``E`` in a date
format); nothing imports this module.
"""

from django.utils.translation import gettext_lazy, pgettext_lazy

MONTHS_STANDALONE = (
    gettext_lazy("January"),
    gettext_lazy("February"),
    gettext_lazy("March"),
    gettext_lazy("April"),
    gettext_lazy("May"),
    gettext_lazy("June"),
    gettext_lazy("July"),
    gettext_lazy("August"),
    gettext_lazy("September"),
    gettext_lazy("October"),
    gettext_lazy("November"),
    gettext_lazy("December"),
)
MONTHS_IN_A_DATE = (
    pgettext_lazy("alt. month", "January"),
    pgettext_lazy("alt. month", "February"),
    pgettext_lazy("alt. month", "March"),
    pgettext_lazy("alt. month", "April"),
    pgettext_lazy("alt. month", "May"),
    pgettext_lazy("alt. month", "June"),
    pgettext_lazy("alt. month", "July"),
    pgettext_lazy("alt. month", "August"),
    pgettext_lazy("alt. month", "September"),
    pgettext_lazy("alt. month", "October"),
    pgettext_lazy("alt. month", "November"),
    pgettext_lazy("alt. month", "December"),
)
