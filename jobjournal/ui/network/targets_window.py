"""Target organisations (Network → Target organisations, Ctrl+Shift+G; and the Targets
list beside the pipeline): the companies I want to work for before any application
exists — why, the openings seen there, the people I know there, the introductions asked
— and, from an opening, the application, which stays linked to its target."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jobjournal.core.errors import JournalError
from jobjournal.core.records import dates, forms, plain
from jobjournal.core.storage import models as m
from jobjournal.core.work import network
from jobjournal.ui.network.record_window import RecordWindow
from jobjournal.ui.shared.basics import (
    close_buttons,
    fit_on_screen,
    impact_words,
    labelled_row,
    message_label,
    scrolling,
    show_message,
)
from jobjournal.ui.shared.dialogs import (
    ActionDialog,
    dialog_buttons,
    enter_presses_only_the_default,
    yes_asked,
)
from jobjournal.ui.shared.field_set import FieldSet
from jobjournal.ui.shared.fields import line_edit

if TYPE_CHECKING:
    from jobjournal.core.records.changes import Changes
    from jobjournal.core.records.journal import Journal
    from jobjournal.ui.shared.runner import Runner

LIST_COLUMNS = ("Organisation", "Status", "Openings", "People", "Intros")
OPENING_COLUMNS = ("Job title", "Seen", "Link")


def target_line(row: network.TargetRow) -> str:
    """How a target reads in a list: "Lumen Health — Reaching out · 2 people"."""
    people = f" · {row.people} {'person' if row.people == 1 else 'people'}" if row.people else ""
    return f"{row.organisation} — {m.TARGET_STATUSES[row.status]}{people}"


class TargetsWindow(RecordWindow):
    noun = "target"

    application_opened = Signal(int)  # "Open its application": the window shows it

    def __init__(
        self, parent: QWidget, journal: Journal, runner: Runner, select: int | None = None
    ) -> None:
        super().__init__(parent)
        self.journal = journal
        self.runner = runner
        self.target_id: int | None = None
        self.rows: list[network.TargetRow] = []
        self.target: plain.Target | None = None
        self.setWindowTitle("Target organisations")
        self.setAccessibleName("Target organisations")
        self.fields = FieldSet(forms.TARGET, long_height=52)
        self.message = message_label("Targets message")
        self._build()
        fit_on_screen(self, 1100, 720)
        enter_presses_only_the_default(self)
        self.reload(keep=select)
        if select is None and self.rows:
            self.choose(self.rows[0].id)

    # -- building -----------------------------------------------------------------------

    def _build(self) -> None:
        splitter = QSplitter()
        splitter.addWidget(self._list_side())
        splitter.addWidget(scrolling(self._target_side()))
        splitter.setSizes([460, 600])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)
        layout.addWidget(close_buttons(self))

    def _list_side(self) -> QWidget:
        self.table = QTableWidget(0, len(LIST_COLUMNS))
        self.table.setAccessibleName("Target organisations list")
        self.table.setHorizontalHeaderLabels(LIST_COLUMNS)
        self.table.horizontalHeader().setAccessibleName("Target columns")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(LIST_COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.currentCellChanged.connect(lambda row, *_: self._on_row(row))
        new = QPushButton("&New target")
        new.setAccessibleName("New target organisation")
        new.clicked.connect(self.new_target)
        self.delete_button = QPushButton("&Delete…")
        self.delete_button.setAccessibleName("Delete target organisation")
        self.delete_button.clicked.connect(self.delete_target)
        buttons = QHBoxLayout()
        buttons.addWidget(new)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        side = QWidget()
        layout = QVBoxLayout(side)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        return side

    def _target_side(self) -> QWidget:
        self.organisation = line_edit("Organisation", "e.g. Lumen Health")
        form = QFormLayout()
        labelled_row(form, "&Organisation:", self.organisation)
        self.fields.add_rows(form)
        self.save_button = QPushButton("Sa&ve target")
        self.save_button.setAccessibleName("Save target organisation")
        self.save_button.clicked.connect(self.save)
        self.application_button = QPushButton("Open its a&pplication")
        self.application_button.setAccessibleName("Open its application")
        self.application_button.clicked.connect(self._open_application)
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_button)
        save_row.addStretch(1)
        save_row.addWidget(self.application_button)
        side = QWidget()
        layout = QVBoxLayout(side)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addLayout(save_row)
        layout.addWidget(self._openings_box())
        layout.addWidget(self._people_box())
        self.details = (self._openings, self._people)
        return side

    def _openings_box(self) -> QGroupBox:
        self.openings = QTableWidget(0, len(OPENING_COLUMNS))
        self.openings.setAccessibleName("Openings")
        self.openings.setHorizontalHeaderLabels(OPENING_COLUMNS)
        self.openings.horizontalHeader().setAccessibleName("Opening columns")
        self.openings.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.openings.verticalHeader().hide()
        self.openings.setTabKeyNavigation(False)
        self.openings.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.openings.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.openings.setMinimumHeight(90)
        self.openings.setWordWrap(False)
        self.openings.setColumnWidth(1, 80)
        self.openings.cellActivated.connect(lambda *_: self.edit_opening())
        buttons = QHBoxLayout()
        for text, name, slot in (
            ("Add an openin&g…", "Add an opening", self.add_opening),
            ("&Edit…", "Edit the opening", self.edit_opening),
            ("S&kills against it…", "Skills against the opening", self.open_skills),
            ("Appl&y to it", "Apply to the opening", self.apply_to_opening),
        ):
            button = QPushButton(text)
            button.setAccessibleName(name)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        box = QGroupBox("Openings seen there")
        layout = QVBoxLayout(box)
        layout.addWidget(self.openings)
        layout.addLayout(buttons)
        self._openings = box
        return box

    def _people_box(self) -> QGroupBox:
        self.people = QListWidget()
        self.people.setAccessibleName("People I know there")
        self.people.setMaximumHeight(64)
        self.introductions = QListWidget()
        self.introductions.setAccessibleName("Introductions")
        self.introductions.setMaximumHeight(64)
        self.introductions.itemActivated.connect(self._open_introduction)
        ask = QPushButton("Ask for an &introduction…")
        ask.setAccessibleName("Ask for an introduction here")
        ask.clicked.connect(self.ask_introduction)
        people_label = QLabel("People I know t&here:")
        people_label.setBuddy(self.people)
        asked_label = QLabel("Introductions asked (Enter opens one):")
        asked_label.setBuddy(self.introductions)
        box = QGroupBox("People and introductions")
        layout = QVBoxLayout(box)
        layout.addWidget(people_label)
        layout.addWidget(self.people)
        layout.addWidget(asked_label)
        layout.addWidget(self.introductions)
        layout.addWidget(ask, 0, Qt.AlignmentFlag.AlignLeft)
        self._people = box
        return box

    # -- reading ------------------------------------------------------------------------

    def reload(self, keep: int | None = None) -> None:
        self.rows = network.target_rows(self.journal)
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.rows))
        for number, row in enumerate(self.rows):
            cells = (
                row.organisation,
                m.TARGET_STATUSES[row.status],
                str(row.openings),
                str(row.people),
                str(row.introductions),
            )
            for column, text in enumerate(cells):
                self.table.setItem(number, column, QTableWidgetItem(text))
        self.table.blockSignals(False)
        if keep is not None:
            self.choose(keep)
        else:
            self._show(None)

    def choose(self, target_id: int) -> None:
        row = next((n for n, r in enumerate(self.rows) if r.id == target_id), -1)
        if row >= 0:
            self.table.blockSignals(True)
            self.table.selectRow(row)
            self.table.blockSignals(False)
        self._show(target_id if row >= 0 else None)

    def _on_row(self, row: int) -> None:
        if 0 <= row < len(self.rows) and self.rows[row].id != self.target_id:
            self._show(self.rows[row].id)

    def record_id(self) -> int | None:
        return self.target_id

    def name_field(self) -> QLineEdit:
        return self.organisation

    def _show(self, target_id: int | None) -> None:
        if not self.keep_edits():
            self.table.clearSelection()  # no row looks chosen while the form is another's
            return
        self.target_id = target_id
        self.target = self.journal.get(plain.Target, target_id) if target_id else None
        target = self.target
        self.organisation.setText(target.company.name if target else "")
        self.fields.load(target)
        self.loaded()
        for box in self.details:
            box.setEnabled(target is not None)
        self.delete_button.setEnabled(target is not None)
        self.application_button.setEnabled(bool(target and target.application_id))
        self.openings.setRowCount(0)
        self.people.clear()
        self.introductions.clear()
        if target is None:
            return
        for opening in target.openings:
            row = self.openings.rowCount()
            self.openings.insertRow(row)
            seen = dates.short_day(opening.seen_on) if opening.seen_on else ""
            for column, text in enumerate((opening.job_title, seen, opening.url)):
                self.openings.setItem(row, column, QTableWidgetItem(text))
        if target.openings:
            self.openings.setCurrentCell(0, 0)
        for person in network.people_at(self.journal, target.company_id):
            self.people.addItem(f"{person.name}{f' — {person.title}' if person.title else ''}")
        if not self.people.count():
            self.people.addItem("Nobody yet: who could introduce you? (Contacts, Ctrl+Shift+M)")
        for intro in network.introductions_of_target(self.journal, target.id):
            state = m.INTRODUCTION_STATES[intro.state]
            item = QListWidgetItem(f"{intro.connector.name} → {intro.to_name}: {state}")
            item.setData(Qt.ItemDataRole.UserRole, intro.id)
            self.introductions.addItem(item)

    def _opening(self) -> plain.Opening | None:
        row = self.openings.currentRow()
        if self.target is None or not 0 <= row < len(self.target.openings):
            return None
        return self.target.openings[row]

    # -- changing -----------------------------------------------------------------------

    def _run(self, text: str, operation: object, keep: int | None = None) -> int | None:
        done = self.runner.run(
            text,
            operation,  # type: ignore[arg-type]
            show_error=lambda words: show_message(self.message, words),
        )
        if done is None:
            return None
        show_message(self.message, "")
        self.reload(keep=keep if keep is not None else self.target_id)
        return done.id

    def new_target(self) -> None:
        if not self.keep_edits():
            return
        self.table.clearSelection()
        self._show(None)
        self.organisation.setFocus()

    def save(self) -> None:
        done = self._save()
        if done is not None:
            self.reload(keep=done.id)

    def _save(self) -> Changes | None:
        try:
            values = self.fields.values()
        except JournalError as error:
            show_message(self.message, str(error))
            return None
        target_id, organisation = self.target_id, self.organisation.text()
        done = self.runner.run(
            "Save target organisation",
            lambda: network.save_target(
                self.journal, target_id, organisation=organisation, **values
            ),
            show_error=lambda words: show_message(self.message, words),
        )
        if done is not None:
            show_message(self.message, "")
            self.target_id = done.id
            self.loaded()
        return done

    def delete_target(self) -> None:
        target_id = self.target_id
        if target_id is None:
            return
        impact = self.journal.deletion_impact(plain.Target, target_id)
        goes = f" With it go {impact_words(impact)}." if impact else ""
        question = (
            f"Stop tracking {self.organisation.text()} as a target?{goes} Its contacts and "
            "any application stay. This cannot be undone."
        )
        if yes_asked(self, "Delete target organisation", question):
            self.runner.run(
                "Delete target organisation",
                lambda: self.journal.delete(plain.Target, target_id, confirm=True),
            )
            self.runner.forget_history()
            self.reload()

    def add_opening(self) -> None:
        self._edit_opening(None)

    def edit_opening(self) -> None:
        opening = self._opening()
        if opening is not None:
            self._edit_opening(opening)

    def _edit_opening(self, opening: plain.Opening | None) -> None:
        target_id = self.target_id
        if target_id is None:
            return
        dialog = OpeningDialog(self, opening)

        def save() -> None:
            values = dialog.fields.values()
            if opening is None:
                operation = lambda: self.journal.add(  # noqa: E731
                    plain.Opening, target_id=target_id, **values
                )
            else:
                operation = lambda: self.journal.update(  # noqa: E731
                    plain.Opening, opening.id, **values
                )
            self.runner.run("Save opening", operation)

        dialog.action = save
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.reload(keep=target_id)

    def open_skills(self) -> None:
        from jobjournal.ui.network.skills_dialog import SkillsDialog

        opening = self._opening()
        if opening is None:
            show_message(self.message, "Add an opening first, with its posting pasted.")
            return
        title = f"{opening.job_title}, {self.organisation.text()}"
        SkillsDialog(self, self.journal, self.runner, opening_id=opening.id, title=title).exec()

    def apply_to_opening(self) -> None:
        opening, target_id = self._opening(), self.target_id
        if opening is None or target_id is None:
            show_message(self.message, "Add the opening you are applying to first.")
            return
        made = self._run(
            "Apply to the opening",
            lambda: network.application_from_target(self.journal, target_id, opening.id),
        )
        if made is not None:
            self.application_opened.emit(made)
            self.accept()

    def _open_application(self) -> None:
        if not self.keep_edits():
            return
        if self.target is not None and self.target.application_id is not None:
            self.application_opened.emit(self.target.application_id)
            self.accept()

    def ask_introduction(self) -> None:
        from jobjournal.ui.network.introduction_dialog import IntroductionDialog

        if self.target_id is None:
            return
        IntroductionDialog(self, self.journal, self.runner, target_id=self.target_id).exec()
        self.reload(keep=self.target_id)

    def _open_introduction(self, item: QListWidgetItem) -> None:
        from jobjournal.ui.network.introduction_dialog import IntroductionDialog

        intro_id = item.data(Qt.ItemDataRole.UserRole)
        if intro_id is not None:
            IntroductionDialog(self, self.journal, self.runner, introduction_id=intro_id).exec()
            self.reload(keep=self.target_id)


class OpeningDialog(ActionDialog):
    """An opening seen at a target: its title, link, day, and the posting pasted."""

    def __init__(self, parent: QWidget, opening: plain.Opening | None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Opening")
        self.setAccessibleName("Opening")
        self.fields = FieldSet(forms.OPENING, long_height=None)
        self.fields.load(opening)
        self.message = message_label("Opening message")
        form = QFormLayout()
        self.fields.add_rows(form)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolling(form), 1)
        layout.addWidget(self.message)
        layout.addWidget(dialog_buttons(self, "&Save opening", "Save opening"))
        fit_on_screen(self, 640, 520)
        enter_presses_only_the_default(self)
