"""A database trigger refusing any change to a record's raw values.

The model refuses such changes too, but a trigger also stops ``QuerySet.update``, raw SQL and
any other program writing to the database: what a source said is never rewritten.

It is (re)installed after every ``migrate`` rather than by one migration, because SQLite
rebuilds a table for many schema changes and a rebuilt table has lost its triggers.
"""

from __future__ import annotations

from typing import Any

from django.db import connections

MESSAGE = "tizim: the raw values of a record are what the source said and cannot be changed"
COLUMNS = ("source_id", "sheet", "row_number", "source_record_id", "raw_json", "raw_sha256")

SQLITE = f"""
CREATE TRIGGER IF NOT EXISTS registry_record_raw_immutable
BEFORE UPDATE ON registry_record
WHEN {" OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in COLUMNS)}
BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;
"""

POSTGRES = [
    f"""
CREATE OR REPLACE FUNCTION registry_record_raw_immutable() RETURNS trigger AS $$
BEGIN
  IF {" OR ".join(f"NEW.{c} IS DISTINCT FROM OLD.{c}" for c in COLUMNS)} THEN
    RAISE EXCEPTION '{MESSAGE}';
  END IF;
  RETURN NEW;
END; $$ LANGUAGE plpgsql
""",
    "DROP TRIGGER IF EXISTS registry_record_raw_immutable ON registry_record",
    """
CREATE TRIGGER registry_record_raw_immutable BEFORE UPDATE ON registry_record
FOR EACH ROW EXECUTE FUNCTION registry_record_raw_immutable()
""",
]


def install_raw_immutability_trigger(using: str = "default", **_: Any) -> None:
    """Create (or re-create) the trigger on the given database; a no-op on other vendors."""
    connection = connections[using]
    if "registry_record" not in connection.introspection.table_names():
        return
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(SQLITE)
        elif connection.vendor == "postgresql":
            for statement in POSTGRES:
                cursor.execute(statement)


def raw_immutability_trigger_present(using: str = "default") -> bool:
    """Whether the trigger exists (and, on PostgreSQL, is enabled) on the given database."""
    connection = connections[using]
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = %s",
                ["registry_record_raw_immutable"],
            )
        elif connection.vendor == "postgresql":
            cursor.execute(
                "SELECT count(*) FROM pg_trigger WHERE tgname = %s AND tgenabled <> 'D' "
                "AND tgrelid = 'registry_record'::regclass",
                ["registry_record_raw_immutable"],
            )
        else:
            return True
        return bool(cursor.fetchone()[0])
