"""Charts drawn by matplotlib: titles there, nothing cut at the figure's edge, the documented
counts readable beside claims sixty times larger, narrow intervals readable, numbers written
as each language writes them, Kazakh letters in the font, the same file for the same chart."""

from __future__ import annotations

import datetime
import io
import re
import warnings

import numpy as np
import pytest
from matplotlib import font_manager
from matplotlib import image as mimage
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ft2font import FT2Font
from matplotlib.text import Text

from tizim.core.charts import (
    FONT,
    LAYOUTS,
    NARROW,
    WIDE,
    Bars,
    IntervalRow,
    Intervals,
    Overlap,
    Series,
    Timeline,
    Words,
    chart_key,
    draw,
    figure,
    interval_limits,
    interval_text,
    overlap_columns,
)

D = datetime.date
KK_MONTHS = ("қаң", "ақп", "нау", "сәу", "мам", "мау", "шіл", "там", "қыр", "қаз", "қар", "жел")


def custody(language: str = "en", title: str = "Taken into custody: documented and claimed"):
    """The custody chart of the issue: at most 199 documented, official claims up to 12 500."""
    documented = tuple((D(2022, 1, 5 + i), float(min(199, 20 * i))) for i in range(18))
    return Timeline(
        Words(title, language, months=KK_MONTHS if language == "kk" else Words("").months),
        (
            Series("documented, as known now", documented, "step"),
            Series("documented, as reported by each day", documented[:-3], "step"),
            Series(
                "claims by officials and others",
                ((D(2022, 1, 11), 9900.0), (D(2022, 1, 20), 12500.0), (D(2022, 1, 8), 180.0)),
                "points",
            ),
        ),
        axis_label="persons",
    )


def deaths(language: str = "en") -> Timeline:
    """The deaths chart of the demo: one claims series near the documented line and far above
    it, and one (the disputed claims) wholly far above, so it has no point on the lower panel."""
    documented = tuple((D(2022, 1, 5 + i), float(min(42, 3 * i))) for i in range(27))
    claims = ((D(2022, 1, 6), 10.0), (D(2022, 1, 10), 225.0), (D(2022, 2, 1), 124.0))
    return Timeline(
        Words("Deaths: documented and claimed", language),
        (
            Series("documented, as known now", documented, "step"),
            Series("documented, as reported by each day", documented[:-4], "step"),
            Series("claims by officials and others", claims, "points"),
            Series("claims disavowed, revised or disputed", ((D(2022, 1, 8), 164.0),), "points"),
        ),
        axis_label="persons",
        separate_label="Claims far above the documented counts, on a scale of their own",
    )


def estimates() -> Intervals:
    return Intervals(
        Words("Estimates: dead"),
        (
            IntervalRow("latent-class model (LCMCR)", 155, 148, 163, observed=140, highlight=True),
            IntervalRow("log-linear models chosen by AIC", 152, 149, 160, observed=140),
            IntervalRow("independence", 145, 144, None, observed=140),
        ),
        axis_label="persons",
    )


def rendered(fig: Figure) -> Figure:
    FigureCanvasAgg(fig).draw()
    return fig


def texts(fig: Figure) -> list[Text]:
    """The texts drawn: tick labels beyond an axis' limits exist but are not drawn."""
    undrawn = set()
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            low, high = sorted(axis.get_view_interval())
            for tick in axis.get_major_ticks():
                if not low - 1e-9 <= tick.get_loc() <= high + 1e-9:
                    undrawn |= {id(tick.label1), id(tick.label2)}
    return [
        t
        for t in fig.findobj(Text)
        if t.get_visible() and t.get_text().strip() and id(t) not in undrawn
    ]


def outside(fig: Figure) -> list[str]:
    """The texts of ``fig`` that reach past its edges (cut off in the file)."""
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    width, height = fig.bbox.width, fig.bbox.height
    cut = []
    for text in texts(fig):
        box = text.get_window_extent(renderer)
        if box.x0 < -1 or box.y0 < -1 or box.x1 > width + 1 or box.y1 > height + 1:
            cut.append(text.get_text())
    return cut


@pytest.mark.parametrize("layout", LAYOUTS, ids=lambda layout: layout.name)
def test_documented_line_is_not_flat_beside_claims_sixty_times_larger(layout):
    fig = rendered(figure(custody(), layout))
    documented = [
        (ax, line)
        for ax in fig.axes
        for line in ax.get_lines()
        if line.get_linestyle() != "None" and len(line.get_xdata()) > 5
    ]
    assert documented
    for ax, line in documented:
        # The documented line reaches most of its panel's height, not 1/60 of it.
        assert max(line.get_ydata()) / ax.get_ylim()[1] > 0.6
    claims = [
        (ax, max(line.get_ydata()))
        for ax in fig.axes
        for line in ax.get_lines()
        if line.get_linestyle() == "None"
    ]
    far = [ax for ax, top in claims if top > 5000]
    near = [ax for ax, top in claims if top < 5000]
    # The claims far above are on a panel of their own, which says so; the claim of 180 stays
    # beside the documented line.
    assert far and near and far[0] is not near[0]
    assert "own" in far[0].get_title(loc="left")
    assert near[0] is documented[0][0]


def test_claims_near_the_counts_share_their_panel():
    chart = custody()
    close = Series("claims", ((D(2022, 1, 11), 230.0),), "points")
    fig = figure(Timeline(chart.words, (*chart.series[:2], close), "persons"), WIDE)
    assert len(fig.axes) == 1


@pytest.mark.parametrize("layout", LAYOUTS, ids=lambda layout: layout.name)
@pytest.mark.parametrize(
    "chart",
    [
        custody("kk", "Қамауға алынғандар: құжатталғаны мен мәлімделгені"),
        estimates(),
        Bars(
            Words("Dead by region"),
            (("Almaty (city)", 151.0), ("Almaty region, with a very long name of a place", 12.0)),
            "documented persons",
        ),
        Overlap(
            Words("Overlap of the lists: dead"),
            ("a human-rights group's list", "radio list", "press"),
            (((True, False, False), 60), ((True, True, False), 30), ((False, False, True), 4)),
        ),
    ],
    ids=["timeline", "intervals", "bars", "overlap"],
)
def test_every_chart_has_its_title_and_nothing_is_cut(chart, layout):
    fig = rendered(figure(chart, layout))
    assert fig.get_suptitle().replace("\n", " ") == chart.words.title
    assert outside(fig) == []
    # Legends sit outside the plot and fit the figure's width.
    for legend in fig.legends:
        box = legend.get_window_extent(fig.canvas.get_renderer())  # type: ignore[attr-defined]
        assert box.x0 >= -1 and box.x1 <= fig.bbox.width + 1


def blank_band(png: bytes) -> float:
    """The tallest run of blank rows between the first and the last drawn row of ``png``, as a
    share of the image's height (grid lines and the highlight's tint count as drawn)."""
    pixels = mimage.imread(io.BytesIO(png))[..., :3]
    drawn = (pixels < 0.97).any(axis=(1, 2))
    rows = np.flatnonzero(drawn)
    tallest = run = 0
    for row_is_drawn in drawn[rows[0] : rows[-1] + 1]:
        run = 0 if row_is_drawn else run + 1
        tallest = max(tallest, run)
    return tallest / len(drawn)


FILLING_CHARTS = {
    "deaths": lambda: deaths("kk"),
    "custody": lambda: custody("kk", "Қамауға алынғандар: құжатталғаны мен мәлімделгені"),
    "intervals": estimates,
    "bars": lambda: Bars(
        Words("Dead by region"),
        tuple((f"Region {i}" + ", with a long name" * (i % 2), 200.0 - 11 * i) for i in range(17)),
        "documented persons",
    ),
    "overlap": lambda: Overlap(
        Words("Overlap of the lists: dead"),
        ("a human-rights group's list", "radio list", "press", "form"),
        tuple(((bool(n & 1), bool(n & 2), bool(n & 4), bool(n & 8)), n * 7) for n in range(1, 16)),
    ),
}


@pytest.mark.parametrize("layout", LAYOUTS, ids=lambda layout: layout.name)
@pytest.mark.parametrize("name", FILLING_CHARTS)
def test_every_chart_fills_its_picture_without_a_blank_band(name, layout):
    chart = FILLING_CHARTS[name]()
    fig = figure(chart, layout)
    out = io.BytesIO()
    with warnings.catch_warnings(record=True) as warned:
        warnings.simplefilter("always")
        fig.savefig(out, format="png", dpi=72)
    # matplotlib gives up laying out a figure whose plots it cannot fit, and says so.
    assert [str(w.message) for w in warned if "layout" in str(w.message)] == []
    # No empty stretch between the title and the legend: the gaps between a title, a panel,
    # the dates and the legend are a few lines of text, not a band of the picture.
    assert blank_band(out.getvalue()) < 0.1
    # The plots take most of the height; the words around them do not crowd them out.
    plotted = sum(ax.get_window_extent().height for ax in fig.axes) / fig.bbox.height
    assert plotted > 0.5


def test_the_svg_carries_the_title_and_draws_text_as_outlines():
    files = draw(custody("kk", "Қамауға алынғандар"))
    svg = files.wide_svg.decode()
    assert "<dc:title>Қамауға алынғандар</dc:title>" in svg
    assert "<text" not in svg  # outlines: the Kazakh letters show without the font
    assert files.wide_png.startswith(b"\x89PNG")
    assert 'width="288pt"' in files.narrow_svg.decode()  # 4 in: a phone's width
    assert 'width="576pt"' in svg


def test_the_same_chart_gives_the_same_files_and_another_chart_another_key():
    assert draw(estimates()).files == draw(estimates()).files
    assert chart_key(custody("kk")) != chart_key(custody("en"))
    assert chart_key(custody()) == chart_key(custody())


def test_a_narrow_interval_fills_the_axis():
    low, high = interval_limits(estimates().rows) or (0, 0)
    assert 100 < low < 140 and 163 < high < 200
    # 148–163 takes a good part of the axis, not a few pixels of 0–170.
    assert (163 - 148) / (high - low) > 0.2
    fig = rendered(figure(estimates(), WIDE))
    assert "does not start at zero" in fig.axes[0].get_xlabel()


def test_an_interval_near_zero_starts_at_zero():
    rows = (IntervalRow("a", 12, 3, 40, observed=2),)
    assert interval_limits(rows) == (0.0, pytest.approx(40 + 0.15 * 38))
    assert interval_limits((IntervalRow("a", None, None, None),)) is None


def test_interval_text_in_each_language():
    row = IntervalRow("a", 12345.4, 10000, float("inf"))
    assert interval_text(row, "en") == "12,345 (10,000–∞)"
    assert interval_text(row, "kk") == "12\u00a0345 (10\u00a0000–∞)"
    assert interval_text(IntervalRow("a", None, None, None)) == "–"


@pytest.mark.parametrize(("language", "expected"), [("kk", "12\u00a0500"), ("en", "12,500")])
def test_numbers_on_the_chart_as_the_language_writes_them(language, expected):
    fig = rendered(figure(custody(language), WIDE))
    shown = [t.get_text() for t in texts(fig)]
    assert expected in shown
    # No number breaks over two lines: thousands never separated by a breaking space.
    assert not any(re.search(r"\d \d", text) for text in shown)
    if language == "kk":
        assert any(text.endswith("қаң") for text in shown)


@pytest.mark.parametrize(
    ("language", "months", "expected", "not_expected"),
    [("kk", ("Қаң", "Ақп"), " қаң", "Қаң"), ("en", ("jan", "feb"), " Jan", "jan")],
)
def test_dates_on_the_chart_name_the_month_as_the_language_writes_it(
    language, months, expected, not_expected
):
    chart = custody(language)
    words = Words(chart.words.title, language, months=(*months, *chart.words.months[2:]))
    fig = rendered(figure(Timeline(words, chart.series, chart.axis_label), WIDE))
    dates = [t.get_text() for t in fig.axes[-1].get_xticklabels() if t.get_text()]
    assert dates and all(text.endswith(expected) for text in dates)
    assert not any(not_expected in text for text in dates)


def test_the_font_has_every_kazakh_and_russian_letter():
    path = font_manager.findfont(FONT, fallback_to_default=False)
    assert "DejaVuSans" in path
    charmap = FT2Font(path).get_charmap()
    letters = "әғқңөұүһіӘҒҚҢӨҰҮҺІабвгдеёжзийклмнопрстуфхцчшщъыьэюя–−∞\u00a0"
    assert [c for c in letters if ord(c) not in charmap] == []


def test_overlap_columns_largest_first_and_the_smallest_folded():
    chart = Overlap(
        Words("o"),
        ("a", "b"),
        (((True, False), 5), ((False, True), 9), ((True, True), 2), ((True, False), 1)),
    )
    assert overlap_columns(chart, 10) == [((False, True), 9), ((True, False), 6), ((True, True), 2)]
    assert overlap_columns(chart, 2) == [((False, True), 9), (None, 8)]


def test_no_data_still_has_its_title():
    fig = rendered(figure(Bars(Words("Dead by region", no_data="Nothing yet"), (), "x"), NARROW))
    assert fig.get_suptitle() == "Dead by region"
    assert "Nothing yet" in [t.get_text() for t in texts(fig)]


def test_bad_input_is_refused():
    with pytest.raises(ValueError, match="not a count"):
        Series("s", ((D(2022, 1, 5), -1.0),))
    with pytest.raises(ValueError, match="not a count"):
        Bars(Words("t"), (("a", float("nan")),), "x")
    with pytest.raises(ValueError, match="2 flags for 3 lists"):
        Overlap(Words("t"), ("a", "b", "c"), (((True, False), 1),))
    with pytest.raises(ValueError, match="kind"):
        Series("s", (), "bars")
