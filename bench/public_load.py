"""Load on the public site: list and person pages with N published persons, C concurrent clients.

Sets up a fresh instance (``tizim init``; SQLite in a temporary folder, or ``--backend postgres``
on a fresh database of postgresql://postgres@127.0.0.1:5432/), writes N persons in bulk — each
with one to three records from three sources, a fate timeline and a publication on one of the
three lists — then starts ``tizim serve`` on loopback and runs C clients for S seconds. Each
client asks, at random, for a list page (any page of the killed, the missing or the detained,
with or without a town or date filter, in kk, ru or en) or a person page. Prints p50/p95/p99 per
kind of page and the throughput.

    python bench/public_load.py --persons 100000 --clients 8 --seconds 30 [--backend postgres]

``--cold`` measures instead what visitors get from the home and statistics pages when the
figures are not ready: C visitors at once on a fresh instance that never computed them, then,
after a list is imported with ``tizim import``, C visitors at once again (they get the previous
figures, marked, while one process computes the new ones), and how long until the new figures
are served. Prints every visitor's time and the computation's.

Loopback only, bounded by --seconds. The data are FICTIONAL (names drawn from small pools).
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import random
import re
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

from _instance import instance, run_clients, served

SURNAMES = [
    "Жагипаров",
    "Серикбаев",
    "Тулегенов",
    "Оспанов",
    "Касымов",
    "Ахметов",
    "Нурланов",
    "Жумабеков",
    "Абенов",
    "Бекова",
    "Сапаров",
    "Есенгазы",
    "Токаев",
    "Муратов",
    "Исаев",
    "Ермеков",
    "Калиев",
    "Даулетов",
    "Шарипов",
    "Кенжебаев",
]
GIVEN = [
    "Ерлан",
    "Нурлан",
    "Бауыржан",
    "Данияр",
    "Айгуль",
    "Болат",
    "Ерик",
    "Мурат",
    "Асель",
    "Дина",
    "Ержан",
    "Талгат",
    "Аслан",
    "Жанар",
    "Гульнара",
    "Канат",
    "Арман",
    "Серик",
    "Айдос",
    "Тимур",
]
PLACES = (
    ("almaty", "almaty"),
    ("astana", "astana"),
    ("shymkent", "shymkent"),
    ("taldykorgan", "jetisu-region"),
    ("taraz", "jambyl-region"),
    ("aktobe", "aktobe-region"),
    ("kyzylorda", "kyzylorda-region"),
    ("zhanaozen", "mangystau-region"),
)
LISTS = (("killed", "killed"), ("missing", "missing"), ("detained", "detained"))


def generate(persons: int, seed: int = 2022) -> None:
    """Write ``persons`` published persons in bulk (run inside the instance's environment)."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tizim.settings")
    django.setup()
    from django.db import transaction

    from tizim.core.rows import search_keys
    from tizim.publish.models import Publication
    from tizim.registry.models import FateEvent, Person, Record, Source, new_public_ids

    rng = random.Random(seed)
    sources = [
        Source.objects.create(name="ngo-sheet", kind="ngo_spreadsheet", title="Bench NGO sheet"),
        Source.objects.create(name="radio-list", kind="radio_list", title="Bench radio list"),
        Source.objects.create(name="press-list", kind="press_list", title="Bench press list"),
    ]
    start = datetime.date(2022, 1, 4)
    chunk = 5000
    ids = new_public_ids(persons)
    row = 0
    for offset in range(0, persons, chunk):
        people, records, events, publications = [], [], [], []
        for i in range(offset, min(offset + chunk, persons)):
            surname, given = rng.choice(SURNAMES), rng.choice(GIVEN)
            name = f"{surname} {given}"
            place, region = rng.choice(PLACES)
            list_name, fate = LISTS[rng.randrange(3)]
            day = start + datetime.timedelta(days=rng.randrange(14))
            born = rng.randrange(1950, 2004)
            person = Person(id=i + 1, public_id=ids[i], display_name=name)
            people.append(person)
            keys = search_keys(name)
            for source in sources[: rng.randrange(1, 4)]:
                row += 1
                records.append(
                    Record(
                        source=source,
                        row_number=row + 1,
                        raw_json="{}",
                        raw_sha256="0" * 64,
                        full_name=name,
                        surname=surname,
                        given_name=given,
                        birth_year_min=born,
                        birth_year_max=born,
                        place_text=place,
                        place_code=place,
                        fate=fate,
                        event_date=day,
                        name_keys=keys,
                        person_id=i + 1,
                    )
                )
            events.append(
                FateEvent(
                    person_id=i + 1,
                    fate=fate,
                    on_date=day,
                    date_basis="event",
                    reported_on=day,
                    rank=9 if fate == "killed" else 2,
                )
            )
            publications.append(
                Publication(
                    person_id=i + 1,
                    status="publishable",
                    basis={"killed": "confirmed_source", "missing": "family_request"}.get(
                        list_name, "public_source"
                    ),
                    reviewer="bench",
                    list_name=list_name,
                    sort_name=name.casefold(),
                    shown_name=name,
                    birth_year=str(born),
                    place_code=place,
                    region_code=region,
                    list_date=day,
                    name_keys=keys,
                )
            )
        with transaction.atomic():
            Person.objects.bulk_create(people)
            Record.objects.bulk_create(records, batch_size=2000)
            FateEvent.objects.bulk_create(events, batch_size=2000)
            Publication.objects.bulk_create(publications, batch_size=2000)
    from django.db import connection

    # Statistics for the planner; on PostgreSQL also the visibility map that lets a page be
    # cut from the listing index alone — what autovacuum gives a live site within minutes of
    # a bulk load (without it every row skipped is read from the table too).
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")


def client(
    base: str,
    deadline: float,
    public_ids: list[str],
    pages: dict[str, int],
    latencies: dict[str, list[float]],
    failures: list[str],
    lock: threading.Lock,
    seed: int,
) -> None:
    rng = random.Random(seed)
    while time.monotonic() < deadline:
        lang = rng.choice(("kk", "ru", "en"))
        kind = rng.choice(("list", "list", "list filtered", "person", "person"))
        if kind == "person":
            path = f"/{lang}/person/{rng.choice(public_ids)}/"
        else:
            list_name = rng.choice(("killed", "missing", "detained"))
            query = f"page={rng.randrange(1, pages[list_name] + 1)}"
            if kind == "list filtered":
                place, region = rng.choice(PLACES)
                query = (
                    f"place={rng.choice((place, region))}&date_from=2022-01-0{rng.randrange(4, 9)}"
                )
                query += f"&page={rng.randrange(1, 20)}"
            path = f"/{lang}/{list_name}/?{query}"
        started = time.perf_counter()
        try:
            with urllib.request.urlopen(base + path, timeout=60) as response:
                response.read()
        except (urllib.error.URLError, OSError) as error:
            with lock:
                failures.append(f"{path}: {error!r}"[:200])
            continue
        elapsed = time.perf_counter() - started
        with lock:
            latencies.setdefault(kind, []).append(elapsed)


COLD_PAGES = ("/en/", "/ru/statistics/", "/kk/", "/en/statistics/", "/ru/")


def visit_at_once(base: str, count: int) -> list[tuple[str, float, bool]]:
    """``count`` visitors asking for the home or statistics page at the same moment: each
    one's page, time and whether it said the figures are being updated."""
    results: list[tuple[str, float, bool]] = []
    lock = threading.Lock()
    start = threading.Barrier(count)

    def visit(n: int) -> None:
        path = COLD_PAGES[n % len(COLD_PAGES)]
        start.wait()
        started = time.perf_counter()
        with urllib.request.urlopen(base + path, timeout=900) as response:
            text = response.read().decode()
        with lock:
            results.append((path, time.perf_counter() - started, 'id="figures-stale"' in text))

    run_clients(count, visit)
    return results


def report_visits(label: str, results: list[tuple[str, float, bool]]) -> None:
    times = sorted(t for _, t, _ in results)
    stale = sum(1 for _, _, s in results if s)
    print(
        f"  {label}: {len(results)} visitors, slowest {times[-1]:.2f} s, median "
        f"{statistics.median(times):.2f} s, fastest {times[0]:.2f} s; {stale} got figures marked "
        "as being updated"
    )


def snapshot_info() -> None:
    """Print how long the kept figures took to compute (run inside the instance's env)."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tizim.settings")
    django.setup()
    from tizim.publish.models import FiguresSnapshot

    snapshot = FiguresSnapshot.objects.filter(pk=1).first()
    print(f"{snapshot.seconds:.2f}" if snapshot else "none")


def cold(env: dict[str, str], base: str, clients: int, home: str) -> None:
    """The cold-figures measurement (see the module docstring)."""
    info = [sys.executable, __file__, "--snapshot-info"]
    report_visits(
        "first visitors of an instance that never computed figures", visit_at_once(base, clients)
    )
    print("  that computation took", subprocess.check_output(info, env=env, text=True).strip(), "s")
    listing = os.path.join(home, "..", "change.csv")
    with open(listing, "w", encoding="utf-8") as fh:
        fh.write("ФИО,Город,Статус,Дата\n")
        fh.writelines(f"Бенчев Тест{n},Алматы,погиб,08.01.2022\n" for n in range(50))
    tizim_command = [sys.executable, "-m", "tizim"]
    subprocess.run(
        [*tizim_command, "source", "add", "bench-change", "--kind", "other"],
        env=env,
        check=True,
        capture_output=True,
    )
    subprocess.run(
        [*tizim_command, "import", listing, "--source", "bench-change"],
        env=env,
        check=True,
        capture_output=True,
    )
    changed = time.monotonic()
    report_visits("first visitors after an import of 50 rows", visit_at_once(base, clients))
    while True:
        with urllib.request.urlopen(base + "/en/", timeout=900) as response:
            if 'id="figures-stale"' not in response.read().decode():
                break
        time.sleep(0.2)
    print(
        f"  new figures served {time.monotonic() - changed:.1f} s after the import; the "
        "computation took",
        subprocess.check_output(info, env=env, text=True).strip(),
        "s",
    )
    report_visits("visitors once the new figures are kept", visit_at_once(base, clients))


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--persons", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--backend", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--workers", type=int, help="server processes (default: tizim's)")
    parser.add_argument("--cold", action="store_true", help="home and statistics, cold figures")
    parser.add_argument("--generate", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--snapshot-info", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.generate is not None:
        generate(args.generate)
        return
    if args.snapshot_info:
        snapshot_info()
        return

    with instance(args.backend, "public-load") as (env, home):
        started = time.monotonic()
        subprocess.run(
            [sys.executable, __file__, "--generate", str(args.persons)], env=env, check=True
        )
        generated = time.monotonic() - started
        latencies: dict[str, list[float]] = {}
        failures: list[str] = []
        workers = ["--workers", str(args.workers)] if args.workers else []
        with served(env, "/en/killed/", *workers) as base:
            if args.cold:
                print(
                    f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
                    f"{platform.python_version()}; {time.strftime('%Y-%m-%d')}; {args.backend}, "
                    f"{args.persons} persons (generated in {generated:.0f} s)"
                )
                cold(env, base, args.clients, str(home))
                return
            pages = {}
            for list_name in ("killed", "missing", "detained"):
                page = f"{base}/en/{list_name}/"
                text = urllib.request.urlopen(page, timeout=60).read().decode()
                found = re.search(r"page 1 of (\d+)", text)
                pages[list_name] = int(found.group(1)) if found else 1
            first = urllib.request.urlopen(f"{base}/en/data/persons.json", timeout=600).read()
            ids = [p.decode() for p in re.findall(rb'"id": "(P[0-9A-Z]+)"', first)]
            lock = threading.Lock()
            deadline = time.monotonic() + args.seconds
            wall = run_clients(
                args.clients,
                lambda n: client(base, deadline, ids, pages, latencies, failures, lock, n),
            )
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}; {time.strftime('%Y-%m-%d')}"
    )
    total = sum(len(v) for v in latencies.values())
    print(
        f"{args.backend}: {args.persons} published persons (generated in {generated:.0f} s), "
        f"{args.clients} clients for {wall:.0f} s: {total} pages ({total / wall:.0f}/s), "
        f"{len(failures)} failed; pages per list {pages}"
    )
    every = [x for v in latencies.values() for x in v]
    for kind, values in [*sorted(latencies.items()), ("all", every)]:
        if len(values) < 2:
            continue
        cuts = statistics.quantiles(values, n=100)
        print(
            f"  {kind:14} n={len(values):6}  p50 {cuts[49] * 1000:6.1f} ms  "
            f"p95 {cuts[94] * 1000:6.1f} ms  p99 {cuts[98] * 1000:6.1f} ms"
        )
    for failure in sorted(set(failures))[:5]:
        print("  failure:", failure)


if __name__ == "__main__":
    main()
