"""Lock the journal after a person has been away: any key, click or mouse move resets it.

Loaded before the first paint: the busy-work module is imported when the timer fires.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.InputMethod,
    }
)


class IdleLock(QObject):
    """Calls `on_idle` once after `minutes` without input (0: never) while started."""

    def __init__(self, on_idle: Callable[[], None]) -> None:
        super().__init__()
        self._on_idle = on_idle
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._fire)
        self._interval_ms = 0
        self._started = False

    def set_minutes(self, minutes: float) -> None:
        self._interval_ms = int(minutes * 60_000)
        self._restart()

    def start(self) -> None:
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        self._started = True
        self._restart()

    def stop(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self._started = False
        self._timer.stop()

    @property
    def interval_minutes(self) -> float:
        return self._interval_ms / 60_000

    @property
    def is_running(self) -> bool:
        return self._timer.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and self._timer.isActive():
            self._timer.start()  # restart the countdown; cheap, and never blocks the event
        return False

    def _restart(self) -> None:
        if self._started and self._interval_ms > 0:
            self._timer.start(self._interval_ms)
        else:
            self._timer.stop()

    def _fire(self) -> None:
        from jobjournal.ui.shared import work  # not at import: it is loaded after the first paint

        if work.is_busy():  # a backup or rekey is running: lock right after it
            self._timer.start(1000)
            return
        self._on_idle()
