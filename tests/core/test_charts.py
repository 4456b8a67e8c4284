"""Server-rendered SVG charts: valid, accessible, CSP-safe markup with geometry true to the data."""

from __future__ import annotations

import datetime
import itertools
import math
import random
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tizim.core.charts import (
    THIN_SPACE,
    IntervalRow,
    Series,
    bars_svg,
    format_number,
    interval_svg,
    nice_ticks,
    overlap_svg,
    timeline_svg,
)

NS = "{http://www.w3.org/2000/svg}"
JAN6 = datetime.date(2022, 1, 6)
DAY = datetime.timedelta(days=1)
HOSTILE = "<script>alert(1)</script> \"&' </text>"
KAZAKH = "Тізім Қаза"


def render_all(name: str, title: str = "Chart", no_data: bool = False) -> dict[str, str]:
    """One chart of each kind with ``name`` as a list/row/series label and as the axis label."""
    label = "Деректер жоқ"
    if no_data:
        return {
            "overlap": overlap_svg([], [], title=title, no_data_label=label),
            "interval": interval_svg([], title=title, axis_label=name, no_data_label=label),
            "timeline": timeline_svg([], title=title, axis_label=name, no_data_label=label),
            "bars": bars_svg([], title=title, axis_label=name, no_data_label=label),
        }
    points = [(JAN6, 3.0), (JAN6 + DAY, 5.0)]
    return {
        "overlap": overlap_svg([name, "B"], [((True, False), 5), ((True, True), 3)], title=title),
        "interval": interval_svg([IntervalRow(name, 10, 5, 20, 4)], title=title, axis_label=name),
        "timeline": timeline_svg([Series(name, points, "points")], title=title, axis_label=name),
        "bars": bars_svg([(name, 4)], title=title, axis_label=name),
    }


def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)
    assert root.tag == NS + "svg"
    return root


def of_class(root: ET.Element, tag: str, cls: str) -> list[ET.Element]:
    return [el for el in root.iter(NS + tag) if cls in el.get("class", "").split()]


def num(el: ET.Element, attr: str) -> float:
    return float(el.attrib[attr])


def texts(root: ET.Element, cls: str | None = None) -> list[str]:
    els = root.iter(NS + "text") if cls is None else of_class(root, "text", cls)
    return ["".join(el.itertext()) for el in els]


def assert_safe_and_accessible(svg: str) -> ET.Element:
    root = parse(svg)
    assert svg.count("http") == 1 and 'xmlns="http://www.w3.org/2000/svg"' in svg
    assert "url(" not in svg and "javascript" not in svg.lower()
    for el in root.iter():
        assert el.tag.startswith(NS), el.tag
        assert el.tag[len(NS) :] not in {"style", "script", "foreignObject", "image", "use", "a"}
        assert "style" not in el.attrib
        assert not [a for a in el.attrib if a.startswith("on") or a.endswith("href")]
    assert root.get("role") == "img" and root.get("width") == "100%"
    view = [float(v) for v in root.attrib["viewBox"].split()]
    assert len(view) == 4 and view[2] > 0 and view[3] > 0
    title_id, desc_id = root.attrib["aria-labelledby"].split()
    title, desc = root.find(NS + "title"), root.find(NS + "desc")
    assert title is not None and title.get("id") == title_id
    assert desc is not None and desc.get("id") == desc_id and (desc.text or "").strip()
    return root


@pytest.mark.parametrize("kind", ["overlap", "interval", "timeline", "bars"])
def test_every_chart_is_valid_safe_accessible_svg(kind: str) -> None:
    svg = render_all("Radio Azattyq")[kind]
    root = assert_safe_and_accessible(svg)
    assert root.get("font-family") == "sans-serif"
    assert f"chart-{kind}" in root.attrib["class"].split()
    assert "Radio Azattyq" in (root.find(NS + "desc").text or "")  # type: ignore[union-attr]


@pytest.mark.parametrize("kind", ["overlap", "interval", "timeline", "bars"])
def test_hostile_names_are_escaped_and_kept_exactly(kind: str) -> None:
    svg = render_all(HOSTILE, title=HOSTILE)[kind]
    root = assert_safe_and_accessible(svg)
    assert "<script" not in svg and "</text> " not in svg
    assert root.find(NS + "title").text == HOSTILE  # type: ignore[union-attr]
    assert HOSTILE in texts(root)
    assert HOSTILE in (root.find(NS + "desc").text or "")  # type: ignore[union-attr]


@pytest.mark.parametrize("kind", ["overlap", "interval", "timeline", "bars"])
def test_kazakh_and_cyrillic_are_kept_as_unicode(kind: str) -> None:
    svg = render_all(KAZAKH, title=KAZAKH)[kind]
    assert KAZAKH in svg and "&#" not in svg
    assert KAZAKH in texts(assert_safe_and_accessible(svg))


@pytest.mark.parametrize("kind", ["overlap", "interval", "timeline", "bars"])
def test_characters_xml_forbids_do_not_break_the_document(kind: str) -> None:
    svg = render_all("a\x00b\x1bc\ufffe", title="t\x07")[kind]
    assert_safe_and_accessible(svg)


def test_long_labels_are_shortened_on_screen_but_kept_whole_in_tooltip_and_desc() -> None:
    name = "Список задержанных, составленный адвокатом по данным родственников" * 2
    root = parse(bars_svg([(name, 3)], title="t", axis_label="a"))
    (label,) = of_class(root, "text", "row-label")
    assert label.text is not None and label.text.endswith("…") and len(label.text) == 40
    assert label.find(NS + "title").text == name  # type: ignore[union-attr]
    assert name in (root.find(NS + "desc").text or "")  # type: ignore[union-attr]


def test_output_is_deterministic_and_ids_follow_content() -> None:
    first, again = render_all("A"), render_all("A")
    assert first == again
    other = render_all("B")
    ids = {parse(svg).attrib["aria-labelledby"] for svg in [*first.values(), *other.values()]}
    assert len(ids) == 8


@pytest.mark.parametrize("kind", ["overlap", "interval", "timeline", "bars"])
def test_empty_input_gives_a_translatable_no_data_chart(kind: str) -> None:
    root = assert_safe_and_accessible(render_all("x", no_data=True)[kind])
    assert texts(root, "no-data") == ["Деректер жоқ"]
    assert root.find(NS + "desc").text == "Деректер жоқ"  # type: ignore[union-attr]
    assert not of_class(root, "rect", "bar") and not of_class(root, "circle", "estimate")


def test_no_data_also_for_inputs_with_nothing_to_draw() -> None:
    assert "No data" in overlap_svg(
        ["A", "B"], [((True, False), 0), ((False, False), 9)], title="t"
    )
    assert "No data" in interval_svg(
        [IntervalRow("m", None, None, None)], title="t", axis_label="a"
    )
    assert "No data" in timeline_svg([Series("s", [])], title="t", axis_label="a")


# -- overlap ---------------------------------------------------------------------------------

CELLS = [
    ((True, False, False), 120),
    ((False, True, False), 40),
    ((True, True, False), 60),
    ((False, False, True), 90),
    ((True, True, True), 30),
]


def test_overlap_bars_are_sorted_and_proportional_to_counts() -> None:
    root = parse(overlap_svg(["A", "B", "C"], CELLS, title="Overlap"))
    bars = of_class(root, "rect", "bar")
    heights = [num(b, "height") for b in bars]
    assert [texts(col, "value")[0] for col in of_class(root, "g", "column")] == [
        "120",
        "90",
        "60",
        "40",
        "30",
    ]
    assert heights == sorted(heights, reverse=True)
    for height, count in zip(heights, [120, 90, 60, 40, 30], strict=True):
        assert height / heights[0] == pytest.approx(count / 120, rel=1e-3)
    # Bars stand on one base line.
    assert len({round(num(b, "y") + num(b, "height"), 1) for b in bars}) == 1
    # Columns are laid out left to right in that order.
    xs = [num(b, "x") for b in bars]
    assert xs == sorted(xs)


def test_overlap_dot_matrix_and_list_totals_match_the_patterns() -> None:
    root = parse(overlap_svg(["A", "B", "C"], CELLS, title="Overlap"))
    columns = of_class(root, "g", "column")
    patterns = [
        tuple("dot-on" in d.attrib["class"] for d in col.iter(NS + "circle")) for col in columns
    ]
    assert patterns == [
        (True, False, False),
        (False, False, True),
        (True, True, False),
        (False, True, False),
        (True, True, True),
    ]
    # A line joins the dots of a pattern naming several lists, from its first to last dot.
    link = of_class(columns[4], "line", "link")[0]
    cys = [num(d, "cy") for d in columns[4].iter(NS + "circle")]
    assert (num(link, "y1"), num(link, "y2")) == (cys[0], cys[2])
    assert not of_class(columns[0], "line", "link")
    # Totals: A 120+60+30, B 40+60+30, C 90+30; set bars proportional.
    assert texts(root, "list-total") == ["210", "130", "120"]
    widths = [num(b, "width") for b in of_class(root, "rect", "set-bar")]
    assert widths[1] / widths[0] == pytest.approx(130 / 210, rel=1e-3)
    assert widths[2] / widths[0] == pytest.approx(120 / 210, rel=1e-3)
    assert texts(root, "list-name") == ["A", "B", "C"]


def test_overlap_merges_repeated_patterns_and_ignores_order_of_input() -> None:
    shuffled = CELLS[:]
    random.Random(4).shuffle(shuffled)
    assert overlap_svg("ABC", shuffled, title="t") == overlap_svg("ABC", CELLS, title="t")
    root = parse(overlap_svg(["A", "B"], [((True, False), 2), ([1, 0], 3)], title="t"))  # type: ignore[list-item]
    (column,) = of_class(root, "g", "column")
    assert texts(column, "value") == ["5"] and texts(root, "list-total") == ["5", "0"]
    assert len(of_class(root, "rect", "bar")) == 1


def test_overlap_folds_the_smallest_patterns_into_one_other_column() -> None:
    svg = overlap_svg(["A", "B", "C"], CELLS, title="t", max_columns=3, other_label="басқа")
    root = parse(svg)
    bars = of_class(root, "rect", "bar")
    assert len(bars) == 3
    assert "bar-other" in bars[-1].attrib["class"] and "bar-other" not in bars[0].attrib["class"]
    assert texts(of_class(root, "g", "column")[-1], "value") == ["130"]  # 60 + 40 + 30
    assert num(bars[-1], "height") / num(bars[0], "height") == pytest.approx(130 / 120, rel=1e-3)
    assert texts(root, "other-label") == ["басқа (3)"]
    desc = root.find(NS + "desc").text or ""  # type: ignore[union-attr]
    assert "3 smallest patterns (130 persons) are folded" in desc


def test_overlap_rejects_inconsistent_input() -> None:
    with pytest.raises(ValueError, match="2 flags for 3 lists"):
        overlap_svg("ABC", [((True, False), 1)], title="t")
    with pytest.raises(ValueError, match="negative"):
        overlap_svg("AB", [((True, False), -1)], title="t")
    with pytest.raises(ValueError, match="max_columns"):
        overlap_svg("AB", [((True, False), 1)], title="t", max_columns=0)


def test_overlap_huge_counts_use_thin_space_separators() -> None:
    root = parse(overlap_svg(["A"], [((True,), 1_234_567)], title="t"))
    assert texts(root, "value")[0] == f"1{THIN_SPACE}234{THIN_SPACE}567"


@settings(max_examples=60, deadline=None)
@given(
    st.integers(1, 5).flatmap(
        lambda k: st.tuples(
            st.just(k),
            st.lists(
                st.tuples(st.lists(st.booleans(), min_size=k, max_size=k), st.integers(0, 10**15))
            ),
            st.integers(1, 8),
        )
    )
)
def test_overlap_any_counts_render_valid_proportional_svg(
    data: tuple[int, list[tuple[list[bool], int]], int],
) -> None:
    k, cells, max_columns = data
    svg = overlap_svg([f"list {i}" for i in range(k)], cells, title="t", max_columns=max_columns)
    root = assert_safe_and_accessible(svg)
    merged: dict[tuple[bool, ...], int] = {}
    for flags, count in cells:
        if count and any(flags):
            merged[tuple(flags)] = merged.get(tuple(flags), 0) + count
    bars = of_class(root, "rect", "bar")
    assert len(bars) == min(len(merged), max_columns)
    if merged and len(merged) <= max_columns:
        expected = sorted(merged.values(), reverse=True)
        heights = [num(b, "height") for b in bars]
        for height, count in zip(heights, expected, strict=True):
            assert height == pytest.approx(count / expected[0] * heights[0], abs=0.02)


# -- intervals -------------------------------------------------------------------------------


def interval_geometry(root: ET.Element) -> tuple[float, float]:
    """x of the 0 tick and the length of one unit on the axis."""
    grid = of_class(root, "line", "grid")
    ticks = [float(t.replace(THIN_SPACE, "")) for t in texts(root, "tick")]
    assert ticks[0] == 0
    x0, x_max = num(grid[0], "x1"), num(grid[-1], "x1")
    return x0, (x_max - x0) / ticks[-1]


def test_interval_points_lie_on_their_lines_at_the_right_scale() -> None:
    rows = [
        IntervalRow("Independence", 300, 250, 380, observed=227),
        IntervalRow("Log-linear", 412.4, 330, 560, observed=227, highlight=True),
    ]
    root = parse(interval_svg(rows, title="t", axis_label="persons", observed_label="тіркелген"))
    x0, unit = interval_geometry(root)
    assert texts(root, "tick") == ["0", "200", "400", "600"]
    for group, row in zip(of_class(root, "g", "row"), rows, strict=True):
        (line,) = of_class(group, "line", "interval")
        (point,) = of_class(group, "circle", "estimate")
        (tick,) = of_class(group, "line", "observed")
        assert num(line, "x1") < num(point, "cx") < num(line, "x2")
        assert num(point, "cx") == pytest.approx(x0 + row.estimate * unit, abs=0.02)  # type: ignore[operator]
        assert num(line, "x1") == pytest.approx(x0 + row.lower * unit, abs=0.02)  # type: ignore[operator]
        assert num(line, "x2") == pytest.approx(x0 + row.upper * unit, abs=0.02)  # type: ignore[operator]
        assert num(tick, "x1") == pytest.approx(x0 + 227 * unit, abs=0.02)
        assert tick.get("stroke") != point.get("fill")
    plain, bold = (of_class(g, "line", "interval")[0] for g in of_class(root, "g", "row"))
    assert num(bold, "stroke-width") > num(plain, "stroke-width")
    assert of_class(root, "g", "highlight")[0].find(NS + "text").get("font-weight") == "bold"  # type: ignore[union-attr]
    assert "тіркелген" in texts(root, "legend-label")
    assert texts(root, "value") == ["300 (250–380)", "412 (330–560)"]


@pytest.mark.parametrize("upper", [None, math.inf])
def test_interval_without_upper_end_is_an_open_arrow_to_the_edge(upper: float | None) -> None:
    rows = [IntervalRow("closed", 100, 80, 130), IntervalRow("open", 200, 150, upper)]
    root = parse(interval_svg(rows, title="t", axis_label="a"))
    closed, open_row = of_class(root, "g", "row")
    assert not of_class(closed, "polygon", "open-end")
    (arrow,) = of_class(open_row, "polygon", "open-end")
    (line,) = of_class(open_row, "line", "interval")
    right_edge = num(of_class(root, "line", "grid")[-1], "x1")
    tip = max(float(p.split(",")[0]) for p in arrow.attrib["points"].split())
    assert num(line, "x2") == pytest.approx(right_edge) and tip > right_edge
    assert texts(root, "value")[1] == "200 (150–∞)"
    assert not [el for el in root.iter() if "inf" in "".join(el.attrib.values()).lower()]


def test_interval_degenerate_rows() -> None:
    rows = [
        IntervalRow("swapped", 50, 90, 10),
        IntervalRow("negative lower", 5, -20, 30),
        IntervalRow("nan", math.nan, None, None, observed=7),
        IntervalRow("nothing", None, None, None),
    ]
    root = parse(interval_svg(rows, title="t", axis_label="a"))
    x0, unit = interval_geometry(root)
    swapped, negative, nan_row, nothing = of_class(root, "g", "row")
    line = of_class(swapped, "line", "interval")[0]
    assert num(line, "x1") == pytest.approx(x0 + 10 * unit, abs=0.02)
    assert num(of_class(negative, "line", "interval")[0], "x1") == pytest.approx(x0)
    assert not of_class(nan_row, "circle", "estimate") and of_class(nan_row, "line", "observed")
    assert texts(nothing, "row-label") == ["nothing"] and texts(nothing, "value") == ["–"]
    zeros = parse(interval_svg([IntervalRow("z", 0, 0, 0)], title="t", axis_label="a"))
    assert texts(zeros, "tick") == ["0", "1"]


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.lists(st.floats(0, 1e14), min_size=3, max_size=3),
            st.sampled_from(["closed", "none", "inf"]),
            st.one_of(st.none(), st.integers(0, 10**12)),
            st.booleans(),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_interval_any_values_render_with_estimate_inside_its_interval(
    data: list[tuple[list[float], str, int | None, bool]],
) -> None:
    rows: list[IntervalRow] = []
    for values, end, observed, highlight in data:
        low, est, high = sorted(values)
        upper = {"closed": high, "none": None, "inf": math.inf}[end]
        rows.append(IntervalRow(f"m{len(rows)}", est, low, upper, observed, highlight))
    root = assert_safe_and_accessible(interval_svg(rows, title="t", axis_label="a"))
    for group in of_class(root, "g", "row"):
        (line,) = of_class(group, "line", "interval")
        (point,) = of_class(group, "circle", "estimate")
        assert num(line, "x1") - 0.01 <= num(point, "cx") <= num(line, "x2") + 0.01


# -- timeline --------------------------------------------------------------------------------


def claims_and_counts() -> list[Series]:
    return [
        Series("Official claim", [(JAN6 + 9 * DAY, 225), (JAN6 + 4 * DAY, 164)], "points"),
        Series("Documented", [(JAN6, 10), (JAN6 + 2 * DAY, 80), (JAN6 + 14 * DAY, 201)], "step"),
        Series("Radio list", [(JAN6 + 3 * DAY, 40), (JAN6 + 8 * DAY, 124)], "line"),
    ]


def test_timeline_series_differ_in_colour_and_marker_shape() -> None:
    root = parse(timeline_svg(claims_and_counts(), title="t", axis_label="persons"))
    signatures = []
    for i in range(3):
        (group,) = of_class(root, "g", f"series-{i}")
        markers = [
            m for point in of_class(group, "g", "point") for m in point if m.tag != NS + "title"
        ]
        colours = {m.get("fill") if m.get("fill") != "none" else m.get("stroke") for m in markers}
        shapes = {(m.tag, m.get("points", "").count(",")) for m in markers}
        assert len(colours) == 1 and len(shapes) == 1
        signatures.append((colours.pop(), shapes.pop()))
    assert len({c for c, _ in signatures}) == 3 and len({s for _, s in signatures}) == 3
    assert texts(root, "legend-label") == ["Official claim", "Documented", "Radio list"]


def test_timeline_claims_are_labelled_points_and_counts_a_step_line() -> None:
    root = parse(timeline_svg(claims_and_counts(), title="t", axis_label="persons"))
    claims, documented, radio = (of_class(root, "g", f"series-{i}")[0] for i in range(3))
    assert texts(claims, "value") == ["164", "225"]  # sorted by date
    assert not of_class(claims, "polyline", "series-line")
    step = of_class(documented, "path", "series-step")[0].attrib["d"]
    assert step.count("H") == 2 and step.count("V") == 2
    assert of_class(radio, "polyline", "series-line") and not texts(radio, "value")
    # Markers move right with the date and up with the value.
    xs = [num(c, "cx") for c in claims.iter(NS + "circle")]
    ys = [num(c, "cy") for c in claims.iter(NS + "circle")]
    assert xs[0] < xs[1] and ys[0] > ys[1]
    dates = texts(root, "date")
    assert dates[0] == "2022-01-06" and all(datetime.date.fromisoformat(d) for d in dates)
    assert texts(root, "tick")[0] == "0"


def test_timeline_degenerate_input() -> None:
    one = parse(timeline_svg([Series("s", [(JAN6, 0.0)])], title="t", axis_label="a"))
    assert texts(one, "date") == ["2022-01-05", "2022-01-06", "2022-01-07"]
    assert texts(one, "tick")[:3] == ["0", "1", "2022-01-05"]  # y ticks, then dates
    with pytest.raises(ValueError, match="kind"):
        Series("s", [], "bars")
    with pytest.raises(ValueError, match="not a count"):
        timeline_svg([Series("s", [(JAN6, -1.0)])], title="t", axis_label="a")
    with pytest.raises(ValueError, match="not a count"):
        timeline_svg([Series("s", [(JAN6, math.nan)])], title="t", axis_label="a")


@settings(max_examples=50, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.lists(st.tuples(st.dates(), st.floats(0, 1e15)), max_size=15),
            st.sampled_from(["line", "points", "step"]),
        ),
        max_size=9,
    )
)
def test_timeline_any_series_render_valid_svg(
    data: list[tuple[list[tuple[datetime.date, float]], str]],
) -> None:
    series = [Series(f"s{i}", points, kind) for i, (points, kind) in enumerate(data)]
    root = assert_safe_and_accessible(timeline_svg(series, title="t", axis_label="a"))
    assert len(of_class(root, "g", "point")) == sum(len(p) for p, _ in data)


# -- bars ------------------------------------------------------------------------------------


def test_bar_widths_are_proportional_and_labelled() -> None:
    rows = [("Almaty", 12345), ("Taldykorgan", 120), ("Shymkent", 45.5), ("Zhanaozen", 0)]
    root = parse(bars_svg(rows, title="t", axis_label="documented"))
    widths = [num(b, "width") for b in of_class(root, "rect", "bar")]
    for width, (_, value) in zip(widths, rows, strict=True):
        assert width == pytest.approx(widths[0] * value / 12345, abs=0.02)
    assert texts(root, "row-label") == [label for label, _ in rows]
    assert texts(root, "value") == [f"12{THIN_SPACE}345", "120", "45.5", "0"]
    assert texts(root, "tick")[0] == "0" and texts(root, "axis-label") == ["documented"]
    # Each value label sits just right of its bar's end.
    for bar, label in zip(
        of_class(root, "rect", "bar"), of_class(root, "text", "value"), strict=True
    ):
        assert num(label, "x") == pytest.approx(num(bar, "x") + num(bar, "width") + 4)


def test_bars_degenerate_and_bad_values() -> None:
    root = parse(bars_svg([("a", 0), ("b", 0)], title="t", axis_label="a"))
    assert [num(b, "width") for b in of_class(root, "rect", "bar")] == [0, 0]
    for bad in (-1, math.nan, math.inf):
        with pytest.raises(ValueError, match="not a count"):
            bars_svg([("a", bad)], title="t", axis_label="a")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.text(max_size=60), st.floats(0, 1e16)), min_size=1, max_size=20))
def test_bars_any_values_render_valid_proportional_svg(rows: list[tuple[str, float]]) -> None:
    root = assert_safe_and_accessible(bars_svg(rows, title="t", axis_label="a"))
    widths = [num(b, "width") for b in of_class(root, "rect", "bar")]
    top = max(value for _, value in rows)
    if top > 0:
        widest = max(widths)
        for width, (_, value) in zip(widths, rows, strict=True):
            assert width == pytest.approx(widest * value / top, abs=0.02)


# -- numbers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("low", "high", "ticks"),
    [
        (0, 100, [0, 20, 40, 60, 80, 100]),
        (0, 7, [0, 2, 4, 6, 8]),
        (0, 0, [0, 1]),
        (3, 3, [0, 5]),
        (0, 0.3, [0, 0.1, 0.2, 0.3]),
        (0, 1234, [0, 250, 500, 750, 1000, 1250]),
        (-7, 12, [-10, -5, 0, 5, 10, 15]),
    ],
)
def test_nice_ticks_examples(low: float, high: float, ticks: list[float]) -> None:
    assert nice_ticks(low, high) == ticks


def test_nice_ticks_never_step_finer_than_floats_can_hold() -> None:
    low = 360287970189.65625  # found by hypothesis: one unit in the last place wide
    ticks = nice_ticks(low, low + 6.103515625e-05, 7)
    assert ticks[0] <= low < low + 6.103515625e-05 <= ticks[-1]
    assert len(set(ticks)) == len(ticks)


def test_nice_ticks_rejects_bad_bounds() -> None:
    for low, high in [(1, 0), (0, math.inf), (math.nan, 1)]:
        with pytest.raises(ValueError):
            nice_ticks(low, high)
    with pytest.raises(ValueError):
        nice_ticks(0, 1, count=0)


@given(st.floats(-1e12, 1e12), st.floats(0, 1e12), st.integers(1, 12))
def test_nice_ticks_cover_the_range_with_round_even_steps(
    low: float, width: float, count: int
) -> None:
    high = low + width
    ticks = nice_ticks(low, high, count)
    assert ticks[0] <= low and ticks[-1] >= high
    assert 2 <= len(ticks) <= 2 * count + 3
    step = (ticks[-1] - ticks[0]) / (len(ticks) - 1)
    # Far from 0 a float cannot hold a small step exactly: allow a few units of the last place.
    slack = 1e-9 * step + 4 * math.ulp(max(abs(ticks[0]), abs(ticks[-1])))
    for a, b in itertools.pairwise(ticks):
        assert abs((b - a) - step) <= slack
    power = 10 ** math.floor(math.log10(step))
    assert min(abs(step - m * power) for m in (1, 2, 2.5, 5, 10)) <= slack


def test_format_number() -> None:
    assert format_number(1234567) == f"1{THIN_SPACE}234{THIN_SPACE}567"
    assert format_number(999) == "999"
    assert format_number(412.4) == "412"
    assert format_number(12.5) == "12.5"
    assert format_number(0.25) == "0.25"
    assert format_number(0.3, 1) == "0.3"
    assert format_number(-0.0) == "0"
    assert format_number(math.inf) == "∞"
    assert format_number(2.5e18) == "2.5e+18"
