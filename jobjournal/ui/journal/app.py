"""Start-up and the unlock ⇄ main window cycle, with the idle lock and the demo journal.

Loaded before the first paint: the vault, the main window and everything after unlock
are imported inside the functions that need them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from jobjournal.ui.journal import settings
from jobjournal.ui.journal.first_paint import after_first_paint
from jobjournal.ui.journal.idle import IdleLock
from jobjournal.ui.journal.unlock_dialog import UnlockDialog
from jobjournal.ui.shared.theme import apply_theme, follow_system_changes

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon

    from jobjournal.core.records.journal import Journal
    from jobjournal.ui.applications.main_window import MainWindow

DEMO_PASSPHRASE = "demo"  # noqa: S105  # the example journal is public, made-up data


def app_icon() -> QIcon:
    """Every drawn size of the icon, so no window or menu scales a picture up."""
    # Imported here: creating the QIcon class (its long ThemeIcon enum) takes 1.5 ms,
    # which would come before the first paint if the module asked for it.
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QIcon

    from jobjournal.core.system.assets import ICON_SIZES, icon_png

    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(icon_png(size)), QSize(size, size))
    return icon


def _is_first_run(path: Path, demo: bool) -> bool:
    if demo or path.exists():
        return False
    # No file: a restore cut short between its renames leaves none for a moment, and that
    # is still this journal (the unlock finishes the swap), not a first run.
    from jobjournal.core.storage import swap

    return swap.interrupted_restore(path) is None


class AppController:
    """Owns the one open journal; shows the unlock dialog whenever there is none."""

    def __init__(self, path: Path, *, demo: bool = False) -> None:
        self.path = path
        self.window: MainWindow | None = None
        self.demo_folder: Path | None = None
        self.idle = IdleLock(self.lock)
        if settings.theme() != "system":
            apply_theme(settings.theme())
        self.dialog = UnlockDialog(path, first_run=_is_first_run(path, demo))
        # The platform's palette already is the system's; checking its light/dark hint
        # (for platforms that say dark but draw light) can wait until the first paint.
        after_first_paint(self.dialog, lambda: apply_theme(settings.theme()))
        follow_system_changes(settings.theme)
        self.dialog.unlocked.connect(self._show_main)
        self._demo = demo
        app = QApplication.instance()
        assert app is not None
        app.aboutToQuit.connect(self.quit)

    def start(self) -> None:
        if self._demo:
            QTimer.singleShot(0, self.open_demo)
            return
        self.dialog.show()
        if self.path.exists():
            # After the first paint: the keychain and the vault load only now.
            after_first_paint(self.dialog, self._try_remembered_key)

    def _try_remembered_key(self) -> None:
        from jobjournal.core.errors import JournalError, PassphraseRequired
        from jobjournal.core.storage import vault
        from jobjournal.ui.journal.unlock_dialog import prepare_backups
        from jobjournal.ui.shared import work
        from jobjournal.ui.shared.work import run_with_progress

        if work.is_busy() or not self.dialog.isVisible():
            return  # the person is already unlocking by hand
        prepare_backups(self.path)
        try:
            journal = run_with_progress(
                self.dialog, "Opening the journal", lambda: vault.unlock(self.path)
            )
        except PassphraseRequired:
            return  # the dialog is already asking for it
        except JournalError as error:
            self.dialog.show_unlock(self.path, str(error))
            return
        self.dialog.hide()
        self._show_main(journal)

    def open_demo(self) -> None:
        """A throwaway journal filled with an example search, deleted when the app quits."""
        import tempfile

        from jobjournal.core.storage import vault
        from jobjournal.core.work import demo
        from jobjournal.ui.shared.work import run_with_progress

        self.demo_folder = Path(tempfile.mkdtemp(prefix="jobjournal-demo-"))
        self.path = self.demo_folder / "demo-journal.db"
        settings.keep_apart(self.demo_folder)  # trying it out changes none of mine

        def make() -> Journal:
            journal = vault.create(self.path, DEMO_PASSPHRASE)
            demo.fill_demo(journal)
            return journal

        self._show_main(run_with_progress(None, "Writing the example journal", make))

    def _show_main(self, journal: Journal) -> None:
        from jobjournal.ui.applications.main_window import MainWindow

        self.path = journal.path
        self.window = MainWindow(journal)
        self.window.lock_requested.connect(self.lock)
        self.window.restore_requested.connect(self.restore)
        self.window.preferences_changed.connect(self.apply_preferences)
        if self.demo_folder is not None:
            self.window.setWindowTitle("Example journal (deleted on quit) — jobjournal")
        self.window.show()
        self.window.raise_()
        self.window.activateWindow()
        self.idle.set_minutes(settings.auto_lock_minutes())
        self.idle.start()
        after_first_paint(self.window, self._after_window_shown)

    def _after_window_shown(self) -> None:
        """What may wait for the window: notes from opening, then the daily backup."""
        from jobjournal.core.documents.exports import remove_leftovers
        from jobjournal.ui.journal.backup_runner import BackgroundBackup

        window = self.window
        if window is None:
            return
        remove_leftovers(settings.letters_folder())  # what a killed export left there
        if window.journal.vault.notes:
            window.statusBar().showMessage(" ".join(window.journal.vault.notes), 20000)
        if self.demo_folder is None:  # the example journal is deleted on quit anyway
            window.daily_backup = BackgroundBackup(window)
            window.daily_backup.start()
        window.sync.start()

    def apply_preferences(self) -> None:
        apply_theme(settings.theme())
        self.idle.set_minutes(settings.auto_lock_minutes())

    def lock(self) -> None:
        """Close the journal, drop every widget that showed its content, ask again."""
        if self.window is None:
            return
        self.close_journal()
        reason = (
            f"The example journal's passphrase is “{DEMO_PASSPHRASE}”." if self.demo_folder else ""
        )
        self.dialog.show_unlock(self.path, reason)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()

    def restore(self, backup: str, passphrase: str) -> None:
        """Put a backup in the journal's place (the window checked its passphrase) and
        open it; the journal it replaces is kept beside it."""
        from jobjournal.core.errors import JournalError
        from jobjournal.core.storage import vault
        from jobjournal.ui.shared.work import run_with_progress

        self.close_journal()
        try:
            journal = run_with_progress(
                None,
                "Restoring the backup",
                lambda: vault.restore_backup(Path(backup), self.path, passphrase),
            )
        except JournalError as error:
            self.dialog.show_unlock(self.path, str(error))
            self.dialog.show()
            return
        self._show_main(journal)  # its status bar says what was restored, and where the
        # replaced journal is kept (the vault's notes)

    def close_journal(self) -> None:
        """Lock the journal and forget the window (on lock, idle, or quit)."""
        from jobjournal.ui.shared.private_clipboard import clear_if_ours

        self.idle.stop()
        if self.window is not None:
            window, self.window = self.window, None
            window.shutdown()
            window.journal.lock()
            window.hide()
            window.deleteLater()
        clear_if_ours()

    def quit(self) -> None:
        import shutil

        self.close_journal()
        if self.demo_folder is not None:
            settings.keep_apart(None)
            shutil.rmtree(self.demo_folder, ignore_errors=True)
            self.demo_folder = None
