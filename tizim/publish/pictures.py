"""The public statistics' charts: server-side SVG (``tizim.core.charts``) with words in the
page's language. Nothing is drawn in the browser and nothing is fetched from anywhere."""

from __future__ import annotations

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from tizim.core.charts import Series, bars_svg, timeline_svg
from tizim.core.places import place_name
from tizim.publish import labels
from tizim.publish.statistics import ClaimFigure, Figures


def series_chart(figures: Figures, group: str) -> str:
    """Documented counts of ``group`` over time (known now and known then) beside its claims."""
    known_now, known_then = figures.series.get(group, ([], []))
    claims: list[ClaimFigure] = [c for c in figures.claims if c.group == group]
    lines = [
        Series(_("documented (as known now)"), known_now, "step"),
        Series(_("documented (as the sources had said by each day)"), known_then, "step"),
    ]
    standing = [(c.as_of, float(c.value)) for c in claims if c.status == "standing"]
    other = [(c.as_of, float(c.value)) for c in claims if c.status != "standing"]
    if standing:
        lines.append(Series(_("claims"), standing, "points"))
    if other:
        lines.append(Series(_("claims disavowed, revised or disputed"), other, "points"))
    title = _("%(group)s: documented and claimed") % {"group": labels.GROUPS[group]}
    return timeline_svg(
        lines, title=title.capitalize(), axis_label=_("persons"), no_data_label=_("No data")
    )


def regions_chart(figures: Figures, group: str) -> str:
    """Bars of ``group`` by region, small cells left out (they are suppressed)."""
    language = (get_language() or "en")[:2]
    rows = [
        (place_name(region, language) if region != "unknown" else _("place unknown"), float(n))
        for region, cells in figures.regions
        if (n := cells.get(group))
    ]
    title = _("%(group)s by region") % {"group": labels.GROUPS[group]}
    return bars_svg(
        rows,
        title=title.capitalize(),
        axis_label=_("documented persons"),
        no_data_label=_("No data"),
    )
