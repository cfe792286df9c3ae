"""The Due list under the pipeline: what needs doing soon, each item one activation away
from where it can be done."""

from __future__ import annotations

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
}
OVERDUE = QColor(217, 48, 37)  # the message label's red: reads on light and dark


class DuePanel(QListWidget):
    opened = Signal(object)  # the DueItem activated

    def __init__(self) -> None:
        super().__init__()
        self.setAccessibleName("Due")
        self.setWordWrap(True)
        self.setToolTip("What needs doing soon: Enter or double-click to do it")
        self.itemActivated.connect(
            lambda item: self.opened.emit(item.data(Qt.ItemDataRole.UserRole))
        )

    def show_items(self, items: list[DueItem]) -> None:
        self.clear()
        if not items:
            empty = QListWidgetItem("Nothing due. Well done.")
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.addItem(empty)
            return
        for due in items:
            item = QListWidgetItem(f"{ICONS.get(due.kind, '•')}  {due.text}")
            item.setData(Qt.ItemDataRole.UserRole, due)
            item.setToolTip(due.text)
            if due.overdue:
                item.setForeground(QBrush(OVERDUE))
            self.addItem(item)
