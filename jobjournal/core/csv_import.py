"""Applications brought in from another tracker's CSV export, or a spreadsheet.

Three steps, each of which a person sees: read the file (refused whole, with a reason,
when it is not UTF-8 CSV), map its columns to ours (common trackers' headers are
recognised), and plan every row — imported, or skipped and why, including "you already
applied here". Only then `run_import` writes the planned rows, all in one transaction.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from jobjournal.core import models as m
from jobjournal.core import validation
from jobjournal.core.errors import InvalidInput, JournalError
from jobjournal.core.folding import fold
from jobjournal.core.journal import StatusMove, insert_application, record_move, split_texts
from jobjournal.core.letters import long_date
from jobjournal.core.models import Status

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from jobjournal.core.journal import Journal

S = Status
MAX_BYTES = 50_000_000  # a tracker export is far smaller; this is a wrong file


class ImportRefused(JournalError):
    """The file cannot be imported at all; the message says why and what to do."""


@dataclass(frozen=True)
class Target:
    """One of our fields a column can fill."""

    label: str
    headers: tuple[str, ...]  # normalised headers that mean this field
    required: bool = False


TARGETS: dict[str, Target] = {
    "company": Target(
        "Company", ("company", "companyname", "employer", "organization", "organisation"), True
    ),
    "job_title": Target(
        "Job title", ("jobtitle", "title", "position", "jobposition", "role", "job"), True
    ),
    "status": Target("Status", ("status", "stage", "listname", "list", "column", "state")),
    "applied_on": Target(
        "Applied on",
        (
            "appliedon",
            "dateapplied",
            "applied",
            "applieddate",
            "applicationdate",
            "createdat",
            "created",
            "date",
            "dateadded",
        ),
    ),
    "location": Target("Location", ("location", "city", "joblocation")),
    "posting_url": Target(
        "Posting URL", ("url", "postingurl", "joburl", "link", "joblink", "posting")
    ),
    "source": Target("Source", ("source", "foundvia", "channel")),
    "notes": Target("Notes", ("notes", "note", "comments", "comment")),
    "job_description": Target("Job description", ("description", "jobdescription")),
}

# What other trackers call each status (normalised: lower case, letters only).
_STATUS_WORDS = {
    **{status.value.replace("_", ""): status for status in Status},
    **{status.label.lower().replace(" ", ""): status for status in Status},
    "wishlist": S.SAVED,
    "bookmarked": S.SAVED,
    "interested": S.SAVED,
    "tosubmit": S.SAVED,
    "applying": S.APPLIED,
    "submitted": S.APPLIED,
    "screen": S.SCREENING,
    "phonescreen": S.SCREENING,
    "interview": S.INTERVIEWING,
    "interviews": S.INTERVIEWING,
    "offers": S.OFFER,
    "offerreceived": S.OFFER,
    "ghosted": S.NO_RESPONSE,
    "noreply": S.NO_RESPONSE,
    "notselected": S.REJECTED,
    "closed": S.REJECTED,
}
# How an imported application reaches an ending: endings need the steps before them.
_ROUTES = {
    S.REJECTED: [S.APPLIED, S.REJECTED],
    S.WITHDRAWN: [S.APPLIED, S.WITHDRAWN],
    S.NO_RESPONSE: [S.APPLIED, S.NO_RESPONSE],
    S.DECLINED: [S.APPLIED, S.OFFER, S.DECLINED],
    S.ACCEPTED: [S.APPLIED, S.OFFER, S.ACCEPTED],
    S.NEGOTIATING: [S.OFFER, S.NEGOTIATING],
}
_SOURCE_WORDS = {
    **{key.replace("_", ""): key for key in m.SOURCES},
    **{label.lower(): key for key, label in m.SOURCES.items()},
    "jobboard": "job_board",
    "indeed": "job_board",
    "glassdoor": "job_board",
    "website": "company_site",
    "companywebsite": "company_site",
    "careerspage": "company_site",
    "recruiter": "recruiter",
}
_MONTHS = "%d %b %Y", "%d %B %Y", "%b %d, %Y", "%B %d, %Y", "%b %d %Y", "%B %d %Y"
_SLASHED = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$")


@dataclass(frozen=True)
class Sheet:
    name: str
    headers: list[str]
    rows: list[list[str]]  # the data rows; row i is line i + 2 of the file


@dataclass
class PlannedRow:
    line: int
    company: str = ""
    job_title: str = ""
    statuses: list[Status] = field(default_factory=list)
    on: date | None = None
    fields: dict[str, Any] = field(default_factory=dict)
    problem: str = ""  # why the row is skipped; empty when it is imported
    note: str = ""  # imported, with something to know

    @property
    def skipped(self) -> bool:
        return bool(self.problem)


@dataclass
class Plan:
    rows: list[PlannedRow]
    notes: list[str]  # about the whole file (how dates were read)

    @property
    def to_import(self) -> list[PlannedRow]:
        return [row for row in self.rows if not row.skipped]

    @property
    def skipped(self) -> list[PlannedRow]:
        return [row for row in self.rows if row.skipped]


@dataclass(frozen=True)
class Report:
    imported: int
    companies_added: int
    skipped: list[tuple[int, str]]  # (line, why)
    notes: list[str]

    def text(self) -> str:
        lines = [
            f"Imported {self.imported} application{'s' if self.imported != 1 else ''} "
            f"({self.companies_added} new compan{'ies' if self.companies_added != 1 else 'y'})."
        ]
        if self.skipped:
            lines.append(f"Skipped {len(self.skipped)}:")
            lines += [f"  line {line}: {why}" for line, why in self.skipped]
        return "\n".join(lines + self.notes)


# -- reading ------------------------------------------------------------------------------


def read_csv(path: Path) -> Sheet:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ImportRefused(f"Cannot read “{path.name}”: {error.strerror}.") from error
    return parse_csv(path.name, data)


def parse_csv(name: str, data: bytes) -> Sheet:
    if len(data) > MAX_BYTES:
        raise ImportRefused(f"“{name}” is over {MAX_BYTES // 1_000_000} MB: not a tracker export.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportRefused(
            f"“{name}” is not UTF-8 text (the first unreadable byte is at position "
            f"{error.start}). In your spreadsheet, save it as “CSV UTF-8” and import that."
        ) from error
    if "\x00" in text:
        raise ImportRefused(f"“{name}” is not a CSV file (it holds binary data).")
    try:
        table = [row for row in csv.reader(io.StringIO(text, newline="")) if any(row)]
    except csv.Error as error:
        raise ImportRefused(f"“{name}” is not well-formed CSV: {error}.") from error
    if len(table) < 2:
        raise ImportRefused(f"“{name}” has no rows under its header line: nothing to import.")
    headers = [h.strip() for h in table[0]]
    width = len(headers)
    rows = [(row + [""] * width)[:width] for row in table[1:]]
    return Sheet(name, headers, rows)


def normalise(header: str) -> str:
    return re.sub(r"[^a-z0-9]", "", header.lower())


def guess_mapping(headers: list[str]) -> dict[str, int | None]:
    """Our field → the column that fills it (None when no header looks like it). A
    header means the earliest field in a target's list that names it."""
    found: dict[str, int | None] = {}
    taken: set[int] = set()
    normalised = [normalise(h) for h in headers]
    for name, target in TARGETS.items():
        found[name] = None
        for alias in target.headers:
            column = next(
                (i for i, h in enumerate(normalised) if h == alias and i not in taken), None
            )
            if column is not None:
                found[name] = column
                taken.add(column)
                break
    return found


# -- planning -----------------------------------------------------------------------------


def plan_import(
    journal: Journal, sheet: Sheet, mapping: dict[str, int | None], today: date | None = None
) -> Plan:
    """Every row of the sheet: what it becomes, or why it is skipped. Writes nothing."""
    today = today or date.today()
    missing = [
        TARGETS[n].label for n, t in TARGETS.items() if t.required and mapping.get(n) is None
    ]
    if missing:
        raise ImportRefused(
            f"Choose the column that holds the {' and the '.join(x.lower() for x in missing)}."
        )
    column = {name: index for name, index in mapping.items() if index is not None}
    day_first, notes = _date_order(sheet, column.get("applied_on"))
    rows = [
        _plan_row(index + 2, dict(_picked(row, column)), day_first, today)
        for index, row in enumerate(sheet.rows)
    ]
    _mark_duplicates(journal, rows)
    return Plan(rows, notes)


def _picked(row: list[str], column: dict[str, int]) -> Any:
    for name, index in column.items():
        yield name, row[index].strip()


def _plan_row(line: int, cells: dict[str, str], day_first: bool, today: date) -> PlannedRow:
    row = PlannedRow(line, company=cells.get("company", ""), job_title=cells.get("job_title", ""))
    if not row.company:
        row.problem = "no company"
        return row
    if not row.job_title:
        row.problem = "no job title"
        return row
    try:
        row.on = _date(cells.get("applied_on", ""), day_first)
        if row.on is not None and row.on > today:
            raise InvalidInput(f"the date “{cells['applied_on']}” is in the future")
        row.statuses, row.note = _statuses(cells.get("status", ""), row.on)
        row.fields = _fields(row, cells)
    except InvalidInput as error:
        row.problem = str(error).rstrip(".")
    return row


def _statuses(written: str, applied_on: date | None) -> tuple[list[Status], str]:
    if not written:
        return [S.APPLIED if applied_on else S.SAVED], ""
    status = _STATUS_WORDS.get(re.sub(r"[^a-z]", "", written.lower()))
    if status is None:
        return [S.APPLIED], f"status “{written}” not known: recorded as Applied"
    return _ROUTES.get(status, [status]), ""


def _fields(row: PlannedRow, cells: dict[str, str]) -> dict[str, Any]:
    wanted: dict[str, Any] = {
        "job_title": row.job_title,
        "location": cells.get("location", ""),
        "posting_url": cells.get("posting_url", ""),
        "notes": cells.get("notes", ""),
        "job_description": cells.get("job_description", ""),
        "applied_on": row.on if row.statuses[0] != S.SAVED else None,
    }
    source = cells.get("source", "")
    if source:
        wanted["source"] = _SOURCE_WORDS.get(source.lower().replace(" ", ""), "other")
    texts, fields = split_texts(wanted)
    validation.clean(m.Company, {"name": row.company})
    return {**validation.clean(m.Application, fields), **texts}


def _date(text: str, day_first: bool) -> date | None:
    if not text:
        return None
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    slashed = _SLASHED.match(text)
    if slashed:
        first, second, year = (int(g) for g in slashed.groups())
        day, month = (first, second) if day_first else (second, first)
        try:
            return date(year, month, day)
        except ValueError:
            raise InvalidInput(f"“{text}” is not a date") from None
    for pattern in _MONTHS:
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise InvalidInput(f"“{text}” is not a date (write it as 2026-03-31)")


def _date_order(sheet: Sheet, column: int | None) -> tuple[bool, list[str]]:
    """Whether slashed dates (03/04/2026) put the day first, read from the whole column:
    a first part over 12 means day first, a second part over 12 month first."""
    if column is None:
        return False, []
    parts = [_SLASHED.match(row[column].strip()) for row in sheet.rows]
    pairs = [(int(p.group(1)), int(p.group(2))) for p in parts if p]
    if not pairs:
        return False, []
    if any(first > 12 for first, _ in pairs):
        return True, ["Dates like 03/04/2026 were read day first (3 April 2026)."]
    note = "Dates like 03/04/2026 were read month first (March 4, 2026)."
    return False, [note]


def _mark_duplicates(journal: Journal, rows: list[PlannedRow]) -> None:
    """Skip a row for a job already in the journal, or already earlier in the file.

    Names are compared by their Unicode folds (see `folding`): "ÉMILE SA" in the file is
    the journal's "Émile SA", and a re-imported file adds nothing.
    """
    kept = [row for row in rows if not row.skipped]
    names = {fold(row.company) for row in kept}
    existing: dict[tuple[str, str], tuple[str, date | None]] = {}
    with journal.session() as session:
        for batch in _batches(sorted(names), 500):
            query = (
                select(
                    m.Company.name_fold,
                    m.Application.title_fold,
                    m.Application.status,
                    m.Application.applied_on,
                )
                .join(m.Company, m.Company.id == m.Application.company_id)
                .where(m.Company.name_fold.in_(batch))
            )
            for company, title, status, applied_on in session.execute(query):
                existing[(company, title)] = (status, applied_on)
    first_line: dict[tuple[str, str], int] = {}
    for row in kept:
        key = (fold(row.company), fold(row.job_title))
        if key in existing:
            row.problem = _already_applied(row, *existing[key])
        elif key in first_line:
            row.problem = f"the same job as line {first_line[key]}"
        else:
            first_line[key] = row.line


def _already_applied(row: PlannedRow, status: str, applied_on: date | None) -> str:
    when = f", applied {long_date(applied_on)}" if applied_on else ""
    return (
        f"you already applied here: {row.job_title} at {row.company} ({Status(status).label}{when})"
    )


def _batches(items: list[str], size: int) -> Any:
    for start in range(0, len(items), size):
        yield items[start : start + size]


# -- writing ------------------------------------------------------------------------------


def run_import(journal: Journal, plan: Plan) -> Report:
    """Write every planned row in one transaction: a failure anywhere leaves the journal
    exactly as it was."""
    rows = plan.to_import
    with journal.session() as session:
        companies, added = _companies(session, {row.company for row in rows})
        for row in rows:
            _write_row(session, row, companies[fold(row.company)])
    skipped = [(row.line, row.problem) for row in plan.skipped]
    noted = [f"line {row.line}: {row.note}" for row in rows if row.note]
    notes = plan.notes + ([f"Imported with a note: {'; '.join(noted)}."] if noted else [])
    return Report(len(rows), added, skipped, notes)


def _companies(session: Session, names: set[str]) -> tuple[dict[str, int], int]:
    """Each company's id by folded name, adding those the journal does not have yet."""
    ids: dict[str, int] = {}
    for batch in _batches(sorted({fold(n) for n in names}), 500):
        query = select(m.Company.id, m.Company.name_fold).where(m.Company.name_fold.in_(batch))
        for company_id, name_fold in session.execute(query):
            ids.setdefault(name_fold, company_id)
    added = 0
    for name in sorted(names):
        if fold(name) not in ids:
            company = m.Company(name=name)
            session.add(company)
            session.flush()
            ids[fold(name)] = company.id
            added += 1
    return ids, added


def _write_row(session: Session, row: PlannedRow, company_id: int) -> None:
    texts: dict[str, Any] = {
        k: row.fields[k] for k in ("notes", "job_description") if k in row.fields
    }
    fields = {k: v for k, v in row.fields.items() if k not in texts}
    first, *later = row.statuses
    record = insert_application(session, first, row.on, {**fields, "company_id": company_id}, texts)
    for status in later:
        record_move(session, StatusMove(record.id, status, None), row.on or date.today(), "")
