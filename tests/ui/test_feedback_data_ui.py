"""Rejection → feedback → lessons, the Insights charts, and moving data in and out from the
Journal menu, driven as a person would: shortcuts, keys, clicks on links and buttons."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QListWidget,
    QTableWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot
from support import PASSPHRASE, by_name
from ui_support import (
    CTRL,
    activate,
    answer_file_dialog,
    answer_modal,
    answer_modal_named,
    click_link,
    discard,
    focused,
    select_company,
    shortcut,
    shown_companies,
    unnamed_widgets,
)

from jobjournal.core.records import plain
from jobjournal.core.records.journal import Journal
from jobjournal.core.storage import models as m
from jobjournal.core.storage.models import Status
from jobjournal.ui.applications.main_window import MainWindow

SHIFT_CTRL = CTRL | Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def _click(qtbot: QtBot, dialog: QWidget, name: str) -> None:
    qtbot.mouseClick(by_name(dialog, name, QAbstractButton), Qt.MouseButton.LeftButton)


def _reject(qtbot: QtBot, window: MainWindow, letters: list[str]) -> None:
    def change(dialog: QWidget) -> None:
        status = by_name(dialog, "New status")
        status.setCurrentIndex(status.findText("Rejected"))
        reason = by_name(dialog, "Reason")
        reason.setCurrentIndex(reason.findText("They chose another candidate"))
        ask = by_name(dialog, "Write the letter next")
        assert ask.isChecked() and "Ask for feedback" in ask.text()
        _click(qtbot, dialog, "Change status")

    def letter(dialog: QWidget) -> None:
        letters.append(dialog.windowTitle())
        dialog.reject()

    answer_modal(qtbot, change)
    answer_modal_named(qtbot, "Write a letter", letter)
    shortcut(qtbot, window.table, Qt.Key.Key_T)


def test_rejected_notes_a_feedback_request_opens_its_letter_and_undoes_as_one(
    qtbot: QtBot, window: MainWindow, demo_journal: Journal
) -> None:
    application_id = select_company(qtbot, window, "Pinecrest Media")
    letters: list[str] = []
    _reject(qtbot, window, letters)
    qtbot.waitUntil(lambda: bool(letters))
    records = demo_journal.records_of(application_id)
    assert records.application.status == Status.REJECTED
    assert [(r.asked_on, r.answered_on) for r in records.feedback] == [(date.today(), None)]
    assert "Feedback request (no answer yet)" in window.detail.feedback.toPlainText()

    shortcut(qtbot, window.table, Qt.Key.Key_Z)
    records = demo_journal.records_of(application_id)
    assert (records.application.status, records.feedback) == (Status.INTERVIEWING, [])
    shortcut(qtbot, window.table, Qt.Key.Key_Z, SHIFT_CTRL)  # redo: both again
    records = demo_journal.records_of(application_id)
    assert records.application.status == Status.REJECTED and len(records.feedback) == 1


def test_recording_the_answer_with_action_items_by_keyboard(
    qtbot: QtBot, window: MainWindow, demo_journal: Journal
) -> None:
    application_id = select_company(qtbot, window, "Pinecrest Media")
    _reject(qtbot, window, [])
    qtbot.waitUntil(lambda: demo_journal.records_of(application_id).feedback != [])
    seen: dict[str, object] = {}

    def follow_up(dialog: QWidget) -> None:
        seen["follow-up"] = by_name(dialog, "Letter kind").currentData()
        dialog.reject()

    answer_modal_named(qtbot, "Write a letter", follow_up)
    click_link(qtbot, window.detail.feedback, "Write a follow-up")
    assert seen.pop("follow-up") == "feedback_request"

    def answer(dialog: QWidget) -> None:
        activate(qtbot, dialog)
        assert unnamed_widgets(dialog) == []
        qtbot.mouseClick(by_name(dialog, "Answered on: today"), Qt.MouseButton.LeftButton)
        for mnemonic, text in (
            (Qt.Key.Key_S, "Good SQL; case study too long."),
            (Qt.Key.Key_L, "Lead with the recommendation."),
        ):
            qtbot.keyClick(dialog, mnemonic, ALT)
            qtbot.keyClicks(focused(), text)
        qtbot.keyClick(dialog, Qt.Key.Key_A, ALT)
        entry = focused()
        assert entry is by_name(dialog, "Action items")
        for text in ("Rehearse system design answers", "Get the certification"):
            qtbot.keyClicks(entry, text)  # both are suggestions: Enter picks, and adds
            qtbot.keyClick(entry, Qt.Key.Key_Return)  # the dialog stays open
        assert dialog.isVisible()
        items = by_name(dialog, "Action items: list", QListWidget)
        items.setFocus()
        items.setCurrentRow(1)
        qtbot.keyClick(items, Qt.Key.Key_Space)  # ticks "Get the certification"
        seen["ticked"] = items.item(1).checkState() == Qt.CheckState.Checked
        _click(qtbot, dialog, "Save feedback")

    answer_modal(qtbot, answer)
    click_link(qtbot, window.detail.feedback, "Record their answer")
    assert seen["ticked"]
    request = demo_journal.records_of(application_id).feedback[0]
    assert (request.answered_on, request.lessons) == (date.today(), "Lead with the recommendation.")
    assert [(a.text, a.done) for a in request.actions] == [
        ("Rehearse system design answers", False),
        ("Get the certification", True),
    ]
    shown = window.detail.feedback.toPlainText()
    assert "☑ Get the certification" in shown and "☐ Rehearse system design" in shown


def test_an_answer_dated_before_the_request_keeps_the_dialog_and_the_text(
    qtbot: QtBot, window: MainWindow, demo_journal: Journal
) -> None:
    application_id = select_company(qtbot, window, "Quartz Analytics")
    seen: list[str] = []

    def answer(dialog: QWidget) -> None:
        by_name(dialog, "Asked on").setDate(date(2026, 11, 20))
        by_name(dialog, "Answered on").setDate(date(2026, 11, 1))
        qtbot.keyClicks(by_name(dialog, "What they said"), "Typed words stay.")
        _click(qtbot, dialog, "Save feedback")
        seen.append(by_name(dialog, "Feedback message").text())
        assert (
            dialog.isVisible()
            and "Typed words stay." in by_name(dialog, "What they said").toPlainText()
        )
        discard(qtbot, dialog)

    answer_modal(qtbot, answer)
    shortcut(qtbot, window.table, Qt.Key.Key_K, SHIFT_CTRL)
    assert "cannot be before" in seen[0]
    assert len(demo_journal.records_of(application_id).feedback) == 1  # the demo's own


def test_lessons_gather_everything_and_tick_off_an_action(
    qtbot: QtBot, window: MainWindow, demo_journal: Journal
) -> None:
    seen: dict[str, str] = {}

    def lessons(dialog: QWidget) -> None:
        activate(qtbot, dialog)
        seen["summary"] = by_name(dialog, "Lessons summary").text()
        seen["text"] = by_name(dialog, "Feedback and what to improve").toPlainText()
        items = by_name(dialog, "Open action items", QListWidget)
        assert items.hasFocus() and items.currentRow() == 0
        qtbot.keyClick(items, Qt.Key.Key_Space)  # "Rehearse explaining alpha spending" done
        items.setCurrentRow(1)
        qtbot.keyClick(items, Qt.Key.Key_Return)  # opens the portfolio item's application

    answer_modal(qtbot, lessons)
    shortcut(qtbot, window.table, Qt.Key.Key_E, SHIFT_CTRL)
    assert seen["summary"].startswith("2 open action items · 1 done · 1 piece of feedback")
    assert "Depth on one advanced method" in seen["text"]
    assert "What to improve, from my interview reflections" in seen["text"]
    quartz = next(r.id for r in demo_journal.list_applications() if r.company == "Quartz Analytics")
    actions = demo_journal.records_of(quartz).feedback[0].actions
    assert [a.done for a in actions] == [True, True, False]
    assert window.detail.application_id == quartz
    assert window.detail.tabs.currentWidget() is window.detail.feedback_page


def test_lessons_close_with_their_close_button(qtbot: QtBot, window: MainWindow) -> None:
    closed: list[bool] = []

    def close(dialog: QWidget) -> None:
        qtbot.mouseClick(by_name(dialog, "Close"), Qt.MouseButton.LeftButton)
        closed.append(not dialog.isVisible())

    answer_modal(qtbot, close)
    shortcut(qtbot, window.table, Qt.Key.Key_E, SHIFT_CTRL)
    assert closed == [True]


def test_insights_show_the_demo_numbers_in_words_and_in_pixels(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    seen: dict[str, object] = {}

    def look(dialog: QWidget) -> None:
        chart = by_name(dialog, "Insights charts")
        seen["words"] = chart.accessibleDescription()
        picture = chart.grab().toImage()
        seen["colours"] = len(
            {
                picture.pixel(x, y)
                for x in range(0, picture.width(), 7)
                for y in range(0, picture.height(), 7)
            }
        )
        _click(qtbot, dialog, "Copy as text")
        dialog.reject()

    answer_modal(qtbot, look)
    shortcut(qtbot, window.table, Qt.Key.Key_I, SHIFT_CTRL)
    words = str(seen["words"])
    for line in (
        "Applied: 11",
        "Screening: 9 (82% of the step before)",
        "Offers: 5 (71% of the step before)",
        "Accepted: 1 (20% of the step before)",
        "Answered: 82% of applications (9 of 11)",
        "First answer after: 7 days (median)",
        "Decision (offer or rejection) after: 22 days (median)",
        "Rejections by stage: interviewing 1",
        "Job board: 4 applied, 50% answered, 1 reached interviews, 1 offers",
    ):
        assert line in words, line
    assert int(seen["colours"]) > 4  # bars, text and background: something was drawn
    assert QApplication.clipboard().text().startswith("Funnel:")


def test_export_csv_warns_first_and_writes_every_application(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    out = tmp_path / "exports"
    out.mkdir()
    cancelled: list[str] = []

    def cancel(box: QWidget) -> None:
        cancelled.append(box.accessibleName())
        box.reject()

    answer_modal(qtbot, cancel)
    window.export_csv_action.trigger()
    assert cancelled == ["Not encrypted"] and list(out.iterdir()) == []

    warned: list[bool] = []

    def warning(box: QWidget) -> None:
        warned.append("not be encrypted" in box.text())
        answer_file_dialog(qtbot, out / "apps.csv")
        _click(qtbot, box, "Export anyway")

    answer_modal(qtbot, warning)
    window.export_csv_action.trigger()
    assert warned == [True]
    rows = list(csv.DictReader(io.StringIO((out / "apps.csv").read_text("utf-8-sig"))))
    assert len(rows) == 12 and {"company", "job_title", "status"} <= set(rows[0])
    assert "not encrypted" in window.statusBar().currentMessage()


def test_import_csv_maps_previews_and_reports(
    qtbot: QtBot, window: MainWindow, demo_journal: Journal, tmp_path: Path
) -> None:
    source = tmp_path / "huntr.csv"
    source.write_text(
        "companyName,title,listName,createdAt\n"
        "Acme Corp,Data Analyst,Applied,2026-10-01T09:30:00Z\n"
        "Northwind Analytics,Senior Data Analyst,Interview,2026-10-02\n"
        "Birch & Co,BI Developer,Rejected,31/02/2026\n",
        encoding="utf-8",
    )
    seen: dict[str, object] = {}

    def preview(dialog: QWidget) -> None:
        assert unnamed_widgets(dialog) == []
        table = by_name(dialog, "Import preview", QTableWidget)
        seen["rows"] = [
            [table.item(r, c).text() for c in (1, 3, 5)] for r in range(table.rowCount())
        ]
        title = by_name(dialog, "Column for job title")
        title.setCurrentIndex(0)  # "—": the title column is needed
        seen["message"] = by_name(dialog, "Import message").text()
        seen["disabled"] = not by_name(dialog, "Import", QAbstractButton).isEnabled()
        title.setCurrentIndex(title.findText("title"))
        answer_modal_named(qtbot, "Import report", report)
        _click(qtbot, dialog, "Import")

    def report(box: QWidget) -> None:
        seen["report"] = box.text() + "\n" + box.informativeText()
        box.accept()

    answer_file_dialog(qtbot, source)
    answer_modal_named(qtbot, "Import applications", preview)
    window.import_csv_action.trigger()
    assert seen["rows"] == [
        ["Acme Corp", "Applied", ""],
        ["Northwind Analytics", "Skipped", seen["rows"][1][2]],
        ["Birch & Co", "Skipped", "“31/02/2026” is not a date"],
    ]
    assert str(seen["rows"][1][2]).startswith("you already applied here")
    assert "job title" in str(seen["message"]) and seen["disabled"]
    assert "Imported 1 application" in str(seen["report"]) and "line 4" in str(seen["report"])
    assert "Acme Corp" in shown_companies(window)
    assert demo_journal.count_applications() == 13


def test_broken_rows_are_flagged_and_a_long_import_can_be_stopped(
    qtbot: QtBot, window: MainWindow, demo_journal: Journal, tmp_path: Path
) -> None:
    source = tmp_path / "big.csv"
    rows = [f"Firm {n},Role {n},2026-01-05" for n in range(40_000)]
    rows[7] = "Initech,Lead, Platform,2026-01-06"  # a comma outside quotes
    source.write_text("Company,Title,Date Applied\n" + "\n".join(rows), encoding="utf-8")
    seen: dict[str, object] = {}

    def preview(dialog: QWidget) -> None:
        by_name(dialog, "Only skipped rows", QAbstractButton).click()
        table = by_name(dialog, "Import preview", QTableWidget)
        seen["skipped"] = [
            (table.item(r, 0).text(), table.item(r, 5).text()) for r in range(table.rowCount())
        ]
        seen["summary"] = by_name(dialog, "Import summary").text()
        answer_modal_named(qtbot, "Working", stop)
        _click(qtbot, dialog, "Import")
        seen["message"] = by_name(dialog, "Import message").text()
        seen["still open"] = dialog.isVisible()
        dialog.reject()

    def stop(busy: QWidget) -> None:
        qtbot.waitUntil(lambda: by_name(busy, "Stop", QAbstractButton).isVisible())
        _click(qtbot, busy, "Stop")

    before = demo_journal.count_applications()
    answer_file_dialog(qtbot, source)
    answer_modal_named(qtbot, "Import applications", preview)
    window.import_csv_action.trigger()
    assert seen["skipped"] == [("9", seen["skipped"][0][1])]
    assert "4 cells where the header has 3" in str(seen["skipped"][0][1])
    assert "39,999 to import" in str(seen["summary"]).replace("<b>", "")
    assert "1 row is broken in the file" in str(seen["summary"])
    assert "nothing was changed" in str(seen["message"]) and seen["still open"]
    assert demo_journal.count_applications() == before


def test_restore_from_the_menu_checks_the_passphrase_first(
    qtbot: QtBot, window: MainWindow, demo_journal: Journal
) -> None:
    shortcut(qtbot, window.table, Qt.Key.Key_B, SHIFT_CTRL)
    qtbot.waitUntil(lambda: "Backed up" in window.statusBar().currentMessage())
    asked: list[tuple[str, str]] = []
    window.restore_requested.connect(lambda backup, phrase: asked.append((backup, phrase)))
    seen: list[str] = []

    def restore(dialog: QWidget) -> None:
        activate(qtbot, dialog)
        assert by_name(dialog, "Backups", QListWidget).count() >= 1
        field = by_name(dialog, "Passphrase of the backup")
        qtbot.keyClicks(field, "not it")
        qtbot.keyClick(field, Qt.Key.Key_Return)
        seen.append(by_name(dialog, "Restore message").text())
        assert dialog.isVisible()
        field.clear()
        qtbot.keyClicks(field, PASSPHRASE)
        qtbot.keyClick(field, Qt.Key.Key_Return)

    answer_modal(qtbot, restore)
    window.restore_action.trigger()
    assert "passphrase does not open" in seen[0]
    assert len(asked) == 1 and asked[0][1] == PASSPHRASE and Path(asked[0][0]).exists()
    assert not demo_journal.is_locked  # the controller does the rest (tested there)


def test_apply_again_after_shows_on_the_feedback_tab(
    qtbot: QtBot, window: MainWindow, demo_journal: Journal
) -> None:
    select_company(qtbot, window, "Quartz Analytics")
    window.detail.tabs.setCurrentWidget(window.detail.feedback_page)
    assert "Apply to this company again after" in window.detail.feedback.toPlainText()
    quartz = window.detail.application_id
    assert demo_journal.get(plain.Application, quartz).company.apply_again_after is not None


def test_json_export_then_import_into_a_new_journal_from_the_menus(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    from jobjournal.core.storage import vault

    exported = tmp_path / "whole.json"

    def warning(box: QWidget) -> None:
        answer_file_dialog(qtbot, exported)
        _click(qtbot, box, "Export anyway")

    answer_modal(qtbot, warning)
    window.export_json_action.trigger()
    assert exported.exists()

    fresh = vault.create(tmp_path / "fresh.db", PASSPHRASE)
    second = MainWindow(fresh)
    second.show()
    qtbot.waitExposed(second)
    reports: list[str] = []
    try:
        answer_file_dialog(qtbot, exported)
        answer_modal_named(
            qtbot, "Import report", lambda box: (reports.append(box.text()), box.accept())
        )
        second.import_json_action.trigger()
        assert reports == ["Imported 12 applications and everything recorded with them."]
        assert len(shown_companies(second)) == 12
        assert {hit.kind for hit in fresh.search("alpha spending")} >= {"feedback"}
        # A second import into what is no longer an empty journal is refused, whole.
        answer_file_dialog(qtbot, exported)
        answer_modal_named(
            qtbot, "Cannot import", lambda box: (reports.append(box.text()), box.accept())
        )
        second.import_json_action.trigger()
        assert "already has records" in reports[-1]
        assert fresh.count_applications() == 12
    finally:
        second.close()
        second.deleteLater()
        fresh.lock()


def test_a_week_old_unanswered_request_is_due_and_opens_the_feedback_tab(
    qtbot: QtBot, window: MainWindow, demo_journal: Journal
) -> None:
    pinecrest = next(
        r.id for r in demo_journal.list_applications() if r.company == "Pinecrest Media"
    )
    asked = date.today() - timedelta(days=8)
    demo_journal.add(m.FeedbackRequest, application_id=pinecrest, asked_on=asked)
    window.refresh(select=None)
    due = by_name(window, "Due", QListWidget)
    row = next(i for i in range(due.count()) if "feedback asked of Pinecrest" in due.item(i).text())
    due.setFocus()
    due.setCurrentRow(row)
    qtbot.keyClick(due, Qt.Key.Key_Return)
    assert window.detail.application_id == pinecrest
    assert window.detail.tabs.currentWidget() is window.detail.feedback_page
    assert "Write a follow-up" in window.detail.feedback.toPlainText()
