"""The statistics page on a 390 px phone in a real browser (Debian's Chromium): the counts
table, wider than the screen, scrolls inside its frame, and the page says so (a hint, and a
shadow on the side where columns are hidden) without JavaScript; the claims table becomes a
card per claim, every column on the screen with its label."""

from __future__ import annotations

from tests.chromium import BROWSER_TEST, keep, launch
from tests.publish.fixtures import ministry_claims_nearly_10_000_detained, publish_site
from tizim.publish.statistics import figures

pytestmark = BROWSER_TEST


def test_the_counts_table_shows_that_it_scrolls(live_server, settings, tmp_path, monkeypatch):
    from playwright.sync_api import sync_playwright

    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    settings.TIZIM_HOME = tmp_path / "home"
    settings.TIZIM_HOME.mkdir()
    publish_site(tmp_path)
    ministry_claims_nearly_10_000_detained()
    assert figures().day is not None  # computed now, before the browser asks
    with sync_playwright() as p:
        browser = launch(p)
        try:
            page = browser.new_page(
                java_script_enabled=False, viewport={"width": 390, "height": 844}
            )
            page.goto(f"{live_server.url}/en/statistics/")
            frame = page.locator("#counts-scroll")
            widths = frame.evaluate("el => [el.scrollWidth, el.clientWidth]")
            assert widths[0] > widths[1], "the table is wider than the phone"
            # the page itself does not scroll sideways: only the table's frame does
            assert page.evaluate("document.documentElement.scrollWidth") <= 390
            assert page.locator("#counts-scroll-hint").is_visible()
            background = frame.evaluate("el => getComputedStyle(el).backgroundImage")
            assert background.count("gradient") == 4
            # every cell of a claim, the figure claimed too, is on the screen, with its label
            cells = page.locator("#claims-table tbody td")
            assert cells.count() == 5
            for box in cells.evaluate_all("tds => tds.map(td => td.getBoundingClientRect().right)"):
                assert box <= 390
            claimed = page.locator("#claims-table td.claimed")
            assert "10" in claimed.inner_text()
            label = claimed.evaluate("td => getComputedStyle(td, '::before').content")
            assert label == '"Claimed"'
            shot = tmp_path / "statistics-390.png"
            page.screenshot(path=str(shot), full_page=False)
            keep(shot, "publish")
            # on a wide screen the hint is not needed
            page.set_viewport_size({"width": 1280, "height": 900})
            assert not page.locator("#counts-scroll-hint").is_visible()
            assert page.locator("#claims-table thead th").nth(3).is_visible()
        finally:
            browser.close()
