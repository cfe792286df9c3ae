"""SQLCipher 4 key derivation, done once in Python so every connection opens with a raw key.

SQLCipher 4 turns a passphrase into its page key with PBKDF2-HMAC-SHA512, 256,000
iterations, 32 bytes, salted with the file's first 16 bytes. Doing the same here means
unlocking costs one derivation however many connections follow, and the derived key
(never the passphrase) is what "remember on this computer" keeps.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from dataclasses import dataclass
from pathlib import Path

KDF_ITERATIONS = 256_000
KEY_BYTES = 32
SALT_BYTES = 16


@dataclass(frozen=True, repr=False)
class RawKey:
    """A derived SQLCipher key and the salt it belongs to."""

    key: bytes
    salt: bytes

    def __post_init__(self) -> None:
        if len(self.key) != KEY_BYTES or len(self.salt) != SALT_BYTES:
            raise ValueError("a SQLCipher raw key is 32 bytes of key and 16 of salt")

    def pragma_literal(self) -> str:
        """The value for `PRAGMA key` / `PRAGMA rekey`: x'<key hex><salt hex>'."""
        return f"\"x'{self.key.hex()}{self.salt.hex()}'\""

    def to_secret(self) -> str:
        return self.key.hex() + self.salt.hex()

    @classmethod
    def from_secret(cls, secret: str) -> RawKey:
        raw = bytes.fromhex(secret)
        return cls(raw[:KEY_BYTES], raw[KEY_BYTES:])

    def same_as(self, other: RawKey) -> bool:
        return hmac.compare_digest(self.to_secret(), other.to_secret())

    def __repr__(self) -> str:  # never print key material in a traceback or log
        return "RawKey(<hidden>)"


def derive_key(passphrase: str, salt: bytes) -> RawKey:
    key = hashlib.pbkdf2_hmac("sha512", passphrase.encode("utf-8"), salt, KDF_ITERATIONS, KEY_BYTES)
    return RawKey(key, salt)


def new_salt() -> bytes:
    return os.urandom(SALT_BYTES)


def read_salt(path: Path) -> bytes:
    """The salt SQLCipher stores in the clear as the file's first 16 bytes."""
    with open(path, "rb") as journal_file:
        return journal_file.read(SALT_BYTES)
