"""Write a letter: choose its kind and options, read and edit the draft, then export it as
a Word document or copy it as email text. Every letter sent that way is kept in the journal.

Opened from an application (menu, detail pane, table), right after an ending that calls for
a letter, and from the timeline to reopen a letter kept earlier.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jobjournal.core.documents import letters
from jobjournal.core.documents.docx_letter import file_name, paper_for
from jobjournal.core.errors import InvalidInput, JournalError
from jobjournal.core.records import plain
from jobjournal.core.records.money import format_amount, parse_amount
from jobjournal.core.records.transitions import REASONS_FOR
from jobjournal.core.storage import models as m
from jobjournal.core.storage.models import Status
from jobjournal.core.work.packages import current_job
from jobjournal.ui.journal import settings
from jobjournal.ui.letters import letter_files
from jobjournal.ui.shared.basics import (
    fit_on_screen,
    labelled_row,
    message_label,
    scrolling,
    show_message,
)
from jobjournal.ui.shared.dialogs import discard_confirmed, enter_in_a_line
from jobjournal.ui.shared.fields import DateField, choice_box, choose, line_edit, text_edit
from jobjournal.ui.shared.private_clipboard import copy_private

if TYPE_CHECKING:
    from jobjournal.core.records.journal import Journal
    from jobjournal.core.storage.models import ApplicationLetterKind
    from jobjournal.core.work.offers import Ending

# The letter a person most likely wants at each status.
KIND_FOR_STATUS: dict[str, ApplicationLetterKind] = {
    "saved": "withdraw",
    "applied": "withdraw",
    "no_response": "withdraw",
    "screening": "thank_you",
    "interviewing": "thank_you",
    "offer": "counteroffer",
    "negotiating": "counteroffer",
    "accepted": "accept_offer",
    "declined": "decline_offer",
    "withdrawn": "withdraw",
    "rejected": "feedback_request",
}
_REASON_KINDS = {"withdraw", "decline_offer"}
_MY_REASONS = {code: m.REASONS[code] for code in REASONS_FOR[Status.WITHDRAWN]}


class LetterDialog(QDialog):
    """One letter, or (withdrawing from all other processes) one per other application,
    each shown and edited in turn."""

    def __init__(
        self,
        parent: QWidget,
        journal: Journal,
        application_id: int | None,
        kind: letters.Kind = "withdraw",
        *,
        letter_id: int | None = None,
        endings: list[Ending] | None = None,
    ) -> None:
        super().__init__(parent)
        self.journal = journal
        self.application_id = application_id
        # After accepting an offer: the applications just ended, which no longer count as
        # "other processes still open" but still need their letters.
        self.endings = endings
        self.changed = False  # a letter was kept in the journal: the timeline must redraw
        self.drafts: list[letters.Draft] = []
        self.letter_ids: dict[int, int] = {}  # draft index → the letter kept for it
        self._batch_facts: dict[int, letters.Facts] = {}
        self._shown = -1
        self._edited = False
        self._unkept = False  # changed by hand since last kept (exported or copied)
        self.facts = letters.gather(journal, application_id)
        chosen = self.facts.month_first  # the profile's choice, or the address's country
        self.month_first = chosen if chosen is not None else month_first_here()
        self.setWindowTitle("Write a letter")
        self.setAccessibleName("Write a letter")
        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(400)  # after typing pauses
        self._check_timer.timeout.connect(self._recheck)
        self._build(kind)
        fit_on_screen(self, 860, 760)
        if letter_id is None:
            self._show_options_for_kind()
            self.redraft()
        else:
            self._reopen(letter_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in a one-line field applies what was typed (the draft follows); it must not
        also export the letter, as a dialog's default button would."""
        if not enter_in_a_line(self, event):
            super().keyPressEvent(event)

    # -- building ---------------------------------------------------------------------

    def _build(self, kind: letters.Kind) -> None:
        layout = QVBoxLayout(self)
        options = self._build_options(kind)
        self.letters_list = QListWidget()
        self.letters_list.setAccessibleName("Letters to review")
        self.letters_list.setMaximumWidth(240)
        self.letters_list.currentRowChanged.connect(self._show)
        middle = QHBoxLayout()
        middle.addWidget(self.letters_list)
        middle.addLayout(self._build_editor(), 1)
        layout.addWidget(scrolling(options, middle, self._build_destination(), grow=middle), 1)
        self.message = message_label("Letter message")
        self.reader_check = QLabel()
        self.reader_check.setAccessibleName("Reader's check")
        self.reader_check.setWordWrap(True)
        self.reader_check.setTextFormat(Qt.TextFormat.PlainText)
        self.reader_check.hide()
        self.outcome = QLabel()
        self.outcome.setAccessibleName("Letter saved note")
        self.outcome.setWordWrap(True)
        self.outcome.hide()
        layout.addWidget(self.reader_check)
        layout.addWidget(self.message)
        layout.addWidget(self.outcome)
        layout.addLayout(self._build_buttons())

    def _build_options(self, kind: letters.Kind) -> QFormLayout:
        self.kind = choice_box("Letter kind", letters.KINDS, optional=False)
        self._disable_kinds_not_possible()
        if letters.why_not(kind, self.facts):
            kind = "withdraw"  # the status suggested a letter the journal cannot back yet
        choose(self.kind, kind)
        self.tone = choice_box("Tone", letters.TONES, optional=False)
        self.include_reason = QCheckBox("&Give the reason")
        self.include_reason.setAccessibleName("Give the reason")
        self.include_reason.setChecked(True)
        self.only_reason = QCheckBox("Say it is the onl&y reason")
        self.only_reason.setAccessibleName("Say it is the only reason")
        self.reason = choice_box("Reason for the letter", _MY_REASONS)
        choose(self.reason, self.facts.reason_code)
        self.reason_words = line_edit("Reason in my words", "Optional: said as you write it")
        self.reason_words.setText(self.facts.reason_text)
        self.figure = line_edit("Salary I would consider right", "e.g. 118,000")
        self.figure.setText(format_amount(self.facts.expected_cents))
        self.my_name = line_edit("Your name", "Signs the letter; kept in your profile")
        self.contribution = line_edit(
            "What I will bring", "e.g. build the pricing dashboards your team asked about"
        )
        self.employer = line_edit("Current employer", "Where you work now")
        self.employer.setText(_current_employer(self.journal))
        self.manager = line_edit("Manager's name", "Whom the letter is addressed to")
        self.last_day = DateField("Last working day")
        self.last_day.set_date(self.facts.today + letters.NOTICE)
        why = QWidget()
        why_row = QHBoxLayout(why)
        why_row.setContentsMargins(0, 0, 0, 0)
        why_row.addWidget(self.reason)
        why_row.addWidget(self.reason_words, 1)
        reasons = QWidget()
        row = QHBoxLayout(reasons)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.include_reason)
        row.addWidget(self.only_reason)
        row.addStretch(1)
        form = QFormLayout()
        labelled_row(form, "&Kind:", self.kind)
        if not self.facts.sender_name:  # never a letter that ends with nobody's name
            labelled_row(form, "Your na&me:", self.my_name)
            self.my_name.editingFinished.connect(self._save_my_name)
        labelled_row(form, "T&one:", self.tone)
        self._why_label = QLabel("&Reason:")
        self._why_label.setBuddy(self.reason)
        form.addRow(self._why_label, why)
        self._why_row = why
        self._reason_row = reasons
        form.addRow("", reasons)
        currency = f" ({self.facts.currency})" if self.facts.currency else ""
        self._figure_label = QLabel(f"Salary &figure{currency}:")
        self._figure_label.setBuddy(self.figure)
        form.addRow(self._figure_label, self.figure)
        labelled_row(form, "What I will &bring:", self.contribution)
        labelled_row(form, "&Employer:", self.employer)
        labelled_row(form, "&Manager:", self.manager)
        labelled_row(form, "Last &working day:", self.last_day, self.last_day.edit)
        self._options_form = form
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.tone.currentIndexChanged.connect(self._options_changed)
        self.reason.currentIndexChanged.connect(self._options_changed)
        self.include_reason.toggled.connect(self._options_changed)
        self.only_reason.toggled.connect(self._options_changed)
        for field in (
            self.reason_words,
            self.figure,
            self.employer,
            self.manager,
            self.contribution,
        ):
            field.editingFinished.connect(self._options_changed)
        self.last_day.changed.connect(self._options_changed)
        return form

    def _save_my_name(self) -> None:
        """The name typed here signs this letter and every later one (it goes into the
        profile, as if typed there)."""
        name = self.my_name.text().strip()
        if not name or name == self.facts.sender_name:
            return
        try:
            self.journal.update(plain.Profile, 1, name=name)
        except JournalError as error:
            show_message(self.message, str(error))
            return
        self.facts = replace(self.facts, sender_name=name, signature=self.facts.signature or name)
        self._options_changed()

    def _disable_kinds_not_possible(self) -> None:
        """A kind that answers something the journal does not hold (a thank-you with no
        interview held) stays in the list, greyed, saying why."""
        model = self.kind.model()
        for index in range(self.kind.count()):
            why = letters.why_not(self.kind.itemData(index), self.facts)
            if why:
                item = model.item(index)  # type: ignore[attr-defined]
                item.setEnabled(False)
                item.setToolTip(why)

    def _build_editor(self) -> QFormLayout:
        self.recipient = text_edit("Recipient", "Name, title and company, one per line")
        self.recipient.setMaximumHeight(self.recipient.fontMetrics().lineSpacing() * 4 + 12)
        self.subject = line_edit("Subject")
        self.text = text_edit("Letter text")
        self.text.setMinimumHeight(300)
        for field in (self.recipient, self.text):
            field.textChanged.connect(self._mark_edited)
        self.subject.textEdited.connect(self._mark_edited)
        form = QFormLayout()
        labelled_row(form, "&To:", self.recipient)
        labelled_row(form, "S&ubject:", self.subject)
        labelled_row(form, "&Letter:", self.text)
        return form

    def _build_destination(self) -> QFormLayout:
        self.folder = line_edit("Save in folder")
        self.folder.setText(str(settings.letters_folder()))
        browse = QPushButton("&Browse…")
        browse.setAccessibleName("Choose folder for letters")
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        self.file_name = line_edit("File name")
        form = QFormLayout()
        labelled_row(form, "Save &in:", folder_row, self.folder)
        labelled_row(form, "File &name:", self.file_name)
        note = QLabel("The Word file is not encrypted: keep it somewhere private.")
        note.setAccessibleName("Not encrypted")
        italic = note.font()
        italic.setItalic(True)  # a quiet hint, but in the text's own colour: readable
        note.setFont(italic)
        form.addRow("", note)
        return form

    def _build_buttons(self) -> QHBoxLayout:
        self.redraft_button = QPushButton("Re&draft")
        self.redraft_button.setAccessibleName("Redraft")
        self.redraft_button.setToolTip("Write the draft again from the options (edits are lost)")
        self.redraft_button.clicked.connect(self.redraft)
        self.copy_button = QPushButton("&Copy as email text")
        self.copy_button.setAccessibleName("Copy as email text")
        self.copy_button.clicked.connect(self.copy_as_email)
        self.export_button = QPushButton("E&xport .docx")
        self.export_button.setAccessibleName("Export letter")
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.export_current)
        self.export_all_button = QPushButton("Export &all")
        self.export_all_button.setAccessibleName("Export all letters")
        self.export_all_button.clicked.connect(self.export_all)
        close = QPushButton("Close")
        close.setAccessibleName("Close")
        close.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.redraft_button)
        row.addStretch(1)
        for button in (self.copy_button, self.export_button, self.export_all_button, close):
            row.addWidget(button)
        return row

    # -- drafting -----------------------------------------------------------------------

    def options(self) -> letters.Options:
        """The options as chosen; refuses a figure that is not an amount."""
        return letters.Options(
            tone=self.tone.currentData(),
            include_reason=self.include_reason.isChecked(),
            only_reason=self.only_reason.isChecked(),
            figure_cents=parse_amount(self.figure.text(), "The figure"),
            last_day=self.last_day.date(),
            month_first=self.month_first,
            employer=self.employer.text().strip(),
            manager=self.manager.text().strip(),
            contribution=self.contribution.text().strip(),
        )

    def redraft(self) -> None:
        """Write the drafts again from the options; what was edited by hand is replaced."""
        kind = self.kind.currentData()
        try:
            options = self.options()
        except InvalidInput as error:
            show_message(self.message, str(error))
            return
        show_message(self.message, "")
        if kind == "withdraw_others":
            drafts = self._withdraw_others(options)
        else:
            facts = replace(
                self.facts,
                reason_code=self.reason.currentData(),
                reason_text=self.reason_words.text().strip(),
            )
            try:
                drafts = [letters.draft(kind, facts, options, self.application_id)]
            except InvalidInput as refused:
                show_message(self.message, str(refused))
                drafts = []
        self._use_drafts(drafts)

    def _withdraw_others(self, options: letters.Options) -> list[letters.Draft]:
        if self.application_id is None:
            return []
        if self.endings is not None:
            drafts = letters.letters_for_endings(self.journal, self.endings, options)
        else:
            drafts = letters.withdraw_from_others(self.journal, self.application_id, options)
        if not drafts:
            show_message(self.message, "No other application is still in progress.")
        return drafts

    def _use_drafts(self, drafts: list[letters.Draft]) -> None:
        self.drafts = drafts
        self.letter_ids = {}
        self._shown = -1
        self.letters_list.blockSignals(True)
        self.letters_list.clear()
        for letter in drafts:
            self.letters_list.addItem(letter.company or letters.KINDS[letter.kind])
            self.letters_list.item(self.letters_list.count() - 1).setToolTip(letter.subject)
        self.letters_list.blockSignals(False)
        batch = self.kind.currentData() == "withdraw_others"
        self.letters_list.setVisible(batch)
        self.export_all_button.setVisible(batch)
        for widget in (self.recipient, self.subject, self.text, self.file_name):
            widget.setEnabled(bool(drafts))
        for button in (self.copy_button, self.export_button, self.export_all_button):
            button.setEnabled(bool(drafts))
        if drafts:
            self.letters_list.blockSignals(True)
            self.letters_list.setCurrentRow(0)
            self.letters_list.blockSignals(False)
            self._show(0)
        else:
            self._fill_editor(None)

    def _reopen(self, letter_id: int) -> None:
        letter = replace(letters.reopen(self.journal, letter_id), month_first=self.month_first)
        self.kind.setEnabled(False)
        for index in range(self._options_form.rowCount()):
            if index > 0:  # the kind stays in sight; the options wrote the old draft
                self._options_form.setRowVisible(index, False)
        self.redraft_button.hide()
        self._use_drafts([letter])
        self.letter_ids[0] = letter_id
        self.setWindowTitle("Letter kept in the journal")

    def _kind_changed(self) -> None:
        self._show_options_for_kind()
        self._edited = False  # another kind of letter: a fresh draft, as the person expects
        self.redraft()

    def _show_options_for_kind(self) -> None:
        kind = self.kind.currentData()
        self._options_form.setRowVisible(self._why_row, kind in _REASON_KINDS)
        self._options_form.setRowVisible(self._reason_row, kind in _REASON_KINDS)
        self._options_form.setRowVisible(self.figure, kind in _REASON_KINDS)
        for field in (self.employer, self.manager, self.last_day):
            self._options_form.setRowVisible(field, kind == "resignation")
        self._options_form.setRowVisible(self.contribution, kind == "counteroffer")

    def _options_changed(self) -> None:
        if self._edited:
            show_message(
                self.message, "Press Redraft to write the letter again with these options."
            )
            return
        self.redraft()

    def _show(self, index: int) -> None:
        """Show one draft, keeping the edits of the one shown before."""
        if index < 0 or index >= len(self.drafts):
            return
        self._take_edits()
        self._shown = index
        self._fill_editor(self.drafts[index])

    def _fill_editor(self, letter: letters.Draft | None) -> None:
        for field in (self.recipient, self.subject, self.text):
            field.blockSignals(True)
        self.recipient.setPlainText("\n".join(letter.recipient_lines) if letter else "")
        self.subject.setText(letter.subject if letter else "")
        self.text.setPlainText(letters.stored_body(letter) if letter else "")
        self.file_name.setText(self._default_name() if letter else "")
        for field in (self.recipient, self.subject, self.text):
            field.blockSignals(False)
        self._edited = False
        self._recheck()

    def _facts_of(self, application_id: int | None) -> letters.Facts:
        """The facts a letter is checked against: this application's, or, in a batch,
        each other application's, read once."""
        if application_id is None or application_id == self.application_id:
            return self.facts
        if application_id not in self._batch_facts:
            self._batch_facts[application_id] = letters.gather(self.journal, application_id)
        return self._batch_facts[application_id]

    def _recheck(self) -> None:
        """What a careful reader would point out in the letter shown, as it is now."""
        if not 0 <= self._shown < len(self.drafts):
            self.reader_check.hide()
            return
        self._take_edits()
        letter = self.drafts[self._shown]
        found = letters.check(letter, self._facts_of(letter.application_id))
        self.reader_check.setText(
            "Before you send it:\n" + "\n".join(f"• {item}" for item in found) if found else ""
        )
        self.reader_check.setVisible(bool(found))

    def _mark_edited(self) -> None:
        self._edited = True
        self._unkept = True
        self._check_timer.start()

    def reject(self) -> None:
        """Close; when a letter was changed by hand and not kept since, ask first."""
        question = "Discard your changes to this letter? It was not exported or copied since."
        if self._unkept and not discard_confirmed(self, question):
            return
        super().reject()

    def _take_edits(self) -> None:
        if 0 <= self._shown < len(self.drafts):
            self.drafts[self._shown] = letters.with_text(
                self.drafts[self._shown],
                self.recipient.toPlainText(),
                self.subject.text(),
                self.text.toPlainText(),
            )

    def current(self) -> letters.Draft:
        self._take_edits()
        return self.drafts[self._shown]

    def _default_name(self) -> str:
        return self._names()[self._shown]

    def _names(self) -> list[str]:
        return _unique_names([self._name_of(i) for i in range(len(self.drafts))])

    def _name_of(self, index: int) -> str:

        letter = self.drafts[index]
        return file_name(letter.company, letter.kind, letter.day)

    # -- sending ------------------------------------------------------------------------

    def export_current(self) -> None:
        """Save the letter shown as a Word file, then keep it in the journal."""
        letter = self.current()
        try:
            folder = self._chosen_folder()
            path = self._export(letter, folder, self.file_name.text().strip())
            if path is None:
                return
            self._keep(self._shown, letter, str(path))
        except JournalError as error:
            show_message(self.message, str(error))
            return
        settings.set_letters_folder(folder)
        self._say(f"Saved “{path.name}” in {path.parent}, and kept it in the journal.")

    def export_all(self) -> None:
        """Save every letter of the batch under its own name, asking once about names
        already taken in the folder."""
        self._take_edits()
        try:
            folder = self._chosen_folder()
            names = self._names()
            taken = [name for name in names if (folder / name).exists()]
            replace_taken = self._ask_replace_many(taken) if taken else False
            if replace_taken is None:
                return
            saved = 0
            for index, (letter, name) in enumerate(zip(self.drafts, names, strict=True)):
                if name in taken and not replace_taken:
                    continue
                path = self._write(letter, folder, name, replace=name in taken)
                self._keep(index, letter, str(path))
                saved += 1
        except JournalError as error:
            show_message(self.message, str(error))
            return
        settings.set_letters_folder(folder)
        skipped = len(self.drafts) - saved
        left = f" {skipped} left as they were." if skipped else ""
        self._say(f"Saved {saved} letter{'s' if saved != 1 else ''} in {folder}.{left}")

    def copy_as_email(self) -> None:
        letter = self.current()
        copy_private(letters.email_text(letter))
        try:
            self._keep(self._shown, letter, "")
        except JournalError as error:
            show_message(self.message, str(error))
            return
        self._say("Copied: paste it into your email. The letter is kept in the journal.")

    def _chosen_folder(self) -> Path:
        return letter_files.chosen_folder(self.folder.text())

    def _export(self, letter: letters.Draft, folder: Path, name: str) -> Path | None:
        return letter_files.export_asking(self, letter, folder, name)

    def _write(self, letter: letters.Draft, folder: Path, name: str, *, replace: bool) -> Path:
        return letter_files.write(letter, folder, name, replace=replace)

    def _keep(self, index: int, letter: letters.Draft, exported_to: str) -> None:
        kept = letters.record(self.journal, letter, exported_to, self.letter_ids.get(index))
        self.letter_ids[index] = kept.new_id
        self.changed = True
        self._unkept = False  # what was typed is in the journal now

    def _ask_replace_many(self, names: list[str]) -> bool | None:
        """True: replace them; False: leave them and save the others; None: stop."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Some files exist")
        listed = "\n".join(f"• {name}" for name in names[:8])
        more = f"\n… and {len(names) - 8} more" if len(names) > 8 else ""
        box.setText(f"{len(names)} of these letters already exist in the folder:")
        box.setInformativeText(listed + more)
        replace_button = box.addButton("&Replace them", QMessageBox.ButtonRole.DestructiveRole)
        keep_button = box.addButton("&Keep them, save the rest", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(keep_button)
        box.exec()
        if box.clickedButton() is replace_button:
            return True
        return False if box.clickedButton() is keep_button else None

    def _say(self, text: str) -> None:
        show_message(self.message, "")
        self.outcome.setText(text)
        self.outcome.show()

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, "Save letters in", self.folder.text())
        if chosen:
            self.folder.setText(chosen)


# -- pieces -------------------------------------------------------------------------------


def local_paper() -> str:
    """The paper documents are printed on in the person's country: Letter or A4."""

    return paper_for(QLocale.territoryToCode(QLocale().territory()))


def month_first_here() -> bool:
    """Whether English in the person's country puts the month before the day, as in
    "November 22, 2026" (the US), rather than "22 November 2026" (most of the world)."""
    locale = QLocale(QLocale.Language.English, QLocale().territory())
    pattern = locale.dateFormat(QLocale.FormatType.LongFormat).replace("dddd", "")
    return pattern.find("M") < pattern.find("d")


def _unique(name: str, taken: set[str]) -> str:
    stem, suffix = name.rsplit(".", 1)
    candidate, number = name, 2
    while candidate in taken:
        candidate = f"{stem} ({number}).{suffix}"
        number += 1
    return candidate


def _unique_names(names: list[str]) -> list[str]:
    """Two letters to one company on one day would share a name: number the later ones."""
    chosen: list[str] = []
    for name in names:
        chosen.append(_unique(name, set(chosen)))
    return chosen


def _current_employer(journal: Journal) -> str:

    job = current_job(journal)
    return job.employer if job is not None else ""
