"""Applications brought in from another tracker's CSV export, or a spreadsheet.

Three steps, each of which a person sees: read the file (refused whole, with a reason,
when it is not UTF-8 CSV), map its columns to ours (common trackers' headers are
recognised), and plan every row — imported, or skipped and why, including "you already
applied here". Only then `run_import` writes the planned rows, all in one transaction.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from types import SimpleNamespace
from typing import IO, TYPE_CHECKING, Any

from sqlalchemy import func, insert, select

from jobjournal.core.documents.transfer import FORMULA_STARTS
from jobjournal.core.errors import InvalidInput, JournalError, os_error_reason
from jobjournal.core.records import dates, transitions, validation
from jobjournal.core.records.folding import fold
from jobjournal.core.records.journal import split_texts, status_since
from jobjournal.core.records.money import parse_amount
from jobjournal.core.records.progress import Progress
from jobjournal.core.storage import models as m
from jobjournal.core.storage.models import Status

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from jobjournal.core.records.journal import Journal

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
    # The rest of what jobjournal's own CSV export writes, so it comes back whole.
    "status_changed_on": Target("Status changed on", ("statuschangedon", "lastupdated")),
    "work_model": Target("Work model", ("workmodel", "remote", "worktype", "workplace")),
    "posted_min": Target("Posted salary (minimum)", ("postedmin", "salarymin", "minsalary")),
    "posted_max": Target("Posted salary (maximum)", ("postedmax", "salarymax", "maxsalary")),
    "expected": Target("Expected salary", ("expected", "expectedsalary")),
    "salary_currency": Target("Salary currency", ("salarycurrency", "currency")),
    "salary_period": Target("Salary period", ("salaryperiod", "period")),
    "priority": Target("Excitement (1–5)", ("priority", "excitement")),
    "next_action": Target("Next action", ("nextaction", "nextstep", "todo")),
    "next_action_on": Target("Next action on", ("nextactionon", "followupdate", "deadline")),
}


def _letters(text: str) -> str:
    """A choice as other files spell it, reduced to its letters ("Job board", "job_board")."""
    return re.sub(r"[^a-z]", "", text.lower())


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
    **{_letters(key): key for key in m.SOURCES},
    **{_letters(label): key for key, label in m.SOURCES.items()},
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
    rows: list[list[str]]  # the data rows, each as wide as the header
    lines: list[int] = field(default_factory=list)  # the file line each row starts on
    flaws: dict[int, str] = field(default_factory=dict)  # row index → why it is skipped
    notes: dict[int, str] = field(default_factory=dict)  # row index → imported, but…
    separator: str = ","

    def line(self, index: int) -> int:
        return self.lines[index] if self.lines else index + 2


@dataclass
class PlannedRow:
    line: int
    company: str = ""
    job_title: str = ""
    statuses: list[Status] = field(default_factory=list)
    on: date | None = None
    changed_on: date | None = None  # when the last status was set, if the file says
    fields: dict[str, Any] = field(default_factory=dict)
    problem: str = ""  # why the row is skipped; empty when it is imported
    note: str = ""  # imported, with something to know
    malformed: bool = False  # skipped because the file itself is broken at this row

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


def read_csv(path: Path, progress: Progress | None = None) -> Sheet:
    """The file's rows, its size checked before a byte is read and its text read as a
    stream (a wrong 3 GB file is refused at once, not after filling the memory)."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ImportRefused(_too_big(path.name))
        with path.open("rb") as file:
            return _read_rows(path.name, file, size, progress)
    except OSError as error:
        raise ImportRefused(f"Cannot read “{path.name}”: {os_error_reason(error)}.") from error


def parse_csv(name: str, data: bytes) -> Sheet:
    if len(data) > MAX_BYTES:
        raise ImportRefused(_too_big(name))
    return _read_rows(name, io.BytesIO(data), len(data), None)


def _too_big(name: str) -> str:
    return (
        f"“{name}” is over {MAX_BYTES // 1_000_000} MB: far larger than a list of job "
        "applications. Check that it is the file you meant."
    )


# A cell running over this many lines is rows swallowed by a quote left open.
_SWALLOWING_LINES = 20


def _read_rows(name: str, binary: IO[bytes], size: int, progress: Progress | None) -> Sheet:
    text = io.TextIOWrapper(binary, encoding="utf-8-sig", newline="")
    try:
        header = text.readline()
    except UnicodeDecodeError as error:
        raise ImportRefused(_not_utf8(name, _first_bad_line(binary))) from error
    separator = _separator(header)
    reader = csv.reader(itertools.chain([header], text), delimiter=separator)
    records: list[tuple[int, int, list[str]]] = []  # (first line, last line, cells)
    last_line = 0
    try:
        for cells in reader:
            if any(cells):
                records.append((last_line + 1, reader.line_num, cells))
                if progress is not None and len(records) % 2000 == 0:
                    progress.step(binary.tell(), size)
            last_line = reader.line_num
    except UnicodeDecodeError as error:
        raise ImportRefused(_not_utf8(name, _first_bad_line(binary))) from error
    except csv.Error as error:
        raise ImportRefused(
            f"“{name}” is not well-formed CSV (line {reader.line_num}: {error})."
        ) from error
    if len(records) < 2:
        raise ImportRefused(f"“{name}” has no rows under its header line: nothing to import.")
    return _sheet(name, records, separator)


def _first_bad_line(binary: IO[bytes]) -> int:
    """The file line holding the first byte that is not UTF-8 (text is decoded in large
    chunks, so the reader's own count can be far off)."""
    binary.seek(0)
    for number, line in enumerate(binary, start=1):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            return number
    return 1


def _not_utf8(name: str, line: int) -> str:
    return (
        f"“{name}” is not UTF-8 text (near line {line}). In your spreadsheet, save it as "
        "“CSV UTF-8” and import that."
    )


_SEPARATORS = {",": "commas", ";": "semicolons", "\t": "tabs"}


def _separator(header: str) -> str:
    """What separates the columns: European spreadsheets write semicolons (the comma is
    their decimal mark), and "Unicode text" exports tabs; the header line tells which."""
    counts = {mark: header.count(mark) for mark in _SEPARATORS}
    best = max(counts, key=lambda mark: counts[mark])
    return best if counts[best] > counts[","] else ","


def _sheet(name: str, records: list[tuple[int, int, list[str]]], separator: str) -> Sheet:
    headers = [h.strip() for h in records[0][2]]
    if any("\x00" in header for header in headers):
        raise ImportRefused(f"“{name}” is not a CSV file (it holds binary data).")
    width = len(headers)
    sheet = Sheet(name, headers, [], [], separator=separator)
    for first, last, cells in records[1:]:
        index = len(sheet.rows)
        sheet.rows.append((cells + [""] * width)[:width])
        sheet.lines.append(first)
        flaw = _flaw(cells, width, first, last, separator)
        if flaw:
            sheet.flaws[index] = flaw
        elif len(cells) < width:
            sheet.notes[index] = (
                f"{len(cells)} cells where the header has {width}: the last ones are read as empty"
            )
    return sheet


def _flaw(cells: list[str], width: int, first: int, last: int, separator: str) -> str:
    """Why a row cannot be trusted as the file's author meant it, or ""."""
    if any("\x00" in cell for cell in cells):
        return "it holds binary data (a NUL character)"
    if len(cells) > width:
        return (
            f"{len(cells)} cells where the header has {width}: a comma outside quotes "
            "would shift every later column, so nothing of this row is imported"
        )
    if last > first and _swallows_rows(cells, width, last - first, separator):
        return (
            f"a cell runs from line {first} to line {last}: a quote left open has probably "
            "taken in the rows after it"
        )
    return ""


def _swallows_rows(cells: list[str], width: int, spanned: int, separator: str) -> bool:
    if spanned >= _SWALLOWING_LINES:
        return True
    inner_lines = (line for cell in cells if "\n" in cell for line in cell.splitlines()[1:])
    return width > 2 and any(line.count(separator) >= width - 1 for line in inner_lines)


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
    journal: Journal,
    sheet: Sheet,
    mapping: dict[str, int | None],
    today: date | None = None,
    progress: Progress | None = None,
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
    if sheet.separator != ",":
        notes.append(f"Columns were read as separated by {_SEPARATORS[sheet.separator]}.")
    rows = []
    for index, cells in enumerate(sheet.rows):
        if progress is not None and index % 1000 == 0:
            progress.step(index, len(sheet.rows), "Checking the rows")
        rows.append(_planned(sheet, index, dict(_picked(cells, column)), day_first, today))
    _mark_duplicates(journal, rows)
    return Plan(rows, notes)


def _picked(row: list[str], column: dict[str, int]) -> Any:
    for name, index in column.items():
        yield name, _undefused(row[index].strip())


def _undefused(cell: str) -> str:
    """A cell as written before an export defused it ("'=SUM" was "=SUM")."""
    return cell[1:] if cell[:1] == "'" and cell[1:2] in FORMULA_STARTS else cell


def _planned(
    sheet: Sheet, index: int, cells: dict[str, str], day_first: bool, today: date
) -> PlannedRow:
    line = sheet.line(index)
    flaw = sheet.flaws.get(index)
    if flaw:
        company, title = cells.get("company", ""), cells.get("job_title", "")
        return PlannedRow(line, company[:200], title[:200], problem=flaw, malformed=True)
    row = _plan_row(line, cells, day_first, today)
    if not row.skipped and index in sheet.notes:
        row.note = "; ".join(filter(None, (sheet.notes[index], row.note)))
    return row


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
        row.changed_on = _changed_on(cells.get("status_changed_on", ""), row.on, today)
        row.fields = _fields(row, cells)
    except InvalidInput as error:
        row.problem = str(error).rstrip(".")
    return row


def _changed_on(written: str, applied_on: date | None, today: date) -> date | None:
    """When the status was last set: a date the history ends on, so it is checked the
    way the app checks a move (not in the future, not before the application)."""
    on = _date(written, day_first=False)
    if on is None:
        return None
    if on > today:
        raise InvalidInput(f"the status date “{written}” is in the future")
    if applied_on is not None and on < applied_on:
        raise InvalidInput(f"the status date “{written}” is before the application")
    return on


def _statuses(written: str, applied_on: date | None) -> tuple[list[Status], str]:
    if not written:
        return [S.APPLIED if applied_on else S.SAVED], ""
    status = _STATUS_WORDS.get(_letters(written))
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
        wanted["source"] = _SOURCE_WORDS.get(_letters(source), "other")
    wanted.update(_details(cells))
    texts, fields = split_texts(wanted)
    validation.clean(m.Company, {"name": row.company})
    cleaned = validation.clean(m.Application, fields)
    validation.check_record(SimpleNamespace(**cleaned))
    return {**cleaned, **texts}


_CHOICE_WORDS = {
    name: {**{_letters(k): k for k in choices}, **{_letters(v): k for k, v in choices.items()}}
    for name, choices in (("work_model", m.WORK_MODELS), ("salary_period", m.SALARY_PERIODS))
}


def _details(cells: dict[str, str]) -> dict[str, Any]:
    """The columns beyond the basics, each read the way jobjournal's export writes it."""
    details: dict[str, Any] = {}
    for name in ("next_action", "salary_currency"):
        if cells.get(name):
            details[name] = cells[name]
    for name, words in _CHOICE_WORDS.items():
        if cells.get(name):
            details[name] = words.get(_letters(cells[name]), cells[name])
    for name, field_name in _MONEY.items():
        if cells.get(name):
            details[field_name] = parse_amount(cells[name], validation.label(field_name))
    if cells.get("priority"):
        details["priority"] = _whole_number(cells["priority"], "Excitement")
    if cells.get("next_action_on"):
        details["next_action_on"] = _date(cells["next_action_on"], day_first=False)
    return details


_MONEY = {
    "posted_min": "posted_min_cents",
    "posted_max": "posted_max_cents",
    "expected": "expected_cents",
}


def _whole_number(text: str, what: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise InvalidInput(f"{what} “{text}” is not a whole number") from None


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
    existing: dict[tuple[str, str], tuple[str, str, str, date | None]] = {}
    with journal.session() as session:
        for batch in _batches(sorted(names), 500):
            query = (
                select(
                    m.Company.name_fold,
                    m.Application.title_fold,
                    m.Company.name,
                    m.Application.job_title,
                    m.Application.status,
                    m.Application.applied_on,
                )
                .join(m.Company, m.Company.id == m.Application.company_id)
                .where(m.Company.name_fold.in_(batch))
            )
            for company, title, *record in session.execute(query):
                existing[(company, title)] = tuple(record)  # type: ignore[assignment]
    first_line: dict[tuple[str, str], int] = {}
    for row in kept:
        key = (fold(row.company), fold(row.job_title))
        if key in existing:
            row.problem = _already_applied(*existing[key])
        elif key in first_line:
            row.problem = f"the same job as line {first_line[key]}"
        else:
            first_line[key] = row.line


def _already_applied(company: str, title: str, status: str, applied_on: date | None) -> str:
    """Named as the journal has it ("Operations Analyst at Juniper Energy"), however the
    file spells it."""
    when = f", applied {dates.day_text(applied_on)}" if applied_on else ""
    return f"you already applied here: {title} at {company} ({Status(status).label}{when})"


def _batches(items: list[str], size: int) -> Any:
    for start in range(0, len(items), size):
        yield items[start : start + size]


# -- writing ------------------------------------------------------------------------------


def run_import(journal: Journal, plan: Plan, progress: Progress | None = None) -> Report:
    """Write every planned row in one transaction: a failure anywhere, or the person
    stopping it, leaves the journal exactly as it was.

    Rows go in as batches of plain inserts (thousands a second; one ORM object per row
    managed hundreds): every value was checked while planning, and each row's status
    route is a known sequence of allowed moves, checked there too.
    """
    rows = plan.to_import
    with journal.session() as session:
        companies, added = _companies(session, {row.company for row in rows})
        writer = _RowWriter(session)
        for start in range(0, len(rows), _WRITE_BATCH):
            if progress is not None:
                progress.step(start, len(rows), "Importing")
            writer.write(
                [(row, companies[fold(row.company)]) for row in rows[start : start + _WRITE_BATCH]]
            )
        if progress is not None:
            progress.step(len(rows), len(rows), "Saving")
    skipped = [(row.line, row.problem) for row in plan.skipped]
    noted = [f"line {row.line}: {row.note}" for row in rows if row.note]
    notes = plan.notes + ([f"Imported with a note: {'; '.join(noted)}."] if noted else [])
    return Report(len(rows), added, skipped, notes)


_WRITE_BATCH = 2000


def _companies(session: Session, names: set[str]) -> tuple[dict[str, int], int]:
    """Each company's id by folded name, adding those the journal does not have yet."""
    ids: dict[str, int] = {}
    for batch in _batches(sorted({fold(n) for n in names}), 500):
        query = select(m.Company.id, m.Company.name_fold).where(m.Company.name_fold.in_(batch))
        for company_id, name_fold in session.execute(query):
            ids.setdefault(name_fold, company_id)
    new: dict[str, str] = {}
    for name in sorted(names):
        new.setdefault(fold(name), name)  # the first spelling met names the company
    new = {key: name for key, name in new.items() if key not in ids}
    next_id = _next_id(session, m.Company)
    rows = []
    for key, name in new.items():
        ids[key] = next_id
        rows.append({"id": next_id, "name": name, **m.name_keys(name)})
        next_id += 1
    if rows:
        session.execute(insert(_table(m.Company)), rows)
    return ids, len(rows)


def _next_id(session: Session, model: Any) -> int:
    return (session.scalar(select(func.max(model.id))) or 0) + 1


class _RowWriter:
    """Applications with their texts and status histories, as plain inserts."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.next_id = _next_id(session, m.Application)
        self.now = datetime.now()

    def write(self, batch: list[tuple[PlannedRow, int]]) -> None:
        applications, texts, changes = [], [], []
        for row, company_id in batch:
            fields = {k: v for k, v in row.fields.items() if k not in _TEXT_FIELDS}
            record = {
                **_APPLICATION_DEFAULTS,
                **fields,
                **m.title_keys(fields["job_title"]),
                "id": self.next_id,
                "company_id": company_id,
                "status": row.statuses[-1].value,
                "status_changed_at": status_since(_current_since(row, self.now), self.now),
                "created_at": self.now,
            }
            applications.append(record)
            texts.append(
                {
                    "application_id": self.next_id,
                    "notes": row.fields.get("notes", ""),
                    "job_description": row.fields.get("job_description", ""),
                }
            )
            changes += _history(self.next_id, row, self.now)
            self.next_id += 1
        # Through the tables, not the classes: the ORM's bulk insert splits a batch into
        # one statement per pattern of empty fields, which took most of the time.
        self.session.execute(insert(_table(m.Application)), applications)
        self.session.execute(insert(_table(m.ApplicationText)), texts)
        self.session.execute(insert(_table(m.StatusChange)), changes)


def _table(model: Any) -> Any:
    return model.__table__


_TEXT_FIELDS = ("notes", "job_description")
# Every application row carries every column, so one batch is one statement: the
# model's own defaults (None where it has none).
_APPLICATION_DEFAULTS: dict[str, Any] = {
    column.name: column.default.arg if column.default is not None else None
    for column in m.Application.__table__.columns
}


def _current_since(row: PlannedRow, now: datetime) -> date:
    """The day the row's current status began: the sheet's "status changed on" when it
    has one, else the first date it gives (as `_history` dates the last change)."""
    first = row.on or row.changed_on or now.date()
    return row.changed_on or first


def _history(application_id: int, row: PlannedRow, now: datetime) -> list[dict[str, Any]]:
    first = row.on or row.changed_on or now.date()
    last = len(row.statuses) - 1
    moves = zip([None, *row.statuses[:-1]], row.statuses, strict=True)
    return [
        {
            "application_id": application_id,
            "from_status": before.value if before else None,
            "to_status": after.value,
            # Earlier steps on the first date; the current status since the day the
            # sheet says it changed.
            "changed_on": _current_since(row, now) if number == last else first,
            "recorded_at": now,
            "ended_by": transitions.ENDED_BY_STATUS.get(after) if before else None,
            "reason_code": None,
            "reason_text": "",
        }
        for number, (before, after) in enumerate(moves)
    ]
