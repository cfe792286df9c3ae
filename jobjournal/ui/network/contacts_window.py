"""The Contacts window (Network → Contacts, Ctrl+Shift+M): every person in the journal,
searched by name or organisation and sorted by last contact; the one chosen is edited on
the right, above their timeline (conversations, interviews, introductions, letters), with
a note of a conversation or an introduction one button away.

People met in interviews are the same records: they are here too."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from jobjournal.core.errors import JournalError
from jobjournal.core.records import dates, forms, plain
from jobjournal.core.storage import models as m
from jobjournal.core.work import network
from jobjournal.ui.network.record_window import RecordWindow
from jobjournal.ui.shared.basics import (
    close_buttons,
    fit_on_screen,
    impact_words,
    labelled_row,
    message_label,
    scrolling,
    show_message,
)
from jobjournal.ui.shared.dialogs import (
    ActionDialog,
    dialog_buttons,
    enter_presses_only_the_default,
    yes_asked,
)
from jobjournal.ui.shared.field_set import FieldSet
from jobjournal.ui.shared.fields import choice_box, line_edit

if TYPE_CHECKING:
    from jobjournal.core.records.changes import Changes
    from jobjournal.core.records.journal import Journal
    from jobjournal.ui.shared.runner import Runner

COLUMNS = ("Name", "Organisation", "How I know them", "Last contact", "Follow-up")
TYPING_PAUSE_MS = 200

_Index = QModelIndex | QPersistentModelIndex


class ContactsModel(QAbstractTableModel):
    """The contacts as `network.contact_rows` reads them: one query, no records loaded."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[network.ContactRow] = []

    def show_rows(self, rows: list[network.ContactRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: _Index, role: int = 0) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        row = self.rows[index.row()]
        return (
            row.name,
            row.organisation,
            m.RELATIONSHIPS.get(row.relation, ""),
            dates.short_day(row.last_contacted_on) if row.last_contacted_on else "",
            dates.short_day(row.follow_up_on) if row.follow_up_on else "",
        )[index.column()]

    def row_of(self, contact_id: int | None) -> int:
        return next((n for n, row in enumerate(self.rows) if row.id == contact_id), -1)


class ContactsWindow(RecordWindow):
    noun = "contact"

    def __init__(
        self,
        parent: QWidget,
        journal: Journal,
        runner: Runner,
        select: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.journal = journal
        self.runner = runner
        self.contact_id: int | None = None
        self.setWindowTitle("Contacts")
        self.setAccessibleName("Contacts")
        self.model = ContactsModel()
        self.fields = FieldSet(forms.CONTACT)
        self.message = message_label("Contacts message")
        self._build()
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._typing.timeout.connect(lambda: self.reload(keep=self.contact_id))
        self.search.textChanged.connect(lambda _text: self._typing.start())
        self.order.currentIndexChanged.connect(lambda _i: self.reload(keep=self.contact_id))
        fit_on_screen(self, 1100, 700)
        enter_presses_only_the_default(self)
        self.reload(keep=select)
        if select is None and self.model.rows:
            self.choose(self.model.rows[0].id)

    # -- building -----------------------------------------------------------------------

    def _build(self) -> None:
        splitter = QSplitter()
        splitter.addWidget(self._list_side())
        splitter.addWidget(self._person_side())
        splitter.setSizes([540, 520])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)
        layout.addWidget(close_buttons(self))

    def _list_side(self) -> QWidget:
        self.search = line_edit("Search contacts", "Name or organisation")
        self.search.setClearButtonEnabled(True)
        self.order = choice_box("Sort contacts by", network.CONTACT_ORDERS, optional=False)
        self.table = QTableView()
        self.table.setAccessibleName("Contacts list")
        self.table.setModel(self.model)
        self.table.setTabKeyNavigation(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        # Fixed heights: ten thousand rows are laid out without measuring each.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        self.table.horizontalHeader().setAccessibleName("Contact columns")
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the name takes the room
        for column, width in enumerate((0, 120, 115, 80, 80)):
            if width:
                self.table.setColumnWidth(column, width)
        self.table.setWordWrap(False)
        self.table.selectionModel().currentRowChanged.connect(self._on_row)
        self.count = QLabel()
        self.count.setAccessibleName("Contacts shown")
        new = QPushButton("New cont&act")
        new.setAccessibleName("New contact")
        new.clicked.connect(self.new_contact)
        self.delete_button = QPushButton("&Delete contact…")
        self.delete_button.setAccessibleName("Delete contact")
        self.delete_button.clicked.connect(self.delete_contact)
        top = QFormLayout()
        labelled_row(top, "&Search:", self.search)
        labelled_row(top, "S&ort by:", self.order)
        buttons = QHBoxLayout()
        buttons.addWidget(new)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.count)
        side = QWidget()
        layout = QVBoxLayout(side)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        return side

    def _person_side(self) -> QWidget:
        self.organisation = line_edit("Organisation", "Where they work")
        form = QFormLayout()
        rows = list(forms.CONTACT)
        self.fields.add_rows(form, rows[:2])
        labelled_row(form, "Or&ganisation:", self.organisation)
        self.fields.add_rows(form, rows[2:])
        self.save_button = QPushButton("Sa&ve contact")
        self.save_button.setAccessibleName("Save contact")
        self.save_button.clicked.connect(self.save)
        self.timeline = QListWidget()
        self.timeline.setAccessibleName("Contact timeline")
        self.timeline.setWordWrap(True)
        self.timeline.itemActivated.connect(self._open_event)
        note = QPushButton("Add a &conversation note…")
        note.setAccessibleName("Add a conversation note")
        note.clicked.connect(self.add_conversation)
        ask = QPushButton("Ask for an introd&uction…")
        ask.setAccessibleName("Ask this contact for an introduction")
        ask.clicked.connect(self.ask_introduction)
        self.person_buttons = (self.save_button, note, ask, self.delete_button)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addStretch(1)
        row.addWidget(note)
        row.addWidget(ask)
        timeline_label = QLabel("Ti&meline")
        timeline_label.setBuddy(self.timeline)
        side = QWidget()
        layout = QVBoxLayout(side)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scrolling(form), 3)
        layout.addLayout(row)
        layout.addWidget(timeline_label)
        layout.addWidget(self.timeline, 2)
        return side

    # -- reading ------------------------------------------------------------------------

    def reload(self, keep: int | None = None) -> None:
        rows = network.contact_rows(self.journal, self.search.text(), self.order.currentData())
        self.model.show_rows(rows)
        total = len(rows)
        self.count.setText(f"{total} contact{'' if total == 1 else 's'}")
        if keep is not None and self.model.row_of(keep) >= 0:
            self.choose(keep)
        elif keep is not None and rows:
            # The one shown was filtered out: show the first match, never a person the
            # list no longer shows (a note would go to them unseen).
            self.choose(rows[0].id)
        else:
            self.table.clearSelection()
            if self.contact_id is not None:  # a new contact being typed stays as it is
                self._show(None)

    def choose(self, contact_id: int) -> None:
        """Select a contact in the list (and show it)."""
        row = self.model.row_of(contact_id)
        if row < 0:  # filtered out: show everyone again
            self.search.clear()
            self.reload()
            row = self.model.row_of(contact_id)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        self._show(contact_id)

    def _on_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            contact_id = self.model.rows[current.row()].id
            if contact_id != self.contact_id:
                self._show(contact_id)

    def record_id(self) -> int | None:
        return self.contact_id

    def name_field(self) -> QLineEdit:
        name: QLineEdit = self.fields.widgets["name"]
        return name

    def _show(self, contact_id: int | None) -> None:
        if not self.keep_edits():
            self.table.clearSelection()  # no row looks chosen while the form is another's
            return
        self.contact_id = contact_id
        contact = self.journal.get(plain.Contact, contact_id) if contact_id else None
        self.fields.load(contact)
        self.organisation.setText(contact.company.name if contact and contact.company else "")
        self.timeline.clear()
        for button in self.person_buttons[1:]:
            button.setEnabled(contact is not None)
        show_message(self.message, "")
        self.loaded()
        if contact_id is None:
            return
        for event in network.contact_timeline(self.journal, contact_id):
            item = QListWidgetItem(f"{dates.day_text(event.day)} — {event.text}")
            item.setData(Qt.ItemDataRole.UserRole, event)
            self.timeline.addItem(item)
        if not self.timeline.count():
            self.timeline.addItem("Nothing yet: add a note when you talk.")

    # -- changing -----------------------------------------------------------------------

    def new_contact(self) -> None:
        if not self.keep_edits():
            return
        self.table.clearSelection()
        self._show(None)
        self.fields.widgets["name"].setFocus()

    def save(self) -> None:
        changes = self._save()
        if changes is not None:
            self.reload(keep=changes.id)
            self.choose(changes.id or 0)

    def _save(self) -> Changes | None:
        try:
            values = self.fields.values()
        except JournalError as error:  # a value a field refused, in words
            show_message(self.message, str(error))
            return None
        contact_id = self.contact_id
        changes = self.runner.run(
            "Save contact" if contact_id else "Add contact",
            lambda: network.save_contact(
                self.journal, contact_id, organisation=self.organisation.text(), **values
            ),
            show_error=lambda text: show_message(self.message, text),
        )
        if changes is not None:
            self.contact_id = changes.id
            self.loaded()
            show_message(self.message, "")
        return changes

    def delete_contact(self) -> None:
        contact_id = self.contact_id
        if contact_id is None:
            return
        impact = self.journal.deletion_impact(plain.Contact, contact_id)
        name = self.fields.widgets["name"].text()
        goes = f" With them go {impact_words(impact)}." if impact else ""
        question = f"Delete {name} from your contacts?{goes} This cannot be undone."
        if not yes_asked(self, "Delete contact", question):
            return
        self.runner.run(
            "Delete contact",
            lambda: self.journal.delete(plain.Contact, contact_id, confirm=True),
            show_error=lambda text: show_message(self.message, text),
        )
        self.runner.forget_history()
        self.reload()

    def add_conversation(self) -> None:
        contact_id = self.contact_id
        if contact_id is None:
            return
        dialog = ConversationDialog(self)

        def add() -> None:
            values = dialog.fields.values()
            self.runner.run(
                "Add conversation note",
                lambda: network.add_conversation(
                    self.journal,
                    contact_id,
                    values["held_on"] or date.today(),
                    values["note"],
                    values["channel"],
                    values["follow_up_on"],
                ),
            )

        dialog.action = add
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.reload(keep=contact_id)

    def ask_introduction(self) -> None:
        from jobjournal.ui.network.introduction_dialog import IntroductionDialog

        if self.contact_id is None:
            return
        dialog = IntroductionDialog(self, self.journal, self.runner, connector_id=self.contact_id)
        dialog.exec()
        self.reload(keep=self.contact_id)

    def _open_event(self, item: QListWidgetItem) -> None:
        from jobjournal.ui.network.introduction_dialog import IntroductionDialog

        event = item.data(Qt.ItemDataRole.UserRole)
        if event is None or event.kind not in ("introduction", "letter"):
            return
        intro_id = (
            event.ref_id
            if event.kind == "introduction"
            else self.journal.get(plain.Letter, event.ref_id).introduction_id
        )
        if intro_id is None:
            return
        IntroductionDialog(self, self.journal, self.runner, introduction_id=intro_id).exec()
        self.reload(keep=self.contact_id)


class ConversationDialog(ActionDialog):
    """A note of a conversation: when, how, what was said."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle("Note of a conversation")
        self.setAccessibleName("Note of a conversation")
        self.fields = FieldSet(forms.CONVERSATION, long_height=None)
        self.fields.widgets["held_on"].set_date(date.today())
        self.message = message_label("Conversation message")
        form = QFormLayout()
        self.fields.add_rows(form)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(dialog_buttons(self, "&Add note", "Add note"))
        fit_on_screen(self, 520, 360)
        enter_presses_only_the_default(self)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # What was said comes first: the day is today's more often than not. (A hidden
        # field cannot take the focus, so it is given once the dialog shows.)
        self.fields.widgets["note"].setFocus()
