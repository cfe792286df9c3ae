"""What a person enters is handled right or refused clearly (issue 21, first part): dates
that mean "it happened" are never in the future, an ending's reason fits the ending, a
refusal names the application, and text that cannot be stored is saved with U+FFFD."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from support import application_at

from jobjournal.core.errors import InvalidInput
from jobjournal.core.records import plain
from jobjournal.core.records.journal import Journal
from jobjournal.core.records.validation import storable
from jobjournal.core.storage.models import Status
from jobjournal.core.work import offers

TOMORROW = date.today() + timedelta(days=1)


def _new(journal: Journal, **fields: object) -> int:
    company = journal.find_or_add_company("Łódź Analytics").new_id
    return journal.add_application(company_id=company, job_title="Analyst", **fields).new_id


def test_an_applied_on_date_in_the_future_is_refused_on_add_and_on_edit(
    journal: Journal,
) -> None:
    with pytest.raises(InvalidInput, match="Applied on cannot be in the future"):
        _new(journal, applied_on=TOMORROW)
    assert journal.count_applications() == 0
    application = _new(journal, applied_on=date.today())
    with pytest.raises(InvalidInput, match="something that has happened"):
        journal.update_application(application, applied_on=TOMORROW)
    journal.set_status(application, Status.APPLIED)  # today's change still goes through


def test_a_reason_must_fit_its_ending(demo_journal: Journal) -> None:
    applied = application_at(demo_journal, "Juniper Energy")
    with pytest.raises(InvalidInput, match="is not a reason for “Rejected”") as refused:
        demo_journal.set_status(applied, Status.REJECTED, reason_code="accepted_other_offer")
    assert "Juniper Energy — Operations Analyst" in str(refused.value)
    with pytest.raises(InvalidInput, match="is not a reason for “Withdrawn”"):
        demo_journal.set_status(applied, Status.WITHDRAWN, reason_code="other_candidate")
    with pytest.raises(InvalidInput, match="is not a reason"):
        demo_journal.set_status(applied, Status.SCREENING, reason_code="personal")
    demo_journal.set_status(applied, Status.REJECTED, reason_code="other_candidate")


def test_a_refused_move_among_several_names_its_application(demo_journal: Journal) -> None:
    accepted = application_at(demo_journal, "Northwind Analytics")
    endings = offers.others_to_end(demo_journal, accepted)
    bluefin = next(e for e in endings if e.company == "Bluefin Health")
    demo_journal.set_status(bluefin.application_id, Status.REJECTED)  # ended meanwhile
    with pytest.raises(InvalidInput, match=r"^Bluefin Health — Analytics Engineer: "):
        offers.accept(demo_journal, accepted, [e.application_id for e in endings])


def test_a_broken_paste_is_saved_with_replacement_characters(journal: Journal) -> None:
    broken = "Notes from the call \ud83d and after"  # half of an emoji's surrogate pair
    application = _new(journal, notes=broken)
    notes = journal.records_of(application).application.text.notes
    assert notes == "Notes from the call \ufffd and after"
    journal.update_application(application, job_title="Data \udc00 Analyst")
    assert journal.records_of(application).application.job_title == "Data \ufffd Analyst"


@given(st.text())
def test_storable_text_changes_only_what_cannot_be_stored(text: str) -> None:
    kept = storable(text)
    kept.encode("utf-8")  # never raises
    assert len(kept) == len(text)
    assert all(a == b or b == "\ufffd" for a, b in zip(text, kept, strict=True))


@pytest.mark.parametrize("sort", ["applied_on", "next_action_on"])
def test_blank_dates_come_last_in_both_directions(journal: Journal, sort: str) -> None:
    company = journal.find_or_add_company("Acme").new_id
    days = [date(2026, 11, 3), None, date(2026, 11, 1), None, date(2026, 11, 2)]
    for n, day in enumerate(days):
        journal.add_application(company_id=company, job_title=f"Role {n}", **{sort: day})
    for descending in (False, True):
        listed = [
            getattr(r, sort) for r in journal.list_applications(sort=sort, descending=descending)
        ]
        dated = sorted((d for d in days if d), reverse=descending)
        assert listed == [*dated, None, None], (sort, descending)


def test_sorting_by_a_date_walks_an_index_both_ways(journal: Journal) -> None:
    from support import query_plan

    from jobjournal.core.records import listing

    for sort in listing.BLANK_LAST:
        for descending in (False, True):
            plan = query_plan(journal, listing.list_query(listing.NO_FILTER, sort, descending))
            assert "TEMP B-TREE" not in plan, (sort, descending, plan)


# -- correcting a status date afterwards ------------------------------------------------------


def _moved_twice(journal: Journal) -> tuple[int, list[int]]:
    company = journal.find_or_add_company("Zürich Data AG").new_id
    application = journal.add_application(
        company_id=company,
        job_title="Analyst",
        applied_on=date(2026, 3, 2),
        status=Status.APPLIED,
        on=date(2026, 3, 2),
    ).new_id
    journal.set_status(application, Status.SCREENING, on=date(2026, 3, 10))
    journal.set_status(application, Status.INTERVIEWING, on=date(2026, 3, 20))
    return application, [c.id for c in journal.status_history(application)]


def test_a_status_date_is_corrected_within_its_neighbours(journal: Journal) -> None:
    application, ids = _moved_twice(journal)
    journal.change_status_date(ids[-2], date(2026, 3, 12))
    dates = [c.changed_on for c in journal.status_history(application)]
    assert dates[-2] == date(2026, 3, 12)
    journal.change_status_date(ids[-1], date(2026, 3, 15))
    record = journal.get(plain.Application, application)
    assert record.status_changed_at.date() == date(2026, 3, 15)  # "since when" follows it


@pytest.mark.parametrize(
    ("which", "on", "refusal"),
    [
        (-2, date(2026, 3, 1), "“Screening” cannot be dated before the change it follows"),
        (-2, date(2026, 3, 21), "cannot be dated after the change that follows it"),
        (-1, date(2999, 1, 1), "cannot be dated in the future"),
    ],
)
def test_a_status_date_that_would_break_the_order_is_refused_naming_the_application(
    journal: Journal, which: int, on: date, refusal: str
) -> None:
    application, ids = _moved_twice(journal)
    before = [c.changed_on for c in journal.status_history(application)]
    with pytest.raises(InvalidInput, match=refusal):
        journal.change_status_date(ids[which], on)
    assert [c.changed_on for c in journal.status_history(application)] == before


def test_correcting_the_applied_step_corrects_the_applied_date_told_with_it(
    journal: Journal,
) -> None:
    application, ids = _moved_twice(journal)
    journal.change_status_date(ids[0], date(2026, 3, 1))  # the "Applied" it started with
    assert journal.get(plain.Application, application).applied_on == date(2026, 3, 1)
