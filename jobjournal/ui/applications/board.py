"""The board: a column per status still in progress (Saved … Negotiating) and one "Closed"
column for every ending, folded until opened. Each card is an application: its company
and title, how long it has been at this stage, its next action, how excited I am, and a
mark when something about it is due.

A card moves by dragging it to another column, or from the keyboard with Ctrl+Shift+Left
and Ctrl+Shift+Right; the window makes the move (an undoable status change, or the status
dialog when the move needs a reason). Each column is a list view over its own page of
rows, the same paged model as the table's: only the cards on screen are drawn, and a
column reads more only as it is scrolled.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QByteArray,
    QItemSelection,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QFont, QKeyEvent, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QScrollArea,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from jobjournal.core.records.dates import day_text
from jobjournal.core.records.listing import ApplicationFilter, ApplicationRow
from jobjournal.core.storage.models import Status
from jobjournal.ui.applications.applications_model import OVERDUE, ROW_ROLE, ApplicationsModel
from jobjournal.ui.shared.theme import STATUS_COLOURS

if TYPE_CHECKING:
    from collections.abc import Callable

    from jobjournal.core.records.journal import Journal

S = Status
IN_PROGRESS = (S.SAVED, S.APPLIED, S.SCREENING, S.INTERVIEWING, S.OFFER, S.NEGOTIATING)
CLOSED = frozenset(Status) - frozenset(IN_PROGRESS)  # every ending, and no response
MIME_TYPE = "application/x-jobjournal-application"
CARD_WIDTH = 140  # a column's least width: six columns and a folded Closed fit a laptop
DUE_SOON = QColor("#b36b00")  # the Due list's "this week", dark enough on light and dark

Index = QModelIndex | QPersistentModelIndex


class CardsModel(ApplicationsModel):
    """One column's applications, newest change first, that a card can be dragged out of
    and into. A drop asks the window to move the card (`dropped`); the rows change only
    when the journal has."""

    def __init__(
        self,
        journal: Journal,
        statuses: frozenset[Status],
        target: Status | None,
        dropped: Callable[[int, Status | None], None],
    ) -> None:
        super().__init__(journal)
        self.statuses = statuses
        self.target = target
        self._dropped = dropped
        self.wanted = ApplicationFilter(statuses=statuses)

    def set_base(self, base: ApplicationFilter) -> None:
        """The window's filter (text, company, dates), kept to this column's statuses."""
        self.wanted = replace(base, statuses=self.statuses)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and index.isValid():
            return card_words(index.data(ROW_ROLE), self._today)  # read aloud; typed to find
        return super().data(index, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return super().flags(index) | Qt.ItemFlag.ItemIsDragEnabled

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        data = QMimeData()
        if indexes:
            data.setData(MIME_TYPE, QByteArray(str(indexes[0].data(ROW_ROLE).id).encode()))
        return data

    def canDropMimeData(self, data: QMimeData, *_: Any) -> bool:
        return data.hasFormat(MIME_TYPE)

    def dropMimeData(self, data: QMimeData, *_: Any) -> bool:
        self.take(dragged_id(data))
        return False  # the card stays where it is until the journal says it moved

    def take(self, application_id: int | None) -> bool:
        """A card dropped here: ask for the move, unless it is already in this column."""
        if application_id is None or application_id in self.loaded_ids():
            return False
        # After the drag has ended: the move may open a dialog.
        QTimer.singleShot(0, lambda: self._dropped(application_id, self.target))
        return True


def dragged_id(data: QMimeData) -> int | None:
    if not data.hasFormat(MIME_TYPE):
        return None
    text = bytes(data.data(MIME_TYPE).data()).decode()
    return int(text) if text.isdigit() else None


def days_at_stage(row: ApplicationRow, today: date) -> int:
    return max(0, (today - row.status_changed_at.date()).days)


def card_words(row: ApplicationRow, today: date) -> str:
    """The card as a sentence: what a screen reader says, and what typing a name finds."""
    days = days_at_stage(row, today)
    since = "since today" if days == 0 else f"for {_days(days)}"
    words = f"{row.company} — {row.job_title}. {row.status.label} {since}"
    if row.next_action:
        words += f". Next: {row.next_action}"
        if row.next_action_on:
            words += f" ({day_text(row.next_action_on)})"
    return words


def _days(days: int) -> str:
    return f"{days} day{'s' if days != 1 else ''}"


class CardDelegate(QStyledItemDelegate):
    """Draws a card: company, title, time at this stage and excitement, next action."""

    def __init__(self, board: Board) -> None:
        super().__init__(board)
        self.board = board

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        line = option.fontMetrics.height()
        view = option.widget  # a card is as wide as its column
        width = view.viewport().width() if isinstance(view, QListView) else CARD_WIDTH
        return QSize(max(width, 80), 4 * line + 22)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        row: ApplicationRow | None = index.data(ROW_ROLE)
        if row is None:
            return
        palette = option.palette
        state = option.state
        selected = bool(state & QStyle.StateFlag.State_Selected)
        card = option.rect.adjusted(4, 3, -4, -3)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(palette.mid().color()))
        painter.setBrush(palette.highlight() if selected else palette.base())
        painter.drawRoundedRect(card, 6, 6)
        painter.fillRect(
            QRect(card.left() + 1, card.top() + 6, 4, card.height() - 12),
            QColor(STATUS_COLOURS.get(row.status.value, "#9a9a9a")),
        )
        text = palette.highlightedText().color() if selected else palette.text().color()
        self._write(painter, option, card.adjusted(12, 5, -8, -5), row, text, selected)
        if state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(QPen(text, 1, Qt.PenStyle.DotLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(card.adjusted(2, 2, -2, -2), 4, 4)
        painter.restore()

    def _write(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        area: QRect,
        row: ApplicationRow,
        colour: QColor,
        selected: bool,
    ) -> None:
        metrics = option.fontMetrics
        line = metrics.height()
        today = self.board.today
        bold = QFont(option.font)
        bold.setBold(True)
        stars = f"★{row.priority}" if row.priority else ""
        if stars:  # how excited I am, at the top right
            painter.setFont(option.font)
            painter.setPen(colour)
            right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            painter.drawText(QRect(area.left(), area.top(), area.width(), line), right, stars)
        company_area = area.adjusted(0, 0, -(metrics.horizontalAdvance(stars) + 6), 0)
        painter.setFont(bold)
        painter.setPen(colour)
        company = painter.fontMetrics().elidedText(
            row.company, Qt.TextElideMode.ElideRight, company_area.width()
        )
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(QRect(area.left(), area.top(), company_area.width(), line), left, company)
        lines: list[tuple[str, QFont, QColor]] = [
            (row.job_title, option.font, colour),
            (_stage_line(row, today), option.font, colour),
        ]
        due = self.board.due.get(row.id)
        if row.next_action or row.next_action_on or due is not None:
            mark = colour if selected else (OVERDUE if due else DUE_SOON)
            next_colour = mark if due is not None else colour
            lines.append((_next_line(row, due), option.font, next_colour))
        for number, (words, font, pen) in enumerate(lines, start=1):
            painter.setFont(font)
            painter.setPen(pen)
            place = QRect(area.left(), area.top() + number * line, area.width(), line)
            elided = painter.fontMetrics().elidedText(
                words, Qt.TextElideMode.ElideRight, area.width()
            )
            painter.drawText(
                place, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, elided
            )


def _stage_line(row: ApplicationRow, today: date) -> str:
    days = days_at_stage(row, today)
    return "Reached today" if days == 0 else f"{_days(days)} at this stage"


def _next_line(row: ApplicationRow, overdue: bool | None) -> str:
    """The next action, marked when something about the application is due."""
    mark = {True: "⚑ Overdue: ", False: "⚑ Due: ", None: "→ "}[overdue]
    words = row.next_action or "something is due (see the Due list)"
    when = f" · {day_text(row.next_action_on)}" if row.next_action_on else ""
    return mark + words + when


class CardList(QListView):
    """A column's cards. Ctrl+Shift+Left/Right moves the current card to the column beside;
    Left/Right without Ctrl+Shift go to the column beside."""

    step = Signal(int)  # -1: the column on the left, +1: on the right
    move_card = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            way = -1 if key == Qt.Key.Key_Left else 1
            mods = event.modifiers()
            ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
            if mods == ctrl_shift:
                self.move_card.emit(way)
                return
            if mods == Qt.KeyboardModifier.NoModifier:
                self.step.emit(way)
                return
        super().keyPressEvent(event)


class Column(QWidget):
    """A header with the column's status and count, over its cards."""

    def __init__(self, board: Board, model: CardsModel, title: str, name: str) -> None:
        super().__init__()
        self.model = model
        self.title = title
        self.setAccessibleName(name)
        self.header = QLabel()
        self.header.setAccessibleName(f"{name} heading")
        self.cards = CardList()
        self.cards.setAccessibleName(f"{name} cards")
        self.cards.setModel(model)
        self.cards.setItemDelegate(board.delegate)
        self.cards.setUniformItemSizes(True)  # only the cards in view are measured, or drawn
        self.cards.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.cards.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.cards.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.cards.setDragEnabled(True)
        self.cards.setAcceptDrops(True)
        self.cards.setDropIndicatorShown(False)  # a card joins where the order puts it
        self.cards.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.cards.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.cards.setResizeMode(QListView.ResizeMode.Adjust)  # cards follow the width
        self.cards.setMinimumWidth(CARD_WIDTH)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 0, 2, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.cards, 1)

    def show_count(self, count: int, icon_status: str | None) -> None:
        dot = ""
        if icon_status is not None:
            colour = STATUS_COLOURS.get(icon_status, "#9a9a9a")
            dot = f'<span style="color:{colour}">●</span> '
        self.header.setText(f"{dot}<b>{self.title}</b>  ({count:,})")


class ClosedColumn(Column):
    """Every ended application, folded to its heading until opened; a card dropped on it,
    folded or not, asks how the application ended."""

    def __init__(self, board: Board, model: CardsModel) -> None:
        super().__init__(board, model, "Closed", "Closed")
        self.toggle = QToolButton()
        self.toggle.setCheckable(True)
        self.toggle.setAccessibleName("Show closed applications")
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toggle.toggled.connect(self._fold)
        self.layout().insertWidget(0, self.toggle)  # type: ignore[union-attr]
        self.header.hide()
        self.setAcceptDrops(True)
        self._count = 0
        self._fold(False)

    @property
    def is_open(self) -> bool:
        return self.toggle.isChecked()

    def show_count(self, count: int, icon_status: str | None) -> None:
        self._count = count
        arrow = "▾" if self.is_open else "▸"
        self.toggle.setText(f"{arrow} Closed ({count:,})")

    def _fold(self, opened: bool) -> None:
        self.cards.setVisible(opened)
        layout = self.layout()
        assert layout is not None
        layout.setAlignment(Qt.AlignmentFlag.AlignTop if not opened else Qt.AlignmentFlag(0))
        self.setMaximumWidth(16777215 if opened else 120)
        self.setMinimumWidth(CARD_WIDTH if opened else 100)
        self.show_count(self._count, None)
        if opened:
            self.model.reload()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(MIME_TYPE):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        if self.model.take(dragged_id(event.mimeData())):
            event.acceptProposedAction()


class Board(QWidget):
    """The columns side by side, scrolling sideways only when they cannot fit."""

    chosen = Signal(int)  # the application of the card made current
    move_requested = Signal(int, object)  # an application, and a Status or None ("Closed")
    menu_requested = Signal(QPoint)  # a right-click on a card (made current), on screen

    def __init__(self, journal: Journal) -> None:
        super().__init__()
        self.setAccessibleName("Board")
        self.today = date.today()
        self.due: dict[int, bool] = {}  # application → overdue (True) or due this week
        self.delegate = CardDelegate(self)
        self.columns: list[Column] = []
        for status in IN_PROGRESS:
            model = CardsModel(journal, frozenset({status}), status, self._dropped)
            self.columns.append(Column(self, model, status.label, f"{status.label} column"))
        closed = CardsModel(journal, CLOSED, None, self._dropped)
        self.closed = ClosedColumn(self, closed)
        self.columns.append(self.closed)
        self._lay_out()
        for number, column in enumerate(self.columns):
            self._connect(number, column)
        self.loaded = False

    def _lay_out(self) -> None:
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        for column in self.columns:
            row.addWidget(column, 0 if column is self.closed else 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(holder)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def _connect(self, number: int, column: Column) -> None:
        cards = column.cards
        # Chosen when selected (a click, an arrow key), not when the list only gets a
        # current card by taking the keyboard.
        cards.selectionModel().selectionChanged.connect(
            lambda selected, _gone, c=column: self._chosen(c, selected)
        )
        cards.step.connect(lambda way, n=number: self._go(n, way))
        cards.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        cards.customContextMenuRequested.connect(lambda at, c=cards: self._menu(c, at))
        cards.move_card.connect(lambda way, n=number: self._move(n, way))

    # -- what the window asks -----------------------------------------------------------

    def set_filter(self, base: ApplicationFilter) -> None:
        """Show the window's filter; a column whose statuses it leaves out is hidden."""
        self.today = date.today()
        for column in self.columns:
            column.model.set_base(replace(base, statuses=frozenset()))
            wanted = not base.statuses or bool(base.statuses & column.model.statuses)
            column.setVisible(wanted)
            if column is not self.closed or self.closed.is_open:
                column.model.reload()
        self.loaded = True

    def show_counts(self, counts: dict[Status, int]) -> None:
        for column in self.columns:
            total = sum(counts.get(s, 0) for s in column.model.statuses)
            column.show_count(total, column.model.target)

    def show_due(self, due: dict[int, bool]) -> None:
        self.due = due
        for column in self.columns:
            column.cards.viewport().update()

    def update_rows(self, changed: set[int]) -> None:
        self.today = date.today()
        for column in self.columns:
            if column is not self.closed or self.closed.is_open:
                column.model.update_rows(changed)

    def select(self, application_id: int | None) -> None:
        """Make the application's card current (none: no card), scrolling to it."""
        found = False
        for column in self.columns:
            cards = column.cards
            row = (
                None if found or application_id is None else column.model.row_of(application_id, 0)
            )
            cards.selectionModel().blockSignals(True)
            if row is None:
                cards.clearSelection()
                cards.setCurrentIndex(QModelIndex())
            else:
                index = column.model.index(row, 0)
                cards.setCurrentIndex(index)
                cards.scrollTo(index)
                found = True
            cards.selectionModel().blockSignals(False)

    def current_id(self) -> int | None:
        for column in self.columns:
            index = column.cards.currentIndex()
            if index.isValid() and column.cards.selectionModel().isSelected(index):
                return int(index.data(ROW_ROLE).id)
        return None

    def focus_cards(self) -> None:
        """The keyboard in the current card's column, else the first with cards (Down
        then makes its first card current)."""
        for column in self.columns:
            if column.cards.currentIndex().isValid():
                column.cards.setFocus()
                return
        first = next((c for c in self.columns if c.isVisible() and c.model.rowCount()), None)
        if first is not None:
            first.cards.setFocus()

    def clear(self) -> None:
        for column in self.columns:
            column.model.clear()

    # -- inside -------------------------------------------------------------------------

    def _chosen(self, column: Column, selected: QItemSelection) -> None:
        if selected.isEmpty():
            return
        current = selected.indexes()[0]
        for other in self.columns:
            if other is not column:
                other.cards.selectionModel().blockSignals(True)
                other.cards.clearSelection()
                other.cards.setCurrentIndex(QModelIndex())
                other.cards.selectionModel().blockSignals(False)
        self.chosen.emit(int(current.data(ROW_ROLE).id))

    def _menu(self, cards: CardList, at: QPoint) -> None:
        index = cards.indexAt(at)
        if index.isValid():
            cards.setCurrentIndex(index)
            if self.current_id() == int(index.data(ROW_ROLE).id):  # not kept by the details
                self.menu_requested.emit(cards.viewport().mapToGlobal(at))

    def _go(self, number: int, way: int) -> None:
        """Focus the next visible column that way with cards, keeping the row if it can."""
        row = max(0, self.columns[number].cards.currentIndex().row())
        place = number + way
        while 0 <= place < len(self.columns):
            column = self.columns[place]
            if column.isVisible() and column.cards.isVisible() and column.model.rowCount():
                column.cards.setFocus()
                column.cards.setCurrentIndex(
                    column.model.index(min(row, column.model.rowCount() - 1), 0)
                )
                return
            place += way

    def _move(self, number: int, way: int) -> None:
        index = self.columns[number].cards.currentIndex()
        place = number + way
        if not index.isValid() or not 0 <= place < len(self.columns):
            return
        self.move_requested.emit(int(index.data(ROW_ROLE).id), self.columns[place].model.target)

    def _dropped(self, application_id: int, target: Status | None) -> None:
        self.move_requested.emit(application_id, target)
