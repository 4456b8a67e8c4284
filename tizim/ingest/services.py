"""Writes of ingest: an article stored with its proposals; a reviewer's decision on one.

Every function runs in a transaction and appends to the audit log. Nothing counts until a
reviewer accepts it: an accepted claim becomes a registry ``Claim`` (or a new citation of the
same figure already claimed), an accepted person a ``Record`` of the article's source, whose
raw value is the sentence, linked later like any other record.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from tizim.accounts.access import Actor, acting_as
from tizim.audit.services import record_action
from tizim.core.counting import FATE_GROUPS
from tizim.core.ingest import Extraction
from tizim.core.ingest.readers import Document
from tizim.core.places import fold_place, region_of
from tizim.ingest.models import Article, ClaimCitation, Proposal, text_digest
from tizim.registry.claims import record_claim
from tizim.registry.errors import RegistryError
from tizim.registry.models import Claim, Record, Source
from tizim.registry.records import add_record
from tizim.registry.sources import create_source

ADD = "ingest.add_article"
REVIEW = "ingest.review_article"

#: The fate a claim about a group is stored with (the registry compares by group).
_GROUP_FATE = {"dead": "killed", "injured": "injured", "missing": "missing",
               "custody": "detained", "prosecuted": "charged", "released": "released"}  # fmt: skip
_CLAIM_FIELDS = ("value", "qualifier", "counted", "fate_group", "measure", "region", "claimant",
                 "as_of", "status")  # fmt: skip
_PERSON_FIELDS = ("name", "fate", "date", "age", "place")


@dataclass(frozen=True)
class StoredArticle:
    """The article and whether it was new (the same text again is the same article)."""

    article: Article
    created: bool


def store_article(
    source_name: str,
    document: Document,
    extraction: Extraction,
    *,
    filename: str = "",
    published: datetime.date,
    kind: str | None = None,
    actor: Actor = "",
) -> StoredArticle:
    """Keep ``document``'s text verbatim under ``source_name`` (a news-article source, made
    if new) with what ``extraction`` proposes, all pending review."""
    who = acting_as(actor, ADD)
    digest = text_digest(document.text)
    with transaction.atomic():
        source = Source.objects.filter(name=source_name).first()
        if source is None:
            source = create_source(
                source_name,
                kind=Source.Kind.NEWS_ARTICLE,
                title=document.title or filename or source_name,
                language=extraction.language,
                obtained_on=published,
                actor=who,
            )
        existing = Article.objects.filter(source=source, text_sha256=digest).first()
        if existing is not None:
            return StoredArticle(existing, False)
        article = Article.objects.create(
            source=source,
            filename=filename[:500],
            kind=kind or document.kind,
            title=document.title[:500],
            language=extraction.language,
            published=published,
            text=document.text,
            text_sha256=digest,
            actor=who,
        )
        payload = extraction.as_json()
        Proposal.objects.bulk_create(
            [
                Proposal(article=article, kind=kind_, proposed=p, start=p["start"], end=p["end"])
                for kind_, items in (("claim", payload["claims"]), ("person", payload["persons"]))
                for p in items
            ]
        )
        record_action(
            "ingest.article",
            actor=who,
            object_type="article",
            object_id=article.pk,
            details={
                "source": source.name,
                "sha256": digest,
                "claims": len(payload["claims"]),
                "persons": len(payload["persons"]),
            },
        )
    return StoredArticle(article, True)


def reject(proposal: Proposal, *, actor: Actor) -> Proposal:
    """Mark ``proposal`` as wrong; it stays, decided, and counts nothing."""
    who = acting_as(actor, REVIEW)
    with transaction.atomic():
        proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
        _refuse_decided(proposal)
        proposal.state = Proposal.State.REJECTED
        proposal.decided_by, proposal.decided_at = who, timezone.now()
        proposal.save()
        record_action("ingest.reject", actor=who, object_type="proposal", object_id=proposal.pk)
    return proposal


def accept(
    proposal: Proposal, *, corrections: dict[str, Any] | None = None, actor: Actor
) -> Proposal:
    """Accept ``proposal``, with ``corrections`` of its fields if the reviewer made any: a
    claim becomes a registry claim (or cites the same figure already claimed), a person a
    record of the article's source."""
    who = acting_as(actor, REVIEW)
    with transaction.atomic():
        proposal = (
            Proposal.objects.select_for_update()
            .select_related("article__source")
            .get(pk=proposal.pk)
        )
        _refuse_decided(proposal)
        fields = _PERSON_FIELDS if proposal.kind == Proposal.Kind.PERSON else _CLAIM_FIELDS
        decided = {**proposal.proposed}
        changed = {
            k: v
            for k, v in (corrections or {}).items()
            if k in fields and v != proposal.proposed.get(k)
        }
        decided.update(changed)
        if proposal.kind == Proposal.Kind.CLAIM:
            proposal.claim = _claim_for(proposal, decided, who)
        else:
            proposal.record = _record_for(proposal, decided, who)
        proposal.decided = decided
        proposal.state = Proposal.State.CORRECTED if changed else Proposal.State.ACCEPTED
        proposal.decided_by, proposal.decided_at = who, timezone.now()
        proposal.save()
        record_action(
            "ingest.accept",
            actor=who,
            object_type="proposal",
            object_id=proposal.pk,
            details={"kind": proposal.kind, "corrected": sorted(changed)},
        )
    return proposal


def _refuse_decided(proposal: Proposal) -> None:
    if proposal.state != Proposal.State.PENDING:
        raise RegistryError(
            f"this proposal was already {proposal.get_state_display()} by {proposal.decided_by}"
        )


def _claim_for(proposal: Proposal, decided: dict[str, Any], who: str) -> Claim:
    """The registry claim of this figure: the same one if another article reported it."""
    article = proposal.article
    group = decided.get("fate_group") or ""
    if group and group not in {g.code for g in FATE_GROUPS}:
        raise RegistryError(f"unknown fate group '{group}'")
    stated_as_of = _date(decided.get("as_of"))
    as_of = stated_as_of or article.published
    region = _region_code(decided.get("region"))
    value = int(decided["value"])
    measure = decided.get("measure") or Claim.Measure.EVER
    status = decided.get("status") or Claim.Status.STANDING
    # The same figure of the same thing: an article that repeats it without a date of its
    # own cites the claim made before it; one with a date cites the claim of that date.
    same_figure = Claim.objects.filter(
        value=value, fate=_GROUP_FATE.get(group, ""), measure=measure, region=region, status=status
    )
    if stated_as_of is not None:
        same_figure = same_figure.filter(as_of=stated_as_of)
    else:
        same_figure = same_figure.filter(as_of__lte=article.published)
    same = same_figure.order_by("-as_of", "id").first()
    claimant = decided.get("claimant") or article.source.title or article.source.name
    claim = same or record_claim(
        claimant=claimant[:300],
        counted=(decided.get("counted") or "")[:300],
        value=value,
        as_of=as_of,
        fate=_GROUP_FATE.get(group, ""),
        measure=measure,
        qualifier=decided.get("qualifier") or Claim.Qualifier.EXACT,
        stated_on=article.published,
        source=article.source,
        quote=proposal.quote,
        status=status,
        region=region,
        actor=who,
    )
    ClaimCitation.objects.get_or_create(
        claim=claim,
        article=article,
        defaults={"source": article.source, "quote": proposal.quote, "claimant": claimant[:300]},
    )
    return claim


def _record_for(proposal: Proposal, decided: dict[str, Any], who: str) -> Record:
    """A record of the article's source: raw value the sentence, fields as accepted."""
    article = proposal.article
    values = {
        "full_name": str(decided.get("name") or ""),
        "fate": str(decided.get("fate") or ""),
        "event_date": str(decided.get("date") or ""),
        "age": str(decided.get("age") or ""),
        "place": str(decided.get("place") or ""),
    }
    if not values["full_name"].strip():
        raise RegistryError("a person needs a name")
    return add_record(
        source_name=article.source.name,
        values=values,
        source_record_id=f"article-{article.pk}-proposal-{proposal.pk}",
        reported_on=article.published,
        raw={"sentence": proposal.quote},
        actor=who,
    )


def _date(value: Any) -> datetime.date | None:
    if not value:
        return None
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        raise RegistryError(f"not a date (YYYY-MM-DD): {value!r}") from None


def _region_code(region: Any) -> str:
    if not region:
        return ""
    place = fold_place(str(region))
    if place is None:
        return str(region)[:64]
    return place.code if place.region is None else region_of(place.code)
