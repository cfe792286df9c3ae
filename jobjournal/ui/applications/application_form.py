"""The fields of an application: used by the detail pane's overview and by "New application"."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QWidget,
)

from jobjournal.core.records.money import format_amount, parse_amount
from jobjournal.core.records.validation import label
from jobjournal.core.storage import models as m
from jobjournal.ui.shared.basics import labelled_row
from jobjournal.ui.shared.fields import DateField, choice_box, choose, line_edit, text_edit

if TYPE_CHECKING:
    from jobjournal.core.storage.models import Application

EXCITEMENT = {1: "★ 1 — lukewarm", 2: "★★ 2", 3: "★★★ 3", 4: "★★★★ 4", 5: "★★★★★ 5 — dream job"}
# Fields the form edits, as the core names them (company is a name here, an id there).
TEXT_FIELDS = ("job_title", "location", "posting_url", "salary_currency", "next_action")
CHOICE_FIELDS = ("work_model", "source", "salary_period", "priority")
MONEY_FIELDS = ("posted_min_cents", "posted_max_cents", "expected_cents")
DATE_FIELDS = ("applied_on", "next_action_on")
LONG_FIELDS = ("notes", "job_description")


class ApplicationForm(QWidget):
    """Edits an application's own fields. `values()` raises InvalidInput for bad money."""

    edited = Signal()

    def __init__(self, company_names: list[str], *, compact: bool = False) -> None:
        super().__init__()

        self._loading = False
        self.company = line_edit("Company", "Who is hiring")
        completer = QCompleter(company_names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.company.setCompleter(completer)
        self.job_title = line_edit("Job title", "The role, as the posting names it")
        self.location = line_edit("Location", "City, or Remote")
        self.work_model = choice_box("Work model", m.WORK_MODELS)
        self.source = choice_box("Source", m.SOURCES)
        self.posting_url = line_edit("Posting link", "https://…")
        self.posted_min_cents = line_edit("Posted salary from", "e.g. 85,000")
        self.posted_max_cents = line_edit("Posted salary to", "e.g. 95,000")
        self.salary_currency = line_edit("Currency", "USD")
        self.salary_currency.setMaxLength(3)
        self.salary_currency.setFixedWidth(60)
        self.salary_period = choice_box("Salary period", m.SALARY_PERIODS, optional=False)
        self.expected_cents = line_edit("Expected salary", "what I will ask for")
        self.applied_on = DateField("Applied on", latest=date.today())
        self.next_action = line_edit("Next action", "e.g. follow up with the recruiter")
        self.next_action_on = DateField("Next action on")
        self.priority = choice_box("Excitement", EXCITEMENT)
        self.notes = text_edit("Notes", "Anything worth remembering about this application")
        self.job_description = text_edit("Job description", "Paste the posting here")
        self._lay_out(compact)
        self._watch_changes()

    def _lay_out(self, compact: bool) -> None:
        form = self.rows = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        labelled_row(form, "&Company:", self.company)
        labelled_row(form, "&Job title:", self.job_title)
        labelled_row(form, "&Location:", self.location)
        labelled_row(form, "&Work model:", self.work_model)
        labelled_row(form, "So&urce:", self.source)
        labelled_row(form, "Posting lin&k:", self.posting_url)
        salary = QHBoxLayout()
        for widget in (self.posted_min_cents, QLabel("to"), self.posted_max_cents):
            salary.addWidget(widget)
        salary.addWidget(self.salary_currency)
        salary.addWidget(self.salary_period)
        labelled_row(form, "Posted &salary:", salary, buddy=self.posted_min_cents)
        labelled_row(form, "E&xpected salary:", self.expected_cents)
        labelled_row(form, "&Applied on:", self.applied_on, buddy=self.applied_on.edit)
        labelled_row(form, "&Next action:", self.next_action)
        labelled_row(form, "Next action &on:", self.next_action_on, buddy=self.next_action_on.edit)
        labelled_row(form, "Exc&itement:", self.priority)
        if not compact:
            labelled_row(form, "No&tes:", self.notes)
            labelled_row(form, "Job &description:", self.job_description)

    def _watch_changes(self) -> None:
        for name in (*TEXT_FIELDS, *MONEY_FIELDS, "company"):
            getattr(self, name).textChanged.connect(self._on_edit)
        for name in CHOICE_FIELDS:
            getattr(self, name).currentIndexChanged.connect(self._on_edit)
        for name in DATE_FIELDS:
            getattr(self, name).changed.connect(self._on_edit)
        for name in LONG_FIELDS:
            getattr(self, name).textChanged.connect(self._on_edit)

    def _on_edit(self, *_: object) -> None:
        if not self._loading:
            self.edited.emit()

    # -- values in and out ------------------------------------------------------------

    def load(self, application: Application) -> None:

        self._loading = True
        try:
            self.company.setText(application.company.name)
            for name in TEXT_FIELDS:
                getattr(self, name).setText(getattr(application, name) or "")
            for name in CHOICE_FIELDS:
                choose(getattr(self, name), getattr(application, name))
            for name in MONEY_FIELDS:
                getattr(self, name).setText(format_amount(getattr(application, name)))
            for name in DATE_FIELDS:
                getattr(self, name).set_date(getattr(application, name))
            self.notes.setPlainText(application.text.notes if application.text else "")
            description = application.text.job_description if application.text else ""
            self.job_description.setPlainText(description)
        finally:
            self._loading = False

    def values(self) -> dict[str, Any]:
        """What the form holds, in the core's field names, with company as `company` (a name)."""

        values: dict[str, Any] = {"company": self.company.text().strip()}
        for name in TEXT_FIELDS:
            values[name] = getattr(self, name).text().strip()
        values["salary_currency"] = values["salary_currency"].upper()
        for name in CHOICE_FIELDS:
            values[name] = getattr(self, name).currentData()
        for name in MONEY_FIELDS:
            values[name] = parse_amount(getattr(self, name).text(), label(name))
        for name in DATE_FIELDS:
            values[name] = getattr(self, name).date()
        for name in LONG_FIELDS:
            values[name] = getattr(self, name).toPlainText()
        return values

    def clear(self) -> None:
        self._loading = True
        try:
            for name in (*TEXT_FIELDS, *MONEY_FIELDS, "company"):
                getattr(self, name).clear()
            for name in CHOICE_FIELDS:
                getattr(self, name).setCurrentIndex(0)
            for name in DATE_FIELDS:
                getattr(self, name).set_date(None)
            for name in LONG_FIELDS:
                getattr(self, name).clear()
        finally:
            self._loading = False
