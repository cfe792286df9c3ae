"""The journal keeps its promises under each fault the reviewer found (issue 20), one
proof each: restore, passphrase change, damage, backups, a lost log, keychains, exports,
passphrases in any Unicode form."""

from __future__ import annotations

import json
import os
import sys
import unicodedata
from datetime import timedelta
from pathlib import Path

import keyring
import pytest
import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import text
from support import (
    PASSPHRASE,
    FileKeyring,
    MemoryKeyring,
    PlaintextLookalike,
    RaisingKeyring,
    UnknownPlugin,
    opens_with,
    run_python,
    snapshot,
)

from jobjournal.core.documents import exports
from jobjournal.core.errors import (
    BackupFailed,
    JournalError,
    PassphraseNotChanged,
    RecentChangesLost,
)
from jobjournal.core.records.journal import Journal
from jobjournal.core.storage import keychain, paths, swap, vault

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="rlimits and signals")


@pytest.fixture
def journal_path() -> Path:
    return paths.default_journal_path()


def put(journal: Journal, key: str, value: str = "v") -> None:
    with journal.session() as session:
        session.execute(text("INSERT INTO journal_info VALUES (:k, :v)"), {"k": key, "v": value})


def rows(journal: Journal, prefix: str) -> set[str]:
    with journal.session() as session:
        found = session.execute(text("SELECT key FROM journal_info")).scalars()
        return {k for k in found if k.startswith(prefix)}


def opens_with_passphrase(path: Path, passphrase: str) -> bool:
    return opens_with(path, f"'{passphrase}'")


# -- 1. restore is atomic, and what it sets aside is named for what it is ------------------


def test_a_restore_cut_short_after_its_copy_was_checked_is_finished_on_the_next_unlock(
    journal: Journal, journal_path: Path
) -> None:
    put(journal, "old-1")
    backup = journal.vault.backup()
    put(journal, "old-2")
    key = journal.vault._current_key()
    journal.lock()
    ready = vault._copy_beside(backup, journal_path, key)  # then the power went
    reopened = vault.unlock(journal_path, PASSPHRASE)
    assert rows(reopened, "old-") == {"old-1"}, "the checked copy was swapped in"
    reopened.lock()
    assert not ready.exists()
    kept = list(journal_path.parent.glob("journal.before-restore-*.db"))
    assert len(kept) == 1 and opens_with_passphrase(kept[0], PASSPHRASE)


def test_a_half_written_restore_copy_is_removed_and_the_journal_untouched(
    journal: Journal, journal_path: Path
) -> None:
    put(journal, "kept")
    journal.lock()
    swap.restoring_name(journal_path).write_bytes(b"half a backup")
    before = journal_path.read_bytes()
    reopened = vault.unlock(journal_path, PASSPHRASE)
    assert rows(reopened, "kept") == {"kept"}
    reopened.lock()
    assert not swap.restoring_name(journal_path).exists()
    assert len(journal_path.read_bytes()) >= len(before)


def test_a_swap_cut_between_its_renames_still_leaves_a_journal_at_the_path(
    journal: Journal, journal_path: Path
) -> None:
    """Without hard links the swap renames the old journal away first: the app must not
    mistake that moment for a first run, and the next unlock finishes the swap."""
    backup = journal.vault.backup()
    key = journal.vault._current_key()
    journal.lock()
    ready = vault._copy_beside(backup, journal_path, key)
    stamp = ready.name.rsplit("restore-ready-", 1)[1]
    journal_path.rename(swap.kept_name(journal_path, stamp))  # the cut
    assert swap.interrupted_restore(journal_path) == ready
    vault.unlock(journal_path, PASSPHRASE).lock()
    assert journal_path.exists() and not ready.exists()


@posix_only
def test_a_restore_the_disk_refuses_leaves_the_journal_as_it_was(
    journal: Journal, journal_path: Path
) -> None:
    put(journal, "before the restore")
    with journal.session() as session:
        session.execute(
            text("INSERT INTO journal_info VALUES ('pad', :v)"), {"v": os.urandom(400_000).hex()}
        )
    backup = journal.vault.backup()
    journal.lock()
    before = snapshot(journal_path.parent)
    result = run_python(
        """
        import resource, signal, sys
        from jobjournal.core.storage import vault
        from jobjournal.core.errors import RestoreFailed
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (200_000, 200_000))
        try:
            vault.restore_backup(sys.argv[1], sys.argv[2], sys.argv[3])
        except RestoreFailed as error:
            print(error)
        """,
        str(backup),
        str(journal_path),
        PASSPHRASE,
    )
    assert "was not restored" in result.stdout and "exactly as it was" in result.stdout, (
        result.stderr
    )
    assert snapshot(journal_path.parent) == before


# -- 2. a passphrase change says what happened, and the keychain stays honest -------------


def test_a_change_whose_backup_fails_is_reported_as_changed(
    journal: Journal, journal_path: Path, tmp_path: Path
) -> None:
    journal.vault.remember(True)
    blocker = tmp_path / "not a folder"
    blocker.write_text("x")
    journal.vault.place_backups(blocker, keep=3)
    changed = journal.vault.change_passphrase(PASSPHRASE, "a brand new passphrase")
    assert changed.backup is None
    assert "Passphrase changed" in changed.message()
    assert "a file stands where the folder should be" in changed.message()
    journal.lock()
    assert opens_with_passphrase(journal_path, "a brand new passphrase")
    assert not opens_with_passphrase(journal_path, PASSPHRASE)
    vault.unlock(journal_path).lock()  # the remembered key is the new one


@posix_only
def test_a_change_the_disk_refuses_is_not_made_and_the_keychain_opens_the_file(
    journal: Journal, journal_path: Path, tmp_path: Path
) -> None:
    store = tmp_path / "keychain.json"
    keyring.set_keyring(FileKeyring(store))
    journal.vault.remember(True)
    with journal.session() as session:  # enough pages that re-encrypting them all is big
        session.execute(
            text("INSERT INTO journal_info VALUES ('pad', :v)"), {"v": os.urandom(300_000).hex()}
        )
    journal.lock()
    limit = journal_path.stat().st_size // 2
    result = run_python(
        """
        import resource, signal, sys, keyring
        from pathlib import Path
        from support import FileKeyring
        from jobjournal.core.storage import vault
        from jobjournal.core.errors import JournalError
        keyring.set_keyring(FileKeyring(Path(sys.argv[2])))
        journal = vault.unlock(sys.argv[1])
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[4]), int(sys.argv[4])))
        try:
            journal.vault.change_passphrase(sys.argv[3], "never applied")
        except JournalError as error:
            print(type(error).__name__, "|", error)
        """,
        str(journal_path),
        str(store),
        PASSPHRASE,
        str(limit),
    )
    assert result.stdout.startswith(PassphraseNotChanged.__name__), result.stdout + result.stderr
    assert "still opens with your current passphrase" in result.stdout
    assert opens_with_passphrase(journal_path, PASSPHRASE)
    remembered = json.loads(store.read_text())
    assert remembered, "the old key was remembered again"
    vault.unlock(journal_path).lock()


def test_a_keychain_that_refuses_after_the_change_turns_remember_off_and_says_so(
    journal: Journal, journal_path: Path, memory_keyring: MemoryKeyring
) -> None:
    class RefusesNewKeys(MemoryKeyring):
        def set_password(self, service: str, username: str, password: str) -> None:
            raise RuntimeError("the keychain went read-only")

    journal.vault.remember(True)
    refusing = RefusesNewKeys()
    refusing.entries = dict(memory_keyring.entries)
    keyring.set_keyring(refusing)
    changed = journal.vault.change_passphrase(PASSPHRASE, "another new passphrase")
    assert "“Remember on this computer” was turned off" in changed.message()
    assert refusing.entries == {}, "the old key, which no longer opens it, is gone"
    journal.lock()
    assert opens_with_passphrase(journal_path, "another new passphrase")


# -- 3. a write cut short is not damage ------------------------------------------------------


@posix_only
def test_a_checkpoint_cut_by_a_size_limit_leaves_a_journal_that_opens_whole(
    journal: Journal, journal_path: Path
) -> None:
    journal.lock()
    result = run_python(
        """
        import os, resource, signal, sys
        from sqlalchemy import text
        from jobjournal.core.storage import vault
        journal = vault.unlock(sys.argv[1], sys.argv[2])
        with journal.session() as session:
            session.execute(text("PRAGMA wal_autocheckpoint = 0"))
        for n in range(40):
            with journal.session() as session:
                session.execute(text("INSERT INTO journal_info VALUES (:k, :v)"),
                                {"k": f"row{n}", "v": os.urandom(3000).hex()})
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        size = os.path.getsize(sys.argv[1])
        resource.setrlimit(resource.RLIMIT_FSIZE, (size + 6000, size + 6000))
        journal.lock()  # its checkpoint writes part of a page, then is refused
        print(os.path.getsize(sys.argv[1]) - size)
        """,
        str(journal_path),
        PASSPHRASE,
    )
    assert result.returncode == 0, result.stderr
    assert journal_path.stat().st_size % 4096, "the main file was left ragged"
    assert Path(f"{journal_path}-wal").exists()
    reopened = vault.unlock(journal_path, PASSPHRASE)
    assert len(rows(reopened, "row")) == 40
    assert reopened.vault.verify().ok
    reopened.lock()
    assert journal_path.stat().st_size % 4096 == 0, "the checkpoint made it whole"


# -- 4 and 5. backups are made after opening, never a gate -----------------------------------


def test_unlock_opens_whatever_the_backups_folder_is(journal: Journal, tmp_path: Path) -> None:
    path = journal.path
    journal.lock()
    blocker = tmp_path / "a file"
    blocker.write_text("x")
    vault.set_backup_place(path, blocker, keep=3)
    try:
        reopened = vault.unlock(path, PASSPHRASE)
        with pytest.raises(BackupFailed, match="a file stands where the folder should be"):
            reopened.vault.backup_if_due()
        put(reopened, "still writable")
        reopened.lock()
    finally:
        vault.set_backup_place(path, None, keep=10)


def test_backups_keep_within_a_size_budget_and_always_the_newest(journal: Journal) -> None:
    put(journal, "pad", os.urandom(200_000).hex())
    journal.vault.place_backups(None, keep=10, budget_mb=1)
    made = [journal.vault.backup(label=str(n)) for n in range(4)]
    kept = vault.list_backups(journal.path)
    assert kept[0] == made[-1]
    assert sum(p.stat().st_size for p in kept) <= 1024 * 1024 or len(kept) == 1
    assert len(kept) < 4
    journal.vault.place_backups(None, keep=10, budget_mb=1)  # smaller than one backup?
    assert vault.list_backups(journal.path)[0] == made[-1]


def test_a_backup_runs_beside_editing_and_lock_stops_it(journal: Journal) -> None:
    import threading

    put(journal, "pad", os.urandom(3_000_000).hex())
    outcome: list[object] = []

    def back_up() -> None:
        try:
            outcome.append(journal.vault.backup())
        except Exception as error:
            outcome.append(error)

    worker = threading.Thread(target=back_up)
    worker.start()
    put(journal, "written while the backup ran")  # the GUI's connection is not held up
    journal.lock()  # interrupts the copy if it is still running, and waits for it
    worker.join(10)
    assert not worker.is_alive()
    assert outcome and (
        isinstance(outcome[0], Path) or type(outcome[0]).__name__ in ("BackupCancelled",)
    )
    folder = paths.backups_dir_for(journal.path)
    assert not [p for p in folder.glob(".*") if p.name.endswith(".partial")]


def test_a_backup_never_carries_the_session_mark(journal: Journal, journal_path: Path) -> None:
    backup = journal.vault.backup()
    journal.lock()
    restored = vault.restore_backup(backup, journal_path, PASSPHRASE)
    restored.lock()
    connection = sqlcipher.connect(str(backup))
    connection.execute(f"PRAGMA key = '{PASSPHRASE}'")
    marks = connection.execute(
        "SELECT key FROM journal_info WHERE key = ?", (vault.SESSION_MARK,)
    ).fetchall()
    connection.close()
    assert marks == []


def test_an_unchanged_journal_is_not_backed_up_again(journal: Journal, journal_path: Path) -> None:
    journal.vault.backup()
    journal.lock()
    reopened = vault.unlock(journal_path, PASSPHRASE)
    assert not reopened.vault.backup_due(every=timedelta(0))
    reopened.lock()


# -- 6. a crash, then the log deleted ----------------------------------------------------


def crash_with_changes(journal_path: Path) -> None:
    result = run_python(
        """
        import os, sys
        from sqlalchemy import text
        from jobjournal.core.storage import vault
        journal = vault.unlock(sys.argv[1], sys.argv[2])
        with journal.session() as session:
            session.execute(text("INSERT INTO journal_info VALUES ('late', 'change')"))
        os._exit(0)  # no lock, no close: like a crash
        """,
        str(journal_path),
        PASSPHRASE,
    )
    assert result.returncode == 0, result.stderr


def test_a_crash_then_a_deleted_log_is_told_and_nothing_is_written(
    journal: Journal, journal_path: Path
) -> None:
    journal.vault.backup()
    journal.lock()
    crash_with_changes(journal_path)
    for suffix in ("-wal", "-shm"):
        Path(f"{journal_path}{suffix}").unlink()
    before = journal_path.read_bytes()
    with pytest.raises(RecentChangesLost) as raised:
        vault.unlock(journal_path, PASSPHRASE)
    assert "may be missing" in str(raised.value) and raised.value.backups
    assert journal_path.read_bytes() == before
    assert not Path(f"{journal_path}-wal").exists()
    opened = vault.unlock(journal_path, PASSPHRASE, open_as_it_is=True)  # the person chose
    assert rows(opened, "late") == set()
    opened.lock()
    vault.unlock(journal_path, PASSPHRASE).lock()  # and from then on it opens as usual


def test_a_crash_with_its_log_kept_opens_with_every_change(
    journal: Journal, journal_path: Path
) -> None:
    journal.lock()
    crash_with_changes(journal_path)
    reopened = vault.unlock(journal_path, PASSPHRASE)
    assert rows(reopened, "late") == {"late"}
    reopened.lock()


def test_a_program_that_ends_without_locking_leaves_no_false_alarm(
    journal: Journal, journal_path: Path
) -> None:
    journal.lock()
    result = run_python(
        """
        import sys
        from jobjournal.core.storage import vault
        vault.unlock(sys.argv[1], sys.argv[2])
        raise SystemExit(0)  # a script, or an uncaught error: Python closes the file
        """,
        str(journal_path),
        PASSPHRASE,
    )
    assert result.returncode == 0, result.stderr
    assert not Path(f"{journal_path}-wal").exists()
    vault.unlock(journal_path, PASSPHRASE).lock()


# -- 7 and 8. keychains: any failure falls back to the passphrase; trust is an allowlist ----


def test_a_keychain_that_raises_never_blocks_unlock_or_create(journal_path: Path) -> None:
    keyring.set_keyring(RaisingKeyring())
    created = vault.create(journal_path, PASSPHRASE, remember=True)
    assert "not working" in created.vault.keychain_note or created.vault.keychain_note
    created.lock()
    vault.unlock(journal_path, PASSPHRASE).lock()  # the file was not left locked
    with pytest.raises(Exception, match="Enter your passphrase"):
        vault.unlock(journal_path)


def test_a_keychain_that_fails_to_load_is_unusable_with_a_reason(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken() -> object:
        raise RuntimeError("missing crypto module")

    monkeypatch.setattr(keyring, "get_keyring", broken)
    status = keychain.backend_status()
    assert not status.usable and "not working" in status.reason
    assert keychain.load_key(Path("/nowhere.db"))[0] is None
    keychain.forget_key(Path("/nowhere.db"))  # no raise


@pytest.mark.parametrize("backend", [UnknownPlugin, PlaintextLookalike])
def test_only_the_operating_systems_keychains_are_trusted(
    backend: type[MemoryKeyring], journal_path: Path
) -> None:
    chosen = backend()
    keyring.set_keyring(chosen)
    journal = vault.create(journal_path, PASSPHRASE, remember=True)
    journal.lock()
    assert chosen.entries == {}, "the key was given to a keychain we do not trust"
    assert "not one of the operating system's encrypted keychains" in (
        keychain.backend_status().reason
    )


def test_the_trusted_modules_are_the_operating_systems_keychains() -> None:
    import importlib

    for module in keychain.TRUSTED_MODULES:
        importlib.import_module(module)  # each names a real keyring backend module


# -- 9. exports are private and their leftovers are cleaned ---------------------------------


@posix_only
def test_exports_are_readable_by_their_owner_only(tmp_path: Path) -> None:
    old_umask = os.umask(0o022)
    try:
        made = exports.write_file(tmp_path / "letter.docx", b"private words")
    finally:
        os.umask(old_umask)
    assert made.stat().st_mode & 0o777 == 0o600


@posix_only
def test_a_killed_exports_leftover_is_removed_and_a_live_ones_kept(tmp_path: Path) -> None:
    dead = tmp_path / ".letter.docx.999999999.jobjournal-partial"
    dead.write_bytes(b"plaintext")
    older = tmp_path / ".journal.csv.partial"  # what earlier versions left
    older.write_bytes(b"plaintext")
    live = tmp_path / f".other.docx.{os.getppid()}.jobjournal-partial"
    live.write_bytes(b"being written")
    exports.write_file(tmp_path / "next.ics", b"BEGIN:VCALENDAR")
    assert not dead.exists() and not older.exists()
    assert live.exists()


# -- 11. error messages never carry journal text ---------------------------------------------


def test_a_failing_statement_never_prints_its_values(journal: Journal) -> None:
    from sqlalchemy.exc import IntegrityError

    put(journal, "unique key", "SECRET-SENTENCE-41")
    with pytest.raises(IntegrityError) as raised, journal.session() as session:
        session.execute(
            text("INSERT INTO journal_info VALUES (:k, :v)"),
            {"k": "unique key", "v": "SECRET-SENTENCE-41"},
        )
    assert "SECRET-SENTENCE-41" not in str(raised.value)


# -- 12. passphrases in any Unicode form ------------------------------------------------------

COMPOSED = unicodedata.normalize("NFC", "Zürich Łódź São Paulo")
DECOMPOSED = unicodedata.normalize("NFD", COMPOSED)


def test_a_passphrase_opens_whichever_form_it_is_typed_in(journal_path: Path) -> None:
    assert COMPOSED != DECOMPOSED
    vault.create(journal_path, DECOMPOSED).lock()
    vault.unlock(journal_path, COMPOSED).lock()
    vault.unlock(journal_path, DECOMPOSED).lock()
    assert opens_with_passphrase(journal_path, COMPOSED), (
        "a bare sqlcipher opens it with the NFC form"
    )


def test_a_journal_keyed_before_normalising_still_opens(journal_path: Path) -> None:
    from jobjournal.core.storage.crypto import derive_key

    created = vault.create(journal_path, "placeholder")
    key = created.vault._current_key()
    created.lock()
    # Key it with the decomposed text as typed, as versions before NFC did.
    connection = sqlcipher.connect(str(journal_path))
    connection.execute(f"PRAGMA key = {key.pragma_literal()}")
    connection.execute(f"PRAGMA rekey = {derive_key(DECOMPOSED, key.salt).pragma_literal()}")
    connection.close()
    vault.unlock(journal_path, DECOMPOSED).lock()


def test_the_old_passphrase_after_a_change_is_not_called_damage_without_a_doubt(
    journal: Journal, journal_path: Path, tmp_path: Path
) -> None:
    journal.vault.backup()  # under the old passphrase
    blocker = tmp_path / "a file"
    blocker.write_text("x")
    journal.vault.place_backups(blocker, keep=3)
    assert journal.vault.change_passphrase(PASSPHRASE, "the new one").backup is None
    journal.lock()
    vault.set_backup_place(journal_path, None, keep=10)
    with pytest.raises(JournalError) as raised:
        vault.unlock(journal_path, PASSPHRASE)
    assert "If you changed the passphrase after that backup, type the new one" in str(raised.value)


def test_backups_of_the_same_second_are_listed_newest_first(journal: Journal) -> None:
    first = journal.vault.backup()
    second = journal.vault.backup("new-passphrase")
    if first.name[:22] == second.name[:22]:  # made within one second, as is likely
        assert vault.list_backups(journal.path)[:2] == [second, first]
    assert vault.list_backups(journal.path)[0] == second
