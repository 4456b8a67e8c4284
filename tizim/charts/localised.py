"""Charts in the page's language: the words every chart needs, and the timeline of documented
counts beside claims that the public statistics and the staff Numbers pages both draw."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Protocol

from django.utils import translation
from django.utils.dates import MONTHS_3
from django.utils.translation import gettext as _

from tizim.core.charts import Series, Timeline, Words


def words(title: str) -> Words:
    """A chart's title with the words every chart needs, in the active language."""
    language = (translation.get_language() or "en")[:2]
    months = tuple(str(MONTHS_3[m]) for m in range(1, 13))
    return Words(title=title, language=language, no_data=_("No data"), months=months)


class ClaimPoint(Protocol):
    """What a chart needs of a claim (``ClaimFigure`` or the ``Claim`` model)."""

    @property
    def as_of(self) -> datetime.date: ...

    @property
    def value(self) -> int: ...

    @property
    def status(self) -> str: ...


def claims_timeline(
    title: str,
    known_now: Sequence[tuple[datetime.date, int]],
    known_then: Sequence[tuple[datetime.date, int]],
    claims: Sequence[ClaimPoint],
) -> Timeline:
    """Documented counts day by day (as known now, and as reported by each day) beside the
    claims, standing ones apart from those disavowed, revised or disputed."""
    lines = [
        Series(_("documented, as known now"), _points(known_now), "step"),
        Series(_("documented, as reported by each day"), _points(known_then), "step"),
    ]
    standing = tuple((c.as_of, float(c.value)) for c in claims if c.status == "standing")
    other = tuple((c.as_of, float(c.value)) for c in claims if c.status != "standing")
    if standing:
        lines.append(Series(_("claims by officials and others"), standing, "points"))
    if other:
        lines.append(Series(_("claims disavowed, revised or disputed"), other, "points"))
    return Timeline(
        words(title),
        tuple(lines),
        axis_label=_("persons"),
        separate_label=_("Claims far above the documented counts, on a scale of their own"),
        near_label=_("Documented by name in the registry"),
    )


def _points(
    values: Sequence[tuple[datetime.date, int]],
) -> tuple[tuple[datetime.date, float], ...]:
    return tuple((day, float(n)) for day, n in values)
