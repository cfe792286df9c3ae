"""The base of the helpers that do one area's work for the main window (interviews,
offers, feedback, moving data): they reach the journal through the window, so a lock
that replaces the journal leaves them nothing stale."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jobjournal.core.records.journal import Journal
    from jobjournal.ui.applications.main_window import MainWindow


class WindowActions:
    def __init__(self, window: MainWindow) -> None:
        self.window = window

    @property
    def journal(self) -> Journal:
        return self.window.journal
