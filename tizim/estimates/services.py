"""Writes of the Numbers domain: running a multiple-systems estimation over the registry's
linked lists and keeping the result, with its inputs, in the audit log."""

from __future__ import annotations

import datetime
import math
import time
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import transaction

from tizim.audit.services import record_action
from tizim.core.counting import fates_of
from tizim.core.estimation import (
    DEFAULT_METHODS,
    METHODS,
    WIDENED,
    CaptureHistoryTable,
    EstimationReport,
    EstimationSettings,
    StratifiedReport,
    estimate_all,
    estimate_strata,
)
from tizim.estimates import selectors
from tizim.estimates.models import EstimateRun
from tizim.registry.errors import RegistryError
from tizim.registry.models import Source

STRATIFY_CHOICES: tuple[str, ...] = ("", "region")


@dataclass
class RegistryEstimate:
    """What an estimation over the registry gave: the tables it started from, the report,
    and the saved run (None with ``save=False``)."""

    selector: str
    stratified_by: str
    as_of: datetime.date | None
    lists: list[str]
    tables: dict[str, CaptureHistoryTable]
    report: EstimationReport | StratifiedReport[str]
    seconds: float
    run: EstimateRun | None

    def to_dict(self) -> dict[str, object]:
        """Plain data for ``--json``: the report plus what was asked."""
        return {
            "selector": self.selector,
            "stratified_by": self.stratified_by,
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "lists": self.lists,
            **self.report.to_dict(),
        }


def estimate_registry(
    *,
    selector: str,
    by: str = "",
    as_of: datetime.date | None = None,
    lists: Sequence[str] | None = None,
    methods: Sequence[str] = DEFAULT_METHODS,
    seed: int = 0,
    actor: str = "",
    save: bool = True,
    settings: EstimationSettings | None = None,
) -> RegistryEstimate:
    """Estimate how many people had ``selector``'s fate (e.g. ``dead``, ``killed``,
    ``custody``) from how the registry's lists overlap, per region when ``by="region"``.

    Lists are the sources with records of the persons (``lists`` to choose some); a person
    is on a list when one of their linked records comes from it. The result is saved as an
    ``EstimateRun`` and audited unless ``save`` is False. ``settings`` are the estimators'
    (e.g. the simulation check on the table's shape); their defaults otherwise.
    """
    try:
        fates_of(selector)
    except ValueError as error:
        raise RegistryError(str(error)) from None
    if by not in STRATIFY_CHOICES:
        raise RegistryError(f"cannot stratify by '{by}'; only by region")
    unknown_methods = [m for m in methods if m not in METHODS]
    if unknown_methods or not methods:
        raise RegistryError(
            f"unknown method(s) {', '.join(unknown_methods) or '(none given)'}; "
            f"choose from {', '.join(METHODS)}"
        )
    if lists:
        known = set(Source.objects.filter(name__in=lists).values_list("name", flat=True))
        missing = [name for name in lists if name not in known]
        if missing:
            raise RegistryError(f"no such source(s): {', '.join(missing)}")
    started = time.perf_counter()
    sets = selectors.capture_sets(selector, as_of=as_of, by=by, lists=lists)
    used_lists = (
        list(lists)
        if lists
        else sorted({name for group in sets.values() for p in group for name in p})
    )
    if len(used_lists) < 2:
        raise RegistryError(
            f"estimation needs at least two lists with persons whose fate is '{selector}'; "
            f"found {len(used_lists)}"
        )
    tables = {
        key: CaptureHistoryTable.from_person_sets(group, used_lists) for key, group in sets.items()
    }
    report: EstimationReport | StratifiedReport[str]
    if by:
        report = estimate_strata(tables, methods, seed=seed, settings=settings)
    else:
        report = estimate_all(
            tables.get("all") or CaptureHistoryTable.from_person_sets([], used_lists),
            methods,
            seed=seed,
            settings=settings,
        )
    seconds = time.perf_counter() - started
    result = RegistryEstimate(
        selector=selector,
        stratified_by=by,
        as_of=as_of,
        lists=used_lists,
        tables=tables,
        report=report,
        seconds=seconds,
        run=None,
    )
    if save:
        result.run = _save_run(result, methods=list(methods), seed=seed, actor=actor)
    return result


def _save_run(
    result: RegistryEstimate, *, methods: list[str], seed: int, actor: str
) -> EstimateRun:
    report = result.report
    if isinstance(report, StratifiedReport):
        totals = report.totals
        observed = sum(r.observed for r in report.strata.values())
    else:
        totals = report.estimates
        observed = report.observed
    recommended = next((e for e in totals if e.recommended), None)
    lead = report.lead
    if lead.get("kind") == "range":
        # The models disagree beyond their intervals: the run leads with their range.
        return _save(result, methods, seed, actor, observed, _range_of(lead))
    if recommended is None and isinstance(report, StratifiedReport):
        # A sum over strata is marked by the method the strata recommend most often.
        chosen = [r.recommended.method for r in report.strata.values() if r.recommended]
        method = max(set(chosen), key=chosen.count) if chosen else ""
        recommended = next((e for e in totals if e.method == method), None)
    if recommended is None:
        return _save(result, methods, seed, actor, observed, (None, None, None, ""))
    lower, upper, method = recommended.lower, recommended.upper, recommended.method
    if lead.get("why") == "shape_check":
        # The simulation check on the table's shape widened the interval the run leads with.
        lower, upper = _finite_float(lead.get("lower")), _finite_float(lead.get("upper"))
        method = f"{method}{WIDENED}"
    headline = (_finite(recommended.estimate), _finite(lower), _finite(upper), method)
    return _save(result, methods, seed, actor, observed, headline)


def _range_of(lead: dict[str, object]) -> tuple[None, float | None, float | None, str]:
    """A range lead as the run's headline: no single estimate, the range as its bounds."""
    return (None, _finite_float(lead.get("low")), _finite_float(lead.get("high")), "range")


def _save(
    result: RegistryEstimate,
    methods: list[str],
    seed: int,
    actor: str,
    observed: int,
    headline: tuple[float | None, float | None, float | None, str],
) -> EstimateRun:
    estimate, lower, upper, method = headline
    with transaction.atomic():
        run = EstimateRun.objects.create(
            actor=actor,
            selector=result.selector,
            stratified_by=result.stratified_by,
            as_of=result.as_of,
            lists=result.lists,
            methods=methods,
            seed=seed,
            observed=observed,
            estimate=estimate,
            lower=lower,
            upper=upper,
            recommended_method=method,
            report=result.report.to_dict(),
            seconds=result.seconds,
        )
        record_action(
            "estimate.run",
            actor=actor,
            object_type="estimate_run",
            object_id=run.pk,
            details={
                "selector": result.selector,
                "stratified_by": result.stratified_by,
                "as_of": result.as_of.isoformat() if result.as_of else None,
                "lists": result.lists,
                "observed": observed,
                "estimate": run.estimate,
            },
        )
    return run


def _finite(value: float | None) -> float | None:
    return value if value is not None and math.isfinite(value) else None


def _finite_float(value: object) -> float | None:
    """A figure of a stored lead, if it is a finite float."""
    return _finite(value) if isinstance(value, float) else None
