"""Every window fits a laptop screen as first shown: no taller than 700 px (a 1366×768
screen with a taskbar) and no wider than a 1280×720 screen, its layout still whole."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from support import application_at, by_name
from ui_support import select_company

from jobjournal.core.insight import insights
from jobjournal.core.records import plain
from jobjournal.core.records.journal import Journal
from jobjournal.ui.applications.applications_model import COL_NEXT, COL_TITLE
from jobjournal.ui.applications.main_window import MainWindow
from jobjournal.ui.feedback.feedback_dialog import FeedbackDialog
from jobjournal.ui.feedback.insights_window import InsightsDialog
from jobjournal.ui.feedback.lessons_window import LessonsDialog
from jobjournal.ui.interviews.interview_dialogs import MeetingDialog, ReflectionDialog
from jobjournal.ui.interviews.review_windows import QuestionBankDialog, ReviewDialog
from jobjournal.ui.letters.letter_dialog import LetterDialog
from jobjournal.ui.offers.compare_dialog import CompareDialog
from jobjournal.ui.offers.offer_dialogs import AcceptDialog, OfferDialog, RoundDialog
from jobjournal.ui.offers.profile_dialog import ProfileDialog
from jobjournal.ui.shared.basics import FIRST_HEIGHT
from jobjournal.ui.shared.dialogs import NewApplicationDialog, SettingsDialog

Opener = Callable[[MainWindow, Journal], QWidget]
SMALLEST_WIDTH = 1280 - 40  # a 1280×720 screen, the window's frame beside it


def _interview(journal: Journal) -> int:
    return journal.all(plain.Interview)[0].id


def _offer(journal: Journal) -> int:
    return journal.all(plain.Offer)[0].id


OPENERS: dict[str, Opener] = {
    "main window": lambda w, j: w,
    "new application": lambda w, j: NewApplicationDialog(w, []),
    "letter": lambda w, j: LetterDialog(w, j, application_at(j, "Juniper Energy"), "withdraw"),
    "offer": lambda w, j: OfferDialog(w, j, application_at(j, "Larkspur Labs"), _offer(j)),
    "round": lambda w, j: RoundDialog(w, j, _offer(j), past_advice=True),
    "accept": lambda w, j: AcceptDialog(w, j, application_at(j, "Northwind Analytics")),
    "compare offers": lambda w, j: CompareDialog(w, j),
    "profile": lambda w, j: ProfileDialog(w, j),
    "feedback": lambda w, j: FeedbackDialog(w, j, application_at(j, "Quartz Analytics")),
    "lessons": lambda w, j: LessonsDialog(w, j),
    "insights": lambda w, j: InsightsDialog(w, insights.insights(j)),
    "review": lambda w, j: ReviewDialog(w, j),
    "question bank": lambda w, j: QuestionBankDialog(w, j),
    "interview": lambda w, j: MeetingDialog(w, j, application_at(j, "Pinecrest Media")),
    "reflection": lambda w, j: ReflectionDialog(w, j, _interview(j)),
    "settings": lambda w, j: SettingsDialog(w, j.path, remembered=False),
}


@pytest.mark.parametrize("name", OPENERS)
def test_a_window_fits_a_laptop_screen_as_first_shown(
    qtbot: QtBot, window: MainWindow, demo_journal: Journal, name: str
) -> None:
    shown = OPENERS[name](window, demo_journal)
    shown.show()
    qtbot.waitExposed(shown)
    assert shown.height() <= FIRST_HEIGHT, (name, shown.size())
    assert shown.width() <= SMALLEST_WIDTH, (name, shown.size())
    if shown is not window:
        shown.close()


def test_the_list_takes_the_room_until_an_application_is_open(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.resize(1320, 700)  # a 1366×768 screen, less the frame and a taskbar
    window.show()
    qtbot.waitExposed(window)
    hint = by_name(window, "No application selected")
    assert not window.detail.isVisible() and hint.isVisible()
    wide = window.table.width()
    select_company(qtbot, window, "Civic Data Trust")
    assert window.detail.isVisible() and not hint.isVisible()
    qtbot.waitUntil(lambda: window.table.width() < wide)
    # With the details open, the list still reads whole: no sideways scrolling, every
    # job title at full length (the dates of the hidden columns are in the details).
    assert not window.table.horizontalScrollBar().isVisible()
    metrics = window.table.fontMetrics()
    title_width = window.table.columnWidth(COL_TITLE)
    for row in range(window.model.rowCount()):
        title = window.model.index(row, COL_TITLE).data()
        assert metrics.horizontalAdvance(title) + 12 <= title_width, title
    assert window.table.isColumnHidden(COL_NEXT)
    window.detail.clear()  # nothing selected again: the columns come back
    qtbot.waitUntil(lambda: not window.table.isColumnHidden(COL_NEXT))
    assert not window.table.horizontalScrollBar().isVisible()
