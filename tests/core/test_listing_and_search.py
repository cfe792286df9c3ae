"""The applications list (filter, sort, page, counts) and full-text search."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from support import DEMO_TODAY

from jobjournal.core.records import plain
from jobjournal.core.records.journal import Journal
from jobjournal.core.records.listing import SORTS, ApplicationFilter
from jobjournal.core.records.search import (
    HIGHLIGHT_END,
    HIGHLIGHT_START,
    match_query,
    plain_snippet,
)
from jobjournal.core.storage import models as m
from jobjournal.core.storage.models import Status


def test_demo_has_every_status_and_counts_them(demo_journal: Journal) -> None:
    counts = demo_journal.status_counts()
    assert all(counts[status] >= 1 for status in Status)
    assert sum(counts.values()) == demo_journal.count_applications() == 12


def test_filter_by_status_keeps_other_counts_visible(demo_journal: Journal) -> None:
    negotiating = ApplicationFilter(statuses=frozenset({Status.NEGOTIATING}))
    rows = demo_journal.list_applications(negotiating)
    assert {r.company for r in rows} == {"Northwind Analytics", "Bluefin Health"}
    assert demo_journal.status_counts(negotiating)[Status.APPLIED] == 1


def test_text_filter_matches_company_or_title_and_escapes_wildcards(demo_journal: Journal) -> None:
    rows = demo_journal.list_applications(ApplicationFilter(text="analytics"))
    assert {r.company for r in rows} >= {
        "Northwind Analytics",
        "Quartz Analytics",
        "Bluefin Health",
    }
    assert demo_journal.list_applications(ApplicationFilter(text="%")) == []
    assert demo_journal.list_applications(ApplicationFilter(text="_")) == []


def test_company_and_date_filters(demo_journal: Journal) -> None:
    northwind = next(c for c in demo_journal.all(plain.Company) if c.name == "Northwind Analytics")
    rows = demo_journal.list_applications(ApplicationFilter(company_id=northwind.id))
    assert [r.job_title for r in rows] == ["Senior Data Analyst"]
    recent = ApplicationFilter(applied_from=date(2026, 11, 1), applied_to=DEMO_TODAY)
    assert all(
        date(2026, 11, 1) <= r.applied_on <= DEMO_TODAY  # type: ignore[operator]
        for r in demo_journal.list_applications(recent)
    )
    assert demo_journal.count_applications(recent) == 3  # Juniper, Meridian, Pinecrest


@pytest.mark.parametrize("sort", sorted(SORTS))
@pytest.mark.parametrize("descending", [False, True])
def test_every_column_sorts_both_ways(demo_journal: Journal, sort: str, descending: bool) -> None:
    rows = demo_journal.list_applications(sort=sort, descending=descending)
    keys = {
        "company": lambda r: r.company.lower(),
        "job_title": lambda r: r.job_title.lower(),
        "status": lambda r: list(Status).index(r.status),
        "applied_on": lambda r: r.applied_on,
        "next_action_on": lambda r: r.next_action_on,
        "status_changed_at": lambda r: r.status_changed_at,
    }
    values = [keys[sort](r) for r in rows]
    present = [v for v in values if v is not None]
    assert present == sorted(present, reverse=descending)
    if None in values:  # a blank date comes after every date, both ways
        assert values[-values.count(None) :] == [None] * values.count(None)


def test_status_sorts_in_pipeline_order(demo_journal: Journal) -> None:
    rows = demo_journal.list_applications(sort="status", descending=False)
    assert rows[0].status == Status.SAVED and rows[-1].status == Status.NO_RESPONSE


def test_pages_cover_every_row_once(demo_journal: Journal) -> None:
    pages = [
        demo_journal.list_applications(sort="company", descending=False, offset=o, limit=5)
        for o in (0, 5, 10)
    ]
    ids = [r.id for page in pages for r in page]
    assert len(ids) == len(set(ids)) == 12


def test_unknown_sort_is_a_bug(demo_journal: Journal) -> None:
    with pytest.raises(ValueError, match="unknown sort"):
        demo_journal.list_applications(sort="salary")


def test_search_finds_every_kind_of_text(journal: Journal) -> None:
    company = journal.add(m.Company, name="Acme", notes="zebra company").new_id
    app = journal.add_application(
        company_id=company,
        job_title="Analyst",
        notes="zebra notes",
        job_description="zebra posting",
    ).new_id
    interview = journal.add(
        m.Interview,
        application_id=app,
        reflection="zebra reflection",
        starts_at=datetime(2026, 1, 1, 9),
    ).new_id
    journal.add_question(interview, "zebra question", my_answer="answer", next_time="better")
    offer = journal.add(
        m.Offer, application_id=app, received_on=date(2026, 1, 2), other_perks="zebra perks"
    ).new_id
    journal.add(
        m.NegotiationRound,
        offer_id=offer,
        number=1,
        asked_on=date(2026, 1, 3),
        arguments="zebra argument",
    )
    request = journal.add(
        m.FeedbackRequest, application_id=app, asked_on=date(2026, 1, 4), feedback="zebra feedback"
    ).new_id
    journal.add(m.ActionItem, feedback_request_id=request, text="zebra action")
    journal.add(m.Letter, application_id=app, kind="withdraw", body="zebra letter")
    journal.add(m.Contact, name="Sam", notes="zebra contact")
    hits = journal.search("zebra", limit=50)
    assert {h.kind for h in hits} == {
        "company",
        "application",
        "interview",
        "question",
        "offer",
        "negotiation",
        "feedback",
        "action",
        "letter",
        "contact",
    }
    in_application = [h for h in hits if h.application_id == app]
    assert all((h.company, h.job_title) == ("Acme", "Analyst") for h in in_application)
    assert all(f"{HIGHLIGHT_START}zebra{HIGHLIGHT_END}" in h.snippet.lower() for h in hits)


def test_search_follows_edits_and_deletes(journal: Journal) -> None:
    company = journal.add(m.Company, name="Acme").new_id
    app = journal.add_application(company_id=company, job_title="A", notes="walrus").new_id
    assert [h.ref_id for h in journal.search("walrus")] == [app]
    journal.update(m.Application, app, notes="narwhal")
    assert journal.search("walrus") == []
    assert [h.ref_id for h in journal.search("narwhal")] == [app]
    journal.delete(m.Application, app)
    assert journal.search("narwhal") == []


def test_two_words_must_both_appear_and_last_is_a_prefix(demo_journal: Journal) -> None:
    hits = demo_journal.search("sequential test")
    assert hits
    for hit in hits:
        text = plain_snippet(hit.snippet).lower()
        assert "sequential" in text and "test" in text


def test_search_ranks_and_limits(demo_journal: Journal) -> None:
    assert len(demo_journal.search("the", limit=3)) == 3


@pytest.mark.parametrize("typed", ['"', "AND", "(", "*", "NEAR(", "a OR", "-x", "^", "':'", "   "])
def test_any_typed_text_is_a_safe_query(demo_journal: Journal, typed: str) -> None:
    demo_journal.search(typed)  # never an FTS5 syntax error


def test_match_query_quotes_words() -> None:
    assert match_query('salary "AND" neg') == '"salary" "AND" "neg"*'
    assert match_query("?!") is None


def test_search_ignores_accents(journal: Journal) -> None:
    company = journal.add(m.Company, name="Acme").new_id
    journal.add_application(company_id=company, job_title="A", notes="Office in Zürich")
    assert len(journal.search("zurich")) == 1
