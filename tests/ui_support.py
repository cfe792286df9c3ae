"""Helpers for GUI tests: answer modal dialogs, find rows in the applications table."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from jobjournal.ui.applications.applications_model import COL_COMPANY, COL_TITLE

CTRL = Qt.KeyboardModifier.ControlModifier


@contextmanager
def main_window_shown(qtbot: QtBot, journal: Any) -> Iterator[Any]:
    """The main window on `journal`, shown and active as a person would have it."""
    from jobjournal.ui.applications.main_window import MainWindow

    window = MainWindow(journal)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    try:
        yield window
    finally:
        window.detail.dirty = False  # nothing to ask about when the test's window closes
        window.close()
        window.deleteLater()


def answer_modal(qtbot: QtBot, answer: Callable[[QWidget], Any]) -> None:
    """Call `answer` with the next modal dialog once it is open (while exec() blocks)."""

    def attempt() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, attempt)
            return
        try:
            answer(dialog)
        finally:
            if dialog.isVisible():  # a failed answer must fail the test, not hang it
                QTimer.singleShot(1000, dialog.close)

    QTimer.singleShot(20, attempt)


def shown_companies(window: Any) -> list[str]:
    model = window.model
    return [model.index(row, COL_COMPANY).data() for row in range(model.rowCount())]


def row_titled(window: Any, title: str) -> int | None:
    model = window.model
    for row in range(model.rowCount()):
        if model.index(row, COL_TITLE).data() == title:
            return row
    return None


def select_company(qtbot: QtBot, window: Any, company: str) -> int:
    """Click the company's row like a person; return the application's id."""
    row = shown_companies(window).index(company)
    rect = window.table.visualRect(window.model.index(row, COL_COMPANY))
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    application_id: int = window.model.application_id(row)
    assert window.detail.application_id == application_id
    return application_id


def shortcut(
    qtbot: QtBot, widget: QWidget, key: Qt.Key, modifier: Qt.KeyboardModifier = CTRL
) -> None:
    """Press a shortcut as a person would at `widget`. Shortcuts reach only the active
    window, and the offscreen platform does not hand activation back after a dialog."""
    window = widget.window()
    if QApplication.activeWindow() is not window:
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(widget, key, modifier)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def activate(qtbot: QtBot, dialog: QWidget) -> None:
    """Keys reach the active window; the offscreen platform activates only on request."""
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)


def answer_modal_named(qtbot: QtBot, name: str, answer: Callable[[QWidget], Any]) -> None:
    """Like `answer_modal`, for the modal dialog of that accessible name: when one dialog
    opens the next, the first may still be the active modal for a moment."""

    def attempt() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog.accessibleName() != name:
            QTimer.singleShot(20, attempt)
            return
        try:
            answer(dialog)
        finally:
            if dialog.isVisible():
                QTimer.singleShot(1000, dialog.close)

    QTimer.singleShot(20, attempt)


def answer_file_dialog(qtbot: QtBot, path: Any) -> None:
    """Choose `path` in the next file dialog, as if typed there and confirmed."""

    def attempt() -> None:
        dialog = QApplication.activeModalWidget()
        if type(dialog).__name__ != "QFileDialog":
            QTimer.singleShot(20, attempt)
            return
        # Typed in its name field: selectFile() alone can be undone by the folder's
        # contents loading in the background.
        name_field = dialog.findChild(QLineEdit, "fileNameEdit")
        name_field.setText(str(path))
        dialog.accept()  # type: ignore[union-attr]

    QTimer.singleShot(20, attempt)


def click_link(qtbot: QtBot, browser: Any, text: str) -> None:
    """Click the link showing `text` in a QTextBrowser, where a person would."""
    from PySide6.QtGui import QTextCursor

    qtbot.waitUntil(browser.isVisible)
    qtbot.wait(10)  # let the tab lay its page out before finding where the link is
    found = browser.document().find(text)
    assert not found.isNull(), f"no link {text!r}"
    cursor = QTextCursor(browser.document())
    cursor.setPosition(found.selectionStart() + 1)
    browser.setTextCursor(cursor)
    browser.ensureCursorVisible()
    point = browser.cursorRect(cursor).center()
    qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=point)


def unnamed_widgets(root: QWidget) -> list[str]:
    """Interactive widgets a screen reader could not name."""
    interactive = (
        QAbstractButton,
        QLineEdit,
        QComboBox,
        QAbstractSpinBox,
        QPlainTextEdit,
        QAbstractItemView,
    )
    return [
        f"{type(w).__name__} {w.objectName()!r}"
        for w in root.findChildren(QWidget)
        if isinstance(w, interactive)
        and not w.accessibleName()
        and w.isVisibleTo(root)
        and w.parent() is not None
        and not _is_internal(w)
    ]


def _is_internal(widget: QWidget) -> bool:
    """Parts Qt builds inside its own widgets (a spin box's line edit, a combo's list)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, (QAbstractSpinBox, QComboBox)) or type(parent).__name__ in (
            "QToolBarExtension",
            "QCalendarWidget",
        ):
            return True
        parent = parent.parentWidget()
    return type(widget).__name__ in ("QToolBarExtension", "QTabBar", "QScrollBar") or (
        widget.objectName().startswith("qt_")
    )


def back_up_now(qtbot: QtBot, window: Any) -> None:
    """Journal → Back up now by its shortcut, until the status bar says it is done."""
    shortcut(
        qtbot,
        window.table,
        Qt.Key.Key_B,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: "Backed up" in window.statusBar().currentMessage())


def type_passphrase(qtbot: QtBot, path: Any, passphrase: str) -> Any:
    """Start the app on `path` and type the passphrase into its unlock window, as a
    person does; returns the AppController (its window appears if the passphrase fits)."""
    from support import by_name

    from jobjournal.ui.journal.app import AppController

    controller = AppController(path)
    qtbot.addWidget(controller.dialog)
    controller.start()
    field = by_name(controller.dialog, "Passphrase")
    qtbot.keyClicks(field, passphrase)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    return controller


def demo_journal_file() -> Any:
    """The example search as a locked journal at the default path, with PASSPHRASE."""
    from support import PASSPHRASE

    from jobjournal.core.storage import paths, vault
    from jobjournal.core.work.demo import fill_demo

    path = paths.default_journal_path()
    journal = vault.create(path, PASSPHRASE)
    fill_demo(journal)
    journal.lock()
    return path


def discard(qtbot: QtBot, dialog: QWidget) -> None:
    """Close a dialog something was typed in, as a person would: Cancel, then "Discard"
    when it asks whether to throw the typing away."""

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if box is None or box is dialog:
            QTimer.singleShot(20, answer)
            return
        next(
            b for b in box.findChildren(QAbstractButton) if b.accessibleName() == "Discard"
        ).click()

    QTimer.singleShot(20, answer)
    dialog.reject()  # type: ignore[attr-defined]
    assert not dialog.isVisible()
