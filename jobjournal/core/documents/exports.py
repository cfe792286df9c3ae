"""Files the person exports (letters, prep sheets, calendars, CSV, JSON): written whole or
not at all, never over an existing file unless they said so, and readable by the person
alone (0600), like the journal: they hold the same private text.

A write goes to a hidden file beside the target first, named with our process id
(`.<name>.<pid>.jobjournal-partial`). One left behind by a killed export is ours to
remove: the next export into that folder, and the app at start-up for the folders it
knows, delete those whose process is gone."""

from __future__ import annotations

import os
import time
from contextlib import suppress
from pathlib import Path

from jobjournal.core.errors import InvalidInput, JournalError, translating_os_errors

PRIVATE_FILE_MODE = 0o600
PARTIAL_SUFFIX = ".jobjournal-partial"
EXPORTED_KINDS = (".docx", ".csv", ".json", ".ics")


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
    remove_leftovers(final.parent)
    partial = final.with_name(f".{final.name}.{os.getpid()}{PARTIAL_SUFFIX}")
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
    with suppress(FileNotFoundError):
        path.unlink()  # a stale one would keep its own mode
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
    with open(fd, "wb") as file:
        file.write(data)
        file.flush()
        os.fsync(file.fileno())


def remove_leftovers(folder: Path) -> list[Path]:
    """Delete the partial files our killed exports left in `folder` (and the plain
    `.<name>.partial` of earlier versions, for the kinds of file we export)."""
    removed: list[Path] = []
    try:
        candidates = list(folder.glob(f".*{PARTIAL_SUFFIX}")) + [
            p for kind in EXPORTED_KINDS for p in folder.glob(f".*{kind}.partial")
        ]
    except OSError:
        return removed
    for leftover in candidates:
        if _writer_is_alive(leftover):
            continue
        with suppress(OSError):
            leftover.unlink()
            removed.append(leftover)
    return removed


def _writer_is_alive(partial: Path) -> bool:
    if not partial.name.endswith(PARTIAL_SUFFIX):
        return False  # an earlier version's: its writer is long gone
    pid_text = partial.name[: -len(PARTIAL_SUFFIX)].rsplit(".", 1)[-1]
    if not pid_text.isdigit() or int(pid_text) == os.getpid():
        return False  # ours are removed as each write ends; one still here is stale
    if os.name == "nt":  # no harmless "is it alive" signal there: give it a day
        return time.time() - partial.stat().st_mtime < 86_400
    try:
        os.kill(int(pid_text), 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True
