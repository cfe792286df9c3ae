"""Every test runs headless, with its own JOBJOURNAL_HOME and an in-memory keychain."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

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
    from jobjournal.core.records import money

    money.use_style("code")
    yield
    money.use_style("code")


# A salt every journal made by a test not about keys shares, so that each passphrase is
# derived once per run (256,000 rounds, about 0.4 s each) instead of once per journal.
_SHARED_SALT = bytes(range(16))
# Tests about keys, salts and the keychain derive their own, as the app does.
_REAL_KEY_MODULES = (
    "test_vault",
    "test_vault_faults",
    "test_vault_keychain",
    "test_vault_promises",
)


@functools.lru_cache(maxsize=64)
def _derived_once(passphrase: str, salt: bytes) -> Any:
    from jobjournal.core.storage import crypto

    return crypto.derive_key(passphrase, salt)


@pytest.fixture(scope="session")
def demo_templates(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the demo journals copied into each test are filled, once per run."""
    return tmp_path_factory.mktemp("demo-templates")


@pytest.fixture(autouse=True)
def keys_derived_once(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    if request.node.get_closest_marker("real_keys"):
        return
    from jobjournal.core.storage import vault

    monkeypatch.setattr(vault, "new_salt", lambda: _SHARED_SALT)
    monkeypatch.setattr(vault, "derive_key", _derived_once)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # First the tests that kill a process at a measured moment, alone on the machine; the
    # bundle's build then starts beside all the rest (bundle_build); its tests go last.
    items.sort(key=_run_order)
    for item in items:
        if "qtbot" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.gui)
        if item.module is not None and item.module.__name__.startswith(_REAL_KEY_MODULES):
            item.add_marker(pytest.mark.real_keys)


# Tests that time a clean run, then kill a process at fractions of it: a build running
# beside them would move those moments.
_KILLS_ON_A_CLOCK = ("test_fault_matrix.py", "test_vault_faults.py")


def _run_order(item: pytest.Item) -> int:
    if item.path.name in _KILLS_ON_A_CLOCK:
        return 0
    return 2 if item.path.name == "test_bundle.py" else 1


def pytest_runtest_setup(item: pytest.Item) -> None:
    bundle_tests = any(i.path.name == "test_bundle.py" for i in item.session.items)
    if bundle_tests and _run_order(item) == 1 and sys.platform.startswith("linux"):
        import bundle_build

        bundle_build.start()


def pytest_sessionfinish() -> None:
    if "bundle_build" in sys.modules:
        sys.modules["bundle_build"].clean_up()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Counts some tests report (the fault matrix's trials), shown after the run."""
    matrix = sys.modules.get("fault_matrix")
    for line in getattr(matrix, "SUMMARY", []):
        terminalreporter.write_line(line)
