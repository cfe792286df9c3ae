"""Which status may follow which, and what an ending needs.

The pipeline moves forward, may skip steps (a recruiter can call before you apply), and
ends in accepted, declined, withdrawn, rejected or no response. A wrong jump is refused
with a message that says what is missing.
"""

from __future__ import annotations

from jobjournal.core.errors import InvalidInput
from jobjournal.core.storage.models import REASONS, Status

S = Status
ACTIVE = frozenset(
    {S.SAVED, S.APPLIED, S.SCREENING, S.INTERVIEWING, S.OFFER, S.NEGOTIATING, S.NO_RESPONSE}
)
DECIDING = frozenset({S.OFFER, S.NEGOTIATING})  # an offer on the table, not yet answered
FINAL = frozenset({S.ACCEPTED, S.DECLINED, S.WITHDRAWN, S.REJECTED})
PIPELINE = [S.SAVED, S.APPLIED, S.SCREENING, S.INTERVIEWING, S.OFFER, S.NEGOTIATING, S.ACCEPTED]

_ALLOWED: dict[Status, frozenset[Status]] = {
    S.SAVED: frozenset({S.APPLIED, S.SCREENING, S.INTERVIEWING, S.WITHDRAWN}),
    S.APPLIED: frozenset(
        {S.SCREENING, S.INTERVIEWING, S.OFFER, S.REJECTED, S.NO_RESPONSE, S.WITHDRAWN}
    ),
    S.SCREENING: frozenset({S.INTERVIEWING, S.OFFER, S.REJECTED, S.NO_RESPONSE, S.WITHDRAWN}),
    S.INTERVIEWING: frozenset({S.OFFER, S.REJECTED, S.NO_RESPONSE, S.WITHDRAWN}),
    S.OFFER: frozenset({S.NEGOTIATING, S.ACCEPTED, S.DECLINED, S.REJECTED}),
    S.NEGOTIATING: frozenset({S.ACCEPTED, S.DECLINED, S.REJECTED}),
    S.NO_RESPONSE: frozenset({S.SCREENING, S.INTERVIEWING, S.OFFER, S.REJECTED, S.WITHDRAWN}),
    S.ACCEPTED: frozenset(),
    S.DECLINED: frozenset(),
    S.WITHDRAWN: frozenset(),
    S.REJECTED: frozenset(),
}

# Who ends an application by reaching each ending, and whether a reason is asked for.
ENDED_BY_STATUS = {S.DECLINED: "me", S.WITHDRAWN: "me", S.REJECTED: "them", S.NO_RESPONSE: "them"}
ASKS_FOR_REASON = frozenset({S.DECLINED, S.WITHDRAWN, S.REJECTED})


def allowed_next(current: Status) -> list[Status]:
    return [status for status in Status if status in _ALLOWED[current]]


def check_transition(current: Status, target: Status) -> None:
    """Raise InvalidInput with a helpful message when `current` → `target` is not allowed."""
    if target in _ALLOWED[current]:
        return
    raise InvalidInput(_why_not(current, target))


def _why_not(current: Status, target: Status) -> str:
    if current == target:
        return f"The application is already “{current.label}”."
    if current in FINAL:
        return (
            f"The application has ended ({current.label}). Undo that change first, or "
            "add a new application if you are applying again."
        )
    if target in (S.ACCEPTED, S.DECLINED, S.NEGOTIATING):
        return (
            f"“{target.label}” needs an offer first: mark the application “Offer” when one arrives."
        )
    if current in (S.OFFER, S.NEGOTIATING) and target == S.WITHDRAWN:
        return "With an offer on the table, choose “Declined” to turn it down."
    return f"An application cannot go from “{current.label}” to “{target.label}”."


# The reasons a person picks from when an application ends that way, most common first.
_MY_REASONS = (
    "salary_below_market",
    "salary_below_current",
    "accepted_other_offer",
    "role_not_a_fit",
    "responsibilities",
    "location",
    "culture",
    "benefits",
    "process",
    "personal",
    "other",
)
REASONS_FOR: dict[Status, tuple[str, ...]] = {
    S.DECLINED: _MY_REASONS,
    S.WITHDRAWN: _MY_REASONS,
    S.REJECTED: (
        "other_candidate",
        "qualifications",
        "position_filled",
        "position_cancelled",
        "other",
    ),
}


def check_reason(target: Status, reason_code: str | None) -> None:
    """A reason must fit the ending: an employer's rejection has no "I accepted another
    offer", and a person's withdrawal has no "they chose another candidate"."""
    if reason_code is None:
        return
    if reason_code not in REASONS:
        raise InvalidInput(f"Unknown reason {reason_code!r}.")
    fitting = REASONS_FOR.get(target, ())
    if reason_code not in fitting:
        ending = f"“{target.label}”" if fitting else f"a move to “{target.label}”"
        raise InvalidInput(f"“{REASONS[reason_code]}” is not a reason for {ending}.")
