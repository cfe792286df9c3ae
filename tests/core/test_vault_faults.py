"""The numbered proofs of the vault issue that need real faults: killed processes, a disk
that refuses writes, damaged bytes, a second opener, and a search for plaintext."""

from __future__ import annotations

import os
import random
import signal
import sys
import tempfile
import time
from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import text
from support import PASSPHRASE, FileKeyring, files_containing, run_python, snapshot, start_python

from jobjournal.core.errors import JournalDamaged, JournalInUse, WrongPassphrase
from jobjournal.core.records.journal import Journal
from jobjournal.core.storage import paths, vault

SENTINEL = "PLAINTEXT-SENTINEL-7f3a9c"

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and rlimits")


@pytest.fixture
def journal_path() -> Path:
    return paths.default_journal_path()


def fill(journal: Journal, rows: int, prefix: str = "row", size: int = 200) -> None:
    with journal.session() as session:
        session.execute(
            text("INSERT INTO journal_info VALUES (:k, :v)"),
            [{"k": f"{prefix}{i}", "v": os.urandom(size // 2).hex()} for i in range(rows)],
        )


OUR_MARKS = (vault.SESSION_MARK, vault.UNBACKED_MARK)


def keys(journal: Journal) -> set[str]:
    """The rows a test wrote (not the vault's own session and backup marks)."""
    with journal.session() as session:
        found = set(session.execute(text("SELECT key FROM journal_info")).scalars())
    return found - set(OUR_MARKS)


# -- Proof 2: no plaintext on disk ------------------------------------------------------


def test_sentinel_never_reaches_the_disk_open_or_locked(
    journal_path: Path, jobjournal_home: Path
) -> None:
    journal = vault.create(journal_path, PASSPHRASE)
    with journal.session() as session:
        session.execute(
            text("INSERT INTO journal_info VALUES (:k, :v)"),
            {"k": SENTINEL, "v": f"{SENTINEL} {SENTINEL * 50}"},
        )
    journal.vault.backup()
    roots = [jobjournal_home, Path(tempfile.gettempdir()) / "jobjournal"]
    assert Path(f"{journal_path}-wal").exists()
    for root in roots:
        assert files_containing(root, SENTINEL) == []
    journal.lock()
    for root in roots:
        assert files_containing(root, SENTINEL) == []


# -- Proof 3: SIGKILL mid-transaction loses nothing acknowledged -------------------------

WRITER = """
    import sys
    from sqlalchemy import text
    from jobjournal.core.storage import vault
    journal = vault.unlock(sys.argv[1], sys.argv[2])
    batch = 0
    while True:
        batch += 1
        with journal.session() as session:
            for part in range(3):
                session.execute(text("INSERT INTO journal_info VALUES (:k, :v)"),
                                {"k": f"{batch}-{part}", "v": "x" * 3000})
        print(batch, flush=True)
"""


def kill_writer_after(journal_path: Path, acknowledged_target: int, extra_delay: float) -> int:
    """Run WRITER, SIGKILL it mid-stream, and return the last batch it acknowledged."""
    writer = start_python(WRITER, str(journal_path), PASSPHRASE)
    assert writer.stdout is not None
    last = 0
    for line in writer.stdout:
        last = int(line)
        if last >= acknowledged_target:
            break
    time.sleep(extra_delay)
    writer.send_signal(signal.SIGKILL)
    remaining, _ = writer.communicate()
    numbers = [int(n) for n in remaining.split()]
    return max([last, *numbers])


@pytest.mark.slow
def test_sigkill_mid_transaction_keeps_every_acknowledged_commit(journal_path: Path) -> None:
    vault.create(journal_path, PASSPHRASE).lock()
    chooser = random.Random(20261122)
    for trial in range(8):
        acknowledged = kill_writer_after(
            journal_path, chooser.randint(1, 60), chooser.random() / 50
        )
        journal = vault.unlock(journal_path, PASSPHRASE)
        found = keys(journal)
        batches = {int(k.split("-")[0]) for k in found}
        assert set(range(1, acknowledged + 1)) <= batches, f"trial {trial}: lost a commit"
        for batch in batches:  # every batch is whole: no half-written transaction
            assert {f"{batch}-{part}" for part in range(3)} <= found
        assert journal.vault.verify().ok
        with journal.session() as session:
            session.execute(text("DELETE FROM journal_info WHERE key GLOB '[0-9]*'"))
        journal.lock()


# -- Proof 4: SIGKILL during a passphrase change ------------------------------------------

REKEYER = """
    import sys, keyring
    from support import FileKeyring
    from pathlib import Path
    from jobjournal.core.storage import vault
    keyring.set_keyring(FileKeyring(Path(sys.argv[2])))
    journal = vault.unlock(sys.argv[1])
    print("ready", flush=True)
    journal.vault.change_passphrase(sys.argv[3], sys.argv[4])
    print("done", flush=True)
    journal.lock()
"""
NEW_PASSPHRASE = "the new passphrase"


def opens_with(path: Path, passphrase: str) -> bool:
    connection = sqlcipher.connect(str(path))
    try:
        connection.execute("PRAGMA cipher_log_level = NONE")
        connection.execute(f"PRAGMA key = '{passphrase}'")
        query = "SELECT count(*) FROM journal_info WHERE key NOT IN (?, ?)"
        return connection.execute(query, OUR_MARKS).fetchone()[0] == 20_000
    except sqlcipher.DatabaseError:
        return False
    finally:
        connection.close()


def run_rekeyer(journal: Path, store: Path, kill_after: float | None) -> float:
    started = time.perf_counter()
    rekeyer = start_python(REKEYER, str(journal), str(store), PASSPHRASE, NEW_PASSPHRASE)
    assert rekeyer.stdout is not None
    assert rekeyer.stdout.readline().strip() == "ready", rekeyer.stderr
    started = time.perf_counter()
    if kill_after is None:
        out, err = rekeyer.communicate()
        assert "done" in out, err
    else:
        time.sleep(kill_after)
        rekeyer.send_signal(signal.SIGKILL)
        rekeyer.communicate()
    return time.perf_counter() - started


@pytest.mark.slow
def test_sigkill_during_passphrase_change_leaves_one_key_and_an_honest_keychain(
    tmp_path: Path, journal_path: Path
) -> None:
    import keyring

    store = tmp_path / "keychain.json"
    keyring.set_keyring(FileKeyring(store))
    template = vault.create(journal_path, PASSPHRASE, remember=True)
    fill(template, 20_000)
    template.lock()
    pristine_journal, pristine_store = journal_path.read_bytes(), store.read_bytes()

    def reset() -> None:
        for leftover in journal_path.parent.glob("journal.db-*"):
            leftover.unlink()
        journal_path.write_bytes(pristine_journal)
        store.write_bytes(pristine_store)

    duration = run_rekeyer(journal_path, store, kill_after=None)
    outcomes = set()
    # The rekey runs after two key derivations, late in the change: kill densely there.
    for trial in range(16):
        reset()
        run_rekeyer(journal_path, store, kill_after=duration * (0.3 + 0.7 * trial / 16))
        old_opens = opens_with(journal_path, PASSPHRASE)
        new_opens = opens_with(journal_path, NEW_PASSPHRASE)
        assert old_opens != new_opens, f"trial {trial}: old={old_opens} new={new_opens}"
        outcomes.add(new_opens)
        remembered = FileKeyring(store).get_password("jobjournal", f"journal:{journal_path}")
        if remembered is not None:  # absent is fine; present must open the file
            # opens_with() above was a bare SQLCipher tool: after a kill it may write the
            # log home and remove it, which reads as a lost log; the person would choose
            # "open as it is", as here.
            journal = vault.unlock(journal_path, open_as_it_is=True)
            assert len(keys(journal)) == 20_000
            journal.lock()
    assert outcomes == {False, True}, "the kills fell before and after the rekey"


# -- Proof 5: damage is reported as damage, never opened as a new journal ----------------


def make_journal_with_backup(journal_path: Path) -> Path:
    journal = vault.create(journal_path, PASSPHRASE)
    fill(journal, 2000)
    backup = journal.vault.backup()
    journal.lock()
    return backup


def assert_reported_damaged(journal_path: Path) -> JournalDamaged:
    before = journal_path.read_bytes()
    opened = False
    with pytest.raises(JournalDamaged) as raised:
        journal = vault.unlock(journal_path, PASSPHRASE)
        opened = True  # damage inside a page shows when pages are read
        report = journal.vault.verify()
        journal.lock()
        raise JournalDamaged(journal_path, "; ".join(report.problems), report.backups)
    assert raised.value.backups, "a backup is offered"
    if not opened:
        assert journal_path.read_bytes() == before, "refused at unlock: nothing was written"
    else:  # it opened (and marked its session): the damage is still there, nothing was reset
        assert len(journal_path.read_bytes()) >= len(before)
    return raised.value


def test_truncated_file_is_damaged(journal_path: Path) -> None:
    make_journal_with_backup(journal_path)
    size = journal_path.stat().st_size
    os.truncate(journal_path, size // 2 // 4096 * 4096)
    assert_reported_damaged(journal_path)


def test_truncated_mid_page_is_damaged(journal_path: Path) -> None:
    make_journal_with_backup(journal_path)
    os.truncate(journal_path, journal_path.stat().st_size - 100)
    assert "cut short" in str(assert_reported_damaged(journal_path))


def test_flipped_byte_in_a_page_is_damaged(journal_path: Path) -> None:
    make_journal_with_backup(journal_path)
    flip_byte(journal_path, data_page_offset(journal_path))
    error = assert_reported_damaged(journal_path)
    assert "Encryption check" in str(error)


def test_reading_a_damaged_page_raises_a_known_error(journal_path: Path) -> None:
    make_journal_with_backup(journal_path)
    flip_byte(journal_path, data_page_offset(journal_path))
    journal = vault.unlock(journal_path, PASSPHRASE)
    with pytest.raises(JournalDamaged, match="damaged"), journal.session() as session:
        session.execute(text("SELECT sum(length(value)) FROM journal_info")).scalar()
    journal.lock()


def test_flipped_salt_byte_is_damaged_when_a_backup_proves_the_passphrase(
    journal_path: Path,
) -> None:
    make_journal_with_backup(journal_path)
    flip_byte(journal_path, 3)
    error = assert_reported_damaged(journal_path)
    assert "opens its backup" in str(error)


def test_flipped_salt_byte_without_backup_never_opens_as_new(journal_path: Path) -> None:
    journal = vault.create(journal_path, PASSPHRASE)
    journal.lock()
    flip_byte(journal_path, 3)
    before = snapshot(journal_path.parent)
    with pytest.raises(WrongPassphrase, match="may be damaged"):
        vault.unlock(journal_path, PASSPHRASE)
    assert snapshot(journal_path.parent) == before


def test_deleted_wal_after_a_crash_is_damaged(journal_path: Path) -> None:
    make_journal_with_backup(journal_path)
    kill_writer_after(journal_path, acknowledged_target=5, extra_delay=0)
    wal = Path(f"{journal_path}-wal")
    assert wal.exists()
    wal.unlink()
    error = assert_reported_damaged(journal_path)
    assert "-wal" in str(error)


def test_empty_file_is_damaged_not_a_new_journal(journal_path: Path) -> None:
    make_journal_with_backup(journal_path)
    journal_path.write_bytes(b"")
    with pytest.raises(JournalDamaged):
        vault.unlock(journal_path, PASSPHRASE)
    assert journal_path.read_bytes() == b""


def data_page_offset(path: Path) -> int:
    """A byte inside a page of row data: past the empty tables' root pages at the start."""
    pages = path.stat().st_size // 4096
    return (pages * 3 // 5) * 4096 + 1000


def flip_byte(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0xFF
    path.write_bytes(bytes(data))


# -- Proof 7: one opener at a time, and a dead holder does not block --------------------

HOLDER = """
    import sys, time
    from jobjournal.core.storage import vault
    journal = vault.unlock(sys.argv[1], sys.argv[2])
    print("open", flush=True)
    time.sleep(120)
"""


def test_second_opener_is_told_in_use_until_the_holder_dies(journal_path: Path) -> None:
    vault.create(journal_path, PASSPHRASE).lock()
    holder = start_python(HOLDER, str(journal_path), PASSPHRASE)
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "open"
    with pytest.raises(JournalInUse, match="already open"):
        vault.unlock(journal_path, PASSPHRASE)
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    vault.unlock(journal_path, PASSPHRASE).lock()


def test_same_process_cannot_open_it_twice(journal_path: Path) -> None:
    journal = vault.create(journal_path, PASSPHRASE)
    with pytest.raises(JournalInUse):
        vault.unlock(journal_path, PASSPHRASE)
    journal.lock()


# -- Proof 8: a write the disk refuses leaves the journal intact -------------------------

FILE_SIZE_LIMITED_WRITER = """
    import os, resource, signal, sys
    from sqlalchemy import text
    from jobjournal.core.storage import vault
    from jobjournal.core.errors import JournalError
    journal = vault.unlock(sys.argv[1], sys.argv[2])
    with journal.session() as session:
        session.execute(text("INSERT INTO journal_info VALUES ('before', 'saved')"))
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # get EFBIG instead of being killed
    largest = max(os.path.getsize(sys.argv[1] + s) for s in ("", "-wal"))
    resource.setrlimit(resource.RLIMIT_FSIZE, (largest + 8192, largest + 8192))
    try:
        with journal.session() as session:
            session.execute(text("INSERT INTO journal_info VALUES ('too big', :v)"),
                            {"v": os.urandom(2_000_000).hex()})
    except JournalError as error:
        print(type(error).__name__, "|", error)
    else:
        print("NO ERROR")
"""


def test_refused_write_leaves_the_journal_intact_and_says_so(journal_path: Path) -> None:
    journal = vault.create(journal_path, PASSPHRASE)
    fill(journal, 50)
    journal.lock()
    result = run_python(FILE_SIZE_LIMITED_WRITER, str(journal_path), PASSPHRASE)
    assert result.returncode == 0, result.stderr
    kind, message = result.stdout.split("|", 1)
    assert kind.strip() in {"CannotWrite", "DiskFull"}, result.stdout
    assert "Nothing saved before was lost" in message or "intact" in message
    journal = vault.unlock(journal_path, PASSPHRASE)
    found = keys(journal)
    assert "before" in found and "too big" not in found
    assert len(found) == 51, found
    assert journal.vault.verify().ok
    journal.lock()
