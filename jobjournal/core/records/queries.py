"""Query pieces several modules share."""

from __future__ import annotations

from typing import Any, TypeVar, cast

from jobjournal.core.storage import models as m

Query = TypeVar("Query")  # a select of any columns; it keeps its type through the joins


def with_company(query: Query, application_id: Any) -> Query:
    """`query` joined to the application a record belongs to (through its
    `application_id` column) and to that application's company."""
    select: Any = query
    joined = select.join(m.Application, m.Application.id == application_id).join(
        m.Company, m.Company.id == m.Application.company_id
    )
    return cast(Query, joined)
