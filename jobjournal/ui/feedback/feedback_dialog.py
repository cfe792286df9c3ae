"""One feedback request: when and how I asked, what they said, what I learned, what I
will do about it (action items with boxes to tick), and when to try that company again."""

from __future__ import annotations

from datetime import date
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from jobjournal.core.errors import InvalidInput
from jobjournal.core.records import plain
from jobjournal.core.storage import models as m
from jobjournal.core.work import feedback
from jobjournal.ui.offers.offer_dialogs import EntryList
from jobjournal.ui.shared.basics import fit_on_screen, labelled_row, message_label
from jobjournal.ui.shared.dialogs import EnterAddsLines, dialog_buttons
from jobjournal.ui.shared.fields import DateField, choice_box, choose, text_edit

if TYPE_CHECKING:
    from jobjournal.core.records.journal import Journal

ACTION_HINTS = [
    "Rehearse system design answers",
    "Get the certification",
    "Prepare a two-minute story for each project",
    "Ask a friend for a mock interview",
    "Add a portfolio piece",
]


class FeedbackDialog(EnterAddsLines):
    def __init__(
        self,
        parent: QWidget,
        journal: Journal,
        application_id: int,
        request_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.journal = journal
        self.application_id = application_id
        self.request_id = request_id
        application = journal.get(plain.Application, application_id)
        self.setWindowTitle("Feedback")
        self.setAccessibleName("Feedback")
        people = {
            c.id: c.name for c in journal.all(plain.Contact, company_id=application.company_id)
        }
        self._build(application, people)
        stored = next(
            (r for r in journal.records_of(application_id).feedback if r.id == request_id), None
        )
        if stored is not None:
            self._load(stored)
        else:
            self.asked_on.set_date(date.today())
        self.apply_again.set_date(application.company.apply_again_after)
        self.action = self._save
        (self.feedback if stored is not None else self.asked_on.edit).setFocus()

    def _build(self, application: plain.Application, people: dict[int, str]) -> None:
        today = date.today()
        self.asked_on = DateField("Asked on", latest=today)
        self.channel = choice_box("Asked by", m.CHANNELS, optional=False)
        self.contact = choice_box("Asked whom", people)
        self.answered_on = DateField("Answered on", latest=today)
        self.feedback = text_edit(
            "What they said", "Their feedback, as close to their words as you can"
        )
        self.lessons = text_edit("Lessons", "What this tells you, in your words")
        for edit in (self.feedback, self.lessons):
            edit.setMaximumHeight(90)
        self.action_items = EntryList(
            "Action items",
            "One thing to do, then Enter; Space ticks it done",
            ACTION_HINTS,
            checkable=True,
        )
        self.action_items.items.setMaximumHeight(110)
        self.apply_again = DateField("Apply again after")
        self.message = message_label("Feedback message")
        heading = QLabel(
            f"<b>{escape(application.job_title)}</b> at {escape(application.company.name)}"
        )
        asked = QFormLayout()
        labelled_row(asked, "As&ked on:", self.asked_on, self.asked_on.edit)
        labelled_row(asked, "&By:", self.channel)
        labelled_row(asked, "&Whom:", self.contact)
        labelled_row(asked, "A&nswered on:", self.answered_on, self.answered_on.edit)
        said = QFormLayout()
        labelled_row(said, "What they &said:", self.feedback)
        labelled_row(said, "&Lessons:", self.lessons)
        labelled_row(said, "&Action items:", self.action_items, self.action_items.entry)
        labelled_row(
            said,
            f"A&pply to {application.company.name.replace('&', '&&')} again after:",
            self.apply_again,
            self.apply_again.edit,
        )
        answer_box = QGroupBox("Their answer and what I will do")
        answer_box.setLayout(said)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(asked)
        layout.addWidget(answer_box)
        layout.addWidget(self.message)
        layout.addWidget(dialog_buttons(self, "&Save feedback", "Save feedback"))
        fit_on_screen(self, 620, 640)

    def _load(self, stored: plain.FeedbackRequest) -> None:
        self.asked_on.set_date(stored.asked_on)
        choose(self.channel, stored.channel)
        choose(self.contact, stored.contact_id)
        self.answered_on.set_date(stored.answered_on)
        self.feedback.setPlainText(stored.feedback)
        self.lessons.setPlainText(stored.lessons)
        for action in stored.actions:
            self.action_items.add(action.text, checked=action.done)

    def written(self) -> feedback.Feedback:

        asked_on = self.asked_on.date()
        if asked_on is None:
            raise InvalidInput("Say when you asked for feedback (Asked on).")
        return feedback.Feedback(
            asked_on=asked_on,
            channel=self.channel.currentData(),
            contact_id=self.contact.currentData(),
            answered_on=self.answered_on.date(),
            feedback=self.feedback.toPlainText().strip(),
            lessons=self.lessons.toPlainText().strip(),
            actions=tuple(feedback.Action(t, d) for t, d in self.action_items.entries()),
            apply_again_after=self.apply_again.date(),
        )

    def _save(self) -> None:
        saved = feedback.save_feedback(
            self.journal, self.application_id, self.written(), self.request_id
        )
        self.request_id = saved.id
