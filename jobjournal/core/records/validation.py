"""Checking what a person entered before it is saved.

Each field is checked against its column (type, length, money, 1–5 ratings, choices),
then each record against rules that involve two fields (a range's minimum above its
maximum, an answer dated before its question). Every refusal is an InvalidInput whose
message names the field in words a person uses.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase

from jobjournal.core.errors import InvalidInput
from jobjournal.core.records import dates
from jobjournal.core.records.money import check_cents
from jobjournal.core.storage import models as m

MAX_TEXT_CHARS = 20_000_000  # a 20 MB note is a pasted file, not a note; refuse it kindly

_LABELS = {
    "name": "Name",
    "job_title": "Job title",
    "question": "Question",
    "item": "Item",
    "text": "Text",
    "posted_min_cents": "Posted salary (minimum)",
    "posted_max_cents": "Posted salary (maximum)",
    "expected_cents": "Expected salary",
    "base_cents": "Base salary",
    "target_min_cents": "Target salary (minimum)",
    "target_max_cents": "Target salary (maximum)",
    "walk_away_cents": "Walk-away point",
    "priority": "Excitement",
    "overall_rating": "Overall feeling",
    "rating": "Rating",
    "respond_by": "Respond-by date",
    "received_on": "Received on",
    "answered_on": "Answered on",
    "asked_on": "Asked on",
    "pto_days": "Paid time off (days)",
    "commute_minutes": "Commute (minutes each way)",
    "commute_cost_cents": "Commute cost (a round trip)",
    "benefits_value_cents": "Benefits' value a year",
    "equity_value_cents": "Equity grant's value",
    "asked_base_cents": "Base salary I asked for",
    "answered_base_cents": "Base salary they answered",
    "detail": "Argument",
    "to_name": "Whom to be introduced to",
    "held_on": "Date of the conversation",
    "made_on": "Introduced on",
    "followed_up_on": "Followed up on",
    "thanked_on": "Thanked on",
    "last_contacted_on": "Last contact",
    "follow_up_on": "Next follow-up",
    "seen_on": "Seen on",
    "profile_url": "Profile link",
}
_REQUIRED_TEXT = {"name", "job_title", "question", "item", "text", "detail", "to_name"}
# Dates that record something that happened: none of them can be in the future.
_HAPPENED = {
    "applied_on",
    "received_on",
    "asked_on",
    "answered_on",
    "held_on",
    "made_on",
    "followed_up_on",
    "thanked_on",
    "last_contacted_on",
    "seen_on",
}
_ONE_TO_FIVE = {"priority", "overall_rating", "rating"}
_UPPER_BOUNDS = {
    "pto_days": 366,
    "bonus_percent": 1000,
    "vesting_years": 20,
    "vesting_cliff_months": 120,
    "duration_minutes": 24 * 60,
    "commute_minutes": 24 * 60,
}
_CHOICES: dict[str, dict[str, str]] = {
    "work_model": m.WORK_MODELS,
    "source": m.SOURCES,
    "salary_period": m.SALARY_PERIODS,
    "period": m.SALARY_PERIODS,
    "relation": m.RELATIONSHIPS,
    "round": m.INTERVIEW_ROUNDS,
    "format": m.INTERVIEW_FORMATS,
    "direction": m.QUESTION_DIRECTIONS,
    "channel": m.CHANNELS,
    "money_style": m.MONEY_STYLES,
    "date_style": m.DATE_STYLES,
}
_CHOICES_BY_TABLE: dict[tuple[str, str], dict[str, str] | None] = {
    ("offers", "kind"): m.OFFER_KINDS,
    ("letters", "kind"): m.ALL_LETTER_KINDS,
    ("targets", "status"): m.TARGET_STATUSES,
    ("introductions", "state"): m.INTRODUCTION_STATES,
    ("requirements", "mark"): m.REQUIREMENT_MARKS,
    ("negotiation_arguments", "kind"): m.ARGUMENT_KINDS,
    ("negotiation_arguments", "source"): None,  # where market data is from: free text
}
# Set only by their own operations (set_status), never by a plain edit.
_PROTECTED = {"id"}
_PROTECTED_BY_TABLE = {
    "applications": {"status", "status_changed_at", "created_at", "title_fold", "title_order"},
    "companies": {"name_fold", "name_order"},
    "contacts": {"name_fold", "name_order"},
}


def choices_for(table: str, name: str) -> dict[str, str] | None:
    """The stored values a text field may take (keys) with their labels, or None."""
    return _CHOICES_BY_TABLE.get((table, name), _CHOICES.get(name))


def is_required_text(name: str) -> bool:
    return name in _REQUIRED_TEXT


def int_range(name: str) -> tuple[int, int | None]:
    """The smallest and largest whole number a field takes (None: no upper bound)."""
    if name in _ONE_TO_FIVE:
        return 1, 5
    return 0, _UPPER_BOUNDS.get(name)


def happened(name: str) -> bool:
    """A date that records something that happened, so it cannot be in the future."""
    return name in _HAPPENED


def label(field: str) -> str:
    return _LABELS.get(field) or field.removesuffix("_cents").replace("_", " ").capitalize()


def clean(model: type[DeclarativeBase], fields: dict[str, Any]) -> dict[str, Any]:
    """The fields, checked and normalised; a bug (unknown field) raises TypeError."""
    table: Any = model.__table__
    cleaned = {}
    protected = _PROTECTED | _PROTECTED_BY_TABLE.get(table.name, set())
    for name, value in fields.items():
        if name in protected or name not in table.c:
            raise TypeError(f"{model.__name__} has no editable field {name!r}")
        cleaned[name] = _clean_value(table.name, name, table.c[name], value)
    return cleaned


def _clean_value(table: str, name: str, column: Any, value: Any) -> Any:
    if value is None:
        if not column.nullable:
            raise InvalidInput(f"{label(name)} cannot be left empty.")
        return None
    kind = column.type
    if isinstance(kind, (String, Text)):
        return _clean_text(table, name, kind, value)
    if isinstance(kind, Boolean):
        return _typed(name, value, bool)
    if isinstance(kind, Integer):
        return _clean_int(name, value)
    if isinstance(kind, DateTime):
        return _typed(name, value, datetime)
    if isinstance(kind, Date):
        if isinstance(value, datetime):
            raise InvalidInput(f"{label(name)} takes a date without a time.")
        day: date = _typed(name, value, date)
        if happened(name) and day > date.today():
            raise InvalidInput(
                f"{label(name)} cannot be in the future ({dates.day_text(day)}): it records "
                "something that has happened. Put a plan in the next action instead."
            )
        return day
    raise TypeError(f"no check for column {name!r} of type {kind!r}")


def _typed(name: str, value: Any, expected: type) -> Any:
    if not isinstance(value, expected):
        raise InvalidInput(f"{label(name)} must be a {expected.__name__}.")
    return value


_replaced = [0]  # characters replaced since the window last told the person


def storable(text: str) -> str:
    """The text with what cannot be stored (a lone surrogate from a broken paste)
    replaced by U+FFFD, so the rest is saved instead of the edit failing. The window
    says how many were replaced (`take_replaced_count`)."""
    if text.isascii() or not any(_is_surrogate(c) for c in text):
        return text
    _replaced[0] += sum(_is_surrogate(c) for c in text)
    return "".join("\ufffd" if _is_surrogate(c) else c for c in text)


def take_replaced_count() -> int:
    """How many characters `storable` replaced since the last call."""
    count, _replaced[0] = _replaced[0], 0
    return count


def _is_surrogate(character: str) -> bool:
    return "\ud800" <= character <= "\udfff"


def _clean_text(table: str, name: str, kind: Any, value: Any) -> str:
    # Kept as typed (composed or not): matching and order use keys made from it (see
    # `folding`), and search reads both forms alike.
    text: str = storable(_typed(name, value, str))
    if name in _REQUIRED_TEXT:
        text = text.strip()
        if not text:
            raise InvalidInput(f"{label(name)} cannot be empty.")
    choices = choices_for(table, name)
    if choices is not None and text not in choices:
        raise InvalidInput(f"{label(name)} must be one of: {', '.join(choices.values())}.")
    if name == "currency" or name == "salary_currency":
        return _clean_currency(text)
    limit = getattr(kind, "length", None) or MAX_TEXT_CHARS
    if len(text) > limit:
        raise InvalidInput(f"{label(name)} is too long (at most {limit:,} characters).")
    return text


def _clean_currency(text: str) -> str:
    code = text.strip().upper()
    if code and (len(code) != 3 or not code.isalpha() or not code.isascii()):
        raise InvalidInput("Currency must be a three-letter code such as USD, EUR or GBP.")
    return code


def _clean_int(name: str, value: Any) -> int:
    if name.endswith("_cents"):
        return check_cents(value, label(name))
    number = _typed(name, value, int)
    if isinstance(number, bool):
        raise InvalidInput(f"{label(name)} must be a whole number.")
    lowest, upper = int_range(name)
    if lowest == 1 and upper is not None and not 1 <= number <= upper:
        raise InvalidInput(f"{label(name)} goes from 1 to {upper}.")
    if number < 0:
        raise InvalidInput(f"{label(name)} cannot be negative.")
    if upper is not None and number > upper:
        raise InvalidInput(f"{label(name)} cannot be more than {upper}.")
    return int(number)


# ---------------------------------------------------------------------------------------
# Rules between fields, checked on the whole record after an edit

_ORDERED_PAIRS = [  # (first, second): second may not come before / be below first
    ("posted_min_cents", "posted_max_cents"),
    ("target_min_cents", "target_max_cents"),
    ("received_on", "respond_by"),
    ("asked_on", "answered_on"),
]


def check_record(record: Any) -> None:
    for first, second in _ORDERED_PAIRS:
        low, high = getattr(record, first, None), getattr(record, second, None)
        if low is not None and high is not None and high < low:
            raise InvalidInput(_order_message(first, second))
    _check_walk_away(record)


def _order_message(first: str, second: str) -> str:
    if first.endswith("_cents"):
        return f"{label(first)} is above {label(second).lower()}."
    return f"{label(second)} cannot be before {label(first).lower()}."


def _check_walk_away(record: Any) -> None:
    walk_away = getattr(record, "walk_away_cents", None)
    target_max = getattr(record, "target_max_cents", None)
    if walk_away is not None and target_max is not None and walk_away > target_max:
        raise InvalidInput("The walk-away point is above your target range.")
