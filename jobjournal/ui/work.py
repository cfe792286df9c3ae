"""Long work (unlock with key derivation, backup, verify, rekey) off the GUI thread.

The window keeps painting and a busy dialog says what is happening. The dialog is modal,
so nothing else touches the journal while the work runs (the journal has one connection).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

T = TypeVar("T")

SHOW_AFTER_MS = 300  # quick work finishes without a dialog flashing up
_busy: list[str] = []  # what is running now; the idle lock waits for it


def is_busy() -> bool:
    return bool(_busy)


def run_with_progress(parent: QWidget | None, what: str, work: Callable[[], T]) -> T:
    """Run `work` in a thread; return its result or raise its exception, here."""
    outcome: dict[str, object] = {}
    done = threading.Event()

    def target() -> None:
        try:
            outcome["result"] = work()
        except BaseException as error:  # handed back to the GUI thread to raise there
            outcome["error"] = error
        finally:
            done.set()

    loop = QEventLoop()
    dialog = _busy_dialog(parent, what)
    poll = QTimer()
    poll.setInterval(15)
    poll.timeout.connect(lambda: loop.quit() if done.is_set() else None)
    _busy.append(what)
    try:
        threading.Thread(target=target, name=f"jobjournal: {what}", daemon=True).start()
        poll.start()
        QTimer.singleShot(SHOW_AFTER_MS, lambda: None if done.is_set() else dialog.show())
        if not done.is_set():
            # Paint, but hold clicks and keys until the work is done: they would reach
            # the journal while the thread uses its connection.
            loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        done.wait()  # the loop also ends when the app quits; the work still must finish
    finally:
        poll.stop()
        _busy.remove(what)
        dialog.hide()
        dialog.deleteLater()
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["result"]  # type: ignore[return-value]


def _busy_dialog(parent: QWidget | None, what: str) -> QProgressDialog:
    dialog = QProgressDialog(f"{what}…", "", 0, 0, parent)
    dialog.setWindowTitle("jobjournal")
    dialog.setAccessibleName("Working")
    dialog.setCancelButton(None)  # the work cannot be stopped half-way safely
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.hide()
    return dialog
