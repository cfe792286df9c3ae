"""The window a person works in once the journal is unlocked."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from jobjournal.core.journal import Journal


class MainWindow(QMainWindow):
    lock_requested = Signal()

    def __init__(self, journal: Journal) -> None:
        super().__init__()
        self.journal = journal
        self.setWindowTitle(f"{journal.path.name} — jobjournal")  # the file name, nothing more
        self.setAccessibleName("jobjournal main window")
        self._summary = QLabel()
        self._summary.setAccessibleName("Journal summary")
        self._summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self._summary.setWordWrap(True)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self._summary)
        self.setCentralWidget(central)
        self._build_menus()
        self._refresh_summary()
        if journal.vault.keychain_note:
            self.statusBar().showMessage(journal.vault.keychain_note)
        self.resize(900, 600)

    def _build_menus(self) -> None:
        journal_menu = self.menuBar().addMenu("&Journal")
        self.lock_action = _action(self, "&Lock", "Ctrl+L", self.lock_requested.emit)
        self.verify_action = _action(self, "&Verify journal", "", self.verify)
        self.backup_action = _action(self, "&Back up now", "Ctrl+Shift+B", self.back_up)
        self.passphrase_action = _action(self, "Change &passphrase…", "", self.change_passphrase)
        self.remember_action = _action(self, "&Remember on this computer", "", self.toggle_remember)
        self.remember_action.setCheckable(True)
        self.remember_action.setChecked(self.journal.vault.is_remembered())
        self.quit_action = _action(self, "&Quit", "Ctrl+Q", QGuiApplication.quit)
        for action in (self.lock_action, self.verify_action, self.backup_action):
            journal_menu.addAction(action)
        journal_menu.addSeparator()
        journal_menu.addAction(self.passphrase_action)
        journal_menu.addAction(self.remember_action)
        journal_menu.addSeparator()
        journal_menu.addAction(self.quit_action)

    def _refresh_summary(self) -> None:
        from jobjournal.core.vault import list_backups

        backups = list_backups(self.journal.path)
        newest = backups[0].name if backups else "none yet"
        self._summary.setText(
            f"<p><b>Journal:</b> {self.journal.path}</p>"
            f"<p><b>Backups:</b> {len(backups)} (newest: {newest})<br>"
            f"in {self.journal.vault.backups_dir}</p>"
        )

    # -- actions -----------------------------------------------------------------------

    def verify(self) -> None:
        report = self.journal.vault.verify()
        if report.ok:
            QMessageBox.information(self, "Verify journal", "The journal checks out: no problems.")
            return
        QMessageBox.warning(
            self,
            "Verify journal",
            "Problems were found:\n\n"
            + "\n".join(report.problems[:10])
            + "\n\nLock the journal and restore a backup from the unlock window.",
        )

    def back_up(self) -> None:
        from jobjournal.core.errors import JournalError

        try:
            made = self.journal.vault.backup()
        except JournalError as error:
            QMessageBox.warning(self, "Back up", str(error))
            return
        self.statusBar().showMessage(f"Backed up to {made.name}", 5000)
        self._refresh_summary()

    def toggle_remember(self, on: bool) -> None:
        status = self.journal.vault.remember(on)
        if on and not status.usable:
            self.remember_action.setChecked(False)
            QMessageBox.information(self, "Remember on this computer", status.reason)

    def change_passphrase(self) -> None:
        from jobjournal.core.errors import JournalError

        dialog = ChangePassphraseDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.journal.vault.change_passphrase(dialog.current.text(), dialog.new.text())
        except JournalError as error:
            QMessageBox.warning(self, "Change passphrase", str(error))
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.statusBar().showMessage(
            "Passphrase changed. Older backups still open with the old passphrase.", 10000
        )
        self._refresh_summary()


class ChangePassphraseDialog(QDialog):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle("Change passphrase")
        self.current = _secret("Current passphrase")
        self.new = _secret("New passphrase")
        self.repeat = _secret("Repeat new passphrase")
        self.problem = QLabel()
        self.problem.setAccessibleName("Change passphrase message")
        form = QFormLayout()
        form.addRow("&Current:", self.current)
        form.addRow("&New:", self.new)
        form.addRow("&Repeat:", self.repeat)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept_if_matching)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def _accept_if_matching(self) -> None:
        if not self.new.text():
            self.problem.setText("Type a new passphrase.")
        elif self.new.text() != self.repeat.text():
            self.problem.setText("The new passphrase and its repeat are not the same.")
        else:
            self.accept()


def _secret(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(name)
    return field


def _action(window: QMainWindow, text: str, shortcut: str, slot: object) -> QAction:
    action = QAction(text, window)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(slot)
    window.addAction(action)
    return action
