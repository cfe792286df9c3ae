"""A form built from a list of fields: each has a column name, a label, and a kind of
input. Loads from a record, and gives back checked values whose refusals name the field
as the label does. Offers and the current job share most of their fields this way."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QPlainTextEdit, QWidget

from jobjournal.core.errors import InvalidInput
from jobjournal.core.records.money import format_amount, parse_amount
from jobjournal.ui.shared.basics import labelled_row
from jobjournal.ui.shared.fields import DateField, choice_box, choose, line_edit, text_edit

FieldKind = Literal["text", "long", "money", "whole", "date", "choice"]


@dataclass(frozen=True)
class Spec:
    column: str
    label: str  # with its mnemonic: "&Base pay:"
    kind: FieldKind = "text"
    hint: str = ""
    choices: Mapping[str, str] | None = None
    optional: bool = True  # for choices: may be left "—"

    @property
    def name(self) -> str:
        """The accessible name and the words of a message: the label without & and :."""
        return self.label.replace("&", "").rstrip(":")


class FieldSet:
    def __init__(self, specs: list[Spec]) -> None:
        self.specs = specs
        self.widgets: dict[str, QWidget] = {spec.column: _widget(spec) for spec in specs}

    def add_rows(self, form: QFormLayout, columns: list[str] | None = None) -> None:
        for spec in self.specs:
            if columns is None or spec.column in columns:
                widget = self.widgets[spec.column]
                buddy = widget.edit if isinstance(widget, DateField) else widget
                labelled_row(form, spec.label, widget, buddy)

    def load(self, record: Any) -> None:
        currency = getattr(record, "currency", "") if record is not None else ""
        for spec in self.specs:
            value = getattr(record, spec.column, None) if record is not None else None
            _set(self.widgets[spec.column], spec, value, currency)

    def values(self) -> dict[str, Any]:
        return {spec.column: _read(self.widgets[spec.column], spec) for spec in self.specs}


def _widget(spec: Spec) -> QWidget:
    if spec.kind == "long":
        edit = text_edit(spec.name, spec.hint)
        edit.setMaximumHeight(70)
        return edit
    if spec.kind == "date":
        return DateField(spec.name)
    if spec.kind == "choice":
        assert spec.choices is not None
        return choice_box(spec.name, spec.choices, optional=spec.optional)
    return line_edit(spec.name, spec.hint)


def _set(widget: QWidget, spec: Spec, value: Any, currency: str) -> None:
    if isinstance(widget, DateField):
        widget.set_date(value)
    elif isinstance(widget, QComboBox):
        choose(widget, value)
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText(value or "")
    elif isinstance(widget, QLineEdit):
        if spec.kind == "money":
            widget.setText(format_amount(value))
        elif spec.kind == "whole":
            widget.setText("" if value is None else str(value))
        else:
            widget.setText(value or "")


def _read(widget: QWidget, spec: Spec) -> Any:
    if isinstance(widget, DateField):
        return widget.date()
    if isinstance(widget, QComboBox):
        return widget.currentData()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    assert isinstance(widget, QLineEdit)
    if spec.kind == "money":
        return parse_amount(widget.text(), spec.name)
    if spec.kind == "whole":
        return whole_number(widget.text(), spec.name)
    return widget.text().strip()


def whole_number(text: str, what: str) -> int | None:
    cleaned = text.strip().replace(",", "")
    if not cleaned:
        return None
    if not cleaned.isdigit():
        raise InvalidInput(f"{what}: “{text.strip()}” is not a whole number.")
    return int(cleaned)
