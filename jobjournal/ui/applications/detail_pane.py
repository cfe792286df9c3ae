"""The selected application: its fields to edit, its timeline, and what is recorded under it."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from jobjournal.core.records.dates import day_text
from jobjournal.core.storage.models import Status
from jobjournal.ui.applications import record_views
from jobjournal.ui.applications.application_form import ApplicationForm
from jobjournal.ui.shared.basics import message_label, show_message
from jobjournal.ui.shared.theme import status_dot

if TYPE_CHECKING:
    from jobjournal.core.records.journal import ApplicationRecords, TimelineEntry
    from jobjournal.core.records.search import HitKind
    from jobjournal.core.work.packages import Verdict

# Which tab shows a search hit of each kind.
TAB_OF_KIND = {
    "application": "overview",
    "interview": "interviews",
    "question": "interviews",
    "offer": "offers",
    "negotiation": "offers",
    "argument": "offers",
    "feedback": "feedback",
    "action": "feedback",
    "letter": "timeline",
}
TIMELINE_ICONS = {"status": "●", "interview": "🗣", "offer": "✉", "letter": "✎", "feedback": "↺"}


class DetailPane(QWidget):
    save_requested = Signal()
    revert_requested = Signal()
    status_requested = Signal()
    letter_requested = Signal()
    letter_opened = Signal(int)  # a kept letter's id, from the timeline
    status_date_requested = Signal(int)  # a status change's id, from the timeline
    interview_requested = Signal(str, int)  # an action of record_views.INTERVIEW_LINKS, an id
    add_interview_requested = Signal()
    offer_requested = Signal(str, int)  # an action of record_views.OFFER_LINKS (or a round's)
    add_offer_requested = Signal()
    feedback_requested = Signal(str, int)  # "edit_feedback" or "remind", a request's id
    add_feedback_requested = Signal()
    # Whether an application is shown: with none, the window gives the pane's room to the
    # list rather than spend it on "select one".
    showing = Signal(bool)

    def __init__(self, company_names: list[str]) -> None:
        super().__init__()
        self.setAccessibleName("Application details")
        self.application_id: int | None = None
        self.dirty = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._build_details(company_names))

    def _build_details(self, company_names: list[str]) -> QWidget:
        page = QWidget()
        self.heading = QLabel()
        self.heading.setAccessibleName("Application heading")
        self.heading.setWordWrap(True)
        self.status_button = QPushButton("Change &status…")
        self.status_button.setAccessibleName("Change status")
        self.status_button.clicked.connect(self.status_requested.emit)
        self.letter_button = QPushButton("Write a &letter…")
        self.letter_button.setAccessibleName("Write a letter")
        self.letter_button.clicked.connect(self.letter_requested.emit)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.letter_button)
        top.addWidget(self.status_button)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Application sections")
        self.overview = self._build_overview(company_names)
        self.tabs.addTab(self.overview, "&Overview")
        self.timeline = QListWidget()
        self.timeline.setAccessibleName("Timeline")
        self.timeline.itemActivated.connect(self._open_timeline_item)
        self.tabs.addTab(self.timeline, "Ti&meline")
        self.interviews = _browser("Interviews")
        self.interviews.anchorClicked.connect(lambda url: _follow(url, self.interview_requested))
        self.interviews_page = self._interviews_page()
        self.tabs.addTab(self.interviews_page, "&Interviews")
        self.offers = _browser("Offers")
        self.offers.anchorClicked.connect(lambda url: _follow(url, self.offer_requested))
        self.offers_page = self._offers_page()
        self.tabs.addTab(self.offers_page, "O&ffer")
        self.feedback = _browser("Feedback")
        self.feedback.anchorClicked.connect(lambda url: _follow(url, self.feedback_requested))
        self.feedback_page = self._feedback_page()
        self.tabs.addTab(self.feedback_page, "Feed&back")
        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addWidget(self.tabs)
        return page

    def _build_overview(self, company_names: list[str]) -> QWidget:
        self.form = ApplicationForm(company_names)
        self.form.edited.connect(self._mark_dirty)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        self.message = message_label("Details message")
        self.save_button = QPushButton("Save changes")
        self.save_button.setAccessibleName("Save changes")
        self.save_button.setToolTip("Save changes (Ctrl+S)")
        self.save_button.clicked.connect(self.save_requested.emit)
        self.revert_button = QPushButton("Revert")
        self.revert_button.setAccessibleName("Revert changes")
        self.revert_button.clicked.connect(self.revert_requested.emit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        layout.addLayout(buttons)
        self._set_dirty(False)
        return page

    # -- showing ----------------------------------------------------------------------

    def show_records(
        self,
        records: ApplicationRecords,
        timeline: list[TimelineEntry],
        verdicts: dict[int, Verdict] | None = None,
    ) -> None:
        application = records.application
        # Shown before it is filled: a text box shown for the first time may say its text
        # changed, which must not read as the person's edit.
        self.showing.emit(True)
        self.application_id = application.id
        status = _status_label(application.status)
        self.heading.setText(
            f"<h2>{escape(application.job_title)}</h2>"
            f"<p>{escape(application.company.name)} · <b>{escape(status)}</b></p>"
        )
        self.form.load(application)
        self._set_dirty(False)
        self.show_message("")
        self._fill_timeline(timeline)
        self.interviews.setHtml(record_views.interviews_html(records.interviews))
        self.offers.setHtml(
            record_views.offers_html(records.offers, verdicts, status=application.status)
        )
        self.feedback.setHtml(
            record_views.feedback_html(records.feedback, application.company.apply_again_after)
        )

    def clear(self) -> None:
        """Show nothing: no application selected, or the journal locked."""
        self.application_id = None
        self.form.clear()
        self._set_dirty(False)
        self.heading.clear()
        self.timeline.clear()
        for browser in (self.interviews, self.offers, self.feedback):
            browser.clear()
        self.showing.emit(False)

    def show_hit(self, kind: HitKind, ref_id: int) -> None:
        """Open the tab where a search hit lives, scrolled to it."""
        tab = TAB_OF_KIND.get(kind, "overview")
        widget = {
            "overview": self.overview,
            "timeline": self.timeline,
            "interviews": self.interviews,
            "offers": self.offers,
            "feedback": self.feedback,
        }[tab]
        pages = {
            "interviews": self.interviews_page,
            "offers": self.offers_page,
            "feedback": self.feedback_page,
        }
        self.tabs.setCurrentWidget(pages.get(tab, widget))
        if isinstance(widget, QTextBrowser):
            widget.scrollToAnchor(f"{kind}-{ref_id}")
        elif kind == "application":
            self.form.notes.setFocus()

    def show_message(self, text: str) -> None:
        show_message(self.message, text)

    def _fill_timeline(self, entries: list[TimelineEntry]) -> None:
        self.timeline.clear()
        for entry in reversed(entries):  # newest first, as people read a history
            icon = TIMELINE_ICONS.get(entry.kind, "•")
            on = f"   (on {entry.made_on})" if entry.made_on else ""
            item = QListWidgetItem(f"{day_text(entry.when)}   {icon}  {entry.text}{on}")
            if entry.status is not None:  # the colour the table and pipeline give it
                item.setIcon(status_dot(entry.status))
            if entry.kind in ("letter", "status"):
                item.setData(Qt.ItemDataRole.UserRole, (entry.kind, entry.ref_id))
                item.setToolTip(
                    "Double-click or press Enter to open the letter"
                    if entry.kind == "letter"
                    else "Double-click or press Enter to correct the date of this change"
                )
            self.timeline.addItem(item)

    def _interviews_page(self) -> QWidget:
        add = QPushButton("Add an &interview…")
        add.setAccessibleName("Add an interview")
        add.setToolTip("Add an interview (Ctrl+Shift+N)")
        add.clicked.connect(self.add_interview_requested.emit)
        return _page_with_button(add, self.interviews)

    def _offers_page(self) -> QWidget:
        add = QPushButton("Record an offer…")
        add.setAccessibleName("Record an offer")
        add.setToolTip("Record an offer (Ctrl+Shift+O)")
        add.clicked.connect(self.add_offer_requested.emit)
        return _page_with_button(add, self.offers)

    def _feedback_page(self) -> QWidget:
        add = QPushButton("Record feedback…")
        add.setAccessibleName("Record feedback")
        add.setToolTip("Note a feedback request, or feedback given unasked (Ctrl+Shift+K)")
        add.clicked.connect(self.add_feedback_requested.emit)
        return _page_with_button(add, self.feedback)

    def _open_timeline_item(self, item: QListWidgetItem) -> None:
        found = item.data(Qt.ItemDataRole.UserRole)
        if found is None:
            return
        kind, ref_id = found
        if kind == "letter":
            self.letter_opened.emit(int(ref_id))
        else:
            self.status_date_requested.emit(int(ref_id))

    def _mark_dirty(self) -> None:
        self._set_dirty(True)

    def _set_dirty(self, dirty: bool) -> None:
        self.dirty = dirty
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)


def _page_with_button(button: QPushButton, browser: QTextBrowser) -> QWidget:
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(button)
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addLayout(row)
    layout.addWidget(browser)
    return page


def _follow(url: QUrl, asked: Any) -> None:
    """A link on a record's page: emit what it asks for, with the record's id."""
    target = record_views.link_target(url.toString())
    if target is not None:
        asked.emit(*target)


def _browser(name: str) -> QTextBrowser:
    browser = QTextBrowser()
    browser.setAccessibleName(name)
    browser.setOpenLinks(False)
    return browser


def _status_label(code: str) -> str:

    return Status(code).label
