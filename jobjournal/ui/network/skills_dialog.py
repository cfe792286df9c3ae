"""My skills against an opening (Application → Skills against the posting, Ctrl+Shift+A;
or an opening of a target organisation): what the posting asks, read by a plain rule the
window states, beside my skills from the profile, each marked met, to show or gap. The
list is the person's to correct: edit a line in place, add or remove one, mark it by hand
(or give it back to the rule). The gaps go on the interview prep sheet."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jobjournal.core.records import plain
from jobjournal.core.storage import models as m
from jobjournal.core.work import skills
from jobjournal.ui.shared.basics import close_buttons, fit_on_screen, message_label, show_message
from jobjournal.ui.shared.dialogs import enter_presses_only_the_default
from jobjournal.ui.shared.fields import text_edit

if TYPE_CHECKING:
    from jobjournal.core.records.journal import Journal
    from jobjournal.ui.shared.runner import Runner

COLUMNS = ("What the posting asks", "Mark", "My skill, and how I show it")
RULE = (
    "Read from the posting: its bullet lines (not those under Benefits or About us) and "
    "phrases such as “experience with …” or “knowledge of …”. Met: a skill of yours is "
    "named and you wrote how you show it; to show: named, no proof written yet; gap: none "
    "named."
)
_MARK_COLOURS = {"met": QColor(46, 160, 67), "to_show": QColor(191, 135, 0)}


class SkillsDialog(QDialog):
    def __init__(
        self,
        parent: QWidget,
        journal: Journal,
        runner: Runner,
        *,
        application_id: int | None = None,
        opening_id: int | None = None,
        title: str = "",
    ) -> None:
        super().__init__(parent)
        self.journal = journal
        self.runner = runner
        self.owner = {"application_id": application_id, "opening_id": opening_id}
        self.rows: list[skills.Assessed] = []
        self.setWindowTitle(f"Skills against the posting — {title}" if title else "Skills")
        self.setAccessibleName("Skills against the posting")
        self.message = message_label("Skills message")
        self._build()
        fit_on_screen(self, 980, 640)
        enter_presses_only_the_default(self)
        self.reload()

    def _build(self) -> None:
        rule = QLabel(RULE)
        rule.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setAccessibleName("Requirements")
        self.table.setTabKeyNavigation(False)
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.horizontalHeader().setAccessibleName("Requirement columns")
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(1, 90)
        self.table.setColumnWidth(2, 280)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.itemChanged.connect(self._text_changed)
        read = QPushButton("&Read from the posting")
        read.setAccessibleName("Read requirements from the posting")
        read.clicked.connect(self.read_posting)
        add = QPushButton("&Add a line")
        add.setAccessibleName("Add a requirement")
        add.clicked.connect(self.add_line)
        remove = QPushButton("Re&move")
        remove.setAccessibleName("Remove the requirement")
        remove.clicked.connect(self.remove_line)
        marks = QHBoxLayout()
        marks.addWidget(read)
        marks.addWidget(add)
        marks.addWidget(remove)
        marks.addStretch(1)
        for mark, text in (("met", "M&et"), ("to_show", "&To show"), ("gap", "&Gap")):
            button = QPushButton(text)
            button.setAccessibleName(f"Mark {m.REQUIREMENT_MARKS[mark].lower()}")
            button.clicked.connect(lambda _=False, chosen=mark: self.mark(chosen))
            marks.addWidget(button)
        by_rule = QPushButton("&By the rule")
        by_rule.setAccessibleName("Mark by the rule")
        by_rule.clicked.connect(lambda: self.mark(None))
        marks.addWidget(by_rule)
        self.my_skills = text_edit("My skills", "Python: eight years, led the billing rewrite")
        self.my_skills.setMaximumHeight(110)
        self.my_skills.setPlainText(self.journal.profile().skills)
        save_skills = QPushButton("&Save my skills")
        save_skills.setAccessibleName("Save my skills")
        save_skills.clicked.connect(self.save_skills)
        skills_label = QLabel("M&y skills (one per line; after a colon, how you can show it):")
        skills_label.setBuddy(self.my_skills)
        self.summary = QLabel()
        self.summary.setAccessibleName("Requirements summary")
        layout = QVBoxLayout(self)
        layout.addWidget(rule)
        layout.addWidget(self.table, 1)
        layout.addLayout(marks)
        layout.addWidget(self.summary)
        layout.addWidget(skills_label)
        layout.addWidget(self.my_skills)
        layout.addWidget(save_skills, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.message)
        layout.addWidget(close_buttons(self))

    def reload(self) -> None:
        keep = self.table.currentRow()
        self.rows = skills.assessed(self.journal, **self.owner)
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.rows))
        for row, found in enumerate(self.rows):
            text = QTableWidgetItem(found.text)
            self.table.setItem(row, 0, text)
            mark = m.REQUIREMENT_MARKS[found.mark] + ("" if found.own_mark else " (rule)")
            cell = QTableWidgetItem(mark)
            cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
            if found.mark in _MARK_COLOURS:
                cell.setForeground(QBrush(_MARK_COLOURS[found.mark]))
            self.table.setItem(row, 1, cell)
            proof = f"{found.skill}: {found.proof}" if found.proof else found.skill
            mine = QTableWidgetItem(proof)
            mine.setFlags(mine.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(row, 2, mine)
        self.table.blockSignals(False)
        self.table.resizeRowsToContents()
        if self.rows:
            self.table.setCurrentCell(min(max(keep, 0), len(self.rows) - 1), 0)
        counts = {mark: sum(r.mark == mark for r in self.rows) for mark in m.REQUIREMENT_MARKS}
        self.summary.setText(
            ", ".join(f"{n} {m.REQUIREMENT_MARKS[k].lower()}" for k, n in counts.items())
            if self.rows
            else "Nothing yet: paste the posting, then Read from the posting."
        )

    def _current(self) -> skills.Assessed | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def _run(self, text: str, operation: object) -> None:
        done = self.runner.run(
            text,
            operation,  # type: ignore[arg-type]
            show_error=lambda words: show_message(self.message, words),
        )
        if done is not None:
            show_message(self.message, "")
        self.reload()

    def read_posting(self) -> None:
        self._run(
            "Read the requirements", lambda: skills.read_from_posting(self.journal, **self.owner)
        )

    def add_line(self) -> None:
        position = max((r.id for r in self.rows), default=0) + len(self.rows)
        self._run(
            "Add a requirement",
            lambda: self.journal.add(
                plain.Requirement, position=position, text="New requirement", **self.owner
            ),
        )
        added = self.table.item(len(self.rows) - 1, 0)
        if added is not None:
            self.table.setCurrentItem(added)
            self.table.editItem(added)

    def remove_line(self) -> None:
        found = self._current()
        if found is not None:
            self._run(
                "Remove a requirement",
                lambda: self.journal.delete(plain.Requirement, found.id),
            )

    def mark(self, mark: str | None) -> None:
        found = self._current()
        if found is not None:
            self._run(
                "Mark a requirement",
                lambda: self.journal.update(plain.Requirement, found.id, mark=mark),
            )

    def _text_changed(self, item: QTableWidgetItem) -> None:
        if item.column() != 0 or not 0 <= item.row() < len(self.rows):
            return
        found = self.rows[item.row()]
        if item.text().strip() != found.text:
            self._run(
                "Edit a requirement",
                lambda: self.journal.update(plain.Requirement, found.id, text=item.text()),
            )

    def save_skills(self) -> None:
        written = self.my_skills.toPlainText()
        self._run("Save my skills", lambda: self.journal.update_profile(skills=written))
