"""Remember a journal's derived key in the OS keychain, or refuse to.

Only a keychain we can trust is used: it must be one of the operating systems' own
keychains, which keep secrets encrypted (macOS Keychain, Windows Credential Locker,
Secret Service, KWallet, or keyring's chain of those), have priority >= 1, and give back
what was put in. Any other backend — a plaintext file, a null store, an unknown plug-in
of high priority — is refused, whatever it claims. When the keychain is not usable, or
fails in any way (a backend missing a module raises on first use), the caller is told
why in one line and asks for the passphrase; nothing here ever raises, and nothing is
ever written anywhere else instead.

keyring (its backends are found by scanning entry points) is imported on first use,
after the first paint.
"""

from __future__ import annotations

import secrets
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jobjournal.core.storage.crypto import RawKey

SERVICE = "jobjournal"
# The backends that keep secrets encrypted by the operating system, by keyring module.
TRUSTED_MODULES = frozenset(
    {
        "keyring.backends.macOS",  # macOS Keychain
        "keyring.backends.Windows",  # Windows Credential Locker
        "keyring.backends.SecretService",  # GNOME Keyring, KeePassXC… over Secret Service
        "keyring.backends.libsecret",  # the same, through libsecret
        "keyring.backends.kwallet",  # KDE Wallet
    }
)


@dataclass(frozen=True)
class KeychainStatus:
    usable: bool
    reason: str  # for a person: why remembering is (not) available


def _backend() -> Any:
    import keyring

    return keyring.get_keyring()


def _real_backends(backend: Any) -> list[Any]:
    from keyring.backends.chainer import ChainerBackend

    if isinstance(backend, ChainerBackend):
        return list(backend.backends)
    return [backend]


def _is_missing(backend: Any) -> bool:
    return type(backend).__module__ in ("keyring.backends.fail", "keyring.backends.null")


def _is_trusted(backend: Any) -> bool:
    return type(backend).__module__ in TRUSTED_MODULES and backend.priority >= 1


def _failed(error: Exception) -> KeychainStatus:
    return KeychainStatus(
        False,
        f"This computer's keychain is not working ({type(error).__name__}); "
        "type your passphrase instead.",
    )


def backend_status() -> KeychainStatus:
    """Whether the keychain looks secure, without writing to it."""
    try:
        backends = [b for b in _real_backends(_backend()) if not _is_missing(b)]
        if not backends:
            return KeychainStatus(False, "This computer has no keychain jobjournal can use.")
        untrusted = [type(b).__name__ for b in backends if not _is_trusted(b)]
    except Exception as error:  # a backend that fails to load or answer: not usable
        return _failed(error)
    if untrusted:
        return KeychainStatus(
            False,
            f"The available keychain ({', '.join(untrusted)}) is not one of the operating "
            "system's encrypted keychains, so jobjournal will not give it your key.",
        )
    return KeychainStatus(True, "Your key will be kept in this computer's keychain.")


def check_round_trip() -> KeychainStatus:
    """Store and read back a random probe: a locked or broken keychain fails here."""
    status = backend_status()
    if not status.usable:
        return status
    probe_name, probe_value = "probe", secrets.token_hex(16)
    try:
        backend = _backend()
        backend.set_password(SERVICE, probe_name, probe_value)
        returned = backend.get_password(SERVICE, probe_name)
        backend.delete_password(SERVICE, probe_name)
    except Exception as error:  # any backend failure means "not usable", never a crash
        return KeychainStatus(False, f"The keychain did not answer ({type(error).__name__}).")
    if returned != probe_value:
        return KeychainStatus(False, "The keychain did not give back what was stored in it.")
    return status


def _entry_name(journal_path: Path) -> str:
    return f"journal:{journal_path.resolve()}"


def load_key(journal_path: Path) -> tuple[RawKey | None, str]:
    """The remembered key for this journal, or None and the reason there is none."""
    status = backend_status()
    if not status.usable:
        return None, status.reason
    try:
        secret = _backend().get_password(SERVICE, _entry_name(journal_path))
    except Exception as error:
        return None, f"The keychain is locked or unavailable ({type(error).__name__})."
    if not secret:
        return None, "This journal is not remembered on this computer."
    try:
        return RawKey.from_secret(secret), ""
    except ValueError:
        return None, "The key remembered for this journal is unreadable."


def store_key(journal_path: Path, key: RawKey) -> KeychainStatus:
    """Remember `key`; returns whether that worked and, if not, why."""
    status = check_round_trip()
    if not status.usable:
        return status
    try:
        _backend().set_password(SERVICE, _entry_name(journal_path), key.to_secret())
    except Exception as error:
        forget_key(journal_path)  # a half-written entry must not outlive the refusal
        return KeychainStatus(False, f"The keychain refused the key ({type(error).__name__}).")
    return status


def forget_key(journal_path: Path) -> None:
    """Remove the remembered key, if any. A keychain we cannot reach has nothing of ours."""
    if not backend_status().usable:
        return
    with suppress(Exception):  # nothing there, or a keychain failing: nothing to forget
        _backend().delete_password(SERVICE, _entry_name(journal_path))
