"""Every window fits a laptop screen as first shown: no taller than 700 px (a 1366×768
screen with a taskbar) and no wider than a 1280×720 screen, its layout still whole."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest
from dialog_openers import OPENERS
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextBrowser,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot
from support import by_name
from ui_support import answer_modal, discard, select_company

from jobjournal.core.records.journal import Journal
from jobjournal.core.storage.models import Status
from jobjournal.ui.applications.applications_model import COL_NEXT, COL_TITLE
from jobjournal.ui.applications.main_window import MainWindow
from jobjournal.ui.shared.basics import FIRST_HEIGHT
from jobjournal.ui.shared.dialogs import (
    ActionDialog,
    StatusDialog,
)

SMALLEST_WIDTH = 1280 - 40  # a 1280×720 screen, the window's frame beside it


@pytest.mark.parametrize("name", OPENERS)
def test_a_window_fits_a_laptop_screen_as_first_shown(
    qtbot: QtBot, window: MainWindow, demo_journal: Journal, name: str
) -> None:
    shown = OPENERS[name](window, demo_journal)
    shown.show()
    qtbot.waitExposed(shown)
    assert shown.height() <= FIRST_HEIGHT, (name, shown.size())
    assert shown.width() <= SMALLEST_WIDTH, (name, shown.size())
    if shown is not window:
        shown.close()


def test_the_list_takes_the_room_until_an_application_is_open(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.resize(1320, 700)  # a 1366×768 screen, less the frame and a taskbar
    window.show()
    qtbot.waitExposed(window)
    hint = by_name(window, "No application selected")
    assert not window.detail.isVisible() and hint.isVisible()
    wide = window.table.width()
    select_company(qtbot, window, "Civic Data Trust")
    assert window.detail.isVisible() and not hint.isVisible()
    qtbot.waitUntil(lambda: window.table.width() < wide)
    # With the details open, the list still reads whole: no sideways scrolling, every
    # job title at full length (the dates of the hidden columns are in the details).
    assert not window.table.horizontalScrollBar().isVisible()
    metrics = window.table.fontMetrics()
    title_width = window.table.columnWidth(COL_TITLE)
    for row in range(window.model.rowCount()):
        title = window.model.index(row, COL_TITLE).data()
        assert metrics.horizontalAdvance(title) + 12 <= title_width, title
    assert window.table.isColumnHidden(COL_NEXT)
    window.detail.clear()  # nothing selected again: the columns come back
    qtbot.waitUntil(lambda: not window.table.isColumnHidden(COL_NEXT))
    assert not window.table.horizontalScrollBar().isVisible()


_INPUTS = (
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QAbstractButton,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QTabBar,
)


def _takes_tab(widget: QWidget) -> bool:
    return (
        isinstance(widget, _INPUTS)
        and widget.isVisible()
        and widget.isEnabled()
        and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        and not isinstance(widget.parent(), (QComboBox, QAbstractSpinBox))  # their insides
    )


def _tab_chain(qtbot: QtBot, shown: QWidget, backwards: bool = False) -> list[QWidget]:
    """The widgets Tab (or Shift+Tab) visits, once round. A text with links keeps the
    keyboard for one press per link (that is how its links are reached); anything else
    that keeps it for a second press traps it."""
    key = Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab
    chain: list[QWidget] = []
    for _ in range(200):
        focused = QApplication.focusWidget()
        assert focused is not None
        if chain and focused is chain[-1] and isinstance(focused, QTextBrowser):
            qtbot.keyClick(focused, key)  # the next link
            continue
        if chain and focused is chain[0]:
            return chain
        assert focused not in chain, (
            f"Tab keeps {focused.accessibleName() or type(focused).__name__!r}"
        )
        chain.append(focused)
        qtbot.keyClick(focused, key)
    raise AssertionError("Tab never came back to where it started")


def _row_of(widget: QWidget, shown: QWidget) -> tuple[int, int]:
    place = widget.mapTo(shown, widget.rect().center())
    return place.y(), place.x()


@pytest.mark.parametrize("name", [n for n in OPENERS if n != "main window"])
def test_tab_reaches_every_input_of_a_dialog_in_reading_order(
    qtbot: QtBot, window: MainWindow, demo_journal: Journal, name: str
) -> None:
    """Tab and Shift+Tab visit every enabled input once, none keeps the keyboard, and
    each step goes down the page, or right along a row, or up into the next column."""
    shown = OPENERS[name](window, demo_journal)
    shown.show()
    qtbot.waitExposed(shown)
    shown.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is shown)
    start = QApplication.focusWidget() or shown
    start.setFocus()
    forward = _tab_chain(qtbot, shown)
    inputs = {w for w in shown.findChildren(QWidget) if _takes_tab(w)}
    missed = sorted(w.accessibleName() or type(w).__name__ for w in inputs - set(forward))
    assert missed == [], f"{name}: Tab never reaches {missed}"
    backward = _tab_chain(qtbot, shown, backwards=True)
    assert backward[0] is forward[0] and backward[1:] == forward[:0:-1], name
    jumps = []
    for before, after in itertools.pairwise([*forward, forward[0]]):  # once round
        (y0, x0), (y1, x1) = _row_of(before, shown), _row_of(after, shown)
        if y1 < y0 - 4 and x1 <= x0:  # up and not into a column to the right
            jumps.append(f"{before.accessibleName()} → {after.accessibleName()}")
    assert len(jumps) <= 1, f"{name}: Tab jumps back up more than once round: {jumps}"
    shown.close()


ASKING = [
    "new application",
    "offer",
    "round",
    "profile",
    "feedback",
    "interview",
    "change status",
]


def _first_text_field(dialog: QWidget) -> QWidget:
    fields = [
        w
        for w in dialog.findChildren(QWidget)
        if isinstance(w, (QLineEdit, QPlainTextEdit))
        and w.isVisible()
        and w.isEnabled()
        and not w.isReadOnly()
        and not isinstance(w.parent(), (QComboBox, QAbstractSpinBox))
    ]
    return min(fields, key=lambda w: _row_of(w, dialog))


@pytest.mark.parametrize("name", ASKING)
def test_escape_asks_before_typed_text_is_thrown_away(
    qtbot: QtBot, window: MainWindow, demo_journal: Journal, name: str
) -> None:
    shown = OPENERS[name](window, demo_journal)
    assert isinstance(shown, ActionDialog) and shown.ask_before_discarding
    shown.show()
    qtbot.waitExposed(shown)
    shown.reject()  # nothing typed yet: it closes without a question
    assert not shown.isVisible()
    shown.show()
    qtbot.waitExposed(shown)
    if isinstance(shown, StatusDialog):
        shown.choose_status(Status.WITHDRAWN)  # its text: the reason, asked for an ending
    field = _first_text_field(shown)
    field.setFocus()
    qtbot.keyClicks(field, "typed by hand")
    asked: list[str] = []

    def keep(box: QWidget) -> None:
        asked.append(box.findChild(QLabel, "qt_msgbox_label").text())  # type: ignore[union-attr]
        keep_editing = next(
            b for b in box.findChildren(QAbstractButton) if b.accessibleName() == "Keep editing"
        )
        assert keep_editing.isDefault()  # Enter keeps the typing
        keep_editing.click()

    answer_modal(qtbot, keep)
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: bool(asked))
    assert len(asked) == 1 and asked[0].startswith("Discard")
    assert shown.isVisible() and "typed by hand" in _text_of(field)
    discard(qtbot, shown)


def _text_of(field: QWidget) -> str:
    return field.text() if isinstance(field, QLineEdit) else field.toPlainText()  # type: ignore[attr-defined]


@pytest.fixture
def text_at_125_percent(qapp: QApplication) -> Iterator[None]:
    normal = qapp.font()
    larger = QFont(normal)
    larger.setPointSizeF(normal.pointSizeF() * 1.25)
    qapp.setFont(larger)
    yield
    qapp.setFont(normal)


@pytest.mark.parametrize("name", OPENERS)
def test_a_window_still_fits_a_small_screen_with_larger_text(
    qtbot: QtBot,
    text_at_125_percent: None,
    window: MainWindow,
    demo_journal: Journal,
    name: str,
) -> None:
    """At 125 % text, every window can still be made as small as a 1280×720 screen with a
    taskbar: its fields scroll, its buttons stay in view."""
    shown = OPENERS[name](window, demo_journal)
    shown.show()
    qtbot.waitExposed(shown)
    least = shown.minimumSizeHint().expandedTo(shown.minimumSize())
    assert least.width() <= SMALLEST_WIDTH and least.height() <= 720 - 40, (name, least)
    if shown is not window:
        shown.close()
