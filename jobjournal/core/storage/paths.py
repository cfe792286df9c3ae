"""Where jobjournal keeps things, resolved in one place.

`JOBJOURNAL_HOME` overrides every location at once (tests, portable use); without it
the platform's per-user folders are used. Nothing else in the app builds a path to a
user folder on its own.

This module is loaded before the first paint: platformdirs is imported only when a
location is asked for without `JOBJOURNAL_HOME`.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "jobjournal"
HOME_OVERRIDE = "JOBJOURNAL_HOME"
DEFAULT_JOURNAL_NAME = "journal.db"
PRIVATE_DIR_MODE = 0o700


def _override() -> Path | None:
    value = os.environ.get(HOME_OVERRIDE)
    return Path(value).expanduser().resolve() if value else None


def data_dir() -> Path:
    """Folder for journals (and, by default, their backups)."""
    home = _override()
    if home is not None:
        return home / "data"
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    """Folder for settings: window geometry, last journal path. Never journal content."""
    home = _override()
    if home is not None:
        return home / "config"
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def documents_dir() -> Path:
    """Where letters are offered to be saved until the person picks another folder."""
    home = _override()
    if home is not None:
        return home / "documents"
    import platformdirs

    return Path(platformdirs.user_documents_dir())


def desktop_share_dir() -> Path:
    """Linux: where a user's menu entries and icons go ($XDG_DATA_HOME, ~/.local/share)."""
    home = _override()
    if home is not None:
        return home / "share"
    xdg = os.environ.get("XDG_DATA_HOME")
    return Path(xdg) if xdg else Path.home() / ".local" / "share"


def default_journal_path() -> Path:
    return data_dir() / DEFAULT_JOURNAL_NAME


def backups_dir_for(journal_path: Path) -> Path:
    """Backups live beside the journal, in a folder named after it, so they travel with it."""
    return journal_path.parent / f"{journal_path.stem}-backups"


def make_private_dir(path: Path) -> None:
    """Create `path` (and parents) with mode 0700 for every folder we create.

    Folders that already exist keep their mode: a person's Documents folder is theirs.
    """
    missing = []
    current = path
    while not current.exists():
        missing.append(current)
        current = current.parent
    for folder in reversed(missing):
        folder.mkdir(mode=PRIVATE_DIR_MODE)
        os.chmod(folder, PRIVATE_DIR_MODE)  # mkdir's mode is filtered by the umask
