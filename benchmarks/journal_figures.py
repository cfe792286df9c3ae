"""list_first_page, list_filter and search_top20 (the journal issue), on the big journal.

Each runs the journal's operation, then the very same SQL through a raw sqlcipher3
connection on the same file; the ratio is the cost of our layers (SQLAlchemy, row objects).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy.dialects import sqlite

from benchmarks import big_journal
from benchmarks.common import Figure, median_ms
from jobjournal.core.records import listing, search
from jobjournal.core.records.journal import Journal
from jobjournal.core.storage import vault
from jobjournal.core.storage.crypto import derive_key, read_salt
from jobjournal.core.storage.models import Status

REPEAT = 25

Case = tuple[str, Callable[[], object], Callable[[], object]]  # label, ours, raw


def _raw_connection() -> Any:
    key = derive_key(big_journal.PASSPHRASE, read_salt(big_journal.path()))
    connection = sqlcipher.connect(str(big_journal.path()))
    connection.execute(f"PRAGMA key = {key.pragma_literal()}")
    connection.execute(f"PRAGMA cache_size = -{vault.CACHE_KIB}")  # the same as ours
    return connection


@contextmanager
def _opened() -> Iterator[tuple[Journal, Any]]:
    """The big journal through jobjournal, and a raw connection to the same file."""
    journal, connection = big_journal.open_big_journal(), _raw_connection()
    try:
        yield journal, connection
    finally:
        journal.lock()
        connection.close()


def _raw_list(connection: Any, query: Any) -> Callable[[], object]:
    compiled = query.compile(dialect=sqlite.dialect(), compile_kwargs={"render_postcompile": True})
    params = [compiled.params[name] for name in compiled.positiontup]
    sql = str(compiled)
    return lambda: connection.execute(sql, params).fetchall()


def _worst(
    cases: list[tuple[str, Callable[[], object], Callable[[], object]]], name: str, target: str
) -> Figure:
    """Time every case, ours then raw (each warmed first); report the slowest of ours."""
    results = []
    for _label, ours, raw in cases:
        ours(), raw()
        results.append((median_ms(ours, REPEAT), median_ms(raw, REPEAT)))
    worst_ours, its_raw = max(results)
    return Figure(name, worst_ours, "raw_sqlcipher3_same_sql", its_raw, target)


def _list_cases(
    journal: Journal, connection: Any, filters: list[listing.ApplicationFilter], sorts: list[str]
) -> list[Case]:
    cases: list[Case] = []
    for wanted in filters:
        for sort in sorts:
            for descending in (False, True):
                query = listing.list_query(wanted, sort, descending)
                cases.append(
                    (sort, _ours(journal, wanted, sort, descending), _raw_list(connection, query))
                )
    return cases


def _ours(
    journal: Journal, wanted: listing.ApplicationFilter, sort: str, descending: bool
) -> Callable[[], object]:
    return lambda: journal.list_applications(wanted, sort, descending)


def list_first_page() -> Figure:
    with _opened() as (journal, connection):
        cases = _list_cases(journal, connection, [listing.NO_FILTER], sorted(listing.SORTS))
        return _worst(cases, "list_first_page", "<= 20 ms and <= 3x, any sort column")


def list_filter() -> Figure:
    filters = [
        listing.ApplicationFilter(statuses=frozenset({Status.INTERVIEWING})),
        listing.ApplicationFilter(text="Senior"),  # in 1 of 8 job titles
        listing.ApplicationFilter(text="Company 0421"),
    ]  # one company
    with _opened() as (journal, connection):
        cases = _list_cases(journal, connection, filters, ["status_changed_at", "company"])
        return _worst(cases, "list_filter", "<= 30 ms and <= 3x")


def search_top20() -> Figure:
    words = " ".join(big_journal.query_words())
    params = {
        "query": search.match_query(words),
        "limit": 20,
        "start": search.HIGHLIGHT_START,
        "end": search.HIGHLIGHT_END,
    }
    sql = str(search.SEARCH_SQL)

    def raw(connection: Any) -> object:
        rows = connection.execute(sql, params).fetchall()
        ids = ",".join(str(int(r[2])) for r in rows if r[2] is not None) or "0"
        return connection.execute(search._PLACES_SQL.format(ids)).fetchall()

    with _opened() as (journal, connection):
        assert len(journal.search(words)) == 20, "the query words must give a full page"
        case = ("search", lambda: journal.search(words), lambda: raw(connection))
        return _worst([case], "search_top20", "<= 15 ms warm and <= 3x")
