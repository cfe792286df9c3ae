"""Journals for the core tests: an empty one and a demo one, each a real encrypted file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from support import DEMO_TODAY, PASSPHRASE, open_demo_copy

from jobjournal.core.records.journal import Journal
from jobjournal.core.storage import paths, vault


@pytest.fixture
def journal() -> Iterator[Journal]:
    opened = vault.create(paths.default_journal_path(), PASSPHRASE)
    yield opened
    if not opened.is_locked:
        opened.lock()


@pytest.fixture
def demo_journal(demo_templates: Path) -> Iterator[Journal]:
    opened = open_demo_copy(paths.default_journal_path(), DEMO_TODAY, demo_templates)
    yield opened
    if not opened.is_locked:
        opened.lock()


@pytest.fixture
def second_journal(tmp_path: Path) -> Iterator[Journal]:
    """Another new journal, to move records into."""
    opened = vault.create(tmp_path / "moved.db", PASSPHRASE)
    yield opened
    if not opened.is_locked:
        opened.lock()
