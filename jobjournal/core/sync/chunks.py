"""Exchange files: what one computer hands the others through the sync folder.

`<sync folder>/jobjournal-<journal id>/<computer id>/<generation>.jjx`, each an SQLCipher
database written once by the computer that owns the folder (a temporary file, synced to
disk, then renamed: a sync tool or a crash never sees half of one) and never changed.
No file has two writers, so no sync tool ever makes a "conflicted copy" of one.

The key is derived from the passphrase with the journal's id as salt, so a computer
joining with the folder and the passphrase alone can read them; nothing in them, or in
their names, is plaintext of the journal.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jobjournal.core.errors import JournalError
from jobjournal.core.storage import migrations
from jobjournal.core.storage.crypto import SALT_BYTES, RawKey, derive_key
from jobjournal.core.storage.durable import fsync_dir, fsync_file

FORMAT = 1
SUFFIX = ".jjx"
Entry = tuple[str, str, str, Any, str]  # table, uuid, column, value, stamp


class ChunkRefused(JournalError):
    """An exchange file that is not merged, and why, in words a person can act on."""


@dataclass(frozen=True)
class Header:
    journal_id: str
    computer_id: str
    computer_name: str
    generation: int
    schema_version: int = migrations.LATEST_VERSION
    format: int = FORMAT
    # What the writer had merged of every other computer: {computer id: last stamp}.
    seen: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Chunk:
    header: Header
    entries: list[Entry]
    digest: str  # of the file's bytes: a generation seen again must be the same file
    path: Path


def exchange_key(passphrase: str, journal_id: str) -> RawKey:
    import unicodedata

    return derive_key(unicodedata.normalize("NFC", passphrase), bytes.fromhex(journal_id))


def journal_folder(root: Path, journal_id: str) -> Path:
    return root / f"jobjournal-{journal_id}"


def computer_folder(root: Path, journal_id: str, computer_id: str) -> Path:
    return journal_folder(root, journal_id) / computer_id


def generations(folder: Path) -> list[tuple[int, Path]]:
    """The finished exchange files in a computer's folder, oldest first (temporary files
    of a write cut short are not among them)."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        if path.suffix == SUFFIX and path.stem.isdigit():
            found.append((int(path.stem), path))
    return sorted(found)


def write(root: Path, key: RawKey, header: Header, entries: list[Entry]) -> Path:
    """A new exchange file in this computer's folder, whole or not at all. Its generation
    follows the folder's last (not a count kept in the journal: a journal restored from a
    backup must not write a generation that exists already)."""
    import sqlcipher3.dbapi2 as sqlcipher

    folder = computer_folder(root, header.journal_id, header.computer_id)
    folder.mkdir(parents=True, exist_ok=True)
    existing = generations(folder)
    generation = (existing[-1][0] + 1) if existing else 1
    header = Header(**{**header.__dict__, "generation": generation})
    final = folder / f"{generation:08d}{SUFFIX}"
    partial = folder / f".{generation:08d}.{os.getpid()}.partial"
    partial.unlink(missing_ok=True)
    connection = sqlcipher.connect(str(partial))
    try:
        connection.execute(f"PRAGMA key = {key.pragma_literal()}")
        connection.execute("PRAGMA journal_mode = OFF")  # the rename makes it whole
        connection.execute("CREATE TABLE header (name TEXT PRIMARY KEY, value TEXT NOT NULL)")
        connection.execute("CREATE TABLE entries (tbl TEXT, uuid TEXT, col TEXT, value, stamp)")
        connection.executemany(
            "INSERT INTO header VALUES (?, ?)",
            [(name, json.dumps(value)) for name, value in header.__dict__.items()],
        )
        connection.executemany("INSERT INTO entries VALUES (?, ?, ?, ?, ?)", entries)
        connection.commit()
    finally:
        connection.close()
    fsync_file(partial)
    os.replace(partial, final)
    fsync_dir(folder)
    return final


def read_digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


def read(path: Path, key: RawKey, journal_id: str) -> Chunk:
    """An exchange file, checked: whole, of this journal, from a version this one reads.
    Anything else is refused with the reason (`ChunkRefused`), and nothing of it used."""
    import sqlcipher3.dbapi2 as sqlcipher

    try:
        data = path.read_bytes()
    except OSError as error:
        raise ChunkRefused(f"{_named(path)} could not be read ({error.strerror}).") from error
    if data[:SALT_BYTES] != bytes.fromhex(journal_id):  # the salt is the journal's id
        raise ChunkRefused(f"{_named(path)} belongs to another journal: it was left as it is.")
    connection = sqlcipher.connect(f"file:{path}?mode=ro", uri=True)
    try:
        connection.execute("PRAGMA cipher_log_level = NONE")
        connection.execute(f"PRAGMA key = {key.pragma_literal()}")
        checked = [row[0] for row in connection.execute("PRAGMA quick_check")]
        if checked != ["ok"]:
            raise sqlcipher.DatabaseError("quick_check: " + "; ".join(checked))
        values = dict(connection.execute("SELECT name, value FROM header"))
        entries = [tuple(row) for row in connection.execute("SELECT * FROM entries")]
    except sqlcipher.DatabaseError as error:
        raise ChunkRefused(
            f"{_named(path)} could not be read: it is damaged or cut short, or that computer "
            "now uses another passphrase (type the new one there, then here)."
        ) from error
    finally:
        connection.close()
    header = Header(**{name: json.loads(value) for name, value in values.items()})
    _check(header, path, journal_id)
    _check_entries(entries, path)
    return Chunk(header, entries, hashlib.sha256(data).hexdigest(), path)


def _check(header: Header, path: Path, journal_id: str) -> None:
    if header.journal_id != journal_id:
        raise ChunkRefused(f"{_named(path)} belongs to another journal: it was left as it is.")
    if header.schema_version > migrations.LATEST_VERSION or header.format > FORMAT:
        raise ChunkRefused(
            f"{_named(path)} was written by a newer jobjournal on {header.computer_name}. "
            "Update jobjournal on this computer to read it; nothing of it was merged."
        )
    if path.parent.name != header.computer_id or path.stem != f"{header.generation:08d}":
        raise ChunkRefused(f"{_named(path)} is not where its computer wrote it: left as it is.")


_STAMP = re.compile(r"\d{13}\.\d{5}\.[0-9a-f]{1,64}")


def _check_entries(entries: list[Any], path: Path) -> None:
    """Each entry names a table and a field this version knows, with a stamp of ours: a
    file whose key is right but whose contents are not is refused whole, not half used."""
    from jobjournal.core.storage.models import Base

    columns = {t.name: {"", *t.columns.keys()} for t in Base.metadata.sorted_tables}
    for entry in entries:
        table, uuid, column, _value, stamp = entry
        if (
            column not in columns.get(table, ())
            or not isinstance(uuid, str)
            or not isinstance(stamp, str)
            or not _STAMP.fullmatch(stamp)
        ):
            raise ChunkRefused(
                f"{_named(path)} holds changes this version cannot read: it was left as it is."
            )


def _named(path: Path) -> str:
    return f"The exchange file “{path.parent.name[:8]}…/{path.name}”"
