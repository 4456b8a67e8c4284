"""The demo generator: fictional, deterministic, overlapping lists in real shapes, with truth."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

from tizim.core.demo import BANNER, generate_demo, write_demo
from tizim.core.fates import Fate
from tizim.core.headers import map_headers

REAL_PEOPLE = (
    "Торегожина",
    "Toregozhina",
    "Жағыпаров",
    "Zhagiparov",
    "Есенғазы",
    "Yesengazy",
    "Абжан",
    "Abzhan",
    "Достияров",
    "Dostyarev",
    "Abichev",
)


@pytest.fixture(scope="module")
def demo():
    return generate_demo(persons=600, seed=2022)


def sources(demo):
    return {s.name: s for s in demo.sources}


def test_deterministic_for_a_seed(demo):
    again = generate_demo(persons=600, seed=2022)
    assert again.sources == demo.sources and again.truth == demo.truth
    assert generate_demo(persons=600, seed=7).sources != demo.sources


def test_the_six_lists_and_their_headers(demo):
    by_name = sources(demo)
    assert set(by_name) == {
        "ngo-sheet-week1",
        "ngo-sheet-week2",
        "radio-list",
        "official-list",
        "press-list",
        "web-form",
    }
    assert by_name["ngo-sheet-week1"].headers == (
        "№",
        "ФИО",
        "Дата рождения",
        "Город",
        "Статус",
        "Дата",
        "Место содержания",
        "Примечание",
    )
    assert by_name["radio-list"].headers == ("Аты-жөні", "Жасы", "Қаласы", "Мәртебесі", "Күні")
    assert by_name["official-list"].headers == (
        "№",
        "Фамилия",
        "Имя",
        "Отчество",
        "Дата рождения",
        "Регион",
    )
    assert by_name["press-list"].language == "en"
    for source in demo.sources:
        mapped = map_headers(source.headers)
        assert len(mapped) == len(source.headers), (source.name, source.headers)


def test_truth_covers_every_row_but_the_deliberately_broken(demo):
    for source in demo.sources:
        covered = {row for (name, row) in demo.truth if name == source.name}
        missing = set(range(2, len(source.rows) + 2)) - covered
        assert len(missing) <= 4, (source.name, missing)
    people = {p.person_id for p in demo.people}
    assert set(demo.truth.values()) <= people


def test_overlaps_are_as_lists_really_overlap(demo):
    by_name = sources(demo)
    killed = {p.person_id for p in demo.people if any(f.is_death for _, f in p.timeline)}
    radio = {pid for (n, _), pid in demo.truth.items() if n == "radio-list"}
    official = {pid for (n, _), pid in demo.truth.items() if n == "official-list"}
    assert radio <= killed and official <= killed
    assert 0.4 < len(radio) / len(killed) < 0.7
    assert 0.7 < len(official) / len(killed) < 0.9
    ngo = {pid for (n, _), pid in demo.truth.items() if n == "ngo-sheet-week1"}
    assert 0.5 < len(ngo) / len(demo.people) < 0.75
    assert len(radio & official) > 10 and len(ngo & official) > 10
    assert len(by_name["web-form"].rows) > len(
        set(pid for (n, _), pid in demo.truth.items() if n == "web-form")
    )  # some reported twice


def test_official_list_often_has_initials_only(demo):
    rows = sources(demo)["official-list"].rows
    initials = [r for r in rows if r[2].endswith(".")]
    assert 0.25 < len(initials) / len(rows) < 0.55
    assert all(r[1] == r[1].upper() for r in rows)


def test_week2_moves_statuses_adds_and_removes_rows(demo):
    by_name = sources(demo)
    week1 = {r[0]: r for r in by_name["ngo-sheet-week1"].rows if r[0] and r[1]}
    week2 = {r[0]: r for r in by_name["ngo-sheet-week2"].rows if r[0]}
    shared = set(week1) & set(week2)
    moved = [i for i in shared if week1[i][4] != week2[i][4]]
    assert 0.05 < len(moved) / len(shared) < 0.5
    assert all(week1[i][1] == week2[i][1] for i in moved)  # edited, not retyped
    assert len(set(week2) - set(week1)) >= 5
    assert len(set(week1) - set(week2)) >= 3


def test_hard_cases_are_present(demo):
    names = Counter((p.surname, p.given_name, p.city) for p in demo.people)
    assert any(n >= 2 for n in names.values())  # namesakes in one city
    by_key = {(p.surname, p.given_name): p for p in demo.people}
    assert (
        by_key[("Оспанов", "Нұрлан")].patronymic[:5] == by_key[("Оспанов", "Нұржан")].patronymic[:5]
    )
    son = by_key[("Қасымов", "Асет")]
    assert son.patronymic.startswith(by_key[("Қасымов", "Марат")].given_name)
    assert [f for _, f in son.timeline] == [Fate.MISSING, Fate.KILLED]


def test_the_broken_rows_are_there(demo):
    rows = sources(demo)["ngo-sheet-week1"].rows
    assert any(not any(r) for r in rows)
    assert any("31.02.2022" in r for r in rows)
    assert any("???" in r for r in rows)


def test_only_fictional_names(demo):
    text = " ".join(" ".join(r) for s in demo.sources for r in s.rows)
    for real in REAL_PEOPLE:
        assert real not in text


def test_write_demo(tmp_path: Path, demo):
    paths = write_demo(demo, tmp_path)
    assert [p.name for p in paths] == [s.filename for s in demo.sources]
    assert BANNER in (tmp_path / "README.txt").read_text(encoding="utf-8")
    with paths[0].open(encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    assert tuple(rows[0]) == demo.sources[0].headers and len(rows) == len(demo.sources[0].rows) + 1
    with (tmp_path / "truth.csv").open(encoding="utf-8") as fh:
        assert sum(1 for _ in fh) == len(demo.truth) + 1


@pytest.mark.slow
def test_large_sets_for_benchmarks():
    big = generate_demo(persons=20_000, seed=1)
    assert len(big.people) == 20_000 and len(big.truth) > 20_000
