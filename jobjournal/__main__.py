"""`jobjournal [PATH]` / `python -m jobjournal`: open a journal (the default one if no PATH).

Everything past the arguments is imported inside the functions: nothing heavy may sit
in front of the first paint (`make bench FIGURE=startup_first_paint`).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING

# Set by benchmarks/bundle_figures.py to time a start from process launch to first paint.
EXIT_ON_FIRST_PAINT = "JOBJOURNAL_EXIT_ON_FIRST_PAINT"

if TYPE_CHECKING:
    import argparse

    from PySide6.QtWidgets import QApplication

    from jobjournal.ui.journal.app import AppController


# A double-click passes no argument: its options are these, without building a parser
# (argparse and its translations cost 5 ms before the first paint).
_NO_ARGUMENTS = {
    "path": None,
    "demo": False,
    "self_test": False,
    "install_desktop": False,
    "uninstall_desktop": False,
}


def parse_args(argv: list[str]) -> argparse.Namespace:
    if not argv:
        return SimpleNamespace(**_NO_ARGUMENTS)  # type: ignore[return-value]
    return parser().parse_args(argv)


def parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(prog="jobjournal", description=__doc__)
    parser.add_argument("path", nargs="?", type=Path, help="the journal file to open")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open a throwaway example journal (deleted when you quit)",
    )
    once = parser.add_mutually_exclusive_group()
    once.add_argument(
        "--self-test",
        action="store_true",
        help="check this copy works (a journal in a temporary folder), then exit",
    )
    once.add_argument(
        "--install-desktop",
        action="store_true",
        help="Linux: add jobjournal to your application menu, then exit",
    )
    once.add_argument(
        "--uninstall-desktop",
        action="store_true",
        help="Linux: remove it from your application menu, then exit",
    )
    return parser


def build(argv: list[str]) -> tuple[QApplication, AppController]:
    """The application and its controller, not yet shown (benchmarks time from here)."""
    args = parse_args(argv)
    from PySide6.QtWidgets import QApplication

    from jobjournal import APP_ID
    from jobjournal.ui.journal.app import AppController, app_icon
    from jobjournal.ui.journal.first_paint import after_first_paint
    from jobjournal.ui.journal.settings import last_journal_path

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setOrganizationName("JobJournal")
    app.setApplicationName("jobjournal")
    app.setDesktopFileName(APP_ID)
    path = args.path.expanduser().absolute() if args.path else last_journal_path()
    controller = AppController(path, demo=args.demo)
    # Every window takes the app's icon, then and later. Finding its eight PNGs and
    # creating Qt's icon class cost 3 ms, so that waits for the first paint; the desktop
    # already shows the entry's icon, matched by the desktop file name or WM class.
    after_first_paint(controller.dialog, lambda: app.setWindowIcon(app_icon()))
    return app, controller


def run_once(args: argparse.Namespace) -> int | None:
    """The options that do one thing and exit; None when the app should start."""
    if args.self_test:
        from jobjournal.ui.journal.self_test import run_self_test

        return run_self_test()
    if args.install_desktop or args.uninstall_desktop:
        return _desktop_entry(install=args.install_desktop)
    return None


def _desktop_entry(*, install: bool) -> int:
    from jobjournal.core.errors import JournalError
    from jobjournal.core.system import desktop_entry

    if not sys.platform.startswith("linux"):
        print("The menu entry is for Linux desktops; on this system, pin the app instead.")
        return 2
    try:
        files = desktop_entry.install() if install else desktop_entry.uninstall()
    except JournalError as error:
        print(error, file=sys.stderr)
        return 1
    done = "Added to" if install else "Removed from"
    print(f"{done} your application menu: {len(files)} files")
    for path in files:
        print(f"  {path}")
    return 0


def _window_libraries_missing() -> int | None:
    """Exit 1 with the missing libraries named, before Qt aborts with a wrong name."""
    from jobjournal.core.storage import paths
    from jobjournal.core.system import preflight

    missing = preflight.check_once(paths.config_dir() / "window-libraries-checked")
    if missing is None:
        return None
    preflight.tell(missing)
    return 1


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    finished = run_once(parse_args(argv))
    if finished is not None:
        return finished
    if (missing := _window_libraries_missing()) is not None:
        return missing
    app, controller = build(argv)
    if os.environ.get(EXIT_ON_FIRST_PAINT):
        from jobjournal.ui.journal.first_paint import exit_on_first_paint

        exit_on_first_paint(controller.dialog)
    controller.start()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
