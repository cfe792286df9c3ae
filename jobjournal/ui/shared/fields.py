"""Small input widgets that every form uses, each with an accessible name from its label."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QToolButton,
    QWidget,
)

from jobjournal.core.records import dates
from jobjournal.ui.shared.long_text import LongTextEdit

NOT_SET = "—"
ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def line_edit(name: str, placeholder: str = "") -> QLineEdit:
    field = QLineEdit()
    field.setAccessibleName(name)
    field.setPlaceholderText(placeholder)
    return field


def text_edit(name: str, placeholder: str = "") -> QPlainTextEdit:
    field = LongTextEdit()
    field.setAccessibleName(name)
    field.setPlaceholderText(placeholder)
    field.setTabChangesFocus(True)  # Tab moves on, as in every other field
    return field


class ChoiceBox(QComboBox):
    """Every drop-down of the app. Space does not open it: Qt's Space opened the list,
    whose type-ahead then took the next keys a person meant for the next field. The
    arrows and a typed letter (the next item starting with it) choose in place; Alt+Down
    and F4 open the list."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.modifiers():
            event.ignore()
            return
        super().keyPressEvent(event)


def choice_box(name: str, choices: Mapping[Any, str], *, optional: bool = True) -> QComboBox:
    """A drop-down of labels whose item data is the stored code (None for "not set")."""
    box = ChoiceBox()
    box.setAccessibleName(name)
    if optional:
        box.addItem(NOT_SET, None)
    for code, text in choices.items():
        box.addItem(text, code)
    return box


def choose(box: QComboBox, code: object) -> None:
    found = box.findData(code)
    box.setCurrentIndex(found if found >= 0 else 0)


class _DateEdit(QDateEdit):
    """Tab and Shift+Tab leave the field, as in every other field of a form. QDateEdit
    keeps them to step between year, month and day, which traps the keyboard in an
    empty date (its sections are hidden behind "—"); the arrows still step through them."""

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)


class DateTimeEdit(QDateTimeEdit):
    """A day and time that Tab leaves in one press, like `_DateEdit`."""

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)


class DateField(QWidget):
    """A date that may be left empty: a calendar drop-down and a button that clears it."""

    changed = Signal()
    _EMPTY = QDate(1900, 1, 1)  # shown as "—"; no job search date is this old

    def __init__(self, name: str, *, latest: dt.date | None = None) -> None:
        super().__init__()
        self.edit = _DateEdit()
        self.edit.setAccessibleName(name)
        self.edit.setCalendarPopup(True)
        self.edit.setMinimumDate(self._EMPTY)
        if latest is not None:
            self.edit.setMaximumDate(_qdate(latest))
        self.edit.setSpecialValueText(NOT_SET)
        self.edit.setLocale(ENGLISH)  # month names as every other word of the app
        self.edit.setDisplayFormat(dates.edit_format())
        self.edit.dateChanged.connect(lambda _day: self.changed.emit())
        clear = QToolButton()
        clear.setText("×")
        clear.setAccessibleName(f"Clear {name.lower()}")
        clear.setToolTip(f"Clear {name.lower()}")
        clear.clicked.connect(lambda: self.set_date(None))
        today = QToolButton()
        today.setText("Today")
        today.setAccessibleName(f"{name}: today")
        today.clicked.connect(lambda: self.set_date(dt.date.today()))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(today)
        layout.addWidget(clear)
        self.setFocusProxy(self.edit)
        self.set_date(None)

    def showEvent(self, event: QShowEvent) -> None:
        self.follow_date_style()
        super().showEvent(event)

    def follow_date_style(self) -> None:
        """Written in the style chosen in Settings, also when it was chosen after this
        field was made (the details' fields live as long as the window)."""
        if self.edit.displayFormat() != dates.edit_format():
            self.edit.setDisplayFormat(dates.edit_format())

    def date(self) -> dt.date | None:
        chosen = self.edit.date()
        if chosen == self._EMPTY:
            return None
        return dt.date(chosen.year(), chosen.month(), chosen.day())

    def set_date(self, day: dt.date | None) -> None:
        self.edit.setDate(self._EMPTY if day is None else _qdate(day))


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)
