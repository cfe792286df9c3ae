"""First run and unlock: create a journal, or open one with its passphrase.

The dialog paints before the vault (SQLAlchemy, keyring) is imported; those load on the
first click, so the first window appears at the speed of a bare Qt window.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from jobjournal.ui.journal.first_paint import after_first_paint
from jobjournal.ui.shared.basics import message_label, password_field, show_message

if TYPE_CHECKING:
    from jobjournal.core.errors import JournalError
    from jobjournal.core.records.journal import Journal
    from jobjournal.core.storage.keychain import KeychainStatus

JOURNAL_FILTER = "Journals (*.db);;All files (*)"


def passphrase_strength(passphrase: str) -> str:
    """A plain hint, not a gate: length matters far more than symbols."""
    if not passphrase:
        return ""
    if len(passphrase) < 8:
        return "Too short: use at least 8 characters, or better a few words."
    if len(passphrase) < 14 or len(set(passphrase)) < 6:
        return "Fair. A longer passphrase, like four unrelated words, is much stronger."
    return "Strong."


class UnlockDialog(QDialog):
    """Ends with `journal` set when the person unlocked or created a journal."""

    unlocked = Signal(object)  # the Journal

    def __init__(self, path: Path, *, first_run: bool, reason: str = "") -> None:
        super().__init__()
        self.setWindowTitle("jobjournal")
        self.setAccessibleName("Unlock jobjournal")
        self.journal: Journal | None = None
        self._path = path
        self._damaged_backups: list[Path] = []
        self._pages = QStackedWidget()
        self._unlock_page = self._build_unlock_page()
        self._create_page = self._build_create_page()
        self._pages.addWidget(self._unlock_page)
        self._pages.addWidget(self._create_page)
        layout = QVBoxLayout(self)
        layout.addWidget(self._pages)
        self.resize(520, 0)
        if first_run:
            self.show_create(path)
        else:
            self.show_unlock(path, reason)

    # -- pages -------------------------------------------------------------------------

    def _build_unlock_page(self) -> QWidget:
        page = QWidget()
        self._path_label = QLabel()
        self._path_label.setWordWrap(True)
        self._path_label.setAccessibleName("Journal path")
        self._passphrase = password_field("Passphrase")
        self._passphrase.returnPressed.connect(self._unlock)
        self._remember = QCheckBox("&Remember on this computer")
        self._remember.setAccessibleName("Remember on this computer")
        self._message = message_label("Unlock message")
        self._unlock_button = _button("&Unlock", self._unlock)
        self._unlock_button.setDefault(True)
        self._restore_button = _button("Restore from &backup…", self._restore)
        self._restore_button.hide()
        self._as_it_is_button = _button("Open &as it is", self._open_as_it_is)
        self._as_it_is_button.hide()
        self._attempting = False
        other = _button("&Open another journal…", self._open_other)
        new = _button("Create &new…", lambda: self.show_create(None))
        form = QFormLayout()
        form.addRow("Journal:", self._path_label)
        form.addRow("&Passphrase:", self._passphrase)
        form.addRow("", self._remember)
        self._remember_note = _note("Why remembering is unavailable")
        form.addRow("", self._remember_note)
        buttons = QHBoxLayout()
        for widget in (other, new):
            buttons.addWidget(widget)
        buttons.addStretch()
        buttons.addWidget(self._restore_button)
        buttons.addWidget(self._as_it_is_button)
        buttons.addWidget(self._unlock_button)
        layout = QVBoxLayout(page)
        layout.addWidget(_heading("Unlock your journal"))
        layout.addLayout(form)
        layout.addWidget(self._message)
        layout.addLayout(buttons)
        return page

    def _build_create_page(self) -> QWidget:
        page = QWidget()
        self._new_path = QLineEdit()
        self._new_path.setAccessibleName("Journal location")
        browse = _button("&Browse…", self._browse_new)
        where = QHBoxLayout()
        where.addWidget(self._new_path)
        where.addWidget(browse)
        self._new_passphrase = password_field("New passphrase")
        self._confirm = password_field("Repeat passphrase")
        self._confirm.returnPressed.connect(self._create)
        self._strength = QLabel()
        self._strength.setAccessibleName("Passphrase strength")
        self._new_passphrase.textChanged.connect(
            lambda text: self._strength.setText(passphrase_strength(text))
        )
        self._new_remember = QCheckBox("&Remember on this computer")
        self._new_remember.setAccessibleName("Remember new journal on this computer")
        self._with_example = QCheckBox(
            "Start with an &example journal (a made-up search to explore)"
        )
        self._with_example.setAccessibleName("Start with an example journal")
        self._join = QLineEdit()
        self._join.setAccessibleName("Sync folder to join")
        self._join.setPlaceholderText("Optional: the folder another computer syncs it through")
        join_browse = _button("Bro&wse…", self._browse_join)
        join_browse.setAccessibleName("Choose the sync folder to join")
        join_row = QHBoxLayout()
        join_row.addWidget(self._join)
        join_row.addWidget(join_browse)
        self._create_message = message_label("Create message")
        for field in (self._new_passphrase, self._confirm):  # the mismatch is being fixed
            field.textEdited.connect(lambda _text: self._forget_mismatch())
        warning = QLabel(
            "Your journal is encrypted with this passphrase. If you lose it, nobody — "
            "not even us — can open the journal again. Write it down somewhere safe."
        )
        warning.setWordWrap(True)
        self._create_button = _button("&Create journal", self._create)
        self._back_button = _button("&Back", lambda: self.show_unlock(self._path))
        location_label = QLabel("&Location:")
        location_label.setBuddy(self._new_path)  # a row holding a layout gets no buddy itself
        form = QFormLayout()
        form.addRow(location_label, where)
        form.addRow("&Passphrase:", self._new_passphrase)
        form.addRow("", self._strength)
        form.addRow("Re&peat:", self._confirm)
        form.addRow("", self._new_remember)
        self._new_remember_note = _note("Why remembering a new journal is unavailable")
        form.addRow("", self._new_remember_note)
        form.addRow("", self._with_example)
        join_label = QLabel("&Join from:")
        join_label.setBuddy(self._join)
        form.addRow(join_label, join_row)
        buttons = QHBoxLayout()
        buttons.addWidget(self._back_button)
        buttons.addStretch()
        buttons.addWidget(self._create_button)
        layout = QVBoxLayout(page)
        layout.addWidget(_heading("Create your journal"))
        layout.addLayout(form)
        layout.addWidget(warning)
        layout.addWidget(self._create_message)
        layout.addLayout(buttons)
        return page

    def show_unlock(self, path: Path, reason: str = "") -> None:
        self._path = path
        self._path_label.setText(str(path))
        show_message(self._message, reason)
        self._restore_button.hide()
        self._as_it_is_button.hide()
        self._passphrase.clear()
        self._pages.setCurrentWidget(self._unlock_page)
        self._passphrase.setFocus()

    def show_create(self, path: Path | None) -> None:
        from jobjournal.core.storage import paths

        self._new_path.setText(str(path or paths.default_journal_path()))
        self._back_button.setVisible(path is None)
        self._pages.setCurrentWidget(self._create_page)
        self._new_passphrase.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        for box in (self._remember, self._new_remember):
            box.setEnabled(False)
            box.setToolTip("Checking this computer's keychain…")
        # Asking the keychain loads `keyring` (~90 ms), and the first use of a `Qt.` enum
        # builds them all (~18 ms): both wait until the dialog has painted.
        after_first_paint(self, self._after_paint)

    def _after_paint(self) -> None:
        from PySide6.QtCore import Qt

        from jobjournal.core.storage import keychain

        self._path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        status = keychain.backend_status()
        self._offer_remember(status, self._remember, self._remember_note)
        self._offer_remember(status, self._new_remember, self._new_remember_note)
        self.adjustSize()  # room for a note that appeared

    @staticmethod
    def _offer_remember(status: KeychainStatus, box: QCheckBox, note: QLabel) -> None:
        box.setEnabled(status.usable)
        box.setToolTip(status.reason)
        note.setText(status.reason)
        note.setVisible(not status.usable)
        if not status.usable:
            box.setChecked(False)
            box.setText("Remember on this computer (unavailable here)")

    # -- actions -----------------------------------------------------------------------

    def _unlock(self, *, open_as_it_is: bool = False) -> None:
        vault = prepare_backups(self._path)
        remember = True if self._remember.isChecked() else None
        passphrase = self._passphrase.text()
        self._attempt(
            lambda: vault.unlock(
                self._path, passphrase, remember=remember, open_as_it_is=open_as_it_is
            ),
            self._message,
        )

    def _open_as_it_is(self) -> None:
        """The person read that the last session's changes may be missing, and chose to
        go on with the journal as it is."""
        self._unlock(open_as_it_is=True)

    def _create(self) -> None:
        if self._new_passphrase.text() != self._confirm.text():
            show_message(self._create_message, _MISMATCH)
            return
        path = Path(self._new_path.text()).expanduser()
        vault = prepare_backups(path)
        passphrase, remember = self._new_passphrase.text(), self._new_remember.isChecked()
        with_example = self._with_example.isChecked()
        join = self._join.text().strip()

        def create() -> Journal:
            from jobjournal.core.work.demo import fill_demo

            if join:  # the journal another computer syncs, built here from its files
                from jobjournal.core.sync import merge as sync

                joined: Journal = sync.join(path, Path(join).expanduser(), passphrase)
                if remember:
                    joined.vault.remember(True)
                return joined
            journal: Journal = vault.create(path, passphrase, remember=remember)
            if with_example:
                fill_demo(journal)
            return journal

        self._attempt(create, self._create_message)

    def _attempt(self, action: Callable[[], Journal], message: QLabel) -> None:
        from PySide6.QtCore import Qt

        from jobjournal.core.errors import JournalError
        from jobjournal.ui.shared.work import run_with_progress

        if self._attempting:  # Return reaches both the field and the default button
            return
        self._attempting = True
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            journal = run_with_progress(self, "Opening the journal", action)
        except JournalError as error:
            self._show_error(error, message)
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
            self._attempting = False
        self._accept_journal(journal)

    def _show_error(self, error: JournalError, message: QLabel) -> None:
        from jobjournal.core.errors import JournalDamaged, RecentChangesLost

        show_message(message, str(error))
        self._damaged_backups = error.backups if isinstance(error, JournalDamaged) else []
        self._restore_button.setVisible(bool(self._damaged_backups))
        self._as_it_is_button.setVisible(isinstance(error, RecentChangesLost))
        self._passphrase.selectAll()

    def _accept_journal(self, journal: Journal) -> None:
        from jobjournal.ui.journal.settings import remember_journal_path

        self.journal = journal
        remember_journal_path(journal.path)
        self._passphrase.clear()
        self._new_passphrase.clear()
        self._confirm.clear()
        self.accept()  # hide first, so the main window shown next keeps the focus
        self.unlocked.emit(journal)

    def _restore(self) -> None:
        vault = prepare_backups(self._path)
        backup, _ = QFileDialog.getOpenFileName(
            self, "Restore from backup", str(self._damaged_backups[0]), JOURNAL_FILTER
        )
        if backup:
            self._attempt(
                lambda: vault.restore_backup(Path(backup), self._path, self._passphrase.text()),
                self._message,
            )

    def _open_other(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, "Open journal", str(self._path.parent), JOURNAL_FILTER
        )
        if chosen:
            self.show_unlock(Path(chosen))

    def _forget_mismatch(self) -> None:
        if self._create_message.text() == _MISMATCH:
            show_message(self._create_message, "")

    def _browse_join(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        chosen = QFileDialog.getExistingDirectory(self, "Sync folder to join", self._join.text())
        if chosen:
            self._join.setText(chosen)

    def _browse_new(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, "New journal", _where_to_start(Path(self._new_path.text())), JOURNAL_FILTER
        )
        if chosen:
            self._new_path.setText(chosen)


_MISMATCH = "The two passphrases are not the same."


def _where_to_start(suggested: Path) -> str:
    """The suggested journal, its folder made first (private, as creating the journal
    would): a file dialog given a folder that does not exist yet, as the default location
    on a first run, opens the current folder instead. Where it cannot be made, the nearest
    folder that exists."""
    folder = suggested.expanduser().parent
    with contextlib.suppress(OSError):
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    while not folder.is_dir() and folder != folder.parent:
        folder = folder.parent
    return str(folder / suggested.name)


def prepare_backups(path: Path) -> ModuleType:
    """The vault module, told where this journal's backups go (the person's settings)."""
    from jobjournal.core.storage import vault
    from jobjournal.ui.journal.settings import backup_prefs

    prefs = backup_prefs(path)
    vault.set_backup_place(path, prefs.folder, prefs.keep, prefs.budget_mb)
    return vault


def _note(name: str) -> QLabel:
    """Small print under a field; wraps, so a long reason never widens the dialog."""
    label = QLabel()
    label.setAccessibleName(name)
    label.setWordWrap(True)
    label.setStyleSheet("color: palette(placeholder-text);")
    label.hide()
    return label


def _heading(text: str) -> QLabel:
    label = QLabel(f"<h2>{text}</h2>")
    return label


def _button(text: str, slot: object) -> QPushButton:
    button = QPushButton(text)
    button.setAccessibleName(text.replace("&", "").rstrip("…"))
    button.clicked.connect(slot)
    button.setAutoDefault(False)
    return button
