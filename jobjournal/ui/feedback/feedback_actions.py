"""What the main window does after a rejection: note the feedback request (one undo step
with the status change), record the answer, and the two views of the whole search —
Lessons and Insights. Kept apart so the main window stays about applications."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog

from jobjournal.core.insight.insights import insights
from jobjournal.core.records import plain
from jobjournal.core.work import feedback
from jobjournal.ui.applications.window_actions import WindowActions
from jobjournal.ui.feedback.feedback_dialog import FeedbackDialog
from jobjournal.ui.feedback.insights_window import InsightsDialog
from jobjournal.ui.feedback.lessons_window import LessonsDialog
from jobjournal.ui.shared.work import run_with_progress


class FeedbackActions(WindowActions):
    def run(self, action: str, ref_id: int) -> None:
        """A link on the Feedback tab asked for this (`ref_id` is the request's id)."""
        handlers = {"edit_feedback": self.edit, "remind": self.write_reminder}
        handlers[action](ref_id)

    def mark_rejected(self, application_id: int, change: dict[str, Any], ask: bool) -> None:
        """The status dialog's "Rejected": the move and, when asked, the feedback request,
        done together and undone together."""
        when = {k: v for k, v in change.items() if k != "status"}
        self.window.runner.run(  # a refusal reaches the status dialog, which shows it
            "Mark rejected",
            lambda: feedback.reject(self.journal, application_id, ask_for_feedback=ask, **when),
            focus=application_id,
        )

    def record_feedback(self) -> None:
        application_id = self.window.detail.application_id
        if application_id is None or not self.window.leave_details():
            return
        self._run(FeedbackDialog(self.window, self.journal, application_id))

    def edit(self, request_id: int) -> None:
        request = self.journal.get(plain.FeedbackRequest, request_id)
        self._run(FeedbackDialog(self.window, self.journal, request.application_id, request_id))

    def write_reminder(self, request_id: int) -> None:
        """No answer yet: the feedback request letter again, to send as a reminder."""
        self._show(self.journal.get(plain.FeedbackRequest, request_id).application_id, request_id)
        self.window.write_letter("feedback_request")

    def _run(self, dialog: FeedbackDialog) -> None:
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.request_id is not None:
            self._show(dialog.application_id, dialog.request_id)
            self.window.statusBar().showMessage("Feedback saved.", 4000)

    def _show(self, application_id: int, request_id: int) -> None:
        if self.window.detail.application_id != application_id:
            self.window.show_all_if_hidden(application_id)
        else:
            self.window.refresh(select=application_id)
        self.window.detail.show_hit("feedback", request_id)

    def open_lessons(self) -> None:

        if not self.window.leave_details():
            return
        dialog = LessonsDialog(self.window, self.journal)
        dialog.exec()
        self.window.refresh(select=self.window.detail.application_id)  # boxes ticked there
        if dialog.chosen is not None:
            self.window.show_all_if_hidden(dialog.chosen[0])
            self.window.detail.show_hit(*dialog.chosen[1:])

    def open_insights(self) -> None:

        numbers = run_with_progress(
            self.window, "Counting the search", lambda: insights(self.journal)
        )
        InsightsDialog(self.window, numbers).exec()
