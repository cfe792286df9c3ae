"""The automatic backup: after the window is up, on a thread of its own, never a gate.

The copy reads through its own connection (see `Vault.backup`), so the person can go
on editing while it runs; locking the journal stops it. A backup that fails is said
plainly — what, where, and a button to choose another folder — and the journal stays
open.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox

from jobjournal.core.errors import JournalError
from jobjournal.core.storage.vault import BackupCancelled

if TYPE_CHECKING:
    from jobjournal.core.storage.vault import Vault
    from jobjournal.ui.applications.main_window import MainWindow


class BackgroundBackup(QObject):
    """Runs `Vault.backup_if_due` once on a thread and reports to the window."""

    # A Path when a backup was made, None when none was due; or the error it met.
    finished = Signal(object, object)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.worker: threading.Thread | None = None
        # Emitted from the backup's thread; Qt queues it to the window's thread.
        self.finished.connect(self._report)

    def start(self) -> None:
        vault = self.window.journal.vault
        self.worker = threading.Thread(
            target=self._run, args=(vault,), name="jobjournal: daily backup", daemon=True
        )
        self.worker.start()

    def _run(self, vault: Vault) -> None:

        try:
            made = vault.backup_if_due()
        except BackupCancelled:
            return  # the journal was locked: nothing to say
        except JournalError as error:
            self.finished.emit(None, error)
            return
        self.finished.emit(made, None)

    def _report(self, made: Path | None, error: JournalError | None) -> None:
        if error is not None:
            show_backup_failure(self.window, str(error))
        elif made is not None:
            self.window.statusBar().showMessage(f"Today's backup is made: {made.name}", 8000)


def show_backup_failure(window: MainWindow, text: str) -> None:
    """Say it without stopping the person: a window-modal box, opened, not exec'd."""
    box = QMessageBox(QMessageBox.Icon.Warning, "Backup not made", text, parent=window)
    box.setAccessibleName("Backup not made")
    box.setWindowModality(Qt.WindowModality.WindowModal)
    change = box.addButton("Change backups &folder…", QMessageBox.ButtonRole.ActionRole)
    change.setAccessibleName("Change backups folder")
    box.addButton(QMessageBox.StandardButton.Ok)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    change.clicked.connect(window.open_settings)
    window.statusBar().showMessage("No backup was made today: see the message.", 15000)
    box.open()
