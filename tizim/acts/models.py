"""Acts of violence — who did what to whom, when, where — with the places, forces and
incidents they belong to, and evidence files with their chain of custody.

The shape follows the HURIDOCS Events Standard Formats: an **event** (the shooting at Republic
Square on the evening of 6 January) groups **acts**, each with one victim (a registry
``Person``), one act type, one perpetrator (a kind of force, and a unit when known), a place
(gazetteer code) and a facility. Vocabularies are ``tizim.core.acts.vocabulary``; dates are
``PartialDateTime`` stored as columns (year … minute, "about") plus the earliest and latest
moments they can mean, for filtering and sorting.

What is sealed (docs/threat-model.md § 2, A16–A18): the names of individual officers and any
free text naming them (``Act.sealed_perpetrator``), the original evidence files, their viewing
copies and everything that could tie a file to who took it (``Evidence.sealed_meta``: the
original's SHA-256, file name, who collected it). In the clear: the SHA-256 of each sealed blob,
so anyone can check that nothing stored was altered without being able to test a photo they
hold against the registry.
"""

from __future__ import annotations

import datetime
import secrets
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tizim.audit.models import AuditEntry
from tizim.core.acts.vocabulary import ActType, FacilityKind, UnitKind
from tizim.core.dates import PartialDateTime
from tizim.registry.models import PUBLIC_ID_ALPHABET, Person, Record, Source

ACT_TYPE_CHOICES = [(t.value, t.label("en")) for t in ActType]
UNIT_KIND_CHOICES = [(u.value, u.label("en")) for u in UnitKind]
FACILITY_KIND_CHOICES = [(f.value, f.label("en")) for f in FacilityKind]


class CustodyLogImmutableError(Exception):
    """Raised when code tries to change or delete an entry of a chain of custody."""


def _zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def moment(value: datetime.datetime) -> datetime.datetime:
    """A wall-clock moment as written by a witness, placed in the instance's time zone
    (Asia/Almaty): the bounds are for ordering and filtering, not for the minute."""
    return value.replace(tzinfo=_zone())


def partial_columns(prefix: str, value: PartialDateTime | None) -> dict[str, Any]:
    """The column values that store ``value`` under ``prefix`` (all empty for None)."""
    if value is None:
        return {
            f"{prefix}_year": None,
            f"{prefix}_month": None,
            f"{prefix}_day": None,
            f"{prefix}_hour": None,
            f"{prefix}_minute": None,
            f"{prefix}_approximate": False,
            f"{prefix}_earliest": None,
            f"{prefix}_latest": None,
        }
    return {
        f"{prefix}_year": value.year,
        f"{prefix}_month": value.month,
        f"{prefix}_day": value.day,
        f"{prefix}_hour": value.hour,
        f"{prefix}_minute": value.minute,
        f"{prefix}_approximate": value.approximate,
        f"{prefix}_earliest": moment(value.earliest()),
        f"{prefix}_latest": moment(value.latest()),
    }


def partial_from(obj: object, prefix: str) -> PartialDateTime | None:
    """The ``PartialDateTime`` stored under ``prefix`` on ``obj`` (None when unknown)."""
    year = getattr(obj, f"{prefix}_year")
    if year is None:
        return None
    return PartialDateTime(
        year,
        getattr(obj, f"{prefix}_month"),
        getattr(obj, f"{prefix}_day"),
        getattr(obj, f"{prefix}_hour"),
        getattr(obj, f"{prefix}_minute"),
        bool(getattr(obj, f"{prefix}_approximate")),
    )


def _small() -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(null=True, blank=True)


class Span(models.Model):
    """When something began and ended, each as precisely as the source said it."""

    start_year = _small()
    start_month = _small()
    start_day = _small()
    start_hour = _small()
    start_minute = _small()
    start_approximate = models.BooleanField(default=False)
    start_earliest = models.DateTimeField(null=True, blank=True, db_index=True)
    start_latest = models.DateTimeField(null=True, blank=True)
    end_year = _small()
    end_month = _small()
    end_day = _small()
    end_hour = _small()
    end_minute = _small()
    end_approximate = models.BooleanField(default=False)
    end_earliest = models.DateTimeField(null=True, blank=True)
    end_latest = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def start(self) -> PartialDateTime | None:
        return partial_from(self, "start")

    @property
    def end(self) -> PartialDateTime | None:
        return partial_from(self, "end")

    def set_span(self, start: PartialDateTime | None, end: PartialDateTime | None) -> None:
        """Store ``start`` and ``end`` in the columns."""
        for name, value in {
            **partial_columns("start", start),
            **partial_columns("end", end),
        }.items():
            setattr(self, name, value)

    @property
    def when(self) -> str:
        """The span as written for people: "~2022-01-06T20 – 2022-01-07"."""
        start, end = self.start, self.end
        if start is None:
            return "date unknown"
        return f"{start} – {end}" if end is not None else str(start)


class Facility(models.Model):
    """A place people were held, treated or taken: a police station, IVS, SIZO, an Interior
    Ministry building, a hospital, a morgue. Public buildings: their names are in the clear."""

    slug = models.SlugField(max_length=80, unique=True)
    kind = models.CharField(max_length=32, choices=FACILITY_KIND_CHOICES)
    name_kk = models.CharField(max_length=300, blank=True)
    name_ru = models.CharField(max_length=300, blank=True)
    name_en = models.CharField(max_length=300)
    place_code = models.CharField(max_length=64, blank=True, help_text="Gazetteer code.")
    address = models.CharField(max_length=300, blank=True)
    notes = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name_en"]
        verbose_name_plural = "facilities"

    def __str__(self) -> str:
        return self.name_en

    def name(self, language: str = "en") -> str:
        """The name in kk, ru or en (falling back to English, then Russian)."""
        chosen = {"kk": self.name_kk, "ru": self.name_ru}.get(language, self.name_en)
        return chosen or self.name_en or self.name_ru

    @property
    def kind_enum(self) -> FacilityKind:
        return FacilityKind(self.kind)


class Unit(models.Model):
    """A force or a named unit of it (the Almaty police department, a CSTO contingent).
    Individual officers are never a unit: their names are sealed on the act."""

    kind = models.CharField(max_length=32, choices=UNIT_KIND_CHOICES)
    name_kk = models.CharField(max_length=300, blank=True)
    name_ru = models.CharField(max_length=300, blank=True)
    name_en = models.CharField(max_length=300)
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["kind", "name_en"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "name_en"], name="one_unit_per_kind_and_name")
        ]

    def __str__(self) -> str:
        return self.name_en

    def name(self, language: str = "en") -> str:
        chosen = {"kk": self.name_kk, "ru": self.name_ru}.get(language, self.name_en)
        return chosen or self.name_en


class Event(Span):
    """An incident grouping several acts: one shooting, one raid, one night in one IVS."""

    title = models.CharField(max_length=300)
    description = models.TextField(blank=True)
    place_code = models.CharField(max_length=64, blank=True)
    facility = models.ForeignKey(
        Facility, on_delete=models.PROTECT, null=True, blank=True, related_name="events"
    )
    created_by = models.CharField(max_length=150, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["start_earliest", "title"]

    def __str__(self) -> str:
        return self.title


class Act(Span):
    """One act done to one person: "detained by the National Guard at about 19:54 on 6 January
    near Republic Square", with its sources and how sure we are."""

    class Confidence(models.TextChoices):
        CONFIRMED = "confirmed", _("confirmed (independent sources or documents agree)")
        PROBABLE = "probable", _("probable (one credible, detailed source)")
        POSSIBLE = "possible", _("possible (one source, not yet checked)")
        DISPUTED = "disputed", _("disputed (sources contradict each other)")

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="acts")
    act_type = models.CharField(max_length=40, choices=ACT_TYPE_CHOICES)
    place_code = models.CharField(max_length=64, blank=True, help_text="Gazetteer code.")
    place_text = models.CharField(max_length=300, blank=True, help_text="As the source said.")
    facility = models.ForeignKey(
        Facility, on_delete=models.PROTECT, null=True, blank=True, related_name="acts"
    )
    unit_kind = models.CharField(
        max_length=32, choices=UNIT_KIND_CHOICES, default=UnitKind.UNKNOWN.value
    )
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, null=True, blank=True, related_name="acts"
    )
    event = models.ForeignKey(
        Event, on_delete=models.PROTECT, null=True, blank=True, related_name="acts"
    )
    description = models.TextField(
        blank=True, help_text="What happened, without naming any officer (those are sealed)."
    )
    confidence = models.CharField(
        max_length=16, choices=Confidence.choices, default=Confidence.POSSIBLE
    )
    sources: models.ManyToManyField[Source, ActSource] = models.ManyToManyField(
        Source, through="ActSource", related_name="acts"
    )
    # Sealed JSON {"officers": …, "note": …} (tizim.core.sealing), or empty.
    sealed_perpetrator = models.BinaryField(null=True, blank=True)
    sealed_to = models.JSONField(default=list, blank=True, help_text="Recipient ids.")
    created_by = models.CharField(max_length=150, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["start_earliest", "id"]
        indexes = [
            models.Index(fields=["act_type"]),
            models.Index(fields=["unit_kind"]),
            models.Index(fields=["person", "start_earliest"]),
        ]
        permissions = [
            ("view_sealed_perpetrator", "Can unseal the names of individual perpetrators"),
            ("export_acts", "Can export acts (person-level)"),
        ]

    def __str__(self) -> str:
        return f"{self.act_type} — {self.person} ({self.when})"

    @property
    def act_type_enum(self) -> ActType:
        return ActType(self.act_type)

    @property
    def unit_kind_enum(self) -> UnitKind:
        return UnitKind(self.unit_kind)

    @property
    def has_sealed_perpetrator(self) -> bool:
        return bool(self.sealed_perpetrator)


class ActSource(models.Model):
    """That a source states an act, and where in it (a row, a page, an interview's date)."""

    act = models.ForeignKey(Act, on_delete=models.CASCADE, related_name="citations")
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="act_citations")
    record = models.ForeignKey(
        Record, on_delete=models.PROTECT, null=True, blank=True, related_name="act_citations"
    )
    citation = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["act", "source"], name="one_citation_per_act_source")
        ]

    def __str__(self) -> str:
        return f"{self.source.name}: {self.citation}" if self.citation else self.source.name


def new_evidence_id() -> str:
    """A random id "E" + 10 letters, like persons' (no order of entry leaks through it)."""
    return "E" + "".join(secrets.choice(PUBLIC_ID_ALPHABET) for _ in range(10))


class Evidence(models.Model):
    """A file attached to an act or a person, kept sealed and never modified.

    ``blob_name`` is the sealed original in ``MEDIA_ROOT/evidence/``; ``viewing_name`` a sealed
    copy re-encoded from pixels without metadata (images only). Their SHA-256 are in the clear;
    the original's own SHA-256 is inside ``sealed_meta``.
    """

    class Kind(models.TextChoices):
        PHOTO = "photo", _("photograph")
        VIDEO = "video", _("video")
        AUDIO = "audio", _("audio recording")
        DOCUMENT = "document", _("document")
        MEDICAL = "medical", _("medical record or forensic report")
        OTHER = "other", _("other")

    public_id = models.CharField(max_length=16, unique=True, default=new_evidence_id)
    act = models.ForeignKey(
        Act, on_delete=models.PROTECT, null=True, blank=True, related_name="evidence"
    )
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, null=True, blank=True, related_name="evidence"
    )
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.PHOTO)
    captured_year = _small()
    captured_month = _small()
    captured_day = _small()
    captured_hour = _small()
    captured_minute = _small()
    captured_approximate = models.BooleanField(default=False)
    captured_earliest = models.DateTimeField(null=True, blank=True)
    captured_latest = models.DateTimeField(null=True, blank=True)
    capture_place_code = models.CharField(max_length=64, blank=True)
    blob_name = models.CharField(max_length=100, unique=True)
    blob_sha256 = models.CharField(max_length=64)
    blob_size = models.PositiveBigIntegerField()
    viewing_name = models.CharField(max_length=100, blank=True)
    viewing_sha256 = models.CharField(max_length=64, blank=True)
    viewing_mime = models.CharField(max_length=40, blank=True)
    sealed_meta = models.BinaryField()
    sealed_to = models.JSONField(default=list, blank=True, help_text="Recipient ids.")
    received_by = models.CharField(max_length=150, blank=True)
    received_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]
        verbose_name_plural = "evidence"
        constraints = [
            models.CheckConstraint(
                condition=Q(act__isnull=False) | Q(person__isnull=False),
                name="evidence_is_about_an_act_or_a_person",
            )
        ]

    def __str__(self) -> str:
        return self.public_id

    @property
    def captured(self) -> PartialDateTime | None:
        return partial_from(self, "captured")

    @property
    def subject(self) -> Person | None:
        """The person the evidence is about (the act's victim when attached to an act)."""
        return self.act.person if self.act_id is not None and self.act else self.person


class CustodyEntry(models.Model):
    """One link of an evidence file's chain of custody, each also an entry of the audit chain.

    Append-only: saving an existing entry or deleting one raises ``CustodyLogImmutableError``.
    """

    class Action(models.TextChoices):
        RECEIVED = "received", _("received")
        VIEWED = "viewed", _("viewed")
        COPIED = "copied", _("copied (original downloaded)")
        EXPORTED = "exported", _("exported")
        SHARED = "shared", _("shared")
        VERIFIED = "verified", _("verified")

    evidence = models.ForeignKey(Evidence, on_delete=models.PROTECT, related_name="custody")
    action = models.CharField(max_length=16, choices=Action.choices)
    actor = models.CharField(max_length=150)
    at = models.DateTimeField()
    shared_with = models.CharField(max_length=300, blank=True)
    note = models.CharField(max_length=500, blank=True)
    audit_entry = models.OneToOneField(
        AuditEntry, on_delete=models.PROTECT, related_name="custody_entry"
    )

    class Meta:
        ordering = ["id"]
        verbose_name_plural = "custody entries"

    def __str__(self) -> str:
        return f"{self.evidence.public_id} {self.action} by {self.actor}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None and not self._state.adding:
            raise CustodyLogImmutableError("a chain of custody is appended to, never rewritten")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise CustodyLogImmutableError("a chain of custody is appended to, never rewritten")
