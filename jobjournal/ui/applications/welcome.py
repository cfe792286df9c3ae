"""What an empty journal shows instead of an empty list and a pipeline of zeros: three
ways to start, each a button, the first one focused."""

from __future__ import annotations

import sys

from PySide6.QtCore import QProcess, Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget


class Welcome(QWidget):
    add_requested = Signal()
    import_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setAccessibleName("Start your search")
        heading = QLabel("<h2>Your journal is ready</h2>")
        intro = QLabel(
            "Only you can open it: it stays on this computer, encrypted.<br>"
            "Start with one of these:"
        )
        self.add = self._button(
            "&Add your first application…", "Add your first application", "Ctrl+N"
        )
        self.add.clicked.connect(self.add_requested.emit)
        self.import_ = self._button(
            "&Import from Huntr, Teal or a spreadsheet (CSV)…",
            "Import applications",
            "Columns are matched for you, and you see every row before anything is saved",
        )
        self.import_.clicked.connect(self.import_requested.emit)
        self.example = self._button(
            "Open the &example journal",
            "Open the example journal",
            "A made-up search of a few weeks, in its own window: nothing of it comes into "
            "yours, and it is deleted when you close it",
        )
        self.example.clicked.connect(open_example)
        column = QWidget()  # a readable width, whatever the window's
        column.setMaximumWidth(560)
        inside = QVBoxLayout(column)
        inside.setContentsMargins(0, 0, 0, 0)
        inside.setSpacing(10)
        for widget in (heading, intro, self.add, self.import_, self.example):
            inside.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addWidget(column, 0, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout.addStretch(1)

    def _button(self, text: str, name: str, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(name)
        button.setToolTip(tip)
        button.setMinimumWidth(300)
        return button


def example_command() -> list[str]:
    """How to start this copy of the app on the example journal: the bundle is its own
    program, a source checkout runs the module."""
    if getattr(sys, "frozen", False):
        return [sys.executable, "--demo"]
    return [sys.executable, "-m", "jobjournal", "--demo"]


def open_example() -> bool:
    program, *arguments = example_command()
    started, _pid = QProcess.startDetached(program, arguments)
    return bool(started)
