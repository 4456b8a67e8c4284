"""Each role against each staff URL over real HTTP (threat model P13), and the role helpers.

The matrix below is the contract: a role's row says, for every staff page, whether it opens
(200, or 302 onward for "next pair"), is refused (403), or sends to the login page. Changing
``ROLE_PERMISSIONS`` without changing this table fails here.
"""

from __future__ import annotations

import datetime
import re
import urllib.parse

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied

from tests.estimates.test_numbers_services import NGO, PRESS
from tests.factories import STAFF_PASSWORD, import_rows, make_source, make_staff
from tests.http_client import Browser
from tests.linkage.test_linkage_services import ngo, press
from tizim.accounts import roles, services
from tizim.accounts.roles import ROLE_PERMISSIONS, Role, can_unseal, requires_two_factor, user_role
from tizim.audit.models import AuditEntry
from tizim.estimates.services import estimate_registry
from tizim.intake.models import ImportJob
from tizim.linkage.models import CandidatePair, PairDecision
from tizim.linkage.services import decide_pair, link_records, withdraw_decision
from tizim.registry.models import Person

pytestmark = pytest.mark.django_db(transaction=True)

LOGIN = "login"  # a redirect to the login page
A, R, V, AN, P, NONE, ANON = (
    "admin",
    "reviewer",
    "volunteer",
    "analyst",
    "partner",
    "no role",
    "anonymous",
)
ROLES = (A, R, V, AN, P, NONE)
EVERYONE = frozenset(ROLES)
REGISTRY = frozenset({A, R, V})
REVIEW = frozenset({A, R})
ESTIMATES = frozenset({A, R, V, AN})
AGGREGATES = frozenset({A, R, V, AN, P})

# path (with {placeholders}) → roles that may open it. Everyone else logged in gets 403,
# anonymous visitors the login page.
MATRIX: dict[str, frozenset[str]] = {
    "/": REGISTRY,
    "/persons/{person}/": REGISTRY,
    "/sources/": REGISTRY,
    "/quarantine/": REGISTRY,
    "/claims/": AGGREGATES,
    "/imports/": REGISTRY,
    "/imports/{job}/": REGISTRY,
    "/linkage/review/": REVIEW,
    "/linkage/review/next/": REVIEW,
    "/linkage/review/{pair}/": REVIEW,
    "/linkage/runs/": REVIEW,
    "/linkage/decisions/": REVIEW,
    "/numbers/": AGGREGATES,
    "/numbers/persons/?selector=dead&on=2022-01-15": REGISTRY,
    "/numbers/estimates/": ESTIMATES,
    "/numbers/estimates/{run}/": ESTIMATES,
    "/accounts/": EVERYONE,
    "/accounts/password/": EVERYONE,
    "/admin/": frozenset({A}),
}
# Pages that answer an allowed visitor with a redirect onward rather than a page.
REDIRECTS_WHEN_ALLOWED = {"/linkage/review/next/"}


def numbers_lists(tmp_path) -> None:
    import_rows(
        tmp_path, NGO, source="ngo", filename="ngo.csv", obtained_on=datetime.date(2022, 1, 10)
    )
    import_rows(
        tmp_path,
        PRESS,
        source="press",
        filename="press.csv",
        obtained_on=datetime.date(2022, 1, 25),
    )


@pytest.fixture
def pending_pair(tmp_path, transactional_db):
    ngo(tmp_path)
    press(tmp_path)
    link_records(threshold=0.999999)
    pair = CandidatePair.objects.filter(status=CandidatePair.Status.PENDING).first()
    assert pair is not None
    return pair


@pytest.fixture
def world(tmp_path, transactional_db):
    """Something behind every URL: persons, a pending pair, an upload, an estimate."""
    ngo(tmp_path)
    press(tmp_path)
    numbers_lists(tmp_path)
    link_records(threshold=0.999999)
    pair = CandidatePair.objects.filter(status=CandidatePair.Status.PENDING).first()
    assert pair is not None
    run = estimate_registry(selector="dead", methods=("independence",), actor="test").run
    assert run is not None
    uploader = get_user_model().objects.create_user("uploader")
    job = ImportJob.objects.create(
        source=make_source("ngo"), original_name="list.csv", created_by=uploader
    )
    return {
        "person": Person.objects.order_by("pk").first().public_id,
        "pair": pair.pk,
        "job": job.pk,
        "run": run.pk,
    }


def expected_status(path: str, who: str) -> int | str:
    if who == ANON:
        return LOGIN
    if who not in MATRIX[path]:
        return LOGIN if path == "/admin/" else 403
    return 302 if path in REDIRECTS_WHEN_ALLOWED else 200


def observed_status(browser: Browser, path: str) -> int | str:
    response = browser.get(path, follow=False)
    location = urllib.parse.urlparse(response.headers.get("Location", "")).path
    if response.status == 302 and location in ("/login/", "/admin/login/"):
        return LOGIN
    return response.status


def browser_for(live_server, who: str) -> Browser:
    browser = Browser(live_server.url)
    if who == ANON:
        return browser
    username = who.replace(" ", "-")
    make_staff(username, None if who == NONE else who)
    browser.login(username, STAFF_PASSWORD)
    return browser


@pytest.mark.parametrize("who", [*ROLES, ANON])
def test_permission_matrix_over_http(live_server, world, who):
    browser = browser_for(live_server, who)
    paths = {template: template.format(**world) for template in MATRIX}
    observed = {t: observed_status(browser, p) for t, p in paths.items()}
    expected = {t: expected_status(t, who) for t in MATRIX}
    assert observed == expected


@pytest.mark.parametrize(
    ("who", "allowed"), [(A, True), (R, True), (V, False), (AN, False), (P, False)]
)
def test_only_reviewers_and_admins_decide_pairs_over_http(live_server, pending_pair, who, allowed):
    browser = browser_for(live_server, who)
    token = re.search(
        r'name="csrfmiddlewaretoken" value="([^"]+)"', browser.get("/accounts/").text
    ).group(1)
    response = browser.post(
        f"/linkage/review/{pending_pair.pk}/",
        {"csrfmiddlewaretoken": token, "verdict": "unsure"},
        follow=False,
    )
    assert response.status == (302 if allowed else 403)
    assert PairDecision.objects.exists() == allowed


@pytest.mark.parametrize(("who", "allowed"), [(AN, True), (V, False), (P, False)])
def test_running_an_estimate_needs_its_permission(live_server, tmp_path, who, allowed):
    numbers_lists(tmp_path)
    browser = browser_for(live_server, who)
    token = re.search(
        r'name="csrfmiddlewaretoken" value="([^"]+)"', browser.get("/accounts/").text
    ).group(1)
    response = browser.post(
        "/numbers/estimates/",
        {"csrfmiddlewaretoken": token, "selector": "dead", "by": ""},
        follow=False,
    )
    assert response.status == (302 if allowed else 403)
    from tizim.estimates.models import EstimateRun

    assert EstimateRun.objects.exists() == allowed


# Nav link → what it needs. A link not listed here fails the test below: list it with its
# permission so that the nav keeps showing only what a role may open.
NAV_LINKS = {
    "Persons": "registry.view_person",
    "Sources": "registry.view_source",
    "Quarantine": "registry.view_record",
    "Import": "intake.add_importjob",
    "Reports": "intake.view_report",
    "Acts": "acts.view_act",
    "Ingest": "ingest.view_article",
    "Review": "linkage.view_candidatepair",
    "Claims": roles.VIEW_AGGREGATES,
    "Numbers": roles.VIEW_AGGREGATES,
    "Admin": "is_staff",
}


@pytest.mark.parametrize("who", ROLES)
def test_nav_shows_only_what_the_role_may_open(live_server, tmp_path, who):
    numbers_lists(tmp_path)
    browser = browser_for(live_server, who)
    page = browser.get("/accounts/")
    nav = re.search(r"<nav>(.*?)</nav>", page.text, re.S)
    shown = set(re.findall(r">([A-Za-z]+)</a>", nav.group(1))) if nav else set()
    assert shown <= set(NAV_LINKS), "a nav link this test does not know"
    user = get_user_model().objects.get(username=who.replace(" ", "-"))
    may = {
        name
        for name, perm in NAV_LINKS.items()
        if (user.is_staff if perm == "is_staff" else user.has_perm(perm))
    }
    assert shown == may
    assert ("Review" in shown) == (who in REVIEW) and ("Admin" in shown) == (who == A)
    if who in (AN, P):
        assert shown == {"Claims", "Numbers"}
        # and their counts do not link to the persons behind them
        assert "/numbers/persons/" not in browser.get("/numbers/").text
    if who == NONE:
        assert shown == set()


def test_groups_hold_exactly_the_listed_permissions_that_exist():
    for role, names in ROLE_PERMISSIONS.items():
        group = Group.objects.get(name=role.value)
        held = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}
        assert held <= names
        assert held  # every role can do something
    admin = {
        f"{p.content_type.app_label}.{p.codename}"
        for p in Group.objects.get(name="admin").permissions.all()
    }
    assert {"intake.unseal_report", "intake.triage_report", "accounts.view_aggregates"} <= admin
    analyst = {
        f"{p.content_type.app_label}.{p.codename}"
        for p in Group.objects.get(name="analyst").permissions.all()
    }
    assert analyst == {
        "accounts.view_aggregates",
        "estimates.view_estimaterun",
        "estimates.add_estimaterun",
    }


def test_permissions_not_yet_defined_are_skipped_and_picked_up_later(monkeypatch):
    table = {**ROLE_PERMISSIONS, Role.PARTNER: ROLE_PERMISSIONS[Role.PARTNER] | {"later.view_x"}}
    monkeypatch.setattr(roles, "ROLE_PERMISSIONS", table)
    missing = roles.sync_roles()
    assert missing[Role.PARTNER] == ["later.view_x"]
    assert Group.objects.get(name="partner").permissions.count() == 1


def test_role_helpers_and_set_role_is_audited():
    user = make_staff("helper", "volunteer")
    assert user_role(user) == Role.VOLUNTEER
    assert not can_unseal(user) and not requires_two_factor(user) and not user.is_staff
    services.set_role(user, Role.REVIEWER, actor="test")
    assert user_role(user) == Role.REVIEWER and can_unseal(user) and requires_two_factor(user)
    services.set_role(user, Role.ADMIN, actor="test")
    user.refresh_from_db()
    assert user.is_staff and user_role(user) == Role.ADMIN
    user.is_superuser = True
    user.save()
    services.set_role(user, Role.ANALYST, actor="test")
    user.refresh_from_db()
    assert not user.is_staff and not user.is_superuser and user_role(user) == Role.ANALYST
    changes = AuditEntry.objects.filter(action="user.role", object_id="helper").order_by("id")
    assert [(e.details["from"], e.details["to"]) for e in changes] == [
        (None, "volunteer"),
        ("volunteer", "reviewer"),
        ("reviewer", "admin"),
        ("admin", "analyst"),
    ]
    assert all(e.actor == "test" for e in changes)
    superuser = get_user_model().objects.create_superuser("root")
    assert user_role(superuser) == Role.ADMIN and requires_two_factor(superuser)
    assert user_role(get_user_model().objects.create_user("nobody")) is None


def test_set_role_by_a_user_needs_the_right_to_change_users():
    volunteer = make_staff("vol", "volunteer")
    admin = make_staff("boss", "admin")
    target = make_staff("target", "analyst")
    with pytest.raises(PermissionDenied):
        services.set_role(target, Role.REVIEWER, actor=volunteer)
    services.set_role(target, Role.PARTNER, actor=admin)
    assert user_role(target) == Role.PARTNER
    assert AuditEntry.objects.filter(action="user.role", actor="boss").count() == 1


def test_services_refuse_a_user_without_permission_and_trust_the_cli(tmp_path):
    ngo(tmp_path)
    press(tmp_path)
    link_records(threshold=0.999999)
    pair = CandidatePair.objects.filter(status=CandidatePair.Status.PENDING).first()
    volunteer = make_staff("vol", "volunteer")
    reviewer = make_staff("rev", "reviewer")
    with pytest.raises(PermissionDenied):
        decide_pair(pair.record_a_id, pair.record_b_id, "same", actor=volunteer)
    assert not PairDecision.objects.exists()
    decision = decide_pair(pair.record_a_id, pair.record_b_id, "same", actor=reviewer)
    assert decision.actor == "rev"
    with pytest.raises(PermissionDenied):
        withdraw_decision(decision, actor=volunteer)
    assert withdraw_decision(decision, actor="cli").actor == "cli"  # the command line


def test_uploading_a_list_needs_its_permission(tmp_path, settings):
    from tizim.intake.services import stage_upload

    settings.TIZIM_HOME = tmp_path
    make_source("ngo-sheet")
    analyst = make_staff("counter", "analyst")
    volunteer = make_staff("typist", "volunteer")
    content = "ФИО;Статус\nОспанов Нурлан;задержан\n".encode()
    with pytest.raises(PermissionDenied):
        stage_upload(name="l.csv", chunks=[content], source_name="ngo-sheet", user=analyst)
    job = stage_upload(name="l.csv", chunks=[content], source_name="ngo-sheet", user=volunteer)
    assert job.created_by == volunteer and ImportJob.objects.count() == 1
