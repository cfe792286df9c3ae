"""Undo and redo for what a person changes in the main window.

Each command is pushed after its first run succeeded (so a refusal never lands on the
stack); `redo` runs it again only after an `undo`. Applications are referred to through
`AppRef`, because redoing "add" creates the application again under a new id.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

if TYPE_CHECKING:
    from jobjournal.core.journal import Journal

Refresh = Callable[[int | None], None]  # redraw, selecting this application
Report = Callable[[str], None]  # tell the person an undo or redo could not be done


@dataclass
class AppRef:
    id: int


class Context:
    """What every command needs: the journal, how to redraw, how to report a failure."""

    def __init__(self, journal: Journal, refresh: Refresh, report: Report) -> None:
        self.journal = journal
        self.refresh = refresh
        self.report = report
        self._refs: dict[int, AppRef] = {}

    def ref(self, application_id: int) -> AppRef:
        return self._refs.setdefault(application_id, AppRef(application_id))

    def moved(self, ref: AppRef, new_id: int) -> None:
        self._refs.pop(ref.id, None)
        ref.id = new_id
        self._refs[new_id] = ref


class _Command(QUndoCommand):
    def __init__(self, context: Context, text: str) -> None:
        super().__init__(text)
        self.context = context
        self._first = True

    def redo(self) -> None:
        if self._first:  # already done by the caller before pushing
            self._first = False
            return
        self._guarded(self.do)

    def undo(self) -> None:
        self._guarded(self.undo_it)

    def do(self) -> int | None:
        raise NotImplementedError

    def undo_it(self) -> int | None:
        raise NotImplementedError

    def _guarded(self, step: Callable[[], int | None]) -> None:
        from jobjournal.core.errors import JournalError

        try:
            selected = step()
        except JournalError as error:
            # Qt calls undo/redo and cannot take an exception: say so, and drop history
            # that no longer matches the journal.
            self.setObsolete(True)
            self.context.report(f"Could not {self.text().lower()} again: {error}")
            return
        self.context.refresh(selected)


class EditApplication(_Command):
    def __init__(
        self, context: Context, ref: AppRef, before: dict[str, Any], after: dict[str, Any]
    ):
        super().__init__(context, "Edit application")
        self.ref, self.before, self.after = ref, before, after

    def do(self) -> int:
        apply_fields(self.context.journal, self.ref.id, self.after)
        return self.ref.id

    def undo_it(self) -> int:
        apply_fields(self.context.journal, self.ref.id, self.before)
        return self.ref.id


class ChangeStatus(_Command):
    def __init__(self, context: Context, ref: AppRef, change: dict[str, Any]):
        super().__init__(context, f"Change status to {change['status'].label}")
        self.ref, self.change = ref, change

    def do(self) -> int:
        self.context.journal.set_status(self.ref.id, **self.change)
        return self.ref.id

    def undo_it(self) -> int:
        self.context.journal.undo_last_status_change(self.ref.id)
        return self.ref.id


class ChangeStatuses(_Command):
    """Several moves made in one transaction (accepting an offer ends the others), undone
    and redone in one transaction too."""

    def __init__(self, context: Context, text: str, moves: list[tuple[AppRef, Any, str | None]]):
        super().__init__(context, text)
        self.moves = moves  # (application, status, reason code), in the order made

    def do(self) -> int:
        from jobjournal.core.journal import StatusMove

        self.context.journal.set_statuses(
            [StatusMove(ref.id, status, reason) for ref, status, reason in self.moves]
        )
        return self.moves[0][0].id

    def undo_it(self) -> int:
        self.context.journal.undo_last_status_changes([ref.id for ref, _, _ in self.moves])
        return self.moves[0][0].id


class ChangeStatusDate(_Command):
    def __init__(self, context: Context, ref: AppRef, change_id: int, before: date, after: date):
        super().__init__(context, "Correct a status date")
        self.ref, self.change_id, self.before, self.after = ref, change_id, before, after

    def do(self) -> int:
        self.context.journal.change_status_date(self.change_id, self.after)
        return self.ref.id

    def undo_it(self) -> int:
        self.context.journal.change_status_date(self.change_id, self.before)
        return self.ref.id


class Reject(_Command):
    """Rejected, with the feedback request it noted: one step to undo and redo."""

    def __init__(
        self,
        context: Context,
        ref: AppRef,
        change: dict[str, Any],
        ask_for_feedback: bool,
    ):
        super().__init__(context, "Mark rejected")
        self.ref, self.change = ref, change
        self.ask_for_feedback = ask_for_feedback
        self.request_id: int | None = None  # set by each run

    def do(self) -> int:
        from jobjournal.core import feedback

        when = {k: v for k, v in self.change.items() if k != "status"}
        self.request_id = feedback.reject(
            self.context.journal, self.ref.id, ask_for_feedback=self.ask_for_feedback, **when
        )
        return self.ref.id

    def undo_it(self) -> int:
        from jobjournal.core import feedback

        feedback.undo_rejection(self.context.journal, self.ref.id, self.request_id)
        return self.ref.id


class AddApplication(_Command):
    def __init__(self, context: Context, ref: AppRef, fields: dict[str, Any]):
        super().__init__(context, "Add application")
        self.ref, self.fields = ref, fields

    def do(self) -> int:
        new_id = add_application(self.context.journal, self.fields)
        self.context.moved(self.ref, new_id)
        return new_id

    def undo_it(self) -> None:
        from jobjournal.core.models import Application

        # Refuses (ConfirmationNeeded) if interviews or offers were added since.
        self.context.journal.delete(Application, self.ref.id)
        return None


# -- the operations, shared with the first run in the main window --------------------------


def apply_fields(journal: Journal, application_id: int, fields: dict[str, Any]) -> None:
    """Update an application from form values (company given by name)."""
    journal.update_application(application_id, **with_company_id(journal, fields))


def add_application(journal: Journal, fields: dict[str, Any]) -> int:
    values = dict(fields)
    status, on = values.pop("status"), values.pop("on")
    changes = journal.add_application(status=status, on=on, **with_company_id(journal, values))
    return changes.new_id


def with_company_id(journal: Journal, fields: dict[str, Any]) -> dict[str, Any]:
    from jobjournal.core.errors import InvalidInput

    values = dict(fields)
    if "company" in values:
        name = values.pop("company")
        if not name:
            raise InvalidInput("Type the name of the company.")
        values["company_id"] = journal.find_or_add_company(name).id
    return values
