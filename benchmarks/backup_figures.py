"""unlock_to_table_100k, backup_100k and backup_100k_stall (the faults issue).

unlock_to_table_100k: the real unlock window and main window on the 100,000-application
journal, from Enter in the passphrase field to the first paint of the table, on an unlock
with the daily backup due, against the same unlock with none due (alternating).

backup_100k: the daily backup of that journal as the app makes it (its own connection,
`VACUUM INTO`, then the copy checked), against a raw sqlcipher3 `VACUUM INTO` of it.
backup_100k_stall: the longest gap between ticks of a 5 ms timer in the GUI thread while
that backup runs on its thread, against the longest gap with no backup running.
"""

from __future__ import annotations

import itertools
import statistics
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from benchmarks import big_journal
from benchmarks.common import Figure

UNLOCKS = 5  # of each kind, alternating
BACKUPS = 3


def _app() -> Any:
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])


def _timed_unlock(path: Path, backups_folder: Path) -> float:
    """Enter in the unlock window to the table's first paint, in ms."""
    from PySide6.QtCore import QEvent, QObject, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QLineEdit

    from jobjournal.ui.journal import settings
    from jobjournal.ui.journal.app import AppController

    app = _app()
    settings.set_backup_prefs(path, settings.BackupPrefs(backups_folder, 10))
    settings.set_main_view("table")  # the figure waits for the table's paint
    controller = AppController(path)
    controller.start()
    deadline = time.perf_counter() + 5
    while time.perf_counter() < deadline:  # painted, and the keychain asked (not remembered)
        app.processEvents()
    field = next(
        w for w in controller.dialog.findChildren(QLineEdit) if w.accessibleName() == "Passphrase"
    )
    field.setText(big_journal.PASSPHRASE)
    painted: list[float] = []

    class TablePaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            window = controller.window
            if (
                not painted
                and event.type() == QEvent.Type.Paint
                and window is not None
                and watched is window.table.viewport()
            ):
                painted.append(time.perf_counter())
            return False

    spy = TablePaint()
    app.installEventFilter(spy)
    started = time.perf_counter()
    QTest.keyClick(field, Qt.Key.Key_Return)
    while not painted:
        app.processEvents()
    app.removeEventFilter(spy)
    for _ in range(20):  # let the daily backup start, as it would for a person
        app.processEvents()
        time.sleep(0.01)
    controller.quit()  # locks: a running backup is stopped
    controller.dialog.close()
    return (painted[0] - started) * 1000


def unlock_to_table_100k() -> Figure:
    path = big_journal.path()
    if not path.exists():
        big_journal.open_big_journal().lock()
    with tempfile.TemporaryDirectory(prefix="jobjournal-bench-") as folder:
        due, fresh = Path(folder) / "due", Path(folder) / "fresh"
        fresh.mkdir()
        # A backup made just now (by name and time, which is what decides "due").
        (fresh / f"{path.stem}-29991231-000000.db").write_bytes(b"")
        due_ms, fresh_ms = [], []
        for _ in range(UNLOCKS):
            for leftover in due.glob("*") if due.exists() else []:
                leftover.unlink()
            due_ms.append(_timed_unlock(path, due))
            fresh_ms.append(_timed_unlock(path, fresh))
    return Figure(
        "unlock_to_table_100k",
        statistics.median(due_ms),
        "same_unlock_no_backup_due",
        statistics.median(fresh_ms),
        "<= 2500 ms and <= 1.2x",
    )


def _raw_vacuum_into(path: Path, target: Path) -> None:
    import sqlcipher3.dbapi2 as sqlcipher

    from jobjournal.core.storage.crypto import derive_key, read_salt

    connection = sqlcipher.connect(str(path))
    connection.execute(
        f"PRAGMA key = {derive_key(big_journal.PASSPHRASE, read_salt(path)).pragma_literal()}"
    )
    connection.execute("VACUUM INTO ?", (str(target),))
    connection.close()


def _backups_with_stall() -> tuple[list[float], list[float], list[float]]:
    """(backup ms, longest GUI gap ms during each, longest gap ms with no backup)."""
    from PySide6.QtCore import QTimer

    app = _app()
    journal = big_journal.open_big_journal()
    took, stalls, quiet = [], [], []
    with tempfile.TemporaryDirectory(prefix="jobjournal-bench-") as folder:
        journal.vault.place_backups(Path(folder), keep=1)
        try:
            for _ in range(BACKUPS):
                done = threading.Event()
                timing: list[float] = []

                def back_up(done: threading.Event = done, timing: list[float] = timing) -> None:
                    started = time.perf_counter()
                    journal.vault.backup()
                    timing.append((time.perf_counter() - started) * 1000)
                    done.set()

                worker = threading.Thread(target=back_up)
                stalls.append(_longest_gap(app, QTimer, lambda w=worker: w.start(), done))
                worker.join()
                took.extend(timing)
                idle = threading.Event()
                threading.Timer(2.0, idle.set).start()
                quiet.append(_longest_gap(app, QTimer, lambda: None, idle))
        finally:
            journal.lock()
    return took, stalls, quiet


def _longest_gap(app: Any, timer_class: Any, start: Any, done: threading.Event) -> float:
    ticks: list[float] = []
    timer = timer_class()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    start()
    while not done.is_set():
        app.processEvents()
        time.sleep(0.001)
    timer.stop()
    gaps = [(b - a) * 1000 for a, b in itertools.pairwise(ticks)]
    return max(gaps, default=0.0)


_measured: dict[str, tuple[list[float], list[float], list[float]]] = {}


def _measure() -> tuple[list[float], list[float], list[float]]:
    if "backups" not in _measured:
        _measured["backups"] = _backups_with_stall()
    return _measured["backups"]


def backup_100k() -> Figure:
    took, _, _ = _measure()
    raw = []
    with tempfile.TemporaryDirectory(prefix="jobjournal-bench-") as folder:
        for n in range(BACKUPS):
            target = Path(folder) / f"raw-{n}.db"
            started = time.perf_counter()
            _raw_vacuum_into(big_journal.path(), target)
            raw.append((time.perf_counter() - started) * 1000)
            target.unlink()
    return Figure(
        "backup_100k",
        statistics.median(took),
        "raw_sqlcipher3_vacuum_into",
        statistics.median(raw),
        "report (it runs beside editing)",
    )


def backup_100k_stall() -> Figure:
    _, stalls, quiet = _measure()
    return Figure(
        "backup_100k_stall",
        max(stalls),
        "longest_gap_with_no_backup",
        max(quiet),
        "<= 50 ms",
    )
