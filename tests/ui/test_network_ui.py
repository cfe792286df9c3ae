"""The network in the window (issue 26), driven like a person would: an introduction asked
by keyboard, its message exported, marked made, the follow-up written; the Contacts and
Target organisations windows; the Due list and the Targets list beside the pipeline."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot
from support import by_name
from ui_support import activate, answer_modal_named, focused, shortcut

from jobjournal.core.records import plain
from jobjournal.core.work import network
from jobjournal.ui.applications.main_window import MainWindow
from jobjournal.ui.journal import settings

ALT = Qt.KeyboardModifier.AltModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _docx_text(path: Path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def _body(dialog: QWidget) -> str:
    return by_name(dialog, "Letter text", QPlainTextEdit).toPlainText()


def test_an_introduction_asked_by_keyboard_exported_made_and_followed_up(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    settings.set_letters_folder(tmp_path / "letters")
    seen: dict[str, object] = {}

    def work(dialog: QWidget) -> None:
        activate(qtbot, dialog)
        connector = by_name(dialog, "Who introduces me", QComboBox)
        qtbot.keyClick(dialog, Qt.Key.Key_W, ALT)  # "&Who introduces me:"
        assert focused() is connector
        qtbot.keyClicks(connector, "Tom")  # type-ahead, as in any drop-down
        qtbot.keyClick(dialog, Qt.Key.Key_G, ALT)  # "At which or&ganisation:"
        qtbot.keyClicks(focused(), "Midway")
        qtbot.keyClick(dialog, Qt.Key.Key_I, ALT)  # "&Introduce me to:"
        qtbot.keyClicks(focused(), "Lee Park")
        qtbot.keyClick(dialog, Qt.Key.Key_R, ALT)  # "Their &role:"
        qtbot.keyClicks(focused(), "Data Lead")
        qtbot.keyClick(dialog, Qt.Key.Key_S, ALT)  # "&Save the ask" (a button's key clicks
        qtbot.waitUntil(lambda: dialog.introduction_id is not None)  # it a moment later)
        seen["state"] = by_name(dialog, "Where the introduction stands", QLabel).text()
        seen["message"] = by_name(dialog, "Introduction message", QLabel).text()
        seen["connector"] = connector.currentText()
        seen["subject"] = by_name(dialog, "Subject", QLineEdit).text()
        qtbot.keyClick(dialog, Qt.Key.Key_X, ALT)  # "E&xport .docx"
        qtbot.waitUntil(lambda: any((tmp_path / "letters").glob("*.docx")))
        seen["request"] = sorted((tmp_path / "letters").glob("*.docx"))
        qtbot.keyClick(dialog, Qt.Key.Key_D, ALT)  # "Mark intro&duced"
        qtbot.waitUntil(lambda: "introduced us" in _body(dialog))
        seen["follow_up"] = _body(dialog)
        QApplication.clipboard().clear()  # what an earlier test copied is not this
        qtbot.keyClick(dialog, Qt.Key.Key_C, ALT)  # "&Copy as email text"
        qtbot.waitUntil(lambda: "Subject:" in QApplication.clipboard().text())
        seen["copied"] = QApplication.clipboard().text()
        seen["after"] = by_name(dialog, "Where the introduction stands", QLabel).text()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    answer_modal_named(qtbot, "Introduction", work)
    shortcut(qtbot, window.table, Qt.Key.Key_J, CTRL_SHIFT)
    assert str(seen["state"]).startswith("Asked "), seen
    assert seen["subject"] == "Would you introduce me to Lee Park at Midway Transit Authority?"
    [request] = seen["request"]  # type: ignore[misc]
    text = _docx_text(request)
    assert "Dear Tomás," in text
    assert "“Hi Lee, I would like you to meet Alex Rivera." in text
    assert "Alex is a data analyst with six years in retail pricing and supply chain." in text
    follow_up = str(seen["follow_up"])
    assert follow_up.startswith("Dear Lee,\n\nTomás kindly introduced us")
    assert "suggestions on what would make my candidacy stronger" in follow_up
    assert "Subject: Introduction: Alex Rivera and Lee Park" in str(seen["copied"])
    assert "Thank Tomás Ferreira for the introduction." in str(seen["after"])
    [intro] = [i for i in window.journal.all(plain.Introduction) if i.to_name == "Lee Park"]
    assert intro.state == "made" and intro.followed_up_on == date.today()
    assert intro.to_contact is not None and intro.to_contact.title == "Data Lead"
    kinds = sorted(
        letter.kind for letter in window.journal.all(plain.Letter, introduction_id=intro.id)
    )
    assert kinds == ["introduction_follow_up", "introduction_request"]
    due = [window.due.item(row).text() for row in range(window.due.count())]
    assert any("Thank Tomás Ferreira for the introduction to Lee Park" in line for line in due)
    targets = [window.targets.item(row).text() for row in range(window.targets.count())]
    assert targets[0].startswith("Midway Transit Authority — Introduced")
    assert window.undo_action.text().startswith("&Undo Keep the letter")


def test_the_contacts_window_finds_sorts_and_notes_a_conversation(
    qtbot: QtBot, window: MainWindow
) -> None:
    seen: dict[str, object] = {}

    def note(dialog: QWidget) -> None:
        activate(qtbot, dialog)
        assert focused() is by_name(dialog, "What we said", QPlainTextEdit)
        qtbot.keyClicks(focused(), "Talked about Midway")
        qtbot.mouseClick(by_name(dialog, "Add note", QAbstractButton), Qt.MouseButton.LeftButton)

    def work(dialog: QWidget) -> None:
        activate(qtbot, dialog)
        table = by_name(dialog, "Contacts list", QTableView)
        model = table.model()
        names = [model.index(row, 0).data() for row in range(model.rowCount())]
        seen["first"] = names[0]  # the latest contact first
        qtbot.keyClick(dialog, Qt.Key.Key_S, ALT)
        qtbot.keyClicks(focused(), "KAMAU")
        qtbot.waitUntil(lambda: model.rowCount() == 1)
        seen["found"] = model.index(0, 0).data()
        table.selectRow(0)
        answer_modal_named(qtbot, "Note of a conversation", note)
        qtbot.keyClick(dialog, Qt.Key.Key_C, ALT)  # "Add a &conversation note…"
        timeline = by_name(dialog, "Contact timeline", QListWidget)
        qtbot.waitUntil(lambda: "Talked about Midway" in timeline.item(0).text())
        timeline = by_name(dialog, "Contact timeline", QListWidget)
        seen["timeline"] = [timeline.item(row).text() for row in range(timeline.count())]
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    answer_modal_named(qtbot, "Contacts", work)
    shortcut(qtbot, window.table, Qt.Key.Key_M, CTRL_SHIFT)
    assert seen["first"] == "Priya Shah"  # the coffee three days ago
    assert seen["found"] == "Wanjiru Kamau"
    timeline = seen["timeline"]
    assert isinstance(timeline, list) and "Talked: Talked about Midway" in timeline[0]
    rosa = next(r for r in network.contact_rows(window.journal, "Wanjiru"))
    assert rosa.last_contacted_on == date.today()


def test_an_application_made_from_a_target_opening_is_shown_and_stays_linked(
    qtbot: QtBot, window: MainWindow
) -> None:
    def work(dialog: QWidget) -> None:
        activate(qtbot, dialog)
        qtbot.mouseClick(
            by_name(dialog, "Apply to the opening", QAbstractButton), Qt.MouseButton.LeftButton
        )

    window.targets.setFocus()
    window.targets.setCurrentRow(0)  # Prairie Energy Co-op: reaching out, furthest along
    answer_modal_named(qtbot, "Target organisations", work)
    qtbot.keyClick(window.targets, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.detail.application_id is not None)
    application = window.journal.get(plain.Application, window.detail.application_id or 0)
    assert (application.company.name, application.job_title) == (
        "Prairie Energy Co-op",
        "Senior Pricing Analyst",
    )
    target = network.target_of_application(window.journal, application.id)
    assert target is not None and target.status == "applied"
    targets = [window.targets.item(row).text() for row in range(window.targets.count())]
    assert targets[0].startswith("Prairie Energy Co-op — Applied")


def test_a_contact_filtered_away_is_not_left_in_the_form_and_edits_are_kept(
    qtbot: QtBot, window: MainWindow
) -> None:
    from jobjournal.ui.network.contacts_window import ContactsWindow

    dialog = ContactsWindow(window, window.journal, window.runner)
    qtbot.addWidget(dialog)
    first = dialog.contact_id  # the latest contact, shown at once
    assert first is not None
    role = by_name(dialog, "Role", QLineEdit)
    role.setText("Director of Analytics")  # typed, not saved with the button
    dialog.search.setText("kamau")
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    assert dialog.contact_id == dialog.model.rows[0].id != first  # the one listed is shown
    assert window.journal.get(plain.Contact, first).title == "Director of Analytics"
    by_name(dialog, "Name", QLineEdit).setText("")  # refused: a name is needed
    dialog.search.setText("")
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 1)
    assert "Name cannot be empty" in by_name(dialog, "Contacts message", QLabel).text()
    assert not dialog.table.selectionModel().hasSelection()  # nobody else looks chosen


def test_a_target_edited_then_left_is_saved_and_escape_keeps_it_too(
    qtbot: QtBot, window: MainWindow
) -> None:
    from jobjournal.ui.network.targets_window import TargetsWindow

    dialog = TargetsWindow(window, window.journal, window.runner)
    qtbot.addWidget(dialog)
    first = dialog.target_id
    assert first is not None
    by_name(dialog, "Notes", QPlainTextEdit).setPlainText("Met their CFO at a meetup")
    dialog.table.selectRow(1)  # another target
    assert dialog.target_id != first
    assert window.journal.get(plain.Target, first).notes == "Met their CFO at a meetup"
    by_name(dialog, "Why this organisation", QPlainTextEdit).setPlainText("Trains, on time")
    second = dialog.target_id or 0
    dialog.reject()  # Escape
    assert window.journal.get(plain.Target, second).why == "Trains, on time"
