"""Writing an interview down: its details (round, time, people met) and the reflection,
made for typing quickly the same day and saved as the person types."""

from __future__ import annotations

from datetime import datetime, timedelta
from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from jobjournal.core.errors import JournalError
from jobjournal.core.records import dates, plain
from jobjournal.core.records.folding import fold
from jobjournal.core.storage import models as m
from jobjournal.core.work import interviews as iv
from jobjournal.ui.shared.basics import (
    fit_on_screen,
    labelled_row,
    message_label,
    scrolling,
    show_message,
)
from jobjournal.ui.shared.dialogs import ActionDialog, dialog_buttons
from jobjournal.ui.shared.fields import (
    ENGLISH,
    ChoiceBox,
    DateField,
    DateTimeEdit,
    choice_box,
    choose,
    line_edit,
    text_edit,
)

if TYPE_CHECKING:
    from jobjournal.core.records.journal import Journal

AUTOSAVE_MS = 600  # after the last key press: often enough that a crash loses a phrase
RATINGS = {n: f"{n} — {'★' * n}{'☆' * (5 - n)}" for n in range(1, 6)}


class MeetingDialog(ActionDialog):
    """A new interview, or the details of one: round, time, format, place, people met."""

    def __init__(
        self,
        parent: QWidget,
        journal: Journal,
        application_id: int,
        interview_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.journal = journal
        self.application_id = application_id
        self.interview_id = interview_id
        title = "New interview" if interview_id is None else "Interview details"
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self._build()
        self._fill_people(iv.contacts_at(journal, application_id))
        if interview_id is not None:
            self._load(iv.meeting_of(iv.load(journal, interview_id)))
        self.action = self._save

    def _build(self) -> None:
        self.round = choice_box("Round", m.INTERVIEW_ROUNDS, optional=False)
        self.when = DateTimeEdit()
        self.when.setAccessibleName("When")
        self.when.setCalendarPopup(True)
        self.when.setLocale(ENGLISH)
        self.when.setDisplayFormat(f"{dates.edit_format()}  HH:mm")
        self.when.setDateTime(_next_round_hour())
        self.duration = QSpinBox()
        self.duration.setAccessibleName("Duration in minutes")
        self.duration.setRange(0, 24 * 60)
        self.duration.setSingleStep(15)
        self.duration.setSpecialValueText("—")
        self.duration.setSuffix(" min")
        self.format = choice_box("Format", m.INTERVIEW_FORMATS)
        self.place = line_edit("Place or link", "Address, or the video call's link")
        self.people = QListWidget()
        self.people.setAccessibleName("People met")
        self.people.setMaximumHeight(130)
        self.new_name = line_edit("New person's name", "Someone not in the list yet")
        self.new_title = line_edit("New person's role", "Their role (optional)")
        add_person = QPushButton("Add &person")
        add_person.setAccessibleName("Add person")
        add_person.setAutoDefault(False)
        add_person.clicked.connect(self.add_person)
        self.new_title.returnPressed.connect(self.add_person)
        self.new_name.returnPressed.connect(self.add_person)
        new_row = QHBoxLayout()
        new_row.addWidget(self.new_name, 2)
        new_row.addWidget(self.new_title, 2)
        new_row.addWidget(add_person)
        form = QFormLayout()
        labelled_row(form, "&Round:", self.round)
        labelled_row(form, "&When:", self.when)
        labelled_row(form, "&Duration:", self.duration)
        labelled_row(form, "&Format:", self.format)
        labelled_row(form, "Pla&ce:", self.place)
        labelled_row(form, "P&eople met:", self.people)
        labelled_row(form, "&New person:", new_row, self.new_name)
        self.message = message_label("Interview message")
        ok_text = "&Add interview" if self.interview_id is None else "&Save"
        buttons = dialog_buttons(self, ok_text, "Save interview")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(620, 480)

    def _fill_people(self, contacts: list[plain.Contact]) -> None:
        for contact in contacts:
            self._person_item(iv.Person(contact.id, contact.name, contact.title), checked=False)

    def _person_item(self, person: iv.Person, *, checked: bool) -> QListWidgetItem:
        label = person.name + (f" — {person.title}" if person.title else "")
        item = QListWidgetItem(label, self.people)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        item.setData(Qt.ItemDataRole.UserRole, person)
        return item

    def add_person(self) -> None:
        """The name typed becomes someone met (a contact at the company once saved)."""
        name = " ".join(self.new_name.text().split())
        if not name:
            show_message(self.message, "Type the person's name first.")
            self.new_name.setFocus()
            return
        show_message(self.message, "")
        for row in range(self.people.count()):
            item = self.people.item(row)
            if fold(item.data(Qt.ItemDataRole.UserRole).name) == fold(name):
                item.setCheckState(Qt.CheckState.Checked)  # already known: tick them
                break
        else:
            person = iv.Person(name=name, title=self.new_title.text().strip())
            self._person_item(person, checked=True)
        self.new_name.clear()
        self.new_title.clear()
        self.new_name.setFocus()

    def _load(self, meeting: iv.Meeting) -> None:
        choose(self.round, meeting.round)
        if meeting.starts_at is not None:
            self.when.setDateTime(_qdatetime(meeting.starts_at))
        self.duration.setValue(meeting.duration_minutes or 0)
        choose(self.format, meeting.format)
        self.place.setText(meeting.place)
        met = {p.contact_id for p in meeting.people}
        for row in range(self.people.count()):
            item = self.people.item(row)
            if item.data(Qt.ItemDataRole.UserRole).contact_id in met:
                item.setCheckState(Qt.CheckState.Checked)

    def meeting(self) -> iv.Meeting:
        people = tuple(
            self.people.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.people.count())
            if self.people.item(row).checkState() == Qt.CheckState.Checked
        )
        return iv.Meeting(
            round=self.round.currentData(),
            starts_at=self._when().replace(second=0, microsecond=0),
            duration_minutes=self.duration.value() or None,
            format=self.format.currentData(),
            place=self.place.text(),
            people=people,
        )

    def _save(self) -> None:
        if self.new_name.text().strip():
            self.add_person()  # typed but not added: the person surely meant them
        if self.interview_id is None:
            added = iv.add_interview(self.journal, self.application_id, self.meeting())
            self.interview_id = added.id
        else:
            iv.update_meeting(self.journal, self.interview_id, self.meeting())

    def has_happened(self) -> bool:
        return self._when() <= datetime.now()

    def _when(self) -> datetime:
        chosen = self.when.dateTime()
        day, time = chosen.date(), chosen.time()
        return datetime(day.year(), day.month(), day.day(), time.hour(), time.minute())


class QuestionList(QListWidget):
    """Questions in the order they were asked: drag them, or Alt+Up / Alt+Down."""

    reordered = Signal()

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setAccessibleName(name)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.model().rowsMoved.connect(lambda *_: self.reordered.emit())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        alt = event.modifiers() & Qt.KeyboardModifier.AltModifier
        step = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}.get(Qt.Key(event.key()))
        if alt and step is not None:
            self.move_current(step)
            return
        super().keyPressEvent(event)

    def move_current(self, step: int) -> None:
        row = self.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.count():
            return
        item = self.takeItem(row)
        self.insertItem(target, item)
        self.setCurrentRow(target)
        self.reordered.emit()


class ReflectionDialog(QDialog):
    """The reflection form. Every change is saved a moment after the last key press, and
    again when the dialog closes (also when the journal locks)."""

    thank_you_requested = Signal()

    def __init__(self, parent: QWidget, journal: Journal, interview_id: int) -> None:
        super().__init__(parent)
        self.journal = journal
        self.interview_id = interview_id
        interview = iv.load(journal, interview_id)
        self.application_id = interview.application_id
        self._filling = False
        self._shown: QListWidgetItem | None = None
        self.setWindowTitle("Interview reflection")
        self.setAccessibleName("Interview reflection")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.save)
        self._build(_heading(journal, interview))
        self._load(iv.reflection_of(interview))
        fit_on_screen(self, 1100, 780)
        self.new_question.setFocus()

    # -- building ---------------------------------------------------------------------

    def _build(self, heading: str) -> None:
        title = QLabel(f"<h3>{heading}</h3>")
        grid = QGridLayout()
        grid.addWidget(self._build_asked_me(), 0, 0, 2, 1)
        grid.addWidget(self._build_i_asked(), 0, 1)
        grid.addWidget(self._build_overall(), 1, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        self.message = message_label("Reflection message")
        self.saved_note = QLabel("")
        self.saved_note.setAccessibleName("Save state")
        self.saved_note.setEnabled(False)
        close = QPushButton("Close")
        close.setAccessibleName("Close")
        close.setAutoDefault(False)
        close.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addWidget(self.saved_note, 1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(scrolling(grid, grow=grid), 1)
        layout.addWidget(self.message)
        layout.addLayout(bottom)

    def _build_asked_me(self) -> QGroupBox:
        self.new_question = line_edit(
            "New question they asked", "Type a question they asked, then Enter"
        )
        self.new_question.returnPressed.connect(self.add_question)
        self.questions = QuestionList("Questions they asked")
        self.questions.currentItemChanged.connect(self._show_question)
        self.questions.reordered.connect(self._changed)
        self.question = line_edit("Question")
        self.my_answer = text_edit("My answer", "What I answered")
        self.next_time = text_edit("Next time", "What I would answer next time")
        self.rating = choice_box("How my answer went", RATINGS)
        remove = QPushButton("Remo&ve question")
        remove.setAccessibleName("Remove question")
        remove.setAutoDefault(False)
        remove.clicked.connect(self.remove_question)
        self.question.textEdited.connect(self._question_edited)
        for field in (self.my_answer, self.next_time):
            field.textChanged.connect(self._question_edited)
        self.rating.currentIndexChanged.connect(self._question_edited)
        form = QFormLayout()
        labelled_row(form, "&Question:", self.question)
        labelled_row(form, "My &answer:", self.my_answer)
        labelled_row(form, "Ne&xt time:", self.next_time)
        labelled_row(form, "It went:", self.rating)
        form.addRow("", remove)
        self._editor = QWidget()
        self._editor.setLayout(form)
        box = QGroupBox("Questions they asked me")
        layout = QVBoxLayout(box)
        layout.addLayout(_labelled("&New question:", self.new_question))
        layout.addWidget(self.questions, 1)
        layout.addWidget(self._editor, 2)
        return box

    def _build_i_asked(self) -> QGroupBox:
        self.to_ask = ChoiceBox()
        self.to_ask.setEditable(True)
        self.to_ask.setAccessibleName("Question I asked")
        self.to_ask.addItems(["", *iv.QUESTIONS_TO_ASK])
        self.to_ask.setCurrentIndex(0)
        typed = self.to_ask.lineEdit()
        assert typed is not None  # an editable combo box has its line edit
        typed.setPlaceholderText("Type or pick a question I asked, then Enter")
        typed.returnPressed.connect(self.add_my_question)
        self.my_questions = QuestionList("Questions I asked")
        self.my_questions.reordered.connect(self._changed)
        self.my_questions.setMaximumHeight(140)
        box = QGroupBox("Questions I asked them")
        layout = QVBoxLayout(box)
        layout.addLayout(_labelled("Ask&ed:", self.to_ask))
        layout.addWidget(self.my_questions)
        return box

    def _build_overall(self) -> QGroupBox:
        self.overall = choice_box("Overall feeling", RATINGS)
        self.went_well = text_edit("What went well")
        self.to_improve = text_edit("What to improve")
        self.promised = text_edit("Promised to send", "Anything I said I would send")
        self.notes = text_edit("Reflection", "Anything else worth remembering")
        self.thank_you_on = DateField("Thank-you sent on")
        self.decision_on = DateField("Decision expected on")
        thank_you = QPushButton("Write the &thank-you letter…")
        thank_you.setAccessibleName("Write the thank-you letter")
        thank_you.setAutoDefault(False)
        thank_you.clicked.connect(self._thank_you)
        for field in (self.went_well, self.to_improve, self.promised, self.notes):
            field.textChanged.connect(self._changed)
            field.setMaximumHeight(field.fontMetrics().lineSpacing() * 4 + 12)
        self.overall.currentIndexChanged.connect(self._changed)
        self.thank_you_on.changed.connect(self._changed)
        self.decision_on.changed.connect(self._changed)
        form = QFormLayout()
        labelled_row(form, "&Overall:", self.overall)
        labelled_row(form, "Went &well:", self.went_well)
        labelled_row(form, "To &improve:", self.to_improve)
        labelled_row(form, "&Promised:", self.promised)
        labelled_row(form, "&Reflection:", self.notes)
        labelled_row(form, "Than&k-you sent:", self.thank_you_on, self.thank_you_on.edit)
        form.addRow("", thank_you)
        labelled_row(form, "&Decision by:", self.decision_on, self.decision_on.edit)
        box = QGroupBox("How it went")
        box.setLayout(form)
        return box

    # -- questions --------------------------------------------------------------------

    def add_question(self) -> None:
        """The question typed joins the list; the cursor moves on to my answer."""
        text = " ".join(self.new_question.text().split())
        if not text:
            return
        item = self._question_item(iv.Question(text))
        self.new_question.clear()
        self.questions.setCurrentItem(item)
        self.my_answer.setFocus()
        self._changed()

    def add_my_question(self) -> None:
        text = " ".join(self.to_ask.currentText().split())
        if not text:
            return
        item = QListWidgetItem(text, self.my_questions)
        item.setData(Qt.ItemDataRole.UserRole, iv.Question(text, direction="i_asked"))
        self.to_ask.setCurrentIndex(0)
        self.to_ask.setEditText("")
        self._changed()

    def remove_question(self) -> None:
        row = self.questions.currentRow()
        if row < 0:
            return
        self._shown = None
        self.questions.takeItem(row)
        self._show_question(self.questions.currentItem(), None)
        self._changed()

    def _question_item(self, question: iv.Question) -> QListWidgetItem:
        item = QListWidgetItem(question.question, self.questions)
        item.setData(Qt.ItemDataRole.UserRole, question)
        return item

    def _show_question(self, current: QListWidgetItem | None, _previous: object) -> None:
        self._shown = current
        question = current.data(Qt.ItemDataRole.UserRole) if current else iv.Question("")
        self._filling = True
        self.question.setText(question.question)
        self.my_answer.setPlainText(question.my_answer)
        self.next_time.setPlainText(question.next_time)
        choose(self.rating, question.rating)
        self._filling = False
        self._editor.setEnabled(current is not None)

    def _question_edited(self) -> None:
        if self._filling or self._shown is None:
            return
        edited = iv.Question(
            self.question.text(),
            "asked_me",
            self.my_answer.toPlainText(),
            self.next_time.toPlainText(),
            self.rating.currentData(),
        )
        self._shown.setData(Qt.ItemDataRole.UserRole, edited)
        self._shown.setText(edited.question)
        self._changed()

    # -- saving -----------------------------------------------------------------------

    def _load(self, written: iv.Reflection) -> None:
        self._filling = True
        for question in written.questions:
            if question.direction == "i_asked":
                item = QListWidgetItem(question.question, self.my_questions)
                item.setData(Qt.ItemDataRole.UserRole, question)
            else:
                self._question_item(question)
        choose(self.overall, written.overall_rating)
        self.went_well.setPlainText(written.went_well)
        self.to_improve.setPlainText(written.to_improve)
        self.promised.setPlainText(written.promised_to_send)
        self.notes.setPlainText(written.reflection)
        self.thank_you_on.set_date(written.thank_you_sent_on)
        self.decision_on.set_date(written.expected_decision_on)
        self._filling = False
        self._show_question(self.questions.item(0), None)
        self.questions.setCurrentRow(0 if self.questions.count() else -1)

    def reflection(self) -> iv.Reflection:
        """What the form holds now."""
        asked = [
            self.questions.item(r).data(Qt.ItemDataRole.UserRole)
            for r in range(self.questions.count())
        ]
        mine = [
            self.my_questions.item(r).data(Qt.ItemDataRole.UserRole)
            for r in range(self.my_questions.count())
        ]
        return iv.Reflection(
            overall_rating=self.overall.currentData(),
            reflection=self.notes.toPlainText(),
            went_well=self.went_well.toPlainText(),
            to_improve=self.to_improve.toPlainText(),
            promised_to_send=self.promised.toPlainText(),
            thank_you_sent_on=self.thank_you_on.date(),
            expected_decision_on=self.decision_on.date(),
            questions=(*asked, *mine),
        )

    def _changed(self, *_args: Any) -> None:
        if self._filling:
            return
        self.saved_note.setText("Editing…")
        self._timer.start()

    def save(self) -> bool:
        """Store the form now; a refusal is shown and the form keeps every word."""
        self._timer.stop()
        try:
            iv.save_reflection(self.journal, self.interview_id, self.reflection())
        except JournalError as error:
            show_message(self.message, str(error))
            self.saved_note.setText("Not saved")
            return False
        show_message(self.message, "")
        self.saved_note.setText(f"Saved at {datetime.now():%H:%M:%S}")
        return True

    def done(self, result: int) -> None:
        """Closing (Close, Esc, the window's ×, a lock) keeps what was written."""
        unsaved = self._timer.isActive() or self.saved_note.text() in ("Editing…", "Not saved")
        if unsaved and not self.save() and result == QDialog.DialogCode.Accepted:
            return  # a refused save: stay open, with the message, so nothing is lost
        super().done(result)

    def _thank_you(self) -> None:
        self.save()
        self.thank_you_requested.emit()


def _labelled(text: str, field: QWidget) -> QFormLayout:
    form = QFormLayout()
    labelled_row(form, text, field)
    return form


def _heading(journal: Journal, interview: plain.Interview) -> str:

    application = journal.get(plain.Application, interview.application_id)
    round_name = m.INTERVIEW_ROUNDS.get(interview.round, interview.round)
    when = dates.moment_text(interview.starts_at) or "date not set"
    return escape(f"{application.company.name} — {round_name}, {when}")


def _next_round_hour() -> QDateTime:
    return _qdatetime(
        datetime.now().replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
    )


def _qdatetime(moment: datetime) -> QDateTime:
    day = QDate(moment.year, moment.month, moment.day)
    return QDateTime(day, QTime(moment.hour, moment.minute))
