"""First run, unlock, wrong passphrase, lock: driven by keyboard and clicks."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget
from pytestqt.qtbot import QtBot
from support import PASSPHRASE, MemoryKeyring, by_name
from ui_support import answer_modal, type_passphrase

from jobjournal.core.errors import WrongPassphrase
from jobjournal.core.storage import paths, vault
from jobjournal.ui.journal.app import AppController
from jobjournal.ui.journal.unlock_dialog import passphrase_strength

TYPED = "typed passphrase 42"


@pytest.fixture
def controller(qtbot: QtBot) -> AppController:
    controller = AppController(paths.default_journal_path())
    qtbot.addWidget(controller.dialog)
    controller.start()
    yield controller
    if controller.window is not None:
        controller.lock()


def create_by_keyboard(qtbot: QtBot, controller: AppController, remember: bool = False) -> None:
    dialog = controller.dialog
    qtbot.keyClicks(by_name(dialog, "New passphrase"), TYPED)
    qtbot.keyClicks(by_name(dialog, "Repeat passphrase"), TYPED)
    if remember:
        remember_box = by_name(dialog, "Remember new journal on this computer")
        qtbot.waitUntil(remember_box.isEnabled)
        remember_box.setFocus()
        qtbot.keyClick(remember_box, Qt.Key.Key_Space)
        assert remember_box.isChecked()
    qtbot.keyClick(by_name(dialog, "Repeat passphrase"), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: controller.window is not None)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is controller.window)


def test_first_run_creates_the_journal_at_the_default_location(
    qtbot: QtBot, controller: AppController
) -> None:
    assert by_name(controller.dialog, "Journal location").text() == str(
        paths.default_journal_path()
    )
    create_by_keyboard(qtbot, controller)
    assert paths.default_journal_path().exists()
    assert controller.window.windowTitle() == "journal.db — jobjournal"


def test_first_run_with_a_keychain_remembers_and_next_start_skips_the_passphrase(
    qtbot: QtBot, controller: AppController, memory_keyring: MemoryKeyring
) -> None:
    create_by_keyboard(qtbot, controller, remember=True)
    assert memory_keyring.entries  # the key, never the passphrase
    assert TYPED not in str(memory_keyring.entries)
    controller.quit()
    again = AppController(paths.default_journal_path())
    qtbot.addWidget(again.dialog)
    again.start()
    qtbot.waitUntil(lambda: again.window is not None)
    assert not again.dialog.isVisible()
    again.quit()


def test_mismatched_passphrases_are_refused_with_a_message(
    qtbot: QtBot, controller: AppController
) -> None:
    dialog = controller.dialog
    qtbot.keyClicks(by_name(dialog, "New passphrase"), TYPED)
    qtbot.keyClicks(by_name(dialog, "Repeat passphrase"), TYPED + "x")
    qtbot.mouseClick(by_name(dialog, "Create journal"), Qt.MouseButton.LeftButton)
    assert "not the same" in by_name(dialog, "Create message").text()
    assert not paths.default_journal_path().exists()
    qtbot.keyClick(by_name(dialog, "Repeat passphrase"), Qt.Key.Key_Backspace)  # fixed
    assert not by_name(dialog, "Create message").isVisible()


def test_browse_for_a_new_journal_opens_in_the_suggested_folder(
    qtbot: QtBot, controller: AppController
) -> None:
    seen: list[str] = []

    def look(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog)
        seen.append(dialog.directory().absolutePath())
        dialog.reject()

    suggested = paths.default_journal_path()
    assert not suggested.parent.exists()  # a first run: the folder is not made yet
    answer_modal(qtbot, look)
    qtbot.mouseClick(by_name(controller.dialog, "Browse"), Qt.MouseButton.LeftButton)
    assert seen == [str(suggested.parent)]


def test_lock_then_wrong_then_right_passphrase(qtbot: QtBot, controller: AppController) -> None:
    create_by_keyboard(qtbot, controller)
    qtbot.keyClick(controller.window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert controller.window is None
    dialog = controller.dialog
    assert dialog.isVisible()
    field = by_name(dialog, "Passphrase")
    qtbot.keyClicks(field, "wrong guess")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert "does not open" in by_name(dialog, "Unlock message").text()
    assert controller.window is None
    field.clear()
    qtbot.keyClicks(field, TYPED)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: controller.window is not None)


def test_remembered_journal_opens_straight_to_the_main_window(
    qtbot: QtBot, memory_keyring: MemoryKeyring
) -> None:
    path = paths.default_journal_path()
    vault.create(path, PASSPHRASE, remember=True).lock()
    controller = AppController(path)
    qtbot.addWidget(controller.dialog)
    controller.start()
    qtbot.waitUntil(lambda: controller.window is not None)
    assert not controller.dialog.isVisible()
    controller.lock()


def test_damaged_journal_offers_restore(qtbot: QtBot) -> None:
    path = paths.default_journal_path()
    journal = vault.create(path, PASSPHRASE)
    journal.vault.backup()
    journal.lock()
    path.write_bytes(path.read_bytes()[:-100])
    controller = type_passphrase(qtbot, path, PASSPHRASE)
    assert "damaged" in by_name(controller.dialog, "Unlock message").text()
    assert by_name(controller.dialog, "Restore from backup").isVisible()


def test_no_keychain_disables_remember_and_says_why(qtbot: QtBot) -> None:
    import keyring
    import keyring.backends.fail

    keyring.set_keyring(keyring.backends.fail.Keyring())
    controller = AppController(paths.default_journal_path())
    qtbot.addWidget(controller.dialog)
    controller.start()
    box = by_name(controller.dialog, "Remember new journal on this computer")
    qtbot.waitUntil(lambda: "unavailable" in box.text())  # asked once the dialog painted
    assert not box.isEnabled()
    note = by_name(controller.dialog, "Why remembering a new journal is unavailable")
    assert note.isVisibleTo(controller.dialog) and "no keychain" in note.text()


def test_strength_hint() -> None:
    assert passphrase_strength("") == ""
    assert passphrase_strength("abc").startswith("Too short")
    assert passphrase_strength("abcdefghij").startswith("Fair")
    assert passphrase_strength("four unrelated words here") == "Strong."


def test_quit_shortcut_is_bound(qtbot: QtBot, controller: AppController) -> None:
    create_by_keyboard(qtbot, controller)
    assert controller.window.quit_action.shortcut().toString() == "Ctrl+Q"
    assert QApplication.instance() is not None


def test_change_passphrase_from_the_menu(qtbot: QtBot, controller: AppController) -> None:
    create_by_keyboard(qtbot, controller)

    def fill_in_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        qtbot.keyClicks(by_name(dialog, "Current passphrase"), TYPED)
        qtbot.keyClicks(by_name(dialog, "New passphrase"), "another passphrase")
        qtbot.keyClicks(by_name(dialog, "Repeat new passphrase"), "another passphrase")
        qtbot.keyClick(by_name(dialog, "Repeat new passphrase"), Qt.Key.Key_Return)

    QTimer.singleShot(50, fill_in_dialog)
    controller.window.passphrase_action.trigger()
    assert "Passphrase changed" in controller.window.statusBar().currentMessage()
    controller.lock()
    with pytest.raises(WrongPassphrase):
        vault.unlock(paths.default_journal_path(), TYPED)
    vault.unlock(paths.default_journal_path(), "another passphrase").lock()


def test_first_window_paints_before_the_keychain_or_vault_load() -> None:
    from support import run_python

    vault.create(paths.default_journal_path(), PASSPHRASE).lock()  # the everyday start
    result = run_python("""
        import os, sys
        from PySide6.QtCore import QEvent, QObject
        from jobjournal.__main__ import build

        class AtFirstPaint(QObject):
            def eventFilter(self, watched, event):
                if event.type() == QEvent.Type.Paint:
                    heavy = ("keyring", "sqlalchemy", "docx", "jobjournal.core.storage.vault")
                    print(*[name in sys.modules for name in heavy], flush=True)
                    os._exit(0)
                return False

        app, controller = build([])
        watcher = AtFirstPaint()
        controller.dialog.installEventFilter(watcher)
        controller.start()
        app.exec()
    """)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "False", "False", "False"]


def test_a_wrong_current_passphrase_is_refused_in_the_dialog(
    qtbot: QtBot, controller: AppController
) -> None:
    from ui_support import answer_modal

    create_by_keyboard(qtbot, controller)
    seen: list[str] = []

    def fill(dialog: object) -> None:
        qtbot.keyClicks(by_name(dialog, "Current passphrase"), "not it")
        qtbot.keyClicks(by_name(dialog, "New passphrase"), "another passphrase")
        qtbot.keyClicks(by_name(dialog, "Repeat new passphrase"), "another passphrase")
        qtbot.keyClick(by_name(dialog, "Repeat new passphrase"), Qt.Key.Key_Return)
        seen.append(by_name(dialog, "Change passphrase message").text())
        assert by_name(dialog, "New passphrase").text() == "another passphrase"
        dialog.reject()  # type: ignore[attr-defined]

    answer_modal(qtbot, fill)
    controller.window.passphrase_action.trigger()
    assert "does not open" in seen[0]
    controller.lock()
    vault.unlock(paths.default_journal_path(), TYPED).lock()  # the old one still opens
