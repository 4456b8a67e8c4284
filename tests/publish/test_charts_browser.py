"""Every page with a chart, in a real browser (Playwright driving Debian's Chromium) at a
computer's width (1280 px) and a phone's (390 px), in kk, ru and en: each chart is shown as an
image with its title, fits its box (no sideways scrolling, not wider than its figure), the
phone gets the narrow drawing at a scale its text can be read at, and the SVG and PNG downloads
give those files. Then every public and staff page of the demo is photographed at both widths
into ``test-artifacts/screenshots/`` (or ``$TIZIM_TEST_ARTIFACTS``) for people to look at.
"""

from __future__ import annotations

import io
import urllib.parse
from pathlib import Path

import pytest

from tests.chromium import ARTIFACTS, BROWSER_TEST, launch
from tests.factories import STAFF_PASSWORD, make_staff
from tests.http_client import Browser
from tizim.acts.models import Act
from tizim.core.locks import FileLock
from tizim.demo import load_demo
from tizim.estimates.models import EstimateRun
from tizim.publish.models import Publication
from tizim.publish.statistics import figures

# Once, in the SQLite pass: the figures the charts draw are checked on PostgreSQL too
# (tests/publish/test_figures.py, test_public_pages.py), and the pictures and photographs
# are the same whichever database holds the demo.
pytestmark = [*BROWSER_TEST, pytest.mark.slow(minutes=2), pytest.mark.sqlite_only]
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")

WIDTHS = (1280, 390)
LANGUAGES = ("kk", "ru", "en")
PUBLIC_PAGES = ("", "killed/", "missing/", "detained/", "statistics/", "about/", "methodology/",
                "data/", "report/", "search/?q=Ахметов")  # fmt: skip
# Every chart an image: its title (alt), whether it came, its width as drawn and as shown, its
# figure's width, and which drawing the browser chose.
CHARTS_JS = """() => [...document.querySelectorAll('figure.chart')].map(f => {
  const img = f.querySelector('img');
  const box = img.getBoundingClientRect();
  return {alt: img.alt, loaded: img.complete && img.naturalWidth > 0,
          natural: img.naturalWidth, shown: box.width, right: box.right, height: box.height,
          figure: f.getBoundingClientRect().width, src: img.currentSrc,
          links: [...f.querySelectorAll('figcaption a[download]')].map(a => a.href)};
})"""
OVERFLOW_JS = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


@pytest.fixture
def demo(tmp_path, transactional_db, settings):
    settings.TIZIM_HOME = tmp_path / "home"
    load_demo(home=settings.TIZIM_HOME, persons=150, out=io.StringIO())
    make_staff("charts-admin", "admin")
    figures()  # the first figures, and their charts drawn in the background: wait for them
    lock = FileLock(settings.TIZIM_HOME / "charts.lock")
    assert lock.acquire(timeout=600)
    lock.release()
    # Read what the walk needs now: the ORM must not run while Playwright's loop does.
    return {
        "run": EstimateRun.objects.filter(stratified_by="").order_by("id").first().pk,
        "person": Publication.objects.filter(status="publishable").first().person.public_id,
        "act": Act.objects.order_by("id").first().pk,
    }


def context(browser, width, cookies=()):
    made = browser.new_context(viewport={"width": width, "height": 900}, accept_downloads=True)
    made.add_cookies(list(cookies))
    return made


def check_charts(page, url, width, console, whole_page=True):
    page.goto(url)
    page.wait_for_load_state("networkidle")
    charts = page.evaluate(CHARTS_JS)
    assert charts, f"no chart on {url}"
    for chart in charts:
        assert chart["alt"].strip(), f"a chart without a title on {url}"
        assert chart["loaded"], f"{chart['alt']} did not load on {url}"
        assert chart["shown"] <= chart["figure"] + 0.5 and chart["right"] <= width
        assert chart["height"] > 100, f"{chart['alt']} is squashed on {url}"
        assert len(chart["links"]) == 2
        # The phone gets the narrow drawing, shown near its own size: its text stays legible.
        if width < 600:
            assert chart["src"].endswith("-narrow.svg")
            assert chart["shown"] / chart["natural"] > 0.8
        else:
            assert chart["src"].endswith("-wide.svg")
    if whole_page:  # staff pages' wide tables scroll sideways on a phone: not the charts' doing
        assert page.evaluate(OVERFLOW_JS) <= 0, f"{url} scrolls sideways at {width} px"
    assert [m for m in console if "Content Security Policy" in m or "Refused" in m] == []
    return charts


def check_downloads(page, chart, title):
    svg_link, png_link = chart["links"]
    with page.expect_download() as svg:
        page.click(f"a[href='{urllib.parse.urlsplit(svg_link).path}?download']")
    content = Path(svg.value.path()).read_bytes()
    assert content.startswith(b"<?xml") and f"<dc:title>{title}</dc:title>".encode() in content
    with page.expect_download() as png:
        page.click(f"a[href='{urllib.parse.urlsplit(png_link).path}?download']")
    assert Path(png.value.path()).read_bytes().startswith(b"\x89PNG")


def shoot(page, url, name):
    page.goto(url)
    page.wait_for_load_state("networkidle")
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"{name}.png"), full_page=True)


def staff_links(page, origin):
    """The staff pages the navigation leads to (no log-out, no admin, no downloads)."""
    hrefs = page.eval_on_selector_all("nav a[href^='/']", "links => links.map(a => a.href)")
    return sorted(
        {h for h in hrefs if not any(w in h for w in ("/logout", "/admin", "/kk/", "/ru/", "/en/"))}
    )


def test_charts_in_every_language_and_width_then_every_page_photographed(live_server, demo):
    origin = live_server.url
    http = Browser(origin)
    assert http.login("charts-admin", STAFF_PASSWORD).status == 200
    cookies = [{"name": c.name, "value": c.value or "", "url": origin} for c in http.jar]
    staff_chart_pages = ["/numbers/", f"/numbers/estimates/{demo['run']}/", "/acts/counts/"]
    with sync_api.sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            for width in WIDTHS:
                visitor = context(browser, width).new_page()
                console: list[str] = []
                visitor.on("console", lambda message, seen=console: seen.append(message.text))
                for lang in LANGUAGES:
                    charts = check_charts(visitor, f"{origin}/{lang}/statistics/", width, console)
                    assert len(charts) == 4
                    if width == 1280:
                        check_downloads(visitor, charts[0], charts[0]["alt"])
                staff = context(browser, width, cookies).new_page()
                for path in staff_chart_pages:
                    charts = check_charts(staff, origin + path, width, [], whole_page=False)
                check_downloads(staff, charts[0], charts[0]["alt"])

                # Every page, for people to look at.
                pages = [f"/{lang}/{p}" for lang in LANGUAGES for p in PUBLIC_PAGES]
                pages += [f"/{lang}/person/{demo['person']}/" for lang in LANGUAGES]
                for path in pages:
                    shoot(visitor, origin + path, f"public{path.replace('/', '-')}-{width}")
                staff.goto(origin + "/")
                extra = [*staff_chart_pages, f"/acts/{demo['act']}/", "/numbers/estimates/"]
                for url in staff_links(staff, origin) + [origin + p for p in extra]:
                    path = urllib.parse.urlsplit(url).path
                    shoot(staff, origin + path, f"staff{path.replace('/', '-')}-{width}")
        finally:
            browser.close()
    shots = list((ARTIFACTS / "screenshots").glob("*.png"))
    assert len(shots) >= 2 * (len(LANGUAGES) * (len(PUBLIC_PAGES) + 1) + len(staff_chart_pages))
