"""Journals for the core tests: an empty one and a demo one, each a real encrypted file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from support import DEMO_TODAY, PASSPHRASE

from jobjournal.core import demo, paths, vault
from jobjournal.core.journal import Journal


@pytest.fixture
def journal() -> Iterator[Journal]:
    opened = vault.create(paths.default_journal_path(), PASSPHRASE)
    yield opened
    if not opened.is_locked:
        opened.lock()


@pytest.fixture
def demo_journal(journal: Journal) -> Journal:
    demo.fill_demo(journal, today=DEMO_TODAY)
    return journal


@pytest.fixture
def second_journal(tmp_path: Path) -> Iterator[Journal]:
    """Another new journal, to move records into."""
    opened = vault.create(tmp_path / "moved.db", PASSPHRASE)
    yield opened
    if not opened.is_locked:
        opened.lock()
