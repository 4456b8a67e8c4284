"""The acts pages over real HTTP: the case file, the act form, evidence, facilities, counts
and the export, each role against each page (a volunteer never sees a sealed name)."""

from __future__ import annotations

import csv
import io
import json
import re
import urllib.parse
import urllib.request

import pytest

from tests.acts.conftest import CANARY, photo_with_gps
from tests.factories import STAFF_PASSWORD, make_staff
from tests.http_client import Browser
from tizim.acts import services
from tizim.acts.models import Act, CustodyEntry, Evidence
from tizim.audit.models import AuditEntry
from tizim.core.dates import parse_partial_datetime

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def case(world, ivs):
    """Acts (one with a sealed officer) and a photo for the person of the world."""
    square = services.create_event(
        "Shooting at Republic Square",
        start=parse_partial_datetime("6 января 2022 около 19:00"),
        actor="test",
    )
    detention = services.record_act(
        world.person,
        act_type="detention",
        start=parse_partial_datetime("6.01.2022 19:54"),
        place_text="Алматы",
        unit_kind="national_guard",
        event=square,
        citations=[services.Citation(world.source, "row 1")],
        actor="test",
    )
    beating = services.record_act(
        world.person,
        act_type="torture.beating",
        start=parse_partial_datetime("7 января 2022"),
        facility=ivs,
        unit_kind="police",
        perpetrator=services.SealedPerpetrator(officers=f"Major {CANARY}"),
        citations=[services.Citation(world.source)],
        actor="test",
    )
    evidence = services.add_evidence(
        photo_with_gps(), filename="leg.jpg", act=beating, actor="test"
    )
    return {"detention": detention, "beating": beating, "evidence": evidence, "event": square}


def browser_as(live_server, username: str) -> Browser:
    browser = Browser(live_server.url)
    page = browser.login(username, STAFF_PASSWORD)
    assert page.status == 200, page.text[:300]
    return browser


def token(browser: Browser, path: str) -> str:
    found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', browser.get(path).text)
    assert found, path
    return found.group(1)


@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        ("rev", {"case", "list", "act", "edit", "evidence", "facility", "events", "counts", "add"}),
        ("vol", {"case", "list", "act", "facility", "events", "counts", "add", "add-evidence"}),
        ("ana", {"counts"}),
    ],
)
def test_each_role_against_each_acts_page(live_server, world, case, who, allowed):
    if who == "rev":
        allowed = allowed | {"add-evidence"}
    pages = {
        "case": f"/acts/persons/{world.person.public_id}/",
        "list": "/acts/",
        "act": f"/acts/{case['beating'].pk}/",
        "edit": f"/acts/{case['beating'].pk}/edit/",
        "add": f"/acts/persons/{world.person.public_id}/add/",
        "add-evidence": f"/acts/persons/{world.person.public_id}/evidence/",
        "evidence": f"/acts/evidence/{case['evidence'].public_id}/",
        "facility": "/acts/facilities/almaty-ivs/",
        "events": f"/acts/events/{case['event'].pk}/",
        "counts": "/acts/counts/",
    }
    browser = browser_as(live_server, who)
    observed = {name for name, path in pages.items() if browser.get(path).status == 200}
    refused = {name for name, path in pages.items() if browser.get(path).status == 403}
    assert observed == allowed
    assert refused == set(pages) - allowed
    anonymous = Browser(live_server.url).get("/acts/", follow=False)
    assert anonymous.status == 302 and "/login/" in anonymous.headers["Location"]


def test_the_case_file_shows_fates_and_acts_in_order_and_sealed_names_only_to_reviewers(
    live_server, world, case
):
    path = f"/acts/persons/{world.person.public_id}/"
    volunteer = browser_as(live_server, "vol")
    page = volunteer.get(path)
    assert page.status == 200
    text = page.text
    # the fate from the list (detained on 6 January), then the acts in date order
    kinds = re.findall(r'data-kind="(fate|act)" data-earliest="([^"]+)"', text)
    assert [k for k, _ in kinds] == ["fate", "act", "act"]
    assert [e for _, e in kinds] == sorted(e for _, e in kinds)
    assert "arrest or detention" in text and "beating" in text and "избиение" in text
    assert "Temporary detention centre" in text and case["evidence"].public_id in text
    assert "Individual perpetrators recorded (sealed)" in text
    assert CANARY not in text and "Show sealed perpetrators" not in text
    # a volunteer who forges the unseal request is refused, and nothing is unsealed
    refused = volunteer.post(path, {"csrfmiddlewaretoken": token(volunteer, path), "unseal": "1"})
    assert refused.status == 403 and CANARY not in refused.text
    assert not AuditEntry.objects.filter(action="act.perpetrator.unseal").exists()

    reviewer = browser_as(live_server, "rev")
    assert CANARY not in reviewer.get(path).text  # sealed until asked for
    opened = reviewer.post(path, {"csrfmiddlewaretoken": token(reviewer, path), "unseal": "1"})
    assert opened.status == 200 and f"Major {CANARY}" in opened.text
    assert "no-store" in opened.headers.get("Cache-Control", "")
    entry = AuditEntry.objects.get(action="act.perpetrator.unseal")
    assert (entry.actor, entry.object_id) == ("rev", str(case["beating"].pk))
    # no inline script or style anywhere (the CSP forbids them)
    assert "<script" not in opened.text and "style=" not in opened.text


def test_a_volunteer_records_an_act_with_a_partial_date_and_a_sealed_officer(
    live_server, world, ivs
):
    browser = browser_as(live_server, "vol")
    path = f"/acts/persons/{world.person.public_id}/add/"
    # the passage of testimony proposes what it names
    suggested = browser.post(
        path,
        {
            "csrfmiddlewaretoken": token(browser, path),
            "testimony": "В ИВС его избивали дубинками сотрудники ОМОН",
            "suggest": "1",
        },
    )
    assert suggested.status == 200
    assert re.search(r'<option value="torture.beating" selected>', suggested.text)
    assert re.search(r'<option value="special_police" selected>', suggested.text)
    assert re.search(rf'<option value="{ivs.pk}" selected>', suggested.text)
    response = browser.post(
        path,
        {
            "csrfmiddlewaretoken": token(browser, path),
            "act_type": "torture.beating",
            "when": "около 8 вечера 7 января",
            "until": "",
            "place": "г. Алматы",
            "facility": str(ivs.pk),
            "unit_kind": "special_police",
            "sources": str(world.source.pk),
            "citation": "interview 12",
            "confidence": "probable",
            "description": "Beaten in the IVS yard.",
            "officers": f"Sgt. {CANARY}",
            "another": "1",
        },
    )
    assert response.status == 200 and "Act recorded" in response.text
    assert f'value="{world.source.pk}" selected' in response.text  # kept for the next act
    act = Act.objects.get()
    assert str(act.start) == "~2022-01-07T20" and act.place_code == "almaty"
    assert act.has_sealed_perpetrator and CANARY.encode() not in bytes(act.sealed_perpetrator)
    assert CANARY not in browser.get(f"/acts/{act.pk}/").text
    bad = browser.post(
        path,
        {
            "csrfmiddlewaretoken": token(browser, path),
            "act_type": "detention",
            "when": "31.02.2022",
            "unit_kind": "unknown",
            "sources": str(world.source.pk),
            "confidence": "possible",
        },
    )
    assert bad.status == 200 and "no such date" in bad.text and Act.objects.count() == 1


def test_evidence_upload_view_download_and_sharing_over_http(live_server, world, case):
    volunteer = browser_as(live_server, "vol")
    path = f"/acts/persons/{world.person.public_id}/evidence/"
    response = volunteer.post_multipart(
        path,
        {
            "csrfmiddlewaretoken": token(volunteer, path),
            "kind": "photo",
            "act": str(case["detention"].pk),
            "captured": "8 января 2022",
            "capture_place": "Алматы",
            "collected_by": f"lawyer {CANARY}",
        },
        {"file": ("bruise.jpg", photo_with_gps((10, 200, 10)))},
    )
    assert response.status == 200 and "received, sealed and logged" in response.text
    evidence = Evidence.objects.get(act=case["detention"])
    assert volunteer.get(f"/acts/evidence/{evidence.public_id}/").status == 403

    reviewer = browser_as(live_server, "rev")
    page_path = f"/acts/evidence/{evidence.public_id}/"
    viewed = reviewer.post(
        page_path, {"csrfmiddlewaretoken": token(reviewer, page_path), "action": "view"}
    )
    assert viewed.status == 200 and "data:image/jpeg;base64," in viewed.text
    assert f"lawyer {CANARY}" in viewed.text
    body = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token(reviewer, page_path), "action": "original"}
    ).encode()
    request = urllib.request.Request(
        reviewer.base_url + page_path, data=body, headers={"Referer": reviewer.base_url + page_path}
    )
    with reviewer.follow.open(request) as response:
        assert "attachment" in response.headers["Content-Disposition"]
        assert response.read() == photo_with_gps((10, 200, 10))  # the original, bit for bit
    shared = reviewer.post(
        page_path,
        {
            "csrfmiddlewaretoken": token(reviewer, page_path),
            "action": "share",
            "shared_with": "Commission of inquiry",
        },
    )
    assert shared.status == 200 and "Commission of inquiry" in shared.text
    assert list(evidence.custody.values_list("action", "actor")) == [
        ("received", "vol"),
        ("viewed", "rev"),
        ("copied", "rev"),
        ("shared", "rev"),
    ]
    assert CustodyEntry.objects.filter(evidence=evidence).count() == 4


def test_facility_page_lists_who_was_held_and_what_was_reported(live_server, world, case):
    page = browser_as(live_server, "vol").get("/acts/facilities/almaty-ivs/")
    assert page.status == 200
    assert world.person.display_name in page.text
    assert "ИВС ДП г. Алматы" in page.text and "уақытша ұстау изоляторы" in page.text
    assert "beating" in page.text
    listing = browser_as(live_server, "vol").get("/acts/?act_type=torture&unit_kind=police")
    assert world.person.display_name in listing.text and "1 act." in listing.text
    none = browser_as(live_server, "vol").get("/acts/?act_type=killing")
    assert "0 acts." in none.text


def test_counts_page_table_chart_csv_and_the_admin_only_export(live_server, world, case):
    analyst = browser_as(live_server, "ana")
    page = analyst.get("/acts/counts/?by=act_group&by=facility")
    assert page.status == 200 and '<figure class="chart"' in page.text
    assert "torture or ill-treatment" in page.text and world.person.display_name not in page.text
    assert "Export acts" not in page.text
    data = analyst.get("/acts/counts/?by=act_type&by=unit&format=csv")
    rows = list(csv.DictReader(io.StringIO(data.text)))
    assert {(r["act_type"], r["unit"], r["acts"]) for r in rows} == {
        ("detention", "national_guard", "1"),
        ("torture.beating", "police", "1"),
    }
    reviewer = browser_as(live_server, "rev")
    assert (
        reviewer.post(
            "/acts/export/",
            {"csrfmiddlewaretoken": token(reviewer, "/acts/counts/"), "format": "csv"},
        ).status
        == 403
    )
    make_staff("adm", "admin")
    admin = browser_as(live_server, "adm")
    exported = admin.post(
        "/acts/export/", {"csrfmiddlewaretoken": token(admin, "/acts/counts/"), "format": "json"}
    )
    assert exported.status == 200
    doc = json.loads(exported.text)
    assert len(doc["acts"]) == 2 and CANARY not in exported.text
    assert doc["vocabularies"]["act_type"]["torture.beating"]["kk"] == "ұрып-соғу"
    assert AuditEntry.objects.filter(action="acts.export", actor="adm").exists()


def test_the_staff_person_page_opens_the_case_file(live_server, world, case):
    volunteer = browser_as(live_server, "vol")
    page = volunteer.get(f"/persons/{world.person.public_id}/")
    link = f'href="/acts/persons/{world.person.public_id}/"'
    assert page.status == 200 and link in page.text
    anonymous = Browser(live_server.url)
    assert anonymous.get(f"/persons/{world.person.public_id}/", follow=False).status == 302
