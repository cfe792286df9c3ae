"""`jobjournal [PATH]` / `python -m jobjournal`: open a journal (the default one if no PATH)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="jobjournal", description=__doc__)
    parser.add_argument("path", nargs="?", type=Path, help="the journal file to open")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    from PySide6.QtWidgets import QApplication

    from jobjournal.ui.app import APP_ID, AppController
    from jobjournal.ui.settings import last_journal_path

    app = QApplication(sys.argv[:1])
    app.setOrganizationName("JobJournal")
    app.setApplicationName("jobjournal")
    app.setDesktopFileName(APP_ID)
    path = args.path.expanduser().absolute() if args.path else last_journal_path()
    controller = AppController(path)
    controller.start()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
