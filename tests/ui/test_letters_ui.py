"""Writing letters in the app: open the dialog, change the draft, export, copy, reopen."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot
from support import application_at, by_name
from ui_support import answer_modal, select_company, shortcut

from jobjournal.core.documents.letters import long_date
from jobjournal.core.records import plain
from jobjournal.core.records.journal import Journal
from jobjournal.core.storage import models as m
from jobjournal.ui.applications.main_window import MainWindow
from jobjournal.ui.letters.letter_dialog import LetterDialog, month_first_here

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
LEFT = Qt.MouseButton.LeftButton


def _click(qtbot: QtBot, dialog: QWidget, name: str) -> None:
    qtbot.mouseClick(by_name(dialog, name, QAbstractButton), LEFT)


def _text(dialog: QWidget) -> str:
    return by_name(dialog, "Letter text", QPlainTextEdit).toPlainText()


def _docx_text(path: Path) -> str:
    return "\n".join(p.text for p in Document(str(path)).paragraphs)


def _pick(box: QComboBox, label: str) -> None:
    index = box.findText(label)
    assert index >= 0, f"{label!r} not among {[box.itemText(i) for i in range(box.count())]}"
    box.setCurrentIndex(index)


@pytest.fixture
def host() -> Iterator[QWidget]:
    """The window a letter dialog opens over (pytest-qt holds widgets only weakly)."""
    parent = QWidget()
    yield parent
    parent.deleteLater()


def _open_dialog(
    qtbot: QtBot, parent: QWidget, journal: Journal, company: str, kind: str
) -> LetterDialog:
    application_id = application_at(journal, company)
    dialog = LetterDialog(parent, journal, application_id, kind)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _export_into(qtbot: QtBot, dialog: QWidget, folder: Path) -> None:
    where = by_name(dialog, "Save in folder", QLineEdit)
    where.clear()
    qtbot.keyClicks(where, str(folder))
    _click(qtbot, dialog, "Export letter")


def test_the_shortcut_opens_the_letter_that_fits_the_status(
    qtbot: QtBot, window: MainWindow
) -> None:
    select_company(qtbot, window, "Pinecrest Media")  # interviewing: a thank-you
    seen: dict[str, str] = {}

    def read(dialog: QWidget) -> None:
        seen["kind"] = by_name(dialog, "Letter kind", QComboBox).currentText()
        seen["text"] = _text(dialog)
        seen["subject"] = by_name(dialog, "Subject", QLineEdit).text()
        _click(qtbot, dialog, "Close")

    answer_modal(qtbot, read)
    shortcut(qtbot, window.table, Qt.Key.Key_L, CTRL_SHIFT)
    assert seen["kind"] == "Thank-you after an interview"
    assert "Thank you" in seen["subject"] and "Marketing Data Analyst" in seen["subject"]
    assert seen["text"].startswith("Dear ")
    assert window.letter_action.isEnabled()


def test_kind_and_options_redraft_and_edits_are_not_lost_silently(
    qtbot: QtBot, demo_journal: Journal, host: QWidget
) -> None:
    dialog = _open_dialog(qtbot, host, demo_journal, "Juniper Energy", "thank_you")
    _pick(by_name(dialog, "Letter kind", QComboBox), "Withdraw an application")
    assert "withdraw" in _text(dialog).lower() and "Operations Analyst" in _text(dialog)
    figure = by_name(dialog, "Salary I would consider right", QLineEdit)
    assert figure.isVisible()
    figure.clear()
    qtbot.keyClicks(figure, "121,500")
    qtbot.keyClick(figure, Qt.Key.Key_Return)
    assert "121,500" not in _text(dialog)  # no reason chosen yet: the figure has no place
    _pick(by_name(dialog, "Reason for the letter", QComboBox), "Salary below market")
    assert "below what comparable positions pay" in _text(dialog)
    assert "USD 121,500" in _text(dialog)
    warm = _text(dialog)
    _pick(by_name(dialog, "Tone", QComboBox), "Brief")
    assert len(_text(dialog)) < len(warm)
    # A hand edit is kept when an option changes; the person is told how to redraft.
    text = by_name(dialog, "Letter text", QPlainTextEdit)
    text.moveCursor(text.textCursor().MoveOperation.End)
    qtbot.keyClicks(text, " PS-SENTENCE")
    by_name(dialog, "Give the reason", QCheckBox).click()
    assert "PS-SENTENCE" in _text(dialog)
    assert "Redraft" in by_name(dialog, "Letter message").text()
    _click(qtbot, dialog, "Redraft")
    assert "PS-SENTENCE" not in _text(dialog)


def test_a_bad_figure_is_refused_with_a_message_and_the_draft_kept(
    qtbot: QtBot, demo_journal: Journal, host: QWidget
) -> None:
    dialog = _open_dialog(qtbot, host, demo_journal, "Juniper Energy", "withdraw")
    before = _text(dialog)
    figure = by_name(dialog, "Salary I would consider right", QLineEdit)
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    figure.setFocus()  # clicked into, as a person would
    figure.clear()
    qtbot.keyClicks(figure, "a lot")
    qtbot.keyClick(figure, Qt.Key.Key_Return)
    message = by_name(dialog, "Letter message")
    assert message.isVisible() and "The figure “a lot” is not a number" in message.text()
    assert _text(dialog) == before
    assert not dialog.changed  # Enter in the field did not export the letter
    assert figure.text() == "a lot"


def test_export_writes_the_edited_letter_and_keeps_it_in_the_journal(
    qtbot: QtBot, demo_journal: Journal, host: QWidget, tmp_path: Path
) -> None:
    dialog = _open_dialog(qtbot, host, demo_journal, "Quartz Analytics", "feedback_request")
    text = by_name(dialog, "Letter text", QPlainTextEdit)
    text.moveCursor(text.textCursor().MoveOperation.End)
    text.moveCursor(text.textCursor().MoveOperation.Up)  # into the closing paragraph's line
    text.moveCursor(text.textCursor().MoveOperation.StartOfLine)
    qtbot.keyClicks(text, "I enjoyed meeting the team.")
    qtbot.keyClick(text, Qt.Key.Key_Return)
    qtbot.keyClick(text, Qt.Key.Key_Return)
    _export_into(qtbot, dialog, tmp_path)
    saved = list(tmp_path.glob("*.docx"))
    assert len(saved) == 1 and "Quartz Analytics" in saved[0].name
    written = _docx_text(saved[0])
    assert "I enjoyed meeting the team." in written
    assert "Senior Analyst, Experimentation" in written
    assert long_date(dialog.current().day, month_first_here()) in written
    assert saved[0].name in by_name(dialog, "Letter saved note").text()
    assert dialog.changed
    stored = demo_journal.get(plain.Letter, dialog.letter_ids[0])
    assert stored.exported_to == str(saved[0]) and "I enjoyed meeting the team." in stored.body


def test_an_existing_file_is_replaced_only_when_the_person_says_so(
    qtbot: QtBot, demo_journal: Journal, host: QWidget, tmp_path: Path
) -> None:
    dialog = _open_dialog(qtbot, host, demo_journal, "Harbor Logistics", "decline_offer")
    kept_before = len(demo_journal.records_of(dialog.application_id).letters)  # type: ignore[arg-type]
    _export_into(qtbot, dialog, tmp_path)
    (path,) = tmp_path.glob("*.docx")
    original = path.read_bytes()
    questions: list[str] = []

    def say(button: QMessageBox.StandardButton) -> None:
        def answer(box: QWidget) -> None:
            assert isinstance(box, QMessageBox)
            questions.append(box.text())
            box.button(button).click()

        answer_modal(qtbot, answer)

    by_name(dialog, "Subject", QLineEdit).setText("Changed subject")
    say(QMessageBox.StandardButton.No)
    _click(qtbot, dialog, "Export letter")
    assert path.read_bytes() == original and path.name in questions[0]
    say(QMessageBox.StandardButton.Yes)
    _click(qtbot, dialog, "Export letter")
    assert "Changed subject" in _docx_text(path)
    assert demo_journal.get(plain.Letter, dialog.letter_ids[0]).subject == "Changed subject"
    kept = demo_journal.records_of(dialog.application_id).letters  # type: ignore[arg-type]
    assert len(kept) == kept_before + 1  # the same letter, brought up to date


def test_a_folder_that_does_not_exist_is_made_private_on_export(
    qtbot: QtBot, demo_journal: Journal, host: QWidget, tmp_path: Path
) -> None:
    dialog = _open_dialog(qtbot, host, demo_journal, "Harbor Logistics", "decline_offer")
    missing = tmp_path / "Documents" / "letters"  # a fresh account has no ~/Documents
    _export_into(qtbot, dialog, missing)
    assert [p.suffix for p in missing.iterdir()] == [".docx"]
    assert missing.stat().st_mode & 0o777 == 0o700
    assert dialog.changed


def test_copy_as_email_fills_the_clipboard_and_keeps_the_letter(
    qtbot: QtBot, demo_journal: Journal, host: QWidget
) -> None:
    dialog = _open_dialog(qtbot, host, demo_journal, "Larkspur Labs", "accept_offer")
    _click(qtbot, dialog, "Copy as email text")
    copied = QApplication.clipboard().text()
    assert copied.startswith("Subject: ") and "Product Analyst" in copied
    stored = demo_journal.get(plain.Letter, dialog.letter_ids[0])
    assert stored.kind == "accept_offer" and stored.exported_to == ""


def test_a_kept_letter_shows_on_the_timeline_and_reopens_from_it(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    select_company(qtbot, window, "Quartz Analytics")

    def write(dialog: QWidget) -> None:
        by_name(dialog, "Subject", QLineEdit).setText("Asking for feedback")
        _export_into(qtbot, dialog, tmp_path)
        _click(qtbot, dialog, "Close")

    answer_modal(qtbot, write)
    qtbot.mouseClick(by_name(window, "Write a letter", QAbstractButton), LEFT)
    timeline = by_name(window, "Timeline", QListWidget)
    texts = [timeline.item(i).text() for i in range(timeline.count())]
    row = next(i for i, text in enumerate(texts) if "Letter: Feedback request" in text)
    seen: dict[str, object] = {}

    def read(dialog: QWidget) -> None:
        seen["subject"] = by_name(dialog, "Subject", QLineEdit).text()
        seen["kind enabled"] = by_name(dialog, "Letter kind").isEnabled()
        seen["redraft shown"] = by_name(dialog, "Redraft").isVisible()
        _click(qtbot, dialog, "Close")

    answer_modal(qtbot, read)
    timeline.setCurrentRow(row)
    qtbot.keyClick(timeline, Qt.Key.Key_Return)
    assert seen == {"subject": "Asking for feedback", "kind enabled": False, "redraft shown": False}


def test_withdrawing_from_all_others_drafts_one_letter_each_and_exports_them(
    qtbot: QtBot, demo_journal: Journal, host: QWidget, tmp_path: Path
) -> None:
    dialog = _open_dialog(qtbot, host, demo_journal, "Civic Data Trust", "withdraw_others")
    listed = by_name(dialog, "Letters to review", QListWidget)
    companies = [listed.item(i).text() for i in range(listed.count())]
    assert sorted(companies) == sorted(
        [
            "Northwind Analytics",
            "Bluefin Health",
            "Larkspur Labs",
            "Pinecrest Media",
            "Meridian Bank",
            "Juniper Energy",
            "Summit Outdoor",  # no reply yet, but still open: a withdrawal closes it politely
        ]
    )
    assert "Civic Data Trust" not in companies
    assert "Kestrel Robotics" not in companies  # saved, never sent: nobody to write to
    listed.setCurrentRow(companies.index("Meridian Bank"))
    assert "Risk Data Analyst" in _text(dialog)
    by_name(dialog, "Subject", QLineEdit).setText("Meridian: withdrawing")
    listed.setCurrentRow(companies.index("Juniper Energy"))
    assert "Operations Analyst" in _text(dialog)
    meridian = companies.index("Meridian Bank")
    (tmp_path / dialog._names()[meridian]).write_bytes(b"already here")

    def keep_existing(box: QWidget) -> None:
        assert isinstance(box, QMessageBox) and "1 of these letters" in box.text()
        next(b for b in box.buttons() if "Keep them" in b.text()).click()

    answer_modal(qtbot, keep_existing)
    by_name(dialog, "Save in folder", QLineEdit).setText(str(tmp_path))
    _click(qtbot, dialog, "Export all letters")
    saved = sorted(tmp_path.glob("*.docx"))
    assert len(saved) == 7
    assert (tmp_path / dialog._names()[meridian]).read_bytes() == b"already here"
    for name in companies:
        if name != "Meridian Bank":
            path = next(p for p in saved if p.name.startswith(name))
            assert name in _docx_text(path)
    assert "Saved 6 letters" in by_name(dialog, "Letter saved note").text()
    assert "1 left as they were" in by_name(dialog, "Letter saved note").text()
    assert sorted(dialog.letter_ids) == [i for i in range(7) if i != meridian]


def test_withdrawing_offers_the_letter_next_and_it_gives_the_reason(
    qtbot: QtBot, window: MainWindow
) -> None:
    select_company(qtbot, window, "Juniper Energy")
    seen: dict[str, str] = {}

    def read_letter(dialog: QWidget) -> None:
        seen["kind"] = by_name(dialog, "Letter kind", QComboBox).currentText()
        seen["text"] = _text(dialog)
        _click(qtbot, dialog, "Close")

    def withdraw(dialog: QWidget) -> None:
        _pick(by_name(dialog, "New status", QComboBox), "Withdrawn")
        _pick(by_name(dialog, "Reason", QComboBox), "Accepted another offer")
        offer = by_name(dialog, "Write the letter next", QCheckBox)
        seen["offer"] = offer.text()
        assert offer.isVisible() and offer.isChecked()
        answer_modal(qtbot, read_letter)
        _click(qtbot, dialog, "Change status")

    answer_modal(qtbot, withdraw)
    shortcut(qtbot, window.table, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert "withdrawal letter" in seen["offer"]
    assert seen["kind"] == "Withdraw an application"
    assert "another offer" in seen["text"] and "Operations Analyst" in seen["text"]


@pytest.mark.parametrize(
    ("locale_name", "written"),
    [
        ("en_US", "November 22, 2026"),
        ("en_GB", "22 November 2026"),
        ("de_DE", "22 November 2026"),  # the letter is English; only the order is local
        ("C", "November 22, 2026"),
    ],
)
def test_the_letter_date_follows_the_country(
    qtbot: QtBot, demo_journal: Journal, host: QWidget, locale_name: str, written: str
) -> None:
    demo_journal.update(m.Profile, 1, address="")  # no address: the system's country decides
    before = QLocale()
    QLocale.setDefault(QLocale(locale_name))
    try:
        dialog = _open_dialog(qtbot, host, demo_journal, "Civic Data Trust", "accept_offer")
    finally:
        QLocale.setDefault(before)
    start = demo_journal.records_of(dialog.application_id).offers[0].start_on  # type: ignore[arg-type]
    assert start is not None
    assert f"starting on {long_date(start, dialog.month_first)}" in _text(dialog)
    assert long_date(date(2026, 11, 22), dialog.month_first) == written


@pytest.mark.parametrize(
    ("date_style", "address", "written"),
    [
        ("", "1200 W Lake St\nChicago, IL 60607", "November 22, 2026"),  # a US address
        ("", "Rua Augusta 10\n01305-000 São Paulo", "22 November 2026"),
        ("day_first", "1200 W Lake St\nChicago, IL 60607", "22 November 2026"),
    ],
)
def test_the_profile_or_the_address_decides_the_date_before_the_system(
    qtbot: QtBot,
    demo_journal: Journal,
    host: QWidget,
    date_style: str,
    address: str,
    written: str,
) -> None:
    demo_journal.update(m.Profile, 1, address=address, date_style=date_style)
    before = QLocale()
    QLocale.setDefault(QLocale("en_GB"))  # where the system alone would put the day first
    try:
        dialog = _open_dialog(qtbot, host, demo_journal, "Civic Data Trust", "accept_offer")
    finally:
        QLocale.setDefault(before)
    assert long_date(date(2026, 11, 22), dialog.month_first) == written


def test_the_readers_check_shows_what_to_fix_before_sending(
    qtbot: QtBot, demo_journal: Journal, host: QWidget
) -> None:
    dialog = _open_dialog(qtbot, host, demo_journal, "Bluefin Health", "accept_offer")
    check = by_name(dialog, "Reader's check")
    assert check.isVisible() and "does not say what base salary was agreed" in check.text()
    text = by_name(dialog, "Letter text")
    text.moveCursor(text.textCursor().MoveOperation.Start)
    text.moveCursor(text.textCursor().MoveOperation.Down)
    text.moveCursor(text.textCursor().MoveOperation.Down)  # the first paragraph
    qtbot.keyClicks(text, "The base is 95,000. ")
    qtbot.waitUntil(lambda: "“95,000” has no currency" in check.text(), timeout=3000)


def test_closing_a_letter_changed_by_hand_asks_until_it_is_kept(
    qtbot: QtBot, demo_journal: Journal, host: QWidget, tmp_path: Path
) -> None:
    dialog = _open_dialog(qtbot, host, demo_journal, "Juniper Energy", "withdraw")
    dialog.reject()  # a fresh draft: nothing of mine to lose
    assert not dialog.isVisible()
    dialog = _open_dialog(qtbot, host, demo_journal, "Juniper Energy", "withdraw")
    subject = by_name(dialog, "Subject", QLineEdit)
    subject.setFocus()
    qtbot.keyClicks(subject, " (my words)")
    asked: list[str] = []

    def keep_editing(box: QWidget) -> None:
        asked.append(box.findChild(QLabel, "qt_msgbox_label").text())  # type: ignore[union-attr]
        _click(qtbot, box, "Keep editing")

    answer_modal(qtbot, keep_editing)
    qtbot.keyClick(subject, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: bool(asked))
    assert asked[0].startswith("Discard your changes") and dialog.isVisible()
    _export_into(qtbot, dialog, tmp_path)  # kept in the journal: closing loses nothing
    dialog.reject()
    assert not dialog.isVisible()
