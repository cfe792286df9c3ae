"""Interviews as an iCalendar (.ics) file for any calendar app. Each event's UID is made
from the journal's own id and the interview's, so exporting again updates the events
instead of adding twins."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from jobjournal.core.documents.exports import write_file
from jobjournal.core.records.queries import with_company
from jobjournal.core.storage import models as m

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from jobjournal.core.records.journal import Journal

DEFAULT_MINUTES = 60
_UID_KEY = "calendar_uid"


def calendar_text(journal: Journal, now: datetime | None = None) -> str:
    """Every interview with a time, as the text of an .ics file (CRLF lines, folded)."""
    stamp = (now or datetime.now(UTC)).astimezone(UTC)
    with journal.session() as session:
        journal_uid = _journal_uid(session)
        query = (
            with_company(
                select(m.Interview, m.Company.name, m.Application.job_title),
                m.Interview.application_id,
            )
            .where(m.Interview.starts_at.is_not(None))
            .order_by(m.Interview.starts_at)
            .options(selectinload(m.Interview.people))
        )
        events = [
            _event(interview, company, title, journal_uid, stamp)
            for interview, company, title in session.execute(query)
        ]
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//jobjournal//interviews//EN",
        "CALSCALE:GREGORIAN",
        *[line for event in events for line in event],
        "END:VCALENDAR",
    ]
    return "".join(_fold(line) + "\r\n" for line in lines)


def export(journal: Journal, path: Path, *, replace: bool = False) -> Path:
    data = calendar_text(journal).encode("utf-8")
    return write_file(path, data, replace=replace, what=f"the calendar “{path.name}”")


def _event(
    interview: m.Interview, company: str, title: str, journal_uid: str, stamp: datetime
) -> list[str]:
    starts = interview.starts_at or stamp  # the query keeps only interviews with a time
    ends = starts + timedelta(minutes=interview.duration_minutes or DEFAULT_MINUTES)
    round_name = m.INTERVIEW_ROUNDS.get(interview.round, interview.round)
    people = ", ".join(p.name + (f" ({p.title})" if p.title else "") for p in interview.people)
    description = "\n".join(
        line
        for line in (
            f"{title} at {company}",
            f"Meeting: {people}" if people else "",
            f"Format: {m.INTERVIEW_FORMATS[interview.format]}" if interview.format else "",
        )
        if line
    )
    event = [
        "BEGIN:VEVENT",
        f"UID:interview-{interview.id}-{journal_uid}@jobjournal",
        f"DTSTAMP:{stamp:%Y%m%dT%H%M%SZ}",
        # Floating local times: the interview is at 10:00 wherever the person is.
        f"DTSTART:{starts:%Y%m%dT%H%M%S}",
        f"DTEND:{ends:%Y%m%dT%H%M%S}",
        f"SUMMARY:{_escape(f'Interview: {company} — {round_name}')}",
        f"DESCRIPTION:{_escape(description)}",
    ]
    if interview.place.strip():
        event.append(f"LOCATION:{_escape(interview.place.strip())}")
    event.append("END:VEVENT")
    return event


def _journal_uid(session: Session) -> str:
    """A random id for this journal, made once and kept in it."""
    stored = session.get(m.JournalInfo, _UID_KEY)
    if stored is None:
        stored = m.JournalInfo(key=_UID_KEY, value=uuid.uuid4().hex)
        session.add(stored)
    return stored.value


def _escape(text: str) -> str:
    """RFC 5545 TEXT: backslash, semicolon and comma escaped, newlines as \\n."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space, never
    splitting a UTF-8 character."""
    out: list[str] = []
    current = ""
    for char in line:
        limit = 75 if not out else 74  # continuation lines start with a space
        if len((current + char).encode()) > limit:
            out.append(current)
            current = char
        else:
            current += char
    out.append(current)
    return "\r\n ".join(out)
