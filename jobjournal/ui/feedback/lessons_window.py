"""Lessons: what the search has taught so far, in one place — every open action item
(tick it off here), every piece of feedback with the lessons drawn, and the interviews'
"what I would improve"."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from jobjournal.core.records import plain
from jobjournal.core.records.dates import day_text
from jobjournal.core.storage import models as m
from jobjournal.core.work import feedback
from jobjournal.ui.applications import record_views
from jobjournal.ui.shared.basics import close_buttons, fit_on_screen

if TYPE_CHECKING:
    from jobjournal.core.records.journal import Journal
    from jobjournal.core.records.search import HitKind

READING_POINTS = 12


class LessonsDialog(QDialog):
    def __init__(self, parent: QWidget, journal: Journal) -> None:
        super().__init__(parent)
        self.journal = journal
        self.chosen: tuple[int, HitKind, int] | None = None  # (application, kind, record) to show
        self.setWindowTitle("Lessons")
        self.setAccessibleName("Lessons")
        found = feedback.lessons(journal)
        self.summary = QLabel(_summary(found))
        self.summary.setAccessibleName("Lessons summary")
        self.summary.setWordWrap(True)
        self.action_items = QListWidget()
        self.action_items.setAccessibleName("Open action items")
        self.action_items.setToolTip("Space ticks an item done; Enter opens its application")
        self.action_items.setWordWrap(True)
        self._fill_actions(found.open_actions)
        self.action_items.itemChanged.connect(self._ticked)
        self.action_items.itemActivated.connect(self._open_action)
        self.text = QTextBrowser()
        self.text.setAccessibleName("Feedback and what to improve")
        self.text.setOpenLinks(False)
        font = self.text.font()
        font.setPointSize(max(font.pointSize(), READING_POINTS))
        self.text.setFont(font)
        self.text.setHtml(lessons_html(found))
        self.text.anchorClicked.connect(self._open_link)
        actions_box = QGroupBox("&Open action items")
        box_layout = QVBoxLayout(actions_box)
        box_layout.addWidget(self.action_items)
        actions_box.setFocusProxy(self.action_items)
        split = QSplitter()
        split.addWidget(actions_box)
        split.addWidget(self.text)
        split.setSizes([330, 620])
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        layout.addWidget(close_buttons(self))
        fit_on_screen(self, 1000, 700)
        self.action_items.setFocus()
        if self.action_items.count():
            self.action_items.setCurrentRow(0)

    def _fill_actions(self, open_actions: list[feedback.OpenAction]) -> None:
        if not open_actions:
            empty = QListWidgetItem("Nothing open. Action items come from feedback you record.")
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.action_items.addItem(empty)
            return
        for action in open_actions:
            item = QListWidgetItem(f"{action.text}\n    {action.where.company}")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, (action.action_id, action.where.application_id))
            self.action_items.addItem(item)

    def _ticked(self, item: QListWidgetItem) -> None:
        action_id, _application = item.data(Qt.ItemDataRole.UserRole)
        done = item.checkState() == Qt.CheckState.Checked
        feedback.set_done(self.journal, action_id, done)
        font = item.font()
        font.setStrikeOut(done)  # stays in the list until next time, so a slip can be undone
        item.setFont(font)

    def _open_action(self, item: QListWidgetItem) -> None:
        data = item.data(Qt.ItemDataRole.UserRole)
        if data is None:
            return
        action_id, application_id = data
        self._choose(application_id, "action", action_id)

    def _open_link(self, url: QUrl) -> None:
        target = record_views.link_target(url.toString())
        if target is None:
            return
        kind, ref_id = target
        if kind == "feedback":
            request = self.journal.get(plain.FeedbackRequest, ref_id)
            self._choose(request.application_id, "feedback", ref_id)
        else:
            interview = self.journal.get(plain.Interview, ref_id)
            self._choose(interview.application_id, "interview", ref_id)

    def _choose(self, application_id: int, kind: HitKind, ref_id: int) -> None:
        self.chosen = (application_id, kind, ref_id)
        self.accept()


def _summary(found: feedback.Lessons) -> str:
    if found.empty:
        return (
            "Nothing here yet. When an application is rejected, ask for feedback; record "
            "the answer, what you learned and what you will do, and it gathers here."
        )
    parts = [
        _count(len(found.open_actions), "open action item"),
        f"{found.done_actions} done",
        _count(len(found.received), "piece of feedback", "pieces of feedback"),
        _count(len(found.to_improve), "interview to improve on", "interviews to improve on"),
    ]
    more = f" ({found.more} older not shown)" if found.more else ""
    return " · ".join(parts) + more


def _count(n: int, one: str, many: str = "") -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def lessons_html(found: feedback.Lessons) -> str:
    received = "".join(_received(r) for r in found.received) or _none("No feedback recorded yet.")
    improve = "".join(_improve(t) for t in found.to_improve) or _none(
        "No reflections with “what to improve” yet."
    )
    return (
        f"<h3>Feedback received</h3>{received}"
        f"<h3>What to improve, from my interview reflections</h3>{improve}"
    )


def _received(entry: feedback.Received) -> str:
    when = f"answered {escape(day_text(entry.answered_on))} · " if entry.answered_on else ""
    link = f'<a href="{record_views.href("feedback", entry.request_id)}">Open</a>'
    texts = "".join(
        f"<br><i>{name}:</i> {escape(value).replace(chr(10), '<br>')}"
        for name, value in (("They said", entry.feedback), ("Lesson", entry.lessons))
        if value
    )
    return f"<p><b>{_where(entry.where)}</b> — {when}{link}{texts}</p>"


def _improve(entry: feedback.ToImprove) -> str:
    round_name = m.INTERVIEW_ROUNDS.get(entry.round, entry.round)
    held = f", {escape(day_text(entry.held_on))}" if entry.held_on else ""
    link = f'<a href="{record_views.href("interview", entry.interview_id)}">Open</a>'
    text = escape(entry.text).replace("\n", "<br>")
    return f"<p><b>{_where(entry.where)}</b> — {escape(round_name)}{held} · {link}<br>{text}</p>"


def _where(where: feedback.Where) -> str:
    return f"{escape(where.company)} — {escape(where.job_title)}"


def _none(text: str) -> str:
    return f"<p><i>{escape(text)}</i></p>"
