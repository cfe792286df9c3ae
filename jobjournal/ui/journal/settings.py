"""Window state and preferences, kept in an INI file in the config folder.

Only paths, numbers and how the app looks go here: never journal content.

Loaded before the first paint: hashlib is imported when a per-journal key is made.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QByteArray, QSettings

from jobjournal.core.storage import paths

DEFAULT_AUTO_LOCK_MINUTES = 10
MAX_AUTO_LOCK_MINUTES = 24 * 60
THEMES = {"system": "Follow the system", "light": "Light", "dark": "Dark"}
# The backups' own defaults, repeated so this module (loaded before the first paint)
# imports nothing of the core's.
DEFAULT_KEEP_BACKUPS = 10
DEFAULT_BACKUP_BUDGET_MB = 2048
MAX_BACKUP_BUDGET_MB = 10_000_000


SETTINGS_FILE = "settings.ini"
_apart: Path | None = None  # the example journal's own folder while it is open


def app_settings() -> QSettings:
    folder = _apart or paths.config_dir()
    paths.make_private_dir(folder)
    return QSettings(str(folder / SETTINGS_FILE), QSettings.Format.IniFormat)


def keep_apart(folder: Path | None) -> None:
    """From now on read and write preferences in `folder` (None: the person's own again).
    The example journal (`--demo`) starts from a copy of the person's preferences, and
    what is changed while trying it (dark mode, the letters folder) stays with it."""
    global _apart
    if folder is not None:
        own = paths.config_dir() / SETTINGS_FILE
        if own.exists():
            (folder / SETTINGS_FILE).write_bytes(own.read_bytes())
    _apart = folder


def last_journal_path() -> Path:
    value = app_settings().value("journal/last_path", "")
    return Path(str(value)) if value else paths.default_journal_path()


def remember_journal_path(path: Path) -> None:
    app_settings().setValue("journal/last_path", str(path))


# -- preferences ----------------------------------------------------------------------


def auto_lock_minutes() -> int:
    """Minutes of inactivity before the journal locks itself; 0 means never."""
    return _bounded_int(
        "lock/auto_lock_minutes", DEFAULT_AUTO_LOCK_MINUTES, 0, MAX_AUTO_LOCK_MINUTES
    )


def set_auto_lock_minutes(minutes: int) -> None:
    app_settings().setValue("lock/auto_lock_minutes", int(minutes))


def theme() -> str:
    value = str(app_settings().value("appearance/theme", "system"))
    return value if value in THEMES else "system"


def set_theme(name: str) -> None:
    app_settings().setValue("appearance/theme", name if name in THEMES else "system")


VIEWS = ("table", "board")


def main_view() -> str:
    """How the applications were last shown: as a table, or as a board."""
    value = str(app_settings().value("appearance/view", "table"))
    return value if value in VIEWS else "table"


def set_main_view(name: str) -> None:
    app_settings().setValue("appearance/view", name if name in VIEWS else "table")


def date_format() -> str:
    """How the window writes dates (a `core.records.dates.DateFormat`)."""
    return str(app_settings().value("appearance/date_format", "day_month"))


def set_date_format(name: str) -> None:
    app_settings().setValue("appearance/date_format", name)


def letters_folder() -> Path:
    """The folder letters were last saved in, else the Documents folder."""
    value = str(app_settings().value("letters/folder", ""))
    return Path(value) if value else paths.documents_dir()


def set_letters_folder(folder: Path) -> None:
    app_settings().setValue("letters/folder", str(folder))


class BackupPrefs(NamedTuple):  # not a dataclass: this module loads before the first paint
    folder: Path | None  # None: the default folder beside the journal
    keep: int
    budget_mb: int = DEFAULT_BACKUP_BUDGET_MB  # the most all backups together may take


def backup_prefs(journal: Path) -> BackupPrefs:
    group = _journal_group(journal)
    folder = str(app_settings().value(f"{group}/backups_folder", ""))
    keep = _bounded_int(f"{group}/keep_backups", DEFAULT_KEEP_BACKUPS, 1, 1000)
    budget = _bounded_int(
        f"{group}/backup_budget_mb", DEFAULT_BACKUP_BUDGET_MB, 1, MAX_BACKUP_BUDGET_MB
    )
    return BackupPrefs(Path(folder) if folder else None, keep, budget)


def set_backup_prefs(journal: Path, prefs: BackupPrefs) -> None:
    settings = app_settings()
    group = _journal_group(journal)
    settings.setValue(f"{group}/backups_folder", str(prefs.folder) if prefs.folder else "")
    settings.setValue(f"{group}/keep_backups", prefs.keep)
    settings.setValue(f"{group}/backup_budget_mb", prefs.budget_mb)


def _journal_group(journal: Path) -> str:
    import hashlib  # only once a journal is open, not before the first paint

    # A digest of the path, not the path: INI keys mangle slashes and colons.
    digest = hashlib.sha256(str(journal.expanduser().absolute()).encode()).hexdigest()[:16]
    return f"journals/{digest}"


# -- window state ---------------------------------------------------------------------


def window_state(name: str) -> QByteArray | None:
    value = app_settings().value(f"window/{name}")
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def save_window_state(name: str, state: QByteArray) -> None:
    app_settings().setValue(f"window/{name}", state)


def _bounded_int(key: str, default: int, low: int, high: int) -> int:
    try:
        value = int(str(app_settings().value(key, default)))
    except ValueError:
        return default
    return value if low <= value <= high else default
