"""The letters of an introduction (issue 26): drafted from the journal, true to it,
checked as a careful reader would, kept with the step they do, exported as Word files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
import pytest

from jobjournal.core.documents import docx_letter, letters
from jobjournal.core.documents import introduction_letters as il
from jobjournal.core.errors import InvalidInput
from jobjournal.core.records import plain
from jobjournal.core.records.journal import Journal
from jobjournal.core.work import network


@pytest.fixture
def introduction(journal: Journal) -> int:
    journal.update_profile(
        name="Alex Morgan",
        email="alex@example.org",
        headline="A data engineer with eight years in payments.",
        looking_for="a senior data role on a platform team",
    )
    priya = network.save_contact(
        journal, None, name="Priya Nair", organisation="Old Employer Ltd"
    ).new_id
    target = network.save_target(
        journal, None, organisation="Lumen Health", why="Their tools keep rural clinics running."
    ).new_id
    return network.ask_introduction(
        journal, priya, target, "Sam Lee", to_role="Head of Data"
    ).new_id


def test_the_request_says_who_i_am_what_i_want_and_why_and_gives_a_note_to_forward(
    journal: Journal, introduction: int
) -> None:
    facts = il.gather(journal, introduction)
    draft = il.draft("introduction_request", facts)
    text = letters.email_text(draft)
    assert draft.salutation == "Dear Priya,"
    assert draft.subject == "Would you introduce me to Sam Lee at Lumen Health?"
    assert "I am looking for a senior data role on a platform team" in text
    assert "because their tools keep rural clinics running." in text  # one full stop
    assert "“Hi Sam, I would like you to meet Alex Morgan." in text
    assert "Alex is a data engineer with eight years in payments." in text
    assert "I will let you take it from here.”" in text
    assert il.check(draft, facts) == []
    assert draft.recipient_lines == ["Priya Nair", "Old Employer Ltd"]


def test_a_request_without_who_i_am_or_why_says_what_to_add(journal: Journal) -> None:
    priya = network.save_contact(journal, None, name="Priya Nair").new_id
    target = network.save_target(journal, None, organisation="Lumen Health").new_id
    intro = network.ask_introduction(journal, priya, target, "Sam Lee").new_id
    facts = il.gather(journal, intro)
    draft = il.draft("introduction_request", facts)
    assert "“Hi Sam, I would like you to meet a friend of mine." in draft.body
    found = " ".join(il.check(draft, facts))
    assert "not signed" in found
    assert "who you are" in found and "what you are looking for" in found
    assert "why this organisation" in found


def test_the_follow_up_and_thanks_wait_for_the_introduction_and_never_claim_it_before(
    journal: Journal, introduction: int
) -> None:
    facts = il.gather(journal, introduction)
    for kind in ("introduction_follow_up", "introduction_thanks"):
        with pytest.raises(InvalidInput, match="has not introduced you to Sam Lee yet"):
            il.draft(kind, facts)  # type: ignore[arg-type]
    request = il.draft("introduction_request", facts)
    claimed = letters.with_text(
        request, "Priya Nair", request.subject, "Dear Priya,\n\nThank you for the introduction."
    )
    assert any("has not made it yet" in item for item in il.check(claimed, facts))


def test_the_follow_up_asks_for_a_call_and_keeping_it_records_the_step_in_one_undo(
    journal: Journal, introduction: int
) -> None:
    network.mark_introduced(journal, introduction)
    facts = il.gather(journal, introduction)
    follow_up = il.draft("introduction_follow_up", facts)
    assert follow_up.salutation == "Dear Sam,"
    assert follow_up.recipient_lines == ["Sam Lee", "Head of Data", "Lumen Health"]
    assert "Priya kindly introduced us" in follow_up.body
    assert "suggestions on what would make my candidacy stronger" in follow_up.body
    assert "Lumen Health interests me because their tools keep rural clinics running." in (
        follow_up.body
    )
    assert il.check(follow_up, facts) == []
    kept = il.keep(journal, follow_up)
    intro = journal.get(plain.Introduction, introduction)
    assert intro.followed_up_on == date.today()
    assert journal.get(plain.Letter, kept.new_id).introduction_id == introduction
    assert kept.undo is not None
    journal.undo(kept.undo)
    assert journal.get(plain.Introduction, introduction).followed_up_on is None
    assert journal.all(plain.Letter) == []
    thanks = il.draft("introduction_thanks", il.gather(journal, introduction))
    assert thanks.body.startswith("Thank you for introducing me to Sam Lee at Lumen Health.")
    assert "I have written to Sam" not in thanks.body  # not yet: the follow-up was undone


def test_each_letter_exports_as_a_word_file_that_reads_back(
    journal: Journal, introduction: int, tmp_path: Path
) -> None:
    network.mark_introduced(journal, introduction)
    facts = il.gather(journal, introduction)
    for kind in il.KINDS:
        draft = il.draft(kind, facts)  # type: ignore[arg-type]
        path = docx_letter.export(draft, tmp_path)
        assert path.name.startswith("Lumen Health - ") and il.KINDS[kind] in path.name
        read = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
        assert draft.subject in read and draft.paragraphs()[0] in read
        reopened = letters.reopen(journal, il.keep(journal, draft).new_id)
        assert reopened.introduction_id == introduction and reopened.subject == draft.subject
