"""What a person sees of the faults of issue 20: a backup that fails, a lost log, a
keychain that cannot be used, letter text on the clipboard, passphrases in a dialog."""

from __future__ import annotations

from pathlib import Path

import keyring
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from support import PASSPHRASE, UnknownPlugin, by_name, run_python
from ui_support import answer_modal, back_up_now, demo_journal_file, shortcut, type_passphrase

from jobjournal.core.storage import vault
from jobjournal.ui.applications.main_window import MainWindow
from jobjournal.ui.journal import settings
from jobjournal.ui.journal.app import AppController
from jobjournal.ui.shared.private_clipboard import copy_private


def unlock_by_keyboard(qtbot: QtBot, path: Path) -> AppController:
    controller: AppController = type_passphrase(qtbot, path, PASSPHRASE)
    return controller


def main_window_of_demo(qtbot: QtBot) -> tuple[AppController, MainWindow]:
    controller = unlock_by_keyboard(qtbot, journal_with_demo())
    qtbot.waitUntil(lambda: controller.window is not None)
    assert controller.window is not None
    return controller, controller.window


def journal_with_demo() -> Path:
    return demo_journal_file()


def test_a_backups_folder_that_is_a_file_opens_the_journal_and_says_why_no_backup(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = journal_with_demo()
    blocker = tmp_path / "backups"
    blocker.write_text("a file")
    settings.set_backup_prefs(path, settings.BackupPrefs(blocker, 5))
    controller = unlock_by_keyboard(qtbot, path)
    qtbot.waitUntil(lambda: controller.window is not None)
    window = controller.window
    assert window is not None and window.model.rowCount() == 12

    def box() -> QMessageBox | None:
        found = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
        return found[0] if found else None

    qtbot.waitUntil(lambda: box() is not None, timeout=10_000)
    shown = box()
    assert shown is not None
    assert "a file stands where the folder should be" in shown.text()
    assert str(blocker) in shown.text()
    # The journal is usable while the message is up: it is not application-modal.
    assert shown.windowModality() == Qt.WindowModality.WindowModal

    def change_folder(dialog: QWidget) -> None:
        folder = by_name(dialog, "Backups folder")
        folder.clear()
        qtbot.keyClicks(folder, str(tmp_path / "real backups"))
        qtbot.mouseClick(by_name(dialog, "Save settings"), Qt.MouseButton.LeftButton)

    answer_modal(qtbot, change_folder)
    qtbot.mouseClick(by_name(shown, "Change backups folder"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: settings.backup_prefs(path).folder == tmp_path / "real backups")
    back_up_now(qtbot, window)
    assert list((tmp_path / "real backups").glob("journal-*.db"))
    controller.quit()


def test_the_daily_backup_is_made_after_the_window_is_up(qtbot: QtBot) -> None:
    path = journal_with_demo()
    assert vault.list_backups(path) == []
    letters = settings.letters_folder()
    letters.mkdir(parents=True, exist_ok=True)
    killed_export = letters / ".Withdraw - Acme.docx.999999999.jobjournal-partial"
    killed_export.write_bytes(b"plaintext of a letter")
    controller = unlock_by_keyboard(qtbot, path)
    qtbot.waitUntil(lambda: controller.window is not None)
    window = controller.window
    assert window is not None
    qtbot.waitUntil(lambda: "Today's backup" in window.statusBar().currentMessage())
    assert len(vault.list_backups(path)) == 1
    assert not killed_export.exists(), "a killed export's leftover is cleaned at start-up"
    controller.quit()


def test_a_restore_cut_between_its_renames_is_no_first_run(qtbot: QtBot) -> None:
    from jobjournal.core.storage import swap

    path = journal_with_demo()
    journal = vault.unlock(path, PASSPHRASE)
    backup, key = journal.vault.backup(), journal.vault._current_key()
    journal.lock()
    ready = vault._copy_beside(backup, path, key)
    path.rename(swap.kept_name(path, ready.name.rsplit("restore-ready-", 1)[1]))
    controller = unlock_by_keyboard(qtbot, path)  # the unlock page, not the wizard
    qtbot.waitUntil(lambda: controller.window is not None)
    assert path.exists() and not ready.exists()
    controller.quit()


def test_a_lost_log_is_told_and_the_person_chooses_to_open_it_as_it_is(qtbot: QtBot) -> None:
    path = journal_with_demo()
    result = run_python(
        """
        import os, sys
        from jobjournal.core.storage import vault
        journal = vault.unlock(sys.argv[1], sys.argv[2])
        company = journal.find_or_add_company("Added just before the crash").new_id
        journal.add_application(company_id=company, job_title="Lost with the log")
        os._exit(0)
        """,
        str(path),
        PASSPHRASE,
    )
    assert result.returncode == 0, result.stderr
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink()
    before = path.read_bytes()
    controller = unlock_by_keyboard(qtbot, path)
    dialog = controller.dialog
    message = by_name(dialog, "Unlock message")
    qtbot.waitUntil(lambda: "may be missing" in message.text())
    assert path.read_bytes() == before, "nothing was written before the person chose"
    open_anyway = by_name(dialog, "Open as it is")
    assert open_anyway.isVisible()
    assert by_name(dialog, "Restore from backup").isHidden()  # no backup of it yet
    field = by_name(dialog, "Passphrase")
    assert field.text() == PASSPHRASE  # kept, selected, for the choice that follows
    qtbot.mouseClick(open_anyway, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controller.window is not None)
    controller.quit()


def test_letter_text_copied_to_the_clipboard_is_gone_after_lock(qtbot: QtBot) -> None:
    path = journal_with_demo()
    controller = unlock_by_keyboard(qtbot, path)
    qtbot.waitUntil(lambda: controller.window is not None)
    copy_private("Dear Ms Example, I am writing to withdraw …")
    clipboard = QGuiApplication.clipboard()
    assert clipboard.text().startswith("Dear Ms Example")
    controller.lock()
    assert clipboard.text() == ""
    clipboard.setText("the person's own copy")  # not ours: left alone
    copy_private("ours again")
    clipboard.setText("copied since from elsewhere")
    controller.quit()
    assert clipboard.text() == "copied since from elsewhere"


def test_the_change_passphrase_dialog_keeps_no_passphrase_once_closed(qtbot: QtBot) -> None:
    controller, window = main_window_of_demo(qtbot)
    fields: list[QWidget] = []

    def type_then_cancel(dialog: QWidget) -> None:
        for name in ("Current passphrase", "New passphrase", "Repeat new passphrase"):
            field = by_name(dialog, name)
            qtbot.keyClicks(field, "typed secret")
            fields.append(field)
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    answer_modal(qtbot, type_then_cancel)
    window.passphrase_action.trigger()
    assert fields and all(field.text() == "" for field in fields)
    controller.quit()


def test_settings_say_why_an_untrusted_keychain_is_not_offered(qtbot: QtBot) -> None:
    controller, window = main_window_of_demo(qtbot)
    keyring.set_keyring(UnknownPlugin())
    seen: dict[str, object] = {}

    def look(dialog: QWidget) -> None:
        seen["enabled"] = by_name(dialog, "Remember on this computer").isEnabled()
        seen["why"] = by_name(dialog, "Why remembering is unavailable").text()
        seen["usage"] = by_name(dialog, "Space the backups use").text()
        seen["budget"] = by_name(dialog, "Most space for backups").value()
        dialog.close()

    answer_modal(qtbot, look)
    shortcut(qtbot, window.table, Qt.Key.Key_Comma)
    assert seen["enabled"] is False
    assert "not one of the operating system's encrypted keychains" in str(seen["why"])
    assert seen["budget"] == settings.DEFAULT_BACKUP_BUDGET_MB
    assert "backup" in str(seen["usage"]).lower()
    controller.quit()


def test_settings_offer_only_to_forget_a_key_when_the_keychain_cannot_take_one(
    qtbot: QtBot,
) -> None:
    from jobjournal.ui.shared.dialogs import SettingsDialog

    keyring.set_keyring(UnknownPlugin())
    parent = QWidget()  # kept alive: a dialog goes with its parent
    for remembered, enabled, words in (
        (False, False, "unavailable here"),
        (True, True, "untick to forget"),
    ):
        dialog = SettingsDialog(parent, Path("/tmp/nowhere.db"), remembered=remembered)
        box = by_name(dialog, "Remember on this computer")
        assert box.isEnabled() is enabled and words in box.text()
        assert box.isChecked() is remembered
        assert by_name(dialog, "Why remembering is unavailable").isVisibleTo(dialog)
