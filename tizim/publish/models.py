"""What the public site may show: one ``Publication`` per person a reviewer decided on.

A person is public only while their publication is *publishable* and the rule for their fate
holds (``tizim.publish.rules``); what is shown of them is chosen field by field. The listing
columns (which list, the name shown and the one to sort by, birth year, place, date, name keys)
are derived from the registry by ``tizim.publish.services.refresh_listings`` — so that lists of
100,000 persons filter and page on indexed columns, and a row of a list is read from this table
alone — and hold nothing a chosen field does not allow: a hidden name leaves ``shown_name``,
``sort_name`` and ``name_keys`` empty, a hidden place leaves the place codes empty.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from tizim.registry.models import Person


class Publication(models.Model):
    """A reviewer's decision to show a person on the public site, and what of them to show."""

    class Status(models.TextChoices):
        PUBLISHABLE = "publishable", _("publishable")
        WITHDRAWN = "withdrawn", _("withdrawn")

    class Basis(models.TextChoices):
        CONFIRMED_SOURCE = "confirmed_source", _("the death is confirmed by a source")
        FAMILY_REQUEST = "family_request", _("the family asked for publication")
        CONSENT = "consent", _("the person or their family consented")
        PUBLIC_SOURCE = "public_source", _("already named in a published source")

    class List(models.TextChoices):
        KILLED = "killed", _("killed")
        MISSING = "missing", _("missing")
        DETAINED = "detained", _("detained")

    person = models.OneToOneField(Person, on_delete=models.PROTECT, related_name="publication")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.WITHDRAWN)
    basis = models.CharField(max_length=32, choices=Basis.choices, blank=True)

    # Chosen fields. Never published whatever is chosen: the reporter, sealed data, notes, raw
    # values of records, sex, the place as a source wrote it (only a gazetteer town or region).
    show_name = models.BooleanField(default=True, help_text="Names in every script given.")
    show_birth_year = models.BooleanField(default=True)
    show_birth_date = models.BooleanField(
        default=False, help_text="The full date of birth (only ever for the dead)."
    )
    show_place = models.BooleanField(default=True, help_text="Town or region (gazetteer).")
    show_fate = models.BooleanField(default=True, help_text="What happened and when.")
    show_facility = models.BooleanField(
        default=False, help_text="Where they were held or found (only ever for the dead)."
    )
    show_sources = models.BooleanField(default=True, help_text="The sources cited.")

    reviewer = models.CharField(max_length=150, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    note = models.TextField(blank=True, help_text="For staff only; never shown in public.")

    # Listing, derived from the registry (see the module docstring).
    list_name = models.CharField(max_length=16, choices=List.choices, blank=True)
    sort_name = models.CharField(max_length=300, blank=True)
    #: The name a list row shows (blank when the name is not chosen).
    shown_name = models.CharField(max_length=300, blank=True)
    #: The birth year or year range the records agree on (blank when not chosen).
    birth_year = models.CharField(max_length=16, blank=True)
    place_code = models.CharField(max_length=64, blank=True)
    region_code = models.CharField(max_length=64, blank=True)
    list_date = models.DateField(null=True, blank=True)
    name_keys = models.CharField(max_length=1000, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["sort_name", "person_id"]
        # Every list is read in name order, filtered by dates and perhaps a town or region:
        # each index ends with the date, so a filtered page is read from the index alone in
        # order (no sort, no table row) — and none leads with the date, which would tempt the
        # planner into sorting thousands of rows to show fifty.
        indexes = [
            models.Index(
                fields=["status", "list_name", "sort_name", "person", "list_date"],
                name="pub_list_by_name",
            ),
            models.Index(
                fields=["status", "list_name", "place_code", "sort_name", "person", "list_date"],
                name="pub_list_by_place",
            ),
            models.Index(
                fields=["status", "list_name", "region_code", "sort_name", "person", "list_date"],
                name="pub_list_by_region",
            ),
            models.Index(fields=["updated_at"], name="pub_updated"),
        ]

    def __str__(self) -> str:
        return f"{self.person.public_id}: {self.status}"

    @property
    def is_public(self) -> bool:
        return self.status == self.Status.PUBLISHABLE and bool(self.list_name)


class FiguresSnapshot(models.Model):
    """The public figures as last computed (one row), shared by every server process.

    ``version`` is the registry's version they were computed from
    (``statistics.registry_version``); ``payload`` is the figures as JSON — aggregates only,
    the same the public pages show, nothing person-level.
    """

    version = models.CharField(max_length=200)
    computed_at = models.DateTimeField()
    seconds = models.FloatField(help_text="How long the computation took.")
    payload = models.TextField()

    def __str__(self) -> str:
        return f"figures of {self.version} ({self.computed_at:%Y-%m-%d %H:%M})"
