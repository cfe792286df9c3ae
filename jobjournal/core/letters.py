"""Letters drafted from what the journal knows: who, which role, why, which terms.

`gather` reads the facts for one application; `draft` turns them into a `Draft` the person
edits before exporting (`core/docx_letter.py`) or copying as email text. Drafting is plain
Python: no python-docx here, so a draft shows without loading it.

The advice behind each kind (thank first, say the decision plainly, give a reason only when
it helps, keep the door open, never burn a bridge) comes from the documents in the shared
domain folder; every sentence is our own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from jobjournal.core import models as m
from jobjournal.core.money import format_amount

if TYPE_CHECKING:
    from jobjournal.core.journal import Journal
    from jobjournal.core.offers import Ending

KINDS = {**m.LETTER_KINDS, "withdraw_others": "Withdraw from all other processes"}
TONES = {"warm": "Warm", "brief": "Brief"}
NOTICE = timedelta(days=14)  # a resignation's usual last working day


@dataclass(frozen=True)
class Options:
    """What the person chooses before the draft is written."""

    tone: str = "warm"
    include_reason: bool = True
    only_reason: bool = False  # say the reason given is the only one
    figure_cents: int | None = None  # the salary I consider right (withdraw / decline)
    last_day: date | None = None  # resignation; default two weeks from today
    month_first: bool = False  # dates as "November 22, 2026" (the US), else "22 November 2026"
    employer: str = ""  # resignation: the current employer
    manager: str = ""  # resignation: whom it is addressed to


@dataclass(frozen=True)
class Facts:
    """Everything a letter may use, read from the journal."""

    today: date
    sender_name: str = ""
    sender_lines: tuple[str, ...] = ()  # address, email, phone
    signature: str = ""
    company: str = ""
    job_title: str = ""
    recipient: str = ""  # a person's name, when known
    recipient_title: str = ""
    reason_code: str | None = None
    reason_text: str = ""
    currency: str = ""
    expected_cents: int | None = None
    walk_away_cents: int | None = None
    people_met: tuple[str, ...] = ()
    discussed: str = ""  # one thing talked about in the interview
    interview_on: date | None = None
    offer: m.Offer | None = None
    asked_base_cents: int | None = None
    asked_items: tuple[str, ...] = ()
    arguments: str = ""
    wishes: tuple[str, ...] = ()  # the perfect offer's items beyond salary


@dataclass
class Draft:
    """A letter as the person sees and edits it; `body` paragraphs are separated by a
    blank line."""

    kind: str
    day: date
    sender_name: str
    sender_lines: list[str]
    recipient_lines: list[str]
    subject: str
    salutation: str
    body: str
    closing: str
    signature: str
    company: str = ""
    application_id: int | None = None
    recipient: str = ""
    month_first: bool = False  # how its dates read: see `long_date`

    def paragraphs(self) -> list[str]:
        return [p.strip() for p in self.body.replace("\r\n", "\n").split("\n\n") if p.strip()]


# -- reading the journal ------------------------------------------------------------------


def gather(journal: Journal, application_id: int | None, today: date | None = None) -> Facts:
    """The facts for letters about one application (None: a letter with no application)."""
    profile = journal.profile()
    sender = _sender(profile, today or date.today())
    if application_id is None:
        return sender
    records = journal.records_of(application_id)
    application = records.application
    history = journal.status_history(application_id)
    # Only the person's own reasons belong in their letters: a rejection's reason is the
    # employer's, and quoting it back in a withdraw letter would be wrong.
    ending = next(
        (c for c in reversed(history) if c.ended_by == "me" and (c.reason_code or c.reason_text)),
        None,
    )
    interview = _last_interview(records.interviews, sender.today)
    offer = records.offers[-1] if records.offers else None
    last_round = offer.rounds[-1] if offer is not None and offer.rounds else None
    person = _recipient(application.contacts, interview)
    return replace(
        sender,
        company=application.company.name,
        job_title=application.job_title,
        recipient=person.name if person else "",
        recipient_title=person.title if person else "",
        reason_code=ending.reason_code if ending else None,
        reason_text=ending.reason_text if ending else "",
        currency=application.salary_currency or profile.currency,
        expected_cents=application.expected_cents,
        people_met=tuple(p.name for p in interview.people) if interview else (),
        discussed=_one_thing_discussed(interview) if interview else "",
        interview_on=interview.starts_at.date() if interview and interview.starts_at else None,
        offer=offer,
        asked_base_cents=last_round.asked_base_cents if last_round else None,
        asked_items=_lines(last_round.asked_other) if last_round else (),
        arguments=_arguments(last_round) if last_round else "",
    )


def _arguments(round_: m.NegotiationRound) -> str:
    """The round's reasons as sentences (market data with its source), then my own words."""
    from jobjournal.core.offers import argument_sentence

    sentences = [argument_sentence(a) for a in round_.reasons]
    return " ".join([*sentences, _own_words(round_.arguments)]).strip()


def _sender(profile: m.Profile, today: date) -> Facts:
    lines = [*_lines(profile.address), profile.email.strip(), profile.phone.strip()]
    wishes = tuple(
        f"{item.item}: {item.wanted}" if item.wanted else item.item
        for item in profile.perfect_offer
    )
    return Facts(
        today=today,
        sender_name=profile.name.strip(),
        sender_lines=tuple(line for line in lines if line),
        signature=profile.signature.strip() or profile.name.strip(),
        currency=profile.currency,
        walk_away_cents=profile.walk_away_cents,
        wishes=wishes,
    )


def _last_interview(interviews: list[m.Interview], today: date) -> m.Interview | None:
    """The interview a letter would speak of: the latest already held (one still ahead has
    nothing to thank for), else the latest recorded."""
    held = [i for i in interviews if i.starts_at is not None and i.starts_at.date() <= today]
    return held[-1] if held else (interviews[-1] if interviews else None)


def addressee(
    contacts: list[m.Contact], interviews: list[m.Interview], today: date
) -> m.Contact | None:
    """Whom a letter about an application goes to (and whom a feedback request asks)."""
    return _recipient(contacts, _last_interview(interviews, today))


def _recipient(contacts: list[m.Contact], interview: m.Interview | None) -> m.Contact | None:
    """Whom to write to: the person last interviewed with, else a recruiter, else anyone."""
    if interview is not None and interview.people:
        return interview.people[0]
    for relation in ("hiring_manager", "recruiter", "interviewer", "hr"):
        for contact in contacts:
            if contact.relation == relation:
                return contact
    return contacts[0] if contacts else None


def _one_thing_discussed(interview: m.Interview) -> str:
    """A question they asked about the work itself. Quoted, it reads naturally in a
    thank-you; the private notes (what went well, the reflection) are written for oneself
    ("I rambled") and must not end up in a letter. Warm-up questions say nothing."""
    for question in interview.questions:
        text = " ".join(question.question.split()).rstrip(".")
        if question.direction == "asked_me" and text and not text.lower().startswith(_WARM_UPS):
            return text
    return ""


_WARM_UPS = (
    "tell me about yourself",
    "tell me a bit about yourself",
    "walk me through your background",
    "walk me through your cv",
    "walk me through your resume",
    "why are you looking",
    "why do you want",
    "why are you interested",
    "what are your strengths",
    "what is your greatest",
    "what are your weaknesses",
    "where do you see yourself",
)


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


# -- writing ------------------------------------------------------------------------------


def draft(
    kind: str, facts: Facts, options: Options | None = None, application_id: int | None = None
) -> Draft:
    """The letter of `kind` for these facts, ready to edit."""
    if kind not in _WRITERS:
        raise ValueError(f"unknown letter kind {kind!r}; one of {sorted(_WRITERS)}")
    options = options or Options()
    subject, paragraphs = _WRITERS[kind](facts, options)
    resigning = kind == "resignation"  # to one's own employer, not to the application's
    recipient = options.manager if resigning else facts.recipient
    title = "" if resigning or not recipient else facts.recipient_title
    organisation = options.employer if resigning else facts.company
    nobody = "Dear Manager," if resigning else "Dear Hiring Team,"
    return Draft(
        kind=kind,
        day=facts.today,
        sender_name=facts.sender_name,
        sender_lines=list(facts.sender_lines),
        recipient_lines=[line for line in (recipient, title, organisation) if line],
        subject=subject,
        salutation=f"Dear {recipient}," if recipient else nobody,
        body="\n\n".join(p for p in paragraphs if p),
        closing="Kind regards," if options.tone == "brief" else "With best wishes,",
        signature=facts.signature or facts.sender_name,
        company=organisation,
        application_id=application_id,
        recipient=recipient,
        month_first=options.month_first,
    )


def stored_body(letter: Draft) -> str:
    """The letter as kept in the journal: salutation, paragraphs, closing and signature."""
    return "\n\n".join(
        [letter.salutation, *letter.paragraphs(), f"{letter.closing}\n{letter.signature}"]
    )


def record(
    journal: Journal, letter: Draft, exported_to: str = "", letter_id: int | None = None
) -> int:
    """Keep the letter in the journal (it shows on the application's timeline); with
    `letter_id`, bring that stored letter up to date instead of adding another."""
    fields = {
        "recipient": "\n".join(letter.recipient_lines),
        "subject": letter.subject,
        "body": stored_body(letter),
    }
    if letter_id is not None:
        if exported_to:
            fields["exported_to"] = exported_to
        journal.update(m.Letter, letter_id, **fields)
        return letter_id
    changes = journal.add(
        m.Letter,
        application_id=letter.application_id,
        kind=letter.kind,
        exported_to=exported_to,
        **fields,
    )
    return changes.new_id


def reopen(journal: Journal, letter_id: int) -> Draft:
    """A stored letter as a draft again, to edit or export once more."""
    stored = journal.get(m.Letter, letter_id)
    sender = gather(journal, None, stored.created_at.date())
    blank = Draft(
        kind=stored.kind,
        day=stored.created_at.date(),
        sender_name=sender.sender_name,
        sender_lines=list(sender.sender_lines),
        recipient_lines=[],
        subject="",
        salutation="",
        body="",
        closing="",
        signature="",
        application_id=stored.application_id,
    )
    return with_text(blank, stored.recipient, stored.subject, stored.body)


def with_text(letter: Draft, recipient: str, subject: str, text: str) -> Draft:
    """The letter after the person edited it: the recipient block, the subject, and the
    text from salutation to signature (as `stored_body` writes it)."""
    parts = [p.strip("\n") for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
    salutation = parts.pop(0) if len(parts) > 1 else ""
    closing, _, signature = (parts.pop() if len(parts) > 1 else "").partition("\n")
    recipient_lines = [line.strip() for line in recipient.splitlines() if line.strip()]
    return replace(
        letter,
        recipient_lines=recipient_lines,
        subject=" ".join(subject.split()),
        salutation=salutation,
        body="\n\n".join(parts),
        closing=closing,
        signature=signature,
        # The company names the file; an address line typed under it must not.
        company=letter.company or (recipient_lines[-1] if recipient_lines else ""),
        recipient=recipient_lines[0] if recipient_lines else "",
    )


def email_text(letter: Draft) -> str:
    """The same letter as the text of an email: subject line first, no address blocks."""
    parts = [
        f"Subject: {letter.subject}",
        letter.salutation,
        *letter.paragraphs(),
        f"{letter.closing}\n{letter.signature}",
    ]
    return "\n\n".join(parts) + "\n"


def _role(facts: Facts) -> str:
    return f"the {facts.job_title} position at {facts.company}"


def _money(facts: Facts, cents: int | None) -> str:
    return format_amount(cents, facts.currency)


def _withdraw(facts: Facts, options: Options) -> tuple[str, list[str]]:
    warm = options.tone != "brief"
    thanks = (
        f"Thank you for the time you and your colleagues have given me while considering me "
        f"for {_role(facts)}. I enjoyed learning about the team and its work."
        if warm
        else f"Thank you for considering me for {_role(facts)}."
    )
    decision = "After careful thought, I have decided to withdraw my application."
    reason = _withdraw_reason(facts, options) if options.include_reason else ""
    only = (
        "This is the only reason for my decision; I think highly of the team and the role."
        if options.include_reason and options.only_reason and reason
        else ""
    )
    regret = (
        "I am sorry not to continue, and grateful for your openness throughout. I would be "
        f"glad to hear from you about future openings at {facts.company} that fit my "
        "experience."
        if warm
        else f"I would welcome hearing about future openings at {facts.company} that fit "
        "my experience."
    )
    return f"Withdrawing my application: {facts.job_title}", [
        thanks,
        f"{decision} {reason}".strip(),
        only,
        regret,
    ]


def _withdraw_reason(facts: Facts, options: Options) -> str:
    figure = _money(facts, options.figure_cents)
    code = facts.reason_code
    if code == "salary_below_market":
        return "The salary for the role is below what comparable positions pay today" + (
            f"; for this role I would consider {figure} appropriate." if figure else "."
        )
    if code == "salary_below_current":
        return "The salary is below what I earn in my current position" + (
            f", and I would need {figure} to make the move." if figure else "."
        )
    if code in ("responsibilities", "role_not_a_fit"):
        return (
            "Having heard more about the responsibilities and the time the role asks for, I "
            "do not believe it is the right fit for me."
        )
    if code == "accepted_other_offer":
        return (
            "I have accepted another offer, and it would not be fair to keep a place in "
            "your process."
        )
    if code in _PLAIN_REASONS and not facts.reason_text.strip():
        return _PLAIN_REASONS[code]
    return _own_words(facts.reason_text)


# Reasons that read well in a sentence of their own; the rest (culture, the process) are
# better said in the person's words, or not at all.
_PLAIN_REASONS = {
    "location": "The location does not work for me at this point.",
    "benefits": "The benefits do not meet what I need at this stage.",
    "personal": "My personal circumstances have changed.",
}


def _own_words(text: str) -> str:
    text = " ".join(text.split())
    if not text:
        return ""
    return text if text[-1] in ".!?" else text + "."


def _decline_offer(facts: Facts, options: Options) -> tuple[str, list[str]]:
    warm = options.tone != "brief"
    thanks = f"Thank you for offering me {_role(facts)}" + (
        ", and for the care you took over the offer." if warm else "."
    )
    decision = "After weighing it carefully, I have decided not to accept."
    reason = ""
    if options.include_reason:
        figure = _money(facts, options.figure_cents)
        if facts.reason_code in ("salary_below_market", "salary_below_current"):
            reason = "The salary is below what I need to make the move" + (
                f"; I would have needed {figure}." if figure else "."
            )
        elif facts.reason_code == "accepted_other_offer":
            reason = "I have accepted another offer."
        else:
            reason = _withdraw_reason(facts, options)
    door = (
        f"I have great respect for {facts.company} and the people I met, and I hope our "
        "paths cross again."
        if warm
        else "I hope our paths cross again."
    )
    return f"Your offer for the {facts.job_title} position", [
        thanks,
        f"{decision} {reason}".strip(),
        door,
    ]


def _thank_you(facts: Facts, options: Options) -> tuple[str, list[str]]:
    met = _names(facts.people_met)
    when = " today" if facts.interview_on == facts.today else ""
    opening = f"Thank you for meeting with me{when} about {_role(facts)}" + (
        f", and please pass my thanks to {met}." if met and len(facts.people_met) > 1 else "."
    )
    discussed = (
        f"I especially enjoyed working through “{facts.discussed}” with you, and came away "
        "even more interested in the role."
        if facts.discussed
        else "Our conversation left me even more interested in the role."
    )
    close = "Please let me know if I can send anything else that would help your decision."
    return f"Thank you: {facts.job_title} interview", [opening, discussed, close]


def _feedback_request(facts: Facts, options: Options) -> tuple[str, list[str]]:
    return f"Feedback on my application: {facts.job_title}", [
        f"Thank you for letting me know your decision about {_role(facts)}, and for the time "
        "you spent with me during the process.",
        "If you are able to, I would value an honest assessment of my application and "
        "interviews: where I fell short, and what I could work on to be a stronger candidate "
        "next time. Even a few lines would help me.",
        f"I would be glad to be considered for future roles at {facts.company}.",
    ]


def _counteroffer(facts: Facts, options: Options) -> tuple[str, list[str]]:
    items = []
    if facts.asked_base_cents is not None:
        items.append(f"a base salary of {_money(facts, facts.asked_base_cents)}")
    items.extend(facts.asked_items or facts.wishes)
    asks = (
        "To bridge the gap between us, I would like to discuss "
        + _names(tuple(_lowered(i) for i in items))
        + "."
        if items
        else "I would like to discuss how we might bridge the gap between us."
    )
    return f"The {facts.job_title} offer", [
        f"Thank you for the offer for {_role(facts)}. I am excited about the role and want "
        "to find a way to make it work.",
        asks,
        _own_words(facts.arguments),
        "Could we find a time to talk it through? I am confident we can reach terms that "
        "work for both of us.",
    ]


def _accept_offer(facts: Facts, options: Options) -> tuple[str, list[str]]:
    offer = facts.offer
    terms = _terms(facts, offer) if offer is not None else []
    start = offer.start_on if offer is not None else None
    confirm = (
        "To confirm the terms as I understand them: " + _names(tuple(terms)) + "." if terms else ""
    )
    return f"Accepting the {facts.job_title} offer", [
        f"I am delighted to accept your offer for {_role(facts)}. Thank you for your work in "
        "putting it together.",
        confirm,
        f"I look forward to starting on {long_date(start, options.month_first)}." if start else "",
        "Please let me know what you need from me before my first day.",
    ]


def _terms(facts: Facts, offer: m.Offer) -> list[str]:
    terms = []
    period = m.SALARY_PERIODS.get(offer.period, "")
    currency = offer.currency or facts.currency
    if offer.base_cents is not None:
        pay = "a rate" if offer.period == "hour" else "a base salary"
        terms.append(f"{pay} of {format_amount(offer.base_cents, currency)} {period}")
    if offer.bonus_percent:
        terms.append(f"a target bonus of {offer.bonus_percent}% of base")
    elif offer.bonus_cents:
        terms.append(f"a bonus of {format_amount(offer.bonus_cents, currency)}")
    if offer.sign_on_cents:
        terms.append(f"a sign-on bonus of {format_amount(offer.sign_on_cents, currency)}")
    if offer.pto_days:
        terms.append(f"{offer.pto_days} days of paid time off")
    if offer.learning_stipend_cents:
        stipend = format_amount(offer.learning_stipend_cents, currency)
        terms.append(f"a learning stipend of {stipend}")
    return terms  # the start date has its own sentence


def _resignation(facts: Facts, options: Options) -> tuple[str, list[str]]:
    last_day = options.last_day or facts.today + NOTICE
    at_employer = f" at {options.employer}" if options.employer else ""
    return "Resignation", [
        f"Please accept this letter as notice that I am resigning from my position"
        f"{at_employer}. My last working day will be "
        f"{long_date(last_day, options.month_first)}.",
        "Thank you for the opportunities I have had here and for your support. I will do all "
        "I can to hand over my work smoothly before I leave.",
    ]


_Writer = Callable[[Facts, Options], tuple[str, list[str]]]
_WRITERS: dict[str, _Writer] = {
    "withdraw": _withdraw,
    "decline_offer": _decline_offer,
    "thank_you": _thank_you,
    "feedback_request": _feedback_request,
    "counteroffer": _counteroffer,
    "accept_offer": _accept_offer,
    "resignation": _resignation,
}


def withdraw_from_others(
    journal: Journal, accepted_id: int, options: Options | None = None
) -> list[Draft]:
    """After accepting: a withdrawal for each other application still in the pipeline,
    a decline for each other offer on the table (none for one never sent)."""
    from jobjournal.core.offers import others_to_end

    return letters_for_endings(journal, others_to_end(journal, accepted_id), options)


def letters_for_endings(
    journal: Journal, endings: list[Ending], options: Options | None = None
) -> list[Draft]:
    from jobjournal.core.offers import ACCEPTED_ELSEWHERE

    options = replace(options or Options(), include_reason=True, only_reason=False)
    drafts = []
    for ending in endings:
        if ending.letter_kind is None:
            continue
        facts = replace(gather(journal, ending.application_id), reason_code=ACCEPTED_ELSEWHERE)
        drafts.append(
            draft(ending.letter_kind, facts, options, application_id=ending.application_id)
        )
    return drafts


# -- words ----------------------------------------------------------------------------------


def _names(items: tuple[str, ...]) -> str:
    items = tuple(i for i in items if i)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _lowered(text: str) -> str:
    """A phrase to sit mid-sentence: first letter lowered unless it starts a name or acronym."""
    text = text.strip().rstrip(".")
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text


_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def long_date(day: date, month_first: bool = False) -> str:
    """A date as an English letter writes it: "22 November 2026", or "November 22, 2026"
    where the month comes first. Not strftime: Qt sets the C locale from the system, and
    %B would then name the month in the person's language inside an English letter."""
    month = _MONTHS[day.month - 1]
    return f"{month} {day.day}, {day.year}" if month_first else f"{day.day} {month} {day.year}"
