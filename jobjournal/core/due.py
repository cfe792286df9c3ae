"""What needs doing soon, gathered from the whole journal: thank-you notes not yet sent,
interviews today and tomorrow, decisions expected or overdue, next actions due, feedback
asked for and not answered. Each item says where it can be done."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import select

from jobjournal.core import models as m
from jobjournal.core.letters import long_date
from jobjournal.core.models import Status
from jobjournal.core.transitions import ACTIVE

if TYPE_CHECKING:
    from sqlalchemy import Select
    from sqlalchemy.orm import Session

    from jobjournal.core.journal import Journal

THANK_YOU_WITHIN = timedelta(days=1)
THANK_YOU_LOOK_BACK = timedelta(days=14)  # older than this, a thank-you is no longer due
FEEDBACK_WAIT = timedelta(days=7)
WAITING_ON_DECISION = (Status.APPLIED, Status.SCREENING, Status.INTERVIEWING)
ACTIONS_AHEAD = timedelta(days=2)  # next actions due within this show already


@dataclass(frozen=True)
class DueItem:
    kind: str  # "thank_you", "interview", "decision", "action", "feedback"
    when: date
    text: str  # what to do, in a sentence
    application_id: int
    interview_id: int | None = None
    overdue: bool = False


def due_items(journal: Journal, now: datetime | None = None) -> list[DueItem]:
    """Everything due, most pressing first: overdue, then by day."""
    now = now or datetime.now()
    with journal.session() as session:
        items = [
            *_thank_yous(session, now),
            *_interviews_soon(session, now),
            *_decisions(session, now.date()),
            *_next_actions(session, now.date()),
            *_feedback(session, now.date()),
        ]
    return sorted(items, key=lambda i: (not i.overdue, i.when, i.kind))


def _active() -> list[str]:
    return [status.value for status in ACTIVE]


def _interviews() -> Select[m.Interview, str, str]:
    return (
        select(m.Interview, m.Company.name, m.Application.job_title)
        .join(m.Application, m.Application.id == m.Interview.application_id)
        .join(m.Company, m.Company.id == m.Application.company_id)
    )


def _thank_yous(session: Session, now: datetime) -> list[DueItem]:
    query = _interviews().where(
        m.Interview.thank_you_sent_on.is_(None),
        m.Interview.starts_at <= now - THANK_YOU_WITHIN,
        m.Interview.starts_at >= now - THANK_YOU_LOOK_BACK,
        m.Application.status.in_(_active()),
    )
    return [
        DueItem(
            "thank_you",
            (interview.starts_at or now).date(),
            f"Send a thank-you to {company} ({title})",
            interview.application_id,
            interview.id,
            overdue=True,
        )
        for interview, company, title in session.execute(query)
    ]


def _interviews_soon(session: Session, now: datetime) -> list[DueItem]:
    today = datetime.combine(now.date(), datetime.min.time())
    query = _interviews().where(
        m.Interview.starts_at >= today, m.Interview.starts_at < today + timedelta(days=2)
    )
    items = []
    for interview, company, title in session.execute(query):
        starts = interview.starts_at or now  # never None: the query says so
        day = "today" if starts.date() == now.date() else "tomorrow"
        at = f"{starts:%H:%M}"
        round_name = m.INTERVIEW_ROUNDS.get(interview.round, interview.round).lower()
        items.append(
            DueItem(
                "interview",
                starts.date(),
                f"Interview {day} at {at}: {company}, {round_name} ({title})",
                interview.application_id,
                interview.id,
            )
        )
    return items


def _decisions(session: Session, today: date) -> list[DueItem]:
    """Per application still waiting on interviews, the latest round's expected decision,
    once it is tomorrow or past. Later rounds move the date; an offer ends the wait."""
    query = _interviews().where(
        m.Interview.expected_decision_on.is_not(None),
        m.Application.status.in_([s.value for s in WAITING_ON_DECISION]),
    )
    latest: dict[int, tuple[m.Interview, str, str]] = {}
    for interview, company, title in session.execute(query):
        known = latest.get(interview.application_id)
        if known is None or _expected(known[0], today) < _expected(interview, today):
            latest[interview.application_id] = (interview, company, title)
    items = []
    for interview, company, title in latest.values():
        expected = _expected(interview, today)
        if expected > today + timedelta(days=1):
            continue
        overdue = expected < today
        text = (
            f"No decision yet from {company} ({title}), expected {long_date(expected)}: follow up"
            if overdue
            else f"Decision expected from {company} ({title})"
        )
        items.append(
            DueItem("decision", expected, text, interview.application_id, interview.id, overdue)
        )
    return items


def _expected(interview: m.Interview, today: date) -> date:
    return interview.expected_decision_on or today  # never None: the query says so


def _next_actions(session: Session, today: date) -> list[DueItem]:
    query = (
        select(m.Application, m.Company.name)
        .join(m.Company, m.Company.id == m.Application.company_id)
        .where(
            m.Application.next_action_on.is_not(None),
            m.Application.next_action_on <= today + ACTIONS_AHEAD,
            m.Application.status.in_(_active()),
        )
    )
    items = []
    for application, company in session.execute(query):
        due_on = application.next_action_on or today  # never None here: the query says so
        text = f"{application.next_action or 'Next step'} — {company}"
        items.append(DueItem("action", due_on, text, application.id, overdue=due_on < today))
    return items


def _feedback(session: Session, today: date) -> list[DueItem]:
    query = (
        select(m.FeedbackRequest, m.Company.name, m.Application.job_title)
        .join(m.Application, m.Application.id == m.FeedbackRequest.application_id)
        .join(m.Company, m.Company.id == m.Application.company_id)
        .where(
            m.FeedbackRequest.answered_on.is_(None),
            m.FeedbackRequest.asked_on <= today - FEEDBACK_WAIT,
        )
    )
    return [
        DueItem(
            "feedback",
            request.asked_on,
            f"No answer to the feedback asked of {company} on {long_date(request.asked_on)}: "
            "a short reminder, or let it go",
            request.application_id,
            overdue=True,
        )
        for request, company, _title in session.execute(query)
    ]
