"""Reads of staff uploads and of reports under triage."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from tizim.core.dates import parse_birth
from tizim.core.errors import ParseError
from tizim.core.names import full_name_keys
from tizim.intake.models import ImportJob, Report
from tizim.registry.models import Person, Record

# Name keys shorter than this find too many people to mean anything (an initial, "Ли").
_MIN_KEY = 3
# Records read when looking for a reported person: a common name gives many; the first ones
# are enough to tell a triager to look.
_RECORDS_READ = 500


def recent_jobs(limit: int = 50) -> QuerySet[ImportJob]:
    """The newest uploads, with their source and uploader."""
    return ImportJob.objects.select_related("source", "created_by").order_by("-created_at")[:limit]


@dataclass(frozen=True)
class RegistryMatch:
    """A person in the registry who may be the one a report is about."""

    person: Person
    #: The birth years the registry's records give ("1986", "1985–1986"; "" when none).
    born: str
    #: Whether the report's age or birth date fits them (False: nothing to compare).
    birth_fits: bool


def likely_in_registry(report: Report, *, limit: int = 5) -> list[RegistryMatch]:
    """Persons already in the registry with every part of the reported name (in any script or
    spelling) and, where both sides give one, a birth year within a year of the report's: the
    triager should link the report to them rather than count the person twice. Those whose
    birth year fits come first; a person whose birth year contradicts the report's is left out.
    The report's own record (once recorded) is not a match for itself."""
    keys = [k for k in full_name_keys(report.person_name) if len(k) >= _MIN_KEY]
    if not keys:
        return []
    records = Record.objects.filter(person__isnull=False, quarantine_reason="")
    for key in keys:
        records = records.filter(name_keys__contains=key)
    if report.record_id:
        records = records.exclude(person__records=report.record_id)
    years = _reported_birth_years(report)
    found: dict[int, RegistryMatch] = {}
    contradicted: set[int] = set()
    for record in records.select_related("person").order_by("person_id", "id")[:_RECORDS_READ]:
        person = record.person
        assert person is not None  # filtered above
        low, high = record.birth_year_min, record.birth_year_max
        if years and low and high and (high < years[0] - 1 or low > years[1] + 1):
            contradicted.add(person.pk)
            continue
        fits = bool(years and low and high)
        known = found.get(person.pk)
        if known is None or (fits and not known.birth_fits):
            born = "" if not (low and high) else str(low) if low == high else f"{low}–{high}"
            found[person.pk] = RegistryMatch(person, born, fits)
    matches = [m for pid, m in found.items() if pid not in contradicted or m.birth_fits]
    matches.sort(key=lambda m: (not m.birth_fits, m.person.display_name, m.person.pk))
    return matches[:limit]


def _reported_birth_years(report: Report) -> tuple[int, int] | None:
    """The birth years a report's "age or date of birth" allows, or None."""
    if not report.person_age.strip():
        return None
    try:
        birth = parse_birth(report.person_age, reference_date=report.received_on)
    except ParseError:
        return None
    if birth.year_min is None or birth.year_max is None:
        return None
    return birth.year_min, birth.year_max
