"""Letters drafted from what the journal knows: who, which role, why, which terms.

`gather` reads the facts for one application; `draft` turns them into a `Draft` the person
edits before exporting (`core/documents/docx_letter.py`) or copying as email text. Drafting is plain
Python: no python-docx here, so a draft shows without loading it.

The advice behind each kind (thank first, say the decision plainly, give a reason only when
it helps, keep the door open, never burn a bridge) comes from the documents in the shared
domain folder; every sentence is our own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, Literal, TypeAlias

from jobjournal.core.errors import InvalidInput
from jobjournal.core.records import plain
from jobjournal.core.records.changes import Changes
from jobjournal.core.records.money import SYMBOL_OF, SYMBOLS, format_amount
from jobjournal.core.storage import models as m
from jobjournal.core.work.offers import ACCEPTED_ELSEWHERE, argument_sentence, others_to_end

if TYPE_CHECKING:
    from jobjournal.core.records.journal import Journal
    from jobjournal.core.work.offers import Ending

# What the letter dialog offers: each kind of letter, and one to every other application.
Kind: TypeAlias = m.ApplicationLetterKind | Literal["withdraw_others"]
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
    contribution: str = ""  # counteroffer: what I will bring, in my words


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
    people_met: tuple[str, ...] = ()  # at the interview a thank-you is about
    interview_on: date | None = None  # the latest interview held (None: none held yet)
    promised: str = ""  # what I said I would send after that interview
    # What the application went through, from its history, interviews and offers (some of
    # "screened", "interviewed", "offered"): the letters thank for what happened and for
    # nothing else.
    events: frozenset[str] = frozenset()
    interviewers: int = 0  # people met over all the interviews held
    offer: plain.Offer | None = None
    agreed_base_cents: int | None = None  # the base after negotiating, when known
    agreed_unknown: bool = False  # a round without a recorded answer: ask the person
    asked_base_cents: int | None = None
    asked_items: tuple[str, ...] = ()
    arguments: tuple[tuple[str, str], ...] = ()  # (kind, sentence) of the last round
    own_arguments: str = ""  # the last round's reasons in my words
    wishes: tuple[tuple[str, str], ...] = ()  # the perfect offer's (item, wanted)
    money_style: m.MoneyStyle = "code"  # "code": USD 118,000; "symbol": $118,000
    # The profile's choice of date order, else what the address says (a US address puts
    # the month first); None: neither says, and the window goes by the system's country.
    month_first: bool | None = None


@dataclass
class Draft:
    """A letter as the person sees and edits it; `body` paragraphs are separated by a
    blank line."""

    kind: m.LetterKind
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
    introduction_id: int | None = None  # a letter of an introduction (introduction_letters)

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
    interview = _last_held(records.interviews, sender.today)
    offer = records.offers[-1] if records.offers else None
    last_round = offer.rounds[-1] if offer is not None and offer.rounds else None
    person = _recipient(application.contacts, interview or _latest(records.interviews))
    held = [i for i in records.interviews if _held(i, sender.today)]
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
        interview_on=interview.starts_at.date() if interview and interview.starts_at else None,
        promised=" ".join(interview.promised_to_send.split()) if interview else "",
        events=_events({c.to_status for c in history}, held, offer),
        interviewers=len({p.id for i in held for p in i.people}),
        offer=offer,
        agreed_base_cents=_agreed_base(offer),
        agreed_unknown=last_round is not None and last_round.answered_base_cents is None,
        asked_base_cents=last_round.asked_base_cents if last_round else None,
        asked_items=_lines(last_round.asked_other) if last_round else (),
        arguments=_arguments(last_round) if last_round else (),
        own_arguments=_own_words(last_round.arguments) if last_round else "",
    )


def _events(
    reached: set[str], held: list[plain.Interview], offer: plain.Offer | None
) -> frozenset[str]:
    S = m.Status
    events = set()
    if offer is not None or reached & {S.OFFER, S.NEGOTIATING, S.ACCEPTED, S.DECLINED}:
        events.add("offered")
    if held or S.INTERVIEWING in reached:
        events.add("interviewed")
    if events or S.SCREENING in reached:
        events.add("screened")  # a call came before anything else
    return frozenset(events)


def _agreed_base(offer: plain.Offer | None) -> int | None:
    """The base salary as last agreed: the last round's answer, else the offer's own."""
    if offer is None:
        return None
    if offer.rounds:
        return offer.rounds[-1].answered_base_cents
    return offer.base_cents


def _arguments(round_: plain.NegotiationRound) -> tuple[tuple[str, str], ...]:
    """The round's reasons, each as a sentence (market data with its source)."""

    return tuple((a.kind, argument_sentence(a)) for a in round_.reasons)


def _sender(profile: plain.Profile, today: date) -> Facts:
    lines = [*_lines(profile.address), profile.email.strip(), profile.phone.strip()]
    wishes = tuple((item.item.strip(), item.wanted.strip()) for item in profile.perfect_offer)
    return Facts(
        today=today,
        money_style=profile.money_style or "code",
        month_first=month_first_for(profile.date_style, profile.address),
        sender_name=profile.name.strip(),
        sender_lines=tuple(line for line in lines if line),
        signature=profile.signature.strip() or profile.name.strip(),
        currency=profile.currency,
        walk_away_cents=profile.walk_away_cents,
        wishes=wishes,
    )


def _held(interview: plain.Interview, today: date) -> bool:
    return interview.starts_at is not None and interview.starts_at.date() <= today


_US_ADDRESS = re.compile(r"\b[A-Z]{2},? \d{5}(?:-\d{4})?\b|\b(?:USA|U\.S\.A\.|United States)\b")


def month_first_for(date_style: m.DateStyle, address: str) -> bool | None:
    """Whether letters put the month first: as the profile says, else as the address
    suggests ("Chicago, IL 60607" is in the US), else None (the system's country decides)."""
    if date_style:
        return date_style == "month_first"
    return True if _US_ADDRESS.search(address) else None


def _last_held(interviews: list[plain.Interview], today: date) -> plain.Interview | None:
    """The interview a letter would speak of: the latest already held (one still ahead has
    nothing to thank for)."""
    held = [i for i in interviews if _held(i, today)]
    return held[-1] if held else None


def _latest(interviews: list[plain.Interview]) -> plain.Interview | None:
    return interviews[-1] if interviews else None


def _last_interview(interviews: list[plain.Interview], today: date) -> plain.Interview | None:
    return _last_held(interviews, today) or _latest(interviews)


def addressee(
    contacts: Sequence[plain.Contact], interviews: list[plain.Interview], today: date
) -> plain.Contact | None:
    """Whom a letter about an application goes to (and whom a feedback request asks)."""
    return _recipient(contacts, _last_interview(interviews, today))


def _recipient(
    contacts: Sequence[plain.Contact], interview: plain.Interview | None
) -> plain.Contact | None:
    """Whom to write to: the person last interviewed with, else a recruiter, else anyone."""
    if interview is not None and interview.people:
        return interview.people[0]
    for relation in ("hiring_manager", "recruiter", "interviewer", "hr"):
        for contact in contacts:
            if contact.relation == relation:
                return contact
    return contacts[0] if contacts else None


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


# -- writing ------------------------------------------------------------------------------


# Letters that answer something that must have happened first.
_NEEDS = {
    "thank_you": ("interview", "an interview that has happened"),
    "decline_offer": ("offered", "an offer"),
    "counteroffer": ("offered", "an offer"),
    "accept_offer": ("offered", "an offer"),
}


def why_not(kind: Kind, facts: Facts) -> str:
    """Why this kind of letter cannot be written for this application yet, or ""."""
    need = _NEEDS.get(kind)
    if need is None or not facts.company:
        return ""
    what, words = need
    done = facts.interview_on is not None if what == "interview" else _reached(facts, what)
    if done:
        return ""
    return (
        f"“{KINDS[kind]}” needs {words}, and the journal has none for {facts.company} "
        "yet. Record it first, or choose another kind."
    )


def write(
    journal: Journal,
    application_id: int | None,
    kind: m.ApplicationLetterKind,
    options: Options | None = None,
    today: date | None = None,
) -> Draft:
    """The letter of `kind` about an application, from what the journal knows (the steps
    `gather` and `draft` in one); `record` keeps it, `with_text` takes the person's edits."""
    return draft(kind, gather(journal, application_id, today), options, application_id)


def draft(
    kind: m.ApplicationLetterKind,
    facts: Facts,
    options: Options | None = None,
    application_id: int | None = None,
) -> Draft:
    """The letter of `kind` for these facts, ready to edit. A kind that answers an event
    the journal does not hold (a thank-you with no interview held) is refused."""
    if kind not in _WRITERS:
        raise ValueError(f"unknown letter kind {kind!r}; one of {sorted(_WRITERS)}")
    refusal = why_not(kind, facts)
    if refusal:
        raise InvalidInput(refusal)
    options = options or Options()
    if facts.month_first is not None:  # the profile's or the address's order wins
        options = replace(options, month_first=facts.month_first)
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
        body="\n\n".join(_in_style(p, facts.currency, facts.money_style) for p in paragraphs if p),
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
) -> Changes:
    """Keep the letter in the journal (it shows on the application's timeline; `Changes.id`
    is the letter's); with `letter_id`, bring that stored letter up to date instead of
    adding another."""
    fields = {
        "recipient": "\n".join(letter.recipient_lines),
        "subject": letter.subject,
        "body": stored_body(letter),
    }
    if letter_id is not None:
        if exported_to:
            fields["exported_to"] = exported_to
        return journal.update(m.Letter, letter_id, **fields)
    return journal.add(
        m.Letter,
        application_id=letter.application_id,
        kind=letter.kind,
        exported_to=exported_to,
        **fields,
    )


def reopen(journal: Journal, letter_id: int) -> Draft:
    """A stored letter as a draft again, to edit or export once more."""
    stored = journal.get(plain.Letter, letter_id)
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
        introduction_id=stored.introduction_id,
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


def _money(facts: Facts, cents: int | None, currency: str = "") -> str:
    """An amount in the letter's one style: "USD 118,000", or "$118,000" where the
    profile asks for symbols and the currency has one."""
    return format_amount(cents, currency or facts.currency, facts.money_style)


def _reached(facts: Facts, event: str) -> bool:
    return event == "applied" or event in facts.events


def _thanks_for_the_process(facts: Facts, warm: bool) -> str:
    """Thanks for what the application went through, and nothing it did not: no
    meeting is claimed for an application that never got past applying."""
    role = _role(facts)
    if not warm or not _reached(facts, "screened"):
        return f"Thank you for considering my application for {role}."
    if not _reached(facts, "interviewed"):
        return f"Thank you for taking the time to speak with me about {role}."
    who = "you and your colleagues" if facts.interviewers > 1 else "you"
    return (
        f"Thank you for the time {who} gave me during the interviews for {role}. I "
        "enjoyed learning about the team and its work."
    )


def _withdraw(facts: Facts, options: Options) -> tuple[str, list[str]]:
    warm = options.tone != "brief"
    decision = "After careful thought, I have decided to withdraw my application."
    reason = _withdraw_reason(facts, options) if options.include_reason else ""
    if facts.reason_code == "accepted_other_offer" and options.include_reason:
        decision, reason = _ACCEPTED_ELSEWHERE_WITHDRAW, ""
    only = (
        "It is the only reason for my decision: I think highly of the role and the team."
        if options.include_reason and options.only_reason and reason
        else ""
    )
    return f"Withdrawing my application: {facts.job_title}", [
        _thanks_for_the_process(facts, warm),
        f"{decision} {reason}".strip(),
        only,
        _door(facts, warm),
    ]


_ACCEPTED_ELSEWHERE_WITHDRAW = (
    "I have accepted another offer, so I am withdrawing my application: it would not be "
    "fair to keep a place in your process."
)


def _door(facts: Facts, warm: bool) -> str:
    """Luck with the search, and the door kept open; over salary, for roles that meet it."""
    salary = facts.reason_code in _SALARY_REASONS
    fitting = "fit my experience and salary requirements" if salary else "fit my experience"
    luck = "I wish you every success in finding the right person for the role. " if warm else ""
    return f"{luck}I would be glad to hear about future openings at {facts.company} that {fitting}."


_SALARY_REASONS = ("salary_below_market", "salary_below_current")


def _withdraw_reason(facts: Facts, options: Options) -> str:
    """The reason: the person's own words when typed (for every reason), else a plain
    sentence for it; over salary, with the figure they consider right when given."""
    code = facts.reason_code
    own = _own_words(facts.reason_text)
    figure = _money(facts, options.figure_cents)
    if code in _SALARY_REASONS:
        said = own or _SALARY_SENTENCES[code]
        if figure:
            said += f" I would consider {figure} appropriate."
        return said
    if own:
        return own
    return _PLAIN_REASONS.get(code or "", "")


_SALARY_SENTENCES = {
    "salary_below_market": "The salary for the role is below what comparable positions pay.",
    "salary_below_current": "The salary is below what I earn in my current position.",
}
# Reasons that read well in a sentence of their own; the rest (culture, the process) are
# better said in the person's words, or not at all.
_PLAIN_REASONS = {
    "responsibilities": (
        "Having learned more about the responsibilities and the hours the role asks for, I "
        "do not believe it is the right fit for me."
    ),
    "role_not_a_fit": "I have come to believe the role is not the right fit for me.",
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
    thanks = f"Thank you for offering me {_role(facts)}."
    if warm and _reached(facts, "interviewed"):
        thanks += " I appreciated the time everyone spent with me during the process."
    decision = "After weighing the offer carefully, I have decided not to accept it."
    reason = ""
    if options.include_reason and facts.reason_code == "accepted_other_offer":
        decision = (
            "After weighing it carefully, I have accepted another offer, so I must decline yours."
        )
    elif options.include_reason:
        reason = _withdraw_reason(facts, options)
    door = (
        f"I have great respect for {facts.company} and the people I met, and I hope our "
        "paths cross again."
        if warm and _reached(facts, "interviewed")
        else f"I hope our paths cross again, and I wish {facts.company} every success."
    )
    return f"Your offer for the {facts.job_title} position", [
        thanks,
        f"{decision} {reason}".strip(),
        door,
    ]


def _thank_you(facts: Facts, options: Options) -> tuple[str, list[str]]:
    when = " today" if facts.interview_on == facts.today else ""
    opening = f"Thank you for meeting with me{when} to talk about {_role(facts)}."
    others = tuple(name for name in facts.people_met if name != facts.recipient)
    if others and facts.recipient:
        opening += f" Please also pass my thanks to {_names(others)}."
    interest = (
        "Our conversation left me even more interested in the role, and in what the team "
        "is building."
    )
    promised = (
        f"As I promised, I will follow up with {_lowered(facts.promised)}."
        if facts.promised
        else ""
    )
    close = "Please let me know if there is anything else I can send to help your decision."
    return f"Thank you: {facts.job_title} interview", [opening, interest, promised, close]


def _feedback_request(facts: Facts, options: Options) -> tuple[str, list[str]]:
    time_given = (
        ", and for the time you spent with me during the process"
        if _reached(facts, "screened")
        else ""
    )
    assessed = "application and interviews" if _reached(facts, "interviewed") else "application"
    return f"Feedback on my application: {facts.job_title}", [
        f"Thank you for letting me know your decision about {_role(facts)}{time_given}.",
        f"If you are able to, I would value an honest assessment of my {assessed}: where I "
        "fell short, and what I could work on to be a stronger candidate next time. Even a "
        "few lines would help me.",
        f"I would be glad to be considered for future roles at {facts.company}.",
    ]


def _counteroffer(facts: Facts, options: Options) -> tuple[str, list[str]]:
    base = (
        f"a base salary of {_money(facts, facts.asked_base_cents)}"
        if facts.asked_base_cents is not None
        else ""
    )
    extras = [_lowered(item) for item in facts.asked_items] or [
        _wish_phrase(item, wanted) for item, wanted in facts.wishes if item
    ]
    if base:
        ask = f"I would like to ask for {base}."
        if extras:
            ask += f" I would also value {_names(tuple(extras))}."
    elif extras:
        ask = f"I would like to ask for {_names(tuple(extras))}."
    else:
        ask = (
            "I would like to talk about how we might bridge the gap between the offer and "
            "my expectations."
        )
    contribution = (
        f"In the role, I would {_lowered(_own_words(options.contribution)).rstrip('.')}."
        if options.contribution.strip()
        else ""
    )
    return f"Re: your offer for the {facts.job_title} position", [
        f"Thank you for the offer for {_role(facts)}. I am excited about the work and want to "
        "find a way to make it happen.",
        contribution,
        " ".join([ask, *_supported(facts)]),
        "Could we find a time to talk it through? I am confident we can reach terms that "
        "work for both of us.",
    ]


_DOUBLE_STOP = re.compile(r"(?<!\.)\.\.(?!\.)")
_SYMBOL_AMOUNT = re.compile(r"([$€£¥₹]) ?(\d[\d,]*(?:\.\d+)?)")


def _in_style(text: str, currency: str, style: m.MoneyStyle = "code") -> str:
    """Amounts typed in the other style ("$5,000" in a letter of "USD 118,000", or the
    reverse) written the letter's way, so one letter never mixes the two. A symbol that
    may stand for another currency than the letter's (the $ of a CAD letter) is left."""
    text = _DOUBLE_STOP.sub(".", text)  # "at Acme Sp. z o.o.." after a name's own stop
    symbol = SYMBOL_OF.get(currency)
    if not currency or not symbol:
        return text
    if style == "symbol":
        return re.sub(rf"\b{currency} ?(?=\d)", symbol, text)

    def restyled(found: re.Match[str]) -> str:
        code = SYMBOLS[found[1]]
        return f"{code} {found[2]}" if code == currency else found[0]

    return _SYMBOL_AMOUNT.sub(restyled, text)


def _wish_phrase(item: str, wanted: str) -> str:
    """A perfect-offer item as words in a sentence: ("Paid time off", "25 days") is "25
    days of paid time off"; ("Learning stipend", "USD 2,000 a year") is "a learning stipend
    of USD 2,000 a year"."""
    item = _lowered(item)
    article = "" if item.endswith("s") else ("an " if item[:1] in "aeiou" else "a ")
    if not wanted:
        return f"{article}{item}"
    if wanted[:1].isdigit():
        return f"{wanted} of {item}"
    if _AMOUNT_START.match(wanted):
        return f"{article}{item} of {wanted}"
    return f"{article}{item} ({_lowered(wanted)})"


_AMOUNT_START = re.compile(r"^(?:[A-Z]{3} ?\d|[$€£¥₹] ?\d)")


# What each kind of argument supports, said before it.
_SUPPORTS = {
    "market": "Market data supports the figure: {}",
    "current_pay": "It also reflects what I earn today: {}",
    "commute": "It takes into account a cost the move brings: {}",
    "degree": "It reflects what I bring beyond the requirements: {}",
    "certification": "It reflects what I bring beyond the requirements: {}",
}


def _supported(facts: Facts) -> list[str]:
    """The round's arguments, each tied to the ask it supports, then my own words."""
    sentences = [
        _SUPPORTS[kind].format(_lowered(sentence)) if kind in _SUPPORTS else sentence
        for kind, sentence in facts.arguments
    ]
    return [s if s.endswith((".", "!", "?")) else s + "." for s in sentences] + (
        [facts.own_arguments] if facts.own_arguments else []
    )


def _accept_offer(facts: Facts, options: Options) -> tuple[str, list[str]]:
    offer = facts.offer
    terms = _terms(facts, offer) if offer is not None else []
    start = offer.start_on if offer is not None else None
    confirm = (
        "To confirm the terms as I understand them: " + _names(tuple(terms)) + "." if terms else ""
    )
    return f"Accepting the {facts.job_title} offer", [
        f"I am delighted to accept your offer for {_role(facts)}. Thank you for putting it "
        "together.",
        confirm,
        f"I look forward to starting on {long_date(start, options.month_first)}." if start else "",
        "Please let me know what you need from me before my first day.",
    ]


def _terms(facts: Facts, offer: plain.Offer) -> list[str]:
    """The terms as agreed: the base from the last negotiation round's answer (none
    named when the journal does not know it; the reader's check says so)."""
    terms = []
    period = m.SALARY_PERIODS.get(offer.period, "")
    currency = offer.currency or facts.currency
    if facts.agreed_base_cents is not None:
        pay = "a rate" if offer.period == "hour" else "a base salary"
        terms.append(f"{pay} of {_money(facts, facts.agreed_base_cents, currency)} {period}")
    if offer.bonus_percent:
        terms.append(f"a target bonus of {offer.bonus_percent}%")
    elif offer.bonus_cents:
        terms.append(f"a bonus of {_money(facts, offer.bonus_cents, currency)}")
    if offer.sign_on_cents:
        terms.append(f"a sign-on bonus of {_money(facts, offer.sign_on_cents, currency)}")
    if offer.pto_days:
        terms.append(f"{offer.pto_days} days of paid time off")
    if offer.learning_stipend_cents:
        stipend = _money(facts, offer.learning_stipend_cents, currency)
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


# -- a reader's check before export ----------------------------------------------------------

PAGE_WORDS = 400  # about what one page of this layout holds
_SHORT_SENTENCE = 25  # words: in a sentence this short, a repeated word reads as a slip
_PLACEHOLDER = re.compile(r"\[[^\]\n]{0,40}\]|\bTODO\b|\bXXX\b|…|\.\.\.|<[^>\n]{1,30}>")
_BARE_FIGURE = re.compile(
    r"(?<![A-Z]{3} )(?<![$€£¥₹])(?<![\d,.])\b\d{1,3}(?:,\d{3})+(?:\.\d+)?\b(?! ?%)"
)
# Words that claim something happened, and what the journal must hold for them.
_CLAIMS = (
    (
        "interviewed",
        "an interview",
        re.compile(
            r"\binterview(?:s|ed)?\b|you and your colleagues|learning about the team|"
            r"meeting with me|the people I met|our conversation|time everyone spent",
            re.I,
        ),
    ),
    ("screened", "a call", re.compile(r"\bspeak(?:ing)? with me\b|\bour call\b", re.I)),
    ("offered", "an offer", re.compile(r"\b(?:your|the) offer\b|offering me", re.I)),
)
# Short words too common to count as a slip when a sentence repeats them.
_COMMON_WORDS = """that this with your have from would about what they their them been will
which there were when into more than also some only such very much most make made like just"""
_COMMON = frozenset(_COMMON_WORDS.split())


def check(letter: Draft, facts: Facts) -> list[str]:
    """What a careful reader would point out before the letter goes: each item says what
    to do. Export stays possible; the person decides."""
    text = "\n\n".join([letter.subject, letter.salutation, *letter.paragraphs()])
    found = [
        *_unsigned(letter),
        *_empty_parts(letter),
        *_placeholders(text),
        *_thanked_through_someone(letter),
        *_figures_without_currency(text),
        *_claims_not_recorded(letter, facts),
        *_agreed_salary_unknown(letter, facts),
        *_repeats(letter.paragraphs(), (facts.job_title, facts.company, letter.recipient)),
    ]
    words = len(" ".join(letter.paragraphs()).split())
    if words > PAGE_WORDS:
        found.append(
            f"The letter runs to {words} words, more than one page holds (about "
            f"{PAGE_WORDS}): shorten it."
        )
    return found


def _unsigned(letter: Draft) -> list[str]:
    if letter.signature.strip() and letter.sender_name.strip():
        return []
    return [
        "The letter is not signed: add your name in Journal → Profile (or type it under the "
        "closing)."
    ]


def _empty_parts(letter: Draft) -> list[str]:
    empty = [
        name
        for name, value in (
            ("subject", letter.subject),
            ("greeting", letter.salutation),
            ("text", " ".join(letter.paragraphs())),
        )
        if not value.strip()
    ]
    found = [f"The {name} is empty." for name in empty]
    if letter.kind == "counteroffer" and not re.search(r"\b(?:bring|contribut)", letter.body):
        found.append(
            "Nothing says what you will bring to the role: fill in “What I will bring”, or "
            "add a sentence."
        )
    return found


def _placeholders(text: str) -> list[str]:
    return [
        f"Something is left to fill in: “{hit}”."
        for hit in dict.fromkeys(_PLACEHOLDER.findall(text))
    ]


def _thanked_through_someone(letter: Draft) -> list[str]:
    name = letter.recipient.strip()
    if not name:
        return []
    through = re.search(r"pass (?:on )?my thanks to ([^.]*)", letter.body, re.I)
    if through and name in through[1]:
        return [
            f"{name} is thanked through someone, but the letter is to {name}: take the name out."
        ]
    return []


def _figures_without_currency(text: str) -> list[str]:
    return [
        f"“{figure}” has no currency: write it as, for example, USD {figure}."
        for figure in dict.fromkeys(_BARE_FIGURE.findall(text))
    ]


def _claims_not_recorded(letter: Draft, facts: Facts) -> list[str]:
    if not facts.company or letter.kind == "resignation":
        return []
    found = []
    for event, words, pattern in _CLAIMS:
        hit = pattern.search(letter.body)
        if hit and not _reached(facts, event):
            found.append(
                f"The letter speaks of {words} (“{hit[0]}”), but the journal has none for "
                f"{facts.company}: check it is true, or record it."
            )
    return found


def _agreed_salary_unknown(letter: Draft, facts: Facts) -> list[str]:
    if letter.kind != "accept_offer" or not facts.agreed_unknown:
        return []
    return [
        "The journal does not say what base salary was agreed in the last negotiation round, "
        "so the letter names none. Type the agreed salary in, or record the round's answer."
    ]


def _repeats(paragraphs: list[str], names: tuple[str, ...]) -> list[str]:
    """Sentences said twice, and a word said twice in one short sentence (names aside:
    "the Data Mentor position at Civic Data Trust" repeats no word of the writer's)."""
    found = []
    masked = []  # names hold full stops ("Sp. z o.o.") that end no sentence
    for paragraph in paragraphs:
        for number, name in enumerate(filter(None, names)):
            paragraph = paragraph.replace(name, f"\x00{number}\x00")
        masked.append(paragraph)
    sentences = [_unmasked(s.strip(), names) for p in masked for s in re.split(r"(?<=[.!?])\s+", p)]
    sentences = [s for s in sentences if s]
    seen: set[str] = set()
    for sentence in sentences:
        key = sentence.casefold()
        if key in seen:
            found.append(f"A sentence comes twice: “{sentence}”")
        seen.add(key)
        if len(sentence.split()) > _SHORT_SENTENCE:
            continue  # a long list repeats its nouns ("25 days …, remote days …") by nature
        own = sentence
        for name in filter(None, names):
            own = own.replace(name, " ")
        words = [w.casefold() for w in re.findall(r"[^\W\d_]{4,}", own)]
        twice = [w for w in dict.fromkeys(words) if words.count(w) > 1 and w not in _COMMON]
        if twice:
            found.append(f"“{twice[0]}” comes twice in one sentence: “{sentence}”")
    return found


def _unmasked(sentence: str, names: tuple[str, ...]) -> str:
    for number, name in enumerate(filter(None, names)):
        sentence = sentence.replace(f"\x00{number}\x00", name)
    return sentence


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

    return letters_for_endings(journal, others_to_end(journal, accepted_id), options)


def letters_for_endings(
    journal: Journal, endings: list[Ending], options: Options | None = None
) -> list[Draft]:

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
    if text[:2] in ("I ", "I'", "I’"):  # the pronoun stays as it is
        return text
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
