"""csv_import_rate and note_show_5mb (the inputs issue).

csv_import_rate: a 100,000-row tracker CSV read, planned and imported into a new journal,
against raw sqlcipher3 inserting the same rows into a bare table in the same run; the
target is a rate, so the line also says the rows per second.

note_show_5mb: the real main window opening an application whose note is 5 MB on one
line (the worst case for laying text out), against a bare QPlainTextEdit given the same
note: what the app shows at once versus what a plain field would make the person wait.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import keyring
import sqlcipher3.dbapi2 as sqlcipher

from benchmarks.common import BenchKeyring, Figure, median_ms
from jobjournal.core.documents import csv_import
from jobjournal.core.records import plain
from jobjournal.core.storage import vault
from jobjournal.core.work.demo import fill_demo

ROWS = 100_000
NOTE = "One very long pasted line, as a job posting copied whole. " * 86_000  # ≈ 5 MB
_STATUSES = ("Applied", "Rejected", "Interviewing", "Offer", "", "Ghosted", "Wishlist")
_HEADER = ("Company", "Title", "Status", "Date Applied", "Location", "URL", "Source", "Notes")


def _rows() -> list[tuple[str, ...]]:
    return [
        (
            f"Company {n % 9000}",
            f"Engineer {n}",
            _STATUSES[n % 7],
            f"2026-0{n % 9 + 1}-1{n % 9}",
            "Zürich, CH",
            f"https://jobs.example/{n}",
            "LinkedIn",
            f"Note {n}, with a comma",
        )
        for n in range(ROWS)
    ]


def csv_import_rate() -> Figure:
    import csv

    keyring.set_keyring(BenchKeyring())
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        rows = _rows()
        source = folder / "tracker.csv"
        with source.open("w", newline="", encoding="utf-8") as file:
            csv.writer(file).writerows([_HEADER, *rows])
        journals = iter(range(100))

        def ours() -> None:
            journal = vault.create(folder / f"j{next(journals)}.db", "benchmark passphrase")
            try:
                sheet = csv_import.read_csv(source)
                plan = csv_import.plan_import(
                    journal, sheet, csv_import.guess_mapping(sheet.headers)
                )
                assert len(plan.to_import) == ROWS
                csv_import.run_import(journal, plan)
            finally:
                journal.lock()

        def raw() -> None:
            connection = sqlcipher.connect(str(folder / f"raw{next(journals)}.db"))
            connection.execute("PRAGMA key = 'benchmark passphrase'")
            connection.execute(f"CREATE TABLE t ({', '.join(f'c{i}' for i in range(8))})")
            with connection:
                connection.executemany(f"INSERT INTO t VALUES ({', '.join('?' * 8)})", rows)
            connection.close()

        ours_ms, raw_ms = median_ms(ours, 3), median_ms(raw, 3)
    rate = ROWS / (ours_ms / 1000)
    return Figure(
        "csv_import_rate",
        ours_ms,
        "raw_sqlcipher3_insert_100k",
        raw_ms,
        f">= 5,000 rows/s, read + plan + import; this run {rate:,.0f} rows/s",
    )


def note_show_5mb() -> Figure:
    from PySide6.QtWidgets import QApplication, QPlainTextEdit

    from jobjournal.ui.applications.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    keyring.set_keyring(BenchKeyring())
    with tempfile.TemporaryDirectory() as folder:
        journal = vault.create(Path(folder) / "notes.db", "benchmark passphrase")
        fill_demo(journal)
        big, other = (a.id for a in journal.all(plain.Application)[:2])
        journal.update_application(big, notes=NOTE)
        window = MainWindow(journal)
        try:
            window.resize(1366, 768)
            window.show()
            app.processEvents()

            def show(application_id: int) -> None:
                window._show_details(application_id)
                window.detail.repaint()

            ours = median_ms(lambda: show(big), 7, setup=lambda: show(other))
            bare = QPlainTextEdit()
            bare.resize(600, 300)
            bare.show()

            def bare_show() -> None:
                bare.setPlainText(NOTE)
                bare.repaint()

            baseline = median_ms(bare_show, 3, setup=bare.clear)
        finally:
            window.shutdown()
            window.close()
            journal.lock()
    return Figure(
        "note_show_5mb", ours, "bare_qplaintextedit_5mb", baseline, "<= 300 ms to show it"
    )
