"""One journal on several computers, in the window (issue 27): Journal → Use on several
computers… turns it on (or joins the journal another computer syncs through that folder),
Journal → Sync conflicts… settles what both sides changed; `SyncKeeper` writes this
computer's changes a moment after each one and at lock, and merges the others' when their
files change, every few minutes, and on opening."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QFileSystemWatcher, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jobjournal.core.errors import InvalidInput, JournalError
from jobjournal.core.records.validation import label
from jobjournal.core.sync import chunks
from jobjournal.core.sync import merge as sync
from jobjournal.ui.shared.basics import (
    close_buttons,
    fit_on_screen,
    labelled_row,
    message_label,
    password_field,
    show_message,
)
from jobjournal.ui.shared.dialogs import (
    ActionDialog,
    dialog_buttons,
    enter_presses_only_the_default,
)
from jobjournal.ui.shared.fields import line_edit

if TYPE_CHECKING:
    from jobjournal.ui.applications.main_window import MainWindow

WRITE_AFTER_MS = 2_000  # a batch of changes, then one exchange file
MERGE_EVERY_MS = 120_000  # for sync tools that replace files where no watcher sees it
EXPLAINED = (
    "Your journal stays on this computer. Each computer writes its own encrypted "
    "exchange files into a folder you already keep in step between computers — "
    "Syncthing, Nextcloud, Dropbox, OneDrive, iCloud Drive, or a USB stick — and reads "
    "the others'. No file is written by two computers, so the sync tool never makes a "
    "conflicted copy. The files hold nothing readable without your passphrase."
)


class SyncKeeper(QObject):
    """Keeps a syncing journal in step while its window is open."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.write_timer = QTimer(self)
        self.write_timer.setSingleShot(True)
        self.write_timer.setInterval(WRITE_AFTER_MS)
        self.write_timer.timeout.connect(self.write)
        self.merge_timer = QTimer(self)
        self.merge_timer.setInterval(MERGE_EVERY_MS)
        self.merge_timer.timeout.connect(self.merge)
        self.settle = QTimer(self)  # the files of one sync arrive together: merge once
        self.settle.setSingleShot(True)
        self.settle.setInterval(1_000)
        self.settle.timeout.connect(self.merge)
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(lambda _path: self.settle.start())
        self.active = False

    def start(self) -> None:
        """On opening a journal that syncs: merge what came, then keep watching."""
        if not sync.is_syncing(self.window.journal):
            return
        self.active = True
        self.merge()
        self.merge_timer.start()

    def changed(self) -> None:
        if self.active:
            self.write_timer.start()

    def write(self) -> None:
        if not self.active or self.window.journal.is_locked:
            return
        try:
            sync.write_own(self.window.journal)
        except (JournalError, OSError) as error:
            self.window.statusBar().showMessage(f"Not written for the other computers: {error}")

    def merge(self) -> sync.Report | None:
        if not self.active or self.window.journal.is_locked:
            return None
        if self.window.detail.dirty:  # never redraw under what the person is typing
            self.settle.start()
            return None
        try:
            report = sync.merge(self.window.journal)
        except (JournalError, OSError) as error:
            self.window.statusBar().showMessage(f"The other computers' changes wait: {error}")
            return None
        self._watch()
        if report.rows:
            self.window.refresh(select=None)
        self._tell(report)
        return report

    def stop(self) -> None:
        """Before the journal locks: what changed goes out now."""
        if self.active:
            self.write_timer.stop()
            self.merge_timer.stop()
            self.settle.stop()
            self.write()
        self.active = False

    def _watch(self) -> None:
        with self.window.journal.reading() as connection:
            settings = sync.settings_of(connection)
        root = chunks.journal_folder(settings.folder, settings.journal_id)
        wanted = (
            [str(root)] + [str(p) for p in root.iterdir() if p.is_dir()] if root.is_dir() else []
        )
        missing = [path for path in wanted if path not in self.watcher.directories()]
        if missing:
            self.watcher.addPaths(missing)

    def _tell(self, report: sync.Report) -> None:
        parts = []
        if report.rows:
            parts.append(f"Merged the other computers' changes ({report.rows} records).")
        conflicts = sync.conflict_count(self.window.journal)
        if conflicts:
            parts.append(
                f"{conflicts} change{'s' if conflicts != 1 else ''} to choose: Journal → Sync "
                "conflicts…"
            )
        parts += report.refused
        if parts:
            self.window.statusBar().showMessage(" ".join(parts), 30_000)


class SyncDialog(ActionDialog):
    """Start syncing this journal through a folder, or join the one already there."""

    def __init__(self, parent: QWidget, journal: Any) -> None:
        super().__init__(parent)
        self.journal = journal
        self.setWindowTitle("Use on several computers")
        self.setAccessibleName("Use on several computers")
        explained = QLabel(EXPLAINED)
        explained.setWordWrap(True)
        self.folder = line_edit("Sync folder", "A folder your sync tool keeps in step")
        browse = QPushButton("&Browse…")
        browse.setAccessibleName("Choose the sync folder")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        self.name = line_edit("This computer's name", "shown beside what it records")
        self.name.setText(socket.gethostname())
        self.passphrase = password_field("Passphrase")
        form = QFormLayout()
        labelled_row(form, "Sync &folder:", row, self.folder)
        labelled_row(form, "This computer's &name:", self.name)
        labelled_row(form, "&Passphrase:", self.passphrase)
        self.message = message_label("Sync message")
        layout = QVBoxLayout(self)
        layout.addWidget(explained)
        layout.addLayout(form)
        layout.addWidget(self.message)
        buttons = dialog_buttons(self, "&Start syncing", "Start syncing")
        self.ok = buttons.buttons()[0]
        layout.addWidget(buttons)
        self.folder.textChanged.connect(self._say_join_or_start)
        self.action = self.start
        fit_on_screen(self, 600, 360)
        enter_presses_only_the_default(self)

    def _say_join_or_start(self, typed: str) -> None:
        """A folder that holds a synced journal is joined, not started."""
        folder = Path(typed.strip()).expanduser() if typed.strip() else None
        joining = folder is not None and folder.is_dir() and any(folder.glob("jobjournal-*"))
        self.ok.setText("&Join the journal there" if joining else "&Start syncing")

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, "Sync folder", self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def start(self) -> None:
        typed = self.folder.text().strip()
        if not typed:
            raise InvalidInput("Choose the folder your sync tool keeps in step.")
        folder = Path(typed).expanduser()
        if not folder.is_dir():
            raise InvalidInput(f"There is no folder {folder}: make it first, or choose another.")
        passphrase = self.passphrase.text()
        existing = sorted(folder.glob("jobjournal-*"))
        if existing and self.journal.count_applications():
            raise InvalidInput(
                "This folder already syncs a journal. To join it, start a new, empty journal "
                "on this computer and choose the folder there; or choose another folder."
            )
        journal_id = sync.joinable(folder, passphrase) if existing else None
        sync.enable(self.journal, folder, passphrase, self.name.text(), journal_id=journal_id)
        if journal_id is None:
            sync.write_own(self.journal)
            return
        report = sync.merge(self.journal)  # joining: what the others wrote, now
        if report.refused and not report.files:
            raise InvalidInput(" ".join(report.refused))


class SyncStatusDialog(ActionDialog):
    """A journal that syncs: where, with which computers; the passphrase another computer
    changed to, typed here so its files are read again."""

    ask_before_discarding = False

    def __init__(self, parent: QWidget, journal: Any) -> None:
        super().__init__(parent)
        self.journal = journal
        self.setWindowTitle("Use on several computers")
        self.setAccessibleName("Syncing")
        now = sync.status(journal)
        others = ", ".join(now.others) or "none yet"
        told = QLabel(
            f"This journal syncs through {now.folder}.\nThis computer: {now.computer_name}. "
            f"The others: {others}.\nConflicts to choose: {now.conflicts}."
        )
        told.setAccessibleName("Sync status")
        told.setWordWrap(True)
        told.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.passphrase = password_field("New passphrase of the other computers")
        form = QFormLayout()
        labelled_row(form, "Their &new passphrase:", self.passphrase)
        hint = QLabel(
            "Only when another computer changed the passphrase: its files are read with "
            "the new one from now on (change this journal's own to match in Journal → "
            "Change passphrase)."
        )
        hint.setWordWrap(True)
        self.message = message_label("Syncing message")
        layout = QVBoxLayout(self)
        layout.addWidget(told)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.message)
        layout.addWidget(dialog_buttons(self, "&Merge now", "Merge now"))
        self.report: sync.Report | None = None
        self.action = self.merge_now
        fit_on_screen(self, 560, 300)
        enter_presses_only_the_default(self)

    def merge_now(self) -> None:
        typed = self.passphrase.text()
        self.report = (
            sync.use_passphrase(self.journal, typed) if typed else sync.merge(self.journal)
        )
        if self.report.refused:
            raise InvalidInput(" ".join(self.report.refused))


class ConflictsDialog(ActionDialog):
    """What two computers changed without seeing each other's change: choose per field."""

    ask_before_discarding = False

    def __init__(self, parent: QWidget, journal: Any) -> None:
        super().__init__(parent)
        self.journal = journal
        self.setWindowTitle("Sync conflicts")
        self.setAccessibleName("Sync conflicts")
        self.list = QListWidget()
        self.list.setAccessibleName("Conflicts")
        self.list.setWordWrap(True)
        self.keep = QPushButton("&Keep what is here")
        self.keep.setAccessibleName("Keep what is here")
        self.keep.clicked.connect(lambda: self.choose(take_other=False))
        self.take = QPushButton("&Take the other")
        self.take.setAccessibleName("Take the other")
        self.take.clicked.connect(lambda: self.choose(take_other=True))
        row = QHBoxLayout()
        row.addWidget(self.keep)
        row.addWidget(self.take)
        row.addStretch(1)
        self.message = message_label("Conflicts message")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Changed on two computers, neither knowing of the other:"))
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(close_buttons(self))
        fit_on_screen(self, 640, 420)
        enter_presses_only_the_default(self)
        self.chosen = 0
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        for conflict in sync.conflicts(self.journal):
            item = QListWidgetItem(_conflict_text(conflict))
            item.setData(Qt.ItemDataRole.UserRole, conflict.id)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        else:
            self.list.addItem("Nothing to choose: every computer agrees.")
        for button in (self.keep, self.take):
            button.setEnabled(bool(sync.conflicts(self.journal)))

    def choose(self, *, take_other: bool) -> None:
        item = self.list.currentItem()
        conflict_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if conflict_id is None:
            return
        try:
            sync.choose(self.journal, conflict_id, take_other)
        except JournalError as error:
            show_message(self.message, str(error))
            return
        self.chosen += 1
        self.reload()


def _conflict_text(conflict: sync.Conflict) -> str:
    if conflict.deletion:
        now = "deleted" if conflict.kept == 0 else "kept"
        other = "keep it" if conflict.other == 1 else "delete it"
        return (
            f"{conflict.what}: deleted on one computer while changed on the other. Now "
            f"{now} ({conflict.kept_by}); the other choice: {other} ({conflict.other_by})."
        )
    return (
        f"{conflict.what} — {label(conflict.column)}: here “{conflict.kept}” "
        f"({conflict.kept_by}); the other: “{conflict.other}” ({conflict.other_by})"
    )
