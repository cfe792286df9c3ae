"""Every operation the window can undo, undone and redone through the core's own undo
(`Changes.undo`, data applied in one transaction): after the undo every table is as it
was before, after the redo as it was after, ids and times of recording included."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import select
from support import application_at

from jobjournal.core.errors import InvalidInput
from jobjournal.core.records import plain
from jobjournal.core.records.changes import Changes
from jobjournal.core.records.journal import Journal
from jobjournal.core.storage import models as m
from jobjournal.core.storage.models import Status
from jobjournal.core.work import feedback, offers

Tables = dict[str, list[tuple[Any, ...]]]


def _tables(journal: Journal) -> Tables:
    dump = {}
    with journal.reading() as connection:
        for table in m.Base.metadata.sorted_tables:
            if table.name == "journal_info":  # the vault's own bookkeeping
                continue
            rows = connection.execute(select(table).order_by(*table.primary_key.columns))
            dump[table.name] = [tuple(row) for row in rows]
        search = connection.exec_driver_sql("SELECT kind, ref_id, body FROM search_index")
        dump["search_index"] = sorted(tuple(row) for row in search)
    return dump


def _accept_and_end_the_others(journal: Journal) -> Changes:
    return offers.accept(journal, application_at(journal, "Northwind Analytics"))


def _reject_asking_for_feedback(journal: Journal) -> Changes:
    pinecrest = application_at(journal, "Pinecrest Media")
    return feedback.reject(journal, pinecrest, on=date.today(), reason_code="other_candidate")


def _add_an_application_at_a_new_company(journal: Journal) -> Changes:
    return journal.add_application(
        company="Ørsted Grønne Løsninger", job_title="Energy analyst", status=Status.APPLIED
    )


def _edit_moving_to_a_new_company_and_new_notes(journal: Journal) -> Changes:
    pinecrest = application_at(journal, "Pinecrest Media")
    return journal.update_application(
        pinecrest, company="Pinecrest Studios", notes="Renamed after the merger.", priority=5
    )


def _correct_the_date_of_a_status_change(journal: Journal) -> Changes:
    pinecrest = application_at(journal, "Pinecrest Media")
    history = journal.status_history(pinecrest)
    low = history[-2].changed_on if len(history) > 1 else date.min
    on = max(low, history[-1].changed_on - timedelta(days=1))
    return journal.change_status_date(history[-1].id, on)


OPERATIONS: list[Callable[[Journal], Changes]] = [
    _accept_and_end_the_others,
    _reject_asking_for_feedback,
    _add_an_application_at_a_new_company,
    _edit_moving_to_a_new_company_and_new_notes,
    _correct_the_date_of_a_status_change,
]


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda f: f.__name__.strip("_"))
def test_undo_then_redo_gives_back_every_table(
    demo_journal: Journal, operation: Callable[[Journal], Changes]
) -> None:
    before = _tables(demo_journal)
    done = operation(demo_journal)
    after = _tables(demo_journal)
    assert after != before and done.undo
    undone = demo_journal.undo(done.undo)
    assert _tables(demo_journal) == before
    assert undone.undo
    redone = demo_journal.undo(undone.undo)
    assert _tables(demo_journal) == after
    # ... and again, as Ctrl+Z, Ctrl+Shift+Z, Ctrl+Z would.
    assert redone.undo
    demo_journal.undo(redone.undo)
    assert _tables(demo_journal) == before


def test_what_an_undo_changed_names_the_applications_to_redraw(demo_journal: Journal) -> None:
    accepted = application_at(demo_journal, "Northwind Analytics")
    ended = [e.application_id for e in offers.others_to_end(demo_journal, accepted)]
    done = offers.accept(demo_journal, accepted)
    assert done.application_ids() == {accepted, *ended}
    assert done.undo is not None
    undone = demo_journal.undo(done.undo)
    assert undone.application_ids() == {accepted, *ended}
    assert undone.deleted == {("status_changes", ref[1]) for ref in done.created}


def test_an_undo_that_cannot_be_done_whole_is_not_done_at_all(demo_journal: Journal) -> None:
    added = _add_an_application_at_a_new_company(demo_journal)
    demo_journal.add(m.Interview, application_id=added.new_id, round="phone_screen")
    before = _tables(demo_journal)
    assert added.undo is not None
    with pytest.raises(InvalidInput, match="application has interviews recorded since"):
        demo_journal.undo(added.undo)
    assert _tables(demo_journal) == before


def test_an_undo_refuses_to_overwrite_what_changed_since(demo_journal: Journal) -> None:
    pinecrest = application_at(demo_journal, "Pinecrest Media")
    edit = demo_journal.update_application(pinecrest, priority=5)
    demo_journal.update_application(pinecrest, priority=2)  # not through the undo stack
    assert edit.undo is not None
    with pytest.raises(InvalidInput, match="changed since"):
        demo_journal.undo(edit.undo)
    assert demo_journal.get(plain.Application, pinecrest).priority == 2


def test_an_undo_of_an_undo_is_refused_when_it_was_re_recorded(demo_journal: Journal) -> None:
    """Undo the acceptance, accept again by hand: redoing the first would record it twice."""
    done = _accept_and_end_the_others(demo_journal)
    assert done.undo is not None
    undone = demo_journal.undo(done.undo)
    _accept_and_end_the_others(demo_journal)
    before = _tables(demo_journal)
    assert undone.undo is not None
    with pytest.raises(InvalidInput):
        demo_journal.undo(undone.undo)
    assert _tables(demo_journal) == before


def test_changing_nothing_leaves_nothing_to_undo(demo_journal: Journal) -> None:
    pinecrest = application_at(demo_journal, "Pinecrest Media")
    same = demo_journal.get(plain.Application, pinecrest).job_title
    assert not demo_journal.update_application(pinecrest, job_title=same).undo
