"""An uploaded list on its way into the registry: previewed, confirmed, imported."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tizim.registry.models import ImportBatch, Source


class ImportJob(models.Model):
    """One upload by a staff member. The file is kept only until it is imported or discarded:
    once imported, its rows live in the registry and the copy on disk is deleted."""

    class Status(models.TextChoices):
        CHECKING = "checking", _("being read")
        PREVIEWED = "previewed", _("previewed, waiting for confirmation")
        QUEUED = "queued", _("queued")
        RUNNING = "running", _("importing")
        LINKING = "linking", _("linking the new records")
        DONE = "done", _("imported")
        FAILED = "failed", _("failed")
        DISCARDED = "discarded", _("discarded")

    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="import_jobs")
    original_name = models.CharField(max_length=300)
    stored_path = models.CharField(max_length=500, blank=True)
    sheet = models.CharField(max_length=200, blank=True)
    obtained_on = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PREVIEWED)
    preview = models.JSONField(default=dict, blank=True)
    rows_total = models.PositiveIntegerField(default=0)
    rows_done = models.PositiveIntegerField(default=0)
    summary = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True)
    link_error = models.TextField(
        blank=True, help_text="Why linking the new records failed (the import itself stands)."
    )
    batch = models.ForeignKey(
        ImportBatch, on_delete=models.PROTECT, null=True, blank=True, related_name="jobs"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="import_jobs"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.original_name} → {self.source.name} ({self.status})"

    @property
    def percent(self) -> int:
        if self.status == self.Status.DONE:
            return 100
        return min(99, int(100 * self.rows_done / self.rows_total)) if self.rows_total else 0


# --- reports from the public form ------------------------------------------------------------
#
# What a report says about the person (name, age, town, what happened and when) is kept in the
# clear: the registry needs it to link and count, and it is what families ask to be known.
# Everything about the reporter (who they are, how to reach them, their testimony, their files)
# is sealed to the organisation's recipients before it is written (docs/threat-model.md, P2):
# the database holds ciphertext only, and no key that opens it.


class Report(models.Model):
    """One report sent through the public form, without an account."""

    class Status(models.TextChoices):
        NEW = "new", _("new")
        RECORDED = "recorded", _("turned into a registry record")
        DECLINED = "declined", _("declined (not about the events, or abuse of the form)")

    public_id = models.CharField(max_length=16, unique=True, editable=False)
    # The day only: an hour and minute could be matched against a provider's connection logs.
    received_on = models.DateField()
    language = models.CharField(max_length=8, blank=True)
    person_name = models.CharField(max_length=300)
    person_age = models.CharField(
        max_length=100, blank=True, help_text="Age or birth date, as typed."
    )
    person_place = models.CharField(max_length=300, blank=True)
    what_happened = models.CharField(max_length=32)
    event_date = models.CharField(max_length=100, blank=True, help_text="As typed.")
    held_or_last_seen = models.CharField(max_length=300, blank=True)
    # The published person the reporter wrote about, from that person's public page: a public
    # id, so it tells nothing that the public site does not.
    about_person = models.CharField(max_length=16, blank=True)
    # Who reported, how to reach them, what they saw: one sealed item (tizim.core.sealing).
    sealed_reporter = models.BinaryField()
    # HMAC of the receipt phrase with the server's pepper: finds the report, reveals nothing.
    receipt_key = models.CharField(max_length=64, unique=True)
    # The reporter's own public key, derived from the phrase: staff replies are sealed to it.
    reporter_public_key = models.BinaryField()
    reporter_key_salt = models.BinaryField()
    recipients = models.JSONField(default=list, help_text="Who the sealed items open for.")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.NEW)
    record = models.OneToOneField(
        "registry.Record", on_delete=models.PROTECT, null=True, blank=True, related_name="report"
    )
    triaged_by = models.CharField(max_length=150, blank=True)

    class Meta:
        ordering = ["-id"]
        permissions = [
            ("unseal_report", "Can unseal what reporters sent"),
            ("triage_report", "Can turn reports into registry records or decline them"),
        ]

    def __str__(self) -> str:
        return f"report {self.public_id}"


class ReportAttachment(models.Model):
    """A file sent with a report: the original and, for images, a copy without metadata, both
    sealed in the media folder. Name, type, size and SHA-256 are inside the sealed item too:
    a hash in the clear would let whoever holds a photo prove that it was sent here."""

    report = models.ForeignKey(Report, on_delete=models.PROTECT, related_name="attachments")
    sealed_path = models.CharField(max_length=200)
    viewing_path = models.CharField(max_length=200, blank=True)
    # Padded to blocks by the sealing, so this says little about the file.
    sealed_size = models.PositiveBigIntegerField()

    def __str__(self) -> str:
        return f"attachment {self.pk} of {self.report}"


class ReportMessage(models.Model):
    """A later message on a report: more information from the reporter, or a staff reply.
    Sealed to the recipients and to the reporter's own key."""

    class Author(models.TextChoices):
        REPORTER = "reporter", _("the reporter")
        STAFF = "staff", _("staff")

    report = models.ForeignKey(Report, on_delete=models.PROTECT, related_name="messages")
    author = models.CharField(max_length=16, choices=Author.choices)
    staff_member = models.CharField(max_length=150, blank=True)
    sealed_body = models.BinaryField()
    sent_on = models.DateField()

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"message {self.pk} on {self.report}"
