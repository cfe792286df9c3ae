"""The fields of an application: used by the detail pane's overview and by "New application".
Its inputs come from the core's list (`forms.APPLICATION`); this module only lays them out:
the posted salary's range, currency and period share one row."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from jobjournal.core.records import forms
from jobjournal.ui.shared.basics import labelled_row
from jobjournal.ui.shared.field_set import buddy_of, clear_value, read_value, set_value, widget_for
from jobjournal.ui.shared.fields import DateField, line_edit

if TYPE_CHECKING:
    from jobjournal.core.records.plain import Application

# The posted salary's parts: its range on one row, its currency and period on the next
# (on one row, a 420 px detail pane cut the amounts to their last digits).
_SALARY_ROW = ("posted_max_cents", "salary_currency", "salary_period")
_LONG = tuple(f.name for f in forms.APPLICATION if f.kind == "long")  # kept beside it


class ApplicationForm(QWidget):
    """Edits an application's own fields. `values()` raises InvalidInput for bad money."""

    edited = Signal()
    # The inputs other panes reach for (every field is also in `widgets`).
    job_title: QLineEdit
    location: QLineEdit
    applied_on: DateField
    priority: QComboBox
    notes: QPlainTextEdit

    def __init__(self, company_names: list[str], *, compact: bool = False) -> None:
        super().__init__()
        self._loading = False
        self.company = line_edit("Company", "Who is hiring")
        completer = QCompleter(company_names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.company.setCompleter(completer)
        self.widgets: dict[str, Any] = {}
        for field in forms.APPLICATION:
            widget = widget_for(field, long_height=None)
            self.widgets[field.name] = widget
            setattr(self, field.name, widget)
        currency = self.widgets["salary_currency"]
        currency.setMaxLength(3)
        currency.setFixedWidth(60)
        self._lay_out(compact)
        self._watch_changes()

    def _lay_out(self, compact: bool) -> None:
        form = self.rows = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        labelled_row(form, "&Company:", self.company)
        for field in forms.APPLICATION:
            widget = self.widgets[field.name]
            if field.name in _SALARY_ROW or (compact and field.name in _LONG):
                continue
            if field.name == "posted_min_cents":
                labelled_row(form, "Posted &salary:", self._salary_range(), buddy=widget)
                currency = self.widgets["salary_currency"]
                labelled_row(form, "Currenc&y:", self._salary_terms(), buddy=currency)
            else:
                labelled_row(form, field.label, widget, buddy_of(widget))

    def _salary_range(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(self.widgets["posted_min_cents"], 1)
        row.addWidget(QLabel("to"))
        row.addWidget(self.widgets["posted_max_cents"], 1)
        return row

    def _salary_terms(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(self.widgets["salary_currency"])
        row.addWidget(self.widgets["salary_period"], 1)
        return row

    def _watch_changes(self) -> None:
        self.company.textChanged.connect(self._on_edit)
        for widget in self.widgets.values():
            if isinstance(widget, DateField):
                widget.changed.connect(self._on_edit)
            elif isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(self._on_edit)
            else:
                widget.textChanged.connect(self._on_edit)

    def _on_edit(self, *_: object) -> None:
        if not self._loading:
            self.edited.emit()

    # -- values in and out ------------------------------------------------------------

    def load(self, application: Application) -> None:
        self._loading = True
        try:
            self.company.setText(application.company.name)
            for field in forms.APPLICATION:
                record = application.text if field.name in _LONG else application
                set_value(self.widgets[field.name], field, getattr(record, field.name))
        finally:
            self._loading = False

    def values(self) -> dict[str, Any]:
        """What the form holds, in the core's field names, with company as `company` (a name)."""
        values: dict[str, Any] = {"company": self.company.text().strip()}
        for field in forms.APPLICATION:
            values[field.name] = read_value(self.widgets[field.name], field)
        values["salary_currency"] = values["salary_currency"].upper()
        return values

    def clear(self) -> None:
        self._loading = True
        try:
            self.company.clear()
            for widget in self.widgets.values():
                clear_value(widget)
        finally:
            self._loading = False
