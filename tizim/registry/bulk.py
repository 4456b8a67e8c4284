"""Fast inserts for imports of large lists: ids allocated up front, rows written with COPY
(PostgreSQL) or ``executemany`` (SQLite), without building a model object per row.

Only the import path uses this; everything else goes through the ORM. Callers must be inside
a transaction (SQLite's write lock is then held, so the ids taken here cannot be taken by
another writer; PostgreSQL's sequence hands out ids atomically).
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Sequence
from typing import Any

from django.db import connection
from django.db.models import Model


def allocate_ids(model: type[Model], count: int) -> list[int]:
    """``count`` fresh primary keys for ``model``'s table."""
    if count == 0:
        return []
    table = model._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                [table, count],
            )
            return [row[0] for row in cursor.fetchall()]
        cursor.execute(f'SELECT COALESCE(MAX(id), 0) FROM "{table}"')  # noqa: S608 (model name)
        highest = int(cursor.fetchone()[0])
        cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
        row = cursor.fetchone()
        start = max(highest, int(row[0]) if row else 0) + 1
        return list(range(start, start + count))


def _adapt(value: Any) -> Any:
    if isinstance(value, datetime.datetime):
        return connection.ops.adapt_datetimefield_value(value)
    if isinstance(value, datetime.date):
        return connection.ops.adapt_datefield_value(value)
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def insert_rows(
    model: type[Model],
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    typed: Sequence[str] = (),
) -> None:
    """Insert plain rows (values in ``columns`` order, ids included) into ``model``'s table.

    Values are passed to the driver as they are, except in the ``typed`` columns (dates,
    datetimes, JSON), which are converted the way Django stores them. Converting only those
    keeps the per-value cost off the hot path.
    """
    if not rows:
        return
    table = model._meta.db_table
    quoted = ", ".join(f'"{c}"' for c in columns)
    convert = [i for i, c in enumerate(columns) if c in typed]
    if convert:
        converted = []
        for row in rows:
            values = list(row)
            for i in convert:
                if values[i] is not None:
                    values[i] = _adapt(values[i])
            converted.append(values)
        rows = converted
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            raw = cursor.cursor  # the psycopg cursor: COPY is several times faster than INSERT
            with raw.copy(f'COPY "{table}" ({quoted}) FROM STDIN') as copy:
                for row in rows:
                    copy.write_row(row)
            return
        marks = ", ".join(["%s"] * len(columns))
        cursor.executemany(
            f'INSERT INTO "{table}" ({quoted}) VALUES ({marks})',  # noqa: S608 (model names)
            rows,
        )
