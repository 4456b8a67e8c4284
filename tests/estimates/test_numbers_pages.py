"""The Numbers pages over real HTTP: counts with their persons one click away, claims beside
them, charts as image files for staff only, estimates run by those allowed to."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.estimates.test_numbers_services import NGO, PRESS, D, person_of
from tests.factories import import_rows, make_staff
from tests.http_client import Browser
from tizim.accounts.services import set_language
from tizim.core.estimation import GRAPHICAL_BMA, LATENT_CLASS, CaptureHistoryTable, estimate_all
from tizim.estimates.models import EstimateRun
from tizim.registry.claims import record_claim
from tizim.registry.membership import merge_persons

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "a long test password 42"


@pytest.fixture
def registry(tmp_path, transactional_db):
    import_rows(tmp_path, NGO, source="ngo", filename="ngo.csv", obtained_on=D(2022, 1, 10))
    import_rows(tmp_path, PRESS, source="press", filename="press.csv", obtained_on=D(2022, 1, 25))
    for row in (2, 3):
        merge_persons(person_of("ngo", row), person_of("press", row))
    record_claim(
        claimant="Government <of> Kazakhstan",
        counted="people killed",
        fate="killed",
        value=225,
        as_of=D(2022, 1, 15),
    )


@pytest.fixture
def viewer(transactional_db):
    # A data-entry volunteer: sees counts and the persons behind them, may not run estimates.
    return make_staff("viewer", "volunteer", PASSWORD)


@pytest.fixture
def analyst(transactional_db):
    return make_staff("analyst", "analyst", PASSWORD)


def charts(browser: Browser, text: str) -> list[ET.Element]:
    """Every chart image of a page, fetched as this browser and parsed (a malformed or missing
    file fails here)."""
    found = []
    for address in re.findall(r'<figure class="chart"[^>]*>\s*<picture>.*?<img src="([^"]+)"', text,
                              flags=re.S):  # fmt: skip
        image = browser.get(address)
        assert image.status == 200 and image.headers["Content-Type"] == "image/svg+xml"
        assert "private" in image.headers["Cache-Control"]
        found.append(ET.fromstring(image.text.encode()))
    return found


@pytest.mark.parametrize(
    "path", ["/numbers/", "/numbers/persons/?selector=dead&on=2022-01-15", "/numbers/estimates/"]
)
def test_numbers_pages_require_login(live_server, path):
    response = Browser(live_server.url).get(path, follow=False)
    assert response.status == 302 and response.headers["Location"].startswith("/login/")


def test_counts_open_onto_the_persons_behind_them(live_server, viewer, registry):
    browser = Browser(live_server.url)
    browser.login("viewer", PASSWORD)
    page = browser.get("/numbers/?on=2022-01-15&measure=on_date&by=region")
    assert page.status == 200
    assert "Documented persons in that status on the day 15 January 2022" in page.text
    links = dict(
        re.findall(r'<a href="(/numbers/persons/\?[^"]+)">(\d+)</a>', html.unescape(page.text))
    )
    almaty_dead = next(u for u in links if "selector=dead" in u and "region=almaty" in u)
    assert links[almaty_dead] == "1"
    persons = browser.get(almaty_dead)
    assert "1 person: dead (killed or died in custody) on 2022-01-15, in Almaty" in persons.text
    assert "Жумабеков Нурлан" in persons.text or "Zhumabekov Nurlan" in persons.text
    assert "Серикбаев" not in persons.text
    total_dead = next(u for u in links if "selector=dead" in u and "region" not in u)
    assert links[total_dead] == "3"
    assert browser.get(total_dead).text.count("/persons/P") == 3
    # the claim, escaped, beside the documented count of the same thing on its day
    assert "Government &lt;of&gt; Kazakhstan" in page.text
    assert re.search(
        r">3</a><br><span class=\"small\">dead \(killed or died in custody\) at any", page.text
    )
    shown = charts(browser, page.text)
    assert len(shown) >= 3
    assert all(c.tag == "{http://www.w3.org/2000/svg}svg" for c in shown)
    # Staff charts are for staff: not to a visitor without a session.
    address = re.search(r'<img src="(/charts/staff/[^"]+)"', page.text)[1]
    assert Browser(live_server.url).get(address, follow=False).status == 302


def test_counts_as_known_then_and_by_source(live_server, viewer, registry):
    browser = Browser(live_server.url)
    browser.login("viewer", PASSWORD)
    then = browser.get("/numbers/?on=2022-01-09&known_by=2022-01-09")
    assert "as the sources had said it by 9 January 2022" in then.text
    assert "Nobody is documented under these conditions." in then.text
    by_source = browser.get("/numbers/?on=2022-01-15&by=source")
    assert re.search(r'<th scope="row">press</th><td class="num"><a [^>]*>2</a>', by_source.text)
    bad = browser.get("/numbers/?on=not-a-date")
    assert bad.status == 200 and "Enter a valid date" in bad.text
    assert browser.get("/numbers/persons/?selector=shot&on=2022-01-15").status == 404


def test_only_those_allowed_run_estimates(live_server, viewer, analyst, registry):
    browser = Browser(live_server.url)
    browser.login("viewer", PASSWORD)
    listing = browser.get("/numbers/estimates/")
    assert "Run an estimate" not in listing.text
    token = browser.csrf_token("/numbers/estimates/")
    refused = browser.post(
        "/numbers/estimates/", {"csrfmiddlewaretoken": token, "selector": "dead"}, follow=False
    )
    assert refused.status == 403 and EstimateRun.objects.count() == 0

    browser = Browser(live_server.url)
    browser.login("analyst", PASSWORD)
    token = browser.csrf_token("/numbers/estimates/")
    done = browser.post(
        "/numbers/estimates/", {"csrfmiddlewaretoken": token, "selector": "dead", "by": ""}
    )
    run = EstimateRun.objects.get()
    assert done.url.endswith(f"/numbers/estimates/{run.pk}/")
    assert f"Estimate #{run.pk}: dead (killed or died in custody)" in done.text
    # The methods in plain words, not their identifiers; one sentence to quote first.
    for method in (
        "log-linear model that assumes the lists are independent",
        "log-linear models chosen by AIC",
        "average over graphical models (Bayesian model averaging)",
    ):
        assert method in done.text
    assert "stepwise_aic" not in done.text and "graphical_bma" not in done.text
    quotable = re.search(r'<p class="lead" id="quotable">([^<]+)</p>', done.text)
    assert quotable and "are documented by name" in html.unescape(quotable[1])
    assert "(recommended)" in done.text
    assert len(charts(browser, done.text)) == 2  # overlap and intervals
    assert "ngo, press" in done.text
    assert browser.get("/numbers/estimates/").text.count(f"#{run.pk}</a>") == 1
    failed = browser.post(
        "/numbers/estimates/",
        {"csrfmiddlewaretoken": token, "selector": "found", "by": ""},
    )
    assert "at least two lists" in failed.text and EstimateRun.objects.count() == 1


def test_an_estimate_page_says_its_priors_modes_and_sensitivity(live_server, analyst):
    """A Bayesian result shows its prior; a posterior with two modes is shown as two; the
    graphical model average shows what the other usual delta gives."""
    data = Path(__file__).parents[1] / "core" / "estimation" / "data"
    table = CaptureHistoryTable.from_csv(data / "uk2013_modern_slavery_5lists.csv")
    report = estimate_all(table, [GRAPHICAL_BMA, LATENT_CLASS])
    run = EstimateRun.objects.create(
        selector="dead", lists=list(table.lists), observed=table.observed, report=report.to_dict()
    )
    browser = Browser(live_server.url)
    browser.login("analyst", PASSWORD)
    page = html.unescape(browser.get(f"/numbers/estimates/{run.pk}/").text)
    assert "Prior: hyper-Dirichlet delta = 0.03125 per cell" in page
    assert "Prior: up to 5 classes" in page and "alpha ~ Gamma(0.25, 0.25)" in page
    assert "More than one mode</b>: near 11," in page
    assert "Sensitivity: with delta = 0.5: 4,6" in page


def test_an_estimate_page_says_how_the_simulation_check_widened_its_lead(live_server, analyst):
    """Kosovo 1999 with the latent classes alone: the check on the table's shape fails, the
    page leads with the widened interval in the reader's language and says why, and the
    quotable sentence names the widening."""
    data = Path(__file__).parents[1] / "core" / "estimation" / "data"
    table = CaptureHistoryTable.from_csv(data / "kosovo1999_4lists.csv")
    report = estimate_all(table, [LATENT_CLASS]).to_dict()
    lead = report["lead"]
    assert lead["why"] == "shape_check"
    run = EstimateRun.objects.create(
        selector="dead",
        lists=list(table.lists),
        observed=table.observed,
        report=report,
        estimate=lead["estimate"],
        lower=lead["lower"],
        upper=lead["upper"],
        recommended_method="latent_class_widened",
    )
    set_language(analyst, "ru")
    browser = Browser(live_server.url)
    browser.login("analyst", PASSWORD)
    page = html.unescape(browser.get(f"/numbers/estimates/{run.pk}/").text)
    number = r"([\d\s\u00a0]+)"
    said = re.search(
        r"Рекомендуется: модель латентных классов \(LCMCR\), с интервалом, расширенным с "
        rf"{number}–{number} до {number}–{number}:",
        page,
    )
    assert said, page
    assert int(re.sub(r"\D", "", said.group(4))) == round(lead["upper"])
    assert 'data-code="shape_check_failed"' in page and "Проверка на симуляциях" in page
    assert "её интервал расширен проверкой на симуляциях" in page  # the quotable sentence


@pytest.mark.parametrize(("chosen", "tables", "harder"), [("6", 20, 6.0), ("off", 0, 4.5)])
def test_the_estimate_form_sets_the_simulation_check(
    live_server, analyst, registry, monkeypatch, chosen, tables, harder
):
    from tizim.estimates import services

    seen = []
    real = services.estimate_registry

    def recording(**kwargs):  # type: ignore[no-untyped-def]
        seen.append(kwargs["settings"].shape_check)
        return real(**kwargs)

    monkeypatch.setattr(services, "estimate_registry", recording)
    browser = Browser(live_server.url)
    browser.login("analyst", PASSWORD)
    listing = browser.get("/numbers/estimates/").text
    assert '<option value="4.5" selected>four and a half times (the default)</option>' in listing
    assert 'id="check-hint"' in listing
    token = browser.csrf_token("/numbers/estimates/")
    done = browser.post(
        "/numbers/estimates/",
        {"csrfmiddlewaretoken": token, "selector": "dead", "by": "", "hard_to_record": chosen},
    )
    assert done.status == 200 and EstimateRun.objects.count() == 1
    assert [(s.tables, s.harder) for s in seen] == [(tables, harder)]
