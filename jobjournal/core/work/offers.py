"""Offers and their negotiation: recording them, the deadline to answer, the rounds of
asking, and what accepting one does to the rest of the search.

The advice behind the rules (see `../shared/domain/`): answer within about two business
days; after a verbal offer, wait for the full written one before naming a number; two
rounds of negotiation is about the most before it starts to count against you; once you
accept, tell every other process you are leaving it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from jobjournal.core.errors import InvalidInput, JournalError
from jobjournal.core.records import plain, validation
from jobjournal.core.records.changes import Changes
from jobjournal.core.records.journal import StatusMove, record_move
from jobjournal.core.storage import models as m
from jobjournal.core.storage.models import Status

if TYPE_CHECKING:
    from jobjournal.core.records.journal import Journal

BUSINESS_DAYS_TO_RESPOND = 2
ADVISED_ROUNDS = 2
SATURDAY = 5

VERBAL_REMINDER = (
    "This offer is verbal. Before you name a number, ask for the full offer in writing: "
    "bonus, equity, time off and benefits can change what the base salary is worth, and "
    "a number said too early is hard to take back."
)


class TooManyRounds(JournalError):
    """Starting another round past the advised two: the caller asks the person first."""

    def __init__(self, number: int) -> None:
        super().__init__(
            f"This would be round {number}. Two rounds is about as far as a negotiation "
            "usually goes: past that, employers start to wonder whether you want the job, "
            "and the offer itself can be withdrawn. Consider whether their last answer is "
            "good enough, or whether this is the point to walk away."
        )
        self.number = number


# -- the deadline ---------------------------------------------------------------------------


def business_days_after(day: date, count: int) -> date:
    """The `count`-th weekday after `day` (Saturdays and Sundays skipped)."""
    current = day
    while count > 0:
        current += timedelta(days=1)
        if current.weekday() < SATURDAY:
            count -= 1
    return current


def respond_by_for(received: date) -> date:
    """The usual answer-by date: two business days after the offer arrived."""
    return business_days_after(received, BUSINESS_DAYS_TO_RESPOND)


def arrival_day(moment: datetime, zone: tzinfo | None = None) -> date:
    """The day an offer arrived where the person is. An email stamped in another time
    zone can arrive on a different day here; a time without a zone is already local."""
    if moment.tzinfo is None:
        return moment.date()
    return moment.astimezone(zone).date()


@dataclass(frozen=True)
class Countdown:
    days_left: int  # negative once past
    text: str
    urgent: bool  # today, tomorrow, or past


def countdown(respond_by: date | None, today: date) -> Countdown | None:
    if respond_by is None:
        return None
    days = (respond_by - today).days
    if days < 0:
        late = "1 day" if days == -1 else f"{-days} days"
        return Countdown(days, f"answer was due {late} ago", True)
    if days == 0:
        return Countdown(days, "answer due today", True)
    if days == 1:
        return Countdown(days, "answer due tomorrow", True)
    return Countdown(days, f"{days} days left to answer", False)


# -- recording an offer ---------------------------------------------------------------------

_MOVES_TO_OFFER = frozenset(
    {Status.APPLIED, Status.SCREENING, Status.INTERVIEWING, Status.NO_RESPONSE}
)


def record_offer(journal: Journal, application_id: int, **fields: Any) -> Changes:
    """Add an offer (`Changes.id`; its respond-by date defaulting to two business days
    after it came) and move the application to "Offer" when it was still earlier in the
    pipeline: one transaction, undone whole."""

    received = fields.get("received_on") or date.today()
    fields = {"received_on": received, **fields}
    if fields.get("respond_by") is None:
        fields["respond_by"] = respond_by_for(received)
    fields = validation.clean(m.Offer, {"application_id": application_id, **fields})
    with journal.recorded() as (session, log):
        application = session.get(m.Application, application_id)
        if application is None:
            raise InvalidInput("That application no longer exists.")
        offer = m.Offer(**fields)
        validation.check_record(offer)
        session.add(offer)
        session.flush()
        if Status(application.status) in _MOVES_TO_OFFER:
            # Dated today, not on the offer's day: a change may not predate the last one.
            record_move(session, StatusMove(application_id, Status.OFFER), date.today(), "")
        return log.undo(session).changes(offer.id)


# -- negotiation rounds ---------------------------------------------------------------------


@dataclass(frozen=True)
class Argument:
    kind: str  # a key of models.ARGUMENT_KINDS
    detail: str
    source: str = ""


@dataclass(frozen=True)
class Round:
    """One round as its form shows it: what I asked and why, and what they answered."""

    asked_on: date
    asked_base_cents: int | None = None
    asked_items: tuple[str, ...] = ()  # each thing beyond salary, one per entry
    arguments: tuple[Argument, ...] = ()
    own_words: str = ""
    answered_on: date | None = None
    answered_base_cents: int | None = None
    answer: str = ""
    number: int = 0  # given by the journal


def next_round_warning(offer: plain.Offer) -> TooManyRounds | None:
    """The warning to show before starting the next round, when it is past the advice."""
    number = len(offer.rounds) + 1
    return TooManyRounds(number) if number > ADVISED_ROUNDS else None


def save_round(
    journal: Journal,
    offer_id: int,
    written: Round,
    round_id: int | None = None,
    *,
    past_advice: bool = False,
) -> Changes:
    """Store a new round (`round_id` None) or rewrite one, with its arguments, in one
    transaction (`Changes.id` is the round's). A third round and later needs
    `past_advice=True`: the person was warned. A new round moves an application at
    "Offer" to "Negotiating", in the same transaction."""

    fields = validation.clean(m.NegotiationRound, _round_fields(written))
    arguments = [_argument_fields(a, position) for position, a in enumerate(_kept(written))]
    with journal.recorded() as (session, log):
        offer = session.get(m.Offer, offer_id)
        if offer is None:
            raise InvalidInput("That offer no longer exists.")
        record = _round_record(session, offer, round_id, past_advice)
        for name, value in fields.items():
            setattr(record, name, value)
        validation.check_record(record)
        record.reasons = [m.NegotiationArgument(**a) for a in arguments]
        session.flush()
        application = session.get(m.Application, offer.application_id)
        if round_id is None and application is not None and application.status == Status.OFFER:
            move = StatusMove(application.id, Status.NEGOTIATING)
            record_move(session, move, date.today(), "")
        return log.undo(session).changes(record.id)


def _round_record(
    session: Session, offer: m.Offer, round_id: int | None, past_advice: bool
) -> m.NegotiationRound:
    if round_id is not None:
        found = session.get(m.NegotiationRound, round_id)
        if found is None or found.offer_id != offer.id:
            raise InvalidInput("That negotiation round no longer exists.")
        return found
    count = session.scalar(select(func.count()).where(m.NegotiationRound.offer_id == offer.id))
    number = int(count or 0) + 1
    if number > ADVISED_ROUNDS and not past_advice:
        raise TooManyRounds(number)
    record = m.NegotiationRound(offer_id=offer.id, number=number)
    session.add(record)
    return record


def _round_fields(written: Round) -> dict[str, Any]:
    return {
        "asked_on": written.asked_on,
        "asked_base_cents": written.asked_base_cents,
        "asked_other": "\n".join(item.strip() for item in written.asked_items if item.strip()),
        "arguments": written.own_words.strip(),
        "answered_on": written.answered_on,
        "answered_base_cents": written.answered_base_cents,
        "answer": written.answer.strip(),
    }


def _kept(written: Round) -> list[Argument]:
    """The arguments worth storing; market data must say where it comes from, because a
    figure nobody can check persuades nobody."""
    kept = [a for a in written.arguments if a.detail.strip()]
    for argument in kept:
        if argument.kind == "market" and not argument.source.strip():
            raise InvalidInput(
                f"Say where the market data “{argument.detail.strip()}” comes from (a "
                "salary survey, a site, a published range), so it can be checked."
            )
    return kept


def _argument_fields(argument: Argument, position: int) -> dict[str, Any]:
    if argument.kind not in m.ARGUMENT_KINDS:
        raise InvalidInput(f"Unknown kind of argument {argument.kind!r}.")
    return validation.clean(
        m.NegotiationArgument,
        {
            "position": position,
            "kind": argument.kind,
            "detail": argument.detail.strip(),
            "source": argument.source.strip(),
        },
    )


def round_of(record: plain.NegotiationRound) -> Round:
    """A stored round (loaded with its arguments) as the form shows it."""
    return Round(
        asked_on=record.asked_on,
        asked_base_cents=record.asked_base_cents,
        asked_items=tuple(line.strip() for line in record.asked_other.splitlines() if line.strip()),
        arguments=tuple(Argument(a.kind, a.detail, a.source) for a in record.reasons),
        own_words=record.arguments,
        answered_on=record.answered_on,
        answered_base_cents=record.answered_base_cents,
        answer=record.answer,
        number=record.number,
    )


def argument_sentence(argument: plain.NegotiationArgument | Argument) -> str:
    """An argument as a sentence a letter can carry."""
    text = argument.detail.strip().rstrip(".")
    if argument.source.strip():
        text += f" ({argument.source.strip().rstrip('.')})"
    return text[:1].upper() + text[1:] + "."


# -- accepting one offer ends the others ----------------------------------------------------

# Other applications still in play when I accept an offer, and how each one ends.
_ENDS_AS = {
    Status.SAVED: Status.WITHDRAWN,
    Status.APPLIED: Status.WITHDRAWN,
    Status.SCREENING: Status.WITHDRAWN,
    Status.INTERVIEWING: Status.WITHDRAWN,
    Status.NO_RESPONSE: Status.WITHDRAWN,
    Status.OFFER: Status.DECLINED,  # an offer on the table is declined, not withdrawn
    Status.NEGOTIATING: Status.DECLINED,
}
ACCEPTED_ELSEWHERE = "accepted_other_offer"


@dataclass(frozen=True)
class Ending:
    """What accepting another offer does to one application."""

    application_id: int
    company: str
    job_title: str
    status: Status
    becomes: Status
    letter_kind: m.ApplicationLetterKind | None  # None: never applied, nobody to write to

    @property
    def label(self) -> str:
        return f"{self.company} — {self.job_title} ({self.status.label} → {self.becomes.label})"


def others_to_end(journal: Journal, accepted_id: int) -> list[Ending]:
    """Every other application still in play, by company."""
    with journal.session() as session:
        rows = session.execute(
            select(m.Application.id, m.Company.name, m.Application.job_title, m.Application.status)
            .join(m.Company, m.Company.id == m.Application.company_id)
            .where(m.Application.status.in_([s.value for s in _ENDS_AS]))
            .where(m.Application.id != accepted_id)
            .order_by(m.Company.name_order, m.Application.id)
        ).all()
    return [_ending(row.id, row.name, row.job_title, Status(row.status)) for row in rows]


def _ending(application_id: int, company: str, title: str, status: Status) -> Ending:
    becomes = _ENDS_AS[status]
    letter: m.ApplicationLetterKind | None
    if status == Status.SAVED:
        letter = None
    else:
        letter = "decline_offer" if becomes == Status.DECLINED else "withdraw"
    return Ending(application_id, company, title, status, becomes, letter)


def accept(journal: Journal, application_id: int, end: list[int] | None = None) -> Changes:
    """Mark the offer accepted and end the other applications in `end` (ids; None: every
    one still in play) with the reason "accepted another offer", all in one transaction.
    Nothing else in the journal changes; undone whole."""

    endings = _chosen_endings(journal, application_id, end)
    moves = [StatusMove(application_id, Status.ACCEPTED)] + [
        StatusMove(e.application_id, e.becomes, ACCEPTED_ELSEWHERE) for e in endings
    ]
    return journal.set_statuses(moves)


def end_others(journal: Journal, accepted_id: int, end: list[int] | None = None) -> Changes:
    """The same ending of other applications, for an offer already marked accepted."""

    endings = _chosen_endings(journal, accepted_id, end)
    moves = [StatusMove(e.application_id, e.becomes, ACCEPTED_ELSEWHERE) for e in endings]
    return journal.set_statuses(moves) if moves else Changes()


def _chosen_endings(journal: Journal, accepted_id: int, end: list[int] | None) -> list[Ending]:
    in_play = others_to_end(journal, accepted_id)
    if end is None:
        return in_play
    by_id = {ending.application_id: ending for ending in in_play}
    for application_id in end:
        if application_id not in by_id:  # ended meanwhile, or never another one in play
            record = journal.get(plain.Application, application_id)
            raise InvalidInput(
                f"{record.company.name} — {record.job_title}: it is "
                f"{Status(record.status).label.lower()} now, not in progress, so accepting "
                "another offer cannot end it."
            )
    return [by_id[application_id] for application_id in end]
