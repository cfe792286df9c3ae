"""Rejections and feedback, the Lessons gathered across the search, and the Insights
numbers, checked against the demo journal worked out by hand."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from support import DEMO_TODAY, application_at

from jobjournal.core.documents import letters
from jobjournal.core.errors import InvalidInput
from jobjournal.core.insight import insights
from jobjournal.core.records import plain
from jobjournal.core.records.journal import Journal
from jobjournal.core.storage import models as m
from jobjournal.core.storage.models import Status
from jobjournal.core.work import feedback
from jobjournal.core.work.due import due_items

# -- rejection and the feedback request -----------------------------------------------------


def test_rejecting_opens_a_feedback_request_and_one_undo_takes_back_both(
    demo_journal: Journal,
) -> None:
    pinecrest = application_at(demo_journal, "Pinecrest Media")
    today = date.today()
    rejected = feedback.reject(
        demo_journal, pinecrest, on=today, reason_code="other_candidate", ask_for_feedback=True
    )
    request_id = rejected.id
    records = demo_journal.records_of(pinecrest)
    assert records.application.status == Status.REJECTED
    history = demo_journal.status_history(pinecrest)
    assert (history[-1].from_status, history[-1].ended_by) == ("interviewing", "them")
    assert [(r.id, r.asked_on, r.answered_on) for r in records.feedback] == [
        (request_id, today, None)
    ]
    # Whom to ask: the person the request letter goes to (met at the last interview).
    asked = demo_journal.get(plain.Contact, records.feedback[0].contact_id)
    assert asked.name == letters.gather(demo_journal, pinecrest).recipient == "Jamie Park"

    assert rejected.undo is not None
    demo_journal.undo(rejected.undo)
    records = demo_journal.records_of(pinecrest)
    assert records.application.status == Status.INTERVIEWING
    assert records.feedback == []
    assert len(demo_journal.status_history(pinecrest)) == len(history) - 1


def test_the_timeline_says_at_which_stage_it_was_rejected(demo_journal: Journal) -> None:
    meridian = application_at(demo_journal, "Meridian Bank")
    feedback.reject(demo_journal, meridian, on=date.today(), reason_code="position_filled")
    texts = [e.text for e in demo_journal.timeline(meridian) if e.kind == "status"]
    assert texts[-1] == "Rejected at the screening stage — Position filled"


def test_rejecting_without_asking_opens_no_request(demo_journal: Journal) -> None:
    meridian = application_at(demo_journal, "Meridian Bank")
    rejected = feedback.reject(demo_journal, meridian, on=date.today(), ask_for_feedback=False)
    assert rejected.id is None
    assert demo_journal.records_of(meridian).feedback == []


def test_a_refused_rejection_changes_nothing(demo_journal: Journal) -> None:
    kestrel = application_at(demo_journal, "Kestrel Robotics")  # only saved: it cannot be rejected
    with pytest.raises(InvalidInput):
        feedback.reject(demo_journal, kestrel, on=date.today())
    records = demo_journal.records_of(kestrel)
    assert (records.application.status, records.feedback) == (Status.SAVED, [])


def test_undo_keeps_a_request_the_person_wrote_in(demo_journal: Journal) -> None:
    pinecrest = application_at(demo_journal, "Pinecrest Media")
    rejected = feedback.reject(demo_journal, pinecrest, on=date.today())
    assert rejected.undo is not None
    demo_journal.update(m.FeedbackRequest, rejected.new_id, feedback="Good, but too junior.")
    undone = demo_journal.undo(rejected.undo)
    records = demo_journal.records_of(pinecrest)
    assert records.application.status == Status.INTERVIEWING
    assert [r.feedback for r in records.feedback] == ["Good, but too junior."]
    # Redone, the rejection comes back and the request the person wrote in stays one.
    assert undone.undo is not None
    demo_journal.undo(undone.undo)
    records = demo_journal.records_of(pinecrest)
    assert records.application.status == Status.REJECTED
    assert [r.feedback for r in records.feedback] == ["Good, but too junior."]


def test_the_due_list_reminds_a_week_after_an_unanswered_request(demo_journal: Journal) -> None:
    pinecrest = application_at(demo_journal, "Pinecrest Media")
    asked = date.today() - timedelta(days=6)
    demo_journal.add(m.FeedbackRequest, application_id=pinecrest, asked_on=asked)

    def reminders(now: datetime) -> list[int]:
        return [d.application_id for d in due_items(demo_journal, now) if d.kind == "feedback"]

    assert pinecrest not in reminders(datetime.now())
    assert pinecrest in reminders(datetime.now() + timedelta(days=1))


def test_recording_feedback_with_actions_and_apply_again_is_one_save(
    demo_journal: Journal,
) -> None:
    pinecrest = application_at(demo_journal, "Pinecrest Media")
    request_id = feedback.reject(demo_journal, pinecrest, on=date.today() - timedelta(days=3)).id
    written = feedback.Feedback(
        asked_on=date.today() - timedelta(days=3),
        answered_on=date.today(),
        feedback="Strong on SQL; the case study lacked a recommendation.",
        lessons="End every case study with what I would do.",
        actions=(
            feedback.Action("Rehearse system design answers"),
            feedback.Action("  "),  # a blank line is not an action
            feedback.Action("Get the certification", done=True),
        ),
        apply_again_after=date.today() + timedelta(days=180),
    )
    saved = feedback.save_feedback(demo_journal, pinecrest, written, request_id).new_id
    assert saved == request_id
    request = demo_journal.records_of(pinecrest).feedback[0]
    assert [(a.text, a.done) for a in request.actions] == [
        ("Rehearse system design answers", False),
        ("Get the certification", True),
    ]
    company = demo_journal.get(plain.Application, pinecrest).company
    assert company.apply_again_after == date.today() + timedelta(days=180)

    feedback.set_done(demo_journal, request.actions[0].id, True)
    assert all(a.done for a in demo_journal.records_of(pinecrest).feedback[0].actions)


def test_an_answer_before_the_request_is_refused_and_nothing_is_stored(
    demo_journal: Journal,
) -> None:
    pinecrest = application_at(demo_journal, "Pinecrest Media")
    written = feedback.Feedback(
        asked_on=date.today(),
        answered_on=date.today() - timedelta(days=1),
        actions=(feedback.Action("Never stored"),),
        apply_again_after=date.today() + timedelta(days=30),
    )
    with pytest.raises(InvalidInput, match="before"):
        feedback.save_feedback(demo_journal, pinecrest, written)
    assert demo_journal.records_of(pinecrest).feedback == []
    assert demo_journal.get(plain.Application, pinecrest).company.apply_again_after is None


def test_lessons_gather_feedback_open_actions_and_what_to_improve(demo_journal: Journal) -> None:
    found = feedback.lessons(demo_journal)
    assert [(r.where.company, r.lessons[:20]) for r in found.received] == [
        ("Quartz Analytics", "Depth on one advance")
    ]
    assert [a.text for a in found.open_actions] == [
        "Rehearse explaining alpha spending in two minutes",
        "Add the pricing experiment write-up to my portfolio",
    ]
    assert found.done_actions == 1
    interviews = [
        i
        for a in demo_journal.list_applications()
        for i in demo_journal.records_of(a.id).interviews
        if i.to_improve
    ]
    assert len(found.to_improve) == len(interviews) > 0
    held = [t.held_on for t in found.to_improve]
    assert held == sorted(held, reverse=True)  # newest first


# -- insights ---------------------------------------------------------------------------------


@pytest.fixture
def numbers(demo_journal: Journal) -> insights.Insights:
    return insights.insights(demo_journal, today=DEMO_TODAY)


def test_the_funnel_of_the_demo(numbers: insights.Insights) -> None:
    # Eleven applied (Kestrel is only saved). Screening or further: all but Juniper and
    # Summit. Interviews: Northwind, Bluefin, Larkspur, Pinecrest, Quartz, Harbor and
    # Civic (straight to an offer). Offers: Northwind, Bluefin, Larkspur, Harbor, Civic.
    stages = [(s.name, s.reached) for s in numbers.funnel]
    assert stages == [
        ("Applied", 11),
        ("Screening", 9),
        ("Interviews", 7),
        ("Offers", 5),
        ("Accepted", 1),
    ]
    conversions = [None if s.conversion is None else round(s.conversion, 3) for s in numbers.funnel]
    assert conversions == [None, round(9 / 11, 3), round(7 / 9, 3), round(5 / 7, 3), 0.2]


def test_sources_and_response_rate_of_the_demo(numbers: insights.Insights) -> None:
    rows = {r.source: (r.applied, r.responded, r.interviews, r.offers) for r in numbers.sources}
    assert rows == {
        "Job board": (4, 2, 1, 1),  # Bluefin, Juniper, Tallgrass, Summit
        "Referral": (2, 2, 2, 1),  # Northwind, Quartz
        "Recruiter reached out": (2, 2, 2, 2),  # Larkspur, Harbor
        "LinkedIn": (1, 1, 1, 0),
        "Company website": (1, 1, 0, 0),
        "Network / event": (1, 1, 1, 1),  # Civic Data Trust
    }
    assert next(r.source for r in numbers.sources) == "Job board"  # most applications first
    assert (numbers.applied, numbers.responded) == (11, 9)
    assert numbers.response_rate == pytest.approx(9 / 11)


def test_median_days_to_response_and_to_decision_of_the_demo(numbers: insights.Insights) -> None:
    # First answers after 5 (Northwind), 6 (Bluefin), 7 (Larkspur), 8 (Pinecrest),
    # 6 (Meridian), 20 (Civic), 10 (Harbor), 13 (Tallgrass), 5 (Quartz) days: median 7.
    assert numbers.median_days_to_response == 7
    # Offers or rejections after 26, 24, 17, 20, 35 and 17 days: median (20 + 24) / 2.
    assert numbers.median_days_to_decision == 22
    assert numbers.rejected_at == {"Interviewing": 1}  # Quartz, after its final round


def test_weekly_pace_of_the_demo(numbers: insights.Insights) -> None:
    weeks = [(w.starts_on, w.applications, w.interviews) for w in numbers.weeks]
    assert weeks[0][0] == date(2026, 9, 21)  # the week of the first application, 60 days back
    assert weeks[-1][0] == date(2026, 11, 16)  # this week (a Monday)
    assert [w[1] for w in weeks] == [1, 1, 2, 2, 1, 1, 2, 1, 0]
    assert [w[2] for w in weeks] == [0, 0, 0, 0, 2, 3, 2, 1, 1]  # Saturday's counts this week
    assert sum(w[1] for w in weeks) == 11


def test_an_empty_journal_has_no_numbers_and_no_division_by_zero(journal: Journal) -> None:
    empty = insights.insights(journal)
    assert [s.reached for s in empty.funnel] == [0] * 5
    assert all(s.conversion is None for s in empty.funnel[1:])
    assert (empty.response_rate, empty.median_days_to_response, empty.weeks) == (None, None, [])
