"""Charts rendered on the server as SVG strings, for inline use in the public and staff pages.

Why this way:

- **No CDN, no chart library in the browser.** Visitors may be watched; a request to a
  third-party host tells an observer who reads about the dead. The pages also have to work with
  JavaScript switched off (Tor Browser's safest mode), so the chart is finished markup.
- **Strict Content-Security-Policy.** Pages are served without ``'unsafe-inline'``, which blocks
  ``style="…"`` attributes and ``<style>`` elements. Charts therefore use SVG presentation
  attributes only (``fill``, ``stroke``, ``font-size``, ``text-anchor`` …), no scripts and no
  external references. Every element also carries a ``class`` (``bar``, ``axis``, ``grid``,
  ``tick``, ``value``, ``estimate``, ``interval``, ``observed``, ``marker`` …) so a local
  stylesheet can restyle them.
- **Accessible.** The root has ``role="img"`` and ``aria-labelledby`` pointing at a ``<title>``
  and a ``<desc>`` that states the data in words for screen readers. Callers that need the desc
  in Kazakh or Russian pass ``description=``; ``no_data_label`` and the legend labels are
  parameters for the same reason.
- **Deterministic.** The same input gives the identical string (element ids come from a hash of
  the content), so pages can be cached and compared.

Conventions: numbers use a thin space (U+2009) between thousands, because a comma or a point
means the opposite thing in kk/ru and in en; a point separates decimals; values of 10^15 and
above are shown as ``1.23e+15``. Value axes start at 0. Labels longer than 40 characters are
shortened on screen with "…"; the full text stays in the desc and in a tooltip. The SVG has
``width="100%"`` and a ``viewBox``, so it scales with its container.
"""

from __future__ import annotations

import datetime
import hashlib
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

THIN_SPACE = "\u2009"
#: Okabe–Ito colour-blind-safe palette, most legible on white first (yellow left out).
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")
#: Marker shapes, paired with PALETTE, so series stay apart in greyscale.
MARKERS = ("circle", "square", "triangle", "diamond", "triangle-down", "plus", "cross")
_DASHES = (None, "6 3", "2 3", "8 3 2 3")
SERIES_KINDS = frozenset({"line", "points", "step"})
INK, MUTED, FAINT, STRIPE, HIGHLIGHT = "#222222", "#6b6b6b", "#d0d0d0", "#f3f3f3", "#fff3d6"
FONT, SMALL = 12, 10
_PAD = 10
_MAX_LABEL = 40
# Everything XML 1.0 forbids (control characters, lone surrogates, U+FFFE/U+FFFF).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass(frozen=True)
class IntervalRow:
    """One row of a forest plot: a model or stratum with its estimate and interval.

    ``None`` (or NaN) means unknown. ``upper`` of ``None`` or infinity is drawn as an open-ended
    arrow; ``lower`` of ``None`` is drawn from 0. Values below 0 are drawn at 0.
    """

    label: str
    estimate: float | None
    lower: float | None
    upper: float | None
    observed: int | None = None
    highlight: bool = False


@dataclass(frozen=True)
class Series:
    """A series over time: ``kind`` is ``line``, ``points`` (each point labelled) or ``step``."""

    label: str
    points: Sequence[tuple[datetime.date, float]]
    kind: str = "line"

    def __post_init__(self) -> None:
        if self.kind not in SERIES_KINDS:
            raise ValueError(f"series kind {self.kind!r} is not one of {sorted(SERIES_KINDS)}")
        object.__setattr__(self, "points", tuple(self.points))


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round, evenly spaced ticks from at or below ``low`` to at or above ``high``.

    The step is 1, 2, 2.5 or 5 times a power of ten, chosen so that about ``count`` intervals
    cover the range. A range of zero width still gets two ticks (``nice_ticks(0, 0)`` is
    ``[0.0, 1.0]``). Raises ``ValueError`` for non-finite bounds, ``low > high`` or ``count < 1``.
    """
    if count < 1:
        raise ValueError("count must be at least 1")
    if not (math.isfinite(low) and math.isfinite(high)):
        raise ValueError("tick bounds must be finite numbers")
    if low > high:
        raise ValueError(f"low ({low}) is above high ({high})")
    # A zero-width range gets one round step holding it: 0 → [0, 1], 3 → [0, 5]. A step finer
    # than the floats near the range can hold would repeat ticks, so it is never that fine.
    raw = (high - low) / count if high > low else (abs(low) or 1.0)
    step = _nice_step(max(raw, 16 * math.ulp(max(abs(low), abs(high)))))
    first, last = math.floor(low / step), math.ceil(high / step)
    if first * step > low:
        first -= 1
    if last * step < high:
        last += 1
    if last == first:
        last += 1
    if not math.isfinite(last * step):
        raise ValueError("values too large to chart")
    digits = max(0, 1 - math.floor(math.log10(step)))

    def tick(i: int) -> float:
        return round(i * step, digits) if digits else float(i * step)

    ticks = [tick(i) for i in range(first, last + 1)]
    # Rounding to decimals can move an end a hair inside the range; one more step covers it.
    if ticks[0] > low:
        ticks.insert(0, tick(first - 1))
    if ticks[-1] < high:
        ticks.append(tick(last + 1))
    return ticks


def _nice_step(raw: float) -> float:
    raw = max(raw, 1e-300)
    power = 10.0 ** math.floor(math.log10(raw))
    for mantissa in (1.0, 2.0, 2.5, 5.0):
        if raw <= mantissa * power * (1 + 1e-9):
            return mantissa * power
    return 10.0 * power


def format_number(value: float, decimals: int | None = None) -> str:
    """A number for display: thin space between thousands, point for decimals.

    Without ``decimals``, whole numbers and values of 100 or more are rounded to integers and
    smaller fractions get up to two decimals. Infinity is "∞"; NaN is "–".
    """
    if math.isnan(value):
        return "–"
    if math.isinf(value):
        return "∞" if value > 0 else "-∞"
    if abs(value) >= 1e15:
        return f"{value:.3g}"
    auto = decimals is None
    if decimals is None:
        decimals = 0 if abs(value) >= 100 or value == round(value) else 2
    text = f"{value:,.{decimals}f}"
    if auto and "." in text:
        text = text.rstrip("0").rstrip(".")
    if text.lstrip("-").strip("0.,") == "":
        text = text.lstrip("-")
    return text.replace(",", THIN_SPACE)


def _decimals_for(ticks: Sequence[float]) -> int:
    step = ticks[1] - ticks[0] if len(ticks) > 1 else 1.0
    for digits in range(12):
        if all(abs(round(t, digits) - t) <= step * 1e-6 for t in ticks):
            return digits
    return 12


# -- markup -------------------------------------------------------------------------------------


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _text(value: str) -> str:
    return _clean(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attr(value: str) -> str:
    return _text(value).replace('"', "&quot;").replace("'", "&apos;").replace("\n", "&#10;")


def _num(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _tag(name: str, text: str | None = None, /, *children: str, **attrs: str | float | None) -> str:
    """An element; ``text`` is escaped, ``children`` are markup; ``text_anchor`` → text-anchor."""
    parts = [name]
    for key, value in attrs.items():
        if value is not None:
            shown = _attr(value) if isinstance(value, str) else _num(value)
            parts.append(f'{key.rstrip("_").replace("_", "-")}="{shown}"')
    content = ("" if text is None else _text(text)) + "".join(children)
    return f"<{' '.join(parts)}>{content}</{name}>" if content else f"<{' '.join(parts)}/>"


def _svg(kind: str, width: float, height: float, title: str, desc: str, body: Iterable[str]) -> str:
    inner = "".join(body)
    key = "\0".join((kind, title, desc, inner))
    ident = "chart-" + hashlib.sha256(_clean(key).encode()).hexdigest()[:12]
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_num(width)} {_num(height)}" '
        f'width="100%" role="img" aria-labelledby="{ident}-title {ident}-desc" '
        f'class="chart chart-{kind}" font-family="sans-serif" font-size="{FONT}" fill="{INK}">'
        f'<title id="{ident}-title">{_text(title)}</title>'
        f'<desc id="{ident}-desc">{_text(desc)}</desc>{inner}</svg>'
    )


def _no_data(kind: str, title: str, label: str) -> str:
    text = _tag("text", label, x=200, y=35, text_anchor="middle", fill=MUTED, class_="no-data")
    return _svg(kind, 400, 60, title, label, [text])


def _short(label: str) -> str:
    return label if len(label) <= _MAX_LABEL else label[: _MAX_LABEL - 1] + "…"


def _width(text: str, size: float) -> float:
    # A sans-serif glyph averages about 0.6 em; Cyrillic runs a little wider than Latin.
    return len(text) * size * 0.62


def _txt(
    cls: str,
    text: str,
    x: float,
    y: float,
    anchor: str | None = None,
    size: float | None = None,
    **attrs: str | float | None,
) -> str:
    """A text element, shortened on screen with the full text as a tooltip when too long."""
    shown = _short(text)
    tip = _tag("title", text) if shown != text else ""
    return _tag(
        "text", shown, tip, x=x, y=y, text_anchor=anchor, font_size=size, class_=cls, **attrs
    )


def _line(
    cls: str,
    x1: float,
    y1: float,
    x2: float,
    y2: float,
    stroke: str = INK,
    **attrs: str | float | None,
) -> str:
    return _tag("line", x1=x1, y1=y1, x2=x2, y2=y2, stroke=stroke, class_=cls, **attrs)


def _rect(cls: str, x: float, y: float, width: float, height: float, fill: str) -> str:
    return _tag("rect", x=x, y=y, width=width, height=height, fill=fill, class_=cls)


def _marker(shape: str, cx: float, cy: float, r: float, colour: str, cls: str) -> str:
    if shape == "circle":
        return _tag("circle", cx=cx, cy=cy, r=r, fill=colour, class_=cls)
    if shape in ("plus", "cross"):
        a = r * (0.8 if shape == "cross" else 1.1)
        if shape == "plus":
            d = f"M{_num(cx - a)} {_num(cy)}H{_num(cx + a)}"
            d += f"M{_num(cx)} {_num(cy - a)}V{_num(cy + a)}"
        else:
            d = (
                f"M{_num(cx - a)} {_num(cy - a)}L{_num(cx + a)} {_num(cy + a)}"
                f"M{_num(cx - a)} {_num(cy + a)}L{_num(cx + a)} {_num(cy - a)}"
            )
        return _tag("path", d=d, fill="none", stroke=colour, stroke_width=2.2, class_=cls)
    corners = {
        "square": [(-0.9, -0.9), (0.9, -0.9), (0.9, 0.9), (-0.9, 0.9)],
        "triangle": [(0, -1.2), (1.1, 0.85), (-1.1, 0.85)],
        "triangle-down": [(0, 1.2), (1.1, -0.85), (-1.1, -0.85)],
        "diamond": [(0, -1.3), (1.1, 0), (0, 1.3), (-1.1, 0)],
    }[shape]
    points = " ".join(f"{_num(cx + dx * r)},{_num(cy + dy * r)}" for dx, dy in corners)
    return _tag("polygon", points=points, fill=colour, class_=cls)


def _value_axis(
    ticks: Sequence[float], x0: float, plot_w: float, top: float, bottom: float, label: str
) -> list[str]:
    """Vertical grid lines with tick labels under ``bottom``, and the axis label below them."""
    decimals = _decimals_for(ticks)
    out = []
    for tick in ticks:
        x = x0 + tick / ticks[-1] * plot_w
        out.append(_line("grid", x, top, x, bottom, FAINT))
        out.append(_txt("tick", format_number(tick, decimals), x, bottom + 14, "middle", SMALL))
    out.append(_line("axis", x0, bottom, x0 + plot_w, bottom))
    out.append(_txt("axis-label", label, x0 + plot_w / 2, bottom + 30, "middle"))
    return out


# -- overlap (UpSet) ----------------------------------------------------------------------------


def _pattern_name(names: Sequence[str], pattern: Sequence[bool]) -> str:
    chosen = [name for name, on in zip(names, pattern, strict=True) if on]
    if len(chosen) == 1:
        return f"{chosen[0]} only"
    return ", ".join(chosen[:-1]) + " and " + chosen[-1]


def overlap_svg(
    list_names: Sequence[str],
    cells: Sequence[tuple[Sequence[bool], int]],
    *,
    title: str,
    no_data_label: str = "No data",
    max_columns: int = 30,
    other_label: str = "other",
    description: str | None = None,
) -> str:
    """An UpSet chart of how lists overlap: one column per capture pattern, largest first.

    ``cells`` pairs a pattern (one flag per list: does the list name these persons?) with how
    many persons have it. Repeated patterns are summed; empty patterns and zero counts are left
    out. Each column has a bar with its count and a dot matrix below; each list shows its total
    as a small bar by its name. Beyond ``max_columns`` the smallest patterns are folded into one
    ``other_label`` column. Raises ``ValueError`` for a pattern of the wrong length or a
    negative count.
    """
    if max_columns < 1:
        raise ValueError("max_columns must be at least 1")
    names = list(list_names)
    merged: dict[tuple[bool, ...], int] = {}
    for flags, count in cells:
        key = tuple(bool(flag) for flag in flags)
        if len(key) != len(names):
            raise ValueError(f"a pattern has {len(key)} flags for {len(names)} lists")
        if count < 0:
            raise ValueError(f"a pattern has a negative count ({count})")
        if count and any(key):
            merged[key] = merged.get(key, 0) + int(count)
    if not names or not merged:
        return _no_data("overlap", title, no_data_label)
    # Ties: fewer lists first, then patterns naming earlier lists, so the order is stable.
    ordered = sorted(merged.items(), key=lambda c: (-c[1], sum(c[0]), [not f for f in c[0]]))
    keep = len(ordered) if len(ordered) <= max_columns else max_columns - 1
    folded = ordered[keep:]
    columns: list[tuple[tuple[bool, ...] | None, int]] = list(ordered[:keep])
    if folded:
        columns.append((None, sum(count for _, count in folded)))
    totals = [sum(c for p, c in merged.items() if p[i]) for i in range(len(names))]

    count_texts = [format_number(count) for _, count in columns]
    total_texts = [format_number(total) for total in totals]
    col_w = max(22.0, max(_width(t, SMALL) for t in count_texts) + 6)
    names_right = _PAD + max(_width(_short(n), FONT) for n in names)
    totals_right = names_right + 8 + max(_width(t, SMALL) for t in total_texts)
    set_x, set_w = totals_right + 4, 60.0
    matrix_x = set_x + set_w + 12
    matrix_end = matrix_x + len(columns) * col_w
    bar_base, bar_h, row_h = _PAD + 16 + 140, 140.0, 22.0
    matrix_top = bar_base + 10
    width = max(matrix_end + _PAD, 200.0)
    height = matrix_top + len(names) * row_h + (18 if folded else 0) + _PAD
    top_count = max(count for _, count in columns)
    top_total = max(totals) or 1

    def row_mid(i: int) -> float:
        return matrix_top + (i + 0.5) * row_h

    body: list[str] = []
    for i, name in enumerate(names):
        mid = row_mid(i)
        if i % 2 == 0:
            body.append(_rect("row-stripe", _PAD / 2, mid - row_h / 2, width - _PAD, row_h, STRIPE))
        body.append(_txt("list-name", name, names_right, mid + 4, "end"))
        body.append(_txt("value list-total", total_texts[i], totals_right, mid + 4, "end", SMALL))
        body.append(_rect("set-bar", set_x, mid - 5, totals[i] / top_total * set_w, 10, MUTED))
    body.append(_line("axis", matrix_x, bar_base, matrix_end, bar_base))
    for j, (pattern, count) in enumerate(columns):
        cx = matrix_x + (j + 0.5) * col_w
        h = count / top_count * bar_h
        name = _pattern_name(names, pattern) if pattern else f"{other_label} ({len(folded)})"
        parts = [
            _tag("title", f"{name}: {count_texts[j]}"),
            _rect("bar" if pattern else "bar bar-other", cx - 8, bar_base - h, 16, h,
                  INK if pattern else MUTED),
            _txt("value", count_texts[j], cx, bar_base - h - 4, "middle", SMALL),
        ]  # fmt: skip
        if pattern is None:
            bottom = row_mid(len(names)) + 2
            parts.append(_txt("other-label", name, cx + col_w / 2, bottom, "end", SMALL))
        else:
            rows_on = [i for i, on in enumerate(pattern) if on]
            if len(rows_on) > 1:
                y1, y2 = row_mid(rows_on[0]), row_mid(rows_on[-1])
                parts.append(_line("link", cx, y1, cx, y2, stroke_width=2))
            for i, on in enumerate(pattern):
                cls, fill = ("dot dot-on", INK) if on else ("dot dot-off", FAINT)
                parts.append(_tag("circle", cx=cx, cy=row_mid(i), r=5, fill=fill, class_=cls))
        body.append(_tag("g", None, *parts, class_="column"))

    if description is None:
        lists = "; ".join(f"{n}: {t}" for n, t in zip(names, total_texts, strict=True))
        shown = "; ".join(
            f"{_pattern_name(names, p)}: {text}"
            for (p, _), text in zip(columns, count_texts, strict=True)
            if p is not None
        )
        description = (
            f"Overlap of {len(names)} lists ({lists}). {format_number(sum(merged.values()))} "
            f"persons in {len(merged)} capture patterns, largest first: {shown}."
        )
        if folded:
            description += (
                f" The {len(folded)} smallest patterns ({count_texts[-1]} persons) are folded "
                f"into one '{other_label}' column."
            )
    return _svg("overlap", width, height, title, description, body)


# -- intervals (forest plot) --------------------------------------------------------------------


def _known(value: float | None, *, allow_inf: bool = False) -> float | None:
    if value is None or math.isnan(value) or (math.isinf(value) and not allow_inf):
        return None
    return max(0.0, float(value))


def _interval_summary(
    est: float | None, low: float | None, high: float | None, open_end: bool
) -> str:
    """The figures of a row as text: ``1 234 (1 000–1 500)``, ``(200–∞)``, or "–"."""
    parts = [] if est is None else [format_number(est)]
    if low is not None or high is not None:
        upper = "∞" if open_end or high is None else format_number(high)
        parts.append(f"({format_number(low or 0.0)}–{upper})")
    return " ".join(parts) or "–"


def interval_svg(
    rows: Sequence[IntervalRow],
    *,
    title: str,
    axis_label: str,
    no_data_label: str = "No data",
    observed_label: str = "documented",
    estimate_label: str = "estimate",
    description: str | None = None,
) -> str:
    """A horizontal forest plot: per row a point for the estimate, a line for the interval (an
    arrow when it has no upper end) and a tick for the documented (observed) count.

    The axis starts at 0 with round ticks; the highlighted row is drawn bolder on a tinted band,
    and each row's figures are written at the right. Rows without any number keep their label.
    """
    views = []
    for row in rows:
        est, low = _known(row.estimate), _known(row.lower)
        high = _known(row.upper, allow_inf=True)
        obs = None if row.observed is None else _known(float(row.observed))
        open_end = low is not None and (high is None or math.isinf(high))
        high = None if high is None or math.isinf(high) else high
        if high is not None and low is not None and high < low:
            low, high = high, low
        views.append((row, est, low, high, open_end, obs))
    finite = [v for view in views for v in (view[1], view[2], view[3], view[5]) if v is not None]
    if not finite:
        return _no_data("interval", title, no_data_label)
    ticks = nice_ticks(0.0, max(finite))
    summaries = [_interval_summary(*view[1:5]) for view in views]

    label_right = _PAD + max(_width(_short(r.label), FONT) * 1.1 for r in rows)
    x0, plot_w, row_h = label_right + 10, 360.0, 26.0
    summary_x = x0 + plot_w + 14
    width = summary_x + max(_width(s, SMALL) for s in summaries) + _PAD
    legend_y, rows_top = _PAD + 8, _PAD + 24
    axis_y = rows_top + len(views) * row_h + 4
    height = axis_y + 36 + _PAD

    def x_of(value: float) -> float:
        return x0 + value / ticks[-1] * plot_w

    body = [
        _line("interval", x0, legend_y, x0 + 12, legend_y, PALETTE[0], stroke_width=1.5),
        _tag("circle", cx=x0 + 6, cy=legend_y, r=4, fill=PALETTE[0], class_="estimate"),
        _txt("legend-label", estimate_label, x0 + 18, legend_y + 4, size=SMALL),
    ]
    if any(view[5] is not None for view in views):
        lx = x0 + 30 + _width(estimate_label, SMALL)
        body.append(
            _line("observed", lx, legend_y - 7, lx, legend_y + 7, PALETTE[1], stroke_width=2.5)
        )
        body.append(_txt("legend-label", observed_label, lx + 6, legend_y + 4, size=SMALL))
    body.extend(_value_axis(ticks, x0, plot_w, rows_top, axis_y, axis_label))
    for i, (row, est, low, high, open_end, obs) in enumerate(views):
        mid = rows_top + (i + 0.5) * row_h
        weight = "bold" if row.highlight else None
        parts = []
        if row.highlight:
            parts.append(
                _rect("highlight-band", _PAD / 2, mid - row_h / 2, width - _PAD, row_h, HIGHLIGHT)
            )
        parts.append(_txt("row-label", row.label, label_right, mid + 4, "end", font_weight=weight))
        if low is not None or high is not None:
            x1 = x_of(low or 0.0)
            x2 = x0 + plot_w if open_end else x_of(high or 0.0)
            stroke_w = 3.0 if row.highlight else 1.5
            parts.append(_line("interval", x1, mid, x2, mid, PALETTE[0], stroke_width=stroke_w))
            if open_end:
                # The arrow points past the axis end: the interval has no upper bound.
                tip = [(x2 + 8, mid), (x2, mid - 5), (x2, mid + 5)]
                points = " ".join(f"{_num(x)},{_num(y)}" for x, y in tip)
                parts.append(_tag("polygon", points=points, fill=PALETTE[0], class_="open-end"))
        if obs is not None:
            xo = x_of(obs)
            parts.append(_line("observed", xo, mid - 8, xo, mid + 8, PALETTE[1], stroke_width=2.5))
        if est is not None:
            r = 5 if row.highlight else 4
            parts.append(
                _tag("circle", cx=x_of(est), cy=mid, r=r, fill=PALETTE[0], class_="estimate")
            )
        parts.append(
            _txt("value", summaries[i], summary_x, mid + 4, size=SMALL, font_weight=weight)
        )
        body.append(_tag("g", None, *parts, class_="row highlight" if weight else "row"))

    if description is None:
        described = []
        for (row, *_, obs), summary in zip(views, summaries, strict=True):
            text = f"{row.label}: {estimate_label} {summary}"
            if obs is not None:
                text += f", {observed_label} {format_number(obs)}"
            described.append(text + (" (highlighted)" if row.highlight else ""))
        description = f"{axis_label}. " + "; ".join(described) + "."
    return _svg("interval", width, height, title, description, body)


# -- timeline -----------------------------------------------------------------------------------


def _date_ticks(first: int, last: int) -> list[int]:
    span = last - first
    step = next((s for s in (1, 2, 3, 7, 14, 28) if span / s <= 7), math.ceil(span / 7))
    return list(range(first, last + 1, step))


def _series_marks(
    index: int,
    item: Series,
    points: Sequence[tuple[datetime.date, float]],
    xy: list[tuple[float, float]],
) -> str:
    colour, dash = PALETTE[index % len(PALETTE)], _DASHES[index % len(_DASHES)]
    parts = []
    if item.kind == "line" and len(xy) > 1:
        coords = " ".join(f"{_num(x)},{_num(y)}" for x, y in xy)
        parts.append(
            _tag("polyline", points=coords, fill="none", stroke=colour, stroke_width=2,
                 stroke_dasharray=dash, class_="series-line")
        )  # fmt: skip
    elif item.kind == "step" and len(xy) > 1:
        # The count holds until the next date, then jumps: a step after each point.
        d = f"M{_num(xy[0][0])} {_num(xy[0][1])}"
        d += "".join(f"H{_num(x)}V{_num(y)}" for x, y in xy[1:])
        parts.append(
            _tag("path", d=d, fill="none", stroke=colour, stroke_width=2, stroke_dasharray=dash,
                 class_="series-step")
        )  # fmt: skip
    for (day, value), (x, y) in zip(points, xy, strict=True):
        tip = _tag("title", f"{item.label}, {day.isoformat()}: {format_number(value)}")
        shape = _marker(MARKERS[index % len(MARKERS)], x, y, 4, colour, "marker")
        parts.append(_tag("g", None, tip, shape, class_="point"))
        if item.kind == "points":
            parts.append(_txt("value", format_number(value), x, y - 8, "middle", SMALL))
    return _tag("g", None, *parts, class_=f"series series-{index} series-{item.kind}")


def timeline_svg(
    series: Sequence[Series],
    *,
    title: str,
    axis_label: str,
    no_data_label: str = "No data",
    description: str | None = None,
) -> str:
    """Values over time: official claims as labelled points, documented counts as steps, etc.

    Each series has its own colour, marker shape and dash, and an entry in the legend. Dates on
    the x axis are ISO (``2022-01-06``); the y axis starts at 0. Series without points are left
    out. Raises ``ValueError`` for a negative or non-finite value.
    """
    drawn: list[tuple[Series, list[tuple[datetime.date, float]]]] = []
    for item in series:
        points = []
        for day, value in item.points:
            if not math.isfinite(value) or value < 0:
                raise ValueError(f"{item.label}: value {value} on {day} is not a count")
            plain = day.date() if isinstance(day, datetime.datetime) else day
            points.append((plain, float(value)))
        if points:
            drawn.append((item, sorted(points)))
    if not drawn:
        return _no_data("timeline", title, no_data_label)
    days = [day.toordinal() for _, points in drawn for day, _ in points]
    first, last = min(days), max(days)
    if first == last:
        first, last = first - 1, last + 1
    ticks = nice_ticks(0.0, max(value for _, points in drawn for _, value in points))
    decimals = _decimals_for(ticks)
    tick_texts = [format_number(t, decimals) for t in ticks]
    x0 = _PAD + 18 + max(_width(t, SMALL) for t in tick_texts) + 6
    plot_w, plot_h = 520.0, 220.0
    width = x0 + plot_w + 34

    body: list[str] = []
    lx, ly = x0, _PAD + 8.0
    for i, (item, _) in enumerate(drawn):
        item_w = 34 + _width(_short(item.label), SMALL) + 14
        if lx + item_w > width - _PAD and lx > x0:
            lx, ly = x0, ly + 18
        colour, dash = PALETTE[i % len(PALETTE)], _DASHES[i % len(_DASHES)]
        if item.kind != "points":
            cls = f"legend-line series-{i}"
            body.append(
                _line(cls, lx, ly, lx + 28, ly, colour, stroke_width=2, stroke_dasharray=dash)
            )
        body.append(_marker(MARKERS[i % len(MARKERS)], lx + 14, ly, 4, colour, "legend-marker"))
        body.append(_txt("legend-label", item.label, lx + 34, ly + 4, size=SMALL))
        lx += item_w
    plot_top = ly + 30
    plot_bottom = plot_top + plot_h
    height = plot_bottom + 24 + _PAD

    def x_of(day: datetime.date) -> float:
        return x0 + (day.toordinal() - first) / (last - first) * plot_w

    def y_of(value: float) -> float:
        return plot_bottom - value / ticks[-1] * plot_h

    for tick, text in zip(ticks, tick_texts, strict=True):
        y = y_of(tick)
        body.append(_line("grid", x0, y, x0 + plot_w, y, FAINT))
        body.append(_txt("tick", text, x0 - 6, y + 4, "end", SMALL))
    for ordinal in _date_ticks(first, last):
        day = datetime.date.fromordinal(ordinal)
        x = x_of(day)
        body.append(_line("axis", x, plot_bottom, x, plot_bottom + 4))
        body.append(_txt("tick date", day.isoformat(), x, plot_bottom + 16, "middle", SMALL))
    body.append(_line("axis", x0, plot_bottom, x0 + plot_w, plot_bottom))
    body.append(_line("axis", x0, plot_top, x0, plot_bottom))
    ax, ay = _PAD + 8, (plot_top + plot_bottom) / 2
    turn = f"rotate(-90 {_num(ax)} {_num(ay)})"
    body.append(_txt("axis-label", axis_label, ax, ay, "middle", transform=turn))
    for i, (item, points) in enumerate(drawn):
        xy = [(x_of(day), y_of(value)) for day, value in points]
        body.append(_series_marks(i, item, points, xy))

    if description is None:
        described = []
        for item, points in drawn:
            if len(points) <= 12:
                values = ", ".join(f"{d.isoformat()} {format_number(v)}" for d, v in points)
            else:
                top_day, top = max(points, key=lambda p: (p[1], p[0]))
                values = (
                    f"{len(points)} points, highest {format_number(top)} on {top_day.isoformat()}"
                    f", last {format_number(points[-1][1])} on {points[-1][0].isoformat()}"
                )
            described.append(f"{item.label}: {values}")
        span = f"{datetime.date.fromordinal(min(days))} to {datetime.date.fromordinal(max(days))}"
        description = f"{axis_label}, {span}. " + "; ".join(described) + "."
    return _svg("timeline", width, height, title, description, body)


# -- bars ---------------------------------------------------------------------------------------


def bars_svg(
    rows: Sequence[tuple[str, float]],
    *,
    title: str,
    axis_label: str,
    no_data_label: str = "No data",
    description: str | None = None,
) -> str:
    """A horizontal bar chart in the order given, each bar labelled with its value.

    Raises ``ValueError`` for a negative or non-finite value.
    """
    for label, value in rows:
        if not math.isfinite(value) or value < 0:
            raise ValueError(f"{label}: {value} is not a count")
    if not rows:
        return _no_data("bars", title, no_data_label)
    ticks = nice_ticks(0.0, max(float(value) for _, value in rows))
    texts = [format_number(value) for _, value in rows]
    label_right = _PAD + max(_width(_short(label), FONT) for label, _ in rows)
    x0, plot_w, row_h = label_right + 10, 400.0, 24.0
    width = x0 + plot_w + 8 + max(_width(t, SMALL) for t in texts) + _PAD
    axis_y = _PAD + len(rows) * row_h + 4
    height = axis_y + 36 + _PAD
    body = _value_axis(ticks, x0, plot_w, _PAD, axis_y, axis_label)
    for i, ((label, value), text) in enumerate(zip(rows, texts, strict=True)):
        mid = _PAD + (i + 0.5) * row_h
        bar_w = value / ticks[-1] * plot_w
        label_el = _txt("row-label", label, label_right, mid + 4, "end")
        bar = _rect("bar", x0, mid - 8, bar_w, 16, PALETTE[0])
        value_el = _txt("value", text, x0 + bar_w + 4, mid + 4, size=SMALL)
        body.append(_tag("g", None, label_el, bar, value_el, class_="row"))
    if description is None:
        listed = "; ".join(f"{label}: {text}" for (label, _), text in zip(rows, texts, strict=True))
        description = f"{axis_label}. {listed}."
    return _svg("bars", width, height, title, description, body)
