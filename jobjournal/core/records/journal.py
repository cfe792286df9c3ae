"""The journal a person works in: an unlocked vault plus the operations on its records.

Every operation is one transaction. Mutating ones check their input first (a refusal is
an InvalidInput that names the problem, and nothing is written) and return `Changes`
saying what they touched, so a view redraws only that. Those that can be undone carry
`Changes.undo`, data that `Journal.undo` applies in one transaction; what that returns
carries the undo's own inverse, which redoes the operation.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from sqlalchemy import Connection, func, inspect, select
from sqlalchemy.orm import Session

from jobjournal.core.errors import InvalidInput, JournalError
from jobjournal.core.records import changes as ch
from jobjournal.core.records import (
    copying,
    dates,
    folding,
    listing,
    plain,
    search,
    transitions,
    undo,
    validation,
)
from jobjournal.core.records.changes import Changes
from jobjournal.core.storage import models as m
from jobjournal.core.storage.models import Status

if TYPE_CHECKING:
    from jobjournal.core.storage.vault import Vault

Record = TypeVar("Record", bound=m.Base)
Plain = TypeVar("Plain", bound=plain.Record)
# An operation names the kind of record it changes by its plain record or its model.
Kind = type[m.Base] | type[plain.Record]

# What each record needs to exist before it can point at it.
_PARENTS: dict[str, tuple[type[m.Base], str]] = {
    "company_id": (m.Company, "company"),
    "application_id": (m.Application, "application"),
    "interview_id": (m.Interview, "interview"),
    "offer_id": (m.Offer, "offer"),
    "round_id": (m.NegotiationRound, "negotiation round"),
    "feedback_request_id": (m.FeedbackRequest, "feedback request"),
    "contact_id": (m.Contact, "contact"),
    "profile_id": (m.Profile, "profile"),
    "target_id": (m.Target, "target organisation"),
    "opening_id": (m.Opening, "opening"),
    "connector_id": (m.Contact, "contact"),
    "to_contact_id": (m.Contact, "contact"),
    "introduction_id": (m.Introduction, "introduction"),
}
_APPLICATION_TEXT_FIELDS = frozenset({"notes", "job_description"})
_NOUNS = {
    m.Company: "company",
    m.Contact: "contact",
    m.Application: "application",
    m.Interview: "interview",
    m.InterviewQuestion: "question",
    m.Offer: "offer",
    m.NegotiationRound: "negotiation round",
    m.NegotiationArgument: "argument",
    m.FeedbackRequest: "feedback request",
    m.ActionItem: "action item",
    m.Letter: "letter",
    m.PerfectOfferItem: "item",
    m.Conversation: "conversation",
    m.Target: "target organisation",
    m.Opening: "opening",
    m.Introduction: "introduction",
    m.Requirement: "requirement",
}


class ConfirmationNeeded(JournalError):
    """Deleting this takes other records with it; `impact` counts them by table name."""

    def __init__(self, what: str, impact: dict[str, int]) -> None:
        said = ", ".join(
            _plural(n, kind.removesuffix("s").replace("_", " ")) for kind, n in impact.items()
        )
        super().__init__(f"Deleting {what} also deletes {said}.")
        self.impact = impact


@dataclass(frozen=True)
class StatusMove:
    application_id: int
    status: Status
    reason_code: str | None = None


EntryKind = Literal["status", "interview", "offer", "letter", "feedback"]


@dataclass(frozen=True)
class TimelineEntry:
    when: date
    kind: EntryKind
    text: str
    ref_id: int
    status: str | None = None  # a status change's new status, for its colour
    made_on: str = ""  # the computer that recorded it, when the journal syncs (issue 27)


@dataclass(frozen=True)
class ApplicationRecords:
    """Everything recorded under one application, as read-only records."""

    application: plain.Application
    interviews: list[plain.Interview]
    offers: list[plain.Offer]
    feedback: list[plain.FeedbackRequest]
    letters: list[plain.Letter]


class Journal:
    """What `vault.create` and `vault.unlock` return. `lock()` ends it."""

    def __init__(self, vault: Vault) -> None:
        self.vault = vault

    @property
    def path(self) -> Path:
        return self.vault.path

    @property
    def is_locked(self) -> bool:
        return self.vault.is_locked

    def lock(self) -> None:
        self.vault.lock()

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self.vault.session() as session:
            yield session

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        with self.vault.reading() as connection:
            yield connection

    @contextmanager
    def recorded(self) -> Iterator[tuple[Session, undo.Recording]]:
        """A unit of work whose writes are recorded, so the operation can be undone."""
        with self.session() as session, undo.recording(session) as log:
            yield session, log

    def undo(self, step: undo.Undo) -> Changes:
        """Take an operation back (or, given an undo's `.undo`, redo it), in one
        transaction; refused whole, naming why, when the journal moved on since."""
        with self.session() as session:
            done = undo.apply(session, step)
        return done.inverse().changes()

    # -- generic records -----------------------------------------------------------------

    def add(self, kind: Kind, /, **fields: Any) -> Changes:
        """Create a record of this kind from checked fields; `Changes.id` is its id."""
        model = copying.model_of(kind)
        if model is m.Application:
            return self.add_application(**fields)
        fields = validation.clean(model, fields)
        with self.recorded() as (session, log):
            _require_parents(session, fields)
            record = model(**fields)
            validation.check_record(record)
            session.add(record)
            session.flush()
            return log.undo(session).changes(record.id)  # type: ignore[attr-defined]

    def update(self, kind: Kind, record_id: int, /, **fields: Any) -> Changes:
        model = copying.model_of(kind)
        if model is m.Application:
            return self.update_application(record_id, **fields)
        fields = validation.clean(model, fields)
        with self.recorded() as (session, log):
            record = _get(session, model, record_id)
            _require_parents(session, fields)
            for name, value in fields.items():
                setattr(record, name, value)
            validation.check_record(record)
            return log.undo(session).changes(record_id)

    def get(self, kind: type[Plain], record_id: int) -> Plain:
        """A read-only copy of one record, with everything it holds."""
        with self.session() as session:
            return copying.copy(_loaded(session, copying.model_of(kind), record_id))  # type: ignore[no-any-return]

    def all(self, kind: type[Plain], /, **where: Any) -> list[Plain]:
        """Read-only copies of every record of this kind with these column values."""
        model = copying.model_of(kind)
        with self.session() as session:
            query = select(model).filter_by(**where).order_by(*inspect(model).primary_key)
            found = session.scalars(query.options(*copying.eager(model)))
            return [copying.copy(record) for record in found]

    def delete(self, kind: Kind, record_id: int, *, confirm: bool = False) -> Changes:
        """Delete a record. When others go with it, only with `confirm=True`."""
        model = copying.model_of(kind)
        with self.session() as session:
            record = _get(session, model, record_id)
            impact = _impact(session, model, record_id)
            if impact and not confirm:
                raise ConfirmationNeeded(_describe(session, model, record), impact)
            if model is m.Company:
                _refuse_company_with_applications(session, record_id)
            session.delete(record)
            return ch.deleted(model.__tablename__, [record_id])

    def deletion_impact(self, kind: Kind, record_id: int) -> dict[str, int]:
        """What would go with this record: how many of each kind (by table name), only
        the kinds it has. Words for a person are the window's to make."""
        with self.session() as session:
            return _impact(session, copying.model_of(kind), record_id)

    # -- applications -------------------------------------------------------------------

    def add_application(
        self,
        *,
        status: Status = Status.SAVED,
        on: date | None = None,
        contact_ids: list[int] | None = None,
        **fields: Any,
    ) -> Changes:
        """A new application, starting at `status` (any status that is not an ending).
        The company is given by id (`company_id`) or by name (`company`: found ignoring
        case and composition, or added with it)."""
        status = Status(status)
        if status not in transitions.ACTIVE:
            raise InvalidInput(
                "A new application starts in the pipeline; record how it "
                "ended with a status change."
            )
        company = _company_name(fields)  # taken out of the fields
        texts, fields = split_texts(fields)
        fields = validation.clean(m.Application, fields)
        with self.recorded() as (session, log):
            if company is not None:
                fields["company_id"] = _find_or_add_company(session, company)
            _require_parents(session, fields)
            if "company_id" not in fields:
                raise InvalidInput("Choose the company you are applying to.")
            record = insert_application(session, status, on, fields, texts)
            record.contacts = _contacts(session, contact_ids or [])
            _link_to_target(session, record)
            return log.undo(session).changes(record.id)

    def update_application(
        self, application_id: int, *, contact_ids: list[int] | None = None, **fields: Any
    ) -> Changes:
        """Change an application's fields (the company by id or by name, as when adding)."""
        company = _company_name(fields)  # taken out of the fields
        texts, fields = split_texts(fields)
        fields = validation.clean(m.Application, fields)
        with self.recorded() as (session, log):
            record = _get(session, m.Application, application_id)
            if company is not None:
                fields["company_id"] = _find_or_add_company(session, company)
            _require_parents(session, fields)
            for name, value in fields.items():
                setattr(record, name, value)
            for name, value in texts.items():
                setattr(record.text, name, value)
            if contact_ids is not None:
                record.contacts = _contacts(session, contact_ids)
            validation.check_record(record)
            return log.undo(session).changes(application_id)

    def application_texts(self, application_id: int) -> plain.ApplicationText:
        with self.session() as session:
            record = session.get(m.ApplicationText, application_id)
            if record is None:
                raise InvalidInput("That application no longer exists.")
            return copying.copy(record)  # type: ignore[no-any-return]

    def records_of(self, application_id: int) -> ApplicationRecords:
        """The application with its interviews, offers, feedback and letters, oldest first."""
        with self.session() as session:
            return ApplicationRecords(
                application=copying.copy(_loaded(session, m.Application, application_id)),
                interviews=_children(session, m.Interview, application_id, m.Interview.starts_at),
                offers=_children(session, m.Offer, application_id, m.Offer.received_on),
                feedback=_children(
                    session, m.FeedbackRequest, application_id, m.FeedbackRequest.asked_on
                ),
                letters=_children(session, m.Letter, application_id, m.Letter.created_at),
            )

    def find_or_add_company(self, name: str) -> Changes:
        """The company with this name (ignoring case and composition in every language),
        created if there is none."""
        with self.recorded() as (session, log):
            company_id = _find_or_add_company(session, name)
            return log.undo(session).changes(company_id)

    # -- status ------------------------------------------------------------------------

    def set_status(
        self,
        application_id: int,
        status: Status,
        *,
        on: date | None = None,
        reason_code: str | None = None,
        reason_text: str = "",
    ) -> Changes:
        """Move an application on, recording the change; endings keep who and why."""
        move = StatusMove(application_id, Status(status), reason_code)
        return self.set_statuses([move], on=on, reason_text=reason_text)

    def set_statuses(
        self, moves: list[StatusMove], *, on: date | None = None, reason_text: str = ""
    ) -> Changes:
        """Several moves in one transaction: all are recorded, or none."""
        today = date.today()
        when = on or today
        if when > today:
            raise InvalidInput("A status change cannot be dated in the future.")
        with self.recorded() as (session, log):
            for move in moves:
                record_move(session, move, when, reason_text)
            return log.undo(session).changes(moves[0].application_id if moves else None)

    def change_status_date(self, change_id: int, on: date) -> Changes:
        """Correct when a status change happened. The history keeps its order: the date
        stays between the changes before and after it, and never in the future."""
        if on > date.today():
            raise InvalidInput("A status change cannot be dated in the future.")
        with self.recorded() as (session, log):
            change = _get(session, m.StatusChange, change_id)
            record = _get(session, m.Application, change.application_id)
            history = _status_history(session, change.application_id)
            at = next(i for i, each in enumerate(history) if each.id == change_id)
            try:
                _require_between(history, at, on)
            except InvalidInput as refused:
                raise InvalidInput(f"{_application_name(session, record)}: {refused}") from refused
            if change.to_status == Status.APPLIED and record.applied_on == change.changed_on:
                record.applied_on = on  # the same day, told twice: corrected together
            change.changed_on = on
            if at == len(history) - 1:  # the current status: "since when" follows the date
                record.status_changed_at = status_since(on, change.recorded_at)
            return log.undo(session).changes(change.application_id)

    def undo_last_status_change(self, application_id: int) -> Changes:
        """Take back the latest status change (never the first, which created it)."""
        return self.undo_last_status_changes([application_id])

    def undo_last_status_changes(self, application_ids: list[int]) -> Changes:
        """Take back the latest status change of each application, in one transaction
        (for a script; the window undoes through `Changes.undo`)."""
        with self.recorded() as (session, log):
            for application_id in application_ids:
                undo_last_move(session, application_id)
            return log.undo(session).changes(application_ids[0] if application_ids else None)

    def status_history(self, application_id: int) -> list[plain.StatusChange]:
        with self.session() as session:
            return [copying.copy(change) for change in _status_history(session, application_id)]

    def timeline(self, application_id: int) -> list[TimelineEntry]:
        """Everything that happened to an application, oldest first."""
        with self.session() as session:
            _get(session, m.Application, application_id)
            entries = [
                *_status_entries(session, application_id),
                *_dated_entries(session, application_id),
            ]
            entries = _with_computers(session, entries)
        return sorted(entries, key=lambda e: (e.when, e.kind != "status"))

    # -- interviews ---------------------------------------------------------------------

    def add_question(self, interview_id: int, question: str, **fields: Any) -> Changes:
        """Append a question to an interview's list."""
        with self.session() as session:
            last = session.scalar(
                select(func.max(m.InterviewQuestion.position)).where(
                    m.InterviewQuestion.interview_id == interview_id
                )
            )
        position = (last if last is not None else -1) + 1
        return self.add(
            m.InterviewQuestion,
            interview_id=interview_id,
            question=question,
            position=position,
            **fields,
        )

    def set_people_met(self, interview_id: int, contact_ids: list[int]) -> Changes:
        with self.recorded() as (session, log):
            _get(session, m.Interview, interview_id).people = _contacts(session, contact_ids)
            return log.undo(session).changes(interview_id)

    # -- profile ------------------------------------------------------------------------

    def profile(self) -> plain.Profile:
        return self.get(plain.Profile, 1)

    def update_profile(self, **fields: Any) -> Changes:
        return self.update(m.Profile, 1, **fields)

    # -- reading lists ------------------------------------------------------------------

    def list_applications(
        self,
        wanted: listing.ApplicationFilter = listing.NO_FILTER,
        sort: str = "status_changed_at",
        descending: bool = True,
        offset: int = 0,
        limit: int = 200,
    ) -> list[listing.ApplicationRow]:
        with self.vault.reading() as connection:
            return listing.list_applications(connection, wanted, sort, descending, offset, limit)

    def list_ids(
        self,
        wanted: listing.ApplicationFilter = listing.NO_FILTER,
        sort: str = "status_changed_at",
        descending: bool = True,
        limit: int = 200,
    ) -> list[int]:
        with self.vault.reading() as connection:
            return listing.list_ids(connection, wanted, sort, descending, limit)

    def rows_by_id(self, ids: list[int]) -> dict[int, listing.ApplicationRow]:
        with self.vault.reading() as connection:
            return listing.rows_by_id(connection, ids)

    def position_of(
        self,
        application_id: int,
        wanted: listing.ApplicationFilter = listing.NO_FILTER,
        sort: str = "status_changed_at",
        descending: bool = True,
    ) -> int | None:
        with self.vault.reading() as connection:
            return listing.position_of(connection, application_id, wanted, sort, descending)

    def is_listed(
        self, application_id: int, wanted: listing.ApplicationFilter = listing.NO_FILTER
    ) -> bool:
        with self.vault.reading() as connection:
            return listing.is_listed(connection, application_id, wanted)

    def count_applications(self, wanted: listing.ApplicationFilter = listing.NO_FILTER) -> int:
        with self.vault.reading() as connection:
            return listing.count_applications(connection, wanted)

    def status_counts(
        self, wanted: listing.ApplicationFilter = listing.NO_FILTER
    ) -> dict[Status, int]:
        with self.vault.reading() as connection:
            return listing.status_counts(connection, wanted)

    def search(self, typed: str, limit: int = 20) -> list[search.SearchHit]:
        with self.vault.reading() as connection:
            return search.search(connection, typed, limit)


# ---------------------------------------------------------------------------------------
# Helpers (each works inside the caller's session)


def _get(session: Session, model: type[Record], record_id: int) -> Record:
    record = session.get(model, record_id)
    if record is None:
        raise InvalidInput(f"That {_NOUNS.get(model, 'record')} no longer exists.")
    return record


def _loaded(session: Session, model: type[Record], record_id: int) -> Record:
    query = select(model).where(model.id == record_id)  # type: ignore[attr-defined]
    query = query.options(*copying.eager(model))
    record = session.scalars(query).one_or_none()
    if record is None:
        raise InvalidInput(f"That {_NOUNS.get(model, 'record')} no longer exists.")
    return record


def _children(session: Session, model: type[Record], application_id: int, when: Any) -> list[Any]:
    """Plain copies of the application's records of one kind, in the order of `when`."""
    query = select(model).where(model.application_id == application_id)  # type: ignore[attr-defined]
    query = query.options(*copying.eager(model))
    found = session.scalars(query.order_by(when, model.id))  # type: ignore[attr-defined]
    return [copying.copy(record) for record in found]


def _require_parents(session: Session, fields: dict[str, Any]) -> None:
    for field, (model, noun) in _PARENTS.items():
        parent_id = fields.get(field)
        if parent_id is not None and session.get(model, parent_id) is None:
            raise InvalidInput(f"That {noun} no longer exists.")


def _contacts(session: Session, contact_ids: Any) -> list[m.Contact]:
    found = [session.get(m.Contact, i) for i in contact_ids]
    if any(contact is None for contact in found):
        raise InvalidInput("One of those contacts no longer exists.")
    return [c for c in found if c is not None]


def split_texts(fields: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    texts = {k: v for k, v in fields.items() if k in _APPLICATION_TEXT_FIELDS}
    rest = {k: v for k, v in fields.items() if k not in _APPLICATION_TEXT_FIELDS}
    return validation.clean(m.ApplicationText, texts), rest


def _company_name(fields: dict[str, Any]) -> str | None:
    """Take a company given by name out of the fields (None when given by id)."""
    if "company" not in fields:
        return None
    name = fields.pop("company")
    if not name:
        raise InvalidInput("Type the name of the company.")
    return str(name)


def _find_or_add_company(session: Session, name: str) -> int:
    clean_name = validation.clean(m.Company, {"name": name})["name"]
    found = session.scalars(
        select(m.Company.id).where(m.Company.name_fold == folding.fold(clean_name))
    ).first()
    if found is not None:
        return found
    company = m.Company(name=clean_name)
    validation.check_record(company)
    session.add(company)
    session.flush()
    return company.id


def _link_to_target(session: Session, application: m.Application) -> None:
    """An application to a target organisation not yet applied to becomes that target's
    application, as one made from the target would (issue 26)."""
    target = session.scalars(
        select(m.Target).where(
            m.Target.company_id == application.company_id, m.Target.application_id.is_(None)
        )
    ).first()
    if target is not None:
        target.application_id = application.id
        target.status = "applied"


def status_since(day: date, recorded_at: datetime) -> datetime:
    """When an application's current status began, as the list shows and sorts it ("Last
    change"): the day the person gave for the change, at the time it was recorded (which
    orders the changes of one day)."""
    return datetime.combine(day, recorded_at.time())


def insert_application(
    session: Session, status: Status, on: date | None, fields: dict[str, Any], texts: dict[str, Any]
) -> m.Application:
    """A new application with its first status change, inside a caller's transaction;
    `fields` and `texts` are already cleaned."""
    now = datetime.now()
    since = status_since(on or now.date(), now)
    record = m.Application(status=status.value, status_changed_at=since, created_at=now, **fields)
    validation.check_record(record)
    record.text = m.ApplicationText(**texts)
    session.add(record)
    session.flush()
    session.add(
        m.StatusChange(
            application_id=record.id,
            from_status=None,
            to_status=status.value,
            changed_on=on or now.date(),
            recorded_at=now,
        )
    )
    return record


def record_move(session: Session, move: StatusMove, when: date, reason_text: str) -> None:
    """One status move inside a caller's transaction (checked like any other).

    A refusal names the application: in a move of several (accepting one offer ends the
    others) the person must know which one stopped it.
    """
    record = _get(session, m.Application, move.application_id)
    try:
        transitions.check_reason(move.status, move.reason_code)
        transitions.check_transition(Status(record.status), move.status)
        _require_not_before_last_change(session, move.application_id, when)
    except InvalidInput as refused:
        raise InvalidInput(f"{_application_name(session, record)}: {refused}") from refused
    session.add(
        m.StatusChange(
            application_id=move.application_id,
            from_status=record.status,
            to_status=move.status.value,
            changed_on=when,
            recorded_at=datetime.now(),
            ended_by=transitions.ENDED_BY_STATUS.get(move.status),
            reason_code=move.reason_code,
            reason_text=reason_text,
        )
    )
    record.status = move.status.value
    record.status_changed_at = status_since(when, datetime.now())
    if move.status == Status.APPLIED and record.applied_on is None:
        record.applied_on = when  # saved, then applied: the day it was sent


def undo_last_move(session: Session, application_id: int) -> None:
    """Take back the latest status change inside a caller's transaction."""
    record = _get(session, m.Application, application_id)
    history = _status_history(session, application_id)
    if len(history) < 2:
        raise InvalidInput("There is no status change to undo.")
    session.delete(history[-1])
    record.status = history[-2].to_status
    record.status_changed_at = status_since(history[-2].changed_on, history[-2].recorded_at)


def _status_history(session: Session, application_id: int) -> list[m.StatusChange]:
    query = (
        select(m.StatusChange)
        .where(m.StatusChange.application_id == application_id)
        .order_by(m.StatusChange.changed_on, m.StatusChange.id)
    )
    return list(session.scalars(query))


def _require_between(history: list[m.StatusChange], at: int, on: date) -> None:
    moved = Status(history[at].to_status).label
    if at > 0 and on < history[at - 1].changed_on:
        before = history[at - 1]
        raise InvalidInput(
            f"“{moved}” cannot be dated before the change it follows "
            f"(“{Status(before.to_status).label}” on {dates.day_text(before.changed_on)})."
        )
    if at + 1 < len(history) and on > history[at + 1].changed_on:
        after = history[at + 1]
        raise InvalidInput(
            f"“{moved}” cannot be dated after the change that follows it "
            f"(“{Status(after.to_status).label}” on {dates.day_text(after.changed_on)})."
        )


def _application_name(session: Session, record: m.Application) -> str:
    company = session.get(m.Company, record.company_id)
    return f"{company.name if company else 'An application'} — {record.job_title}"


def _require_not_before_last_change(session: Session, application_id: int, when: date) -> None:
    history = _status_history(session, application_id)
    if history and when < history[-1].changed_on:
        raise InvalidInput(
            "That date is before the last status change "
            f"({dates.day_text(history[-1].changed_on)})."
        )


_ENTRY_TABLES = {
    "status": "status_changes",
    "interview": "interviews",
    "offer": "offers",
    "letter": "letters",
    "feedback": "feedback_requests",
}


def _with_computers(session: Session, entries: list[TimelineEntry]) -> list[TimelineEntry]:
    """When the journal syncs, each entry names the computer that recorded it."""
    from dataclasses import replace

    from jobjournal.core.sync import capture
    from jobjournal.core.sync import merge as sync

    connection = session.connection()
    if not capture.is_installed(connection):
        return entries
    names = {
        kind: sync.made_on(connection, table, [e.ref_id for e in entries if e.kind == kind])
        for kind, table in _ENTRY_TABLES.items()
    }
    return [replace(e, made_on=names[e.kind].get(e.ref_id, "")) for e in entries]


def _status_entries(session: Session, application_id: int) -> list[TimelineEntry]:
    entries = []
    for change in _status_history(session, application_id):
        text = Status(change.to_status).label
        if change.to_status == Status.REJECTED and change.from_status:
            text += f" at the {Status(change.from_status).label.lower()} stage"
        if change.reason_code:
            text += f" — {m.REASONS[change.reason_code]}"
        if change.reason_text:
            text += f": {change.reason_text}"
        entries.append(
            TimelineEntry(change.changed_on, "status", text, change.id, change.to_status)
        )
    return entries


def _dated_entries(session: Session, application_id: int) -> list[TimelineEntry]:
    entries = []
    for interview in session.scalars(
        select(m.Interview).where(
            m.Interview.application_id == application_id, m.Interview.starts_at.is_not(None)
        )
    ):
        round_name = m.INTERVIEW_ROUNDS.get(interview.round, interview.round)
        when = interview.starts_at.date() if interview.starts_at else None
        if when is not None:
            entries.append(
                TimelineEntry(when, "interview", f"Interview: {round_name}", interview.id)
            )
    for offer in session.scalars(select(m.Offer).where(m.Offer.application_id == application_id)):
        entries.append(
            TimelineEntry(
                offer.received_on, "offer", f"{m.OFFER_KINDS[offer.kind]} offer received", offer.id
            )
        )
    for letter in session.scalars(
        select(m.Letter).where(m.Letter.application_id == application_id)
    ):
        entries.append(
            TimelineEntry(
                letter.created_at.date(),
                "letter",
                f"Letter: {m.LETTER_KINDS.get(letter.kind, letter.kind)}",
                letter.id,
            )
        )
    for request in session.scalars(
        select(m.FeedbackRequest).where(m.FeedbackRequest.application_id == application_id)
    ):
        entries.append(
            TimelineEntry(request.asked_on, "feedback", "Asked for feedback", request.id)
        )
    return entries


def _count(session: Session, model: type[m.Base], *where: Any) -> int:
    return int(session.scalar(select(func.count()).select_from(model).where(*where)) or 0)


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _impact(session: Session, model: type[m.Base], record_id: int) -> dict[str, int]:
    """Records that would go with this one: how many of each kind."""
    if model is m.Application:
        return _application_impact(session, record_id)
    kinds_below: dict[type[m.Base], list[tuple[type[m.Base], Any]]] = {
        m.Interview: [(m.InterviewQuestion, m.InterviewQuestion.interview_id)],
        m.Offer: [(m.NegotiationRound, m.NegotiationRound.offer_id)],
        m.FeedbackRequest: [(m.ActionItem, m.ActionItem.feedback_request_id)],
        m.Contact: [
            (m.Conversation, m.Conversation.contact_id),
            (m.Introduction, m.Introduction.connector_id),
        ],
        m.Target: [
            (m.Opening, m.Opening.target_id),
            (m.Introduction, m.Introduction.target_id),
        ],
        m.Introduction: [(m.Letter, m.Letter.introduction_id)],
    }
    counts = {
        child.__tablename__: _count(session, child, key == record_id)
        for child, key in kinds_below.get(model, [])
    }
    return {kind: n for kind, n in counts.items() if n}


def _application_impact(session: Session, application_id: int) -> dict[str, int]:
    interview_ids = select(m.Interview.id).where(m.Interview.application_id == application_id)
    offer_ids = select(m.Offer.id).where(m.Offer.application_id == application_id)
    counts = {
        "interviews": _count(session, m.Interview, m.Interview.application_id == application_id),
        "interview_questions": _count(
            session, m.InterviewQuestion, m.InterviewQuestion.interview_id.in_(interview_ids)
        ),
        "offers": _count(session, m.Offer, m.Offer.application_id == application_id),
        "negotiation_rounds": _count(
            session, m.NegotiationRound, m.NegotiationRound.offer_id.in_(offer_ids)
        ),
        "feedback_requests": _count(
            session, m.FeedbackRequest, m.FeedbackRequest.application_id == application_id
        ),
        "letters": _count(session, m.Letter, m.Letter.application_id == application_id),
    }
    return {kind: n for kind, n in counts.items() if n}


def _describe(session: Session, model: type[m.Base], record: Any) -> str:
    if model is m.Application:
        return f"“{record.job_title}” at {record.company.name}"
    return f"this {_NOUNS.get(model, 'record')}"


def _refuse_company_with_applications(session: Session, company_id: int) -> None:
    n = _count(session, m.Application, m.Application.company_id == company_id)
    if n:
        raise InvalidInput(f"This company has {_plural(n, 'application')}. Delete those first.")
