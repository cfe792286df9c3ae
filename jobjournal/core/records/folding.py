"""Text compared and ordered the same way in every language.

SQLite's `lower()` and NOCASE fold ASCII only, so "ÉMILE" and "émile" were two companies
and "Émile SA" sorted after "Zebra". Names are kept with two keys beside them, computed
here when they are written:
- `fold`: NFC, then Unicode case folding. Two names are the same company when their
  folds are equal (É/é, Ø/ø, ß/SS), and a filter matches when its fold is inside.
- `order_key`: the fold with accents taken off (and the letters that have none to take
  off, like ł or ø, spelled as their base), then the fold itself to break ties. It does
  not depend on the computer's locale, so every computer sorts a journal alike.
"""

from __future__ import annotations

import unicodedata

# Letters that carry a stroke or are ligatures, with no decomposition to strip.
_BASE_LETTERS = str.maketrans(
    {"ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ı": "i", "ŧ": "t", "ƀ": "b", "ɨ": "i",
     "æ": "ae", "œ": "oe", "þ": "th", "ð": "d"}
)  # fmt: skip


def nfc(text: str) -> str:
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """The form two texts share when they differ only in case or composition."""
    return nfc(text).casefold()


def order_key(text: str) -> str:
    """Sorts by letters first, accents only to break ties, the same on every computer."""
    folded = fold(text)
    if folded.isascii():
        return folded + "\x00" + folded
    decomposed = unicodedata.normalize("NFD", folded.translate(_BASE_LETTERS))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return bare + "\x00" + folded
