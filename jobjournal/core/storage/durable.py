"""Files written to last: created private, synced to the disk, and their folder too.

Kept apart, with nothing heavy imported, so the app can use it before its first window.
"""

from __future__ import annotations

import os
from contextlib import suppress
from pathlib import Path


def create_private_file(path: Path, *, replace_stale: bool = False) -> None:
    """Create an empty file readable by its owner only (SQLite's -wal/-shm copy the mode)."""
    if replace_stale:
        with suppress(FileNotFoundError):
            path.unlink()
    os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))


def fsync_file(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
