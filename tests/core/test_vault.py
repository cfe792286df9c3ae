"""Creating, unlocking, locking, rekeying, backing up and restoring a real encrypted file."""

from __future__ import annotations

import os
import stat
from datetime import timedelta
from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import text
from support import PASSPHRASE, snapshot

from jobjournal.core.errors import (
    InvalidInput,
    JournalDamaged,
    JournalExists,
    JournalNotFound,
    JournalTooNew,
    WrongPassphrase,
)
from jobjournal.core.records import plain
from jobjournal.core.records.journal import Journal
from jobjournal.core.storage import migrations, paths, vault
from jobjournal.core.storage.crypto import derive_key, read_salt


def put(journal: Journal, key: str, value: str) -> None:
    with journal.session() as session:
        session.execute(text("INSERT INTO journal_info VALUES (:k, :v)"), {"k": key, "v": value})


def get(journal: Journal, key: str) -> str | None:
    with journal.session() as session:
        return session.execute(
            text("SELECT value FROM journal_info WHERE key = :k"), {"k": key}
        ).scalar()


def open_with_sqlcipher(path: Path, passphrase: str) -> list[tuple[str, str]]:
    """What any SQLCipher 4 tool does: the passphrase as the key, default settings."""
    connection = sqlcipher.connect(str(path))
    try:
        connection.execute(f"PRAGMA key = '{passphrase}'")
        rows = connection.execute("SELECT key, value FROM journal_info").fetchall()
        return [row for row in rows if row[0] not in (vault.SESSION_MARK, vault.UNBACKED_MARK)]
    finally:
        connection.close()


@pytest.fixture
def journal_path() -> Path:
    return paths.default_journal_path()


@pytest.fixture
def journal(journal_path: Path) -> Journal:
    created = vault.create(journal_path, PASSPHRASE)
    yield created
    created.lock()


def test_created_journal_reopens_with_its_passphrase(journal: Journal, journal_path: Path) -> None:
    put(journal, "greeting", "hello")
    journal.lock()
    reopened = vault.unlock(journal_path, PASSPHRASE)
    assert get(reopened, "greeting") == "hello"
    reopened.lock()


def test_journal_opens_in_any_sqlcipher_tool_with_the_passphrase_alone(
    journal: Journal, journal_path: Path
) -> None:
    put(journal, "greeting", "hello")
    journal.lock()
    assert open_with_sqlcipher(journal_path, PASSPHRASE) == [("greeting", "hello")]
    assert sorted(p.name for p in journal_path.parent.iterdir()) == ["journal.db"]  # no sidecar


def test_python_key_derivation_matches_sqlcipher(tmp_path: Path) -> None:
    made_by_sqlcipher = tmp_path / "plain-tool.db"
    connection = sqlcipher.connect(str(made_by_sqlcipher))
    connection.execute(f"PRAGMA key = '{PASSPHRASE}'")
    connection.execute("CREATE TABLE t (x)")
    connection.commit()
    connection.close()
    key = derive_key(PASSPHRASE, read_salt(made_by_sqlcipher))
    connection = sqlcipher.connect(str(made_by_sqlcipher))
    connection.execute(f"PRAGMA key = {key.pragma_literal()}")
    assert connection.execute("SELECT name FROM sqlite_master").fetchall() == [("t",)]
    connection.close()


def test_every_connection_uses_wal_full_sync_and_foreign_keys(journal: Journal) -> None:
    with journal.session() as session:
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert session.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_new_journal_carries_the_marker(journal: Journal) -> None:
    with journal.session() as session:
        assert session.execute(text("PRAGMA application_id")).scalar() == migrations.APPLICATION_ID
        assert session.execute(text("PRAGMA user_version")).scalar() == migrations.LATEST_VERSION


def test_file_is_0600_in_a_0700_folder_and_so_are_wal_shm_and_backups(
    journal: Journal, journal_path: Path
) -> None:
    put(journal, "k", "v")
    backup = journal.vault.backup()
    for file in (journal_path, Path(f"{journal_path}-wal"), Path(f"{journal_path}-shm"), backup):
        assert stat.S_IMODE(file.stat().st_mode) == 0o600, file
    for folder in (journal_path.parent, backup.parent):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder


def test_existing_folder_keeps_its_mode(tmp_path: Path) -> None:
    documents = tmp_path / "Documents"
    documents.mkdir(mode=0o755)
    os.chmod(documents, 0o755)  # noqa: S103 - a shared Documents folder
    vault.create(documents / "search.db", PASSPHRASE).lock()
    assert stat.S_IMODE(documents.stat().st_mode) == 0o755
    assert stat.S_IMODE((documents / "search.db").stat().st_mode) == 0o600


def test_create_refuses_an_existing_file_and_leaves_it_alone(tmp_path: Path) -> None:
    existing = tmp_path / "notes.db"
    existing.write_bytes(b"somebody's file")
    with pytest.raises(JournalExists, match="already a file"):
        vault.create(existing, PASSPHRASE)
    assert existing.read_bytes() == b"somebody's file"


def test_create_refuses_an_empty_passphrase(journal_path: Path) -> None:
    with pytest.raises(InvalidInput, match="passphrase"):
        vault.create(journal_path, "")
    assert not journal_path.exists()


def test_unlock_of_a_missing_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(JournalNotFound, match="no journal"):
        vault.unlock(tmp_path / "nowhere.db", PASSPHRASE)


def test_lock_disposes_and_refuses_further_use(journal: Journal, journal_path: Path) -> None:
    journal.lock()
    assert journal.is_locked
    with pytest.raises(RuntimeError, match="locked"):
        get(journal, "anything")
    vault.unlock(journal_path, PASSPHRASE).lock()  # the OS lock was released too


def test_wrong_passphrase_changes_nothing_on_disk(journal: Journal, journal_path: Path) -> None:
    put(journal, "k", "v")
    journal.lock()
    before = snapshot(journal_path.parent)
    with pytest.raises(WrongPassphrase, match="does not open"):
        vault.unlock(journal_path, "not the passphrase")
    assert snapshot(journal_path.parent) == before


def test_a_sqlcipher_file_without_our_marker_is_not_taken_for_a_journal(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    connection = sqlcipher.connect(str(other))
    connection.execute(f"PRAGMA key = '{PASSPHRASE}'")
    connection.execute("CREATE TABLE journal_info (key, value)")
    connection.commit()
    connection.close()
    before = other.read_bytes()
    with pytest.raises(JournalDamaged, match="mark"):
        vault.unlock(other, PASSPHRASE)
    assert other.read_bytes() == before


def test_a_journal_from_a_newer_app_is_refused(journal: Journal, journal_path: Path) -> None:
    with journal.session() as session:
        session.execute(text(f"PRAGMA user_version = {migrations.LATEST_VERSION + 1}"))
    journal.lock()
    with pytest.raises(JournalTooNew, match="newer jobjournal"):
        vault.unlock(journal_path, PASSPHRASE)


def test_migrations_copy_the_file_aside_then_run_in_order(
    journal: Journal, journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    put(journal, "kept", "yes")
    journal.lock()
    next_version = migrations.LATEST_VERSION + 1
    upgraded = {**migrations.MIGRATIONS, next_version: ["CREATE TABLE added_next (x)"]}
    monkeypatch.setattr(migrations, "MIGRATIONS", upgraded)
    monkeypatch.setattr(migrations, "LATEST_VERSION", next_version)
    reopened = vault.unlock(journal_path, PASSPHRASE)
    with reopened.session() as session:
        assert session.execute(text("PRAGMA user_version")).scalar() == next_version
        session.execute(text("SELECT * FROM added_next"))
    reopened.lock()
    before = [b for b in vault.list_backups(journal_path) if f"before-v{next_version}" in b.name]
    assert len(before) == 1
    connection = sqlcipher.connect(str(before[0]))
    connection.execute(f"PRAGMA key = '{PASSPHRASE}'")
    assert connection.execute("PRAGMA user_version").fetchone()[0] == next_version - 1
    connection.close()


def test_change_passphrase_reencrypts_and_only_the_new_one_opens(
    journal: Journal, journal_path: Path
) -> None:
    put(journal, "k", "v")
    journal.vault.change_passphrase(PASSPHRASE, "a new long passphrase")
    assert get(journal, "k") == "v"  # keeps working without unlocking again
    journal.lock()
    with pytest.raises(WrongPassphrase):
        vault.unlock(journal_path, PASSPHRASE)
    assert open_with_sqlcipher(journal_path, "a new long passphrase") == [("k", "v")]
    newest_backup = vault.list_backups(journal_path)[0]
    assert open_with_sqlcipher(newest_backup, "a new long passphrase") == [("k", "v")]


def test_change_passphrase_needs_the_current_one(journal: Journal) -> None:
    with pytest.raises(WrongPassphrase):
        journal.vault.change_passphrase("guess", "new passphrase")
    with pytest.raises(InvalidInput):
        journal.vault.change_passphrase(PASSPHRASE, "")


def test_backup_is_encrypted_checked_and_opens_with_the_passphrase(
    journal: Journal, journal_path: Path
) -> None:
    put(journal, "k", "v")
    backup = journal.vault.backup()
    assert backup.parent == paths.backups_dir_for(journal_path)
    assert b"SQLite format 3" not in backup.read_bytes()[:100]
    assert open_with_sqlcipher(backup, PASSPHRASE) == [("k", "v")]
    assert not list(backup.parent.glob(".*"))  # no partial file left behind


def test_backups_rotate_keeping_the_newest(journal: Journal, journal_path: Path) -> None:
    journal.vault.place_backups(None, keep=3)
    made = [journal.vault.backup(label=f"n{i}") for i in range(5)]
    assert set(vault.list_backups(journal_path)) == set(made[2:])


def test_daily_backup_happens_at_most_once_a_day(journal: Journal, journal_path: Path) -> None:
    first = journal.vault.backup_if_due()
    assert first is not None
    assert journal.vault.backup_if_due() is None
    put(journal, "k", "v")  # a day later (every=0) it is due again only after a change
    assert journal.vault.backup_if_due(every=timedelta(0)) is not None
    assert journal.vault.backup_if_due(every=timedelta(0)) is None


def test_unlock_makes_no_backup_and_an_unchanged_journal_needs_none(
    journal: Journal, journal_path: Path
) -> None:
    journal.lock()
    reopened = vault.unlock(journal_path, PASSPHRASE)
    assert vault.list_backups(journal_path) == []  # the app backs up after the window is up
    assert reopened.vault.backup_due()
    reopened.vault.backup()
    reopened.lock()
    for _ in range(2):  # opened and read only, a day later: nothing to back up
        reopened = vault.unlock(journal_path, PASSPHRASE)
        assert get(reopened, "nothing") is None
        assert not reopened.vault.backup_due(every=timedelta(0))
        reopened.lock()
    reopened = vault.unlock(journal_path, PASSPHRASE)
    put(reopened, "k", "v")
    reopened.lock()
    reopened = vault.unlock(journal_path, PASSPHRASE)  # changed in the last session
    assert reopened.vault.backup_due(every=timedelta(0))
    assert not reopened.vault.backup_due()  # but not a day yet
    reopened.lock()


def test_restore_puts_the_backup_back_and_keeps_the_replaced_file(
    journal: Journal, journal_path: Path
) -> None:
    put(journal, "k", "from backup")
    backup = journal.vault.backup()
    put(journal, "later", "not in backup")
    journal.lock()
    restored = vault.restore_backup(backup, journal_path, PASSPHRASE)
    assert get(restored, "k") == "from backup"
    assert get(restored, "later") is None
    restored.lock()
    set_aside = list(journal_path.parent.glob("journal.before-restore-*.db"))
    assert len(set_aside) == 1
    assert ("later", "not in backup") in open_with_sqlcipher(set_aside[0], PASSPHRASE)
    assert any(set_aside[0].name in note for note in restored.vault.notes)
    assert not list(journal_path.parent.glob(".journal.db*"))  # no copy left over


def test_restore_with_the_wrong_passphrase_touches_nothing(
    journal: Journal, journal_path: Path
) -> None:
    backup = journal.vault.backup()
    journal.lock()
    before = snapshot(journal_path.parent)
    with pytest.raises(WrongPassphrase):
        vault.restore_backup(backup, journal_path, "wrong")
    assert snapshot(journal_path.parent) == before


def test_verify_of_a_healthy_journal_is_clean(journal: Journal) -> None:
    put(journal, "k", "v")
    report = journal.vault.verify()
    assert report.ok and report.problems == []


def test_lock_right_after_unlock_closes_the_file(journal: Journal, journal_path: Path) -> None:
    journal.lock()  # nothing was ever queried through the engine
    assert not Path(f"{journal_path}-wal").exists()
    assert not Path(f"{journal_path}-shm").exists()


def test_a_version_1_journal_upgrades_to_offers_with_commute_and_arguments(
    journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from jobjournal.core.storage import models as m

    with monkeypatch.context() as old_app:
        old_app.setattr(migrations, "MIGRATIONS", {1: migrations.MIGRATIONS[1]})
        old_app.setattr(migrations, "LATEST_VERSION", 1)
        old = vault.create(journal_path, PASSPHRASE)
        with old.session() as session:
            session.execute(text("INSERT INTO companies VALUES (1, 'Acme', '', '', '', NULL)"))
            session.execute(
                text(
                    "INSERT INTO applications (id, company_id, job_title, location, posting_url, "
                    "salary_currency, salary_period, next_action, status, status_changed_at, "
                    "created_at) VALUES (1, 1, 'Analyst', '', '', '', 'year', '', 'offer', "
                    "'2026-11-01 09:00:00', '2026-11-01 09:00:00')"
                )
            )
            session.execute(
                text(
                    "INSERT INTO offers (id, application_id, kind, received_on, currency, "
                    "period, equity, health_start, retirement_match, other_perks, notes) "
                    "VALUES (1, 1, 'written', '2026-11-02', 'USD', 'year', '', '', '', '', "
                    "'kept through the upgrade')"
                )
            )
        old.lock()
    upgraded = vault.unlock(journal_path, PASSPHRASE)
    offer = upgraded.get(plain.Offer, 1)
    assert offer.notes == "kept through the upgrade" and offer.commute_minutes is None
    round_id = upgraded.add(m.NegotiationRound, offer_id=1, number=1, asked_on=offer.received_on)
    upgraded.add(
        m.NegotiationArgument, round_id=round_id.new_id, kind="market", detail="Median $106k"
    )
    assert [hit.kind for hit in upgraded.search("106k")] == ["argument"]
    latest = f"before-v{migrations.LATEST_VERSION}"
    assert [b for b in vault.list_backups(journal_path) if latest in b.name]
    upgraded.lock()
