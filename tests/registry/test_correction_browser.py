"""Import, link, review and correct in a real browser (Debian's Chromium through Playwright),
as a reviewer walks it:
upload a list → preview → confirm → its records linked (the summary says how many joined
persons already in the registry, how many are new, how many wait for review) → review the
uncertain pair (same person: a merge) → merge and undo from a person's page with the name
picker → correct a field → fix a quarantined row. The public counts move only by the people
truly new. Screenshots are kept under ``test-artifacts/registry/``."""

from __future__ import annotations

import threading

import pytest

from tests.chromium import BROWSER_TEST, keep, requested_elsewhere, staff_page
from tests.factories import STAFF_PASSWORD, make_source, make_staff, write_csv
from tests.http_client import Browser
from tests.linkage.test_linkage_services import ngo, press
from tizim.intake.services import IMPORT_THREAD_PREFIX
from tizim.linkage.models import PairDecision
from tizim.linkage.services import link_records
from tizim.publish.statistics import _compute
from tizim.registry.models import Record, RecordCorrection

pytestmark = BROWSER_TEST

# Two people already in the registry written in Latin letters, a woman new to it, a man who may
# be either of two (asked), and a row with an impossible date (quarantined).
UPLOAD = [
    ("Toregozhina Bakhytzhan", "02.05.1970", "Almaty", "missing", "2022-01-05"),
    ("Aruzhan Kemelbayeva", "03.04.1999", "Taraz", "missing", "2022-01-07"),
    ("Yerlan Serikbayev", "", "Taraz", "killed", ""),
    ("Erlan Serikbaev", "1962", "", "", ""),
    ("Nurlan Akhmetov", "01.01.1980", "Almaty", "detained", "31.02.2022"),
]


@pytest.fixture
def registry(tmp_path, settings):
    settings.TIZIM_HOME = tmp_path
    ngo(tmp_path)
    press(tmp_path)
    link_records(actor="test")
    make_source("upload-list", kind="press_list")
    make_staff("reviewer", "reviewer")
    path = write_csv(
        tmp_path / "upload.csv", ("Name", "Date of birth", "City", "Status", "Date"), UPLOAD
    )
    marat = Record.objects.get(full_name__icontains="Маратович").person.public_id
    return {"file": path, "before": _compute().headline, "marat": marat}


def _wait_for_the_import(route):
    """Hold the job page until the import's thread is done: the test database is SQLite in
    memory with a shared cache, where a read meanwhile would fail the thread's writes."""
    for thread in threading.enumerate():
        if thread.name.startswith(IMPORT_THREAD_PREFIX):
            thread.join(timeout=120)
    route.continue_()


def test_reviewer_walks_import_linking_review_and_corrections(live_server, registry, tmp_path):
    origin = live_server.url
    http = Browser(origin)
    assert http.login("reviewer", STAFF_PASSWORD).status == 200
    shots = []

    def shot(page, name):
        path = tmp_path / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        shots.append(path)

    with staff_page(origin, http) as (page, requested):
        # upload → preview
        page.goto(f"{origin}/imports/")
        assert page.locator("select[name=source]").input_value() == ""  # no silent default
        page.select_option("select[name=source]", "upload-list")
        page.set_input_files("input[name=file]", str(registry["file"]))
        page.get_by_role("button", name="Check the file").click()
        page.wait_for_load_state()
        assert "What would happen" in page.content()
        shot(page, "1-preview")
        # confirm → imported and linked
        page.route("**/imports/*/", _wait_for_the_import)
        page.get_by_role("button", name="Import 5 rows").click()
        page.wait_for_load_state()
        summary = page.locator("table.linked-summary")
        assert summary.locator("td.joined").inner_text() == "2"
        assert summary.locator("td.new-persons").inner_text() == "2"
        # the man who may be one already counted: a new person until a reviewer decides
        assert summary.locator("td.for-review").inner_text() == "1"
        shot(page, "2-linked")
        # review the pair: the same man
        page.get_by_role("link", name="Review them").click()
        page.wait_for_load_state()
        assert "Serikba" in page.content()
        shot(page, "3-review")
        page.get_by_role("button", name="Same person").click()
        page.wait_for_load_state()

    decision = PairDecision.objects.get()
    assert decision.verdict == "same" and decision.change_id
    after_review = _compute().headline
    quarantined = Record.objects.exclude(quarantine_reason="").get()
    aruzhan = Record.objects.get(full_name__icontains="Kemelbayeva")

    with staff_page(origin, http) as (page, requested_later):
        # merge from a person's page, found by name in another script, then undo it
        person_page = f"{origin}/persons/{registry['marat']}/"
        page.goto(person_page)
        page.fill("input[name=find]", "Кемелбаева")
        page.get_by_role("button", name="Find").click()
        page.wait_for_load_state()
        shot(page, "4-merge-picker")
        page.get_by_role("button", name="Merge into this person").click()
        page.wait_for_load_state()
        assert "merged into this person" in page.content()
        # the review's merge is withdrawn on Decisions, not here: only this merge is offered
        undo = page.locator("section.person-changes").get_by_role("button", name="Undo")
        assert undo.count() == 1
        undo.click()
        page.wait_for_load_state()
        assert "undone" in page.content()
        # correct a field: her birth year, as a relative gave it
        page.goto(f"{origin}/records/{aruzhan.pk}/correct/")
        page.fill("input[name=birth_date]", "03.04.1998")
        page.fill("input[name=note]", "her mother: born 1998")
        shot(page, "5-correct")
        page.get_by_role("button", name="Save the correction").click()
        page.wait_for_load_state()
        assert "Record corrected" in page.content()
        shot(page, "6-person-corrected")
        # fix the quarantined row from its raw values
        page.goto(f"{origin}/quarantine/")
        page.locator(f"a[href='/records/{quarantined.pk}/fix/']").click()
        page.wait_for_load_state()
        date = page.locator("input[value='31.02.2022']")
        date.fill("01.02.2022")
        shot(page, "7-fix")
        page.get_by_role("button", name="Read the row again and re-admit it").click()
        page.wait_for_load_state()
        assert "re-admitted" in page.content()

    before, after = registry["before"], _compute().headline
    # the review's merge took back the uncertain man: the dead are as before
    assert after_review["dead"] == before["dead"]
    # truly new: Aruzhan (missing) and Nurlan, re-admitted (detained)
    assert after["missing"] == before["missing"] + 1
    assert after["custody"] == before["custody"] + 1
    assert after["dead"] == before["dead"] and after["released"] == before["released"]
    corrected = RecordCorrection.objects.get(kind="correct").corrected
    assert corrected.birth_date.year == 1998
    fixed = RecordCorrection.objects.get(kind="readmit").corrected
    assert fixed.event_date.isoformat() == "2022-02-01" and fixed.person_id
    for path in shots:
        keep(path, "registry")
    assert requested_elsewhere(requested + requested_later, origin) == []
