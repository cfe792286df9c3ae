"""Interviews and what a person writes about them: who they met, the questions and their
answers, what went well; and the ways of reading it all again (the review, the question
bank) before the next round.

Writing is built for autosave: the reflection form hands over its whole state and
`save_reflection` brings the stored interview to it in one transaction, keeping the ids
of questions that stay (search hits point at them).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import bindparam, func, select, text

from jobjournal.core.errors import InvalidInput
from jobjournal.core.records import copying, plain, validation
from jobjournal.core.records.changes import Changes
from jobjournal.core.records.folding import fold, order_key
from jobjournal.core.records.queries import with_company
from jobjournal.core.storage import models as m

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from jobjournal.core.records.journal import Journal

_R = TypeVar("_R", m.Application, m.Interview, m.Contact)

# Questions worth asking them, from the advice in the domain notes (in our own words).
QUESTIONS_TO_ASK = (
    "What does “other duties as assigned” cover in this role, in practice?",
    "Can you give an example of a stretch project someone on the team took on?",
    "How does the team handle it when someone notices a problem outside their own area?",
    "What would make this hire a clear success after the first year?",
    "What does a typical week look like for the team?",
    "How are priorities decided when everything seems urgent?",
    "What is the next step in the process, and when can I expect to hear?",
)


@dataclass(frozen=True)
class Person:
    """Someone met: an existing contact, or a new name (and role) typed in place."""

    contact_id: int | None = None
    name: str = ""
    title: str = ""


@dataclass(frozen=True)
class Question:
    question: str
    direction: m.QuestionDirection = "asked_me"
    my_answer: str = ""
    next_time: str = ""
    rating: int | None = None


@dataclass(frozen=True)
class Reflection:
    """Everything written after an interview, as the form holds it."""

    overall_rating: int | None = None
    reflection: str = ""
    went_well: str = ""
    to_improve: str = ""
    promised_to_send: str = ""
    thank_you_sent_on: date | None = None
    expected_decision_on: date | None = None
    questions: tuple[Question, ...] = ()


_INTERVIEW_COLUMNS = tuple(f.name for f in dataclasses.fields(Reflection) if f.name != "questions")


@dataclass(frozen=True)
class Meeting:
    """The facts of an interview: which round, when, how, where, with whom."""

    round: str = "other"
    starts_at: datetime | None = None
    duration_minutes: int | None = None
    format: str | None = None
    place: str = ""
    people: tuple[Person, ...] = ()


# -- writing ------------------------------------------------------------------------------


def add_interview(journal: Journal, application_id: int, meeting: Meeting) -> Changes:
    """A new interview on the application (`Changes.id`); new people become contacts at
    its company."""
    fields = validation.clean(m.Interview, _meeting_fields(meeting))
    with journal.recorded() as (session, log):
        application = _require(session, m.Application, application_id)
        interview = m.Interview(application_id=application_id, **fields)
        interview.people = _people(session, application, meeting.people)
        session.add(interview)
        session.flush()
        return log.undo(session).changes(interview.id)


def update_meeting(journal: Journal, interview_id: int, meeting: Meeting) -> Changes:
    fields = validation.clean(m.Interview, _meeting_fields(meeting))
    with journal.recorded() as (session, log):
        interview = _require(session, m.Interview, interview_id)
        application = _require(session, m.Application, interview.application_id)
        for name, value in fields.items():
            setattr(interview, name, value)
        interview.people = _people(session, application, meeting.people)
        return log.undo(session).changes(interview_id)


def save_reflection(journal: Journal, interview_id: int, written: Reflection) -> Changes:
    """Store the form's state: the texts, then the questions in order (kept by position,
    so a question edited stays the same record). Blank questions are not stored."""
    fields = validation.clean(m.Interview, _reflection_fields(written))
    questions = [
        validation.clean(m.InterviewQuestion, _question_fields(q, position))
        for position, q in enumerate(q for q in written.questions if q.question.strip())
    ]
    with journal.recorded() as (session, log):
        interview = _require(session, m.Interview, interview_id)
        for name, value in fields.items():
            setattr(interview, name, value)
        validation.check_record(interview)
        _replace_questions(interview, questions)
        return log.undo(session).changes(interview_id)


def reflection_of(interview: plain.Interview) -> Reflection:
    """A stored interview as the form shows it."""
    return Reflection(
        **{name: getattr(interview, name) for name in _INTERVIEW_COLUMNS},
        questions=tuple(
            Question(q.question, q.direction, q.my_answer, q.next_time, q.rating)
            for q in interview.questions
        ),
    )


def meeting_of(interview: plain.Interview) -> Meeting:
    return Meeting(
        round=interview.round,
        starts_at=interview.starts_at,
        duration_minutes=interview.duration_minutes,
        format=interview.format,
        place=interview.place,
        people=tuple(Person(p.id, p.name, p.title) for p in interview.people),
    )


def load(journal: Journal, interview_id: int) -> plain.Interview:
    """One interview with its people and questions, for a form."""
    return journal.get(plain.Interview, interview_id)


def contacts_at(journal: Journal, application_id: int) -> list[plain.Contact]:
    """The people one might have met: the application's contacts and its company's."""
    with journal.session() as session:
        application = _require(session, m.Application, application_id)
        query = select(m.Contact).where(m.Contact.company_id == application.company_id)
        found = {c.id: c for c in session.scalars(query.options(*copying.eager(m.Contact)))}
        found.update({c.id: c for c in application.contacts})
        in_order = sorted(found.values(), key=lambda c: order_key(c.name))
        return [copying.copy(contact) for contact in in_order]


def _meeting_fields(meeting: Meeting) -> dict[str, Any]:
    return {
        "round": meeting.round,
        "starts_at": meeting.starts_at,
        "duration_minutes": meeting.duration_minutes,
        "format": meeting.format,
        "place": meeting.place.strip(),
    }


def _reflection_fields(written: Reflection) -> dict[str, Any]:
    """The interview's own columns: every field of the form but its questions."""
    return {name: getattr(written, name) for name in _INTERVIEW_COLUMNS}


def _question_fields(question: Question, position: int) -> dict[str, Any]:
    return {
        "question": question.question.strip(),
        "direction": question.direction,
        "my_answer": question.my_answer,
        "next_time": question.next_time,
        "rating": question.rating,
        "position": position,
    }


def _replace_questions(interview: m.Interview, wanted: list[dict[str, Any]]) -> None:
    stored = list(interview.questions)
    for record, fields in zip(stored, wanted, strict=False):
        for name, value in fields.items():
            setattr(record, name, value)
    for fields in wanted[len(stored) :]:
        interview.questions.append(m.InterviewQuestion(**fields))
    for record in stored[len(wanted) :]:
        interview.questions.remove(record)


def _people(
    session: Session, application: m.Application, people: tuple[Person, ...]
) -> list[m.Contact]:
    chosen: dict[int, m.Contact] = {}
    for person in people:
        contact = _person(session, application, person)
        if contact is not None:
            chosen.setdefault(contact.id, contact)
    return list(chosen.values())


def _person(session: Session, application: m.Application, person: Person) -> m.Contact | None:
    if person.contact_id is not None:
        return _require(session, m.Contact, person.contact_id)
    name = " ".join(person.name.split())
    if not name:
        return None
    at_company = select(m.Contact).where(m.Contact.company_id == application.company_id)
    # Typed again, in any case or composition: the same person, not a twin.
    contact = next((c for c in session.scalars(at_company) if fold(c.name) == fold(name)), None)
    if contact is None:
        fields = validation.clean(
            m.Contact,
            {"name": name, "title": person.title.strip(), "relation": "interviewer"},
        )
        contact = m.Contact(company_id=application.company_id, **fields)
        session.add(contact)
        session.flush()
    if contact not in application.contacts:
        application.contacts.append(contact)
    return contact


def _require(session: Session, model: type[_R], record_id: int) -> _R:
    record = session.get(model, record_id)
    if record is None:
        noun = {m.Application: "application", m.Interview: "interview"}.get(model, "contact")
        raise InvalidInput(f"That {noun} no longer exists.")
    return record


# -- the question bank --------------------------------------------------------------------


@dataclass(frozen=True)
class Asked:
    """One time a question was asked of me."""

    question: str
    my_answer: str
    next_time: str
    rating: int | None
    interview_id: int
    on: date | None
    company: str


@dataclass
class QuestionGroup:
    """One question of the bank: its wordings and how often each came up, and the best
    rating of an answer I wrote. `asked` (every time, with my answers) is read when the
    question is opened: `question_asked`."""

    key: str
    wordings: dict[str, int] = field(default_factory=dict)
    best_rating: int | None = None
    asked: list[Asked] = field(default_factory=list)

    @property
    def wording(self) -> str:
        """The most common wording, as a heading."""
        return max(self.wordings, key=lambda q: (self.wordings[q], -len(q), q))

    @property
    def times(self) -> int:
        return sum(self.wordings.values())

    @property
    def best(self) -> Asked | None:
        """My best-rated answer, once `asked` is read."""
        rated = [a for a in self.asked if a.rating is not None and a.my_answer.strip()]
        return max(rated, key=lambda a: (a.rating or 0, a.on or date.min)) if rated else None


# Each wording once, with its count and best answered rating: the bank's list reads 4,000
# rows of this, not 50,000 questions with their answers.
_BANK_SQL = """
SELECT question, count(*),
       max(CASE WHEN trim(my_answer) <> '' THEN rating END)
FROM interview_questions
WHERE direction = 'asked_me'
GROUP BY question
"""

_ASKED_SQL = """
SELECT q.question, q.my_answer, q.next_time, q.rating, i.id, i.starts_at, c.name
FROM interview_questions q
JOIN interviews i ON i.id = q.interview_id
JOIN applications a ON a.id = i.application_id
JOIN companies c ON c.id = a.company_id
WHERE q.direction = 'asked_me' AND q.question IN :wordings
ORDER BY i.starts_at IS NULL, i.starts_at, q.position
"""


def question_bank(journal: Journal) -> list[QuestionGroup]:
    """Every question asked of me, similar wordings together, most frequent first (their
    answers are read when one is opened: `question_asked`)."""
    with journal.reading() as connection:
        rows = connection.execute(text(_BANK_SQL)).all()
    groups: dict[str, QuestionGroup] = {}
    for question, times, best_rating in rows:
        key = question_key(question)
        group = groups.setdefault(key, QuestionGroup(key))
        group.wordings[question] = times
        if best_rating is not None and (group.best_rating or 0) < best_rating:
            group.best_rating = best_rating
    return sorted(groups.values(), key=lambda g: (-g.times, g.key))


def question_asked(journal: Journal, group: QuestionGroup) -> QuestionGroup:
    """The question with every time it was asked and my answers, oldest first."""
    query = text(_ASKED_SQL).bindparams(bindparam("wordings", expanding=True))
    with journal.reading() as connection:
        rows = connection.execute(query, {"wordings": list(group.wordings)}).all()
    asked = [
        Asked(question, answer, next_time, rating, interview_id, _day(starts_at), company)
        for question, answer, next_time, rating, interview_id, starts_at, company in rows
    ]
    return QuestionGroup(group.key, dict(group.wordings), group.best_rating, asked)


_WORDS = re.compile(r"[\w']+")
# Ways of asking that do not change what is asked. First the words that only soften the
# question go, then the phrasings of the same request become one; two regex passes in all
# (the bank reads thousands of questions at once).
_SOFTENERS = re.compile(
    r"\b(?:can|could|would) you (?:please )?"
    r"|\b(?:please|briefly|quickly|just|a little bit|a bit|a little)\b"
)
_SAME_ASK = {
    "describe": (
        r"\b(?:(?:tell|talk) (?:me|us) about|(?:walk|talk|take) (?:me|us) through"
        r"|give (?:me|us) an example of)\b",
        "describe",
    ),
    "why": (r"\bwhat made you\b", "why did you"),
}
_SAME_ASK_PATTERN = re.compile("|".join(f"(?P<{k}>{p})" for k, (p, _) in _SAME_ASK.items()))
_DROP = {"a", "an", "the", "so", "now", "then", "maybe"}


# Contractions spelled out, so "What's your biggest weakness?" is "What is …"; a
# possessive 's goes ("the company's goals" asks what "the company goals" asks).
_CONTRACTIONS = [
    (re.compile(p), r)
    for p, r in (
        (r"\b(what|that|there|it|he|she|who|where|how|here)'s\b", r"\1 is"),
        (r"\blet's\b", "let us"),
        (r"\bcan't\b|\bcannot\b", "can not"),
        (r"\bwon't\b", "will not"),
        (r"n't\b", " not"),
        (r"'re\b", " are"),
        (r"'ve\b", " have"),
        (r"'ll\b", " will"),
        (r"'d\b", " would"),
        (r"'m\b", " am"),
        (r"'s\b", ""),
        (r"'", ""),
    )
]


def _spelled_out(text: str) -> str:
    for pattern, replacement in _CONTRACTIONS:
        if "'" not in text:
            break
        text = pattern.sub(replacement, text)
    return text


@lru_cache(maxsize=8192)
def question_key(question: str) -> str:
    """The wording reduced to what is asked: "Tell me about yourself." and "tell me a bit
    about yourself?" share a key, as do "What's your…" and "What is your…"; "Tell me about
    a conflict" and "about a failure" do not."""
    text = " ".join(_WORDS.findall(_spelled_out(question.casefold().replace("’", "'"))))
    text = " ".join(_SOFTENERS.sub("", text).split())
    text = _SAME_ASK_PATTERN.sub(lambda found: _SAME_ASK[found.lastgroup or ""][1], text)
    return " ".join(_singular(word) for word in text.split() if word not in _DROP)


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _day(value: Any) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return datetime.fromisoformat(str(value)).date()


# -- the review ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ReviewFilter:
    company_id: int | None = None
    round: str | None = None
    min_rating: int | None = None  # the overall feeling, at least this


@dataclass(frozen=True)
class ReviewEntry:
    interview: plain.Interview
    company: str
    job_title: str


def review(
    journal: Journal, wanted: ReviewFilter = ReviewFilter(), offset: int = 0, limit: int = 25
) -> list[ReviewEntry]:
    """Reflections in time order, a page at a time (the review reads the first page at once
    and the rest as the person scrolls)."""
    query = (
        _review_query(wanted)
        .add_columns(m.Company.name, m.Application.job_title)
        .order_by(m.Interview.starts_at.is_(None), m.Interview.starts_at, m.Interview.id)
        .offset(offset)
        .limit(limit)
        .options(*copying.eager(m.Interview))
    )
    with journal.session() as session:
        return [ReviewEntry(copying.copy(row[0]), row[1], row[2]) for row in session.execute(query)]


def review_count(journal: Journal, wanted: ReviewFilter = ReviewFilter()) -> int:
    query = _review_query(wanted).with_only_columns(func.count(m.Interview.id))
    with journal.session() as session:
        return int(session.scalar(query) or 0)


def _review_query(wanted: ReviewFilter) -> Any:
    query = with_company(
        select(m.Interview),
        m.Interview.application_id,
    )
    if wanted.company_id is not None:
        query = query.where(m.Application.company_id == wanted.company_id)
    if wanted.round is not None:
        query = query.where(m.Interview.round == wanted.round)
    if wanted.min_rating is not None:
        query = query.where(m.Interview.overall_rating >= wanted.min_rating)
    return query


def companies_interviewed(journal: Journal) -> list[tuple[int, str]]:
    """The companies with at least one interview, for the review's filter."""
    query = (
        select(m.Company.id, m.Company.name)
        .join(m.Application, m.Application.company_id == m.Company.id)
        .join(m.Interview, m.Interview.application_id == m.Application.id)
        .distinct()
        .order_by(m.Company.name)
    )
    with journal.session() as session:
        return [(row[0], row[1]) for row in session.execute(query)]
