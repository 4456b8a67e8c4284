# ruff: noqa: SIM905 - name pools read best as one string
"""Deduplicate 1,000,000 generated records end to end: tizim's linker beside plain Splink.

    .venv/bin/python bench/linkage_scale.py [--records 1000000] [--seed 2022] [--workdir DIR]
                                            [--spark local[2]|spark://HOST:PORT] [--spark-memory 8g]

Generates Kazakh-like records (a large pool of surnames built from stems and endings, given
names and patronymics from the demo generator's pools, birth dates or ages, cities, fates) of
which 20% are second mentions of a person written differently: another script (Kazakh or
Russian Cyrillic, Latin in four styles), a typo, an age instead of a birth date, initials only,
name order swapped. Each linker runs in its own process (its wall time and peak memory are its
own, read with ``wait4``) on the same records, and both are scored against the truth:

* tizim: features (name keys) → Splink model trained by EM → pairs ≥ 0.01 → clustering;
* plain Splink: ASCII-folded names, Jaro-Winkler, EM, connected components.

Goal (Linkage issue): tizim under 10 minutes and 8 GB, and at most 1.5× plain Splink's time.
"""

from __future__ import annotations

import argparse
import datetime
import itertools
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

THRESHOLD = 0.8

_STEMS = (
    "Серік Жұмабек Ахмет Оспан Сейіт Нұрлан Тоқтар Әбен Қасым Бекен Дүйсен Ермек Жақсылық Ибра "
    "Кенжеба Құлжан Мұқан Омар Рахымжан Сәрсенба Тәжіба Уәлихан Шәкен Ізбасар Әли Байжан Бейсен "
    "Жолдас Қали Мырзахмет Нұрпейіс Сапар Тұрсын Үсен Ысқақ Ғаббас Әуез Бақыт Жаңабай Қадыр "
    "Мұсабай Нәзір Орынба Сағынта Төлеу Шалаба Айтба Бердібек Дәулетия Есенғазы Жанайдар Кәрім "
    "Мұрат Нысанба Оразба Пірә Рүстем Сұлтан Тілеуба Хамит Шыңғыс Ыбырай Әсет Баймұқан Досжан "
    "Ерғали Жетпісба Қуаныш Мақсұт Нұрғали Серғазы Талғат Өмірза Сыздық Әмір Қожахмет"
).split()
_ENDINGS = ("ов", "ев", "бек", "бай", "ұлы", "жанов", "баев", "ханов", "беков", "алиев", "тай")
_PREFIXES = (
    "Нұр Ер Ай Бақыт Жан Дос Қай Сер Мұрат Бек Ал Ас Дәу Ғали Ерб Сұлтан Тілек Талғ Әли Ораз"
).split()
_SUFFIXES = "лан жан бол бек хан ат ғали сұлтан ұлан тай мұрат дәулет болат дос ғазы".split()
_REGIONS_BY_CITY = {
    "almaty": "almaty",
    "astana": "astana",
    "shymkent": "shymkent",
    "taldykorgan": "jetisu-region",
    "zhanaozen": "mangystau-region",
    "aktau": "mangystau-region",
    "konaev": "almaty-region",
    "taraz": "jambyl-region",
    "kyzylorda": "kyzylorda-region",
    "aktobe": "aktobe-region",
    "atyrau": "atyrau-region",
    "karaganda": "karaganda-region",
}
_FATES = ("detained", "detained", "killed", "missing", "injured", "arrested", "released")


def generate(n: int, seed: int, path: Path) -> None:
    """Write ``n`` records and their truth to a parquet file."""
    import pandas as pd

    from tizim.core.demo.spelling import latin, to_russian, typo
    from tizim.core.demo.vocabulary import FEMALE, MALE

    rng = random.Random(seed)
    # Pools as long-tailed as a country's: given names from morphemes (Нұр+лан, Ер+жан, …)
    # beside the demo pools; surnames from stems and from given names (Нұрланов, Ержанов).
    given_m = list(MALE) + [a + b for a in _PREFIXES for b in _SUFFIXES]
    surnames = [stem + ending for stem in _STEMS for ending in _ENDINGS] + [
        name + ending for name in given_m for ending in ("ов", "баев", "бекұлы")
    ]
    male_weights = [1 / (rank + 1) ** 0.8 for rank in range(len(given_m))]
    surname_weights = [1 / (rank + 1) ** 0.8 for rank in range(len(surnames))]
    rng.shuffle(surnames)
    cities = list(_REGIONS_BY_CITY)
    originals = int(n / 1.2)
    people = []
    for person in range(originals):
        sex = "m" if rng.random() < 0.8 else "f"
        given = rng.choices(given_m, male_weights)[0] if sex == "m" else rng.choice(FEMALE)
        surname = rng.choices(surnames, surname_weights)[0]
        if sex == "f" and surname.endswith(("ов", "ев")):
            surname += "а"
        father = rng.choices(given_m, male_weights)[0]
        patronymic = father + ("ұлы" if sex == "m" else "қызы")
        born = datetime.date(1950, 1, 1) + datetime.timedelta(days=rng.randrange(365 * 55))
        people.append((person, sex, given, surname, patronymic, born, rng.choice(cities)))
    rows = []

    def emit(person, sex, given, surname, patronymic, born, city, noisy):
        by_min = by_max = born.year
        birth = born.isoformat()
        if noisy:
            style = rng.random()
            if style < 0.35:
                given, surname, patronymic = (to_russian(x) for x in (given, surname, patronymic))
            elif style < 0.75:
                kind = rng.choice(("bgn", "press", "kazakh", "kz-latin"))
                given, surname, patronymic = (latin(x, kind) for x in (given, surname, patronymic))
            if rng.random() < 0.25:
                surname = typo(surname, rng)
            if rng.random() < 0.2:
                given = given[0] + "."
                patronymic = patronymic[0] + "." if rng.random() < 0.5 else ""
            elif rng.random() < 0.5:
                patronymic = ""
            if rng.random() < 0.5:  # an age on 6 January 2022 instead of a birth date
                age = 2022 - born.year - (1 if (born.month, born.day) > (1, 6) else 0)
                birth, by_min, by_max = None, 2022 - age - 1, 2022 - age
            if rng.random() < 0.05:
                given, surname = surname, given
            if rng.random() < 0.2:
                city = _REGIONS_BY_CITY[city]
        rows.append(
            {
                "record_id": len(rows),
                "person": person,
                "surname": surname,
                "given_name": given,
                "patronymic": patronymic,
                "sex": sex,
                "birth_date": birth,
                "birth_year_min": by_min,
                "birth_year_max": by_max,
                "place_code": city,
                "fate": rng.choice(_FATES),
                "event_date": (
                    datetime.date(2022, 1, 4) + datetime.timedelta(days=rng.randrange(10))
                ).isoformat(),
            }
        )

    for p in people:
        emit(*p, noisy=False)
    while len(rows) < n:
        emit(*rng.choice(people), noisy=True)
    pd.DataFrame(rows).to_parquet(path)


def _truth_pairs(persons) -> set[tuple[int, int]]:
    groups: dict[int, list[int]] = {}
    for record_id, person in enumerate(persons):
        groups.setdefault(int(person), []).append(record_id)
    return {p for g in groups.values() if len(g) > 1 for p in itertools.combinations(g, 2)}


def run_tizim(
    path: Path, spark_master: str | None = None, spark_memory: str = "2g"
) -> list[list[int]]:
    """tizim's pipeline; on Spark when ``spark_master`` is given (``local[N]`` or
    ``spark://HOST:PORT``), else on DuckDB."""
    import pandas as pd

    from tizim.core.linkage.clustering import cluster_pairs
    from tizim.core.linkage.features import LinkRecord, evidently_different, features_frame
    from tizim.core.linkage.initials import attach_initials
    from tizim.core.linkage.probabilistic import train_and_score

    frame = pd.read_parquet(path)
    started = time.perf_counter()

    def date(text):
        return datetime.date.fromisoformat(text) if text else None

    records = [
        LinkRecord(
            record_id=int(r.record_id),
            surname=r.surname,
            given_name=r.given_name,
            patronymic=r.patronymic,
            sex=r.sex,
            birth_date=date(r.birth_date),
            birth_year_min=int(r.birth_year_min),
            birth_year_max=int(r.birth_year_max),
            place_code=r.place_code,
            fate=r.fate,
            event_date=date(r.event_date),
        )
        for r in frame.itertuples(index=False)
    ]
    features = features_frame(records)
    _stage("features", started)
    if spark_master:
        from tizim.core.linkage.spark import spark_session

        work_dir = tempfile.mkdtemp(prefix="tizim-scale-spark-")
        local = spark_master.startswith("local[")
        spark = spark_session(
            work_dir,
            master=None if local else spark_master,
            cores=int(spark_master[6:-1]) if local else 2,
            memory=spark_memory,
        )
        _stage(f"Spark started ({spark_master}; log {work_dir}/spark.log)", started)
        model = train_and_score(
            features, backend="spark", spark=spark, keep_above=0.01, explain_from=1.1
        )
    else:
        model = train_and_score(features, keep_above=0.01, explain_from=1.1)
    _stage(f"model ({len(model.pairs):,} pairs)", started)
    by_id = {r.record_id: r for r in records}
    scored = [(p.left, p.right, p.probability) for p in model.pairs]
    result = cluster_pairs(
        [r.record_id for r in records],
        scored,
        THRESHOLD,
        different=evidently_different(
            by_id, ((p.left, p.right, p.probability) for p in model.pairs), THRESHOLD
        ),
        birth_dates={r.record_id: r.birth_date for r in records if r.birth_date},
    )
    _stage("clustering", started)
    clusters = attach_initials(records, result.clusters).clusters
    _stage("initials", started)
    return clusters


def run_plain(path: Path) -> list[list[int]]:
    import logging

    import pandas as pd
    import splink.comparison_library as cl
    from anyascii import anyascii
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    frame = pd.read_parquet(path)
    started = time.perf_counter()
    fold_cache: dict[str, str | None] = {}

    def fold(text: str) -> str | None:
        if text not in fold_cache:
            fold_cache[text] = anyascii(text).lower().strip(" .") or None
        return fold_cache[text]

    data = pd.DataFrame(
        {
            "unique_id": frame["record_id"],
            "first_name": frame["given_name"].map(fold),
            "surname": frame["surname"].map(fold),
            "patronymic": frame["patronymic"].map(fold),
            "birth_year": frame["birth_year_min"],
            "place": frame["place_code"],
        }
    )
    db_api = DuckDBAPI()
    table = db_api.register(data)
    settings = SettingsCreator(
        link_type="dedupe_only",
        comparisons=[
            cl.JaroWinklerAtThresholds("first_name", [0.9, 0.8]),
            cl.JaroWinklerAtThresholds("surname", [0.9, 0.8]),
            cl.JaroWinklerAtThresholds("patronymic", [0.9]),
            cl.ExactMatch("birth_year"),
            cl.ExactMatch("place"),
        ],
        blocking_rules_to_generate_predictions=[
            block_on("surname", "birth_year"),
            block_on("first_name", "surname"),
        ],
    )
    linker = Linker(table, settings, log_level=logging.ERROR)
    linker.training.estimate_probability_two_random_records_match(
        [block_on("surname", "first_name", "birth_year")], recall=0.7
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=2e6, seed=1)
    linker.training.estimate_parameters_using_expectation_maximisation(
        block_on("surname", "birth_year")
    )
    linker.training.estimate_parameters_using_expectation_maximisation(
        block_on("surname", "first_name")
    )
    _stage("trained", started)
    predictions = linker.inference.predict(threshold_match_probability=0.01)
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(
        predictions, threshold_match_probability=THRESHOLD
    ).as_pandas_dataframe()
    _stage("clustered", started)
    groups: dict[object, list[int]] = {}
    for uid, cid in zip(clusters["unique_id"], clusters["cluster_id"], strict=True):
        groups.setdefault(cid, []).append(int(uid))
    return list(groups.values())


def _stage(name: str, started: float) -> None:
    print(f"    {name}: {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)


def _child(which: str, path: Path, out: Path, spark_master: str | None, spark_memory: str) -> None:
    clusters = run_tizim(path, spark_master, spark_memory) if which == "tizim" else run_plain(path)
    out.write_text(json.dumps([c for c in clusters if len(c) > 1]))


def _measure(
    which: str, path: Path, workdir: Path, spark_master: str | None, spark_memory: str
) -> tuple[float, float, Path]:
    out = workdir / f"{which}-clusters.json"
    started = time.perf_counter()
    spark = ["--spark", spark_master, "--spark-memory", spark_memory] if spark_master else []
    child = subprocess.Popen(
        [sys.executable, __file__, "--child", which, "--data", str(path), "--out", str(out), *spark]
    )
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    if status != 0:
        raise SystemExit(f"{which} failed (status {status})")
    return seconds, usage.ru_maxrss / 1024, out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=2022)
    parser.add_argument("--workdir", type=Path)
    parser.add_argument(
        "--spark",
        metavar="MASTER",
        help="run tizim's model on Spark: local[N] or spark://HOST:PORT (peak memory is then "
        "the driver's; a cluster's executors are bounded by their own settings)",
    )
    parser.add_argument(
        "--spark-memory",
        default="2g",
        help="the Spark driver's memory (in local mode also the executors'), e.g. 8g",
    )
    parser.add_argument("--skip-plain", action="store_true", help="measure tizim only")
    parser.add_argument("--child", choices=["tizim", "plain"], help=argparse.SUPPRESS)
    parser.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child, args.data, args.out, args.spark, args.spark_memory)
        return
    import pandas as pd

    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="tizim-scale-"))
    workdir.mkdir(parents=True, exist_ok=True)
    path = workdir / f"records-{args.records}-{args.seed}.parquet"
    if not path.exists():
        started = time.perf_counter()
        generate(args.records, args.seed, path)
        print(f"generated {args.records:,} records in {time.perf_counter() - started:.0f} s")
    expected = _truth_pairs(pd.read_parquet(path, columns=["person"])["person"])
    print(f"{args.records:,} records, {len(expected):,} true pairs; {os.cpu_count()} cores")
    print("| linker | wall | peak memory | precision | recall | F1 |")
    print("|---|---:|---:|---:|---:|---:|")
    times = {}
    for which in ("tizim",) if args.skip_plain else ("plain", "tizim"):
        seconds, megabytes, out = _measure(which, path, workdir, args.spark, args.spark_memory)
        found = {
            p for c in json.loads(out.read_text()) for p in itertools.combinations(sorted(c), 2)
        }
        hits = len(found & expected)
        precision = hits / len(found) if found else 1.0
        recall = hits / len(expected) if expected else 1.0
        f1 = 2 * precision * recall / (precision + recall) if hits else 0.0
        times[which] = seconds
        label = f"tizim ({args.spark or 'duckdb'})" if which == "tizim" else "plain Splink"
        print(
            f"| {label} | {seconds:.1f} s | {megabytes:,.0f} MB | {precision:.3f} | {recall:.3f} "
            f"| **{f1:.3f}** |",
            flush=True,
        )
    if "plain" in times:
        print(f"tizim / plain Splink time: {times['tizim'] / times['plain']:.2f}×")


if __name__ == "__main__":
    main()
