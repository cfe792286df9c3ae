"""One opener per journal: an OS lock on the journal file that dies with its holder.

On POSIX this is `flock` on the journal file itself (no lock file to leave behind). It is
independent of SQLite's own fcntl locks; we close our descriptor only after SQLite's
connections are closed, so closing it never drops SQLite's locks. A process that is
killed releases the lock with its descriptors.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from jobjournal.core.errors import JournalInUse


class JournalLock:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def acquire(self) -> None:
        fd = os.open(self.path, os.O_RDONLY)
        try:
            _lock_fd(fd)
        except OSError as error:
            os.close(fd)
            raise JournalInUse(self.path) from error
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the descriptor releases the lock
            self._fd = None

    @property
    def held(self) -> bool:
        return self._fd is not None


if sys.platform == "win32":  # pragma: no cover - exercised by the Windows CI build
    import msvcrt

    # Windows locks are mandatory: lock one byte far past any real page so SQLite's own
    # reads and its locks (near 1 GiB) are never blocked.
    _WINDOWS_LOCK_OFFSET = 1 << 40

    def _lock_fd(fd: int) -> None:
        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

else:
    import fcntl

    def _lock_fd(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
