"""startup_first_paint, table_sort_repaint and board_open (the desktop app issues).

startup_first_paint: wall time from starting a Python process to the first paint of the
unlock window, against a process that shows a bare PySide6 QWidget; both processes are
started the same way and alternate, so the interpreter's start-up is in both.

table_sort_repaint: the real main window on the 100,000-application journal; clicking a
column header or a pipeline status, until the table has repainted (counts included),
against the raw sqlcipher3 query for the same first page.

board_open: the same window switched from the table to the board (Ctrl+1), until every
column has painted its first cards and its count, against the raw query of one page.
"""

from __future__ import annotations

import os
import sys
import tempfile
import textwrap
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from benchmarks.common import Figure, existing_journal, median_ms, start_medians

STARTS = 11
REPEAT = 15

# Each child prints nothing and exits the moment its window is first painted.
_PAINT_EXIT = """
from PySide6.QtCore import QEvent, QObject

class _ExitOnPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            os._exit(0)
        return False

_exit_on_paint = _ExitOnPaint()
"""

_BARE_WINDOW = """
import os
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
{paint_exit}
window = QWidget()
window.resize(520, 360)
window.installEventFilter(_exit_on_paint)
window.show()
app.exec()
"""

_UNLOCK_WINDOW = """
import os
from jobjournal.__main__ import build
app, controller = build([])
{paint_exit}
controller.dialog.installEventFilter(_exit_on_paint)
controller.start()
app.exec()
"""


def startup_first_paint() -> Figure:
    with tempfile.TemporaryDirectory(prefix="jobjournal-bench-") as home:
        env = dict(os.environ, JOBJOURNAL_HOME=home, QT_QPA_PLATFORM="offscreen")
        # Every start after a person's first reads the bytecode that first one wrote (an
        # installed bundle ships it); a machine set not to write it would time compiling
        # our modules instead, which the bare window, all installed, never does.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        existing_journal(env)
        bare = textwrap.dedent(_BARE_WINDOW).format(paint_exit=_PAINT_EXIT)
        ours = textwrap.dedent(_UNLOCK_WINDOW).format(paint_exit=_PAINT_EXIT)
        ours_ms, bare_ms = start_medians(
            [sys.executable, "-c", ours], [sys.executable, "-c", bare], env, STARTS
        )
    return Figure("startup_first_paint", ours_ms, "bare_pyside6_window", bare_ms, "<= 1.3x")


@contextmanager
def main_window_on_big_journal(select_row: int) -> Iterator[tuple[Any, Any, Any]]:
    """The real main window on the 100,000-application journal with a row selected (a
    person has an application open), and a raw connection to the same file."""
    from PySide6.QtWidgets import QApplication

    from benchmarks import big_journal
    from benchmarks.journal_figures import _raw_connection
    from jobjournal.ui.applications.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    journal, connection = big_journal.open_big_journal(), _raw_connection()
    window = MainWindow(journal)
    try:
        window.resize(1300, 850)
        window.show()
        app.processEvents()
        window.table.selectRow(select_row)
        app.processEvents()
        yield app, window, connection
    finally:
        window.detail.dirty = False
        window.shutdown()
        window.close()
        journal.lock()
        connection.close()


def table_sort_repaint() -> Figure:
    from PySide6.QtCore import Qt

    from benchmarks.journal_figures import _raw_list
    from jobjournal.core.records import listing
    from jobjournal.ui.applications.applications_model import COLUMNS

    with main_window_on_big_journal(select_row=0) as (_app, window, connection):

        def repainted(change: Callable[[], object]) -> Callable[[], object]:
            def run() -> None:
                change()
                window.table.viewport().repaint()
                window.pipeline.viewport().repaint()

            return run

        def sort(column: int, order: Qt.SortOrder) -> Callable[[], object]:
            return lambda: window.table.sortByColumn(column, order)

        def pick(row: int) -> Callable[[], object]:
            return lambda: window.pipeline.setCurrentRow(row)

        # (from, to): each timed change starts elsewhere, or Qt would do nothing.
        cases: list[tuple[Callable[[], object], Callable[[], object]]] = []
        orders = (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder)
        for column in range(len(COLUMNS)):
            for order in orders:
                other = orders[1 - orders.index(order)]
                cases.append((sort((column + 1) % len(COLUMNS), other), sort(column, order)))
        for row in range(window.pipeline.count()):
            cases.append((pick(1 if row == 0 else 0), pick(row)))
        results = []
        for before, change in cases:
            before(), change()
            results.append(median_ms(repainted(change), REPEAT, setup=before))
        raw = _raw_list(connection, listing.list_query(listing.NO_FILTER, "company", False))
        raw()
        return Figure(
            "table_sort_repaint",
            max(results),
            "raw_sqlcipher3_first_page",
            median_ms(raw, REPEAT),
            "<= 100 ms, any column or pipeline status",
        )


def board_open() -> Figure:
    """The board shown on the 100,000-application journal (Ctrl+1, from the table) until
    every column has painted its cards and counts; against the raw query of one page."""
    from benchmarks.journal_figures import _raw_list
    from jobjournal.core.records import listing

    with main_window_on_big_journal(select_row=0) as (app, window, connection):

        def opened() -> None:
            window.show_board()
            app.processEvents()  # the columns laid out, as the first paint needs
            for column in window.board.columns:
                column.repaint()
                column.cards.viewport().repaint()

        def back_to_the_table() -> None:
            window.show_table()
            window.board.loaded = False  # each opening reads its columns again
            app.processEvents()

        back_to_the_table()
        opened()  # warm
        ours = median_ms(opened, REPEAT, setup=back_to_the_table)
        back_to_the_table()  # the view is remembered: later figures time the table
        raw = _raw_list(connection, listing.list_query(listing.NO_FILTER))
        raw()
        raw_ms = median_ms(raw, REPEAT)
    return Figure("board_open", ours, "raw_sqlcipher3_first_page", raw_ms, "<= 300 ms")
