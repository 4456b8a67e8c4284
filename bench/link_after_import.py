"""Linking the rows of a small import: new records only (``link_new_records``, what an import
now runs) against a whole incremental ``tizim link`` (training included), on the demo registry.

    .venv/bin/python bench/link_after_import.py [--persons 600] [--repeat 3]

The demo lists are imported and linked into a fresh SQLite instance; then the eight rows of
the browser walk (six demo persons written in Latin letters, two new people) are imported without
linking, and the same database is linked both ways, ``--repeat`` times each, from a copy.
Prints the seconds (best and median) and what each way did.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--persons", type=int, default=600)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="tizim-link-bench-"))
    os.environ.pop("DATABASE_URL", None)
    os.environ.update(TIZIM_HOME=str(home), DJANGO_SETTINGS_MODULE="tizim.settings")
    warnings.filterwarnings("ignore", category=FutureWarning)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from tests.factories import load_demo_registry, make_source, write_csv
    from tests.linkage.test_link_new_records import NEW_PEOPLE, rows_for_demo_persons
    from tizim.linkage.incremental import link_new_records
    from tizim.linkage.services import link_records
    from tizim.registry.importing import import_table
    from tizim.registry.models import Record

    call_command("migrate", verbosity=0)
    load_demo_registry(home / "demo", persons=args.persons)
    rows = rows_for_demo_persons({"killed": 2, "missing": 2, "detained": 2}) + NEW_PEOPLE
    path = write_csv(home / "eight.csv", ("Name", "Date of birth", "City", "Status", "Date"), rows)
    make_source("press-two", kind="press_list")
    import_table(path, source_name="press-two", actor="bench")
    records = Record.objects.filter(quarantine_reason="").count()
    connection.close()
    database = home / "tizim.sqlite3"
    pristine = home / "pristine.sqlite3"
    shutil.copy(database, pristine)

    def timed(link: object) -> tuple[list[float], object]:
        seconds, result = [], None
        for _ in range(args.repeat):
            connection.close()
            shutil.copy(pristine, database)
            started = time.perf_counter()
            result = link()  # type: ignore[operator]
            seconds.append(time.perf_counter() - started)
        return seconds, result

    new_only, outcome = timed(lambda: link_new_records(actor="bench"))
    whole, run = timed(lambda: link_records(actor="bench"))
    print(f"demo registry: {records} usable records; 8 rows imported, not linked")
    for name, seconds in (("new records only (import)", new_only), ("tizim link", whole)):
        print(f"{name:28} best {min(seconds):6.2f} s   median {statistics.median(seconds):6.2f} s")
    print(f"new records only: {outcome}")
    print(f"tizim link: {run}")
    shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
