"""The busy dialog of long work: shown only while the work runs, and never after it. A
stale one is application-modal: it would leave the whole app unable to take a click."""

from __future__ import annotations

import time
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from jobjournal.core.records.progress import Progress
from jobjournal.ui.shared import work
from jobjournal.ui.shared.work import SHOW_AFTER_MS, run_with_progress


def _working_dialogs() -> list[QWidget]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if w.accessibleName() == "Working" and w.isVisible()
    ]


class _DoneAtOnce:
    """A thread that has finished by the time `start` returns: the quickest work there is."""

    def __init__(self, target: Any, **_: Any) -> None:
        self.target = target

    def start(self) -> None:
        self.target()


def test_quick_work_leaves_no_busy_dialog_behind(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As importing a CSV does: quick work, then a dialog of its own (a nested loop)."""
    monkeypatch.setattr(work.threading, "Thread", _DoneAtOnce)
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    for progress in (None, Progress()):
        assert run_with_progress(parent, "Quick", lambda: 42, progress) == 42
        seen: list[int] = []
        next_dialog = QDialog(parent)
        QTimer.singleShot(
            SHOW_AFTER_MS + 200, lambda seen=seen: seen.append(len(_working_dialogs()))
        )
        QTimer.singleShot(SHOW_AFTER_MS + 300, next_dialog.accept)
        next_dialog.exec()
        assert seen == [0]


def test_slow_work_shows_the_dialog_and_hides_it_when_done(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[int] = []
    QTimer.singleShot(SHOW_AFTER_MS + 200, lambda: seen.append(len(_working_dialogs())))

    def slow() -> str:
        time.sleep(SHOW_AFTER_MS / 1000 + 0.5)
        return "done"

    assert run_with_progress(parent, "Slow", slow, Progress()) == "done"
    assert seen == [1]  # shown while the work ran
    qtbot.wait(SHOW_AFTER_MS + 200)
    assert _working_dialogs() == []


def test_the_dialog_never_shows_itself_from_a_progress_step(qtbot: QtBot) -> None:
    """The stale box seen in the real app: a step's setValue(0) started QProgressDialog's
    own timer, which showed the box after the work had ended and it had been hidden."""
    parent = QWidget()
    qtbot.addWidget(parent)
    progress = Progress()
    dialog = work._busy_dialog(parent, "Reading the file", progress)
    progress.step(0, 4, "Checking the rows")
    work._show_progress(dialog, "Reading the file", progress)
    work._close(dialog)
    qtbot.wait(50)
    assert _working_dialogs() == []
