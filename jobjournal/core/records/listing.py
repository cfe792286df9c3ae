"""The applications list: filter, sort and page in SQL, returning only what a table shows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import Any, NamedTuple

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    String,
    and_,
    bindparam,
    func,
    literal_column,
    or_,
    select,
    type_coerce,
    union_all,
)
from sqlalchemy.dialects import sqlite
from sqlalchemy.orm import Session

from jobjournal.core.records.folding import fold
from jobjournal.core.storage import migrations
from jobjournal.core.storage.models import Application, Company, Status

_apps = Application.__table__
_companies = Company.__table__

# Status sorts in pipeline order. Literal SQL, not bound values, so that SQLite matches it
# to the identical indexed expression (migrations: ix_applications_status_rank).
STATUS_RANK_SQL = migrations.STATUS_RANK_SQL
STATUS_RANK: ColumnElement[int] = literal_column(
    f"({STATUS_RANK_SQL.replace('status', 'applications.status', 1)})"
)

# Each sort is the columns an index gives in order. Names sort by their Unicode order
# keys (see `folding`): "Émile SA" before "Zebra", the same on every computer. Company
# sorts by that key, the name and the company id, the columns of its index: SQLite walks it
# index and each company's applications instead of sorting all 100,000 rows.
SORTS: dict[str, tuple[Any, ...]] = {
    "company": (_companies.c.name_order, _companies.c.name, _companies.c.id),
    "job_title": (_apps.c.title_order,),
    "status": (STATUS_RANK,),
    "applied_on": (_apps.c.applied_on,),
    "next_action_on": (_apps.c.next_action_on,),
    "status_changed_at": (_apps.c.status_changed_at,),
}


@dataclass(frozen=True)
class ApplicationFilter:
    statuses: frozenset[Status] = frozenset()
    company_id: int | None = None
    text: str = ""  # matched anywhere in the company name or job title
    applied_from: date | None = None
    applied_to: date | None = None


NO_FILTER = ApplicationFilter()
_DIALECT = sqlite.dialect()
_STATUS = {status.value: status for status in Status}


class ApplicationRow(NamedTuple):
    """One line of the list. A tuple, not a dataclass: 200 of them are built per page."""

    id: int
    company: str
    job_title: str
    status: Status
    applied_on: date | None
    next_action: str
    next_action_on: date | None
    status_changed_at: datetime
    priority: int | None  # excitement, 1–5 (the board's cards show it)


# Dates come back as their ISO text and are parsed with the C-speed fromisoformat;
# SQLAlchemy's own SQLite date processing is a regex per value, a third of a page's cost.
_ROW_COLUMNS = (
    _apps.c.id,
    _companies.c.name,
    _apps.c.job_title,
    _apps.c.status,
    type_coerce(_apps.c.applied_on, String),
    _apps.c.next_action,
    type_coerce(_apps.c.next_action_on, String),
    type_coerce(_apps.c.status_changed_at, String),
    _apps.c.priority,
)


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _where(
    query: Select[Any],
    wanted: ApplicationFilter,
    *,
    with_statuses: bool = True,
    with_text: bool = True,
    row_by_row: bool = False,
) -> Select[Any]:
    conditions: list[ColumnElement[bool]] = []
    if with_statuses and wanted.statuses:
        conditions.append(_apps.c.status.in_(sorted(s.value for s in wanted.statuses)))
    if wanted.company_id is not None:
        conditions.append(_apps.c.company_id == wanted.company_id)
    typed = wanted.text.strip()
    if with_text and typed:
        if row_by_row:
            conditions.append(_text_in_row(typed))
        else:
            conditions.append(_apps.c.id.in_(_text_matches(typed)))
    if wanted.applied_from is not None:
        conditions.append(_apps.c.applied_on >= wanted.applied_from)
    if wanted.applied_to is not None:
        conditions.append(_apps.c.applied_on <= wanted.applied_to)
    return query.where(and_(*conditions)) if conditions else query


def _text_in_row(typed: str) -> ColumnElement[bool]:
    """The text filter tested on each row of applications joined to their companies (the
    name read from the joined row): SQLite walks the sort's index, companies' own for the
    company sort, and stops at a page of matches."""
    pattern = f"%{_escape_like(fold(typed))}%"
    return or_(
        _apps.c.title_fold.like(pattern, escape="\\"),
        _companies.c.name_fold.like(pattern, escape="\\"),
    )


def _text_conditions(typed: str) -> tuple[ColumnElement[bool], ColumnElement[bool]]:
    """An application's title contains `typed`; its company's name does."""
    pattern = f"%{_escape_like(fold(typed))}%"  # "émile" finds "ÉMILE SA"; ß finds SS
    companies = select(_companies.c.id).where(_companies.c.name_fold.like(pattern, escape="\\"))
    return _apps.c.title_fold.like(pattern, escape="\\"), _apps.c.company_id.in_(companies)


def _text_matches(typed: str) -> Any:
    """Ids of applications whose title or company name contains `typed`.

    The title is matched on its index alone and the name on the companies table, so only
    matching applications are ever read: a LIKE evaluated row by row over the joined
    tables visits all 100,000 of them when few match.
    """
    by_title, by_company = _text_conditions(typed)
    return union_all(select(_apps.c.id).where(by_title), select(_apps.c.id).where(by_company))


BROAD = 2_000  # matches from which a page is found faster row by row (see `_is_broad`)


def _is_broad(session: Session | Connection, wanted: ApplicationFilter) -> bool:
    """Whether the filter's text matches many applications (a bounded count: a few ms).

    Few matches: read just those (`_text_matches`) and sort them. Many: walk the sort's
    index testing each row, which meets a page of matches within a few hundred rows;
    reading 100,000 matches and sorting them took 90 ms.
    """
    typed = wanted.text.strip()
    if not typed:
        return False
    by_title, by_company = _text_conditions(typed)
    for condition in (by_title, by_company):
        some = select(_apps.c.id).where(condition).limit(BROAD).subquery()
        if session.execute(select(func.count()).select_from(some)).scalar_one() >= BROAD:
            return True
    return False


def _joined(*columns: Any, companies_first: bool = False) -> Select[Any]:
    """Applications with their companies. `companies_first`: walk the companies (in name
    order) and each one's applications; "+companies.id" keeps SQLite from looking
    companies up by id instead, which with a broad filter sorted every match."""
    company_id = literal_column("+companies.id") if companies_first else _companies.c.id
    return select(*columns).select_from(_apps.join(_companies, _apps.c.company_id == company_id))


def list_query(
    wanted: ApplicationFilter = NO_FILTER,
    sort: str = "status_changed_at",
    descending: bool = True,
    offset: int = 0,
    limit: int = 200,
    *,
    broad: bool = False,
) -> Select[Any]:
    """The SELECT behind one page of the list (exposed so benchmarks can run it raw);
    `broad`: the filter's text matches many (`_is_broad`)."""
    order = _order(sort, descending)
    joined = _joined(*_ROW_COLUMNS, companies_first=broad and sort == "company")
    query = _where(joined, wanted, row_by_row=broad)
    return query.order_by(*order).offset(offset).limit(limit)


# Dates that may be blank: a blank one (no next action planned) comes after every date
# in both directions. SQLite puts NULL first going up, so that order leads with
# "IS NULL" (migrations: ix_applications_*_blank_last give it an index to walk); going
# down, NULL already comes last.
BLANK_LAST = {"applied_on": _apps.c.applied_on, "next_action_on": _apps.c.next_action_on}


def _order(sort: str, descending: bool) -> list[Any]:
    if sort not in SORTS:
        raise ValueError(f"unknown sort {sort!r}; one of {sorted(SORTS)}")
    keys = (*SORTS[sort], _apps.c.id)
    if descending:
        return [key.desc() for key in keys]
    blank_first = [BLANK_LAST[sort].is_(None)] if sort in BLANK_LAST else []
    return [*blank_first, *(key.asc() for key in keys)]


def position_of(
    session: Session | Connection,
    application_id: int,
    wanted: ApplicationFilter = NO_FILTER,
    sort: str = "status_changed_at",
    descending: bool = True,
) -> int | None:
    """The row an application has in the list under this filter and sort (None: not in it)."""
    row_number = func.row_number().over(order_by=_order(sort, descending))
    numbered = _where(
        _joined(_apps.c.id.label("id"), row_number.label("row")),
        wanted,
    ).subquery()
    found = session.execute(select(numbered.c.row).where(numbered.c.id == application_id))
    row = found.scalar_one_or_none()
    return None if row is None else int(row) - 1


def is_listed(
    session: Session | Connection, application_id: int, wanted: ApplicationFilter = NO_FILTER
) -> bool:
    """Whether the application is in the list under this filter (a lookup by id)."""
    query = _where(_joined(_apps.c.id).where(_apps.c.id == application_id), wanted, row_by_row=True)
    return session.execute(query).first() is not None


def list_applications(
    session: Session | Connection,
    wanted: ApplicationFilter = NO_FILTER,
    sort: str = "status_changed_at",
    descending: bool = True,
    offset: int = 0,
    limit: int = 200,
) -> list[ApplicationRow]:
    sql, names, values = _page_sql(wanted, sort, descending, _is_broad(session, wanted))
    given = {_OFFSET: offset, _LIMIT: limit}
    connection = session.connection() if isinstance(session, Session) else session
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        rows = cursor.execute(sql, [given.get(n, values.get(n)) for n in names]).fetchall()
    finally:
        cursor.close()
    return _built_rows(rows)


# A page is the list's hottest query (every scroll, sort and filter): its SQL is compiled
# once per filter and sort, and run on the driver's cursor. Through SQLAlchemy's result
# machinery, building the statement and its rows cost three times the query itself.
_OFFSET, _LIMIT = "page_offset", "page_limit"


@lru_cache(maxsize=64)
def _page_sql(
    wanted: ApplicationFilter, sort: str, descending: bool, broad: bool
) -> tuple[str, tuple[str, ...], dict[str, Any]]:
    order = _order(sort, descending)
    joined = _joined(*_ROW_COLUMNS, companies_first=broad and sort == "company")
    query = (
        _where(joined, wanted, row_by_row=broad)
        .order_by(*order)
        .offset(bindparam(_OFFSET, 0))
        .limit(bindparam(_LIMIT, 200))  # given each time: these only compile it
    )
    compiled = query.compile(dialect=_DIALECT, compile_kwargs={"render_postcompile": True})
    assert compiled.positiontup is not None
    return str(compiled), tuple(compiled.positiontup), dict(compiled.params)


def list_ids(
    session: Session | Connection,
    wanted: ApplicationFilter = NO_FILTER,
    sort: str = "status_changed_at",
    descending: bool = True,
    limit: int = 200,
) -> list[int]:
    """The ids of the first rows of the list, in order: where rows stand after a change,
    without reading them (the sort's index alone)."""
    order = _order(sort, descending)
    broad = _is_broad(session, wanted)
    if broad or sort == "company":  # the company's row is read
        base = _joined(_apps.c.id, companies_first=broad and sort == "company")
    else:  # the sort's index alone: a third of the time
        base = select(_apps.c.id)
    query = _where(base, wanted, row_by_row=broad).order_by(*order).limit(limit)
    return list(session.execute(query).scalars())


def rows_by_id(session: Session | Connection, ids: list[int]) -> dict[int, ApplicationRow]:
    """These applications' rows, as the list shows them."""
    query = _joined(*_ROW_COLUMNS).where(_apps.c.id.in_(ids))
    return {row.id: row for row in _built_rows(session.execute(query).all())}


def _built_rows(result: Any) -> list[ApplicationRow]:
    day, moment, status = date.fromisoformat, datetime.fromisoformat, _STATUS
    # Built inline, by tuple.__new__: a helper call, or the named tuple's own __new__,
    # per row is a fifth of the page's cost.
    new, row = tuple.__new__, ApplicationRow
    return [
        new(
            row,
            (
                r[0],
                r[1],
                r[2],
                status[r[3]],
                r[4] and day(r[4]),
                r[5],
                r[6] and day(r[6]),
                moment(r[7]),
                r[8],
            ),
        )
        for r in result
    ]


def count_applications(session: Session | Connection, wanted: ApplicationFilter = NO_FILTER) -> int:
    query = _where(select(func.count(literal_column("*"))).select_from(_apps), wanted)
    return int(session.execute(query).scalar_one())


def status_counts(
    session: Session | Connection, wanted: ApplicationFilter = NO_FILTER
) -> dict[Status, int]:
    """How many applications are in each status, under every filter but the status one."""
    # Every filter is on the applications' own columns: no join, so SQLite counts on an
    # index alone (a tenth of the time with the companies joined). Text is counted in two
    # parts, by title, then by company name where the title does not match: each part
    # reads only ix_applications_company_status_title (migration 5), "+status" keeping
    # SQLite off the status index, which would read every row.
    counts = dict.fromkeys(Status, 0)
    typed = wanted.text.strip()
    if not typed:
        query = _where(select(_apps.c.status, func.count()), wanted, with_statuses=False)
        for status, count in session.execute(query.group_by(_apps.c.status)):
            counts[Status(status)] = count
        return counts
    by_title, by_company = _text_conditions(typed)
    for part in (by_title, and_(by_company, ~by_title)):
        query = _where(
            select(_apps.c.status, func.count()), wanted, with_statuses=False, with_text=False
        ).where(part)
        for status, count in session.execute(query.group_by(_STATUS_UNINDEXED)):
            counts[Status(status)] += count
    return counts


_STATUS_UNINDEXED: ColumnElement[str] = literal_column("+applications.status")
