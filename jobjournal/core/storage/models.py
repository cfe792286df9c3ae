"""The records of a job search, as SQLAlchemy 2 mapped classes.

Money is stored as whole minor units (cents) in `*_cents` columns: exact, and never a
float. Long texts that lists never show (notes, job descriptions) live in narrow side
tables so that listing 100,000 applications reads only what a table shows.

The schema these classes describe is created by the numbered migrations in
`migrations.py`, not by `create_all`; a test keeps the two identical.
"""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import Literal, TypeAlias

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    event,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from jobjournal.core.records import folding


class Base(DeclarativeBase):
    pass


class Status(enum.StrEnum):
    SAVED = "saved"
    APPLIED = "applied"
    SCREENING = "screening"
    INTERVIEWING = "interviewing"
    OFFER = "offer"
    NEGOTIATING = "negotiating"
    ACCEPTED = "accepted"
    DECLINED = "declined"  # I turned down an offer
    WITHDRAWN = "withdrawn"  # I left the process
    REJECTED = "rejected"  # they said no
    NO_RESPONSE = "no_response"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]


STATUS_LABELS = {
    Status.SAVED: "Saved",
    Status.APPLIED: "Applied",
    Status.SCREENING: "Screening",
    Status.INTERVIEWING: "Interviewing",
    Status.OFFER: "Offer",
    Status.NEGOTIATING: "Negotiating",
    Status.ACCEPTED: "Accepted",
    Status.DECLINED: "Declined",
    Status.WITHDRAWN: "Withdrawn",
    Status.REJECTED: "Rejected",
    Status.NO_RESPONSE: "No response",
}

# Choices stored as plain strings; the dicts map each to the label a person reads.
WORK_MODELS = {"on_site": "On-site", "hybrid": "Hybrid", "remote": "Remote"}
SOURCES = {
    "job_board": "Job board",
    "company_site": "Company website",
    "referral": "Referral",
    "recruiter": "Recruiter reached out",
    "network": "Network / event",
    "linkedin": "LinkedIn",
    "other": "Other",
}
SALARY_PERIODS = {
    "year": "per year",
    "month": "per month",
    "week": "per week",
    "day": "per day",
    "hour": "per hour",
}
RELATIONSHIPS = {
    "recruiter": "Recruiter",
    "hiring_manager": "Hiring manager",
    "interviewer": "Interviewer",
    "referral": "Referral",
    "colleague": "Colleague",
    "former_colleague": "Former colleague",
    "friend": "Friend",
    "friend_of_friend": "Friend of a friend",
    "event": "Met at an event",
    "alumni": "Same school or course",
    "hr": "HR / people team",
    "other": "Other",
}
# Since version 6: organisations I want to work for, before any application.
TargetStatus = Literal["researching", "reaching_out", "introduced", "applied"]
TARGET_STATUSES = {
    "researching": "Researching",
    "reaching_out": "Reaching out",
    "introduced": "Introduced",
    "applied": "Applied",
}
IntroductionState = Literal["asked", "made", "declined"]
INTRODUCTION_STATES = {
    "asked": "Asked, no answer yet",
    "made": "Introduced",
    "declined": "Could not introduce",
}
RequirementMark = Literal["met", "to_show", "gap"]
REQUIREMENT_MARKS = {"met": "Met", "to_show": "To show", "gap": "Gap"}
INTERVIEW_ROUNDS = {
    "phone_screen": "Phone screen",
    "recruiter": "Recruiter",
    "hiring_manager": "Hiring manager",
    "technical": "Technical",
    "take_home": "Take-home review",
    "panel": "Panel",
    "onsite": "Onsite",
    "final": "Final",
    "other": "Other",
}
INTERVIEW_FORMATS = {"phone": "Phone", "video": "Video", "on_site": "On-site"}
# Closed sets the code passes around are typed Literal, each beside the labels a person
# reads for it, which stay plain dicts to be read as any choices are (the keys and the
# Literal are kept the same by tests/core/test_closed_sets.py).
QuestionDirection = Literal["asked_me", "i_asked"]
QUESTION_DIRECTIONS = {"asked_me": "They asked me", "i_asked": "I asked them"}
OFFER_KINDS = {"verbal": "Verbal", "written": "Written"}
ARGUMENT_KINDS = {
    "commute": "Commute or relocation cost",
    "degree": "Degree",
    "certification": "Certification or costly skill",
    "market": "Market data",
    "current_pay": "What I earn now",
    "other": "Other",
}
CHANNELS = {
    "email": "Email",
    "phone": "Phone",
    "linkedin": "LinkedIn",
    "in_person": "In person",
    "other": "Other",
}
ENDED_BY = {"me": "I ended it", "them": "They ended it"}
REASONS = {
    "salary_below_market": "Salary below market",
    "salary_below_current": "Salary below what I earn now",
    "accepted_other_offer": "Accepted another offer",
    "role_not_a_fit": "Role not a fit",
    "responsibilities": "Responsibilities or hours do not fit",
    "location": "Location or commute",
    "culture": "Company or team culture",
    "benefits": "Benefits",
    "process": "Process too long",
    "personal": "Personal reasons",
    "position_filled": "Position filled",
    "position_cancelled": "Position cancelled",
    "other_candidate": "They chose another candidate",
    "qualifications": "Qualifications",
    "other": "Other",
}
MoneyStyle = Literal["", "code", "symbol"]
MONEY_STYLES = {
    "": "As the currency suggests",
    "code": "USD 118,000",
    "symbol": "$118,000",
}
DateStyle = Literal["", "day_first", "month_first"]
DATE_STYLES = {
    "": "As my address suggests",
    "day_first": "22 November 2026",
    "month_first": "November 22, 2026",
}
ApplicationLetterKind = Literal[
    "withdraw",
    "decline_offer",
    "thank_you",
    "feedback_request",
    "counteroffer",
    "accept_offer",
    "resignation",
]
IntroductionLetterKind = Literal[
    "introduction_request", "introduction_follow_up", "introduction_thanks"
]
LetterKind: TypeAlias = ApplicationLetterKind | IntroductionLetterKind
LETTER_KINDS = {
    "withdraw": "Withdraw an application",
    "decline_offer": "Decline an offer",
    "thank_you": "Thank-you after an interview",
    "feedback_request": "Feedback request",
    "counteroffer": "Counteroffer",
    "accept_offer": "Accept an offer",
    "resignation": "Resignation",
}
# The letters of an introduction (version 6), written from the introduction, not from an
# application.
INTRODUCTION_LETTERS = {
    "introduction_request": "Ask for the introduction",
    "introduction_follow_up": "Follow up once introduced",
    "introduction_thanks": "Thank the person who introduced me",
}
ALL_LETTER_KINDS = {**LETTER_KINDS, **INTRODUCTION_LETTERS}


def _id() -> Mapped[int]:
    return mapped_column(Integer, primary_key=True)


def _parent(target: str, *, nullable: bool = False, cascade: bool = True) -> Mapped[int]:
    action = "CASCADE" if cascade else "SET NULL"
    return mapped_column(ForeignKey(target, ondelete=action), nullable=nullable, index=True)


application_contacts = Table(
    "application_contacts",
    Base.metadata,
    Column("application_id", ForeignKey("applications.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "contact_id", ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True, index=True
    ),
)

interview_contacts = Table(
    "interview_contacts",
    Base.metadata,
    Column("interview_id", ForeignKey("interviews.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "contact_id", ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True, index=True
    ),
)


class Company(Base):
    __tablename__ = "companies"
    id: Mapped[int] = _id()
    name: Mapped[str] = mapped_column(String(200), index=True)
    website: Mapped[str] = mapped_column(String(500), default="")
    location: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    apply_again_after: Mapped[date | None] = mapped_column(Date)
    # Kept from `name` whenever it is written (see `folding` and `_keep_name_keys`).
    name_fold: Mapped[str] = mapped_column(Text, default="", index=True)
    name_order: Mapped[str] = mapped_column(Text, default="")

    # The list sorted by company reads the name from this index alone, and walks it. The
    # keys are declared TEXT: SQLite sizes a VARCHAR(n) column by n when it plans, and
    # would judge this index too wide to walk, sorting all the applications instead.
    __table_args__ = (Index("ix_companies_name_order", "name_order", "name"),)


class Contact(Base):
    __tablename__ = "contacts"
    id: Mapped[int] = _id()
    name: Mapped[str] = mapped_column(String(200), index=True)
    title: Mapped[str] = mapped_column(String(200), default="")
    company_id: Mapped[int | None] = _parent("companies.id", nullable=True, cascade=False)
    email: Mapped[str] = mapped_column(String(320), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    how_we_met: Mapped[str] = mapped_column(Text, default="")
    relation: Mapped[str] = mapped_column(String(30), default="other")  # see RELATIONSHIPS
    notes: Mapped[str] = mapped_column(Text, default="")
    last_contacted_on: Mapped[date | None] = mapped_column(Date)
    # Since version 6.
    profile_url: Mapped[str] = mapped_column(String(2000), default="")
    follow_up_on: Mapped[date | None] = mapped_column(Date)
    # Kept from `name` whenever it is written (see `folding`), for the Contacts window.
    name_fold: Mapped[str] = mapped_column(Text, default="")
    name_order: Mapped[str] = mapped_column(Text, default="")

    company: Mapped[Company | None] = relationship()

    # The Contacts window lists people by their last contact, blank ones last (the same
    # NULL-first key as the applications' dates), or by name; each read walks its index.
    __table_args__ = (
        Index("ix_contacts_last_contacted", "last_contacted_on", "name_order"),
        Index("ix_contacts_name_order", "name_order"),
        Index("ix_contacts_follow_up_on", "follow_up_on"),
    )


class Application(Base):
    __tablename__ = "applications"
    id: Mapped[int] = _id()
    company_id: Mapped[int] = _parent("companies.id", cascade=False)
    job_title: Mapped[str] = mapped_column(String(200), index=True)
    location: Mapped[str] = mapped_column(String(200), default="")
    work_model: Mapped[str | None] = mapped_column(String(20))
    source: Mapped[str | None] = mapped_column(String(30))
    posting_url: Mapped[str] = mapped_column(String(2000), default="")
    posted_min_cents: Mapped[int | None] = mapped_column(Integer)
    posted_max_cents: Mapped[int | None] = mapped_column(Integer)
    salary_currency: Mapped[str] = mapped_column(String(3), default="")
    salary_period: Mapped[str] = mapped_column(String(10), default="year")
    expected_cents: Mapped[int | None] = mapped_column(Integer)
    applied_on: Mapped[date | None] = mapped_column(Date, index=True)
    next_action: Mapped[str] = mapped_column(String(500), default="")
    next_action_on: Mapped[date | None] = mapped_column(Date, index=True)
    priority: Mapped[int | None] = mapped_column(Integer)  # excitement, 1–5
    status: Mapped[str] = mapped_column(String(20), default=Status.SAVED.value, index=True)
    status_changed_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    # Kept from `job_title` whenever it is written (see `folding`).
    title_fold: Mapped[str] = mapped_column(Text, default="", index=True)
    title_order: Mapped[str] = mapped_column(Text, default="", index=True)

    company: Mapped[Company] = relationship()
    text: Mapped[ApplicationText] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, lazy="select"
    )
    contacts: Mapped[list[Contact]] = relationship(secondary=application_contacts)


class ApplicationText(Base):
    """The long texts of an application, kept out of the list's way."""

    __tablename__ = "application_texts"
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), primary_key=True
    )
    notes: Mapped[str] = mapped_column(Text, default="")
    job_description: Mapped[str] = mapped_column(Text, default="")


class StatusChange(Base):
    __tablename__ = "status_changes"
    id: Mapped[int] = _id()
    application_id: Mapped[int] = _parent("applications.id")
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    changed_on: Mapped[date] = mapped_column(Date)
    recorded_at: Mapped[datetime] = mapped_column(DateTime)
    ended_by: Mapped[str | None] = mapped_column(String(10))
    reason_code: Mapped[str | None] = mapped_column(String(30))
    reason_text: Mapped[str] = mapped_column(Text, default="")


class Interview(Base):
    __tablename__ = "interviews"
    id: Mapped[int] = _id()
    application_id: Mapped[int] = _parent("applications.id")
    round: Mapped[str] = mapped_column(String(30), default="other")
    starts_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)
    duration_minutes: Mapped[int | None] = mapped_column(Integer)
    format: Mapped[str | None] = mapped_column(String(20))
    place: Mapped[str] = mapped_column(String(2000), default="")  # address or meeting link
    overall_rating: Mapped[int | None] = mapped_column(Integer)  # how it felt, 1–5
    reflection: Mapped[str] = mapped_column(Text, default="")
    went_well: Mapped[str] = mapped_column(Text, default="")
    to_improve: Mapped[str] = mapped_column(Text, default="")
    promised_to_send: Mapped[str] = mapped_column(Text, default="")
    thank_you_sent_on: Mapped[date | None] = mapped_column(Date)
    expected_decision_on: Mapped[date | None] = mapped_column(Date, index=True)

    people: Mapped[list[Contact]] = relationship(secondary=interview_contacts)
    questions: Mapped[list[InterviewQuestion]] = relationship(
        order_by="InterviewQuestion.position", cascade="all, delete-orphan", passive_deletes=True
    )


class InterviewQuestion(Base):
    __tablename__ = "interview_questions"
    id: Mapped[int] = _id()
    interview_id: Mapped[int] = _parent("interviews.id")
    position: Mapped[int] = mapped_column(Integer, default=0)
    direction: Mapped[QuestionDirection] = mapped_column(String(10), default="asked_me")
    question: Mapped[str] = mapped_column(Text)
    my_answer: Mapped[str] = mapped_column(Text, default="")
    next_time: Mapped[str] = mapped_column(Text, default="")
    rating: Mapped[int | None] = mapped_column(Integer)  # how my answer went, 1–5


class Offer(Base):
    __tablename__ = "offers"
    id: Mapped[int] = _id()
    application_id: Mapped[int] = _parent("applications.id")
    kind: Mapped[str] = mapped_column(String(10), default="verbal")
    received_on: Mapped[date] = mapped_column(Date)
    respond_by: Mapped[date | None] = mapped_column(Date)
    base_cents: Mapped[int | None] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3), default="")
    period: Mapped[str] = mapped_column(String(10), default="year")
    bonus_cents: Mapped[int | None] = mapped_column(Integer)
    bonus_percent: Mapped[int | None] = mapped_column(Integer)
    sign_on_cents: Mapped[int | None] = mapped_column(Integer)
    equity: Mapped[str] = mapped_column(Text, default="")  # what is granted, as stated
    equity_value_cents: Mapped[int | None] = mapped_column(Integer)  # whole grant's value
    vesting_years: Mapped[int | None] = mapped_column(Integer)
    vesting_cliff_months: Mapped[int | None] = mapped_column(Integer)
    pto_days: Mapped[int | None] = mapped_column(Integer)
    health_start: Mapped[str] = mapped_column(String(200), default="")
    retirement_match: Mapped[str] = mapped_column(String(200), default="")
    work_model: Mapped[str | None] = mapped_column(String(20))
    start_on: Mapped[date | None] = mapped_column(Date)
    relocation_cents: Mapped[int | None] = mapped_column(Integer)
    learning_stipend_cents: Mapped[int | None] = mapped_column(Integer)
    other_perks: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    # Since version 2: what the commute costs in time (one way) and money (a round trip),
    # and what the benefits are worth a year, so packages compare as totals.
    commute_minutes: Mapped[int | None] = mapped_column(Integer)
    commute_cost_cents: Mapped[int | None] = mapped_column(Integer)
    benefits_value_cents: Mapped[int | None] = mapped_column(Integer)

    rounds: Mapped[list[NegotiationRound]] = relationship(
        order_by="NegotiationRound.number", cascade="all, delete-orphan", passive_deletes=True
    )


class NegotiationRound(Base):
    __tablename__ = "negotiation_rounds"
    id: Mapped[int] = _id()
    offer_id: Mapped[int] = _parent("offers.id")
    number: Mapped[int] = mapped_column(Integer)
    asked_on: Mapped[date] = mapped_column(Date)
    asked_base_cents: Mapped[int | None] = mapped_column(Integer)
    asked_other: Mapped[str] = mapped_column(Text, default="")  # items beyond salary
    arguments: Mapped[str] = mapped_column(Text, default="")
    answered_on: Mapped[date | None] = mapped_column(Date)
    answer: Mapped[str] = mapped_column(Text, default="")
    answered_base_cents: Mapped[int | None] = mapped_column(Integer)

    reasons: Mapped[list[NegotiationArgument]] = relationship(
        order_by="NegotiationArgument.position", cascade="all, delete-orphan", passive_deletes=True
    )


class NegotiationArgument(Base):
    """One reason a round's ask is fair: a cost, a credential, market data with its source."""

    __tablename__ = "negotiation_arguments"
    id: Mapped[int] = _id()
    round_id: Mapped[int] = _parent("negotiation_rounds.id")
    position: Mapped[int] = mapped_column(Integer, default=0)
    kind: Mapped[str] = mapped_column(String(20), default="other")
    detail: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(500), default="")  # where market data is from


class FeedbackRequest(Base):
    __tablename__ = "feedback_requests"
    id: Mapped[int] = _id()
    application_id: Mapped[int] = _parent("applications.id")
    asked_on: Mapped[date] = mapped_column(Date)
    contact_id: Mapped[int | None] = _parent("contacts.id", nullable=True, cascade=False)
    channel: Mapped[str] = mapped_column(String(20), default="email")
    answered_on: Mapped[date | None] = mapped_column(Date)
    feedback: Mapped[str] = mapped_column(Text, default="")
    lessons: Mapped[str] = mapped_column(Text, default="")

    actions: Mapped[list[ActionItem]] = relationship(
        order_by="ActionItem.position", cascade="all, delete-orphan", passive_deletes=True
    )


class ActionItem(Base):
    __tablename__ = "action_items"
    id: Mapped[int] = _id()
    feedback_request_id: Mapped[int] = _parent("feedback_requests.id")
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text)
    done: Mapped[bool] = mapped_column(Boolean, default=False)


class Letter(Base):
    __tablename__ = "letters"
    id: Mapped[int] = _id()
    application_id: Mapped[int | None] = _parent("applications.id", nullable=True)
    kind: Mapped[LetterKind] = mapped_column(String(30))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=datetime.now)
    recipient: Mapped[str] = mapped_column(String(500), default="")
    subject: Mapped[str] = mapped_column(String(500), default="")
    body: Mapped[str] = mapped_column(Text, default="")
    exported_to: Mapped[str] = mapped_column(String(4000), default="")
    # Since version 6: a letter of an introduction (see INTRODUCTION_LETTERS).
    introduction_id: Mapped[int | None] = _parent("introductions.id", nullable=True)


class Profile(Base):
    """The person keeping the journal: one row, id 1."""

    __tablename__ = "profile"
    id: Mapped[int] = _id()
    name: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(320), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    signature: Mapped[str] = mapped_column(Text, default="")
    target_min_cents: Mapped[int | None] = mapped_column(Integer)
    target_max_cents: Mapped[int | None] = mapped_column(Integer)
    walk_away_cents: Mapped[int | None] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3), default="")
    period: Mapped[str] = mapped_column(String(10), default="year")
    # Since version 4: how letters write amounts and dates; "" lets the app decide.
    money_style: Mapped[MoneyStyle] = mapped_column(String(10), default="")
    date_style: Mapped[DateStyle] = mapped_column(String(12), default="")
    # Since version 6: what introductions say of me, and my skills, one per line
    # ("Python: six years, led the billing rewrite": after the colon, the proof).
    headline: Mapped[str] = mapped_column(Text, default="")  # who I am, in a sentence
    looking_for: Mapped[str] = mapped_column(Text, default="")
    skills: Mapped[str] = mapped_column(Text, default="")

    perfect_offer: Mapped[list[PerfectOfferItem]] = relationship(
        order_by="PerfectOfferItem.position", cascade="all, delete-orphan", passive_deletes=True
    )


class PerfectOfferItem(Base):
    """Something I want beyond salary (PTO, learning stipend, review timeline…)."""

    __tablename__ = "perfect_offer_items"
    id: Mapped[int] = _id()
    profile_id: Mapped[int] = _parent("profile.id")
    position: Mapped[int] = mapped_column(Integer, default=0)
    item: Mapped[str] = mapped_column(String(200))
    wanted: Mapped[str] = mapped_column(String(500), default="")


class CurrentJob(Base):
    """The job I have now, as a baseline when comparing offers: one row, id 1, or none."""

    __tablename__ = "current_job"
    id: Mapped[int] = _id()
    employer: Mapped[str] = mapped_column(String(200), default="")
    job_title: Mapped[str] = mapped_column(String(200), default="")
    base_cents: Mapped[int | None] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3), default="")
    period: Mapped[str] = mapped_column(String(10), default="year")
    bonus_cents: Mapped[int | None] = mapped_column(Integer)
    bonus_percent: Mapped[int | None] = mapped_column(Integer)
    equity_per_year_cents: Mapped[int | None] = mapped_column(Integer)
    pto_days: Mapped[int | None] = mapped_column(Integer)
    benefits_value_cents: Mapped[int | None] = mapped_column(Integer)
    health_start: Mapped[str] = mapped_column(String(200), default="")
    retirement_match: Mapped[str] = mapped_column(String(200), default="")
    work_model: Mapped[str | None] = mapped_column(String(20))
    commute_minutes: Mapped[int | None] = mapped_column(Integer)
    commute_cost_cents: Mapped[int | None] = mapped_column(Integer)
    other_perks: Mapped[str] = mapped_column(Text, default="")


class Conversation(Base):
    """A note of a conversation with a contact (a call, a coffee, a message)."""

    __tablename__ = "conversations"
    id: Mapped[int] = _id()
    contact_id: Mapped[int] = _parent("contacts.id")
    held_on: Mapped[date] = mapped_column(Date)
    channel: Mapped[str | None] = mapped_column(String(20))  # see CHANNELS
    note: Mapped[str] = mapped_column(Text, default="")


class Target(Base):
    """An organisation I want to work for, before (or beside) any application."""

    __tablename__ = "targets"
    id: Mapped[int] = _id()
    company_id: Mapped[int] = mapped_column(
        ForeignKey("companies.id", ondelete="CASCADE"), unique=True
    )
    status: Mapped[TargetStatus] = mapped_column(String(20), default="researching")
    why: Mapped[str] = mapped_column(Text, default="")  # why this organisation, in my words
    notes: Mapped[str] = mapped_column(Text, default="")
    added_on: Mapped[date] = mapped_column(Date, default=date.today)
    # The application made from this target, once there is one.
    application_id: Mapped[int | None] = _parent("applications.id", nullable=True, cascade=False)

    company: Mapped[Company] = relationship()
    openings: Mapped[list[Opening]] = relationship(
        order_by="Opening.id", cascade="all, delete-orphan", passive_deletes=True
    )


class Opening(Base):
    """A job seen open at a target organisation."""

    __tablename__ = "openings"
    id: Mapped[int] = _id()
    target_id: Mapped[int] = _parent("targets.id")
    job_title: Mapped[str] = mapped_column(String(200))
    url: Mapped[str] = mapped_column(String(2000), default="")
    seen_on: Mapped[date | None] = mapped_column(Date)
    description: Mapped[str] = mapped_column(Text, default="")  # the posting, pasted


class Introduction(Base):
    """Asking a contact (the connector) to introduce me to someone at a target."""

    __tablename__ = "introductions"
    id: Mapped[int] = _id()
    connector_id: Mapped[int] = _parent("contacts.id")
    target_id: Mapped[int] = _parent("targets.id")
    to_name: Mapped[str] = mapped_column(String(200))
    to_role: Mapped[str] = mapped_column(String(200), default="")
    asked_on: Mapped[date] = mapped_column(Date)
    channel: Mapped[str | None] = mapped_column(String(20))  # see CHANNELS
    state: Mapped[IntroductionState] = mapped_column(String(10), default="asked")
    made_on: Mapped[date | None] = mapped_column(Date)
    # Who I was introduced to, as a contact of their own once the introduction is made.
    to_contact_id: Mapped[int | None] = _parent("contacts.id", nullable=True, cascade=False)
    followed_up_on: Mapped[date | None] = mapped_column(Date)
    thanked_on: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")

    connector: Mapped[Contact] = relationship(foreign_keys=[connector_id])
    to_contact: Mapped[Contact | None] = relationship(foreign_keys=[to_contact_id])
    target: Mapped[Target] = relationship()


class Requirement(Base):
    """One thing a posting asks for, read from it (and edited by the person), on an
    application or a target organisation's opening."""

    __tablename__ = "requirements"
    id: Mapped[int] = _id()
    application_id: Mapped[int | None] = _parent("applications.id", nullable=True)
    opening_id: Mapped[int | None] = _parent("openings.id", nullable=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(String(500))
    # The person's own mark; None: the one the rule gives (see core/work/skills.py).
    mark: Mapped[RequirementMark | None] = mapped_column(String(10))


class JournalInfo(Base):
    __tablename__ = "journal_info"
    key: Mapped[str] = mapped_column(Text, primary_key=True)
    value: Mapped[str] = mapped_column(Text)


# -- keys kept beside names ---------------------------------------------------------------


def name_keys(name: str) -> dict[str, str]:
    return {"name_fold": folding.fold(name), "name_order": folding.order_key(name)}


def title_keys(job_title: str) -> dict[str, str]:
    return {"title_fold": folding.fold(job_title), "title_order": folding.order_key(job_title)}


@event.listens_for(Company, "before_insert")
@event.listens_for(Company, "before_update")
def _keep_name_keys(_mapper: object, _connection: object, company: Company) -> None:
    for key, value in name_keys(company.name).items():
        setattr(company, key, value)


@event.listens_for(Contact, "before_insert")
@event.listens_for(Contact, "before_update")
def _keep_contact_name_keys(_mapper: object, _connection: object, contact: Contact) -> None:
    for key, value in name_keys(contact.name).items():
        setattr(contact, key, value)


@event.listens_for(Application, "before_insert")
@event.listens_for(Application, "before_update")
def _keep_title_keys(_mapper: object, _connection: object, application: Application) -> None:
    for key, value in title_keys(application.job_title).items():
        setattr(application, key, value)
