"""Reading before the next round: every reflection as one document (the review), and every
question ever asked of me with my answers side by side (the question bank)."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, QUrl, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from jobjournal.core.records.dates import day_text
from jobjournal.core.records.folding import fold
from jobjournal.core.storage import models as m
from jobjournal.core.work import interviews as iv
from jobjournal.ui.applications import record_views
from jobjournal.ui.shared.basics import fit_on_screen
from jobjournal.ui.shared.fields import ChoiceBox, line_edit

if TYPE_CHECKING:
    from jobjournal.core.records.journal import Journal

PAGE = 25  # interviews read at a time: the first screen appears at once, the rest on scroll
ROWS_SHOWN = 40  # the latest times a question came up; older ones add little, and cost
READING_POINTS = 13  # large, comfortable type for an evening's reading
MIN_FEELING = {None: "Any feeling", 3: "Felt 3 or better", 4: "Felt 4 or better", 5: "Felt 5"}


class ReviewDialog(QDialog):
    """All reflections in time order, filtered by company, round and how it felt."""

    interview_opened = Signal(int)

    def __init__(self, parent: QWidget, journal: Journal) -> None:
        super().__init__(parent)
        self.journal = journal
        self._more_pending = False
        self.setWindowTitle("Review interviews")
        self.setAccessibleName("Review interviews")
        self.company = _filter_box("Company", "All companies", iv.companies_interviewed(journal))
        self.round = _filter_box("Round", "All rounds", list(m.INTERVIEW_ROUNDS.items()))
        self.feeling = _filter_box("Overall feeling", "", list(MIN_FEELING.items())[1:])
        self.feeling.setItemText(0, MIN_FEELING[None])
        self.count = QLabel()
        self.count.setAccessibleName("Interviews shown")
        self.text = _reading_browser("Reflections")
        self.text.anchorClicked.connect(self._open)
        self.text.verticalScrollBar().valueChanged.connect(self._maybe_read_more)
        filters = QHBoxLayout()
        for box in (self.company, self.round, self.feeling):
            filters.addWidget(box)
            box.currentIndexChanged.connect(self.reload)
        filters.addStretch(1)
        filters.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.text, 1)
        fit_on_screen(self, 900, 800)
        self.reload()

    def wanted(self) -> iv.ReviewFilter:
        return iv.ReviewFilter(
            company_id=self.company.currentData(),
            round=self.round.currentData(),
            min_rating=self.feeling.currentData(),
        )

    def reload(self) -> None:
        self._total = iv.review_count(self.journal, self.wanted())
        self._read = 0
        self.count.setText(f"{self._total} interview{'s' if self._total != 1 else ''}")
        self.text.clear()
        if self._total == 0:
            self.text.setHtml("<p><i>No interview matches these filters.</i></p>")
            return
        self.read_more()

    def read_more(self) -> None:
        entries = iv.review(self.journal, self.wanted(), offset=self._read, limit=PAGE)
        self._read += len(entries)
        cursor = self.text.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertHtml("".join(_review_entry(e) for e in entries))
        if self._read == len(entries):  # the first page: start reading at the top
            self.text.moveCursor(QTextCursor.MoveOperation.Start)
        self._maybe_read_more(0)  # a window taller than a page reads on until it is full

    def _maybe_read_more(self, _value: int) -> None:
        # Not now: reading more changes the document, whose layout is moving this very
        # scroll bar. Once the event loop is back, look again.
        if not self._more_pending:
            self._more_pending = True
            QTimer.singleShot(0, self._read_more_if_near_end)

    def _read_more_if_near_end(self) -> None:
        self._more_pending = False
        bar = self.text.verticalScrollBar()
        if self._read < self._total and bar.value() >= bar.maximum() - bar.pageStep():
            self.read_more()

    def _open(self, url: QUrl) -> None:
        _action, _, ref = url.toString().partition(":")
        if ref.isdigit():
            self.interview_opened.emit(int(ref))
            self.accept()


class QuestionBankDialog(QDialog):
    """Each question once, similar wordings together: how often it came up, my best-rated
    answer, and every answer and "next time" side by side."""

    interview_opened = Signal(int)

    def __init__(self, parent: QWidget, journal: Journal) -> None:
        super().__init__(parent)
        self.setWindowTitle("Question bank")
        self.setAccessibleName("Question bank")
        self.journal = journal
        self.groups = iv.question_bank(journal)
        self._shown: list[iv.QuestionGroup] = []
        self.filter = line_edit("Filter questions", "Filter by words in the question")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._fill)
        self.list = QListWidget()
        self.list.setAccessibleName("Questions asked of me")
        self.list.setUniformItemSizes(True)  # thousands of rows: do not measure each one
        self.list.currentRowChanged.connect(self._show)
        self.answers = _reading_browser("Answers")
        self.answers.anchorClicked.connect(self._open)
        self.count = QLabel()
        self.count.setAccessibleName("Questions shown")
        split = QSplitter()
        split.addWidget(self.list)
        split.addWidget(self.answers)
        split.setSizes([380, 620])
        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        fit_on_screen(self, 1100, 760)
        self._fill("")

    def _fill(self, typed: str) -> None:
        words = fold(typed).split()
        self._shown = [
            g for g in self.groups if all(w in g.key or w in fold(g.wording) for w in words)
        ]
        self.list.clear()
        self.list.addItems([_group_label(g) for g in self._shown])
        for row, group in enumerate(self._shown):  # a long question, whole, on hover
            self.list.item(row).setToolTip(group.wording)
        self.count.setText(f"{len(self._shown)} question{'s' if len(self._shown) != 1 else ''}")
        if self._shown:
            self.list.setCurrentRow(0)
        else:
            self.answers.setHtml("<p><i>No question matches.</i></p>")

    def _show(self, row: int) -> None:
        if 0 <= row < len(self._shown):  # its answers read now: one question, not all
            self.answers.setHtml(_group_html(iv.question_asked(self.journal, self._shown[row])))

    def _open(self, url: QUrl) -> None:
        _action, _, ref = url.toString().partition(":")
        if ref.isdigit():
            self.interview_opened.emit(int(ref))
            self.accept()


def _filter_box(name: str, everything: str, choices: Sequence[tuple[object, str]]) -> QComboBox:
    box = ChoiceBox()
    box.setAccessibleName(name)
    box.addItem(everything, None)
    for code, label in choices:
        box.addItem(label, code)
    return box


def _reading_browser(name: str) -> QTextBrowser:
    browser = QTextBrowser()
    browser.setAccessibleName(name)
    browser.setOpenLinks(False)
    font = browser.font()
    font.setPointSize(READING_POINTS)
    browser.setFont(font)
    browser.document().setDocumentMargin(18)
    return browser


def _review_entry(entry: iv.ReviewEntry) -> str:
    link = f'<a href="open:{entry.interview.id}">open in the journal</a>'
    heading = (
        f"<h2>{escape(entry.company)} — {escape(entry.job_title)}</h2><p><small>{link}</small></p>"
    )
    return heading + record_views.interview_html(entry.interview, links=False)


def _group_label(group: iv.QuestionGroup) -> str:
    """How often and how well first, so a long question cut at the list's edge keeps them."""
    best = f" · best {group.best_rating}/5" if group.best_rating else ""
    return f"{group.times}×{best}  {group.wording}"


def _group_html(group: iv.QuestionGroup) -> str:
    best = group.best
    parts = [f"<h2>{escape(group.wording)}</h2>"]
    other = sorted(set(group.wordings) - {group.wording})
    if other:
        parts.append("<p><i>Also asked as:</i> " + "; ".join(escape(q) for q in other) + "</p>")
    if best is not None:
        parts.append(
            f"<h3>My best answer ({best.rating}/5, {escape(best.company)})</h3>"
            f"<p>{_lines(best.my_answer)}</p>"
        )
    rows = "".join(
        "<tr>"
        f"<td>{escape(day_text(a.on) if a.on else '—')}<br>{escape(a.company)}<br>"
        f'<a href="open:{a.interview_id}">open</a></td>'
        f"<td>{_lines(a.my_answer) or '<i>no answer noted</i>'}</td>"
        f"<td>{_lines(a.next_time)}</td>"
        f"<td>{a.rating or '—'}</td>"
        "</tr>"
        for a in list(reversed(group.asked))[:ROWS_SHOWN]
    )
    hidden = group.times - ROWS_SHOWN
    more = f"<p><i>… and {hidden} earlier times.</i></p>" if hidden > 0 else ""
    parts.append(
        f"<h3>Asked {group.times} time{'s' if group.times != 1 else ''}</h3>"
        '<table cellpadding="6" cellspacing="0" border="1" width="100%">'
        "<tr><th>When</th><th>My answer</th><th>Next time</th><th>Rating</th></tr>"
        f"{rows}</table>{more}"
    )
    return "".join(parts)


def _lines(text: str) -> str:
    return "<br>".join(escape(line) for line in text.strip().splitlines())
