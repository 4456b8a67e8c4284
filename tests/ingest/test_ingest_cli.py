"""``tizim ingest`` run as a user runs it: a real process, a real data folder."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.cli.test_cli import tizim

pytestmark = [pytest.mark.sqlite_only, pytest.mark.slow]

SEEDS = Path(__file__).parent / "data" / "seeds"


@pytest.fixture
def home(tmp_path: Path) -> Path:
    home = tmp_path / "data"
    assert tizim(home, "init", "--admin", "admin").returncode == 0
    return home


def _count(home: Path, table: str) -> int:
    with sqlite3.connect(home / "tizim.sqlite3") as db:
        return int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_dry_run_json_prints_the_documented_shape_and_writes_nothing(home):
    audit_before = _count(home, "audit_auditentry")
    result = tizim(
        home, "ingest", str(SEEDS / "004-nyt-reports-of-abuses.txt"), "--dry-run", "--json"
    )
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert found["published"] == "2022-01-31"
    custody = next(c for c in found["claims"] if c["value"] == 970)
    assert (custody["measure"], custody["as_of"], custody["fate_group"]) == (
        "on_date",
        "2022-01-22",
        "custody",
    )
    assert {p["name"] for p in found["persons"]} >= {"Zhagiparov Yerlan", "Kim Timur"}
    assert _count(home, "ingest_article") == 0
    assert _count(home, "audit_auditentry") == audit_before


def test_ingest_stores_the_text_once_with_its_digest(home):
    seed = SEEDS / "001-bbc-if-you-protest-again.txt"
    first = tizim(home, "ingest", str(seed), "--source", "bbc-2022-01-21")
    assert first.returncode == 0, first.stderr
    assert "stored as article 1" in first.stdout and "2 claims" in first.stdout
    again = tizim(home, "ingest", str(seed), "--source", "bbc-2022-01-21")
    assert "already stored" in again.stdout
    with sqlite3.connect(home / "tizim.sqlite3") as db:
        text, digest = db.execute("SELECT text, text_sha256 FROM ingest_article").fetchone()
        kinds = [k for (k,) in db.execute("SELECT kind FROM ingest_proposal ORDER BY id")]
        with pytest.raises(sqlite3.IntegrityError, match="cannot be changed"):
            db.execute("UPDATE ingest_article SET text = 'rewritten'")
    assert text == seed.read_text()
    import hashlib

    assert digest == hashlib.sha256(text.encode()).hexdigest()
    assert kinds.count("claim") == 2 and kinds.count("person") == 2
    assert _count(home, "registry_claim") == 0  # nothing counts before review


def test_a_source_named_in_any_words_gets_a_short_name_made_from_them(home, tmp_path):
    chat = tmp_path / "chat.txt"
    chat.write_text("Шиели, 8 января. В отделе полиции задержаны 12 человек.", encoding="utf-8")
    refused = tizim(home, "ingest", str(chat), "--source", "!!!", "--published", "2022-01-08")
    assert refused.returncode == 1 and "no letter or digit" in refused.stderr
    assert _count(home, "ingest_article") == 0
    result = tizim(
        home, "ingest", str(chat), "--source", "Чат родственников, Шиели",
        "--published", "2022-01-08",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "of source chat-rodstvennikov-shieli" in result.stdout
    with sqlite3.connect(home / "tizim.sqlite3") as db:
        rows = db.execute("SELECT name, title FROM registry_source").fetchall()
    assert ("chat-rodstvennikov-shieli", "Чат родственников, Шиели") in rows


def test_an_article_without_a_date_asks_for_it(home):
    result = tizim(
        home, "ingest", str(SEEDS / "003-amnesty-release-protestors.txt"), "--source", "amnesty"
    )
    assert result.returncode == 1 and "--published" in result.stderr
    assert _count(home, "ingest_article") == 0
    result = tizim(
        home, "ingest", str(SEEDS / "003-amnesty-release-protestors.txt"),
        "--source", "amnesty", "--published", "2022-01-12", "--json",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "stored as article" in result.stderr  # stdout is the JSON alone
    found = json.loads(result.stdout)
    assert found["published"] == "2022-01-12"
    assert any(c["as_of"] == "2022-01-11" for c in found["claims"])  # "On Tuesday"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("photo.jpg", bytes(range(256)) * 40, "binary file"),
        ("empty.html", b"<html><body></body></html>", "no article text"),
        ("broken.pdf", b"%PDF-1.4\n\x00\x01garbage", "PDF"),
    ],
)
def test_bad_input_gives_a_clear_message_and_writes_nothing(home, tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    result = tizim(home, "ingest", str(path), "--source", "x", "--published", "2022-01-12")
    assert result.returncode == 1
    assert message in result.stderr and "Traceback" not in result.stderr
    assert _count(home, "ingest_article") == 0 and _count(home, "registry_source") == 0


def test_a_100_mb_text_is_refused_before_it_is_read(home, tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as out:
        out.truncate(100 * 1024 * 1024)  # sparse: 100 MB on paper, nothing on disk
    result = tizim(home, "ingest", str(path), "--dry-run")
    assert result.returncode == 1 and "100 MB, more than any article" in result.stderr


def test_a_folder_is_read_file_by_file_and_a_bad_file_does_not_stop_it(home, tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for seed in sorted(SEEDS.glob("00[01]*.txt")):
        (folder / seed.name).write_bytes(seed.read_bytes())
    (folder / "photo.jpg").write_bytes(bytes(range(256)) * 40)
    result = tizim(home, "ingest", str(folder), "--dry-run", "--json")
    assert result.returncode == 1  # one file could not be read
    assert "photo.jpg: this is a binary file" in result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["file"] for line in lines] == sorted(p.name for p in SEEDS.glob("00[01]*.txt"))
    assert all(line["claims"] for line in lines)


def test_a_possible_figure_is_told_apart_in_the_summary(home, tmp_path):
    article = tmp_path / "zharkent.txt"
    article.write_text("Жаркент, 14 января. Задержаны 41 человек. Уголовных дел возбуждено 56.")
    result = tizim(home, "ingest", str(article), "--dry-run", "--published", "2022-01-14")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert any(" 41 " in line and "possible" not in line for line in lines), result.stdout
    assert any(" 56 " in line and "possible figure, chance" in line for line in lines)


def test_a_possible_person_is_told_apart_in_the_summary(home, tmp_path):
    article = tmp_path / "shieli.txt"
    article.write_text(
        "Шиелі, 12 қаңтар. Еріктілер хабарласа алмаған адамдар тізімі:\n"
        "Сәрсенов Ерұлан, 1999 ж.т., жүргізуші.\n"
    )
    result = tizim(home, "ingest", str(article), "--dry-run", "--language", "kk")
    assert result.returncode == 0, result.stderr
    [line] = [line for line in result.stdout.splitlines() if "Сәрсенов" in line]
    assert "missing" in line and "possible person, chance" in line
