"""Creating, reading, updating and deleting every kind of record, with clear refusals."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from jobjournal.core.errors import InvalidInput
from jobjournal.core.records import plain
from jobjournal.core.records.journal import ConfirmationNeeded, Journal
from jobjournal.core.storage import models as m
from jobjournal.core.storage.models import Status


def company(journal: Journal, name: str = "Acme") -> int:
    return journal.add(m.Company, name=name).new_id


def application(journal: Journal, **fields: object) -> int:
    fields.setdefault("company_id", company(journal))
    fields.setdefault("job_title", "Data Analyst")
    return journal.add_application(**fields).new_id  # type: ignore[arg-type]


def test_every_record_kind_round_trips(journal: Journal) -> None:
    app = application(
        journal,
        notes="n",
        job_description="jd",
        posted_min_cents=1,
        posted_max_cents=2,
        salary_currency="eur",
        work_model="remote",
        source="referral",
        priority=5,
        applied_on=date(2026, 11, 1),
    )
    contact = journal.add(m.Contact, name="Dana", relation="recruiter").new_id
    interview = journal.add(
        m.Interview,
        application_id=app,
        round="final",
        starts_at=datetime(2026, 11, 2, 9),
        overall_rating=4,
    ).new_id
    question = journal.add_question(interview, "Why us?", rating=5).new_id
    offer = journal.add(
        m.Offer,
        application_id=app,
        received_on=date(2026, 11, 5),
        respond_by=date(2026, 11, 7),
        base_cents=100,
    ).new_id
    round_id = journal.add(
        m.NegotiationRound, offer_id=offer, number=1, asked_on=date(2026, 11, 6)
    ).new_id
    feedback = journal.add(
        m.FeedbackRequest, application_id=app, asked_on=date(2026, 11, 8), contact_id=contact
    ).new_id
    action = journal.add(m.ActionItem, feedback_request_id=feedback, text="Practise").new_id
    letter = journal.add(m.Letter, application_id=app, kind="thank_you", body="Thanks").new_id
    item = journal.add(m.PerfectOfferItem, profile_id=1, item="PTO", wanted="25 days").new_id

    loaded = journal.get(plain.Application, app)
    assert (loaded.salary_currency, loaded.text.notes, loaded.company.name) == ("EUR", "n", "Acme")
    assert [q.id for q in journal.get(plain.Interview, interview).questions] == [question]
    assert [r.id for r in journal.get(plain.Offer, offer).rounds] == [round_id]
    assert [a.id for a in journal.get(plain.FeedbackRequest, feedback).actions] == [action]
    assert journal.get(plain.Letter, letter).created_at.date() == date.today()
    assert [i.id for i in journal.profile().perfect_offer] == [item]


def test_update_returns_what_changed_and_saves(journal: Journal) -> None:
    app = application(journal)
    changes = journal.update(m.Application, app, job_title="Senior Data Analyst", notes="new notes")
    assert changes.touches("applications") and changes.ids("applications") == {app}
    assert not changes.touches("companies")
    assert journal.get(plain.Application, app).job_title == "Senior Data Analyst"
    assert journal.application_texts(app).notes == "new notes"


def test_profile_is_one_row_that_updates(journal: Journal) -> None:
    journal.update_profile(
        name="Alex", target_min_cents=100, target_max_cents=200, walk_away_cents=90
    )
    assert journal.profile().name == "Alex"


@pytest.mark.parametrize(
    ("model_fields", "message"),
    [
        ({"posted_min_cents": -1}, "cannot be negative"),
        ({"posted_min_cents": 500, "posted_max_cents": 100}, "is above"),
        ({"job_title": "   "}, "Job title cannot be empty"),
        ({"priority": 6}, "goes from 1 to 5"),
        ({"salary_currency": "dollars"}, "three-letter code"),
        ({"work_model": "moon"}, "must be one of"),
        ({"applied_on": datetime(2026, 1, 1, 9)}, "date without a time"),
        ({"applied_on": "2026-01-01"}, "must be a date"),
        ({"expected_cents": 10**16}, "larger than any real amount"),
        ({"expected_cents": 1.5}, "whole number of cents"),
    ],
)
def test_bad_application_input_is_refused_clearly(
    journal: Journal, model_fields: dict[str, object], message: str
) -> None:
    with pytest.raises(InvalidInput, match=message):
        application(journal, **model_fields)
    assert journal.count_applications() == 0  # nothing half-saved


def test_end_before_start_is_refused(journal: Journal) -> None:
    app = application(journal)
    with pytest.raises(InvalidInput, match="Respond-by date cannot be before received on"):
        journal.add(
            m.Offer, application_id=app, received_on=date(2026, 11, 5), respond_by=date(2026, 11, 1)
        )
    request = journal.add(m.FeedbackRequest, application_id=app, asked_on=date(2026, 11, 5)).new_id
    with pytest.raises(InvalidInput, match="Answered on cannot be before asked on"):
        journal.update(m.FeedbackRequest, request, answered_on=date(2026, 11, 1))


def test_walk_away_above_target_is_refused(journal: Journal) -> None:
    with pytest.raises(InvalidInput, match="walk-away point is above"):
        journal.update_profile(target_min_cents=100, target_max_cents=200, walk_away_cents=300)


def test_records_for_a_deleted_parent_are_refused(journal: Journal) -> None:
    app = application(journal)
    journal.delete(m.Application, app)
    with pytest.raises(InvalidInput, match="That application no longer exists"):
        journal.add(m.Interview, application_id=app)
    with pytest.raises(InvalidInput, match="no longer exists"):
        journal.update(m.Application, app, job_title="x")


def test_unknown_field_is_a_bug_not_a_message(journal: Journal) -> None:
    with pytest.raises(TypeError, match="no editable field"):
        journal.add(m.Company, name="Acme", colour="blue")
    app = application(journal)
    with pytest.raises(TypeError):
        journal.update(m.Application, app, status="accepted")  # only set_status may


def test_deleting_an_application_asks_to_confirm_what_goes_with_it(journal: Journal) -> None:
    app = application(journal)
    interview = journal.add(m.Interview, application_id=app).new_id
    journal.add_question(interview, "Q1")
    journal.add_question(interview, "Q2")
    offer = journal.add(m.Offer, application_id=app, received_on=date(2026, 11, 1)).new_id
    journal.add(m.NegotiationRound, offer_id=offer, number=1, asked_on=date(2026, 11, 2))
    journal.add(m.Letter, application_id=app, kind="withdraw")
    with pytest.raises(ConfirmationNeeded) as asked:
        journal.delete(m.Application, app)
    assert asked.value.impact == {
        "interviews": 1,
        "interview_questions": 2,
        "offers": 1,
        "negotiation_rounds": 1,
        "letters": 1,
    }
    assert "also deletes 1 interview, 2 interview questions, 1 offer" in str(asked.value)
    assert journal.count_applications() == 1  # nothing deleted by accident
    journal.delete(m.Application, app, confirm=True)
    for model in (
        m.Interview,
        m.InterviewQuestion,
        m.Offer,
        m.NegotiationRound,
        m.Letter,
        m.StatusChange,
        m.ApplicationText,
    ):
        assert journal.all(model) == [], model


def test_an_application_without_dependents_deletes_straight_away(journal: Journal) -> None:
    app = application(journal)
    assert journal.delete(m.Application, app).deleted == frozenset({("applications", app)})


def test_a_company_with_applications_is_not_deleted(journal: Journal) -> None:
    app = application(journal)
    company_id = journal.get(plain.Application, app).company_id
    with pytest.raises(InvalidInput, match="1 application"):
        journal.delete(m.Company, company_id)


def test_deleting_a_contact_unlinks_it_everywhere(journal: Journal) -> None:
    contact = journal.add(m.Contact, name="Sam").new_id
    app = application(journal, contact_ids=[contact])
    interview = journal.add(m.Interview, application_id=app).new_id
    journal.set_people_met(interview, [contact])
    request = journal.add(
        m.FeedbackRequest, application_id=app, asked_on=date(2026, 1, 1), contact_id=contact
    ).new_id
    journal.delete(m.Contact, contact)
    assert journal.get(plain.Application, app).contacts == ()
    assert journal.get(plain.Interview, interview).people == ()
    assert journal.get(plain.FeedbackRequest, request).contact_id is None


def test_find_or_add_company_ignores_case(journal: Journal) -> None:
    first = journal.find_or_add_company("Acme Corp").new_id
    assert journal.find_or_add_company("  acme corp ").id == first
    assert len(journal.all(plain.Company)) == 1


def test_questions_are_appended_in_order(journal: Journal) -> None:
    interview = journal.add(m.Interview, application_id=application(journal)).new_id
    for text in ("first", "second", "third"):
        journal.add_question(interview, text)
    assert [q.question for q in journal.get(plain.Interview, interview).questions] == [
        "first",
        "second",
        "third",
    ]


def test_status_changes_form_a_timeline(journal: Journal) -> None:
    app = application(journal, status=Status.APPLIED, on=date(2026, 10, 1))
    journal.set_status(app, Status.INTERVIEWING, on=date(2026, 10, 5))
    journal.set_status(
        app,
        Status.REJECTED,
        on=date(2026, 10, 9),
        reason_code="other_candidate",
        reason_text="More experience",
    )
    history = journal.status_history(app)
    assert [(h.from_status, h.to_status) for h in history] == [
        (None, "applied"),
        ("applied", "interviewing"),
        ("interviewing", "rejected"),
    ]
    assert history[-1].ended_by == "them"
    assert [e.text for e in journal.timeline(app)] == [
        "Applied",
        "Interviewing",
        "Rejected at the interviewing stage — They chose another candidate: More experience",
    ]


@pytest.mark.parametrize(
    ("path", "target", "message"),
    [
        ([], Status.ACCEPTED, "needs an offer first"),
        ([Status.APPLIED], Status.DECLINED, "needs an offer first"),
        ([Status.APPLIED, Status.REJECTED], Status.INTERVIEWING, "has ended"),
        ([Status.APPLIED, Status.OFFER], Status.WITHDRAWN, "choose “Declined”"),
        ([Status.APPLIED], Status.APPLIED, "already"),
    ],
)
def test_illegal_jumps_are_refused_with_a_reason(
    journal: Journal, path: list[Status], target: Status, message: str
) -> None:
    app = application(journal)
    for status in path:
        journal.set_status(app, status)
    with pytest.raises(InvalidInput, match=message):
        journal.set_status(app, target)
    assert journal.get(plain.Application, app).status == (path[-1] if path else Status.SAVED)


def test_status_dates_are_checked(journal: Journal) -> None:
    app = application(journal, status=Status.APPLIED, on=date(2026, 10, 10))
    with pytest.raises(InvalidInput, match="future"):
        journal.set_status(app, Status.SCREENING, on=date(2999, 1, 1))
    with pytest.raises(InvalidInput, match="before the last status change"):
        journal.set_status(app, Status.SCREENING, on=date(2026, 10, 1))


def test_a_new_application_cannot_start_ended(journal: Journal) -> None:
    with pytest.raises(InvalidInput, match="starts in the pipeline"):
        application(journal, status=Status.REJECTED)


def test_undo_takes_back_the_last_change_only(journal: Journal) -> None:
    app = application(journal, status=Status.APPLIED)
    journal.set_status(app, Status.WITHDRAWN, reason_code="personal")
    journal.undo_last_status_change(app)
    assert journal.get(plain.Application, app).status == Status.APPLIED
    with pytest.raises(InvalidInput, match="no status change to undo"):
        journal.undo_last_status_change(app)


def test_unknown_reason_is_refused(journal: Journal) -> None:
    app = application(journal, status=Status.APPLIED)
    with pytest.raises(InvalidInput, match="Unknown reason"):
        journal.set_status(app, Status.WITHDRAWN, reason_code="bored")


def test_last_change_is_the_day_the_current_status_began(journal: Journal) -> None:
    """The list's "Last change" column and its default order: the day given for the
    change, not the day it was typed in (a change recorded late, an import, the demo)."""
    app = application(journal, status=Status.APPLIED, on=date(2026, 9, 1))
    journal.set_status(app, Status.SCREENING, on=date(2026, 10, 2))
    (row,) = journal.list_applications()
    assert row.status_changed_at.date() == date(2026, 10, 2)
    moved = journal.set_status(app, Status.INTERVIEWING, on=date(2026, 10, 20))
    assert moved.undo is not None
    journal.undo(moved.undo)
    (row,) = journal.list_applications()
    assert row.status_changed_at.date() == date(2026, 10, 2)
    journal.undo_last_status_change(app)
    (row,) = journal.list_applications()
    assert row.status_changed_at.date() == date(2026, 9, 1)


def test_moving_a_saved_application_to_applied_dates_it(journal: Journal) -> None:
    app = application(journal, on=date(2026, 10, 1))  # saved: not sent yet
    assert journal.get(plain.Application, app).applied_on is None
    moved = journal.set_status(app, Status.APPLIED, on=date(2026, 11, 2))
    assert journal.get(plain.Application, app).applied_on == date(2026, 11, 2)
    assert moved.undo is not None
    journal.undo(moved.undo)
    assert journal.get(plain.Application, app).applied_on is None
    dated = application(journal, on=date(2026, 9, 1), applied_on=date(2026, 10, 1))
    journal.set_status(dated, Status.APPLIED, on=date(2026, 11, 2))
    assert journal.get(plain.Application, dated).applied_on == date(2026, 10, 1)
