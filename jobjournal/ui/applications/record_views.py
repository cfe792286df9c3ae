"""Read-only pages of what is recorded under an application: interviews, offers, feedback.

Each record gets an HTML anchor (`interview-12`), so a search hit can scroll to it.
"""

from __future__ import annotations

from datetime import date
from html import escape
from typing import TYPE_CHECKING

from jobjournal.core.records import plain
from jobjournal.core.records.dates import day_text, moment_text
from jobjournal.core.records.money import format_amount
from jobjournal.core.records.transitions import DECIDING
from jobjournal.core.storage import models as m
from jobjournal.core.work.offers import VERBAL_REMINDER, argument_sentence, countdown

if TYPE_CHECKING:
    from collections.abc import Callable

    from jobjournal.core.work.packages import Verdict


def interviews_html(interviews: list[plain.Interview]) -> str:
    if not interviews:
        return _empty("No interviews recorded for this application yet.")
    return "".join(interview_html(interview) for interview in interviews)


def offers_html(
    offers: list[plain.Offer],
    verdicts: dict[int, Verdict] | None = None,
    *,
    status: str = "",
    today: date | None = None,
) -> str:
    """The offers with what can be done with each, their countdown, and how each measures
    up to my targets (`verdicts` by offer id)."""
    if not offers:
        return _empty(
            "No offer recorded for this application. Press “Record an offer” when one comes."
        )
    verdicts = verdicts or {}
    latest = offers[-1].id
    return "".join(
        _offer(offer, verdicts.get(offer.id), status if offer.id == latest else "", today)
        for offer in offers
    )


def feedback_html(
    requests: list[plain.FeedbackRequest], apply_again_after: date | None = None
) -> str:
    again = (
        f"<p>↻ Apply to this company again after <b>{escape(_day(apply_again_after))}</b>.</p>"
        if apply_again_after
        else ""
    )
    if not requests:
        return again + _empty(
            "No feedback asked for or received on this application. After a rejection, "
            "“Record feedback” notes your request, and later what they said."
        )
    return again + "".join(_feedback(request) for request in requests)


def interview_html(interview: plain.Interview, *, links: bool = True) -> str:
    """One interview's page; `links` adds what can be done with it (the Interviews tab)."""

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
        f'<a href="{href(action, interview_id)}">{escape(label)}</a>'
        for action, label in INTERVIEW_LINKS.items()
    )
    return f"<p>{links}</p>"


def _question(question: plain.InterviewQuestion) -> str:

    who = m.QUESTION_DIRECTIONS.get(question.direction, "")
    body = _texts(("My answer", question.my_answer), ("Next time", question.next_time))
    rating = f" <small>{_stars(question.rating)}</small>" if question.rating else ""
    return (
        f'<a name="question-{question.id}"></a><p><i>{escape(who)}:</i> '
        f"<b>{escape(question.question)}</b>{rating}</p>{body}"
    )


# What can be done with an offer from its page: `DetailPane` turns a click into a request.
OFFER_LINKS = {
    "edit_offer": "Edit the offer",
    "round": "Start round {next}…",
    "counteroffer": "Counteroffer letter…",
    "compare": "Compare offers…",
    "accept": "Accept…",
    "decline": "Decline…",
}


def _offer_links(offer: plain.Offer, status: str) -> str:
    wanted = ["edit_offer", "compare"]
    if status in DECIDING:
        wanted = ["edit_offer", "round", "counteroffer", "compare", "accept", "decline"]
    links = " · ".join(
        f'<a href="{href(action, offer.id)}">'
        f"{escape(OFFER_LINKS[action].format(next=len(offer.rounds) + 1))}</a>"
        for action in wanted
    )
    return f"<p>{links}</p>"


def _offer(offer: plain.Offer, verdict: Verdict | None, status: str, today: date | None) -> str:

    def money(cents: int | None) -> str:
        return format_amount(cents, offer.currency)

    notes = ""
    left = countdown(offer.respond_by, today or date.today()) if status in DECIDING else None
    if left is not None:
        style = ' style="color:#d93025"' if left.urgent else ""
        deadline = f"Answer by {_day(offer.respond_by)}: {left.text}"
        notes += f"<p{style}><b>◷ {escape(deadline)}</b></p>"
    if offer.kind == "verbal" and status in DECIDING:
        notes += f"<p><i>{escape(VERBAL_REMINDER)}</i></p>"
    if verdict is not None:
        notes += _verdict(verdict)
    period = m.SALARY_PERIODS.get(offer.period, "")
    facts = _facts(
        ("Received", _day(offer.received_on)),
        ("Respond by", _day(offer.respond_by)),
        ("Base salary", f"{money(offer.base_cents)} {period}" if offer.base_cents else ""),
        ("Bonus", money(offer.bonus_cents) or _percent(offer.bonus_percent)),
        ("Sign-on", money(offer.sign_on_cents)),
        ("Equity", offer.equity),
        ("Equity grant's value", _vesting(offer, money)),
        ("Paid time off", f"{offer.pto_days} days" if offer.pto_days else ""),
        ("Work model", m.WORK_MODELS.get(offer.work_model or "", "")),
        ("Commute", _commute(offer, money)),
        ("Start date", _day(offer.start_on)),
        ("Relocation", money(offer.relocation_cents)),
        ("Learning stipend", money(offer.learning_stipend_cents)),
        ("Health cover starts", offer.health_start),
        ("Retirement match", offer.retirement_match),
        ("Benefits' value a year", money(offer.benefits_value_cents)),
    )
    texts = _texts(("Other perks", offer.other_perks), ("My notes", offer.notes))
    rounds = "".join(_round(r, money) for r in offer.rounds)
    if rounds:
        rounds = f"<h4>Negotiation</h4>{rounds}"
    title = f"{m.OFFER_KINDS.get(offer.kind, offer.kind)} offer"
    body = _offer_links(offer, status) + notes + facts + texts + rounds
    return _section(f"offer-{offer.id}", title, body)


def _vesting(offer: plain.Offer, money: Callable[[int | None], str]) -> str:
    if not offer.equity_value_cents:
        return ""
    text = money(offer.equity_value_cents)
    if offer.vesting_years:
        text += f", vesting over {offer.vesting_years} years"
    if offer.vesting_cliff_months:
        text += f" after a {offer.vesting_cliff_months}-month cliff"
    return text


def _commute(offer: plain.Offer, money: Callable[[int | None], str]) -> str:
    parts = [f"{offer.commute_minutes} min each way"] if offer.commute_minutes else []
    if offer.commute_cost_cents:
        parts.append(f"{money(offer.commute_cost_cents)} a round trip")
    return ", ".join(parts)


def _verdict(verdict: Verdict) -> str:
    warning = ""
    if verdict.walk_away_warning:
        warning = f'<p style="color:#d93025"><b>⚠ {escape(verdict.walk_away_warning)}</b></p>'
    marks = {True: "✓", False: "✗", None: "?"}
    items = "".join(
        f"<li>{marks[c.met]} {escape(c.item)}: {escape(c.offered)} "
        f"<small>(my target: {escape(c.wanted)})</small></li>"
        for c in verdict.checks
    )
    listed = f"<ul>{items}</ul>" if items else ""
    return f"{warning}<p><b>Against my targets:</b> {escape(verdict.summary())}</p>{listed}"


def _round(round_: plain.NegotiationRound, money: Callable[[int | None], str]) -> str:

    facts = _facts(
        ("Asked on", _day(round_.asked_on)),
        ("Asked for", money(round_.asked_base_cents)),
        ("Beyond salary", "; ".join(round_.asked_other.splitlines())),
        ("Their answer on", _day(round_.answered_on)),
        ("They offered", money(round_.answered_base_cents)),
    )
    reasons = "".join(
        f"<li><i>{escape(m.ARGUMENT_KINDS.get(a.kind, a.kind))}:</i> "
        f"{escape(argument_sentence(a))}</li>"
        for a in round_.reasons
    )
    reasons = f"<p><i>Why it is fair:</i></p><ul>{reasons}</ul>" if reasons else ""
    texts = _texts(("In my own words", round_.arguments), ("Their answer", round_.answer))
    edit = f'<a href="{href("edit_round", round_.id)}">Edit round</a>'
    return (
        f'<a name="negotiation-{round_.id}"></a><p><b>Round {round_.number}</b> · {edit}</p>'
        f"{facts}{reasons}{texts}"
    )


def _feedback(request: plain.FeedbackRequest) -> str:

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
    links = [
        f'<a href="{href("edit_feedback", request.id)}">'
        f"{'Edit' if request.answered_on else 'Record their answer…'}</a>"
    ]
    if request.answered_on is None:
        links.append(f'<a href="{href("remind", request.id)}">Write a follow-up…</a>')
    title = "Feedback" if request.answered_on else "Feedback request (no answer yet)"
    body = f"<p>{' · '.join(links)}</p>{facts}{texts}{actions}"
    return _section(f"feedback-{request.id}", title, body)


# -- pieces -------------------------------------------------------------------------------


def href(action: str, ref_id: int) -> str:
    """A link asking for `action` on a record. The action becomes the URL's scheme, and a
    scheme cannot hold "_": Qt would hand back an empty, invalid URL."""
    return f"{action.replace('_', '-')}:{ref_id}"


def link_target(url: str) -> tuple[str, int] | None:
    """What `href` wrote: the action and the record's id."""
    action, _, ref = url.partition(":")
    return (action.replace("-", "_"), int(ref)) if ref.isdigit() else None


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


def _person(contact: plain.Contact) -> str:
    return f"{contact.name} ({contact.title})" if contact.title else contact.name


def _stars(rating: int | None) -> str:
    return f"{'★' * rating}{'☆' * (5 - rating)}" if rating else ""


def _day(day: date | None) -> str:
    return day_text(day)


def _percent(value: int | None) -> str:
    return f"{value}% of base" if value else ""


def _empty(text: str) -> str:
    return f"<p><i>{escape(text)}</i></p>"
