"""Any sequence of operations, undos and redos leaves the journal exactly as the undo
stack says: after an undo every table is as it was before that operation, after a redo
as it was after it (Hypothesis drives the sequences, as Ctrl+Z and Ctrl+Shift+Z would)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, precondition, rule, run_state_machine_as_test
from sqlalchemy import select

from jobjournal.core.errors import InvalidInput
from jobjournal.core.records import copying, plain
from jobjournal.core.records.journal import Journal
from jobjournal.core.records.transitions import REASONS_FOR, allowed_next
from jobjournal.core.records.undo import Undo
from jobjournal.core.storage import models as m
from jobjournal.core.storage import paths, vault
from jobjournal.core.storage.models import Status
from jobjournal.core.work import feedback, network, offers

PASSPHRASE = "a long test passphrase"
COMPANIES = ["Acme", "Ørsted", "acme", "Zebra Labs"]  # "acme" is Acme again
Tables = dict[str, list[tuple[Any, ...]]]


def _tables(journal: Journal) -> Tables:
    dump: Tables = {}
    with journal.reading() as connection:
        for table in m.Base.metadata.sorted_tables:
            if table.name != "journal_info":
                query = select(table).order_by(*table.primary_key.columns)
                dump[table.name] = [tuple(row) for row in connection.execute(query)]
    return dump


class UndoStack(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        path = paths.default_journal_path()
        for leftover in path.parent.glob(path.name + "*"):
            leftover.unlink()
        self.journal = vault.create(path, PASSPHRASE)
        # (the step to apply next, tables before the operation, tables after it)
        self.done: list[tuple[Undo, Tables, Tables]] = []
        self.undone: list[tuple[Undo, Tables, Tables]] = []

    def teardown(self) -> None:
        self.journal.lock()

    def _ran(self, operation: Any) -> None:
        before = _tables(self.journal)
        try:
            changes = operation()
        except InvalidInput:
            assert _tables(self.journal) == before  # a refusal writes nothing
            return
        if changes.undo:
            self.done.append((changes.undo, before, _tables(self.journal)))
            self.undone.clear()  # as QUndoStack drops the redo steps

    def _applications(self) -> list[int]:
        return [row.id for row in self.journal.list_applications(limit=50)]

    @rule(company=st.sampled_from(COMPANIES), status=st.sampled_from(list(Status)))
    def add(self, company: str, status: Status) -> None:
        self._ran(
            lambda: self.journal.add_application(
                company=company, job_title="Analyst", status=status
            )
        )

    @precondition(lambda self: self._applications())
    @rule(data=st.data(), company=st.sampled_from(COMPANIES), priority=st.integers(1, 5))
    def edit(self, data: st.DataObject, company: str, priority: int) -> None:
        application = data.draw(st.sampled_from(self._applications()))
        self._ran(
            lambda: self.journal.update_application(
                application, company=company, priority=priority, notes=f"note {priority}"
            )
        )

    @precondition(lambda self: self._applications())
    @rule(data=st.data(), days_ago=st.integers(0, 3))
    def move(self, data: st.DataObject, days_ago: int) -> None:
        application = data.draw(st.sampled_from(self._applications()))
        current = Status(self.journal.get(plain.Application, application).status)
        targets = [s for s in allowed_next(current) if s != Status.REJECTED]
        if not targets:
            return
        target = data.draw(st.sampled_from(targets))
        reason = REASONS_FOR[target][0] if target in REASONS_FOR else None
        on = date.today() - timedelta(days=days_ago)
        self._ran(lambda: self.journal.set_status(application, target, on=on, reason_code=reason))

    @precondition(lambda self: self._applications())
    @rule(data=st.data())
    def reject(self, data: st.DataObject) -> None:
        application = data.draw(st.sampled_from(self._applications()))
        self._ran(lambda: feedback.reject(self.journal, application, on=date.today()))

    @precondition(lambda self: self._applications())
    @rule(data=st.data())
    def offer(self, data: st.DataObject) -> None:
        application = data.draw(st.sampled_from(self._applications()))
        self._ran(lambda: offers.record_offer(self.journal, application, base_cents=90_000_00))

    # -- the network (issue 26) ------------------------------------------------------------

    def _ids(self, kind: Any) -> list[int]:
        """The ids of a kind, read bare: preconditions ask before every step."""
        model = copying.model_of(kind)
        with self.journal.reading() as connection:
            return list(connection.scalars(select(model.id).order_by(model.id)))

    @rule(company=st.sampled_from(COMPANIES), days_ago=st.integers(0, 3))
    def contact(self, company: str, days_ago: int) -> None:
        self._ran(
            lambda: network.save_contact(
                self.journal,
                None,
                name=f"Person at {company}",
                organisation=company,
                last_contacted_on=date.today() - timedelta(days=days_ago),
            )
        )

    @rule(company=st.sampled_from(COMPANIES))
    def target(self, company: str) -> None:
        self._ran(lambda: network.save_target(self.journal, None, organisation=company))

    @precondition(lambda self: self._ids(plain.Contact) and self._ids(plain.Target))
    @rule(data=st.data())
    def introduction(self, data: st.DataObject) -> None:
        connector = data.draw(st.sampled_from(self._ids(plain.Contact)))
        target = data.draw(st.sampled_from(self._ids(plain.Target)))
        self._ran(lambda: network.ask_introduction(self.journal, connector, target, "Sam Lee"))

    @precondition(lambda self: self._ids(plain.Introduction))
    @rule(data=st.data())
    def introduced(self, data: st.DataObject) -> None:
        intro = data.draw(st.sampled_from(self._ids(plain.Introduction)))
        self._ran(lambda: network.mark_introduced(self.journal, intro))

    @precondition(lambda self: self._ids(plain.Contact))
    @rule(data=st.data())
    def conversation(self, data: st.DataObject) -> None:
        contact = data.draw(st.sampled_from(self._ids(plain.Contact)))
        self._ran(lambda: network.add_conversation(self.journal, contact, date.today(), "Call"))

    @precondition(lambda self: self._ids(plain.Target))
    @rule(data=st.data())
    def apply_to_target(self, data: st.DataObject) -> None:
        target = data.draw(st.sampled_from(self._ids(plain.Target)))
        self._ran(lambda: network.application_from_target(self.journal, target, None, "Lead"))

    @precondition(lambda self: self.done)
    @rule()
    def undo(self) -> None:
        step, before, after = self.done.pop()
        undone = self.journal.undo(step)
        assert _tables(self.journal) == before
        assert undone.undo is not None
        self.undone.append((undone.undo, before, after))

    @precondition(lambda self: self.undone)
    @rule()
    def redo(self) -> None:
        step, before, after = self.undone.pop()
        redone = self.journal.undo(step)
        assert _tables(self.journal) == after
        assert redone.undo is not None
        self.done.append((redone.undo, before, after))


def test_any_sequence_of_operations_undos_and_redos() -> None:
    run_state_machine_as_test(
        UndoStack,
        settings=settings(
            max_examples=24,
            stateful_step_count=20,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow],
        ),
    )
