"""Capture-history tables: built from CSV and from each person's lists; bad input refused with
a message that says what and where."""

from __future__ import annotations

from pathlib import Path

import pytest

from tizim.core.errors import ParseError
from tizim.core.estimation import CaptureHistoryTable, CaptureTableError, tables_by_stratum

DATA = Path(__file__).parent / "data"


def test_uk_csv_file_is_read_with_its_list_names_and_counts():
    table = CaptureHistoryTable.from_csv(DATA / "uk2013_modern_slavery_5lists.csv")
    assert table.lists == ("LA", "NG", "PFNCA", "GO", "GP")
    assert table.observed == 2744
    assert table.count((1, 0, 0, 0, 0)) == 54
    assert table.count((1, 1, 1, 1, 0)) == 1
    assert table.count((1, 0, 0, 0, 1)) == 0
    assert len(table.counts_by_pattern()) == 18
    assert table.list_sizes() == {"LA": 94, "NG": 567, "PFNCA": 1169, "GO": 807, "GP": 336}


def test_semicolon_csv_in_cp1251_with_cyrillic_list_names(tmp_path):
    path = tmp_path / "lists.csv"
    path.write_bytes(
        "Юрист;Азаттык;НПО;количество\n1;0;0;120\n1;1;0;40\n0;1;1;7\n".encode("cp1251")
    )
    table = CaptureHistoryTable.from_csv(path)
    assert table.lists == ("Юрист", "Азаттык", "НПО")
    assert table.counts_by_pattern() == {(1, 0, 0): 120, (1, 1, 0): 40, (0, 1, 1): 7}


def test_overlap_rows_and_csv_round_trip():
    text = "# a comment citing the source\nA,B,C,count\n1,0,0,5\n0,1,1,2\n1,1,1,1\n1,0,0,3\n"
    table = CaptureHistoryTable.from_csv_text(text)
    rows = table.overlap_rows()
    assert [(r.lists_on, r.count) for r in rows] == [
        (("B", "C"), 2),
        (("A",), 8),
        (("A", "B", "C"), 1),
    ]
    assert len(table.overlap_rows(include_empty=True)) == 7
    assert CaptureHistoryTable.from_csv_text(table.to_csv()) == table
    assert table.to_csv().splitlines()[0] == "A,B,C,count"


def test_from_person_sets_counts_each_combination_once_per_person():
    people = [
        {"lawyer", "radio"},
        {"lawyer"},
        {"radio", "lawyer"},
        {"ngo"},
        set(),  # known only from the web form: on none of the lists analysed
        ["lawyer", "radio", "ngo"],
    ]
    table = CaptureHistoryTable.from_person_sets(people)
    assert table.lists == ("lawyer", "ngo", "radio")
    assert table.observed == 5
    assert table.counts_by_pattern() == {(1, 0, 1): 2, (1, 0, 0): 1, (0, 1, 0): 1, (1, 1, 1): 1}


def test_from_person_sets_keeps_the_given_list_order_and_empty_lists():
    table = CaptureHistoryTable.from_person_sets([{"b"}, {"a", "b"}], lists=["b", "a", "c"])
    assert table.lists == ("b", "a", "c")
    assert table.counts_by_pattern() == {(1, 0, 0): 1, (1, 1, 0): 1}
    assert table.empty_lists() == ("c",)
    with pytest.raises(CaptureTableError, match="not among the lists given: d"):
        CaptureHistoryTable.from_person_sets([{"a", "d"}], lists=["a", "b"])


def test_tables_by_stratum_share_the_lists_of_all_strata():
    people = [
        ("Almaty", {"lawyer", "radio"}),
        ("Almaty", {"lawyer"}),
        ("Taraz", {"ngo"}),
        ("Taraz", {"ngo", "lawyer"}),
        ("Almaty", {"radio"}),
    ]
    tables = tables_by_stratum(people)
    assert list(tables) == ["Almaty", "Taraz"]
    assert all(t.lists == ("lawyer", "ngo", "radio") for t in tables.values())
    assert tables["Almaty"].observed == 3
    assert tables["Almaty"].empty_lists() == ("ngo",)
    assert tables["Taraz"].counts_by_pattern() == {(0, 1, 0): 1, (1, 1, 0): 1}


def test_without_lists_folds_patterns_onto_the_remaining_lists():
    table = CaptureHistoryTable(["A", "B", "C"], {(1, 0, 0): 4, (0, 0, 1): 3, (1, 0, 1): 2})
    reduced = table.without_lists(["C"])
    assert reduced.lists == ("A", "B")
    assert reduced.counts_by_pattern() == {(1, 0): 6}
    with pytest.raises(CaptureTableError, match="at least two lists"):
        table.without_lists(["B", "C"])


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("A,B,count\n1,0,4\n2,1,3\n", r"row 3, column 'A': expected 0 or 1 .* found '2'"),
        ("A,B,count\n1,0,4\nyes,1,3\n", r"row 3, column 'A': expected 0 or 1"),
        ("A,B,count\n1,0,4\n0,1,-3\n", r"row 3, column 'count': the count cannot be negative"),
        ("A,B,count\n1,0,2.5\n", r"row 2, column 'count': the count must be a whole number"),
        ("A,B,count\n1,0,4\n0,1\n", r"row 3: the count \(column 'count'\) is missing"),
        ("A,B,C\n1,0,1\n0,1,1\n1,1,0\n", r"last column 'C' holds only 0 and 1.*count column seems"),
        ("A,count\n1,40\n", r"only one list \(A\).*at least two lists"),
        ("count\n40\n", r"one column per list and a last column with the count"),
        ("A,B,count\n0,0,12\n", r"all-zero pattern .* cannot be observed"),
        ("A,B,count\n1,0,4,9\n", r"row 2: 4 cells but the header has 3 columns"),
        ("A,A,count\n1,0,4\n", r"list names must differ; repeated: A"),
        ("A,B,count\n", r"a header but no counts"),
        ("", r"the table is empty"),
    ],
)
def test_bad_tables_are_refused_with_a_message_saying_what_and_where(text, message):
    with pytest.raises(CaptureTableError, match=message) as caught:
        CaptureHistoryTable.from_csv_text(text)
    assert isinstance(caught.value, ValueError)
    assert isinstance(caught.value, ParseError)
    assert caught.value.reason


def test_bad_tables_from_code_are_refused():
    with pytest.raises(CaptureTableError, match="at least two lists; got 1"):
        CaptureHistoryTable(["A"], {(1,): 3})
    with pytest.raises(CaptureTableError, match="has 3 entries but there are 2 lists"):
        CaptureHistoryTable(["A", "B"], {(1, 0, 1): 3})
    with pytest.raises(CaptureTableError, match="cannot be negative"):
        CaptureHistoryTable(["A", "B"], {(1, 0): -1})
    with pytest.raises(CaptureTableError, match="only 0 and 1"):
        CaptureHistoryTable(["A", "B"], {(1, 2): 1})
    with pytest.raises(CaptureTableError, match="at least two lists"):
        CaptureHistoryTable.from_person_sets([{"only"}, {"only"}])


def test_a_missing_file_is_a_parse_error(tmp_path):
    with pytest.raises(ParseError, match="no such file"):
        CaptureHistoryTable.from_csv(tmp_path / "absent.csv")
