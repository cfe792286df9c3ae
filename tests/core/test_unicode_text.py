"""Names and search in every language (issue 21): companies matched by Unicode case and
composition, the filter and the sort by Unicode, search with decomposed input."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from jobjournal.core.documents import csv_import
from jobjournal.core.records.folding import fold, order_key
from jobjournal.core.records.journal import Journal
from jobjournal.core.records.listing import ApplicationFilter
from jobjournal.core.storage import migrations, vault
from jobjournal.core.storage import models as m

SHARED_JOURNAL = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
CASE_PAIRS = [("Émile SA", "ÉMILE SA"), ("Øresund", "øRESUND"), ("Šumava", "šumava"),
              ("Straße AG", "STRASSE AG"), ("Łódź Data", "łÓDŹ DATA")]  # fmt: skip
NAME = st.text(
    alphabet=st.characters(codec="utf-8", categories=["L", "M", "N", "Zs"]), min_size=1
).filter(lambda t: t.strip() and len(t.strip()) <= 60)


def company_count(journal: Journal) -> int:
    with journal.reading() as connection:
        return int(connection.execute(text("SELECT count(*) FROM companies")).scalar_one())


@pytest.mark.parametrize(("first", "second"), CASE_PAIRS)
def test_names_that_differ_only_in_case_are_one_company(
    journal: Journal, first: str, second: str
) -> None:
    one = journal.find_or_add_company(first).new_id
    assert journal.find_or_add_company(second).new_id == one
    assert journal.find_or_add_company(unicodedata.normalize("NFD", second)).new_id == one


@SHARED_JOURNAL
@given(name=NAME)
def test_any_name_in_either_form_and_any_case_finds_its_company(
    journal: Journal, name: str
) -> None:
    one = journal.find_or_add_company(name).new_id
    for variant in (unicodedata.normalize("NFD", name), unicodedata.normalize("NFC", name)):
        assert journal.find_or_add_company(variant).new_id == one
    if fold(name.upper()) == fold(name):  # upper-casing may change letters (ß → SS)
        assert journal.find_or_add_company(name.upper()).new_id == one


def test_sorting_puts_accented_names_among_their_letters(journal: Journal) -> None:
    for name in ("Zebra", "Émile SA", "Ábaco", "Łódź Data", "emile labs", "Oslo", "Øresund"):
        company = journal.find_or_add_company(name).new_id
        journal.add_application(company_id=company, job_title="Analyst")
    rows = journal.list_applications(sort="company", descending=False)
    assert [r.company for r in rows] == [
        "Ábaco",
        "emile labs",  # letters first: "labs" before "sa"
        "Émile SA",
        "Łódź Data",
        "Øresund",  # as "oresund"
        "Oslo",
        "Zebra",
    ]


@given(st.lists(NAME, min_size=2, max_size=8))
def test_the_order_key_ignores_case_and_composition(names: list[str]) -> None:
    for name in names:
        assert order_key(name) == order_key(unicodedata.normalize("NFD", name))
        assert order_key(name).split("\x00")[1] == fold(name)
    ordered = sorted(names, key=order_key)
    assert sorted(ordered, key=order_key) == ordered


@pytest.mark.parametrize(
    ("typed", "name"),
    [("émile", "ÉMILE SA"), ("ÉMILE", "émile sa"), ("strasse", "Straße AG"), ("øre", "ØRESUND")],
)
def test_the_filter_finds_names_in_any_case(journal: Journal, typed: str, name: str) -> None:
    company = journal.find_or_add_company(name).new_id
    journal.add_application(company_id=company, job_title="Data Analyst")
    found = journal.list_applications(ApplicationFilter(text=typed))
    assert [r.company for r in found] == [name]
    nfd = journal.list_applications(ApplicationFilter(text=unicodedata.normalize("NFD", typed)))
    assert [r.company for r in nfd] == [name]


@SHARED_JOURNAL
@given(name=NAME, data=st.data())
def test_the_filter_finds_any_name_by_any_part_in_any_case_and_form(
    journal: Journal, name: str, data: st.DataObject
) -> None:
    company = journal.find_or_add_company(name).new_id
    application = journal.add_application(company_id=company, job_title="Analyst").new_id
    stripped = name.strip()
    start = data.draw(st.integers(0, len(stripped) - 1), label="start")
    part = stripped[start : start + data.draw(st.integers(1, 6), label="length")]
    for typed in (part, part.upper(), unicodedata.normalize("NFD", part.lower())):
        if fold(typed) not in fold(stripped) or not typed.strip():
            continue  # a case mapping that changes length or meaning (İ, ǅ) is not a pair
        found = journal.list_applications(ApplicationFilter(text=typed), limit=100_000)
        assert application in {r.id for r in found}, typed


# Letters of the scripts names are written in (Latin, Greek, Cyrillic), in both cases, as
# far as SQLite's tokenizer knows them (its tables are Unicode 6.1: U+0528 and later letters
# split words there).
WORD = st.text(
    alphabet=st.characters(
        max_codepoint=0x04FF, categories=["Lu", "Ll"], exclude_characters="\u037f\u03f3"
    ),
    min_size=3,
    max_size=12,
)


@SHARED_JOURNAL
@given(word=WORD)
def test_search_finds_any_word_typed_in_another_case_or_form(journal: Journal, word: str) -> None:
    company = journal.find_or_add_company("Acme").new_id
    application = journal.add_application(company_id=company, job_title="Analyst").new_id
    journal.update(m.Application, application, notes=f"Before {word} after.")
    # Case pairs are letters that map one to one and back: "ŉ".upper() is two characters,
    # "ı".upper() is "I" (whose lower case is "i"), and "ɜ".upper() is U+A7AB, a letter
    # newer than the tokenizer's tables.
    pairs = [
        v
        for v in (word.lower(), word.upper())
        if len(v) == len(word) and fold(v) == fold(word) and max(v) < "\u0500"
    ]
    for typed in [*pairs, unicodedata.normalize("NFD", word)]:
        hits = journal.search(typed, limit=500)
        assert application in {hit.application_id for hit in hits}, typed


def test_search_finds_accented_words_typed_decomposed(journal: Journal) -> None:
    company = journal.find_or_add_company("Acme").new_id
    application = journal.add_application(company_id=company, job_title="Analyst").new_id
    journal.update(m.Application, application, notes="Met the team in Zürich; café chat.")
    for typed in ("zürich", unicodedata.normalize("NFD", "Zürich"), "zurich", "CAFÉ"):
        assert journal.search(typed), typed


def test_reimporting_a_csv_with_accented_names_adds_nothing(journal: Journal) -> None:
    data = "Company,Job title,Status\nÉmile SA,Analyst,Applied\nØRESUND,Engineer,Applied\n"
    for _ in range(2):
        sheet = csv_import.parse_csv("in.csv", data.encode())
        plan = csv_import.plan_import(journal, sheet, csv_import.guess_mapping(sheet.headers))
        csv_import.run_import(journal, plan)
    assert journal.count_applications() == 2
    sheet = csv_import.parse_csv("again.csv", "Company,Job title\nÉMILE SA,analyst\n".encode())
    plan = csv_import.plan_import(journal, sheet, csv_import.guess_mapping(sheet.headers))
    assert "you already applied here" in plan.rows[0].problem
    assert company_count(journal) == 2


def test_a_version_2_journal_gets_its_keys(
    journal_path_v2: tuple[Journal, str],
) -> None:
    upgraded, _ = journal_path_v2
    rows = upgraded.list_applications(sort="company", descending=False)
    assert [r.company for r in rows] == ["Émile SA", "Zebra"]
    assert upgraded.find_or_add_company("ÉMILE SA").new_id == 1


@pytest.fixture
def journal_path_v2(monkeypatch: pytest.MonkeyPatch, tmp_path: object) -> tuple[Journal, str]:
    from jobjournal.core.storage import paths

    path = paths.default_journal_path()
    with monkeypatch.context() as old_app:
        old_app.setattr(migrations, "MIGRATIONS", {n: migrations.MIGRATIONS[n] for n in (1, 2)})
        old_app.setattr(migrations, "LATEST_VERSION", 2)
        old = vault.create(path, "passphrase")
        with old.session() as session:
            for company_id, name in ((1, "Émile SA"), (2, "Zebra")):
                session.execute(
                    text("INSERT INTO companies (id, name, website, location, notes) "
                         "VALUES (:i, :n, '', '', '')"),
                    {"i": company_id, "n": name},
                )  # fmt: skip
                session.execute(
                    text(
                        "INSERT INTO applications (company_id, job_title, location, posting_url,"
                        " salary_currency, salary_period, next_action, status, "
                        "status_changed_at, created_at) VALUES (:i, 'Analyst', '', '', '', "
                        "'year', '', 'applied', '2026-11-01 09:00:00', '2026-11-01 09:00:00')"
                    ),
                    {"i": company_id},
                )
        old.lock()
    upgraded = vault.unlock(path, "passphrase")
    yield upgraded, str(path)
    upgraded.lock()


def test_imported_names_get_their_keys_from_the_name_not_the_file(
    journal: Journal, tmp_path: object
) -> None:
    import json

    from jobjournal.core.documents import transfer

    company = journal.find_or_add_company("Émile SA").new_id
    journal.add_application(company_id=company, job_title="Ánalyst")
    exported = json.loads(transfer.export_json(journal))
    tables = exported["tables"]
    for row in tables["companies"]:
        row["name_fold"] = "hand-edited"  # a wrong key must not decide matching
    for row in tables["applications"]:
        row.pop("title_fold", None)  # an export from before the keys existed
        row.pop("title_order", None)
    other = vault.create(journal.path.with_name("second.db"), "passphrase")
    try:
        transfer.import_json(other, json.dumps(exported).encode())
        assert other.find_or_add_company("ÉMILE SA").new_id == company
        rows = other.list_applications(ApplicationFilter(text="ánalyst"))
        assert [r.company for r in rows] == ["Émile SA"]
    finally:
        other.lock()


def test_a_person_typed_again_in_another_case_or_form_is_the_same_contact(
    journal: Journal,
) -> None:
    from jobjournal.core.work import interviews as iv

    company = journal.find_or_add_company("Acme").new_id
    application = journal.add_application(company_id=company, job_title="Analyst").new_id
    iv.add_interview(journal, application, iv.Meeting(people=(iv.Person(name="Émilie Durand"),)))
    for typed in ("ÉMILIE DURAND", unicodedata.normalize("NFD", "émilie durand")):
        iv.add_interview(journal, application, iv.Meeting(people=(iv.Person(name=typed),)))
    assert [c.name for c in iv.contacts_at(journal, application)] == ["Émilie Durand"]
