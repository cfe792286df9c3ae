"""An introduction, from the ask to the thank-you (Network → Ask for an introduction,
Ctrl+Shift+J; from a contact or a target organisation): whom I ask, to meet whom, when and
how; then, as it goes, "introduced" or "could not"; and the letter each step needs — the
ask with a note the connector can forward, my follow-up once introduced, the thank-you —
drafted from the journal, checked as a reader would, copied as email text or saved as a
Word file, and kept in the journal with the step it does."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jobjournal.core.documents import introduction_letters as il
from jobjournal.core.documents import letters
from jobjournal.core.documents.docx_letter import file_name
from jobjournal.core.errors import JournalError
from jobjournal.core.records import dates, forms, plain
from jobjournal.core.work import network
from jobjournal.ui.journal import settings
from jobjournal.ui.letters import letter_files
from jobjournal.ui.shared.basics import (
    close_buttons,
    fit_on_screen,
    labelled_row,
    message_label,
    scrolling,
    show_message,
)
from jobjournal.ui.shared.dialogs import (
    discard_confirmed,
    enter_in_a_line,
    enter_presses_only_the_default,
    typed_value,
)
from jobjournal.ui.shared.field_set import FieldSet
from jobjournal.ui.shared.fields import choice_box, choose, line_edit, text_edit
from jobjournal.ui.shared.private_clipboard import copy_private

if TYPE_CHECKING:
    from jobjournal.core.records.journal import Journal
    from jobjournal.ui.shared.runner import Runner


class IntroductionDialog(QDialog):
    def __init__(
        self,
        parent: QWidget,
        journal: Journal,
        runner: Runner,
        *,
        introduction_id: int | None = None,
        connector_id: int | None = None,
        target_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.journal = journal
        self.runner = runner
        self.introduction_id = introduction_id
        self.letter_id: int | None = None  # the letter shown, once kept
        self.draft: letters.Draft | None = None
        self.facts: il.IntroFacts | None = None
        self._unkept = False
        self._ask_as_loaded: list[object] = []
        self.setWindowTitle("Introduction")
        self.setAccessibleName("Introduction")
        self.fields = FieldSet(forms.INTRODUCTION, long_height=60)
        self.message = message_label("Introduction message")
        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(400)
        self._check_timer.timeout.connect(self._recheck)
        self._build()
        self._fill_choices(connector_id, target_id)
        # A new ask from a contact or a target starts at what is still to choose.
        self._first = (
            self.fields.widgets["to_name"]
            if connector_id is not None and target_id is not None
            else self.target
            if connector_id is not None
            else self.connector
        )
        fit_on_screen(self, 980, 720)
        enter_presses_only_the_default(self)
        self._load()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.introduction_id is None:
            self._first.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in a one-line field must not press a button: it would send or save."""
        if not enter_in_a_line(self, event):
            super().keyPressEvent(event)

    # -- building -----------------------------------------------------------------------

    def _build(self) -> None:
        columns = QHBoxLayout()
        columns.addWidget(self._ask_side(), 2)
        columns.addWidget(self._letter_side(), 3)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.message)
        layout.addWidget(close_buttons(self))

    def _ask_side(self) -> QWidget:
        self.connector = choice_box("Who introduces me", {}, optional=False)
        self.target = choice_box("At which organisation", {}, optional=False)
        form = QFormLayout()
        labelled_row(form, "&Who introduces me:", self.connector)
        labelled_row(form, "At which or&ganisation:", self.target)
        self.fields.add_rows(form)
        self.fields.widgets["asked_on"].set_date(date.today())
        self.save_button = QPushButton("&Save the ask")
        self.save_button.setAccessibleName("Save the ask")
        self.save_button.clicked.connect(self.save_ask)
        self.state = QLabel()
        self.state.setAccessibleName("Where the introduction stands")
        self.state.setWordWrap(True)
        self.made_button = QPushButton("Mark intro&duced")
        self.made_button.setAccessibleName("Mark introduced")
        self.made_button.clicked.connect(self.mark_made)
        self.declined_button = QPushButton("Could &not introduce")
        self.declined_button.setAccessibleName("Could not introduce")
        self.declined_button.clicked.connect(self.mark_declined)
        steps = QHBoxLayout()
        steps.addWidget(self.made_button)
        steps.addWidget(self.declined_button)
        box = QGroupBox("The ask")
        layout = QVBoxLayout(box)
        layout.addWidget(scrolling(form), 1)
        layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.state)
        layout.addLayout(steps)
        return box

    def _letter_side(self) -> QWidget:
        self.kind = choice_box("Letter", il.KINDS, optional=False)
        self.kind.currentIndexChanged.connect(lambda _i: self.redraft())
        self.recipient = text_edit("Recipient", "Name, role and organisation, one per line")
        self.recipient.setMaximumHeight(self.recipient.fontMetrics().lineSpacing() * 4 + 12)
        self.subject = line_edit("Subject")
        self.text = text_edit("Letter text")
        self.text.setMinimumHeight(220)
        for field in (self.recipient, self.text):
            field.textChanged.connect(self._edited)
        self.subject.textEdited.connect(self._edited)
        self.reader_check = QLabel()
        self.reader_check.setAccessibleName("Before you send it")
        self.reader_check.setWordWrap(True)
        self.reader_check.hide()
        self.folder = line_edit("Save in folder")
        self.folder.setText(str(settings.letters_folder()))
        form = QFormLayout()
        labelled_row(form, "&Letter:", self.kind)
        labelled_row(form, "T&o:", self.recipient)
        labelled_row(form, "S&ubject:", self.subject)
        labelled_row(form, "Letter &body:", self.text)
        labelled_row(form, "&Folder:", self.folder)
        redraft = QPushButton("R&edraft")
        redraft.setAccessibleName("Redraft")
        redraft.clicked.connect(self.redraft)
        self.copy_button = QPushButton("&Copy as email text")
        self.copy_button.setAccessibleName("Copy as email text")
        self.copy_button.clicked.connect(self.copy_as_email)
        self.export_button = QPushButton("E&xport .docx")
        self.export_button.setAccessibleName("Export letter")
        self.export_button.clicked.connect(self.export)
        self.outcome = QLabel()
        self.outcome.setAccessibleName("Letter saved")
        self.outcome.setWordWrap(True)
        self.outcome.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(redraft)
        buttons.addStretch(1)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.export_button)
        box = QGroupBox("The letters")
        layout = QVBoxLayout(box)
        layout.addLayout(form, 1)
        layout.addWidget(self.reader_check)
        layout.addWidget(self.outcome)
        layout.addLayout(buttons)
        self.letter_box = box
        return box

    def _fill_choices(self, connector_id: int | None, target_id: int | None) -> None:
        for row in network.contact_rows(self.journal, order="name"):
            at = f" ({row.organisation})" if row.organisation else ""
            self.connector.addItem(f"{row.name}{at}", row.id)
        for target in network.target_rows(self.journal):
            self.target.addItem(target.organisation, target.id)
        choose(self.connector, connector_id)
        choose(self.target, target_id)

    # -- reading ------------------------------------------------------------------------

    def _load(self) -> None:
        if self.introduction_id is None:
            missing = (
                "Add the person who can introduce you in Contacts first."
                if not self.connector.count()
                else "Add the organisation as a target first (Network → Target organisations)."
                if not self.target.count()
                else ""
            )
            show_message(self.message, missing)
            self.save_button.setEnabled(not missing)
            self._show_state(None)
            return
        view = network.introduction_view(self.journal, self.introduction_id)
        intro = view.introduction
        choose(self.connector, intro.connector_id)
        choose(self.target, intro.target_id)
        self.fields.load(intro)
        self._show_state(view)

    def _ask_typed(self) -> list[object]:
        return [typed_value(widget) for widget in self.fields.widgets.values()]

    def _show_state(self, view: network.IntroductionView | None) -> None:
        self._ask_as_loaded = self._ask_typed()
        saved = view is not None
        for widget in (self.made_button, self.declined_button, self.letter_box):
            widget.setEnabled(saved)
        self.connector.setEnabled(not saved)
        self.target.setEnabled(not saved)
        if view is None:
            self.state.setText("Save the ask to write the letter for it.")
            return
        intro = view.introduction
        self.state.setText(_where_it_stands(view))
        self.made_button.setEnabled(intro.state != "made")
        self.declined_button.setEnabled(intro.state == "asked")
        self._choose_letter_for(intro)

    def _choose_letter_for(self, intro: plain.Introduction) -> None:
        """The letter the introduction waits for: the ask, the follow-up, the thanks."""
        if intro.state != "made":
            wanted = "introduction_request"
        elif intro.followed_up_on is None:
            wanted = "introduction_follow_up"
        else:
            wanted = "introduction_thanks"
        self.kind.blockSignals(True)
        choose(self.kind, wanted)
        self.kind.blockSignals(False)
        self.redraft()

    # -- the ask ------------------------------------------------------------------------

    def save_ask(self) -> None:
        try:
            values = self.fields.values()
        except JournalError as error:
            show_message(self.message, str(error))
            return
        connector_id, target_id = self.connector.currentData(), self.target.currentData()
        intro_id = self.introduction_id
        if intro_id is None:
            changes = self.runner.run(
                "Ask for an introduction",
                lambda: network.ask_introduction(
                    self.journal, connector_id, target_id, values.pop("to_name"), **values
                ),
                show_error=lambda text: show_message(self.message, text),
            )
        else:
            changes = self.runner.run(
                "Change the introduction",
                lambda: self.journal.update(plain.Introduction, intro_id, **values),
                show_error=lambda text: show_message(self.message, text),
            )
        if changes is not None:
            self.introduction_id = changes.id
            show_message(self.message, "")
            self._load()

    def mark_made(self) -> None:
        intro_id = self.introduction_id
        if intro_id is None:
            return
        done = self.runner.run(
            "Mark introduced",
            lambda: network.mark_introduced(self.journal, intro_id),
            show_error=lambda text: show_message(self.message, text),
        )
        if done is not None:
            self._load()

    def mark_declined(self) -> None:
        intro_id = self.introduction_id
        if intro_id is None:
            return
        self.runner.run(
            "Could not introduce",
            lambda: network.mark_declined(self.journal, intro_id),
            show_error=lambda text: show_message(self.message, text),
        )
        self._load()

    # -- the letters --------------------------------------------------------------------

    def redraft(self) -> None:
        """Draft the chosen letter again from the journal (edits made by hand are lost)."""
        if self.introduction_id is None:
            return
        self.facts = il.gather(self.journal, self.introduction_id)
        kind = self.kind.currentData()
        refusal = il.why_not(kind, self.facts)
        self.letter_id = None
        self.outcome.hide()
        if refusal:
            self.draft = None
            self._fill(None)
            self.reader_check.setText(refusal)
            self.reader_check.show()
            return
        self.draft = il.draft(kind, self.facts)
        self._fill(self.draft)

    def _fill(self, letter: letters.Draft | None) -> None:
        for field in (self.recipient, self.subject, self.text):
            field.blockSignals(True)
        self.recipient.setPlainText("\n".join(letter.recipient_lines) if letter else "")
        self.subject.setText(letter.subject if letter else "")
        self.text.setPlainText(letters.stored_body(letter) if letter else "")
        for field in (self.recipient, self.subject, self.text):
            field.blockSignals(False)
        for widget in (self.copy_button, self.export_button):
            widget.setEnabled(letter is not None)
        self._unkept = False
        self._recheck()

    def _edited(self) -> None:
        self._unkept = True
        self._check_timer.start()

    def current(self) -> letters.Draft | None:
        if self.draft is None:
            return None
        self.draft = letters.with_text(
            self.draft, self.recipient.toPlainText(), self.subject.text(), self.text.toPlainText()
        )
        return self.draft

    def _recheck(self) -> None:
        letter = self.current()
        if letter is None or self.facts is None:
            return
        found = il.check(letter, self.facts)
        self.reader_check.setText(
            "Before you send it:\n" + "\n".join(f"• {item}" for item in found) if found else ""
        )
        self.reader_check.setVisible(bool(found))

    def copy_as_email(self) -> None:
        letter = self.current()
        if letter is None:
            return
        copy_private(letters.email_text(letter))
        if self._keep(letter, ""):
            self._say("Copied: paste it into your email. The letter is kept in the journal.")

    def export(self) -> None:
        letter = self.current()
        if letter is None:
            return
        try:
            folder = letter_files.chosen_folder(self.folder.text())
            name = file_name(letter.company, letter.kind, letter.day)
            path = letter_files.export_asking(self, letter, folder, name)
        except JournalError as error:
            show_message(self.message, str(error))
            return
        if path is None:
            return
        settings.set_letters_folder(folder)
        if self._keep(letter, str(path)):
            self._say(f"Saved “{path.name}” in {path.parent}, and kept it in the journal.")

    def _keep(self, letter: letters.Draft, exported_to: str) -> bool:
        letter_id = self.letter_id
        kept = self.runner.run(
            "Keep the letter",
            lambda: il.keep(self.journal, letter, exported_to, letter_id),
            show_error=lambda text: show_message(self.message, text),
        )
        if kept is None:
            return False
        self.letter_id = kept.id
        self._unkept = False
        assert self.introduction_id is not None
        view = network.introduction_view(self.journal, self.introduction_id)
        self.state.setText(_where_it_stands(view))  # the step the letter did is done
        return True

    def _say(self, text: str) -> None:
        show_message(self.message, "")
        self.outcome.setText(text)
        self.outcome.show()

    def reject(self) -> None:
        """Close; ask first when the ask or the letter was changed and not kept."""
        if self._ask_typed() != self._ask_as_loaded:
            question = "Discard what you typed about the ask? It was not saved (Save the ask)."
            if not discard_confirmed(self, question):
                return
        question = "Discard your changes to this letter? It was not exported or copied since."
        if self._unkept and not discard_confirmed(self, question):
            return
        super().reject()


def _where_it_stands(view: network.IntroductionView) -> str:
    """ "Asked 4 Dec 2026. Waiting for …": the state, its day, and what waits."""
    intro = view.introduction
    state = {
        "asked": f"Asked {dates.day_text(intro.asked_on)}.",
        "made": f"Introduced {dates.day_text(intro.made_on or intro.asked_on)}.",
        "declined": "They could not make the introduction.",
    }[intro.state]
    return f"{state} {view.next_step}".strip()
