"""The five seed articles against the list written by hand before the extractor
(``data/seeds_expected.json``): every figure about people and every victim named is proposed,
and nobody who only speaks is."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import pytest

from tizim.core.ingest import extract
from tizim.core.ingest.readers import read_document

DATA = Path(__file__).parents[2] / "ingest" / "data"  # the annotated texts, shared with bench/
EXPECTED: dict[str, Any] = {
    name: value
    for name, value in json.loads((DATA / "seeds_expected.json").read_text()).items()
    if not name.startswith("_")
}


def _read(name: str) -> Any:
    document = read_document((DATA / "seeds" / name).read_bytes(), name)
    return document, extract(document.text, published=document.published).as_json()


def _agrees(field: str, wanted: Any, got: Any) -> bool:
    if field == "claimant":
        return got is not None and wanted.lower() in got.lower()
    if isinstance(wanted, list) and field != "acts":
        return got in wanted
    if field == "acts":
        return set(wanted) <= set(got)
    if field == "place":
        return got is not None and wanted.lower() in got.lower()
    return got == wanted


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_figure_is_proposed(name):
    _, found = _read(name)
    unmatched = list(found["claims"])
    for wanted in EXPECTED[name]["claims"]:
        match = next(
            (c for c in unmatched if all(_agrees(k, v, c[k]) for k, v in wanted.items())),
            None,
        )
        assert match is not None, (wanted, found["claims"])
        unmatched.remove(match)
    assert unmatched == [], "proposed but not in the hand-written list"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_victim_named_is_proposed_and_no_speaker(name):
    _, found = _read(name)
    by_name = {(p["surname"], p["given_name"]): p for p in found["persons"]}
    for wanted in EXPECTED[name]["persons"]:
        got = by_name.pop((wanted["surname"], wanted["given_name"]), None)
        assert got is not None, (wanted, found["persons"])
        for field, value in wanted.items():
            assert _agrees(field, value, got[field]), (field, value, got)
    assert by_name == {}, "proposed but not victims in the hand-written list"
    names = [f"{p['given_name']} {p['surname']}".lower() for p in found["persons"]]
    for speaker in EXPECTED[name]["not_victims"]:
        assert not any(speaker.lower() in n for n in names), speaker


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_articles_date_is_read_from_the_page(name):
    _, found = _read(name)
    assert found["published"] == EXPECTED[name]["published"]


def test_on_tuesday_counts_from_the_articles_date():
    text = (DATA / "seeds" / "003-amnesty-release-protestors.txt").read_text()
    found = extract(text, published=datetime.date(2022, 1, 12)).as_json()
    ministry = next(c for c in found["claims"] if "Interior Ministry" in (c["claimant"] or ""))
    assert ministry["as_of"] == "2022-01-11"  # the Tuesday before Wednesday 12 January
    assert text[ministry["start"] : ministry["end"]] == "10,000"
    assert ministry["quote"] in text


def test_json_shape_is_the_documented_one():
    _, found = _read("004-nyt-reports-of-abuses.txt")
    assert set(found) == {"published", "claims", "persons"}
    assert set(found["claims"][0]) == {
        "value", "qualifier", "counted", "fate_group", "measure", "region", "claimant",
        "as_of", "status", "quote", "start", "end", "chance",
    }  # fmt: skip
    assert set(found["persons"][0]) == {
        "name", "surname", "given_name", "patronymic", "fate", "date", "age", "place",
        "acts", "quote", "start", "end", "chance",
    }  # fmt: skip
