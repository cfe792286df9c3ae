"""Numbered schema migrations. Version N is reached by running 1..N in order.

A migration is a list of SQL statements, frozen once released: never edit one that has
shipped, add the next number instead. `PRAGMA user_version` holds the version reached,
`PRAGMA application_id` marks the file as a jobjournal journal.
"""

from __future__ import annotations

APPLICATION_ID = 0x4A4A524E  # "JJRN"

_V1 = [
    """CREATE TABLE journal_info (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    )""",
]

MIGRATIONS: dict[int, list[str]] = {1: _V1}
LATEST_VERSION = max(MIGRATIONS)

# Tables every journal has had since version 1: if one is missing the file lost data
# (for instance its -wal after a crash), however valid the rest looks.
CORE_TABLES = frozenset({"journal_info"})


def statements_after(version: int) -> list[tuple[int, list[str]]]:
    """The migrations still to run on a journal at `version`, in order."""
    return [(number, MIGRATIONS[number]) for number in sorted(MIGRATIONS) if number > version]
