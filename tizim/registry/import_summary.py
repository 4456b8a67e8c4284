"""What an import did, or would do: the summary every way of importing returns."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass
class SheetSummary:
    """What was detected in one table (a CSV file, or one sheet of a workbook)."""

    sheet: str
    headers: list[str]
    column_map: dict[int, str]
    rows_read: int = 0


# How many distinct unknown place names an import summary counts.
UNKNOWN_PLACES_KEPT = 500


@dataclass
class ImportSummary:
    """What an import did (or, for a dry run, would do). The counts partition the rows read:
    imported (new, usable) + new_versions + unchanged + quarantined = rows_read."""

    source: str
    filename: str
    encoding: str = ""
    delimiter: str = ""
    sheets: list[SheetSummary] = field(default_factory=list)
    rows_read: int = 0
    imported: int = 0
    new_versions: int = 0
    unchanged: int = 0
    vanished: int = 0
    quarantined: Counter[str] = field(default_factory=Counter)
    problems: list[tuple[str, int, str]] = field(default_factory=list)
    # Places as written that the gazetteer does not know (kept as written, with no region),
    # by how many rows name them: not a reason to quarantine, but worth a look before import.
    unknown_places: Counter[str] = field(default_factory=Counter)
    dry_run: bool = False
    batch_id: int | None = None
    # The fate the whole list states (from the source or the import), and how many rows
    # without one of their own took it.
    default_fate: str = ""
    default_fate_rows: int = 0
    # Advice that is not a problem of any row (a list of the dead without a status column).
    hints: list[str] = field(default_factory=list)

    def note_unknown_place(self, text: str) -> None:
        """Count a place the gazetteer does not know; past a few hundred distinct ones only
        those already seen are counted, so a free-text column cannot grow memory."""
        if text in self.unknown_places or len(self.unknown_places) < UNKNOWN_PLACES_KEPT:
            self.unknown_places[text] += 1

    @property
    def quarantined_total(self) -> int:
        return sum(self.quarantined.values())


def quarantine_reason_kind(problems: Sequence[str]) -> str:
    """The headline of a quarantine reason, for the summary table ("date", "no name", …)."""
    first = problems[0]
    return first.split(":", 1)[0] if ":" in first else first
