"""The prep sheet for an upcoming interview: everything worth reading the evening before,
gathered from the journal — the role, the people, what this company asked so far and what
I would answer now, questions to ask, my salary target."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from jobjournal.core.documents.letters import long_date
from jobjournal.core.errors import InvalidInput
from jobjournal.core.records.money import format_amount
from jobjournal.core.storage import models as m
from jobjournal.core.work import skills
from jobjournal.core.work.interviews import QUESTIONS_TO_ASK, question_key

if TYPE_CHECKING:
    from jobjournal.core.records.journal import Journal


@dataclass(frozen=True)
class PersonNote:
    name: str
    title: str
    notes: str  # what I wrote about them, and where we met before
    met_before: tuple[str, ...]  # earlier rounds with them: "Phone screen, 13 Nov 2026"


@dataclass(frozen=True)
class PastQuestion:
    question: str
    my_answer: str
    next_time: str
    rating: int | None
    round: str


@dataclass(frozen=True)
class PrepSheet:
    company: str
    job_title: str
    round: str
    starts_at: datetime | None
    format: str
    place: str
    status: str
    location: str
    posting_url: str
    job_description: str
    my_notes: str
    people: tuple[PersonNote, ...]
    asked_before: tuple[PastQuestion, ...]
    to_ask: tuple[str, ...]  # suggestions I have not asked at this company yet
    salary_target: str  # "USD 95,000–110,000 a year", or ""
    # What the posting asks that I have not shown: gaps, then what is to show (skills.py).
    gaps: tuple[str, ...] = ()

    @property
    def title(self) -> str:
        return f"Prep sheet: {self.company} — {self.job_title}"

    @property
    def when(self) -> str:
        """ "23 November 2026 at 10:00 — Technical · Video · the link"."""

        day = (
            f"{long_date(self.starts_at.date())} at {self.starts_at:%H:%M}"
            if self.starts_at
            else "Date not set"
        )
        details = " · ".join(part for part in (self.round, self.format, self.place) if part)
        return f"{day} — {details}" if details else day

    @property
    def role_lines(self) -> list[str]:
        lines = [f"Status: {self.status}"]
        if self.location:
            lines.append(f"Location: {self.location}")
        if self.posting_url:
            lines.append(f"Posting: {self.posting_url}")
        return lines


def prepare(journal: Journal, interview_id: int) -> PrepSheet:
    with journal.session() as session:
        interview = session.scalars(
            select(m.Interview)
            .where(m.Interview.id == interview_id)
            .options(selectinload(m.Interview.people))
        ).one_or_none()
        if interview is None:
            raise InvalidInput("That interview no longer exists.")
        application = session.get(m.Application, interview.application_id)
        assert application is not None  # an interview always has its application
        earlier = list(
            session.scalars(
                select(m.Interview)
                .join(m.Application, m.Application.id == m.Interview.application_id)
                .where(
                    m.Application.company_id == application.company_id,
                    m.Interview.id != interview_id,
                )
                .order_by(m.Interview.starts_at)
                .options(selectinload(m.Interview.people), selectinload(m.Interview.questions))
            )
        )
        texts = application.text
        profile = session.get(m.Profile, 1)
        sheet = PrepSheet(
            company=application.company.name,
            job_title=application.job_title,
            round=m.INTERVIEW_ROUNDS.get(interview.round, interview.round),
            starts_at=interview.starts_at,
            format=m.INTERVIEW_FORMATS.get(interview.format or "", ""),
            place=interview.place,
            status=m.Status(application.status).label,
            location=application.location,
            posting_url=application.posting_url,
            job_description=texts.job_description if texts else "",
            my_notes=texts.notes if texts else "",
            people=tuple(_person(p, earlier) for p in interview.people),
            asked_before=tuple(_asked(earlier)),
            to_ask=_to_ask(earlier),
            salary_target=_target(application, profile),
        )
    return replace(sheet, gaps=tuple(skills.gaps(journal, interview.application_id)))


def _person(contact: m.Contact, earlier: list[m.Interview]) -> PersonNote:
    notes = "\n".join(t for t in (contact.how_we_met.strip(), contact.notes.strip()) if t)
    met = tuple(
        f"{m.INTERVIEW_ROUNDS.get(i.round, i.round)}, {_day(i.starts_at)}"
        for i in earlier
        if contact in i.people
    )
    return PersonNote(contact.name, contact.title, notes, met)


def _asked(earlier: list[m.Interview]) -> list[PastQuestion]:
    return [
        PastQuestion(
            q.question,
            q.my_answer,
            q.next_time,
            q.rating,
            m.INTERVIEW_ROUNDS.get(interview.round, interview.round),
        )
        for interview in earlier
        for q in interview.questions
        if q.direction == "asked_me"
    ]


def _to_ask(earlier: list[m.Interview]) -> tuple[str, ...]:
    mine = [q.question for i in earlier for q in i.questions if q.direction == "i_asked"]
    asked = {question_key(q) for q in mine}
    fresh = [q for q in QUESTIONS_TO_ASK if question_key(q) not in asked]
    return tuple(fresh)


def _target(application: m.Application, profile: m.Profile | None) -> str:
    currency = application.salary_currency or (profile.currency if profile else "")
    period = m.SALARY_PERIODS.get(application.salary_period, "")
    if application.expected_cents is not None:
        return f"{format_amount(application.expected_cents, currency)} {period}".strip()
    if profile is None or (profile.target_min_cents is None and profile.target_max_cents is None):
        return ""
    low = format_amount(profile.target_min_cents, profile.currency)
    high = format_amount(profile.target_max_cents)
    span = f"{low}–{high}" if low and high else low or format_amount(profile.target_max_cents)
    return f"{span} {m.SALARY_PERIODS.get(profile.period, '')}".strip()


def _day(moment: datetime | date | None) -> str:

    if moment is None:
        return "date not set"
    return long_date(moment.date() if isinstance(moment, datetime) else moment)
