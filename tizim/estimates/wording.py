"""The estimates in plain words, for lawyers, relatives and journalists rather than
statisticians: the methods and settings by what they do instead of their identifiers
(``stepwise_aic``, ``burn_in``), and one sentence that can be quoted as it stands.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from tizim.core.numerals import format_number

METHODS: dict[str, Promise] = {
    "independence": gettext_lazy("log-linear model that assumes the lists are independent"),
    "stepwise_aic": gettext_lazy("log-linear models chosen by AIC"),
    "loglinear": gettext_lazy("log-linear model with the list interactions chosen by hand"),
    "graphical_bma": gettext_lazy("average over graphical models (Bayesian model averaging)"),
    "latent_class": gettext_lazy("latent-class model (LCMCR)"),
    "range": gettext_lazy("the range of models that disagree"),
}
INTERVALS: dict[str, Promise] = {
    "profile-likelihood": gettext_lazy("profile-likelihood interval"),
    "parametric-bootstrap": gettext_lazy("bootstrap interval"),
    "bayesian-credible": gettext_lazy("Bayesian credible interval"),
    "none": gettext_lazy("no interval"),
}
#: The latent-class model's settings, by what each one does.
SETTINGS: dict[str, Promise] = {
    "chains": gettext_lazy("chains: independent runs of the sampler"),
    "burn_in": gettext_lazy("burn-in: samples discarded before counting"),
    "samples": gettext_lazy("samples counted per chain"),
    "thin": gettext_lazy("thinning: every how many samples one is kept"),
    "max_classes": gettext_lazy("at most this many classes of people"),
    "rhat": gettext_lazy("R-hat: agreement of the chains (near 1 is good)"),
    "ess": gettext_lazy("effective sample size: independent samples worth"),
}


_IDENTIFIERS = re.compile(r"\b(" + "|".join(sorted(METHODS, key=len, reverse=True)) + r")\b")


def in_words(text: str) -> str:
    """``text`` (a recommendation or warning the estimators wrote) with the methods'
    identifiers replaced by their words: "stepwise_aic: sparse cells" → "log-linear models
    chosen by AIC: sparse cells"."""
    return _IDENTIFIERS.sub(lambda m: method_name(m[1]), text)


def method_name(code: str) -> str:
    """An estimation method in words (its identifier when it has no words yet)."""
    return str(METHODS.get(code, code))


def interval_name(code: str) -> str:
    return str(INTERVALS.get(code, code))


def settings_in_words(details: Mapping[str, Any]) -> list[tuple[str, str]]:
    """The sampler settings of a latent-class estimate as (words, value) pairs."""
    language = (get_language() or "en")[:2]
    shown = []
    for key, words in SETTINGS.items():
        value = details.get(key)
        if isinstance(value, int | float) and math.isfinite(value):
            decimals = 3 if key == "rhat" else 0
            shown.append((str(words), format_number(float(value), language, decimals)))
    return shown


def quotable_sentence(
    *, group: str, observed: int, lower: float | None, upper: float | None, method: str
) -> str:
    """One sentence a journalist can quote: the interval of the estimate and how many are
    documented by name (``group`` is a count selector such as ``dead``)."""
    language = (get_language() or "en")[:2]
    values = {
        "documented": format_number(observed, language),
        "method": method_name(method),
    }
    verb = GROUP_VERBS.get(group)
    if lower is not None and upper is not None and math.isfinite(upper):
        values |= {"lower": format_number(lower, language), "upper": format_number(upper, language)}
        if verb is None:
            return (
                _(
                    "Between %(lower)s and %(upper)s people; %(documented)s are documented by "
                    "name (%(method)s)."
                )
                % values
            )
        return verb["between"]() % values
    if lower is not None:
        values["lower"] = format_number(lower, language)
        return (
            _(
                "At least %(lower)s people (the estimate has no upper limit); %(documented)s are "
                "documented by name (%(method)s)."
            )
            % values
        )
    return _("%(documented)s people are documented by name; no estimate could be made.") % values


GROUP_VERBS = {
    "dead": {
        "between": lambda: _(
            "Between %(lower)s and %(upper)s people were killed; %(documented)s are documented "
            "by name (%(method)s)."
        )
    },
    "custody": {
        "between": lambda: _(
            "Between %(lower)s and %(upper)s people were taken into custody; %(documented)s "
            "are documented by name (%(method)s)."
        )
    },
}
