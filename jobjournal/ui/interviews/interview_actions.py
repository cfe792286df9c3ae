"""What the main window does with interviews: add one, write its reflection, edit its
details, export its prep sheet, and the journal-wide views (review, question bank,
calendar). Kept apart so the main window stays about applications."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from jobjournal.core.documents import calendar_file, docx_prep
from jobjournal.core.documents.exports import with_suffix
from jobjournal.core.errors import JournalError
from jobjournal.core.work import interviews as iv
from jobjournal.core.work import prep
from jobjournal.ui.applications.window_actions import WindowActions
from jobjournal.ui.interviews.interview_dialogs import MeetingDialog, ReflectionDialog
from jobjournal.ui.interviews.prep_print import print_sheet
from jobjournal.ui.interviews.review_windows import QuestionBankDialog, ReviewDialog
from jobjournal.ui.journal import settings
from jobjournal.ui.letters.letter_dialog import local_paper

if TYPE_CHECKING:
    pass


class InterviewActions(WindowActions):
    def add_interview(self) -> None:
        """A new interview on the selected application; once it has happened, the
        reflection opens next, while the memory is fresh."""
        window = self.window
        application_id = window.detail.application_id
        if application_id is None or not window.leave_details():
            return
        dialog = MeetingDialog(window, self.journal, application_id)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.interview_id is None:
            return
        window.refresh(select=application_id)
        if dialog.has_happened():
            self.open_reflection(dialog.interview_id)

    def run(self, action: str, interview_id: int) -> None:
        """A link on the Interviews tab (or a Due item) asked for this."""
        handlers = {
            "reflection": self.open_reflection,
            "details": self.edit_meeting,
            "prep": self.export_prep_sheet,
            "print": self.print_prep_sheet,
            "thank_you": self.write_thank_you,
        }
        handlers[action](interview_id)

    def open_reflection(self, interview_id: int) -> None:
        window = self.window
        if not window.leave_details():
            return
        try:
            dialog = ReflectionDialog(window, self.journal, interview_id)
        except JournalError as error:
            window.statusBar().showMessage(str(error), 8000)
            return
        self._show_application(dialog.application_id)
        dialog.thank_you_requested.connect(lambda: window.write_letter("thank_you"))
        dialog.exec()
        if not self.journal.is_locked:
            window.refresh(select=dialog.application_id)
            window.detail.show_hit("interview", interview_id)

    def edit_meeting(self, interview_id: int) -> None:
        window = self.window
        application_id = iv.load(self.journal, interview_id).application_id
        dialog = MeetingDialog(window, self.journal, application_id, interview_id)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            window.refresh(select=application_id)
            window.detail.show_hit("interview", interview_id)

    def write_thank_you(self, interview_id: int) -> None:
        self._show_application(iv.load(self.journal, interview_id).application_id)
        self.window.write_letter("thank_you")

    def export_prep_sheet(self, interview_id: int) -> None:

        window = self.window
        try:
            sheet = prep.prepare(self.journal, interview_id)
        except JournalError as error:
            window.statusBar().showMessage(str(error), 8000)
            return
        suggested = settings.letters_folder() / docx_prep.file_name(sheet, date.today())
        chosen, _ = QFileDialog.getSaveFileName(
            window, "Save the prep sheet", str(suggested), "Word document (*.docx)"
        )
        if not chosen:
            return
        paper = local_paper()
        self._save(
            lambda path: docx_prep.save(sheet, path, replace=True, paper=paper), chosen, ".docx"
        )

    def print_prep_sheet(self, interview_id: int) -> None:

        try:
            sheet = prep.prepare(self.journal, interview_id)
        except JournalError as error:
            self.window.statusBar().showMessage(str(error), 8000)
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self.window)
        dialog.setWindowTitle("Print the prep sheet")
        if dialog.exec() == QDialog.DialogCode.Accepted:
            print_sheet(sheet, printer)

    def export_calendar(self) -> None:

        suggested = settings.letters_folder() / "jobjournal interviews.ics"
        chosen, _ = QFileDialog.getSaveFileName(
            self.window,
            "Export interviews to a calendar file",
            str(suggested),
            "Calendar (*.ics)",
        )
        if not chosen:
            return
        self._save(
            lambda path: calendar_file.export(self.journal, path, replace=True), chosen, ".ics"
        )

    def _save(self, write: Callable[[Path], object], chosen: str, suffix: str) -> None:
        """Write where the save dialog said (it already asked about replacing)."""
        path = with_suffix(Path(chosen), suffix)
        try:
            write(path)
        except JournalError as error:
            QMessageBox.warning(self.window, "Not saved", str(error))
            return
        settings.set_letters_folder(path.parent)
        self.window.statusBar().showMessage(
            f"Saved “{path.name}” in {path.parent}. It is not encrypted: keep it private.", 10000
        )

    def open_review(self) -> None:

        dialog = ReviewDialog(self.window, self.journal)
        dialog.interview_opened.connect(self._open_from_view)
        dialog.exec()

    def open_question_bank(self) -> None:

        dialog = QuestionBankDialog(self.window, self.journal)
        dialog.interview_opened.connect(self._open_from_view)
        dialog.exec()

    def _open_from_view(self, interview_id: int) -> None:
        """From the review or the bank: show the interview where it lives."""
        application_id = iv.load(self.journal, interview_id).application_id
        self._show_application(application_id)
        self.window.detail.show_hit("interview", interview_id)

    def _show_application(self, application_id: int) -> None:
        if self.window.detail.application_id != application_id:
            self.window.show_all_if_hidden(application_id)
