"""Database triggers refusing any change to what a source said: a record's raw values (and,
through ``install_immutability_trigger``, other apps' raw material such as an article's text).

The models refuse such changes too, but a trigger also stops ``QuerySet.update``, raw SQL and
any other program writing to the database: what a source said is never rewritten.

They are (re)installed after every ``migrate`` rather than by one migration, because SQLite
rebuilds a table for many schema changes and a rebuilt table has lost its triggers.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import connections

MESSAGE = "tizim: the raw values of a record are what the source said and cannot be changed"
COLUMNS = ("source_id", "sheet", "row_number", "source_record_id", "raw_json", "raw_sha256")


def _sqlite(table: str, columns: Sequence[str], message: str) -> str:
    return f"""
CREATE TRIGGER IF NOT EXISTS {table}_raw_immutable
BEFORE UPDATE ON {table}
WHEN {" OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in columns)}
BEGIN SELECT RAISE(ABORT, '{message}'); END;
"""


def _postgres(table: str, columns: Sequence[str], message: str) -> list[str]:
    return [
        f"""
CREATE OR REPLACE FUNCTION {table}_raw_immutable() RETURNS trigger AS $$
BEGIN
  IF {" OR ".join(f"NEW.{c} IS DISTINCT FROM OLD.{c}" for c in columns)} THEN
    RAISE EXCEPTION '{message}';
  END IF;
  RETURN NEW;
END; $$ LANGUAGE plpgsql
""",
        f"DROP TRIGGER IF EXISTS {table}_raw_immutable ON {table}",
        f"""
CREATE TRIGGER {table}_raw_immutable BEFORE UPDATE ON {table}
FOR EACH ROW EXECUTE FUNCTION {table}_raw_immutable()
""",
    ]


SQLITE = _sqlite("registry_record", COLUMNS, MESSAGE)
POSTGRES = _postgres("registry_record", COLUMNS, MESSAGE)


def install_immutability_trigger(
    table: str, columns: Sequence[str], message: str, using: str = "default"
) -> None:
    """Create (or re-create) a trigger refusing changes to ``columns`` of ``table`` on the given
    database; a no-op on other vendors and before the table exists."""
    connection = connections[using]
    if table not in connection.introspection.table_names():
        return
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(_sqlite(table, columns, message))
        elif connection.vendor == "postgresql":
            for statement in _postgres(table, columns, message):
                cursor.execute(statement)


def install_raw_immutability_trigger(using: str = "default", **_: Any) -> None:
    """The trigger on records' raw values."""
    install_immutability_trigger("registry_record", COLUMNS, MESSAGE, using)


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
