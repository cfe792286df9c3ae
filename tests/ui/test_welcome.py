"""An empty journal greets with ways to start, not a list of zeros; the first application
brings back the list, the pipeline and the Due list."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QWidget
from pytestqt.qtbot import QtBot
from support import PASSPHRASE, by_name
from ui_support import answer_modal, main_window_shown

from jobjournal.core.storage import vault
from jobjournal.ui.applications import welcome


def test_an_empty_journal_offers_three_ways_to_start(qtbot: QtBot, tmp_path: Path) -> None:
    journal = vault.create(tmp_path / "mine.db", PASSPHRASE)
    with main_window_shown(qtbot, journal) as window:
        start = by_name(window, "Start your search")
        assert start.isVisible()
        assert not window.pipeline.isVisible() and not window.due.isVisible()
        assert not window.table.isVisible() and not window.filter_box.isVisible()
        assert not by_name(window, "No application selected").isVisible()
        first = by_name(window, "Add your first application", QAbstractButton)
        assert first.hasFocus()  # Enter or Space starts
        for name in ("Import applications", "Open the example journal"):
            assert by_name(window, name, QAbstractButton).isVisible()

        def add(dialog: QWidget) -> None:
            qtbot.keyClicks(by_name(dialog, "Company", QLineEdit), "Acme")
            qtbot.keyClicks(by_name(dialog, "Job title", QLineEdit), "Data Analyst")
            qtbot.mouseClick(
                by_name(dialog, "Add application", QAbstractButton), Qt.MouseButton.LeftButton
            )

        answer_modal(qtbot, add)
        qtbot.mouseClick(first, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: window.table.isVisible())
        assert not start.isVisible() and window.pipeline.isVisible()
        assert window.model.rowCount() == 1
    journal.lock()


def test_the_example_opens_as_its_own_program() -> None:
    command = welcome.example_command()
    assert command[0] == sys.executable and command[-1] == "--demo"
