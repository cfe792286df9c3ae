"""A text field for notes that may be very long: a pasted posting, a transcript.

Laying out text costs time by its length, and a single 5 MB paragraph takes seconds. So a
text longer than `SHOWN_AT_ONCE` shows its start, read-only, with a bar that says so and
a "Show all" button; the whole text stays what the field holds (`toPlainText`), so saving
never cuts it. Every long field of the app is one of these (`fields.text_edit`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QWidget

SHOWN_AT_ONCE = 100_000  # characters: laid out in well under 100 ms, even as one line


class LongTextEdit(QPlainTextEdit):
    def __init__(self) -> None:
        super().__init__()
        self._whole: str | None = None  # the text, while only its start is shown
        self._bar = QWidget(self)
        self._said = QLabel()
        self._show_all = QPushButton("Show &all")
        self._show_all.setAutoDefault(False)  # Enter in a dialog must not press it
        layout = QHBoxLayout(self._bar)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(self._said, 1)
        layout.addWidget(self._show_all)
        self._bar.setAutoFillBackground(True)
        self._bar.hide()
        self._show_all.clicked.connect(self.show_all)

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        self._said.setAccessibleName(f"{name}: shown in part")
        self._show_all.setAccessibleName(f"Show all of {name.lower()}")

    def setPlainText(self, text: str) -> None:
        if len(text) <= SHOWN_AT_ONCE:
            self._show_whole(text)
            return
        self._whole = text
        start = _start_of(text)
        super().setPlainText(start)
        self.setReadOnly(True)
        # Short enough for a narrow field; the rest is in the tooltip.
        self._said.setText(f"Start shown: {len(start):,} of {len(text):,} characters")
        self._bar.setToolTip(
            "Only the start of this long text is shown, read-only, so the window stays "
            "quick. Show all to read or edit all of it (this may take a few seconds)."
        )
        self._bar.show()
        self._place_bar()

    def toPlainText(self) -> str:
        return self._whole if self._whole is not None else super().toPlainText()

    def clear(self) -> None:
        self.setPlainText("")

    @property
    def shown_in_part(self) -> bool:
        return self._whole is not None

    def show_all(self) -> None:
        if self._whole is None:
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            blocked = self.blockSignals(True)  # the text is the same: nothing was edited
            self._show_whole(self._whole)
            self.blockSignals(blocked)
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.setFocus()

    def _show_whole(self, text: str) -> None:
        self._whole = None
        self._bar.hide()
        self.setViewportMargins(0, 0, 0, 0)
        self.setReadOnly(False)
        super().setPlainText(text)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_bar()

    def _place_bar(self) -> None:
        if self._bar.isHidden():
            return
        inside = self.contentsRect()
        height = self._bar.sizeHint().height()
        self.setViewportMargins(0, 0, 0, height)
        self._bar.setGeometry(inside.left(), inside.bottom() - height + 1, inside.width(), height)


def _start_of(text: str) -> str:
    """The first `SHOWN_AT_ONCE` characters, ending at a line's end when one is near."""
    start = text[:SHOWN_AT_ONCE]
    line_end = start.rfind("\n", SHOWN_AT_ONCE * 9 // 10)
    return start[: line_end + 1] if line_end >= 0 else start
