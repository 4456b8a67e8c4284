"""Charts of counts, claims and estimates, drawn by matplotlib into SVG and PNG files.

Why this way (docs/decisions/0018-charts-with-matplotlib.md):

- **Files, not markup in the page.** A chart is a picture the page shows with ``<img>``, so
  the strict Content-Security-Policy stays as it is (no inline style or script), and the same
  picture can be downloaded as SVG or PNG and put in a report or an article.
- **matplotlib lays it out.** Titles, legends and tick labels are measured with the real font
  (``constrained_layout``) instead of guessed, so nothing is cut or wraps mid-number.
- **No network, one font.** The Agg backend, and DejaVu Sans, which ships with matplotlib and
  has every Kazakh letter (ә ғ қ ң ө ұ ү һ і). Text is drawn as outlines in the SVG, so a
  downloaded file shows the same letters on a computer without that font.
- **Two layouts.** ``wide`` for a computer screen and ``narrow`` for a phone (390 px): the
  narrow one is drawn at phone width with fewer ticks and wrapped labels, rather than the wide
  one shrunk until its text cannot be read.
- **Scales that show the documented counts.** Official claims can be sixty times the persons
  documented by name; on one axis the documented line would lie flat on zero. Claims more than
  ``SEPARATE_ABOVE`` times the documented top are drawn on a panel of their own, above, and
  that panel says so. An interval chart's axis fits the intervals (it need not start at 0,
  and says so when it does not), so 148–163 is not squeezed into a few pixels.
- **Computed once.** A chart is a frozen dataclass of its data and words; :func:`chart_key`
  hashes it, so the caller keeps the files under that key and renders only when the data or
  the words change (never once per request).

This module imports no Django: the words (titles, legends, month names) come translated from
the caller, with the page's language for the numbers (:mod:`tizim.core.numerals`).
"""

from __future__ import annotations

import datetime
import hashlib
import io
import math
import textwrap
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import matplotlib

matplotlib.use("Agg")  # before anything else of matplotlib: no display, no GUI toolkit

from matplotlib import dates as mdates
from matplotlib import ticker
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from tizim.core.numerals import day_and_month, format_number

#: Changes whenever the drawing changes, so that files drawn by older code are not reused.
STYLE_VERSION = "3"
#: Claims above this many times the documented top go on a panel of their own.
SEPARATE_ABOVE = 3.0
#: Okabe–Ito colour-blind-safe palette, most legible on white first (yellow left out).
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")
MARKERS = ("o", "s", "^", "D", "v", "P", "X")
DASHES = ("-", "--", ":", "-.")
INK, MUTED, FAINT, HIGHLIGHT = "#222222", "#6b6b6b", "#d9d9d9", "#fff3d6"
FONT = "DejaVu Sans"
EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
SERIES_KINDS = frozenset({"line", "points", "step"})


@dataclass(frozen=True)
class Layout:
    """How big a chart is drawn and how much text fits on a line."""

    name: str
    width: float  # inches; the SVG is this many × 96 CSS pixels wide
    font: float  # points
    title_chars: int
    label_chars: int
    max_ticks: int
    max_columns: int


WIDE = Layout("wide", 8.0, 10.0, 70, 34, 8, 24)
NARROW = Layout("narrow", 4.0, 9.5, 30, 18, 4, 10)
LAYOUTS = (WIDE, NARROW)


@dataclass(frozen=True)
class Words:
    """The words every chart carries, in the page's language."""

    title: str
    language: str = "en"
    no_data: str = "No data"
    months: tuple[str, ...] = EN_MONTHS


@dataclass(frozen=True)
class Series:
    """A series over time: ``kind`` is ``line``, ``points`` (each point labelled) or ``step``."""

    label: str
    points: tuple[tuple[datetime.date, float], ...]
    kind: str = "line"

    def __post_init__(self) -> None:
        if self.kind not in SERIES_KINDS:
            raise ValueError(f"series kind {self.kind!r} is not one of {sorted(SERIES_KINDS)}")
        for day, value in self.points:
            if not math.isfinite(value) or value < 0:
                raise ValueError(f"{self.label}: value {value} on {day} is not a count")
        object.__setattr__(self, "points", tuple(sorted(self.points)))


@dataclass(frozen=True)
class Timeline:
    """Counts over time; ``points`` series are claims, and those far above the counts get a
    panel of their own, headed ``separate_label``."""

    words: Words
    series: tuple[Series, ...]
    axis_label: str
    separate_label: str = "Claims far above the documented counts (own scale)"
    near_label: str = "Documented"


@dataclass(frozen=True)
class Bars:
    """Horizontal bars in the order given, each with its value written at its end."""

    words: Words
    rows: tuple[tuple[str, float], ...]
    axis_label: str

    def __post_init__(self) -> None:
        for label, value in self.rows:
            if not math.isfinite(value) or value < 0:
                raise ValueError(f"{label}: {value} is not a count")


@dataclass(frozen=True)
class IntervalRow:
    """One row of a forest plot: a model or stratum with its estimate and interval.

    ``None`` (or NaN) means unknown; an ``upper`` of ``None`` or infinity with a known
    ``lower`` is an interval with no upper end, drawn as an arrow to the right edge.
    """

    label: str
    estimate: float | None
    lower: float | None
    upper: float | None
    observed: int | None = None
    highlight: bool = False


@dataclass(frozen=True)
class Intervals:
    """Estimates with their intervals and the documented count, one row each."""

    words: Words
    rows: tuple[IntervalRow, ...]
    axis_label: str
    estimate_label: str = "estimate"
    interval_label: str = "interval"
    observed_label: str = "documented"
    not_from_zero: str = "the axis does not start at zero"


@dataclass(frozen=True)
class Overlap:
    """An UpSet chart of how lists overlap: one column per capture pattern, largest first.

    ``cells`` pairs a pattern (one flag per list) with how many persons have it.
    """

    words: Words
    lists: tuple[str, ...]
    cells: tuple[tuple[tuple[bool, ...], int], ...]
    axis_label: str = "persons"
    other_label: str = "other"

    def __post_init__(self) -> None:
        for pattern, count in self.cells:
            if len(pattern) != len(self.lists):
                raise ValueError(f"a pattern has {len(pattern)} flags for {len(self.lists)} lists")
            if count < 0:
                raise ValueError(f"a pattern has a negative count ({count})")


Chart = Timeline | Bars | Intervals | Overlap


@dataclass(frozen=True)
class Drawn:
    """A chart's files: the wide SVG and PNG (shown and downloaded) and the phone's SVG."""

    wide_svg: bytes
    wide_png: bytes
    narrow_svg: bytes
    files: dict[str, bytes] = field(init=False)

    def __post_init__(self) -> None:
        files = {"wide.svg": self.wide_svg, "wide.png": self.wide_png}
        files["narrow.svg"] = self.narrow_svg
        object.__setattr__(self, "files", files)


def chart_key(chart: Chart) -> str:
    """A name for the chart's files that changes whenever its data, words or drawing do."""
    return hashlib.sha256(f"{STYLE_VERSION}\0{chart!r}".encode()).hexdigest()[:32]


# matplotlib's settings are global, and its text layout caches are not made for threads:
# one chart is drawn at a time in a process.
_DRAWING = threading.Lock()
PNG_DPI = 200


def draw(chart: Chart) -> Drawn:
    """The chart's SVG (wide and narrow) and PNG (wide, 1 600 px) files."""
    with _DRAWING, matplotlib.rc_context(_rc()):
        wide = figure(chart, WIDE)
        narrow = figure(chart, NARROW)
        return Drawn(
            _save(wide, chart, "svg"), _save(wide, chart, "png"), _save(narrow, chart, "svg")
        )


def render(chart: Chart, layout: Layout, kind: str = "png") -> bytes:
    """One drawing of ``chart`` as one file (``svg`` or ``png``), for looking at it — the
    phone's drawing as PNG in particular, which ``draw`` does not make."""
    with _DRAWING, matplotlib.rc_context(_rc()):
        return _save(figure(chart, layout), chart, kind)


def _rc() -> dict[Any, Any]:
    return {
        "font.family": "sans-serif",
        "font.sans-serif": [FONT],
        "svg.fonttype": "path",
        "svg.hashsalt": "tizim",  # the same chart gives the same file, byte for byte
        "axes.edgecolor": MUTED,
        "axes.labelcolor": INK,
        "text.color": INK,
        "xtick.color": MUTED,
        "ytick.color": MUTED,
        "axes.spines.top": False,
        "axes.spines.right": False,
    }


def _save(fig: Figure, chart: Chart, kind: str) -> bytes:
    out = io.BytesIO()
    metadata = {"Title": chart.words.title, "Creator": "tizim"}
    if kind == "svg":
        metadata["Date"] = None  # type: ignore[assignment]
    else:
        metadata["Software"] = "tizim"
    fig.savefig(out, format=kind, dpi=PNG_DPI if kind == "png" else 96, metadata=metadata)
    return out.getvalue()


def figure(chart: Chart, layout: Layout) -> Figure:
    """The matplotlib figure of ``chart`` in ``layout`` (``draw`` saves it as files)."""
    drawers: dict[type, Callable[[Chart, Layout], Figure]] = {
        Timeline: _timeline,  # type: ignore[dict-item]
        Bars: _bars,  # type: ignore[dict-item]
        Intervals: _intervals,  # type: ignore[dict-item]
        Overlap: _overlap,  # type: ignore[dict-item]
    }
    return drawers[type(chart)](chart, layout)


# -- the parts every chart shares -----------------------------------------------------------------


def _new_figure(words: Words, layout: Layout, height: float) -> Figure:
    fig = Figure(figsize=(layout.width, height), layout="constrained", facecolor="white")
    fig.get_layout_engine().set(h_pad=0.06, w_pad=0.06)  # type: ignore[call-arg, union-attr]
    fig.suptitle(
        _wrap(words.title, layout.title_chars),
        x=0.01,
        ha="left",
        fontsize=layout.font * 1.3,
        fontweight="bold",
    )
    return fig


def _wrap(text: str, width: int) -> str:
    return "\n".join(textwrap.wrap(text, width, break_long_words=False)) or text


def _no_data(words: Words, layout: Layout) -> Figure:
    fig = _new_figure(words, layout, 1.6)
    ax = fig.add_subplot()
    ax.set_axis_off()
    ax.text(0.5, 0.5, words.no_data, ha="center", va="center", color=MUTED, fontsize=layout.font)
    return fig


def _count_axis(
    axis: matplotlib.axis.Axis, language: str, layout: Layout, ticks: int | None = None
) -> None:
    """Whole-number ticks written as the language writes numbers (no wrapping)."""
    nbins = ticks or layout.max_ticks
    axis.set_major_locator(ticker.MaxNLocator(nbins=nbins, integer=True, min_n_ticks=3))
    axis.set_major_formatter(ticker.FuncFormatter(lambda v, _: format_number(v, language)))


def _legend(fig: Figure, handles: Sequence[Artist], labels: Sequence[str], layout: Layout) -> None:
    wrapped = [
        _wrap(label, layout.title_chars // (1 if layout is NARROW else 2)) for label in labels
    ]
    fig.legend(
        handles,
        wrapped,
        loc="outside lower left",
        ncols=1 if layout is NARROW else 2,
        frameon=False,
        fontsize=layout.font * 0.95,
        handlelength=2.6,
    )


def _style(ax: Axes, layout: Layout) -> None:
    ax.tick_params(labelsize=layout.font * 0.9)
    ax.grid(axis="y", color=FAINT, linewidth=0.8)
    ax.set_axisbelow(True)


# -- timeline -----------------------------------------------------------------------------------


def _timeline(chart: Timeline, layout: Layout) -> Figure:
    drawn = [s for s in chart.series if s.points]
    if not drawn:
        return _no_data(chart.words, layout)
    counts = [v for s in drawn if s.kind != "points" for _, v in s.points]
    ceiling = SEPARATE_ABOVE * max(max(counts, default=0.0), 1.0)
    # Each claim series is split: points near the counts stay with them, the rest go above.
    near = [(i, _part(s, lambda v: v <= ceiling or not counts)) for i, s in enumerate(drawn)]
    far = [(i, _part(s, lambda v: v > ceiling and bool(counts))) for i, s in enumerate(drawn)]
    far = [(i, s) for i, s in far if s.kind == "points" and s.points]
    height = (4.4 if layout is WIDE else 5.6) + (1.4 if far else 0.0)
    fig = _new_figure(chart.words, layout, height)
    if far:
        top, main = fig.subplots(2, 1, sharex=True, height_ratios=(1, 2))
        _timeline_panel(top, far, chart, layout)
        top.set_title(
            _wrap(chart.separate_label, layout.title_chars),
            loc="left",
            fontsize=layout.font,
            color=MUTED,
        )
        main.set_title(
            _wrap(chart.near_label, layout.title_chars),
            loc="left",
            fontsize=layout.font,
            color=MUTED,
        )
        top.spines["bottom"].set_linestyle((0, (4, 3)))  # the break between the two scales
    else:
        main = fig.add_subplot()
    handles = _timeline_panel(main, near, chart, layout)
    main.set_ylabel(chart.axis_label, fontsize=layout.font)
    days = [d for s in drawn for d, _ in s.points]
    _date_axis(main, min(days), max(days), chart.words, layout)
    _legend(fig, handles, [s.label for s in drawn], layout)
    return fig


def _part(series: Series, keep: Callable[[float], bool]) -> Series:
    if series.kind != "points":
        return series
    return Series(series.label, tuple(p for p in series.points if keep(p[1])), series.kind)


def _timeline_panel(
    ax: Axes, series: Sequence[tuple[int, Series]], chart: Timeline, layout: Layout
) -> list[Line2D]:
    """Draws ``series`` (each with the index that picks its colour); one legend handle each."""
    _style(ax, layout)
    handles = []
    top = 0.0
    for index, item in series:
        colour, marker = PALETTE[index % len(PALETTE)], MARKERS[index % len(MARKERS)]
        if not item.points:
            # Claims all drawn on the panel above: only their legend entry comes from here.
            # Plotted empty, a marker line with clip_on=False would still be measured, at the
            # figure's corner, and constrained layout would leave a blank band down to it.
            handles.append(
                Line2D([], [], linestyle="none", marker=marker, color=colour, markersize=7)
            )
            continue
        days = mdates.date2num([d for d, _ in item.points])
        values = [v for _, v in item.points]
        top = max([top, *values])
        if item.kind == "points":
            (line,) = ax.plot(
                days,
                values,
                linestyle="none",
                marker=marker,
                color=colour,
                markersize=7,
                clip_on=False,
            )
            for day, value in item.points:
                ax.annotate(
                    format_number(value, chart.words.language),
                    (mdates.date2num(day), value),
                    xytext=(0, 7),
                    textcoords="offset points",
                    ha="center",
                    fontsize=layout.font * 0.85,
                    color=colour,
                )
        else:
            drawstyle = "steps-post" if item.kind == "step" else "default"
            (line,) = ax.plot(
                days,
                values,
                drawstyle=drawstyle,
                color=colour,
                linestyle=DASHES[index % len(DASHES)],
                linewidth=2,
                marker=marker,
                markersize=3.5,
                markevery=max(1, len(days) // 12),
            )
        handles.append(line)
    ax.set_ylim(0, max(top, 1.0) * 1.2)  # room above for the values written over claims
    short = all(item.kind == "points" for _, item in series)  # the claims' own, low panel
    _count_axis(ax.yaxis, chart.words.language, layout, 3 if short else None)
    return handles


def _date_axis(
    ax: Axes, first: datetime.date, last: datetime.date, words: Words, layout: Layout
) -> None:
    if first == last:
        first, last = first - datetime.timedelta(days=1), last + datetime.timedelta(days=1)
    pad = datetime.timedelta(days=max(1, (last - first).days // 20))
    ax.set_xlim(mdates.date2num(first - pad), mdates.date2num(last + pad))
    locator = mdates.AutoDateLocator(minticks=2, maxticks=layout.max_ticks)
    ax.xaxis.set_major_locator(locator)

    def label(value: float, _: object) -> str:
        return day_and_month(mdates.num2date(value).date(), words.months, words.language)

    ax.xaxis.set_major_formatter(ticker.FuncFormatter(label))


# -- bars ---------------------------------------------------------------------------------------


def _rows_figure(
    words: Words, layout: Layout, labels: Sequence[str], base: float, per_row: float
) -> tuple[Figure, Axes]:
    """A figure of one row per label, as tall as its (wrapped) labels need; vertical grid."""
    lines = sum(label.count("\n") + 1 for label in labels)
    fig = _new_figure(words, layout, base + 0.23 * lines + per_row * len(labels))
    ax = fig.add_subplot()
    _style(ax, layout)
    ax.grid(False)
    ax.grid(axis="x", color=FAINT, linewidth=0.8)
    return fig, ax


def _bars(chart: Bars, layout: Layout) -> Figure:
    if not chart.rows:
        return _no_data(chart.words, layout)
    labels = [_wrap(label, layout.label_chars) for label, _ in chart.rows]
    fig, ax = _rows_figure(chart.words, layout, labels, 1.5, 0.12)
    values = [value for _, value in chart.rows]
    bars = ax.barh(range(len(values)), values, color=PALETTE[0], height=0.7)
    ax.set_yticks(range(len(values)), labels, fontsize=layout.font * 0.9)
    ax.invert_yaxis()  # the first row on top, as in the table beside it
    ax.bar_label(
        bars,
        [format_number(v, chart.words.language) for v in values],
        padding=3,
        fontsize=layout.font * 0.9,
    )
    ax.set_xlim(0, max(max(values), 1.0) * 1.18)
    _count_axis(ax.xaxis, chart.words.language, layout)
    ax.set_xlabel(chart.axis_label, fontsize=layout.font)
    return fig


# -- intervals (forest plot) --------------------------------------------------------------------


def _known(value: float | None, *, allow_inf: bool = False) -> float | None:
    if value is None or math.isnan(value) or (math.isinf(value) and not allow_inf):
        return None
    return max(0.0, float(value))


def interval_text(row: IntervalRow, language: str = "en") -> str:
    """A row's figures as text: ``155 (148–163)``, ``(200–∞)``, or "–"."""
    est, low = _known(row.estimate), _known(row.lower)
    high = _known(row.upper, allow_inf=True)
    parts = [] if est is None else [format_number(est, language)]
    if low is not None or high is not None:
        upper = "∞" if high is None or math.isinf(high) else format_number(high, language)
        parts.append(f"({format_number(low or 0.0, language)}–{upper})")
    return " ".join(parts) or "–"


def interval_limits(rows: Sequence[IntervalRow]) -> tuple[float, float] | None:
    """The axis range that holds every known number of ``rows`` with a margin; it starts at 0
    only when the numbers come near 0, so that narrow intervals stay readable."""
    values = [
        v
        for r in rows
        for v in (_known(r.estimate), _known(r.lower), _known(r.upper), _known(r.observed))
        if v is not None
    ]
    if not values:
        return None
    low, high = min(values), max(values)
    margin = max((high - low) * 0.15, high * 0.02, 1.0)
    start = low - margin if low - margin > 0.25 * high else 0.0
    return start, high + margin


def _intervals(chart: Intervals, layout: Layout) -> Figure:
    limits = interval_limits(chart.rows)
    if limits is None:
        return _no_data(chart.words, layout)
    labels = [_wrap(row.label, layout.label_chars) for row in chart.rows]
    fig, ax = _rows_figure(chart.words, layout, labels, 2.0, 0.3)
    ax.set_xlim(*limits)
    for y, row in enumerate(chart.rows):
        _interval_row(ax, y, row, limits[1], chart.words.language, layout)
    ax.set_yticks(range(len(labels)), labels, fontsize=layout.font * 0.9)
    for tick, row in zip(ax.get_yticklabels(), chart.rows, strict=True):
        tick.set_fontweight("bold" if row.highlight else "normal")
    ax.set_ylim(len(labels) - 0.4, -0.75)  # the first row on top; room for its figures
    _count_axis(ax.xaxis, chart.words.language, layout)
    label = chart.axis_label
    if limits[0] > 0:
        label += f" ({chart.not_from_zero})"
    ax.set_xlabel(_wrap(label, layout.title_chars), fontsize=layout.font)
    handles = [
        Line2D([], [], color=PALETTE[0], marker="o", linestyle="-", linewidth=2),
        Line2D([], [], color=PALETTE[1], marker="|", linestyle="none", markersize=14, mew=2.5),
    ]
    names = [f"{chart.estimate_label} ({chart.interval_label})", chart.observed_label]
    _legend(fig, handles, names, layout)
    return fig


def _interval_row(
    ax: Axes, y: int, row: IntervalRow, right: float, language: str, layout: Layout
) -> None:
    if row.highlight:
        ax.axhspan(y - 0.5, y + 0.5, color=HIGHLIGHT, zorder=0)
    est, low = _known(row.estimate), _known(row.lower)
    high = _known(row.upper, allow_inf=True)
    width = 3.0 if row.highlight else 1.8
    if low is not None or high is not None:
        open_end = high is None or math.isinf(high)
        end = right if high is None or math.isinf(high) else high
        ax.plot([low or 0.0, end], [y, y], color=PALETTE[0], linewidth=width, solid_capstyle="butt")
        if open_end:  # no upper end: an arrow to the edge of the chart
            ax.plot([end], [y], marker=">", color=PALETTE[0], markersize=8, clip_on=False)
    if row.observed is not None:
        ax.plot([row.observed], [y], marker="|", color=PALETTE[1], markersize=14, mew=2.5)
    if est is not None:
        ax.plot([est], [y], marker="o", color=PALETTE[0], markersize=7 if row.highlight else 6)
    centre = est if est is not None else (low if low is not None else row.observed)
    if centre is not None:
        ax.annotate(
            interval_text(row, language),
            (centre, y),
            xytext=(0, 6),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=layout.font * 0.85,
            fontweight="bold" if row.highlight else "normal",
        )


# -- overlap (UpSet) ----------------------------------------------------------------------------


def overlap_columns(chart: Overlap, max_columns: int) -> list[tuple[tuple[bool, ...] | None, int]]:
    """The columns of an overlap chart: patterns summed, largest first (ties: fewer lists,
    then earlier lists), the smallest folded into one ``None`` column beyond ``max_columns``."""
    merged: dict[tuple[bool, ...], int] = {}
    for flags, count in chart.cells:
        key = tuple(bool(flag) for flag in flags)
        if count and any(key):
            merged[key] = merged.get(key, 0) + int(count)
    ordered = sorted(merged.items(), key=lambda c: (-c[1], sum(c[0]), [not f for f in c[0]]))
    if len(ordered) <= max_columns:
        return list(ordered)
    kept: list[tuple[tuple[bool, ...] | None, int]] = list(ordered[: max_columns - 1])
    kept.append((None, sum(count for _, count in ordered[max_columns - 1 :])))
    return kept


def _overlap(chart: Overlap, layout: Layout) -> Figure:
    columns = overlap_columns(chart, layout.max_columns)
    if not chart.lists or not columns:
        return _no_data(chart.words, layout)
    names = [_wrap(name, layout.label_chars) for name in chart.lists]
    fig = _new_figure(chart.words, layout, 3.4 + 0.32 * len(names))
    bars_ax, dots_ax = fig.subplots(2, 1, sharex=True, height_ratios=(2.2, 0.35 * len(names) + 0.3))
    _style(bars_ax, layout)
    xs = range(len(columns))
    counts = [count for _, count in columns]
    bars = bars_ax.bar(xs, counts, color=PALETTE[0], width=0.7)
    bars_ax.bar_label(
        bars,
        [format_number(c, chart.words.language) for c in counts],
        padding=2,
        fontsize=layout.font * 0.8,
        rotation=90 if layout is NARROW else 0,
    )
    bars_ax.set_ylim(0, max(counts) * 1.3)
    bars_ax.set_ylabel(chart.axis_label, fontsize=layout.font)
    _count_axis(bars_ax.yaxis, chart.words.language, layout)
    for x, (pattern, _) in enumerate(columns):
        if pattern is None:
            dots_ax.text(
                x,
                (len(names) - 1) / 2,
                chart.other_label,
                rotation=90,
                ha="center",
                va="center",
                fontsize=layout.font * 0.8,
                color=MUTED,
            )
            continue
        on = [i for i, flag in enumerate(pattern) if flag]
        dots_ax.scatter([x] * len(names), range(len(names)), s=30, color=FAINT, zorder=1)
        dots_ax.scatter([x] * len(on), on, s=30, color=INK, zorder=2)
        if len(on) > 1:
            dots_ax.plot([x, x], [on[0], on[-1]], color=INK, linewidth=2, zorder=2)
    dots_ax.set_yticks(range(len(names)), names, fontsize=layout.font * 0.9)
    dots_ax.set_ylim(len(names) - 0.5, -0.5)
    dots_ax.set_xticks([])
    for spine in dots_ax.spines.values():
        spine.set_visible(False)
    return fig
