"""After a rejection: ask what to do better, record what they said, and act on it.

Marking an application rejected can open a feedback request in the same transaction as
the status change, so one undo takes back both. The request then holds the answer, the
lessons drawn, and action items ticked off one by one. `lessons` gathers all of it (and
the interviews' "what to improve") across the whole search.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from jobjournal.core.documents.letters import addressee
from jobjournal.core.errors import InvalidInput
from jobjournal.core.records import copying, validation
from jobjournal.core.records.changes import Changes
from jobjournal.core.records.journal import StatusMove, record_move
from jobjournal.core.records.queries import with_company
from jobjournal.core.storage import models as m
from jobjournal.core.storage.models import Status

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from jobjournal.core.records.journal import Journal

LESSONS_SHOWN = 300  # per section; the rest are counted, so a huge journal stays quick


# -- rejection ---------------------------------------------------------------------------


def reject(
    journal: Journal,
    application_id: int,
    *,
    on: date,
    reason_code: str | None = None,
    reason_text: str = "",
    ask_for_feedback: bool = True,
) -> Changes:
    """Mark the application rejected and, when asked to, open a feedback request dated the
    same day, in one transaction. `Changes.id` is the request's id (None when not asked);
    undoing it leaves the request in place once the person has written in it."""
    if on > date.today():
        raise InvalidInput("A status change cannot be dated in the future.")
    with journal.recorded() as (session, log):
        record_move(
            session, StatusMove(application_id, Status.REJECTED, reason_code), on, reason_text
        )
        if not ask_for_feedback:
            return log.undo(session).changes()
        request = m.FeedbackRequest(
            application_id=application_id,
            asked_on=on,
            channel="email",
            contact_id=_main_contact(session, application_id, on),
        )
        session.add(request)
        session.flush()
        return log.undo(session).changes(request.id)


def _untouched(request: m.FeedbackRequest) -> bool:
    return not (request.answered_on or request.feedback or request.lessons or request.actions)


def _main_contact(session: Session, application_id: int, today: date) -> int | None:
    """Whom to ask: the person the request letter is addressed to."""
    application = session.get(m.Application, application_id)
    if application is None:
        return None
    interviews = session.scalars(
        select(m.Interview)
        .where(m.Interview.application_id == application_id)
        .order_by(m.Interview.starts_at, m.Interview.id)
    )
    contacts = [copying.copy(contact) for contact in application.contacts]
    person = addressee(contacts, [copying.copy(each) for each in interviews], today)
    return person.id if person is not None else None


# -- recording the answer ----------------------------------------------------------------


@dataclass(frozen=True)
class Action:
    text: str
    done: bool = False


@dataclass(frozen=True)
class Feedback:
    """A feedback request as its form shows it."""

    asked_on: date
    channel: str = "email"
    contact_id: int | None = None
    answered_on: date | None = None
    feedback: str = ""
    lessons: str = ""
    actions: tuple[Action, ...] = ()
    apply_again_after: date | None = None  # the company's, shown with the request


def save_feedback(
    journal: Journal, application_id: int, written: Feedback, request_id: int | None = None
) -> Changes:
    """Store a new request (`request_id` None) or rewrite one, with its action items and
    the company's "apply again after" date, in one transaction (`Changes.id`: the
    request's)."""
    if written.answered_on is not None and written.answered_on > date.today():
        raise InvalidInput("The answer date is in the future.")
    fields = validation.clean(
        m.FeedbackRequest,
        {
            "asked_on": written.asked_on,
            "channel": written.channel,
            "contact_id": written.contact_id,
            "answered_on": written.answered_on,
            "feedback": written.feedback,
            "lessons": written.lessons,
        },
    )
    actions = [a for a in written.actions if a.text.strip()]
    with journal.recorded() as (session, log):
        application = session.get(m.Application, application_id)
        if application is None:
            raise InvalidInput("That application no longer exists.")
        request = _request_record(session, application_id, request_id)
        for name, value in fields.items():
            setattr(request, name, value)
        validation.check_record(request)
        request.actions = [
            m.ActionItem(position=position, text=action.text.strip(), done=action.done)
            for position, action in enumerate(actions)
        ]
        application.company.apply_again_after = written.apply_again_after
        session.flush()
        return log.undo(session).changes(request.id)


def _request_record(
    session: Session, application_id: int, request_id: int | None
) -> m.FeedbackRequest:
    if request_id is None:
        request = m.FeedbackRequest(application_id=application_id)
        session.add(request)
        return request
    found = session.get(m.FeedbackRequest, request_id)
    if found is None or found.application_id != application_id:
        raise InvalidInput("That feedback request no longer exists.")
    return found


def set_done(journal: Journal, action_id: int, done: bool) -> Changes:
    return journal.update(m.ActionItem, action_id, done=done)


# -- lessons across the search -------------------------------------------------------------


@dataclass(frozen=True)
class Where:
    """The application a lesson came from."""

    application_id: int
    company: str
    job_title: str


@dataclass(frozen=True)
class Received:
    where: Where
    request_id: int
    answered_on: date | None
    feedback: str
    lessons: str


@dataclass(frozen=True)
class OpenAction:
    where: Where
    action_id: int
    text: str


@dataclass(frozen=True)
class ToImprove:
    where: Where
    interview_id: int
    round: str
    held_on: date | None
    text: str


@dataclass(frozen=True)
class Lessons:
    received: list[Received]
    open_actions: list[OpenAction]
    to_improve: list[ToImprove]
    done_actions: int
    more: int  # how many were left out (over LESSONS_SHOWN in a section)

    @property
    def empty(self) -> bool:
        return not (self.received or self.open_actions or self.to_improve)


def lessons(journal: Journal) -> Lessons:
    """Every piece of feedback, every open action item and every "what to improve" from
    the interview reflections, newest first."""
    with journal.session() as session:
        received = _received(session)
        actions = _open_actions(session)
        improve = _to_improve(session)
        done = session.scalar(select(func.count()).where(m.ActionItem.done.is_(True)))
        more = sum(max(0, len(found) - LESSONS_SHOWN) for found in (received, actions, improve))
        return Lessons(
            received=received[:LESSONS_SHOWN],
            open_actions=actions[:LESSONS_SHOWN],
            to_improve=improve[:LESSONS_SHOWN],
            done_actions=int(done or 0),
            more=more,
        )


_WHERE = (m.Application.id, m.Company.name, m.Application.job_title)


def _received(session: Session) -> list[Received]:
    request = m.FeedbackRequest
    query = with_company(
        select(*_WHERE, request.id, request.answered_on, request.feedback, request.lessons),
        request.application_id,
    ).where((request.feedback != "") | (request.lessons != ""))
    query = query.order_by(request.answered_on.desc(), request.id.desc()).limit(LESSONS_SHOWN + 1)
    return [
        Received(Where(a, c, t), rid, answered, text, lessons)
        for a, c, t, rid, answered, text, lessons in session.execute(query)
    ]


def _open_actions(session: Session) -> list[OpenAction]:
    request, item = m.FeedbackRequest, m.ActionItem
    query = with_company(
        select(*_WHERE, item.id, item.text).join(request, request.id == item.feedback_request_id),
        request.application_id,
    ).where(item.done.is_(False))
    query = query.order_by(request.asked_on.desc(), item.position).limit(LESSONS_SHOWN + 1)
    return [
        OpenAction(Where(a, c, t), action_id, text)
        for a, c, t, action_id, text in session.execute(query)
    ]


def _to_improve(session: Session) -> list[ToImprove]:
    interview = m.Interview
    query = with_company(
        select(*_WHERE, interview.id, interview.round, interview.starts_at, interview.to_improve),
        interview.application_id,
    ).where(interview.to_improve != "")
    query = query.order_by(interview.starts_at.desc()).limit(LESSONS_SHOWN + 1)
    return [
        ToImprove(Where(a, c, t), iid, rnd, starts.date() if starts else None, text)
        for a, c, t, iid, rnd, starts, text in session.execute(query)
    ]
