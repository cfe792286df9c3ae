"""Writes `plain.py`, the read-only records the window is given, from the mapped classes in
`models.py`: one frozen dataclass per class, with its columns (less the keys kept for
sorting and searching) and its relationships as nested records, typed as the model types
them. The window never holds a live or detached database object; a test keeps the
written file identical to what this renders.

    python -m jobjournal.core.records.plain_source   (or: make plain)
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from sqlalchemy import inspect

from jobjournal.core.storage import models as m

# Kept from another column whenever it is written; only queries read them.
_INTERNAL = {"name_fold", "name_order", "title_fold", "title_order"}
_MAPPED = re.compile(r"^Mapped\[(.*)\]$")
_CLOSED_SETS = (
    "DateStyle",
    "IntroductionState",
    "LetterKind",
    "MoneyStyle",
    "QuestionDirection",
    "RequirementMark",
    "TargetStatus",
)
_NOT_SHOWN = {"JournalInfo"}  # the file's own bookkeeping
TARGET = Path(__file__).with_name("plain.py")

_HEAD = '''"""Read-only records of the journal, as the window and scripts are given them.

Written by `plain_source.py` from the mapped classes in `models.py`; do not edit by hand
(`make plain` writes it again, and a test fails when it is out of date). Each record is a
frozen copy taken inside one session: reading it never touches the database, and changing
the journal goes through an operation, never through a record.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from jobjournal.core.storage.models import (
{closed_sets}
)
'''


def mapped_classes() -> list[type[m.Base]]:
    """Every mapped class, in the order `models.py` declares them."""
    found = [
        mapper.class_
        for mapper in m.Base.registry.mappers
        if mapper.class_.__name__ not in _NOT_SHOWN
    ]
    order = list(vars(m))
    return sorted(found, key=lambda cls: order.index(cls.__name__))


def field_names(model: type[m.Base]) -> list[str]:
    mapper = inspect(model)
    columns = [c.key for c in mapper.column_attrs if c.key not in _INTERNAL]
    return columns + [r.key for r in mapper.relationships]


def _field_type(model: type[m.Base], name: str) -> str:
    annotation = next(
        vars(cls)["__annotations__"][name]
        for cls in model.__mro__
        if name in vars(cls).get("__annotations__", {})
    )
    match = _MAPPED.match(annotation)
    assert match, f"{model.__name__}.{name} is not annotated Mapped[...]"
    inner = match.group(1)
    listed = re.match(r"^list\[(\w+)\]$", inner)
    return f"tuple[{listed.group(1)}, ...]" if listed else inner


def _render_class(model: type[m.Base]) -> str:
    lines = ["@dataclass(frozen=True, slots=True)", f"class {model.__name__}:"]
    if model.__doc__ and model.__doc__ != m.Base.__doc__:
        lines.append(f'    """{model.__doc__.strip()}"""')
        lines.append("")
    lines += [f"    {name}: {_field_type(model, name)}" for name in field_names(model)]
    return "\n".join(lines)


def render() -> str:
    classes = mapped_classes()
    body = "\n\n\n".join(_render_class(cls) for cls in classes)
    first, *rest = (cls.__name__ for cls in classes)
    union = f"\n    {first}" + "".join(f"\n    | {name}" for name in rest)
    names = "".join(f"\n    {cls.__name__}," for cls in classes)
    registry = f"Record = ({union}\n)\nKINDS = ({names}\n)\n"
    head = _HEAD.format(closed_sets="\n".join(f"    {name}," for name in _CLOSED_SETS))
    return f"{head}\n\n{body}\n\n\n{registry}"


def main() -> None:
    TARGET.write_text(render(), encoding="utf-8")
    sys.stdout.write(f"wrote {TARGET}\n")


if __name__ == "__main__":
    main()
