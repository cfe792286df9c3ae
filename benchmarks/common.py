"""Timing helpers shared by the figures: medians of repeated runs, one printed line each."""

from __future__ import annotations

import statistics
import subprocess
import sys
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


def start_medians(
    ours: list[str], baseline: list[str], env: dict[str, str], starts: int
) -> tuple[float, float]:
    """Median ms for each command to run to its end, started in turn so a busy machine
    slows both alike; one unmeasured start each warms the file cache first."""
    _time_command(ours, env), _time_command(baseline, env)
    ours_ms, baseline_ms = [], []
    for _ in range(starts):
        baseline_ms.append(_time_command(baseline, env))
        ours_ms.append(_time_command(ours, env))
    return statistics.median(ours_ms), statistics.median(baseline_ms)


def _time_command(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    elapsed = (time.perf_counter() - started) * 1000
    if result.returncode != 0:
        raise RuntimeError(f"{command[:2]} failed:\n{result.stderr}")
    return elapsed


def existing_journal(env: dict[str, str]) -> None:
    """A journal at the default place under env's JOBJOURNAL_HOME, waiting to be unlocked:
    the everyday start."""
    code = (
        "from jobjournal.core.storage import paths, vault;"
        "vault.create(paths.default_journal_path(), 'bench passphrase').lock()"
    )
    subprocess.run([sys.executable, "-c", code], env=env, check=True)


# jobjournal trusts only the operating systems' keychains, by module: this one stands in
# for Secret Service.
BenchKeyring.__module__ = "keyring.backends.SecretService"
