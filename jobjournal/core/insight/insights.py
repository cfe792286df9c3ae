"""What the search as a whole is telling you: how far applications get, which sources
work, how long companies take to answer, and the pace week by week.

Everything is read from the status history (plus interviews and offers recorded without
a status change), in three queries, so a journal of 100,000 applications stays quick.
An application "reaches" a stage when it got there or further: one that skipped the
screening call still counts as screened, as funnels are read.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import select

from jobjournal.core.storage import models as m
from jobjournal.core.storage.models import Status

if TYPE_CHECKING:
    from jobjournal.core.records.journal import Journal

S = Status
# The funnel's stages in order, and the statuses that mean an application got that far.
STAGES = ("Applied", "Screening", "Interviews", "Offers", "Accepted")
_STAGE_OF = {
    S.APPLIED: 0,
    S.SCREENING: 1,
    S.INTERVIEWING: 2,
    S.OFFER: 3,
    S.NEGOTIATING: 3,
    S.DECLINED: 3,  # only an offer can be declined
    S.ACCEPTED: 4,
}
# Their first sign of life after I applied, and their decision.
_RESPONSES = frozenset({S.SCREENING, S.INTERVIEWING, S.OFFER, S.REJECTED})
_DECISIONS = frozenset({S.OFFER, S.REJECTED})
WEEKS_SHOWN = 26  # at most half a year of weekly bars


@dataclass(frozen=True)
class Stage:
    name: str
    reached: int
    conversion: float | None  # share of the stage before that got here; None for the first


@dataclass(frozen=True)
class SourceRow:
    source: str  # the label a person reads
    applied: int
    responded: int
    interviews: int
    offers: int

    @property
    def response_rate(self) -> float | None:
        return self.responded / self.applied if self.applied else None


@dataclass(frozen=True)
class Week:
    starts_on: date  # a Monday
    applications: int
    interviews: int


@dataclass(frozen=True)
class Insights:
    funnel: list[Stage]
    sources: list[SourceRow]
    applied: int
    responded: int
    median_days_to_response: float | None
    median_days_to_decision: float | None
    weeks: list[Week] = field(default_factory=list)
    rejected_at: dict[str, int] = field(default_factory=dict)  # stage label → rejections

    @property
    def response_rate(self) -> float | None:
        return self.responded / self.applied if self.applied else None


@dataclass
class _Path:
    """One application as the numbers need it."""

    source: str | None
    applied_on: date | None
    stage: int = -1  # -1: never applied (saved only)
    responded_on: date | None = None
    decided_on: date | None = None
    replied: bool = False
    rejected_at: Status | None = None  # the stage it was at when they said no
    last: Status | None = None


def insights(journal: Journal, today: date | None = None) -> Insights:
    today = today or date.today()
    with journal.session() as session:
        paths = {
            app_id: _Path(source, applied_on)
            for app_id, source, applied_on in session.execute(
                select(m.Application.id, m.Application.source, m.Application.applied_on)
            )
        }
        history = session.execute(
            select(
                m.StatusChange.application_id, m.StatusChange.to_status, m.StatusChange.changed_on
            ).order_by(m.StatusChange.application_id, m.StatusChange.changed_on, m.StatusChange.id)
        )
        for app_id, status, changed_on in history:
            _follow(paths[app_id], Status(status), changed_on)
        interviews = list(
            session.execute(select(m.Interview.application_id, m.Interview.starts_at))
        )
        with_offer = set(session.scalars(select(m.Offer.application_id).distinct()))
    for app_id, _starts in interviews:
        _reach(paths[app_id], 2)
    for app_id in with_offer:
        _reach(paths[app_id], 3)
    applied = [p for p in paths.values() if p.stage >= 0]
    return Insights(
        funnel=_funnel(applied),
        sources=_sources(applied),
        applied=len(applied),
        responded=sum(p.replied for p in applied),
        median_days_to_response=_median_days(applied, "responded_on"),
        median_days_to_decision=_median_days(applied, "decided_on"),
        weeks=_weeks(applied, [s for _a, s in interviews if s is not None], today),
        rejected_at=_rejected_at(applied),
    )


def _follow(path: _Path, status: Status, on: date) -> None:
    if status == S.REJECTED:
        path.rejected_at = path.last
    path.last = status
    if status in _STAGE_OF:
        _reach(path, _STAGE_OF[status])
        if status == S.APPLIED and path.applied_on is None:
            path.applied_on = on
    elif status != S.SAVED and path.stage < 0:
        path.stage = 0  # went straight to an ending: it was applied for all the same
    if status in _RESPONSES:
        path.replied = True
        if path.responded_on is None:
            path.responded_on = on
    if status in _DECISIONS and path.decided_on is None:
        path.decided_on = on


def _reach(path: _Path, stage: int) -> None:
    path.stage = max(path.stage, stage)
    if stage >= 1:
        path.replied = True


def _funnel(applied: list[_Path]) -> list[Stage]:
    counts = [sum(p.stage >= index for p in applied) for index in range(len(STAGES))]
    return [
        Stage(name, count, None if index == 0 else _share(count, counts[index - 1]))
        for index, (name, count) in enumerate(zip(STAGES, counts, strict=True))
    ]


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _sources(applied: list[_Path]) -> list[SourceRow]:
    grouped: dict[str, list[_Path]] = defaultdict(list)
    for path in applied:
        grouped[m.SOURCES.get(path.source or "", "Not recorded")].append(path)
    rows = [
        SourceRow(
            source=label,
            applied=len(group),
            responded=sum(p.replied for p in group),
            interviews=sum(p.stage >= 2 for p in group),
            offers=sum(p.stage >= 3 for p in group),
        )
        for label, group in grouped.items()
    ]
    return sorted(rows, key=lambda row: (-row.applied, row.source))


def _rejected_at(applied: list[_Path]) -> dict[str, int]:
    """Where the rejections came, in pipeline order: after applying, screening…"""
    counts = Counter(p.rejected_at for p in applied if p.rejected_at is not None)
    return {status.label: counts[status] for status in Status if counts[status]}


def _median_days(applied: list[_Path], attribute: str) -> float | None:
    days = [
        (getattr(p, attribute) - p.applied_on).days
        for p in applied
        if p.applied_on is not None and getattr(p, attribute) is not None
    ]
    days = [d for d in days if d >= 0]  # a reply dated before applying is a typing slip
    return float(statistics.median(days)) if days else None


def _weeks(applied: list[_Path], interviews: list[datetime], today: date) -> list[Week]:
    this_week = _monday(today)
    dates = [p.applied_on for p in applied if p.applied_on is not None]
    if not dates:
        return []
    first = max(_monday(min(dates)), this_week - timedelta(weeks=WEEKS_SHOWN - 1))
    applications = Counter(_monday(d) for d in dates)
    held = Counter(_monday(s.date()) for s in interviews)
    count = (this_week - first).days // 7 + 1
    mondays = [first + timedelta(weeks=n) for n in range(count)]
    return [Week(day, applications[day], held[day]) for day in mondays]


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())
