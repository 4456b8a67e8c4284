"""What the linker reads of a record: the comparison columns built from its parsed fields.

Every name part is turned into the canonical keys of ``tizim.core.names`` (so Бақытжан,
Бахытжан, Bakhytzhan and Baqytjan are one value before any string distance is taken), ages
become birth-year ranges, places their regions. ``features_frame`` is the table Splink reads.
Framework-free.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from tizim.core.names import initial_key, name_key, patronymic_key, surname_key
from tizim.core.places import place_by_code

if TYPE_CHECKING:  # pragma: no cover - heavy imports only where used
    import pandas as pd


@dataclass(frozen=True)
class LinkRecord:
    """What the linker reads of one record (parsed fields, never raw values)."""

    record_id: int
    source: str = ""
    surname: str = ""
    given_name: str = ""
    patronymic: str = ""
    sex: str = ""
    birth_date: datetime.date | None = None
    birth_year_min: int | None = None
    birth_year_max: int | None = None
    place_code: str = ""
    fate: str = ""
    event_date: datetime.date | None = None
    # Other identifying columns a list may carry (a national id, an address): compared exactly
    # (``id_*``) or by string distance (``text_*``); the evaluation on FEBRL uses them.
    extra: Mapping[str, str] = field(default_factory=dict)


def _is_initial(part: str) -> bool:
    letters = sum(1 for c in part if c.isalpha())
    return 0 < letters <= 1 or (part.strip().endswith(".") and letters <= 2)


def _or_none(text: str) -> str | None:
    return text or None


# Fates one person's records may well disagree on, because they were written on different days
# of one story (missing → detained → charged → released) or by people who knew different parts.
FATE_GROUPS = {
    "missing": "whereabouts",
    "disappeared": "whereabouts",
    "found": "whereabouts",
    "detained": "custody",
    "arrested": "custody",
    "charged": "custody",
    "convicted": "custody",
    "released": "custody",
    "killed": "death",
    "died_in_custody": "death",
    "injured": "injury",
}


def region_of(place_code: str) -> str:
    """The region a place lies in (a region is its own); a place outside the gazetteer is its
    own region, so that it is still compared."""
    if not place_code:
        return ""
    try:
        place = place_by_code(place_code)
    except KeyError:
        return place_code
    return place.region or place.code


def _skeleton(key: str) -> str:
    consonants = "".join(c for c in key if c not in "aeiou")
    return consonants if len(consonants) >= 3 else ""


def deletion_variants(key: str, *, shortest: int = 4) -> set[str]:
    """The key and every key one letter shorter: two keys one slip apart (a dropped, added,
    changed or swapped letter) always share one of these. A key shorter than ``shortest`` is
    its own only variant (short names must agree exactly)."""
    if len(key) < shortest:
        return {key}
    return {key} | {key[:i] + key[i + 1 :] for i in range(len(key))}


def name_variants(first: str, second: str) -> list[str]:
    """Keys under which two spellings of one two-part name meet: the pair of parts in either
    order with one part exact and the other within one slip, and the parts written together
    (so a space typed one letter off, "Гауха рМахамбетова", still meets "Гаухар Махамбетова").
    Candidate pairs are records sharing one of these."""
    if not first or not second:
        return []
    variants = {" ".join(sorted((v, second))) for v in deletion_variants(first)}
    variants |= {" ".join(sorted((first, v))) for v in deletion_variants(second)}
    return sorted(variants)


def birth_years(record: LinkRecord) -> tuple[int | None, int | None]:
    """The earliest and latest birth year a record allows: its birth date's year, else the
    range its age or year gave (None where it says nothing)."""
    if record.birth_date is not None:
        return record.birth_date.year, record.birth_date.year
    return record.birth_year_min, record.birth_year_max


def features_row(record: LinkRecord) -> dict[str, Any]:
    """The comparison columns of one record: keys, initials, years, place, fate, dates."""
    surname, given, patronymic = record.surname, record.given_name, record.patronymic
    given_full = bool(given) and not _is_initial(given)
    patronymic_full = bool(patronymic) and not _is_initial(patronymic)
    sn = surname_key(surname) if surname and not _is_initial(surname) else ""
    gn = name_key(given) if given_full else ""
    # Name order free: the two main parts as a set, each folded as a surname, so that a woman's
    # surname written where the given name belongs still meets itself (Абенова Асель).
    pair = sorted(k for k in (sn, surname_key(given) if given_full else "") if k)
    together = name_key(given + surname) if given_full and sn else ""
    apart = name_key(surname + given) if together else ""
    years_min, years_max = birth_years(record)
    row: dict[str, Any] = {
        "unique_id": record.record_id,
        "source": record.source,
        "sn": _or_none(sn),
        "sn_form": _or_none(name_key(surname) if sn else ""),
        "gn": _or_none(gn),
        "gi": _or_none(initial_key(given) if given else ""),
        "pn": _or_none(patronymic_key(patronymic) if patronymic_full else ""),
        "pi": _or_none(initial_key(patronymic) if patronymic else ""),
        "names": _or_none(" ".join(pair) if len(pair) == 2 else ""),
        # Both parts written together in either order: a misplaced space changes no letter.
        "together": _or_none(together),
        "together_swapped": _or_none(apart),
        # The surname key's consonants, for blocking pairs whose surname lost or swapped a
        # vowel (Лбедев, Lebedev → lbdv).
        "sn_skel": _or_none(_skeleton(sn)),
        "sex": _or_none(record.sex),
        "bd": record.birth_date.isoformat() if record.birth_date else None,
        "by_min": years_min,
        "by_max": years_max,
        "place": _or_none(record.place_code),
        "region": _or_none(region_of(record.place_code)),
        "fate": _or_none(record.fate),
        "fate_group": _or_none(FATE_GROUPS.get(record.fate, record.fate)),
        "ev": record.event_date.isoformat() if record.event_date else None,
    }
    for name, value in record.extra.items():
        row[name] = _or_none(value.strip().lower())
    return row


# What a record whose names have no near neighbour holds in ``name_near``: never a name (an
# empty list would drop the record from the exploded table the blocking rule joins).
NO_NEAR_NAME = ("-",)


def near_names(rows: Iterable[Mapping[str, Any]]) -> dict[str, tuple[str, ...]]:
    """For each two-part name (the ``names`` column) the other names in ``rows`` that are one
    slip of one part away (``name_variants``) or the same letters with the space misplaced.

    Found once per distinct name, not per record: at a million records a common name is
    written the same way thousands of times, and blocking on the variants themselves joined
    every one of those records with every other some fifteen times over (once per variant)
    before the pairs were told apart. The blocking rule joins a record's near names to other
    records' own names instead, so it yields each cross pair of two different spellings once.
    """
    shapes = {
        (row["names"], row["together"], row["together_swapped"]) for row in rows if row["names"]
    }
    meeting: dict[str, set[str]] = {}
    for names, together, swapped in shapes:
        first, second = names.split(" ")
        for key in name_variants(first, second):
            meeting.setdefault(key, set()).add(names)
        for written in (together, swapped):
            if written:
                # A prefix keeps the letters-together keys apart from the variants' keys.
                meeting.setdefault(f"+{written}", set()).add(names)
    near: dict[str, set[str]] = {}
    for group in meeting.values():
        if len(group) > 1:
            for names in group:
                near.setdefault(names, set()).update(group)
    return {names: tuple(sorted(others - {names})) for names, others in near.items()}


def features_frame(records: Iterable[LinkRecord]) -> pd.DataFrame:
    """The table Splink links: one row per record, the columns of ``features_row`` and, for
    blocking, its names' near neighbours (``near_names``: an array, and its first element)."""
    import pandas as pd

    rows = [features_row(r) for r in records]
    # Lists, which every backend reads as an array (one list per name, shared by its records).
    near = {names: list(others) for names, others in near_names(rows).items()}
    nobody = list(NO_NEAR_NAME)
    for row in rows:
        row["name_near"] = near.get(row["names"], nobody)
        row["name_near_first"] = row["name_near"][0]
    frame = pd.DataFrame.from_records(rows)
    if frame.empty:
        columns = [*features_row(LinkRecord(0)).keys(), "name_near", "name_near_first"]
        frame = pd.DataFrame(columns=columns)
    for column in ("by_min", "by_max"):
        frame[column] = frame[column].astype("Int64")
    frame["unique_id"] = frame["unique_id"].astype("int64")
    # The same records in whatever order the database gave them make the same model: sampling
    # and ties follow this order.
    return frame.sort_values("unique_id", kind="stable").reset_index(drop=True)


def within_one_slip(a: str, b: str, *, changed: bool = False) -> bool:
    """Whether two strings differ by at most one dropped, added or swapped character (and, with
    ``changed``, one character changed for another: a date's mistyped digit; in a name a changed
    letter makes another name, Асель/Асем, Марат/Мурат)."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        if len(diff) == 1:
            return changed
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def birth_dates_differ(a: LinkRecord, b: LinkRecord) -> bool:
    """Whether two records give two different people's birth dates: both full dates, and not
    one typing slip apart (a digit changed, two swapped) nor day and month swapped. Ages and
    years prove nothing of the kind: they are guessed, rounded or counted from another day."""
    if a.birth_date is None or b.birth_date is None:
        return False
    return dates_differ(a.birth_date, b.birth_date)


def dates_differ(x: datetime.date, y: datetime.date) -> bool:
    """Whether two full birth dates are two people's: not the same, not one typing slip apart
    (a digit changed, two swapped), not day and month swapped."""
    if x == y:
        return False
    if x.year == y.year and (x.month, x.day) == (y.day, y.month):
        return False
    return not within_one_slip(x.isoformat(), y.isoformat(), changed=True)


def evidently_different(
    records: Mapping[int, LinkRecord],
    scored: Iterable[tuple[int, int, float]],
    threshold: float,
) -> list[tuple[int, int]]:
    """The scored pairs whose records show them to be two people (two birth dates) while the
    model, weighing everything else, does not hold them to be one (below ``threshold``): a
    shared national id number outweighs a mistyped birth date, a shared name and town do not."""
    return [
        (a, b)
        for a, b, probability in scored
        if probability < threshold
        and a in records
        and b in records
        and birth_dates_differ(records[a], records[b])
    ]
