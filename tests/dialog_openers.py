"""Every window and dialog reachable from the menus, opened on the example journal: the
size and keyboard tests walk them all, and `docs/screenshots/take.py` pictures them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget
from support import application_at

from jobjournal.core.insight import insights
from jobjournal.core.records import plain
from jobjournal.core.records.journal import Journal
from jobjournal.core.records.progress import Progress
from jobjournal.core.storage.models import Status
from jobjournal.ui.applications.main_window import MainWindow
from jobjournal.ui.feedback.feedback_dialog import FeedbackDialog
from jobjournal.ui.feedback.insights_window import InsightsDialog
from jobjournal.ui.feedback.lessons_window import LessonsDialog
from jobjournal.ui.interviews.interview_dialogs import MeetingDialog, ReflectionDialog
from jobjournal.ui.interviews.review_windows import QuestionBankDialog, ReviewDialog
from jobjournal.ui.journal.data_actions import RestoreDialog
from jobjournal.ui.journal.import_dialog import ImportDialog, read_and_plan
from jobjournal.ui.journal.sync_window import ConflictsDialog, SyncDialog
from jobjournal.ui.letters.letter_dialog import LetterDialog
from jobjournal.ui.network.contacts_window import ContactsWindow, ConversationDialog
from jobjournal.ui.network.introduction_dialog import IntroductionDialog
from jobjournal.ui.network.skills_dialog import SkillsDialog
from jobjournal.ui.network.targets_window import OpeningDialog, TargetsWindow
from jobjournal.ui.offers.compare_dialog import CompareDialog
from jobjournal.ui.offers.offer_dialogs import AcceptDialog, OfferDialog, RoundDialog
from jobjournal.ui.offers.profile_dialog import ProfileDialog
from jobjournal.ui.shared.dialogs import (
    ChangePassphraseDialog,
    NewApplicationDialog,
    SettingsDialog,
    StatusDateDialog,
    StatusDialog,
)

Opener = Callable[[MainWindow, Journal], QWidget]


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
    "change status": lambda w, j: StatusDialog(w, Status.APPLIED, "Operations Analyst"),
    "correct a status date": lambda w, j: StatusDateDialog(w, _status_change(j)),
    "change passphrase": lambda w, j: ChangePassphraseDialog(w),
    "restore": lambda w, j: RestoreDialog(w, [j.path]),
    "import": lambda w, j: _import_dialog(w, j),
    "use on several computers": lambda w, j: SyncDialog(w, j),
    "sync conflicts": lambda w, j: ConflictsDialog(w, j),
    "contacts": lambda w, j: ContactsWindow(w, j, w.runner),
    "conversation": lambda w, j: ConversationDialog(w),
    "targets": lambda w, j: TargetsWindow(w, j, w.runner),
    "opening": lambda w, j: OpeningDialog(w, j.all(plain.Opening)[0]),
    "introduction": lambda w, j: IntroductionDialog(
        w, j, w.runner, introduction_id=j.all(plain.Introduction)[0].id
    ),
    "skills": lambda w, j: SkillsDialog(
        w, j, w.runner, opening_id=j.all(plain.Opening)[0].id, title="Senior Pricing Analyst"
    ),
}


def _status_change(journal: Journal) -> plain.StatusChange:
    return journal.status_history(application_at(journal, "Juniper Energy"))[-1]


def _import_dialog(window: MainWindow, journal: Journal) -> QWidget:
    sheet_file = Path(window.journal.path).with_name("sheet.csv")
    sheet_file.write_text("Company,Title,Date Applied,Status\nAcme,Analyst,2026-10-01,Applied\n")
    sheet, plan = read_and_plan(sheet_file, journal, Progress())
    return ImportDialog(window, journal, sheet, plan)
