"""The whole demo data set: six overlapping lists with the ground truth, generated for a seed, and
written out as CSV files with a README."""

from __future__ import annotations

import csv
import random
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tizim.core.demo.lists import (
    NGO_HEADERS,
    _form_rows,
    _ngo_sheets,
    _official_rows,
    _press_rows,
    _radio_rows,
    _Row,
)
from tizim.core.demo.people import DemoPerson, _make_people
from tizim.core.demo.vocabulary import BANNER, D


@dataclass(frozen=True)
class DemoSource:
    """One list, as its keepers wrote it."""

    name: str
    title: str
    kind: str
    organisation: str
    language: str
    url: str
    obtained: D
    reliability: str
    filename: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class DemoDataset:
    """The people, the lists, and which person each list row describes."""

    people: tuple[DemoPerson, ...]
    sources: tuple[DemoSource, ...]
    truth: dict[tuple[str, int], str]


# --- the data set --------------------------------------------------------------------------


def generate_demo(*, persons: int = 600, seed: int = 2022) -> DemoDataset:
    """A fictional crackdown told by six overlapping lists, deterministic for a seed.

    ``persons`` is the number of people (at least 20: the hard cases and enough others for
    every list to have rows).
    """
    if persons < 20:
        raise ValueError("the demo needs at least 20 people")
    rng = random.Random(seed)
    people, fathers = _make_people(persons, rng)
    killed = [p for p in people if p.killed]
    sources: list[DemoSource] = []
    truth: dict[tuple[str, int], str] = {}

    def emit(
        name: str,
        kind: str,
        title: str,
        organisation: str,
        language: str,
        obtained: D,
        reliability: str,
        headers: tuple[str, ...],
        rows: Iterable[_Row],
    ) -> None:
        kept: list[tuple[str, ...]] = []
        for number, (row, person_id) in enumerate(rows, start=2):
            assert len(row) == len(headers), (name, row)
            kept.append(row)
            if person_id is not None:
                truth[(name, number)] = person_id
        sources.append(
            DemoSource(
                name=name,
                title=title,
                kind=kind,
                organisation=organisation,
                language=language,
                url=f"https://example.org/fictional-demo/{name}",
                obtained=obtained,
                reliability=reliability,
                filename=f"{name}.csv",
                headers=headers,
                rows=tuple(kept),
            )
        )

    # Each list draws from its own stream, so that a change to one leaves the others alone.
    def stream(name: str) -> random.Random:
        return random.Random(f"{seed}:{name}")

    week1_day, week2_day = D(2022, 1, 14), D(2022, 1, 21)
    week1, week2 = _ngo_sheets(people, fathers, stream("ngo"), week1_day, week2_day)
    ngo_reliability = "Families' reports, checked by phone by the group's lawyers."
    ngo_org = "Fictional Legal Aid Group"
    emit(
        "ngo-sheet-week1",
        "ngo_spreadsheet",
        "NGO shared sheet, version of 14 January",
        ngo_org,
        "ru",
        week1_day,
        ngo_reliability,
        NGO_HEADERS,
        week1,
    )
    emit(
        "ngo-sheet-week2",
        "ngo_spreadsheet",
        "NGO shared sheet, version of 21 January",
        ngo_org,
        "ru",
        week2_day,
        ngo_reliability,
        NGO_HEADERS,
        week2,
    )
    emit(
        "radio-list",
        "radio_list",
        "Radio list of the dead",
        "Fictional Radio Dala",
        "kk",
        D(2022, 1, 28),
        "Each name confirmed with the family.",
        ("Аты-жөні", "Жасы", "Қаласы", "Мәртебесі", "Күні"),
        _radio_rows(killed, stream("radio")),
    )
    emit(
        "official-list",
        "official_list",
        "Official list of the dead",
        "Fictional General Prosecutor's Office",
        "ru",
        D(2022, 8, 10),
        "Surnames and often initials only; no places or dates of death.",
        ("№", "Фамилия", "Имя", "Отчество", "Дата рождения", "Регион"),
        _official_rows(killed, stream("official")),
    )
    emit(
        "press-list",
        "press_list",
        "Press list of victims",
        "Fictional Steppe Times",
        "en",
        D(2022, 1, 31),
        "Compiled from interviews with families and hospital staff.",
        ("Name", "Age", "City", "Status", "Date", "Notes"),
        _press_rows(people, stream("press")),
    )
    emit(
        "web-form",
        "web_form",
        "Reports sent through the web form",
        "tizim report form",
        "mixed",
        D(2022, 2, 1),
        "Unverified reports by relatives.",
        ("Name", "Date of birth", "City", "What happened", "Date", "Where held", "Notes"),
        _form_rows(people, fathers, stream("form")),
    )
    return DemoDataset(people=tuple(people), sources=tuple(sources), truth=truth)


_DESCRIPTIONS: dict[str, str] = {
    "ngo_spreadsheet": "a lawyers' NGO's shared sheet in Russian; names in several orders, "
    "births as dates, years or ages, some typos; a few deliberately broken rows",
    "radio_list": "a radio station's list of the dead in Kazakh, given name first",
    "official_list": "the government's list of the dead: SURNAME in capitals, often initials",
    "press_list": "an English press list, names in mixed transliterations",
    "web_form": "relatives' reports in Kazakh, Russian or English; some people reported twice",
}


def write_demo(dataset: DemoDataset, directory: Path) -> list[Path]:
    """Write each list as a UTF-8 CSV, the truth as truth.csv and a README; returns the lists'
    paths in import order."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for source in dataset.sources:
        path = directory / source.filename
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(source.headers)
            writer.writerows(source.rows)
        paths.append(path)
    with (directory / "truth.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(("source", "row", "person_id"))
        order = {s.name: i for i, s in enumerate(dataset.sources)}
        for (name, row), person_id in sorted(
            dataset.truth.items(), key=lambda item: (order[item[0][0]], item[0][1])
        ):
            writer.writerow((name, row, person_id))
    lines = [
        BANNER,
        "",
        "Invented people and invented lists, generated by tizim's demo generator",
        "(tizim.core.demo) for trying tizim out and for measuring its linkage.",
        f"{len(dataset.people)} fictional people. Lists, in import order:",
        "",
    ]
    for s in dataset.sources:
        lines.append(
            f"- {s.filename}: {s.title} ({s.language}, {len(s.rows)} rows, "
            f"as of {s.obtained.isoformat()}): {_DESCRIPTIONS[s.kind]}."
        )
    lines += [
        "  ngo-sheet-week2 is ngo-sheet-week1 re-sent a week later: same № ids, some statuses",
        "  moved on, three rows deleted, new rows at the bottom.",
        "- truth.csv: which fictional person each list row describes (source, row, person_id);",
        "  row numbers as a spreadsheet shows them (header = 1). Every row describing a person",
        "  is there, broken ones included; the empty row is not.",
        "",
        BANNER,
        "",
    ]
    (directory / "README.txt").write_text("\n".join(lines), encoding="utf-8")
    return paths
