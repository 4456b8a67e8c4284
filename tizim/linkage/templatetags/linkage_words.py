"""Template filters that put the linker's figures and stored reasons into plain words:
``{{ pair.probability|percent }}``, ``{{ pair|why_queued }}``, ``{{ run.started_at|moment }}``."""

from __future__ import annotations

import datetime

from django import template
from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format

from tizim.core.linkage.explanations import percent as _percent
from tizim.linkage.models import CandidatePair
from tizim.linkage.selectors import why_queued_in_words

register = template.Library()


@register.filter
def percent(probability: float) -> int:
    """A probability as a whole percentage (never 0 or 100 unless it is)."""
    return _percent(float(probability))


@register.filter
def why_queued(candidate: CandidatePair) -> str:
    """Why a pair waits for a reviewer, in plain words."""
    return why_queued_in_words(candidate)


@register.filter
def moment(value: datetime.datetime | None) -> str:
    """A moment in the registry's time zone, saying which: "4 January 2022, 19:00
    (Asia/Almaty)" — a lawyer comparing it with a document must know the clock it is on."""
    if value is None:
        return ""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{date_format(local, 'j E Y, H:i')} ({settings.TIME_ZONE})"
