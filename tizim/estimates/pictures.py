"""The Numbers pages' charts: registry data turned into the inputs of ``tizim.core.charts``.

SVG is rendered here, on the server, so that no page loads a charting library from anywhere:
visitors may be watched, and a request to a CDN would tell the watcher who looked.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from django.utils.translation import gettext as _

from tizim.core.charts import IntervalRow, Series, bars_svg, interval_svg, overlap_svg, timeline_svg
from tizim.core.counting import CountTable
from tizim.core.places import place_name
from tizim.estimates.selectors import CountSeries
from tizim.registry.labels import selector_label


def counts_chart(table: CountTable, selector: str) -> str:
    """Bars of one selector's count per row of a count table."""
    label = (lambda r: place_name(r)) if table.by == "region" else (lambda r: r)
    rows = [(label(r), float(table.cell(r, selector))) for r in table.rows]
    return bars_svg(
        [r for r in rows if r[1]],
        title=_("%(group)s, by %(by)s")
        % {"group": selector_label(selector).capitalize(), "by": _(table.by)},
        axis_label=_("documented persons"),
    )


def series_chart(series: CountSeries) -> str:
    """Documented counts over time (as known now, and as known at the time) beside claims."""
    lines = [
        Series(_("documented (as known now)"), series.known_now, "step"),
        Series(_("documented (as the sources had said by each day)"), series.known_then, "step"),
    ]
    standing = [(c.as_of, float(c.value)) for c in series.claims if c.status == "standing"]
    other = [(c.as_of, float(c.value)) for c in series.claims if c.status != "standing"]
    if standing:
        lines.append(Series(_("claims"), standing, "points"))
    if other:
        lines.append(Series(_("claims disavowed, revised or disputed"), other, "points"))
    return timeline_svg(
        lines,
        title=_("%(group)s: documented and claimed")
        % {"group": selector_label(series.group).capitalize()},
        axis_label=_("persons"),
    )


def overlap_chart(report: Mapping[str, Any], title: str) -> str:
    """The UpSet-style chart of one stratum's capture histories."""
    lists = list(report.get("lists", []))
    cells = [
        ([bool(x) for x in row["pattern"]], int(row["count"]))
        for row in report.get("overlaps", [])
        if int(row["count"])
    ]
    return overlap_svg(lists, cells, title=title)


def interval_chart(
    estimates: Sequence[Mapping[str, Any]], title: str, *, observed: int | None = None
) -> str:
    """Every model's estimate with its interval, the recommended one highlighted."""
    rows = [
        IntervalRow(
            label=f"{e['method']} ({e['interval_kind']})",
            estimate=e.get("estimate"),
            lower=e.get("lower"),
            upper=e.get("upper"),
            observed=e.get("observed", observed),
            highlight=bool(e.get("recommended")),
        )
        for e in estimates
    ]
    return interval_svg(rows, title=title, axis_label="persons (observed and estimated)")


def strata_chart(strata: Mapping[str, Mapping[str, Any]], title: str) -> str:
    """Per stratum, the recommended estimate (or the first usable one) with its interval."""
    rows = []
    for key, report in strata.items():
        estimates = report.get("estimates", [])
        chosen = next((e for e in estimates if e.get("recommended")), None) or next(
            (e for e in estimates if e.get("estimate") is not None), None
        )
        rows.append(
            IntervalRow(
                label=f"{place_name(key)}" + (f" ({chosen['method']})" if chosen else ""),
                estimate=chosen.get("estimate") if chosen else None,
                lower=chosen.get("lower") if chosen else None,
                upper=chosen.get("upper") if chosen else None,
                observed=int(report.get("observed", 0)),
            )
        )
    return interval_svg(rows, title=title, axis_label="persons (observed and estimated)")
