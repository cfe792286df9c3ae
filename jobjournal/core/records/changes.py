"""What an operation changed, so each view redraws only that (after Anki's OpChanges),
and how to take it back."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jobjournal.core.records.undo import Undo

Ref = tuple[str, int]  # (table name, id)


@dataclass(frozen=True)
class Changes:
    created: frozenset[Ref] = field(default_factory=frozenset)
    updated: frozenset[Ref] = field(default_factory=frozenset)
    deleted: frozenset[Ref] = field(default_factory=frozenset)
    id: int | None = None  # the main record the operation made or touched
    # How to take the operation back (`Journal.undo`), when it can be: data, not code.
    undo: Undo | None = field(default=None, compare=False)
    # Applications whose own records changed (a status change, a text, a contact link):
    # the rows and details to redraw.
    applications: frozenset[int] = frozenset()
    # Which columns changed, as (table, column); None when the operation did not record
    # them (then any column of a table it touched may have).
    fields: frozenset[tuple[str, str]] | None = None

    @property
    def new_id(self) -> int:
        """The id of the record the operation made (a bug to ask when it made none)."""
        if self.id is None:
            raise ValueError("this operation did not create a record")
        return self.id

    def touches(self, table: str) -> bool:
        return any(ref[0] == table for ref in self.created | self.updated | self.deleted)

    def ids(self, table: str) -> set[int]:
        return {ref[1] for ref in self.created | self.updated | self.deleted if ref[0] == table}

    def changed_any(self, table: str, columns: tuple[str, ...]) -> bool:
        """Whether a record of `table` was added or removed, or one of these columns of
        one changed."""
        if self.fields is None:
            return self.touches(table)
        return any((table, column) in self.fields for column in columns) or any(
            ref[0] == table for ref in self.created | self.deleted
        )

    def application_ids(self) -> set[int]:
        return self.ids("applications") | self.applications

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.created | other.created,
            self.updated | other.updated,
            self.deleted | other.deleted,
            self.id if self.id is not None else other.id,
            applications=self.applications | other.applications,
            fields=None
            if self.fields is None or other.fields is None
            else self.fields | other.fields,
        )  # two undos are not one: a compound operation records itself whole


def created(table: str, record_id: int) -> Changes:
    return Changes(created=frozenset({(table, record_id)}), id=record_id)


def updated(table: str, record_id: int) -> Changes:
    return Changes(updated=frozenset({(table, record_id)}), id=record_id)


def deleted(table: str, record_ids: set[int] | list[int]) -> Changes:
    return Changes(deleted=frozenset((table, i) for i in record_ids))
