"""The journal a person works in: an unlocked vault plus the operations on its records."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from jobjournal.core.vault import Vault


class Journal:
    """What `vault.create` and `vault.unlock` return. `lock()` ends it."""

    def __init__(self, vault: Vault) -> None:
        self.vault = vault

    @property
    def path(self) -> Path:
        return self.vault.path

    @property
    def is_locked(self) -> bool:
        return self.vault.is_locked

    def lock(self) -> None:
        self.vault.lock()

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self.vault.session() as session:
            yield session
