"""What the Contacts and Target organisations windows share: a list on the left, the
chosen record's form on the right, and what was typed in the form kept (saved) before
anything replaces it — another row, a filter, a new record, closing — as the reflection
form autosaves; when it cannot be saved, the reason shows and nothing is lost unasked."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QLineEdit, QWidget

from jobjournal.ui.shared.dialogs import discard_confirmed, typed_value

if TYPE_CHECKING:
    from jobjournal.core.records.changes import Changes
    from jobjournal.ui.shared.field_set import FieldSet


class RecordWindow(QDialog):
    fields: FieldSet
    organisation: QLineEdit
    noun = "record"  # "contact", "target": in the question asked before losing edits

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._as_loaded: list[object] = []

    # What each window says of itself.
    def record_id(self) -> int | None:
        raise NotImplementedError

    def name_field(self) -> QLineEdit:
        """The field a new record cannot be kept without."""
        raise NotImplementedError

    def _save(self) -> Changes | None:
        raise NotImplementedError

    def _typed(self) -> list[object]:
        """The form as typed, to tell an edit from what was loaded."""
        return [self.organisation.text(), *map(typed_value, self.fields.widgets.values())]

    def loaded(self) -> None:
        """The form now shows the record as the journal holds it."""
        self._as_loaded = self._typed()

    def keep_edits(self) -> bool:
        """Save what was typed before anything replaces it; False, with the reason shown,
        when it cannot be saved."""
        if self._typed() == self._as_loaded:
            return True
        if self.record_id() is None and not self.name_field().text().strip():
            return True  # a new record left without a name: nothing worth keeping
        return self._save() is not None

    def reject(self) -> None:
        """Close, keeping what was typed; when it cannot be kept, ask before losing it."""
        question = f"Discard your changes to this {self.noun}? They could not be saved."
        if self.keep_edits() or discard_confirmed(self, question):
            super().reject()
