"""Undo as data: what an operation did to the journal's rows, and how to take it back.

An operation that can be undone runs in `recording(session)`: every row its unit of work
adds, changes or removes is read as it was before and as it is after (the rows of
application and interview contacts with their parent). The result, `Undo`, is plain data:
applied in one transaction it puts every row back as it was, and its `inverse()` redoes
the operation exactly, ids included, so later steps on an undo stack still find their
records. Compound operations (accept one offer and end the others, reject and ask for
feedback) are undone whole or not at all.

Applying an undo refuses, naming what stands in the way, when the journal moved on in a
way the undo would break: a record it would remove is used by one added since, or a field
it would put back was changed since by something else. A record the person wrote in since
it was added (a feedback request they filled in) is left in place: their words are not
thrown away.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, and_, delete, event, insert, select, update
from sqlalchemy.orm import ORMExecuteState, Session, object_mapper

from jobjournal.core.errors import InvalidInput
from jobjournal.core.records.changes import Changes, Ref
from jobjournal.core.storage import models as m

Key = tuple[Any, ...]  # a row's primary key values, in column order
Row = Mapping[str, Any]  # a row's columns by name


@dataclass(frozen=True)
class RowImage:
    table: str
    key: Key
    values: Row


@dataclass(frozen=True)
class Undo:
    """How to take one operation back: rows it added (to remove), rows it changed (as
    they were and as it left them), rows it removed (to put back)."""

    added: tuple[RowImage, ...] = ()
    changed: tuple[tuple[RowImage, RowImage], ...] = ()
    removed: tuple[RowImage, ...] = ()

    def __bool__(self) -> bool:
        """False when the operation changed nothing (nothing to undo)."""
        return bool(self.added or self.changed or self.removed)

    def inverse(self) -> Undo:
        """The undo of this undo: the operation again."""
        return Undo(
            added=self.removed,
            changed=tuple((after, before) for before, after in self.changed),
            removed=self.added,
        )

    def changes(self, main_id: int | None = None) -> Changes:
        """What applying the operation touched, as views read it."""
        return Changes(
            created=_refs(self.added),
            updated=frozenset(_ref(after) for _, after in self.changed) - _refs(self.added),
            deleted=_refs(self.removed),
            id=main_id,
            undo=self,
            applications=frozenset(_applications_of(self)),
            fields=frozenset(_fields_of(self)),
        )


def _fields_of(undo: Undo) -> set[tuple[str, str]]:
    fields = {(i.table, column) for i in (*undo.added, *undo.removed) for column in i.values}
    for before, after in undo.changed:
        fields |= {(before.table, c) for c in before.values if before.values[c] != after.values[c]}
    return fields


def _applications_of(undo: Undo) -> set[int]:
    images = [*undo.added, *undo.removed, *(pair[1] for pair in undo.changed)]
    found = {image.key[0] for image in images if image.table == "applications"}
    found |= {
        image.values["application_id"] for image in images if "application_id" in image.values
    }
    return found


def _ref(image: RowImage) -> Ref:
    return (image.table, image.key[0])


def _refs(images: tuple[RowImage, ...]) -> frozenset[Ref]:
    return frozenset(_ref(image) for image in images)


# -- recording what an operation does ------------------------------------------------------


@dataclass
class Recording:
    """Rows touched so far: (table, key) -> [as before the operation, as after it]
    (None where the row did not exist)."""

    rows: dict[tuple[str, Key], list[Row | None]] = field(default_factory=dict)
    # Touched in the flush under way: its rows, and the records whose contact links
    # are read again after it.
    pending: set[tuple[str, Key]] = field(default_factory=set)
    parents: set[tuple[str, Key]] = field(default_factory=set)
    new: list[Any] = field(default_factory=list)

    def undo(self, session: Session) -> Undo:
        """What the operation did, once everything it wrote is flushed."""
        session.flush()
        added, changed, removed = [], [], []
        for (table, key), (before, after) in self.rows.items():
            if before is None and after is not None:
                added.append(RowImage(table, key, after))
            elif before is not None and after is None:
                removed.append(RowImage(table, key, before))
            elif before is not None and after is not None and before != after:
                changed.append((RowImage(table, key, before), RowImage(table, key, after)))
        return Undo(
            added=tuple(sorted(added, key=_in_table_order)),
            changed=tuple(changed),
            removed=tuple(sorted(removed, key=_in_table_order)),
        )

    def note_existing(self, session: Session, table: str, key: Key) -> None:
        if (table, key) not in self.rows:
            self.rows[(table, key)] = [_read(session, _TABLES[table], key), None]
            for link, column in _ASSOCIATIONS.get(table, ()):
                for row in _read_where(session, link, column, key[0]):
                    self.rows.setdefault((link.name, _key_from(link, row)), [row, None])
        self.pending.add((table, key))
        self.parents.add((table, key))

    def note_new(self, table: str, key: Key) -> None:
        self.rows.setdefault((table, key), [None, None])
        self.pending.add((table, key))
        self.parents.add((table, key))

    def read_after(self, session: Session) -> None:
        for table, key in self.pending:
            self.rows[(table, key)][1] = _read(session, _TABLES[table], key)
        for table, key in self.parents:
            for link, column in _ASSOCIATIONS.get(table, ()):
                self._read_links_after(session, link, column, key[0])
        self.pending.clear()
        self.parents.clear()
        self.new = []

    def _read_links_after(self, session: Session, link: Table, column: str, parent: Any) -> None:
        now = {_key_from(link, row): row for row in _read_where(session, link, column, parent)}
        for (table, key), images in self.rows.items():
            was = images[0] or images[1]
            if table == link.name and was is not None and was[column] == parent:
                images[1] = now.pop(key, None)
        for key, row in now.items():
            self.rows[(link.name, key)] = [None, row]


@contextmanager
def recording(session: Session) -> Iterator[Recording]:
    """Record what `session` writes inside the block (it must write through the ORM)."""
    log = Recording()

    def before_flush(session: Session, _context: object, _instances: object) -> None:
        for instance in [*session.dirty, *session.deleted]:
            if instance in session.deleted or session.is_modified(instance):
                log.note_existing(session, _table_of(instance), _key_of(instance))
        log.new = list(session.new)

    def after_flush(session: Session, _context: object) -> None:
        for instance in log.new:  # their keys are known now
            log.note_new(_table_of(instance), _key_of(instance))

    def after_flush_postexec(session: Session, _context: object) -> None:
        log.read_after(session)

    def refuse_bulk(state: ORMExecuteState) -> None:
        if state.is_update or state.is_delete or state.is_insert:
            raise AssertionError("an undoable operation writes rows through the ORM")

    listeners: list[tuple[str, Any]] = [
        ("before_flush", before_flush),
        ("after_flush", after_flush),
        ("after_flush_postexec", after_flush_postexec),
        ("do_orm_execute", refuse_bulk),
    ]
    for name, listener in listeners:
        event.listen(session, name, listener)
    try:
        yield log
    finally:
        for name, listener in listeners:
            event.remove(session, name, listener)


def _in_table_order(image: RowImage) -> tuple[int, Key]:
    return (_ORDER[image.table], image.key)


def _table_of(instance: Any) -> str:
    table = object_mapper(instance).local_table
    assert isinstance(table, Table)
    return table.name


def _key_of(instance: Any) -> Key:
    return tuple(object_mapper(instance).primary_key_from_instance(instance))


def _read(session: Session, table: Table, key: Key) -> Row | None:
    columns = list(table.primary_key.columns)
    query = select(table).where(and_(*(c == v for c, v in zip(columns, key, strict=True))))
    row = session.connection().execute(query).mappings().first()
    return dict(row) if row is not None else None


def _read_where(session: Session, table: Table, column: str, value: Any) -> list[Row]:
    query = select(table).where(table.c[column] == value)
    return [dict(row) for row in session.connection().execute(query).mappings()]


def _key_from(table: Table, row: Row) -> Key:
    return tuple(row[c.name] for c in table.primary_key.columns)


# -- applying an undo ------------------------------------------------------------------------


def apply(session: Session, undo: Undo) -> Undo:
    """Take the operation back inside the caller's transaction; returns what actually
    happened as an Undo (whose inverse redoes it)."""
    for image in undo.removed:
        _put_back(session, image)
    for before, after in undo.changed:
        _restore(session, before, after)
    kept = [not _take_away(session, image, undo.added) for image in reversed(undo.added)]
    kept.reverse()
    return Undo(
        added=tuple(image for image, stays in zip(undo.added, kept, strict=True) if not stays),
        changed=undo.changed,
        removed=undo.removed,
    )


def _put_back(session: Session, image: RowImage) -> None:
    table = _TABLES[image.table]
    if _read(session, table, image.key) is not None:
        raise InvalidInput(f"The {_noun(image.table)} it would bring back exists again.")
    session.connection().execute(insert(table).values(**image.values))


def _restore(session: Session, before: RowImage, after: RowImage) -> None:
    table = _TABLES[before.table]
    now = _read(session, table, before.key)
    if now is None:
        raise InvalidInput(f"The {_noun(before.table)} it changed has been deleted since.")
    changed = {name for name in before.values if before.values[name] != after.values[name]}
    if any(now[name] != after.values[name] for name in changed):
        raise InvalidInput(f"The {_noun(before.table)} it changed has been changed since.")
    columns = list(table.primary_key.columns)
    where = and_(*(c == v for c, v in zip(columns, before.key, strict=True)))
    session.connection().execute(
        update(table).where(where).values(**{name: before.values[name] for name in changed})
    )


def _take_away(session: Session, image: RowImage, going: tuple[RowImage, ...]) -> bool:
    """Remove a row the operation added. False (and the row stays) when the person wrote
    in it since; refused when a record added since depends on it."""
    table = _TABLES[image.table]
    now = _read(session, table, image.key)
    if now is None:
        return True
    if now != image.values:
        return False
    _refuse_if_used(session, image, going)
    columns = list(table.primary_key.columns)
    where = and_(*(c == v for c, v in zip(columns, image.key, strict=True)))
    session.connection().execute(delete(table).where(where))
    return True


def _refuse_if_used(session: Session, image: RowImage, going: tuple[RowImage, ...]) -> None:
    leaving = {(other.table, other.key) for other in going}
    for child, column in _CHILDREN.get(image.table, ()):
        query = select(child).where(child.c[column] == image.key[0])
        for row in session.connection().execute(query).mappings():
            if (child.name, _key_from(child, dict(row))) in leaving:
                continue
            if child.name in _ASSOCIATION_NAMES:
                continue  # a contact link goes with its record, as when deleting it
            raise InvalidInput(
                f"The {_noun(image.table)} has {_noun(child.name)}s recorded since; "
                "delete it from the window instead."
            )


def _noun(table: str) -> str:
    return table.removesuffix("s").replace("_", " ")


# -- the schema, read once ------------------------------------------------------------------


_ORDER = {table.name: number for number, table in enumerate(m.Base.metadata.sorted_tables)}
_TABLES: dict[str, Table] = {table.name: table for table in m.Base.metadata.sorted_tables}
_MAPPED = {str(getattr(mapper.local_table, "name", "")) for mapper in m.Base.registry.mappers}
_ASSOCIATION_NAMES = {name for name in _TABLES if name not in _MAPPED}
# parent table -> [(link table, the column pointing at the parent)]
_ASSOCIATIONS: dict[str, list[tuple[Table, str]]] = {}
# parent table -> [(any table pointing at it, the column that points)]
_CHILDREN: dict[str, list[tuple[Table, str]]] = {}
for _table in _TABLES.values():
    for _key in _table.foreign_keys:
        _parent = _key.column.table.name
        _CHILDREN.setdefault(_parent, []).append((_table, _key.parent.name))
        if _table.name in _ASSOCIATION_NAMES:
            _ASSOCIATIONS.setdefault(_parent, []).append((_table, _key.parent.name))
