"""The Numbers pages' charts: registry data turned into charts of ``tizim.core.charts``, kept as
files by ``tizim.charts.files`` (staff area: shown to logged-in staff only) and drawn
once per change of what they show.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from django.utils.translation import gettext as _

from tizim.charts.files import ShownChart, show
from tizim.charts.localised import claims_timeline, words
from tizim.core.charts import Bars, IntervalRow, Intervals, Overlap
from tizim.core.counting import CountTable
from tizim.core.places import place_name
from tizim.estimates.selectors import CountSeries
from tizim.estimates.wording import interval_name, method_name
from tizim.registry.labels import selector_label


def counts_chart(table: CountTable, selector: str) -> ShownChart:
    """Bars of one selector's count per row of a count table."""
    label = (lambda r: place_name(r)) if table.by == "region" else (lambda r: r)
    rows = tuple((label(r), float(table.cell(r, selector))) for r in table.rows)
    title = _("%(what)s, by %(by)s") % {"what": selector_label(selector), "by": _(table.by)}
    chart = Bars(words(title.capitalize()), tuple(r for r in rows if r[1]), _("documented persons"))
    return show(chart, area="staff")


def series_chart(series: CountSeries, title: str) -> ShownChart:
    """Documented counts over time (as known now, and as known at the time) beside claims."""
    chart = claims_timeline(title, series.known_now, series.known_then, series.claims)
    return show(chart, area="staff")


def overlap_chart(report: Mapping[str, Any], title: str) -> ShownChart:
    """The UpSet-style chart of one stratum's capture histories."""
    lists = tuple(str(name) for name in report.get("lists", []))
    cells = tuple(
        (tuple(bool(x) for x in row["pattern"]), int(row["count"]))
        for row in report.get("overlaps", [])
        if int(row["count"])
    )
    chart = Overlap(words(title), lists, cells, axis_label=_("persons"), other_label=_("other"))
    return show(chart, area="staff")


def _intervals(rows: Sequence[IntervalRow], title: str) -> ShownChart:
    chart = Intervals(
        words(title),
        tuple(rows),
        axis_label=_("persons"),
        estimate_label=_("estimate"),
        interval_label=_("interval"),
        observed_label=_("documented by name"),
        not_from_zero=_("the axis does not start at zero"),
    )
    return show(chart, area="staff")


def interval_chart(estimates: Sequence[Mapping[str, Any]], title: str) -> ShownChart:
    """Every model's estimate with its interval, the recommended one highlighted."""
    rows = [
        IntervalRow(
            label=f"{method_name(e['method'])} ({interval_name(e['interval_kind'])})",
            estimate=e.get("estimate"),
            lower=e.get("lower"),
            upper=e.get("upper"),
            observed=e.get("observed"),
            highlight=bool(e.get("recommended")),
        )
        for e in estimates
    ]
    return _intervals(rows, title)


def strata_chart(strata: Mapping[str, Mapping[str, Any]], title: str) -> ShownChart:
    """Per stratum, the recommended estimate (or the first usable one) with its interval."""
    rows = []
    for key, report in strata.items():
        estimates = report.get("estimates", [])
        chosen = next((e for e in estimates if e.get("recommended")), None) or next(
            (e for e in estimates if e.get("estimate") is not None), None
        )
        rows.append(
            IntervalRow(
                label=place_name(key),
                estimate=chosen.get("estimate") if chosen else None,
                lower=chosen.get("lower") if chosen else None,
                upper=chosen.get("upper") if chosen else None,
                observed=int(report.get("observed", 0)),
            )
        )
    return _intervals(rows, title)
