"""The journal out of its encrypted file and back: JSON (everything, to move to a new
journal) and CSV (the applications, for a spreadsheet).

Both files are plain text: the app warns before writing them. The JSON is a versioned
envelope around every table's rows, so a later jobjournal can read an older export and
an older one refuses a newer export instead of guessing.

msgspec is imported when an export is checked before an import, not with this module.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, func, insert, select

from jobjournal import __version__
from jobjournal.core.documents import export_check
from jobjournal.core.documents.export_check import MAX_EXPORT_BYTES, Envelope
from jobjournal.core.errors import JournalError, os_error_reason
from jobjournal.core.storage import models as m
from jobjournal.core.storage.migrations import LATEST_VERSION
from jobjournal.core.storage.models import Status

if TYPE_CHECKING:
    from pathlib import Path

    from sqlalchemy import Table

    from jobjournal.core.records.journal import Journal

FORMAT = "jobjournal-export"
FORMAT_VERSION = 1
_NOT_EXPORTED = frozenset({"journal_info"})  # the file's own marker, not the search's data


class ExportNotReadable(JournalError):
    """An export file that cannot be imported; the message says why."""


def _tables() -> list[Table]:
    return [t for t in m.Base.metadata.sorted_tables if t.name not in _NOT_EXPORTED]


# -- JSON ---------------------------------------------------------------------------------


def export_json(journal: Journal, now: datetime | None = None) -> bytes:
    """Every record of the journal as UTF-8 JSON."""
    tables: dict[str, list[dict[str, Any]]] = {}
    with journal.reading() as connection:
        for table in _tables():
            rows = connection.execute(select(table).order_by(*table.primary_key.columns))
            tables[table.name] = [_plain(row._asdict()) for row in rows]
    envelope = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "schema_version": LATEST_VERSION,
        "app_version": __version__,
        "exported_at": (now or datetime.now()).isoformat(timespec="seconds"),
        "tables": tables,
    }
    return json.dumps(envelope, ensure_ascii=False, indent=1).encode("utf-8")


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, (date, datetime)) else v for k, v in row.items()}


def read_export(path: Path) -> bytes:
    """The file's bytes, once its size has been checked without reading it."""

    try:
        size = path.stat().st_size
        if size > MAX_EXPORT_BYTES:
            raise ExportNotReadable(
                f"“{path.name}” is {size / 1_000_000:,.0f} MB; jobjournal imports exports of "
                f"up to {MAX_EXPORT_BYTES // 1_000_000} MB. Nothing was imported."
            )
        return path.read_bytes()
    except OSError as error:
        raise ExportNotReadable(f"Cannot read “{path.name}”: {os_error_reason(error)}.") from error


def import_json(journal: Journal, data: bytes) -> dict[str, int]:
    """Fill an empty journal from `export_json`'s output, in one transaction: all of it
    or nothing, and only once every record has passed `export_check`. Returns how many
    rows each table received."""
    rows_by_table = _checked_rows(data)
    with journal.session() as session:
        if _holds_records(session):
            raise ExportNotReadable(
                "This journal already has records. A whole-journal export goes into a "
                "new, empty journal: lock, create a new journal, then import it there."
            )
        for table in reversed(_tables()):  # the profile row a new journal starts with
            session.execute(delete(table))
        counts = {}
        for table in _tables():
            rows = [_with_keys(table, row) for row in rows_by_table.get(table.name, [])]
            if rows:
                session.execute(insert(table), rows)
            counts[table.name] = len(rows)
        return counts


def _checked_rows(data: bytes) -> dict[str, list[dict[str, Any]]]:

    if len(data) > export_check.MAX_EXPORT_BYTES:
        raise ExportNotReadable("This file is larger than any export jobjournal imports.")
    envelope = _read_envelope(data)
    tables = {table.name: table for table in _tables()}
    rows, problems = export_check.check_rows(tables, envelope.tables)
    if problems:
        raise ExportNotReadable(export_check.report(problems))
    return rows


def _with_keys(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    """Name keys computed here, never taken from the file (they decide matching and
    order, and an export from before version 3 has none)."""
    if table.name == "companies":
        return {**row, **m.name_keys(row["name"])}
    if table.name == "applications":
        return {**row, **m.title_keys(row["job_title"])}
    return row


def _holds_records(session: Any) -> bool:
    """Anything a person wrote, beyond the profile row every new journal starts with."""
    return any(
        session.scalar(select(func.count()).select_from(table))
        for table in _tables()
        if table.name != "profile"
    )


def _read_envelope(data: bytes) -> Any:
    import msgspec

    data = data.removeprefix(b"\xef\xbb\xbf")  # Notepad's byte-order mark
    if not data.strip():
        raise ExportNotReadable("This file is empty: it is not a jobjournal export.")
    try:
        envelope = msgspec.json.decode(data, type=Envelope)
    except RecursionError as error:
        raise ExportNotReadable(
            "This file is nested far deeper than a jobjournal export: it is not one."
        ) from error
    except msgspec.ValidationError as error:  # before DecodeError, which it extends
        if str(error).startswith("Expected `object`"):
            raise ExportNotReadable("This JSON file is not a jobjournal export.") from error
        raise ExportNotReadable(_not_json(str(error))) from error
    except msgspec.DecodeError as error:
        raise ExportNotReadable(_not_json(str(error))) from error
    if envelope.format != FORMAT:
        raise ExportNotReadable("This JSON file is not a jobjournal export.")
    for field in ("format_version", "schema_version"):
        value = getattr(envelope, field)
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ExportNotReadable(
                f"The export's “{field}” is damaged ({value!r} is not a version number). "
                "Nothing was imported."
            )
    if envelope.format_version > FORMAT_VERSION or envelope.schema_version > LATEST_VERSION:
        raise ExportNotReadable(
            "This export was made by a newer jobjournal. Update jobjournal, then import it."
        )
    return envelope


def _not_json(error: str) -> str:
    """msgspec's reason a file is not JSON, as a person reads it."""
    if error.startswith("Number out of range"):
        return (
            "The export is damaged: it holds a number far too large to be anything in a "
            "journal. Nothing was imported."
        )
    where = re.search(r"\(byte (\d+)\)", error)
    at = f" (at byte {int(where[1]):,})" if where else ""
    if "truncated" in error:
        why = "it ends part-way, as if cut off or only partly copied"
    elif "trailing characters" in error:
        why = f"there is more text after its end{at}"
    elif "UTF-8" in error:
        why = "it is not UTF-8 text"
    else:
        why = f"it is not valid JSON{at}"
    return f"This is not a jobjournal export, or it was damaged: {why}. Nothing was imported."


# -- CSV ----------------------------------------------------------------------------------

CSV_COLUMNS = (
    "company",
    "job_title",
    "status",
    "applied_on",
    "status_changed_on",
    "location",
    "work_model",
    "source",
    "posting_url",
    "posted_min",
    "posted_max",
    "expected",
    "salary_currency",
    "salary_period",
    "priority",
    "next_action",
    "next_action_on",
    "notes",
)
# A spreadsheet runs a cell starting with one of these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def export_csv(journal: Journal) -> bytes:
    """The applications, one row each: UTF-8 (with the mark spreadsheets look for), ISO
    dates, amounts in whole units, and text that could run as a formula defused."""
    a = m.Application
    query = (
        select(
            m.Company.name,
            a.job_title,
            a.status,
            a.applied_on,
            a.status_changed_at,
            a.location,
            a.work_model,
            a.source,
            a.posting_url,
            a.posted_min_cents,
            a.posted_max_cents,
            a.expected_cents,
            a.salary_currency,
            a.salary_period,
            a.priority,
            a.next_action,
            a.next_action_on,
            m.ApplicationText.notes,
        )
        .join(m.Company, m.Company.id == a.company_id)
        .outerjoin(m.ApplicationText, m.ApplicationText.application_id == a.id)
        .order_by(a.applied_on, a.id)
    )
    with journal.reading() as connection:
        return _csv(CSV_COLUMNS, (_csv_row(row) for row in connection.execute(query)))


def _csv(header: tuple[str, ...], rows: Iterable[list[str]]) -> bytes:
    """A spreadsheet's CSV: UTF-8 with the mark spreadsheets look for, CRLF line ends."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8-sig")


def _csv_row(row: Any) -> list[str]:
    values = list(row)
    values[2] = Status(values[2]).label
    values[4] = values[4].date() if values[4] else None
    for money in (9, 10, 11):
        values[money] = _whole_units(values[money])
    return [_cell(value) for value in values]


def _whole_units(cents: int | None) -> str:
    if cents is None:
        return ""
    return str(cents // 100) if cents % 100 == 0 else f"{cents / 100:.2f}"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    text = str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


CONTACT_CSV_COLUMNS = (
    "name",
    "role",
    "organisation",
    "how_i_know_them",
    "where_we_met",
    "email",
    "phone",
    "profile_link",
    "last_contact",
    "next_follow_up",
    "notes",
)


def export_contacts_csv(journal: Journal) -> bytes:
    """The contacts, one row each, as the applications' CSV is written (UTF-8 with its
    mark, ISO dates, formulas defused), by name."""
    c = m.Contact
    query = (
        select(
            c.name,
            c.title,
            m.Company.name,
            c.relation,
            c.how_we_met,
            c.email,
            c.phone,
            c.profile_url,
            c.last_contacted_on,
            c.follow_up_on,
            c.notes,
        )
        .outerjoin(m.Company, m.Company.id == c.company_id)
        .order_by(c.name_order, c.id)
    )
    with journal.reading() as connection:
        return _csv(CONTACT_CSV_COLUMNS, (_contact_row(row) for row in connection.execute(query)))


def _contact_row(row: Any) -> list[str]:
    values = list(row)
    values[3] = m.RELATIONSHIPS.get(values[3], values[3])
    return [_cell(value) for value in values]
