"""Run slow start-up work (keychain, vault imports) only once the first window is on screen.

A zero-delay timer is not enough: Qt runs it before the window's first paint event.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

FALLBACK_MS = 1000  # should the paint never come (a hidden or minimised window)


class _AfterPaint(QObject):
    def __init__(self, widget: QWidget, work: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._work: Callable[[], None] | None = work
        widget.installEventFilter(self)
        QTimer.singleShot(FALLBACK_MS, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self._run)  # after this paint reaches the screen
        return False

    def _run(self) -> None:
        work, self._work = self._work, None
        if work is None:
            return
        self._widget.removeEventFilter(self)
        work()
        self.deleteLater()


def after_first_paint(widget: QWidget, work: Callable[[], None]) -> None:
    """Call `work` once, right after `widget` next paints."""
    _AfterPaint(widget, work)


class _ExitOnPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            os._exit(0)  # at once: what is timed is the start, not the tear-down
        return False


def exit_on_first_paint(widget: QWidget) -> None:
    """End the process the moment `widget` first paints (timing the start of a bundle,
    whose code cannot be wrapped the way a source run's can)."""
    widget.installEventFilter(_ExitOnPaint(widget))
