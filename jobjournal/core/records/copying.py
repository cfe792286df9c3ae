"""Database objects copied into the read-only records of `plain`, inside their session.

A record is copied whole: its columns and, through every relationship, the records it
holds. `eager(model)` loads all of those in the same read (a record pointed to joined
in, each list in one more query), so that copying never loads lazily one row at a time.
"""

from __future__ import annotations

from dataclasses import fields
from functools import cache
from typing import Any

from sqlalchemy import inspect
from sqlalchemy.orm import joinedload, selectinload
from sqlalchemy.orm.strategy_options import _AbstractLoad

from jobjournal.core.records import plain
from jobjournal.core.storage import models as m

_KIND_OF: dict[str, Any] = {kind.__name__: kind for kind in plain.KINDS}


def model_of(kind: type[Any]) -> type[m.Base]:
    """The mapped class behind a plain record's kind (or the mapped class itself)."""
    if issubclass(kind, m.Base):
        return kind
    model = getattr(m, kind.__name__)
    assert _KIND_OF.get(kind.__name__) is kind, f"{kind!r} is not a plain record"
    return model  # type: ignore[no-any-return]


def copy(record: m.Base) -> Any:
    """The plain record of a loaded database object, with everything it holds."""
    kind = _KIND_OF[type(record).__name__]
    return kind(*(_copied(getattr(record, name)) for name in _names(kind)))


def _copied(value: Any) -> Any:
    if isinstance(value, m.Base):
        return copy(value)
    if isinstance(value, list):
        return tuple(copy(each) for each in value)
    return value


@cache
def _names(kind: Any) -> tuple[str, ...]:
    return tuple(field.name for field in fields(kind))


@cache
def eager(model: Any) -> tuple[_AbstractLoad, ...]:
    """Loader options that read every relationship a copy walks, to any depth (`model`:
    a mapped class; typed Any only because mypy cannot see that classes hash)."""
    options = []
    for relationship in inspect(model).relationships:
        # A record it points to comes in the same query; a list of them in one more.
        loader = selectinload if relationship.uselist else joinedload
        load = loader(getattr(model, relationship.key))
        nested = eager(relationship.mapper.class_)
        options.append(load.options(*nested) if nested else load)
    return tuple(options)
