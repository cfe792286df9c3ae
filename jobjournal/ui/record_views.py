"""Read-only pages of what is recorded under an application: interviews, offers, feedback.

Each record gets an HTML anchor (`interview-12`), so a search hit can scroll to it.
"""

from __future__ import annotations

from datetime import date
from html import escape
from typing import TYPE_CHECKING

from jobjournal.ui.dates import day_text, moment_text

if TYPE_CHECKING:
    from jobjournal.core import models as m


def interviews_html(interviews: list[m.Interview]) -> str:
    if not interviews:
        return _empty("No interviews recorded for this application yet.")
    return "".join(interview_html(interview) for interview in interviews)


def offers_html(offers: list[m.Offer]) -> str:
    if not offers:
        return _empty("No offer recorded for this application.")
    return "".join(_offer(offer) for offer in offers)


def feedback_html(requests: list[m.FeedbackRequest]) -> str:
    if not requests:
        return _empty("No feedback asked for or received on this application.")
    return "".join(_feedback(request) for request in requests)


def interview_html(interview: m.Interview, *, links: bool = True) -> str:
    """One interview's page; `links` adds what can be done with it (the Interviews tab)."""
    from jobjournal.core import models as m

    when = moment_text(interview.starts_at) or "date not set"
    title = f"{m.INTERVIEW_ROUNDS.get(interview.round, interview.round)} — {when}"
    facts = _facts(
        ("Format", m.INTERVIEW_FORMATS.get(interview.format or "", "")),
        ("Where", interview.place),
        ("People met", ", ".join(_person(p) for p in interview.people)),
        ("Overall feeling", _stars(interview.overall_rating)),
        ("Thank-you sent", _day(interview.thank_you_sent_on)),
        ("Decision expected", _day(interview.expected_decision_on)),
    )
    texts = _texts(
        ("Reflection", interview.reflection),
        ("What went well", interview.went_well),
        ("What to improve", interview.to_improve),
        ("Promised to send", interview.promised_to_send),
    )
    questions = "".join(_question(q) for q in interview.questions)
    if questions:
        questions = f"<h4>Questions</h4>{questions}"
    actions = _links(interview.id) if links else ""
    return _section(f"interview-{interview.id}", title, actions + facts + texts + questions)


# What can be done with an interview from its page: `DetailPane` turns a click into a request.
INTERVIEW_LINKS = {
    "reflection": "Write the reflection",
    "details": "Details and people",
    "prep": "Prep sheet…",
    "print": "Print it…",
    "thank_you": "Thank-you letter…",
}


def _links(interview_id: int) -> str:
    links = " · ".join(
        f'<a href="{action}:{interview_id}">{escape(label)}</a>'
        for action, label in INTERVIEW_LINKS.items()
    )
    return f"<p>{links}</p>"


def _question(question: m.InterviewQuestion) -> str:
    from jobjournal.core import models as m

    who = m.QUESTION_DIRECTIONS.get(question.direction, "")
    body = _texts(("My answer", question.my_answer), ("Next time", question.next_time))
    rating = f" <small>{_stars(question.rating)}</small>" if question.rating else ""
    return (
        f'<a name="question-{question.id}"></a><p><i>{escape(who)}:</i> '
        f"<b>{escape(question.question)}</b>{rating}</p>{body}"
    )


def _offer(offer: m.Offer) -> str:
    from jobjournal.core import models as m
    from jobjournal.core.money import format_amount

    def money(cents: int | None) -> str:
        return format_amount(cents, offer.currency)

    period = m.SALARY_PERIODS.get(offer.period, "")
    facts = _facts(
        ("Received", _day(offer.received_on)),
        ("Respond by", _day(offer.respond_by)),
        ("Base salary", f"{money(offer.base_cents)} {period}" if offer.base_cents else ""),
        ("Bonus", money(offer.bonus_cents) or _percent(offer.bonus_percent)),
        ("Sign-on", money(offer.sign_on_cents)),
        ("Equity", offer.equity),
        ("Paid time off", f"{offer.pto_days} days" if offer.pto_days else ""),
        ("Work model", m.WORK_MODELS.get(offer.work_model or "", "")),
        ("Start date", _day(offer.start_on)),
        ("Relocation", money(offer.relocation_cents)),
        ("Learning stipend", money(offer.learning_stipend_cents)),
        ("Health cover starts", offer.health_start),
        ("Retirement match", offer.retirement_match),
    )
    texts = _texts(("Other perks", offer.other_perks), ("Notes", offer.notes))
    rounds = "".join(_round(r, money) for r in offer.rounds)
    if rounds:
        rounds = f"<h4>Negotiation</h4>{rounds}"
    title = f"{m.OFFER_KINDS.get(offer.kind, offer.kind)} offer"
    return _section(f"offer-{offer.id}", title, facts + texts + rounds)


def _round(round_: m.NegotiationRound, money: object) -> str:
    assert callable(money)
    facts = _facts(
        ("Asked on", _day(round_.asked_on)),
        ("Asked for", money(round_.asked_base_cents)),
        ("Beyond salary", round_.asked_other),
        ("Their answer on", _day(round_.answered_on)),
        ("They offered", money(round_.answered_base_cents)),
    )
    texts = _texts(("My arguments", round_.arguments), ("Their answer", round_.answer))
    return (
        f'<a name="negotiation-{round_.id}"></a><p><b>Round {round_.number}</b></p>{facts}{texts}'
    )


def _feedback(request: m.FeedbackRequest) -> str:
    from jobjournal.core import models as m

    facts = _facts(
        ("Asked on", _day(request.asked_on)),
        ("By", m.CHANNELS.get(request.channel, request.channel)),
        ("Answered on", _day(request.answered_on) or "no answer yet"),
    )
    texts = _texts(("Feedback", request.feedback), ("Lessons", request.lessons))
    actions = "".join(
        f'<a name="action-{a.id}"></a><li>{"☑" if a.done else "☐"} {escape(a.text)}</li>'
        for a in request.actions
    )
    if actions:
        actions = f"<h4>Action items</h4><ul>{actions}</ul>"
    return _section(f"feedback-{request.id}", "Feedback request", facts + texts + actions)


# -- pieces -------------------------------------------------------------------------------


def _section(anchor: str, title: str, body: str) -> str:
    return f'<a name="{anchor}"></a><h3>{escape(title)}</h3>{body}<hr>'


def _facts(*pairs: tuple[str, str]) -> str:
    rows = "".join(
        f"<tr><td><i>{escape(name)}</i>&nbsp;&nbsp;</td><td>{escape(value)}</td></tr>"
        for name, value in pairs
        if value
    )
    return f"<table>{rows}</table>" if rows else ""


def _texts(*pairs: tuple[str, str]) -> str:
    return "".join(
        f"<p><i>{escape(name)}:</i><br>{_paragraphs(value)}</p>" for name, value in pairs if value
    )


def _paragraphs(text: str) -> str:
    return escape(text).replace("\n", "<br>")


def _person(contact: m.Contact) -> str:
    return f"{contact.name} ({contact.title})" if contact.title else contact.name


def _stars(rating: int | None) -> str:
    return f"{'★' * rating}{'☆' * (5 - rating)}" if rating else ""


def _day(day: date | None) -> str:
    return day_text(day)


def _percent(value: int | None) -> str:
    return f"{value}% of base" if value else ""


def _empty(text: str) -> str:
    return f"<p><i>{escape(text)}</i></p>"
