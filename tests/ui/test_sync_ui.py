"""Two computers in one test (issue 27): the laptop starts syncing through a folder from
the Journal menu, a new journal on the desktop joins it there, both edit the same field,
the conflict is shown and chosen."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QListWidget, QWidget
from pytestqt.qtbot import QtBot
from support import PASSPHRASE, by_name
from ui_support import answer_modal_named, main_window_shown

from jobjournal.core.records import plain
from jobjournal.core.records.journal import Journal
from jobjournal.core.storage import crypto, vault
from jobjournal.core.sync import chunks
from jobjournal.ui.applications.main_window import MainWindow

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture(autouse=True)
def exchange_keys_derived_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(chunks, "derive_key", functools.lru_cache(crypto.derive_key))


def _start_syncing(qtbot: QtBot, window: MainWindow, folder: Path, name: str) -> None:
    def fill(dialog: QWidget) -> None:
        by_name(dialog, "Sync folder", QLineEdit).setText(str(folder))
        by_name(dialog, "This computer's name", QLineEdit).setText(name)
        by_name(dialog, "Passphrase", QLineEdit).setText(PASSPHRASE)
        qtbot.mouseClick(by_name(dialog, "Start syncing", QAbstractButton), LEFT)

    answer_modal_named(qtbot, "Use on several computers", fill)
    window.sync_action.trigger()
    assert window.sync.active


def _juniper(journal: Journal) -> int:
    return next(a.id for a in journal.all(plain.Application) if a.company.name == "Juniper Energy")


def test_join_edit_on_both_see_the_conflict_and_choose(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    folder = tmp_path / "Sync"
    folder.mkdir()
    _start_syncing(qtbot, window, folder, "laptop")
    desktop_journal = vault.create(tmp_path / "desktop" / "journal.db", PASSPHRASE)
    with main_window_shown(qtbot, desktop_journal) as desktop:
        _start_syncing(qtbot, desktop, folder, "desktop")  # joins: the folder has one
        assert len(desktop_journal.all(plain.Application)) == 12
        assert desktop.model.rowCount() == 12  # the window shows what arrived
        laptop_journal = window.journal
        laptop_journal.update_application(_juniper(laptop_journal), location="Porto")
        desktop_journal.update_application(_juniper(desktop_journal), location="Oslo")
        for keeper in (window.sync, desktop.sync, window.sync, desktop.sync):
            keeper.write()
            keeper.merge()
        assert "to choose" in desktop.statusBar().currentMessage()
        on_laptop = laptop_journal.get(plain.Application, _juniper(laptop_journal)).location
        wanted = "Oslo" if on_laptop == "Porto" else "Porto"  # so the laptop must change
        shown: list[str] = []

        def choose(dialog: QWidget) -> None:
            listed = by_name(dialog, "Conflicts", QListWidget)
            shown.extend(listed.item(row).text() for row in range(listed.count()))
            row = next(n for n, text in enumerate(shown) if "Location" in text)
            listed.setCurrentRow(row)
            name = "Keep what is here" if f"here “{wanted}”" in shown[row] else "Take the other"
            qtbot.mouseClick(by_name(dialog, name, QAbstractButton), LEFT)
            dialog.reject()

        answer_modal_named(qtbot, "Sync conflicts", choose)
        desktop.conflicts_action.trigger()
        assert any("Porto" in text and "Oslo" in text for text in shown)
        assert desktop_journal.get(plain.Application, _juniper(desktop_journal)).location == (
            wanted
        )
        # The desktop's choice reaches the laptop by itself: written a moment after the
        # change, seen by the laptop's watch on the folder, merged, redrawn.
        desktop.sync.changed()
        qtbot.waitUntil(
            lambda: (
                laptop_journal.get(plain.Application, _juniper(laptop_journal)).location == wanted
            ),
            timeout=10_000,
        )


def test_a_passphrase_changed_from_the_menu_rewrites_the_exchange_files(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    folder = tmp_path / "Sync"
    folder.mkdir()
    _start_syncing(qtbot, window, folder, "laptop")
    new = "the new passphrase of the laptop"

    def fill(dialog: QWidget) -> None:
        by_name(dialog, "Current passphrase", QLineEdit).setText(PASSPHRASE)
        by_name(dialog, "New passphrase", QLineEdit).setText(new)
        by_name(dialog, "Repeat new passphrase", QLineEdit).setText(new)
        qtbot.keyClick(by_name(dialog, "Repeat new passphrase", QLineEdit), Qt.Key.Key_Return)

    answer_modal_named(qtbot, "Change passphrase", fill)
    window.passphrase_action.trigger()
    assert "type the new one" in window.statusBar().currentMessage()
    (journal_folder,) = folder.glob("jobjournal-*")
    journal_id = journal_folder.name.removeprefix("jobjournal-")
    (computer,) = (p for p in journal_folder.iterdir() if p.is_dir())
    files = [path for _generation, path in chunks.generations(computer)]
    assert len(files) == 1  # everything, once, under the new passphrase
    chunks.read(files[0], chunks.exchange_key(new, journal_id), journal_id)
    with pytest.raises(chunks.ChunkRefused):
        chunks.read(files[0], chunks.exchange_key(PASSPHRASE, journal_id), journal_id)


def test_a_new_computer_joins_at_first_run_with_the_folder_and_the_passphrase(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QLabel

    from jobjournal.core.storage import paths
    from jobjournal.core.sync import merge as sync
    from jobjournal.ui.journal.app import AppController

    folder = tmp_path / "Sync"
    laptop = vault.create(tmp_path / "laptop" / "journal.db", PASSPHRASE)
    for n in range(3):
        laptop.add_application(company=f"Firm {n}", job_title="Analyst")
    sync.enable(laptop, folder, PASSPHRASE, "laptop")
    sync.write_own(laptop)
    laptop.lock()
    controller = AppController(paths.default_journal_path())
    qtbot.addWidget(controller.dialog)
    controller.start()
    try:
        dialog = controller.dialog
        qtbot.keyClicks(by_name(dialog, "New passphrase", QLineEdit), "not the laptop's")
        qtbot.keyClicks(by_name(dialog, "Repeat passphrase", QLineEdit), "not the laptop's")
        by_name(dialog, "Sync folder to join", QLineEdit).setText(str(folder))
        qtbot.keyClick(by_name(dialog, "Repeat passphrase", QLineEdit), Qt.Key.Key_Return)
        message = by_name(dialog, "Create message", QLabel)
        qtbot.waitUntil(lambda: "does not open the journal synced" in message.text())
        assert not paths.default_journal_path().exists()  # a wrong passphrase creates nothing
        for name in ("New passphrase", "Repeat passphrase"):
            field = by_name(dialog, name, QLineEdit)
            field.clear()
            qtbot.keyClicks(field, PASSPHRASE)
        qtbot.keyClick(by_name(dialog, "Repeat passphrase", QLineEdit), Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: controller.window is not None)
        window = controller.window
        assert window is not None
        qtbot.waitUntil(lambda: window.model.rowCount() == 3)
        qtbot.waitUntil(lambda: window.sync.active)  # it keeps in step from now on
    finally:
        if controller.window is not None:
            controller.lock()


def test_enter_in_a_field_presses_only_the_dialogs_own_button(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """Found driving the app by keyboard: Enter in the passphrase opened the folder
    chooser (an "auto-default" Browse button), not Start syncing."""
    from jobjournal.core.sync import merge as sync
    from jobjournal.ui.network.contacts_window import ContactsWindow

    folder = tmp_path / "Sync"
    folder.mkdir()

    def fill(dialog: QWidget) -> None:
        by_name(dialog, "Sync folder", QLineEdit).setText(str(folder))
        browse = by_name(dialog, "Choose the sync folder", QAbstractButton)
        browse.setFocus()  # as after Tab through it
        passphrase = by_name(dialog, "Passphrase", QLineEdit)
        passphrase.setFocus()
        qtbot.keyClicks(passphrase, PASSPHRASE)
        qtbot.keyClick(passphrase, Qt.Key.Key_Return)

    answer_modal_named(qtbot, "Use on several computers", fill)
    window.sync_action.trigger()
    assert sync.is_syncing(window.journal)
    contacts = ContactsWindow(window, window.journal, window.runner)
    qtbot.addWidget(contacts)
    before = len(window.journal.all(plain.Contact))
    by_name(contacts, "New contact", QAbstractButton).setFocus()
    contacts.search.setFocus()
    qtbot.keyClick(contacts.search, Qt.Key.Key_Return)
    assert len(window.journal.all(plain.Contact)) == before
