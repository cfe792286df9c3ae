"""How far long work has come, and a way to stop it: shared by the thread doing the work
and the window showing it (which polls; nothing here knows about Qt)."""

from __future__ import annotations

import threading

from jobjournal.core.errors import JournalError


class Cancelled(JournalError):
    """The person stopped the work; whatever it was writing was rolled back."""


class Progress:
    def __init__(self) -> None:
        self.done = 0
        self.total = 0
        self.stage = ""
        self._stop = threading.Event()

    def step(self, done: int, total: int | None = None, stage: str | None = None) -> None:
        """Record how far the work is; raises Cancelled once the person asked to stop."""
        if self._stop.is_set():
            raise Cancelled("Stopped: nothing was changed.")
        self.done = done
        if total is not None:
            self.total = total
        if stage is not None:
            self.stage = stage

    def cancel(self) -> None:
        self._stop.set()

    @property
    def cancelled(self) -> bool:
        return self._stop.is_set()
