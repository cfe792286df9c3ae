"""Compound operations undone and redone whole, each in one transaction: every table is
as it was before after the undo, and as it was after after the redo."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select
from support import application_at

from jobjournal.core import models as m
from jobjournal.core import offers
from jobjournal.core.errors import InvalidInput
from jobjournal.core.journal import Journal, StatusMove
from jobjournal.core.models import Status

# Times of recording: a redo records anew, which is the point of a redo.
_WHEN_RECORDED = {"recorded_at", "status_changed_at"}


def _tables(journal: Journal) -> dict[str, list[tuple[Any, ...]]]:
    dump = {}
    with journal.reading() as connection:
        for table in m.Base.metadata.sorted_tables:
            if table.name == "journal_info":
                continue
            columns = [c for c in table.columns if c.name not in _WHEN_RECORDED]
            rows = connection.execute(select(*columns).order_by(*table.primary_key.columns))
            dump[table.name] = [tuple(row) for row in rows]
    return dump


def test_accepting_an_offer_and_ending_the_others_undoes_and_redoes_whole(
    demo_journal: Journal,
) -> None:
    accepted = application_at(demo_journal, "Northwind Analytics")
    ended = offers.others_to_end(demo_journal, accepted)
    assert len(ended) >= 3
    before = _tables(demo_journal)
    offers.accept(demo_journal, accepted, ended)
    after = _tables(demo_journal)
    ids = [accepted, *(e.application_id for e in ended)]
    demo_journal.undo_last_status_changes(ids)
    assert _tables(demo_journal) == before
    moves = [StatusMove(accepted, Status.ACCEPTED)] + [
        StatusMove(e.application_id, e.becomes, offers.ACCEPTED_ELSEWHERE) for e in ended
    ]
    demo_journal.set_statuses(moves)
    assert _tables(demo_journal) == after


def test_an_undo_that_cannot_be_done_whole_is_not_done_at_all(demo_journal: Journal) -> None:
    accepted = application_at(demo_journal, "Northwind Analytics")
    never_moved = demo_journal.add_application(
        company_id=demo_journal.find_or_add_company("Fresh Co").new_id, job_title="Analyst"
    ).new_id
    offers.accept(demo_journal, accepted, [])
    before = _tables(demo_journal)
    with pytest.raises(InvalidInput, match="no status change to undo"):
        demo_journal.undo_last_status_changes([accepted, never_moved])
    assert _tables(demo_journal) == before
