"""Journal text put on the clipboard is taken back when the journal locks.

Letters and summaries are copied to paste into an email; once the journal is locked
they should not stay behind for the next program (or clipboard manager) to read. Only
what we put there is cleared: if the person copied something else since, it is theirs.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

_ours: list[str] = []  # the text we last copied, while it may still be on the clipboard


def copy_private(text: str) -> None:
    QGuiApplication.clipboard().setText(text)
    _ours[:] = [text]


def clear_if_ours() -> bool:
    """Empty the clipboard if it still holds what we copied; True when it did."""
    if not _ours:
        return False
    ours = _ours.pop()
    clipboard = QGuiApplication.clipboard()
    if clipboard.text() != ours:
        return False
    clipboard.clear()
    return True
