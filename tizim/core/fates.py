"""The vocabulary of fates: what happened to a person, as lists state it in kk, ru and en.

A fate is a *status at a date* (missing on 6 January, detained on 8 January, released on
20 January), not a permanent label; the registry keeps them as a dated timeline.
"""

from __future__ import annotations

from enum import StrEnum


class Fate(StrEnum):
    """What a source says happened to a person. Values are stable codes stored in the database."""

    MISSING = "missing"
    DETAINED = "detained"
    ARRESTED = "arrested"
    CHARGED = "charged"
    CONVICTED = "convicted"
    RELEASED = "released"
    INJURED = "injured"
    KILLED = "killed"
    DIED_IN_CUSTODY = "died_in_custody"
    DISAPPEARED = "disappeared"
    FOUND = "found"

    @property
    def label(self) -> str:
        return FATE_LABELS_EN[self]

    @property
    def is_death(self) -> bool:
        return self in (Fate.KILLED, Fate.DIED_IN_CUSTODY)

    @property
    def is_custody(self) -> bool:
        """In the hands of the state on that date (what "970 in custody on 22 January" counts)."""
        return self in (Fate.DETAINED, Fate.ARRESTED, Fate.CHARGED, Fate.CONVICTED)


FATE_LABELS_EN: dict[Fate, str] = {
    Fate.MISSING: "missing",
    Fate.DETAINED: "detained",
    Fate.ARRESTED: "arrested",
    Fate.CHARGED: "charged",
    Fate.CONVICTED: "convicted",
    Fate.RELEASED: "released",
    Fate.INJURED: "injured",
    Fate.KILLED: "killed",
    Fate.DIED_IN_CUSTODY: "died in custody",
    Fate.DISAPPEARED: "disappeared",
    Fate.FOUND: "found",
}

FATE_CHOICES: list[tuple[str, str]] = [(f.value, f.label) for f in Fate]
