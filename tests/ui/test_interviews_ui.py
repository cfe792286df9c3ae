"""Interviews in the app: write one down by keyboard, read it back in the review and the
question bank, export its prep sheet, act on the Due list."""

from __future__ import annotations

import signal
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from docx import Document
from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateTimeEdit,
    QLabel,
    QLineEdit,
    QListWidget,
    QTextBrowser,
    QWidget,
)
from pytestqt.qtbot import QtBot
from support import PASSPHRASE, by_name, run_python
from ui_support import activate as _activate
from ui_support import answer_file_dialog, answer_modal, select_company, shortcut
from ui_support import focused as _focused

from jobjournal.core.records.journal import Journal
from jobjournal.core.storage import models as m
from jobjournal.core.storage import paths, vault
from jobjournal.core.work import interviews as iv
from jobjournal.ui.applications.main_window import MainWindow
from jobjournal.ui.interviews import review_windows
from jobjournal.ui.interviews.interview_dialogs import AUTOSAVE_MS

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
WORDS = ["ZEBRAQUESTION", "ZEBRAANSWER", "ZEBRANEXT", "ZEBRAWELL", "ZEBRAASKED", "ZEBRAPERSON"]


def _type(qtbot: QtBot, widget: QWidget, text: str) -> None:
    qtbot.keyClicks(widget, text)


def _yesterday_at_ten() -> QDateTime:
    day = datetime.now() - timedelta(days=1)
    return QDateTime(QDate(day.year, day.month, day.day), QTime(10, 0))


def _write_reflection_by_keyboard(qtbot: QtBot, dialog: QWidget) -> None:
    """Everything from the keyboard, in the order a person types after an interview."""
    _activate(qtbot, dialog)
    _type(qtbot, _focused(), f"{WORDS[0]} tell me about a hard bug")  # New question has focus
    qtbot.keyClick(_focused(), Qt.Key.Key_Return)
    _type(qtbot, _focused(), WORDS[1])  # Enter moved on to My answer
    qtbot.keyClick(_focused(), Qt.Key.Key_Tab)
    _type(qtbot, _focused(), WORDS[2])  # Next time
    qtbot.keyClick(_focused(), Qt.Key.Key_Tab)
    qtbot.keyClick(_focused(), Qt.Key.Key_4)  # It went: 4
    qtbot.keyClick(dialog, Qt.Key.Key_N, ALT)
    _type(qtbot, _focused(), "Second question")
    qtbot.keyClick(_focused(), Qt.Key.Key_Return)
    qtbot.keyClick(dialog, Qt.Key.Key_E, ALT)
    _type(qtbot, _focused(), f"{WORDS[4]} what is the team like")
    qtbot.keyClick(_focused(), Qt.Key.Key_Return)
    qtbot.keyClick(dialog, Qt.Key.Key_W, ALT)
    _type(qtbot, _focused(), WORDS[3])


def test_a_reflection_written_by_keyboard_survives_lock_and_unlock(
    qtbot: QtBot, window: MainWindow, demo_journal: Journal
) -> None:
    application_id = select_company(qtbot, window, "Juniper Energy")
    state: dict[str, object] = {}

    def reflect(dialog: QWidget) -> None:
        _write_reflection_by_keyboard(qtbot, dialog)
        questions = by_name(dialog, "Questions they asked", QListWidget)
        questions.setFocus()
        questions.setCurrentRow(1)
        qtbot.keyClick(questions, Qt.Key.Key_Up, ALT)  # reorder by keys
        state["order"] = [questions.item(i).text() for i in range(questions.count())]
        qtbot.keyClick(_focused(), Qt.Key.Key_Escape)  # Esc closes; what was typed is kept

    def meet(dialog: QWidget) -> None:
        _activate(qtbot, dialog)
        by_name(dialog, "When", QDateTimeEdit).setDateTime(_yesterday_at_ten())
        by_name(dialog, "Round", QComboBox).setFocus()
        qtbot.keyClick(dialog, Qt.Key.Key_N, ALT)  # New person
        _type(qtbot, _focused(), WORDS[5])
        qtbot.keyClick(_focused(), Qt.Key.Key_Tab)
        _type(qtbot, _focused(), "Operations Lead")
        qtbot.keyClick(_focused(), Qt.Key.Key_Return)  # adds the person
        people = by_name(dialog, "People met", QListWidget)
        state["people"] = [people.item(i).text() for i in range(people.count())]
        answer_modal(qtbot, reflect)  # the interview happened: the reflection opens next
        qtbot.keyClick(by_name(dialog, "Place or link", QLineEdit), Qt.Key.Key_Return)

    answer_modal(qtbot, meet)
    shortcut(qtbot, window.table, Qt.Key.Key_N, CTRL_SHIFT)
    assert f"{WORDS[5]} — Operations Lead" in state["people"]  # type: ignore[operator]
    assert state["order"] == ["Second question", f"{WORDS[0]} tell me about a hard bug"]
    path = demo_journal.path
    demo_journal.lock()
    reopened = vault.unlock(path, PASSPHRASE)
    try:
        (interview,) = reopened.records_of(application_id).interviews
        stored = iv.load(reopened, interview.id)
        text = " ".join(
            [
                stored.went_well,
                *(f"{q.question} {q.my_answer} {q.next_time}" for q in stored.questions),
            ]
            + [p.name for p in stored.people]
        )
        for word in WORDS:
            assert word in text, word
        asked_me = [q for q in stored.questions if q.direction == "asked_me"]
        assert [q.question for q in asked_me] == state["order"]
        assert asked_me[1].rating == 4
        hits = reopened.search(WORDS[3])
        assert [(h.kind, h.ref_id) for h in hits] == [("interview", interview.id)]
    finally:
        reopened.lock()


def test_autosave_keeps_what_was_typed_when_the_app_is_killed(tmp_path: Path) -> None:
    """Type into the reflection, wait for the autosave, then SIGKILL the process: the
    words are in the journal when it is opened again."""
    home = tmp_path / "home"
    script = f"""
        import os, signal
        from support import PASSPHRASE
        from jobjournal.core.storage import paths, vault
        from jobjournal.core.work import interviews as iv
        from jobjournal.core.work.demo import fill_demo
        from PySide6.QtWidgets import QApplication, QWidget
        from PySide6.QtTest import QTest
        app = QApplication([])
        journal = vault.create(paths.default_journal_path(), PASSPHRASE)
        fill_demo(journal)
        application_id = journal.list_applications()[0].id
        interview_id = iv.add_interview(journal, application_id, iv.Meeting(round="final")).new_id
        from jobjournal.ui.interviews.interview_dialogs import ReflectionDialog
        parent = QWidget()
        dialog = ReflectionDialog(parent, journal, interview_id)
        dialog.show()
        QTest.keyClicks(dialog.went_well, "KILLEDWORDS kept")
        QTest.qWait({AUTOSAVE_MS} * 3)
        print(interview_id, flush=True)
        os.kill(os.getpid(), signal.SIGKILL)
    """
    done = run_python(script, env={"JOBJOURNAL_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == -signal.SIGKILL, done.stderr
    interview_id = int(done.stdout.split()[0])
    import os

    os.environ["JOBJOURNAL_HOME"], before = str(home), os.environ["JOBJOURNAL_HOME"]
    try:
        journal = vault.unlock(paths.default_journal_path(), PASSPHRASE)
    finally:
        os.environ["JOBJOURNAL_HOME"] = before
    try:
        assert iv.load(journal, interview_id).went_well == "KILLEDWORDS kept"
    finally:
        journal.lock()


def test_a_refused_reflection_keeps_the_dialog_open_with_a_message(
    qtbot: QtBot, window: MainWindow, demo_journal: Journal
) -> None:
    application_id = select_company(qtbot, window, "Juniper Energy")
    interview_id = iv.add_interview(demo_journal, application_id, iv.Meeting()).new_id
    from jobjournal.ui.interviews.interview_dialogs import ReflectionDialog

    dialog = ReflectionDialog(window, demo_journal, interview_id)
    dialog.show()
    qtbot.keyClicks(dialog.went_well, "Words worth keeping")
    demo_journal.delete(m.Interview, interview_id, confirm=True)  # gone meanwhile
    dialog.accept()
    assert dialog.isVisible()  # not closed: the words are still there to copy
    message = by_name(dialog, "Reflection message", QLabel)
    assert message.isVisible() and "no longer exists" in message.text()
    assert dialog.went_well.toPlainText() == "Words worth keeping"
    assert by_name(dialog, "Save state", QLabel).text() == "Not saved"
    dialog.reject()


def test_the_review_filters_and_reads_more_on_scroll(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(review_windows, "PAGE", 2)
    seen: dict[str, object] = {}

    def read(dialog: QWidget) -> None:
        text = by_name(dialog, "Reflections", QTextBrowser)
        count = by_name(dialog, "Interviews shown", QLabel)
        seen["all"] = count.text()
        seen["first page"] = text.toPlainText().count("open in the journal")
        bar = text.verticalScrollBar()
        for _ in range(10):  # a person dragging the scroll bar to the end, again and again
            bar.setValue(bar.maximum())
            qtbot.wait(10)
        seen["after scrolling"] = text.toPlainText().count("open in the journal")
        company = by_name(dialog, "Company", QComboBox)
        company.setCurrentIndex(company.findText("Northwind Analytics"))
        seen["northwind"] = count.text()
        seen["northwind text"] = text.toPlainText()
        dialog.reject()

    answer_modal(qtbot, read)
    shortcut(qtbot, window.table, Qt.Key.Key_R, CTRL_SHIFT)
    assert seen["all"] == "9 interviews"
    first = seen["first page"]  # pages of 2, read until the window is full, not all 9
    assert isinstance(first, int) and 2 <= first < 9 and first % 2 == 0
    assert seen["after scrolling"] == 9
    assert seen["northwind"] == "3 interviews"
    assert "Bluefin" not in str(seen["northwind text"])


def test_the_question_bank_groups_and_filters(qtbot: QtBot, window: MainWindow) -> None:
    seen: dict[str, object] = {}

    def read(dialog: QWidget) -> None:
        listed = by_name(dialog, "Questions asked of me", QListWidget)
        seen["top"] = listed.item(0).text()
        seen["tip"] = listed.item(0).toolTip()
        answers = by_name(dialog, "Answers", QTextBrowser).toPlainText()
        seen["answers"] = answers
        qtbot.keyClicks(by_name(dialog, "Filter questions", QLineEdit), "stakeholder")
        seen["filtered"] = [listed.item(i).text() for i in range(listed.count())]
        dialog.reject()

    answer_modal(qtbot, read)
    shortcut(qtbot, window.table, Qt.Key.Key_Q, CTRL_SHIFT)
    assert str(seen["top"]) == "3× · best 5/5  Tell me about yourself."
    assert seen["tip"] == "Tell me about yourself."
    assert "Also asked as: Tell me a bit about yourself." in str(seen["answers"])
    assert "My best answer (5/5" in str(seen["answers"])
    filtered = seen["filtered"]
    assert isinstance(filtered, list) and len(filtered) == 1 and "stakeholder" in filtered[0]


def test_the_prep_sheet_is_exported_from_the_interviews_tab(
    qtbot: QtBot, window: MainWindow, demo_journal: Journal, tmp_path: Path
) -> None:
    application_id = select_company(qtbot, window, "Pinecrest Media")
    upcoming = max(
        demo_journal.records_of(application_id).interviews,
        key=lambda i: i.starts_at or datetime.min,
    )
    answer_file_dialog(qtbot, tmp_path / "pinecrest prep")
    window.detail.interviews.anchorClicked.emit(_url(f"prep:{upcoming.id}"))
    written = "\n".join(p.text for p in Document(str(tmp_path / "pinecrest prep.docx")).paragraphs)
    assert "Prep sheet: Pinecrest Media — Marketing Data Analyst" in written
    assert "Jamie Park" in written and "Questions to ask them" in written
    assert "not encrypted" in window.statusBar().currentMessage()


def test_a_due_thank_you_opens_the_reflection(
    qtbot: QtBot, window: MainWindow, demo_journal: Journal
) -> None:
    application_id = select_company(qtbot, window, "Juniper Energy")
    yesterday = datetime.now() - timedelta(days=2)
    interview_id = iv.add_interview(
        demo_journal, application_id, iv.Meeting(starts_at=yesterday)
    ).new_id
    window.refresh(select=application_id)
    due = by_name(window, "Due", QListWidget)
    row = next(i for i in range(due.count()) if "thank-you to Juniper" in due.item(i).text())
    seen: dict[str, object] = {}

    def look(dialog: QWidget) -> None:
        seen["title"] = dialog.windowTitle()
        by_name(dialog, "Thank-you sent on: today", QAbstractButton).click()
        dialog.accept()

    answer_modal(qtbot, look)
    due.setCurrentRow(row)
    qtbot.keyClick(due, Qt.Key.Key_Return)
    assert seen["title"] == "Interview reflection"
    assert iv.load(demo_journal, interview_id).thank_you_sent_on is not None
    texts = [due.item(i).text() for i in range(due.count())]
    assert not any("thank-you to Juniper" in t for t in texts)


def _url(text: str):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QUrl

    return QUrl(text)


def test_the_prep_sheet_prints(qtbot: QtBot, demo_journal: Journal, tmp_path: Path) -> None:
    from PySide6.QtPrintSupport import QPrinter

    from jobjournal.core.work import prep
    from jobjournal.ui.interviews.prep_print import prep_html, print_sheet

    pinecrest = next(
        r.id for r in demo_journal.list_applications() if r.company == "Pinecrest Media"
    )
    upcoming = max(
        demo_journal.records_of(pinecrest).interviews, key=lambda i: i.starts_at or datetime.min
    )
    sheet = prep.prepare(demo_journal, upcoming.id)
    html = prep_html(sheet)
    for piece in ("Prep sheet: Pinecrest Media", "Jamie Park", "Questions to ask them"):
        assert piece in html
    assert sheet.asked_before[0].question.replace("'", "&#x27;") in html
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "prep.pdf"))
    print_sheet(sheet, printer)
    printed = (tmp_path / "prep.pdf").read_bytes()
    assert printed.startswith(b"%PDF") and len(printed) > 5_000


def test_the_thank_you_link_opens_the_letter(qtbot: QtBot, window: MainWindow) -> None:
    from ui_support import click_link

    select_company(qtbot, window, "Northwind Analytics")
    window.detail.tabs.setCurrentWidget(window.detail.interviews_page)
    seen: list[str] = []

    def read(dialog: QWidget) -> None:
        seen.append(by_name(dialog, "Letter kind", QComboBox).currentText())
        dialog.reject()

    answer_modal(qtbot, read)
    click_link(qtbot, window.detail.interviews, "Thank-you letter…")  # its scheme had a "_"
    assert seen == ["Thank-you after an interview"]
