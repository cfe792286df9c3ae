"""Offers in the app: record one and negotiate by keyboard, compare, accept, set targets."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QTableWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot
from support import by_name
from ui_support import activate as _activate
from ui_support import (
    answer_modal,
    answer_modal_named,
    click_link,
    discard,
    select_company,
    shortcut,
)
from ui_support import focused as _focused

from jobjournal.core.records import plain
from jobjournal.core.storage.models import Status
from jobjournal.core.work import offers
from jobjournal.ui.applications.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
LEFT = Qt.MouseButton.LeftButton


def _alt(qtbot: QtBot, dialog: QWidget, key: Qt.Key, text: str = "") -> None:
    qtbot.keyClick(dialog, key, ALT)
    if text:
        qtbot.keyClicks(_focused(), text)


def _offer_tab(window: MainWindow) -> None:
    window.detail.tabs.setCurrentWidget(window.detail.offers_page)


def _record_offer_by_keyboard(qtbot: QtBot, dialog: QWidget) -> None:
    _activate(qtbot, dialog)
    qtbot.keyClick(_focused(), Qt.Key.Key_W)  # Kind has focus: W picks "Written"
    _alt(qtbot, dialog, Qt.Key.Key_B, "95,000")  # Base pay
    _alt(qtbot, dialog, Qt.Key.Key_G, "4,000")  # Sign-on bonus
    _alt(qtbot, dialog, Qt.Key.Key_T, "22")  # Paid time off
    _alt(qtbot, dialog, Qt.Key.Key_M, "30")  # Commute
    qtbot.keyClick(_focused(), Qt.Key.Key_Return)  # Save offer


def _round_by_keyboard(qtbot: QtBot, dialog: QWidget, asked: str, answer: str = "") -> None:
    _activate(qtbot, dialog)
    qtbot.keyClicks(_focused(), asked)  # Base I asked for has focus
    _alt(qtbot, dialog, Qt.Key.Key_Y, "Two more days of PTO")
    qtbot.keyClick(_focused(), Qt.Key.Key_Return)  # Enter adds it to the list
    _alt(qtbot, dialog, Qt.Key.Key_K)
    qtbot.keyClick(_focused(), Qt.Key.Key_M)  # Market data
    _alt(qtbot, dialog, Qt.Key.Key_A, "Median pay for this role is $104,000")
    _alt(qtbot, dialog, Qt.Key.Key_R, "2026 marketing analytics salary survey")
    qtbot.keyClick(_focused(), Qt.Key.Key_Return)  # Enter adds the argument
    if answer:
        _alt(qtbot, dialog, Qt.Key.Key_T, answer)
    assert dialog.isVisible()  # none of the Enters closed it half-written
    qtbot.mouseClick(by_name(dialog, "Save round", QAbstractButton), LEFT)


def test_an_offer_and_two_rounds_entered_by_keyboard(qtbot: QtBot, window: MainWindow) -> None:
    application_id = select_company(qtbot, window, "Pinecrest Media")  # interviewing
    answer_modal(qtbot, lambda dialog: _record_offer_by_keyboard(qtbot, dialog))
    shortcut(qtbot, window.table, Qt.Key.Key_O, CTRL_SHIFT)
    journal = window.journal
    offer = journal.records_of(application_id).offers[-1]
    assert (offer.kind, offer.base_cents, offer.sign_on_cents) == ("written", 95_000_00, 4_000_00)
    assert (offer.pto_days, offer.commute_minutes, offer.currency) == (22, 30, "USD")
    assert offer.received_on == date.today()
    assert offer.respond_by == offers.respond_by_for(date.today())
    assert journal.get(plain.Application, application_id).status == Status.OFFER
    browser = window.detail.offers
    assert window.detail.tabs.currentWidget() is window.detail.offers_page
    assert "left to answer" in browser.toPlainText() or "answer due" in browser.toPlainText()

    answer_modal(qtbot, lambda d: _round_by_keyboard(qtbot, d, "100,000"))
    click_link(qtbot, browser, "Start round 1…")
    answer_modal(qtbot, lambda d: _round_by_keyboard(qtbot, d, "99,000", "Sign-on raised"))
    click_link(qtbot, browser, "Start round 2…")
    rounds = journal.get(plain.Offer, offer.id).rounds
    assert [(r.number, r.asked_base_cents) for r in rounds] == [(1, 100_000_00), (2, 99_000_00)]
    assert rounds[0].asked_other == "Two more days of PTO"
    assert [(a.kind, a.source) for a in rounds[1].reasons] == [
        ("market", "2026 marketing analytics salary survey")
    ]
    assert rounds[1].answer == "Sign-on raised"
    assert journal.get(plain.Application, application_id).status == Status.NEGOTIATING
    assert "(2026 marketing analytics salary survey)" in browser.toPlainText()

    # A third round: first the warning; Cancel starts nothing.
    seen: list[str] = []

    def decline_warning(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        box.button(QMessageBox.StandardButton.Cancel).click()

    answer_modal(qtbot, decline_warning)
    click_link(qtbot, browser, "Start round 3…")
    assert "Two rounds is about as far" in seen[0]
    assert len(journal.get(plain.Offer, offer.id).rounds) == 2

    def start_anyway(box: QWidget) -> None:
        answer_modal_named(qtbot, "Negotiation round", lambda d: d.reject())
        next(b for b in box.buttons() if b.text() == "Start round 3").click()

    answer_modal(qtbot, start_anyway)
    click_link(qtbot, browser, "Start round 3…")
    assert len(journal.get(plain.Offer, offer.id).rounds) == 2  # cancelled in the dialog


def test_a_bad_figure_keeps_the_offer_dialog_and_what_was_typed(
    qtbot: QtBot, window: MainWindow
) -> None:
    application_id = select_company(qtbot, window, "Meridian Bank")
    seen: dict[str, object] = {}

    def type_badly(dialog: QWidget) -> None:
        _activate(qtbot, dialog)
        _alt(qtbot, dialog, Qt.Key.Key_B, "ninety thousand")
        qtbot.keyClick(_focused(), Qt.Key.Key_Return)
        seen["message"] = by_name(dialog, "Offer message", QLabel).text()
        seen["open"] = dialog.isVisible()
        seen["kept"] = by_name(dialog, "Base pay", QLineEdit).text()
        discard(qtbot, dialog)

    answer_modal(qtbot, type_badly)
    shortcut(qtbot, window.table, Qt.Key.Key_O, CTRL_SHIFT)
    assert seen == {
        "message": "Base pay “ninety thousand” is not a number.",
        "open": True,
        "kept": "ninety thousand",
    }
    assert window.journal.records_of(application_id).offers == []


def test_a_verbal_offer_reminds_to_wait_for_the_written_one(
    qtbot: QtBot, window: MainWindow
) -> None:
    select_company(qtbot, window, "Larkspur Labs")
    _offer_tab(window)
    assert "ask for the full offer in writing" in window.detail.offers.toPlainText()
    seen: dict[str, bool] = {}

    def look(dialog: QWidget) -> None:
        reminder = by_name(dialog, "Verbal offer reminder", QLabel)
        seen["verbal"] = reminder.isVisible()
        _activate(qtbot, dialog)
        qtbot.keyClick(_focused(), Qt.Key.Key_W)
        seen["written"] = reminder.isVisible()
        discard(qtbot, dialog)

    answer_modal(qtbot, look)
    click_link(qtbot, window.detail.offers, "Edit the offer")
    assert seen == {"verbal": True, "written": False}


def test_compare_shows_the_offers_side_by_side_and_follows_the_assumptions(
    qtbot: QtBot, window: MainWindow
) -> None:
    seen: dict[str, object] = {}

    def read(dialog: QWidget) -> None:
        table = by_name(dialog, "Comparison", QTableWidget)
        headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
        rows = [table.verticalHeaderItem(r).text() for r in range(table.rowCount())]
        total_row = rows.index("First-year total")
        seen["headers"] = [h.split("\n")[0] for h in headers]
        seen["with commute"] = table.item(total_row, 1).text()
        qtbot.mouseClick(by_name(dialog, "Take commute costs off the totals", QCheckBox), LEFT)
        seen["without commute"] = table.item(total_row, 1).text()
        offers_list = by_name(dialog, "Offers to compare", QListWidget)
        larkspur = next(
            offers_list.item(i)
            for i in range(offers_list.count())
            if offers_list.item(i).text().startswith("Larkspur")
        )
        larkspur.setCheckState(Qt.CheckState.Checked)
        seen["columns"] = table.columnCount()
        dialog.reject()

    answer_modal(qtbot, read)
    shortcut(qtbot, window.table, Qt.Key.Key_C, CTRL_SHIFT)
    assert seen == {
        "headers": [
            "Bluefin Health",
            "Northwind Analytics",
            "My current job (Lakeshore Insurance)",
        ],
        "with commute": "USD 136,541",
        "without commute": "USD 137,300",
        "columns": 4,
    }


def test_accepting_ends_the_others_writes_their_letters_and_undoes_in_one_step(
    qtbot: QtBot, window: MainWindow
) -> None:
    journal = window.journal
    accepted = select_company(qtbot, window, "Northwind Analytics")
    before = {a.id: a.status for a in journal.all(plain.Application)}
    seen: dict[str, object] = {}

    def batch(dialog: QWidget) -> None:
        listed = by_name(dialog, "Letters to review", QListWidget)
        seen["letters"] = sorted(listed.item(i).text() for i in range(listed.count()))
        answer_modal_named(qtbot, "Write a letter", resignation)
        dialog.reject()

    def resignation(dialog: QWidget) -> None:
        seen["employer"] = by_name(dialog, "Current employer", QLineEdit).text()
        dialog.reject()

    def acceptance(dialog: QWidget) -> None:
        seen["acceptance"] = by_name(dialog, "Subject", QLineEdit).text()
        answer_modal_named(qtbot, "Write a letter", batch)
        dialog.reject()

    def accept(dialog: QWidget) -> None:
        others = by_name(dialog, "Applications to end", QListWidget)
        labels = [others.item(i).text() for i in range(others.count())]
        summit = next(i for i, text in enumerate(labels) if text.startswith("Summit"))
        others.item(summit).setCheckState(Qt.CheckState.Unchecked)  # keep that one open
        seen["resignation ticked"] = by_name(
            dialog, "Write my resignation letter next", QCheckBox
        ).isChecked()
        answer_modal_named(qtbot, "Write a letter", acceptance)
        qtbot.mouseClick(by_name(dialog, "Accept the offer", QAbstractButton), LEFT)

    answer_modal_named(qtbot, "Accept the offer", accept)
    _offer_tab(window)
    click_link(qtbot, window.detail.offers, "Accept…")
    assert seen["acceptance"] == "Accepting the Senior Data Analyst offer"
    assert seen["resignation ticked"] is True and seen["employer"] == "Lakeshore Insurance"
    assert seen["letters"] == [
        "Bluefin Health",
        "Juniper Energy",
        "Larkspur Labs",
        "Meridian Bank",
        "Pinecrest Media",
    ]  # Kestrel Robotics was only saved: ended, but no letter; Summit kept open
    after = {a.id: a.status for a in journal.all(plain.Application)}
    changed = {i: after[i] for i in after if after[i] != before[i]}
    names = {a.id: a.company.name for a in (journal.get(plain.Application, i) for i in changed)}
    assert {names[i]: s for i, s in changed.items()} == {
        "Northwind Analytics": Status.ACCEPTED,
        "Bluefin Health": Status.DECLINED,
        "Larkspur Labs": Status.DECLINED,
        "Pinecrest Media": Status.WITHDRAWN,
        "Meridian Bank": Status.WITHDRAWN,
        "Juniper Energy": Status.WITHDRAWN,
        "Kestrel Robotics": Status.WITHDRAWN,
    }
    assert accepted in changed
    shortcut(qtbot, window.table, Qt.Key.Key_Z, CTRL)
    assert {a.id: a.status for a in journal.all(plain.Application)} == before


def test_targets_set_in_the_profile_measure_the_offers(qtbot: QtBot, window: MainWindow) -> None:
    select_company(qtbot, window, "Northwind Analytics")
    _offer_tab(window)
    assert "Below your walk-away point" not in window.detail.offers.toPlainText()
    seen: dict[str, object] = {}

    def set_targets(dialog: QWidget) -> None:
        _activate(qtbot, dialog)
        walk_away = by_name(dialog, "Walk away below", QLineEdit)
        walk_away.setText("lots")
        qtbot.mouseClick(by_name(dialog, "Save profile", QAbstractButton), LEFT)
        seen["message"] = by_name(dialog, "Profile message", QLabel).text()
        walk_away.setText("104,000")
        qtbot.mouseClick(by_name(dialog, "Save profile", QAbstractButton), LEFT)

    answer_modal(qtbot, set_targets)
    shortcut(qtbot, window.table, Qt.Key.Key_P, CTRL_SHIFT)
    assert seen["message"] == "Walk away below “lots” is not a number."
    assert window.journal.profile().walk_away_cents == 104_000_00
    assert "Below your walk-away point" in window.detail.offers.toPlainText()


def test_the_profile_chooses_how_amounts_are_shown_everywhere(
    qtbot: QtBot, window: MainWindow
) -> None:
    select_company(qtbot, window, "Northwind Analytics")
    assert "USD 103,000" in window.detail.offers.toPlainText()

    def choose_symbols(dialog: QWidget) -> None:
        style = by_name(dialog, "Amounts written as")
        style.setCurrentIndex(style.findText("$118,000"))
        qtbot.mouseClick(by_name(dialog, "Save profile"), Qt.MouseButton.LeftButton)

    answer_modal_named(qtbot, "Profile and targets", choose_symbols)
    shortcut(
        qtbot,
        window.table,
        Qt.Key.Key_P,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert "$103,000" in window.detail.offers.toPlainText()
    assert "USD 103,000" not in window.detail.offers.toPlainText()
