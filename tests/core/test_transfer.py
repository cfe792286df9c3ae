"""Moving data in and out: the JSON export and its import into a new journal, the CSV of
applications, and importing another tracker's CSV (mapping, preview, duplicates, report,
one transaction)."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from support import PASSPHRASE, run_python

from jobjournal.core.documents import csv_import, transfer
from jobjournal.core.records import plain
from jobjournal.core.records.journal import Journal
from jobjournal.core.storage import models as m
from jobjournal.core.storage import vault
from jobjournal.core.storage.models import Status


def _count(journal: Journal) -> int:
    return journal.count_applications()


# -- JSON -------------------------------------------------------------------------------------


def test_json_round_trip_into_a_new_journal_loses_nothing(
    demo_journal: Journal, second_journal: Journal
) -> None:
    exported = transfer.export_json(demo_journal)
    envelope = json.loads(exported)
    assert (envelope["format"], envelope["format_version"]) == ("jobjournal-export", 1)
    assert len(envelope["tables"]["applications"]) == 12
    for network_table in ("targets", "openings", "introductions", "conversations"):
        assert envelope["tables"][network_table], network_table  # the demo's network

    counts = transfer.import_json(second_journal, exported)
    assert counts["applications"] == 12 and counts["action_items"] == 3
    again = json.loads(transfer.export_json(second_journal))
    assert again["tables"] == envelope["tables"]  # every row of every table, ids included
    # The search index was rebuilt by the journal itself.
    hits = second_journal.search("alpha spending")
    assert {h.kind for h in hits} >= {"feedback"}


def test_json_import_refuses_a_journal_that_has_applications(demo_journal: Journal) -> None:
    exported = transfer.export_json(demo_journal)
    with pytest.raises(transfer.ExportNotReadable, match="new, empty journal"):
        transfer.import_json(demo_journal, exported)
    assert _count(demo_journal) == 12


def test_json_import_refuses_a_journal_with_only_a_contact_in_it(
    demo_journal: Journal, second_journal: Journal
) -> None:
    second_journal.add(m.Contact, name="Someone I must not lose")
    with pytest.raises(transfer.ExportNotReadable, match="already has records"):
        transfer.import_json(second_journal, transfer.export_json(demo_journal))
    assert [c.name for c in second_journal.all(plain.Contact)] == ["Someone I must not lose"]


def test_a_damaged_json_export_imports_nothing(
    demo_journal: Journal, second_journal: Journal
) -> None:
    envelope = json.loads(transfer.export_json(demo_journal))
    envelope["tables"]["letters"][0]["created_at"] = "yesterday-ish"  # a late table
    with pytest.raises(transfer.ExportNotReadable, match="not a date"):
        transfer.import_json(second_journal, json.dumps(envelope).encode())
    assert _count(second_journal) == 0
    assert second_journal.all(plain.Company) == []
    assert second_journal.profile() is not None  # the new journal's own profile row is back


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\xff\xfe not json", "not a jobjournal export"),
        (b'{"format": "something-else"}', "not a jobjournal export"),
        (b'{"format": "jobjournal-export", "format_version": 9, "tables": {}}', "newer"),
    ],
)
def test_files_that_are_not_our_export_are_refused(
    second_journal: Journal, data: bytes, message: str
) -> None:
    with pytest.raises(transfer.ExportNotReadable, match=message):
        transfer.import_json(second_journal, data)


# -- CSV export ------------------------------------------------------------------------------


def test_csv_export_is_utf8_with_iso_dates_and_defused_formulas(demo_journal: Journal) -> None:
    company = demo_journal.find_or_add_company("Ünïcode & Co").new_id
    demo_journal.add_application(
        company_id=company,
        job_title='=HYPERLINK("http://evil.example","click")',
        notes="+1 555 0100, then -ask about @channel",
        applied_on=date(2026, 11, 2),
        status=Status.APPLIED,
    )
    data = transfer.export_csv(demo_journal)
    assert data.startswith(b"\xef\xbb\xbf")  # spreadsheets read it as UTF-8
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) == 13
    added = next(r for r in rows if r["company"] == "Ünïcode & Co")
    assert added["job_title"].startswith("'=HYPERLINK")
    assert added["notes"].startswith("'+1 555")
    assert added["applied_on"] == "2026-11-02"
    northwind = next(r for r in rows if r["company"] == "Northwind Analytics")
    assert (northwind["status"], northwind["posted_min"], northwind["posted_max"]) == (
        "Negotiating",
        "95000",
        "115000",
    )
    assert date.fromisoformat(northwind["status_changed_on"])


# -- CSV import ------------------------------------------------------------------------------

HUNTR = (
    "companyName,title,listName,url,createdAt,location\n"
    "Acme Corp,Data Analyst,Applied,https://acme.example/1,2026-10-01T09:30:00.000Z,Denver\n"
    "Northwind Analytics,Senior Data Analyst,Interview,,2026-10-02T10:00:00.000Z,\n"
    "Birch & Co,BI Developer,Rejected,,2026-10-03T10:00:00.000Z,\n"
    "acme corp,data analyst,Applied,,2026-10-04T10:00:00.000Z,\n"
    ",Orphan Role,Applied,,2026-10-05T10:00:00.000Z,\n"
    "Cedar Ltd,Analyst,Wishlist,,not a date,\n"
    "Dune Inc,Analytics Lead,Ghosted by them,,2026-10-06,\n"
    "Elm LLC,Data Engineer,Offer,,2026-10-07,\n"
)


def _plan(journal: Journal, text: str | bytes, name: str = "huntr.csv") -> csv_import.Plan:
    data = text.encode() if isinstance(text, str) else text
    sheet = csv_import.parse_csv(name, data)
    return csv_import.plan_import(
        journal, sheet, csv_import.guess_mapping(sheet.headers), today=date(2026, 11, 20)
    )


def test_huntr_headers_are_recognised() -> None:
    sheet = csv_import.parse_csv("huntr.csv", HUNTR.encode())
    mapping = csv_import.guess_mapping(sheet.headers)
    named = {field: sheet.headers[i] for field, i in mapping.items() if i is not None}
    assert named == {
        "company": "companyName",
        "job_title": "title",
        "status": "listName",
        "posting_url": "url",
        "applied_on": "createdAt",
        "location": "location",
    }


def test_import_preview_skips_duplicates_and_bad_rows_with_reasons(demo_journal: Journal) -> None:
    plan = _plan(demo_journal, HUNTR)
    skipped = {row.line: row.problem for row in plan.skipped}
    assert skipped[3].startswith("you already applied here: Senior Data Analyst at Northwind")
    assert skipped[5] == "the same job as line 2"
    assert skipped[6] == "no company"
    assert "“not a date” is not a date" in skipped[7]
    assert sorted(skipped) == [3, 5, 6, 7]
    planned = {row.company: row.statuses for row in plan.to_import}
    assert planned == {
        "Acme Corp": [Status.APPLIED],
        "Birch & Co": [Status.APPLIED, Status.REJECTED],
        "Dune Inc": [Status.APPLIED],  # not known: recorded as applied, with a note
        "Elm LLC": [Status.OFFER],
    }
    assert _count(demo_journal) == 12  # planning writes nothing


def test_import_writes_the_planned_rows_and_reports_the_rest(demo_journal: Journal) -> None:
    report = csv_import.run_import(demo_journal, _plan(demo_journal, HUNTR))
    assert (report.imported, report.companies_added) == (4, 4)
    assert [line for line, _ in report.skipped] == [3, 5, 6, 7]
    assert "line 8: status “Ghosted by them” not known" in report.text()
    assert _count(demo_journal) == 16
    acme = next(r for r in demo_journal.list_applications() if r.company == "Acme Corp")
    record = demo_journal.get(plain.Application, acme.id)
    assert (record.applied_on, record.posting_url, record.location) == (
        date(2026, 10, 1),
        "https://acme.example/1",
        "Denver",
    )
    birch = next(r for r in demo_journal.list_applications() if r.company == "Birch & Co")
    history = demo_journal.status_history(birch.id)
    assert [(h.to_status, h.changed_on) for h in history] == [
        ("applied", date(2026, 10, 3)),
        ("rejected", date(2026, 10, 3)),
    ]


def test_a_file_in_the_wrong_encoding_is_refused_whole(demo_journal: Journal) -> None:
    data = "Company,Title\nCafé Olé,Barista analyst\n".encode("cp1252")
    with pytest.raises(csv_import.ImportRefused, match=r"not UTF-8.*CSV UTF-8"):
        _plan(demo_journal, data, "export.csv")
    assert _count(demo_journal) == 12


def test_a_file_without_a_title_column_says_which_column_to_choose(demo_journal: Journal) -> None:
    with pytest.raises(csv_import.ImportRefused, match="job title"):
        _plan(demo_journal, "Company,Status\nAcme,Applied\n")


@pytest.mark.parametrize(
    "data",
    [b"", b"company,title\n", b"\x00\x01\x02binary", b'company,title\n"unclosed,quote\n'],
)
def test_empty_binary_or_broken_files_are_refused(demo_journal: Journal, data: bytes) -> None:
    with pytest.raises(csv_import.ImportRefused):
        plan = _plan(demo_journal, data, "bad.csv")
        if not plan.to_import:  # a broken quote may swallow the rest into one row
            raise csv_import.ImportRefused("nothing to import")
    assert _count(demo_journal) == 12


def test_slashed_dates_are_read_in_the_order_the_column_shows(journal: Journal) -> None:
    day_first = _plan(journal, "Company,Title,Date Applied\nA,X,25/10/2026\nB,Y,03/04/2026\n")
    assert [r.on for r in day_first.to_import] == [date(2026, 10, 25), date(2026, 4, 3)]
    assert "day first" in day_first.notes[0]
    month_first = _plan(journal, "Company,Title,Date Applied\nA,X,10/25/2026\nB,Y,03/04/2026\n")
    assert [r.on for r in month_first.to_import] == [date(2026, 10, 25), date(2026, 3, 4)]
    bad = _plan(journal, "Company,Title,Date Applied\nA,X,31/02/2026\nB,Y,2027-01-01\n")
    assert [r.problem for r in bad.skipped] == [
        "“31/02/2026” is not a date",
        "the date “2027-01-01” is in the future",
    ]


IMPORT_WITH_A_FULL_DISK = """
    import os, resource, signal, sys
    from pathlib import Path
    from jobjournal.core.documents import csv_import
    from jobjournal.core.storage import vault
    from jobjournal.core.errors import JournalError
    journal = vault.unlock(sys.argv[1], sys.argv[2])
    sheet = csv_import.read_csv(Path(sys.argv[3]))
    plan = csv_import.plan_import(journal, sheet, csv_import.guess_mapping(sheet.headers))
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of being killed
    largest = max(os.path.getsize(sys.argv[1] + s) for s in ("", "-wal"))
    resource.setrlimit(resource.RLIMIT_FSIZE, (largest + 65536, largest + 65536))
    try:
        csv_import.run_import(journal, plan)
    except JournalError as error:
        print(type(error).__name__, "|", error)
    else:
        print("NO ERROR")
"""


def test_an_import_that_cannot_be_written_leaves_nothing_behind(
    demo_journal: Journal, tmp_path: Path
) -> None:
    big = tmp_path / "big.csv"
    lines = ["Company,Title,Status,Date Applied,Notes"] + [
        f"Company {n},Role {n},Applied,2026-10-01,{'a long note ' * 40}" for n in range(3000)
    ]
    big.write_text("\n".join(lines), encoding="utf-8")
    path = demo_journal.path
    demo_journal.lock()
    result = run_python(IMPORT_WITH_A_FULL_DISK, str(path), PASSPHRASE, str(big), timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("|")[0].strip() in {"CannotWrite", "DiskFull"}, result.stdout
    reopened = vault.unlock(path, PASSPHRASE)
    try:
        assert _count(reopened) == 12
        assert not [c for c in reopened.all(plain.Company) if c.name.startswith("Company ")]
        assert reopened.vault.verify().ok
    finally:
        reopened.lock()
