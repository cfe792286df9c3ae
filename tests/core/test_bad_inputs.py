"""The bad-input corpus (tests/inputs/, written by make_corpus.py): every file is either
imported right or refused with a message that says what is wrong, and a refused file
changes nothing. What each file got is written into docs/reliability.md."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete
from support import PASSPHRASE, PROJECT_DIR, keep_section

from jobjournal.core.documents import csv_import, transfer
from jobjournal.core.errors import JournalError
from jobjournal.core.records import plain
from jobjournal.core.records.journal import Journal
from jobjournal.core.storage import models as m
from jobjournal.core.storage import vault

INPUTS = PROJECT_DIR / "tests" / "inputs"
RELIABILITY = PROJECT_DIR / "docs" / "reliability.md"


@pytest.fixture
def fresh(tmp_path: Path) -> Any:
    opened: list[Journal] = []

    def make() -> Journal:
        journal = vault.create(tmp_path / f"journal-{len(opened)}.db", PASSPHRASE)
        opened.append(journal)
        return journal

    yield make
    for journal in opened:
        if not journal.is_locked:
            journal.lock()


def test_every_bad_input_file_is_handled_or_refused_clearly(fresh: Any, tmp_path: Path) -> None:
    expected: dict[str, dict[str, Any]] = json.loads((INPUTS / "expected.json").read_text())
    expected.update(_generated(tmp_path))
    empty, csv_journal = fresh(), fresh()
    results: dict[str, tuple[dict[str, Any], str]] = {}
    for name, wanted in expected.items():
        path = Path(wanted.pop("path", INPUTS / name))
        if name.endswith(".json"):
            journal = fresh() if "imported" in wanted else empty
            results[name] = (wanted, _import_json(journal, path))
        else:
            results[name] = (wanted, _import_csv(csv_journal, path))
    assert empty.count_applications() == 0 and empty.all(plain.Company) == []
    mismatches = [
        f"{name}: expected {wanted}, got {seen}"
        for name, (wanted, seen) in results.items()
        if not _as_expected(wanted, seen)
    ]
    assert mismatches == []
    keep_section(RELIABILITY, "bad input files", _table(results))


def _generated(folder: Path) -> dict[str, dict[str, Any]]:
    """The cases too big to keep in the repository, made here (sparse where they can be)."""
    big_note = json.loads((INPUTS / "json" / "valid.json").read_text())
    big_note["tables"]["application_texts"][0]["notes"] = "x" * 25_000_000
    (folder / "note.json").write_text(json.dumps(big_note))
    for name, size in (("huge.json", 300_000_000), ("huge.csv", 3 * 1024**3)):
        with (folder / name).open("wb") as file:
            file.truncate(size)
    return {
        "generated/a 25 MB note.json": {
            "case": "a 25 MB note",
            "path": folder / "note.json",
            "refused": "is longer than 20,000,000 characters",
        },
        "generated/a 300 MB file.json": {
            "case": "a 300 MB file",
            "path": folder / "huge.json",
            "refused": "jobjournal imports exports of up to 256 MB",
        },
        "generated/a 3 GB file.csv": {
            "case": "a 3 GB file",
            "path": folder / "huge.csv",
            "refused": "is over 50 MB",
        },
    }


def _import_json(journal: Journal, path: Path) -> str:
    try:
        counts = transfer.import_json(journal, transfer.read_export(path))
    except JournalError as error:
        return f"refused: {error}"
    notes = sum(bool(t.notes) for t in journal.all(plain.ApplicationText))
    return f"imported {counts['applications']} applications, {notes} notes kept"


def _import_csv(journal: Journal, path: Path) -> str:
    try:
        sheet = csv_import.read_csv(path)
        plan = csv_import.plan_import(journal, sheet, csv_import.guess_mapping(sheet.headers))
    except JournalError as error:
        return f"refused: {error}"
    report = csv_import.run_import(journal, plan)
    with journal.session() as session:  # the next file starts from an empty journal
        for model in (m.Application, m.Company):
            session.execute(delete(model))
    said = [f"skipped line {line}: {why}" for line, why in report.skipped]
    said += [f"noted line {row.line}: {row.note}" for row in plan.to_import if row.note]
    return "; ".join([f"imported {report.imported}", *said])


def _as_expected(wanted: dict[str, Any], seen: str) -> bool:
    if "refused" in wanted:
        return seen.startswith("refused: ") and wanted["refused"] in seen
    if not seen.startswith(f"imported {wanted['imported']}"):
        return False
    if "notes kept" in wanted and f"{wanted['notes kept']} notes kept" not in seen:
        return False
    lines = [("skipped", wanted.get("skipped", {})), ("noted", wanted.get("noted", {}))]
    return all(
        any(part.startswith(f"{kind} line {line}: ") and words in part for part in seen.split("; "))
        for kind, expected_lines in lines
        for line, words in expected_lines.items()
    ) and seen.count("skipped line") == len(wanted.get("skipped", {}))


def _table(results: dict[str, tuple[dict[str, Any], str]]) -> str:
    refused = sum(seen.startswith("refused") for _, seen in results.values())
    lines = [
        "## Bad input files (tests/inputs/, tests/core/test_bad_inputs.py)",
        "",
        f"{len(results)} files a person might try to import: {refused} refused whole with a "
        f"message, {len(results) - refused} imported (rows the file breaks are skipped and "
        "named). A refused file changes nothing in the journal.",
        "",
        "| file | what the person gets |",
        "|---|---|",
    ]
    for name, (wanted, seen) in results.items():
        kind = "JSON" if name.endswith(".json") else "CSV"
        told = seen.replace("\n", " ").replace("|", "/")
        if len(told) > 300:
            told = told[:300] + "…"
        lines.append(f"| {kind}: {wanted['case']} | {told} |")
    return "\n".join(lines) + "\n"


# -- any edit of any field: refused with a report, or imported whole -----------------------

_ANY_JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30)
    | st.sampled_from(["2026-03-01", "2026-03-01T09:00:00", "applied", "hybrid", "EUR", ""]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=5,
)


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_any_edit_of_any_field_is_refused_with_a_report_or_imported_whole(
    data: st.DataObject, journal: Journal
) -> None:
    export = json.loads((INPUTS / "json" / "valid.json").read_text())
    table = data.draw(st.sampled_from(sorted(export["tables"])), label="table")
    row = data.draw(st.integers(0, len(export["tables"][table]) - 1), label="row")
    field = data.draw(
        st.sampled_from([*export["tables"][table][row], "id", "notes", "status", "kind"]),
        label="field",
    )
    export["tables"][table][row][field] = data.draw(_ANY_JSON, label="value")
    try:
        counts = transfer.import_json(journal, json.dumps(export).encode())
    except transfer.ExportNotReadable as refused:
        assert "nothing was imported" in str(refused).lower()
        assert journal.count_applications() == 0
        return
    assert counts["applications"] == 12
    journal.records_of(journal.all(plain.Application)[0].id)  # what the detail pane reads
    with journal.session() as session:  # empty again for the next example
        for each in reversed(m.Base.metadata.sorted_tables):
            if each.name not in ("journal_info", "profile"):
                session.execute(delete(each))
