"""Swapping a restored copy into the journal's place so that no interruption loses a file.

A restore writes the backup beside the journal as `.<name>.restoring`, checks it, and
renames it `.<name>.restore-ready-<stamp>`: from then on the restore is decided. The swap
keeps the old journal under `<stem>.before-restore-<stamp><suffix>` (a hard link, so the
journal's own name never goes missing; a rename where the disk has no links) with its
-wal and -shm, then renames the ready copy over the journal's name.

Whatever point a crash or kill stops this at, the journal's name holds the old journal
or the restored one, and the next unlock (`finish_interrupted_restore`) either deletes a
half-written `.restoring` copy or finishes the swap of a ready one. No heavy imports: the
app asks `interrupted_restore` before its first window.
"""

from __future__ import annotations

import os
from contextlib import suppress
from pathlib import Path

from jobjournal.core.storage.durable import fsync_dir
from jobjournal.core.storage.filelock import JournalLock

_SIDECARS = ("-wal", "-shm")


def restoring_name(journal: Path) -> Path:
    return journal.with_name(f".{journal.name}.restoring")


def ready_name(journal: Path, stamp: str) -> Path:
    return journal.with_name(f".{journal.name}.restore-ready-{stamp}")


def kept_name(journal: Path, stamp: str) -> Path:
    """Where the journal a restore replaced is kept: named for what it is."""
    return journal.with_name(f"{journal.stem}.before-restore-{stamp}{journal.suffix}")


def interrupted_restore(journal: Path) -> Path | None:
    """The ready copy of a restore that was cut short, if there is one (newest)."""
    try:
        found = sorted(journal.parent.glob(f".{journal.name}.restore-ready-*"))
    except OSError:
        return None
    return found[-1] if found else None


def swap_in(ready: Path, journal: Path) -> Path | None:
    """Put the checked copy `ready` in the journal's place; return where the old one is
    kept (None when there was none). The caller holds the journal's lock."""
    ready_lock = JournalLock(ready)
    ready_lock.acquire()  # a second window finishing the same swap waits its turn
    try:
        return _swap(ready, journal)
    finally:
        ready_lock.release()


def _swap(ready: Path, journal: Path) -> Path | None:
    stamp = ready.name.rsplit("restore-ready-", 1)[1]
    kept = kept_name(journal, stamp)
    _keep(journal, kept)  # the main file first: its -wal means nothing without it
    for suffix in _SIDECARS:
        _keep(_sidecar(journal, suffix), _sidecar(kept, suffix))
    fsync_dir(journal.parent)
    for suffix in _SIDECARS:  # kept above; a log left here would be replayed into the copy
        with suppress(FileNotFoundError):
            _sidecar(journal, suffix).unlink()
    os.replace(ready, journal)
    fsync_dir(journal.parent)
    return kept if kept.exists() else None


def _keep(current: Path, kept: Path) -> None:
    """Give `current` the name `kept` too (or instead, without hard links). Repeating it
    after an interruption changes nothing."""
    if not current.exists() or kept.exists():
        return
    try:
        os.link(current, kept)
    except OSError:
        os.rename(current, kept)


def finish_interrupted_restore(journal: Path) -> Path | None:
    """Resolve what a cut-short restore left: delete a half-written copy, finish the swap
    of a checked one. Returns where the replaced journal is kept, if a swap was finished."""
    with suppress(FileNotFoundError):
        restoring_name(journal).unlink()
    ready = interrupted_restore(journal)
    if ready is None:
        return None
    lock = JournalLock(journal)
    if journal.exists():
        lock.acquire()  # another window has it open: leave the swap to it
    try:
        return swap_in(ready, journal)
    finally:
        lock.release()


def _sidecar(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)
