"""Chart files: drawn once per change of their data or words, kept under ``TIZIM_HOME/charts``,
shown by pages with ``<img>`` and served by :func:`public_chart` and :func:`staff_chart`.

A chart's files are named by the hash of everything drawn (``tizim.core.charts.chart_key``):
the same figures in the same language give the same name, so a page finds the files already
there and draws nothing; new figures give a new name, drawn once by the first page that needs
it (the public statistics' charts are drawn beforehand, with the figures: see
``tizim.publish.statistics``). Because a name never changes meaning, the files are served with
long caching headers.

Public charts (aggregates the public site already shows) and staff charts (estimates, acts)
are kept apart: a staff chart is served only to a logged-in staff member.
"""

from __future__ import annotations

import os
import re
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.text import slugify
from django.views.decorators.http import require_safe

from tizim.accounts.access import require_perms
from tizim.core.charts import Chart, chart_key, draw

AREAS = ("public", "staff")
FILE_NAME = re.compile(r"^(?P<key>[0-9a-f]{32})-(?P<variant>wide|narrow)\.(?P<ext>svg|png)$")
CONTENT_TYPES = {"svg": "image/svg+xml", "png": "image/png"}
#: Files not shown by any page for this long are deleted by ``prune``.
UNUSED_DAYS = 30
_SIZE = re.compile(rb'<svg[^>]*?width="([0-9.]+)pt"[^>]*?height="([0-9.]+)pt"', re.S)


@dataclass(frozen=True)
class ShownChart:
    """What a page needs to show one chart: its title, caption and files' addresses."""

    key: str
    area: str
    title: str
    caption: str
    wide_size: tuple[int, int]
    narrow_size: tuple[int, int]
    #: False while the files are still being drawn (in the background).
    ready: bool = True

    def url(self, variant: str, ext: str) -> str:
        return reverse(f"{self.area}-chart", args=[f"{self.key}-{variant}.{ext}"])

    @property
    def wide_svg(self) -> str:
        return self.url("wide", "svg")

    @property
    def wide_png(self) -> str:
        return self.url("wide", "png")

    @property
    def narrow_svg(self) -> str:
        return self.url("narrow", "svg")

    @property
    def download_name(self) -> str:
        return slugify(self.title, allow_unicode=True)[:80] or "chart"


def folder(area: str) -> Path:
    return Path(settings.TIZIM_HOME) / "charts" / area


def show(
    chart: Chart, caption: str = "", *, area: str = "public", draw_missing: bool = True
) -> ShownChart:
    """The chart's files, drawn now if they are not kept yet — or, without ``draw_missing``,
    marked not ready (someone else is drawing them)."""
    if area not in AREAS:
        raise ValueError(f"area {area!r} is not one of {AREAS}")
    key = chart_key(chart)
    where = folder(area)
    wide, narrow = where / f"{key}-wide.svg", where / f"{key}-narrow.svg"
    if not (wide.exists() and narrow.exists() and (where / f"{key}-wide.png").exists()):
        if not draw_missing:
            return ShownChart(key, area, chart.words.title, caption, (0, 0), (0, 0), False)
        write(chart, area)
    else:
        os.utime(wide)  # still shown: ``prune`` keeps it
    return ShownChart(key, area, chart.words.title, caption, _size(wide), _size(narrow))


def write(chart: Chart, area: str = "public") -> str:
    """Draw the chart's files into the area's folder (each written whole, then renamed into
    place, so a reader never sees half a file); the key."""
    key = chart_key(chart)
    where = folder(area)
    where.mkdir(parents=True, exist_ok=True)
    for suffix, content in draw(chart).files.items():
        variant, ext = suffix.split(".")
        handle, temporary = tempfile.mkstemp(dir=where, suffix=".part")
        with os.fdopen(handle, "wb") as out:
            out.write(content)
        os.replace(temporary, where / f"{key}-{variant}.{ext}")
    return key


def _size(svg: Path) -> tuple[int, int]:
    """The SVG's size in CSS pixels (matplotlib writes it in points)."""
    with svg.open("rb") as file:
        found = _SIZE.search(file.read(2048))
    if found is None:
        return (0, 0)
    return round(float(found[1]) * 4 / 3), round(float(found[2]) * 4 / 3)


def prune(days: int = UNUSED_DAYS) -> int:
    """Delete chart files no page has shown for ``days`` days; how many were deleted."""
    cutoff = time.time() - days * 86400
    gone = 0
    for area in AREAS:
        where = folder(area)
        if not where.is_dir():
            continue
        for path in where.iterdir():
            match = FILE_NAME.match(path.name)
            shown = where / f"{match['key']}-wide.svg" if match else path
            try:
                if shown.stat().st_mtime < cutoff:
                    path.unlink()
                    gone += 1
            except FileNotFoundError:
                continue
    return gone


def _serve(request: HttpRequest, area: str, name: str, caching: str) -> HttpResponse:
    match = FILE_NAME.match(name)
    if match is None:
        raise Http404("no such chart")
    path = folder(area) / name
    if request.headers.get("If-None-Match") == f'"{name}"':
        response = HttpResponse(status=304)
    else:
        try:  # at most some hundred kilobytes: read whole
            response = HttpResponse(path.read_bytes(), content_type=CONTENT_TYPES[match["ext"]])
        except FileNotFoundError:
            raise Http404("no such chart") from None
    response["Cache-Control"] = caching
    response["ETag"] = f'"{name}"'  # the name is the hash of the content
    if "download" in request.GET:
        response["Content-Disposition"] = f'attachment; filename="tizim-chart-{name}"'
    return response


@require_safe
def public_chart(request: HttpRequest, name: str) -> HttpResponse:
    """A public chart file: aggregates only, never changing under its name."""
    return _serve(request, "public", name, "public, max-age=31536000, immutable")


@require_safe
@require_perms()
def staff_chart(request: HttpRequest, name: str) -> HttpResponse:
    """A staff chart file, for logged-in staff only, kept by no shared cache."""
    return _serve(request, "staff", name, "private, max-age=86400")
