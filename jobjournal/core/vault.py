"""The encrypted journal file: create, unlock, lock, verify, back up, restore, rekey.

A journal is one standard SQLCipher 4 database. Every connection is opened with the raw
key derived once from the passphrase (see `crypto`), so the passphrase itself is never
kept, and the file opens in any SQLCipher 4 tool with the passphrase alone.

Rules this module keeps (each has a test):
- the key is the first statement on a connection, after only `cipher_log_level = NONE`;
- a file is a journal only if it carries our marker and core tables; anything else is
  reported as damaged, never initialised as a new journal;
- a remembered key in the keychain always opens the file or is absent;
- backups are encrypted (`VACUUM INTO`), checked by opening them, and never plaintext.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import closing, contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlcipher3.dbapi2 as sqlcipher

from jobjournal.core import keychain, migrations, paths
from jobjournal.core.crypto import RawKey, derive_key, new_salt, read_salt
from jobjournal.core.errors import (
    InvalidInput,
    JournalDamaged,
    JournalError,
    JournalExists,
    JournalNotFound,
    JournalTooNew,
    PassphraseRequired,
    WrongPassphrase,
    known_error,
    translating_os_errors,
)
from jobjournal.core.filelock import JournalLock

if TYPE_CHECKING:
    from sqlalchemy import Connection as SAConnection
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session

    from jobjournal.core.journal import Journal

PAGE_SIZE = 4096
DEFAULT_KEEP_BACKUPS = 10
BACKUP_EVERY = timedelta(days=1)
_STAMP = "%Y%m%d-%H%M%S"

Connection = Any  # a sqlcipher3 DB-API connection (the module ships no type hints)


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


def _make_engine(path: Path, key: RawKey, unused: list[Connection]) -> Engine:
    """One connection for the whole app (the GUI thread), handed to SQLAlchemy as is.

    `unused` holds the connection unlock already opened and checked; the engine takes it
    on first use, and whoever locks the vault closes it if the engine never did.
    """
    from sqlalchemy import create_engine
    from sqlalchemy.pool import StaticPool

    def connect() -> Connection:
        if unused:
            return unused.pop()
        connection = _open_connection(path, key)
        _configure(connection)
        return connection

    return create_engine("sqlite://", creator=connect, module=sqlcipher, poolclass=StaticPool)


# ---------------------------------------------------------------------------------------
# The open vault


@dataclass(frozen=True)
class VerifyReport:
    problems: list[str]
    backups: list[Path] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


class Vault:
    """An unlocked journal file. `lock()` closes it; every other method then refuses."""

    def __init__(self, path: Path, key: RawKey, file_lock: JournalLock, first: Connection):
        self.path = path
        self.backups_dir, self.keep_backups = backup_place(path)
        self.keychain_note = ""  # why remembering did not happen, when it was asked for
        self._key: RawKey | None = key
        self._file_lock = file_lock
        self._unused: list[Connection] = [first]
        self._engine: Engine | None = _make_engine(path, key, self._unused)

    # -- state ---------------------------------------------------------------------------

    @property
    def is_locked(self) -> bool:
        return self._engine is None

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            raise RuntimeError("the journal is locked")
        return self._engine

    def _current_key(self) -> RawKey:
        if self._key is None:
            raise RuntimeError("the journal is locked")
        return self._key

    def lock(self) -> None:
        """Close the file: connection closed (SQLCipher wipes its key), OS lock released."""
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
        self._close_unused()
        self._key = None
        self._file_lock.release()

    def _close_unused(self) -> None:
        while self._unused:
            self._unused.pop().close()

    # -- writing -------------------------------------------------------------------------

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: committed when the block ends, rolled back if it raises.

        SQLite failures a person can act on (disk full, damaged file) come out as
        JournalError; the journal is left as it was before the block.
        """
        from sqlalchemy.exc import DBAPIError
        from sqlalchemy.orm import Session

        with Session(self.engine, expire_on_commit=False) as session:
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
        """Write an encrypted, checked copy to the backups folder and keep the newest N."""
        with translating_os_errors("the backup"):
            paths.make_private_dir(self.backups_dir)
            final = _free_backup_name(self.backups_dir, self.path.stem, label)
            partial = final.with_name(f".{final.name}.partial")
            _create_private_file(partial, replace_stale=True)
            try:
                self._vacuum_into(partial)
                _check_backup(partial, self._current_key())
                _fsync_file(partial)
                os.replace(partial, final)
                _fsync_dir(self.backups_dir)
            finally:
                with suppress(FileNotFoundError):
                    partial.unlink()
            self._rotate_backups()
        return final

    def _vacuum_into(self, target: Path) -> None:
        from sqlalchemy.exc import DBAPIError

        try:
            with self.engine.connect() as connection:
                connection.exec_driver_sql("VACUUM INTO ?", (str(target),))
        except DBAPIError as error:
            raise self._translated(error) from error

    def place_backups(self, folder: Path | None, keep: int) -> None:
        """Send future backups to `folder` (None: the default) and keep the newest `keep`.

        Backups already made stay where they are; the old folder is not emptied.
        """
        set_backup_place(self.path, folder, keep)
        self.backups_dir, self.keep_backups = backup_place(self.path)
        if self.backups_dir.is_dir():
            with translating_os_errors("the backups folder"):
                self._rotate_backups()

    def backup_if_due(self, every: timedelta = BACKUP_EVERY) -> Path | None:
        newest = list_backups(self.path, self.backups_dir)[:1]
        if newest and _age(newest[0]) < every:
            return None
        return self.backup()

    def _rotate_backups(self) -> None:
        for old in list_backups(self.path, self.backups_dir)[self.keep_backups :]:
            old.unlink()
        for leftover in self.backups_dir.glob(f".{self.path.stem}-*.partial"):
            leftover.unlink()  # from a backup cut short by a crash; we hold the journal lock

    # -- passphrase and keychain ---------------------------------------------------------

    def check_passphrase(self, passphrase: str) -> bool:
        key = self._current_key()
        return derive_key(passphrase, key.salt).same_as(key)

    def change_passphrase(self, current: str, new: str) -> None:
        """Re-encrypt the file under `new`.

        The remembered key is removed before the rekey and stored again only once the new
        key is proven to open the file, so at every instant the keychain holds either
        nothing or a key that opens the journal. Backups keep the passphrase they were made
        with, so a fresh backup is made under the new one.
        """
        _require_passphrase(new)
        if not self.check_passphrase(current):
            raise WrongPassphrase(self.path)
        old_key = self._current_key()
        new_key = derive_key(new, old_key.salt)
        was_remembered = self.is_remembered()
        if was_remembered:
            keychain.forget_key(self.path)
        self.engine.dispose()  # other connections fail after a rekey
        self._close_unused()
        with closing(_open_connection(self.path, old_key)) as connection:
            connection.execute(f"PRAGMA rekey = {new_key.pragma_literal()}")
        proven = _open_connection(self.path, new_key)
        _check_marker(proven, self.path)
        _configure(proven)
        self._key = new_key
        self._unused.append(proven)
        self._engine = _make_engine(self.path, new_key, self._unused)
        if was_remembered:
            self.keychain_note = keychain.store_key(self.path, new_key).reason
        self.backup("new-passphrase")

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


# ---------------------------------------------------------------------------------------
# Creating and unlocking


def create(path: Path | str, passphrase: str, *, remember: bool = False) -> Journal:
    """Create a new, empty journal at `path`, 0600 in a folder we make 0700, and open it."""
    path = _absolute(path)
    _require_passphrase(passphrase)
    with translating_os_errors("the new journal"):
        paths.make_private_dir(path.parent)
        try:
            _create_private_file(path)
        except FileExistsError as error:
            raise JournalExists(path) from error
    file_lock = JournalLock(path)
    file_lock.acquire()
    key = derive_key(passphrase, new_salt())
    try:
        connection = _initialise(path, key)
    except BaseException:
        file_lock.release()
        _remove_journal_files(path)
        raise
    return _finish_unlock(Vault(path, key, file_lock, connection), remember=remember)


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
    make_daily_backup: bool = True,
) -> Journal:
    """Open a journal with `passphrase`, or with the key remembered on this computer.

    Without a passphrase and no usable remembered key, raises PassphraseRequired whose
    `reason` says why (no keychain, not remembered, key no longer fits). `remember`
    True/False stores/forgets the key; None keeps the person's earlier choice.
    """
    path = _absolute(path)
    if not path.is_file():
        raise JournalNotFound(path)
    file_lock = JournalLock(path)
    file_lock.acquire()
    try:
        _refuse_partial_file(path)
        _refuse_lost_wal(path)
        key, connection = _open_with(path, passphrase)
        version = _checked_version(connection, path)
        _configure(connection)
    except BaseException:
        file_lock.release()
        raise
    vault = Vault(path, key, file_lock, connection)
    try:
        _upgrade(vault, connection, version)
        if make_daily_backup:
            vault.backup_if_due()
    except BaseException:
        vault.lock()
        raise
    return _finish_unlock(vault, remember=remember, typed=passphrase is not None)


def _open_with(path: Path, passphrase: str | None) -> tuple[RawKey, Connection]:
    if passphrase is None:
        return _open_with_remembered_key(path)
    key = derive_key(passphrase, read_salt(path))
    try:
        return key, _open_connection(path, key)
    except sqlcipher.DatabaseError as error:
        raise _explain_failed_open(error, path, passphrase) from error


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
    backups = list_backups(path)
    if not _is_not_a_database(error):
        return known_error(error, path, backups) or error
    opened = _backup_opened_by(passphrase, backups) if passphrase is not None else None
    if opened is not None:
        return JournalDamaged(
            path,
            f"your passphrase opens its backup “{opened.name}” but not the journal itself.",
            backups,
        )
    return WrongPassphrase(path)


def _backup_opened_by(passphrase: str, backups: list[Path]) -> Path | None:
    """The newest backup this passphrase opens: proof that the passphrase is right."""
    for backup in backups[:1]:
        with suppress(sqlcipher.Error, OSError, JournalError):
            _check_backup(backup, derive_key(passphrase, read_salt(backup)), thorough=False)
            return backup
    return None


def _checked_version(connection: Connection, path: Path) -> int:
    try:
        return _check_marker(connection, path)
    except BaseException:
        connection.close()
        raise


def _upgrade(vault: Vault, connection: Connection, version: int) -> None:
    """Bring an older journal up to date, after copying it aside."""
    if version < migrations.LATEST_VERSION:
        vault.backup(f"before-v{migrations.LATEST_VERSION}")
        _migrate(connection, version)


def _migrate(connection: Connection, version: int) -> None:
    """Run the pending migrations and set the marker, all in one transaction."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        for _number, statements in migrations.statements_after(version):
            for statement in statements:
                connection.execute(statement)
        connection.execute(f"PRAGMA application_id = {migrations.APPLICATION_ID}")
        connection.execute(f"PRAGMA user_version = {migrations.LATEST_VERSION}")
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise


def _finish_unlock(vault: Vault, *, remember: bool | None, typed: bool = True) -> Journal:
    from jobjournal.core.journal import Journal

    if remember is not None:
        vault.remember(remember)
    elif typed:
        _refresh_stale_remembered_key(vault)
    return Journal(vault)


def _refresh_stale_remembered_key(vault: Vault) -> None:
    """A person who chose to be remembered stays remembered after, say, a restore."""
    remembered, _ = keychain.load_key(vault.path)
    if remembered is not None and not remembered.same_as(vault._current_key()):
        vault.remember(True)


def _refuse_partial_file(path: Path) -> None:
    """SQLite files are whole pages; anything else was cut short (and an empty file would
    open as a brand-new database, hiding the loss)."""
    size = path.stat().st_size
    if size < PAGE_SIZE or size % PAGE_SIZE:
        raise JournalDamaged(
            path, f"its size ({size} bytes) is not a whole number of pages.", list_backups(path)
        )


def _refuse_lost_wal(path: Path) -> None:
    """A -shm without its -wal means the log of committed changes was deleted after a crash.

    SQLite removes both on a clean close and keeps both after a crash; only a person or a
    cleaning tool removes the log alone. Opening now would silently drop those changes.
    """
    wal, shm = _sidecar(path, "-wal"), _sidecar(path, "-shm")
    if shm.exists() and not wal.exists():
        raise JournalDamaged(
            path,
            f"the file “{wal.name}” that held its latest changes is missing.",
            list_backups(path),
        )


# ---------------------------------------------------------------------------------------
# Backups on disk


# Where each journal's backups go and how many are kept, when the person chose other than
# the default (the app sets this from its settings before unlocking, so that the backup
# made at unlock, and the backups offered for a damaged file, use the chosen folder).
_backup_places: dict[Path, tuple[Path, int]] = {}


def set_backup_place(journal_path: Path, folder: Path | None, keep: int) -> None:
    """Choose the backups folder (None: the default beside the journal) and how many to keep."""
    if keep < 1:
        raise InvalidInput("Keep at least one backup.")
    journal_path = _absolute(journal_path)
    _backup_places[journal_path] = (folder or paths.backups_dir_for(journal_path), keep)


def backup_place(journal_path: Path) -> tuple[Path, int]:
    """The backups folder of a journal and how many backups it keeps."""
    journal_path = _absolute(journal_path)
    default = (paths.backups_dir_for(journal_path), DEFAULT_KEEP_BACKUPS)
    return _backup_places.get(journal_path, default)


def list_backups(journal_path: Path, folder: Path | None = None) -> list[Path]:
    """The journal's backups, newest first."""
    folder = folder or backup_place(journal_path)[0]
    prefix = f"{journal_path.stem}-"
    try:
        found = [p for p in folder.iterdir() if p.name.startswith(prefix) and p.suffix == ".db"]
    except (FileNotFoundError, NotADirectoryError):
        return []
    return sorted(found, key=lambda p: p.name, reverse=True)


def _check_backup(backup: Path, key: RawKey, *, thorough: bool = True) -> None:
    """A backup counts only if it opens with the key, is a whole journal and its pages check."""
    with closing(_open_connection(backup, key)) as connection:
        _check_marker(connection, backup)
        if thorough:
            problems = connection.execute("PRAGMA cipher_integrity_check").fetchall()
            if problems:
                raise JournalDamaged(backup, "the backup just written does not check.", [])


def check_backup(backup: Path | str, passphrase: str) -> None:
    """Refuse, before anything is touched, a backup this passphrase does not open."""
    backup = _absolute(backup)
    try:
        _check_backup(backup, derive_key(passphrase, read_salt(backup)), thorough=False)
    except sqlcipher.DatabaseError as error:
        raise WrongPassphrase(backup) from error


def restore_backup(backup: Path | str, journal_path: Path | str, passphrase: str) -> Journal:
    """Put `backup` in the journal's place and open it.

    The file it replaces is kept beside it as `<name>.damaged-<time>.db` (with its -wal and
    -shm): restoring never destroys anything.
    """
    backup, journal_path = _absolute(backup), _absolute(journal_path)
    check_backup(backup, passphrase)
    with translating_os_errors("the restored journal"):
        _set_aside(journal_path)
        partial = journal_path.with_name(f".{journal_path.name}.restoring")
        _create_private_file(partial, replace_stale=True)
        shutil.copyfile(backup, partial)
        _fsync_file(partial)
        os.replace(partial, journal_path)
        _fsync_dir(journal_path.parent)
    return unlock(journal_path, passphrase, make_daily_backup=False)


def _set_aside(journal_path: Path) -> None:
    if not journal_path.exists():
        return
    file_lock = JournalLock(journal_path)
    file_lock.acquire()  # refuse to pull the file from under another window
    try:
        stamp = datetime.now(UTC).strftime(_STAMP)
        for suffix in ("", "-wal", "-shm"):
            source = _sidecar(journal_path, suffix)
            if source.exists():
                source.rename(
                    _sidecar(
                        journal_path.with_name(
                            f"{journal_path.stem}.damaged-{stamp}{journal_path.suffix}"
                        ),
                        suffix,
                    )
                )
    finally:
        file_lock.release()


# ---------------------------------------------------------------------------------------
# Small file helpers


def _absolute(path: Path | str) -> Path:
    return Path(path).expanduser().absolute()


def _require_passphrase(passphrase: str) -> None:
    if not passphrase:
        raise InvalidInput("Choose a passphrase: the journal cannot be encrypted without one.")


def _sidecar(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def _create_private_file(path: Path, *, replace_stale: bool = False) -> None:
    """Create an empty file readable by its owner only (SQLite's -wal/-shm copy the mode)."""
    if replace_stale:
        with suppress(FileNotFoundError):
            path.unlink()
    os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))


def _remove_journal_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        with suppress(FileNotFoundError):
            _sidecar(path, suffix).unlink()


def _free_backup_name(folder: Path, stem: str, label: str) -> Path:
    stamp = datetime.now(UTC).strftime(_STAMP)
    tail = f"-{label}" if label else ""
    candidate = folder / f"{stem}-{stamp}{tail}.db"
    counter = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{stamp}{tail}-{counter}.db"
        counter += 1
    return candidate


def _age(path: Path) -> timedelta:
    modified = datetime.fromtimestamp(path.stat().st_mtime, UTC)
    return datetime.now(UTC) - modified


def _fsync_file(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
