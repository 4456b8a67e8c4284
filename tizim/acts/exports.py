"""The acts export, in open formats a commission of inquiry can take: CSV (one row per act) or
JSON (acts, events, facilities and the three vocabularies with kk/ru/en labels). Every column
is described in ``docs/acts-data-dictionary.md``. Sealed data is never exported: the names of
individual officers stay sealed (a column says only whether any were recorded), and evidence
appears by id and the SHA-256 of its sealed blob, never the file."""

from __future__ import annotations

import csv
import datetime
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from django.db.models import QuerySet
from django.utils import timezone

from tizim.acts.models import Act, Event, Facility
from tizim.core.acts.vocabulary import ACT_TERMS, FACILITY_TERMS, UNIT_TERMS
from tizim.core.cells import neutralise_csv_row
from tizim.core.dates import PartialDateTime
from tizim.core.places import place_name

FORMATS = ("csv", "json")
DATA_DICTIONARY = "docs/acts-data-dictionary.md"
LICENCE_NOTE = (
    "Compiled by the documenting organisation with tizim. Person-level data about victims: "
    "share only under the organisation's data-sharing agreement; aggregates may be published "
    "under CC BY 4.0 with attribution."
)

COLUMNS: tuple[str, ...] = (
    "act_id",
    "event_id",
    "event_title",
    "person_id",
    "person_name",
    "act_type",
    "act_type_label",
    "start",
    "start_precision",
    "start_approximate",
    "start_earliest",
    "start_latest",
    "end",
    "end_precision",
    "end_approximate",
    "end_earliest",
    "end_latest",
    "place_code",
    "place_name",
    "place_text",
    "facility_id",
    "facility_kind",
    "facility_name_en",
    "facility_name_ru",
    "facility_name_kk",
    "unit_kind",
    "unit_kind_label",
    "unit_name",
    "perpetrator_sealed",
    "confidence",
    "description",
    "sources",
    "evidence",
    "recorded_at",
    "updated_at",
)


def _acts() -> QuerySet[Act]:
    return (
        Act.objects.select_related("person", "facility", "unit", "event")
        .prefetch_related("citations__source", "evidence")
        .order_by("id")
    )


def _partial(value: PartialDateTime | None) -> dict[str, Any]:
    if value is None:
        return {"": "", "precision": "", "approximate": "", "earliest": "", "latest": ""}
    return {
        "": str(value),
        "precision": value.precision,
        "approximate": value.approximate,
        "earliest": value.earliest().isoformat(timespec="minutes"),
        "latest": value.latest().isoformat(timespec="seconds"),
    }


def act_row(act: Act) -> dict[str, Any]:
    """One act as plain values, in ``COLUMNS`` order."""
    start, end = _partial(act.start), _partial(act.end)
    facility = act.facility
    return {
        "act_id": act.pk,
        "event_id": act.event_id or "",
        "event_title": act.event.title if act.event else "",
        "person_id": act.person.public_id,
        "person_name": act.person.display_name,
        "act_type": act.act_type,
        "act_type_label": act.act_type_enum.label("en"),
        "start": start[""],
        "start_precision": start["precision"],
        "start_approximate": start["approximate"],
        "start_earliest": start["earliest"],
        "start_latest": start["latest"],
        "end": end[""],
        "end_precision": end["precision"],
        "end_approximate": end["approximate"],
        "end_earliest": end["earliest"],
        "end_latest": end["latest"],
        "place_code": act.place_code,
        "place_name": place_name(act.place_code) if act.place_code else "",
        "place_text": act.place_text,
        "facility_id": facility.slug if facility else "",
        "facility_kind": facility.kind if facility else "",
        "facility_name_en": facility.name_en if facility else "",
        "facility_name_ru": facility.name_ru if facility else "",
        "facility_name_kk": facility.name_kk if facility else "",
        "unit_kind": act.unit_kind,
        "unit_kind_label": act.unit_kind_enum.label("en"),
        "unit_name": act.unit.name_en if act.unit else "",
        "perpetrator_sealed": act.has_sealed_perpetrator,
        "confidence": act.confidence,
        "description": act.description,
        "sources": "; ".join(
            f"{c.source.name}: {c.citation}" if c.citation else c.source.name
            for c in act.citations.all()
        ),
        "evidence": "; ".join(
            f"{e.public_id} sha256-sealed:{e.blob_sha256}" for e in act.evidence.all()
        ),
        "recorded_at": act.created_at.isoformat(timespec="seconds"),
        "updated_at": act.updated_at.isoformat(timespec="seconds"),
    }


def vocabularies() -> dict[str, dict[str, dict[str, str]]]:
    """The three vocabularies: code → labels in en/ru/kk and the definition."""

    def table(terms: Any) -> dict[str, dict[str, str]]:
        return {
            str(code.value): {
                "en": t.label_en,
                "ru": t.label_ru,
                "kk": t.label_kk,
                "definition": t.definition,
            }
            for code, t in terms.items()
        }

    return {
        "act_type": table(ACT_TERMS),
        "unit_kind": table(UNIT_TERMS),
        "facility_kind": table(FACILITY_TERMS),
    }


def _rows() -> Iterator[dict[str, Any]]:
    for act in _acts().iterator(chunk_size=1000):
        yield act_row(act)


def write_csv(out: TextIO) -> int:
    """Every act as a CSV row (UTF-8, comma, header first; formula-like text quoted, see
    ``tizim.core.cells``); returns the number of acts."""
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for row in _rows():
        writer.writerow(
            neutralise_csv_row(
                {k: ("true" if v is True else "false" if v is False else v) for k, v in row.items()}
            )
        )
        count += 1
    return count


def document() -> dict[str, Any]:
    """The JSON export as one document."""
    acts = list(_rows())
    return {
        "dataset": "tizim acts",
        "exported_at": timezone.now().isoformat(timespec="seconds"),
        "data_dictionary": DATA_DICTIONARY,
        "licence": LICENCE_NOTE,
        "vocabularies": vocabularies(),
        "facilities": [
            {
                "facility_id": f.slug,
                "kind": f.kind,
                "name_en": f.name_en,
                "name_ru": f.name_ru,
                "name_kk": f.name_kk,
                "place_code": f.place_code,
                "address": f.address,
            }
            for f in Facility.objects.order_by("slug")
        ],
        "events": [
            {
                "event_id": e.pk,
                "title": e.title,
                "start": str(e.start) if e.start else "",
                "end": str(e.end) if e.end else "",
                "place_code": e.place_code,
                "facility_id": e.facility.slug if e.facility else "",
                "description": e.description,
            }
            for e in Event.objects.select_related("facility").order_by("id")
        ],
        "acts": acts,
    }


def write_json(out: TextIO) -> int:
    doc = document()
    json.dump(doc, out, ensure_ascii=False, indent=1, default=_default)
    out.write("\n")
    return len(doc["acts"])


def _default(value: object) -> str:
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    raise TypeError(f"cannot export {type(value).__name__}")


def write_export(fmt: str, target: TextIO | Path) -> int:
    """Write the acts export in ``fmt`` (csv or json) to a stream or a file; the count."""
    if fmt not in FORMATS:
        raise ValueError(f"acts export formats: {', '.join(FORMATS)} (not {fmt})")
    writer = write_csv if fmt == "csv" else write_json
    if isinstance(target, Path):
        with target.open("w", encoding="utf-8", newline="") as fh:
            return writer(fh)
    return writer(target)


def export_text(fmt: str) -> tuple[str, int]:
    """The export as a string (for a download) and the number of acts."""
    buffer = io.StringIO()
    count = write_export(fmt, buffer)
    return buffer.getvalue(), count
