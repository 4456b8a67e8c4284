"""The estimates in plain words, for lawyers, relatives and journalists rather than
statisticians: the methods and settings by what they do instead of their identifiers
(``stepwise_aic``, ``burn_in``), and one sentence that can be quoted as it stands.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any, TypeGuard

from django.utils.functional import Promise
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from tizim.core.estimation.graphical import MAX_LISTS
from tizim.core.numerals import format_number

METHODS: dict[str, Promise] = {
    "independence": gettext_lazy("log-linear model that assumes the lists are independent"),
    "stepwise_aic": gettext_lazy("log-linear models chosen by AIC"),
    "loglinear": gettext_lazy("log-linear model with the list interactions chosen by hand"),
    "graphical_bma": gettext_lazy("average over graphical models (Bayesian model averaging)"),
    "latent_class": gettext_lazy("latent-class model (LCMCR)"),
    "latent_class_widened": gettext_lazy(
        "latent-class model (LCMCR), its interval widened by the simulation check on the "
        "table's shape"
    ),
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


#: Each warning of the estimators (by its code) in a sentence of the reader's language, from
#: the figures it carries (``details``). English readers get the estimators' own message, which
#: also names the thresholds; a code not here, or a run stored before its figures were, keeps
#: that message too.
WARNINGS: dict[str, Promise] = {
    "empty_list": gettext_lazy("No one is on %(lists)s here; left out of the estimation."),
    "too_few_lists": gettext_lazy(
        "Only %(count)s list(s) with people: estimating the people no list recorded needs at "
        "least two overlapping lists."
    ),
    "too_few_overlaps": gettext_lazy(
        "Only %(on_several)s of %(observed)s people are on two or more lists: the estimate "
        "rests on very few overlaps and can change a lot with a single record."
    ),
    "list_subset": gettext_lazy(
        "Every one of the %(size)s people on %(subset)s is also on %(of)s: the list adds no one "
        "new, and the models read this as strong dependence. Consider merging the two lists or "
        "leaving one out."
    ),
    "sparse_cells": gettext_lazy(
        "%(small)s of the %(cells)s combinations of lists hold very few people (%(empty)s are "
        "empty): models with many interactions rest on a handful of people."
    ),
    "unstable_models": gettext_lazy(
        "The models disagree: estimates range from %(lowest)s to %(highest)s (%(ratio)s "
        "times). They make different assumptions about how the lists depend on each other; "
        "report the range, not one number."
    ),
    # The same code when the models' medians agree but a posterior has several answers.
    "unstable_models:modes": gettext_lazy(
        "The models' medians agree (%(lowest)s to %(highest)s), but not every posterior has "
        "one answer; report the range, not one number."
    ),
    "not_converged": gettext_lazy(
        "The model did not converge: do not use this estimate before it is run longer."
    ),
    "interactions_not_estimable": gettext_lazy(
        "Interactions %(interactions)s could not be estimated (the lists share no one) and "
        "were left out."
    ),
    "open_interval": gettext_lazy(
        "The data set no upper bound the interval can trust: the number never recorded may be "
        "very large."
    ),
    "bootstrap_failures": gettext_lazy(
        "%(failed)s bootstrap tables had no estimate and were left out; the interval is "
        "likely too narrow."
    ),
    "multimodal_posterior": gettext_lazy(
        "The posterior has %(count)s modes: the data support different answers under "
        "different models, and one number summarises them badly. Report the modes with their "
        "weights."
    ),
    "too_many_lists": gettext_lazy(
        "This method handles at most %(most)s lists: merge lists or leave some out."
    ),
    "shape_check_failed": gettext_lazy(
        "Simulation check on this table's shape failed: on %(tables)s tables with the same "
        "lists, list sizes and number of people seen, drawn from a population of "
        "%(population)s in which %(share)s%% of the people are %(harder)s times harder to "
        "record than the rest, the model's interval held the true total in %(held)s. People "
        "that hard to record could be missed here without the lists showing it."
    ),
}


def warning_in_words(warning: Mapping[str, Any]) -> str:
    """A stored warning (``code``, ``message``, ``details``) in the reader's language."""
    message = in_words(str(warning.get("message", "")))
    code = str(warning.get("code", ""))
    if code == "unstable_models" and message.startswith("The models' medians agree"):
        code += ":modes"  # the estimators' message says which of its two cases this is
    template = WARNINGS.get(code)
    language = (get_language() or "en")[:2]
    if template is None or language == "en":
        return message
    details = warning.get("details") or {}

    def number(key: str, decimals: int = 0) -> str:
        return _figure(details.get(key), language, decimals)

    def names(key: str) -> str:
        value = details.get(key)
        return ", ".join(map(str, value)) if isinstance(value, list | tuple) else str(value or "")

    values = {
        "lists": names("lists"),
        "count": str(len(details.get("lists_with_people") or details.get("modes") or [])),
        "on_several": number("on_two_or_more_lists"),
        "observed": number("observed"),
        "size": number("size"),
        "subset": str(details.get("subset", "")),
        "of": str(details.get("of", "")),
        "small": number("small_cells"),
        "cells": number("cells"),
        "empty": number("empty_cells"),
        "lowest": number("lowest"),
        "highest": number("highest"),
        "ratio": number("ratio", 1),
        "interactions": names("interactions"),
        "failed": number("failed_replicates"),
        "most": str(MAX_LISTS),
        **_check_values(details, language),
    }
    return str(template) % values


def _is_number(value: object) -> TypeGuard[float]:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _figure(value: object, language: str, decimals: int = 0) -> str:
    """A stored figure as ``language`` writes it; "?" where there is none."""
    return format_number(float(value), language, decimals) if _is_number(value) else "?"


def _check_values(check: Mapping[str, Any], language: str) -> dict[str, str]:
    """The figures of a simulation check on a table's shape, written for ``language``."""

    share, harder = check.get("hard_share"), check.get("harder")
    return {
        "tables": _figure(check.get("tables"), language),
        "held": _figure(check.get("held"), language),
        "population": _figure(check.get("population"), language),
        "share": _figure(share * 100.0 if _is_number(share) else None, language),
        "harder": _figure(harder, language, 1 if _is_number(harder) and harder % 1 else 0),
    }


#: What a report leads with (``tizim.core.estimation.recommend``), by the lead's kind (and, for
#: an estimate whose interval the simulation check on the table's shape widened, ``:widened``).
LEADS: dict[str, Promise] = {
    "estimate": gettext_lazy("Recommended: %(method)s (%(interval)s)."),
    "estimate:widened": gettext_lazy(
        "Recommended: %(method)s, with its interval widened from %(own_lower)s–%(own_upper)s "
        "to %(lower)s–%(upper)s: on %(tables)s tables shaped like this one, drawn from a "
        "population in which %(share)s%% of the people are %(harder)s times harder to record "
        "than the rest, the model's own interval held the true total in only %(held)s."
    ),
    "range": gettext_lazy(
        "Lead with the range %(low)s–%(high)s (intervals from %(lower)s to %(upper)s), not one "
        "number: the models disagree by more than their intervals."
    ),
    "none": gettext_lazy("No method gave a usable estimate; see the warnings."),
}
CHECK_PASSED = gettext_lazy(
    "Simulation check on this table's shape passed: on %(tables)s tables shaped like this one, "
    "drawn from a population in which %(share)s%% of the people are %(harder)s times harder to "
    "record than the rest, the model's interval held the true total in %(held)s."
)
#: Why a method was passed over, by the rule's reason (as the rule writes it in English).
_REASONS: tuple[tuple[re.Pattern[str], Promise], ...] = (
    (
        re.compile(r"^(?P<method>\w+): not usable \((?P<why>[^)]*)\)\.$"),
        gettext_lazy("%(method)s: not usable (%(why)s)."),
    ),
    (
        re.compile(r"^(?P<method>\w+): its posterior has more than one mode\.$"),
        gettext_lazy("%(method)s: its posterior has more than one mode."),
    ),
    (
        re.compile(r"^(?P<method>\w+): sparse cells\b.*$"),
        gettext_lazy("%(method)s: sparse cells (its chosen interactions rest on few)."),
    ),
    (
        re.compile(
            r"^(?P<method>\w+)'s interval \((?P<interval>[^)]*)\) lies wholly above "
            r"(?P<other>\w+)'s \((?P<other_interval>[^)]*)\)\.$"
        ),
        gettext_lazy(
            "The interval of the %(method)s (%(interval)s) lies wholly above that of the "
            "%(other)s (%(other_interval)s)."
        ),
    ),
)
#: Why an estimate cannot be used, by the code of the warning that says so.
BLOCKED: dict[str, Promise] = {
    "no_estimate": gettext_lazy("no estimate"),
    "not_converged": gettext_lazy("did not converge"),
    "too_many_lists": gettext_lazy("too many lists"),
    "open_interval": gettext_lazy("no upper bound"),
}


def lead_in_words(report: Mapping[str, Any]) -> tuple[str, list[str]]:
    """What a stored report leads with, and why other methods were passed over, in the
    reader's language; a report stored without its lead keeps its recommendation's words."""
    lead = report.get("lead") or {}
    widened = lead.get("why") == "shape_check"
    template = LEADS.get(str(lead.get("kind", "")) + (":widened" if widened else ""))
    reasons = [_reason_in_words(str(r)) for r in lead.get("reasons", [])]
    if template is None:
        return in_words(str(report.get("recommendation", ""))), reasons
    language = (get_language() or "en")[:2]

    def number(key: str) -> str:
        return _figure(lead.get(key), language)

    chosen = next(
        (e for e in report.get("estimates", []) if e.get("recommended")),
        {"interval_kind": "none"},
    )
    check = lead.get("shape_check") or {}
    values = {
        "method": method_name(str(lead.get("method", ""))),
        "interval": interval_name(str(chosen.get("interval_kind", "none"))),
        **{key: number(key) for key in ("low", "high", "lower", "upper")},
        **_check_values(check, language),
    }
    for key in ("lower", "upper"):  # the model's own interval, before any widening
        values[f"own_{key}"] = _figure(chosen.get(key), language)
    if check.get("passed"):
        reasons.append(str(CHECK_PASSED) % values)
    return str(template) % values, reasons


def _reason_in_words(reason: str) -> str:
    for pattern, words in _REASONS:
        found = pattern.match(reason.strip())
        if found:
            values = {k: method_name(v) for k, v in found.groupdict().items()}
            if "why" in values:
                codes = [code.strip() for code in values["why"].split(",")]
                values["why"] = ", ".join(str(BLOCKED.get(code, code)) for code in codes)
            return str(words) % values
    return in_words(reason)


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
