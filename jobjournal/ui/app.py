"""Start-up and the unlock ⇄ main window cycle."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from jobjournal.ui.unlock_dialog import UnlockDialog

if TYPE_CHECKING:
    from jobjournal.core.journal import Journal
    from jobjournal.ui.main_window import MainWindow

APP_ID = "io.github.jobjournal"


class AppController:
    """Owns the one open journal; shows the unlock dialog whenever there is none."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.window: MainWindow | None = None
        self.dialog = UnlockDialog(path, first_run=not path.exists())
        self.dialog.unlocked.connect(self._show_main)

    def start(self) -> None:
        self.dialog.show()
        if self.path.exists():
            # After the first paint: the keychain and the vault load only now.
            QTimer.singleShot(0, self._try_remembered_key)

    def _try_remembered_key(self) -> None:
        from jobjournal.core import vault
        from jobjournal.core.errors import JournalError, PassphraseRequired

        try:
            journal = vault.unlock(self.path)
        except PassphraseRequired:
            return  # the dialog is already asking for it
        except JournalError as error:
            self.dialog.show_unlock(self.path, str(error))
            return
        self.dialog.hide()
        self._show_main(journal)

    def _show_main(self, journal: Journal) -> None:
        from jobjournal.ui.main_window import MainWindow

        self.path = journal.path
        self.window = MainWindow(journal)
        self.window.lock_requested.connect(self.lock)
        self.window.show()
        self.window.raise_()
        self.window.activateWindow()

    def lock(self) -> None:
        """Close the journal, drop every widget that showed its content, ask again."""
        if self.window is None:
            return
        self.window.journal.lock()
        self.window.close()
        self.window.deleteLater()
        self.window = None
        self.dialog.show_unlock(self.path)
        self.dialog.show()
