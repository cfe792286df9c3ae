"""Long work (unlock with key derivation, backup, verify, rekey) off the GUI thread.

The window keeps painting and a busy dialog says what is happening. The dialog is modal,
so nothing else touches the journal while the work runs (the journal has one connection).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

from jobjournal.core.records.progress import Progress

T = TypeVar("T")

SHOW_AFTER_MS = 300  # quick work finishes without a dialog flashing up
_NEVER_BY_ITSELF = 2**31 - 1  # ms: QProgressDialog's own showing never comes
_busy: list[str] = []  # what is running now; the idle lock waits for it


def is_busy() -> bool:
    return bool(_busy)


def run_with_progress(
    parent: QWidget | None, what: str, work: Callable[[], T], progress: Progress | None = None
) -> T:
    """Run `work` in a thread; return its result or raise its exception, here.

    With a `progress` the work reports to, the dialog shows how far it is and has a Stop
    button; the work then raises `Cancelled` at its next step, having undone itself.
    """
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
    dialog = _busy_dialog(parent, what, progress)

    def check() -> None:
        if done.is_set():
            loop.quit()
        elif progress is not None:
            _show_progress(dialog, what, progress)

    poll = QTimer()
    poll.setInterval(15)
    poll.timeout.connect(check)
    _busy.append(what)
    try:
        threading.Thread(target=target, name=f"jobjournal: {what}", daemon=True).start()
        poll.start()
        QTimer.singleShot(SHOW_AFTER_MS, lambda: _show(dialog, loop, done, progress))
        if not done.is_set():
            # Paint, but hold clicks and keys until the work is done: they would reach
            # the journal while the thread uses its connection.
            loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        if progress is not None and not done.is_set():
            # The modal dialog is up, so its Stop button is the only thing a click reaches.
            loop.exec()
        done.wait()  # the loop also ends when the app quits; the work still must finish
    finally:
        poll.stop()
        _busy.remove(what)
        _close(dialog)
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["result"]  # type: ignore[return-value]


def _close(dialog: QProgressDialog) -> None:
    dialog.reset()  # stops the timer QProgressDialog keeps to show itself
    dialog.hide()
    dialog.deleteLater()  # in a nested loop (the dialog that follows), only after it


def _show(
    dialog: QProgressDialog, loop: QEventLoop, done: threading.Event, progress: Progress | None
) -> None:
    if done.is_set():
        return
    dialog.show()
    if progress is not None:
        loop.quit()  # and run again taking input, for the Stop button


def _show_progress(dialog: QProgressDialog, what: str, progress: Progress) -> None:
    if progress.cancelled:
        dialog.setLabelText("Stopping… nothing will be changed.")
        return
    if progress.total:
        dialog.setMaximum(max(progress.total, 1))
        dialog.setValue(min(progress.done, progress.total))
    stage = progress.stage or what
    dialog.setLabelText(
        f"{stage}… {progress.done:,} of {progress.total:,}" if progress.total else f"{stage}…"
    )


class _BusyDialog(QProgressDialog):
    """Stays up until the work ends: Escape or closing the window asks it to stop."""

    progress: Progress | None = None

    def reject(self) -> None:
        if self.progress is not None:
            self.progress.cancel()

    def closeEvent(self, event: QCloseEvent) -> None:
        event.ignore()
        self.reject()


def _busy_dialog(
    parent: QWidget | None, what: str, progress: Progress | None = None
) -> QProgressDialog:
    dialog = _BusyDialog(f"{what}…", "", 0, 0, parent)
    dialog.progress = progress
    dialog.setWindowTitle("jobjournal")
    dialog.setAccessibleName("Working")
    if progress is not None:
        stop = QPushButton("&Stop")
        stop.setAccessibleName("Stop")
        dialog.setCancelButton(stop)
        # QProgressDialog hides itself on cancel; it must stay until the work has undone
        # itself, so the click only asks the work to stop.
        dialog.canceled.disconnect()
        stop.clicked.connect(progress.cancel)
    else:
        dialog.setCancelButton(None)  # this work cannot be stopped half-way safely
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    # Shown by `_show` alone. QProgressDialog shows itself once setValue(0) has started
    # its timer; that timer could fire after the work ended, in the next dialog's loop,
    # leaving an application-modal busy box that nothing closes.
    dialog.setMinimumDuration(_NEVER_BY_ITSELF)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.hide()
    return dialog
