"""The review queue over real HTTP: side by side, verdicts, withdrawal."""

from __future__ import annotations

import re

import pytest

from tests.factories import make_staff
from tests.http_client import Browser
from tests.linkage.test_linkage_services import ngo, press
from tizim.core.linkage.explanations import percent
from tizim.linkage.models import CandidatePair, PairDecision
from tizim.linkage.services import link_records
from tizim.registry.models import Record

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "a long test password 42"


@pytest.fixture
def reviewer(transactional_db):
    return make_staff("reviewer", "reviewer", PASSWORD)


@pytest.fixture
def queue(tmp_path, transactional_db):
    ngo(tmp_path)
    press(tmp_path)
    link_records(threshold=0.999999)
    pending = CandidatePair.objects.filter(status=CandidatePair.Status.PENDING)
    assert pending.count() >= 2
    return pending


@pytest.mark.parametrize(
    "path", ["/linkage/review/", "/linkage/review/next/", "/linkage/runs/", "/linkage/decisions/"]
)
def test_review_pages_require_login(live_server, path):
    response = Browser(live_server.url).get(path, follow=False)
    assert response.status == 302 and response.headers["Location"].startswith("/login/")


def test_reviewer_walks_the_queue_with_verdicts(live_server, reviewer, queue):
    browser = Browser(live_server.url)
    browser.login("reviewer", PASSWORD)
    listing = browser.get("/linkage/review/")
    assert f"({queue.count()} pairs)" in listing.text
    page = browser.get("/linkage/review/next/")
    first = queue.first()
    assert page.url.endswith(f"/linkage/review/{first.pk}/")
    # both records side by side, each field's comparison in words and what it counted for
    assert first.record_a.full_name in page.text and first.record_b.full_name in page.text
    assert re.search(r"same surname|surnames", page.text)
    assert re.search(r'class="small for"[^>]*>(strongly )?for the same person<', page.text)
    assert f"the same person: {percent(first.probability)} %" in page.text
    # none of the model's own names reach the reviewer
    visible = re.sub(r"<[^>]+>", " ", page.text)
    assert not re.search(r"\b(sn|gn|gi|pi|pn|by_min|NULL|gamma|Jaro)\b", visible)
    assert 'accesskey="a"' in page.text and "review.js" in page.text
    token = browser.csrf_token(f"/linkage/review/{first.pk}/")
    after = browser.post(
        f"/linkage/review/{first.pk}/",
        {"csrfmiddlewaretoken": token, "verdict": "same", "note": "same father named"},
    )
    assert "Recorded: same person." in after.text
    assert re.search(r"/linkage/review/\d+/$", after.url) and not after.url.endswith(
        f"/{first.pk}/"
    )
    a = Record.objects.get(pk=first.record_a_id)
    b = Record.objects.get(pk=first.record_b_id)
    assert a.person_id == b.person_id
    decision = PairDecision.objects.get()
    assert decision.actor == "reviewer" and decision.note == "same father named"
    # withdrawal from the decisions page undoes the merge
    decisions = browser.get("/linkage/decisions/")
    assert "same person" in decisions.text
    # when, on which clock
    assert re.search(r"\d{1,2} \w+ 20\d\d, \d\d:\d\d \(Asia/Almaty\)", decisions.text)
    token = browser.csrf_token("/linkage/decisions/")
    browser.post(f"/linkage/decisions/{decision.pk}/withdraw/", {"csrfmiddlewaretoken": token})
    a.refresh_from_db()
    b.refresh_from_db()
    assert a.person_id != b.person_id
    assert PairDecision.objects.latest("id").verdict == "withdrawn"


def test_a_verdict_without_a_choice_changes_nothing(live_server, reviewer, queue):
    browser = Browser(live_server.url)
    browser.login("reviewer", PASSWORD)
    first = queue.first()
    token = browser.csrf_token(f"/linkage/review/{first.pk}/")
    page = browser.post(f"/linkage/review/{first.pk}/", {"csrfmiddlewaretoken": token})
    assert "Choose same, different or unsure." in page.text
    assert not PairDecision.objects.exists()


def test_runs_page_lists_the_run(live_server, reviewer, queue):
    browser = Browser(live_server.url)
    browser.login("reviewer", PASSWORD)
    page = browser.get("/linkage/runs/")
    assert "duckdb" in page.text and "incremental" in page.text


def test_keyboard_script_is_served_locally(live_server):
    script = Browser(live_server.url).get("/static/tizim/review.js")
    assert script.status == 200 and '"different"' in script.text
