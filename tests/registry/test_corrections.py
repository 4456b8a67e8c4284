"""Correcting where it is seen (services): a record's reading corrected as a new version, a
quarantined row fixed and re-admitted, merges, splits and moves by hand, notes, sources — each
audited, each undoable, raw values untouched."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied

from tests.factories import import_rows, make_staff
from tizim.audit.models import AuditEntry
from tizim.audit.selectors import verify_chain
from tizim.linkage.incremental import link_new_records
from tizim.linkage.services import link_records
from tizim.registry import annotations, person_changes, selectors
from tizim.registry.corrections import (
    CorrectionError,
    correct_record,
    readmit_record,
    undo_correction,
)
from tizim.registry.errors import RegistryError
from tizim.registry.integrity import verify_records
from tizim.registry.models import Record, RecordCorrection, Source
from tizim.registry.selectors import linkable_records, quarantined_records
from tizim.registry.sources import create_source, update_source

pytestmark = pytest.mark.django_db

ROWS = [
    (
        "1",
        "Серикбаев Ерлан Болатович",
        "12.03.1985",
        "г. Алматы",
        "пропал без вести",
        "06.01.2022",
        "",
    ),
    ("2", "Жумабекова Айгерим", "1990 г.р.", "Талдыкорган", "задержана", "31.02.2022", ""),
    ("3", "Ахметов Нурлан", "02.02.1977", "Алматы", "задержан", "05.01.2022", ""),
]


@pytest.fixture
def reviewer(db):
    return make_staff("reviewer", "reviewer")


@pytest.fixture
def volunteer(db):
    return make_staff("volunteer", "volunteer")


@pytest.fixture
def rows(tmp_path):
    import_rows(tmp_path, ROWS, obtained_on=datetime.date(2022, 1, 10))
    return {r.row_number: r for r in Record.objects.all()}


def test_a_correction_is_a_new_version_in_the_records_place(rows, reviewer):
    record = rows[2 + 0]  # row 2 of the sheet: Серикбаев
    person = record.person
    raw = record.raw_json
    done = correct_record(
        record, {"fate": "задержан", "event_date": "07.01.2022"}, actor=reviewer, note="call"
    )
    new = done.corrected
    assert (new.fate, new.event_date) == ("detained", datetime.date(2022, 1, 7))
    assert new.previous_version_id == record.pk and new.raw_json == raw
    assert done.changes == {
        "fate": ["missing", "detained"],
        "event_date": ["2022-01-06", "2022-01-07"],
    }
    record.refresh_from_db()
    assert record.fate == "missing" and record.person_id is None  # kept, set aside
    assert new.person_id == person.pk
    assert list(person.fate_events.values_list("fate", flat=True)) == ["detained"]
    # linkage reads the new version only
    assert record.pk not in {r["pk"] for r in linkable_records()}
    entry = AuditEntry.objects.filter(action="record.correct").get()
    assert entry.actor == "reviewer" and entry.details["replaces"] == record.pk
    assert verify_chain().ok and not verify_records().problems


def test_undoing_a_correction_brings_the_reading_back(rows, reviewer):
    record = rows[2]
    done = correct_record(record, {"birth_date": "1984"}, actor=reviewer)
    assert (done.corrected.birth_date, done.corrected.birth_year_min) == (None, 1984)
    restored = undo_correction(done, actor=reviewer)
    version = restored.corrected
    assert (
        version.birth_date == datetime.date(1985, 3, 12) and version.person_id == record.person_id
    )
    done.refresh_from_db()
    assert done.undone_by == restored
    with pytest.raises(CorrectionError, match="already undone"):
        undo_correction(done, actor=reviewer)
    assert not verify_records().problems


def test_a_correction_that_cannot_be_read_or_changes_nothing_is_refused(rows, reviewer):
    record = rows[2]
    with pytest.raises(CorrectionError, match="date"):
        correct_record(record, {"event_date": "31.02.2022"}, actor=reviewer)
    with pytest.raises(CorrectionError, match="nothing was changed"):
        correct_record(record, {"fate": "пропал без вести"}, actor=reviewer)
    correct_record(record, {"place": "Astana"}, actor=reviewer)
    with pytest.raises(CorrectionError, match="not the current version"):
        correct_record(record, {"place": "Taraz"}, actor=reviewer)
    assert RecordCorrection.objects.count() == 1


def test_volunteers_may_not_correct_records(rows, volunteer):
    with pytest.raises(PermissionDenied):
        correct_record(rows[2], {"fate": "killed"}, actor=volunteer)


def test_a_fixed_quarantined_row_is_readmitted_and_linked(tmp_path, rows, reviewer):
    quarantined = rows[3]  # the impossible date 31.02.2022
    assert "date" in quarantined.quarantine_reason and quarantined.person_id is None
    cells = [value for _, value in quarantined.raw.items()]
    with pytest.raises(CorrectionError, match="still cannot be read"):
        readmit_record(quarantined, cells, actor=reviewer)
    cells[5] = "01.02.2022"
    done = readmit_record(quarantined, cells, actor=reviewer, note="typo in the month")
    new = done.corrected
    assert new.quarantine_reason == "" and new.event_date == datetime.date(2022, 2, 1)
    assert new.raw_json == quarantined.raw_json and new.previous_version == quarantined
    assert done.changes == {"Дата": ["31.02.2022", "01.02.2022"]}
    assert new.person_id is not None
    assert quarantined.pk not in {r.pk for r in quarantined_records()}
    # linked like a new row: the same woman on another list joins her
    link_records()
    import_rows(
        tmp_path,
        [("Aigerim Zhumabekova", "32", "Taldykorgan", "released", "February 3, 2022")],
        source="press",
        headers=("Name", "Age", "City", "Status", "Date"),
        filename="press.csv",
    )
    outcome = link_new_records()
    assert outcome.joined_existing == 1
    assert (
        Record.objects.get(source__name="press").person_id
        == Record.objects.get(pk=new.pk).person_id
    )
    # undone: back to quarantine, out of any person
    restored = undo_correction(done, actor=reviewer).corrected
    assert (
        restored.quarantine_reason == quarantined.quarantine_reason and restored.person_id is None
    )
    assert not verify_records().problems


def test_merge_split_move_and_undo_by_hand(rows, reviewer, volunteer):
    a, c = rows[2], rows[4]
    person_a, person_c = a.person, c.person
    with pytest.raises(PermissionDenied):
        person_changes.merge_into(person_a, person_c, actor=volunteer)
    merge = person_changes.merge_into(person_a, person_c, actor=reviewer, reason="same man")
    assert Record.objects.get(pk=c.pk).person_id == person_a.pk
    with pytest.raises(RegistryError, match="holds no records"):
        person_changes.merge_into(person_a, person_c, actor=reviewer)
    assert selectors.undoable_changes(person_a) == [merge]
    person_changes.undo(merge, actor=reviewer)
    assert Record.objects.get(pk=c.pk).person_id == person_c.pk
    # split off, then moved on: the split can no longer be undone, the move can
    person_changes.merge_into(person_a, person_c, actor=reviewer)
    split = person_changes.split_off(person_a, [c.pk], actor=reviewer)
    apart = Record.objects.get(pk=c.pk).person
    assert apart.pk not in (person_a.pk, person_c.pk)
    with pytest.raises(RegistryError, match="at least one record"):
        person_changes.split_off(apart, [c.pk], actor=reviewer)
    move = person_changes.move_to(apart, [c.pk], person_c, actor=reviewer)
    assert Record.objects.get(pk=c.pk).person_id == person_c.pk
    assert split not in selectors.undoable_changes(person_a)
    with pytest.raises(RegistryError, match="moved again later"):
        person_changes.undo(split, actor=reviewer)
    person_changes.undo(move, actor=reviewer)
    assert Record.objects.get(pk=c.pk).person_id == apart.pk
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"person.merge", "person.split", "person.move", "person.undo"} <= actions


def test_notes_are_written_and_withdrawn_by_whom_the_roles_allow(rows, reviewer, volunteer):
    person = rows[2].person
    note = annotations.annotate(
        person, "  Sister called: he was seen in Алматы SIZO.  ", actor=volunteer
    )
    assert note.text == "Sister called: he was seen in Алматы SIZO." and note.author == "volunteer"
    other = make_staff("volunteer2", "volunteer")
    with pytest.raises(PermissionDenied):
        annotations.withdraw_note(note, actor=other)
    annotations.withdraw_note(note, actor=reviewer)
    note.refresh_from_db()
    assert note.withdrawn_by == "reviewer" and note.withdrawn_at
    with pytest.raises(RegistryError, match="empty"):
        annotations.annotate(person, "   ", actor=volunteer)
    analyst = make_staff("analyst", "analyst")
    with pytest.raises(PermissionDenied):
        annotations.annotate(person, "x", actor=analyst)
    assert AuditEntry.objects.filter(action__startswith="person.note").count() == 2


def test_a_source_is_edited_with_what_changed_audited(db, reviewer, volunteer):
    source = create_source("radio", kind="radio_list", actor="test")
    with pytest.raises(PermissionDenied):
        update_source(source, actor=volunteer, kind="radio_list", title="x")
    update_source(
        source,
        actor=reviewer,
        kind="radio_list",
        title="Radio list of the dead",
        language="ru",
        obtained_on=datetime.date(2022, 1, 20),
        default_fate="погиб",
    )
    source = Source.objects.get(name="radio")
    assert (source.title, source.default_fate, source.language) == (
        "Radio list of the dead",
        "killed",
        "ru",
    )
    entry = AuditEntry.objects.get(action="source.update")
    assert entry.details["changes"]["default_fate"] == ["", "killed"]
    with pytest.raises(RegistryError, match="fate"):
        update_source(source, actor=reviewer, kind="radio_list", title="x", default_fate="maybe")


def test_a_reviewers_decision_is_withdrawn_not_undone_by_hand(rows, reviewer):
    from tizim.linkage.services import decide_pair

    a, c = rows[2], rows[4]
    decision = decide_pair(a.pk, c.pk, "same", actor=reviewer)
    person = Record.objects.get(pk=a.pk).person
    assert decision.change not in selectors.undoable_changes(person)
    with pytest.raises(RegistryError, match="withdraw the decision"):
        person_changes.undo(decision.change, actor=reviewer)
