"""A form built from the core's list of fields (`core/records/forms.py`): one input per
field, of the kind the core gives it, named by its words. Loads from a plain record, and
gives back checked values keyed by the names the operation takes; a refusal names the
field as its label does."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QPlainTextEdit, QWidget

from jobjournal.core.errors import InvalidInput
from jobjournal.core.records.forms import Field
from jobjournal.core.records.money import format_amount, parse_amount
from jobjournal.ui.shared.basics import labelled_row
from jobjournal.ui.shared.fields import DateField, choice_box, choose, line_edit, text_edit


class FieldSet:
    def __init__(self, fields: Sequence[Field], *, long_height: int | None = 70) -> None:
        self.fields = tuple(fields)
        self.widgets: dict[str, Any] = {f.name: widget_for(f, long_height) for f in fields}

    def add_rows(self, form: QFormLayout, fields: Sequence[Field] | None = None) -> None:
        for each in self.fields if fields is None else fields:
            widget = self.widgets[each.name]
            labelled_row(form, each.label, widget, buddy_of(widget))

    def load(self, record: Any) -> None:
        currency = getattr(record, "currency", "") if record is not None else ""
        for each in self.fields:
            value = getattr(record, each.name, None) if record is not None else None
            set_value(self.widgets[each.name], each, value, currency)

    def values(self) -> dict[str, Any]:
        return {each.name: read_value(self.widgets[each.name], each) for each in self.fields}


def widget_for(field: Field, long_height: int | None = 70) -> QWidget:
    if field.kind == "long":
        edit = text_edit(field.words, field.hint)
        if long_height is not None:
            edit.setMaximumHeight(long_height)
        return edit
    if field.kind == "date":
        return DateField(field.words, latest=date.today() if field.happened else None)
    if field.kind == "choice":
        assert field.choices is not None
        return choice_box(field.words, field.choices, optional=field.optional)
    return line_edit(field.words, field.hint)


def buddy_of(widget: QWidget) -> QWidget:
    """What the label's access key focuses: a date field's text, any other input itself."""
    return widget.edit if isinstance(widget, DateField) else widget


def set_value(widget: QWidget, field: Field, value: Any, currency: str = "") -> None:
    if isinstance(widget, DateField):
        widget.set_date(value)
    elif isinstance(widget, QComboBox):
        choose(widget, value)
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText(value or "")
    elif isinstance(widget, QLineEdit):
        if field.kind == "money":
            widget.setText(format_amount(value))
        elif field.kind == "whole":
            widget.setText("" if value is None else str(value))
        else:
            widget.setText(value or "")


def clear_value(widget: QWidget) -> None:
    if isinstance(widget, DateField):
        widget.set_date(None)
    elif isinstance(widget, QComboBox):
        widget.setCurrentIndex(0)
    else:
        widget.clear()  # type: ignore[attr-defined]


def read_value(widget: QWidget, field: Field) -> Any:
    if isinstance(widget, DateField):
        return widget.date()
    if isinstance(widget, QComboBox):
        return widget.currentData()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    assert isinstance(widget, QLineEdit)
    if field.kind == "money":
        return parse_amount(widget.text(), field.words)
    if field.kind == "whole":
        return whole_number(widget.text(), field.words)
    return widget.text().strip()


def whole_number(text: str, what: str) -> int | None:
    cleaned = text.strip().replace(",", "")
    if not cleaned:
        return None
    if not cleaned.isdigit():
        raise InvalidInput(f"{what}: “{text.strip()}” is not a whole number.")
    return int(cleaned)
