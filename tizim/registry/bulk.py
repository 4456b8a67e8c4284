"""Fast writes for imports of large lists: ids allocated up front, rows written with COPY
(PostgreSQL) or ``executemany`` (SQLite), without building a model object per row.

Only the import path uses this; everything else goes through the ORM. A ``BulkWriter`` must be
used inside a transaction (SQLite's write lock is then held, so the ids taken here cannot be
taken by another writer; PostgreSQL's sequences hand out ids atomically).

On PostgreSQL the writer also overlaps the database's work with the importer's: the foreign
keys of a batch are checked by a query that runs while the next batch is being prepared (see
``BulkWriter.check_constraints``). Every foreign key is still checked, and before COMMIT.
"""

from __future__ import annotations

import datetime
import json
import select
from collections.abc import Iterator, Sequence
from typing import Any

from django.db import IntegrityError, connection
from django.db.models import Model

# PostgreSQL ids are taken this many at a time (the unused rest of the last block is a gap in
# the sequence, as a rolled-back insert leaves one): one query per ten batches, not per batch.
_ID_BLOCK = 20_000

# Which of a batch's public ids are taken already: one index probe per id. A plain
# "public_id = ANY(…)" is planned as a scan of the whole table while the table grows in this
# transaction (it has no statistics yet), which makes a large import quadratic; a lateral
# subquery with LIMIT cannot be turned into a join, so it stays an index lookup per value.
_TAKEN_POSTGRES = (
    "SELECT given.value FROM unnest(string_to_array(%s, ' ')) AS given(value) "
    'CROSS JOIN LATERAL (SELECT 1 FROM "{table}" WHERE "{column}" = given.value LIMIT 1) AS hit'
)


class BulkWriter:
    """Inserts plain rows (values in column order, ids included) on the default database.

    Values are passed to the driver as they are: callers convert dates, datetimes and JSON
    once with ``stored_value`` (or, for the rows' own values, in the parser's processes), so
    no per-value conversion runs here.
    """

    def __init__(self) -> None:
        self.postgres = connection.vendor == "postgresql"
        self._blocks: dict[str, list[int]] = {}
        self._checking = False

    # --- ids ------------------------------------------------------------------------------

    def ids(self, model: type[Model], count: int) -> Sequence[int]:
        """``count`` fresh primary keys for ``model``'s table."""
        if count == 0:
            return []
        table = model._meta.db_table
        if not self.postgres:
            # Counted from the highest id each time: other inserts of this transaction (the
            # ORM's) take ids too, so none may be kept in reserve.
            with connection.cursor() as cursor:
                cursor.execute(f'SELECT COALESCE(MAX(id), 0) FROM "{table}"')  # noqa: S608
                highest = int(cursor.fetchone()[0])
                cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
                row = cursor.fetchone()
            start = max(highest, int(row[0]) if row else 0) + 1
            return range(start, start + count)
        block = self._blocks.setdefault(table, [])
        if len(block) < count:
            block.extend(self._next_values(table, max(count - len(block), _ID_BLOCK)))
        taken, self._blocks[table] = block[:count], block[count:]
        return taken

    def _next_values(self, table: str, count: int) -> Sequence[int]:
        self.wait_for_checks()
        with connection.cursor() as cursor:
            # The sequence is named once: pg_get_serial_sequence in the select list would look
            # it up in the catalogue again for every id.
            cursor.execute("SELECT pg_get_serial_sequence(%s, 'id')", [table])
            sequence = cursor.fetchone()[0]
            # Each id is still taken with nextval (atomic whatever other sessions do), but
            # only the range comes back when it is contiguous, as it is unless another session
            # took ids at the same moment.
            cursor.execute(
                "SELECT min(id), max(id), CASE WHEN max(id) - min(id) + 1 = count(*) THEN NULL"
                " ELSE array_agg(id ORDER BY id) END"
                " FROM (SELECT nextval(%s::regclass) AS id FROM generate_series(1, %s)) AS taken",
                [sequence, count],
            )
            low, high, scattered = cursor.fetchone()
        return range(int(low), int(high) + 1) if scattered is None else list(scattered)

    # --- inserts --------------------------------------------------------------------------

    def insert(
        self, model: type[Model], columns: Sequence[str], rows: Sequence[Sequence[Any]]
    ) -> None:
        """Insert ``rows`` into ``model``'s table."""
        if not rows:
            return
        self.wait_for_checks()
        table = model._meta.db_table
        quoted = ", ".join(f'"{c}"' for c in columns)
        with connection.cursor() as cursor:
            if self.postgres:
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

    def insert_unless_taken(
        self,
        model: type[Model],
        columns: Sequence[str],
        rows: Sequence[Sequence[Any]],
        *,
        unique: str,
    ) -> list[Sequence[Any]]:
        """Insert ``rows`` except those whose ``unique`` column holds a value the table already
        has (or an earlier row here has); return the rows left out, for the caller to give a
        fresh value and try again. Meant for random values that almost never collide; the
        first column must be the primary key."""
        if not rows:
            return []
        at = list(columns).index(unique)
        seen: set[Any] = set()
        fresh: list[Sequence[Any]] = []
        left: list[Sequence[Any]] = []
        for row in rows:
            (left if row[at] in seen else fresh).append(row)
            seen.add(row[at])
        if not self.postgres:
            return left + self._insert_or_skip(model, columns, fresh, unique)
        # COPY cannot skip a row, so PostgreSQL is asked first which values are taken.
        taken = self._taken(model, unique, [row[at] for row in fresh])
        if taken:
            left += [row for row in fresh if row[at] in taken]
            fresh = [row for row in fresh if row[at] not in taken]
        self.insert(model, columns, fresh)
        return left

    def _taken(self, model: type[Model], column: str, values: Sequence[str]) -> set[str]:
        self.wait_for_checks()
        # Public ids are single words: sent as one text, not as an array of a few thousand
        # values, which the driver would build value by value.
        query = _TAKEN_POSTGRES.format(table=model._meta.db_table, column=column)
        with connection.cursor() as cursor:
            cursor.execute(query, [" ".join(values)])
            return {row[0] for row in cursor.fetchall()}

    def _insert_or_skip(
        self,
        model: type[Model],
        columns: Sequence[str],
        rows: Sequence[Sequence[Any]],
        unique: str,
    ) -> list[Sequence[Any]]:
        """SQLite: insert, skipping rows whose ``unique`` value is taken (the unique index
        finds out while inserting, so nothing is looked up first); return the skipped rows."""
        if not rows:
            return []
        table = model._meta.db_table
        quoted = ", ".join(f'"{c}"' for c in columns)
        marks = ", ".join(["%s"] * len(columns))
        with connection.cursor() as cursor:
            cursor.executemany(
                f'INSERT INTO "{table}" ({quoted}) VALUES ({marks})'  # noqa: S608 (model names)
                f' ON CONFLICT ("{unique}") DO NOTHING',
                rows,
            )
            if cursor.rowcount == len(rows):
                return []
            inserted: set[Any] = set()
            for start in range(0, len(rows), 10_000):  # SQLite's limit on parameters
                ids = [row[0] for row in rows[start : start + 10_000]]
                cursor.execute(
                    f'SELECT "{columns[0]}" FROM "{table}" WHERE "{columns[0]}" IN '  # noqa: S608
                    f"({', '.join(['%s'] * len(ids))})",
                    ids,
                )
                inserted.update(row[0] for row in cursor.fetchall())
        return [row for row in rows if row[0] not in inserted]

    # --- foreign keys ---------------------------------------------------------------------

    def check_constraints(self) -> None:
        """Have PostgreSQL check now the foreign keys of what was written so far, without
        waiting for the answer: the check runs in the server while the caller prepares the
        next rows, and the next database call waits for it (``wait_for_checks``).

        The checks are the ones COMMIT would run (they stay deferred for the rest of the
        transaction); made batch by batch, they read rows still in the server's cache and
        overlap the importer's own work instead of adding minutes at COMMIT. A no-op on SQLite,
        which checks each row as it is inserted.
        """
        if not self.postgres:
            return
        self.wait_for_checks()
        raw = connection.connection
        with raw.lock:
            pgconn = raw.pgconn
            pgconn.send_query(b"SET CONSTRAINTS ALL IMMEDIATE; SET CONSTRAINTS ALL DEFERRED")
            while pgconn.flush() == 1:
                select.select([], [pgconn.socket], [])
        self._checking = True

    def wait_for_checks(self) -> None:
        """Wait for the checks ``check_constraints`` started; raise IntegrityError if a foreign
        key points nowhere. Must be called before anything else uses the connection."""
        if not self._checking:
            return
        self._checking = False
        raw = connection.connection
        failure = ""
        with raw.lock:
            pgconn = raw.pgconn
            while True:
                pgconn.consume_input()
                while pgconn.is_busy():
                    select.select([pgconn.socket], [], [])
                    pgconn.consume_input()
                result = pgconn.get_result()
                if result is None:
                    break
                if result.error_message and not failure:
                    failure = result.error_message.decode("utf-8", "replace").strip()
        if failure:
            raise IntegrityError(failure)


def stored_value(value: Any) -> Any:
    """``value`` the way Django stores it on this database (dates and datetimes as the backend
    wants them, lists and dicts as JSON text); other values as they are."""
    if isinstance(value, datetime.datetime):
        return connection.ops.adapt_datetimefield_value(value)
    if isinstance(value, datetime.date):
        return connection.ops.adapt_datefield_value(value)
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def in_chunks(items: Sequence[int], size: int) -> Iterator[Sequence[int]]:
    """``items`` in consecutive pieces of at most ``size``, to keep each query's ``IN`` list
    (and SQLite's bound-parameter count) small."""
    for start in range(0, len(items), size):
        yield items[start : start + size]
