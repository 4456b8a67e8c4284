"""The review page in a real browser (Debian's Chromium): a reviewer reads why the model
paired two records in plain words — no column names, no "NULL", one percentage."""

from __future__ import annotations

import re

from tests.chromium import BROWSER_TEST, keep, staff_page
from tests.http_client import Browser
from tests.linkage.test_review_pages import PASSWORD, queue, reviewer  # noqa: F401 - fixtures
from tizim.core.linkage.explanations import percent

pytestmark = BROWSER_TEST
INTERNAL = re.compile(r"\b(sn|gn|gi|pi|pn|bd|by_min|by_max|ev|NULL|gamma|Jaro|Winkler|p =)\b")


def test_the_review_page_speaks_plain_words(live_server, reviewer, queue, tmp_path, monkeypatch):  # noqa: F811
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    pairs = [(c.pk, percent(c.probability)) for c in queue]
    http = Browser(live_server.url)
    http.login("reviewer", PASSWORD)
    with staff_page(live_server.url, http) as (page, _requested):
        for pk, shown in pairs[:3]:
            page.goto(f"{live_server.url}/linkage/review/{pk}/")
            text = page.inner_text("main")
            assert not INTERNAL.search(text), INTERNAL.search(text)
            assert f"The model thinks these are the same person: {shown} %" in text
            # one percentage on the page, and every compared field explained
            assert len(re.findall(r"\d+ %", text)) >= 1
            explained = page.locator("table.review tbody td.small").all_inner_texts()
            assert sum(1 for t in explained if t.strip()) >= 4
        shot = tmp_path / "review-pair.png"
        page.set_viewport_size({"width": 1100, "height": 900})
        page.screenshot(path=str(shot), full_page=True)
        keep(shot, "linkage")
        page.goto(f"{live_server.url}/linkage/review/")
        queue_text = page.inner_text("main")
        assert not re.search(r"\bp = ", queue_text) and "%" in queue_text
