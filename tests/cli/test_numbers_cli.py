"""``tizim estimate`` and ``tizim counts`` run as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.test_cli import home, tizim  # noqa: F401 (fixture)
from tests.estimates.test_numbers_services import NGO, PRESS
from tests.factories import NGO_HEADERS, write_csv

pytestmark = pytest.mark.sqlite_only
UK = (
    Path(__file__).parent.parent
    / "core"
    / "estimation"
    / "data"
    / "uk2013_modern_slavery_5lists.csv"
)


def test_estimate_a_table_given_directly_as_json(tmp_path):
    result = tizim(tmp_path / "unused", "estimate", "--table", str(UK), "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["observed"] == 2744
    for estimate in report["estimates"]:
        assert {"observed", "estimate", "lower", "upper", "model", "method"} <= set(estimate)
    stepwise = next(e for e in report["estimates"] if e["method"] == "stepwise_aic")
    # Bales, Hesketh & Silverman (2015): 11,313
    assert stepwise["estimate"] == pytest.approx(11313, rel=0.01)
    assert stepwise["lower"] < stepwise["estimate"] < stepwise["upper"]


def test_estimate_a_table_as_text_with_chosen_methods(tmp_path):
    result = tizim(tmp_path / "unused", "estimate", "--table", str(UK), "--method", "independence")
    assert result.returncode == 0, result.stderr
    assert "2744 persons observed" in result.stdout
    assert "1=LA (" in result.stdout and "00100    995" in result.stdout
    assert "independence" in result.stdout and "stepwise_aic" not in result.stdout


def test_the_text_says_what_an_estimate_rests_on(tmp_path):
    result = tizim(tmp_path / "unused", "estimate", "--table", str(UK), "--method", "graphical_bma")
    assert result.returncode == 0, result.stderr
    # The prior, and the estimate under the other usual prior, as the estimate page shows them.
    assert "graphical_bma: prior: hyper-Dirichlet delta = 0.03125 per cell" in result.stdout
    assert "graphical_bma: sensitivity: " in result.stdout


def test_the_simulation_check_on_the_tables_shape_can_be_set_or_turned_off(tmp_path):
    kosovo = UK.with_name("kosovo1999_4lists.csv")
    run = [tmp_path / "unused", "estimate", "--table", str(kosovo), "--method", "latent_class"]
    checked = tizim(*run)
    assert checked.returncode == 0, checked.stderr
    assert "warning [shape_check_failed]: Simulation check on this table's shape failed" in (
        checked.stdout
    )
    assert "Its interval is widened from" in checked.stdout
    assert "70% of the people 4.5 times harder" in checked.stdout
    milder = tizim(*run, "--hard-to-record", "1", "--json")
    assert milder.returncode == 0, milder.stderr
    lead = json.loads(milder.stdout)["lead"]
    assert lead["shape_check"]["harder"] == 1.0 and lead["shape_check"]["passed"]
    off = tizim(*run, "--no-shape-check")
    assert off.returncode == 0 and "widened" not in off.stdout and "shape_check" not in off.stdout
    wrong = tizim(*run, "--hard-to-record", "0.5")
    assert wrong.returncode == 1 and "at least 1" in wrong.stderr


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("A,B,count\n1,0,5\n0,1,x\n", "count"),
        ("A,B,count\n1,2,5\n", "0 or 1"),
        ("", "empty"),
    ],
)
def test_a_broken_table_is_a_clear_error(tmp_path, content, message):
    path = tmp_path / "table.csv"
    path.write_text(content, encoding="utf-8")
    result = tizim(tmp_path / "unused", "estimate", "--table", str(path))
    assert result.returncode == 1
    assert result.stderr.startswith("tizim: error:") and message in result.stderr.lower()
    assert "Traceback" not in result.stderr


def test_estimate_options_that_do_not_fit_are_refused(tmp_path):
    both = tizim(tmp_path / "unused", "estimate", "--table", str(UK), "--fate", "dead")
    assert both.returncode == 2 and "not allowed with argument" in both.stderr
    mixed = tizim(tmp_path / "unused", "estimate", "--table", str(UK), "--by", "region")
    assert mixed.returncode == 1 and "apply to --fate" in mixed.stderr


def test_counts_and_estimate_from_the_registry(home, tmp_path):  # noqa: F811
    for name, rows, obtained in (("ngo", NGO, "2022-01-10"), ("press", PRESS, "2022-01-25")):
        assert tizim(home, "source", "add", name, "--kind", "ngo_spreadsheet").returncode == 0
        path = write_csv(tmp_path / f"{name}.csv", NGO_HEADERS, rows)
        imported = tizim(home, "import", str(path), "--source", name, "--obtained", obtained)
        assert imported.returncode == 0, imported.stderr
    linked = tizim(home, "link")
    assert linked.returncode == 0, linked.stderr

    counts = tizim(home, "counts", "--on", "2022-01-15", "--json", "--claims")
    assert counts.returncode == 0, counts.stderr
    data = json.loads(counts.stdout)
    assert data["on"] == "2022-01-15" and data["measure"] == "on_date"
    assert data["totals"]["dead"] == 3 and data["totals"]["custody"] == 1
    almaty = next(r for r in data["rows"] if r["key"] == "almaty")
    assert almaty["dead"] == 1
    assert data["claims"] == []
    text = tizim(home, "counts", "--on", "2022-01-21", "--measure", "ever", "--by", "source")
    assert text.returncode == 0 and "at any time up to the day 2022-01-21" in text.stdout
    assert "all (distinct persons)" in text.stdout

    estimate = tizim(home, "estimate", "--fate", "dead", "--method", "independence", "--json")
    assert estimate.returncode == 0, estimate.stderr
    report = json.loads(estimate.stdout)
    assert report["lists"] == ["ngo", "press"] and report["observed"] == 3
    assert report["estimates"][0]["estimate"] == pytest.approx(4.0, rel=1e-6)
    text = tizim(home, "estimate", "--fate", "dead", "--method", "independence")
    assert "saved as estimate #2" in text.stdout

    refused = tizim(home, "estimate", "--fate", "found")
    assert refused.returncode == 1 and "at least two lists" in refused.stderr
    bad_day = tizim(home, "counts", "--on", "15.01.2022")
    assert bad_day.returncode == 2 and "not a date (YYYY-MM-DD)" in bad_day.stderr
