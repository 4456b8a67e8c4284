"""Recording what a source claims: a figure ("225 killed") said by someone on a date."""

from __future__ import annotations

import datetime

from django.db import transaction

from tizim.audit.services import record_action
from tizim.core.fates import Fate
from tizim.registry.errors import RegistryError
from tizim.registry.models import (
    Claim,
    Source,
)

# --- claims --------------------------------------------------------------------------------


def record_claim(
    *,
    claimant: str,
    counted: str,
    value: int,
    as_of: datetime.date,
    fate: str = "",
    measure: str = Claim.Measure.EVER,
    qualifier: str = Claim.Qualifier.EXACT,
    stated_on: datetime.date | None = None,
    source: Source | None = None,
    quote: str = "",
    status: str = Claim.Status.STANDING,
    status_note: str = "",
    region: str = "",
    actor: str = "",
) -> Claim:
    """Keep a figure stated by someone, with where and when it was stated."""
    if fate and fate not in {f.value for f in Fate}:
        raise RegistryError(f"unknown fate '{fate}'")
    if measure not in Claim.Measure.values:
        raise RegistryError(
            f"unknown measure '{measure}'; choose from {', '.join(Claim.Measure.values)}"
        )
    with transaction.atomic():
        claim = Claim.objects.create(
            claimant=claimant,
            counted=counted,
            value=value,
            as_of=as_of,
            fate=fate,
            measure=measure,
            qualifier=qualifier,
            stated_on=stated_on,
            source=source,
            quote=quote,
            status=status,
            status_note=status_note,
            region=region,
        )
        record_action(
            "claim.create",
            actor=actor,
            object_type="claim",
            object_id=claim.pk,
            details={"claimant": claimant, "value": value, "counted": counted},
        )
    return claim
