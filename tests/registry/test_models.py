"""Model rules of the registry: immutable raw values, membership history, fate timelines."""

from __future__ import annotations

import datetime

import pytest
from django.db import DatabaseError, connection, transaction

from tests.factories import import_rows
from tizim.registry.membership import merge_persons, split_records, undo_change
from tizim.registry.models import FateEvent, Membership, Person, RawValuesImmutableError, Record

pytestmark = pytest.mark.django_db(transaction=False)
D = datetime.date


@pytest.fixture
def two_lists(tmp_path):
    import_rows(
        tmp_path,
        [
            (
                "1",
                "Серикбаев Ерлан Болатович",
                "12.03.1985",
                "г. Алматы",
                "пропал без вести",
                "06.01.2022",
                "",
            ),
            (
                "2",
                "Жумабекова Айгерим",
                "1990 г.р.",
                "Талдыкорган",
                "задержана",
                "07.01.2022",
                "ИВС",
            ),
        ],
        obtained_on=D(2022, 1, 10),
    )
    import_rows(
        tmp_path,
        [("Ерлан Серікбаев", "37", "Алматы", "ұсталды", "08.01.2022")],
        source="radio-list",
        headers=("Аты-жөні", "Жасы", "Қаласы", "Мәртебесі", "Күні"),
        filename="radio.csv",
        obtained_on=D(2022, 1, 20),
    )
    return Record.objects.order_by("pk")


def test_raw_values_cannot_be_changed_through_the_model(two_lists):
    record = two_lists.first()
    record.raw_json = record.raw_json.replace("Серикбаев", "Иванов")
    with pytest.raises(RawValuesImmutableError):
        record.save()


def test_raw_values_cannot_be_changed_even_by_a_bulk_update(two_lists):
    record = two_lists.first()
    with pytest.raises(DatabaseError), transaction.atomic():
        Record.objects.filter(pk=record.pk).update(raw_json='{"ФИО": "forged"}')
    record.refresh_from_db()
    assert record.raw["ФИО"] == "Серикбаев Ерлан Болатович"


def test_raw_values_cannot_be_changed_by_raw_sql(two_lists):
    record = two_lists.first()
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE registry_record SET row_number = 99 WHERE id = %s", [record.pk])
    record.refresh_from_db()
    assert record.row_number == 2


def test_parsed_fields_can_be_recomputed(two_lists):
    record = two_lists.first()
    record.place_code = "almaty"
    record.notes = "checked by phone"
    record.save()
    record.refresh_from_db()
    assert record.notes == "checked by phone"


def test_each_imported_record_starts_as_its_own_person(two_lists):
    assert Person.objects.filter(records__isnull=False).distinct().count() == 3
    for record in two_lists:
        assert record.memberships.get(closed_by__isnull=True).person_id == record.person_id


def test_membership_history_survives_a_merge_and_its_undo(two_lists):
    ngo, _, radio = list(two_lists)
    keep, absorb = ngo.person, radio.person
    change = merge_persons(keep, absorb, reason="same man", actor="reviewer")
    radio.refresh_from_db()
    assert radio.person_id == keep.pk
    history = list(Membership.objects.filter(record=radio).order_by("id"))
    assert [m.person_id for m in history] == [absorb.pk, keep.pk]
    assert history[0].closed_by_id == change.pk and history[1].closed_by_id is None

    undo_change(change, actor="reviewer")
    radio.refresh_from_db()
    assert radio.person_id == absorb.pk
    assert Membership.objects.filter(record=radio).count() == 3
    assert Record.objects.count() == 3  # nothing ever deleted


def test_a_split_moves_records_to_a_new_person_and_can_be_undone(two_lists):
    ngo, _, radio = list(two_lists)
    merge_persons(ngo.person, radio.person)
    merged = Person.objects.get(pk=ngo.person_id)
    assert merged.records.count() == 2
    split = split_records([radio.pk], reason="different birth years")
    radio.refresh_from_db()
    assert radio.person_id not in (merged.pk, None)
    undo_change(split)
    radio.refresh_from_db()
    assert radio.person_id == merged.pk


def test_undo_is_refused_when_a_later_change_moved_the_records(two_lists):
    from tizim.registry.errors import RegistryError

    ngo, _, radio = list(two_lists)
    first = merge_persons(ngo.person, radio.person)
    split_records([radio.pk])
    with pytest.raises(RegistryError, match="moved again later"):
        undo_change(first)


def test_fate_on_follows_the_timeline_of_merged_records(two_lists):
    ngo, _, radio = list(two_lists)
    merge_persons(ngo.person, radio.person)
    person = Person.objects.get(pk=ngo.person_id)
    assert person.fate_on(D(2022, 1, 5)) is None
    assert person.fate_on(D(2022, 1, 6)).fate == "missing"
    assert person.fate_on(D(2022, 1, 7)).fate == "missing"
    assert person.fate_on(D(2022, 1, 8)).fate == "detained"
    assert person.fate_on(D(2022, 1, 22)).fate == "detained"
    # What was known on 15 January: the radio list saying "detained" came only on the 20th.
    assert person.fate_on(D(2022, 1, 15), known_by=D(2022, 1, 15)).fate == "missing"
    event = person.fate_on(D(2022, 1, 8))
    assert [r.source.name for r in event.records.all()] == ["radio-list"]


def test_fate_events_follow_records_out_of_a_person(two_lists):
    ngo, _, radio = list(two_lists)
    merge_persons(ngo.person, radio.person)
    split_records([radio.pk])
    person = Person.objects.get(pk=ngo.person_id)
    assert person.fate_on(D(2022, 1, 22)).fate == "missing"


def _indexes_of(table: str) -> dict[str, dict]:
    with connection.cursor() as cursor:
        return {
            name: info
            for name, info in connection.introspection.get_constraints(cursor, table).items()
            if info["index"]
        }


def test_import_pays_for_no_index_that_no_query_reads():
    """Migration registry 0003: the indexes every imported row would feed and none reads."""
    citations = _indexes_of(FateEvent.records.through._meta.db_table)
    assert [i["columns"] for i in citations.values() if not i["unique"]] == [["record_id"]]
    assert not [name for name in _indexes_of(Person._meta.db_table) if name.endswith("_like")], (
        "public ids are looked up whole; no LIKE index"
    )
    closed_by = _indexes_of(Membership._meta.db_table)["membership_closed_by"]
    assert closed_by["columns"] == ["closed_by_id"]
