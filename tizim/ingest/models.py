"""Articles kept verbatim, the proposals read from them, and the claims they cite.

An article's text is raw material like a spreadsheet row: written once with its SHA-256 and
never changed (``Article.save`` refuses). A proposal waits for a reviewer; accepted, it becomes
a registry ``Claim`` (cited through ``ClaimCitation``, so that one figure reported by several
articles is one claim with several sources) or a ``Record`` of the article's source.
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from tizim.registry.models import Claim, RawValuesImmutableError, Record, Source

_IMMUTABLE = ("source_id", "text", "text_sha256")


def text_digest(text: str) -> str:
    """The SHA-256 of an article's text (UTF-8), as stored beside it."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Article(models.Model):
    """One text read from a file or pasted: the source's raw material, verbatim."""

    class Kind(models.TextChoices):
        HTML = "html", _("web page")
        TEXT = "text", _("plain text")
        PDF = "pdf", _("PDF")
        DOCX = "docx", _("DOCX")
        PASTE = "paste", _("pasted text")

    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="articles")
    filename = models.CharField(max_length=500, blank=True)
    kind = models.CharField(max_length=8, choices=Kind.choices)
    title = models.CharField(max_length=500, blank=True)
    language = models.CharField(max_length=2)
    published = models.DateField(help_text="The date the article gives itself.")
    text = models.TextField(help_text="The article's text exactly as read.")
    text_sha256 = models.CharField(max_length=64)
    actor = models.CharField(max_length=150, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["source", "text_sha256"], name="ingest_article_once")
        ]
        permissions = [("review_article", "Can accept, correct or reject an article's proposals")]

    def __str__(self) -> str:
        return f"{self.source_id}: {self.title or self.filename or self.pk}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None and not self._state.adding:
            stored = Article.objects.filter(pk=self.pk).values(*_IMMUTABLE).first()
            if stored is not None and any(stored[f] != getattr(self, f) for f in _IMMUTABLE):
                raise RawValuesImmutableError(
                    f"article {self.pk}: its text is what the source said and cannot be changed"
                )
        super().save(*args, **kwargs)


class Proposal(models.Model):
    """A claim or a person read from an article, waiting for a reviewer (or decided)."""

    class Kind(models.TextChoices):
        CLAIM = "claim", _("claim")
        PERSON = "person", _("person")

    class State(models.TextChoices):
        PENDING = "pending", _("to review")
        ACCEPTED = "accepted", _("accepted")
        CORRECTED = "corrected", _("accepted with corrections")
        REJECTED = "rejected", _("rejected")

    article = models.ForeignKey(Article, on_delete=models.PROTECT, related_name="proposals")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    proposed = models.JSONField(help_text="What was read, as `tizim ingest --json` prints it.")
    decided = models.JSONField(null=True, blank=True, help_text="What the reviewer accepted.")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    decided_by = models.CharField(max_length=150, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    claim = models.ForeignKey(
        Claim, on_delete=models.PROTECT, null=True, blank=True, related_name="proposals"
    )
    record = models.OneToOneField(
        Record, on_delete=models.PROTECT, null=True, blank=True, related_name="proposal"
    )

    class Meta:
        ordering = ["article", "start", "id"]

    def __str__(self) -> str:
        return f"{self.kind} {self.start}-{self.end} of article {self.article_id}"

    @property
    def quote(self) -> str:
        return str(self.proposed.get("quote", ""))

    @property
    def chance(self) -> float | None:
        """A second reader's chance for a possible figure or person; None for what the rules
        read."""
        chance = self.proposed.get("chance")
        return None if chance is None else float(chance)


class ClaimCitation(models.Model):
    """One article that reports a claim: the same figure in several articles is one claim
    cited several times."""

    claim = models.ForeignKey(Claim, on_delete=models.PROTECT, related_name="citations")
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="claim_citations")
    article = models.ForeignKey(Article, on_delete=models.PROTECT, related_name="citations")
    quote = models.TextField()
    claimant = models.CharField(max_length=300, blank=True, help_text="As this article names it.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["claim", "created_at"]
        constraints = [
            models.UniqueConstraint(fields=["claim", "article"], name="ingest_cited_once")
        ]

    def __str__(self) -> str:
        return f"claim {self.claim_id} in article {self.article_id}"
