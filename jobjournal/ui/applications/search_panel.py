"""Search results: where each hit lives and a snippet with the matched words in bold."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem

from jobjournal.core.records.search import HIGHLIGHT_END, HIGHLIGHT_START, plain_snippet

if TYPE_CHECKING:
    from jobjournal.core.records.search import SearchHit

HIT_ROLE = Qt.ItemDataRole.UserRole + 1


class SearchResults(QListWidget):
    opened = Signal(object)  # the SearchHit

    def __init__(self) -> None:
        super().__init__()
        self.setAccessibleName("Search results")
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.itemActivated.connect(lambda item: self.opened.emit(item.data(HIT_ROLE)))
        self.itemClicked.connect(lambda item: self.opened.emit(item.data(HIT_ROLE)))

    def show_hits(self, typed: str, hits: list[SearchHit]) -> None:

        self.clear()
        if not hits:
            item = QListWidgetItem(f"Nothing in the journal matches “{typed}”.")
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.addItem(item)
            return
        for hit in hits:
            item = QListWidgetItem()
            item.setData(HIT_ROLE, hit)
            where = hit_place(hit)
            item.setData(
                Qt.ItemDataRole.AccessibleTextRole, f"{where}: {plain_snippet(hit.snippet)}"
            )
            label = QLabel(f"<b>{escape(where)}</b><br>{highlighted(hit.snippet)}")
            label.setWordWrap(True)
            label.setContentsMargins(6, 4, 6, 4)
            label.setTextFormat(Qt.TextFormat.RichText)
            self.addItem(item)
            self.setItemWidget(item, label)
            width = max(200, self.viewport().width() - 8)
            item.setSizeHint(QSize(width, label.heightForWidth(width)))
        self.setCurrentRow(0)

    def current_hit(self) -> SearchHit | None:
        item = self.currentItem()
        hit: SearchHit | None = None if item is None else item.data(HIT_ROLE)
        return hit


def highlighted(snippet: str) -> str:
    """A core snippet (matches between control marks) as safe HTML with matches in bold."""

    text = escape(snippet).replace("\n", " ")
    return text.replace(HIGHLIGHT_START, "<b><u>").replace(HIGHLIGHT_END, "</u></b>")


# What each kind of hit is called where the person reads it.
HIT_KINDS = {
    "application": "Notes / job description",
    "interview": "Interview reflection",
    "question": "Interview question",
    "feedback": "Feedback",
    "letter": "Letter",
    "company": "Company notes",
    "contact": "Contact",
    "offer": "Offer",
    "negotiation": "Negotiation",
    "argument": "Negotiation argument",
    "action": "Action item",
    "target": "Target organisation",
    "opening": "Opening at a target",
    "introduction": "Introduction",
    "conversation": "Conversation note",
}


def hit_place(hit: SearchHit) -> str:
    """Where a hit lives, in words: "Interview question · Acme — Data Analyst"."""
    label = HIT_KINDS.get(hit.kind, hit.kind)
    return f"{label} · {hit.company} — {hit.job_title}" if hit.company else label
