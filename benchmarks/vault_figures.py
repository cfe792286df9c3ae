"""unlock_remembered and unlock_passphrase (the vault issue)."""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path

import keyring
import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import text

from benchmarks.common import BenchKeyring, Figure, median_ms
from jobjournal.core.records.journal import Journal
from jobjournal.core.storage import vault
from jobjournal.core.storage.crypto import derive_key, read_salt

PASSPHRASE = "benchmark passphrase"


def _journal(folder: Path) -> Path:
    keyring.set_keyring(BenchKeyring())
    path = folder / "bench.db"
    journal = vault.create(path, PASSPHRASE, remember=True)
    with journal.session() as session:
        session.execute(text("INSERT INTO journal_info VALUES ('k', 'v')"))
    journal.lock()
    vault.unlock(path).lock()  # warm up, and make today's backup so it is not timed
    return path


def _first_query(journal: Journal) -> None:
    # A read, as the window's first list is (`Journal.reading`); the first unit of work
    # (`session()`) also writes the session mark, once, which costs a sync or two.
    with journal.reading() as connection:
        connection.execute(text("SELECT count(*) FROM journal_info")).scalar()


def _raw_connect_key_query(path: Path, key_literal: str) -> None:
    connection = sqlcipher.connect(str(path))
    connection.execute(f"PRAGMA key = {key_literal}")
    connection.execute("SELECT count(*) FROM journal_info").fetchone()
    connection.close()


def unlock_remembered() -> Figure:
    with tempfile.TemporaryDirectory() as folder:
        path = _journal(Path(folder))
        literal = derive_key(PASSPHRASE, read_salt(path)).pragma_literal()
        opened: list[Journal] = []

        def unlock_and_query() -> None:
            journal = vault.unlock(path)
            _first_query(journal)
            opened.append(journal)

        ours = median_ms(unlock_and_query, 200, teardown=lambda: opened.pop().lock())
        raw = median_ms(lambda: _raw_connect_key_query(path, literal), 200)
    return Figure("unlock_remembered", ours, "raw_sqlcipher3_open", raw, "<= 5 ms and <= 10x")


def unlock_passphrase() -> Figure:
    with tempfile.TemporaryDirectory() as folder:
        path = _journal(Path(folder))
        salt = read_salt(path)
        opened: list[Journal] = []

        def unlock_and_query() -> None:
            journal = vault.unlock(path, PASSPHRASE)
            _first_query(journal)
            opened.append(journal)

        def one_derivation() -> None:
            hashlib.pbkdf2_hmac("sha512", PASSPHRASE.encode(), salt, 256_000, 32)

        ours = median_ms(unlock_and_query, 9, teardown=lambda: opened.pop().lock())
        bare = median_ms(one_derivation, 9)
    return Figure("unlock_passphrase", ours, "one_pbkdf2_derivation", bare, "one derivation, ~1x")
