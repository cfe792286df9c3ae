"""One way from a person's action to the journal (after Anki's CollectionOp).

`Runner.run` runs a core operation; what it changed goes to every pane through the
`changed` signal, and each pane redraws only what concerns it. When the operation can be
undone its undo (data made by the core) goes on the undo stack: Ctrl+Z applies it in one
transaction, and what that returns redoes it. A known error is shown where the person
acted (`show_error`), or, without one, raised to the caller (a dialog shows it in place).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from jobjournal.core.errors import JournalError

if TYPE_CHECKING:
    from jobjournal.core.records.changes import Changes
    from jobjournal.core.records.journal import Journal
    from jobjournal.core.records.undo import Undo


class Runner(QObject):
    # What an operation changed, and after an undo or redo the application it concerns
    # (to show, None otherwise).
    changed = Signal(object, object)
    failed = Signal(str)  # an undo or redo the journal refused, in words

    def __init__(self, journal: Journal, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.undo_stack = QUndoStack(self)

    def run(
        self,
        text: str,
        operation: Callable[[], Changes],
        *,
        focus: int | None = None,
        show_error: Callable[[str], None] | None = None,
    ) -> Changes | None:
        """Run `operation`; `text` names it on the Edit menu ("Undo <text>"), `focus` is
        the application to show when it is undone or redone."""

        try:
            changes = operation()
        except JournalError as error:
            if show_error is None:
                raise
            show_error(str(error))
            return None
        if changes.undo:
            self.undo_stack.push(_UndoStep(self, text, changes.undo, focus))
        self.changed.emit(changes, None)
        return changes

    def forget_history(self) -> None:
        """After a change the stack cannot take back (a deletion): older steps may refer
        to what is gone."""
        self.undo_stack.clear()


class _UndoStep(QUndoCommand):
    """Holds the next thing to apply: the undo, and after it the redo, turn about."""

    def __init__(self, runner: Runner, text: str, undo: Undo, focus: int | None) -> None:
        super().__init__(text)
        self.runner = runner
        self.next_step = undo
        self.focus = focus
        self.done_once = False

    def undo(self) -> None:
        self._apply("undo")

    def redo(self) -> None:
        if not self.done_once:  # pushed after the operation ran
            self.done_once = True
            return
        self._apply("redo")

    def _apply(self, verb: str) -> None:

        try:
            changes = self.runner.journal.undo(self.next_step)
        except JournalError as error:
            # Qt calls undo and redo and cannot take an exception: say so, and let the
            # window drop history that no longer matches the journal.
            self.setObsolete(True)
            self.runner.failed.emit(f"Could not {verb} “{self.text()}”: {error}")
            return
        assert changes.undo is not None
        self.next_step = changes.undo
        self.runner.changed.emit(changes, self.focus)
