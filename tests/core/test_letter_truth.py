"""Every kind of letter over applications in every history (applied only, a call,
interviews, an offer, negotiated, accepted, rejected): each letter's facts are the
journal's, and no sentence claims an event the journal does not hold. The demo journal's
letters are written out to docs/letters.md, so a reader can read them as sent."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from support import DEMO_TODAY, PROJECT_DIR, application_at, keep_section

from jobjournal.core.documents import letters
from jobjournal.core.records import plain
from jobjournal.core.records.journal import Journal
from jobjournal.core.storage import models as m
from jobjournal.core.storage.models import Status
from jobjournal.core.work import interviews
from jobjournal.core.work.interviews import Meeting, Person

TODAY = date(2026, 11, 20)
HISTORIES = ("applied", "screened", "interviewed", "offer", "negotiated", "accepted", "rejected")
KINDS = ("withdraw", "decline_offer", "thank_you", "feedback_request", "counteroffer",
         "accept_offer")  # fmt: skip


def _application(journal: Journal, history: str) -> int:
    company = journal.find_or_add_company(f"Łódź {history.title()} Sp. z o.o.").new_id
    application = journal.add_application(
        company_id=company,
        job_title="Data Analyst",
        status=Status.APPLIED,
        on=TODAY - timedelta(days=30),
        applied_on=TODAY - timedelta(days=30),
        salary_currency="EUR",
    ).new_id
    steps = {
        "screened": [Status.SCREENING],
        "interviewed": [Status.SCREENING, Status.INTERVIEWING],
        "offer": [Status.INTERVIEWING, Status.OFFER],
        "negotiated": [Status.INTERVIEWING, Status.OFFER, Status.NEGOTIATING],
        "accepted": [Status.INTERVIEWING, Status.OFFER, Status.ACCEPTED],
        "rejected": [Status.INTERVIEWING, Status.REJECTED],
    }.get(history, [])
    for number, status in enumerate(steps):
        journal.set_status(application, status, on=TODAY - timedelta(days=20 - number))
    if Status.INTERVIEWING in steps:
        interviews.add_interview(
            journal,
            application,
            Meeting(
                round="hiring_manager",
                starts_at=datetime.combine(TODAY - timedelta(days=15), datetime.min.time()),
                people=(
                    Person(name="Zofia Wiśniewska", title="Head of Data"),
                    Person(name="Marek Nowak", title="Analyst"),
                ),
            ),
        )
    if Status.OFFER in steps:
        offer = journal.add(
            m.Offer,
            application_id=application,
            received_on=TODAY - timedelta(days=10),
            base_cents=60_000_00,
            currency="EUR",
            sign_on_cents=2_000_00,
        ).new_id
        if history == "negotiated":
            journal.add(
                m.NegotiationRound,
                offer_id=offer,
                number=1,
                asked_on=TODAY - timedelta(days=8),
                asked_base_cents=66_000_00,
                answered_on=TODAY - timedelta(days=6),
                answered_base_cents=64_000_00,
            )
    return application


@pytest.fixture
def histories(journal: Journal) -> dict[str, int]:
    journal.update(m.Profile, 1, name="Ana Souza", email="ana@example.com", currency="EUR")
    return {history: _application(journal, history) for history in HISTORIES}


def test_every_letter_holds_only_what_the_journal_holds(
    journal: Journal, histories: dict[str, int]
) -> None:
    written = 0
    for history, application_id in histories.items():
        facts = letters.gather(journal, application_id, TODAY)
        for kind in KINDS:
            if letters.why_not(kind, facts):
                continue
            options = letters.Options(contribution="bring five years of pricing analysis")
            letter = letters.draft(kind, facts, options, application_id)
            written += 1
            where = f"{kind} for {history}"
            assert "Data Analyst" in letter.body or "Data Analyst" in letter.subject, where
            assert facts.company in letter.body + letter.subject, where
            assert letter.signature == "Ana Souza", where
            assert letters.check(letter, facts) == [], (where, letters.check(letter, facts))
            if "interviewed" not in facts.events:
                for claim in ("interview", "conversation", "colleagues", "the people I met"):
                    assert claim not in letter.body, (where, claim)
            if "screened" not in facts.events:
                assert "speak with me" not in letter.body, where
    assert written >= 25


def test_which_kinds_each_history_allows(journal: Journal, histories: dict[str, int]) -> None:
    allowed = {
        history: {
            kind
            for kind in KINDS
            if not letters.why_not(kind, letters.gather(journal, application_id, TODAY))
        }
        for history, application_id in histories.items()
    }
    assert allowed["applied"] == allowed["screened"] == {"withdraw", "feedback_request"}
    assert "thank_you" in allowed["interviewed"] and "accept_offer" not in allowed["interviewed"]
    assert {"decline_offer", "counteroffer", "accept_offer"} <= allowed["offer"]


def test_acceptance_after_negotiating_confirms_what_was_agreed(
    journal: Journal, histories: dict[str, int]
) -> None:
    application_id = histories["negotiated"]
    facts = letters.gather(journal, application_id, TODAY)
    letter = letters.draft("accept_offer", facts, letters.Options(), application_id)
    assert "a base salary of EUR 64,000 per year" in letter.body
    assert "60,000" not in letter.body and "66,000" not in letter.body
    assert "a sign-on bonus of EUR 2,000" in letter.body


def test_an_unanswered_round_names_no_salary_and_says_why(
    journal: Journal, histories: dict[str, int]
) -> None:
    application_id = histories["negotiated"]
    offer = journal.all(plain.Offer, application_id=application_id)[0]
    journal.add(m.NegotiationRound, offer_id=offer.id, number=2, asked_on=TODAY,
                asked_base_cents=65_000_00)  # fmt: skip
    facts = letters.gather(journal, application_id, TODAY)
    letter = letters.draft("accept_offer", facts, letters.Options(), application_id)
    assert "base salary" not in letter.body
    assert any(
        "does not say what base salary was agreed" in c for c in letters.check(letter, facts)
    )


def test_a_thank_you_thanks_the_recipient_directly_and_the_others_through_her(
    journal: Journal, histories: dict[str, int]
) -> None:
    application_id = histories["interviewed"]
    facts = letters.gather(journal, application_id, TODAY)
    letter = letters.draft("thank_you", facts, letters.Options(), application_id)
    assert letter.salutation == "Dear Zofia Wiśniewska,"
    assert "Please also pass my thanks to Marek Nowak." in letter.body
    assert "Zofia" not in letter.body


def test_the_reader_check_finds_what_a_careful_reader_would(journal: Journal) -> None:
    facts = letters.gather(journal, None, TODAY)
    letter = letters.Draft(
        kind="withdraw", day=TODAY, sender_name="", sender_lines=[], recipient_lines=["Jo"],
        subject="[subject]", salutation="Dear Jo,", recipient="Jo",
        body="The salary of 95,000 is low. Please pass my thanks to Jo and Sam. The role fits "
        "the role I want.\n\nThe salary of 95,000 is low.",
        closing="Best,", signature="",
    )  # fmt: skip
    found = " ".join(letters.check(letter, facts))
    empty = replace(letter, kind="counteroffer", subject=" ", body="Thanks.")
    found_empty = " ".join(letters.check(empty, facts))
    assert "The subject is empty" in found_empty and "what you will bring" in found_empty
    for expected in ("not signed", "[subject]", "Jo is thanked through someone",
                     "“95,000” has no currency", "A sentence comes twice",
                     "“role” comes twice"):  # fmt: skip
        assert expected in found, expected


# -- every kind from the demo journal, as the recipient reads it ------------------------------

_DEMO_LETTERS = (
    ("Juniper Energy", "withdraw", {}),  # applied only
    ("Meridian Bank", "withdraw", {}),  # a screening call
    ("Tallgrass Retail", "withdraw", {}),  # in the person's own words
    ("Meridian Bank", "withdraw", {"figure_cents": 118_000_00, "only_reason": True}),
    ("Pinecrest Media", "thank_you", {}),
    ("Quartz Analytics", "feedback_request", {}),
    ("Harbor Logistics", "decline_offer", {}),
    ("Northwind Analytics", "counteroffer", {"contribution": "bring the experimentation "
                                             "practice I built at my current job"}),
    ("Northwind Analytics", "accept_offer", {}),
    ("Bluefin Health", "accept_offer", {}),  # the last round has no answer yet
    ("", "resignation", {"employer": "Lakeshore Insurance", "manager": "Morgan Blake"}),
)  # fmt: skip


def test_the_demo_letters_page_says_what_the_app_writes(demo_journal: Journal) -> None:
    parts = [
        "# Every kind of letter, drafted from the demo journal",
        "",
        "Written by `tests/core/test_letter_truth.py` (`JOBJOURNAL_WRITE_RELIABILITY=1 make "
        "test` rewrites it): what the app drafts, before the person edits it, and what its "
        "reader's check says.",
    ]
    for company, kind, options in _DEMO_LETTERS:
        facts, application_id = _demo_facts(demo_journal, company)
        if "figure_cents" in options:  # as the dialog sets it: withdrawing over salary
            facts = replace(facts, reason_code="salary_below_market")
        letter = letters.draft(kind, facts, letters.Options(**options), application_id)  # type: ignore[arg-type]
        parts += ["", f"## {letters.KINDS[kind]}: {company or 'my employer'}", "", "```text",
                  letters.email_text(letter).rstrip(), "```"]  # fmt: skip
        found = letters.check(letter, facts)
        parts += ["", "Reader's check: " + ("; ".join(found) if found else "nothing to point out.")]
    for letter, found in _introduction_letters(demo_journal):
        parts += ["", f"## {m.ALL_LETTER_KINDS[letter.kind]}: {letter.company}", "", "```text",
                  letters.email_text(letter).rstrip(), "```"]  # fmt: skip
        parts += ["", "Reader's check: " + ("; ".join(found) if found else "nothing to point out.")]
        assert found == [], letter.kind
    keep_section(PROJECT_DIR / "docs" / "letters.md", "demo letters", "\n".join(parts) + "\n")


def test_one_money_style_per_letter_typed_amounts_included(
    journal: Journal, histories: dict[str, int]
) -> None:
    application_id = histories["negotiated"]
    offer = journal.all(plain.Offer, application_id=application_id)[0]
    round_ = journal.all(plain.NegotiationRound, offer_id=offer.id)[0]
    journal.update(m.NegotiationRound, round_.id, asked_other="A relocation budget of €3,000")
    for style, wanted, unwanted in (("code", "EUR 3,000", "€"), ("symbol", "€66,000", "EUR ")):
        journal.update(m.Profile, 1, money_style=style)
        facts = letters.gather(journal, application_id, TODAY)
        body = letters.draft("counteroffer", facts, letters.Options(), application_id).body
        assert wanted in body and unwanted not in body, (style, body)


@pytest.mark.parametrize(
    ("date_style", "address", "month_first"),
    [
        ("", "Chicago, IL 60607", True),
        ("", "Rua Augusta 10, São Paulo", None),  # the system's country decides
        ("day_first", "Chicago, IL 60607", False),
        ("month_first", "Łódź", True),
    ],
)
def test_the_date_order_comes_from_the_profile_then_the_address(
    date_style: str, address: str, month_first: bool | None
) -> None:
    assert letters.month_first_for(date_style, address) is month_first


def test_file_names_keep_the_kind_and_date_and_never_start_with_a_dash() -> None:
    from jobjournal.core.documents.docx_letter import MAX_NAME_BYTES, file_name

    long_company = "Ü" * 300  # two bytes each
    first = file_name(long_company, "withdraw", TODAY)
    second = file_name(long_company, "thank_you", TODAY)
    assert first != second
    assert first.endswith(" - Withdraw an application - 2026-11-20.docx")
    assert len(first.encode()) <= MAX_NAME_BYTES
    assert not file_name("-rf Corp", "withdraw", TODAY).startswith(("-", "."))
    assert not file_name("..hidden", "withdraw", TODAY).startswith(("-", "."))


def test_the_question_bank_reads_contractions_as_their_words() -> None:
    from jobjournal.core.work.interviews import question_key

    assert question_key("What's your biggest weakness?") == question_key(
        "What is your biggest weakness?"
    )
    assert question_key("Where'd you like to be?") == question_key("Where would you like to be?")
    assert "'" not in question_key("What's the company's mission?")


# -- as the recipient sees the page -------------------------------------------------------


def test_every_kind_renders_on_one_page_in_libreoffice(
    demo_journal: Journal, tmp_path: Path
) -> None:
    """Each kind of letter exported and turned into a PDF by LibreOffice: one page each.
    With JOBJOURNAL_WRITE_RELIABILITY=1 two of them are kept as pictures in docs/."""
    soffice, pdfinfo = shutil.which("soffice"), shutil.which("pdfinfo")
    if not soffice or not pdfinfo:
        pytest.skip("LibreOffice (soffice) and poppler-utils (pdfinfo) are needed to render")
    from jobjournal.core.documents import docx_letter

    exported = []
    for company, kind, options in _DEMO_LETTERS:
        facts, application_id = _demo_facts(demo_journal, company)
        if "figure_cents" in options:
            facts = replace(facts, reason_code="salary_below_market")
        letter = letters.draft(kind, facts, letters.Options(**options), application_id)  # type: ignore[arg-type]
        exported.append(docx_letter.export(letter, tmp_path, f"{len(exported)} {kind}.docx"))
    for letter, _found in _introduction_letters(demo_journal):
        name = f"{len(exported)} {letter.kind}.docx"
        exported.append(docx_letter.export(letter, tmp_path, name))
    subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
         "--convert-to", "pdf", "--outdir", str(tmp_path), *map(str, exported)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    for docx in exported:
        info = subprocess.run(
            [pdfinfo, str(docx.with_suffix(".pdf"))], capture_output=True, text=True, check=True
        ).stdout
        assert re.search(r"^Pages:\s+1$", info, re.M), (docx.name, info)
    if os.environ.get("JOBJOURNAL_WRITE_RELIABILITY"):
        for index, picture in ((3, "letter-withdraw-salary"), (8, "letter-accept-agreed")):
            subprocess.run(
                ["pdftoppm", "-png", "-r", "70", "-singlefile",
                 str(exported[index].with_suffix(".pdf")),
                 str(PROJECT_DIR / "docs" / "screenshots" / picture)],
                check=True,
            )  # fmt: skip


def _introduction_letters(journal: Journal) -> list[tuple[letters.Draft, list[str]]]:
    """The demo's introduction, each of its three letters in turn with its reader's
    check: the ask, then (once made) the follow-up, kept, then the thank-you."""
    from jobjournal.core.documents import introduction_letters as il
    from jobjournal.core.work import network

    [intro] = journal.all(plain.Introduction)
    drafted = []
    for kind in il.KINDS:
        if kind == "introduction_follow_up":
            network.mark_introduced(journal, intro.id, DEMO_TODAY)
        facts = il.gather(journal, intro.id, DEMO_TODAY)
        letter = il.draft(kind, facts)  # type: ignore[arg-type]
        drafted.append((letter, il.check(letter, facts)))
        if kind == "introduction_follow_up":
            il.keep(journal, letter)
    return drafted


def _demo_facts(journal: Journal, company: str) -> tuple[letters.Facts, int | None]:
    """The facts for the demo's application at `company` ("": a letter about none)."""
    if not company:
        return letters.gather(journal, None, DEMO_TODAY), None
    application_id = application_at(journal, company)
    return letters.gather(journal, application_id, DEMO_TODAY), application_id


@pytest.mark.parametrize(
    ("typed", "cents"),
    [("$118,000", 118_000_00), ("USD 118,000", 118_000_00), ("118 000 EUR", 118_000_00),
     ("€3,000.50", 3_000_50), ("85,000", 85_000_00)],
)  # fmt: skip
def test_amounts_typed_with_a_symbol_or_a_code_are_read(typed: str, cents: int) -> None:
    from jobjournal.core.records.money import parse_amount

    assert parse_amount(typed) == cents


def test_the_money_style_applies_across_the_app() -> None:
    from jobjournal.core.records import money

    assert money.format_amount(118_000_00, "USD") == "USD 118,000"
    money.use_style("symbol")
    assert money.format_amount(118_000_00, "USD") == "$118,000"
    assert money.format_amount(118_000_00, "CHF") == "CHF 118,000"  # no symbol of its own
