"""The applications list: filter, sort and page in SQL, returning only what a table shows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, literal_column, or_, select
from sqlalchemy.orm import Session

from jobjournal.core import migrations
from jobjournal.core.models import Application, Company, Status

_apps = Application.__table__
_companies = Company.__table__

# Status sorts in pipeline order. Literal SQL, not bound values, so that SQLite matches it
# to the identical indexed expression (migrations: ix_applications_status_rank).
STATUS_RANK_SQL = migrations.STATUS_RANK_SQL
STATUS_RANK: ColumnElement[int] = literal_column(
    f"({STATUS_RANK_SQL.replace('status', 'applications.status', 1)})"
)

SORTS: dict[str, Any] = {
    "company": _companies.c.name.collate("NOCASE"),
    "job_title": _apps.c.job_title.collate("NOCASE"),
    "status": STATUS_RANK,
    "applied_on": _apps.c.applied_on,
    "next_action_on": _apps.c.next_action_on,
    "status_changed_at": _apps.c.status_changed_at,
}


@dataclass(frozen=True)
class ApplicationFilter:
    statuses: frozenset[Status] = frozenset()
    company_id: int | None = None
    text: str = ""  # matched anywhere in the company name or job title
    applied_from: date | None = None
    applied_to: date | None = None


NO_FILTER = ApplicationFilter()


@dataclass(frozen=True)
class ApplicationRow:
    id: int
    company: str
    job_title: str
    status: Status
    applied_on: date | None
    next_action: str
    next_action_on: date | None
    status_changed_at: datetime


_ROW_COLUMNS = (
    _apps.c.id,
    _companies.c.name,
    _apps.c.job_title,
    _apps.c.status,
    _apps.c.applied_on,
    _apps.c.next_action,
    _apps.c.next_action_on,
    _apps.c.status_changed_at,
)


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _where(
    query: Select[Any], wanted: ApplicationFilter, *, with_statuses: bool = True
) -> Select[Any]:
    conditions: list[ColumnElement[bool]] = []
    if with_statuses and wanted.statuses:
        conditions.append(_apps.c.status.in_(sorted(s.value for s in wanted.statuses)))
    if wanted.company_id is not None:
        conditions.append(_apps.c.company_id == wanted.company_id)
    if wanted.text.strip():
        pattern = f"%{_escape_like(wanted.text.strip())}%"
        conditions.append(
            or_(
                _companies.c.name.like(pattern, escape="\\"),
                _apps.c.job_title.like(pattern, escape="\\"),
            )
        )
    if wanted.applied_from is not None:
        conditions.append(_apps.c.applied_on >= wanted.applied_from)
    if wanted.applied_to is not None:
        conditions.append(_apps.c.applied_on <= wanted.applied_to)
    return query.where(and_(*conditions)) if conditions else query


def _joined(*columns: Any) -> Select[Any]:
    return select(*columns).select_from(
        _apps.join(_companies, _apps.c.company_id == _companies.c.id)
    )


def list_applications(
    session: Session,
    wanted: ApplicationFilter = NO_FILTER,
    sort: str = "status_changed_at",
    descending: bool = True,
    offset: int = 0,
    limit: int = 200,
) -> list[ApplicationRow]:
    if sort not in SORTS:
        raise ValueError(f"unknown sort {sort!r}; one of {sorted(SORTS)}")
    key, tie = SORTS[sort], _apps.c.id
    order = [key.desc(), tie.desc()] if descending else [key.asc(), tie.asc()]
    query = _where(_joined(*_ROW_COLUMNS), wanted).order_by(*order).offset(offset).limit(limit)
    return [
        ApplicationRow(r[0], r[1], r[2], Status(r[3]), r[4], r[5], r[6], r[7])
        for r in session.execute(query)
    ]


def count_applications(session: Session, wanted: ApplicationFilter = NO_FILTER) -> int:
    query = _where(_joined(func.count(literal_column("*"))), wanted)
    return int(session.execute(query).scalar_one())


def status_counts(session: Session, wanted: ApplicationFilter = NO_FILTER) -> dict[Status, int]:
    """How many applications are in each status, under every filter but the status one."""
    query = _where(_joined(_apps.c.status, func.count()), wanted, with_statuses=False)
    counts = dict.fromkeys(Status, 0)
    for status, count in session.execute(query.group_by(_apps.c.status)):
        counts[Status(status)] = count
    return counts
