"""Backups on disk: where a journal's go, which exist, how many and how much to keep.

A backup is a whole encrypted journal (same key as when it was made) named
`<journal stem>-<UTC stamp>[-<label>].db` in the journal's backups folder. Keeping is by
count *and* by total size, and the newest backup is always kept: a budget never leaves a
person with none.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from jobjournal.core.errors import InvalidInput
from jobjournal.core.storage import paths

DEFAULT_KEEP_BACKUPS = 10
DEFAULT_BUDGET_MB = 2048
BACKUP_EVERY = timedelta(days=1)
STAMP = "%Y%m%d-%H%M%S"
MB = 1024 * 1024


@dataclass(frozen=True)
class BackupPlace:
    folder: Path
    keep: int = DEFAULT_KEEP_BACKUPS
    budget_mb: int = DEFAULT_BUDGET_MB


# Where each journal's backups go and how much is kept, when the person chose other than
# the default (the app sets this from its settings before unlocking, so that the backups
# offered for a damaged file, and those made after unlocking, use the chosen folder).
_places: dict[Path, BackupPlace] = {}


def absolute(path: Path | str) -> Path:
    return Path(path).expanduser().absolute()


def set_place(
    journal_path: Path, folder: Path | None, keep: int, budget_mb: int = DEFAULT_BUDGET_MB
) -> None:
    """Choose the backups folder (None: the default beside the journal) and what to keep."""
    if keep < 1:
        raise InvalidInput("Keep at least one backup.")
    if budget_mb < 1:
        raise InvalidInput("Give the backups at least 1 MB.")
    journal_path = absolute(journal_path)
    _places[journal_path] = BackupPlace(
        folder or paths.backups_dir_for(journal_path), keep, budget_mb
    )


def place(journal_path: Path) -> BackupPlace:
    journal_path = absolute(journal_path)
    return _places.get(journal_path) or BackupPlace(paths.backups_dir_for(journal_path))


def list_backups(journal_path: Path, folder: Path | None = None) -> list[Path]:
    """The journal's backups, newest first."""
    folder = folder or place(journal_path).folder
    prefix = f"{journal_path.stem}-"
    try:
        found = [p for p in folder.iterdir() if p.name.startswith(prefix) and p.suffix == ".db"]
    except OSError:  # missing, a file, unreadable: there are no backups to offer there
        return []
    return sorted(found, key=lambda p: (_stamp(p, prefix), _mtime(p)), reverse=True)


def _stamp(backup: Path, prefix: str) -> str:
    """The UTC stamp in a backup's name: two made in one second (the daily one, then one
    after a passphrase change) are told apart by their times, not by their labels."""
    return backup.name[len(prefix) : len(prefix) + len("YYYYmmdd-HHMMSS")]


def _mtime(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


def total_mb(backups: list[Path]) -> float:
    return sum(_size(p) for p in backups) / MB


def to_remove(backups: list[Path], keep: int, budget_mb: int) -> list[Path]:
    """Of `backups` (newest first), those past the count or past the size budget."""
    kept_bytes = 0
    doomed = []
    for index, backup in enumerate(backups):
        kept_bytes += _size(backup)
        if index > 0 and (index >= keep or kept_bytes > budget_mb * MB):
            doomed.append(backup)
    return doomed


def rotate(journal_path: Path, chosen: BackupPlace) -> None:
    for old in to_remove(list_backups(journal_path, chosen.folder), chosen.keep, chosen.budget_mb):
        old.unlink()


def remove_partials(journal_path: Path, folder: Path) -> None:
    """Copies cut short by a crash (we hold the journal's lock, so none is being written)."""
    with suppress(OSError):
        for leftover in folder.glob(f".{journal_path.stem}-*.partial"):
            leftover.unlink()


def free_name(folder: Path, stem: str, label: str) -> Path:
    stamp = datetime.now(UTC).strftime(STAMP)
    tail = f"-{label}" if label else ""
    candidate = folder / f"{stem}-{stamp}{tail}.db"
    counter = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{stamp}{tail}-{counter}.db"
        counter += 1
    return candidate


def age(path: Path) -> timedelta:
    modified = datetime.fromtimestamp(path.stat().st_mtime, UTC)
    return datetime.now(UTC) - modified


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
