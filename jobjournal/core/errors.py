"""Errors a person can act on.

Everything raised as a `JournalError` carries a message written for the person using the
app: what happened and what they can do. Anything else is a bug and is left to crash
loudly. `known_error` sorts SQLite failures into the two.
"""

from __future__ import annotations

import errno
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class JournalError(Exception):
    """Base of every known error. `str(error)` is the message to show."""


class WrongPassphrase(JournalError):
    def __init__(self, path: Path) -> None:
        super().__init__(
            f"That passphrase does not open “{path.name}”. Check Caps Lock and try again. "
            "If you are sure it is right, the file may be damaged: restore it from a backup."
        )
        self.path = path


class PassphraseRequired(JournalError):
    """No usable remembered key: the caller must ask for the passphrase. `reason` says why."""

    def __init__(self, reason: str) -> None:
        super().__init__(f"Enter your passphrase. {reason}")
        self.reason = reason


class JournalDamaged(JournalError):
    def __init__(self, path: Path, detail: str, backups: list[Path] | None = None) -> None:
        advice = (
            "You can restore it from a backup."
            if backups
            else "No backup of it was found; keep the file, it may still be recoverable."
        )
        super().__init__(f"“{path.name}” is damaged: {detail} {advice}")
        self.path = path
        self.detail = detail
        self.backups = backups or []


class RecentChangesLost(JournalDamaged):
    """The last session ended in a crash and its log of changes (-wal) has since vanished.

    Not damage: the file opens. Nothing was written; the caller offers the backups, or
    opening the journal as it is.
    """

    def __init__(self, path: Path, backups: list[Path] | None = None) -> None:
        choice = (
            "restore a backup, or open it as it is."
            if backups
            else "open it as it is (no backup of it was found)."
        )
        JournalError.__init__(
            self,
            f"“{path.name}” was not closed properly last time, and the file that held its "
            f"latest changes (“{path.name}-wal”) is gone; a cleaning or sync tool may have "
            "removed it. Changes made in that last session may be missing. Nothing has been "
            f"written to the journal yet: {choice}",
        )
        self.path = path
        self.detail = "the log of its latest changes is gone"
        self.backups = backups or []


class JournalInUse(JournalError):
    def __init__(self, path: Path) -> None:
        super().__init__(
            f"“{path.name}” is already open in another jobjournal window or program. "
            "Close it there and try again."
        )
        self.path = path


class JournalNotFound(JournalError):
    def __init__(self, path: Path) -> None:
        super().__init__(f"There is no journal at {path}. Open another one or create a new one.")
        self.path = path


class JournalExists(JournalError):
    def __init__(self, path: Path) -> None:
        super().__init__(
            f"There is already a file at {path}. Open it, or choose another name for a new journal."
        )
        self.path = path


class JournalTooNew(JournalError):
    def __init__(self, path: Path, version: int) -> None:
        super().__init__(
            f"“{path.name}” was written by a newer jobjournal (format {version}). "
            "Update jobjournal to open it; the file was not changed."
        )
        self.path = path


class DiskFull(JournalError):
    def __init__(self, what: str) -> None:
        super().__init__(
            f"The disk is full, so {what} could not be saved. Free some space and try again; "
            "everything saved before is intact."
        )


class CannotWrite(JournalError):
    def __init__(self, what: str, detail: str = "") -> None:
        extra = f" ({detail})" if detail else ""
        super().__init__(
            f"{what[:1].upper()}{what[1:]} could not be written{extra}. The disk may be full, "
            "removed or read-only. Nothing saved before was lost; try again once it is writable."
        )


class BackupFailed(JournalError):
    """An automatic or requested backup could not be made; the journal itself is fine."""

    def __init__(self, folder: Path, reason: str) -> None:
        fix = {
            "the disk is full": "make room there, or choose another backups folder in Settings",
            "a file stands where the folder should be": (
                "move that file away, or choose another backups folder in Settings"
            ),
        }.get(reason, "choose another backups folder in Settings")
        super().__init__(
            f"No backup was made in {folder}: {reason}. Your journal itself is fine and "
            f"nothing in it was lost. To back it up, {fix}, then use Journal → Back up now."
        )
        self.folder = folder
        self.reason = reason


class RestoreFailed(JournalError):
    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(
            f"The backup was not restored: {reason}. “{path.name}” is exactly as it was "
            "before; try again once that is fixed."
        )
        self.path = path


class PassphraseNotChanged(JournalError):
    """The rekey did not happen: the journal still opens with the current passphrase."""

    def __init__(self, reason: str, keychain_note: str = "") -> None:
        extra = f" {keychain_note}" if keychain_note else ""
        super().__init__(
            f"Your passphrase was not changed: {reason}. The journal still opens with your "
            f"current passphrase.{extra}"
        )


class InvalidInput(JournalError):
    """A value a person typed that cannot be saved as it is; the message says which and why."""


def sqlite_error_name(error: BaseException) -> str | None:
    """The SQLITE_* name of a sqlcipher3 error, also when SQLAlchemy wrapped it."""
    original = getattr(error, "orig", None) or error
    name = getattr(original, "sqlite_errorname", None)
    return name if isinstance(name, str) else None


def known_error(error: BaseException, path: Path, backups: list[Path]) -> JournalError | None:
    """Translate a SQLite failure into a known error, or None when it is a bug."""
    name = sqlite_error_name(error)
    if name is None:
        return None
    if name == "SQLITE_FULL":
        return DiskFull("your last change")
    if name.startswith(("SQLITE_IOERR", "SQLITE_READONLY", "SQLITE_CANTOPEN")):
        return CannotWrite("your last change", str(getattr(error, "orig", error)))
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
        return JournalDamaged(path, "part of the file cannot be read.", backups)
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return JournalInUse(path)
    return None


def os_error_reason(error: OSError) -> str:
    """A failed file operation in plain words, for the middle of a sentence."""
    reasons = {
        errno.ENOSPC: "the disk is full",
        errno.EDQUOT: "the disk quota is used up",
        errno.EFBIG: "the file grew past the size this system allows",
        errno.EROFS: "the disk is read-only",
        errno.EACCES: "jobjournal may not write there",
        errno.EPERM: "jobjournal may not write there",
        errno.EIO: "the disk reported an error",
        errno.ENOTDIR: "a file stands where the folder should be",
        errno.EEXIST: "a file stands where the folder should be",
        errno.ENOENT: "the folder does not exist",
        errno.ENAMETOOLONG: "the name is too long for this disk",
    }
    return reasons.get(error.errno or 0, error.strerror or type(error).__name__)


@contextmanager
def translating_os_errors(what: str) -> Iterator[None]:
    """Turn a failed file write (disk full, size limit, read-only disk) into a known error."""

    try:
        yield
    except OSError as error:
        if error.errno == errno.ENOSPC:
            raise DiskFull(what) from error
        if error.errno in (errno.EFBIG, errno.EROFS, errno.EACCES, errno.EPERM, errno.EIO):
            raise CannotWrite(what, error.strerror or "") from error
        raise
