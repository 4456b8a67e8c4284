"""The name shown and the birth year become listing columns, so a list row is read from the
publication alone (existing publications get them from their records here); the listing indexes
end with the date, so a filtered page is read in order from an index alone."""

from typing import Any

from django.db import migrations, models

from tizim.core.dates import agreed_birth


def fill_row_columns(apps: Any, schema_editor: Any) -> None:
    Publication = apps.get_model("publish", "Publication")
    Record = apps.get_model("registry", "Record")
    for publication in Publication.objects.select_related("person").iterator():
        sound = list(
            Record.objects.filter(person_id=publication.person_id, quarantine_reason="").order_by(
                "id"
            )
        )
        name = publication.person.display_name or (sound[0].full_name if sound else "")
        year, _ = agreed_birth(
            (r.birth_date for r in sound if r.birth_date),
            (r.birth_year_min for r in sound if r.birth_year_min),
            (r.birth_year_max for r in sound if r.birth_year_max),
        )
        publication.shown_name = name[:300] if publication.show_name else ""
        publication.birth_year = year if publication.show_birth_year else ""
        publication.save(update_fields=["shown_name", "birth_year"])


class Migration(migrations.Migration):
    dependencies = [
        ("publish", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="publication",
            name="birth_year",
            field=models.CharField(blank=True, max_length=16),
        ),
        migrations.AddField(
            model_name="publication",
            name="shown_name",
            field=models.CharField(blank=True, max_length=300),
        ),
        migrations.RunPython(fill_row_columns, migrations.RunPython.noop),
        migrations.RemoveIndex(model_name="publication", name="pub_list"),
        migrations.RemoveIndex(model_name="publication", name="pub_list_place"),
        migrations.RemoveIndex(model_name="publication", name="pub_list_region"),
        migrations.RemoveIndex(model_name="publication", name="pub_list_date"),
        migrations.AddIndex(
            model_name="publication",
            index=models.Index(
                fields=["status", "list_name", "sort_name", "person", "list_date"],
                name="pub_list_by_name",
            ),
        ),
        migrations.AddIndex(
            model_name="publication",
            index=models.Index(
                fields=["status", "list_name", "place_code", "sort_name", "person", "list_date"],
                name="pub_list_by_place",
            ),
        ),
        migrations.AddIndex(
            model_name="publication",
            index=models.Index(
                fields=["status", "list_name", "region_code", "sort_name", "person", "list_date"],
                name="pub_list_by_region",
            ),
        ),
    ]
