"""Property-based checks: any Unicode text, very long notes, odd money values."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jobjournal.core.errors import InvalidInput
from jobjournal.core.records import plain
from jobjournal.core.records.journal import Journal
from jobjournal.core.records.money import MAX_CENTS, format_amount, parse_amount
from jobjournal.core.storage import models as m

SHARED_JOURNAL = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture
def app(journal: Journal) -> int:
    company = journal.add(m.Company, name="Acme").new_id
    return journal.add_application(company_id=company, job_title="Analyst").new_id


@SHARED_JOURNAL
@given(text=st.text())
def test_any_unicode_note_is_kept_exactly(journal: Journal, app: int, text: str) -> None:
    journal.update(m.Application, app, notes=text)
    assert journal.application_texts(app).notes == text


@SHARED_JOURNAL
@given(name=st.text(min_size=1).filter(lambda t: t.strip() and len(t.strip()) <= 200))
def test_any_unicode_company_name_is_kept(journal: Journal, name: str) -> None:
    company = journal.add(m.Company, name=name).new_id
    assert journal.get(plain.Company, company).name == name.strip()


@SHARED_JOURNAL
@given(typed=st.text())
def test_search_accepts_anything_typed(journal: Journal, app: int, typed: str) -> None:
    journal.search(typed)


def test_a_one_megabyte_note_is_saved_and_searchable(journal: Journal, app: int) -> None:
    note = ("lorem ipsum dolor " * 60_000)[:1_000_000] + " needleword"
    journal.update(m.Application, app, notes=note)
    assert journal.application_texts(app).notes == note
    assert [h.ref_id for h in journal.search("needleword")] == [app]


@given(cents=st.integers(min_value=0, max_value=MAX_CENTS))
def test_money_formats_and_parses_back(cents: int) -> None:
    assert parse_amount(format_amount(cents)) == cents


@given(cents=st.integers(min_value=0, max_value=MAX_CENTS))
def test_money_is_stored_exactly(cents: int) -> None:
    assert parse_amount(str(Decimal(cents) / 100)) == cents


@pytest.mark.parametrize(
    "typed", ["-5", "1.001", "NaN", "inf", "1e400", "12abc", "--1", "99999999999999999"]
)
def test_odd_money_is_refused_with_a_message(typed: str) -> None:
    with pytest.raises(InvalidInput):
        parse_amount(typed, "Base salary")


def test_typical_money_inputs() -> None:
    assert parse_amount(" 85,000 ") == 8_500_000
    assert parse_amount("42.5") == 4250
    assert parse_amount("1 200.00") == 120_000
    assert parse_amount("") is None
    assert format_amount(4250, "USD") == "USD 42.50"


@SHARED_JOURNAL
@given(cents=st.one_of(st.integers(max_value=-1), st.integers(min_value=MAX_CENTS + 1)))
def test_out_of_range_money_never_reaches_the_file(journal: Journal, app: int, cents: int) -> None:
    with pytest.raises(InvalidInput):
        journal.update(m.Application, app, expected_cents=cents)
    assert journal.get(plain.Application, app).expected_cents is None
