"""The installed Qt binding keeps Python's reference counts right (see pyproject.toml)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


def test_calls_that_return_nothing_keep_none_alive(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(1000):
        label.setText("x")  # returns None; PySide6 6.12.0 drops a reference each time
    assert sys.getrefcount(None) >= before - 10
