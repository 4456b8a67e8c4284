"""Publishing a realistic part of the demo registry, so the public site is alive after
``make demo``: the dead whose death a source confirms, half of the missing (as if their
families had asked), and the detained already named by a published source. Every decision goes
through ``publish_person`` and its rules; persons the rules refuse are simply left out."""

from __future__ import annotations

from typing import TextIO

from tizim.publish.rules import PublicationRefused
from tizim.publish.selectors import published_persons
from tizim.publish.services import publish_person
from tizim.registry.models import Person


def publish_demo(*, out: TextIO | None = None) -> dict[str, int]:
    """Publish the demo persons the rules allow; returns how many per list."""
    counts = {"killed": 0, "missing": 0, "detained": 0}
    persons = Person.objects.filter(records__isnull=False).distinct().order_by("public_id")
    for person in persons:
        for basis in ("confirmed_source", "public_source", "family_request"):
            if basis == "family_request" and ord(person.public_id[-1]) % 2:
                continue  # only some families asked
            try:
                publication = publish_person(person, basis=basis, actor="demo")
            except PublicationRefused:
                continue
            counts[publication.list_name] += 1
            break
    if out is not None:
        total = published_persons().count()
        print(
            f"  published {total} persons on the public site: {counts['killed']} killed, "
            f"{counts['missing']} missing, {counts['detained']} detained",
            file=out,
        )
    return counts
