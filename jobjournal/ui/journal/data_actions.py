"""Moving data in and out from the Journal menu: exports (each behind a warning that the
file is not encrypted), imports, backups and restoring one — the slow parts with a
progress dialog."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from jobjournal.core.documents import transfer
from jobjournal.core.documents.exports import with_suffix, write_file
from jobjournal.core.errors import InvalidInput, JournalError
from jobjournal.core.records import dates
from jobjournal.core.records.progress import Cancelled, Progress
from jobjournal.core.storage import vault
from jobjournal.ui.applications.window_actions import WindowActions
from jobjournal.ui.journal import settings
from jobjournal.ui.journal.import_dialog import ImportDialog, read_and_plan
from jobjournal.ui.shared.basics import labelled_row, message_label, password_field
from jobjournal.ui.shared.dialogs import ActionDialog, dialog_buttons
from jobjournal.ui.shared.work import run_with_progress

if TYPE_CHECKING:
    pass

NOT_ENCRYPTED = (
    "The exported file is not encrypted: anyone who can open your files can read it. "
    "Keep it somewhere private, and delete it when you no longer need it."
)


class DataActions(WindowActions):
    # -- exports --------------------------------------------------------------------------

    def export_json(self) -> None:

        self._export(
            "Export the whole journal",
            f"jobjournal export {date.today().isoformat()}.json",
            "JSON (*.json)",
            lambda: transfer.export_json(self.journal),
        )

    def export_csv(self) -> None:

        self._export(
            "Export applications as CSV",
            f"jobjournal applications {date.today().isoformat()}.csv",
            "CSV (*.csv)",
            lambda: transfer.export_csv(self.journal),
        )

    def export_contacts_csv(self) -> None:
        self._export(
            "Export contacts as CSV",
            f"jobjournal contacts {date.today().isoformat()}.csv",
            "CSV (*.csv)",
            lambda: transfer.export_contacts_csv(self.journal),
        )

    def _export(self, title: str, name: str, kind: str, make: Callable[[], bytes]) -> None:

        if not self.window.leave_details() or not self._accepts_plain_file(title):
            return
        chosen, _ = QFileDialog.getSaveFileName(
            self.window, title, str(settings.letters_folder() / name), kind
        )
        if not chosen:
            return
        path = with_suffix(Path(chosen), Path(name).suffix)
        try:
            data = run_with_progress(self.window, title, make)
            write_file(path, data, replace=True, what=f"“{path.name}”")  # the dialog asked
        except JournalError as error:
            self._warn("Not exported", str(error))
            return
        settings.set_letters_folder(path.parent)
        self.window.statusBar().showMessage(
            f"Exported to “{path.name}” in {path.parent}. It is not encrypted: keep it private.",
            10000,
        )

    def _accepts_plain_file(self, title: str) -> bool:
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(title)
        box.setAccessibleName("Not encrypted")
        box.setText("This export will not be encrypted.")
        box.setInformativeText(NOT_ENCRYPTED)
        go = box.addButton("&Export anyway", QMessageBox.ButtonRole.AcceptRole)
        go.setAccessibleName("Export anyway")
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is go

    # -- imports --------------------------------------------------------------------------

    def import_csv(self) -> None:

        if not self.window.leave_details():
            return
        chosen, _ = QFileDialog.getOpenFileName(
            self.window,
            "Import applications from CSV",
            str(settings.letters_folder()),
            "CSV (*.csv);;All files (*)",
        )
        if not chosen:
            return
        progress = Progress()
        try:
            sheet, plan = run_with_progress(
                self.window,
                "Reading the file",
                lambda: read_and_plan(Path(chosen), self.journal, progress),
                progress,
            )
        except Cancelled:
            self.window.statusBar().showMessage("Import stopped: nothing was imported.", 8000)
            return
        except JournalError as error:
            self._warn("Cannot import", str(error))
            return
        dialog = ImportDialog(self.window, self.journal, sheet, plan)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.report is None:
            return
        self._after_import("Import finished", dialog.report.text())

    def import_json(self) -> None:

        if not self.window.leave_details():
            return
        chosen, _ = QFileDialog.getOpenFileName(
            self.window,
            "Import a whole-journal export",
            str(settings.letters_folder()),
            "JSON (*.json)",
        )
        if not chosen:
            return
        try:
            counts = run_with_progress(
                self.window,
                "Importing",
                lambda: transfer.import_json(self.journal, transfer.read_export(Path(chosen))),
            )
        except JournalError as error:
            self._warn("Cannot import", str(error))
            return
        self._after_import(
            "Import finished",
            f"Imported {counts.get('applications', 0)} applications and everything recorded "
            "with them.",
        )

    def _after_import(self, title: str, report: str) -> None:
        self.window.undo_stack.clear()  # earlier steps may not fit the journal any more
        self.window.refresh_companies()
        self.window.show_all()
        box = QMessageBox(self.window)
        box.setWindowTitle(title)
        box.setAccessibleName("Import report")
        first, _, rest = report.partition("\n")
        box.setText(first)
        if rest:
            box.setDetailedText(rest)
            box.setInformativeText(rest if rest.count("\n") < 8 else "See the details.")
        box.exec()

    def _warn(self, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=self.window)
        box.setAccessibleName(title)
        box.exec()

    # -- backups --------------------------------------------------------------------------

    def back_up(self) -> None:
        try:
            made = run_with_progress(
                self.window, "Backing up the journal", self.journal.vault.backup
            )
        except JournalError as error:
            self._warn("Back up", str(error))
            return
        self.window.statusBar().showMessage(f"Backed up to {made}", 8000)

    def restore(self) -> None:

        if not self.window.leave_details():
            return
        backups = vault.list_backups(self.journal.path)
        if not backups:
            QMessageBox.information(
                self.window,
                "Restore a backup",
                "There is no backup of this journal yet. Make one with Journal → Back up now.",
            )
            return
        dialog = RestoreDialog(self.window, backups)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.backup is not None:
            self.window.restore_requested.emit(str(dialog.backup), dialog.passphrase.text())


class RestoreDialog(ActionDialog):
    """Pick a backup (newest first) and type the passphrase it was made with."""

    ask_before_discarding = False  # choices only: nothing typed to lose

    def __init__(self, parent: QWidget, backups: list[Path]) -> None:
        super().__init__(parent)
        self.backup: Path | None = None
        self.setWindowTitle("Restore a backup")
        self.setAccessibleName("Restore a backup")
        self.backups = QListWidget()
        self.backups.setAccessibleName("Backups")
        for path in backups:
            item = QListWidgetItem(_describe(path))
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            self.backups.addItem(item)
        self.backups.setCurrentRow(0)
        self.passphrase = password_field("Passphrase of the backup")
        self.message = message_label("Restore message")
        explain = QLabel(
            "The journal is locked, the backup takes its place, and it opens again. The "
            "journal as it is now is kept beside it, so nothing is lost."
        )
        explain.setWordWrap(True)
        form = QFormLayout()
        labelled_row(form, "&Backup:", self.backups)
        labelled_row(form, "&Passphrase:", self.passphrase)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(dialog_buttons(self, "&Restore", "Restore"))
        self.action = self._check
        self.passphrase.setFocus()
        self.resize(560, 420)

    def _check(self) -> None:

        item = self.backups.currentItem()
        if item is None:
            raise InvalidInput("Choose a backup.")
        chosen = Path(item.data(Qt.ItemDataRole.UserRole))
        run_with_progress(
            self,
            "Checking the passphrase",
            lambda: vault.check_backup(chosen, self.passphrase.text()),
        )
        self.backup = chosen


def _describe(path: Path) -> str:

    stat = path.stat()
    when = dates.moment_text(datetime.fromtimestamp(stat.st_mtime))
    return f"{when}   ({stat.st_size / 1_000_000:.1f} MB)   {path.name}"
