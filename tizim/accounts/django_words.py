"""Django's own words that the staff pages show and Django's Kazakh catalogue leaves in English
(the password rules on *Change password*, a refused login).

Marked here, never called, so that ``makemessages`` keeps them in tizim's catalogue, which takes
precedence over Django's (decision 0019). The msgids must stay exactly Django's.
"""

from __future__ import annotations

from django.utils.translation import gettext_noop, ngettext_lazy

DJANGO_WORDS = (
    ngettext_lazy(
        "Your password must contain at least %(min_length)d character.",
        "Your password must contain at least %(min_length)d characters.",
        "min_length",
    ),
    ngettext_lazy(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
        "min_length",
    ),
    gettext_noop("Your password can’t be too similar to your other personal information."),
    gettext_noop("The password is too similar to the %(verbose_name)s."),
    gettext_noop("Your password can’t be a commonly used password."),
    gettext_noop("This password is too common."),
)
