"""Pictures of every window at one screen size and theme, on a throwaway example journal:

    Xvfb :98 -screen 0 1920x1080x24 &
    DISPLAY=:98 QT_QPA_PLATFORM=xcb .venv/bin/python docs/screenshots/take.py dark

writes docs/screenshots/<width>x<height>/<theme>/<name>.png: the first run, the table with
an application open, the board, and every dialog the menus open (the list the size and
keyboard tests walk, `tests/dialog_openers.py`). Nothing touches the real home folder.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
os.environ["JOBJOURNAL_HOME"] = tempfile.mkdtemp(prefix="jobjournal-shots-")
sys.path[:0] = [str(ROOT / "tests"), str(ROOT)]

import keyring  # noqa: E402
from keyring.backends.fail import Keyring as FailKeyring  # noqa: E402
from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from jobjournal.core.storage import vault  # noqa: E402
from jobjournal.core.work import demo  # noqa: E402

PASSPHRASE = "screenshots"


def settle(app: QApplication, ms: int = 250) -> None:
    """Let layouts, timers and the first paints run."""
    done: list[bool] = []
    QTimer.singleShot(ms, lambda: done.append(True))
    while not done:
        app.processEvents()


def save(widget: QWidget, folder: Path, name: str) -> None:
    widget.grab().save(str(folder / f"{name}.png"))
    print(f"{folder.name}/{name}.png  {widget.width()}×{widget.height()}")


def main() -> None:
    theme_name = sys.argv[1] if len(sys.argv) > 1 else "light"
    app = QApplication(sys.argv[:1])
    from dialog_openers import OPENERS

    from jobjournal.ui.applications.main_window import MainWindow
    from jobjournal.ui.journal.unlock_dialog import UnlockDialog
    from jobjournal.ui.shared.theme import apply_theme

    apply_theme(theme_name)
    keyring.set_keyring(FailKeyring())  # as on this machine: the tests' plug-ins are loaded

    screen = app.primaryScreen().availableGeometry()
    folder = Path(__file__).parent / f"{screen.width()}x{screen.height()}" / theme_name
    folder.mkdir(parents=True, exist_ok=True)
    home = Path(os.environ["JOBJOURNAL_HOME"])

    wizard = UnlockDialog(home / "new.db", first_run=True)
    wizard.show()
    settle(app)
    save(wizard, folder, "first-run-wizard")
    wizard.hide()

    empty = vault.create(home / "empty.db", PASSPHRASE)
    window = MainWindow(empty)
    window.showMaximized()
    settle(app)
    save(window, folder, "first-run-window")
    window.shutdown()
    window.close()
    empty.lock()

    journal = vault.create(home / "example.db", PASSPHRASE)
    demo.fill_demo(journal)
    unlock = UnlockDialog(journal.path, first_run=False)
    unlock.show()
    settle(app)
    save(unlock, folder, "unlock")
    unlock.hide()
    window = MainWindow(journal)
    window.showMaximized()
    settle(app)
    window.show_table()
    northwind = next(r.id for r in journal.list_applications() if r.company.startswith("North"))
    window.show_all_if_hidden(northwind)
    settle(app)
    save(window, folder, "table-with-details")
    window.detail.clear()
    window.show_board()
    settle(app)
    save(window, folder, "board")
    window.show_table()
    settle(app)
    for name, open_it in OPENERS.items():
        if name == "main window":
            continue
        shown = open_it(window, journal)
        shown.show()
        settle(app)
        save(shown, folder, name.replace(" ", "-"))
        QWidget.close(shown)
    window.detail.dirty = False
    window.shutdown()
    window.close()
    journal.lock()


if __name__ == "__main__":
    main()
