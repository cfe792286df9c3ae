"""`jobjournal [PATH]` / `python -m jobjournal`: open a journal (the default one if no PATH)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from jobjournal.ui.app import AppController


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="jobjournal", description=__doc__)
    parser.add_argument("path", nargs="?", type=Path, help="the journal file to open")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open a throwaway example journal (deleted when you quit)",
    )
    return parser.parse_args(argv)


def build(argv: list[str]) -> tuple[QApplication, AppController]:
    """The application and its controller, not yet shown (benchmarks time from here)."""
    args = parse_args(argv)
    from PySide6.QtWidgets import QApplication

    from jobjournal.ui.app import APP_ID, AppController
    from jobjournal.ui.settings import last_journal_path

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setOrganizationName("JobJournal")
    app.setApplicationName("jobjournal")
    app.setDesktopFileName(APP_ID)
    path = args.path.expanduser().absolute() if args.path else last_journal_path()
    return app, AppController(path, demo=args.demo)


def main(argv: list[str] | None = None) -> int:
    app, controller = build(sys.argv[1:] if argv is None else argv)
    controller.start()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
