"""The Due list under the pipeline: what needs doing soon, each item one activation away
from where it can be done."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QListWidget, QListWidgetItem

if TYPE_CHECKING:
    from jobjournal.core.work.due import DueItem

# Symbols every desktop font has (emoji are missing on many Linux desktops).
ICONS = {
    "offer": "★",
    "thank_you": "✉",
    "interview": "◷",
    "decision": "?",
    "action": "→",
    "feedback": "↺",
    "introduction": "⇄",
    "follow_up": "☏",
}
# Each kind also in a word: a symbol alone is a puzzle, and to a screen reader nothing.
WORDS = {
    "offer": "Offer",
    "thank_you": "Thank-you",
    "interview": "Interview",
    "decision": "Decision",
    "action": "Next step",
    "feedback": "Feedback",
    "introduction": "Introduction",
    "follow_up": "Follow-up",
}
OVERDUE = QColor(217, 48, 37)  # the message label's red: reads on light and dark
GROUPS = ("Overdue", "Today", "This week", "Later")


def group_of(due: DueItem, today: date) -> str:
    if due.overdue:
        return "Overdue"
    if due.when <= today:
        return "Today"
    return "This week" if due.when < today + timedelta(days=7) else "Later"


class DuePanel(QListWidget):
    opened = Signal(object)  # the DueItem activated

    def __init__(self) -> None:
        super().__init__()
        self.setAccessibleName("Due")
        self.setWordWrap(True)
        self.setToolTip("What needs doing soon: Enter or double-click to do it")
        self.itemActivated.connect(self._activated)

    def _activated(self, item: QListWidgetItem) -> None:
        due = item.data(Qt.ItemDataRole.UserRole)
        if due is not None:  # a heading opens nothing
            self.opened.emit(due)

    def show_items(self, items: list[DueItem]) -> None:
        self.clear()
        if not items:
            empty = QListWidgetItem("Nothing due. Well done.")
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.addItem(empty)
            return
        today = date.today()
        grouped: dict[str, list[DueItem]] = {name: [] for name in GROUPS}
        for due in items:  # in the core's order: most pressing first
            grouped[group_of(due, today)].append(due)
        for name, members in grouped.items():
            if members:
                self._add_heading(f"{name} ({len(members)})")
            for due in members:
                self._add_item(due)

    def _add_heading(self, text: str) -> None:
        heading = QListWidgetItem(text)
        # Not a thing to do, so not selectable; enabled, so it reads in the text's colour.
        heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
        bold = heading.font()
        bold.setBold(True)
        heading.setFont(bold)
        self.addItem(heading)

    def _add_item(self, due: DueItem) -> None:
        word = WORDS.get(due.kind, "")
        item = QListWidgetItem(f"{ICONS.get(due.kind, '•')} {word}: {due.text}")
        item.setData(Qt.ItemDataRole.UserRole, due)
        item.setToolTip(due.text)
        if due.overdue:
            item.setForeground(QBrush(OVERDUE))
        self.addItem(item)
