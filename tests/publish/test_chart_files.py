"""The statistics page's charts over real HTTP: drawn once, with the figures, in every language;
shown as images the strict Content-Security-Policy allows; served with caching headers, as
downloads on asking; a claim's figure written as each language writes it."""

from __future__ import annotations

import re
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.http_client import Browser
from tests.publish.fixtures import ministry_claims_nearly_10_000_detained, publish_site
from tizim.charts import files as chart_files
from tizim.core.locks import FileLock

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def site(tmp_path, transactional_db, settings):
    settings.TIZIM_HOME = tmp_path / "home"
    people = publish_site(tmp_path)
    ministry_claims_nearly_10_000_detained()
    return people


def fetch(url: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    """A file as bytes (``Browser`` reads text), with the status and headers."""
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers)) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), b""


def wait_for_files(settings, count: int) -> list[str]:
    """The public chart files once the drawing thread is done with ``count`` of them (waiting
    at most five minutes: drawing is seconds per chart on a loaded machine)."""
    where = settings.TIZIM_HOME / "charts" / "public"
    names: list[str] = []
    for _ in range(3000):
        names = sorted(p.name for p in where.glob("*")) if where.is_dir() else []
        if len(names) >= count and lock_is_free(settings):
            return names
        time.sleep(0.1)
    raise AssertionError(f"{count} chart files expected in {where}, found {len(names)}")


def lock_is_free(settings) -> bool:
    lock = FileLock(Path(settings.TIZIM_HOME) / "charts.lock")
    if lock.try_acquire():
        lock.release()
        return True
    return False


def images(page: str) -> list[tuple[str, str]]:
    """(address, alt) of every chart image of a page."""
    return re.findall(r'<figure class="chart"[^>]*>\s*<picture>.*?<img src="([^"]+)" alt="([^"]*)"',
                      page, flags=re.S)  # fmt: skip


def test_charts_are_drawn_once_in_every_language_and_served_cached(live_server, site, settings,
                                                                   monkeypatch):  # fmt: skip
    browser = Browser(live_server.url)
    kk = browser.get("/kk/statistics/")
    assert kk.status == 200
    # The first figures started drawing their charts in the background, in kk, ru and en:
    # 4 charts × 3 files each, and no more.
    drawn = wait_for_files(settings, 3 * 4 * 3)
    assert len(drawn) == 3 * 4 * 3 and all(chart_files.FILE_NAME.match(n) for n in drawn)
    kk = browser.get("/kk/statistics/")

    def no_drawing(*args, **kwargs):
        raise AssertionError("a page drew a chart that was drawn already")

    monkeypatch.setattr(chart_files, "draw", no_drawing)
    for lang, title in (("ru", "Погибшие: задокументировано и заявлено"),
                        ("en", "Deaths: documented and claimed")):  # fmt: skip
        page = browser.get(f"/{lang}/statistics/")
        shown = images(page.text)
        assert len(shown) == 4 and shown[0][1] == title
        assert "'unsafe-inline'" not in page.headers["Content-Security-Policy"]
        assert page.text.count('download="') == 8  # SVG and PNG of each chart
    address = images(kk.text)[0][0]
    svg = browser.get(address)
    assert svg.status == 200 and svg.headers["Content-Type"] == "image/svg+xml"
    assert "immutable" in svg.headers["Cache-Control"]
    assert "<dc:title>Қаза тапқандар: құжатталғаны мен мәлімделгені</dc:title>" in svg.text
    status, headers, png = fetch(
        live_server.url + address.replace("-wide.svg", "-wide.png?download")
    )
    assert status == 200 and headers["Content-Type"] == "image/png" and png[:4] == b"\x89PNG"
    assert headers["Content-Disposition"].startswith("attachment;")
    status, _, _ = fetch(live_server.url + address, **{"If-None-Match": svg.headers["ETag"]})
    assert status == 304
    assert browser.get("/charts/public/../../secret_key").status == 404
    assert browser.get("/charts/public/" + "0" * 32 + "-wide.svg").status == 404


def test_staff_charts_only_for_staff(live_server, site, settings):
    folder = chart_files.folder("staff")
    folder.mkdir(parents=True)
    (folder / ("a" * 32 + "-wide.svg")).write_text("<svg/>")
    response = Browser(live_server.url).get(f"/charts/staff/{'a' * 32}-wide.svg", follow=False)
    assert response.status == 302 and response.headers["Location"].startswith("/login/")


@pytest.mark.parametrize(
    ("lang", "written"),
    [("kk", "10\u00a0000-ға жуық"), ("ru", "почти 10\u00a0000"), ("en", "nearly 10,000")],
)
def test_a_claimed_figure_as_each_language_writes_it(live_server, site, lang, written):
    page = Browser(live_server.url).get(f"/{lang}/")
    assert f"<strong>{written}</strong>" in page.text
