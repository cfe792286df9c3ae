"""A main window on a real demo journal."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from support import open_demo_copy
from ui_support import main_window_shown

from jobjournal.core.records.journal import Journal
from jobjournal.core.storage import paths
from jobjournal.ui.applications.main_window import MainWindow


@pytest.fixture
def demo_journal(demo_templates: Path) -> Iterator[Journal]:
    journal = open_demo_copy(paths.default_journal_path(), date.today(), demo_templates)
    yield journal
    if not journal.is_locked:
        journal.lock()


@pytest.fixture
def window(qtbot: QtBot, demo_journal: Journal) -> Iterator[MainWindow]:
    with main_window_shown(qtbot, demo_journal) as shown:
        yield shown
