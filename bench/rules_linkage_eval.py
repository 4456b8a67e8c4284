"""Pairwise precision, recall and F1 of the rule-based linker on the demo generator's lists.

    .venv/bin/python bench/rules_linkage_eval.py [--persons 600] [--seed 2022]

Pure: the lists are parsed with the importer's own row parser and linked in memory, no
database. It is the baseline the probabilistic linker (the Linkage issue) must beat. The
NGO sheet's re-sent version is left out: its rows are versions of the first one's.
"""

from __future__ import annotations

import argparse
import itertools
import time
from collections import defaultdict

from tizim.core.demo import generate_demo
from tizim.core.headers import map_headers
from tizim.core.linkage.rules import LinkInput, cluster_by_rules
from tizim.core.rows import parse_row


def pairs(groups: dict[object, list[int]]) -> set[tuple[int, int]]:
    return {p for g in groups.values() for p in itertools.combinations(sorted(g), 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--persons", type=int, default=600)
    parser.add_argument("--seed", type=int, default=2022)
    args = parser.parse_args()
    demo = generate_demo(persons=args.persons, seed=args.seed)
    items, truth = [], {}
    for source in demo.sources:
        if source.name == "ngo-sheet-week2":
            continue
        column_map = map_headers(source.headers)
        for number, cells in enumerate(source.rows, start=2):
            person = demo.truth.get((source.name, number))
            row = parse_row(source.headers, cells, column_map, reference_date=source.obtained)
            if person is None or row.problems:
                continue
            f = row.fields
            record_id = len(items)
            items.append(
                LinkInput(
                    record_id,
                    f.get("surname", ""),
                    f.get("given_name", ""),
                    f.get("patronymic", ""),
                    f.get("sex", ""),
                    f.get("birth_year_min"),
                    f.get("birth_year_max"),
                )
            )
            truth[record_id] = person
    start = time.perf_counter()
    clusters = cluster_by_rules(items)
    seconds = time.perf_counter() - start
    true_groups: dict[object, list[int]] = defaultdict(list)
    for record_id, person in truth.items():
        true_groups[person].append(record_id)
    found = pairs({i: c for i, c in enumerate(clusters)})
    expected = pairs(true_groups)
    hits = len(found & expected)
    precision = hits / len(found) if found else 1.0
    recall = hits / len(expected) if expected else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"records {len(items)}, true pairs {len(expected)}, predicted {len(found)}")
    print(
        f"rules linker: precision {precision:.3f} recall {recall:.3f} F1 {f1:.3f} ({seconds:.2f} s)"
    )


if __name__ == "__main__":
    main()
