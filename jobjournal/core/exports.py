"""Files the person exports (letters, prep sheets, calendars): written whole or not at all,
and never over an existing file unless they said so."""

from __future__ import annotations

import os
from pathlib import Path

from jobjournal.core.errors import InvalidInput, JournalError, translating_os_errors


class FileExistsAlready(JournalError):
    def __init__(self, path: Path) -> None:
        super().__init__(
            f"“{path.name}” already exists in {path.parent}. Choose another name, or replace it."
        )
        self.path = path


def with_suffix(path: Path, suffix: str) -> Path:
    """The name a save dialog gave, with the file type's suffix if it was left off."""
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


def write_file(final: Path, data: bytes, *, replace: bool = False, what: str = "") -> Path:
    """Write `data` as `final`: beside it first, flushed to disk, then linked into place.

    A failed write leaves any file already there byte-identical. `what` names the file in
    error messages ("the letter …").
    """
    if not final.parent.is_dir():
        raise InvalidInput(f"{final.parent} is not a folder that exists.")
    if final.exists() and not replace:
        raise FileExistsAlready(final)
    partial = final.with_name(f".{final.name}.partial")
    with translating_os_errors(what or f"“{final.name}”"):
        try:
            _write_synced(partial, data)
            _move_into_place(partial, final, replace)
        finally:
            partial.unlink(missing_ok=True)
    return final


def _move_into_place(partial: Path, final: Path, replace: bool) -> None:
    if replace:
        os.replace(partial, final)
        return
    try:
        os.link(partial, final)  # fails, atomically, if the name was taken meanwhile
    except FileExistsError:
        raise FileExistsAlready(final) from None
    except OSError:  # no hard links here (FAT, some network drives): check, then rename
        if final.exists():
            raise FileExistsAlready(final) from None
        os.rename(partial, final)


def _write_synced(path: Path, data: bytes) -> None:
    with open(path, "wb") as file:
        file.write(data)
        file.flush()
        os.fsync(file.fileno())
