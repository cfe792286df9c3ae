"""A journal made by the last release (schema version 5, the demo search, written by that
release's own code and kept in tests/inputs/journals) opens in this one: migration 6 runs,
and every record it held is there, field for field, beside the network's new tables."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from support import PASSPHRASE, PROJECT_DIR

from jobjournal.core.documents import transfer
from jobjournal.core.records import plain
from jobjournal.core.storage import migrations, vault
from jobjournal.core.work import network

RELEASED = PROJECT_DIR / "tests" / "inputs" / "journals" / "release-v5.db"
# What that release exported from the same journal before it was closed.
RELEASED_EXPORT = RELEASED.with_suffix(".json")


def test_a_journal_of_the_last_release_opens_with_every_record(tmp_path: Path) -> None:
    path = tmp_path / "journal.db"
    shutil.copy(RELEASED, path)
    journal = vault.unlock(path, PASSPHRASE)
    try:
        before = json.loads(RELEASED_EXPORT.read_text(encoding="utf-8"))
        after = json.loads(transfer.export_json(journal))
        assert before["schema_version"] == 5
        assert after["schema_version"] == migrations.LATEST_VERSION == 6
        for table, rows in before["tables"].items():
            kept = [
                {column: row[column] for column in old}
                for row, old in zip(after["tables"][table], rows, strict=True)
            ]
            assert kept == rows, table
        for table in ("conversations", "targets", "openings", "introductions", "requirements"):
            assert after["tables"][table] == []
        # The contacts' new keys were filled from their names, and names are searched.
        names = [row.name for row in network.contact_rows(journal, order="name")]
        assert names == sorted(names, key=str.casefold) and len(names) == 9
        priya = network.contact_rows(journal, "priya")[0]
        assert {hit.kind for hit in journal.search(priya.name.split()[-1])} >= {"contact"}
        profile = journal.profile()
        assert profile.name and profile.headline == "" and profile.skills == ""
        assert all(letter.introduction_id is None for letter in journal.all(plain.Letter))
    finally:
        journal.lock()
    assert [b for b in vault.list_backups(path) if "before-v6" in b.name]
