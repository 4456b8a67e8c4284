"""The demo generator: fictional, deterministic, overlapping lists in real shapes, with truth."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

from tizim.core.demo.dataset import DemoDataset, DemoSource, generate_demo, write_demo
from tizim.core.demo.people import HARD_CASES
from tizim.core.demo.spelling import latin, to_russian
from tizim.core.demo.vocabulary import BANNER, FEMALE, MALE, SURNAMES
from tizim.core.fates import Fate, parse_fate
from tizim.core.headers import map_headers

# Names of real people from the articles the project was modelled on, and of well-known public
# figures: none may appear in the fictional lists.
REAL_PEOPLE = (
    "Торегожина",
    "Toregozhina",
    "Жағыпаров",
    "Жагипаров",
    "Zhagiparov",
    "Есенғазы",
    "Yesengazy",
    "Абжан",
    "Abzhan",
    "Достияров",
    "Dostyarev",
    "Abichev",
    "Назарбаев",
    "Nazarbayev",
    "Тоқаев",
    "Токаев",
    "Tokayev",
    "Масимов",
    "Massimov",
)
HEADERS = {
    "ngo-sheet-week1": (
        "№",
        "ФИО",
        "Дата рождения",
        "Город",
        "Статус",
        "Дата",
        "Место содержания",
        "Примечание",
    ),
    "radio-list": ("Аты-жөні", "Жасы", "Қаласы", "Мәртебесі", "Күні"),
    "official-list": ("№", "Фамилия", "Имя", "Отчество", "Дата рождения", "Регион"),
    "press-list": ("Name", "Age", "City", "Status", "Date", "Notes"),
    "web-form": ("Name", "Date of birth", "City", "What happened", "Date", "Where held", "Notes"),
}
HEADERS["ngo-sheet-week2"] = HEADERS["ngo-sheet-week1"]
STATUS_COLUMN = {
    "ngo-sheet-week1": 4,
    "ngo-sheet-week2": 4,
    "radio-list": 3,
    "press-list": 3,
    "web-form": 3,
}


@pytest.fixture(scope="module")
def demo() -> DemoDataset:
    return generate_demo(persons=600, seed=2022)


def by_name(demo: DemoDataset) -> dict[str, DemoSource]:
    return {s.name: s for s in demo.sources}


def listed(demo: DemoDataset, source: str) -> set[str]:
    return {pid for (name, _), pid in demo.truth.items() if name == source}


def rows_of(demo: DemoDataset, source: str) -> list[tuple[int, tuple[str, ...], str | None]]:
    """(row number, row, person id or None) for every data row of a source."""
    rows = by_name(demo)[source].rows
    return [(n, row, demo.truth.get((source, n))) for n, row in enumerate(rows, start=2)]


def test_deterministic_for_a_seed(demo: DemoDataset) -> None:
    again = generate_demo(persons=600, seed=2022)
    assert again == demo
    other = generate_demo(persons=600, seed=7)
    assert other.sources != demo.sources and other.people != demo.people


def test_people_and_their_timelines(demo: DemoDataset) -> None:
    assert len(demo.people) == 600
    ids = [p.person_id for p in demo.people]
    assert ids[:2] == ["P0001", "P0002"] and len(set(ids)) == 600
    for p in demo.people:
        assert p.sex in ("m", "f")
        first = p.timeline[0][0]
        assert first.year == 2022 and first.month == 1 and 4 <= first.day <= 12, p
        days = [d for d, _ in p.timeline]
        assert days == sorted(days) and all(d.month == 1 for d in days), p
        assert p.timeline[-1][1].is_death == any(f.is_death for _, f in p.timeline)
    fates = Counter(f for p in demo.people for _, f in p.timeline)
    for fate in (Fate.KILLED, Fate.MISSING, Fate.DETAINED, Fate.RELEASED, Fate.INJURED):
        assert fates[fate] > 20, fate
    assert {p.city for p in demo.people} >= {"Almaty", "Zhanaozen", "Taldykorgan", "Konaev"}


def test_the_six_lists_and_their_headers(demo: DemoDataset) -> None:
    sources = by_name(demo)
    assert [s.name for s in demo.sources] == [
        "ngo-sheet-week1",
        "ngo-sheet-week2",
        "radio-list",
        "official-list",
        "press-list",
        "web-form",
    ]
    for source in demo.sources:
        assert source.headers == HEADERS[source.name]
        assert source.filename == f"{source.name}.csv"
        assert all(len(row) == len(source.headers) for row in source.rows), source.name
        # The importer must recognise every column.
        assert len(map_headers(source.headers)) == len(source.headers), source.name
    kinds = {s.name: (s.kind, s.language) for s in demo.sources}
    assert kinds == {
        "ngo-sheet-week1": ("ngo_spreadsheet", "ru"),
        "ngo-sheet-week2": ("ngo_spreadsheet", "ru"),
        "radio-list": ("radio_list", "kk"),
        "official-list": ("official_list", "ru"),
        "press-list": ("press_list", "en"),
        "web-form": ("web_form", "mixed"),
    }
    assert sources["ngo-sheet-week2"].obtained > sources["ngo-sheet-week1"].obtained


def test_truth_covers_every_row_but_the_empty_one(demo: DemoDataset) -> None:
    people = {p.person_id for p in demo.people}
    assert set(demo.truth.values()) <= people
    for source in demo.sources:
        numbers = {row for (name, row) in demo.truth if name == source.name}
        assert numbers <= set(range(2, len(source.rows) + 2)), source.name
        for number, row, pid in rows_of(demo, source.name):
            # Only an empty row describes nobody; broken rows still name their person.
            assert (pid is None) == (not any(row)), (source.name, number, row)


def test_rows_describe_their_person(demo: DemoDataset) -> None:
    people = {p.person_id: p for p in demo.people}
    for number, row, pid in rows_of(demo, "official-list"):
        assert pid is not None
        p = people[pid]
        assert row[1] == to_russian(p.surname).upper()
        assert row[2][0] == to_russian(p.given_name)[0]
        assert row[4] == p.birth_date.strftime("%d.%m.%Y"), number
    for _, row, pid in rows_of(demo, "radio-list"):
        assert pid is not None
        p = people[pid]
        assert row[0] in (f"{p.given_name} {p.surname}", to_russian(f"{p.given_name} {p.surname}"))
    # Most NGO rows carry the surname as folded into Russian, but some have typos (~5%).
    found = misspelt = 0
    for _, row, pid in rows_of(demo, "ngo-sheet-week1"):
        if pid is None:
            continue
        words = row[1].casefold().split()
        surname = to_russian(people[pid].surname).casefold().replace("ё", "е")
        if surname in words:
            found += 1
        else:
            misspelt += 1
    assert 0.01 < misspelt / (found + misspelt) < 0.1


def test_statuses_state_the_truth(demo: DemoDataset) -> None:
    """Every status cell parses to a fate on that person's timeline (the press's words are
    coarser: "detained" for arrested or charged, "killed" for died in custody)."""
    people = {p.person_id: p for p in demo.people}
    coarse = {Fate.ARRESTED: Fate.DETAINED, Fate.CHARGED: Fate.DETAINED}
    for source, column in STATUS_COLUMN.items():
        for number, row, pid in rows_of(demo, source):
            if pid is None or row[column] in ("???", ""):
                continue
            fates = {f for _, f in people[pid].timeline}
            fates |= {coarse[f] for f in fates if f in coarse}
            if Fate.DIED_IN_CUSTODY in fates:
                fates.add(Fate.KILLED)
            assert parse_fate(row[column]) in fates, (source, number, row)


def test_overlaps_are_as_lists_really_overlap(demo: DemoDataset) -> None:
    killed = {p.person_id for p in demo.people if p.killed}
    radio, official = listed(demo, "radio-list"), listed(demo, "official-list")
    press, ngo = listed(demo, "press-list"), listed(demo, "ngo-sheet-week1")
    assert radio <= killed and official <= killed
    assert 0.45 < len(radio) / len(killed) < 0.65
    assert 0.7 < len(official) / len(killed) < 0.9
    assert 0.2 < len(press & killed) / len(killed) < 0.4
    press_fates = Counter(row[3] for row in by_name(demo)["press-list"].rows)
    assert press_fates["detained"] > 5 and press_fates["injured"] >= 3
    assert set(press_fates) <= {"killed", "detained", "injured", "missing"}
    assert 0.55 < len(ngo) / len(demo.people) < 0.75
    assert len(ngo & killed) > 50 and any(not p.killed for p in demo.people if p.person_id in ngo)
    assert len(radio & official) > 30 and len(ngo & official) > 30 and len(press & radio) > 5
    # No list has everyone: some of the dead are on only one list, some on none.
    assert killed - radio - official - press - ngo


def test_web_form_reports(demo: DemoDataset) -> None:
    rows = rows_of(demo, "web-form")
    assert 45 <= len(rows) <= 80
    reports = Counter(pid for _, _, pid in rows)
    twice = [pid for pid, n in reports.items() if n > 1]
    assert len(twice) >= 3
    for pid in twice:
        names = [row[0] for _, row, p in rows if p == pid]
        assert len(set(names)) == len(names), names  # different relatives, different spellings
    # Russian agrees with the sex of the person reported on.
    people = {p.person_id: p for p in demo.people}
    masculine = {"пропал", "задержан", "погиб", "убит", "ранен", "освобожден", "был", "умер"}
    for _, row, pid in rows:
        assert pid is not None
        if people[pid].sex == "f":
            assert not masculine & set(row[3].replace(",", " ").split()), row
            assert "my son" not in row[6] and "мой сын" not in row[6], row
    text = " ".join(row[0] + row[3] for _, row, _ in rows)
    assert any("a" <= c <= "z" for c in text)  # English
    assert any(c in "әғқңөұүі" for c in text)  # Kazakh
    assert "задержан" in text or "пропал" in text  # Russian


def test_official_list_often_has_initials_only(demo: DemoDataset) -> None:
    rows = by_name(demo)["official-list"].rows
    initials = [r for r in rows if r[2].endswith(".")]
    assert 0.25 < len(initials) / len(rows) < 0.55
    assert all(r[1] == r[1].upper() for r in rows)
    assert [r[0] for r in rows] == [str(n) for n in range(1, len(rows) + 1)]
    assert {r[5] for r in rows} >= {"Алматы", "Алматинская область"}


def test_ngo_sheet_shapes(demo: DemoDataset) -> None:
    rows = [row for _, row, pid in rows_of(demo, "ngo-sheet-week1") if pid]
    names = [r[1] for r in rows]
    assert any(n == n.upper() for n in names) and any(n != n.upper() for n in names)
    assert any(n.split()[-1].endswith(("ович", "евич", "овна", "евна")) for n in names)
    assert any(n.split()[-1].endswith(("улы", "кызы")) for n in names)
    assert not any(c in "әғқңөұүі" for n in names for c in n.casefold())
    births = " ".join(r[2] for r in rows)
    assert "г.р." in births and " лет" in births and any(r[2] == "" for r in rows)
    cities = {r[3] for r in rows}
    assert {"г. Алматы", "Алматы", "Алма-Ата"} <= cities
    dates = " ".join(r[5] for r in rows)
    assert "января" in dates and ".01.2022" in dates
    assert any(r[6] for r in rows)
    ids = [r[0] for r in by_name(demo)["ngo-sheet-week1"].rows if r[0]]
    assert ids == [str(n) for n in range(1, len(ids) + 1)]


def test_the_broken_rows_are_there(demo: DemoDataset) -> None:
    rows = by_name(demo)["ngo-sheet-week1"].rows
    assert sum(1 for r in rows if not any(r)) == 1
    assert sum(1 for r in rows if r[5] == "31.02.2022") == 1
    assert sum(1 for r in rows if r[4] == "???") == 1
    assert sum(1 for r in rows if r[0] and r[1] and not any(r[2:])) == 1


def test_week2_moves_statuses_adds_and_removes_rows(demo: DemoDataset) -> None:
    sources = by_name(demo)
    week1_rows, week2_rows = sources["ngo-sheet-week1"].rows, sources["ngo-sheet-week2"].rows
    week1 = {r[0]: r for r in week1_rows if r[0]}
    week2 = {r[0]: r for r in week2_rows if r[0]}
    shared = [i for i in week1 if i in week2]
    assert len(set(week1) - set(week2)) == 3
    added = [i for i in week2 if i not in week1]
    assert 0.03 < len(added) / len(week1) < 0.07
    # Appended at the bottom, numbered on from the last id.
    assert [r[0] for r in week2_rows[-len(added) :]] == added
    assert min(int(i) for i in added) == max(int(i) for i in week1) + 1
    # The same sheet, in the same order, broken rows included.
    assert [i for i in (r[0] for r in week2_rows) if i in week1] == shared
    assert sum(1 for r in week2_rows if not any(r)) == 1
    assert any(r[4] == "???" for r in week2_rows)

    moved = [i for i in shared if week1[i][4] != week2[i][4]]
    assert 0.07 < len(moved) / len(shared) < 0.14
    for i in shared:
        if i in moved:
            assert week1[i][:4] == week2[i][:4]  # edited, not retyped
        else:
            assert week1[i] == week2[i]
    # Statuses moved forward along the person's timeline, never back.
    truth1 = {
        r[0]: demo.truth[("ngo-sheet-week1", n)]
        for n, r, _ in rows_of(demo, "ngo-sheet-week1")
        if r[0]
    }
    people = {p.person_id: p for p in demo.people}
    for i in moved:
        timeline = [f for _, f in people[truth1[i]].timeline]
        before, after = parse_fate(week1[i][4]), parse_fate(week2[i][4])
        assert timeline.index(before) < timeline.index(after), (week1[i], week2[i])
    # Truth for week 2 refers to its own rows.
    truth2 = {r[0]: pid for _, r, pid in rows_of(demo, "ngo-sheet-week2") if r[0]}
    assert all(truth2[i] == truth1[i] for i in shared)


def test_hard_cases_are_present(demo: DemoDataset) -> None:
    people = {p.person_id: p for p in demo.people}
    ngo = listed(demo, "ngo-sheet-week1")

    first, second = (people[i] for i in HARD_CASES.namesakes)
    assert (first.surname, first.given_name, first.city, first.sex) == (
        second.surname,
        second.given_name,
        second.city,
        second.sex,
    )
    assert first.birth_date.year != second.birth_date.year
    assert first.killed != second.killed
    assert {first.person_id, second.person_id} <= ngo & listed(demo, "press-list")

    elder, younger = (people[i] for i in HARD_CASES.brothers)
    assert elder.surname == younger.surname and elder.patronymic == younger.patronymic
    assert elder.given_name != younger.given_name and elder.city == younger.city
    assert {elder.person_id, younger.person_id} <= ngo

    father, son = (people[i] for i in HARD_CASES.father_and_son)
    assert son.surname == father.surname and son.patronymic.startswith(father.given_name)
    assert {father.person_id, son.person_id} <= listed(demo, "official-list") & ngo

    morgue = people[HARD_CASES.found_in_morgue]
    assert [f for _, f in morgue.timeline] == [Fate.MISSING, Fate.KILLED]
    rows = {
        source: [row for _, row, pid in rows_of(demo, source) if pid == morgue.person_id]
        for source in ("ngo-sheet-week1", "ngo-sheet-week2")
    }
    assert parse_fate(rows["ngo-sheet-week1"][0][4]) is Fate.MISSING
    assert "морге" in rows["ngo-sheet-week2"][0][4]
    assert parse_fate(rows["ngo-sheet-week2"][0][4]) is Fate.KILLED


def test_only_fictional_names(demo: DemoDataset) -> None:
    text = " ".join(" ".join(r) for s in demo.sources for r in s.rows).casefold()
    text += " ".join(f"{p.surname} {p.given_name}" for p in demo.people).casefold()
    for real in REAL_PEOPLE:
        assert real.casefold() not in text, real
    for pool in (MALE, FEMALE, SURNAMES):
        assert not {real for real in REAL_PEOPLE if real in pool}


def test_name_pools_are_large_and_mixed() -> None:
    assert len(set(MALE)) >= 80 and len(set(FEMALE)) >= 60 and len(set(SURNAMES)) >= 120
    for pool in (MALE, FEMALE, SURNAMES):
        assert any(any(c in "әғқңөұүі" for c in n) for n in pool)  # Kazakh
        assert any(n in ("Сергей", "Елена", "Иванов") for n in pool)  # Russian


@pytest.mark.parametrize(
    ("cyrillic", "style", "flags", "expected"),
    [
        ("Ерлан Серікбаев", "bgn", {}, "Yerlan Serikbayev"),
        ("Ерлан Серікбаев", "press", {}, "Erlan Serikbaev"),
        ("Қайрат", "kz-latin", {}, "Qaırat"),
        ("Қайрат", "press", {}, "Kairat"),
        ("Қайрат", "bgn", {}, "Kayrat"),
        ("Ғалымжан", "kazakh", {}, "Ghalymzhan"),
        ("Жұмабек", "press", {"j": True}, "Jumabek"),
        ("Мұхтар", "bgn", {}, "Mukhtar"),
        ("Мұхтар", "press", {"h": True}, "Muhtar"),
    ],
)
def test_transliteration_habits(
    cyrillic: str, style: str, flags: dict[str, bool], expected: str
) -> None:
    assert latin(cyrillic, style, **flags) == expected


def test_press_list_mixes_habits(demo: DemoDataset) -> None:
    names = [row[0] for row in by_name(demo)["press-list"].rows]
    assert all(name.isascii() or any(c in "äğıñöūü" for c in name.casefold()) for name in names)
    assert any(not name.isascii() for name in names)  # Kazakh Latin
    # BGN writes -аев as -ayev, the press as -aev.
    assert any("ayev" in name for name in names) and any("aev" in name for name in names)
    assert any("J" in name or "j" in name for name in names)
    assert all(
        row[4].startswith("January ") and row[4].endswith(", 2022")
        for row in by_name(demo)["press-list"].rows
    )


def test_write_demo(tmp_path: Path, demo: DemoDataset) -> None:
    paths = write_demo(demo, tmp_path)
    assert [p.name for p in paths] == [s.filename for s in demo.sources]
    for path, source in zip(paths, demo.sources, strict=True):
        with path.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh))
        assert tuple(rows[0]) == source.headers
        assert [tuple(r) for r in rows[1:]] == list(source.rows)
    readme = (tmp_path / "README.txt").read_text(encoding="utf-8")
    assert readme.startswith(BANNER) and "FICTIONAL" in BANNER
    assert all(s.filename in readme for s in demo.sources)
    with (tmp_path / "truth.csv").open(encoding="utf-8", newline="") as fh:
        truth = list(csv.reader(fh))
    assert truth[0] == ["source", "row", "person_id"]
    assert {(s, int(r)): p for s, r, p in truth[1:]} == demo.truth


def test_small_sets_still_have_every_list() -> None:
    small = generate_demo(persons=20, seed=3)
    assert all(s.rows for s in small.sources)
    with pytest.raises(ValueError):
        generate_demo(persons=5)


@pytest.mark.slow
def test_large_sets_for_benchmarks() -> None:
    # How long it takes is for bench/ to say (bench/linkage_scale.py generates such sets).
    big = generate_demo(persons=100_000, seed=1)
    assert len(big.people) == 100_000 and len(big.truth) > 150_000
    assert len({p.person_id for p in big.people}) == 100_000
