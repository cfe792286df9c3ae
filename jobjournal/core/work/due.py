"""What needs doing soon, gathered from the whole journal: thank-you notes not yet sent,
interviews today and tomorrow, decisions expected or overdue, next actions due, feedback
asked for and not answered; in the network, an introduction asked a week ago with no
answer, a follow-up or thank-you an introduction waits for, a contact whose follow-up
date has come. Each item says where it can be done."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Literal

from sqlalchemy import String, literal_column, select
from sqlalchemy.orm import aliased

from jobjournal.core.records import dates
from jobjournal.core.records.queries import with_company
from jobjournal.core.records.transitions import ACTIVE, DECIDING
from jobjournal.core.storage import models as m
from jobjournal.core.storage.models import Status
from jobjournal.core.work.offers import countdown

if TYPE_CHECKING:
    from sqlalchemy import Select
    from sqlalchemy.orm import Session

    from jobjournal.core.records.journal import Journal

THANK_YOU_WITHIN = timedelta(days=1)
THANK_YOU_LOOK_BACK = timedelta(days=14)  # older than this, a thank-you is no longer due
FEEDBACK_WAIT = timedelta(days=7)
WAITING_ON_DECISION = (Status.APPLIED, Status.SCREENING, Status.INTERVIEWING)
ACTIONS_AHEAD = timedelta(days=2)  # next actions due within this show already
INTRODUCTION_ANSWER_WAIT = timedelta(days=7)  # asked a week ago, no answer: a nudge
FOLLOW_UP_WITHIN = timedelta(days=2)  # write to the person introduced, then thank, promptly
PER_KIND = 25  # more of one kind than this is a list to work through, not a glance


DueKind = Literal[
    "offer",
    "thank_you",
    "interview",
    "decision",
    "action",
    "feedback",
    "introduction",
    "follow_up",
]


@dataclass(frozen=True)
class DueItem:
    kind: DueKind
    when: date
    text: str  # what to do, in a sentence
    application_id: int | None  # None: an item of the network (a contact, an introduction)
    interview_id: int | None = None
    overdue: bool = False
    offer_id: int | None = None
    contact_id: int | None = None
    introduction_id: int | None = None


def due_items(journal: Journal, now: datetime | None = None) -> list[DueItem]:
    """Everything due, most pressing first: overdue, then by day. At most PER_KIND of each
    kind, so a journal with years of history still answers at once."""
    now = now or datetime.now()
    with journal.session() as session:
        items = [
            *_offers(session, now.date()),
            *_thank_yous(session, now),
            *_interviews_soon(session, now),
            *_decisions(session, now.date()),
            *_next_actions(session, now.date()),
            *_feedback(session, now.date()),
            *_introductions(session, now.date()),
            *_contact_follow_ups(session, now.date()),
        ]
    return sorted(items, key=lambda i: (not i.overdue, i.when, i.kind != "offer", i.kind))


def _active() -> list[str]:
    return [status.value for status in ACTIVE]


# "+applications.status" is the status with its index turned off. Without statistics
# SQLite walks the status index (7 in 11 statuses are in play: most of the journal) and
# sorts; with it off, it walks the date's index in order and stops at PER_KIND. On the
# 100,000-application journal that is 2 ms instead of 60-200.
_STATUS_UNINDEXED = literal_column("+applications.status", String)


def _interviews() -> Select[int, int, datetime | None, str, str, str]:
    return with_company(
        select(
            m.Interview.id,
            m.Interview.application_id,
            m.Interview.starts_at,
            m.Interview.round,
            m.Company.name,
            m.Application.job_title,
        ),
        m.Interview.application_id,
    )


def _offers(session: Session, today: date) -> list[DueItem]:
    """Every offer still waiting for my answer, with its countdown: there are never many,
    and each one matters more than anything else on the list."""
    query = (
        with_company(
            select(m.Offer.id, m.Offer.application_id, m.Offer.respond_by, m.Company.name),
            m.Offer.application_id,
        )
        .where(
            m.Offer.respond_by.is_not(None),
            m.Application.status.in_([s.value for s in DECIDING]),
        )
        .order_by(m.Offer.respond_by)
        .limit(PER_KIND)
    )
    items = []
    for offer_id, application_id, respond_by_or_none, company in session.execute(query):
        respond_by = respond_by_or_none or today  # never None: the query says so
        left = countdown(respond_by, today)
        assert left is not None
        text = f"Answer {company}'s offer by {dates.day_text(respond_by)}: {left.text}"
        items.append(
            DueItem("offer", respond_by, text, application_id, None, left.days_left < 0, offer_id)
        )
    return items


def _thank_yous(session: Session, now: datetime) -> list[DueItem]:
    query = (
        _interviews()
        .where(
            m.Interview.thank_you_sent_on.is_(None),
            m.Interview.starts_at <= now - THANK_YOU_WITHIN,
            m.Interview.starts_at >= now - THANK_YOU_LOOK_BACK,
            _STATUS_UNINDEXED.in_(_active()),
        )
        .order_by(m.Interview.starts_at)
        .limit(PER_KIND)
    )
    return [
        DueItem(
            "thank_you",
            (starts or now).date(),
            f"Send a thank-you to {company} ({title})",
            application_id,
            interview_id,
            overdue=True,
        )
        for interview_id, application_id, starts, _round, company, title in session.execute(query)
    ]


def _interviews_soon(session: Session, now: datetime) -> list[DueItem]:
    today = datetime.combine(now.date(), datetime.min.time())
    query = (
        _interviews()
        .where(m.Interview.starts_at >= today, m.Interview.starts_at < today + timedelta(days=2))
        .order_by(m.Interview.starts_at)
        .limit(PER_KIND)
    )
    items = []
    for interview_id, application_id, starts_at, round_code, company, title in session.execute(
        query
    ):
        starts = starts_at or now  # never None: the query says so
        day = "today" if starts.date() == now.date() else "tomorrow"
        round_name = m.INTERVIEW_ROUNDS.get(round_code, round_code).lower()
        text = f"Interview {day} at {starts:%H:%M}: {company}, {round_name} ({title})"
        items.append(DueItem("interview", starts.date(), text, application_id, interview_id))
    return items


def _decisions(session: Session, today: date) -> list[DueItem]:
    """Per application still waiting on interviews, the latest round's expected decision,
    once it is tomorrow or past. Later rounds move the date; an offer ends the wait."""
    later = aliased(m.Interview)
    a_later_date = (
        select(later.id)
        .where(
            later.application_id == m.Interview.application_id,
            later.expected_decision_on.is_not(None),
            (later.expected_decision_on > m.Interview.expected_decision_on)
            | (
                (later.expected_decision_on == m.Interview.expected_decision_on)
                & (later.id > m.Interview.id)
            ),
        )
        .exists()
    )
    query = (
        # Walks the expected-decision index from the oldest date: only interviews due by
        # tomorrow are read, and of each application only its latest date counts.
        with_company(
            select(
                m.Interview.id,
                m.Interview.application_id,
                m.Interview.expected_decision_on,
                m.Company.name,
                m.Application.job_title,
            ),
            m.Interview.application_id,
        )
        .where(
            m.Interview.expected_decision_on.is_not(None),
            m.Interview.expected_decision_on <= today + timedelta(days=1),
            _STATUS_UNINDEXED.in_([s.value for s in WAITING_ON_DECISION]),
            ~a_later_date,
        )
        .order_by(m.Interview.expected_decision_on, m.Interview.id)
        .limit(PER_KIND)
    )
    items = []
    for interview_id, application_id, expected_on, company, title in session.execute(query):
        expected = expected_on or today  # never None: the query says so
        overdue = expected < today
        text = (
            f"No decision yet from {company} ({title}), expected {dates.day_text(expected)}: "
            "follow up"
            if overdue
            else f"Decision expected from {company} ({title})"
        )
        items.append(DueItem("decision", expected, text, application_id, interview_id, overdue))
    return items


def _next_actions(session: Session, today: date) -> list[DueItem]:
    query = (
        select(
            m.Application.id,
            m.Application.next_action,
            m.Application.next_action_on,
            m.Company.name,
        )
        .join(m.Company, m.Company.id == m.Application.company_id)
        .where(
            m.Application.next_action_on.is_not(None),
            m.Application.next_action_on <= today + ACTIONS_AHEAD,
            _STATUS_UNINDEXED.in_(_active()),
        )
        .order_by(m.Application.next_action_on)
        .limit(PER_KIND)
    )
    items = []
    for application_id, action, due_on_or_none, company in session.execute(query):
        due_on = due_on_or_none or today  # never None here: the query says so
        text = f"{action or 'Next step'} — {company}"
        items.append(DueItem("action", due_on, text, application_id, overdue=due_on < today))
    return items


def _feedback(session: Session, today: date) -> list[DueItem]:
    query = (
        with_company(
            select(m.FeedbackRequest.application_id, m.FeedbackRequest.asked_on, m.Company.name),
            m.FeedbackRequest.application_id,
        )
        .where(
            m.FeedbackRequest.answered_on.is_(None),
            m.FeedbackRequest.asked_on <= today - FEEDBACK_WAIT,
        )
        .order_by(m.FeedbackRequest.asked_on)
        .limit(PER_KIND)
    )
    return [
        DueItem(
            "feedback",
            asked_on,
            f"No answer to the feedback asked of {company} on {dates.day_text(asked_on)}: "
            "a short reminder, or let it go",
            application_id,
            overdue=True,
        )
        for application_id, asked_on, company in session.execute(query)
    ]


def _introductions(session: Session, today: date) -> list[DueItem]:
    """Each introduction's waiting step: a nudge a week after asking, the follow-up to the
    person once introduced, then the thank-you to the connector."""
    connector = aliased(m.Contact)
    query = (
        select(m.Introduction, connector.name, m.Company.name)
        .join(connector, connector.id == m.Introduction.connector_id)
        .join(m.Target, m.Target.id == m.Introduction.target_id)
        .join(m.Company, m.Company.id == m.Target.company_id)
        .where(
            (
                (m.Introduction.state == "asked")
                & (m.Introduction.asked_on <= today - INTRODUCTION_ANSWER_WAIT)
            )
            | (
                (m.Introduction.state == "made")
                & (m.Introduction.followed_up_on.is_(None) | m.Introduction.thanked_on.is_(None))
            )
        )
        .order_by(m.Introduction.asked_on)
        .limit(PER_KIND)
    )
    return [
        _introduction_item(intro, who, organisation, today)
        for intro, who, organisation in session.execute(query)
    ]


def _introduction_item(intro: m.Introduction, who: str, organisation: str, today: date) -> DueItem:
    if intro.state == "asked":
        when = intro.asked_on + INTRODUCTION_ANSWER_WAIT
        text = (
            f"Nudge {who}: no answer since {dates.day_text(intro.asked_on)} about "
            f"{intro.to_name} at {organisation}"
        )
        return DueItem("introduction", when, text, None, introduction_id=intro.id)
    made_on = intro.made_on or intro.asked_on
    if intro.followed_up_on is None:
        text = (
            f"Write to {intro.to_name} at {organisation}: {who} introduced you on "
            f"{dates.day_text(made_on)}"
        )
        when = made_on + FOLLOW_UP_WITHIN
        return DueItem(
            "introduction", when, text, None, overdue=when < today, introduction_id=intro.id
        )
    when = intro.followed_up_on + FOLLOW_UP_WITHIN
    text = f"Thank {who} for the introduction to {intro.to_name}"
    return DueItem("introduction", when, text, None, overdue=when < today, introduction_id=intro.id)


def _contact_follow_ups(session: Session, today: date) -> list[DueItem]:
    query = (
        select(m.Contact.id, m.Contact.name, m.Contact.follow_up_on, m.Company.name)
        .outerjoin(m.Company, m.Company.id == m.Contact.company_id)
        .where(
            m.Contact.follow_up_on.is_not(None),
            m.Contact.follow_up_on <= today + ACTIONS_AHEAD,
        )
        .order_by(m.Contact.follow_up_on)
        .limit(PER_KIND)
    )
    items = []
    for contact_id, name, on_or_none, organisation in session.execute(query):
        on = on_or_none or today  # never None here: the query says so
        at = f" ({organisation})" if organisation else ""
        items.append(
            DueItem(
                "follow_up",
                on,
                f"Follow up with {name}{at}",
                None,
                overdue=on < today,
                contact_id=contact_id,
            )
        )
    return items
