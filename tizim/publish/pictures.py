"""The public statistics' charts, in the page's language: the figures (``statistics.Figures``)
turned into charts of ``tizim.core.charts``, whose files ``tizim.charts.files`` keeps.

The charts of a version of the figures are drawn once, in every language, in the background
after the figures are computed (``statistics.draw_charts_soon``); a page only finds their files
by name, and says a chart is being drawn while it is.
"""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext as _

from tizim.charts import files as chart_files
from tizim.charts.localised import claims_timeline, words
from tizim.core.charts import Bars, Chart
from tizim.core.places import place_name
from tizim.publish import labels
from tizim.publish.statistics import Figures

LANGUAGES = ("kk", "ru", "en")
SERIES_GROUPS = ("dead", "custody")


def series_chart(figures: Figures, group: str) -> tuple[Chart, str]:
    """Documented counts of ``group`` day by day beside its claims; with the caption."""
    known_now, known_then = figures.series.get(group, ([], []))
    claims = [c for c in figures.claims if c.group == group]
    chart = claims_timeline(SERIES_TITLES[group](), known_now, known_then, claims)
    caption = _(
        "Each line counts persons documented in the registry, day by day; the points are "
        "figures others announced, with their value."
    )
    return chart, caption


SERIES_TITLES = {
    "dead": lambda: _("Deaths: documented and claimed"),
    "custody": lambda: _("Taken into custody: documented and claimed"),
}


def regions_chart(figures: Figures, group: str) -> tuple[Chart, str]:
    """Bars of ``group`` by region, small cells left out (they are suppressed)."""
    language = (translation.get_language() or "en")[:2]
    rows = tuple(
        (place_name(region, language) if region != "unknown" else _("place unknown"), float(n))
        for region, cells in figures.regions
        if (n := cells.get(group))
    )
    title = _("%(group)s by region") % {"group": labels.GROUPS[group]}
    chart = Bars(words(title.capitalize()), rows, axis_label=_("documented persons"))
    return chart, _("Regions with fewer than three persons are left out, to protect them.")


def public_charts(figures: Figures) -> list[tuple[Chart, str]]:
    """Every chart of the statistics page, in the active language, with its caption."""
    charts = [series_chart(figures, group) for group in SERIES_GROUPS]
    charts += [regions_chart(figures, group) for group in SERIES_GROUPS]
    return charts


def shown_charts(figures: Figures) -> list[chart_files.ShownChart]:
    """The statistics page's charts; those not drawn yet are marked so (never drawn here: a
    visitor does not wait for them)."""
    return [
        chart_files.show(chart, caption, draw_missing=False)
        for chart, caption in public_charts(figures)
    ]


def draw_public_charts(figures: Figures) -> None:
    """Draw the statistics page's charts in every language, ahead of the first visitor."""
    for language in LANGUAGES:
        with translation.override(language):
            for chart, caption in public_charts(figures):
                chart_files.show(chart, caption)
