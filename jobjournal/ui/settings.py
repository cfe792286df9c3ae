"""Window state and preferences, kept in an INI file in the config folder.

Only the journal's path and how the app looks go here: never journal content.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from jobjournal.core import paths


def app_settings() -> QSettings:
    folder = paths.config_dir()
    paths.make_private_dir(folder)
    return QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)


def last_journal_path() -> Path:
    value = app_settings().value("journal/last_path", "")
    return Path(str(value)) if value else paths.default_journal_path()


def remember_journal_path(path: Path) -> None:
    app_settings().setValue("journal/last_path", str(path))
