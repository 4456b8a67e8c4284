"""Numbers from the registry: counts for any day, claims beside them, estimates saved."""

from __future__ import annotations

import datetime

import pytest

from tests.factories import import_rows
from tizim.audit.models import AuditEntry
from tizim.core.counting import CountRule, Measure
from tizim.core.estimation import (
    EstimationReport,
    ModelEstimate,
    ShapeCheck,
    ShapeCheckSettings,
)
from tizim.core.estimation.recommend import choose_lead, lead_after_check
from tizim.estimates import selectors, services
from tizim.estimates.models import EstimateRun
from tizim.estimates.services import estimate_registry
from tizim.registry.claims import record_claim
from tizim.registry.errors import RegistryError
from tizim.registry.membership import merge_persons
from tizim.registry.models import Person, Record

pytestmark = pytest.mark.django_db
D = datetime.date

# Fictional people. The NGO sheet was obtained on 10 January, the press list on 25 January.
NGO = [
    ("1", "Серикбаев Ерлан Болатович", "1985", "Алматы", "задержан", "08.01.2022", ""),
    ("2", "Жумабеков Нурлан", "1990", "Алматы", "погиб", "06.01.2022", ""),
    ("3", "Оспанов Данияр", "1979", "Шымкент", "погиб", "07.01.2022", ""),
    ("4", "Касымова Айгуль", "1995", "Алматы", "пропала без вести", "06.01.2022", ""),
]
PRESS = [
    ("1", "Serikbayev Yerlan", "1985", "Almaty", "released", "20.01.2022", ""),
    ("2", "Zhumabekov Nurlan", "1990", "Almaty", "killed", "06.01.2022", ""),
    ("3", "Akhmetov Bolat", "1988", "Taraz", "killed", "09.01.2022", ""),
]


def person_of(source: str, row: int) -> Person:
    return Record.objects.get(source__name=source, row_number=row).person


@pytest.fixture
def registry(tmp_path):
    import_rows(tmp_path, NGO, source="ngo", filename="ngo.csv", obtained_on=D(2022, 1, 10))
    import_rows(tmp_path, PRESS, source="press", filename="press.csv", obtained_on=D(2022, 1, 25))
    # The same two people on both lists, in two scripts, linked as a reviewer would (row 1
    # of a sheet is its header): Yerlan, detained then released, and Nurlan, killed.
    for ngo_row, press_row in ((2, 2), (3, 3)):
        merge_persons(person_of("ngo", ngo_row), person_of("press", press_row))
    return {
        "yerlan": person_of("ngo", 2),
        "nurlan": person_of("ngo", 3),
    }


def test_counts_for_a_day_follow_the_timeline(registry):
    people = selectors.person_facts()
    assert len(people) == 5
    table = selectors.documented_counts(D(2022, 1, 15), people=people)
    assert table.totals["dead"] == 3
    assert table.cell("almaty", "dead") == 1 and table.cell("shymkent", "dead") == 1
    assert table.cell("jambyl-region", "dead") == 1  # Taraz lies in Jambyl region
    assert table.totals["custody"] == 1 and table.totals["missing"] == 1
    # After his release he is no longer in custody, but he had been.
    later = selectors.documented_counts(D(2022, 1, 21), people=people)
    assert later.totals["custody"] == 0 and later.totals["released"] == 1
    ever = selectors.documented_counts(D(2022, 1, 21), measure=Measure.EVER, people=people)
    assert ever.totals["custody"] == 1
    # As the sources had said by 9 January: the press list (obtained on the 25th) not yet.
    then = selectors.documented_counts(D(2022, 1, 9), known_by=D(2022, 1, 9), people=people)
    assert then.totals["dead"] == 0
    by_source = selectors.documented_counts(D(2022, 1, 15), by="source", people=people)
    assert by_source.cell("ngo", "dead") == 2 and by_source.cell("press", "dead") == 2
    only_press = selectors.documented_counts(D(2022, 1, 15), source="press", people=people)
    assert only_press.totals["dead"] == 2


def test_the_persons_behind_a_count_are_the_ones_counted(registry):
    rule = CountRule("dead", D(2022, 1, 15))
    ids, persons = selectors.persons_behind(rule, region="almaty")
    assert ids == [registry["nurlan"].pk]
    assert list(persons) == [registry["nurlan"]]
    ids, _ = selectors.persons_behind(rule)
    assert len(ids) == selectors.documented_counts(D(2022, 1, 15)).totals["dead"]


def test_claims_are_compared_with_the_same_count_on_the_same_day(registry):
    record_claim(
        claimant="Government", counted="killed", fate="killed", value=225, as_of=D(2022, 1, 8)
    )
    record_claim(
        claimant="NGO",
        counted="in custody",
        fate="detained",
        value=970,
        as_of=D(2022, 1, 22),
        measure="on_date",
    )
    record_claim(
        claimant="Ministry", counted="arrested", fate="arrested", value=10000, as_of=D(2022, 1, 22)
    )
    record_claim(claimant="Police", counted="officers killed", value=18, as_of=D(2022, 1, 11))
    rows = {c.claim.claimant: c for c in selectors.claims_beside_counts()}
    assert rows["Government"].documented == 2  # the death of the 9th is after the claim
    assert rows["Government"].group == "dead"
    assert rows["NGO"].documented == 0  # released on the 20th
    assert rows["Ministry"].documented == 1  # had been arrested by then
    assert rows["Police"].documented is None and rows["Police"].group == ""
    assert rows["Ministry"].share == pytest.approx(1 / 10000)
    with pytest.raises(RegistryError, match="unknown measure 'now'"):
        record_claim(claimant="x", counted="x", value=1, as_of=D(2022, 1, 1), measure="now")


def test_count_series_covers_events_and_claims(registry):
    record_claim(
        claimant="Government", counted="killed", fate="killed", value=225, as_of=D(2022, 1, 5)
    )
    series = selectors.count_series("dead", measure=Measure.EVER)
    days = [d for d, _ in series.known_now]
    assert days[0] == D(2022, 1, 5) and days[-1] == D(2022, 1, 20)
    assert dict(series.known_now)[D(2022, 1, 9)] == 3
    assert dict(series.known_then)[D(2022, 1, 9)] == 0  # nothing was known before the 10th
    assert dict(series.known_then)[D(2022, 1, 12)] == 2
    assert [c.value for c in series.claims] == [225]


def test_capture_sets_per_stratum(registry):
    sets = selectors.capture_sets("dead")
    assert sorted(sorted(s) for s in sets["all"]) == [["ngo"], ["ngo", "press"], ["press"]]
    by_region = selectors.capture_sets("dead", by="region")
    assert set(by_region) == {"almaty", "shymkent", "jambyl-region"}
    assert selectors.capture_sets("dead", as_of=D(2022, 1, 6))["all"] == [
        frozenset({"ngo", "press"})
    ]
    only = selectors.capture_sets("dead", lists=["press"])
    assert sorted(sorted(s) for s in only["all"]) == [["press"], ["press"]]


def test_estimate_registry_saves_the_run_and_audits_it(registry):
    result = estimate_registry(selector="dead", methods=["independence"], actor="analyst")
    assert result.lists == ["ngo", "press"]
    assert result.tables["all"].observed == 3
    run = result.run
    assert run is not None and EstimateRun.objects.count() == 1
    assert run.observed == 3 and run.selector == "dead" and run.lists == ["ngo", "press"]
    # two lists, one overlap of 1 person: Lincoln–Petersen gives 2 × 2 / 1 = 4
    assert run.estimate == pytest.approx(4.0, rel=1e-6)
    assert run.report["overlaps"] and run.totals[0]["method"] == "independence"
    entry = AuditEntry.objects.filter(action="estimate.run").get()
    assert entry.actor == "analyst" and entry.details["observed"] == 3
    data = result.to_dict()
    for key in ("observed", "estimates", "lists", "selector"):
        assert key in data
    unsaved = estimate_registry(selector="dead", methods=["independence"], save=False)
    assert unsaved.run is None and EstimateRun.objects.count() == 1


def test_estimate_registry_by_region(registry):
    result = estimate_registry(selector="dead", by="region", methods=["independence"])
    assert set(result.run.strata) == {"almaty", "shymkent", "jambyl-region"}
    assert result.run.observed == 3


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"selector": "shot"}, "unknown fate or group 'shot'"),
        ({"selector": "dead", "by": "age"}, "cannot stratify by 'age'"),
        ({"selector": "dead", "methods": ["magic"]}, "unknown method"),
        ({"selector": "dead", "lists": ["ngo", "nosuch"]}, "no such source"),
        ({"selector": "dead", "lists": ["ngo"]}, "at least two lists"),
        ({"selector": "found"}, "at least two lists"),
    ],
)
def test_estimate_registry_refuses_what_cannot_be_estimated(registry, kwargs, message):
    with pytest.raises(RegistryError, match=message):
        estimate_registry(**kwargs)
    assert EstimateRun.objects.count() == 0


def test_a_run_whose_models_disagree_is_saved_with_the_range_as_its_headline(registry, monkeypatch):
    """Where the models disagree beyond their intervals the report leads with their range:
    the saved run then has no single estimate, its bounds are the range, and the Numbers page
    says so."""

    def disagreeing(table, methods, seed=0, settings=None):
        estimates = [
            ModelEstimate("stepwise_aic", "m", 3, 5.0, 4.0, 6.0, "profile-likelihood"),
            ModelEstimate("latent_class", "m", 3, 12.0, 8.0, 20.0, "bayesian-credible"),
        ]
        lead = choose_lead(estimates)
        return EstimationReport(
            ("ngo", "press"), 3, estimates, [], [], lead.text, lead=lead.to_dict()
        )

    monkeypatch.setattr(services, "estimate_all", disagreeing)
    run = estimate_registry(selector="dead", actor="analyst").run
    assert run is not None
    assert run.recommended_method == "range"
    assert run.estimate is None and (run.lower, run.upper) == (5.0, 12.0)
    assert run.report["lead"]["kind"] == "range"


def test_a_run_whose_interval_the_shape_check_widened_leads_with_the_wider_interval(
    registry, monkeypatch
):
    """A latent-class lead that failed the simulation check on its table's shape: the run keeps
    the model's estimate, with the widened interval as its bounds, and says so by its method."""

    def widened(table, methods, seed=0, settings=None):
        estimates = [ModelEstimate("latent_class", "m", 3, 10.0, 8.0, 14.0, "bayesian-credible")]
        check = ShapeCheck(20, 9, 30, False, 0.9, 1.5, 1.2, ShapeCheckSettings())
        lead = lead_after_check(choose_lead(estimates), check)
        return EstimationReport(
            ("ngo", "press"), 3, estimates, [], [], lead.text, lead=lead.to_dict()
        )

    monkeypatch.setattr(services, "estimate_all", widened)
    run = estimate_registry(selector="dead", actor="analyst").run
    assert run is not None and run.recommended_method == "latent_class_widened"
    assert run.estimate == 10.0
    assert (run.lower, run.upper) == (pytest.approx(7.2), pytest.approx(21.0))
    assert run.report["lead"]["shape_check"]["held"] == 9
