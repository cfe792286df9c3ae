"""The dialogs the main window opens: new application, change status, settings."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from jobjournal.core.errors import InvalidInput, JournalError
from jobjournal.core.records import dates
from jobjournal.core.records.transitions import ACTIVE, ASKS_FOR_REASON, REASONS_FOR, allowed_next
from jobjournal.core.storage import backups, keychain, paths
from jobjournal.core.storage import models as m
from jobjournal.core.storage.models import Status
from jobjournal.ui.applications.application_form import ApplicationForm
from jobjournal.ui.journal import settings
from jobjournal.ui.shared.basics import (
    labelled_row,
    message_label,
    password_field,
    say_replaced_characters,
    show_message,
)
from jobjournal.ui.shared.fields import (
    ChoiceBox,
    DateField,
    choice_box,
    line_edit,
    text_edit,
)


class ActionDialog(QDialog):
    """Closes only when `action` succeeds; a known error is shown in the dialog, and what
    the person typed stays there to correct. With `ask_before_discarding`, Escape or
    Cancel asks first once anything was typed."""

    message: QLabel
    # Off only where nothing is typed (choices, a date, passphrases, preferences).
    ask_before_discarding = True
    discard_question = "Discard what you typed?"

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.action: Callable[[], None] | None = None
        self._as_shown: list[object] | None = None

    def showEvent(self, event: QShowEvent) -> None:
        if self._as_shown is None:
            self._as_shown = self._typed()
        super().showEvent(event)

    def reject(self) -> None:
        if (
            self.ask_before_discarding
            and self._as_shown is not None
            and self._typed() != self._as_shown
            and not self._discard_confirmed()
        ):
            return
        super().reject()

    def _typed(self) -> list[object]:
        """What the person can have changed, field by field."""
        return [typed_value(widget) for widget in self.findChildren(QWidget)]

    def _discard_confirmed(self) -> bool:
        return discard_confirmed(self, self.discard_question)

    def accept(self) -> None:

        try:
            if self.action is not None:
                self.action()
        except JournalError as error:
            show_message(self.message, str(error))
            return
        say_replaced_characters(self)
        super().accept()


def discard_confirmed(dialog: QWidget, question: str) -> bool:
    """Ask before typing is thrown away; Enter and Escape keep editing."""
    box = QMessageBox(dialog)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(dialog.windowTitle())
    box.setText(question)
    discard = box.addButton("&Discard", QMessageBox.ButtonRole.DestructiveRole)
    discard.setAccessibleName("Discard")
    keep = box.addButton("&Keep editing", QMessageBox.ButtonRole.RejectRole)
    keep.setAccessibleName("Keep editing")
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is discard


def typed_value(widget: QWidget) -> object:
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return widget.currentIndex()
    if isinstance(widget, QAbstractSpinBox):  # dates, times and numbers
        return widget.text()
    if isinstance(widget, QAbstractButton) and widget.isCheckable():
        return widget.isChecked()
    if isinstance(widget, QListWidget):  # lines added one by one
        return [widget.item(row).text() for row in range(widget.count())]
    if isinstance(widget, QTableWidget):
        return [
            item.text() if (item := widget.item(row, column)) is not None else ""
            for row in range(widget.rowCount())
            for column in range(widget.columnCount())
        ]
    return None


class EnterAddsLines(ActionDialog):
    """A dialog with lists typed line by line: Enter in a line edit adds the line, and
    must not close the dialog half-written."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not enter_in_a_line(self, event):
            super().keyPressEvent(event)


def enter_in_a_line(dialog: QWidget, event: QKeyEvent) -> bool:
    """Enter pressed in a one-line field: what was typed is taken, and the dialog's
    default button (save, export, send) must not be pressed with it."""
    return event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and isinstance(
        dialog.focusWidget(), QLineEdit
    )


def enter_presses_only_the_default(dialog: QWidget) -> None:
    """In a dialog, every button Qt makes "auto-default" is pressed by Enter once it
    had the focus: Enter in the search field would add a contact, in the passphrase
    field open a folder chooser. Only the button made the default is pressed by Enter."""
    from PySide6.QtWidgets import QPushButton

    for button in dialog.findChildren(QPushButton):
        if not button.isDefault():
            button.setAutoDefault(False)


def yes_asked(parent: QWidget, title: str, question: str) -> bool:
    """A yes-or-no question, No the default (so Enter never deletes or replaces)."""
    answer = QMessageBox.question(
        parent,
        title,
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def dialog_buttons(dialog: QDialog, ok_text: str, ok_name: str = "") -> QDialogButtonBox:
    """An OK button (the default, saying what it does) and Cancel, both named for screen
    readers (the OK button by its text unless `ok_name` is given) and wired to the dialog."""
    buttons = QDialogButtonBox()
    ok = buttons.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
    ok.setAccessibleName(ok_name or ok_text.replace("&", ""))
    ok.setDefault(True)
    cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
    cancel.setAccessibleName("Cancel")
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class NewApplicationDialog(ActionDialog):
    """Company and title are enough; the rest can be filled in now or later."""

    ask_before_discarding = True
    discard_question = "Discard this new application? What you typed is not saved."

    def __init__(self, parent: QWidget, company_names: list[str]) -> None:
        super().__init__(parent)

        self.setWindowTitle("New application")
        self.setAccessibleName("New application")
        self.form = ApplicationForm(company_names, compact=True)
        self.status = ChoiceBox()
        self.status.setAccessibleName("Starting status")
        for status in Status:
            if status in ACTIVE and status != Status.NO_RESPONSE:
                self.status.addItem(status.label, status)
        self.status.setCurrentIndex(1)  # Applied: the common case
        status_label = QLabel("Sta&rting status:")
        status_label.setBuddy(self.status)
        self.form.rows.insertRow(2, status_label, self.status)
        # Made after the form's fields, it would come last on Tab: put it where it shows.
        QWidget.setTabOrder(self.form.job_title, self.status)
        QWidget.setTabOrder(self.status, self.form.location)
        self.form.applied_on.set_date(date.today())
        self.message = message_label("New application message")
        buttons = dialog_buttons(self, "&Add application")
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.form.company.setFocus()

    def chosen_status(self) -> Status:
        return _status_in(self.status) or Status.APPLIED


# The endings that call for a letter, and the box that offers to write it.
LETTER_AFTER = {
    "withdrawn": "&Write the withdrawal letter next",
    "declined": "&Write the letter declining the offer next",
    "rejected": "&Ask for feedback: note the request, then write it",
    "accepted": "&Write the acceptance letter next",
}


class StatusDateDialog(ActionDialog):
    """Correct when a status change happened; the core keeps it between its neighbours."""

    ask_before_discarding = False

    def __init__(self, parent: QWidget, change: Any) -> None:
        super().__init__(parent)

        label = Status(change.to_status).label
        self.setWindowTitle("Correct the date")
        self.setAccessibleName("Correct the date")
        self.on = DateField("Happened on", latest=date.today())
        self.on.set_date(change.changed_on)
        self.message = message_label("Correct the date message")
        explain = QLabel(
            f"When did the move to <b>{escape(label)}</b> happen? It stays in its place in "
            "the history: not before the change it follows, nor after the one that follows it."
        )
        explain.setWordWrap(True)
        form = QFormLayout()
        labelled_row(form, "&Happened on:", self.on, self.on.edit)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(dialog_buttons(self, "&Correct the date", "Correct the date"))
        self.on.edit.setFocus()


class StatusDialog(ActionDialog):
    """Pick the next status; endings ask why (a reason from a list, and words of one's own)."""

    def __init__(self, parent: QWidget, current: Status, title: str) -> None:
        super().__init__(parent)

        self.setWindowTitle("Change status")
        self.setAccessibleName("Change status")
        self.status = ChoiceBox()
        self.status.setAccessibleName("New status")
        for status in allowed_next(current):
            self.status.addItem(status.label, status)
        self.on = DateField("Changed on", latest=date.today())
        self.on.set_date(date.today())
        self.reason = ChoiceBox()
        self.reason.setAccessibleName("Reason")
        self.reason_text = text_edit("Reason in my words", "Optional: what happened, in your words")
        self.reason_text.setMaximumHeight(90)
        self._reason_label = QLabel("&Why:")
        self._reason_label.setBuddy(self.reason)
        self._words_label = QLabel("&Details:")
        self._words_label.setBuddy(self.reason_text)
        self.letter = QCheckBox()
        self.letter.setAccessibleName("Write the letter next")
        self.letter.setChecked(True)
        self.message = message_label("Change status message")
        form = QFormLayout()
        form.addRow(QLabel(f"<b>{escape(title)}</b> is now <b>{current.label}</b>."))
        labelled_row(form, "&Move to:", self.status)
        labelled_row(form, "&On:", self.on, self.on.edit)
        form.addRow(self._reason_label, self.reason)
        form.addRow(self._words_label, self.reason_text)
        form.addRow("", self.letter)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(dialog_buttons(self, "&Change status"))
        self.status.currentIndexChanged.connect(self._offer_reasons)
        self._offer_reasons()

    def choose_status(self, status: Status) -> None:
        self.status.setCurrentIndex(max(0, self.status.findData(status)))

    def _offer_reasons(self) -> None:

        target = _status_in(self.status)
        asks = target in ASKS_FOR_REASON
        for widget in (self.reason, self.reason_text, self._reason_label, self._words_label):
            widget.setVisible(asks)
        letter = LETTER_AFTER.get(target.value if target else "")
        self.letter.setVisible(letter is not None)
        self.letter.setText(letter or "")
        self.reason.clear()
        if target is not None and asks:
            self.reason.addItem("Choose a reason…", "")
            for code in REASONS_FOR[target]:
                self.reason.addItem(m.REASONS[code], code)
            if target.value == "rejected":
                self.reason.addItem("They did not say", None)
        self.adjustSize()

    def wants_letter(self) -> bool:
        """Whether to open the letter this ending calls for, once the status has changed."""
        target = _status_in(self.status)
        return self.letter.isChecked() and target is not None and target.value in LETTER_AFTER

    def values(self) -> dict[str, Any]:
        """The status change as `journal.set_status` takes it; refuses an ending without why."""

        target = _status_in(self.status)
        if target is None:
            raise InvalidInput("This application has ended; undo the last change to reopen it.")
        reason = self.reason.currentData() if target in ASKS_FOR_REASON else None
        if reason == "":
            raise InvalidInput(f"Choose why the application was {target.label.lower()}.")
        return {
            "status": target,
            "on": self.on.date() or date.today(),
            "reason_code": reason,
            "reason_text": self.reason_text.toPlainText().strip()
            if target in ASKS_FOR_REASON
            else "",
        }


def _status_in(box: QComboBox) -> Status | None:
    """The status a box shows; Qt hands an enum's data back as its plain string value."""

    value = box.currentData()
    return Status(value) if value else None


class SettingsDialog(ActionDialog):
    """App-wide preferences and this journal's backups and keychain choice."""

    ask_before_discarding = False

    def __init__(self, parent: QWidget, journal_path: Path, remembered: bool) -> None:
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self.setAccessibleName("Settings")
        self.auto_lock = QSpinBox()
        self.auto_lock.setAccessibleName("Lock after minutes idle")
        self.auto_lock.setRange(0, settings.MAX_AUTO_LOCK_MINUTES)
        self.auto_lock.setSpecialValueText("Never")
        self.auto_lock.setSuffix(" min")
        self.auto_lock.setValue(settings.auto_lock_minutes())
        self.remember = QCheckBox("&Remember on this computer (unlock without the passphrase)")
        self.remember.setAccessibleName("Remember on this computer")
        self.remember.setChecked(remembered)
        self.keychain_note = QLabel()
        self.keychain_note.setAccessibleName("Why remembering is unavailable")
        self.keychain_note.setWordWrap(True)
        self._offer_keychain(remembered)
        self.theme = choice_box("Theme", settings.THEMES, optional=False)
        self.theme.setCurrentIndex(max(0, self.theme.findData(settings.theme())))
        self.date_format = choice_box("Dates shown as", dates.DATE_FORMATS, optional=False)
        self.date_format.setCurrentIndex(max(0, self.date_format.findData(dates.style())))
        prefs = settings.backup_prefs(journal_path)
        self.keep = QSpinBox()
        self.keep.setAccessibleName("Backups to keep")
        self.keep.setRange(1, 1000)
        self.keep.setValue(prefs.keep)
        self.budget = QSpinBox()
        self.budget.setAccessibleName("Most space for backups")
        self.budget.setRange(1, settings.MAX_BACKUP_BUDGET_MB)
        self.budget.setSuffix(" MB")
        self.budget.setValue(prefs.budget_mb)
        self.usage = QLabel(_backups_usage(journal_path))
        self.usage.setAccessibleName("Space the backups use")
        self.default_folder = _default_backups(journal_path)
        self.folder = line_edit("Backups folder")
        self.folder.setText(str(prefs.folder or self.default_folder))
        self.change_passphrase = QPushButton("Change &passphrase…")
        self.change_passphrase.setAccessibleName("Change passphrase")
        self.message = message_label("Settings message")
        form = QFormLayout()
        labelled_row(form, "&Lock after:", self.auto_lock)
        form.addRow("", self.remember)
        form.addRow("", self.keychain_note)
        labelled_row(form, "&Theme:", self.theme)
        labelled_row(form, "Dat&es shown as:", self.date_format)
        labelled_row(form, "&Keep backups:", self.keep)
        labelled_row(form, "Backups may &use:", self.budget)
        form.addRow("", self.usage)
        labelled_row(form, "Backups &folder:", self._folder_row(), self.folder)
        form.addRow("", self.change_passphrase)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(dialog_buttons(self, "&Save settings"))
        self.setMinimumWidth(560)  # the keychain's note wraps to its full height

    def _offer_keychain(self, remembered: bool) -> None:
        """Remembering is offered only where a keychain jobjournal trusts answers; else
        the box is off and the note says why."""

        status = keychain.backend_status()
        self.keychain_note.setText(status.reason)
        self.keychain_note.setVisible(not status.usable)
        if status.usable:
            return
        if remembered:  # a key kept here can always be taken back out, and only that
            self.remember.setText("&Remember on this computer (untick to forget the key kept here)")
        else:
            self.remember.setEnabled(False)
            self.remember.setText("Remember on this computer (unavailable here)")

    def _folder_row(self) -> QWidget:
        browse = QPushButton("&Browse…")
        browse.setAccessibleName("Choose backups folder")
        browse.clicked.connect(self._browse)
        default = QPushButton("&Default")
        default.setAccessibleName("Default backups folder")
        default.clicked.connect(lambda: self.folder.setText(str(self.default_folder)))
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.folder, 1)
        layout.addWidget(browse)
        layout.addWidget(default)
        return row

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, "Backups folder", self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def backup_prefs(self) -> settings.BackupPrefs:

        typed = self.folder.text().strip()
        folder = Path(typed).expanduser() if typed else self.default_folder
        if not folder.is_absolute():
            raise InvalidInput("Give the backups folder as a full path, or press Default.")
        if folder.exists() and not folder.is_dir():
            raise InvalidInput(f"{folder} is a file, not a folder.")
        return settings.BackupPrefs(
            None if folder == self.default_folder else folder,
            self.keep.value(),
            self.budget.value(),
        )


# -- pieces -------------------------------------------------------------------------------


def _backups_usage(journal_path: Path) -> str:

    found = backups.list_backups(journal_path.expanduser().absolute())
    if not found:
        return "No backups yet."
    count = "1 backup uses" if len(found) == 1 else f"{len(found)} backups use"
    return f"Now: {count} {backups.total_mb(found):,.1f} MB. The newest is always kept."


def _default_backups(journal_path: Path) -> Path:

    return paths.backups_dir_for(journal_path.expanduser().absolute())


class ChangePassphraseDialog(ActionDialog):
    """Current passphrase, the new one twice; a refusal (wrong current one, disk full)
    shows here, with what was typed kept."""

    ask_before_discarding = False

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle("Change passphrase")
        self.setAccessibleName("Change passphrase")
        self.current = password_field("Current passphrase")
        self.new = password_field("New passphrase")
        self.repeat = password_field("Repeat new passphrase")
        self.message = message_label("Change passphrase message")
        form = QFormLayout()
        labelled_row(form, "&Current:", self.current)
        labelled_row(form, "&New:", self.new)
        labelled_row(form, "&Repeat:", self.repeat)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(dialog_buttons(self, "&Change passphrase"))

    def done(self, result: int) -> None:
        """However it closes, no passphrase stays in its fields until the journal locks."""
        for field in (self.current, self.new, self.repeat):
            field.clear()
        super().done(result)

    def passphrases(self) -> tuple[str, str]:
        """(current, new); refuses an empty or mistyped new passphrase."""

        if not self.new.text():
            raise InvalidInput("Type a new passphrase.")
        if self.new.text() != self.repeat.text():
            raise InvalidInput("The new passphrase and its repeat are not the same.")
        return self.current.text(), self.new.text()
