"""Timing helpers shared by the figures: medians of repeated runs, one printed line each."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

from keyring.backend import KeyringBackend


@dataclass(frozen=True)
class Figure:
    name: str
    median_ms: float
    baseline_name: str
    baseline_ms: float
    target: str = ""
    unit: str = "ms"  # sizes are figures too: then median_ms and baseline_ms hold MB

    def line(self) -> str:
        ratio = self.median_ms / self.baseline_ms if self.baseline_ms else float("inf")
        tail = f"  (target: {self.target})" if self.target else ""
        return (
            f"{self.name} {self.median_ms:.3f} {self.unit} {ratio:.2f}x {self.baseline_name}{tail}"
        )


def median_ms(
    action: Callable[[], object],
    repeat: int,
    setup: Callable[[], object] | None = None,
    teardown: Callable[[], object] | None = None,
) -> float:
    """Median wall time of `action` in ms; setup and teardown run outside the clock."""
    samples = []
    for _ in range(repeat):
        if setup:
            setup()
        started = time.perf_counter()
        action()
        samples.append((time.perf_counter() - started) * 1000)
        if teardown:
            teardown()
    return statistics.median(samples)


class BenchKeyring(KeyringBackend):
    """An in-process keychain, so the figures measure jobjournal and not the OS's D-Bus."""

    priority = 5

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]  # keyring leaves it untyped
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.entries.pop((service, username), None)
