"""The encrypted journal file: create, unlock, lock, verify, back up, restore, rekey.

A journal is one standard SQLCipher 4 database. Every connection is opened with the raw
key derived once from the passphrase (see `crypto`), so the passphrase itself is never
kept, and the file opens in any SQLCipher 4 tool with the passphrase alone.

Rules this module keeps (each has a test):
- the key is the first statement on a connection, after only `cipher_log_level = NONE`;
- a file is a journal only if it carries our marker and core tables; anything else is
  reported as damaged, never initialised as a new journal. Damage is found by opening and
  checking, never by the file's size alone (a write cut short leaves a ragged main file
  whose rows all sit in the -wal);
- once a session works with the journal, the main file says so (`session_open`,
  checkpointed there before its first unit of work, cleared at lock); finding that mark
  with no -wal beside it means a crash and then a deleted log: the person is told, and
  nothing is written until they choose. Unlocking alone writes nothing;
- a remembered key in the keychain always opens the file or is absent;
- backups are encrypted (`VACUUM INTO` on a connection of their own, so they run beside
  editing), checked by opening them, never plaintext, and never a condition of opening;
- a restore swaps a checked copy in by renaming: at every instant the journal's path
  holds the old journal or the restored one (see `swap`).

SQLAlchemy (300-400 ms to import) is imported when a journal is opened: this module
is loaded while the unlock window waits for the passphrase, and must not stall it.
"""

from __future__ import annotations

import atexit
import errno
import shutil
import threading
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlcipher3.dbapi2 as sqlcipher

from jobjournal.core.errors import (
    BackupFailed,
    CannotWrite,
    DiskFull,
    InvalidInput,
    JournalDamaged,
    JournalError,
    JournalExists,
    JournalNotFound,
    JournalTooNew,
    PassphraseNotChanged,
    PassphraseRequired,
    RecentChangesLost,
    RestoreFailed,
    WrongPassphrase,
    known_error,
    os_error_reason,
    translating_os_errors,
)
from jobjournal.core.storage import backups, keychain, migrations, paths, swap
from jobjournal.core.storage.backups import BACKUP_EVERY, BackupPlace
from jobjournal.core.storage.crypto import SALT_BYTES, RawKey, derive_key, new_salt, read_salt
from jobjournal.core.storage.durable import create_private_file, fsync_dir, fsync_file
from jobjournal.core.storage.filelock import JournalLock

if TYPE_CHECKING:
    from sqlalchemy import Connection as SAConnection
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session

    from jobjournal.core.records.journal import Journal

__all__ = ["list_backups", "set_backup_place"]

PAGE_SIZE = 4096
SESSION_MARK = "session_open"  # journal_info key: set while a session is open
UNBACKED_MARK = "changed_since_backup"  # journal_info key: "1" when the newest backup is older
CLOSED_SUFFIX = "-closed"  # beside the journal: the last session ended, though its mark stayed

Connection = Any  # a sqlcipher3 DB-API connection (the module ships no type hints)

list_backups = backups.list_backups


# ---------------------------------------------------------------------------------------
# Passphrases


def passphrase_forms(passphrase: str) -> list[str]:
    """The forms to try, NFC first: keyboards and password managers type accented letters
    composed or decomposed. New keys use NFC; journals keyed before NFC keep opening with
    the text as typed (or its decomposed form)."""
    forms = [unicodedata.normalize("NFC", passphrase), passphrase]
    forms.append(unicodedata.normalize("NFD", passphrase))
    return list(dict.fromkeys(forms))


def _new_key(passphrase: str, salt: bytes) -> RawKey:
    return derive_key(unicodedata.normalize("NFC", passphrase), salt)


# ---------------------------------------------------------------------------------------
# Connections


def _open_connection(path: Path, key: RawKey) -> Connection:
    """Connect, key, and prove the key by reading the schema. Writes nothing."""
    connection = sqlcipher.connect(str(path), check_same_thread=False)
    try:
        connection.execute("PRAGMA cipher_log_level = NONE")  # no "hmac check failed" on stderr
        connection.execute(f"PRAGMA key = {key.pragma_literal()}")
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except BaseException:
        connection.close()
        raise
    return connection


# Decrypted pages kept in memory at most (64 MB). SQLCipher's 2 MB default makes every
# list query re-decrypt the same pages; the memory is only taken as pages are read.
CACHE_KIB = 65_536


def _configure(connection: Connection) -> None:
    connection.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = FULL")
    connection.execute("PRAGMA foreign_keys = ON")


def _read_marker(connection: Connection) -> tuple[int, int, set[str]]:
    application_id = connection.execute("PRAGMA application_id").fetchone()[0]
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    return application_id, version, {row[0] for row in rows}


def _check_marker(connection: Connection, path: Path) -> int:
    """The journal's schema version, or JournalDamaged when it is not a whole journal."""
    application_id, version, tables = _read_marker(connection)
    if application_id != migrations.APPLICATION_ID or version < 1:
        raise JournalDamaged(
            path,
            "it does not carry a journal's mark. It may be another kind of database, or a "
            "journal whose recent changes were lost.",
            list_backups(path),
        )
    if not tables >= migrations.CORE_TABLES:
        raise JournalDamaged(
            path,
            "its tables are missing, as happens when a crash loses its -wal file.",
            list_backups(path),
        )
    if version > migrations.LATEST_VERSION:
        raise JournalTooNew(path, version)
    return int(version)


def _logical_problems(connection: Connection) -> list[str]:
    """SQLite's structure check, read through the -wal: what the journal really holds.

    Not `cipher_integrity_check`: it reads the main file's pages alone, so it reports a
    page cut short there even when the -wal holds that page whole.
    """
    results = [row[0] for row in connection.execute("PRAGMA quick_check")]
    return [] if results == ["ok"] else results


def _info(connection: Connection, key: str) -> str | None:
    row = connection.execute("SELECT value FROM journal_info WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def _make_engine(path: Path, key: RawKey, unused: list[Connection]) -> Engine:
    """One connection for the whole app (the GUI thread), handed to SQLAlchemy as is.

    `unused` holds the connection unlock already opened and checked; the engine takes it
    on first use, and whoever locks the vault closes it if the engine never did.
    Parameters are hidden from error messages: a failed statement must never print the
    journal's text into a log or a dialog.
    """
    from sqlalchemy import create_engine
    from sqlalchemy.pool import StaticPool

    def connect() -> Connection:
        if unused:
            return unused.pop()
        connection = _open_connection(path, key)
        _configure(connection)
        return connection

    return create_engine(
        "sqlite://",
        creator=connect,
        module=sqlcipher,
        poolclass=StaticPool,
        hide_parameters=True,
    )


# ---------------------------------------------------------------------------------------
# The open vault


@dataclass(frozen=True)
class VerifyReport:
    problems: list[str]
    backups: list[Path] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class PassphraseChanged:
    """The rekey went through. What else happened is said, never hidden."""

    backup: Path | None
    backup_problem: str = ""  # why no backup under the new passphrase was made
    keychain_note: str = ""  # "Remember" was turned off, and why

    def message(self) -> str:
        parts = ["Passphrase changed: the journal now opens only with the new one."]
        if self.backup is not None:
            parts.append(
                "A backup under the new passphrase was made; older backups still "
                "open with the old one."
            )
        else:
            parts.append(f"But {self.backup_problem[:1].lower()}{self.backup_problem[1:]}")
        if self.keychain_note:
            parts.append(self.keychain_note)
        return " ".join(parts)


class BackupCancelled(JournalError):
    def __init__(self) -> None:
        super().__init__("The backup was stopped because the journal was locked.")


class Vault:
    """An unlocked journal file. `lock()` closes it; every other method then refuses."""

    def __init__(self, path: Path, key: RawKey, file_lock: JournalLock, first: Connection):
        self.path = path
        self.keychain_note = ""  # why remembering did not happen, when it was asked for
        self.notes: list[str] = []  # what the person should read once the window is up
        self._key: RawKey | None = key
        self._file_lock = file_lock
        self._unused: list[Connection] = [first]
        self._main = first  # the engine's one connection: its change count tells edits
        self._engine: Engine | None = _make_engine(path, key, self._unused)
        self._backup_guard = threading.Lock()  # one backup at a time; lock() waits for it
        self._backup_connection: Connection | None = None
        self._stopping = False  # lock() or a rekey wants the running backup to end
        self._unbacked_at_open = True
        self._unbacked_in_file = True
        self._changes_at_backup = 0
        self._marked = False  # the main file says a session with edits is open
        # A program that ends without locking (an uncaught error, a script) still closes
        # its connections, and SQLite then removes the -wal: clear the mark first, or the
        # next unlock would report a lost log that was in fact written home.
        atexit.register(self.lock)

    # -- state ---------------------------------------------------------------------------

    @property
    def is_locked(self) -> bool:
        return self._engine is None

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            raise RuntimeError("the journal is locked")
        return self._engine

    @property
    def backup_place(self) -> BackupPlace:
        return backups.place(self.path)

    @property
    def backups_dir(self) -> Path:
        return self.backup_place.folder

    def _current_key(self) -> RawKey:
        if self._key is None:
            raise RuntimeError("the journal is locked")
        return self._key

    def lock(self) -> None:
        """Close the file: backup stopped, session mark cleared, connection closed
        (SQLCipher wipes its key), OS lock released."""
        atexit.unregister(self.lock)
        self._stop_backup()
        if self._engine is not None:
            self._end_session()
            self._engine.dispose()
            self._engine = None
        self._close_unused()
        self._key = None
        self._file_lock.release()

    def _close_unused(self) -> None:
        while self._unused:
            self._unused.pop().close()

    # -- the session mark ----------------------------------------------------------------

    def _begin_session(self, connection: Connection, *, migrated: bool) -> None:
        """Note what the session starts from: whether the newest backup misses changes,
        and the change count edits are measured from. Writes nothing."""
        unbacked = _info(connection, UNBACKED_MARK)
        self._unbacked_at_open = migrated or unbacked != "0"
        self._unbacked_in_file = unbacked != "0"
        self._changes_at_backup = connection.total_changes

    def _mark_session_open(self) -> None:
        """Before the session's first edit: mark the main file "open", checkpointed there.

        Marked at the first unit of work, not at unlock, so an unlock writes nothing and
        costs no sync. A disk too full for the mark is left to the edit itself to report.
        """
        if self._marked:
            return
        connection = self._main
        before = connection.total_changes
        try:
            # The checkpoint syncs the log before copying it home, so the commit needs no
            # sync of its own; a PASSIVE checkpoint with no other reader copies it all.
            connection.execute("PRAGMA synchronous = NORMAL")
            with connection:
                connection.execute(
                    "INSERT OR REPLACE INTO journal_info (key, value) VALUES (?, ?)",
                    (SESSION_MARK, datetime.now(UTC).isoformat(timespec="seconds")),
                )
            connection.execute("PRAGMA wal_checkpoint(PASSIVE)")
        except sqlcipher.OperationalError as error:
            if known_error(error, self.path, []) is None:
                raise
            return
        finally:
            connection.execute("PRAGMA synchronous = FULL")
        self._changes_at_backup += connection.total_changes - before  # the mark is no edit
        self._marked = True
        with suppress(FileNotFoundError):
            _sidecar(self.path, CLOSED_SUFFIX).unlink()  # the mark speaks for this session

    def _end_session(self) -> None:
        """Clear the mark, and record whether the newest backup misses changes.

        On a disk too full for even that, an empty `-closed` file beside the journal says
        the session did end: SQLite writes the log home as it closes, or keeps it.
        """
        from sqlalchemy.exc import DBAPIError

        try:
            unbacked = self._changed_since_backup()
        except sqlcipher.Error:  # the connection died with a failed rekey: assume changes
            unbacked = True
        if not self._marked and unbacked == self._unbacked_in_file:
            return  # nothing written this session, nothing to record
        try:
            with self.engine.begin() as connection:
                connection.exec_driver_sql(
                    "INSERT OR REPLACE INTO journal_info (key, value) VALUES (?, ?)",
                    (UNBACKED_MARK, "1" if unbacked else "0"),
                )
                connection.exec_driver_sql(
                    "DELETE FROM journal_info WHERE key = ?", (SESSION_MARK,)
                )
        except (DBAPIError, sqlcipher.Error):
            if self._marked:
                with suppress(OSError):
                    _sidecar(self.path, CLOSED_SUFFIX).touch()
        self._marked = False
        self._unbacked_in_file = unbacked

    def _total_changes(self) -> int:
        """Rows changed through the app's connection since it opened (read from any
        thread: SQLite keeps the count in the connection, no statement runs)."""
        return int(self._main.total_changes)

    def _changed_since_backup(self) -> bool:
        return self._unbacked_at_open or self._total_changes() > self._changes_at_backup

    # -- writing -------------------------------------------------------------------------

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: committed when the block ends, rolled back if it raises.

        SQLite failures a person can act on (disk full, damaged file) come out as
        JournalError; the journal is left as it was before the block.
        """
        from sqlalchemy.exc import DBAPIError
        from sqlalchemy.orm import Session

        engine = self.engine  # refuses when locked
        self._mark_session_open()
        with Session(engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except DBAPIError as error:
                session.rollback()
                raise self._translated(error) from error

    @contextmanager
    def reading(self) -> Iterator[SAConnection]:
        """A plain connection for queries that only read: no unit of work to set up."""
        from sqlalchemy.exc import DBAPIError

        try:
            with self.engine.connect() as connection:
                yield connection
        except DBAPIError as error:
            raise self._translated(error) from error

    def _translated(self, error: BaseException) -> BaseException:
        known = known_error(error, self.path, list_backups(self.path))
        return known if known is not None else error

    # -- checking ------------------------------------------------------------------------

    def verify(self) -> VerifyReport:
        """Run SQLCipher's page check and SQLite's structure check; say what is wrong."""
        problems: list[str] = []
        try:
            with self.engine.connect() as connection:
                for row in connection.exec_driver_sql("PRAGMA cipher_integrity_check"):
                    problems.append(f"Encryption check: {row[0]}")
                results = [row[0] for row in connection.exec_driver_sql("PRAGMA integrity_check")]
                if results != ["ok"]:
                    problems.extend(f"Structure check: {result}" for result in results)
        except Exception as error:
            if known_error(error, self.path, []) is None:
                raise
            problems.append(
                f"The file could not be read to the end: {getattr(error, 'orig', error)}"
            )
        return VerifyReport(problems, list_backups(self.path))

    # -- backups -------------------------------------------------------------------------

    def backup(self, label: str = "") -> Path:
        """Write an encrypted, checked copy to the backups folder and keep what the
        person chose. Safe from any thread: the copy reads through a connection of its
        own, a consistent snapshot while editing goes on. Any failure is a BackupFailed
        that names the folder and the reason; the journal is never touched by it."""
        key = self._current_key()
        chosen = self.backup_place
        with self._backup_guard:
            changes_before = self._total_changes()
            try:
                final = self._write_backup(chosen, key, label)
            except OSError as error:
                raise BackupFailed(chosen.folder, os_error_reason(error)) from error
            except sqlcipher.Error as error:
                if self._stopping or "interrupt" in str(error):
                    raise BackupCancelled() from error
                raise BackupFailed(chosen.folder, _sqlite_reason(error)) from error
            except JournalDamaged as error:
                raise BackupFailed(chosen.folder, "the copy did not check") from error
            self._unbacked_at_open = False
            self._changes_at_backup = changes_before
        return final

    def _write_backup(self, chosen: BackupPlace, key: RawKey, label: str) -> Path:
        paths.make_private_dir(chosen.folder)
        if not chosen.folder.is_dir():
            raise NotADirectoryError(errno.ENOTDIR, "not a folder", str(chosen.folder))
        final = backups.free_name(chosen.folder, self.path.stem, label)
        partial = final.with_name(f".{final.name}.partial")
        create_private_file(partial, replace_stale=True)
        try:
            self._interruptible(self.path, key, _vacuum_into_sql(partial))
            self._interruptible(partial, key, _check_copy_as_closed_journal)
            fsync_file(partial)
            partial.replace(final)
            fsync_dir(chosen.folder)
        finally:
            with suppress(FileNotFoundError):
                partial.unlink()
        backups.rotate(self.path, chosen)
        backups.remove_partials(self.path, chosen.folder)
        return final

    def _interruptible(self, file: Path, key: RawKey, work: Callable[[Connection], None]) -> None:
        """Run `work` on a connection of its own to `file` (the journal, or the copy being
        checked) that `_stop_backup` can interrupt from another thread."""
        if self._stopping or self._key is None:
            raise BackupCancelled()
        connection = _open_connection(file, key)
        self._backup_connection = connection
        try:
            work(connection)
        finally:
            self._backup_connection = None
            connection.close()

    def _stop_backup(self) -> None:
        """Interrupt a backup under way (lock, rekey) and wait until it has cleaned up."""
        self._stopping = True
        running = self._backup_connection
        if running is not None:
            running.interrupt()
        with self._backup_guard:
            self._stopping = False

    def place_backups(self, folder: Path | None, keep: int, budget_mb: int | None = None) -> None:
        """Send future backups to `folder` (None: the default) and keep what is chosen.

        Backups already made stay where they are; the old folder is not emptied.
        """
        budget = budget_mb if budget_mb is not None else self.backup_place.budget_mb
        backups.set_place(self.path, folder, keep, budget)
        chosen = self.backup_place
        if chosen.folder.is_dir():
            with translating_os_errors("the backups folder"):
                backups.rotate(self.path, chosen)

    def backup_due(self, every: timedelta = BACKUP_EVERY) -> bool:
        """A day since the newest backup, and something changed since it (or none yet)."""
        newest = list_backups(self.path, self.backups_dir)[:1]
        if not newest:
            return True
        return backups.age(newest[0]) >= every and self._changed_since_backup()

    def backup_if_due(self, every: timedelta = BACKUP_EVERY) -> Path | None:
        return self.backup("") if self.backup_due(every) else None

    # -- passphrase and keychain ---------------------------------------------------------

    def check_passphrase(self, passphrase: str) -> bool:
        key = self._current_key()
        return any(derive_key(form, key.salt).same_as(key) for form in passphrase_forms(passphrase))

    def change_passphrase(self, current: str, new: str) -> PassphraseChanged:
        """Re-encrypt the file under `new`, and say exactly what happened.

        The remembered key is removed before the rekey and stored again (old or new key,
        whichever opens the file after) once proven, so at every instant the keychain
        holds either nothing or a key that opens the journal. A failed rekey raises
        PassphraseNotChanged; a failed backup after it is reported in the result.
        """
        _require_passphrase(new)
        if not self.check_passphrase(current):
            raise WrongPassphrase(self.path)
        old_key = self._current_key()
        new_key = _new_key(new, old_key.salt)
        was_remembered = self.is_remembered()
        if was_remembered:
            keychain.forget_key(self.path)
        self._stop_backup()
        # The session is closed properly around the rekey: no connection is open during
        # it, so its -wal comes and goes, and a crash then must not read as a lost log.
        self._end_session()
        self.engine.dispose()  # other connections fail after a rekey
        self._close_unused()
        failure = _rekey(self.path, old_key, new_key)
        opened_with = self._reopen(new_key, old_key)
        self._begin_session(self._main, migrated=False)
        note = self._remember_again() if was_remembered else ""
        if opened_with is old_key:
            raise PassphraseNotChanged(_failure_reason(failure), note)
        try:
            return PassphraseChanged(self.backup("new-passphrase"), keychain_note=note)
        except BackupFailed as error:
            return PassphraseChanged(None, str(error), note)

    def _reopen(self, *keys: RawKey) -> RawKey:
        """Open the journal with the first key of `keys` that opens it, as the app's
        connection from now on."""
        for key in keys:
            try:
                proven = _open_connection(self.path, key)
            except sqlcipher.DatabaseError:
                continue
            _check_marker(proven, self.path)
            _configure(proven)
            self._key = key
            self._main = proven
            self._unused.append(proven)
            self._engine = _make_engine(self.path, key, self._unused)
            return key
        raise JournalDamaged(
            self.path, "neither passphrase opens it any more.", list_backups(self.path)
        )

    def _remember_again(self) -> str:
        status = keychain.store_key(self.path, self._current_key())
        if status.usable:
            return ""
        return (
            "“Remember on this computer” was turned off: the keychain could not keep the key "
            f"({status.reason}). Type your passphrase to unlock next time."
        )

    def is_remembered(self) -> bool:
        remembered, _ = keychain.load_key(self.path)
        return remembered is not None

    def remember(self, on: bool) -> keychain.KeychainStatus:
        """Keep (or stop keeping) this journal's key in the OS keychain."""
        if not on:
            keychain.forget_key(self.path)
            return keychain.KeychainStatus(False, "This journal is no longer remembered.")
        status = keychain.store_key(self.path, self._current_key())
        self.keychain_note = "" if status.usable else status.reason
        return status


def _vacuum_into_sql(target: Path) -> Callable[[Connection], None]:
    def copy(connection: Connection) -> None:
        connection.execute("VACUUM INTO ?", (str(target),))

    return copy


def _check_copy_as_closed_journal(connection: Connection) -> None:
    """A copy taken while the journal is open carries its session mark; restored, it must
    read as a journal closed properly, whose newest backup is itself. Then it counts only
    if it is a whole journal whose pages all check."""
    with connection:
        connection.execute("DELETE FROM journal_info WHERE key = ?", (SESSION_MARK,))
        connection.execute(
            "INSERT OR REPLACE INTO journal_info (key, value) VALUES (?, '0')", (UNBACKED_MARK,)
        )
    _check_marker(connection, Path("the backup"))
    if connection.execute("PRAGMA cipher_integrity_check").fetchall():
        raise JournalDamaged(Path("the backup"), "the copy just written does not check.", [])


def _rekey(path: Path, old_key: RawKey, new_key: RawKey) -> BaseException | None:
    """Run the rekey; the failure it met (disk full, size limit), or None."""
    try:
        with closing(_open_connection(path, old_key)) as connection:
            connection.execute(f"PRAGMA rekey = {new_key.pragma_literal()}")
    except (sqlcipher.Error, OSError) as error:
        return error
    return None


def _failure_reason(failure: BaseException | None) -> str:
    """Why a rekey did not happen. SQLCipher reports some refused writes without an
    error, so a disk refusal in any form reads the same; other errors are named."""
    if isinstance(failure, sqlcipher.Error) and not _is_disk_refusal(failure):
        return _sqlite_reason(failure)
    return "the disk did not take the re-encrypted journal (it may be full)"


def _is_disk_refusal(error: BaseException) -> bool:
    name = getattr(error, "sqlite_errorname", "") or ""
    return name == "SQLITE_FULL" or name.startswith(("SQLITE_IOERR", "SQLITE_CANTOPEN"))


def _sqlite_reason(error: BaseException) -> str:
    name = getattr(error, "sqlite_errorname", "") or ""
    if name == "SQLITE_FULL":
        return "the disk is full"
    if name.startswith(("SQLITE_IOERR", "SQLITE_CANTOPEN", "SQLITE_READONLY")):
        return "the disk refused the write"
    return f"the database reported “{error}”"


# ---------------------------------------------------------------------------------------
# Creating and unlocking


def create(path: Path | str, passphrase: str, *, remember: bool = False) -> Journal:
    """Create a new, empty journal at `path`, 0600 in a folder we make 0700, and open it."""
    path = _absolute(path)
    _require_passphrase(passphrase)
    with translating_os_errors("the new journal"):
        paths.make_private_dir(path.parent)
        try:
            create_private_file(path)
        except FileExistsError as error:
            raise JournalExists(path) from error
    file_lock = JournalLock(path)
    file_lock.acquire()
    key = _new_key(passphrase, new_salt())
    try:
        connection = _initialise(path, key)
    except BaseException:
        file_lock.release()
        _remove_journal_files(path)
        raise
    vault = Vault(path, key, file_lock, connection)
    try:
        vault._begin_session(connection, migrated=True)
    except BaseException:
        vault.lock()
        raise
    return _finish_unlock(vault, remember=remember)


def _initialise(path: Path, key: RawKey) -> Connection:
    """Write the schema and the marker, then checkpoint so they live in the main file."""
    try:
        connection = _open_connection(path, key)
        _configure(connection)
        _migrate(connection, 0)
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlcipher.Error as error:
        known = known_error(error, path, [])
        if known is None:
            raise
        raise known from error
    return connection


def unlock(
    path: Path | str,
    passphrase: str | None = None,
    *,
    remember: bool | None = None,
    open_as_it_is: bool = False,
) -> Journal:
    """Open a journal with `passphrase`, or with the key remembered on this computer.

    Without a passphrase and no usable remembered key, raises PassphraseRequired whose
    `reason` says why (no keychain, not remembered, key no longer fits). `remember`
    True/False stores/forgets the key; None keeps the person's earlier choice.
    `open_as_it_is` opens a journal whose last session's log was lost (RecentChangesLost),
    once the person chose to. No backup is made here: the app makes it after the window
    is up (`Vault.backup_if_due`), so a failing backup never keeps anyone out.
    """
    path = _absolute(path)
    swap.finish_interrupted_restore(path)
    if not path.is_file():
        raise JournalNotFound(path)
    file_lock = JournalLock(path)
    file_lock.acquire()
    try:
        _refuse_saltless_file(path)
        log_was_there = _sidecar(path, "-wal").exists()
        shm_was_there = _sidecar(path, "-shm").exists()
        key, connection = _open_with(path, passphrase)
        version = _checked_journal(connection, path)
        if not open_as_it_is and not log_was_there:
            _refuse_lost_log(connection, path, shm_was_there)
        _configure(connection)
    except BaseException:
        file_lock.release()
        raise
    vault = Vault(path, key, file_lock, connection)
    try:
        _upgrade(vault, connection, version)
        vault._begin_session(connection, migrated=version < migrations.LATEST_VERSION)
    except BaseException as error:
        vault.lock()
        known = known_error(error, path, list_backups(path))
        if isinstance(known, DiskFull | CannotWrite):  # rolled back whole: as it was
            raise CannotWrite("the journal's upgrade to this version", str(error)) from error
        if known is not None:
            raise known from error
        raise
    return _finish_unlock(vault, remember=remember, typed=passphrase is not None)


def _open_with(path: Path, passphrase: str | None) -> tuple[RawKey, Connection]:
    if passphrase is None:
        return _open_with_remembered_key(path)
    salt = read_salt(path)
    refused: Exception | None = None
    for form in passphrase_forms(passphrase):
        key = derive_key(form, salt)
        try:
            return key, _open_connection(path, key)
        except sqlcipher.DatabaseError as error:
            if not _is_not_a_database(error):
                raise _explain_failed_open(error, path, passphrase) from error
            refused = error
    assert refused is not None
    raise _explain_failed_open(refused, path, passphrase) from refused


def _open_with_remembered_key(path: Path) -> tuple[RawKey, Connection]:
    key, reason = keychain.load_key(path)
    if key is None:
        raise PassphraseRequired(reason)
    if key.salt != read_salt(path):
        raise PassphraseRequired("The key remembered on this computer is for another copy.")
    try:
        return key, _open_connection(path, key)
    except sqlcipher.DatabaseError as error:
        if _is_not_a_database(error):
            raise PassphraseRequired(
                "The key remembered on this computer no longer opens this journal."
            ) from error
        raise _explain_failed_open(error, path, None) from error


def _is_not_a_database(error: BaseException) -> bool:
    return getattr(error, "sqlite_errorname", "") == "SQLITE_NOTADB"


def _explain_failed_open(error: Exception, path: Path, passphrase: str | None) -> Exception:
    """Wrong passphrase or damaged file? They look alike to SQLCipher, so look closer."""
    found = list_backups(path)
    if not _is_not_a_database(error):
        return known_error(error, path, found) or error
    opened = _backup_opened_by(passphrase, found) if passphrase is not None else None
    if opened is None:
        return WrongPassphrase(path)
    if read_salt(opened) == read_salt(path):  # the same file's key: changed, or damaged?
        detail = (
            f"that passphrase opens its backup “{opened.name}” but not the journal itself. "
            "If you changed the passphrase after that backup, type the new one; if not,"
            " the journal's first page is damaged."
        )
    else:
        detail = f"your passphrase opens its backup “{opened.name}” but not the journal itself."
    return JournalDamaged(path, detail, found)


def _backup_opened_by(passphrase: str, candidates: list[Path]) -> Path | None:
    """The newest backup this passphrase opens: proof that the passphrase is right."""
    for backup in candidates[:1]:
        with suppress(sqlcipher.Error, OSError, JournalError, ValueError):
            _key_opening_backup(backup, passphrase)
            return backup
    return None


def _checked_journal(connection: Connection, path: Path) -> int:
    """The schema version of a whole journal; closes the connection when it is not one.

    A main file that is not a whole number of pages is what a write cut short leaves
    behind (a full disk, a size limit) while the -wal still holds every change: it is
    checked by reading it, and only called damaged when the reading fails.
    """
    try:
        version = _check_marker(connection, path)
        if path.stat().st_size % PAGE_SIZE:
            problems = _logical_problems(connection)
            if problems:
                raise JournalDamaged(
                    path,
                    f"it was cut short and cannot be read whole ({problems[0]}).",
                    list_backups(path),
                )
    except BaseException as error:
        connection.close()
        if isinstance(error, sqlcipher.Error):
            known = known_error(error, path, list_backups(path))
            if known is not None:
                raise known from error
        raise
    return version


def _refuse_lost_log(connection: Connection, path: Path, shm_was_there: bool) -> None:
    """No -wal now, yet the last session never ended (its mark is set) or left its -shm:
    the log of its changes was deleted after a crash. Opening would silently drop them."""
    closed = _sidecar(path, CLOSED_SUFFIX).exists()
    if not closed and (shm_was_there or _info(connection, SESSION_MARK) is not None):
        connection.close()
        raise RecentChangesLost(path, list_backups(path))


def _upgrade(vault: Vault, connection: Connection, version: int) -> None:
    """Bring an older journal up to date, after copying it aside when the disk allows.

    The migration is one transaction, so an interruption leaves the old version whole;
    the copy is a second safety, and its failure is told, not a reason to stay locked.
    """
    if version < migrations.LATEST_VERSION:
        try:
            vault.backup(f"before-v{migrations.LATEST_VERSION}")
        except BackupFailed as error:
            vault.notes.append(str(error))
        _migrate(connection, version)


def _migrate(connection: Connection, version: int) -> None:
    """Run the pending migrations and set the marker, all in one transaction."""
    for name, function in migrations.FUNCTIONS.items():
        connection.create_function(name, 1, function, deterministic=True)
    connection.execute("BEGIN IMMEDIATE")
    try:
        for _number, statements in migrations.statements_after(version):
            for statement in statements:
                connection.execute(statement)
        connection.execute(f"PRAGMA application_id = {migrations.APPLICATION_ID}")
        connection.execute(f"PRAGMA user_version = {migrations.LATEST_VERSION}")
        connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:  # a refused COMMIT has rolled back already
            connection.execute("ROLLBACK")
        raise


def _finish_unlock(vault: Vault, *, remember: bool | None, typed: bool = True) -> Journal:
    from jobjournal.core.records.journal import Journal  # SQLAlchemy: see the docstring

    try:
        if remember is not None:
            vault.remember(remember)
        elif typed:
            _refresh_stale_remembered_key(vault)
    except BaseException:
        vault.lock()  # never leave a file locked behind an error
        raise
    return Journal(vault)


def _refresh_stale_remembered_key(vault: Vault) -> None:
    """A person who chose to be remembered stays remembered after, say, a restore."""
    remembered, _ = keychain.load_key(vault.path)
    if remembered is not None and not remembered.same_as(vault._current_key()):
        vault.remember(True)


def _refuse_saltless_file(path: Path) -> None:
    """A file too short to hold its salt cannot be decrypted at all (and an empty file
    would open as a brand-new database, hiding the loss)."""
    size = path.stat().st_size
    if size < SALT_BYTES:
        what = "it is empty" if size == 0 else f"it holds only {size} bytes"
        raise JournalDamaged(path, f"{what}.", list_backups(path))


# ---------------------------------------------------------------------------------------
# Backups and restore


def set_backup_place(
    journal_path: Path, folder: Path | None, keep: int, budget_mb: int = backups.DEFAULT_BUDGET_MB
) -> None:
    backups.set_place(journal_path, folder, keep, budget_mb)


def _check_backup(backup: Path, key: RawKey, *, thorough: bool = True) -> None:
    """A backup counts only if it opens with the key, is a whole journal and its pages check."""
    with closing(_open_connection(backup, key)) as connection:
        _check_marker(connection, backup)
        if thorough:
            problems = connection.execute("PRAGMA cipher_integrity_check").fetchall()
            if problems:
                raise JournalDamaged(backup, "the copy just written does not check.", [])


def _key_opening_backup(backup: Path, passphrase: str) -> RawKey:
    salt = read_salt(backup)
    refused: Exception | None = None
    for form in passphrase_forms(passphrase):
        key = derive_key(form, salt)
        try:
            _check_backup(key=key, backup=backup, thorough=False)
        except sqlcipher.DatabaseError as error:
            refused = error
            continue
        return key
    raise WrongPassphrase(backup) from refused


def check_backup(backup: Path | str, passphrase: str) -> RawKey:
    """Refuse, before anything is touched, a backup this passphrase does not open."""
    backup = _absolute(backup)
    try:
        return _key_opening_backup(backup, passphrase)
    except (OSError, ValueError) as error:
        raise RestoreFailed(backup, "that backup cannot be read") from error


def restore_backup(backup: Path | str, journal_path: Path | str, passphrase: str) -> Journal:
    """Put `backup` in the journal's place and open it.

    The backup is copied beside the journal and checked there first; only then is it
    swapped in by renames, which `swap` finishes on the next start if they were cut
    short. The journal it replaces is kept as `<stem>.before-restore-<time>.db` (with its
    -wal and -shm): restoring never destroys anything. `journal.vault.notes` says where.
    """
    backup, journal_path = _absolute(backup), _absolute(journal_path)
    key = check_backup(backup, passphrase)
    file_lock = JournalLock(journal_path)
    if journal_path.exists():
        file_lock.acquire()  # refuse to pull the file from under another window
    try:
        ready = _copy_beside(backup, journal_path, key)
        kept = swap.swap_in(ready, journal_path)
    finally:
        file_lock.release()
    journal = unlock(journal_path, passphrase)
    journal.vault.notes.append(
        f"Restored {backup.name}."
        + (f" The journal it replaced is kept beside it as “{kept.name}”." if kept else "")
    )
    return journal


def _copy_beside(backup: Path, journal_path: Path, key: RawKey) -> Path:
    """A checked copy of `backup` next to the journal, named as ready to swap in."""
    partial = swap.restoring_name(journal_path)
    try:
        create_private_file(partial, replace_stale=True)
        shutil.copyfile(backup, partial)
        fsync_file(partial)
        _check_backup(partial, key)
        ready = swap.ready_name(journal_path, datetime.now(UTC).strftime(backups.STAMP))
        partial.replace(ready)
        fsync_dir(journal_path.parent)
        return ready
    except OSError as error:
        raise RestoreFailed(journal_path, os_error_reason(error)) from error
    except (sqlcipher.Error, JournalDamaged) as error:
        raise RestoreFailed(journal_path, "the copy of the backup did not check") from error
    finally:
        with suppress(FileNotFoundError):
            partial.unlink()


# ---------------------------------------------------------------------------------------
# Small file helpers


def _absolute(path: Path | str) -> Path:
    return Path(path).expanduser().absolute()


def _require_passphrase(passphrase: str) -> None:
    if not passphrase:
        raise InvalidInput("Choose a passphrase: the journal cannot be encrypted without one.")


def _sidecar(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def _remove_journal_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        with suppress(FileNotFoundError):
            _sidecar(path, suffix).unlink()
