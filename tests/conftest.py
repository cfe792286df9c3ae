"""Every test runs headless, with its own JOBJOURNAL_HOME and an in-memory keychain."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything can import Qt

import keyring
import pytest
from support import MemoryKeyring


@pytest.fixture(autouse=True)
def jobjournal_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "jobjournal-home"
    monkeypatch.setenv("JOBJOURNAL_HOME", str(home))
    return home


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def money_shown_as_codes() -> Iterator[None]:
    """The window sets how amounts are shown from the profile; each test starts plain."""
    from jobjournal.core import money

    money.use_style("code")
    yield
    money.use_style("code")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "qtbot" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.gui)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Counts some tests report (the fault matrix's trials), shown after the run."""
    matrix = sys.modules.get("fault_matrix")
    for line in getattr(matrix, "SUMMARY", []):
        terminalreporter.write_line(line)
