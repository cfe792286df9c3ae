"""The window and scripts are given read-only copies of records, never database objects:
the copies are written from the schema, hold everything a form shows, cannot be changed,
and ui/ names no mapped class at all."""

from __future__ import annotations

import ast
import dataclasses
from datetime import date
from pathlib import Path

import pytest
from support import application_at

from jobjournal.core.records import plain, plain_source
from jobjournal.core.records.journal import Journal
from jobjournal.core.storage import models as m
from jobjournal.core.work import interviews as iv
from jobjournal.core.work import packages

UI = Path(__file__).parents[2] / "jobjournal" / "ui"
MAPPED = {cls.__name__ for cls in plain_source.mapped_classes()} | {"JournalInfo", "Base"}


def test_the_plain_records_are_written_from_the_current_schema() -> None:
    assert plain_source.TARGET.read_text(encoding="utf-8") == plain_source.render(), (
        "models.py changed: run `make plain`"
    )


@pytest.mark.parametrize("model", plain_source.mapped_classes(), ids=lambda c: c.__name__)
def test_each_record_holds_its_columns_and_what_it_relates_to(model: type[m.Base]) -> None:
    record = getattr(plain, model.__name__)
    names = [f.name for f in dataclasses.fields(record)]
    assert names == plain_source.field_names(model)
    assert "name_fold" not in names and "title_order" not in names  # the queries' own keys


def test_every_read_gives_frozen_copies_that_need_no_database(demo_journal: Journal) -> None:
    application_id = application_at(demo_journal, "Northwind Analytics")
    records = demo_journal.records_of(application_id)
    interview_id = records.interviews[0].id
    offer_id = next(o.id for o in demo_journal.all(plain.Offer) if o.rounds and o.rounds[0].reasons)
    reads = [
        records.application,
        *records.interviews,
        demo_journal.get(plain.Offer, offer_id),
        demo_journal.profile(),
        iv.load(demo_journal, interview_id),
        *iv.contacts_at(demo_journal, application_id),
        *demo_journal.status_history(application_id),
        demo_journal.application_texts(application_id),
        *(entry.interview for entry in iv.review(demo_journal, limit=5)),
        *demo_journal.all(plain.Company),
    ]
    for record in reads:
        assert type(record) in plain.KINDS
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(record, dataclasses.fields(record)[0].name, None)
    demo_journal.lock()
    # Everything nested was copied in the read: nothing is left to load lazily.
    offer = next(r for r in reads if isinstance(r, plain.Offer))
    assert offer.rounds[0].reasons[0].detail
    assert records.application.company.name == "Northwind Analytics"
    assert isinstance(records.application.contacts, tuple)
    assert records.application.text.application_id == application_id


def test_a_record_kind_or_its_model_name_the_same_records(demo_journal: Journal) -> None:
    company_id = demo_journal.find_or_add_company("Ölwerk").id
    demo_journal.update(plain.Company, company_id, location="Wien")
    demo_journal.update(m.Company, company_id, website="https://example.org")
    stored = demo_journal.get(plain.Company, company_id)
    assert (stored.location, stored.website) == ("Wien", "https://example.org")


def test_the_current_job_is_a_copy_too(demo_journal: Journal) -> None:
    packages.save_current_job(demo_journal, employer="Acme", base_cents=9_000_000)
    job = packages.current_job(demo_journal)
    assert isinstance(job, plain.CurrentJob) and job.employer == "Acme"
    assert job.base_cents == 9_000_000
    assert packages.package_of_current_job(job).base_cents == 9_000_000


def test_no_window_module_names_a_mapped_class() -> None:
    found = []
    for path in sorted(UI.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            named = None
            if isinstance(node, ast.ImportFrom) and (node.module or "").endswith("models"):
                named = [alias.name for alias in node.names if alias.name in MAPPED]
            elif (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id == "m"
                and node.attr in MAPPED
            ):
                named = [node.attr]
            if named:
                found.append(f"{path.relative_to(UI)}:{node.lineno} {named}")
    assert found == [], "the window reads plain records: " + ", ".join(found)


def test_the_date_fields_keep_their_types(demo_journal: Journal) -> None:
    application = demo_journal.get(
        plain.Application, application_at(demo_journal, "Northwind Analytics")
    )
    assert application.applied_on is None or isinstance(application.applied_on, date)
