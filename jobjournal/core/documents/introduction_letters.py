"""The three letters of an introduction, drafted from the journal: the ask to the
connector (with a short note they can forward as it is), my follow-up to the person once
introduced, and a thank-you to the connector.

The shape follows the advice on asking a network for help (../shared/domain): the note
for the connector says who I am, what I am looking for and why this organisation, and
leaves the two people to take it from there; my reply says again why the organisation
interests me and asks for a short call for suggestions that would make my candidacy
stronger. Every sentence is our own.

Drafts are `letters.Draft`s: the same editing, Word export (`docx_letter`), email text and
keeping in the journal (`keep`) as every other letter, and `check` is the reader's check
with what only an introduction can get wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from jobjournal.core.documents import letters
from jobjournal.core.errors import InvalidInput
from jobjournal.core.records import plain
from jobjournal.core.storage import models as m
from jobjournal.core.work import network

if TYPE_CHECKING:
    from jobjournal.core.records.changes import Changes
    from jobjournal.core.records.journal import Journal

KINDS = m.INTRODUCTION_LETTERS


@dataclass(frozen=True)
class IntroFacts:
    """What the letters of one introduction may say."""

    today: date
    introduction_id: int
    sender_name: str
    sender_lines: tuple[str, ...]
    signature: str
    headline: str  # who I am, in a sentence ("a data engineer with eight years in payments")
    looking_for: str  # what I am looking for
    connector: str
    connector_organisation: str
    organisation: str  # the target's
    why: str  # why this organisation, in my words
    to_name: str
    to_role: str
    made: bool  # the introduction was made
    followed_up: bool
    month_first: bool


def gather(journal: Journal, introduction_id: int, today: date | None = None) -> IntroFacts:
    intro = journal.get(plain.Introduction, introduction_id)
    profile = journal.profile()
    sender = letters.gather(journal, None, today)
    connector_at = intro.connector.company.name if intro.connector.company else ""
    return IntroFacts(
        today=sender.today,
        introduction_id=introduction_id,
        sender_name=sender.sender_name,
        sender_lines=sender.sender_lines,
        signature=sender.signature,
        headline=_clause(profile.headline),
        looking_for=_clause(profile.looking_for),
        connector=intro.connector.name,
        connector_organisation=connector_at,
        organisation=intro.target.company.name,
        why=_clause(intro.target.why),
        to_name=intro.to_name,
        to_role=intro.to_role,
        made=intro.state == "made",
        followed_up=intro.followed_up_on is not None,
        month_first=bool(sender.month_first),
    )


_STARTERS = {"a", "an", "the", "my", "our", "their", "they", "its", "it", "this", "these", "we"}


def _clause(text: str) -> str:
    """A phrase typed as a sentence, fit to sit inside one: no full stop at its end, and
    a capital dropped from a first word that is no name ("A data engineer" → "a data
    engineer"; "Python developer" stays)."""
    text = " ".join(text.split()).rstrip(" .!")
    first, _, rest = text.partition(" ")
    if first.casefold() in _STARTERS and first[:1].isupper():
        text = f"{first.lower()} {rest}".strip()
    return text


def first_name(name: str) -> str:
    """How a letter greets someone known by name: the first word, unless it is a title."""
    words = name.split()
    if len(words) > 1 and words[0].rstrip(".").casefold() in {"dr", "prof", "mr", "ms", "mrs"}:
        return name
    return words[0] if words else name


def why_not(kind: m.IntroductionLetterKind, facts: IntroFacts) -> str:
    """Why this letter cannot be written yet, or "": the follow-up and the thank-you answer
    an introduction that was made."""
    if kind != "introduction_request" and not facts.made:
        return (
            f"{facts.connector} has not introduced you to {facts.to_name} yet. Mark the "
            "introduction made first, or write the request."
        )
    return ""


def draft(kind: m.IntroductionLetterKind, facts: IntroFacts, warm: bool = True) -> letters.Draft:
    refusal = why_not(kind, facts)
    if refusal:
        raise InvalidInput(refusal)
    subject, to, paragraphs = _WRITERS[kind](facts, warm)
    to_connector = kind != "introduction_follow_up"
    organisation = facts.connector_organisation if to_connector else facts.organisation
    title = "" if to_connector else facts.to_role
    return letters.Draft(
        kind=kind,
        day=facts.today,
        sender_name=facts.sender_name,
        sender_lines=list(facts.sender_lines),
        recipient_lines=[line for line in (to, title, organisation) if line],
        subject=subject,
        salutation=f"Dear {first_name(to)}," if warm else f"Hello {first_name(to)},",
        body="\n\n".join(p for p in paragraphs if p),
        closing="With thanks," if warm else "Kind regards,",
        signature=facts.signature or facts.sender_name,
        company=facts.organisation,
        recipient=to,
        month_first=facts.month_first,
        introduction_id=facts.introduction_id,
    )


def _request(facts: IntroFacts, warm: bool) -> tuple[str, str, list[str]]:
    to = facts.to_name
    whom = f"{to}, {facts.to_role} at {facts.organisation}" if facts.to_role else to
    looking = f" I am looking for {facts.looking_for}, and" if facts.looking_for else ""
    why = f" because {facts.why}" if facts.why else ""
    ask = (
        f"{'I hope you are well. ' if warm else ''}I am writing with a favour to ask.{looking} "
        f"{facts.organisation} is one of the organisations I would most like to join{why}."
    )
    at = "" if facts.to_role else f" at {facts.organisation}"
    would = (
        f"I understand you know {whom}{at}. Would you be willing to introduce us by email? A "
        "short conversation with them would help me understand the team and whether I could "
        "be a good fit."
    )
    note = _forwardable(facts)
    easy = "To save you time, here is a note you could send as it is, or change as you like:"
    free = (
        "If this is not a good moment, or you would rather not, I understand completely, "
        "and thank you either way."
    )
    subject = f"Would you introduce me to {to} at {facts.organisation}?"
    return subject, facts.connector, [ask, would, easy, note, free]


def _forwardable(facts: IntroFacts) -> str:
    """The connector's note to the person, in the connector's voice (quoted)."""
    me = facts.sender_name or "a friend of mine"
    first = first_name(facts.sender_name) if facts.sender_name else "My friend"
    sentences = [
        f"“Hi {first_name(facts.to_name)}, I would like you to meet {me}.",
        f"{first} is {facts.headline}." if facts.headline else "",
        f"{first} is looking for {facts.looking_for}, and is very interested in "
        f"{facts.organisation}."
        if facts.looking_for
        else f"{first} is very interested in {facts.organisation}.",
        "I thought you two should talk, in case there is an opening that suits their "
        "experience or you have time for a short conversation. I will let you take it "
        "from here.”",
    ]
    return " ".join(s for s in sentences if s)


def _follow_up(facts: IntroFacts, warm: bool) -> tuple[str, str, list[str]]:
    connector = first_name(facts.connector)
    thanks = (
        f"{connector} kindly introduced us, and I am glad to meet you. ({connector}, thank "
        "you; I have moved you to Bcc to spare your inbox.)"
    )
    me = []
    if facts.headline:
        me.append(f"I am {facts.headline}")
    if facts.looking_for:
        me.append(f"I am looking for {facts.looking_for}")
    about = (". ".join(me) + ".") if me else ""
    why = (
        f"{facts.organisation} interests me because {facts.why}."
        if facts.why
        else f"{facts.organisation} is one of the organisations I would most like to join."
    )
    ask = (
        "Would you have twenty minutes for a call in the next week or two? I would value "
        "your suggestions on what would make my candidacy stronger, and your view of the "
        "team's work."
    )
    close = "Thank you for your time; I look forward to hearing from you." if warm else ""
    subject = f"Introduction: {facts.sender_name or 'me'} and {facts.to_name}"
    return subject, facts.to_name, [thanks, about, why, ask, close]


def _thanks(facts: IntroFacts, warm: bool) -> tuple[str, str, list[str]]:
    thanks = (
        f"Thank you for introducing me to {facts.to_name} at {facts.organisation}. It was "
        "generous of you to take the time."
    )
    since = (
        f"I have written to {first_name(facts.to_name)} to ask for a short call, and I will "
        "let you know how it goes."
        if facts.followed_up
        else "I will let you know how it goes."
    )
    back = "If I can ever return the favour, I would be glad to." if warm else ""
    subject = f"Thank you for the introduction to {facts.to_name}"
    return subject, facts.connector, [thanks, since, back]


_WRITERS = {
    "introduction_request": _request,
    "introduction_follow_up": _follow_up,
    "introduction_thanks": _thanks,
}


def check(letter: letters.Draft, facts: IntroFacts) -> list[str]:
    """The reader's check of every letter (not signed, parts empty, something left to fill
    in, a sentence twice, too long), and what an introduction's letter can get wrong: it
    thanks for an introduction that was not made, or says too little of me to be
    forwarded."""
    found = letters.check(letter, letters.Facts(today=facts.today))
    text = letter.body
    if not facts.made and _THANKED_FOR_INTRODUCTION.search(text):
        found.append(
            f"The letter thanks for an introduction, but the journal says {facts.connector} "
            "has not made it yet: check it is true, or mark it made."
        )
    if letter.kind == "introduction_request":
        found.extend(_missing_for_request(facts))
    if letter.kind == "introduction_follow_up" and not facts.why:
        found.append(
            f"Nothing says why {facts.organisation} interests you: add it to the target "
            "organisation (“Why this organisation”), or write a sentence."
        )
    return found


_THANKED_FOR_INTRODUCTION = re.compile(r"for (?:the|your) introduction|for introducing me", re.I)


def _missing_for_request(facts: IntroFacts) -> list[str]:
    missing = [
        words
        for value, words in (
            (facts.headline, "who you are (“Who I am” in Journal → Profile)"),
            (facts.looking_for, "what you are looking for (“What I am looking for”)"),
            (facts.why, "why this organisation (on the target organisation)"),
        )
        if not value
    ]
    if not missing:
        return []
    return [
        "The note for the connector to forward does not say "
        + "; nor ".join(missing)
        + ". Add it, and draft again, so they can forward it as it is."
    ]


def keep(
    journal: Journal, letter: letters.Draft, exported_to: str = "", letter_id: int | None = None
) -> Changes:
    """Keep an introduction's letter in the journal, and with it (one undo) the step it
    does: followed up, or thanked, today."""
    if letter.introduction_id is None:
        raise ValueError("not an introduction's letter")
    fields = {
        "recipient": "\n".join(letter.recipient_lines),
        "subject": letter.subject,
        "body": letters.stored_body(letter),
    }
    if exported_to:
        fields["exported_to"] = exported_to
    with journal.recorded() as (session, log):
        if letter_id is None:
            record = m.Letter(introduction_id=letter.introduction_id, kind=letter.kind, **fields)
            session.add(record)
        else:
            found = session.get(m.Letter, letter_id)
            if found is None:
                raise InvalidInput("That letter no longer exists.")
            record = found
            for name, value in fields.items():
                setattr(record, name, value)
        network.letter_kept(session, letter.introduction_id, letter.kind, letter.day)
        session.flush()
        return log.undo(session).changes(record.id)
