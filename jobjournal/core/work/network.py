"""The person's network: contacts as records of their own, the organisations they want to
work for (targets), and introductions asked of the people who can open a door there.

The advice behind it (../shared/domain, on asking a network for help): choose the
organisations first, measure yourself against their openings, and ask a former colleague
or a friend of a friend for an introduction by email; once introduced, reply, say again
why the organisation interests you and ask for a short call for suggestions; thank the
person who made the introduction. Each step here is a record, and the Due list reminds
of the step that waits (`due.py`).

Every operation is one recorded transaction (one undo), as in `Journal`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, Literal

from sqlalchemy import and_, func, or_, select

from jobjournal.core.errors import InvalidInput
from jobjournal.core.records import folding, plain, validation
from jobjournal.core.records.journal import (
    _find_or_add_company,
    _get,
    _require_parents,
    insert_application,
    split_texts,
)
from jobjournal.core.storage import models as m
from jobjournal.core.storage.models import Status

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from jobjournal.core.records.changes import Changes
    from jobjournal.core.records.journal import Journal

ContactOrder = Literal["last_contact", "name", "follow_up"]
CONTACT_ORDERS: dict[ContactOrder, str] = {
    "last_contact": "Last contact, latest first",
    "name": "Name",
    "follow_up": "Next follow-up, soonest first",
}
NO_ANSWER_AFTER = timedelta(days=7)  # an introduction asked this long ago deserves a nudge
# Target statuses in the order a search moves through them.
TARGET_ORDER = tuple(m.TARGET_STATUSES)


# -- contacts -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ContactRow:
    """One line of the Contacts window, read without loading the record."""

    id: int
    name: str
    title: str
    organisation: str
    relation: str
    last_contacted_on: date | None
    follow_up_on: date | None


def contact_rows(
    journal: Journal, typed: str = "", order: ContactOrder = "last_contact"
) -> list[ContactRow]:
    """Every contact whose name or organisation holds `typed` (in any case or
    composition), in `order`; blank dates last."""
    query = select(
        m.Contact.id,
        m.Contact.name,
        m.Contact.title,
        func.coalesce(m.Company.name, ""),
        m.Contact.relation,
        m.Contact.last_contacted_on,
        m.Contact.follow_up_on,
    ).outerjoin(m.Company, m.Company.id == m.Contact.company_id)
    wanted = folding.fold(typed.strip())
    if wanted:
        pattern = "%" + wanted.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        query = query.where(
            or_(
                m.Contact.name_fold.like(pattern, escape="\\"),
                m.Company.name_fold.like(pattern, escape="\\"),
            )
        )
    query = query.order_by(*_contact_order(order), m.Contact.name_order, m.Contact.id)
    with journal.reading() as connection:
        return [ContactRow(*row) for row in connection.execute(query)]


def _contact_order(order: ContactOrder) -> list[Any]:
    if order == "last_contact":
        day = m.Contact.last_contacted_on
        return [day.is_(None), day.desc()]
    if order == "follow_up":
        day = m.Contact.follow_up_on
        return [day.is_(None), day]
    return []


def save_contact(
    journal: Journal, contact_id: int | None, *, organisation: str = "", **fields: Any
) -> Changes:
    """Add a contact (`contact_id` None) or change one; the organisation is given by name,
    found ignoring case and composition or added (blank: none)."""
    fields = validation.clean(m.Contact, fields)
    with journal.recorded() as (session, log):
        fields["company_id"] = (
            _find_or_add_company(session, organisation) if organisation.strip() else None
        )
        if contact_id is None:
            if not fields.get("name"):
                raise InvalidInput("Name cannot be empty.")
            contact = m.Contact(**fields)
            session.add(contact)
        else:
            contact = _get(session, m.Contact, contact_id)
            for name, value in fields.items():
                setattr(contact, name, value)
        session.flush()
        return log.undo(session).changes(contact.id)


def add_conversation(
    journal: Journal,
    contact_id: int,
    held_on: date,
    note: str,
    channel: str | None = None,
    follow_up_on: date | None = None,
) -> Changes:
    """A note of a conversation; the contact's last contact moves to its day if later. A
    follow-up due by then is done; `follow_up_on` sets the next (one promised in it)."""
    fields = validation.clean(
        m.Conversation, {"held_on": held_on, "note": note, "channel": channel}
    )
    next_one = validation.clean(m.Contact, {"follow_up_on": follow_up_on})["follow_up_on"]
    with journal.recorded() as (session, log):
        contact = _get(session, m.Contact, contact_id)
        conversation = m.Conversation(contact_id=contact_id, **fields)
        session.add(conversation)
        _contacted(contact, fields["held_on"])
        if contact.follow_up_on is not None and contact.follow_up_on <= fields["held_on"]:
            contact.follow_up_on = None
        if next_one is not None:
            contact.follow_up_on = next_one
        session.flush()
        return log.undo(session).changes(conversation.id)


def _contacted(contact: m.Contact, on: date) -> None:
    if contact.last_contacted_on is None or contact.last_contacted_on < on:
        contact.last_contacted_on = on


TimelineKind = Literal["conversation", "interview", "introduction", "letter", "feedback"]


@dataclass(frozen=True)
class ContactEvent:
    """One thing on a contact's timeline."""

    day: date
    kind: TimelineKind
    text: str
    ref_id: int  # the conversation, interview, introduction, letter or feedback request
    application_id: int | None = None


def contact_timeline(journal: Journal, contact_id: int) -> list[ContactEvent]:
    """Everything the journal holds with this person, newest first: conversations,
    interviews they were at, introductions they made or were the aim of, the letters of
    those introductions, and feedback asked of them."""
    with journal.session() as session:
        contact = _get(session, m.Contact, contact_id)
        events = [
            *_conversations(session, contact_id),
            *_interviews_with(session, contact_id),
            *_introductions_with(session, contact),
            *_letters_to(session, contact),
            *_feedback_asked(session, contact_id),
        ]
    return sorted(events, key=lambda e: (e.day, e.kind, e.ref_id), reverse=True)


def _conversations(session: Session, contact_id: int) -> list[ContactEvent]:
    found = session.scalars(select(m.Conversation).where(m.Conversation.contact_id == contact_id))
    return [ContactEvent(c.held_on, "conversation", _conversation_text(c), c.id) for c in found]


def _conversation_text(conversation: m.Conversation) -> str:
    how = m.CHANNELS.get(conversation.channel or "", "")
    head = f"Talked ({how.lower()})" if how else "Talked"
    return f"{head}: {conversation.note}" if conversation.note.strip() else head


def _interviews_with(session: Session, contact_id: int) -> list[ContactEvent]:
    query = (
        select(m.Interview.id, m.Interview.starts_at, m.Interview.round, m.Application)
        .join(m.interview_contacts, m.interview_contacts.c.interview_id == m.Interview.id)
        .join(m.Application, m.Application.id == m.Interview.application_id)
        .where(m.interview_contacts.c.contact_id == contact_id)
    )
    events = []
    for interview_id, starts_at, round_, application in session.execute(query):
        if starts_at is None:
            continue  # a meeting not yet given a time has no place on a timeline
        kind = m.INTERVIEW_ROUNDS.get(round_ or "", "")
        what = f"Interview ({kind.lower()})" if kind else "Interview"
        where = f"{application.job_title} at {application.company.name}"
        events.append(
            ContactEvent(
                starts_at.date(), "interview", f"{what} for {where}", interview_id, application.id
            )
        )
    return events


def _introductions_with(session: Session, contact: m.Contact) -> list[ContactEvent]:
    query = select(m.Introduction).where(
        or_(m.Introduction.connector_id == contact.id, m.Introduction.to_contact_id == contact.id)
    )
    events = []
    for intro in session.scalars(query):
        organisation = intro.target.company.name
        asked = contact.id == intro.connector_id
        if asked:
            text = f"Asked to introduce you to {intro.to_name} at {organisation}"
            events.append(ContactEvent(intro.asked_on, "introduction", text, intro.id))
        if intro.made_on is not None:
            text = (
                f"Introduced you to {intro.to_name} at {organisation}"
                if asked
                else f"Introduced to you by {intro.connector.name}"
            )
            events.append(ContactEvent(intro.made_on, "introduction", text, intro.id))
        letters = session.scalars(select(m.Letter).where(m.Letter.introduction_id == intro.id))
        for letter in letters:
            to_connector = letter.kind != "introduction_follow_up"
            if to_connector == asked:
                label = m.ALL_LETTER_KINDS.get(letter.kind, "Letter")
                events.append(
                    ContactEvent(letter.created_at.date(), "letter", f"Letter: {label}", letter.id)
                )
    return events


def _letters_to(session: Session, contact: m.Contact) -> list[ContactEvent]:
    """An application's letters addressed to this person (their name first on the
    recipient block, in any case or composition)."""
    name = folding.fold(contact.name.strip())
    # Only the applications this person can be part of: at their organisation, linked
    # to them, or with an interview they were at.
    theirs = (
        select(m.application_contacts.c.application_id)
        .where(m.application_contacts.c.contact_id == contact.id)
        .union(
            select(m.Interview.application_id)
            .join(m.interview_contacts, m.interview_contacts.c.interview_id == m.Interview.id)
            .where(m.interview_contacts.c.contact_id == contact.id),
            select(m.Application.id).where(m.Application.company_id == contact.company_id),
        )
    )
    query = select(m.Letter).where(m.Letter.application_id.in_(theirs))
    events = []
    for letter in session.scalars(query):
        first_line = letter.recipient.strip().split("\n", 1)[0]
        if name and folding.fold(first_line.strip()) == name:
            label = m.ALL_LETTER_KINDS.get(letter.kind, "Letter")
            events.append(
                ContactEvent(
                    letter.created_at.date(),
                    "letter",
                    f"Letter: {label}",
                    letter.id,
                    letter.application_id,
                )
            )
    return events


def _feedback_asked(session: Session, contact_id: int) -> list[ContactEvent]:
    query = (
        select(m.FeedbackRequest.id, m.FeedbackRequest.asked_on, m.Application)
        .join(m.Application, m.Application.id == m.FeedbackRequest.application_id)
        .where(m.FeedbackRequest.contact_id == contact_id)
    )
    return [
        ContactEvent(
            asked_on,
            "feedback",
            f"Asked for feedback on {application.job_title} at {application.company.name}",
            request_id,
            application.id,
        )
        for request_id, asked_on, application in session.execute(query)
    ]


# -- target organisations -------------------------------------------------------------------


@dataclass(frozen=True)
class TargetRow:
    id: int
    company_id: int
    organisation: str
    status: m.TargetStatus
    openings: int
    people: int  # contacts at the organisation
    introductions: int
    application_id: int | None


def target_rows(journal: Journal) -> list[TargetRow]:
    """Every target organisation, furthest along first, then by name."""
    openings = (
        select(func.count(m.Opening.id)).where(m.Opening.target_id == m.Target.id)
    ).scalar_subquery()
    people = (
        select(func.count(m.Contact.id)).where(m.Contact.company_id == m.Target.company_id)
    ).scalar_subquery()
    introductions = (
        select(func.count(m.Introduction.id)).where(m.Introduction.target_id == m.Target.id)
    ).scalar_subquery()
    query = select(
        m.Target.id,
        m.Target.company_id,
        m.Company.name,
        m.Target.status,
        openings,
        people,
        introductions,
        m.Target.application_id,
    ).join(m.Company, m.Company.id == m.Target.company_id)
    with journal.reading() as connection:
        rows = [TargetRow(*row) for row in connection.execute(query.order_by(m.Company.name_order))]
    return sorted(rows, key=lambda r: -TARGET_ORDER.index(r.status))


def save_target(
    journal: Journal, target_id: int | None, *, organisation: str, **fields: Any
) -> Changes:
    """Add a target organisation (`target_id` None) or change one; the organisation by
    name, found or added. One organisation is one target."""
    if not organisation.strip():
        raise InvalidInput("Type the name of the organisation.")
    fields = validation.clean(m.Target, fields)
    with journal.recorded() as (session, log):
        company_id = _find_or_add_company(session, organisation)
        other = session.scalars(
            select(m.Target.id).where(m.Target.company_id == company_id)
        ).first()
        if other is not None and other != target_id:
            name = session.get(m.Company, company_id).name  # type: ignore[union-attr]
            raise InvalidInput(f"{name} is already one of your target organisations.")
        if target_id is None:
            target = m.Target(company_id=company_id, **fields)
            session.add(target)
        else:
            target = _get(session, m.Target, target_id)
            target.company_id = company_id
            for name, value in fields.items():
                setattr(target, name, value)
        session.flush()
        return log.undo(session).changes(target.id)


def people_at(journal: Journal, company_id: int) -> list[plain.Contact]:
    """The contacts I know at an organisation, by name."""
    people = journal.all(plain.Contact, company_id=company_id)
    return sorted(people, key=lambda c: folding.order_key(c.name))


def application_from_target(
    journal: Journal, target_id: int, opening_id: int | None = None, job_title: str = ""
) -> Changes:
    """An application to a target organisation, kept linked to it (`Changes.id` is the
    application's): for an opening seen there, with its title, link, posting and the
    requirements read from it; the target moves to Applied."""
    with journal.recorded() as (session, log):
        target = _get(session, m.Target, target_id)
        opening = _get(session, m.Opening, opening_id) if opening_id is not None else None
        if opening is not None and opening.target_id != target_id:
            raise InvalidInput("That opening is at another organisation.")
        title = job_title.strip() or (opening.job_title if opening else "")
        if not title:
            raise InvalidInput("Type the job title you are applying for.")
        texts, fields = split_texts(
            {"job_description": opening.description if opening else ""}
            | {"job_title": title, "posting_url": opening.url if opening else ""}
        )
        fields = validation.clean(m.Application, fields) | {"company_id": target.company_id}
        application = insert_application(session, Status.SAVED, None, fields, texts)
        if opening is not None:
            for requirement in _requirements_of(session, opening_id=opening.id):
                session.add(
                    m.Requirement(
                        application_id=application.id,
                        position=requirement.position,
                        text=requirement.text,
                        mark=requirement.mark,
                    )
                )
        target.application_id = application.id
        target.status = "applied"
        session.flush()
        return log.undo(session).changes(application.id)


def _requirements_of(
    session: Session, *, application_id: int | None = None, opening_id: int | None = None
) -> list[m.Requirement]:
    where = (
        m.Requirement.application_id == application_id
        if application_id is not None
        else m.Requirement.opening_id == opening_id
    )
    query = select(m.Requirement).where(where).order_by(m.Requirement.position, m.Requirement.id)
    return list(session.scalars(query))


def target_of_application(journal: Journal, application_id: int) -> plain.Target | None:
    found = journal.all(plain.Target, application_id=application_id)
    return found[0] if found else None


# -- introductions --------------------------------------------------------------------------


def ask_introduction(
    journal: Journal,
    connector_id: int,
    target_id: int,
    to_name: str,
    *,
    to_role: str = "",
    asked_on: date | None = None,
    channel: str | None = None,
    notes: str = "",
) -> Changes:
    """Record asking `connector_id` to introduce me to `to_name` at a target. The target
    moves from Researching to Reaching out; the connector's last contact is that day."""
    fields = validation.clean(
        m.Introduction,
        {
            "connector_id": connector_id,
            "target_id": target_id,
            "to_name": to_name,
            "to_role": to_role,
            "asked_on": asked_on or date.today(),
            "channel": channel,
            "notes": notes,
        },
    )
    with journal.recorded() as (session, log):
        _require_parents(session, fields)
        connector = _get(session, m.Contact, connector_id)
        target = _get(session, m.Target, target_id)
        if connector.company_id == target.company_id and folding.fold(
            connector.name
        ) == folding.fold(fields["to_name"]):
            raise InvalidInput("The person to meet and the one introducing you are the same.")
        introduction = m.Introduction(**fields)
        session.add(introduction)
        _contacted(connector, fields["asked_on"])
        if target.status == "researching":
            target.status = "reaching_out"
        session.flush()
        return log.undo(session).changes(introduction.id)


def mark_introduced(journal: Journal, introduction_id: int, on: date | None = None) -> Changes:
    """The connector made the introduction: the person I was introduced to becomes a
    contact at the organisation (the one already there by that name, or a new one), and
    the target moves on to Introduced."""
    day = validation.clean(m.Introduction, {"made_on": on or date.today()})["made_on"]
    with journal.recorded() as (session, log):
        intro = _get(session, m.Introduction, introduction_id)
        if day < intro.asked_on:
            raise InvalidInput("Introduced on cannot be before the day you asked.")
        intro.state = "made"
        intro.made_on = day
        if intro.to_contact_id is None:
            intro.to_contact_id = _contact_for(session, intro).id
        _contacted(intro.connector, day)
        if intro.target.status in ("researching", "reaching_out"):
            intro.target.status = "introduced"
        session.flush()
        return log.undo(session).changes(introduction_id)


def _contact_for(session: Session, intro: m.Introduction) -> m.Contact:
    company_id = intro.target.company_id
    found = session.scalars(
        select(m.Contact).where(
            and_(
                m.Contact.company_id == company_id,
                m.Contact.name_fold == folding.fold(intro.to_name),
            )
        )
    ).first()
    if found is not None:
        return found
    contact = m.Contact(
        name=intro.to_name,
        title=intro.to_role,
        company_id=company_id,
        relation="other",
        how_we_met=f"Introduced by {intro.connector.name}",
    )
    session.add(contact)
    session.flush()
    return contact


def mark_declined(journal: Journal, introduction_id: int) -> Changes:
    """The connector could not make the introduction (no fault of theirs: noted, no
    reminder follows)."""
    return journal.update(plain.Introduction, introduction_id, state="declined")


# When keeping each letter of an introduction records that the step was done.
_STEP_OF_LETTER = {
    "introduction_follow_up": "followed_up_on",
    "introduction_thanks": "thanked_on",
}


def letter_kept(session: Session, introduction_id: int, kind: str, on: date) -> None:
    """Inside the transaction that keeps an introduction's letter: the step it is done
    (followed up, thanked) on `on`, unless an earlier day is recorded; the person was in
    touch with whom the letter is to."""
    intro = _get(session, m.Introduction, introduction_id)
    step = _STEP_OF_LETTER.get(kind)
    if step is not None and getattr(intro, step) is None:
        setattr(intro, step, on)
    to_whom = intro.to_contact if kind == "introduction_follow_up" else intro.connector
    if to_whom is not None:
        _contacted(to_whom, on)


@dataclass(frozen=True)
class IntroductionView:
    """An introduction with the names its window and letters show."""

    introduction: plain.Introduction
    connector: str
    organisation: str
    next_step: str  # what to do now, in a sentence ("" when nothing waits)


def introduction_view(
    journal: Journal, introduction_id: int, today: date | None = None
) -> IntroductionView:
    intro = journal.get(plain.Introduction, introduction_id)
    return IntroductionView(
        intro,
        intro.connector.name,
        intro.target.company.name,
        next_step(intro, today or date.today()),
    )


def next_step(intro: plain.Introduction, today: date) -> str:
    """What the introduction waits for, in a sentence."""
    who, to = intro.connector.name, intro.to_name
    if intro.state == "declined":
        return ""
    if intro.state == "asked":
        if today - intro.asked_on >= NO_ANSWER_AFTER:
            return f"No answer from {who} yet: a short, friendly nudge may help."
        return f"Waiting for {who} to introduce you to {to}."
    if intro.followed_up_on is None:
        return f"Write to {to}: say again why the organisation interests you, ask for a call."
    if intro.thanked_on is None:
        return f"Thank {who} for the introduction."
    return ""


def introductions_of_target(journal: Journal, target_id: int) -> list[plain.Introduction]:
    return journal.all(plain.Introduction, target_id=target_id)
