"""The ``tizim`` command line, run as a user runs it: a real process, a real data folder."""

from __future__ import annotations

import csv
import json
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.factories import NGO_HEADERS, write_csv
from tizim.cli.importing import load_mapping

pytestmark = [pytest.mark.sqlite_only, pytest.mark.slow(minutes=2)]

ROWS = [
    (
        "1",
        "Серикбаев Ерлан Болатович",
        "12.03.1985",
        "г. Алматы",
        "пропал без вести",
        "06.01.2022",
        "",
    ),
    ("2", "Жумабекова Айгерим", "1990 г.р.", "Талдыкорган", "задержана", "31.02.2022", ""),
]


def tizim(home: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "PYTEST_VERSION")}
    env["TIZIM_HOME"] = str(home)
    env["TIZIM_ADMIN_PASSWORD"] = "a long test password 42"
    return subprocess.run(
        [sys.executable, "-m", "tizim", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        input=stdin,
    )


def count(home: Path, table: str) -> int:
    with sqlite3.connect(home / "tizim.sqlite3") as db:
        return int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


@pytest.fixture
def home(tmp_path: Path) -> Path:
    home = tmp_path / "data"
    result = tizim(home, "init", "--admin", "admin")
    assert result.returncode == 0, result.stderr
    assert "tizim instance ready" in result.stdout
    return home


@pytest.mark.parametrize(
    "args",
    [
        (),
        ("init",),
        ("user", "add"),
        ("user", "list"),
        ("user", "role"),
        ("source", "add"),
        ("source", "set"),
        ("source", "list"),
        ("import",),
        ("export",),
        ("link",),
        ("serve",),
        ("demo",),
        ("audit", "verify"),
    ],
)
def test_every_subcommand_has_help(tmp_path, args):
    result = tizim(tmp_path / "unused", *args, "--help")
    assert result.returncode == 0
    assert "usage: tizim" in result.stdout
    assert not (tmp_path / "unused").exists()  # --help writes nothing


def test_init_creates_a_private_data_folder(home):
    assert (home / "tizim.sqlite3").is_file()
    assert (home / "secret_key").stat().st_mode & 0o077 == 0
    assert count(home, "auth_user") == 1


def test_user_add_creates_a_staff_member_and_refuses_weak_passwords(home):
    assert tizim(home, "user", "add", "volunteer").returncode == 0
    with sqlite3.connect(home / "tizim.sqlite3") as db:
        staff, admin, hashed = db.execute(
            "SELECT is_staff, is_superuser, password FROM auth_user WHERE username = 'volunteer'"
        ).fetchone()
    # a new user is a data-entry volunteer: no admin site, no superuser
    assert staff == 0 and admin == 0 and hashed.startswith("argon2")
    env_weak = {"TIZIM_ADMIN_PASSWORD": "123"}
    weak = subprocess.run(
        [sys.executable, "-m", "tizim", "user", "add", "weakling"],
        env={
            **{k: v for k, v in os.environ.items() if k != "DATABASE_URL"},
            "TIZIM_HOME": str(home),
            **env_weak,
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert weak.returncode == 1 and "password refused" in weak.stderr


def test_commands_before_init_say_what_to_do(tmp_path):
    result = tizim(tmp_path / "empty", "source", "list")
    assert result.returncode == 1
    assert "run 'tizim init' first" in result.stderr


def test_source_add_import_export_round(home, tmp_path):
    assert (
        tizim(
            home,
            "source",
            "add",
            "ngo-sheet",
            "--kind",
            "ngo_spreadsheet",
            "--language",
            "ru",
            "--obtained",
            "2022-01-10",
        ).returncode
        == 0
    )
    sheet = write_csv(tmp_path / "sheet.csv", NGO_HEADERS, ROWS)
    result = tizim(home, "import", str(sheet), "--source", "ngo-sheet")
    assert result.returncode == 0, result.stderr
    assert "rows read" in result.stdout and "quarantined: date" in result.stdout
    assert count(home, "registry_record") == 2

    out = tmp_path / "records.csv"
    result = tizim(home, "export", "records", "--format", "csv", "--output", str(out))
    assert result.returncode == 0, result.stderr
    with out.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["row"] for r in rows] == ["2", "3"]
    assert {"source", "row", "person", "surname", "given_name", "fate"} <= set(rows[0])
    assert rows[0]["source"] == "ngo-sheet" and rows[0]["person"].startswith("P")
    assert rows[0]["fate"] == "missing" and rows[1]["person"] == ""  # quarantined: no person

    listing = tizim(home, "source", "list")
    assert "ngo-sheet" in listing.stdout


def test_dry_run_prints_problems_and_writes_nothing(home, tmp_path):
    tizim(home, "source", "add", "ngo-sheet", "--kind", "ngo_spreadsheet")
    sheet = write_csv(tmp_path / "sheet.csv", NGO_HEADERS, ROWS)
    result = tizim(home, "import", str(sheet), "--source", "ngo-sheet", "--dry-run")
    assert result.returncode == 0
    assert "row 3: date: no such date" in result.stdout
    assert "nothing was written" in result.stdout
    assert count(home, "registry_record") == 0


def test_unknown_source_is_a_clear_error_and_writes_nothing(home, tmp_path):
    sheet = write_csv(tmp_path / "sheet.csv", NGO_HEADERS, ROWS)
    result = tizim(home, "import", str(sheet), "--source", "nope")
    assert result.returncode == 1
    assert "unknown source 'nope'" in result.stderr and "tizim source add" in result.stderr
    assert "Traceback" not in result.stderr
    assert count(home, "registry_record") == 0


def test_missing_and_binary_files_are_clear_errors(home, tmp_path):
    tizim(home, "source", "add", "ngo-sheet", "--kind", "ngo_spreadsheet")
    result = tizim(home, "import", str(tmp_path / "absent.csv"), "--source", "ngo-sheet")
    assert result.returncode == 1 and "no such file" in result.stderr
    binary = tmp_path / "scan.csv"
    binary.write_bytes(bytes(range(256)) * 50)
    result = tizim(home, "import", str(binary), "--source", "ngo-sheet")
    assert result.returncode == 1 and "not a text" in result.stderr
    assert "Traceback" not in result.stderr
    assert count(home, "registry_record") == 0


def test_wrong_encoding_midway_is_a_clear_error_and_writes_nothing(home, tmp_path):
    tizim(home, "source", "add", "ngo-sheet", "--kind", "ngo_spreadsheet")
    mixed = tmp_path / "mixed.csv"
    head = "№,ФИО,Статус\n" + "".join(f"{i},Оспанов Нурлан,задержан\n" for i in range(4000))
    mixed.write_bytes(
        head.encode("utf-8") + "4001,Әлиев Нұрлан,задержан\n".encode("cp1251", "replace")
    )
    result = tizim(home, "import", str(mixed), "--source", "ngo-sheet")
    assert result.returncode == 1
    assert "not valid utf-8" in result.stderr and "row 4002" in result.stderr
    assert count(home, "registry_record") == 0


def test_bad_arguments_exit_non_zero(home):
    assert tizim(home, "source", "add", "x", "--kind", "blog").returncode == 1
    bad_date = tizim(home, "source", "add", "x", "--kind", "other", "--obtained", "6 Jan")
    assert bad_date.returncode == 2 and "not a date" in bad_date.stderr
    assert tizim(home, "export", "everything").returncode == 2


def test_audit_verify_catches_tampering(home, tmp_path):
    tizim(home, "source", "add", "ngo-sheet", "--kind", "ngo_spreadsheet")
    ok = tizim(home, "audit", "verify")
    assert ok.returncode == 0 and "intact" in ok.stdout
    with sqlite3.connect(home / "tizim.sqlite3") as db:
        db.execute("UPDATE audit_auditentry SET actor = 'nobody' WHERE id = 1")
    bad = tizim(home, "audit", "verify")
    assert bad.returncode == 1 and "TAMPERED: entry #1" in bad.stdout


def test_link_joins_one_person_across_lists_and_scripts(home, tmp_path):
    tizim(home, "source", "add", "ngo-sheet", "--kind", "ngo_spreadsheet")
    tizim(home, "source", "add", "radio", "--kind", "radio_list")
    tizim(
        home,
        "import",
        str(write_csv(tmp_path / "a.csv", NGO_HEADERS, ROWS[:1])),
        "--source",
        "ngo-sheet",
        "--no-link",
    )
    radio = write_csv(
        tmp_path / "b.csv",
        ("Аты-жөні", "Жасы", "Қаласы", "Мәртебесі", "Күні"),
        [("Ерлан Серікбаев", "36", "Алматы", "ұсталды", "08.01.2022")],
    )
    # Linked by the command below, not by the import (which would link it at once).
    skipped = tizim(home, "import", str(radio), "--source", "radio", "--no-link")
    assert "not linked (--no-link)" in skipped.stdout
    result = tizim(home, "link")
    assert result.returncode == 0, result.stderr
    out = tmp_path / "records.csv"
    tizim(home, "export", "records", "--output", str(out))
    with out.open(encoding="utf-8") as fh:
        persons = {r["source"]: r["person"] for r in csv.DictReader(fh)}
    assert persons["ngo-sheet"] == persons["radio"]
    assert "link run #1 (duckdb): 2 records (2 new)" in result.stdout
    assert "1 records moved" in result.stdout
    again = tizim(home, "link", "--full", "--threshold", "0.9")
    assert again.returncode == 0 and "0 records moved" in again.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--threshold", "1.5"], "a probability between 0 and 1"),
        (["--threshold", "high"], "not a number"),
        (["--backend", "oracle"], "invalid choice"),
    ],
)
def test_link_refuses_bad_options(home, args, message):
    result = tizim(home, "link", *args)
    assert result.returncode == 2 and message in result.stderr


def test_export_to_a_folder_that_does_not_exist_is_one_clear_line(home, tmp_path):
    missing = tmp_path / "missing" / "dir" / "x.csv"
    for what in ("records", "acts"):
        result = tizim(home, "export", what, "-o", str(missing))
        assert result.returncode == 1
        assert result.stderr.strip() == (
            f"tizim: error: cannot write {missing}: no such directory {missing.parent}"
        )
    folder = tizim(home, "export", "records", "-o", str(tmp_path))
    assert folder.returncode == 1 and "is a folder, not a file" in folder.stderr
    assert "Traceback" not in folder.stderr
    assert not missing.parent.exists()


@pytest.mark.parametrize(
    "args",
    [
        ("export", "records", "--format", "csv"),
        ("import", "sheet.csv", "--source", "ngo-sheet", "--dry-run"),
        ("source", "list"),
    ],
)
def test_a_reader_that_stops_reading_is_no_error(home, tmp_path, args):
    tizim(home, "source", "add", "ngo-sheet", "--kind", "ngo_spreadsheet")
    sheet = write_csv(tmp_path / "sheet.csv", NGO_HEADERS, ROWS)
    tizim(home, "import", str(sheet), "--source", "ngo-sheet")
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "PYTEST_VERSION")}
    env["TIZIM_HOME"] = str(home)
    # As `tizim … | head` does: the reader is gone before the command writes its output.
    process = subprocess.Popen(
        [sys.executable, "-m", "tizim", *args],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    process.stdout.close()
    _, stderr = process.communicate(timeout=300)
    assert stderr == ""
    assert process.returncode == 1


def test_dry_run_shows_columns_then_sample_rows_then_problems_then_counts(home, tmp_path):
    tizim(home, "source", "add", "ngo-sheet", "--kind", "ngo_spreadsheet")
    rows = [*ROWS, ("3", "Абенов-Ким Нурлан", "", "Талгар", "погиб", "06.01", "")]
    sheet = write_csv(tmp_path / "sheet.csv", NGO_HEADERS, rows)
    result = tizim(
        home, "import", str(sheet), "--source", "ngo-sheet", "--dry-run", "--obtained", "2022-01-10"
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    columns = out.index("columns: '№'→source_id, 'ФИО'→full_name")
    sample = out.index("first 3 row(s) as parsed:")
    problems = out.index("problems:")
    counts = out.index("rows read")
    assert columns < sample < problems < counts
    table = out[sample:problems].splitlines()
    assert table[1].split() == [
        "row", "surname", "given", "name", "patronymic", "birth", "place", "fate", "date"
    ]  # fmt: skip
    assert table[3].split() == [
        "2", "Серикбаев", "Ерлан", "Болатович", "1985-03-12", "г.", "Алматы", "→", "almaty",
        "missing", "2022-01-06",
    ]  # fmt: skip
    assert table[4].split()[:2] == ["3", "quarantined:"]
    assert "no such date: 31.02.2022" in table[4]
    # a day and month without a year are in the year the list was obtained
    assert table[5].split() == [
        "4", "Абенов-Ким", "Нурлан", "Талгар", "→", "talgar", "killed", "2022-01-06"
    ]  # fmt: skip
    assert count(home, "registry_record") == 0


def test_dry_run_lists_places_the_gazetteer_does_not_know(home, tmp_path):
    tizim(home, "source", "add", "ngo-sheet", "--kind", "ngo_spreadsheet")
    unknown = [
        (str(n), name, "", place, "погиб", "06.01.2022", "")
        for n, (name, place) in enumerate(
            [
                ("Ахметов Ержан", "Мухосранск"),
                ("Оспанов Ерлан", "Мухосранск"),
                ("Ким Анна", "Алмата-Сити"),
                ("Ли Мария", "Алматы"),
            ],
            start=1,
        )
    ]
    sheet = write_csv(tmp_path / "sheet.csv", NGO_HEADERS, unknown)
    out = tizim(home, "import", str(sheet), "--source", "ngo-sheet", "--dry-run").stdout
    listed = out.split("places not in the gazetteer (kept as written, no region):\n", 1)[1]
    assert listed.splitlines()[:2] == ["  'Мухосранск': 2 row(s)", "  'Алмата-Сити': 1 row(s)"]
    assert "'Алматы'" not in listed
    assert "Мухосранск → ?" in out


def test_a_mapping_naming_a_header_the_file_lacks_is_refused(home, tmp_path):
    tizim(home, "source", "add", "ngo-sheet", "--kind", "ngo_spreadsheet")
    sheet = write_csv(tmp_path / "sheet.csv", NGO_HEADERS, ROWS)
    mapping = tmp_path / "columns.toml"
    mapping.write_text('[columns]\n"Кто" = "full_name"\n"статус" = "fate"\n', encoding="utf-8")
    for extra in ((), ("--dry-run",)):
        result = tizim(
            home, "import", str(sheet), "--source", "ngo-sheet", "--mapping", str(mapping), *extra
        )
        assert result.returncode == 1
        assert "mapping columns.toml names column(s) sheet.csv does not have: 'Кто'" in (
            result.stderr
        )
        assert "'статус'" not in result.stderr  # found, case aside
        assert "its columns are: '№', 'ФИО', 'Дата рождения'" in result.stderr
        assert "Traceback" not in result.stderr
    assert count(home, "registry_record") == 0


def test_a_list_without_a_name_column_is_refused_with_a_mapping_to_start_from(home, tmp_path):
    tizim(home, "source", "add", "ngo-sheet", "--kind", "ngo_spreadsheet")
    audited = count(home, "audit_auditentry")
    sheet = write_csv(
        tmp_path / "sheet.csv",
        ("Город", "Статус", "Куда увезли"),
        [("г. Алматы", "задержан", "ИВС"), ("Тараз", "погиб", "")],
    )
    for extra in (("--dry-run",), ()):
        result = tizim(home, "import", str(sheet), "--source", "ngo-sheet", *extra)
        assert result.returncode == 1, result.stdout
        assert "sheet.csv: no column holds a person's name" in result.stderr
        assert "'Город', 'Статус', 'Куда увезли'" in result.stderr
        mapping = tmp_path / "mapping.toml"
        mapping.write_text(result.stderr.split("\n", 1)[1], encoding="utf-8")
        assert load_mapping(mapping) == {"Город": "place", "Статус": "fate", "Куда увезли": ""}
        assert "Traceback" not in result.stderr
    assert count(home, "registry_record") == 0 and count(home, "registry_importbatch") == 0
    assert count(home, "audit_auditentry") == audited


def test_a_list_of_the_dead_says_its_fate_once_and_its_persons_count_as_dead(home, tmp_path):
    dead = write_csv(
        tmp_path / "official.csv",
        ("ФИО", "Дата рождения", "Место гибели"),
        [("АБДУЛЛАЕВА БАЯН МУХТАРОВНА", "18.02.2000", "Уральск")],
    )
    tizim(home, "source", "add", "official", "--kind", "official_list")
    dry = tizim(home, "import", str(dead), "--source", "official", "--dry-run")
    assert dry.returncode == 0 and "tizim source set official --fate killed" in dry.stdout
    result = tizim(home, "import", str(dead), "--source", "official", "--fate", "погиб")
    assert result.returncode == 0, result.stderr
    assert re.search(r"fate from the list: killed +1", result.stdout)
    counts = json.loads(tizim(home, "counts", "--by", "none", "--json").stdout)
    assert counts["totals"]["dead"] == 1
    assert "Уральск" not in tizim(home, "import", str(dead), "--source", "official").stdout

    tizim(home, "source", "add", "radio", "--kind", "radio_list", "--fate", "қаза тапты")
    assert tizim(home, "source", "set", "radio", "--fate", "none").returncode == 0
    bad = tizim(home, "source", "set", "radio", "--fate", "happy")
    assert bad.returncode == 1 and "unknown status" in bad.stderr
    assert tizim(home, "source", "set", "official", "--fate", "killed").returncode == 0
    listing = tizim(home, "source", "list").stdout
    assert re.search(r"official +official_list +killed", listing)


def test_import_help_says_what_dates_without_a_year_are_counted_from(tmp_path):
    result = tizim(tmp_path / "unused", "import", "--help")
    assert result.returncode == 0
    assert "without a year" in " ".join(result.stdout.split())


def test_import_says_a_date_column_is_read_month_first(home, tmp_path):
    sheet = tmp_path / "us.csv"
    sheet.write_text(
        "Name,Status,Date\nYerlan Serikbayev,detained,1/25/2022\nNurlan Ospanov,killed,1/6/2022\n",
        encoding="utf-8",
    )
    assert tizim(home, "source", "add", "us-press", "--kind", "press_list").returncode == 0
    result = tizim(home, "import", str(sheet), "--source", "us-press", "--dry-run")
    assert result.returncode == 0, result.stderr
    said = " ".join(result.stdout.split())
    assert "dates in 'Date' are read month first (1/8/2022 is 8 January)" in said
    assert "a mapping of the column to event_date reads them day first" in said


def test_a_first_day_of_the_events_that_is_no_date_is_named(home, monkeypatch):
    monkeypatch.setenv("TIZIM_EVENTS_BEGIN", "2020-13-01")
    result = tizim(home, "source", "list")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "TIZIM_EVENTS_BEGIN='2020-13-01' is not a date written YYYY-MM-DD" in result.stderr
