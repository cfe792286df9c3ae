"""A main window on a real demo journal."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from support import PASSPHRASE

from jobjournal.core import paths, vault
from jobjournal.core.demo import fill_demo
from jobjournal.core.journal import Journal
from jobjournal.ui.main_window import MainWindow


@pytest.fixture
def demo_journal() -> Iterator[Journal]:
    journal = vault.create(paths.default_journal_path(), PASSPHRASE)
    fill_demo(journal)
    yield journal
    if not journal.is_locked:
        journal.lock()


@pytest.fixture
def window(qtbot: QtBot, demo_journal: Journal) -> Iterator[MainWindow]:
    window = MainWindow(demo_journal)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    yield window
    window.detail.dirty = False  # nothing to ask about when the test's window closes
    window.close()
    window.deleteLater()
