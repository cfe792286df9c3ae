"""Keeping up and preparing: the Due list, the calendar file, the prep sheet."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from docx import Document

from jobjournal.core.documents import calendar_file, docx_prep
from jobjournal.core.documents.exports import FileExistsAlready
from jobjournal.core.records.journal import Journal
from jobjournal.core.storage import models as m
from jobjournal.core.work import interviews as iv
from jobjournal.core.work import prep
from jobjournal.core.work.due import due_items

NOW = datetime(2026, 11, 20, 9, 0)
TODAY = NOW.date()


def _application(
    journal: Journal, company: str, status: str = "interviewing", **fields: object
) -> int:
    company_id = journal.find_or_add_company(company).new_id
    ending = status in ("rejected", "withdrawn", "declined")
    changes = journal.add_application(
        company_id=company_id,
        job_title="Analyst",
        status="interviewing" if ending else status,
        **fields,
    )
    if ending:
        journal.set_status(changes.new_id, status, reason_code="other")
    return changes.new_id


def _interview(journal: Journal, application_id: int, starts: datetime, **fields: object) -> int:
    interview_id = iv.add_interview(
        journal, application_id, iv.Meeting(round="technical", starts_at=starts)
    ).new_id
    if fields:
        journal.update(m.Interview, interview_id, **fields)
    return interview_id


def test_the_due_list_gathers_what_needs_doing(journal: Journal) -> None:
    acme = _application(journal, "Acme")
    _interview(journal, acme, NOW - timedelta(days=2))  # no thank-you yet
    thanked = _interview(journal, acme, NOW - timedelta(days=3))
    journal.update(m.Interview, thanked, thank_you_sent_on=TODAY - timedelta(days=2))
    _interview(journal, acme, NOW - timedelta(days=40))  # too old to nag about
    _interview(journal, acme, NOW + timedelta(hours=5))  # today
    _interview(journal, acme, NOW + timedelta(days=1))  # tomorrow
    _interview(journal, acme, NOW + timedelta(days=3))  # not yet
    bolt = _application(journal, "Bolt")
    _interview(
        journal,
        bolt,
        NOW - timedelta(days=10),
        thank_you_sent_on=TODAY - timedelta(days=9),
        expected_decision_on=TODAY - timedelta(days=2),
    )
    cargo = _application(journal, "Cargo", "applied", next_action="Call Sam", next_action_on=TODAY)
    journal.add(m.FeedbackRequest, application_id=cargo, asked_on=TODAY - timedelta(days=8))
    journal.add(m.FeedbackRequest, application_id=cargo, asked_on=TODAY - timedelta(days=3))
    offered = _application(journal, "Offer Co", "offer")  # an offer ends the wait
    _interview(
        journal, offered, NOW - timedelta(days=9), expected_decision_on=TODAY - timedelta(days=1)
    )
    moved = _application(journal, "Two Rounds")  # the later round's date counts
    _interview(
        journal, moved, NOW - timedelta(days=9), expected_decision_on=TODAY - timedelta(days=1)
    )
    _interview(
        journal, moved, NOW - timedelta(days=2), expected_decision_on=TODAY + timedelta(days=5)
    )
    ended = _application(journal, "Done Co", "rejected")
    _interview(journal, ended, NOW - timedelta(days=2))  # ended: no thank-you nagging

    items = due_items(journal, NOW)
    kinds = [(i.kind, i.application_id) for i in items]
    assert kinds.count(("thank_you", acme)) == 1
    assert ("thank_you", moved) in kinds  # two days ago, no thank-you yet
    assert ("thank_you", ended) not in kinds
    soon = [i.text for i in items if i.kind == "interview"]
    assert len(soon) == 2 and any("today at 14:00" in t for t in soon)
    assert any("tomorrow" in t for t in soon)
    assert [i.application_id for i in items if i.kind == "decision"] == [bolt]
    decision = next(i for i in items if i.kind == "decision")
    assert decision.overdue and "Bolt" in decision.text and "follow up" in decision.text
    action = next(i for i in items if i.kind == "action")
    assert action.text == "Call Sam — Cargo" and not action.overdue
    assert [i.kind for i in items].count("feedback") == 1
    overdue = [i.overdue for i in items]
    assert overdue == sorted(overdue, reverse=True)  # overdue first
    assert all(i.interview_id for i in items if i.kind in ("thank_you", "interview", "decision"))


def test_the_calendar_file_has_stable_uids_and_valid_lines(
    journal: Journal, tmp_path: Path
) -> None:
    acme = _application(journal, "Acme, Inc; Labs")
    first = _interview(journal, acme, datetime(2026, 11, 24, 10, 0), duration_minutes=45)
    journal.update(
        m.Interview, first, place="Room 4\nBuilding B — Zoom: https://x.example/" + "y" * 80
    )
    _interview(journal, acme, datetime(2026, 12, 1, 15, 30))
    text = calendar_file.calendar_text(journal, NOW)
    again = calendar_file.calendar_text(journal, NOW)
    assert text == again  # same journal, same UIDs
    lines = text.split("\r\n")
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR" and lines[-1] == ""
    assert all(len(line.encode()) <= 75 for line in lines)
    unfolded = text.replace("\r\n ", "")
    assert unfolded.count("BEGIN:VEVENT") == 2
    assert "DTSTART:20261124T100000" in unfolded and "DTEND:20261124T104500" in unfolded
    assert "SUMMARY:Interview: Acme\\, Inc\\; Labs — Technical" in unfolded
    assert "LOCATION:Room 4\\nBuilding B" in unfolded
    uids = [line for line in unfolded.split("\r\n") if line.startswith("UID:")]
    assert len(set(uids)) == 2
    path = calendar_file.export(journal, tmp_path / "interviews.ics")
    with pytest.raises(FileExistsAlready):
        calendar_file.export(journal, path)
    calendar_file.export(journal, path, replace=True)
    assert path.read_bytes().decode().replace("\r\n ", "").count("BEGIN:VEVENT") == 2


def test_the_prep_sheet_gathers_and_exports_everything(
    demo_journal: Journal, tmp_path: Path
) -> None:
    pinecrest = next(
        r.id for r in demo_journal.list_applications() if r.company == "Pinecrest Media"
    )
    upcoming = max(
        demo_journal.records_of(pinecrest).interviews, key=lambda i: i.starts_at or datetime.min
    )
    demo_journal.update_application(pinecrest, job_description="Own the subscriptions dashboard.")
    sheet = prep.prepare(demo_journal, upcoming.id)
    assert sheet.company == "Pinecrest Media" and [p.name for p in sheet.people] == ["Jamie Park"]
    assert sheet.people[0].met_before  # Jamie ran the phone screen
    assert sheet.asked_before and all(q.question for q in sheet.asked_before)
    earlier_asked = {
        iv.question_key(q.question)
        for i in demo_journal.records_of(pinecrest).interviews
        for q in i.questions
        if q.direction == "i_asked"
    }
    assert all(iv.question_key(q) not in earlier_asked for q in sheet.to_ask)
    name = docx_prep.file_name(sheet, date(2026, 11, 22))
    assert name == "Pinecrest Media - Prep sheet - 2026-11-22.docx"
    path = docx_prep.save(sheet, tmp_path / name)
    with pytest.raises(FileExistsAlready):
        docx_prep.save(sheet, path)
    written = "\n".join(p.text for p in Document(str(path)).paragraphs)
    for piece in (
        "Prep sheet: Pinecrest Media — Marketing Data Analyst",
        "Own the subscriptions dashboard.",
        "Jamie Park",
        sheet.asked_before[0].question,
        "Questions to ask them",
        sheet.to_ask[0],
    ):
        assert piece in written, piece
    if sheet.asked_before[0].next_time:
        assert f"Next time: {sheet.asked_before[0].next_time}" in written
    if sheet.salary_target:
        assert sheet.salary_target in written


def test_the_due_list_stays_short_however_much_is_overdue(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    from jobjournal.core.work import due

    monkeypatch.setattr(due, "PER_KIND", 3)
    for number in range(6):
        _application(
            journal,
            f"Old {number}",
            "applied",
            next_action="Chase",
            next_action_on=TODAY - timedelta(days=30 - number),
        )
    actions = [i for i in due_items(journal, NOW) if i.kind == "action"]
    assert [i.text for i in actions] == ["Chase — Old 0", "Chase — Old 1", "Chase — Old 2"]
