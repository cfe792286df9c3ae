"""The line where a form or dialog says what is wrong.

Its own small module: the unlock dialog uses it, and loads before the first paint.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


def message_label(name: str) -> QLabel:
    """Where a form says what is wrong; hidden until there is something to say."""
    label = QLabel()
    label.setAccessibleName(name)
    label.setWordWrap(True)
    label.setStyleSheet(  # a red tint: reads as a problem on light and dark alike
        "background: rgba(217, 48, 37, 0.16); border-radius: 4px; padding: 6px 8px;"
    )
    label.hide()
    return label


def show_message(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))
