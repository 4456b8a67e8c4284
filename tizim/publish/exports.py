"""Open data: the published persons and the aggregate counts as CSV and JSON.

Rows come only from ``public_view`` (so only chosen fields), streamed, never cached: a
withdrawn person is gone from the next download. Columns and their meaning are listed in
``PERSON_COLUMNS`` and ``COUNT_COLUMNS`` (shown on the data dictionary page and in
docs/open-data.md); codes (lists, fates, places) are stable and language-independent, names of
places are given in the language of the download's address (/kk/, /ru/, /en/).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from django.utils.translation import gettext_lazy as _

from tizim.core.cells import neutralise_csv_row
from tizim.core.places import place_name
from tizim.publish.selectors import PublicPerson
from tizim.publish.statistics import TABLE_GROUPS, Figures

LICENCE = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"

PERSON_COLUMNS: tuple[tuple[str, Any], ...] = (
    ("id", _("Stable public id of the person (never reused).")),
    ("list", _("The list the person is on now: killed, missing or detained.")),
    ("name", _("Name as most sources give it; empty when not published.")),
    ("other_spellings", _("Other spellings of the name in the sources, separated by “; ”.")),
    ("name_latin", _("The name in Latin letters (transliterated from Cyrillic).")),
    ("birth_year", _("Year of birth, or a range of years when the sources give an age.")),
    ("birth_date", _("Full date of birth (only for the dead, only when chosen).")),
    ("place", _("Gazetteer code of the town or region.")),
    ("place_name", _("Name of the town or region in the language of the download.")),
    ("region", _("Gazetteer code of the region the place lies in.")),
    ("list_date", _("Date of death, missing since, or taken into custody (YYYY-MM-DD).")),
    ("timeline", _("Statuses with their dates, “YYYY-MM-DD status; …”.")),
    ("facilities", _("Where the person was held or found (only for the dead, when chosen).")),
    ("sources", _("The sources cited, “[number] kind: title (organisation) address; …”.")),
    ("url", _("Address of the person's page on this site.")),
)

COUNT_COLUMNS: tuple[tuple[str, Any], ...] = (
    ("region", _("Gazetteer code of the region (“all” for the whole country).")),
    ("region_name", _("Name of the region in the language of the download.")),
    ("group", _("dead, injured, missing, custody (taken into custody) or released.")),
    ("measure", _("“ever”: persons who had the status at any time up to the date.")),
    ("on_date", _("The date counted up to (the last date in the registry).")),
    ("count", _("Documented persons; empty when suppressed.")),
    ("suppressed", _("“yes” when fewer than 3 persons: not published, to protect them.")),
)


def person_row(person: PublicPerson, *, language: str, url: str) -> dict[str, str]:
    """One published person as a flat row of ``PERSON_COLUMNS``."""
    return {
        "id": person.public_id,
        "list": person.list_name,
        "name": person.name,
        "other_spellings": "; ".join(n.text for n in person.names if n.text != person.name),
        "name_latin": person.latin_name,
        "birth_year": person.birth_year,
        "birth_date": person.birth_date.isoformat() if person.birth_date else "",
        "place": person.place_code,
        "place_name": place_name(person.place_code, language) if person.place_code else "",
        "region": person.region_code,
        "list_date": person.list_date.isoformat() if person.list_date else "",
        "timeline": "; ".join(f"{e.on_date.isoformat()} {e.fate}" for e in person.events),
        "facilities": "; ".join(person.facilities),
        "sources": "; ".join(
            f"[{s.number}] {s.kind}"
            + (f": {s.title}" if s.title else "")
            + (f" ({s.organisation})" if s.organisation else "")
            + (f" {s.url}" if s.url else "")
            for s in person.sources
        ),
        "url": url,
    }


def csv_stream(header: Iterable[str], rows: Iterable[dict[str, str]]) -> Iterator[str]:
    """CSV text in pieces (UTF-8 with a byte-order mark, so spreadsheet programs read it);
    formula-like cells get a leading quote (``tizim.core.cells``)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(header), lineterminator="\r\n")
    writer.writeheader()
    yield "\ufeff" + buffer.getvalue()
    for row in rows:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(neutralise_csv_row(row))
        yield buffer.getvalue()


def json_stream(head: dict[str, Any], key: str, rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    """A JSON object ``head`` plus ``key``: [rows…], written row by row."""
    opening = json.dumps(head, ensure_ascii=False, indent=1)[:-1].rstrip()
    yield opening + ("," if head else "") + f'\n "{key}": ['
    for i, row in enumerate(rows):
        yield ("," if i else "") + "\n  " + json.dumps(row, ensure_ascii=False)
    yield "\n ]\n}\n"


def count_rows(figures: Figures, language: str, name: Callable[[str], str]) -> list[dict[str, str]]:
    """The aggregate counts as flat rows of ``COUNT_COLUMNS`` (small cells suppressed)."""
    day = figures.day.isoformat() if figures.day else ""
    rows = []
    groups = list(TABLE_GROUPS)
    all_counts = figures.headline
    for group in groups:
        if group in all_counts:
            rows.append(
                {
                    "region": "all",
                    "region_name": name("all"),
                    "group": group,
                    "measure": "ever",
                    "on_date": day,
                    "count": str(all_counts[group]),
                    "suppressed": "no",
                }
            )
    for region, cells in figures.regions:
        for group in groups:
            value = cells.get(group, 0)
            rows.append(
                {
                    "region": region,
                    "region_name": name(region),
                    "group": group,
                    "measure": "ever",
                    "on_date": day,
                    "count": "" if value is None else str(value),
                    "suppressed": "yes" if value is None else "no",
                }
            )
    return rows
