"""How long drawing a chart takes and how big its files are (docs/decisions/0018).

    .venv/bin/python bench/charts_bench.py [--repeat 5] [--out DIR]

Draws the four kinds of chart of the public and staff pages, with data shaped like the demo's
and the seed articles' claims (custody: at most 199 documented beside claims up to 12 500),
in Kazakh; prints per chart the median time of ``draw`` (wide SVG + wide PNG + narrow SVG)
and the size of each file. With ``--out`` the files are written there to look at, with the
phone's drawing as PNG too (``narrow.png``).
"""

from __future__ import annotations

import argparse
import datetime
import statistics
import time
from pathlib import Path

from tizim.core.charts import (
    NARROW,
    Bars,
    Chart,
    IntervalRow,
    Intervals,
    Overlap,
    Series,
    Timeline,
    Words,
    draw,
    render,
)

D = datetime.date
KK_MONTHS = ("қаң", "ақп", "нау", "сәу", "мам", "мау", "шіл", "там", "қыр", "қаз", "қар", "жел")


def charts() -> dict[str, Chart]:
    words = {"language": "kk", "months": KK_MONTHS}
    days = [D(2022, 1, 4) + datetime.timedelta(days=i) for i in range(40)]
    documented = tuple((d, float(min(199, 12 * i))) for i, d in enumerate(days))
    claims = ((D(2022, 1, 11), 9900.0), (D(2022, 1, 20), 12500.0), (D(2022, 1, 8), 180.0))
    return {
        "timeline (custody, claims 60x)": Timeline(
            Words("Қамауға алынғандар: құжатталғаны мен мәлімделгені", **words),  # type: ignore[arg-type]
            (
                Series("құжатталғаны, қазір белгілісі бойынша", documented, "step"),
                Series("құжатталғаны, әр күнге дейін хабарланғаны", documented[:-5], "step"),
                Series("билік пен басқалардың мәлімдемелері", claims, "points"),
            ),
            axis_label="адамдар",
        ),
        "bars (17 regions)": Bars(
            Words("Қаза тапқандар өңірлер бойынша", **words),  # type: ignore[arg-type]
            tuple((f"Өңір {i}", float(200 - 11 * i)) for i in range(17)),
            "құжатталған адамдар",
        ),
        "intervals (5 models)": Intervals(
            Words("Бағалаулар: қаза тапқандар", **words),  # type: ignore[arg-type]
            tuple(
                IntervalRow(f"модель {i}", 155 + i, 148 + i, 163 + 2 * i, 140, highlight=i == 0)
                for i in range(5)
            ),
            "адамдар",
        ),
        "overlap (4 lists)": Overlap(
            Words("Тізімдердің қиылысуы", **words),  # type: ignore[arg-type]
            ("ngo", "radio", "press", "form"),
            tuple(
                (tuple(bool(n >> b & 1) for b in range(4)), 5 + (n * 37) % 90) for n in range(1, 16)
            ),
        ),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    draw(next(iter(charts().values())))  # the first draw loads the font: not counted
    print(
        f"{'chart':32} {'draw (median)':>14} {'wide.svg':>10} {'wide.png':>10} {'narrow.svg':>11}"
    )
    for name, chart in charts().items():
        times = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            drawn = draw(chart)
            times.append(time.perf_counter() - started)
        sizes = [len(drawn.files[f]) // 1024 for f in ("wide.svg", "wide.png", "narrow.svg")]
        print(
            f"{name:32} {statistics.median(times) * 1000:11.0f} ms"
            + "".join(f" {s:>8} KB" for s in sizes[:2])
            + f" {sizes[2]:>9} KB"
        )
        if args.out:
            args.out.mkdir(parents=True, exist_ok=True)
            stem = name.split()[0]
            for suffix, content in drawn.files.items():
                (args.out / f"{stem}-{suffix}").write_bytes(content)
            (args.out / f"{stem}-narrow.png").write_bytes(render(chart, NARROW))


if __name__ == "__main__":
    main()
