"""Writes the bad-input corpus: hand-edited, damaged and foreign files a person might try
to import, each beside the outcome expected (`expected.json`).

Run it by hand (`.venv/bin/python tests/inputs/make_corpus.py`) after changing a case;
`tests/core/test_bad_inputs.py` reads the files it wrote, and builds the few that are too
big to keep in the repository (a 25 MB note, a 300 MB export, a 3 GB CSV) itself.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
Export = dict[str, Any]


def base_export() -> Export:
    """A small, valid export: twelve applications at two companies, each with notes."""
    applications, texts, changes = [], [], []
    for n in range(1, 13):
        applications.append(
            {
                "id": n,
                "company_id": 1 + n % 2,
                "job_title": f"Analyst {n}",
                "status": "applied",
                "applied_on": f"2026-03-{n:02d}",
                "status_changed_at": f"2026-03-{n:02d}T09:00:00",
                "created_at": f"2026-03-{n:02d}T09:00:00",
                "priority": 3,
                "posted_min_cents": 6_000_000,
                "posted_max_cents": 7_000_000,
                "salary_currency": "EUR",
                "work_model": "hybrid",
            }
        )
        texts.append({"application_id": n, "notes": f"Note {n}: Zürich, Łódź, São Paulo"})
        changes.append(
            {
                "id": n,
                "application_id": n,
                "from_status": None,
                "to_status": "applied",
                "changed_on": f"2026-03-{n:02d}",
                "recorded_at": f"2026-03-{n:02d}T09:00:00",
            }
        )
    return {
        "format": "jobjournal-export",
        "format_version": 1,
        "schema_version": 3,
        "app_version": "0.1.0",
        "exported_at": "2026-04-01T10:00:00",
        "tables": {
            "profile": [{"id": 1, "name": "Zoë Ñúñez", "currency": "EUR"}],
            "companies": [{"id": 1, "name": "Émile SA"}, {"id": 2, "name": "Škoda Øresund"}],
            "applications": applications,
            "application_texts": texts,
            "status_changes": changes,
            "letters": [
                {
                    "id": 1,
                    "application_id": 1,
                    "kind": "withdraw",
                    "created_at": "2026-03-20T10:00:00",
                }
            ],
        },
    }


def edited(change: Callable[[Export], None]) -> bytes:
    export = copy.deepcopy(BASE)
    change(export)
    return json.dumps(export, ensure_ascii=False, indent=1).encode()


def setter(table: str, row: int, field: str, value: Any) -> Callable[[Export], None]:
    def change(export: Export) -> None:
        export["tables"][table][row][field] = value

    return change


def dropper(table: str, row: int, field: str) -> Callable[[Export], None]:
    return lambda export: export["tables"][table][row].pop(field)


def top(field: str, value: Any) -> Callable[[Export], None]:
    def change(export: Export) -> None:
        export[field] = value

    return change


def tables(change_tables: Callable[[dict[str, Any]], None]) -> Callable[[Export], None]:
    return lambda export: change_tables(export["tables"])


BASE = base_export()
TEXT = json.dumps(BASE, ensure_ascii=False, indent=1)

# name: (file bytes, expected). Expected is {"refused": words the message holds} or
# {"imported": applications imported}.
JSON_CASES: dict[str, tuple[bytes, dict[str, Any]]] = {
    "valid": (edited(lambda e: None), {"imported": 12}),
    "first row lacks notes": (
        edited(dropper("application_texts", 0, "notes")),
        {"imported": 12, "notes kept": 11},
    ),
    "saved with a byte-order mark": (b"\xef\xbb\xbf" + TEXT.encode(), {"imported": 12}),
    "old export without version 2 and 3 columns": (
        edited(top("schema_version", 1)),
        {"imported": 12},
    ),
    "not JSON at all": (b"Dear hiring manager,", {"refused": "not a jobjournal export"}),
    "empty file": (b"", {"refused": "not a jobjournal export"}),
    "a list, not an export": (b"[1, 2, 3]", {"refused": "not a jobjournal export"}),
    "another program's JSON": (b'{"format": "huntr"}', {"refused": "not a jobjournal export"}),
    "Latin-1 bytes": (
        '{"format": "Zürich"}'.encode("latin-1"),
        {"refused": "not a jobjournal export"},
    ),
    "cut off half-way": (TEXT.encode()[: len(TEXT) // 2], {"refused": "not a jobjournal export"}),
    "text after the export": (TEXT.encode() + b"\n}", {"refused": "not a jobjournal export"}),
    "format_version as text": (
        edited(top("format_version", "1")),
        {"refused": "“format_version” is damaged"},
    ),
    "format_version huge": (edited(top("format_version", 10**40)), {"refused": "newer jobjournal"}),
    "schema_version from the future": (
        edited(top("schema_version", 99)),
        {"refused": "newer jobjournal"},
    ),
    "schema_version negative": (
        edited(top("schema_version", -1)),
        {"refused": "“schema_version” is damaged"},
    ),
    "tables missing": (edited(lambda e: e.pop("tables")), {"refused": "the records are missing"}),
    "tables as a list": (edited(top("tables", [])), {"refused": "the records are missing"}),
    "a table that is not a list": (
        edited(tables(lambda t: t.update(companies={"id": 1}))),
        {"refused": "“companies”: should be a list of records"},
    ),
    "unknown table": (
        edited(tables(lambda t: t.update(pets=[{"name": "Rex"}]))),
        {"refused": "“pets”: this jobjournal keeps no such records"},
    ),
    "the file's own marker table": (
        edited(tables(lambda t: t.update(journal_info=[{"key": "k", "value": "v"}]))),
        {"refused": "“journal_info”: this jobjournal keeps no such records"},
    ),
    "unknown field": (
        edited(setter("companies", 0, "shoe_size", 44)),
        {"refused": "field “shoe_size”: is not a field this jobjournal knows"},
    ),
    "a record that is a number": (
        edited(tables(lambda t: t["companies"].append(3))),
        {"refused": "“companies”, record 3: should be a record, not a whole number"},
    ),
    "unknown status": (
        edited(setter("applications", 0, "status", "hired")),
        {"refused": "field “status”: 'hired' is not one of"},
    ),
    "unknown status in the history": (
        edited(setter("status_changes", 3, "to_status", "ghosted")),
        {"refused": "“status_changes”, record 4, field “to_status”"},
    ),
    "fractional money": (
        edited(setter("applications", 0, "posted_min_cents", 6000000.5)),
        {"refused": "should be a whole number or empty, not a number with a fraction"},
    ),
    "negative money": (
        edited(setter("applications", 1, "expected_cents", -500)),
        {"refused": "field “expected_cents”: must be at least 0"},
    ),
    "money beyond any salary": (
        edited(setter("applications", 1, "expected_cents", 10**30)),
        {"refused": "field “expected_cents”: must be at most"},
    ),
    "money as text": (
        edited(setter("applications", 2, "posted_max_cents", "70k")),
        {"refused": "should be a whole number or empty, not text"},
    ),
    "infinite money": (
        TEXT.replace('"posted_min_cents": 6000000', '"posted_min_cents": Infinity', 1).encode(),
        {"refused": "not a jobjournal export"},
    ),
    "NaN priority": (
        TEXT.replace('"priority": 3', '"priority": NaN', 1).encode(),
        {"refused": "not a jobjournal export"},
    ),
    "a number beyond any float": (
        TEXT.replace('"priority": 3', '"priority": 1e400', 1).encode(),
        {"refused": "a number far too large"},
    ),
    "unknown work model": (
        edited(setter("applications", 0, "work_model", "moon")),
        {"refused": "field “work_model”: 'moon' is not one of: on_site, hybrid, remote"},
    ),
    "unknown letter kind": (
        edited(setter("letters", 0, "kind", "love_letter")),
        {"refused": "“letters”, record 1, field “kind”"},
    ),
    "true as a company name": (
        edited(setter("companies", 0, "name", True)),
        {"refused": "field “name”: should be text, not true or false"},
    ),
    "empty company name": (
        edited(setter("companies", 1, "name", "   ")),
        {"refused": "“companies”, record 2, field “name”: cannot be empty"},
    ),
    "company name missing": (
        edited(dropper("companies", 0, "name")),
        {"refused": "field “name”: is missing"},
    ),
    "company name null": (
        edited(setter("companies", 0, "name", None)),
        {"refused": "field “name”: should be text, not empty"},
    ),
    "job title too long": (
        edited(setter("applications", 0, "job_title", "x" * 201)),
        {"refused": "is longer than 200 characters"},
    ),
    "priority out of range": (
        edited(setter("applications", 0, "priority", 9)),
        {"refused": "field “priority”: must be at most 5"},
    ),
    "priority zero": (
        edited(setter("applications", 0, "priority", 0)),
        {"refused": "field “priority”: must be at least 1"},
    ),
    "priority true": (
        edited(setter("applications", 0, "priority", True)),
        {"refused": "should be a whole number or empty, not true or false"},
    ),
    "date that does not exist": (
        edited(setter("applications", 0, "applied_on", "2026-02-30")),
        {"refused": "is not a date such as 2024-05-17"},
    ),
    "date written the American way": (
        edited(setter("applications", 0, "applied_on", "03/04/2026")),
        {"refused": "is not a date such as 2024-05-17"},
    ),
    "time with a time zone": (
        edited(setter("applications", 0, "created_at", "2026-03-01T09:00:00+02:00")),
        {"refused": "must be a local time, without a time zone"},
    ),
    "applied in the future": (
        edited(setter("applications", 0, "applied_on", "2999-01-01")),
        {"refused": "2999-01-01 is in the future"},
    ),
    "posted minimum above maximum": (
        edited(setter("applications", 0, "posted_min_cents", 9_000_000)),
        {"refused": "Posted salary (minimum) is above posted salary (maximum)"},
    ),
    "currency not a code": (
        edited(setter("applications", 0, "salary_currency", "euro")),
        {"refused": "must be a three-letter code"},
    ),
    "reference to a missing company": (
        edited(setter("applications", 0, "company_id", 999)),
        {"refused": "refers to “companies” id 999, which is not in the file"},
    ),
    "id used twice": (
        edited(setter("companies", 1, "id", 1)),
        {"refused": "id 1 is used twice"},
    ),
    "a second profile": (
        edited(tables(lambda t: t["profile"].append({"id": 2, "name": "Someone else"}))),
        {"refused": "“profile”, field “id”: there is one such record, with id 1"},
    ),
    "rejection for a reason that is mine": (
        edited(
            tables(
                lambda t: t["status_changes"].append(
                    {
                        "id": 99,
                        "application_id": 1,
                        "from_status": "applied",
                        "to_status": "rejected",
                        "changed_on": "2026-03-10",
                        "recorded_at": "2026-03-10T09:00:00",
                        "ended_by": "them",
                        "reason_code": "accepted_other_offer",
                    }
                )
            )
        ),
        {"refused": "is not a reason for “Rejected”"},
    ),
    "deep nesting": (
        TEXT.replace('"Note 1:', "[" * 100_000 + "]" * 100_000 + ', "x": "', 1).encode(),
        {"refused": "nested far deeper"},
    ),
    "lone surrogate escape": (
        TEXT.replace("Note 1:", "Note \\ud800:", 1).encode(),
        {"refused": "not a jobjournal export"},
    ),
    "many problems at once": (
        edited(
            tables(
                lambda t: [a.update(priority=7) for a in t["applications"]]  # type: ignore[func-returns-value]
            )
        ),
        {"refused": "…and 2 more"},
    ),
}


def _csv(*lines: str, end: str = "\n") -> bytes:
    return end.join(lines).encode()


_ROWS_50 = [f"Firm {n},Role {n},2026-01-{n % 28 + 1:02d}" for n in range(50)]

# Expected: {"refused": words} or {"imported": n, "skipped": {line: words}, "noted": {…}}.
CSV_CASES: dict[str, tuple[bytes, dict[str, Any]]] = {
    "a quote left open": (
        _csv("Company,Title,Date Applied", 'Acme,"Analyst,2026-01-05', *_ROWS_50),
        {"imported": 0, "skipped": {"2": "a quote left open"}},
    ),
    "a comma outside quotes": (
        _csv(
            "Company,Title,Date Applied",
            "Initech,Lead, Platform,2026-01-06",
            "Acme,Analyst,2026-01-05",
        ),
        {"imported": 1, "skipped": {"2": "4 cells where the header has 3"}},
    ),
    "a short row": (
        _csv("Company,Title,Date Applied,Notes", "Acme,Analyst,2026-01-05"),
        {"imported": 1, "noted": {"2": "read as empty"}},
    ),
    "Latin-1 from an old spreadsheet": (
        "Company,Title\nCafé Zürich,Chef\n".encode("latin-1"),
        {"refused": "not UTF-8 text (near line 2)"},
    ),
    "UTF-16 from Excel's Unicode text": (
        "Company\tTitle\r\nAcme\tAnalyst\r\n".encode("utf-16"),
        {"refused": "not UTF-8 text"},
    ),
    "a picture renamed .csv": (
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
        {"refused": "not UTF-8 text"},
    ),
    "binary data in a row": (
        _csv("Company,Title", "Acme,Ana\x00lyst", "Globex,Engineer"),
        {"imported": 1, "skipped": {"2": "binary data"}},
    ),
    "empty file": (b"", {"refused": "has no rows under its header line"}),
    "header only": (_csv("Company,Title,Status"), {"refused": "has no rows under its header line"}),
    "blank lines only under the header": (
        _csv("Company,Title", "", "", ","),
        {"refused": "has no rows under its header line"},
    ),
    "no company column": (
        _csv("Employer name,Position", "Acme,Analyst"),
        {"refused": "Choose the column that holds the company"},
    ),
    "semicolons, as European spreadsheets write": (
        _csv("Firma;Company;Title;Date Applied", "x;Émile SA;Ingénieur;2026-01-05"),
        {"imported": 1},
    ),
    "tabs between columns": (
        _csv("Company\tTitle\tDate Applied", "Acme\tAnalyst, Senior\t2026-01-05"),
        {"imported": 1},
    ),
    "Windows line ends and a byte-order mark": (
        b"\xef\xbb\xbf" + _csv("Company,Title", "Acme,Analyst", end="\r\n"),
        {"imported": 1},
    ),
    "old Mac line ends": (_csv("Company,Title", "Acme,Analyst", end="\r"), {"imported": 1}),
    "a note over two lines": (
        _csv(
            "Company,Title,Notes", 'Acme,Analyst,"first line', 'second line"', "Globex,Engineer,x"
        ),
        {"imported": 2},
    ),
    "a date in the future": (
        _csv("Company,Title,Date Applied", "Acme,Analyst,2999-01-01"),
        {"imported": 0, "skipped": {"2": "is in the future"}},
    ),
    "a date that does not exist": (
        _csv("Company,Title,Date Applied", "Acme,Analyst,31/02/2026"),
        {"imported": 0, "skipped": {"2": "is not a date"}},
    ),
    "a date in words": (
        _csv("Company,Title,Date Applied", "Acme,Analyst,last Tuesday"),
        {"imported": 0, "skipped": {"2": "write it as 2026-03-31"}},
    ),
    "the same job twice": (
        _csv("Company,Title", "ÉMILE SA,Analyst", "émile sa,analyst"),
        {"imported": 1, "skipped": {"3": "the same job as line 2"}},
    ),
    "a title far too long": (
        _csv("Company,Title", "Acme," + "Analyst " * 40),
        {"imported": 0, "skipped": {"2": "Job title is too long"}},
    ),
    "money that is not a number": (
        _csv("company,job_title,posted_min", "Acme,Analyst,lots"),
        {"imported": 0, "skipped": {"2": "is not a number"}},
    ),
    "excitement out of range": (
        _csv("company,job_title,priority", "Acme,Analyst,9"),
        {"imported": 0, "skipped": {"2": "goes from 1 to 5"}},
    ),
    "an unknown status": (
        _csv("Company,Title,Status", "Acme,Analyst,Ghosted by them"),
        {"imported": 1, "noted": {"2": "not known: recorded as Applied"}},
    ),
    "status date before the application": (
        _csv(
            "company,job_title,status,applied_on,status_changed_on",
            "Acme,Analyst,Rejected,2026-03-05,2026-03-01",
        ),
        {"imported": 0, "skipped": {"2": "before the application"}},
    ),
    "cells an export defused": (
        _csv("company,job_title,next_action", "'=Acme,Analyst,'-call back"),
        {"imported": 1},
    ),
    "no title in a row": (
        _csv("Company,Title", "Acme,", "Globex,Engineer"),
        {"imported": 1, "skipped": {"2": "no job title"}},
    ),
}


def write() -> None:
    expected: dict[str, dict[str, Any]] = {}
    for folder, cases, suffix in (("json", JSON_CASES, ".json"), ("csv", CSV_CASES, ".csv")):
        (HERE / folder).mkdir(exist_ok=True)
        for old in (HERE / folder).iterdir():
            old.unlink()
        for name, (data, outcome) in cases.items():
            file_name = f"{folder}/{re.sub(r'[^A-Za-z0-9-]+', '-', name)}{suffix}"
            (HERE / file_name).write_bytes(data)
            expected[file_name] = {"case": name, **outcome}
    (HERE / "expected.json").write_text(
        json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    write()
