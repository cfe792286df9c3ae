"""Proof 6: remembering uses only a trustworthy keychain, holds the derived key (never the
passphrase), and every failure falls back to asking for the passphrase."""

from __future__ import annotations

from pathlib import Path

import keyring
import keyring.backends.fail
import keyring.backends.null
import pytest
from support import (
    PASSPHRASE,
    ForgetfulKeyring,
    LockedKeyring,
    LowPriorityKeyring,
    MemoryKeyring,
    PlaintextLookalike,
    files_containing,
)

from jobjournal.core.errors import PassphraseRequired
from jobjournal.core.storage import keychain, paths, vault
from jobjournal.core.storage.crypto import RawKey, derive_key, read_salt


@pytest.fixture
def journal_path() -> Path:
    return paths.default_journal_path()


def test_remembered_key_opens_without_the_passphrase(
    journal_path: Path, memory_keyring: MemoryKeyring
) -> None:
    vault.create(journal_path, PASSPHRASE, remember=True).lock()
    reopened = vault.unlock(journal_path)
    assert not reopened.is_locked
    reopened.lock()


def test_keychain_holds_the_derived_raw_key_not_the_passphrase(
    journal_path: Path, memory_keyring: MemoryKeyring
) -> None:
    vault.create(journal_path, PASSPHRASE, remember=True).lock()
    [secret] = memory_keyring.entries.values()
    assert PASSPHRASE not in secret
    expected = derive_key(PASSPHRASE, read_salt(journal_path))
    assert RawKey.from_secret(secret).same_as(expected)


@pytest.mark.parametrize(
    "backend",
    [
        keyring.backends.fail.Keyring(),
        keyring.backends.null.Keyring(),
        LowPriorityKeyring(),
        PlaintextLookalike(),
        ForgetfulKeyring(),
        LockedKeyring(),
    ],
    ids=["absent", "null", "low-priority", "plaintext", "forgets", "locked"],
)
def test_an_untrustworthy_keychain_is_never_used(
    journal_path: Path, jobjournal_home: Path, backend: keyring.backend.KeyringBackend
) -> None:
    keyring.set_keyring(backend)
    journal = vault.create(journal_path, PASSPHRASE, remember=True)
    assert journal.vault.keychain_note  # the person learns why they are not remembered
    key_hex = derive_key(PASSPHRASE, read_salt(journal_path)).to_secret()
    journal.lock()
    assert getattr(backend, "entries", {}) == {}
    assert files_containing(jobjournal_home, key_hex) == []
    assert files_containing(jobjournal_home, PASSPHRASE) == []
    with pytest.raises(PassphraseRequired) as raised:
        vault.unlock(journal_path)
    assert raised.value.reason


def test_no_keychain_reason_is_plain(journal_path: Path) -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())
    assert keychain.backend_status().reason == "This computer has no keychain jobjournal can use."


def test_deleted_entry_falls_back_to_the_passphrase(
    journal_path: Path, memory_keyring: MemoryKeyring
) -> None:
    vault.create(journal_path, PASSPHRASE, remember=True).lock()
    memory_keyring.entries.clear()
    with pytest.raises(PassphraseRequired, match="not remembered"):
        vault.unlock(journal_path)


def test_wrong_entry_falls_back_and_typing_the_passphrase_repairs_it(
    journal_path: Path, memory_keyring: MemoryKeyring
) -> None:
    vault.create(journal_path, PASSPHRASE, remember=True).lock()
    wrong = derive_key("someone else's passphrase", read_salt(journal_path))
    [entry] = memory_keyring.entries
    memory_keyring.entries[entry] = wrong.to_secret()
    with pytest.raises(PassphraseRequired, match="no longer opens"):
        vault.unlock(journal_path)
    vault.unlock(journal_path, PASSPHRASE).lock()  # the person chose to be remembered...
    vault.unlock(journal_path).lock()  # ...so the entry was repaired


def test_garbage_entry_falls_back(journal_path: Path, memory_keyring: MemoryKeyring) -> None:
    vault.create(journal_path, PASSPHRASE, remember=True).lock()
    [entry] = memory_keyring.entries
    memory_keyring.entries[entry] = "not hex at all"
    with pytest.raises(PassphraseRequired, match="unreadable"):
        vault.unlock(journal_path)


def test_forgetting_removes_the_entry(journal_path: Path, memory_keyring: MemoryKeyring) -> None:
    journal = vault.create(journal_path, PASSPHRASE, remember=True)
    assert journal.vault.is_remembered()
    journal.vault.remember(False)
    assert memory_keyring.entries == {}
    journal.lock()
    with pytest.raises(PassphraseRequired):
        vault.unlock(journal_path)


def test_unlock_with_remember_false_forgets(
    journal_path: Path, memory_keyring: MemoryKeyring
) -> None:
    vault.create(journal_path, PASSPHRASE, remember=True).lock()
    vault.unlock(journal_path, PASSPHRASE, remember=False).lock()
    assert memory_keyring.entries == {}


def test_passphrase_change_updates_the_remembered_key(
    journal_path: Path, memory_keyring: MemoryKeyring
) -> None:
    journal = vault.create(journal_path, PASSPHRASE, remember=True)
    journal.vault.change_passphrase(PASSPHRASE, "brand new passphrase")
    journal.lock()
    vault.unlock(journal_path).lock()
