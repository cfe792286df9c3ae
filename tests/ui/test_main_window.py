"""The main window driven like a person would: keys, clicks, accessible names."""

from __future__ import annotations

import re

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDateEdit,
    QListWidget,
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot
from support import PROJECT_DIR, by_name
from ui_support import (
    answer_modal,
    row_titled,
    select_company,
    shortcut,
    shown_companies,
    unnamed_widgets,
)

from jobjournal.core.records import plain
from jobjournal.core.records.journal import Journal
from jobjournal.core.records.listing import ApplicationFilter
from jobjournal.core.storage.models import Status
from jobjournal.ui.applications.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_the_demo_journal_fills_table_and_pipeline(window: MainWindow) -> None:
    assert window.model.rowCount() == 12
    assert by_name(window, "Applications shown").text() == "12 applications"
    labels = [window.pipeline.item(i).text() for i in range(window.pipeline.count())]
    assert "All applications  (12)" in labels
    assert "Negotiating  (2)" in labels
    assert window.windowTitle() == "journal.db — jobjournal"


def test_new_application_by_keyboard_then_undo_and_redo(
    qtbot: QtBot, window: MainWindow, demo_journal: Journal
) -> None:
    def fill(dialog: QWidget) -> None:
        qtbot.keyClicks(by_name(dialog, "Company"), "Acme Robotics")
        qtbot.keyClicks(by_name(dialog, "Job title"), "Data Engineer")
        qtbot.keyClick(by_name(dialog, "Job title"), Qt.Key.Key_Return)

    answer_modal(qtbot, fill)
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    assert window.model.rowCount() == 13
    assert "Data Engineer" in by_name(window, "Application heading").text()
    added = demo_journal.list_applications(ApplicationFilter(text="Acme"))
    assert [(r.company, r.job_title, r.status) for r in added] == [
        ("Acme Robotics", "Data Engineer", Status.APPLIED)
    ]
    window.table.setFocus()
    shortcut(qtbot, window.table, Qt.Key.Key_Z)
    assert demo_journal.count_applications() == 12
    shortcut(qtbot, window.table, Qt.Key.Key_Z, CTRL_SHIFT)
    assert demo_journal.count_applications() == 13
    assert "Acme Robotics" in shown_companies(window)


def test_a_refused_new_application_keeps_what_was_typed(qtbot: QtBot, window: MainWindow) -> None:
    seen: list[str] = []

    def fill(dialog: QWidget) -> None:
        qtbot.keyClicks(by_name(dialog, "Job title"), "Data Engineer")
        qtbot.keyClick(by_name(dialog, "Job title"), Qt.Key.Key_Return)  # no company yet
        seen.append(by_name(dialog, "New application message").text())
        assert by_name(dialog, "Job title").text() == "Data Engineer"
        qtbot.keyClicks(by_name(dialog, "Company"), "Acme")
        qtbot.keyClick(by_name(dialog, "Job title"), Qt.Key.Key_Return)

    answer_modal(qtbot, fill)
    window.new_action.trigger()
    assert "name of the company" in seen[0]
    assert "Acme" in shown_companies(window)


def test_edit_save_and_undo(qtbot: QtBot, window: MainWindow, demo_journal: Journal) -> None:
    application_id = select_company(qtbot, window, "Juniper Energy")
    title = by_name(window, "Job title")
    title.selectAll()
    qtbot.keyClicks(title, "Senior Operations Analyst")
    qtbot.keyClick(title, Qt.Key.Key_S, CTRL)
    assert (
        demo_journal.get(plain.Application, application_id).job_title == "Senior Operations Analyst"
    )
    assert row_titled(window, "Senior Operations Analyst") is not None
    window.table.setFocus()
    shortcut(qtbot, window.table, Qt.Key.Key_Z)
    assert demo_journal.get(plain.Application, application_id).job_title == "Operations Analyst"
    assert by_name(window, "Job title").text() == "Operations Analyst"


def test_bad_money_is_refused_with_a_message_and_nothing_lost(
    qtbot: QtBot, window: MainWindow, demo_journal: Journal
) -> None:
    application_id = select_company(qtbot, window, "Juniper Energy")
    expected = by_name(window, "Expected salary")
    qtbot.keyClicks(expected, "a lot")
    qtbot.keyClick(expected, Qt.Key.Key_S, CTRL)
    assert "not a number" in by_name(window, "Details message").text()
    assert expected.text() == "a lot"
    # Moving to another application is refused while the edit cannot be saved.
    window.table.selectRow(0)
    assert window.detail.application_id == application_id
    assert demo_journal.get(plain.Application, application_id).expected_cents is None


def test_delete_asks_first_and_names_what_goes_with_it(
    qtbot: QtBot, window: MainWindow, demo_journal: Journal
) -> None:
    select_company(qtbot, window, "Quartz Analytics")
    asked: list[str] = []

    def answer(button: str) -> None:
        def press(box: QWidget) -> None:
            assert isinstance(box, QMessageBox)
            asked.append(box.informativeText())
            qtbot.mouseClick(by_name(box, button, QAbstractButton), Qt.MouseButton.LeftButton)

        answer_modal(qtbot, press)

    answer("Cancel")
    window.table.setFocus()
    shortcut(qtbot, window.table, Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier)
    assert "2 interviews" in asked[0] and "cannot be undone" in asked[0]
    assert demo_journal.count_applications() == 12
    answer("Delete")
    shortcut(qtbot, window.table, Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier)
    assert demo_journal.count_applications() == 11
    assert "Quartz Analytics" not in shown_companies(window)
    assert by_name(window, "No application selected").isVisible()


def test_withdrawing_asks_why_and_records_it(
    qtbot: QtBot, window: MainWindow, demo_journal: Journal
) -> None:
    application_id = select_company(qtbot, window, "Juniper Energy")
    messages: list[str] = []

    def withdraw(dialog: QWidget) -> None:
        status = by_name(dialog, "New status")
        status.setCurrentIndex(status.findText("Withdrawn"))
        qtbot.keyClick(status, Qt.Key.Key_Return)
        messages.append(by_name(dialog, "Change status message").text())
        reason = by_name(dialog, "Reason")
        reason.setCurrentIndex(reason.findText("Accepted another offer"))
        qtbot.keyClicks(by_name(dialog, "Reason in my words"), "Took the Civic Data role")
        by_name(dialog, "Write the letter next").click()  # the letter has tests of its own
        qtbot.mouseClick(
            by_name(dialog, "Change status", QAbstractButton), Qt.MouseButton.LeftButton
        )

    answer_modal(qtbot, withdraw)
    qtbot.keyClick(window, Qt.Key.Key_T, CTRL)
    assert "Choose why" in messages[0]
    last = demo_journal.status_history(application_id)[-1]
    assert (last.to_status, last.reason_code, last.ended_by) == (
        "withdrawn",
        "accepted_other_offer",
        "me",
    )
    assert last.reason_text == "Took the Civic Data role"
    timeline = by_name(window, "Timeline")
    assert "Withdrawn — Accepted another offer" in timeline.item(0).text()
    window.table.setFocus()
    shortcut(qtbot, window.table, Qt.Key.Key_Z)
    assert demo_journal.get(plain.Application, application_id).status == "applied"


def test_search_finds_a_reflection_and_jumps_to_it(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
    assert QApplication.focusWidget() is window.search_box
    qtbot.keyClicks(window.search_box, "novelty")
    results = by_name(window, "Search results")
    qtbot.waitUntil(lambda: results.isVisible() and results.count() > 0)
    assert "Interview reflection · Quartz Analytics" in results.item(0).data(
        Qt.ItemDataRole.AccessibleTextRole
    )
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    assert window.table.isVisible()
    assert "Quartz Analytics" in by_name(window, "Application heading").text()
    tabs = by_name(window, "Application sections")
    assert tabs.currentWidget().isAncestorOf(by_name(window, "Interviews"))


def test_search_escape_returns_to_the_list(qtbot: QtBot, window: MainWindow) -> None:
    window.focus_search()
    qtbot.keyClicks(window.search_box, "zzzznothing")
    results = by_name(window, "Search results")
    qtbot.waitUntil(results.isVisible)
    assert "Nothing in the journal matches" in results.item(0).text()
    qtbot.keyClick(window.search_box, Qt.Key.Key_Escape)
    assert window.table.isVisible() and window.search_box.text() == ""


def test_pipeline_counts_filter_the_table(qtbot: QtBot, window: MainWindow) -> None:
    pipeline = by_name(window, "Pipeline")
    negotiating = next(
        pipeline.item(i)
        for i in range(pipeline.count())
        if "Negotiating" in pipeline.item(i).text()
    )
    rect = pipeline.visualItemRect(negotiating)
    qtbot.mouseClick(pipeline.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert sorted(shown_companies(window)) == ["Bluefin Health", "Northwind Analytics"]
    assert by_name(window, "Applications shown").text() == "2 applications"
    qtbot.keyClick(window, Qt.Key.Key_0, CTRL)
    assert window.model.rowCount() == 12


def test_typing_a_filter_narrows_the_list(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL_SHIFT)
    qtbot.keyClicks(window.filter_box, "analytics")
    qtbot.waitUntil(lambda: window.model.rowCount() == 3)
    assert sorted(shown_companies(window)) == [
        "Bluefin Health",  # "Analytics Engineer"
        "Northwind Analytics",
        "Quartz Analytics",
    ]


def test_clicking_a_header_sorts_in_sql(qtbot: QtBot, window: MainWindow) -> None:
    header = window.table.horizontalHeader()
    qtbot.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=header.rect().topLeft()
        + type(header.rect().topLeft())(header.sectionPosition(0) + 20, 8),
    )
    companies = shown_companies(window)
    assert companies in (
        sorted(companies, key=str.casefold),
        sorted(companies, key=str.casefold, reverse=True),
    )
    assert window.model.sort_key == "company"


def test_every_interactive_widget_has_an_accessible_name(qtbot: QtBot, window: MainWindow) -> None:
    select_company(qtbot, window, "Northwind Analytics")
    assert unnamed_widgets(window) == []
    found: list[list[str]] = []
    answer_modal(qtbot, lambda dialog: (found.append(unnamed_widgets(dialog)), dialog.reject()))
    window.new_action.trigger()
    answer_modal(qtbot, lambda dialog: (found.append(unnamed_widgets(dialog)), dialog.reject()))
    window.status_action.trigger()
    answer_modal(qtbot, lambda dialog: (found.append(unnamed_widgets(dialog)), dialog.reject()))
    window.settings_action.trigger()
    answer_modal(qtbot, lambda dialog: (found.append(unnamed_widgets(dialog)), dialog.reject()))
    window.letter_action.trigger()
    for action in (window.interview_action, window.review_action, window.bank_action):
        answer_modal(qtbot, lambda dialog: (found.append(unnamed_widgets(dialog)), dialog.reject()))
        action.trigger()
    interview = window.journal.records_of(window.detail.application_id).interviews[0]
    answer_modal(qtbot, lambda dialog: (found.append(unnamed_widgets(dialog)), dialog.reject()))
    window.interviews.open_reflection(interview.id)
    for action in (window.offer_action, window.compare_action, window.profile_action):
        answer_modal(qtbot, lambda dialog: (found.append(unnamed_widgets(dialog)), dialog.reject()))
        action.trigger()
    offer = window.journal.records_of(window.detail.application_id).offers[0]
    window.journal.vault.backup()  # so that "Restore a backup" has one to offer
    for open_it in (
        lambda: window.offers.edit_round(offer.rounds[0].id),
        lambda: window.offers.accept(offer.id),
        window.feedback_action.trigger,
        window.lessons_action.trigger,
        window.insights_action.trigger,
        window.restore_action.trigger,
        window.contacts_action.trigger,
        window.targets_action.trigger,
        window.introduction_action.trigger,
        window.skills_action.trigger,
        window.sync_action.trigger,
    ):
        answer_modal(qtbot, lambda dialog: (found.append(unnamed_widgets(dialog)), dialog.reject()))
        open_it()
    assert found == [[]] * 22


def test_every_menu_action_has_a_shortcut_or_mnemonic(window: MainWindow) -> None:
    for menu_action in window.menuBar().actions():
        assert "&" in menu_action.text()
        for action in menu_action.menu().actions():
            if not action.isSeparator():
                assert "&" in action.text() or not action.shortcut().isEmpty(), action.text()


def test_a_huge_note_shows_its_start_at_once_and_all_of_it_on_asking(
    qtbot: QtBot, window: MainWindow, demo_journal: Journal
) -> None:
    from jobjournal.ui.shared.long_text import SHOWN_AT_ONCE

    application_id = select_company(qtbot, window, "Juniper Energy")
    huge = "One very long pasted line. " * 200_000  # 5.4 MB, no line breaks
    demo_journal.update_application(application_id, notes=huge)
    other = next(name for name in shown_companies(window) if name != "Juniper Energy")
    select_company(qtbot, window, other)
    application_id = select_company(qtbot, window, "Juniper Energy")
    notes = by_name(window, "Notes")
    assert notes.isReadOnly() and notes.shown_in_part
    assert len(notes.document().toPlainText()) <= SHOWN_AT_ONCE
    said = by_name(window, "Notes: shown in part")
    assert said.isVisible() and "of 5,400,000 characters" in said.text()
    title = by_name(window, "Job title")  # an edit elsewhere saves the note whole
    title.selectAll()
    qtbot.keyClicks(title, "Staff Analyst")
    qtbot.keyClick(title, Qt.Key.Key_S, CTRL)
    assert demo_journal.application_texts(application_id).notes == huge
    qtbot.mouseClick(by_name(window, "Show all of notes"), Qt.MouseButton.LeftButton)
    assert not notes.isReadOnly() and not said.isVisible()
    assert notes.document().characterCount() == len(huge) + 1


def test_a_status_date_is_corrected_from_the_timeline_and_undone(
    qtbot: QtBot, window: MainWindow, demo_journal: Journal
) -> None:
    from datetime import timedelta

    application_id = next(
        a.id
        for a in demo_journal.all(plain.Application)
        if len(demo_journal.status_history(a.id)) >= 3
    )
    history = demo_journal.status_history(application_id)
    middle = history[-2]
    wanted = middle.changed_on + timedelta(days=1)
    assert wanted <= history[-1].changed_on
    window.refresh(select=application_id)
    window.detail.tabs.setCurrentWidget(window.detail.timeline)
    timeline = by_name(window, "Timeline", QListWidget)
    row = next(
        r
        for r in range(timeline.count())
        if timeline.item(r).data(Qt.ItemDataRole.UserRole) == ("status", middle.id)
    )
    timeline.setCurrentRow(row)
    seen: list[str] = []

    def correct(dialog: QWidget) -> None:
        field = by_name(dialog, "Happened on")
        field.setDate(QDate(history[0].changed_on - timedelta(days=1)))  # before what it follows
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
        seen.append(by_name(dialog, "Correct the date message").text())
        field.setDate(QDate(wanted))
        qtbot.keyClick(dialog, Qt.Key.Key_Return)

    answer_modal(qtbot, correct)
    qtbot.keyClick(timeline, Qt.Key.Key_Return)
    assert "cannot be dated before the change it follows" in seen[0]
    assert demo_journal.status_history(application_id)[-2].changed_on == wanted
    shortcut(qtbot, window.table, Qt.Key.Key_Z)
    assert demo_journal.status_history(application_id)[-2].changed_on == middle.changed_on


def test_a_broken_paste_is_saved_with_a_replacement_and_said(
    qtbot: QtBot, window: MainWindow, demo_journal: Journal
) -> None:
    # Qt itself turns half a surrogate pair into "�" (or drops it) in the widgets here; a
    # text that reaches the core with one (another binding, a script) is saved the same way,
    # and the window says so after the save.
    from jobjournal.ui.shared.basics import say_replaced_characters

    application_id = select_company(qtbot, window, "Juniper Energy")
    demo_journal.update_application(application_id, location="Z\ud800rich")
    say_replaced_characters(window.detail)
    assert demo_journal.get(plain.Application, application_id).location == "Z\ufffdrich"
    assert "1 character that could not be stored" in window.statusBar().currentMessage()


def test_every_kind_of_search_hit_has_words_in_the_window() -> None:
    from typing import get_args

    from jobjournal.core.records.search import HitKind
    from jobjournal.ui.applications.search_panel import HIT_KINDS

    assert set(HIT_KINDS) == set(get_args(HitKind))


def test_a_filter_typed_just_before_the_lock_is_not_run_on_the_locked_journal(
    qtbot: QtBot, window: MainWindow, demo_journal: Journal
) -> None:
    from jobjournal.ui.applications.main_window import TYPING_PAUSE_MS

    qtbot.keyClicks(window.filter_box, "Nor")  # runs once typing pauses
    window.shutdown()  # what locking does to the window, which may outlive the lock
    demo_journal.lock()
    qtbot.wait(3 * TYPING_PAUSE_MS)  # a filter run now would raise: the journal is locked


def _answer_question(qtbot: QtBot, button: str, asked: list[str]) -> None:
    """Click `button` in the next question box, noting what it asked."""

    def attempt() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, attempt)
            return
        asked.append(box.text())
        qtbot.mouseClick(by_name(box, button), Qt.MouseButton.LeftButton)

    QTimer.singleShot(20, attempt)


def test_new_application_tabs_in_visual_order_and_out_of_empty_dates(
    qtbot: QtBot, window: MainWindow
) -> None:
    visited: list[str] = []

    def walk(dialog: QWidget) -> None:
        by_name(dialog, "Company").setFocus()
        for _ in range(30):
            visited.append(QApplication.focusWidget().accessibleName())
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        dialog.reject()  # nothing typed: closes without asking

    answer_modal(qtbot, walk)
    window.new_action.trigger()
    # Top to bottom as the dialog shows them; each date (the empty one too) is left by
    # one Tab, not kept for its year, month and day.
    assert visited[:22] == [
        "Company",
        "Job title",
        "Starting status",
        "Location",
        "Work model",
        "Source",
        "Posting link",
        "Posted salary from",
        "Posted salary to",
        "Currency",
        "Salary period",
        "Expected salary",
        "Applied on",
        "Applied on: today",
        "Clear applied on",
        "Next action",
        "Next action on",
        "Next action on: today",
        "Clear next action on",
        "Excitement",
        "Add application",
        "Cancel",
    ]


def test_escape_asks_before_throwing_a_typed_application_away(
    qtbot: QtBot, window: MainWindow, demo_journal: Journal
) -> None:
    asked: list[str] = []
    kept: list[str] = []

    def type_then_escape(dialog: QWidget) -> None:
        qtbot.keyClicks(by_name(dialog, "Company"), "Acme Robotics")
        _answer_question(qtbot, "Keep editing", asked)
        qtbot.keyClick(by_name(dialog, "Company"), Qt.Key.Key_Escape)
        kept.append(by_name(dialog, "Company").text() if dialog.isVisible() else "closed")
        _answer_question(qtbot, "Discard", asked)
        qtbot.keyClick(by_name(dialog, "Company"), Qt.Key.Key_Escape)

    answer_modal(qtbot, type_then_escape)
    window.new_action.trigger()
    assert kept == ["Acme Robotics"]
    assert len(asked) == 2 and "Discard this new application" in asked[0]
    assert demo_journal.count_applications() == 12


def test_the_column_the_list_is_sorted_by_shows_at_the_default_size(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.resize(1200, 700)  # as first shown on a laptop (this test screen is smaller)
    qtbot.wait(50)
    header = window.table.horizontalHeader()
    sorted_by = header.sortIndicatorSection()
    shown_at = header.sectionViewportPosition(sorted_by)
    assert shown_at >= 0 and shown_at + header.sectionSize(sorted_by) <= header.width()
    assert window.model.headerData(sorted_by, Qt.Orientation.Horizontal) == "Last change"


def test_the_due_list_is_grouped_by_when_and_says_each_kind_in_a_word(
    window: MainWindow,
) -> None:
    from jobjournal.ui.applications.due_panel import GROUPS, WORDS

    due = window.due
    rows = [due.item(i) for i in range(due.count())]
    headings = [r.text() for r in rows if r.data(Qt.ItemDataRole.UserRole) is None]
    things = [r.text() for r in rows if r.data(Qt.ItemDataRole.UserRole) is not None]
    assert headings and all(h.split(" (")[0] in GROUPS for h in headings)
    named = [h.split(" (")[0] for h in headings]
    assert named == sorted(named, key=GROUPS.index)  # most pressing first
    counts = sum(int(h.rsplit("(", 1)[1].rstrip(")")) for h in headings)
    assert counts == len(things)
    assert all(any(f" {word}: " in t for word in WORDS.values()) for t in things)


def test_each_status_has_its_own_colour_beside_its_name(window: MainWindow) -> None:
    from jobjournal.ui.applications.applications_model import COL_STATUS
    from jobjournal.ui.shared.theme import STATUS_COLOURS

    assert set(STATUS_COLOURS) == {s.value for s in Status}
    assert len(set(STATUS_COLOURS.values())) == len(STATUS_COLOURS)
    index = window.model.index(0, COL_STATUS)
    assert index.data() in {s.label for s in Status}  # the name stays: colour is no cue alone
    assert not index.data(Qt.ItemDataRole.DecorationRole).isNull()
    marked = [window.pipeline.item(i) for i in range(window.pipeline.count())]
    assert sum(not item.icon().isNull() for item in marked) == len(Status)


def test_space_on_a_drop_down_leaves_it_closed_and_the_keys_in_the_form(
    qtbot: QtBot, window: MainWindow
) -> None:
    select_company(qtbot, window, "Civic Data Trust")
    work_model = by_name(window, "Work model")
    work_model.setFocus()
    qtbot.keyClick(work_model, Qt.Key.Key_Space)
    assert not work_model.view().isVisible()
    qtbot.keyClick(work_model, Qt.Key.Key_H)  # the next key chooses, as in a closed list
    assert work_model.currentText() == "Hybrid"
    assert not work_model.view().isVisible()


def test_every_drop_down_is_the_apps_own() -> None:
    import ast

    made = []
    for path in sorted((PROJECT_DIR / "jobjournal" / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "QComboBox":
                made.append(f"{path.name}:{node.lineno}")
    assert made == [], f"make a ChoiceBox (Space must not open it): {made}"


def test_the_timeline_marks_each_status_change_in_its_colour(
    qtbot: QtBot, window: MainWindow
) -> None:
    from PySide6.QtGui import QColor

    from jobjournal.ui.shared.theme import STATUS_COLOURS

    select_company(qtbot, window, "Quartz Analytics")  # applied … rejected
    timeline = window.detail.timeline
    marked = {}
    for row in range(timeline.count()):
        item = timeline.item(row)
        if (
            item.data(Qt.ItemDataRole.UserRole)
            and item.data(Qt.ItemDataRole.UserRole)[0] == "status"
        ):
            centre = item.icon().pixmap(12, 12).toImage().pixelColor(6, 6)
            marked[item.text().split("  ", 2)[-1].split(" ")[0]] = centre.name()
        else:
            assert item.icon().isNull()
    assert marked["Rejected"] == QColor(STATUS_COLOURS["rejected"]).name()
    assert marked["Applied"] == QColor(STATUS_COLOURS["applied"]).name()


def test_the_date_style_chosen_in_settings_rewrites_every_date(
    qtbot: QtBot, window: MainWindow
) -> None:
    from jobjournal.core.records import dates
    from jobjournal.ui.applications.applications_model import COL_CHANGED

    select_company(qtbot, window, "Juniper Energy")
    assert window.model.index(0, COL_CHANGED).data().endswith(" 2026")  # "4 Dec 2026"

    def choose_iso(dialog: QWidget) -> None:
        box = by_name(dialog, "Dates shown as", QComboBox)
        box.setCurrentIndex(box.findData("iso"))
        qtbot.mouseClick(by_name(dialog, "Save settings"), Qt.MouseButton.LeftButton)

    answer_modal(qtbot, choose_iso)
    try:
        shortcut(qtbot, window.table, Qt.Key.Key_Comma)
        iso = re.compile(r"^2026-\d\d-\d\d$")
        assert iso.match(window.model.index(0, COL_CHANGED).data())
        assert iso.match(by_name(window, "Applied on", QDateEdit).text())
        timeline = window.detail.timeline
        assert timeline.count() and iso.match(timeline.item(0).text().split()[0])
        due_text = " ".join(window.due.item(row).text() for row in range(window.due.count()))
        assert "2026-" in due_text
    finally:
        dates.use("day_month")
