"""import → export → import loses nothing: a records export restores the same registry."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from tests.cli.test_cli import tizim
from tests.core.test_cells import FORMULA_NOTES

pytestmark = [pytest.mark.sqlite_only, pytest.mark.slow(minutes=1)]


@pytest.fixture(scope="module")
def original(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A demo instance (several lists, a re-sent sheet, quarantine, linked persons) and its
    records export."""
    root = tmp_path_factory.mktemp("roundtrip")
    home = root / "original"
    assert tizim(home, "demo", "--persons", "150").returncode == 0
    exported = root / "original.csv"
    result = tizim(home, "export", "records", "--output", str(exported))
    assert result.returncode == 0, result.stderr
    return home, exported


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@pytest.mark.parametrize("fmt", ["csv", "json", "xlsx"])
def test_an_export_restores_to_the_same_records(original, tmp_path, fmt):
    home, exported = original
    source_file = tmp_path / f"export.{fmt}"
    assert (
        tizim(home, "export", "records", "--format", fmt, "--output", str(source_file)).returncode
        == 0
    )
    copy = tmp_path / "copy"
    assert tizim(copy, "init").returncode == 0
    result = tizim(copy, "import", str(source_file))
    assert result.returncode == 0, result.stderr
    assert "restored with its own sources" in result.stdout
    again = tmp_path / "again.csv"
    assert tizim(copy, "export", "records", "--output", str(again)).returncode == 0
    before, after = rows(exported), rows(again)
    assert len(before) > 200
    assert after == before  # every column of every record, persons and versions included
    assert any(r["quarantine_reason"] for r in after)
    assert any(r["current_version"] == "no" for r in after)
    assert len({r["person"] for r in after if r["person"]}) < len(after)  # linked persons


def test_restoring_into_the_same_instance_changes_nothing(original):
    home, exported = original
    result = tizim(home, "import", str(exported))
    assert result.returncode == 0, result.stderr
    unchanged = next(line for line in result.stdout.splitlines() if line.startswith("unchanged"))
    assert unchanged.split()[-1] == str(len(rows(exported)))


def test_json_export_holds_raw_values_as_objects(original, tmp_path):
    home, _ = original
    out = tmp_path / "records.json"
    tizim(home, "export", "records", "--format", "json", "--output", str(out))
    data = json.loads(out.read_text(encoding="utf-8"))
    assert isinstance(data[0]["raw"], dict) and data[0]["source"]


def test_a_plain_list_without_source_is_refused(original, tmp_path):
    home, _ = original
    plain = tmp_path / "plain.csv"
    plain.write_text("ФИО,Статус\nОспанов Нурлан,задержан\n", encoding="utf-8")
    result = tizim(home, "import", str(plain))
    assert result.returncode == 1 and "--source is needed" in result.stderr


def test_a_damaged_export_is_refused_whole(original, tmp_path):
    _, exported = original
    lines = exported.read_text(encoding="utf-8").splitlines()
    damaged = tmp_path / "damaged.csv"
    damaged.write_text(
        "\n".join([*lines[:5], lines[5].replace('{"', "{broken"), ""]), encoding="utf-8"
    )
    copy = tmp_path / "copy"
    tizim(copy, "init")
    result = tizim(copy, "import", str(damaged))
    assert result.returncode == 1 and "row 6" in result.stderr and "damaged" in result.stderr
    out = tmp_path / "after.csv"
    tizim(copy, "export", "records", "--output", str(out))
    assert rows(out) == []


def test_versions_of_a_renumbered_sheet_survive_a_restore(tmp_path):
    """A re-sent sheet renumbered after a deletion gives a row's new version another id: the
    restore chains versions by the version each one replaced, not by the id."""
    home = tmp_path / "original"
    assert tizim(home, "init").returncode == 0
    assert tizim(home, "source", "add", "ngo-sheet", "--kind", "ngo_spreadsheet").returncode == 0
    head = "№;ФИО;Город;Статус;Дата\n"
    first = tmp_path / "v1.csv"
    first.write_text(
        head + "1;Иванов Пётр Сергеевич;Алматы;пропал без вести;06.01.2022\n"
        "2;Сериков Асхат;Талдыкорган;погиб;05.01.2022\n",
        encoding="utf-8",
    )
    second = tmp_path / "v2.csv"
    second.write_text(
        head + "1;Сериков Асхат;Талдыкорган;погиб;05.01.2022\n"
        "2;Иванов Пётр Сергеевич;Алматы;задержан;10.01.2022\n",
        encoding="utf-8",
    )
    for sheet in (first, second):
        assert tizim(home, "import", str(sheet), "--source", "ngo-sheet").returncode == 0
    exported = tmp_path / "export.csv"
    assert tizim(home, "export", "records", "--output", str(exported)).returncode == 0
    versions = {(r["source_record_id"], r["version"], r["current_version"]) for r in rows(exported)}
    assert versions == {("1", "1", "no"), ("2", "1", "yes"), ("2", "2", "yes")}

    copy = tmp_path / "copy"
    assert tizim(copy, "init").returncode == 0
    assert tizim(copy, "import", str(exported)).returncode == 0
    again = tmp_path / "again.csv"
    assert tizim(copy, "export", "records", "--output", str(again)).returncode == 0
    assert rows(again) == rows(exported)
    timelines = []
    for instance in (home, copy):
        result = tizim(instance, "export", "persons", "--format", "json")
        ivanov = [p for p in json.loads(result.stdout) if p["display_name"].startswith("Иванов")]
        timelines.append(ivanov[0]["timeline"])
    assert timelines[0] == timelines[1] == "2022-01-06 missing; 2022-01-10 detained"


@pytest.fixture(scope="module")
def formula_notes(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An instance whose list has notes a spreadsheet program would run as formulas."""
    home = tmp_path_factory.mktemp("formulas") / "home"
    assert tizim(home, "init").returncode == 0
    listed = home.parent / "list.csv"
    with listed.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["№", "ФИО", "Статус", "Дата", "Примечание"])
        for number, note in enumerate(FORMULA_NOTES, start=1):
            writer.writerow([number, f"Серикбаев Ерлан {number}", "задержан", "06.01.2022", note])
    assert tizim(home, "source", "add", "sheet", "--kind", "ngo_spreadsheet").returncode == 0
    result = tizim(home, "import", str(listed), "--source", "sheet")
    assert result.returncode == 0, result.stderr
    return home


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_formula_like_notes_are_neutralised_and_restore_exactly(formula_notes, tmp_path, fmt):
    exported = tmp_path / f"records.{fmt}"
    result = tizim(formula_notes, "export", "records", "--format", fmt, "--output", str(exported))
    assert result.returncode == 0, result.stderr
    if fmt == "xlsx":
        from openpyxl import load_workbook

        sheet = load_workbook(exported).active
        cells = [c for row in sheet.iter_rows() for c in row]
        assert not any(c.data_type == "f" for c in cells)  # not one formula
        assert sum(str(c.value).startswith("=") for c in cells) >= 2  # but the text is there
    else:
        with exported.open(encoding="utf-8", newline="") as fh:
            notes = [row["notes"] for row in csv.DictReader(fh)]
        # The parsed notes (trimmed) are quoted; the raw values are inside the JSON column.
        assert len(notes) == len(FORMULA_NOTES) and all(n.startswith("'") for n in notes)
    copy = tmp_path / "copy"
    assert tizim(copy, "init").returncode == 0
    result = tizim(copy, "import", str(exported))
    assert result.returncode == 0, result.stderr
    again = tmp_path / f"again.{fmt}"
    assert tizim(copy, "export", "records", "--format", fmt, "--output", str(again)).returncode == 0
    if fmt == "csv":
        assert again.read_bytes() == exported.read_bytes()
    else:  # an XLSX file carries its time of writing: compare what its cells hold
        from openpyxl import load_workbook

        def cells(path: Path) -> list[tuple[object, str]]:
            sheet = load_workbook(path).active
            return [(c.value, c.data_type) for row in sheet.iter_rows() for c in row]

        assert cells(again) == cells(exported)
