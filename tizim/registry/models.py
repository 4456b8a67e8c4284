"""The registry's data model.

Sources (lists, forms, articles) hold immutable raw records; a person is a cluster of records,
with a membership history that is appended to, never rewritten; a person's fate timeline is
derived from the records that cite it; claims are figures stated by others, kept to be set
beside what is documented.
"""

from __future__ import annotations

import datetime
import json
import secrets
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tizim.core.fates import Fate
from tizim.registry.labels import FATE_CHOICES


class RawValuesImmutableError(Exception):
    """Raised when code tries to change what a source said."""


class Source(models.Model):
    """A list or channel that records come from."""

    class Kind(models.TextChoices):
        NGO_SPREADSHEET = "ngo_spreadsheet", _("NGO spreadsheet")
        RADIO_LIST = "radio_list", _("radio / media list")
        OFFICIAL_LIST = "official_list", _("official list")
        PRESS_LIST = "press_list", _("press list")
        WEB_FORM = "web_form", _("web form")
        NEWS_ARTICLE = "news_article", _("news article")
        INTERVIEW = "interview", _("interview")
        OTHER = "other", _("other")

    name = models.SlugField(
        max_length=80, unique=True, help_text="Short handle used on the command line."
    )
    title = models.CharField(max_length=300, blank=True)
    kind = models.CharField(max_length=32, choices=Kind.choices, default=Kind.OTHER)
    organisation = models.CharField(max_length=300, blank=True)
    language = models.CharField(max_length=16, blank=True, help_text="kk, ru, en or mixed")
    url = models.URLField(max_length=1000, blank=True)
    obtained_on = models.DateField(null=True, blank=True)
    reliability_note = models.TextField(blank=True)
    default_fate = models.CharField(
        max_length=32,
        blank=True,
        choices=FATE_CHOICES,
        help_text="The fate every person on the list shares (a list of the dead: killed), "
        "taken by rows that state none of their own.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ImportBatch(models.Model):
    """One file loaded into a source: what was read, and what became of each row."""

    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="imports")
    filename = models.CharField(max_length=500)
    file_sha256 = models.CharField(max_length=64)
    encoding = models.CharField(max_length=40, blank=True)
    delimiter = models.CharField(max_length=4, blank=True)
    headers = models.JSONField(default=list)
    column_map = models.JSONField(default=dict, help_text="column index → parsed field")
    obtained_on = models.DateField(
        null=True, blank=True, help_text="When this version of the list was obtained."
    )
    default_fate = models.CharField(
        max_length=32,
        blank=True,
        choices=FATE_CHOICES,
        help_text="The fate the list gave rows that state none of their own (from the source "
        "or the import); blank when none was given.",
    )
    default_fate_rows = models.PositiveIntegerField(
        default=0, help_text="How many rows took the list's fate."
    )
    rows_read = models.PositiveIntegerField(default=0)
    imported = models.PositiveIntegerField(default=0)
    quarantined = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    actor = models.CharField(max_length=150, blank=True)
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at"]
        verbose_name_plural = "import batches"

    def __str__(self) -> str:
        return f"{self.source.name}: {self.filename}"


PUBLIC_ID_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # 32 letters: no 0/O, 1/I


def new_public_id() -> str:
    """A short random, stable, non-sequential id (no order of entry leaks through it)."""
    return new_public_ids(1)[0]


def new_public_ids(count: int) -> list[str]:
    """``count`` random ids "P" + 10 letters (32 ** 10 possibilities; 256 is a multiple of 32,
    so taking random bytes modulo 32 is unbiased). Callers that insert in bulk check them
    against the table, because a million ids still collide with odds of about 1 in 2,000."""
    data = secrets.token_bytes(10 * count)
    return [
        "P" + "".join(PUBLIC_ID_ALPHABET[b % 32] for b in data[i : i + 10])
        for i in range(0, len(data), 10)
    ]


class Person(models.Model):
    """A cluster of records believed to describe one human being."""

    public_id = models.CharField(max_length=16, unique=True, default=new_public_id, editable=False)
    display_name = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["display_name", "id"]

    def __str__(self) -> str:
        return self.display_name or self.public_id

    def fate_on(
        self, day: datetime.date, *, known_by: datetime.date | None = None
    ) -> FateEvent | None:
        """The person's status on ``day``: the latest fate event dated on or before it.

        ``known_by`` restricts the answer to what the sources had reported by that date, so
        "in custody on 22 January as known on 22 January" can be told apart from what we know
        now about 22 January.
        """
        events = self.fate_events.filter(on_date__lte=day)
        if known_by is not None:
            events = events.filter(reported_on__lte=known_by)
        return events.order_by("-on_date", "-rank", "-id").first()


# Raw identity of a record: these columns may be written once, never changed.
RAW_FIELDS = ("source_id", "sheet", "row_number", "source_record_id", "raw_json", "raw_sha256")


class Record(models.Model):
    """One row or report exactly as it came, plus the fields parsed from it.

    The raw values are immutable (enforced here and by a database trigger); the parsed fields
    can be recomputed when the parsers improve.
    """

    # Indexes are few on purpose: every one is updated for each of a million imported rows.
    # The source is covered by the composite indexes below; batches are never searched by.
    source = models.ForeignKey(
        Source, on_delete=models.PROTECT, related_name="records", db_index=False
    )
    import_batch = models.ForeignKey(
        ImportBatch,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="records",
        db_index=False,
    )
    sheet = models.CharField(
        max_length=200, blank=True, help_text="Sheet of a workbook (blank for CSV)."
    )
    row_number = models.PositiveIntegerField(
        help_text="Row as a spreadsheet shows it (the header is row 1)."
    )
    source_record_id = models.CharField(
        max_length=100, blank=True, help_text="The source's own id for this row, if it has one."
    )
    # Kept as JSON text, not a JSON column: PostgreSQL's jsonb would reorder the columns, and
    # the order of a row's cells is part of what the source said.
    raw_json = models.TextField(help_text="Header → value, verbatim, in the order of the file.")
    raw_sha256 = models.CharField(max_length=64)
    vanished_in = models.ForeignKey(
        ImportBatch,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="vanished_records",
        help_text="The import of a newer version of the list that no longer had this row.",
        db_index=False,
    )
    previous_version = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="next_version"
    )

    # Parsed fields (recomputable).
    full_name = models.CharField(max_length=300, blank=True)
    surname = models.CharField(max_length=150, blank=True)
    given_name = models.CharField(max_length=150, blank=True)
    patronymic = models.CharField(max_length=150, blank=True)
    sex = models.CharField(max_length=1, blank=True, choices=[("m", "male"), ("f", "female")])
    birth_date = models.DateField(null=True, blank=True)
    birth_year_min = models.PositiveSmallIntegerField(null=True, blank=True)
    birth_year_max = models.PositiveSmallIntegerField(null=True, blank=True)
    place_text = models.CharField(max_length=300, blank=True)
    place_code = models.CharField(max_length=64, blank=True)
    fate = models.CharField(max_length=32, blank=True, choices=FATE_CHOICES)
    event_date = models.DateField(null=True, blank=True)
    facility = models.CharField(max_length=300, blank=True)
    notes = models.TextField(blank=True)
    name_keys = models.CharField(
        max_length=300,
        blank=True,
        help_text="Script-independent keys of the name's parts, for search (Серікбаев = "
        "Serikbayev).",
    )
    parse_problems = models.JSONField(
        default=list, blank=True, help_text="Fields that could not be understood, with reasons."
    )
    quarantine_reason = models.TextField(
        blank=True, help_text="Why this row is kept aside instead of joining a person."
    )

    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, null=True, blank=True, related_name="records"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["source__name", "row_number", "id"]
        indexes = [
            models.Index(fields=["source", "sheet", "row_number"]),
            models.Index(fields=["source", "source_record_id"]),
            models.Index(fields=["fate"]),
            models.Index(fields=["place_code"]),
        ]

    def __str__(self) -> str:
        return f"{self.source_id}:{self.row_number} {self.full_name}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None and not self._state.adding:
            self._refuse_raw_change()
        super().save(*args, **kwargs)

    @property
    def is_quarantined(self) -> bool:
        return bool(self.quarantine_reason)

    @property
    def raw(self) -> dict[str, str]:
        """The row as the source wrote it: header → value, in the order of the file."""
        values: dict[str, str] = json.loads(self.raw_json)
        return values

    def _refuse_raw_change(self) -> None:
        stored = Record.objects.filter(pk=self.pk).values(*RAW_FIELDS).first()
        if stored is None:
            return
        for name in RAW_FIELDS:
            if stored[name] != getattr(self, name):
                raise RawValuesImmutableError(
                    f"record {self.pk}: '{name}' is what the source said and cannot be changed"
                )


class LinkChange(models.Model):
    """One change of membership (import, merge, split, move, undo), so it can be undone."""

    class Kind(models.TextChoices):
        IMPORT = "import", _("import")
        MERGE = "merge", _("merge")
        SPLIT = "split", _("split")
        MOVE = "move", _("move")
        UNDO = "undo", _("undo")
        LINK = "link", _("automatic linkage")
        CORRECT = "correct", _("a record replaced by its corrected version")

    kind = models.CharField(max_length=16, choices=Kind.choices)
    reason = models.TextField(blank=True)
    actor = models.CharField(max_length=150, blank=True)
    at = models.DateTimeField(auto_now_add=True)
    undone_by = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="undoes"
    )

    class Meta:
        ordering = ["-id"]

    def __str__(self) -> str:
        return f"{self.kind} #{self.pk}"


class Membership(models.Model):
    """That a record belonged to a person from one change until another (open = current)."""

    record = models.ForeignKey(Record, on_delete=models.PROTECT, related_name="memberships")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="memberships")
    opened_by = models.ForeignKey(LinkChange, on_delete=models.PROTECT, related_name="opened")
    # Indexed only where set (below): every new membership is open, and an index of NULLs
    # would cost each imported row an entry that no query reads.
    closed_by = models.ForeignKey(
        LinkChange,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="closed",
        db_index=False,
    )

    class Meta:
        ordering = ["id"]
        indexes = [
            models.Index(
                fields=["closed_by"],
                condition=Q(closed_by__isnull=False),
                name="membership_closed_by",
            )
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["record"],
                condition=Q(closed_by__isnull=True),
                name="one_current_person_per_record",
            )
        ]

    def __str__(self) -> str:
        return f"record {self.record_id} → person {self.person_id}"


class RecordCorrection(models.Model):
    """A new version of a record made by staff: a parsed field corrected, or a quarantined row
    fixed and re-admitted (or such a correction undone). The raw values are the original's,
    untouched; the new version takes the original's place in its person, and the original is
    kept, set aside (in no person), as the history of what was read from the row."""

    class Kind(models.TextChoices):
        CORRECT = "correct", "parsed fields corrected"
        READMIT = "readmit", "quarantined row fixed and re-admitted"
        RESTORE = "restore", "correction undone"

    kind = models.CharField(max_length=16, choices=Kind.choices)
    original = models.ForeignKey(Record, on_delete=models.PROTECT, related_name="corrections")
    corrected = models.OneToOneField(Record, on_delete=models.PROTECT, related_name="correction_of")
    # field → [before, after]; for a re-admitted row, column as written → [raw, as fixed].
    changes = models.JSONField(default=dict, encoder=DjangoJSONEncoder)
    note = models.TextField(blank=True)
    actor = models.CharField(max_length=150, blank=True)
    at = models.DateTimeField(auto_now_add=True)
    change = models.ForeignKey(
        LinkChange, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    undone_by = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="undoes"
    )

    class Meta:
        ordering = ["-id"]

    def __str__(self) -> str:
        return f"{self.kind}: record {self.original_id} → {self.corrected_id}"


class PersonNote(models.Model):
    """A staff note on a person (what a relative said on the phone, why two records were kept
    apart). Never public; withdrawn, not deleted."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="notes")
    text = models.TextField()
    author = models.CharField(max_length=150, blank=True)
    at = models.DateTimeField(auto_now_add=True)
    withdrawn_by = models.CharField(max_length=150, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"note {self.pk} on {self.person}"


class FateEvent(models.Model):
    """A dated status of a person, derived from the records that state it.

    ``on_date`` is when the status held (the event date, or when missing the date the source
    reported it, then ``date_basis`` says so); ``reported_on`` is when the source said it.
    """

    class DateBasis(models.TextChoices):
        EVENT = "event", _("date of the event")
        REPORTED = "reported", _("date the source reported it")

    # Covered by the (person, on_date) index below.
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="fate_events", db_index=False
    )
    fate = models.CharField(max_length=32, choices=FATE_CHOICES)
    on_date = models.DateField()
    date_basis = models.CharField(max_length=16, choices=DateBasis.choices)
    reported_on = models.DateField()
    rank = models.PositiveSmallIntegerField(
        default=0,
        help_text="Order of statuses on one day (later in a life story ranks higher).",
    )
    records = models.ManyToManyField(Record, related_name="fate_events")

    class Meta:
        ordering = ["on_date", "rank", "id"]
        indexes = [models.Index(fields=["person", "on_date"]), models.Index(fields=["fate"])]

    def __str__(self) -> str:
        return f"{self.fate} on {self.on_date}"

    @property
    def fate_enum(self) -> Fate:
        return Fate(self.fate)


class Claim(models.Model):
    """A figure stated by someone: the government's 225 dead, the disavowed 164, 10,000 detained."""

    class Qualifier(models.TextChoices):
        EXACT = "exact", _("exactly")
        AT_LEAST = "at_least", _("at least")
        ABOUT = "about", _("about")
        MORE_THAN = "more_than", _("more than")
        NEARLY = "nearly", _("nearly")

    class Measure(models.TextChoices):
        # The same words as tizim.core.counting.Measure; the comparison with documented counts
        # depends on it: "970 in custody on 22 January" is not "10,000 arrested by then".
        EVER = "ever", _("at any time up to the date")
        ON_DATE = "on_date", _("in that status on the date")

    class Status(models.TextChoices):
        STANDING = "standing", _("standing")
        REVISED = "revised", _("revised by the claimant")
        DISAVOWED = "disavowed", _("disavowed")
        DISPUTED = "disputed", _("disputed")

    claimant = models.CharField(max_length=300)
    counted = models.CharField(max_length=300, help_text="What is counted, in the claim's words.")
    fate = models.CharField(max_length=32, blank=True, choices=FATE_CHOICES)
    region = models.CharField(max_length=64, blank=True, help_text="Gazetteer code, blank = all.")
    value = models.PositiveIntegerField()
    qualifier = models.CharField(max_length=16, choices=Qualifier.choices, default=Qualifier.EXACT)
    as_of = models.DateField(help_text="The date the figure is for.")
    measure = models.CharField(
        max_length=16,
        choices=Measure.choices,
        default=Measure.EVER,
        help_text="Whether the figure counts a status held on the date or ever held by it.",
    )
    stated_on = models.DateField(null=True, blank=True)
    source = models.ForeignKey(
        Source, on_delete=models.PROTECT, null=True, blank=True, related_name="claims"
    )
    quote = models.TextField(blank=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.STANDING)
    status_note = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["as_of", "claimant"]

    def __str__(self) -> str:
        return f"{self.claimant}: {self.get_qualifier_display()} {self.value} {self.counted}"
