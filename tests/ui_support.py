"""Helpers for GUI tests: answer modal dialogs, find rows in the applications table."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from jobjournal.ui.applications_model import COL_COMPANY, COL_TITLE

CTRL = Qt.KeyboardModifier.ControlModifier


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
