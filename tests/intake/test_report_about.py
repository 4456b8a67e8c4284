"""The report form asks what happened without a default, offers torture and "I don't know",
is about the published person whose page the reporter came from, and triage says when the
reported person may already be in the registry."""

from __future__ import annotations

import html
import re

import pytest

from tests.http_client import Browser
from tests.intake.test_report_pages import FIELDS, multipart
from tests.intake.test_report_services import submit
from tests.intake.test_triage_pages import logged_in
from tests.publish.fixtures import publish_site
from tizim.intake import reports
from tizim.intake.models import Report

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def instance(report_desk):
    return report_desk


def test_nothing_is_chosen_beforehand_and_torture_and_dont_know_are_offered(live_server):
    page = Browser(live_server.url).get("/en/report/")
    radios = re.findall(r'<input type="radio" name="what_happened" value="(\w+)"[^>]*>', page.text)
    assert "tortured" in radios and "unknown" in radios and "missing" in radios
    assert not re.search(r'name="what_happened"[^>]*checked', page.text)
    assert "tortured or ill-treated" in page.text and "I don&#x27;t know" in page.text


def test_a_report_without_an_answer_to_what_happened_is_refused(live_server):
    browser = Browser(live_server.url)
    fields = {k: v for k, v in FIELDS.items() if k != "what_happened"}
    status, text = multipart("/en/report/", fields, browser=browser)
    assert status == 400 and "This field is required" in text
    assert not Report.objects.exists()


@pytest.mark.parametrize("answer", ["tortured", "unknown"])
def test_torture_and_dont_know_reach_the_registry_without_a_fate(answer):
    report, _ = submit(what_happened=answer)
    record = reports.record_report(report, actor="rev")
    assert record.fate == "" and not record.quarantine_reason
    assert record.raw["what_happened"] == answer


def test_the_form_from_a_person_page_is_about_that_person(live_server, tmp_path):
    people = publish_site(tmp_path)
    missing = people["missing"]
    browser = Browser(live_server.url)
    person_page = browser.get(f"/en/person/{missing.public_id}/")
    link = re.search(r'href="([^"]*/report/\?about=[^"]+)"', person_page.text)
    assert link, "the person page links to the form about this person"
    form = browser.get(html.unescape(link.group(1)))
    assert "About:" in form.text and "Касымова Айгуль" in form.text
    assert f'name="about" value="{missing.public_id}"' in form.text
    fields = {**FIELDS, "person_name": "Касымова Айгуль", "about": missing.public_id}
    status, _ = multipart("/en/report/", fields, browser=browser)
    assert status == 200
    assert Report.objects.get().about_person == missing.public_id


def test_an_unpublished_person_is_never_named_by_the_form(live_server, tmp_path):
    people = publish_site(tmp_path)
    hidden = people["injured"]
    page = Browser(live_server.url).get(f"/en/report/?about={hidden.public_id}")
    assert page.status == 200 and "About:" not in page.text and "Оспанов" not in page.text
    browser = Browser(live_server.url)
    status, _ = multipart("/en/report/", {**FIELDS, "about": hidden.public_id}, browser=browser)
    assert status == 200 and Report.objects.get().about_person == ""


def test_triage_says_the_person_may_already_be_in_the_registry(live_server, tmp_path):
    people = publish_site(tmp_path)
    # Serikbayev Nurlan, born 1985, is in the registry (as Серикбаев Нурлан); 37 in 2022 fits.
    fits, _ = submit(name="Serikbayev Nurlan", age="1985")
    other, _ = submit(name="Серикбаев Нурлан", age="1960")
    nobody, _ = submit(name="Жаңабаев Мақсат", age="30")
    browser = logged_in(live_server, "rev")
    page = browser.get(f"/triage/{fits.public_id}/")
    assert 'id="registry-matches"' in page.text
    assert f"/persons/{people['detained'].public_id}/" in page.text
    assert "the birth year fits" in page.text
    for report in (other, nobody):
        page = browser.get(f"/triage/{report.public_id}/")
        assert 'id="registry-matches"' not in page.text
