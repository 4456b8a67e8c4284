"""Linking what an import brought: new records against the persons already in the registry,
from the service, the import job of the *Import* page and ``tizim import``."""

from __future__ import annotations

import pytest

from tests.cli.test_cli import tizim
from tests.factories import import_rows, load_demo_registry, make_source, make_staff, write_csv
from tests.linkage.test_linkage_services import OFFICIAL, PRESS, ngo, person_of, press
from tizim.core.names.translit import to_latin
from tizim.intake.models import ImportJob
from tizim.intake.services import confirm_job, stage_upload
from tizim.linkage.incremental import link_new_records
from tizim.linkage.models import CandidatePair, LinkRun, PairDecision
from tizim.linkage.services import decide_pair, link_records
from tizim.publish.statistics import _compute
from tizim.registry.membership import undo_change
from tizim.registry.models import Record

pytestmark = pytest.mark.django_db


def groups() -> set[frozenset[int]]:
    """The registry's persons as sets of record ids."""
    by_person: dict[int, set[int]] = {}
    for pk, person in Record.objects.filter(person__isnull=False).values_list("pk", "person_id"):
        by_person.setdefault(person, set()).add(pk)
    return {frozenset(g) for g in by_person.values()}


def test_new_rows_join_settled_persons_and_the_rest_are_new(tmp_path):
    ngo(tmp_path)
    press(tmp_path)
    link_records()
    before = groups()
    settled = person_of("Bakhytzhan")
    import_rows(
        tmp_path,
        [("ТӨРЕГОЖИНА", "Б.", "", "02.05.1970", "Алматы"), ("ОСПАНОВ", "Жанибек", "", "", "")],
        source="official",
        headers=OFFICIAL,
        filename="official.csv",
    )
    outcome = link_new_records(actor="test")
    assert (outcome.new_records, outcome.joined_existing, outcome.new_persons) == (2, 1, 1)
    official = Record.objects.get(source__name="official", full_name__startswith="Төрегожина")
    assert official.person_id == settled
    run = LinkRun.objects.get(pk=outcome.run_id)
    assert run.mode == LinkRun.Mode.NEW_RECORDS and run.new_records == 2
    assert "scored with the model of an earlier run" in run.notes
    # Only the new records moved: every person from before is whole, none joined another.
    after = groups()
    older = {
        frozenset(g - {r.pk for r in Record.objects.filter(source__name="official")}) for g in after
    }
    assert older - {frozenset()} == before
    # The whole run is one undoable change.
    undo_change(run.change)
    official.refresh_from_db()
    assert official.person_id != settled


def test_nothing_new_links_nothing(tmp_path):
    ngo(tmp_path)
    link_records()
    outcome = link_new_records()
    assert outcome.run_id is None and outcome.new_records == 0
    assert LinkRun.objects.count() == 1


def test_the_first_linking_of_a_registry_is_a_whole_run(tmp_path):
    ngo(tmp_path)
    press(tmp_path)
    outcome = link_new_records(actor="test")
    assert LinkRun.objects.get().mode == LinkRun.Mode.INCREMENTAL
    assert (outcome.new_records, outcome.joined_existing) == (5, 0)
    assert outcome.new_persons == 3  # two men called Ерлан Серикбаев stay two
    assert person_of("Bakhytzhan") == person_of("Төрегожина")


def test_a_registry_grown_by_half_is_linked_by_a_run_that_trains_afresh(tmp_path):
    ngo(tmp_path)
    link_records()  # trained on the three rows of the NGO sheet
    press(tmp_path)  # five rows now: more than half as many again
    outcome = link_new_records(actor="test")
    run = LinkRun.objects.get(pk=outcome.run_id)
    assert run.mode == LinkRun.Mode.INCREMENTAL and run.after_import
    assert "grown from 3 to 5 records" in outcome.notes[0]
    assert (outcome.new_records, outcome.joined_existing, outcome.new_persons) == (2, 2, 0)


def _links_survive_a_stricter_run(first_linking) -> bool:  # type: ignore[no-untyped-def]
    """Whether Bakhytzhan and Төрегожина, joined by ``first_linking``, stay one person through a
    run at a threshold their pair does not reach."""
    first_linking()
    assert person_of("Bakhytzhan") == person_of("Төрегожина")
    link_records(threshold=0.999999)
    return person_of("Bakhytzhan") == person_of("Төрегожина")


def test_the_links_an_import_made_are_re_decided_by_the_next_run(tmp_path):
    ngo(tmp_path)
    press(tmp_path)
    assert not _links_survive_a_stricter_run(link_new_records)
    assert LinkRun.objects.order_by("id").first().after_import  # type: ignore[union-attr]
    assert LinkRun.objects.order_by("id").last().new_records == 5  # type: ignore[union-attr]


def test_the_links_a_person_ran_are_settled(tmp_path):
    ngo(tmp_path)
    press(tmp_path)
    assert _links_survive_a_stricter_run(link_records)


def test_reviewers_decisions_bind_and_the_queue_keeps_its_questions(tmp_path):
    ngo(tmp_path)
    press(tmp_path)
    link_records()
    bakhytzhan = Record.objects.get(full_name__icontains="Bakhytzhan")
    toregozhina = Record.objects.get(full_name__icontains="Төрегожина")
    decide_pair(bakhytzhan.pk, toregozhina.pk, PairDecision.Verdict.DIFFERENT, actor="test")
    asked = CandidatePair.objects.create(
        run=LinkRun.objects.get(),
        record_a=Record.objects.get(full_name__icontains="Маратович"),
        record_b=Record.objects.get(full_name__icontains="Болатович"),
        probability=0.5,
        match_weight=0.0,
        priority=0.0,
        why_queued="asked before",
    )
    import_rows(
        tmp_path,
        [("Toregozhina Bakhytzhan", "51", "Almaty", "released", "January 20, 2022")],
        source="press-two",
        headers=PRESS,
        filename="press-two.csv",
    )
    link_new_records()
    # the rejected pair stays apart, whichever of them the new row joined
    bakhytzhan.refresh_from_db()
    toregozhina.refresh_from_db()
    assert bakhytzhan.person_id != toregozhina.person_id
    asked.refresh_from_db()
    assert asked.status == CandidatePair.Status.PENDING


def rows_for_demo_persons(count_by_fate: dict[str, int]) -> list[tuple[str, ...]]:
    """Rows about persons already in the demo registry, written another way: the name in Latin
    letters, the birth date with dots, the town as the NGO sheet wrote it."""
    rows: list[tuple[str, ...]] = []
    persons: set[int] = set()
    wanted = dict(count_by_fate)
    candidates = Record.objects.filter(
        source__name="ngo-sheet", quarantine_reason="", birth_date__isnull=False
    ).exclude(place_text="")
    for record in candidates.order_by("pk"):
        if record.person_id in persons or not wanted.get(record.fate):
            continue
        wanted[record.fate] -= 1
        persons.add(record.person_id)
        event = record.event_date.isoformat() if record.event_date else ""
        born = record.birth_date.strftime("%d.%m.%Y")
        rows.append((to_latin(record.full_name), born, record.place_text, record.fate, event))
    assert not any(wanted.values()), "the demo has too few such persons"
    return rows


NEW_PEOPLE = [
    ("Zhanibek Ospanov", "11.11.1991", "Almaty", "killed", "2022-01-06"),
    ("Aruzhan Kemelbayeva", "03.04.1999", "Taraz", "missing", "2022-01-07"),
]


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_an_upload_of_people_already_counted_counts_only_the_new_ones(tmp_path, settings):
    """Eight uploaded rows: six persons of the demo written in Latin letters and two
    new people, uploaded on the Import page, move the public counts by the two only."""
    settings.TIZIM_HOME = tmp_path
    load_demo_registry(tmp_path / "demo")
    before = _compute().headline
    rows = rows_for_demo_persons({"killed": 2, "missing": 2, "detained": 2}) + NEW_PEOPLE
    path = write_csv(
        tmp_path / "eight.csv", ("Name", "Date of birth", "City", "Status", "Date"), rows
    )
    make_source("press-two", kind="press_list")
    user = make_staff("volunteer", "volunteer")
    job = stage_upload(
        name="eight.csv", chunks=[path.read_bytes()], source_name="press-two", user=user
    )
    confirm_job(job, user=user, background=False)
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE and not job.link_error
    summary = job.summary
    assert (summary["new"], summary["joined_existing"], summary["new_persons"]) == (8, 6, 2)
    assert summary["for_review"] == 0
    after = _compute().headline
    assert after["dead"] == before["dead"] + 1
    assert after["missing"] == before["missing"] + 1
    assert after["custody"] == before["custody"]
    assert {k: v for k, v in after.items() if k not in ("dead", "missing")} == {
        k: v for k, v in before.items() if k not in ("dead", "missing")
    }


def _linked(stdout: str) -> list[str]:
    """The figures of the "linked into persons" table ``tizim import`` prints."""
    lines = stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("linked into persons"))
    return [line.rsplit(maxsplit=1)[-1] for line in lines[start + 2 : start + 5]]


@pytest.mark.sqlite_only
def test_the_command_line_import_links_unless_told_not_to(tmp_path):
    home = tmp_path / "data"
    assert tizim(home, "init").returncode == 0
    assert tizim(home, "source", "add", "ngo-sheet", "--kind", "ngo_spreadsheet").returncode == 0
    assert tizim(home, "source", "add", "press", "--kind", "press_list").returncode == 0
    first = write_csv(
        tmp_path / "ngo.csv",
        ("ФИО", "Дата рождения", "Город", "Статус", "Дата"),
        [("Төрегожина Бақытжан", "02.05.1970", "Алматы", "пропала без вести", "05.01.2022")],
    )
    result = tizim(home, "import", str(first), "--source", "ngo-sheet")
    assert result.returncode == 0, result.stderr
    assert _linked(result.stdout) == ["0", "1", "0"]
    second = write_csv(
        tmp_path / "press.csv",
        PRESS,
        [
            ("Bakhytzhan Toregozhina", "51", "Almaty", "detained", "January 8, 2022"),
            ("Zhanibek Ospanov", "30", "Taraz", "killed", "January 6, 2022"),
        ],
    )
    result = tizim(home, "import", str(second), "--source", "press")
    assert result.returncode == 0, result.stderr
    # joined the person already there; one new person; nothing to review
    assert _linked(result.stdout) == ["1", "1", "0"]
    third = write_csv(
        tmp_path / "more.csv", PRESS, [("Aruzhan Kemelbayeva", "22", "Taraz", "missing", "")]
    )
    result = tizim(home, "import", str(third), "--source", "press", "--no-link")
    assert result.returncode == 0, result.stderr
    assert "not linked (--no-link)" in result.stdout and "linked into persons" not in result.stdout


@pytest.mark.django_db(transaction=True)
def test_a_failed_linking_leaves_the_import_and_can_be_run_again(tmp_path, settings, monkeypatch):
    from tizim.intake import services as intake
    from tizim.linkage.services import LinkageError

    settings.TIZIM_HOME = tmp_path
    ngo(tmp_path)
    link_records()
    path = write_csv(
        tmp_path / "press.csv",
        PRESS,
        [("Bakhytzhan Toregozhina", "51", "Almaty", "detained", "January 8, 2022")],
    )
    make_source("press", kind="press_list")
    user = make_staff("volunteer", "volunteer")
    job = stage_upload(name="press.csv", chunks=[path.read_bytes()], source_name="press", user=user)

    def broken(**kwargs):
        raise LinkageError("the linker is broken today")

    monkeypatch.setattr(intake, "link_new_records", broken)
    confirm_job(job, user=user, background=False)
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE and job.link_error == "the linker is broken today"
    assert Record.objects.filter(source__name="press").count() == 1  # the import stands
    monkeypatch.undo()
    intake.relink_job(job, user=user, background=False)
    job.refresh_from_db()
    assert not job.link_error and job.summary["joined_existing"] == 1
    with pytest.raises(intake.IntakeError, match="linked already"):
        intake.relink_job(job, user=user, background=False)
