"""A list whose every row shares one fate (a list of the dead) says so once: on the source or
on the import, and its rows without a status of their own take it."""

from __future__ import annotations

import datetime

import pytest

from tests.factories import make_source, write_csv
from tizim.registry.errors import RegistryError
from tizim.registry.exports import write_export
from tizim.registry.importing import import_table
from tizim.registry.models import ImportBatch, Person, Record, Source
from tizim.registry.restore import restore_export
from tizim.registry.sources import list_fate, set_source_fate

pytestmark = pytest.mark.django_db
D = datetime.date

DEAD = (
    ("ФИО", "Дата рождения", "Место гибели"),
    [
        ("АБДУЛЛАЕВА БАЯН МУХТАРОВНА", "18.02.2000", "Уральск"),
        ("КУДАЙБЕРДИЕВ АСЕТ ТОЛЕГЕНОВИЧ", "09.10.1993", "Алматы"),
    ],
)


def dead_list(tmp_path, name="official.csv"):
    return write_csv(tmp_path / name, *DEAD)


@pytest.mark.parametrize("word", ["killed", "погиб", "қаза тапты", "KILLED"])
def test_a_lists_fate_is_any_word_for_a_fate(word):
    assert list_fate(word) == "killed"
    assert list_fate("") == "" and list_fate("none") == ""


def test_a_word_for_no_fate_is_refused_with_the_choices():
    with pytest.raises(RegistryError, match="killed"):
        list_fate("unknown-status")


def test_rows_without_a_status_take_the_sources_fate_and_count_as_dead(tmp_path):
    make_source("official", kind="official_list", obtained_on=D(2022, 8, 20), default_fate="погиб")
    summary = import_table(dead_list(tmp_path), source_name="official")
    assert summary.default_fate == "killed" and summary.default_fate_rows == 2
    assert set(Record.objects.values_list("fate", flat=True)) == {"killed"}
    batch = ImportBatch.objects.get()
    assert (batch.default_fate, batch.default_fate_rows) == ("killed", 2)
    for person in Person.objects.all():
        assert person.fate_on(D(2022, 12, 1)).fate == "killed"
    assert summary.hints == []


def test_a_rows_own_status_wins_over_the_lists_fate(tmp_path):
    make_source("ngo", default_fate="killed")
    path = write_csv(
        tmp_path / "ngo.csv",
        ("ФИО", "Статус"),
        [("Оспанова Айгерим", "задержана"), ("Серикбаев Ерлан", ""), ("Ахметов Ержан", "???")],
    )
    summary = import_table(path, source_name="ngo")
    fates = dict(Record.objects.values_list("row_number", "fate"))
    assert fates[2] == "detained" and fates[3] == "killed"
    assert fates[4] == "" and summary.quarantined_total == 1  # unreadable: quarantined, not killed
    assert summary.default_fate_rows == 1


def test_the_imports_fate_overrides_the_sources_for_that_file(tmp_path):
    make_source("official", kind="official_list", default_fate="detained")
    summary = import_table(dead_list(tmp_path), source_name="official", default_fate="killed")
    assert summary.default_fate == "killed"
    assert set(Record.objects.values_list("fate", flat=True)) == {"killed"}
    assert Source.objects.get().default_fate == "detained"


def test_a_fate_said_later_reaches_the_rows_already_imported(tmp_path):
    make_source("official", kind="official_list", obtained_on=D(2022, 8, 20))
    first = import_table(dead_list(tmp_path), source_name="official")
    assert first.default_fate_rows == 0 and set(Record.objects.values_list("fate", flat=True)) == {
        ""
    }
    set_source_fate("official", "killed")
    dry = import_table(dead_list(tmp_path), source_name="official", dry_run=True)
    assert dry.unchanged == 2 and dry.default_fate_rows == 2
    assert set(Record.objects.values_list("fate", flat=True)) == {""}
    again = import_table(dead_list(tmp_path), source_name="official")
    assert again.unchanged == 2 and again.default_fate_rows == 2
    assert set(Record.objects.values_list("fate", flat=True)) == {"killed"}
    for person in Person.objects.all():
        assert person.fate_on(D(2022, 12, 1)).fate == "killed"


def test_a_list_of_the_dead_without_a_status_or_fate_gets_a_suggestion_not_a_guess(tmp_path):
    make_source("official", kind="official_list")
    summary = import_table(dead_list(tmp_path), source_name="official", dry_run=True)
    assert len(summary.hints) == 1 and "--fate killed" in summary.hints[0]
    assert summary.default_fate == ""
    make_source("ngo")  # a lawyer's sheet is of many fates: no suggestion
    assert import_table(dead_list(tmp_path), source_name="ngo", dry_run=True).hints == []


def test_export_and_restore_keep_the_sources_fate(tmp_path):
    make_source("official", kind="official_list", default_fate="killed")
    import_table(dead_list(tmp_path), source_name="official")
    exported = tmp_path / "records.csv"
    write_export("records", "csv", exported)
    # Records are never deleted: the source is renamed, so the restore makes it again.
    Source.objects.filter(name="official").update(name="official-before", default_fate="")
    restore_export(exported)
    assert Source.objects.get(name="official").default_fate == "killed"


def test_the_lists_fate_reaches_rows_parsed_in_worker_processes(tmp_path):
    make_source("official", kind="official_list")
    rows = [(f"Оспанов Нурлан{'а' * (i % 3)}", "1990", "Алматы") for i in range(3000)]
    path = write_csv(tmp_path / "big.csv", DEAD[0], rows)
    summary = import_table(path, source_name="official", parallel=True, default_fate="killed")
    assert summary.default_fate_rows == 3000
    assert set(Record.objects.values_list("fate", flat=True)) == {"killed"}
