"""Letters: each kind drafted from the demo journal, exported, reopened and read back."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from pathlib import Path

import pytest
from docx import Document
from hypothesis import given
from hypothesis import strategies as st
from support import DEMO_TODAY, application_at, run_python

from jobjournal.core.documents import docx_letter, letters
from jobjournal.core.documents.exports import FileExistsAlready
from jobjournal.core.records import plain
from jobjournal.core.records.journal import Journal


def _exported_text(letter: letters.Draft, folder: Path) -> str:
    path = docx_letter.export(letter, folder)
    document = Document(str(path))
    return "\n".join(p.text for p in document.paragraphs)


def _letter(journal: Journal, company: str, kind: str, **options: object) -> letters.Draft:
    application_id = application_at(journal, company)
    facts = letters.gather(journal, application_id, DEMO_TODAY)
    return letters.draft(kind, facts, letters.Options(**options), application_id)  # type: ignore[arg-type]


def test_withdraw_names_the_role_the_reason_and_the_figure(
    demo_journal: Journal, tmp_path: Path
) -> None:
    letter = _letter(demo_journal, "Quartz Analytics", "withdraw", figure_cents=118_000_00)
    facts = letters.gather(
        demo_journal, application_at(demo_journal, "Quartz Analytics"), DEMO_TODAY
    )
    letter = letters.draft(
        "withdraw",
        dataclasses.replace(facts, reason_code="salary_below_market"),
        letters.Options(figure_cents=118_000_00, only_reason=True),
        letter.application_id,
    )
    text = _exported_text(letter, tmp_path)
    for piece in (
        "Senior Analyst, Experimentation",
        "Quartz Analytics",
        "Dear Elliot Chen,",
        "withdraw my application",
        "below what comparable positions pay",
        "USD 118,000",
        "the only reason",
        "future openings",
        "Alex Rivera",
        "November 20, 2026",  # the demo lives in Chicago: the US order
    ):
        assert piece in text, piece


def test_withdraw_can_leave_the_reason_out_and_be_brief(demo_journal: Journal) -> None:
    warm = _letter(demo_journal, "Tallgrass Retail", "withdraw")
    brief = _letter(
        demo_journal, "Tallgrass Retail", "withdraw", tone="brief", include_reason=False
    )
    said = "The role is mostly maintaining existing reports"  # the reason in the person's words
    assert said in warm.body and said not in brief.body
    assert len(brief.body) < len(warm.body)
    assert brief.salutation == "Dear Hiring Team,"  # nobody recorded for Tallgrass


def test_decline_thank_you_feedback_counter_accept(demo_journal: Journal, tmp_path: Path) -> None:
    expected = {
        ("Harbor Logistics", "decline_offer"): ["Data Analyst II", "not to accept", "paths cross"],
        ("Quartz Analytics", "thank_you"): ["Elliot Chen", "meeting with me", "Thank you for"],
        ("Quartz Analytics", "feedback_request"): [
            "honest assessment",
            "work on",
            "letting me know",
        ],
        ("Northwind Analytics", "counteroffer"): ["USD 105,000", "salary review", "Priya Shah"],
        ("Northwind Analytics", "accept_offer"): ["USD 103,000", "December 20, 2026", "accept"],
    }  # the demo's offer starts a month after its "today"
    for (company, kind), pieces in expected.items():
        folder = tmp_path / kind
        folder.mkdir()
        text = _exported_text(_letter(demo_journal, company, kind), folder)
        assert company in text
        for piece in pieces:
            assert piece in text, (kind, piece)


def test_resignation_gives_a_last_day_two_weeks_out_or_the_one_chosen(
    demo_journal: Journal, tmp_path: Path
) -> None:
    facts = letters.gather(demo_journal, None, DEMO_TODAY)
    options = letters.Options(employer="Acme Corp", manager="Pat Lee")
    text = _exported_text(letters.draft("resignation", facts, options), tmp_path)
    assert "Acme Corp" in text and "Dear Pat Lee," in text
    assert "December 4, 2026" in text  # 20 November + 14 days
    chosen = dataclasses.replace(options, last_day=DEMO_TODAY + timedelta(days=30))
    assert "December 20, 2026" in letters.draft("resignation", facts, chosen).body


def test_after_accepting_every_other_application_sent_gets_its_letter(
    demo_journal: Journal,
) -> None:
    from jobjournal.core.records.transitions import ACTIVE
    from jobjournal.core.storage.models import Status

    accepted = application_at(demo_journal, "Northwind Analytics")
    drafts = letters.withdraw_from_others(demo_journal, accepted)
    rows = demo_journal.list_applications()
    sent = {r.id for r in rows if r.status in ACTIVE and r.status != Status.SAVED}
    assert {d.application_id for d in drafts} == sent - {accepted}
    assert all("accepted another offer" in d.body for d in drafts)
    kinds = {d.company: d.kind for d in drafts}
    on_the_table = {"Bluefin Health", "Larkspur Labs"}  # an offer there is declined
    assert {kinds[c] for c in on_the_table} == {"decline_offer"}
    assert {k for c, k in kinds.items() if c not in on_the_table} == {"withdraw"}


def test_an_existing_file_is_never_replaced_silently(demo_journal: Journal, tmp_path: Path) -> None:
    tmp_path = tmp_path / "letters"
    tmp_path.mkdir()
    letter = _letter(demo_journal, "Harbor Logistics", "decline_offer")
    first = docx_letter.export(letter, tmp_path)
    before = first.read_bytes()
    letter.body += "\n\nA second version."
    with pytest.raises(FileExistsAlready):
        docx_letter.export(letter, tmp_path)
    assert first.read_bytes() == before
    assert docx_letter.export(letter, tmp_path, replace=True) == first
    assert first.read_bytes() != before
    assert [p.name for p in tmp_path.iterdir()] == [first.name]


def test_a_save_failing_part_way_leaves_the_old_file_byte_identical(
    demo_journal: Journal, tmp_path: Path
) -> None:
    tmp_path = tmp_path / "letters"
    tmp_path.mkdir()
    letter = _letter(demo_journal, "Harbor Logistics", "decline_offer")
    existing = docx_letter.export(letter, tmp_path)
    before = existing.read_bytes()
    result = run_python(
        """
        import pickle, resource, signal, sys
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG)
        from jobjournal.core.documents import docx_letter
        from jobjournal.core.errors import CannotWrite
        letter = pickle.loads(bytes.fromhex(sys.argv[1]))
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
        try:
            docx_letter.export(letter, docx_letter.Path(sys.argv[2]), replace=True)
        except CannotWrite as error:
            print("refused:", error)
        """,
        __import__("pickle").dumps(letter).hex(),
        str(tmp_path),
    )
    assert "refused:" in result.stdout, result.stderr
    assert "could not be written" in result.stdout
    assert existing.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == [existing.name]  # no partial left


def test_control_characters_emoji_and_right_to_left_text_export_cleanly(
    demo_journal: Journal, tmp_path: Path
) -> None:
    letter = _letter(demo_journal, "Harbor Logistics", "decline_offer")
    note = "Bell\x07 null\x00 esc\x1b form\x0c — 🎉👩🏽‍💻 — שלום עולם — مرحبا — e\u0301"
    letter.body += f"\n\n{note}"
    letter.subject += "\x01"
    text = _exported_text(letter, tmp_path)
    assert "Bell null esc form — 🎉👩🏽‍💻 — שלום עולם — مرحبا — e\u0301" in text
    assert not any(ord(c) < 32 and c not in "\t\n" for c in text)
    assert note in letter.body  # cleaned on export only


def test_copy_as_email_text(demo_journal: Journal) -> None:
    letter = _letter(demo_journal, "Quartz Analytics", "thank_you")
    text = letters.email_text(letter)
    assert text.startswith("Subject: Thank you: Senior Analyst, Experimentation interview\n\n")
    assert "Dear Elliot Chen," in text and text.rstrip().endswith("Alex Rivera")


def test_a_recorded_letter_shows_on_the_timeline_and_reopens(
    demo_journal: Journal, tmp_path: Path
) -> None:
    letter = _letter(demo_journal, "Quartz Analytics", "feedback_request")
    path = docx_letter.export(letter, tmp_path)
    letter_id = letters.record(demo_journal, letter, str(path)).new_id
    stored = demo_journal.get(plain.Letter, letter_id)
    assert stored.exported_to == str(path) and stored.kind == "feedback_request"
    timeline = demo_journal.timeline(letter.application_id)  # type: ignore[arg-type]
    assert any(entry.kind == "letter" and entry.ref_id == letter_id for entry in timeline)
    again = letters.reopen(demo_journal, letter_id)
    assert (again.subject, again.salutation, again.closing, again.signature) == (
        letter.subject,
        letter.salutation,
        letter.closing,
        letter.signature,
    )
    assert again.paragraphs() == letter.paragraphs()
    assert again.recipient_lines == letter.recipient_lines


hostile = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=400)


@given(company=hostile, day=st.dates(date(1990, 1, 1), date(2100, 1, 1)))
def test_file_names_are_safe_whatever_the_company_is_called(company: str, day: date) -> None:
    name = docx_letter.file_name(company, "withdraw", day)
    assert name.endswith(".docx") and len(name.encode()) <= docx_letter.MAX_NAME_BYTES
    assert not set(name) & set('/\\:*?"<>|')
    assert all(ord(c) >= 32 and c != "\x7f" for c in name)
    stem = name[: -len(".docx")]
    assert stem and stem == stem.strip(" .")
    assert stem.split(".")[0].upper() not in {"CON", "PRN", "AUX", "NUL", "COM1", "LPT1"}


@pytest.mark.parametrize("company", ["CON", "aux", "nul.txt", "../../etc/passwd", "a" * 300, ""])
def test_file_names_for_known_troublemakers(company: str) -> None:
    name = docx_letter.file_name(company, "withdraw", DEMO_TODAY)
    assert "/" not in name and len(name.encode()) <= 200
    assert name.split(".")[0].rstrip().upper() not in {"CON", "AUX", "NUL"}
    alone = docx_letter.safe_file_name(company)  # a name typed in the save dialog
    assert alone.split(".")[0].rstrip().upper() not in {"CON", "AUX", "NUL"}
    assert "/" not in alone and alone


def test_a_withdraw_letter_never_quotes_the_employers_rejection_reason(
    demo_journal: Journal,
) -> None:
    rejected = letters.gather(
        demo_journal, application_at(demo_journal, "Quartz Analytics"), DEMO_TODAY
    )
    assert demo_journal.status_history(application_at(demo_journal, "Quartz Analytics"))[
        -1
    ].reason_code
    assert (rejected.reason_code, rejected.reason_text) == (None, "")
    withdrawn = letters.gather(
        demo_journal, application_at(demo_journal, "Tallgrass Retail"), DEMO_TODAY
    )
    assert withdrawn.reason_code is not None  # the person's own reason is kept


def test_an_edited_text_reads_back_into_its_parts(demo_journal: Journal) -> None:
    letter = _letter(demo_journal, "Harbor Logistics", "decline_offer")
    edited = letters.stored_body(letter).replace(
        letter.closing, "One more paragraph of my own.\n\n" + letter.closing
    )
    again = letters.with_text(
        letter, "Dana Park\nHead of Data\nHarbor Logistics", " A  new\tsubject ", edited
    )
    assert again.paragraphs() == [*letter.paragraphs(), "One more paragraph of my own."]
    assert (again.salutation, again.closing, again.signature) == (
        letter.salutation,
        letter.closing,
        letter.signature,
    )
    assert again.subject == "A new subject"
    assert (again.recipient, again.company) == ("Dana Park", "Harbor Logistics")
    assert letters.with_text(letter, "", "", "Only one paragraph.").paragraphs() == [
        "Only one paragraph."
    ]


def test_recording_again_updates_the_kept_letter(demo_journal: Journal) -> None:
    letter = _letter(demo_journal, "Harbor Logistics", "decline_offer")
    before = len(demo_journal.records_of(letter.application_id).letters)  # type: ignore[arg-type]
    letter_id = letters.record(demo_journal, letter).new_id
    changed = dataclasses.replace(letter, subject="Second thoughts")
    assert (
        letters.record(demo_journal, changed, "/letters/harbor.docx", letter_id).new_id == letter_id
    )
    stored = demo_journal.get(plain.Letter, letter_id)
    assert (stored.subject, stored.exported_to) == ("Second thoughts", "/letters/harbor.docx")
    assert letters.record(demo_journal, changed, "", letter_id).new_id == letter_id
    assert demo_journal.get(plain.Letter, letter_id).exported_to == "/letters/harbor.docx"
    assert len(demo_journal.records_of(letter.application_id).letters) == before + 1  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("country", "paper", "width_cm"),
    [("US", "letter", 21.59), ("", "letter", 21.59), ("GB", "a4", 21.0), ("de", "a4", 21.0)],
)
def test_the_paper_follows_the_country(
    demo_journal: Journal, tmp_path: Path, country: str, paper: str, width_cm: float
) -> None:
    assert docx_letter.paper_for(country) == paper
    letter = _letter(demo_journal, "Harbor Logistics", "decline_offer")
    path = docx_letter.export(letter, tmp_path, paper=docx_letter.paper_for(country))
    section = Document(str(path)).sections[0]
    assert section.page_width is not None and round(section.page_width.cm, 2) == width_cm


@pytest.mark.parametrize(
    ("typed", "saved"),
    [("Offer v1.2", "Offer v1.2.docx"), ("decline.DOCX", "decline.docx"), ("a/b", "a-b.docx")],
)
def test_a_typed_file_name_keeps_its_dots(
    demo_journal: Journal, tmp_path: Path, typed: str, saved: str
) -> None:
    letter = _letter(demo_journal, "Harbor Logistics", "decline_offer")
    assert docx_letter.export(letter, tmp_path, typed).name == saved


def test_a_resignation_written_from_an_application_is_addressed_to_my_employer(
    demo_journal: Journal,
) -> None:
    facts = letters.gather(
        demo_journal, application_at(demo_journal, "Northwind Analytics"), DEMO_TODAY
    )
    assert facts.recipient_title  # the interviewer's, which must not leak into it
    named = letters.draft("resignation", facts, letters.Options(manager="Pat Lee"))
    assert named.recipient_lines == ["Pat Lee"] and "Northwind" not in named.body
    unnamed = letters.draft("resignation", facts, letters.Options(employer="Acme Corp"))
    assert (unnamed.salutation, unnamed.recipient_lines) == ("Dear Manager,", ["Acme Corp"])


def test_dates_read_day_first_or_month_first() -> None:
    assert letters.long_date(date(2027, 3, 1)) == "1 March 2027"
    assert letters.long_date(date(2027, 3, 1), month_first=True) == "March 1, 2027"


def test_a_thank_you_speaks_of_the_interview_held_not_the_one_ahead(
    demo_journal: Journal,
) -> None:
    interviews = demo_journal.records_of(application_at(demo_journal, "Pinecrest Media")).interviews
    held = [i.starts_at.date() for i in interviews if i.starts_at]
    assert max(held) > DEMO_TODAY  # the demo has one still ahead
    facts = letters.gather(
        demo_journal, application_at(demo_journal, "Pinecrest Media"), DEMO_TODAY
    )
    assert facts.interview_on == max(day for day in held if day <= DEMO_TODAY)


def test_a_thank_you_never_quotes_private_interview_notes(demo_journal: Journal) -> None:
    for row in demo_journal.list_applications():
        interviews = demo_journal.records_of(row.id).interviews
        if not interviews:
            continue
        body = _letter(demo_journal, row.company, "thank_you").body.lower()
        for interview in interviews:
            for note in (interview.went_well, interview.to_improve, interview.reflection):
                first_words = " ".join(note.lower().split()[:4])
                assert not first_words or first_words not in body, (row.company, note)
