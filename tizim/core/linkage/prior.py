"""Write the prior model: parameters trained on the demo lists, for registries too small to
train their own (``tizim.core.linkage.probabilistic.prior_model``).

    python -m tizim.core.linkage.prior [--persons 5000] [--seed 2022]

The demo lists are fictional but shaped like the real ones (three scripts, initials-only
official entries, ages instead of birth dates, typos), so their m probabilities are a fair
start; u probabilities of a real registry differ (its name pool is larger), which is why a
registry of ``MIN_RECORDS_TO_TRAIN`` records or more trains its own.
"""

from __future__ import annotations

import argparse
import json

from tizim.core.demo.dataset import generate_demo
from tizim.core.headers import map_headers
from tizim.core.linkage.features import LinkRecord
from tizim.core.linkage.probabilistic import PRIOR_MODEL_PATH, train_and_score
from tizim.core.rows import parse_row


def demo_link_records(persons: int, seed: int) -> tuple[list[LinkRecord], dict[int, object]]:
    """Every usable row of the demo lists (the NGO sheet's first week only: the second week's
    rows are versions of its rows) as a LinkRecord, and the generator's truth: record id →
    fictional person."""
    demo = generate_demo(persons=persons, seed=seed)
    records: list[LinkRecord] = []
    truth: dict[int, object] = {}
    for source in demo.sources:
        if source.name == "ngo-sheet-week2":
            continue
        column_map = map_headers(source.headers)
        for number, cells in enumerate(source.rows, start=2):
            row = parse_row(source.headers, cells, column_map, reference_date=source.obtained)
            if row.problems:
                continue
            person = demo.truth.get((source.name, number))
            if person is not None:
                truth[len(records)] = person
            f = row.fields
            records.append(
                LinkRecord(
                    record_id=len(records),
                    source=source.name,
                    surname=str(f.get("surname", "")),
                    given_name=str(f.get("given_name", "")),
                    patronymic=str(f.get("patronymic", "")),
                    sex=str(f.get("sex", "")),
                    birth_date=f.get("birth_date"),
                    birth_year_min=f.get("birth_year_min"),
                    birth_year_max=f.get("birth_year_max"),
                    place_code=str(f.get("place_code", "")),
                    fate=str(f.get("fate", "")),
                    event_date=f.get("event_date"),
                )
            )
    return records, truth


def main() -> None:
    """Train on the demo lists and write ``prior_model.json`` beside this module."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--persons", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=2022)
    args = parser.parse_args()
    records, _ = demo_link_records(args.persons, args.seed)
    model = train_and_score(records)
    settings = dict(model.settings)
    settings.pop("linker_uid", None)
    PRIOR_MODEL_PATH.write_text(
        json.dumps(settings, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(f"wrote {PRIOR_MODEL_PATH} ({len(model.pairs)} pairs scored); notes: {model.notes}")


if __name__ == "__main__":
    main()
