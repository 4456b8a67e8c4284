"""Linkage against the database: runs, incremental linking, decisions that bind, reversibility."""

from __future__ import annotations

import datetime

import pytest

from tests.factories import import_rows, make_source
from tizim.audit.selectors import verify_chain
from tizim.linkage.models import CandidatePair, LinkRun, PairDecision
from tizim.linkage.services import (
    LinkageError,
    decide_pair,
    link_records,
    withdraw_decision,
)
from tizim.registry.membership import undo_change
from tizim.registry.models import LinkChange, Membership, Record

pytestmark = pytest.mark.django_db

PRESS = ("Name", "Age", "City", "Status", "Date")
OFFICIAL = ("Фамилия", "Имя", "Отчество", "Дата рождения", "Регион")


def ngo(tmp_path):
    return import_rows(
        tmp_path,
        [
            (
                "1",
                "Серикбаев Ерлан Болатович",
                "12.03.1985",
                "г. Алматы",
                "задержан",
                "06.01.2022",
                "",
            ),
            (
                "2",
                "Төрегожина Бақытжан",
                "02.05.1970",
                "Алматы",
                "пропала без вести",
                "05.01.2022",
                "",
            ),
            ("3", "Серикбаев Ерлан Маратович", "02.07.1962", "Алматы", "погиб", "06.01.2022", ""),
        ],
        obtained_on=datetime.date(2022, 1, 10),
    )


def press(tmp_path):
    return import_rows(
        tmp_path,
        [
            ("Bakhytzhan Toregozhina", "51", "Almaty", "detained", "January 8, 2022"),
            ("Yerlan Serikbayev", "36", "Almaty", "released", "January 14, 2022"),
        ],
        source="press-list",
        headers=PRESS,
        filename="press.csv",
    )


def person_of(name_part):
    return Record.objects.get(full_name__icontains=name_part).person_id


def test_a_run_links_across_scripts_and_keeps_namesakes_apart(tmp_path):
    ngo(tmp_path)
    press(tmp_path)
    result = link_records(actor="test")
    assert result.records == 5 and result.new_records == 5
    assert person_of("Bakhytzhan") == person_of("Төрегожина")
    assert person_of("Yerlan") == person_of("Болатович")
    assert person_of("Маратович") != person_of("Болатович")  # born 1962, killed: another man
    run = LinkRun.objects.get()
    assert run.finished_at and run.change_id and run.records_moved == 2
    assert "demo lists are used" in run.notes  # five records: the prior model
    # the fate timeline of the joined person runs across both lists
    fates = list(
        Record.objects.get(full_name__icontains="Bakhytzhan")
        .person.fate_events.order_by("on_date")
        .values_list("fate", flat=True)
    )
    assert fates == ["missing", "detained"]
    assert verify_chain().ok


def test_a_second_run_changes_nothing_and_a_run_is_undoable(tmp_path):
    ngo(tmp_path)
    press(tmp_path)
    first = link_records()
    persons = dict(Record.objects.values_list("pk", "person_id"))
    second = link_records(full=True)
    assert second.records_moved == 0
    assert dict(Record.objects.values_list("pk", "person_id")) == persons
    undo_change(LinkRun.objects.get(pk=first.run_id).change)
    assert len(set(Record.objects.values_list("person_id", flat=True))) == 5
    assert Membership.objects.count() == 5 + 2 + 2  # import, link, undo: nothing deleted


def test_incremental_run_links_new_list_to_settled_persons(tmp_path):
    ngo(tmp_path)
    press(tmp_path)
    link_records()
    settled = person_of("Bakhytzhan")
    import_rows(
        tmp_path,
        [("ТӨРЕГОЖИНА", "Б.", "", "02.05.1970", "Алматы")],
        source="official",
        headers=OFFICIAL,
        filename="official.csv",
    )
    result = link_records()
    assert result.new_records == 1
    official = Record.objects.get(source__name="official")
    assert official.full_name == "Төрегожина Б."
    assert official.person_id == settled
    assert LinkRun.objects.latest("id").records_moved == 1


def test_rejection_splits_and_survives_every_later_run(tmp_path):
    ngo(tmp_path)
    press(tmp_path)
    link_records()
    a = Record.objects.get(full_name__icontains="Болатович")
    b = Record.objects.get(full_name__icontains="Yerlan")
    assert a.person_id == b.person_id
    decision = decide_pair(a.pk, b.pk, PairDecision.Verdict.DIFFERENT, actor="reviewer")
    a.refresh_from_db()
    b.refresh_from_db()
    assert a.person_id != b.person_id and decision.change.kind == LinkChange.Kind.SPLIT
    for full in (False, True):
        link_records(full=full)
        assert person_of("Болатович") != person_of("Yerlan")
    # withdrawing the decision undoes the split, and the machine may link them again
    withdraw_decision(decision, actor="reviewer")
    assert person_of("Болатович") == person_of("Yerlan")
    link_records(full=True)
    assert person_of("Болатович") == person_of("Yerlan")


def test_acceptance_merges_and_survives_a_full_rerun(tmp_path):
    ngo(tmp_path)
    press(tmp_path)
    link_records()
    a = Record.objects.get(full_name__icontains="Маратович")
    b = Record.objects.get(full_name__icontains="Yerlan")
    decide_pair(b.pk, a.pk, PairDecision.Verdict.SAME, actor="reviewer", note="family confirmed")
    assert person_of("Маратович") == person_of("Yerlan")
    link_records(full=True)
    assert person_of("Маратович") == person_of("Yerlan")
    # the earlier record of the pair comes first whatever order the reviewer named them in
    stored = PairDecision.objects.get()
    assert stored.record_a_id < stored.record_b_id and stored.note == "family confirmed"


def test_bad_requests_are_refused_with_a_clear_message(tmp_path):
    ngo(tmp_path)
    record = Record.objects.first()
    with pytest.raises(LinkageError, match="itself"):
        decide_pair(record.pk, record.pk, "same")
    with pytest.raises(LinkageError, match="unknown verdict"):
        decide_pair(record.pk, record.pk + 1, "maybe")
    with pytest.raises(LinkageError, match="does not exist"):
        decide_pair(record.pk, 10_000, "same")
    with pytest.raises(LinkageError, match="between 0 and 1"):
        link_records(threshold=1.5)
    with pytest.raises(LinkageError, match="unknown linkage backend"):
        link_records(backend="oracle")  # type: ignore[arg-type]


def test_uncertain_pairs_are_queued_most_informative_first(tmp_path):
    ngo(tmp_path)
    press(tmp_path)
    # a strict threshold leaves the likely-but-not-certain pairs to reviewers
    result = link_records(threshold=0.999999)
    queue = list(CandidatePair.objects.filter(status=CandidatePair.Status.PENDING))
    assert result.queued == len(queue) > 0
    assert [c.priority for c in queue] == sorted(c.priority for c in queue)
    first = queue[0]
    assert set(first.contributions) >= {"surname", "given_name", "birth"}
    decide_pair(first.record_a_id, first.record_b_id, "unsure")
    first.refresh_from_db()
    assert first.status == CandidatePair.Status.DECIDED
    # a new run replaces the pending queue and does not ask again about a decided pair
    link_records(threshold=0.999999)
    assert CandidatePair.objects.filter(status=CandidatePair.Status.STALE).exists()


INITIALS = ("Фамилия, инициалы", "Регион")


def test_an_official_list_of_initials_joins_the_dead_and_asks_about_the_rest(tmp_path):
    import_rows(
        tmp_path,
        [
            (
                "1",
                "Серикбаев Ерлан Болатович",
                "12.03.1985",
                "г. Алматы",
                "погиб",
                "06.01.2022",
                "",
            ),
            ("2", "Оспанов Марат", "", "Тараз", "освобождён", "10.01.2022", ""),
            ("3", "Оспанов Мурат", "", "Тараз", "погиб", "06.01.2022", ""),
            ("4", "Байжанов Тимур", "", "Астана", "погиб", "07.01.2022", ""),
            ("5", "Байжанов Талгат", "", "Астана", "погиб", "07.01.2022", ""),
        ],
    )
    make_source("official-initials", kind="official_list", default_fate="killed")
    import_rows(
        tmp_path,
        [("Серикбаев Е.Б.", "Алматы"), ("Оспанов М.", "Тараз"), ("Байжанов Т.", "Нур-Султан")],
        source="official-initials",
        headers=INITIALS,
        filename="initials.csv",
    )
    result = link_records()
    assert person_of("Серикбаев Е.") == person_of("Серикбаев Ерлан")
    assert person_of("Оспанов М.") == person_of("Оспанов Мурат")  # the dead one, not Марат
    assert person_of("Байжанов Т.") not in (person_of("Тимур"), person_of("Талгат"))
    asked = CandidatePair.objects.filter(
        status=CandidatePair.Status.PENDING, record_b__full_name="Байжанов Т."
    )
    assert asked.count() == 2
    assert {c.group_size for c in asked} == {2} and len({c.group_key for c in asked}) == 1
    assert all("one of these 2" in c.why_queued for c in asked)
    assert any("surname and initials joined a person" in note for note in result.notes)


def test_a_spark_master_needs_the_spark_backend():
    with pytest.raises(LinkageError, match="only used with the spark backend"):
        link_records(backend="duckdb", spark_master="spark://127.0.0.1:7077")


def test_a_spark_work_folder_that_cannot_be_made_is_named(tmp_path, monkeypatch):
    monkeypatch.setenv("TIZIM_SPARK_DIR", str(tmp_path / "not-mounted"))
    with pytest.raises(LinkageError, match=r"TIZIM_SPARK_DIR=.*not-mounted"):
        link_records(backend="spark", spark_master="spark://127.0.0.1:7077")
