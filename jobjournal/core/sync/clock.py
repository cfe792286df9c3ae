"""A hybrid logical clock: stamps that follow the wall clock when it moves forward, never
go back, and come after every stamp seen from another computer, so a computer whose
clock is hours off still orders its changes after everything it has merged.

A stamp is text that sorts as it orders: milliseconds (13 digits), a counter (5), and the
computer's id as the last tie-break, so no two computers ever make the same stamp.
"""

from __future__ import annotations

import time
from collections.abc import Callable

Stamp = str
ZERO: Stamp = ""  # before every stamp


def stamp_of(ms: int, counter: int, computer: str) -> Stamp:
    return f"{ms:013d}.{counter:05d}.{computer}"


def parts(stamp: Stamp) -> tuple[int, int]:
    ms, counter, _computer = stamp.split(".", 2)
    return int(ms), int(counter)


def now() -> float:
    """The wall clock, in seconds (tests set it hours off)."""
    return time.time()


class Clock:
    def __init__(
        self, computer: str, last: Stamp = ZERO, wall: Callable[[], float] | None = None
    ) -> None:
        self.computer = computer
        self.last = last
        self.wall = wall

    def tick(self) -> Stamp:
        """A new stamp, after every stamp this clock has made or seen."""
        now_ms = int((self.wall or now)() * 1000)
        ms, counter = parts(self.last) if self.last else (0, 0)
        if now_ms > ms:
            ms, counter = now_ms, 0
        else:
            counter += 1
        self.last = stamp_of(ms, counter, self.computer)
        return self.last

    def observe(self, stamp: Stamp) -> None:
        """Another computer's stamp: later ticks come after it."""
        if stamp > self.last:
            ms, counter = parts(stamp)
            self.last = stamp_of(ms, counter, self.computer)
