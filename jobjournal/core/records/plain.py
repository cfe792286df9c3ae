"""Read-only records of the journal, as the window and scripts are given them.

Written by `plain_source.py` from the mapped classes in `models.py`; do not edit by hand
(`make plain` writes it again, and a test fails when it is out of date). Each record is a
frozen copy taken inside one session: reading it never touches the database, and changing
the journal goes through an operation, never through a record.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from jobjournal.core.storage.models import (
    DateStyle,
    IntroductionState,
    LetterKind,
    MoneyStyle,
    QuestionDirection,
    RequirementMark,
    TargetStatus,
)


@dataclass(frozen=True, slots=True)
class Company:
    id: int
    name: str
    website: str
    location: str
    notes: str
    apply_again_after: date | None


@dataclass(frozen=True, slots=True)
class Contact:
    id: int
    name: str
    title: str
    company_id: int | None
    email: str
    phone: str
    how_we_met: str
    relation: str
    notes: str
    last_contacted_on: date | None
    profile_url: str
    follow_up_on: date | None
    company: Company | None


@dataclass(frozen=True, slots=True)
class Application:
    id: int
    company_id: int
    job_title: str
    location: str
    work_model: str | None
    source: str | None
    posting_url: str
    posted_min_cents: int | None
    posted_max_cents: int | None
    salary_currency: str
    salary_period: str
    expected_cents: int | None
    applied_on: date | None
    next_action: str
    next_action_on: date | None
    priority: int | None
    status: str
    status_changed_at: datetime
    created_at: datetime
    company: Company
    text: ApplicationText
    contacts: tuple[Contact, ...]


@dataclass(frozen=True, slots=True)
class ApplicationText:
    """The long texts of an application, kept out of the list's way."""

    application_id: int
    notes: str
    job_description: str


@dataclass(frozen=True, slots=True)
class StatusChange:
    id: int
    application_id: int
    from_status: str | None
    to_status: str
    changed_on: date
    recorded_at: datetime
    ended_by: str | None
    reason_code: str | None
    reason_text: str


@dataclass(frozen=True, slots=True)
class Interview:
    id: int
    application_id: int
    round: str
    starts_at: datetime | None
    duration_minutes: int | None
    format: str | None
    place: str
    overall_rating: int | None
    reflection: str
    went_well: str
    to_improve: str
    promised_to_send: str
    thank_you_sent_on: date | None
    expected_decision_on: date | None
    people: tuple[Contact, ...]
    questions: tuple[InterviewQuestion, ...]


@dataclass(frozen=True, slots=True)
class InterviewQuestion:
    id: int
    interview_id: int
    position: int
    direction: QuestionDirection
    question: str
    my_answer: str
    next_time: str
    rating: int | None


@dataclass(frozen=True, slots=True)
class Offer:
    id: int
    application_id: int
    kind: str
    received_on: date
    respond_by: date | None
    base_cents: int | None
    currency: str
    period: str
    bonus_cents: int | None
    bonus_percent: int | None
    sign_on_cents: int | None
    equity: str
    equity_value_cents: int | None
    vesting_years: int | None
    vesting_cliff_months: int | None
    pto_days: int | None
    health_start: str
    retirement_match: str
    work_model: str | None
    start_on: date | None
    relocation_cents: int | None
    learning_stipend_cents: int | None
    other_perks: str
    notes: str
    commute_minutes: int | None
    commute_cost_cents: int | None
    benefits_value_cents: int | None
    rounds: tuple[NegotiationRound, ...]


@dataclass(frozen=True, slots=True)
class NegotiationRound:
    id: int
    offer_id: int
    number: int
    asked_on: date
    asked_base_cents: int | None
    asked_other: str
    arguments: str
    answered_on: date | None
    answer: str
    answered_base_cents: int | None
    reasons: tuple[NegotiationArgument, ...]


@dataclass(frozen=True, slots=True)
class NegotiationArgument:
    """One reason a round's ask is fair: a cost, a credential, market data with its source."""

    id: int
    round_id: int
    position: int
    kind: str
    detail: str
    source: str


@dataclass(frozen=True, slots=True)
class FeedbackRequest:
    id: int
    application_id: int
    asked_on: date
    contact_id: int | None
    channel: str
    answered_on: date | None
    feedback: str
    lessons: str
    actions: tuple[ActionItem, ...]


@dataclass(frozen=True, slots=True)
class ActionItem:
    id: int
    feedback_request_id: int
    position: int
    text: str
    done: bool


@dataclass(frozen=True, slots=True)
class Letter:
    id: int
    application_id: int | None
    kind: LetterKind
    created_at: datetime
    recipient: str
    subject: str
    body: str
    exported_to: str
    introduction_id: int | None


@dataclass(frozen=True, slots=True)
class Profile:
    """The person keeping the journal: one row, id 1."""

    id: int
    name: str
    email: str
    phone: str
    address: str
    signature: str
    target_min_cents: int | None
    target_max_cents: int | None
    walk_away_cents: int | None
    currency: str
    period: str
    money_style: MoneyStyle
    date_style: DateStyle
    headline: str
    looking_for: str
    skills: str
    perfect_offer: tuple[PerfectOfferItem, ...]


@dataclass(frozen=True, slots=True)
class PerfectOfferItem:
    """Something I want beyond salary (PTO, learning stipend, review timeline…)."""

    id: int
    profile_id: int
    position: int
    item: str
    wanted: str


@dataclass(frozen=True, slots=True)
class CurrentJob:
    """The job I have now, as a baseline when comparing offers: one row, id 1, or none."""

    id: int
    employer: str
    job_title: str
    base_cents: int | None
    currency: str
    period: str
    bonus_cents: int | None
    bonus_percent: int | None
    equity_per_year_cents: int | None
    pto_days: int | None
    benefits_value_cents: int | None
    health_start: str
    retirement_match: str
    work_model: str | None
    commute_minutes: int | None
    commute_cost_cents: int | None
    other_perks: str


@dataclass(frozen=True, slots=True)
class Conversation:
    """A note of a conversation with a contact (a call, a coffee, a message)."""

    id: int
    contact_id: int
    held_on: date
    channel: str | None
    note: str


@dataclass(frozen=True, slots=True)
class Target:
    """An organisation I want to work for, before (or beside) any application."""

    id: int
    company_id: int
    status: TargetStatus
    why: str
    notes: str
    added_on: date
    application_id: int | None
    company: Company
    openings: tuple[Opening, ...]


@dataclass(frozen=True, slots=True)
class Opening:
    """A job seen open at a target organisation."""

    id: int
    target_id: int
    job_title: str
    url: str
    seen_on: date | None
    description: str


@dataclass(frozen=True, slots=True)
class Introduction:
    """Asking a contact (the connector) to introduce me to someone at a target."""

    id: int
    connector_id: int
    target_id: int
    to_name: str
    to_role: str
    asked_on: date
    channel: str | None
    state: IntroductionState
    made_on: date | None
    to_contact_id: int | None
    followed_up_on: date | None
    thanked_on: date | None
    notes: str
    connector: Contact
    to_contact: Contact | None
    target: Target


@dataclass(frozen=True, slots=True)
class Requirement:
    """One thing a posting asks for, read from it (and edited by the person), on an
    application or a target organisation's opening."""

    id: int
    application_id: int | None
    opening_id: int | None
    position: int
    text: str
    mark: RequirementMark | None


Record = (
    Company
    | Contact
    | Application
    | ApplicationText
    | StatusChange
    | Interview
    | InterviewQuestion
    | Offer
    | NegotiationRound
    | NegotiationArgument
    | FeedbackRequest
    | ActionItem
    | Letter
    | Profile
    | PerfectOfferItem
    | CurrentJob
    | Conversation
    | Target
    | Opening
    | Introduction
    | Requirement
)
KINDS = (
    Company,
    Contact,
    Application,
    ApplicationText,
    StatusChange,
    Interview,
    InterviewQuestion,
    Offer,
    NegotiationRound,
    NegotiationArgument,
    FeedbackRequest,
    ActionItem,
    Letter,
    Profile,
    PerfectOfferItem,
    CurrentJob,
    Conversation,
    Target,
    Opening,
    Introduction,
    Requirement,
)
