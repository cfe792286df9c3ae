"""`jobjournal --self-test`: prove an installed or bundled copy has everything it needs.

Each step uses the real parts a person's first session uses — SQLCipher, the keyring
backends, python-docx, Qt's widgets and the icons — on a journal in a temporary folder
that is deleted afterwards; nothing in the person's own folders or keychain is touched.
It runs headless (Qt's offscreen platform unless QT_QPA_PLATFORM says otherwise) and
exits 0 only when every step passed, so a build pipeline can trust its exit code.

Each check imports what it checks, inside it: a part missing from a bundle fails its own
check with its name, and the others still run.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import os
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon

PASSPHRASE = "self-test passphrase"  # noqa: S105  # a throwaway journal in a temp folder
SENTINEL = "Selftest Sentinel Works"  # must never be readable in the journal file
# The keyring backend each system's keychain needs, which the bundle has to carry.
KEYCHAIN_BACKEND = {
    "linux": "keyring.backends.SecretService",
    "win32": "keyring.backends.Windows",
    "darwin": "keyring.backends.macOS",
}


def run_self_test() -> int:
    """Run every step, say how each went, and return the process's exit code."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="jobjournal-self-test-") as folder:
        os.environ["JOBJOURNAL_HOME"] = folder  # settings and paths stay in the temp folder
        checks = _Checks(Path(folder))
        for step in checks.steps():
            try:
                detail = step()
            except Exception:
                _say(f"FAILED {_name(step)}\n{traceback.format_exc()}")
                return 1
            _say(f"ok     {_name(step)}: {detail}")
    _say("self-test passed")
    return 0


class _Checks:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / "self-test.db"
        self.application_id = 0

    def steps(self) -> list[Callable[[], str]]:
        return [
            self.window_libraries,
            self.resources,
            self.create_and_write,
            self.lock_keeps_it_secret,
            self.unlock,
            self.wrong_passphrase_is_refused,
            self.letter,
            self.verify,
            self.main_window,
            self.keychain_backend,
        ]

    def window_libraries(self) -> str:
        """Linux: Qt's window plug-in (xcb) and everything it links are here or on the
        system, whatever display this runs on: the plug-in library is loaded for real."""
        if not sys.platform.startswith("linux"):
            return "not Linux: the system's own window plug-in"
        import ctypes

        from jobjournal.core.system import preflight

        folders = preflight.qt_folders()
        if folders is None:
            raise RuntimeError("Qt's platform plug-ins are not in this copy")
        plugins, own = folders
        plugin = plugins / "libqxcb.so"
        lacking = preflight.unresolved(plugin, own)
        if lacking:
            raise RuntimeError(preflight.Missing(tuple(lacking), "xcb").message())
        ctypes.CDLL(str(plugin))
        return f"{plugin.name} loads, with all {len(preflight.needed(plugin))} it links"

    def resources(self) -> str:
        from jobjournal.core.system.assets import DESKTOP_ENTRY, asset, icon_pngs

        asset(DESKTOP_ENTRY)
        icon_pngs()  # each size is a file of its own, for the desktop's menus
        icon = _app_icon()
        sizes = sorted(size.width() for size in icon.availableSizes())
        return f"icon sizes {sizes}, {DESKTOP_ENTRY}"

    def create_and_write(self) -> str:
        from jobjournal.core.storage import vault

        journal = vault.create(self.path, PASSPHRASE)
        journal.update_profile(name="Self Test", email="self.test@example.invalid")
        company_id = journal.find_or_add_company(SENTINEL).new_id
        self.application_id = journal.add_application(
            company_id=company_id, job_title="Test Engineer"
        ).new_id
        journal.lock()
        return f"{self.path.name}, {self.path.stat().st_size:,} bytes"

    def lock_keeps_it_secret(self) -> str:
        for file in self.folder.glob("self-test.db*"):
            if SENTINEL.encode() in file.read_bytes():
                raise AssertionError(f"{file.name} holds the journal's text unencrypted")
        return "no plaintext in the journal's files"

    def unlock(self) -> str:
        from jobjournal.core.storage import vault

        journal = vault.unlock(self.path, PASSPHRASE, remember=False)
        try:
            companies = [row.company for row in journal.list_applications()]
        finally:
            journal.lock()
        if companies != [SENTINEL]:
            raise AssertionError(f"read back {companies!r}")
        return "the application reads back"

    def wrong_passphrase_is_refused(self) -> str:
        from jobjournal.core.errors import WrongPassphrase
        from jobjournal.core.storage import vault

        try:
            vault.unlock(self.path, "not the passphrase", remember=False).lock()
        except WrongPassphrase as refused:
            return f"“{refused}”"
        raise AssertionError("a wrong passphrase opened the journal")

    def letter(self) -> str:
        from docx import Document

        from jobjournal.core.documents import docx_letter, letters
        from jobjournal.core.storage import vault

        journal = vault.unlock(self.path, PASSPHRASE, remember=False)
        try:
            facts = letters.gather(journal, self.application_id)
            draft = letters.draft("withdraw", facts, application_id=self.application_id)
        finally:
            journal.lock()
        exported = docx_letter.export(draft, self.folder)
        text = "\n".join(paragraph.text for paragraph in Document(str(exported)).paragraphs)
        if SENTINEL not in text or "Test Engineer" not in text:
            raise AssertionError(f"the letter does not name the application:\n{text}")
        return f"{exported.name}, {exported.stat().st_size:,} bytes"

    def verify(self) -> str:
        from jobjournal.core.storage import vault

        journal = vault.unlock(self.path, PASSPHRASE, remember=False)
        try:
            report = journal.vault.verify()
        finally:
            journal.lock()
        if not report.ok:
            raise AssertionError("; ".join(report.problems))
        return "encryption and structure checks pass"

    def main_window(self) -> str:
        from jobjournal.core.storage import vault
        from jobjournal.ui.applications.main_window import MainWindow

        journal = vault.unlock(self.path, PASSPHRASE, remember=False)
        window = MainWindow(journal)
        try:
            window.resize(1000, 700)
            window.show()
            picture = window.grab()
        finally:
            window.close()
            window.deleteLater()
            journal.lock()
        if picture.isNull():
            raise AssertionError("the main window drew nothing")
        return f"drawn at {picture.width()}×{picture.height()} on “{_platform()}”"

    def keychain_backend(self) -> str:
        """The OS's backend must be in the bundle; whether a keychain runs is the OS's."""
        from jobjournal.core.storage import keychain

        wanted = KEYCHAIN_BACKEND.get(sys.platform)
        if wanted is not None:
            importlib.import_module(wanted)
        registered = importlib.metadata.entry_points(group="keyring.backends")
        if not registered:
            raise AssertionError("keyring's backend list (its package metadata) is missing")
        return f"{wanted or 'no known backend'} present; {keychain.backend_status().reason}"


def _app_icon() -> QIcon:
    from PySide6.QtWidgets import QApplication

    from jobjournal.ui.journal.app import app_icon

    if QApplication.instance() is None:
        QApplication(sys.argv[:1])  # lives on as the instance until the process ends
    icon = app_icon()
    if icon.isNull():
        raise AssertionError("the app icon did not load")
    return icon


def _platform() -> str:
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.platformName()


def _name(step: Callable[[], str]) -> str:
    return step.__name__.replace("_", " ")


def _say(line: str) -> None:
    # A windowed Windows build has no console: sys.stdout is None there, and the exit
    # code is what a pipeline reads.
    if sys.stdout is not None:
        print(line, flush=True)
