"""Recording an offer, a round of negotiation, and accepting one offer.

Each dialog keeps what was typed when the journal refuses it, and says why."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QCompleter,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jobjournal.core.errors import InvalidInput
from jobjournal.core.records import forms, plain
from jobjournal.core.records.money import format_amount, parse_amount
from jobjournal.core.storage import models as m
from jobjournal.core.work import offers
from jobjournal.ui.shared.basics import fit_on_screen, labelled_row, message_label, scrolling
from jobjournal.ui.shared.dialogs import ActionDialog, EnterAddsLines, dialog_buttons
from jobjournal.ui.shared.field_set import FieldSet
from jobjournal.ui.shared.fields import DateField, choice_box, line_edit, text_edit

if TYPE_CHECKING:
    from jobjournal.core.records.journal import Journal


class OfferDialog(ActionDialog):
    """A new offer on an application, or an offer to correct. The respond-by date follows
    the received date (two business days) until the person sets it themselves."""

    def __init__(
        self, parent: QWidget, journal: Journal, application_id: int, offer_id: int | None = None
    ) -> None:
        super().__init__(parent)
        self.journal = journal
        self.application_id = application_id
        self.offer_id = offer_id
        title = "New offer" if offer_id is None else "Offer"
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.fields = FieldSet(forms.OFFER)
        self.reminder = QLabel(offers.VERBAL_REMINDER)
        self.reminder.setAccessibleName("Verbal offer reminder")
        self.reminder.setWordWrap(True)
        self.reminder.setStyleSheet(
            "background: rgba(230, 160, 0, 0.18); border-radius: 4px; padding: 6px 8px;"
        )
        self.message = message_label("Offer message")
        self._build()
        self._load(journal.get(plain.Offer, offer_id) if offer_id is not None else None)
        self.action = self._save
        self.widget("kind").setFocus()

    def widget(self, name: str) -> Any:
        return self.fields.widgets[name]

    def _build(self) -> None:
        pay, rest = QFormLayout(), QFormLayout()
        self.fields.add_rows(pay, forms.OFFER_PAY)
        self.fields.add_rows(rest, forms.OFFER[len(forms.OFFER_PAY) :])
        columns = QHBoxLayout()
        columns.addLayout(pay, 1)
        columns.addSpacing(16)
        columns.addLayout(rest, 1)
        buttons = dialog_buttons(self, "&Save offer", "Save offer")
        layout = QVBoxLayout(self)
        layout.addWidget(self.reminder)
        layout.addLayout(columns)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.widget("kind").currentIndexChanged.connect(self._show_reminder)
        self.widget("received_on").changed.connect(self._follow_received)
        self.widget("respond_by").changed.connect(self._respond_by_edited)

    def _load(self, offer: plain.Offer | None) -> None:
        self._following = offer is None  # a new offer's deadline follows its arrival
        self._loading = True
        if offer is None:
            application = self.journal.get(plain.Application, self.application_id)
            profile = self.journal.profile()
            self.fields.load(None)
            self.widget("currency").setText(application.salary_currency or profile.currency)
            self.widget("received_on").set_date(date.today())
            self.widget("respond_by").set_date(offers.respond_by_for(date.today()))
        else:
            self.fields.load(offer)
        self._loading = False
        self._show_reminder()

    def _show_reminder(self) -> None:
        self.reminder.setVisible(self.widget("kind").currentData() == "verbal")

    def _follow_received(self) -> None:
        received = self.widget("received_on").date()
        if self._following and received is not None:
            self._loading = True
            self.widget("respond_by").set_date(offers.respond_by_for(received))
            self._loading = False

    def _respond_by_edited(self) -> None:
        if not self._loading:
            self._following = False

    def _save(self) -> None:
        values = self.fields.values()
        if values["received_on"] is None:
            raise InvalidInput("Say when the offer came (Received on).")
        if self.offer_id is None:
            self.offer_id = offers.record_offer(self.journal, self.application_id, **values).id
        else:
            self.journal.update(plain.Offer, self.offer_id, **values)


class EntryList(QWidget):
    """Things typed one at a time: type, press Enter, and the line joins the list.
    Delete removes the selected one."""

    def __init__(
        self, name: str, hint: str, suggestions: list[str] | None = None, *, checkable: bool = False
    ) -> None:
        super().__init__()
        self.checkable = checkable  # each line has a box to tick (Space ticks it)
        self.entry = line_edit(name, hint)
        if suggestions:
            completer = QCompleter(suggestions, self.entry)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            self.entry.setCompleter(completer)
            # Enter on a suggestion goes to the completer, not the line edit: add it then,
            # once the line edit holds the chosen text.
            completer.activated.connect(lambda _text: QTimer.singleShot(0, self.add_typed))
        self.entry.returnPressed.connect(self.add_typed)
        self.items = QListWidget()
        self.items.setAccessibleName(f"{name}: list")
        self.items.setMaximumHeight(90)
        self.remove = QPushButton("Remove")
        self.remove.setAccessibleName(f"Remove from {name.lower()}")
        self.remove.setAutoDefault(False)  # Enter in the line adds; it never removes
        self.remove.clicked.connect(self.remove_current)
        row = QHBoxLayout()
        row.addWidget(self.entry, 1)
        row.addWidget(self.remove)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.items)
        self.setFocusProxy(self.entry)

    def add_typed(self) -> None:
        text = self.entry.text().strip()
        if text:
            self.add(text)
            self.entry.clear()

    def add(self, text: str, data: object = None, *, checked: bool = False) -> None:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, data)
        if self.checkable:
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.items.addItem(item)

    def remove_current(self) -> None:
        row = self.items.currentRow()
        if row < 0:
            row = self.items.count() - 1
        if row >= 0:
            self.items.takeItem(row)

    def texts(self) -> list[str]:
        return [text for text, _checked in self.entries()]

    def entries(self) -> list[tuple[str, bool]]:
        """Each line and whether its box is ticked; a line typed but not yet added counts."""
        listed = [self.items.item(i) for i in range(self.items.count())]
        entries = [(i.text(), i.checkState() == Qt.CheckState.Checked) for i in listed]
        pending = self.entry.text().strip()
        return entries + ([(pending, False)] if pending else [])


class RoundDialog(EnterAddsLines):
    """One round of negotiation: what I asked (base and each item beyond it), why it is
    fair, and what they answered."""

    def __init__(
        self,
        parent: QWidget,
        journal: Journal,
        offer_id: int,
        round_id: int | None = None,
        *,
        past_advice: bool = False,
    ) -> None:
        super().__init__(parent)
        self.journal = journal
        self.offer_id = offer_id
        self.round_id = round_id
        self.past_advice = past_advice
        offer = journal.get(plain.Offer, offer_id)
        self.currency = offer.currency
        stored = next((r for r in offer.rounds if r.id == round_id), None)
        number = stored.number if stored is not None else len(offer.rounds) + 1
        self.setWindowTitle(f"Negotiation round {number}")
        self.setAccessibleName("Negotiation round")
        wishes = [
            f"{i.item}: {i.wanted}" if i.wanted else i.item for i in journal.profile().perfect_offer
        ]
        self._build(wishes)
        if stored is not None:
            self._load(offers.round_of(stored))
        else:
            self.asked_on.set_date(date.today())
        self.action = self._save
        self.asked_base.setFocus()

    def _build(self, wishes: list[str]) -> None:
        self.asked_on = DateField("Asked on")
        self.asked_base = line_edit("Base I asked for", "e.g. 108,000")
        self.items = EntryList(
            "Beyond salary", "One thing at a time, then Enter (your perfect offer suggests)", wishes
        )
        self.kind = choice_box("Argument kind", m.ARGUMENT_KINDS, optional=False)
        self.detail = line_edit("Argument", "e.g. the move costs me $4,000; my certification…")
        self.source = line_edit("Source", "for market data: where the figure comes from")
        for field in (self.detail, self.source):
            field.returnPressed.connect(self.add_argument)
        self.arguments = QListWidget()
        self.arguments.setAccessibleName("Arguments")
        self.arguments.setMaximumHeight(100)
        remove = QPushButton("Remove argument")
        remove.setAccessibleName("Remove argument")
        remove.clicked.connect(self._remove_argument)
        self.own_words = text_edit("In my own words", "Anything else you said, as you said it")
        self.own_words.setMaximumHeight(60)
        self.answered_on = DateField("Answered on")
        self.answered_base = line_edit("Base they answered", "their figure, if any")
        self.answer = text_edit("Their answer", "What they agreed to, or said no to")
        self.answer.setMaximumHeight(80)
        self.message = message_label("Round message")

        asked = QFormLayout()
        labelled_row(asked, "Asked &on:", self.asked_on, self.asked_on.edit)
        labelled_row(asked, "&Base I asked for:", self.asked_base)
        labelled_row(asked, "Be&yond salary:", self.items, self.items.entry)
        why = QFormLayout()
        labelled_row(why, "&Kind:", self.kind)
        labelled_row(why, "&Argument:", self.detail)
        labelled_row(why, "Sou&rce:", self.source)
        why.addRow("", self.arguments)
        why.addRow("", remove)
        labelled_row(why, "In my own &words:", self.own_words)
        why_box = QGroupBox("Why it is fair")
        why_box.setLayout(why)
        answer = QFormLayout()
        labelled_row(answer, "Answ&ered on:", self.answered_on, self.answered_on.edit)
        labelled_row(answer, "Base they a&nswered:", self.answered_base)
        labelled_row(answer, "&Their answer:", self.answer)
        answer_box = QGroupBox("Their answer")
        answer_box.setLayout(answer)
        buttons = dialog_buttons(self, "&Save round", "Save round")
        layout = QVBoxLayout(self)
        layout.addWidget(scrolling(asked, why_box, answer_box), 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        fit_on_screen(self, 640, 720)

    def add_argument(self) -> None:
        detail = self.detail.text().strip()
        if not detail:
            return
        argument = offers.Argument(self.kind.currentData(), detail, self.source.text().strip())
        self._add_argument(argument)
        self.detail.clear()
        self.source.clear()
        self.detail.setFocus()

    def _add_argument(self, argument: offers.Argument) -> None:
        text = f"{m.ARGUMENT_KINDS[argument.kind]}: {argument.detail}"
        if argument.source:
            text += f" — source: {argument.source}"
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, argument)
        self.arguments.addItem(item)

    def _remove_argument(self) -> None:
        row = self.arguments.currentRow()
        if row >= 0:
            self.arguments.takeItem(row)

    def _load(self, written: offers.Round) -> None:
        self.asked_on.set_date(written.asked_on)
        self.asked_base.setText(format_amount(written.asked_base_cents))
        for item in written.asked_items:
            self.items.add(item)
        for argument in written.arguments:
            self._add_argument(argument)
        self.own_words.setPlainText(written.own_words)
        self.answered_on.set_date(written.answered_on)
        self.answered_base.setText(format_amount(written.answered_base_cents))
        self.answer.setPlainText(written.answer)

    def written(self) -> offers.Round:
        asked_on = self.asked_on.date()
        if asked_on is None:
            raise InvalidInput("Say when you asked (Asked on).")
        arguments = [
            self.arguments.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.arguments.count())
        ]
        if self.detail.text().strip():  # typed but Enter not pressed: keep it all the same
            arguments.append(
                offers.Argument(self.kind.currentData(), self.detail.text(), self.source.text())
            )
        return offers.Round(
            asked_on=asked_on,
            asked_base_cents=parse_amount(self.asked_base.text(), "The base I asked for"),
            asked_items=tuple(self.items.texts()),
            arguments=tuple(arguments),
            own_words=self.own_words.toPlainText(),
            answered_on=self.answered_on.date(),
            answered_base_cents=parse_amount(self.answered_base.text(), "The base they answered"),
            answer=self.answer.toPlainText(),
        )

    def _save(self) -> None:
        saved = offers.save_round(
            self.journal, self.offer_id, self.written(), self.round_id, past_advice=self.past_advice
        )
        self.round_id = saved.id


class AcceptDialog(ActionDialog):
    """Accepting an offer: which other applications to end (all, unless unticked), and the
    letters to write next."""

    ask_before_discarding = False  # choices only: nothing typed to lose

    def __init__(
        self,
        parent: QWidget,
        journal: Journal,
        application_id: int,
        *,
        already_accepted: bool = False,
        has_current_job: bool = False,
    ) -> None:
        super().__init__(parent)
        self.journal = journal
        self.application_id = application_id
        self.already_accepted = already_accepted
        self.endings = offers.others_to_end(journal, application_id)
        application = journal.get(plain.Application, application_id)
        self.setWindowTitle("Accept the offer")
        self.setAccessibleName("Accept the offer")
        verb = "You accepted" if already_accepted else "Accept"
        heading = QLabel(
            f"<b>{verb} the offer for {application.job_title} at {application.company.name}.</b>"
        )
        heading.setWordWrap(True)
        self.others = QListWidget()
        self.others.setAccessibleName("Applications to end")
        for ending in self.endings:
            item = QListWidgetItem(ending.label)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.others.addItem(item)
        explain = QLabel(
            "Tell the others now, while it is fresh and polite: each ticked application is "
            "withdrawn (or, with an offer on the table, declined) with the reason “accepted "
            "another offer”."
            if self.endings
            else "No other application is still in progress."
        )
        explain.setWordWrap(True)
        self.letters = QCheckBox("Write the &letters to them next")
        self.letters.setAccessibleName("Write the letters to them next")
        self.letters.setChecked(bool(self.endings))
        self.letters.setEnabled(bool(self.endings))
        self.resignation = QCheckBox("Write my &resignation letter next")
        self.resignation.setAccessibleName("Write my resignation letter next")
        self.resignation.setChecked(has_current_job)
        self.message = message_label("Accept message")
        ok_name = "Record it" if already_accepted else "Accept the offer"
        buttons = dialog_buttons(self, "&Record it" if already_accepted else "&Accept", ok_name)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(explain)
        layout.addWidget(self.others)
        layout.addWidget(self.letters)
        layout.addWidget(self.resignation)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.others.setVisible(bool(self.endings))
        self.resize(560, 460)
        # What was ended, once the action (set by the window: it runs the operation)
        # has run.
        self.chosen: list[offers.Ending] = []

    def chosen_endings(self) -> list[offers.Ending]:
        return [
            ending
            for index, ending in enumerate(self.endings)
            if self.others.item(index).checkState() == Qt.CheckState.Checked
        ]
