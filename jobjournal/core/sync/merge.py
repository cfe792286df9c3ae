"""One journal on several computers (issue 27; docs/sync-design.md): turning syncing on,
joining from another computer, writing this computer's changes, and merging the others'.

Per field, the later stamp wins, so every computer ends with the same journal whatever
order the files arrive in. What loses is never dropped when the two sides changed it
without seeing each other's change: both values are kept in `sync_conflicts` for the
person to choose. A deletion is the field "" going to 0, and wins or loses like any
other change; a deletion that meets an edit it had not seen is a conflict too.
"""

from __future__ import annotations

import secrets
import socket
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy.exc import IntegrityError

from jobjournal.core.errors import InvalidInput
from jobjournal.core.storage import models as m
from jobjournal.core.sync import capture, chunks
from jobjournal.core.sync.capture import EXISTS, Shape
from jobjournal.core.sync.clock import Clock

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from jobjournal.core.records.journal import Journal

# Columns kept from another column (see `folding`), recomputed as rows arrive.
_KEYS_FROM = {
    "companies": ("name", m.name_keys),
    "contacts": ("name", m.name_keys),
    "applications": ("job_title", m.title_keys),
}


@dataclass
class Report:
    """What a merge did, for the window to tell."""

    files: int = 0
    rows: int = 0
    conflicts: int = 0
    refused: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Settings:
    journal_id: str
    computer_id: str
    computer_name: str
    folder: Path


# -- turning it on ----------------------------------------------------------------------


def enable(
    journal: Journal,
    folder: Path,
    passphrase: str,
    computer_name: str = "",
    *,
    journal_id: str | None = None,
) -> Settings:
    """Start syncing this journal through `folder`. With `journal_id`, this computer joins
    a journal other computers already sync (nothing of this one is offered: it takes what
    they wrote); without, every record is offered as this computer's."""
    if not journal.vault.check_passphrase(passphrase):
        raise InvalidInput("That is not this journal's passphrase.")
    joining = journal_id is not None
    journal_id = journal_id or secrets.token_hex(16)
    computer_id = secrets.token_hex(8)
    name = computer_name.strip() or socket.gethostname() or "this computer"
    key = chunks.exchange_key(passphrase, journal_id)
    with journal.session() as session:
        connection = session.connection()
        capture.install(connection)
        connection.exec_driver_sql(
            "INSERT INTO sync_switch (one, capturing, journal_id, computer_id, computer_name, "
            "exchange_key, folder) VALUES (1, 1, ?, ?, ?, ?, ?)",
            (journal_id, computer_id, name, key.to_secret(), str(folder)),
        )
        _snapshot(connection, offer=not joining)
    return Settings(journal_id, computer_id, name, folder)


def _snapshot(connection: Connection, *, offer: bool) -> None:
    """Give every row its UUID and, when offering, every field to the exchange."""
    capture.set_capturing(connection, False)
    for shape in capture.shapes():
        if shape.kind == "id":
            connection.exec_driver_sql(
                f"INSERT OR IGNORE INTO sync_ids SELECT '{shape.name}', id, "
                f"lower(hex(randomblob(16))) FROM {shape.name}"
            )
        elif shape.kind == "singleton":
            connection.exec_driver_sql(
                f"INSERT OR IGNORE INTO sync_ids SELECT '{shape.name}', id, "
                f"'{shape.name}:' || id FROM {shape.name}"
            )
        if not offer:
            continue
        me = settings_of(connection).computer_id
        for uuid, *values in capture.row_values(connection, shape, "", ()):
            rows = [(shape.name, uuid, EXISTS, 1, None, me)] + [
                (shape.name, uuid, column, value, None, me)
                for column, value in zip(shape.columns, values, strict=True)
            ]
            connection.exec_driver_sql(
                "INSERT OR REPLACE INTO sync_state VALUES (?, ?, ?, ?, ?, ?)", rows
            )
    capture.set_capturing(connection, True)


def settings_of(connection: Connection) -> Settings:
    row = connection.exec_driver_sql(
        "SELECT journal_id, computer_id, computer_name, folder FROM sync_switch"
    ).one()
    return Settings(row[0], row[1], row[2], Path(row[3]))


def is_syncing(journal: Journal) -> bool:
    with journal.reading() as connection:
        return capture.is_installed(connection)


def journal_in(folder: Path) -> str:
    """The id of the one journal synced through `folder` (refused, saying why, if none
    or several)."""
    found = sorted(folder.glob("jobjournal-*")) if folder.is_dir() else []
    if len(found) != 1:
        raise InvalidInput(
            f"No journal is synced through {folder} yet: start syncing on the other "
            "computer first (Journal → Use on several computers…)."
            if not found
            else "Several journals are synced through this folder; choose the one to join."
        )
    return found[0].name.removeprefix("jobjournal-")


def joinable(folder: Path, passphrase: str) -> str:
    """The id of the journal synced through `folder`, once the passphrase is known to open
    its files (refused, saying why, otherwise: nothing is changed)."""
    journal_id = journal_in(folder)
    key = chunks.exchange_key(passphrase, journal_id)
    if not _opens_some_other(Settings(journal_id, "", "", folder), key):
        raise InvalidInput(
            "That passphrase does not open the journal synced in this folder: type the one "
            "you use on the other computer."
        )
    return journal_id


def join(path: Path, folder: Path, passphrase: str, computer_name: str = "") -> Journal:
    """A new journal at `path` built from what the other computers wrote in `folder`.
    The passphrase is tried on their files first: a wrong one creates nothing."""
    from jobjournal.core.storage import vault

    journal_id = joinable(folder, passphrase)
    journal = vault.create(path, passphrase)
    enable(journal, folder, passphrase, computer_name, journal_id=journal_id)
    merge(journal)
    return journal


# -- this computer's changes ------------------------------------------------------------


def _clock(connection: Connection) -> Clock:
    me, last = connection.exec_driver_sql("SELECT computer_id, last_stamp FROM sync_switch").one()
    return Clock(me, last)


def _save_clock(connection: Connection, clock: Clock) -> None:
    connection.exec_driver_sql("UPDATE sync_switch SET last_stamp = ?", (clock.last,))


def stamp_pending(connection: Connection, clock: Clock) -> int:
    """Stamp the changes made here since the last exchange (one stamp for them all); a
    field the person changed is no longer in conflict: they chose."""
    pending = connection.exec_driver_sql(
        "SELECT count(*) FROM sync_state WHERE stamp IS NULL"
    ).scalar_one()
    if pending:
        stamp = clock.tick()
        connection.exec_driver_sql(
            "DELETE FROM sync_conflicts WHERE EXISTS (SELECT 1 FROM sync_state AS s WHERE "
            "s.stamp IS NULL AND s.tbl = sync_conflicts.tbl AND s.uuid = sync_conflicts.uuid "
            "AND s.col = sync_conflicts.col)"
        )
        connection.exec_driver_sql("UPDATE sync_state SET stamp = ? WHERE stamp IS NULL", (stamp,))
        _save_clock(connection, clock)
    return int(pending)


def write_own(journal: Journal, *, everything: bool = False) -> Path | None:
    """Write what this computer changed since its last exchange file as a new one; None
    when nothing changed. `everything`: all it ever wrote, in one file."""
    with journal.session() as session:
        connection = session.connection()
        settings = settings_of(connection)
        clock = _clock(connection)
        stamp_pending(connection, clock)
        last = connection.exec_driver_sql(
            "SELECT coalesce(max(stamp), '') FROM sync_state WHERE origin = ?",
            (settings.computer_id,),
        ).scalar_one()
        folder = chunks.computer_folder(settings.folder, settings.journal_id, settings.computer_id)
        written = "" if everything else _written_upto(folder, connection)
        if last <= written:
            return None
        entries: list[chunks.Entry] = [
            tuple(row)
            for row in connection.exec_driver_sql(
                "SELECT tbl, uuid, col, value, stamp FROM sync_state WHERE origin = ? "
                "AND stamp > ?",
                (settings.computer_id, written),
            )
        ]
        header = chunks.Header(
            settings.journal_id,
            settings.computer_id,
            settings.computer_name,
            0,
            seen=_seen(connection),
        )
        key = _key(connection)
        path = chunks.write(settings.folder, key, header, entries)
        connection.exec_driver_sql(
            "INSERT OR REPLACE INTO journal_info VALUES ('sync_written_upto', ?)", (last,)
        )
        # Its own file counts as merged here; a journal put back from a backup has not
        # merged it, and takes back from it what this computer had already shared.
        connection.exec_driver_sql(
            "INSERT OR REPLACE INTO sync_merged VALUES (?, ?, ?)",
            (settings.computer_id, int(path.stem), chunks.read_digest(path)),
        )
        return path


def _written_upto(folder: Path, connection: Connection) -> str:
    """The last stamp this computer wrote out: kept in the journal, forgotten when its
    folder holds no file (a new folder, or files removed by hand: write everything)."""
    if not chunks.generations(folder):
        return ""
    row = connection.exec_driver_sql(
        "SELECT value FROM journal_info WHERE key = 'sync_written_upto'"
    ).first()
    return str(row[0]) if row else ""


def _key(connection: Connection) -> Any:
    from jobjournal.core.storage.crypto import RawKey

    secret = connection.exec_driver_sql("SELECT exchange_key FROM sync_switch").scalar_one()
    return RawKey.from_secret(secret)


def _seen(connection: Connection) -> dict[str, str]:
    return {
        computer: seen
        for computer, seen in connection.exec_driver_sql("SELECT computer_id, seen FROM sync_peers")
    }


# -- the others' changes ----------------------------------------------------------------


def merge(journal: Journal) -> Report:
    """Merge every exchange file not merged yet, in one transaction."""
    report = Report()
    with journal.session() as session:
        connection = session.connection()
        settings = settings_of(connection)
        clock = _clock(connection)
        stamp_pending(connection, clock)
        key = _key(connection)
        dirty: set[tuple[str, str]] = set()
        for chunk in _new_chunks(connection, settings, key, report):
            dirty |= _take(connection, chunk, clock, report)
            _remember(connection, chunk)
            report.files += 1
        dirty |= {
            (table, uuid)
            for table, uuid in connection.exec_driver_sql("SELECT tbl, uuid FROM sync_waiting")
        }
        capture.set_capturing(connection, False)
        report.rows = _materialize(connection, dirty, clock, report)
        capture.set_capturing(connection, True)
        _save_clock(connection, clock)
    return report


def _new_chunks(
    connection: Connection, settings: Settings, key: Any, report: Report
) -> list[chunks.Chunk]:
    found = []
    root = chunks.journal_folder(settings.folder, settings.journal_id)
    if not root.is_dir():
        return []
    merged = {
        (computer, generation): digest
        for computer, generation, digest in connection.exec_driver_sql(
            "SELECT computer_id, generation, digest FROM sync_merged"
        )
    }
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        for generation, path in chunks.generations(folder):
            known = merged.get((folder.name, generation))
            try:
                if known is not None:
                    if chunks.read_digest(path) != known:
                        raise chunks.ChunkRefused(
                            f"An old or different copy of an exchange file from "
                            f"“{folder.name[:8]}…” ({path.name}) came back; it was left "
                            "unmerged, and what was merged before stands."
                        )
                    continue
                found.append(chunks.read(path, key, settings.journal_id))
            except chunks.ChunkRefused as refused:
                report.refused.append(str(refused))
                break  # later files of that computer build on this one: wait for it
    return sorted(found, key=lambda c: (c.header.computer_id, c.header.generation))


def _remember(connection: Connection, chunk: chunks.Chunk) -> None:
    header = chunk.header
    connection.exec_driver_sql(
        "INSERT OR REPLACE INTO sync_merged VALUES (?, ?, ?)",
        (header.computer_id, header.generation, chunk.digest),
    )
    if header.computer_id == settings_of(connection).computer_id:
        return  # this computer's own file, taken back after a restore
    newest = max((entry[4] for entry in chunk.entries), default="")
    connection.exec_driver_sql(
        "INSERT INTO sync_peers (computer_id, computer_name, seen) VALUES (?, ?, ?) "
        "ON CONFLICT (computer_id) DO UPDATE SET computer_name = excluded.computer_name, "
        "seen = max(seen, excluded.seen)",
        (header.computer_id, header.computer_name, newest),
    )


def _take(
    connection: Connection, chunk: chunks.Chunk, clock: Clock, report: Report
) -> set[tuple[str, str]]:
    """The chunk's entries into `sync_state`, field by field; the rows to redraw."""
    writer, seen = chunk.header.computer_id, chunk.header.seen
    dirty = set()
    deleted = []
    for table, uuid, column, value, stamp in chunk.entries:
        clock.observe(stamp)
        local = connection.exec_driver_sql(
            "SELECT value, stamp, origin FROM sync_state WHERE tbl = ? AND uuid = ? AND col = ?",
            (table, uuid, column),
        ).first()
        unseen = local is not None and local[2] != writer and local[1] > seen.get(local[2], "")
        if local is None or stamp > local[1]:
            connection.exec_driver_sql(
                "INSERT OR REPLACE INTO sync_state VALUES (?, ?, ?, ?, ?, ?)",
                (table, uuid, column, value, stamp, writer),
            )
            dirty.add((table, uuid))
            if column == EXISTS and value == 0:
                deleted.append((table, uuid, stamp))
            if not unseen:  # the writer had seen what was here: any conflict is settled
                _settle(connection, table, uuid, column)
        if unseen and local is not None and local[0] != value:
            if stamp > local[1]:  # theirs is kept; what was here waits beside it
                kept, other = (value, writer), (local[0], local[2], local[1])
            else:
                kept, other = (local[0], local[2]), (value, writer, stamp)
            _conflict(connection, (table, uuid, column), kept, other)
            report.conflicts += 1
        elif column != EXISTS and _deleted_unseen(connection, table, uuid, writer, seen):
            # An edit to what was deleted here without their knowing: kept to restore.
            _conflict(
                connection,
                (table, uuid, EXISTS),
                (0, _origin_of_deletion(connection, table, uuid)),
                (1, writer, stamp),
            )
            report.conflicts += 1
        elif column == EXISTS and value == 0:
            editor = _edited_unseen(connection, table, uuid, writer, seen)
            if editor:
                _conflict(connection, (table, uuid, EXISTS), (0, writer), (1, editor, stamp))
                report.conflicts += 1
    for table, uuid, stamp in deleted:
        if _used_unseen(connection, table, uuid, writer, seen):
            dirty |= _keep_alive(connection, (table, uuid), clock, (writer, stamp))
            report.conflicts += 1
    return dirty


def _children(connection: Connection, table: str, uuid: str) -> list[tuple[str, str]]:
    """The rows pointing at this one, by the parent's UUID in their foreign keys."""
    found = []
    for shape in capture.shapes():
        for column, parent in shape.parents.items():
            if parent == table:
                found += [
                    (shape.name, child)
                    for (child,) in connection.exec_driver_sql(
                        "SELECT uuid FROM sync_state WHERE value = ? AND col = ? AND tbl = ?",
                        (uuid, column, shape.name),
                    )
                ]
    return found


def _used_unseen(
    connection: Connection,
    table: str,
    uuid: str,
    writer: str,
    seen: dict[str, str],
    depth: int = 0,
) -> bool:
    """Whether a record the writer deleted holds, at any depth, a record that lives and
    that the writer had not seen made or changed (an interview added to a deleted
    application): deleting it would take that away unseen."""
    if depth > 6:
        return False
    for child_table, child in _children(connection, table, uuid):
        rows = list(
            connection.exec_driver_sql(
                "SELECT col, value, stamp, origin FROM sync_state WHERE tbl = ? AND uuid = ?",
                (child_table, child),
            )
        )
        alive = any(col == EXISTS and value == 1 for col, value, _stamp, _origin in rows)
        fresh = any(
            origin != writer and stamp > seen.get(origin, "") for _c, _v, stamp, origin in rows
        )
        if alive and (
            fresh or _used_unseen(connection, child_table, child, writer, seen, depth + 1)
        ):
            return True
    return False


def _keep_alive(
    connection: Connection, row: tuple[str, str], clock: Clock, deletion: tuple[str, str]
) -> set[tuple[str, str]]:
    """Keep a record another computer deleted while this side still used it: alive again,
    with all the deletion took with it (its texts, its history), under a later stamp
    (which reaches the deleting computer too), and named in a conflict, to delete after
    all if the person wants. The rows brought back."""
    me = connection.exec_driver_sql("SELECT computer_id FROM sync_switch").scalar_one()
    stamp = clock.tick()
    rows = {row} | _gone_with(connection, *row, deletion[1])
    for table, uuid in rows:
        connection.exec_driver_sql(
            "INSERT OR REPLACE INTO sync_state VALUES (?, ?, '', 1, ?, ?)", (table, uuid, stamp, me)
        )
    _conflict(connection, (*row, EXISTS), (1, me), (0, *deletion))
    return rows


def _gone_with(
    connection: Connection, table: str, uuid: str, stamp: str, depth: int = 0
) -> set[tuple[str, str]]:
    """The rows one deletion took with this one (deleted under the same stamp), at any
    depth below it."""
    found: set[tuple[str, str]] = set()
    if depth > 6 or not stamp:
        return found
    for child in _children(connection, table, uuid):
        deleted = connection.exec_driver_sql(
            "SELECT 1 FROM sync_state WHERE tbl = ? AND uuid = ? AND col = '' AND value = 0 "
            "AND stamp = ?",
            (*child, stamp),
        ).first()
        if deleted is not None:
            found |= {child} | _gone_with(connection, *child, stamp, depth + 1)
    return found


def _conflict(
    connection: Connection,
    field: tuple[str, str, str],
    kept: tuple[Any, str],
    other: tuple[Any, str, str],
) -> None:
    # One conflict per field, the latest: an older one no longer says what is kept.
    connection.exec_driver_sql(
        "DELETE FROM sync_conflicts WHERE tbl = ? AND uuid = ? AND col = ?", field
    )
    connection.exec_driver_sql(
        "INSERT INTO sync_conflicts (tbl, uuid, col, kept_value, kept_origin, "
        "other_value, other_origin, other_stamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (*field, *kept, *other),
    )


def _deleted_unseen(
    connection: Connection, table: str, uuid: str, writer: str, seen: dict[str, str]
) -> bool:
    row = connection.exec_driver_sql(
        "SELECT stamp, origin FROM sync_state WHERE tbl = ? AND uuid = ? AND col = '' "
        "AND value = 0",
        (table, uuid),
    ).first()
    return row is not None and row[1] != writer and row[0] > seen.get(row[1], "")


def _origin_of_deletion(connection: Connection, table: str, uuid: str) -> str:
    return str(
        connection.exec_driver_sql(
            "SELECT origin FROM sync_state WHERE tbl = ? AND uuid = ? AND col = ''", (table, uuid)
        ).scalar_one()
    )


def _edited_unseen(
    connection: Connection, table: str, uuid: str, writer: str, seen: dict[str, str]
) -> str:
    """The computer that changed a field of this row (here, or a third one) without the
    writer of a deletion having seen it; "" when none did."""
    rows = connection.exec_driver_sql(
        "SELECT stamp, origin FROM sync_state WHERE tbl = ? AND uuid = ? AND col != '' "
        "AND origin != ?",
        (table, uuid, writer),
    )
    return next((origin for stamp, origin in rows if stamp > seen.get(origin, "")), "")


def _settle(connection: Connection, table: str, uuid: str, column: str) -> None:
    connection.exec_driver_sql(
        "DELETE FROM sync_conflicts WHERE tbl = ? AND uuid = ? AND col = ?", (table, uuid, column)
    )


# -- into the journal's own tables ------------------------------------------------------


def _materialize(
    connection: Connection, dirty: set[tuple[str, str]], clock: Clock, report: Report
) -> int:
    """Bring each changed row into its table: parents first for the rows that live,
    children first for the rows that go."""
    changed = 0
    revived: set[tuple[str, str]] = set()
    for shape, uuid, _state_gone in reversed(_in_order(connection, dirty, alive=False)):
        removed, kept = _remove(connection, shape, uuid, clock)
        changed += removed
        revived |= kept
    for shape, uuid, state in _in_order(connection, dirty | revived, alive=True):
        changed += _put(connection, shape, uuid, state, clock, report)
    return changed


def _in_order(
    connection: Connection, rows: set[tuple[str, str]], *, alive: bool
) -> list[tuple[Shape, str, dict[str, Any]]]:
    """The rows that live (or go), parents before children."""
    found = []
    for shape in capture.shapes():
        for table, uuid in sorted(rows):
            if table == shape.name:
                state = _state(connection, table, uuid)
                if (state.get(EXISTS) == 1) == alive:
                    found.append((shape, uuid, state))
    return found


def _state(connection: Connection, table: str, uuid: str) -> dict[str, Any]:
    rows = connection.exec_driver_sql(
        "SELECT col, value FROM sync_state WHERE tbl = ? AND uuid = ?", (table, uuid)
    )
    return {column: value for column, value in rows}


def _local_id(connection: Connection, table: str, uuid: str) -> int | None:
    row = connection.exec_driver_sql(
        "SELECT row_id FROM sync_ids WHERE tbl = ? AND uuid = ?", (table, uuid)
    ).first()
    if row is None:
        return None
    alive = connection.exec_driver_sql(f"SELECT 1 FROM {table} WHERE id = ?", (row[0],)).first()
    return int(row[0]) if alive else None


def _where(connection: Connection, shape: Shape, uuid: str, state: dict[str, Any]) -> Any:
    """How the row is found here: (SQL condition, parameters), or None when it is not."""
    if shape.kind in ("id", "singleton"):
        local = _local_id(connection, shape.name, uuid)
        return None if local is None else ("id = ?", (local,))
    keys = [c.name for c in shape.table.primary_key.columns]
    ids = []
    for key, part in zip(keys, uuid.split("|"), strict=True):
        parent = _local_id(connection, shape.parents[key], part)
        if parent is None:
            return None
        ids.append(parent)
    condition = " AND ".join(f"{k} = ?" for k in keys)
    here = connection.exec_driver_sql(
        f"SELECT 1 FROM {shape.name} WHERE {condition}", tuple(ids)
    ).first()
    return None if here is None else (condition, tuple(ids))


def _remove(
    connection: Connection, shape: Shape, uuid: str, clock: Clock
) -> tuple[int, set[tuple[str, str]]]:
    """Delete the row here; when the journal refuses (a company an application still
    stands on), keep it, with what its deletion took: (rows removed, rows kept alive)."""
    found = _where(connection, shape, uuid, {})
    if found is None:
        return 0, set()
    condition, params = found
    savepoint = connection.begin_nested()
    try:
        removed = connection.exec_driver_sql(f"DELETE FROM {shape.name} WHERE {condition}", params)
    except IntegrityError:
        savepoint.rollback()
        made = _made(connection, shape.name, uuid)
        return 0, _keep_alive(connection, (shape.name, uuid), clock, ("", made))
    savepoint.commit()
    return int(removed.rowcount), set()


def _values(connection: Connection, shape: Shape, state: dict[str, Any]) -> dict[str, Any] | None:
    """The row's columns as this journal stores them; None when a parent it needs is not
    here (it went, and this row will follow it)."""
    values: dict[str, Any] = {}
    for column in shape.columns:
        value = state.get(column)
        if column in shape.parents and value is not None:
            value = _local_id(connection, shape.parents[column], value)
            if value is None and not shape.table.c[column].nullable:
                return None
        values[column] = value
    source = _KEYS_FROM.get(shape.name)
    if source is not None:
        values.update(source[1](values.get(source[0]) or ""))
    return values


def _put(
    connection: Connection,
    shape: Shape,
    uuid: str,
    state: dict[str, Any],
    clock: Clock,
    report: Report,
) -> int:
    values = _values(connection, shape, state)
    if values is None:  # its parent is not here (yet): tried again at each merge
        connection.exec_driver_sql(
            "INSERT OR IGNORE INTO sync_waiting VALUES (?, ?)", (shape.name, uuid)
        )
        return 0
    connection.exec_driver_sql(
        "DELETE FROM sync_waiting WHERE tbl = ? AND uuid = ?", (shape.name, uuid)
    )
    found = _where(connection, shape, uuid, state)
    if found is not None:
        condition, params = found
        assignments = ", ".join(f"{name} = ?" for name in values)
        connection.exec_driver_sql(
            f"UPDATE {shape.name} SET {assignments} WHERE {condition}",
            (*values.values(), *params),
        )
        return 1
    if shape.kind == "singleton":
        values["id"] = 1
    names = ", ".join(values)
    marks = ", ".join("?" for _ in values)
    savepoint = connection.begin_nested()
    try:
        inserted = connection.exec_driver_sql(
            f"INSERT INTO {shape.name} ({names}) VALUES ({marks})", tuple(values.values())
        )
    except IntegrityError:
        savepoint.rollback()
        return _clash(connection, shape, uuid, values, clock, report)
    savepoint.commit()
    if shape.kind in ("id", "singleton"):
        connection.exec_driver_sql(
            "INSERT OR REPLACE INTO sync_ids VALUES (?, ?, ?)",
            (shape.name, inserted.lastrowid if shape.kind == "id" else 1, uuid),
        )
    return 1


def _clash(
    connection: Connection,
    shape: Shape,
    uuid: str,
    values: dict[str, Any],
    clock: Clock,
    report: Report,
) -> int:
    """Two computers made the one row a table allows once (a target for one company):
    the one made first stays on every computer, the other is deleted, its fields kept
    in `sync_state` and named in a conflict."""
    unique = [c.name for c in shape.table.columns if c.unique and values.get(c.name) is not None]
    if not unique:
        raise RuntimeError(f"an unexpected clash in {shape.name}")  # a bug: crash loudly
    column = unique[0]
    other_id = connection.exec_driver_sql(
        f"SELECT id FROM {shape.name} WHERE {column} = ?", (values[column],)
    ).scalar_one()
    other = connection.exec_driver_sql(
        "SELECT uuid FROM sync_ids WHERE tbl = ? AND row_id = ?", (shape.name, other_id)
    ).scalar_one()
    first = min((uuid, other), key=lambda u: (_made(connection, shape.name, u), u))
    loser = other if first == uuid else uuid
    stamp = clock.tick()
    me = connection.exec_driver_sql("SELECT computer_id FROM sync_switch").scalar_one()
    connection.exec_driver_sql(
        "INSERT OR REPLACE INTO sync_state VALUES (?, ?, ?, 0, ?, ?)",
        (shape.name, loser, EXISTS, stamp, me),
    )
    connection.exec_driver_sql(
        "INSERT INTO sync_conflicts (tbl, uuid, col, kept_value, kept_origin, other_value, "
        "other_origin, other_stamp) VALUES (?, ?, '', 0, ?, 1, ?, ?)",
        (shape.name, loser, me, me, stamp),
    )
    report.conflicts += 1
    if loser == other:
        connection.exec_driver_sql(f"DELETE FROM {shape.name} WHERE id = ?", (other_id,))
        return _put(connection, shape, uuid, _state(connection, shape.name, uuid), clock, report)
    return 0


def _made(connection: Connection, table: str, uuid: str) -> str:
    return str(
        connection.exec_driver_sql(
            "SELECT stamp FROM sync_state WHERE tbl = ? AND uuid = ? AND col = ''", (table, uuid)
        ).scalar_one_or_none()
        or ""
    )


# -- what the person sees ---------------------------------------------------------------


def canonical(journal: Journal) -> dict[str, list[tuple[Any, ...]]]:
    """Every synced row as every computer must hold it: UUIDs for ids and foreign keys,
    sorted. Two computers in step give equal results."""
    dump: dict[str, list[tuple[Any, ...]]] = {}
    with journal.reading() as connection:
        for shape in capture.shapes():
            rows = capture.row_values(connection, shape, "", ())
            dump[shape.name] = sorted((tuple(row) for row in rows), key=repr)
    return dump


def conflict_count(journal: Journal) -> int:
    with journal.reading() as connection:
        if not capture.is_installed(connection):
            return 0
        return int(connection.exec_driver_sql("SELECT count(*) FROM sync_conflicts").scalar_one())


@dataclass(frozen=True)
class Conflict:
    """A field both sides changed without seeing each other's change (or a record one
    side deleted while the other changed it): what the journal holds now, and the other."""

    id: int
    table: str
    uuid: str
    column: str  # "" for a deletion met by an edit
    kept: Any
    kept_by: str  # a computer's name
    other: Any
    other_by: str
    what: str  # the record, in words: "Senior Data Analyst at Juniper Energy"

    @property
    def deletion(self) -> bool:
        return self.column == EXISTS


def conflicts(journal: Journal) -> list[Conflict]:
    with journal.reading() as connection:
        if not capture.is_installed(connection):
            return []
        names = _computer_names(connection)
        rows = list(
            connection.exec_driver_sql(
                "SELECT id, tbl, uuid, col, kept_value, kept_origin, other_value, other_origin "
                "FROM sync_conflicts ORDER BY id"
            )
        )
        return [
            Conflict(
                row[0],
                row[1],
                row[2],
                row[3],
                row[4],
                names.get(row[5], "another computer"),
                row[6],
                names.get(row[7], "another computer"),
                _describe(connection, row[1], row[2]),
            )
            for row in rows
        ]


def _computer_names(connection: Connection) -> dict[str, str]:
    names = dict(
        (computer, name)
        for computer, name in connection.exec_driver_sql(
            "SELECT computer_id, computer_name FROM sync_peers"
        )
    )
    me, mine = connection.exec_driver_sql(
        "SELECT computer_id, computer_name FROM sync_switch"
    ).one()
    names[me] = f"{mine}, this computer"
    return names


def _describe(connection: Connection, table: str, uuid: str) -> str:
    """The record in words: "The application Operations Analyst at Juniper Energy"."""
    state = _state(connection, table, uuid)
    if table == "application_texts":
        return _describe(connection, "applications", uuid) + " (its notes and posting)"
    noun = table.removesuffix("s").replace("_", " ")
    if table == "applications":
        company = _state(connection, "companies", str(state.get("company_id"))).get("name")
        at = f" at {company}" if company else ""
        return f"The application {state.get('job_title', '')}{at}"
    for column in ("name", "subject", "question", "text", "item", "job_title"):
        if state.get(column):
            return f"The {noun} {state[column]}"
    return f"A {noun}"


def choose(journal: Journal, conflict_id: int, take_other: bool) -> None:
    """Settle a conflict: keep what the journal holds, or take the other value (for a
    deletion met by an edit: the other is to keep the record). The choice is a change of
    its own: it goes to the other computers and settles the conflict there too."""
    with journal.session() as session:
        connection = session.connection()
        row = connection.exec_driver_sql(
            "SELECT tbl, uuid, col, kept_value, other_value FROM sync_conflicts WHERE id = ?",
            (conflict_id,),
        ).first()
        if row is None:
            raise InvalidInput("That conflict was settled already.")
        table, uuid, column, kept, other = row
        value = other if take_other else kept
        me = settings_of(connection).computer_id
        deleted_under = _made(connection, table, uuid) if column == EXISTS else ""
        if column == EXISTS and value == 0:
            _delete_here(connection, table, uuid)
            return
        connection.exec_driver_sql(
            "INSERT OR REPLACE INTO sync_state VALUES (?, ?, ?, ?, NULL, ?)",
            (table, uuid, column, value, me),
        )
        connection.exec_driver_sql(
            "DELETE FROM sync_conflicts WHERE tbl = ? AND uuid = ? AND col = ?",
            (table, uuid, column),
        )
        rows = {(table, uuid)}
        if column == EXISTS and value == 1:
            rows |= _bring_back_parents(connection, table, uuid, me)
            # And all its deletion took with it (an application's texts and history).
            for child in _gone_with(connection, table, uuid, deleted_under):
                connection.exec_driver_sql(
                    "INSERT OR REPLACE INTO sync_state VALUES (?, ?, '', 1, NULL, ?)",
                    (*child, me),
                )
                rows.add(child)
        capture.set_capturing(connection, False)
        clock = _clock(connection)
        _materialize(connection, rows, clock, Report())
        capture.set_capturing(connection, True)


def _delete_here(connection: Connection, table: str, uuid: str) -> None:
    """The person chose the deletion: made here as any deletion is, so the triggers mark it
    and everything it takes with it (its texts, its interviews) for the other computers."""
    connection.exec_driver_sql(
        "DELETE FROM sync_conflicts WHERE tbl = ? AND uuid = ? AND col = ''", (table, uuid)
    )
    shape = capture.shape_of(table)
    found = _where(connection, shape, uuid, {})
    if found is None:  # not here: the deletion stands as it is, said again to the others
        me = settings_of(connection).computer_id
        connection.exec_driver_sql(
            "INSERT OR REPLACE INTO sync_state VALUES (?, ?, '', 0, NULL, ?)", (table, uuid, me)
        )
        return
    condition, params = found
    try:
        connection.exec_driver_sql(f"DELETE FROM {table} WHERE {condition}", params)
    except IntegrityError as refused:
        raise InvalidInput(
            "It cannot be deleted while other records stand on it (a company's "
            "applications): keep it, or delete those first."
        ) from refused


def _bring_back_parents(
    connection: Connection, table: str, uuid: str, me: str
) -> set[tuple[str, str]]:
    """A record kept after its deletion needs what it belongs to (an application's texts,
    their application): each deleted parent is kept too."""
    shape = capture.shape_of(table)
    state = _state(connection, table, uuid)
    found: set[tuple[str, str]] = set()
    for column, parent in shape.parents.items():
        parent_uuid = state.get(column)
        if parent_uuid is None or _state(connection, parent, parent_uuid).get(EXISTS) != 0:
            continue
        connection.exec_driver_sql(
            "INSERT OR REPLACE INTO sync_state VALUES (?, ?, '', 1, NULL, ?)",
            (parent, parent_uuid, me),
        )
        found |= {(parent, parent_uuid)} | _bring_back_parents(connection, parent, parent_uuid, me)
    return found


# -- passphrases -------------------------------------------------------------------------


def rekey(journal: Journal, new_passphrase: str) -> Path | None:
    """After this journal's passphrase changed: this computer's exchange files are written
    again, whole, under the new one, and the old files removed; the other computers are
    refused them until the new passphrase is typed there (`use_passphrase`)."""
    with journal.session() as session:
        connection = session.connection()
        settings = settings_of(connection)
        key = chunks.exchange_key(new_passphrase, settings.journal_id)
        connection.exec_driver_sql("UPDATE sync_switch SET exchange_key = ?", (key.to_secret(),))
        connection.exec_driver_sql("DELETE FROM journal_info WHERE key = 'sync_written_upto'")
    folder = chunks.computer_folder(settings.folder, settings.journal_id, settings.computer_id)
    old = chunks.generations(folder)
    written = write_own(journal, everything=True)
    for _generation, path in old:
        path.unlink(missing_ok=True)
    return written


def use_passphrase(journal: Journal, passphrase: str) -> Report:
    """The passphrase another computer changed to, typed here: its files are read again
    (refused, and nothing changed, when it opens none of them)."""
    with journal.session() as session:
        connection = session.connection()
        settings = settings_of(connection)
        key = chunks.exchange_key(passphrase, settings.journal_id)
        if not _opens_some_other(settings, key):
            raise InvalidInput(
                "That passphrase does not open the other computers' files: check it, and type "
                "it again."
            )
        connection.exec_driver_sql("UPDATE sync_switch SET exchange_key = ?", (key.to_secret(),))
    return merge(journal)


def _opens_some_other(settings: Settings, key: Any) -> bool:
    root = chunks.journal_folder(settings.folder, settings.journal_id)
    for folder in (p for p in root.iterdir() if p.is_dir() and p.name != settings.computer_id):
        for _generation, path in reversed(chunks.generations(folder)):
            try:
                chunks.read(path, key, settings.journal_id)
            except chunks.ChunkRefused:
                continue
            return True
    return False


def made_on(connection: Connection, table: str, ids: list[int]) -> dict[int, str]:
    """The computer that made each of these rows, by name ("" when not known)."""
    if not ids:
        return {}
    names = _computer_names(connection)
    marks = ", ".join("?" for _ in ids)
    rows = connection.exec_driver_sql(
        f"SELECT i.row_id, s.origin FROM sync_ids AS i JOIN sync_state AS s "
        f"ON s.tbl = i.tbl AND s.uuid = i.uuid AND s.col = '' "
        f"WHERE i.tbl = ? AND i.row_id IN ({marks})",
        (table, *ids),
    )
    return {
        row_id: names.get(origin, "").removesuffix(", this computer") for row_id, origin in rows
    }


@dataclass(frozen=True)
class Status:
    """Where a syncing journal stands, for the window."""

    folder: Path
    computer_name: str
    others: tuple[str, ...]  # the other computers' names, as their files last said
    conflicts: int


def status(journal: Journal) -> Status:
    with journal.reading() as connection:
        settings = settings_of(connection)
        others = tuple(
            name
            for (name,) in connection.exec_driver_sql(
                "SELECT computer_name FROM sync_peers WHERE computer_id != ? ORDER BY 1",
                (settings.computer_id,),
            )
        )
    return Status(settings.folder, settings.computer_name, others, conflict_count(journal))
