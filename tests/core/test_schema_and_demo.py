"""The migration creates exactly what the models describe; the demo is what it promises."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect, text

from jobjournal.core.records import plain
from jobjournal.core.records.journal import Journal
from jobjournal.core.storage.models import Base, Status


@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index")
def test_migrated_schema_matches_the_models(journal: Journal) -> None:
    with journal.session() as session:
        inspector = inspect(session.connection())
        for table in Base.metadata.sorted_tables:
            columns = {c["name"]: c for c in inspector.get_columns(table.name)}
            assert set(columns) == set(table.columns.keys()), table.name
            for column in table.columns:
                assert columns[column.name]["nullable"] == column.nullable, (table.name, column)
            indexed = {i["name"] for i in inspector.get_indexes(table.name)}
            assert {i.name for i in table.indexes} <= indexed, table.name
            # SQLite's own list: SQLAlchemy's reflection misses the ON DELETE of a key
            # added with ALTER TABLE (letters.introduction_id).
            listed = session.execute(text(f"PRAGMA foreign_key_list({table.name})"))
            foreign = {(row[2], row[6]) for row in listed}
            expected = {
                (f.column.table.name, f.ondelete or "NO ACTION") for f in table.foreign_keys
            }
            assert foreign == expected, table.name


def test_sorting_uses_indexes_not_a_full_sort(journal: Journal) -> None:
    from sqlalchemy import text

    from jobjournal.core.records.listing import STATUS_RANK_SQL

    with journal.session() as session:
        plan = session.execute(
            text(
                "EXPLAIN QUERY PLAN SELECT id FROM applications ORDER BY "
                f"({STATUS_RANK_SQL.replace('status', 'applications.status', 1)}) LIMIT 200"
            )
        ).all()
    assert "ix_applications_status_rank" in str(plan)
    assert "TEMP B-TREE" not in str(plan)


def test_demo_journal_is_varied(demo_journal: Journal) -> None:
    applied_to = {a.company_id for a in demo_journal.all(plain.Application)}
    assert len(applied_to) == 12
    targets = demo_journal.all(plain.Target)
    assert {t.status for t in targets} == {"researching", "reaching_out"}
    assert not applied_to & {t.company_id for t in targets}  # before any application
    [introduction] = demo_journal.all(plain.Introduction)
    assert introduction.state == "asked" and introduction.connector.name == "Priya Shah"
    assert len(demo_journal.all(plain.Requirement)) == 4
    assert len(demo_journal.all(plain.Conversation)) == 1
    offers = demo_journal.all(plain.Offer)
    assert len(offers) == 4 and sum(1 for o in offers if o.kind == "verbal") == 1
    assert sum(1 for o in offers if demo_journal.get(plain.Offer, o.id).rounds) == 2
    interviews = demo_journal.all(plain.Interview)
    assert len(interviews) >= 8
    assert sum(1 for i in interviews if i.reflection) >= 7
    rejected = [a for a in demo_journal.all(plain.Application) if a.status == Status.REJECTED]
    request = demo_journal.all(plain.FeedbackRequest, application_id=rejected[0].id)[0]
    assert request.feedback and demo_journal.get(plain.FeedbackRequest, request.id).actions
    profile = demo_journal.profile()
    assert profile.name and profile.walk_away_cents and profile.perfect_offer


def test_sorting_by_company_or_title_walks_their_unicode_key_indexes(journal: Journal) -> None:
    from support import query_plan

    from jobjournal.core.records import listing

    for sort, index in (
        ("company", "ix_companies_name_order"),
        ("job_title", "ix_applications_title_order"),
    ):
        for descending in (False, True):
            plan = query_plan(journal, listing.list_query(listing.NO_FILTER, sort, descending))
            assert index in plan and "TEMP B-TREE" not in plan, (sort, plan)
