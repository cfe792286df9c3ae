"""The applications table: rows come from the core a page at a time, sorted in SQL."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from jobjournal.core.records.dates import day_text
from jobjournal.core.records.listing import NO_FILTER
from jobjournal.core.records.transitions import FINAL
from jobjournal.ui.shared.theme import status_dot

if TYPE_CHECKING:
    from jobjournal.core.records.journal import Journal
    from jobjournal.core.records.listing import ApplicationFilter, ApplicationRow

ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the whole ApplicationRow
ID_ROLE = Qt.ItemDataRole.UserRole + 2  # the application's id

# (header, the core's sort key) in column order.
COLUMNS = (
    ("Company", "company"),
    ("Job title", "job_title"),
    ("Status", "status"),
    ("Applied on", "applied_on"),
    ("Next action", "next_action_on"),
    ("Last change", "status_changed_at"),
)
COL_COMPANY, COL_TITLE, COL_STATUS, COL_APPLIED, COL_NEXT, COL_CHANGED = range(len(COLUMNS))
PAGE = 200
REACH = 5 * PAGE  # how many rows beyond those loaded are read to reveal an application
OVERDUE = QColor("#d93025")

Index = QModelIndex | QPersistentModelIndex


class ApplicationsModel(QAbstractTableModel):
    def __init__(self, journal: Journal) -> None:
        super().__init__()

        self._journal: Journal | None = journal
        self.wanted: ApplicationFilter = NO_FILTER
        self.sort_key = "status_changed_at"
        self.descending = True
        self._rows: list[ApplicationRow] = []
        self._more = False
        self._today = date.today()

    # -- Qt's model interface ---------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section][0]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, index.column())
        if role == ID_ROLE:
            return row.id
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DecorationRole and index.column() == COL_STATUS:
            return status_dot(row.status.value)
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == COL_NEXT:
            return OVERDUE if self._is_overdue(row) else None
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == COL_NEXT:
            return "Overdue" if self._is_overdue(row) else None
        return None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        self._fetch(PAGE)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.use_sort(column, order)
        self.reload()

    def use_sort(self, column: int, order: Qt.SortOrder) -> None:
        """Sort by this column from the next reload on."""
        if 0 <= column < len(COLUMNS):
            self.sort_key = COLUMNS[column][1]
            self.descending = order == Qt.SortOrder.DescendingOrder

    # -- ours ---------------------------------------------------------------------------

    def set_filter(self, wanted: ApplicationFilter) -> None:
        self.wanted = wanted
        self.reload()

    def reload(self, keep_loaded: bool = False) -> None:
        """Read the first page again (or as many rows as are loaded, to keep the scroll)."""
        wanted = max(PAGE, len(self._rows)) if keep_loaded else PAGE
        self.beginResetModel()
        self._rows, self._more = [], False
        self._today = date.today()
        if self._journal is not None:
            self._rows = self._page(0, wanted)
            self._more = len(self._rows) == wanted
        self.endResetModel()

    def clear(self) -> None:
        """Forget every row and the journal: called when the journal locks."""
        self.beginResetModel()
        self._journal, self._rows, self._more = None, [], False
        self.endResetModel()

    def row_of(self, application_id: int, reach: int = REACH) -> int | None:
        """The row showing this application, reading up to `reach` more rows to find it.

        None if it is not listed or lies further down: reading 50,000 rows to show one
        would freeze the window.
        """
        for number, row in enumerate(self._rows):
            if row.id == application_id:
                return number
        if self._journal is None or reach <= 0:
            return None
        position = self._journal.position_of(
            application_id, self.wanted, self.sort_key, self.descending
        )
        if position is None or position >= len(self._rows) + reach:
            return None
        self._fetch(position + 1 - len(self._rows) + PAGE)
        return position if position < len(self._rows) else None

    def update_rows(self, changed: set[int]) -> None:
        """Redraw changed applications where they now stand, and nothing else: each row
        is re-read, moved when the sort puts it elsewhere, dropped when the filter no
        longer lists it, added when it comes into the rows shown."""
        if self._journal is None:
            return
        self._today = date.today()
        limit = max(PAGE, len(self._rows))
        target = self._journal.list_ids(self.wanted, self.sort_key, self.descending, limit=limit)
        self._more = len(target) == limit
        loaded = {row.id for row in self._rows}
        fresh = self._journal.rows_by_id([i for i in target if i in changed or i not in loaded])
        listed = set(target)
        for number in reversed(range(len(self._rows))):
            if self._rows[number].id not in listed:
                self.beginRemoveRows(QModelIndex(), number, number)
                del self._rows[number]
                self.endRemoveRows()
        for number, application_id in enumerate(target):
            self._put(number, application_id, fresh.get(application_id))

    def _put(self, number: int, application_id: int, fresh: ApplicationRow | None) -> None:
        """Make row `number` show this application (rows before it already do)."""
        rows = self._rows
        if number < len(rows) and rows[number].id == application_id:
            if fresh is not None and fresh != rows[number]:
                rows[number] = fresh
                self.dataChanged.emit(self.index(number, 0), self.index(number, len(COLUMNS) - 1))
            return
        where = next((i for i in range(number, len(rows)) if rows[i].id == application_id), None)
        if where is None:
            assert fresh is not None
            self.beginInsertRows(QModelIndex(), number, number)
            rows.insert(number, fresh)
            self.endInsertRows()
            return
        self.beginMoveRows(QModelIndex(), where, where, QModelIndex(), number)
        rows.insert(number, rows.pop(where))
        self.endMoveRows()
        self._put(number, application_id, fresh)

    def application_id(self, row: int) -> int:
        return self._rows[row].id

    def loaded_ids(self) -> list[int]:
        return [row.id for row in self._rows]

    def loaded_titles(self) -> list[str]:
        return [row.job_title for row in self._rows]

    def _fetch(self, how_many: int) -> None:
        if self._journal is None or how_many <= 0:
            return
        more = self._page(len(self._rows), how_many)
        if more:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
            self._rows.extend(more)
            self.endInsertRows()
        self._more = len(more) == how_many

    def _page(self, offset: int, limit: int) -> list[ApplicationRow]:
        assert self._journal is not None
        return self._journal.list_applications(
            self.wanted, self.sort_key, self.descending, offset, limit
        )

    def _text(self, row: ApplicationRow, column: int) -> str:
        if column == COL_COMPANY:
            return row.company
        if column == COL_TITLE:
            return row.job_title
        if column == COL_STATUS:
            return row.status.label
        if column == COL_APPLIED:
            return self.short_date(row.applied_on)
        if column == COL_NEXT:
            when = self.short_date(row.next_action_on)
            return (
                f"{row.next_action} ({when})"
                if row.next_action and when
                else row.next_action or when
            )
        return self.short_date(row.status_changed_at.date())

    def short_date(self, day: date | None) -> str:
        return day_text(day)

    def _is_overdue(self, row: ApplicationRow) -> bool:

        return (
            row.next_action_on is not None
            and row.next_action_on < self._today
            and row.status not in FINAL
        )
