"""The same linkage code on Splink's Spark backend (local Spark; Java is on the machine)."""

from __future__ import annotations

import itertools
import shutil
from collections import defaultdict
from pathlib import Path

import pytest

from tizim.core.linkage.clustering import cluster_pairs
from tizim.core.linkage.prior import demo_link_records
from tizim.core.linkage.probabilistic import train_and_score
from tizim.core.linkage.spark import spark_session

pytestmark = [
    pytest.mark.slow(minutes=2),
    # No database of the pass is read: the model is trained in process, and the command line
    # runs on an embedded instance of its own. Run once, in the SQLite pass.
    pytest.mark.sqlite_only,
    pytest.mark.skipif(shutil.which("java") is None, reason="Spark needs Java"),
]


@pytest.fixture(scope="module")
def spark(tmp_path_factory):
    session = spark_session(str(tmp_path_factory.mktemp("spark")))
    yield session
    session.stop()


def _f1(records, truth, model):
    clusters = cluster_pairs(
        [r.record_id for r in records], [(p.left, p.right, p.probability) for p in model.pairs], 0.8
    ).clusters
    found = {p for c in clusters for p in itertools.combinations(c, 2)}
    groups = defaultdict(list)
    for record_id, person in truth.items():
        groups[person].append(record_id)
    expected = {p for g in groups.values() for p in itertools.combinations(sorted(g), 2)}
    hits = len(found & expected)
    return 2 * hits / (len(found) + len(expected))


def test_spark_trains_and_links_like_duckdb(spark):
    records, truth = demo_link_records(600, 11)
    on_spark = train_and_score(records, backend="spark", spark=spark)
    on_duckdb = train_and_score(records)
    # every level ends with an m, trained here or taken from the prior model
    for comparison in on_spark.settings["comparisons"]:
        for level in comparison["comparison_levels"]:
            assert level.get("is_null_level") or level["m_probability"] > 0
    f1_spark, f1_duckdb = _f1(records, truth, on_spark), _f1(records, truth, on_duckdb)
    assert f1_spark > 0.95 and abs(f1_spark - f1_duckdb) < 0.02
    strong_spark = {(p.left, p.right) for p in on_spark.pairs if p.probability >= 0.8}
    strong_duckdb = {(p.left, p.right) for p in on_duckdb.pairs if p.probability >= 0.8}
    overlap = len(strong_spark & strong_duckdb) / len(strong_spark | strong_duckdb)
    assert overlap > 0.95


def test_a_registry_too_small_to_train_links_on_spark_as_on_duckdb(spark):
    # Under 500 records the prior model's parameters are used: saved in DuckDB's SQL, they once
    # gave every pair on Spark the same probability, 0.0003, and nobody was linked.
    records, truth = demo_link_records(200, 11)
    on_spark = train_and_score(records, backend="spark", spark=spark)
    on_duckdb = train_and_score(records)
    assert "the parameters trained on the demo lists are used" in on_spark.notes[0]
    assert _f1(records, truth, on_spark) == _f1(records, truth, on_duckdb) > 0.95
    assert {(p.left, p.right): round(p.probability, 6) for p in on_spark.pairs} == {
        (p.left, p.right): round(p.probability, 6) for p in on_duckdb.pairs
    }


def test_spark_link_on_the_command_line_shows_tizims_progress_not_sparks(tmp_path):
    from tests.cli.test_cli import tizim

    home = tmp_path / "data"
    assert tizim(home, "init").returncode == 0
    sheet = tmp_path / "list.csv"
    sheet.write_text(
        "ФИО,Дата рождения,Город,Статус\n"
        "Төрегожина Бақытжан,02.05.1970,Алматы,пропала без вести\n"
        "Торегожина Бахытжан,02.05.1970,Алматы,задержана\n"
        "Серикбаев Ерлан,12.03.1985,Алматы,задержан\n",
        encoding="utf-8",
    )
    assert tizim(home, "source", "add", "sheet", "--kind", "other").returncode == 0
    assert tizim(home, "import", str(sheet), "--source", "sheet").returncode == 0
    done = tizim(home, "link", "--backend", "spark")
    assert done.returncode == 0, done.stderr
    assert "scoring candidate pairs" in done.stderr and "starting Spark" in done.stderr
    # Spark's progress bars, its log lines ("WARN Utils: …") and library warnings stay out
    assert "[Stage" not in done.stderr and " WARN " not in done.stderr, done.stderr[:2000]
    assert "Warning" not in done.stderr, done.stderr[:2000]
    log = next(line for line in done.stdout.splitlines() if "Spark's own log" in line)
    assert Path(log.rsplit(": ", 1)[1]).exists()


def test_link_names_a_spark_master_it_cannot_reach_and_changes_nothing(tmp_path):
    import socket

    from tests.cli.test_cli import tizim

    home = tmp_path / "data"
    assert tizim(home, "init").returncode == 0
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))  # bound, not listening: nothing answers there
        url = f"spark://127.0.0.1:{probe.getsockname()[1]}"
        done = tizim(home, "link", "--backend", "spark", "--spark-master", url)
    assert done.returncode != 0
    assert "cannot reach the Spark master at 127.0.0.1:" in done.stderr, done.stderr
    assert "link run #" not in done.stdout
    wrong = tizim(home, "link", "--backend", "spark", "--spark-master", "yarn")
    assert wrong.returncode != 0 and "spark://HOST:PORT" in wrong.stderr, wrong.stderr
