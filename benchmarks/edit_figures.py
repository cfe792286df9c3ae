"""save_edit_redraw, undo_redraw, list_filter_broad and question_bank_open_100k (the seam
issue): the real main window on the 100,000-application journal.

save_edit_redraw: an edit typed in the details saved (Ctrl+S's slot) until the table, the
pipeline, the details and the Due list have repainted. undo_redraw: the same edit undone
(Ctrl+Z's slot) until repainted. Both against the raw sqlcipher3 UPDATE of that one row,
committed. list_filter_broad: a filter that still matches every row, until repainted,
against the raw query for its first page. question_bank_open_100k: the question bank over
the journal's 50,000 questions, until painted, against the raw query for the same rows.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from benchmarks import big_journal
from benchmarks.common import Figure, median_ms
from benchmarks.window_figures import main_window_on_big_journal

REPEAT = 15


@contextmanager
def _window() -> Iterator[tuple[Any, Any, Any]]:
    """The main window on the big journal, an application selected, and a raw connection."""
    with main_window_on_big_journal(select_row=3) as opened:
        yield opened


def _repainted(app: Any, window: Any, change: Callable[[], object]) -> Callable[[], None]:
    def run() -> None:
        change()
        for pane in (
            window.table.viewport(),
            window.pipeline.viewport(),
            window.detail,
            window.due,
        ):
            pane.repaint()
        app.processEvents()

    return run


def _raw_update(connection: Any, application_id: int) -> Callable[[], None]:
    texts = iter(range(1_000_000))

    def run() -> None:
        connection.execute(
            "UPDATE applications SET next_action = ? WHERE id = ?",
            (f"raw {next(texts)}", application_id),
        )
        connection.commit()

    return run


_NUMBERS = itertools.count()


def _typed(window: Any) -> None:
    """Outside the clock: a new next action typed in the details (each time another, so
    there is always an edit to save)."""
    window.detail.form.next_action.setText(f"Call back {next(_NUMBERS)}")


def _edit_figure(
    name: str, change: Callable[[Any], object], before: Callable[[Any], object]
) -> Figure:
    """`change` (timed until repainted) after `before` (not timed), against the raw UPDATE
    of that application's row."""
    with _window() as (app, window, connection):
        run = _repainted(app, window, lambda: change(window))
        before(window)  # warm
        run()
        ours = median_ms(run, REPEAT, setup=lambda: before(window))
        raw = _raw_update(connection, window.detail.application_id)
        raw()
        raw_ms = median_ms(raw, REPEAT)
    return Figure(name, ours, "raw_sqlcipher3_update_one_row", raw_ms, "<= 50 ms")


def _saved(window: Any) -> None:
    _typed(window)
    window.save_details()


def save_edit_redraw() -> Figure:
    return _edit_figure("save_edit_redraw", lambda w: w.save_details(), _typed)


def undo_redraw() -> Figure:
    return _edit_figure("undo_redraw", lambda w: w.undo_stack.undo(), _saved)


def list_filter_broad() -> Figure:
    from benchmarks.journal_figures import _raw_list
    from jobjournal.core.records import listing

    with _window() as (app, window, connection):
        broad = "company"  # every company is "Company 01234 …": matches all 100,000

        def filtered() -> None:
            window.filter_box.blockSignals(True)
            window.filter_box.setText(broad)
            window.filter_box.blockSignals(False)
            window.apply_filter()

        def unfiltered() -> None:
            window.filter_box.blockSignals(True)
            window.filter_box.clear()
            window.filter_box.blockSignals(False)
            window.apply_filter()

        run = _repainted(app, window, filtered)
        run()  # warm
        unfiltered()
        ours = median_ms(run, REPEAT, setup=unfiltered)
        wanted = listing.ApplicationFilter(text=broad)
        raw = _raw_list(connection, listing.list_query(wanted))
        raw()
        return Figure(
            "list_filter_broad",
            ours,
            "raw_sqlcipher3_first_page",
            median_ms(raw, REPEAT),
            "<= 150 ms",
        )


def question_bank_open_100k() -> Figure:
    from PySide6.QtWidgets import QApplication, QWidget

    from benchmarks.journal_figures import _raw_connection
    from jobjournal.core.work import interviews as iv
    from jobjournal.core.work.interviews import _BANK_SQL
    from jobjournal.ui.interviews.review_windows import QuestionBankDialog

    app = QApplication.instance() or QApplication([])
    journal, connection = big_journal.open_big_journal(), _raw_connection()
    parent = QWidget()
    try:

        def ours() -> None:
            dialog = QuestionBankDialog(parent, journal)
            dialog.show()
            app.processEvents()
            dialog.repaint()
            dialog.close()
            dialog.deleteLater()

        def raw() -> None:
            connection.execute(_BANK_SQL).fetchall()

        ours()  # warm
        raw()
        ours_ms = median_ms(ours, 7, setup=iv.question_key.cache_clear)
        raw_ms = median_ms(raw, 7)
    finally:
        journal.lock()
        connection.close()
    return Figure(
        "question_bank_open_100k", ours_ms, "raw_sqlcipher3_same_rows", raw_ms, "<= 500 ms"
    )
