"""contacts_open (issue 26): the Contacts window opened on a journal of 10,000 contacts
at 800 organisations, until its list has painted its first rows, against the raw
sqlcipher3 query that reads the same rows in the same order."""

from __future__ import annotations

import random
import tempfile
from pathlib import Path
from typing import Any

from benchmarks.common import Figure, median_ms

CONTACTS = 10_000
ORGANISATIONS = 800
REPEAT = 15
PASSPHRASE = "bench passphrase"
FIRST_NAMES = "Ana Bjørn Chen Dara Émile Farah Goran Hana Ines Jonas Kemal Lena Mads Noor".split()  # noqa: SIM905
LAST_NAMES = "Okafor Ångström Nakamura Silva Şahin Müller Kowalski Haddad Rossi Dubois".split()  # noqa: SIM905


def _fill(journal: Any) -> None:
    from jobjournal.core.records.folding import fold, order_key

    rng = random.Random(26)
    with journal.session() as session:
        connection = session.connection()
        organisations = [(i, f"Organisation {i:04d}") for i in range(1, ORGANISATIONS + 1)]
        connection.exec_driver_sql(
            "INSERT INTO companies (id, name, website, location, notes, name_fold, name_order) "
            "VALUES (?, ?, '', '', '', ?, ?)",
            [(i, name, fold(name), order_key(name)) for i, name in organisations],
        )
        rows = []
        for i in range(1, CONTACTS + 1):
            name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)} {i}"
            contacted = (
                None if i % 7 == 0 else f"2026-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}"
            )
            rows.append(
                (i, name, rng.randint(1, ORGANISATIONS), contacted, fold(name), order_key(name))
            )
        connection.exec_driver_sql(
            "INSERT INTO contacts (id, name, title, company_id, email, phone, how_we_met, "
            "relation, notes, last_contacted_on, profile_url, name_fold, name_order) "
            "VALUES (?, ?, '', ?, '', '', '', 'former_colleague', '', ?, '', ?, ?)",
            rows,
        )


def contacts_open() -> Figure:
    from PySide6.QtWidgets import QApplication, QWidget
    from sqlcipher3 import dbapi2 as sqlcipher

    from jobjournal.core.storage import vault
    from jobjournal.core.storage.crypto import derive_key, read_salt
    from jobjournal.core.work import network
    from jobjournal.ui.network.contacts_window import ContactsWindow
    from jobjournal.ui.shared.runner import Runner

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory(prefix="jobjournal-bench-") as folder:
        path = Path(folder) / "network.db"
        journal = vault.create(path, PASSPHRASE)
        _fill(journal)
        raw = sqlcipher.connect(str(path))
        raw.execute(f"PRAGMA key = {derive_key(PASSPHRASE, read_salt(path)).pragma_literal()}")
        raw.execute(f"PRAGMA cache_size = -{vault.CACHE_KIB}")
        host = QWidget()
        runner = Runner(journal)
        opened: list[Any] = []

        def open_window() -> None:
            window = ContactsWindow(host, journal, runner)
            window.show()
            app.processEvents()
            window.table.viewport().repaint()
            opened.append(window)

        def close_window() -> None:
            for window in opened:
                window.close()
                window.deleteLater()
            opened.clear()
            app.processEvents()

        sql = (
            "SELECT contacts.id, contacts.name, contacts.title, "
            "coalesce(companies.name, ''), contacts.relation, contacts.last_contacted_on, "
            "contacts.follow_up_on FROM contacts LEFT OUTER JOIN companies "
            "ON companies.id = contacts.company_id ORDER BY contacts.last_contacted_on IS NULL, "
            "contacts.last_contacted_on DESC, contacts.name_order, contacts.id"
        )

        def raw_rows() -> object:
            return raw.execute(sql).fetchall()

        try:
            assert len(network.contact_rows(journal)) == CONTACTS
            open_window()  # warm
            close_window()
            ours = median_ms(open_window, REPEAT, teardown=close_window)
            raw_rows()
            raw_ms = median_ms(raw_rows, REPEAT)
        finally:
            close_window()
            raw.close()
            journal.lock()
    return Figure("contacts_open", ours, "raw_sqlcipher3_all_contacts", raw_ms, "<= 150 ms")
