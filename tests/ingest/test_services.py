"""Storing an article and deciding its proposals: nothing counts before review; an accepted
claim is one registry claim however many articles report it; an accepted person is a record
whose raw value is the sentence; every write is audited and permission-checked."""

from __future__ import annotations

import datetime
import json

import pytest
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError, transaction

from tizim.audit.models import AuditEntry
from tizim.ingest import services
from tizim.ingest.models import Article, ClaimCitation, Proposal
from tizim.registry.errors import RegistryError
from tizim.registry.models import Claim, RawValuesImmutableError, Record

pytestmark = pytest.mark.django_db(transaction=True)


def _claim(article: Article, value: int) -> Proposal:
    return next(p for p in article.proposals.filter(kind="claim") if p.proposed["value"] == value)


def test_nothing_counts_before_review(articles):
    first, _ = articles
    assert first.proposals.count() == 2  # one claim, one person (not the lawyer)
    assert Claim.objects.count() == 0 and Record.objects.count() == 0
    assert AuditEntry.objects.filter(action="ingest.article").count() == 2


def test_the_same_figure_in_two_articles_is_one_claim_with_two_sources(articles, staff):
    first, second = articles
    one = services.accept(_claim(first, 40), actor=staff["reviewer"])
    two = services.accept(_claim(second, 40), actor=staff["reviewer"])
    assert one.claim_id == two.claim_id
    claim = Claim.objects.get()
    assert (claim.value, claim.qualifier, claim.fate, claim.as_of) == (
        40,
        "at_least",
        "detained",
        datetime.date(2022, 1, 11),  # the Tuesday before the first article
    )
    assert claim.source.name == "taraz-police" and "40 people" in claim.quote
    cited = ClaimCitation.objects.filter(claim=claim).values_list("source__name", flat=True)
    assert sorted(cited) == ["rights-digest", "taraz-police"]


def test_a_corrected_claim_keeps_what_was_proposed(articles, staff):
    first, _ = articles
    decided = services.accept(
        _claim(first, 40), corrections={"value": 45, "claimant": "Zhambyl police"},
        actor=staff["reviewer"],
    )  # fmt: skip
    assert decided.state == "corrected" and decided.proposed["value"] == 40
    assert (decided.claim.value, decided.claim.claimant) == (45, "Zhambyl police")


def test_an_accepted_person_is_a_record_whose_raw_value_is_the_sentence(articles, staff):
    first, _ = articles
    proposal = first.proposals.get(kind="person")
    decided = services.accept(proposal, actor=staff["reviewer"])
    record = decided.record
    assert json.loads(record.raw_json) == {"sentence": proposal.quote}
    assert "Serik Abenov" in proposal.quote
    assert (record.surname, record.given_name, record.fate) == ("Abenov", "Serik", "detained")
    assert record.event_date == datetime.date(2022, 1, 5)
    assert record.birth_year_max == 1988  # 34 on 5 January 2022
    assert record.person is not None  # a person of its own, for linkage to join
    assert record.source == first.source


def test_a_rejected_proposal_stays_and_counts_nothing(articles, staff):
    first, _ = articles
    services.reject(_claim(first, 40), actor=staff["reviewer"])
    assert Claim.objects.count() == 0
    with pytest.raises(RegistryError, match="already rejected"):
        services.accept(_claim(first, 40), actor=staff["reviewer"])


def test_only_reviewers_decide(articles, staff):
    first, _ = articles
    for role in ("volunteer", "analyst"):
        with pytest.raises(PermissionDenied):
            services.accept(_claim(first, 40), actor=staff[role])
    assert _claim(first, 40).state == "pending"


def test_the_text_cannot_be_changed(articles):
    first, _ = articles
    first.text = "rewritten"
    with pytest.raises(RawValuesImmutableError):
        first.save()
    with pytest.raises(DatabaseError), transaction.atomic():
        Article.objects.filter(pk=first.pk).update(text="rewritten")
    first.refresh_from_db()
    assert first.text.startswith("Taraz, 14 January 2022.")
