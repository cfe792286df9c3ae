"""What changed, caught where every write passes: SQLite triggers on each table of the
journal, installed when the journal starts syncing (and harmless until then).

Whatever writes (an operation, an undo, an import's raw inserts, the cascade of a
deletion), each changed field lands in `sync_state` as (table, uuid, column) → value,
its stamp left empty until the next exchange stamps it (`stamp_pending`): SQL cannot
read our clock, and a tool that opens the journal on its own must still be able to
write. A row's existence is the field "" (1 alive, 0 deleted), so a deletion is a
change like any other, and its tombstone stays.

Every row is known by a UUID (`sync_ids`); foreign keys are kept as the parent's UUID,
so two computers, whose local ids differ, agree on what points where. The profile and
the current job are one row each, known by a fixed UUID; a link row (application ↔
contact) is known by its two parents' UUIDs, an application's texts by the
application's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import Table

from jobjournal.core.storage import models as m

if TYPE_CHECKING:
    from sqlalchemy import Connection

NOT_SYNCED = {"journal_info"}
SINGLETONS = {"profile", "current_job"}  # one row, id 1, on every computer
# Kept from another column whenever it is written (see `folding`): recomputed on arrival.
DERIVED = {"name_fold", "name_order", "title_fold", "title_order"}
EXISTS = ""  # the field that says whether the row exists

TABLES_SQL = [
    """CREATE TABLE IF NOT EXISTS sync_switch (
        one INTEGER PRIMARY KEY CHECK (one = 1),
        capturing INTEGER NOT NULL,
        journal_id TEXT NOT NULL,
        computer_id TEXT NOT NULL,
        computer_name TEXT NOT NULL,
        exchange_key TEXT NOT NULL,
        folder TEXT NOT NULL,
        last_stamp TEXT NOT NULL DEFAULT ''
    )""",
    """CREATE TABLE IF NOT EXISTS sync_ids (
        tbl TEXT NOT NULL,
        row_id INTEGER NOT NULL,
        uuid TEXT NOT NULL,
        PRIMARY KEY (tbl, row_id)
    )""",
    "CREATE UNIQUE INDEX IF NOT EXISTS ix_sync_ids_uuid ON sync_ids (tbl, uuid)",
    """CREATE TABLE IF NOT EXISTS sync_state (
        tbl TEXT NOT NULL,
        uuid TEXT NOT NULL,
        col TEXT NOT NULL,
        value,
        stamp TEXT,
        origin TEXT NOT NULL,
        PRIMARY KEY (tbl, uuid, col)
    )""",
    "CREATE INDEX IF NOT EXISTS ix_sync_state_stamp ON sync_state (origin, stamp)",
    # A row's children, found by the parent's UUID in their foreign keys.
    "CREATE INDEX IF NOT EXISTS ix_sync_state_value ON sync_state (value, col)",
    # Rows that arrived before their parent (or whose parent went): tried again each merge.
    """CREATE TABLE IF NOT EXISTS sync_waiting (
        tbl TEXT NOT NULL,
        uuid TEXT NOT NULL,
        PRIMARY KEY (tbl, uuid)
    )""",
    """CREATE TABLE IF NOT EXISTS sync_merged (
        computer_id TEXT NOT NULL,
        generation INTEGER NOT NULL,
        digest TEXT NOT NULL,
        PRIMARY KEY (computer_id, generation)
    )""",
    """CREATE TABLE IF NOT EXISTS sync_peers (
        computer_id TEXT PRIMARY KEY,
        computer_name TEXT NOT NULL,
        seen TEXT NOT NULL DEFAULT ''
    )""",
    """CREATE TABLE IF NOT EXISTS sync_conflicts (
        id INTEGER PRIMARY KEY,
        tbl TEXT NOT NULL,
        uuid TEXT NOT NULL,
        col TEXT NOT NULL,
        kept_value,
        kept_origin TEXT NOT NULL,
        other_value,
        other_origin TEXT NOT NULL,
        other_stamp TEXT NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS ix_sync_conflicts_field ON sync_conflicts (tbl, uuid, col)",
]

_CAPTURING = "(SELECT capturing FROM sync_switch) = 1"
_ME = "(SELECT computer_id FROM sync_switch)"


@dataclass(frozen=True)
class Shape:
    """How a table's rows are known across computers."""

    table: Table
    kind: str  # "id", "singleton", "keyed" (by its parent's uuid) or "link"
    columns: tuple[str, ...]  # the fields that travel (foreign keys as uuids)
    parents: dict[str, str]  # foreign key column → parent table

    @property
    def name(self) -> str:
        return str(self.table.name)


def shapes() -> list[Shape]:
    """Every synced table, parents before children."""
    found = []
    for table in m.Base.metadata.sorted_tables:
        if table.name in NOT_SYNCED:
            continue
        keys = [c.name for c in table.primary_key.columns]
        parents = {f.parent.name: f.column.table.name for f in table.foreign_keys}
        if keys == ["id"]:
            kind = "singleton" if table.name in SINGLETONS else "id"
        elif len(keys) == 1:
            kind = "keyed"
        else:
            kind = "link"
        columns = tuple(c.name for c in table.columns if c.name not in DERIVED | {"id"})
        found.append(Shape(table, kind, columns, parents))
    return found


def shape_of(table: str) -> Shape:
    return next(s for s in shapes() if s.name == table)


def uuid_sql(shape: Shape, row: str) -> str:
    """SQL for the UUID of `row` (NEW or OLD) of this table."""
    if shape.kind == "link":
        a, b = (c.name for c in shape.table.primary_key.columns)
        return f"({_parent_uuid(shape, a, row)} || '|' || {_parent_uuid(shape, b, row)})"
    if shape.kind == "keyed":
        (key,) = (c.name for c in shape.table.primary_key.columns)
        return _parent_uuid(shape, key, row)
    return f"(SELECT uuid FROM sync_ids WHERE tbl = '{shape.name}' AND row_id = {row}.id)"


def _parent_uuid(shape: Shape, column: str, row: str) -> str:
    parent = shape.parents[column]
    return f"(SELECT uuid FROM sync_ids WHERE tbl = '{parent}' AND row_id = {row}.{column})"


def _value_sql(shape: Shape, column: str) -> str:
    return _parent_uuid(shape, column, "NEW") if column in shape.parents else f"NEW.{column}"


def _put(shape: Shape, column: str, value: str, row: str = "NEW", where: str = "") -> str:
    return (
        f"INSERT OR REPLACE INTO sync_state (tbl, uuid, col, value, stamp, origin) "
        f"SELECT '{shape.name}', {uuid_sql(shape, row)}, '{column}', {value}, NULL, {_ME}"
        + (f" WHERE {where}" if where else "")
        + ";"
    )


def triggers(shape: Shape) -> list[str]:
    name, when = f"sync_{shape.name}", f"WHEN {_CAPTURING}"
    new_id = ""
    if shape.kind == "id":
        # OR REPLACE: an id SQLite gives again after a deletion is a new row, not the old.
        new_id = (
            f"INSERT OR REPLACE INTO sync_ids (tbl, row_id, uuid) VALUES "
            f"('{shape.name}', NEW.id, lower(hex(randomblob(16))));"
        )
    elif shape.kind == "singleton":
        new_id = (
            f"INSERT OR IGNORE INTO sync_ids (tbl, row_id, uuid) VALUES "
            f"('{shape.name}', NEW.id, '{shape.name}:' || NEW.id);"
        )
    inserted = [_put(shape, EXISTS, "1")] + [
        _put(shape, column, _value_sql(shape, column)) for column in shape.columns
    ]
    updated = [
        _put(shape, column, _value_sql(shape, column), where=f"NEW.{column} IS NOT OLD.{column}")
        for column in shape.columns
    ]
    # Before the row goes, so its UUID is still found; the mapping stays, as the rows a
    # deletion cascades to look their parent up through it.
    deleted = [_put(shape, EXISTS, "0", row="OLD")]
    return [
        f"CREATE TRIGGER IF NOT EXISTS {name}_ai AFTER INSERT ON {shape.name} {when} "
        f"BEGIN {new_id} {' '.join(inserted)} END",
        f"CREATE TRIGGER IF NOT EXISTS {name}_au AFTER UPDATE ON {shape.name} {when} "
        f"BEGIN {' '.join(updated)} END",
        f"CREATE TRIGGER IF NOT EXISTS {name}_ad BEFORE DELETE ON {shape.name} {when} "
        f"BEGIN {' '.join(deleted)} END",
    ]


def install(connection: Connection) -> None:
    """The tables and triggers of syncing (again: each statement is idempotent)."""
    for statement in TABLES_SQL:
        connection.exec_driver_sql(statement)
    for shape in shapes():
        for statement in triggers(shape):
            connection.exec_driver_sql(statement)


def is_installed(connection: Connection) -> bool:
    found = connection.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sync_switch'"
    ).first()
    return (
        found is not None
        and connection.exec_driver_sql("SELECT 1 FROM sync_switch").first() is not None
    )


def set_capturing(connection: Connection, on: bool) -> None:
    connection.exec_driver_sql("UPDATE sync_switch SET capturing = ?", (1 if on else 0,))


def row_values(connection: Connection, shape: Shape, where: str, params: Any) -> list[Any]:
    """The rows of a table as the triggers would log them (foreign keys as UUIDs)."""
    selected = ", ".join(
        f"(SELECT uuid FROM sync_ids WHERE tbl = '{shape.parents[c]}' AND row_id = t.{c})"
        if c in shape.parents
        else f"t.{c}"
        for c in shape.columns
    )
    uuid = uuid_sql(shape, "t")
    sql = f"SELECT {uuid}, {selected} FROM {shape.name} AS t {where}"
    return list(connection.exec_driver_sql(sql, params))
