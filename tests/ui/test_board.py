"""The board, driven as a person would: Ctrl+1 shows it, a card is clicked or moved with
Ctrl+Shift+arrows or dropped on another column, a move is undone with Ctrl+Z, a card
dropped on Closed asks how it ended, and the filter narrows the cards too."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPointF, Qt, QTimer
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget
from pytestqt.qtbot import QtBot
from support import by_name
from ui_support import answer_modal, shortcut

from jobjournal.core.records import plain
from jobjournal.core.records.journal import Journal
from jobjournal.core.storage.models import Status
from jobjournal.ui.applications.applications_model import ROW_ROLE
from jobjournal.ui.applications.board import Column
from jobjournal.ui.applications.main_window import MainWindow
from jobjournal.ui.journal import settings

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _board_shown(qtbot: QtBot, window: MainWindow) -> None:
    shortcut(qtbot, window.table, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: window.board.isVisible())


def _column(window: MainWindow, name: str) -> Column:
    return by_name(window, f"{name} column", Column)  # type: ignore[no-any-return]


def _companies(column: Column) -> list[str]:
    model = column.model
    return [model.index(row, 0).data(ROW_ROLE).company for row in range(model.rowCount())]


def _click_card(qtbot: QtBot, column: Column, company: str) -> None:
    row = _companies(column).index(company)
    rect = column.cards.visualRect(column.model.index(row, 0))
    qtbot.mouseClick(column.cards.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_the_board_shows_each_stage_with_its_cards_and_counts(
    qtbot: QtBot, window: MainWindow, demo_journal: Journal
) -> None:
    _board_shown(qtbot, window)
    assert not window.table.isVisible() and settings.main_view() == "board"
    for status in (Status.SAVED, Status.APPLIED, Status.NEGOTIATING):
        column = _column(window, status.label)
        expected = sorted(
            a.company.name for a in demo_journal.all(plain.Application) if a.status == status
        )
        assert sorted(_companies(column)) == expected
        assert f"({len(expected)})" in column.header.text()
    applied = _column(window, "Applied")
    spoken = applied.model.index(0, 0).data()  # what a screen reader says of the card
    assert spoken.startswith("Juniper Energy — Operations Analyst. Applied for ")
    assert "Next: Follow up with the recruiter" in spoken
    closed = window.board.closed
    assert not closed.cards.isVisible() and "Closed (5)" in closed.toggle.text()
    qtbot.mouseClick(closed.toggle, Qt.MouseButton.LeftButton)
    assert closed.cards.isVisible() and len(_companies(closed)) == 5
    shortcut(qtbot, window.board, Qt.Key.Key_2)
    qtbot.waitUntil(lambda: window.table.isVisible())
    assert settings.main_view() == "table"


def test_a_card_moves_by_keyboard_and_the_move_is_undone(
    qtbot: QtBot, window: MainWindow, demo_journal: Journal
) -> None:
    _board_shown(qtbot, window)
    applied = _column(window, "Applied")
    _click_card(qtbot, applied, "Juniper Energy")
    assert window.detail.heading.text().count("Operations Analyst") == 1
    application_id = window.detail.application_id
    assert application_id is not None
    qtbot.keyClick(applied.cards, Qt.Key.Key_Right, CTRL_SHIFT)
    qtbot.waitUntil(lambda: "Juniper Energy" in _companies(_column(window, "Screening")))
    assert demo_journal.get(plain.Application, application_id).status == Status.SCREENING
    assert "Juniper Energy" not in _companies(applied)
    assert window.board.current_id() == application_id  # the card stays chosen
    shortcut(qtbot, window.board, Qt.Key.Key_Z)
    qtbot.waitUntil(lambda: "Juniper Energy" in _companies(applied))
    assert demo_journal.get(plain.Application, application_id).status == Status.APPLIED


def test_a_card_dropped_on_another_column_moves_there(
    qtbot: QtBot, window: MainWindow, demo_journal: Journal
) -> None:
    _board_shown(qtbot, window)
    saved, applied = _column(window, "Saved"), _column(window, "Applied")
    dragged = saved.model.mimeData([saved.model.index(0, 0)])
    assert applied.model.canDropMimeData(dragged, Qt.DropAction.MoveAction, -1, -1, QModelIndex())
    applied.model.dropMimeData(dragged, Qt.DropAction.MoveAction, -1, -1, QModelIndex())
    qtbot.waitUntil(lambda: "Kestrel Robotics" in _companies(applied))
    kestrel = next(
        a for a in demo_journal.all(plain.Application) if a.company.name == "Kestrel Robotics"
    )
    assert kestrel.status == Status.APPLIED and _companies(saved) == []
    # Dropped where it already is, nothing happens.
    again = applied.model.mimeData([applied.model.index(0, 0)])
    applied.model.dropMimeData(again, Qt.DropAction.MoveAction, -1, -1, QModelIndex())
    qtbot.wait(50)
    assert len(demo_journal.status_history(kestrel.id)) == 2


def test_a_card_sent_to_closed_asks_how_it_ended(
    qtbot: QtBot, window: MainWindow, demo_journal: Journal
) -> None:
    _board_shown(qtbot, window)
    asked: list[str] = []

    def cancel(dialog: QWidget) -> None:
        asked.append(dialog.accessibleName())
        qtbot.mouseClick(by_name(dialog, "Cancel", QAbstractButton), Qt.MouseButton.LeftButton)

    negotiating = _column(window, "Negotiating")
    _click_card(qtbot, negotiating, "Northwind Analytics")
    answer_modal(qtbot, cancel)
    qtbot.keyClick(negotiating.cards, Qt.Key.Key_Right, CTRL_SHIFT)  # the column beside: Closed
    qtbot.waitUntil(lambda: len(asked) == 1)
    applied = _column(window, "Applied")
    dragged = applied.model.mimeData([applied.model.index(0, 0)])  # Juniper Energy
    answer_modal(qtbot, cancel)
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.MoveAction,
        dragged,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.board.closed.dropEvent(drop)  # dropped on the folded column
    qtbot.waitUntil(lambda: len(asked) == 2)
    assert asked == ["Change status", "Change status"]
    statuses = {a.company.name: a.status for a in demo_journal.all(plain.Application)}
    assert statuses["Northwind Analytics"] == Status.NEGOTIATING  # cancelled: nothing moved
    assert statuses["Juniper Energy"] == Status.APPLIED


def test_the_filter_narrows_the_board(qtbot: QtBot, window: MainWindow) -> None:
    _board_shown(qtbot, window)
    window.filter_box.setText("northwind")
    qtbot.waitUntil(lambda: _companies(_column(window, "Negotiating")) == ["Northwind Analytics"])
    assert _companies(_column(window, "Applied")) == []
    window.filter_box.clear()
    qtbot.waitUntil(lambda: len(_companies(_column(window, "Negotiating"))) == 2)
    window.pipeline.setCurrentRow(3)  # "Applied" only: its column alone
    qtbot.waitUntil(lambda: not window.board.closed.isVisible())
    assert _column(window, "Applied").isVisible()
    assert not _column(window, "Saved").isVisible()
    window.pipeline.setCurrentRow(0)  # all of them again
    qtbot.waitUntil(lambda: window.board.closed.isVisible())


def test_the_board_is_where_the_person_left_it(
    qtbot: QtBot, window: MainWindow, demo_journal: Journal
) -> None:
    _board_shown(qtbot, window)
    again = MainWindow(demo_journal)
    qtbot.addWidget(again)
    assert again.views.currentWidget() is again.board and again.board.loaded
    again.shutdown()


def test_a_right_click_on_a_card_offers_what_a_row_does(qtbot: QtBot, window: MainWindow) -> None:
    _board_shown(qtbot, window)
    applied = _column(window, "Applied")
    seen: list[list[str]] = []

    def read_and_close() -> None:
        menu = QApplication.activePopupWidget()
        assert menu is not None
        seen.append([action.text() for action in menu.actions()])
        menu.close()

    QTimer.singleShot(100, read_and_close)
    at = applied.cards.visualRect(applied.model.index(0, 0)).center()
    applied.cards.customContextMenuRequested.emit(at)  # as a right-click there
    assert "Juniper Energy" in window.detail.heading.text()
    assert seen and "&Move to" in seen[0] and "&Delete application…" in seen[0]
