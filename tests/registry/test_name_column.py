"""Lists whose name column no header names: found by its content, or the import refused."""

from __future__ import annotations

import tomllib

import pytest

from tests.factories import make_source, write_csv
from tizim.audit.models import AuditEntry
from tizim.core.errors import ParseError
from tizim.registry.importing import import_table
from tizim.registry.models import ImportBatch, Record

pytestmark = pytest.mark.django_db


def import_list(tmp_path, headers, rows, **options):
    """Import a CSV list of these headers and rows into a fresh source "list"."""
    make_source("list")
    return import_table(
        write_csv(tmp_path / "list.csv", headers, rows), source_name="list", **options
    )


@pytest.mark.parametrize(
    ("headers", "rows"),
    [
        (  # Russian, a header nobody foresaw
            ("Кто", "Город", "Статус"),
            [
                ("Серикбаев Ерлан Болатович", "г. Алматы", "погиб"),
                ("Оспанова Айгерим", "Тараз", "задержана"),
            ],
        ),
        (  # Kazakh
            ("Қаза болғандар", "Жасы", "Қаласы"),
            [("Жанұзақ Сапарбаев", "28", "Жаңаөзен"), ("Мейрам Оңдасынов", "25", "Тараз")],
        ),
        (  # Latin
            ("Victim", "Age", "City"),
            [("Nurbek Seydakhmetov", "60", "Taraz"), ("Aset Sharipov", "50", "Aqtobe")],
        ),
        (  # surnames with initials, the name column not first
            ("Облыс", "Погибшие"),
            [
                ("Алматы", "Серикбаев Е.Б."),
                ("Кызылорда", "Сапарбаев Д. А."),
                ("Алматы", "Оспанов М."),
            ],
        ),
    ],
    ids=["ru", "kk", "latin", "initials"],
)
def test_a_name_column_no_header_names_is_found_by_its_content(tmp_path, headers, rows):
    summary = import_list(tmp_path, headers, rows)
    assert summary.quarantined_total == 0 and summary.imported == len(rows)
    name_column = next(i for i, f in summary.sheets[0].column_map.items() if f == "full_name")
    assert headers[name_column] in ("Кто", "Қаза болғандар", "Victim", "Погибшие")
    assert all(r.surname for r in Record.objects.all())
    assert ImportBatch.objects.get().column_map[""][str(name_column)] == "full_name"


def test_the_initials_header_is_recognised(tmp_path):
    summary = import_list(
        tmp_path,
        ("Фамилия, инициалы", "Регион"),
        [("Серикбаев Е.Б.", "Алматы"), ("Оспанов М.", "Алматинская область")],
    )
    assert summary.quarantined_total == 0
    record = Record.objects.get(row_number=2)
    assert (record.surname, record.given_name, record.patronymic) == ("Серикбаев", "Е.", "Б.")
    assert record.place_code


def test_the_place_of_death_is_the_place(tmp_path):
    import_list(
        tmp_path,
        ("ФИО", "Дата рождения", "Место гибели"),
        [("АБДУЛЛАЕВА БАЯН МУХТАРОВНА", "18.02.2000", "Уральск")],
    )
    assert Record.objects.get().place_code


NO_NAMES = (
    ("Город", "Статус", "Дата", "Телефон"),
    [("г. Алматы", "погиб", "06.01.2022", "+7 700 000 00 00"), ("Тараз", "задержан", "07.01", "")],
)


@pytest.mark.parametrize("dry_run", [False, True])
def test_a_list_without_a_name_column_is_refused_and_nothing_is_written(tmp_path, dry_run):
    make_source("list")
    audited = AuditEntry.objects.count()
    with pytest.raises(ParseError) as refused:
        import_list(tmp_path, *NO_NAMES, dry_run=dry_run)
    assert "no column holds a person's name" in refused.value.reason
    assert "'Город', 'Статус', 'Дата', 'Телефон'" in refused.value.headline
    columns = tomllib.loads(refused.value.mapping)["columns"]
    assert columns == {"Город": "place", "Статус": "fate", "Дата": "event_date", "Телефон": ""}
    assert Record.objects.count() == 0 and ImportBatch.objects.count() == 0
    assert AuditEntry.objects.count() == audited


def test_a_mapping_that_ignores_the_only_name_column_is_refused(tmp_path):
    with pytest.raises(ParseError):
        import_list(
            tmp_path, ("Кто", "Город"), [("Оспанова Айгерим", "Тараз")], mapping={"Кто": ""}
        )
    assert Record.objects.count() == 0


def test_a_list_with_headers_only_is_not_refused(tmp_path):
    assert import_list(tmp_path, ("Город", "Статус"), []).rows_read == 0


def test_a_surname_column_holding_whole_names_is_read_as_whole_names(tmp_path):
    summary = import_list(
        tmp_path,
        ("Фамилия", "Регион"),
        [("Серикбаев Е.Б.", "Алматы"), ("Оспанова Айгерим Маратовна", "Тараз")],
    )
    assert summary.sheets[0].column_map == {0: "full_name", 1: "place"}
    first, second = Record.objects.order_by("row_number")
    assert (first.surname, first.given_name, first.patronymic) == ("Серикбаев", "Е.", "Б.")
    assert (second.surname, second.given_name) == ("Оспанова", "Айгерим")


def test_a_surname_column_beside_a_given_name_column_stays_a_surname(tmp_path):
    rows = [("Абенов-Ким", "Нурлан"), ("Оспанова", "Айгерим")]
    summary = import_list(tmp_path, ("Фамилия", "Имя"), rows)
    assert summary.sheets[0].column_map == {0: "surname", 1: "given_name"}
