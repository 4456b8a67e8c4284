"""Indexes that every imported row paid for and no query reads (measured: about 7% of the
PostgreSQL server's work in a 1,000,000-row import, docs/benchmarks.md):

- memberships by ``closed_by``: NULL for every new membership; now indexed only where set;
- the citations' single-column index of ``fateevent_id``: the unique (fateevent_id,
  record_id) index Django also makes answers every lookup by fate event;
- on PostgreSQL, the ``varchar_pattern_ops`` copy of the persons' ``public_id`` index that
  Django makes for LIKE queries; public ids are only ever looked up whole.

The last two are not part of Django's model state (it makes them for every many-to-many
table and unique text column), so they are dropped by name, found by introspection.
"""

from typing import Any

import django.db.models.deletion
from django.db import migrations, models

_CITATIONS = "registry_fateevent_records"
_PERSONS = "registry_person"
_CITATION_INDEX = "registry_fateevent_records_fateevent_id"
_LIKE_INDEX = "registry_person_public_id_like"


def _indexes(schema_editor: Any, table: str) -> dict[str, dict[str, Any]]:
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        return connection.introspection.get_constraints(cursor, table)


def drop_unread_indexes(apps: Any, schema_editor: Any) -> None:
    quote = schema_editor.quote_name
    for name, info in _indexes(schema_editor, _CITATIONS).items():
        if info["index"] and not info["unique"] and info["columns"] == ["fateevent_id"]:
            schema_editor.execute(f"DROP INDEX {quote(name)}")
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, info in _indexes(schema_editor, _PERSONS).items():
        if info["index"] and info["columns"] == ["public_id"] and name.endswith("_like"):
            schema_editor.execute(f"DROP INDEX {quote(name)}")


def restore_indexes(apps: Any, schema_editor: Any) -> None:
    quote = schema_editor.quote_name
    schema_editor.execute(
        f"CREATE INDEX {quote(_CITATION_INDEX)} ON {quote(_CITATIONS)} ({quote('fateevent_id')})"
    )
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX {quote(_LIKE_INDEX)} ON {quote(_PERSONS)} "
            f"({quote('public_id')} varchar_pattern_ops)"
        )


class Migration(migrations.Migration):
    dependencies = [
        ("registry", "0002_claim_measure"),
    ]

    operations = [
        migrations.AlterField(
            model_name="membership",
            name="closed_by",
            field=models.ForeignKey(
                blank=True,
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="closed",
                to="registry.linkchange",
            ),
        ),
        migrations.AddIndex(
            model_name="membership",
            index=models.Index(
                condition=models.Q(("closed_by__isnull", False)),
                fields=["closed_by"],
                name="membership_closed_by",
            ),
        ),
        migrations.RunPython(drop_unread_indexes, restore_indexes),
    ]
