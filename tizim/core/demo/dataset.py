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
    Row,
    form_rows,
    ngo_sheets,
    official_rows,
    press_rows,
    radio_rows,
)
from tizim.core.demo.people import DemoPerson, make_people
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


@dataclass(frozen=True)
class _ListShape:
    """What a demo list says of itself, apart from its rows."""

    name: str
    kind: str
    title: str
    organisation: str
    language: str
    obtained: D
    reliability: str
    headers: tuple[str, ...]


_NGO_ORGANISATION = "Fictional Legal Aid Group"
_NGO_RELIABILITY = "Families' reports, checked by phone by the group's lawyers."
_WEEK1_DAY, _WEEK2_DAY = D(2022, 1, 14), D(2022, 1, 21)
# In import order.
_LISTS = (
    _ListShape(
        "ngo-sheet-week1",
        "ngo_spreadsheet",
        "NGO shared sheet, version of 14 January",
        _NGO_ORGANISATION,
        "ru",
        _WEEK1_DAY,
        _NGO_RELIABILITY,
        NGO_HEADERS,
    ),
    _ListShape(
        "ngo-sheet-week2",
        "ngo_spreadsheet",
        "NGO shared sheet, version of 21 January",
        _NGO_ORGANISATION,
        "ru",
        _WEEK2_DAY,
        _NGO_RELIABILITY,
        NGO_HEADERS,
    ),
    _ListShape(
        "radio-list",
        "radio_list",
        "Radio list of the dead",
        "Fictional Radio Dala",
        "kk",
        D(2022, 1, 28),
        "Each name confirmed with the family.",
        ("Аты-жөні", "Жасы", "Қаласы", "Мәртебесі", "Күні"),
    ),
    _ListShape(
        "official-list",
        "official_list",
        "Official list of the dead",
        "Fictional General Prosecutor's Office",
        "ru",
        D(2022, 8, 10),
        "Surnames and often initials only; no places or dates of death.",
        ("№", "Фамилия", "Имя", "Отчество", "Дата рождения", "Регион"),
    ),
    _ListShape(
        "press-list",
        "press_list",
        "Press list of victims",
        "Fictional Steppe Times",
        "en",
        D(2022, 1, 31),
        "Compiled from interviews with families and hospital staff.",
        ("Name", "Age", "City", "Status", "Date", "Notes"),
    ),
    _ListShape(
        "web-form",
        "web_form",
        "Reports sent through the web form",
        "tizim report form",
        "mixed",
        D(2022, 2, 1),
        "Unverified reports by relatives.",
        ("Name", "Date of birth", "City", "What happened", "Date", "Where held", "Notes"),
    ),
)


def generate_demo(*, persons: int = 600, seed: int = 2022) -> DemoDataset:
    """A fictional crackdown told by six overlapping lists, deterministic for a seed.

    ``persons`` is the number of people (at least 20: the hard cases and enough others for
    every list to have rows).
    """
    if persons < 20:
        raise ValueError("the demo needs at least 20 people")
    rng = random.Random(seed)
    people, fathers = make_people(persons, rng)
    killed = [p for p in people if p.killed]

    # Each list draws from its own stream, so that a change to one leaves the others alone.
    def stream(name: str) -> random.Random:
        return random.Random(f"{seed}:{name}")

    week1, week2 = ngo_sheets(people, fathers, stream("ngo"), _WEEK1_DAY, _WEEK2_DAY)
    rows_of: dict[str, list[Row]] = {
        "ngo-sheet-week1": week1,
        "ngo-sheet-week2": week2,
        "radio-list": radio_rows(killed, stream("radio")),
        "official-list": official_rows(killed, stream("official")),
        "press-list": press_rows(people, stream("press")),
        "web-form": form_rows(people, fathers, stream("form")),
    }
    truth: dict[tuple[str, int], str] = {}
    sources = tuple(_source(shape, rows_of[shape.name], truth) for shape in _LISTS)
    return DemoDataset(people=tuple(people), sources=sources, truth=truth)


def _source(
    shape: _ListShape, rows: Iterable[Row], truth: dict[tuple[str, int], str]
) -> DemoSource:
    """The list ``shape`` with its rows; notes in ``truth`` whom each row describes, by the row
    number a spreadsheet shows (the header is row 1)."""
    kept: list[tuple[str, ...]] = []
    for number, (row, person_id) in enumerate(rows, start=2):
        assert len(row) == len(shape.headers), (shape.name, row)
        kept.append(row)
        if person_id is not None:
            truth[(shape.name, number)] = person_id
    return DemoSource(
        name=shape.name,
        title=shape.title,
        kind=shape.kind,
        organisation=shape.organisation,
        language=shape.language,
        url=f"https://example.org/fictional-demo/{shape.name}",
        obtained=shape.obtained,
        reliability=shape.reliability,
        filename=f"{shape.name}.csv",
        headers=shape.headers,
        rows=tuple(kept),
    )


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
