"""The review page in a real browser (Debian's Chromium through Playwright): a reviewer sees
the article's text with each proposal marked, follows a mark to its proposal, accepts a claim
and rejects a person; the browser asks nothing of any host but the server. A screenshot is
kept under ``test-artifacts/ingest/``."""

from __future__ import annotations

from tests.chromium import BROWSER_TEST, keep, requested_elsewhere, staff_page
from tests.factories import STAFF_PASSWORD
from tests.http_client import Browser
from tizim.ingest.models import Proposal
from tizim.registry.models import Claim

pytestmark = BROWSER_TEST


def test_reviewer_decides_proposals_on_the_marked_text(live_server, staff, articles, tmp_path):
    first, _ = articles
    claim = first.proposals.get(kind="claim")
    person = first.proposals.get(kind="person")
    http = Browser(live_server.url)
    assert http.login("rev", STAFF_PASSWORD).status == 200

    with staff_page(live_server.url, http) as (page, requested):
        page.goto(f"{live_server.url}/ingest/{first.pk}/")
        marks = page.locator("#article-text mark.proposal")
        assert marks.count() >= 2
        marked = " ".join(marks.all_inner_texts())
        assert "40" in marked and "Serik Abenov" in marked
        # the marks are styled: a claim's background is not the page's
        colour = page.locator("#article-text mark.claim").first.evaluate(
            "e => getComputedStyle(e).backgroundColor"
        )
        assert colour not in ("rgba(0, 0, 0, 0)", "transparent")
        page.locator(f"#t{claim.pk}").click()
        assert page.url.endswith(f"#p{claim.pk}")
        item = page.locator(f"#p{claim.pk}")
        item.locator("input[name$='-claimant']").fill("Zhambyl regional police")
        item.get_by_role("button", name="Accept").click()
        page.wait_for_load_state()
        assert page.locator(f"#p{claim.pk}").get_attribute("data-state") == "corrected"
        page.locator(f"#p{person.pk}").get_by_role("button", name="Reject").click()
        page.wait_for_load_state()
        assert page.locator(f"#p{person.pk}").get_attribute("data-state") == "rejected"
        screenshot = tmp_path / "ingest-review.png"
        page.screenshot(path=str(screenshot), full_page=True)

    assert Claim.objects.get().claimant == "Zhambyl regional police"
    assert Proposal.objects.get(pk=person.pk).state == "rejected"
    keep(screenshot, "ingest")
    assert requested_elsewhere(requested, live_server.url) == []
