"""Remember a journal's derived key in the OS keychain, or refuse to.

Only a keychain we can trust is used: it must have priority >= 1, must not be one of the
backends that store secrets in the clear (or not at all), and must give back what was
put in. When it is not usable the caller is told why and asks for the passphrase;
nothing is ever written anywhere else instead.
"""

from __future__ import annotations

import secrets
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jobjournal.core.crypto import RawKey

SERVICE = "jobjournal"
_UNTRUSTED_MODULES = (
    "keyring.backends.fail",
    "keyring.backends.null",
    "keyrings.alt",  # plaintext and home-made "encrypted" files
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
    return type(backend).__module__ == "keyring.backends.fail"


def _is_trusted(backend: Any) -> bool:
    module = type(backend).__module__
    return backend.priority >= 1 and not module.startswith(_UNTRUSTED_MODULES)


def backend_status() -> KeychainStatus:
    """Whether the keychain looks secure, without writing to it."""
    backends = [b for b in _real_backends(_backend()) if not _is_missing(b)]
    if not backends:
        return KeychainStatus(False, "This computer has no keychain jobjournal can use.")
    if not all(_is_trusted(b) for b in backends):
        names = ", ".join(type(b).__name__ for b in backends)
        return KeychainStatus(
            False, f"The available keychain ({names}) does not store secrets securely."
        )
    return KeychainStatus(True, "Your key will be kept in this computer's keychain.")


def check_round_trip() -> KeychainStatus:
    """Store and read back a random probe: a locked or broken keychain fails here."""
    status = backend_status()
    if not status.usable:
        return status
    probe_name, probe_value = "probe", secrets.token_hex(16)
    backend = _backend()
    try:
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
        return KeychainStatus(False, f"The keychain refused the key ({type(error).__name__}).")
    return status


def forget_key(journal_path: Path) -> None:
    """Remove the remembered key, if any. A keychain we cannot reach has nothing of ours."""
    if not backend_status().usable:
        return
    import keyring.errors

    with suppress(keyring.errors.PasswordDeleteError):
        _backend().delete_password(SERVICE, _entry_name(journal_path))
