"""The window redraws what an operation changed and nothing else: after a status change or
an edit, one row moves or is redrawn, the counts and the details follow, and the table is
never read again whole (no model reset). The speed on the 100,000-application journal is
`make bench FIGURE=save_edit_redraw` (and `undo_redraw`); the rule is the same at any size,
so this journal has 3,000 applications."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from support import PASSPHRASE, by_name
from ui_support import main_window_shown, shortcut

from jobjournal.core.documents import csv_import
from jobjournal.core.records.journal import Journal
from jobjournal.core.storage import vault
from jobjournal.core.storage.models import Status
from jobjournal.ui.applications.main_window import MainWindow
from jobjournal.ui.applications.pipeline import KEY_ROLE

MANY = 3_000
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture(scope="module")
def many_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("many") / "many.db"
    journal = vault.create(path, PASSPHRASE)
    start = date.today() - timedelta(days=400)
    lines = ["Company,Job title,Status,Applied on"] + [
        f"Company {n % 700:03d},Role {n:04d},Applied,{start + timedelta(days=n % 390)}"
        for n in range(MANY)
    ]
    sheet = csv_import.parse_csv("many.csv", "\n".join(lines).encode())
    plan = csv_import.plan_import(journal, sheet, csv_import.guess_mapping(sheet.headers))
    csv_import.run_import(journal, plan)
    assert journal.count_applications() == MANY
    journal.lock()
    return path


@pytest.fixture
def window(qtbot: QtBot, many_path: Path, tmp_path: Path) -> Iterator[MainWindow]:
    path = tmp_path / "journal.db"
    shutil.copy(many_path, path)
    journal = vault.unlock(path, PASSPHRASE)
    with main_window_shown(qtbot, journal) as window:
        yield window
    journal.lock()


class Redraws:
    """What the table's model told its view, and which rows it read from the journal."""

    def __init__(self, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
        self.signals: list[tuple[Any, ...]] = []
        self.rows_read: list[list[int]] = []
        model = window.model
        model.modelReset.connect(lambda: self.signals.append(("reset",)))
        model.rowsMoved.connect(
            lambda _p, first, last, _d, to: self.signals.append(("moved", first, last, to))
        )
        model.rowsInserted.connect(
            lambda _p, first, last: self.signals.append(("inserted", first, last))
        )
        model.rowsRemoved.connect(
            lambda _p, first, last: self.signals.append(("removed", first, last))
        )
        model.dataChanged.connect(
            lambda top, bottom, _roles=(): self.signals.append(("data", top.row(), bottom.row()))
        )
        journal: Journal = window.journal
        read = journal.rows_by_id

        def rows_by_id(ids: list[int]) -> Any:
            self.rows_read.append(list(ids))
            return read(ids)

        monkeypatch.setattr(journal, "rows_by_id", rows_by_id)
        monkeypatch.setattr(journal, "list_applications", _no_page_read)


def _no_page_read(*_args: Any, **_kwargs: Any) -> Any:
    raise AssertionError("the table was read again whole")


def _shown_count(window: MainWindow, status: Status) -> int:
    """The count the pipeline shows beside a status: "Screening  (1,234)"."""
    pipeline = window.pipeline
    item = next(
        pipeline.item(r)
        for r in range(pipeline.count())
        if pipeline.item(r).data(KEY_ROLE) == status.value
    )
    return int(item.text().rsplit("(", 1)[1].rstrip(")").replace(",", ""))


def test_a_status_change_moves_one_row_and_redraws_counts_and_details(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.table.selectRow(120)  # sorted by last change: it goes to the top
    chosen = window.detail.application_id
    assert chosen is not None
    screening_before = _shown_count(window, Status.SCREENING)
    redraws = Redraws(window, monkeypatch)

    window.runner.run(
        "Change status to Screening",
        lambda: window.journal.set_status(chosen, Status.SCREENING),
        focus=chosen,
    )

    assert ("reset",) not in redraws.signals
    assert redraws.signals == [("moved", 120, 120, 0), ("data", 0, 0)]
    assert redraws.rows_read == [[chosen]]
    assert window.model.application_id(0) == chosen
    assert window.table.currentIndex().row() == 0  # still the one selected
    assert _shown_count(window, Status.SCREENING) == screening_before + 1
    assert "<b>Screening</b>" in window.detail.heading.text()


def test_an_edit_saved_by_keyboard_redraws_its_row_only_and_undo_likewise(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # by company: an edit stays put
    window.table.selectRow(7)
    chosen = window.detail.application_id
    redraws = Redraws(window, monkeypatch)
    next_action = by_name(window, "Next action")
    qtbot.keyClicks(next_action, "Call the recruiter")
    qtbot.keyClick(next_action, Qt.Key.Key_S, CTRL)

    assert redraws.signals == [("data", 7, 7)]
    assert redraws.rows_read == [[chosen]]
    assert "Call the recruiter" in window.model.index(7, 4).data()

    redraws.signals.clear()
    window.table.setFocus()
    shortcut(qtbot, window.table, Qt.Key.Key_Z)
    assert redraws.signals == [("data", 7, 7)]
    assert window.model.index(7, 4).data() == ""
    assert by_name(window, "Next action").text() == ""
