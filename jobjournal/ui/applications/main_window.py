"""The window a person works in once the journal is unlocked.

Three panes: the pipeline (status filters with counts), the applications table (or the
search results), and the selected application's details. Every change goes through the
runner (`ui/shared/runner.py`): the core does it, its undo lands on the undo stack, and what it
changed is redrawn (the application's row, the counts, the details), nothing else.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from jobjournal import __version__
from jobjournal.core.errors import InvalidInput, JournalError
from jobjournal.core.records import dates, plain
from jobjournal.core.records.listing import NO_FILTER, ApplicationFilter
from jobjournal.core.records.transitions import ASKS_FOR_REASON, allowed_next
from jobjournal.core.storage.models import Status
from jobjournal.core.work.due import due_items
from jobjournal.ui.applications.applications_model import (
    COL_APPLIED,
    COL_CHANGED,
    COL_COMPANY,
    COL_NEXT,
    COL_STATUS,
    COL_TITLE,
    REACH,
    ApplicationsModel,
)
from jobjournal.ui.applications.board import Board
from jobjournal.ui.applications.detail_pane import DetailPane
from jobjournal.ui.applications.due_panel import DuePanel
from jobjournal.ui.applications.pipeline import PipelineList
from jobjournal.ui.applications.search_panel import SearchResults
from jobjournal.ui.applications.welcome import Welcome
from jobjournal.ui.feedback.feedback_actions import FeedbackActions
from jobjournal.ui.interviews.interview_actions import InterviewActions
from jobjournal.ui.journal import settings
from jobjournal.ui.journal.data_actions import DataActions
from jobjournal.ui.journal.sync_window import SyncKeeper
from jobjournal.ui.letters.letter_dialog import KIND_FOR_STATUS, LetterDialog
from jobjournal.ui.network.network_actions import NetworkActions, TargetsPanel
from jobjournal.ui.offers.offer_actions import OfferActions, offer_verdicts
from jobjournal.ui.shared.basics import (
    fit_on_screen,
    impact_words,
    say_replaced_characters,
    use_money_style,
)
from jobjournal.ui.shared.dialogs import (
    ChangePassphraseDialog,
    NewApplicationDialog,
    SettingsDialog,
    StatusDateDialog,
    StatusDialog,
)
from jobjournal.ui.shared.fields import DateField, line_edit
from jobjournal.ui.shared.runner import Runner
from jobjournal.ui.shared.work import run_with_progress

if TYPE_CHECKING:
    from jobjournal.core.documents import letters
    from jobjournal.core.records.changes import Changes
    from jobjournal.core.records.journal import Journal
    from jobjournal.core.records.search import SearchHit
    from jobjournal.core.storage.vault import PassphraseChanged
    from jobjournal.core.work.due import DueItem
    from jobjournal.ui.journal.backup_runner import BackgroundBackup

TYPING_PAUSE_MS = 200  # filter and search once typing pauses, not on every key


class MainWindow(QMainWindow):
    lock_requested = Signal()
    restore_requested = Signal(str, str)  # a backup to put in the journal's place, passphrase
    preferences_changed = Signal()  # auto-lock minutes or theme

    def __init__(self, journal: Journal) -> None:
        super().__init__()
        self.journal = journal
        self.daily_backup: BackgroundBackup | None = None  # started once the window is up
        self.setWindowTitle(f"{journal.path.name} — jobjournal")  # the file name, nothing more
        self.setAccessibleName("jobjournal main window")
        self.runner = Runner(journal, self)
        self.sync = SyncKeeper(self)  # idle unless the journal syncs (issue 27)
        self.undo_stack = self.runner.undo_stack
        use_money_style(journal)
        dates.use(settings.date_format())
        self.model = ApplicationsModel(journal)
        self._build_panes()
        self._build_actions()
        self._build_menus()
        self._connect()
        fit_on_screen(self, 1200, 760)
        self._restore_window_state()
        self.refresh(select=None)
        if settings.main_view() == "board" and self.views.currentWidget() is not self.welcome:
            self.show_board()
        if journal.vault.keychain_note:
            self.statusBar().showMessage(journal.vault.keychain_note)

    # -- building ---------------------------------------------------------------------

    def _build_panes(self) -> None:
        self.pipeline = PipelineList()
        pipeline_label = QLabel("&Pipeline")
        pipeline_label.setBuddy(self.pipeline)
        self.due = DuePanel()
        due_label = QLabel("D&ue")
        due_label.setBuddy(self.due)
        self.targets = TargetsPanel()
        targets_label = QLabel("Tar&gets")
        targets_label.setBuddy(self.targets)
        self.left = _column(
            pipeline_label, self.pipeline, due_label, self.due, targets_label, self.targets
        )
        self.filter_box = line_edit("Filter applications", "Filter by company or job title")
        self.filter_box.setClearButtonEnabled(True)
        self.table = self._build_table()
        self.count_label = QLabel()
        self.count_label.setAccessibleName("Applications shown")
        self.results = SearchResults()
        self.middle = QStackedWidget()
        self.empty_hint = QLabel(
            "Select an application to see its details, or press Ctrl+N to add one."
        )
        self.empty_hint.setAccessibleName("No application selected")
        self.empty_hint.setWordWrap(True)
        self.board = Board(self.journal)
        self.views = QStackedWidget()  # the same applications, as a table or as a board
        self.views.addWidget(self.table)
        self.views.addWidget(self.board)
        self.welcome = Welcome()  # an empty journal: ways to start, not a list of zeros
        self.views.addWidget(self.welcome)
        self.middle.addWidget(
            _column(self.filter_box, self.views, self.count_label, self.empty_hint)
        )
        self.middle.addWidget(self.results)
        self.detail = DetailPane(self._company_names())
        self.detail.showing.connect(self._show_detail_pane)
        self._show_detail_pane(False)
        self.splitter = QSplitter()
        self.splitter.setAccessibleName("Panes")
        for pane in (self.left, self.middle, self.detail):
            self.splitter.addWidget(pane)
        self.splitter.setSizes([180, 600, 420])  # the list wider than the details
        # A larger screen's room goes to every pane, most to the list: the Due list's
        # sentences read on fewer lines, the details' fields get wider.
        for index, share in enumerate((1, 3, 2)):
            self.splitter.setStretchFactor(index, share)
        self.setCentralWidget(self.splitter)
        self._build_toolbar()

    def _show_detail_pane(self, showing: bool) -> None:
        if showing != self.detail.isHidden():
            return  # already so
        self.detail.setVisible(showing)
        welcome = self.views.currentWidget() is self.welcome
        self.empty_hint.setVisible(not showing and not welcome)
        if not showing and self.board.loaded:
            self.board.select(None)
        # Laid out now, not at the next turn of the event loop: what the details show is
        # where a click lands from the moment they are shown.
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setTabKeyNavigation(False)  # Tab goes on to the details, not cell by cell
        table.setAccessibleName("Applications")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setSortingEnabled(True)
        table.horizontalHeader().setSortIndicator(COL_CHANGED, Qt.SortOrder.DescendingOrder)
        table.horizontalHeader().setAccessibleName("Columns (click to sort)")
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        for column, width in _COLUMN_WIDTHS.items():
            table.setColumnWidth(column, width)
        # The list is sorted by the last change first: that column shows beside the status,
        # not off screen to the right, where the list looked unsorted.
        table.horizontalHeader().moveSection(COL_CHANGED, COL_STATUS + 1)
        _let_the_title_stretch(table)
        table.viewport().installEventFilter(self)
        return table

    def _fit_columns(self) -> None:
        """The columns that fit beside the title, in `_OPTIONAL_COLUMNS`' order; the rest
        wait for room (the details show them too), so the list never scrolls sideways."""
        header = self.table.horizontalHeader()
        kept = sum(header.sectionSize(c) for c in _COLUMN_WIDTHS if c not in _OPTIONAL_COLUMNS)
        room = self.table.viewport().width() - kept - self._title_needs()
        for column in _OPTIONAL_COLUMNS:
            width = _COLUMN_WIDTHS[column]
            self.table.setColumnHidden(column, room < width)
            room -= width

    def _title_needs(self) -> int:
        """The title column's width for the longest title read so far (a page or two),
        within bounds: a long title should not push the dates out for good."""
        metrics = self.table.fontMetrics()
        widest = max(
            (metrics.horizontalAdvance(title) for title in self.model.loaded_titles()),
            default=0,
        )
        return min(_TITLE_AT_MOST, max(_TITLE_AT_LEAST, widest + 16))

    def _build_toolbar(self) -> None:
        self.search_box = line_edit(
            "Search everything", "Search notes, interviews, offers… (Ctrl+F)"
        )
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setMinimumWidth(360)
        self.search_box.installEventFilter(self)
        self.new_button = QPushButton("&New application")
        self.new_button.setAccessibleName("New application")
        toolbar = QToolBar("Search and add")
        toolbar.setObjectName("main toolbar")
        toolbar.setMovable(False)
        toolbar.addWidget(self.search_box)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        toolbar.addWidget(self.new_button)
        self.addToolBar(toolbar)

    def _build_actions(self) -> None:
        self.new_action = self._action("&New application…", "Ctrl+N", self.new_application)
        self.save_action = self._action("&Save changes", "Ctrl+S", self.save_details)
        self.status_action = self._action("Change &status…", "Ctrl+T", lambda: self.change_status())
        self.letter_action = self._action("Write a &letter…", "Ctrl+Shift+L", self.write_letter)
        self.interviews = InterviewActions(self)
        self.interview_action = self._action(
            "Add an &interview…", "Ctrl+Shift+N", self.interviews.add_interview
        )
        self.review_action = self._action(
            "&Review interviews…", "Ctrl+Shift+R", self.interviews.open_review
        )
        self.bank_action = self._action(
            "&Question bank…", "Ctrl+Shift+Q", self.interviews.open_question_bank
        )
        self.calendar_action = self._action(
            "Export to &calendar (.ics)…", "", self.interviews.export_calendar
        )
        self.offers = OfferActions(self)
        self.offer_action = self._action(
            "Record an &offer…", "Ctrl+Shift+O", self.offers.record_offer
        )
        self.compare_action = self._action(
            "&Compare offers…", "Ctrl+Shift+C", lambda: self.offers.compare()
        )
        self.profile_action = self._action(
            "&Profile and targets…", "Ctrl+Shift+P", self.offers.open_profile
        )
        self.feedback = FeedbackActions(self)
        self.feedback_action = self._action(
            "Record &feedback…", "Ctrl+Shift+K", self.feedback.record_feedback
        )
        self.lessons_action = self._action("&Lessons…", "Ctrl+Shift+E", self.feedback.open_lessons)
        self.insights_action = self._action(
            "&Insights…", "Ctrl+Shift+I", self.feedback.open_insights
        )
        self.data = DataActions(self)
        self.network = NetworkActions(self)
        self.contacts_action = self._action(
            "&Contacts…", "Ctrl+Shift+M", lambda: self.network.open_contacts()
        )
        self.targets_action = self._action(
            "&Target organisations…", "Ctrl+Shift+G", lambda: self.network.open_targets()
        )
        self.introduction_action = self._action(
            "Ask for an &introduction…", "Ctrl+Shift+J", self.network.ask_introduction
        )
        self.skills_action = self._action(
            "S&kills against the posting…", "Ctrl+Shift+A", self.network.open_skills
        )
        self.export_json_action = self._action(
            "Export the whole journal (&JSON)…", "", self.data.export_json
        )
        self.export_csv_action = self._action(
            "Export applications (C&SV)…", "", self.data.export_csv
        )
        self.export_contacts_action = self._action(
            "Export c&ontacts (CSV)…", "", self.data.export_contacts_csv
        )
        self.import_csv_action = self._action(
            "&Import applications from CSV…", "", self.data.import_csv
        )
        self.import_json_action = self._action(
            "Import a &whole-journal export (JSON)…", "", self.data.import_json
        )
        self.restore_action = self._action("&Restore a backup…", "", self.data.restore)
        self.sync_action = self._action(
            "Use on several compu&ters…", "", self.use_on_several_computers
        )
        self.conflicts_action = self._action("Sync co&nflicts…", "", self.open_conflicts)
        self.delete_action = self._action("&Delete application…", "Del", self.delete_application)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.table.addAction(self.delete_action)
        self.board.addAction(self.delete_action)
        self.undo_action = self.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
        self.redo_action = self.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.addActions([self.undo_action, self.redo_action])
        self.find_action = self._action("&Search everything", "Ctrl+F", self.focus_search)
        self.filter_action = self._action("&Filter the list", "Ctrl+Shift+F", self.focus_filter)
        self.show_all_action = self._action("Show &all applications", "Ctrl+0", self.show_all)
        self.board_action = self._action("&Board", "Ctrl+1", self.show_board)
        self.table_action = self._action("&Table", "Ctrl+2", self.show_table)
        views = QActionGroup(self)
        for action in (self.board_action, self.table_action):
            action.setCheckable(True)
            views.addAction(action)
        self.table_action.setChecked(True)
        self.settings_action = self._action("S&ettings…", "Ctrl+,", self.open_settings)
        self.lock_action = self._action("&Lock", "Ctrl+L", self.lock_requested.emit)
        self.verify_action = self._action("&Verify journal", "Ctrl+Shift+V", self.verify)
        self.backup_action = self._action("&Back up now", "Ctrl+Shift+B", self.data.back_up)
        self.passphrase_action = self._action("Change &passphrase…", "", self.change_passphrase)
        self.quit_action = self._action("&Quit", "Ctrl+Q", self.close)
        self.shortcuts_action = self._action("&Keyboard shortcuts", "F1", self.show_shortcuts)
        self.about_action = self._action("&About jobjournal", "", self.show_about)
        self.move_actions = self._move_actions()

    def _move_actions(self) -> dict[Status, QAction]:

        actions = {}
        for status in Status:
            action = QAction(status.label, self)
            action.triggered.connect(lambda _=False, s=status: self.change_status(s))
            actions[status] = action
        return actions

    def _build_menus(self) -> None:
        bar = self.menuBar()
        journal_menu = bar.addMenu("&Journal")
        for item in (
            self.profile_action,
            self.settings_action,
            None,
            self.lock_action,
            self.verify_action,
            self.backup_action,
            self.restore_action,
            self.passphrase_action,
            self.sync_action,
            self.conflicts_action,
            None,
            self.export_csv_action,
            self.export_contacts_action,
            self.export_json_action,
            self.import_csv_action,
            self.import_json_action,
            None,
            self.quit_action,
        ):
            _add(journal_menu, item)
        edit_menu = bar.addMenu("&Edit")
        for item in (
            self.undo_action,
            self.redo_action,
            None,
            self.find_action,
            self.filter_action,
            self.show_all_action,
        ):
            _add(edit_menu, item)
        view_menu = bar.addMenu("&View")
        for item in (self.board_action, self.table_action):
            _add(view_menu, item)
        application_menu = bar.addMenu("&Application")
        self.move_menu = QMenu("&Move to", self)
        for action in self.move_actions.values():
            self.move_menu.addAction(action)
        for item in (self.new_action, self.save_action, None, self.status_action):
            _add(application_menu, item)
        application_menu.addMenu(self.move_menu)
        application_menu.addAction(self.letter_action)
        application_menu.addAction(self.interview_action)
        application_menu.addAction(self.offer_action)
        application_menu.addAction(self.feedback_action)
        application_menu.addAction(self.skills_action)
        application_menu.addSeparator()
        application_menu.addAction(self.delete_action)
        interviews_menu = bar.addMenu("&Interviews")
        for item in (
            self.interview_action,
            None,
            self.review_action,
            self.bank_action,
            None,
            self.calendar_action,
        ):
            _add(interviews_menu, item)
        offers_menu = bar.addMenu("Offe&rs")
        for item in (self.offer_action, self.compare_action, None, self.profile_action):
            _add(offers_menu, item)
        network_menu = bar.addMenu("&My network")
        for item in (
            self.contacts_action,
            self.targets_action,
            None,
            self.introduction_action,
            self.skills_action,
        ):
            _add(network_menu, item)
        search_menu = bar.addMenu("Sear&ch so far")
        for item in (self.insights_action, self.lessons_action, None, self.feedback_action):
            _add(search_menu, item)
        help_menu = bar.addMenu("&Help")
        for item in (self.shortcuts_action, self.about_action):
            _add(help_menu, item)

    def _connect(self) -> None:
        self.runner.changed.connect(self.show_changes)
        self.runner.changed.connect(lambda _changes, _focus: self.sync.changed())
        self.runner.failed.connect(self._report)
        self.pipeline.chosen.connect(self.apply_filter)
        self._filter_timer = _pause_timer(self, self.apply_filter)
        self.filter_box.textChanged.connect(lambda _text: self._filter_timer.start())
        self._search_timer = _pause_timer(self, self.run_search)
        self.search_box.textChanged.connect(lambda _text: self._search_timer.start())
        self.search_box.returnPressed.connect(self._open_current_hit)
        self.results.opened.connect(self.open_hit)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row)
        self.model.modelReset.connect(self._fit_columns)  # the titles shown may be longer
        self.board.chosen.connect(self._on_card)
        self.board.move_requested.connect(self.move_card)
        self.board.menu_requested.connect(self._application_menu)
        self.welcome.add_requested.connect(self.new_application)
        self.welcome.import_requested.connect(self.data.import_csv)
        self.table.customContextMenuRequested.connect(self._table_menu)
        # After the view re-sorted the model (it connected first): keep the selection.
        self.table.horizontalHeader().sortIndicatorChanged.connect(
            lambda _column, _order: self._select(self.detail.application_id, changed=False)
        )
        self.new_button.clicked.connect(self.new_application)
        self.detail.save_requested.connect(self.save_details)
        self.detail.revert_requested.connect(self.revert_details)
        self.detail.status_requested.connect(lambda: self.change_status())
        self.detail.letter_requested.connect(self.write_letter)
        self.detail.letter_opened.connect(self.reopen_letter)
        self.detail.status_date_requested.connect(self.correct_status_date)
        self.detail.interview_requested.connect(self.interviews.run)
        self.detail.add_interview_requested.connect(self.interviews.add_interview)
        self.detail.offer_requested.connect(self.offers.run)
        self.detail.add_offer_requested.connect(self.offers.record_offer)
        self.detail.feedback_requested.connect(self.feedback.run)
        self.detail.add_feedback_requested.connect(self.feedback.record_feedback)
        self.due.opened.connect(self.open_due)
        self.targets.opened.connect(lambda target_id: self.network.open_targets(target_id))

    def _action(self, text: str, shortcut: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    # -- reading the journal into the panes -------------------------------------------

    def refresh(self, select: int | None) -> None:
        """Read the list and counts again and show `select` (or keep the selection)."""
        keep = select if select is not None else self.detail.application_id
        self.model.reload(keep_loaded=True)
        self._refill_board()
        self._update_counts()
        self._select(keep)
        self.refresh_due()
        self.network.refresh_targets()

    def refresh_due(self) -> None:
        items = due_items(self.journal)
        self.due.show_items(items)
        self.board.show_due(_due_this_week(items))

    def open_due(self, due: DueItem) -> None:
        """Go where a Due item can be done: the reflection for a thank-you (its date and
        the letter are there), else the application at the right tab."""
        if due.kind == "thank_you" and due.interview_id is not None:
            self.interviews.open_reflection(due.interview_id)
            return
        if self.network.open_due(due) or due.application_id is None:
            return
        if not self.leave_details():
            return
        self.show_all_if_hidden(due.application_id)
        if due.interview_id is not None:
            self.detail.show_hit("interview", due.interview_id)
        elif due.offer_id is not None:
            self.detail.show_hit("offer", due.offer_id)
        elif due.kind == "feedback":
            self.detail.tabs.setCurrentWidget(self.detail.feedback_page)

    def apply_filter(self) -> None:

        if not self.leave_details():
            return
        wanted = ApplicationFilter(
            statuses=self.pipeline.statuses(), text=self.filter_box.text().strip()
        )
        self.model.set_filter(wanted)
        self._refill_board()
        self._update_counts()
        self._select(self.detail.application_id, changed=False)

    def show_all(self) -> None:
        self.pipeline.choose_all()
        self.filter_box.clear()
        self.apply_filter()

    def _select(self, application_id: int | None, *, changed: bool = True) -> None:
        """Select the application's row and show it. `changed`: the journal changed, so
        re-read its details and look further down the list for its row; otherwise (a new
        sort or filter) only the rows already read are looked at."""
        if application_id is None:
            self._select_row(None)
            self.detail.clear()
            return
        row = self.model.row_of(application_id, reach=REACH if changed else 0)
        self._select_row(row)
        if row is None and not self.journal.is_listed(application_id, self.model.wanted):
            self.detail.clear()  # the filter hides it now
        elif changed or self.detail.application_id != application_id:
            self._show_details(application_id)

    def _select_row(self, row: int | None) -> None:
        if row is None:
            self.table.clearSelection()
            self.table.setCurrentIndex(QModelIndex())
            return
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    def _show_details(self, application_id: int | None) -> None:
        if application_id is None:
            self.detail.clear()
            return
        records = self.journal.records_of(application_id)
        verdicts = offer_verdicts(self.journal, records.offers)
        self.detail.show_records(records, self.journal.timeline(application_id), verdicts)
        self._loaded_values = self.detail.form.values()
        self._update_move_menu(records.application.status)
        if self._board_shown():
            self.board.select(application_id)

    def _update_move_menu(self, current: str | None) -> None:

        allowed = set(allowed_next(Status(current))) if current else set()
        for status, action in self.move_actions.items():
            action.setEnabled(status in allowed)
        for action in (
            self.status_action,
            self.letter_action,
            self.interview_action,
            self.feedback_action,
            self.delete_action,
            self.save_action,
        ):
            action.setEnabled(current is not None)
        self.detail.status_button.setEnabled(bool(allowed))

    def _on_current_row(self, current: QModelIndex, previous: QModelIndex) -> None:
        if not current.isValid():
            return
        wanted = self.model.application_id(current.row())
        if wanted == self.detail.application_id:
            return
        if not self.leave_details():
            self.table.selectionModel().blockSignals(True)
            self.table.setCurrentIndex(previous)
            self.table.selectionModel().blockSignals(False)
            return
        self._show_details(wanted)

    # -- the board ----------------------------------------------------------------------

    def show_board(self) -> None:
        self._show_list_parts(True)
        self.board_action.setChecked(True)
        self.views.setCurrentWidget(self.board)
        if not self.board.loaded:
            self._refill_board()
            self.board.show_counts(self.journal.status_counts(self.model.wanted))
        self.board.select(self.detail.application_id)
        self.board.focus_cards()
        settings.set_main_view("board")

    def show_table(self) -> None:
        self._show_list_parts(True)
        self.table_action.setChecked(True)
        self.views.setCurrentWidget(self.table)
        self._select(self.detail.application_id, changed=False)
        self.table.setFocus()
        settings.set_main_view("table")

    def _welcome(self, empty: bool) -> None:
        """An empty journal shows its ways to start; the first application brings back
        the list (or the board) and the pipeline beside it."""
        if empty == (self.views.currentWidget() is self.welcome):
            return
        if empty:
            self._show_list_parts(False)
            self.views.setCurrentWidget(self.welcome)
            self.welcome.add.setFocus()
        elif settings.main_view() == "board":
            self.show_board()
        else:
            self.show_table()

    def _show_list_parts(self, shown: bool) -> None:
        """What goes with a list of applications: the pipeline and Due list, the filter."""
        for part in (self.left, self.filter_box, self.count_label):
            part.setVisible(shown)
        self.empty_hint.setVisible(shown and self.detail.isHidden())

    def _board_shown(self) -> bool:
        return self.views.currentWidget() is self.board

    def _refill_board(self) -> None:
        """Read the board again now if it is shown, else when it next is."""
        if self._board_shown():
            self.board.set_filter(self.model.wanted)
        else:
            self.board.loaded = False

    def _on_card(self, application_id: int) -> None:
        if application_id == self.detail.application_id:
            return
        if not self.leave_details():
            self.board.select(self.detail.application_id)
            return
        self._show_details(application_id)
        self._select_row(self.model.row_of(application_id, reach=0))

    def move_card(self, application_id: int, target: Status | None) -> None:
        """A card dragged, or moved by Ctrl+Shift+arrow, to another column: a move in
        progress is made at once (and undoable); to Closed, the status dialog asks which
        ending and why."""
        if application_id != self.detail.application_id:
            if not self.leave_details():
                return
            self._show_details(application_id)
        if target is None or target in ASKS_FOR_REASON:
            self.change_status(target)
            return
        self.runner.run(
            f"Move to {target.label}",
            lambda: self.journal.set_status(application_id, target),
            focus=application_id,
        )

    def _update_counts(self) -> None:

        counts = self.journal.status_counts(self.model.wanted)
        self.pipeline.show_counts(counts)
        self.board.show_counts(counts)
        self._welcome(self.model.wanted == NO_FILTER and not any(counts.values()))
        shown = sum(counts[s] for s in self.model.wanted.statuses or Status)
        self.count_label.setText(f"{shown:,} application{'s' if shown != 1 else ''}")

    def _company_names(self) -> list[str]:

        return sorted((c.name for c in self.journal.all(plain.Company)), key=str.casefold)

    # -- editing ------------------------------------------------------------------------

    def leave_details(self) -> bool:
        """Before showing something else: save pending edits. False if they cannot be saved."""
        if not self.detail.dirty:
            return True
        return self.save_details()

    def save_details(self) -> bool:

        application_id = self.detail.application_id
        if application_id is None or not self.detail.dirty:
            return True
        try:
            after = self.detail.form.values()
        except JournalError as error:
            self.detail.show_message(str(error))
            return False
        changed = {k: v for k, v in after.items() if self._loaded_values.get(k) != v}
        saved = self.runner.run(
            "Edit application",
            lambda: self.journal.update_application(application_id, **changed),
            focus=application_id,
            show_error=self.detail.show_message,
        )
        if saved is None:
            return False
        if application_id not in saved.application_ids():  # nothing to save after all
            self._show_details(application_id)
        say_replaced_characters(self)
        self.statusBar().showMessage("Saved.", 3000)
        return True

    def revert_details(self) -> None:
        self._show_details(self.detail.application_id)

    def new_application(self) -> None:
        if not self.leave_details():
            return
        dialog = NewApplicationDialog(self, self._company_names())
        created: list[int] = []

        def add() -> None:
            values = dialog.form.values()
            status = dialog.chosen_status()
            on = values.get("applied_on") if status.value == "applied" else None
            added = self.runner.run(
                "Add application",
                lambda: self.journal.add_application(status=status, on=on, **values),
            )
            assert added is not None  # a refusal raised, for the dialog to show
            created.append(added.new_id)

        dialog.action = add
        if dialog.exec() == QDialog.DialogCode.Accepted and created:
            # Its row is drawn already (show_changes); only a filter hiding it reloads.
            self._show_focus(created[0])
            self.table.setFocus()

    def show_all_if_hidden(self, application_id: int) -> None:
        """Show an application, widening the filters if they hide it."""
        if not self.journal.is_listed(application_id, self.model.wanted):
            self.pipeline.choose_all()
            self.filter_box.blockSignals(True)
            self.filter_box.clear()
            self.filter_box.blockSignals(False)
            self.model.set_filter(self._no_filter())
        self.refresh(select=application_id)
        self.table.setFocus()

    def change_status(self, target: Status | None = None) -> None:

        application_id = self.detail.application_id
        if application_id is None or not self.leave_details():
            return
        application = self.journal.get(plain.Application, application_id)
        dialog = StatusDialog(self, Status(application.status), application.job_title)
        if target is not None:
            dialog.choose_status(target)

        def move() -> None:
            change = dialog.values()
            if change["status"] == Status.REJECTED:  # with the feedback request, if asked
                self.feedback.mark_rejected(application_id, change, dialog.wants_letter())
                return
            self.runner.run(
                f"Change status to {change['status'].label}",
                lambda: self.journal.set_status(application_id, **change),
                focus=application_id,
            )

        dialog.action = move
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        moved_to = dialog.values()["status"]
        if moved_to == Status.ACCEPTED:  # the others must hear of it too
            self.offers.after_accepting(
                application_id, already_accepted=True, acceptance_letter=dialog.wants_letter()
            )
        elif dialog.wants_letter():
            self.write_letter(KIND_FOR_STATUS[moved_to.value])
        if moved_to == Status.REJECTED:  # where the request was noted, and its answer goes
            self.detail.tabs.setCurrentWidget(self.detail.feedback_page)

    def correct_status_date(self, change_id: int) -> None:
        """Date a past status change again (a slip when it was recorded); undoable."""

        application_id = self.detail.application_id
        if application_id is None or not self.leave_details():
            return
        change = self.journal.get(plain.StatusChange, change_id)
        dialog = StatusDateDialog(self, change)

        def correct() -> None:
            on = dialog.on.date()
            if on is None:
                raise InvalidInput("Choose the date the change happened.")
            self.runner.run(
                "Correct a status date",
                lambda: self.journal.change_status_date(change_id, on),
                focus=application_id,
            )

        dialog.action = correct
        dialog.exec()

    def write_letter(self, kind: letters.Kind | None = None) -> None:
        """Draft a letter about the selected application; the kind fits its status unless
        given."""

        application_id = self.detail.application_id
        if application_id is None or not self.leave_details():
            return
        status = self.journal.get(plain.Application, application_id).status
        kind = kind or KIND_FOR_STATUS.get(status, "withdraw")
        self._run_letter_dialog(LetterDialog(self, self.journal, application_id, kind))

    def reopen_letter(self, letter_id: int) -> None:
        """A letter kept earlier, to read, copy or export again."""
        if not self.leave_details():
            return
        dialog = LetterDialog(self, self.journal, self.detail.application_id, letter_id=letter_id)
        self._run_letter_dialog(dialog)

    def _run_letter_dialog(self, dialog: LetterDialog) -> None:
        dialog.exec()
        if dialog.changed and not self.journal.is_locked:
            self.refresh(select=self.detail.application_id)

    def delete_application(self) -> None:

        application_id = self.detail.application_id
        if application_id is None:
            return
        application = self.journal.get(plain.Application, application_id)
        impact = self.journal.deletion_impact(plain.Application, application_id)
        if not self._confirm_delete(application, impact):
            return
        self.journal.delete(plain.Application, application_id, confirm=True)
        # Older steps may refer to it; history that no longer fits the journal must go.
        self.runner.forget_history()
        self.detail.clear()
        self.refresh(select=None)
        self.statusBar().showMessage(f"Deleted “{application.job_title}”.", 5000)

    def _confirm_delete(self, application: Any, impact: dict[str, int]) -> bool:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Delete application")
        box.setText(f"Delete “{application.job_title}” at {application.company.name}?")
        also = f"This also deletes {impact_words(impact)}. " if impact else ""
        box.setInformativeText(f"{also}This cannot be undone.")
        delete = box.addButton("&Delete", QMessageBox.ButtonRole.DestructiveRole)
        delete.setAccessibleName("Delete")
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        cancel.setAccessibleName("Cancel")
        box.setDefaultButton(cancel)
        box.exec()
        return box.clickedButton() is delete

    def show_changes(self, changes: Changes, focus: int | None) -> None:
        """Redraw what an operation changed and nothing else: the applications' rows, the
        counts, the details when they are the ones shown, the Due list. After an undo or
        redo, `focus` is the application it concerns: shown, widening the filters if they
        hide it."""
        if changes.touches("companies"):
            self.refresh_companies()
        applications = changes.application_ids()
        if applications:
            self.model.update_rows(applications)
            if self._board_shown():
                self.board.update_rows(applications)
            else:
                self.board.loaded = False  # read again when next shown
        if changes.changed_any("applications", _COUNTED) or changes.touches("companies"):
            self._update_counts()
        if focus is not None and not changes.deleted & {("applications", focus)}:
            self._show_focus(focus)
        elif self.detail.application_id in applications:
            self._select(self.detail.application_id)
        if _concerns_due(changes):
            self.refresh_due()
        self.network.after(changes)

    def _show_focus(self, application_id: int) -> None:
        if not self.journal.is_listed(application_id, self.model.wanted):
            self.show_all_if_hidden(application_id)
        else:
            self._select(application_id)

    def _report(self, text: str) -> None:
        self.statusBar().showMessage(text, 10000)
        QTimer.singleShot(0, self.runner.forget_history)

    def refresh_companies(self) -> None:
        names = self._company_names()
        completer = self.detail.form.company.completer()
        completer.model().setStringList(names)  # type: ignore[attr-defined]

    def _table_menu(self, position: Any) -> None:
        index = self.table.indexAt(position)
        if not index.isValid():
            return
        self.table.setCurrentIndex(index)
        self._application_menu(self.table.viewport().mapToGlobal(position))

    def _application_menu(self, where: QPoint) -> None:
        """What can be done to the application shown, at a right-click on its row or card."""
        menu = QMenu(self)
        menu.addAction(self.status_action)
        menu.addMenu(self.move_menu)
        menu.addAction(self.letter_action)
        menu.addSeparator()
        menu.addAction(self.delete_action)
        menu.exec(where)

    # -- search -------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def focus_filter(self) -> None:
        self.middle.setCurrentIndex(0)
        self.filter_box.setFocus()
        self.filter_box.selectAll()

    def run_search(self) -> None:
        typed = self.search_box.text().strip()
        if not typed:
            self.middle.setCurrentIndex(0)
            return
        self.results.show_hits(typed, self.journal.search(typed, limit=50))
        self.middle.setCurrentIndex(1)

    def _open_current_hit(self) -> None:
        self._search_timer.stop()
        self.run_search()
        hit = self.results.current_hit()
        if hit is not None:
            self.open_hit(hit)

    def open_hit(self, hit: SearchHit) -> None:
        """Show where a hit lives: its application at the right tab, or its company's list."""
        self.middle.setCurrentIndex(0)
        if self.network.open_hit(hit):
            return
        if hit.application_id is None:
            self._filter_to_company_of(hit)
            return
        if not self.leave_details():
            return
        self.show_all_if_hidden(hit.application_id)
        self.detail.show_hit(hit.kind, hit.ref_id)

    def _filter_to_company_of(self, hit: SearchHit) -> None:

        company_id: int | None = hit.ref_id if hit.kind == "company" else None
        if hit.kind == "contact":
            company_id = self.journal.get(plain.Contact, hit.ref_id).company_id
        if company_id is None:
            self.statusBar().showMessage("That is in your contacts, not tied to a company.", 8000)
            return
        self.pipeline.choose_all()
        self.filter_box.setText(self.journal.get(plain.Company, company_id).name)
        self.apply_filter()
        self.table.setFocus()

    def _no_filter(self) -> Any:

        return NO_FILTER

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport():
            if event.type() == QEvent.Type.Resize:
                self._fit_columns()
            return False
        if watched is self.search_box and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Escape:
                self.search_box.clear()
                self.middle.setCurrentIndex(0)
                self.table.setFocus()
                return True
            if event.key() == Qt.Key.Key_Down and self.middle.currentIndex() == 1:
                self.results.setFocus()
                return True
        return super().eventFilter(watched, event)

    # -- journal actions ----------------------------------------------------------------

    def open_settings(self) -> None:

        vault = self.journal.vault
        dialog = SettingsDialog(self, self.journal.path, vault.is_remembered())
        dialog.change_passphrase.clicked.connect(self.change_passphrase)

        def save() -> None:
            prefs = dialog.backup_prefs()
            remember = dialog.remember.isChecked()
            if remember != vault.is_remembered():
                status = vault.remember(remember)
                if remember and not status.usable:
                    raise InvalidInput(f"Cannot remember the journal here: {status.reason}")
            vault.place_backups(prefs.folder, prefs.keep, prefs.budget_mb)
            settings.set_backup_prefs(self.journal.path, prefs)
            settings.set_auto_lock_minutes(dialog.auto_lock.value())
            settings.set_theme(dialog.theme.currentData())
            settings.set_date_format(dialog.date_format.currentData())

        dialog.action = save
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.preferences_changed.emit()
            if dates.style() != settings.date_format():
                dates.use(settings.date_format())
                for field in self.findChildren(DateField):
                    field.follow_date_style()
                self.refresh(select=self.detail.application_id)  # every date rewritten
            self.statusBar().showMessage("Settings saved.", 3000)

    def verify(self) -> None:
        report = run_with_progress(self, "Checking the journal", self.journal.vault.verify)
        if report.ok:
            QMessageBox.information(self, "Verify journal", "The journal checks out: no problems.")
            return
        QMessageBox.warning(
            self,
            "Verify journal",
            "Problems were found:\n\n"
            + "\n".join(report.problems[:10])
            + "\n\nLock the journal and restore a backup from the unlock window.",
        )

    def change_passphrase(self) -> None:
        dialog = ChangePassphraseDialog(self)
        outcome: list[PassphraseChanged] = []

        typed_new: list[str] = []  # the dialog empties its fields as it closes

        def rekey() -> None:
            current, new = dialog.passphrases()
            typed_new[:] = [new]
            outcome.append(
                run_with_progress(
                    self,
                    "Re-encrypting the journal",
                    lambda: self.journal.vault.change_passphrase(current, new),
                )
            )

        dialog.action = rekey
        dialog.exec()
        if not outcome:
            return  # cancelled, or refused with the reason shown in the dialog
        changed = outcome[0]
        self.statusBar().showMessage("Passphrase changed.", 10000)
        if self.sync.active:  # the exchange files follow; the other computers will ask
            from jobjournal.core.sync import merge as sync

            sync.rekey(self.journal, typed_new[0])
            self.statusBar().showMessage(
                "Passphrase changed. On your other computers, type the new one when they ask.",
                20000,
            )
        if changed.backup_problem or changed.keychain_note:
            box = QMessageBox(
                QMessageBox.Icon.Warning, "Passphrase changed", changed.message(), parent=self
            )
            box.setAccessibleName("Passphrase changed")
            box.exec()

    def use_on_several_computers(self) -> None:
        from jobjournal.core.sync import merge as sync
        from jobjournal.ui.journal.sync_window import SyncDialog

        if sync.is_syncing(self.journal):
            from jobjournal.ui.journal.sync_window import SyncStatusDialog

            status = SyncStatusDialog(self, self.journal)
            if status.exec() == QDialog.DialogCode.Accepted and status.report is not None:
                self.refresh(select=None)
                self.statusBar().showMessage(
                    f"Merged: {status.report.rows} records changed.", 10000
                )
            return
        dialog = SyncDialog(self, self.journal)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.runner.forget_history()  # undo steps from before are not the others'
            self.refresh(select=None)
            self.sync.start()
            self.statusBar().showMessage("This journal now syncs through that folder.", 10000)

    def open_conflicts(self) -> None:
        from jobjournal.ui.journal.sync_window import ConflictsDialog

        if not self.sync.active:
            self.statusBar().showMessage(
                "This journal does not sync (Journal → Use on several computers…).", 10000
            )
            return
        dialog = ConflictsDialog(self, self.journal)
        dialog.exec()
        if dialog.chosen:
            self.refresh(select=None)
            self.sync.changed()

    def show_shortcuts(self) -> None:
        rows = "".join(
            f"<tr><td>{action.text().replace('&', '').rstrip('…')}</td>"
            f"<td>&nbsp;&nbsp;<b>{action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)}</b></td></tr>"
            for action in self.actions()
            if not action.shortcut().isEmpty()
        )
        QMessageBox.information(self, "Keyboard shortcuts", f"<table>{rows}</table>")

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            "About jobjournal",
            f"<b>jobjournal {__version__}</b><p>A private, offline journal of your job search. "
            "Everything stays in one encrypted file on this computer.</p>",
        )

    # -- closing and locking ------------------------------------------------------------

    def shutdown(self) -> None:
        """Before the journal locks: keep pending edits, close dialogs, forget the content."""
        self.save_details()  # a refused edit cannot be kept: the journal is going
        self.sync.stop()  # what changed goes to the other computers now
        for dialog in self.findChildren(QDialog):
            # Their exec() returns "rejected" and the caller does nothing; nothing is asked:
            # the lock takes what they showed off the screen.
            QDialog.reject(dialog)
        self._save_window_state()
        self.undo_stack.clear()
        self.results.clear()
        self.search_box.clear()
        self.filter_box.clear()
        # Clearing the boxes started their typing-pause timers: a filter or search run
        # after the lock would read a locked journal.
        self._filter_timer.stop()
        self._search_timer.stop()
        self.detail.clear()
        self.due.clear()
        self.targets.clear()
        self.model.clear()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.detail.dirty and not self.save_details():
            answer = QMessageBox.question(
                self,
                "Unsaved changes",
                "Your changes to this application cannot be saved as they are. "
                "Quit anyway and lose them?",
            )
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
            self.detail.dirty = False
        self._save_window_state()
        event.accept()
        QGuiApplication.quit()

    def _save_window_state(self) -> None:
        settings.save_window_state("geometry", self.saveGeometry())
        settings.save_window_state("splitter", self.splitter.saveState())
        settings.save_window_state("columns", self.table.horizontalHeader().saveState())

    def _restore_window_state(self) -> None:
        if (geometry := settings.window_state("geometry")) is not None:
            self.restoreGeometry(geometry)
        if (panes := settings.window_state("splitter")) is not None:
            self.splitter.restoreState(panes)
        if (columns := settings.window_state("columns")) is not None:
            self.table.horizontalHeader().restoreState(columns)
            _let_the_title_stretch(self.table)  # a state saved before it stretched
            header = self.table.horizontalHeader()
            self.model.use_sort(header.sortIndicatorSection(), header.sortIndicatorOrder())


# -- pieces -------------------------------------------------------------------------------


# What the pipeline's counts depend on: the status, and what the filter reads.
_COUNTED = ("status", "job_title", "title_fold", "company_id", "applied_on")
# What the Due list reads of an application; any record of the other kinds counts.
_DUE_FIELDS = ("status", "next_action", "next_action_on", "job_title", "company_id")
_DUE_TABLES = (
    "interviews",
    "offers",
    "feedback_requests",
    "companies",
    "contacts",
    "introductions",
)


# The width each column starts at, but the title's, which takes the room left.
_COLUMN_WIDTHS = {
    COL_COMPANY: 150,
    COL_STATUS: 110,
    COL_CHANGED: 95,
    COL_APPLIED: 95,
    COL_NEXT: 260,
}
_OPTIONAL_COLUMNS = (COL_APPLIED, COL_NEXT)  # shown while there is room, in this order
_TITLE_AT_LEAST = 180
_TITLE_AT_MOST = 360


def _let_the_title_stretch(table: QTableView) -> None:
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)


def _due_this_week(items: list[DueItem]) -> dict[int, bool]:
    """Each application with something due within a week, and whether any of it is late."""
    soon = date.today() + timedelta(days=6)
    due: dict[int, bool] = {}
    for item in items:
        if item.application_id is None:
            continue  # the network's items are on no card
        if item.overdue or item.when <= soon:
            due[item.application_id] = due.get(item.application_id, False) or item.overdue
    return due


def _concerns_due(changes: Changes) -> bool:
    return changes.changed_any("applications", _DUE_FIELDS) or any(
        changes.touches(table) for table in _DUE_TABLES
    )


def _column(*widgets: QWidget) -> QWidget:
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(4, 4, 4, 4)
    for widget in widgets:
        layout.addWidget(widget)
    return holder


def _add(menu: QMenu, action: QAction | None) -> None:
    if action is None:
        menu.addSeparator()
    else:
        menu.addAction(action)


def _pause_timer(parent: QObject, slot: Callable[[], None]) -> QTimer:
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(TYPING_PAUSE_MS)
    timer.timeout.connect(slot)
    return timer
