"""CSV files as people really have them: the app's own export coming back whole, rows a
stray comma or an open quote has broken (flagged, never imported shifted), files far too
big (refused before they are read), and long imports that can be stopped."""

from __future__ import annotations

import csv
import io
import itertools
from datetime import date
from pathlib import Path

import pytest

from jobjournal.core.documents import csv_import, transfer
from jobjournal.core.records import plain
from jobjournal.core.records.journal import Journal
from jobjournal.core.records.progress import Cancelled, Progress
from jobjournal.core.storage import models as m


def _plan(journal: Journal, data: bytes) -> csv_import.Plan:
    sheet = csv_import.parse_csv("file.csv", data)
    return csv_import.plan_import(journal, sheet, csv_import.guess_mapping(sheet.headers))


def test_the_apps_own_csv_export_comes_back_with_every_column(
    demo_journal: Journal, second_journal: Journal
) -> None:
    exported = transfer.export_csv(demo_journal)
    plan = _plan(second_journal, exported)
    assert plan.skipped == []
    csv_import.run_import(second_journal, plan)
    again = transfer.export_csv(second_journal)
    assert _rows(again) == _rows(exported)
    sources = {row["source"] for row in _rows(again)}
    assert "job_board" in sources  # once read back as "other"


def _rows(data: bytes) -> list[dict[str, str]]:
    rows = csv.DictReader(io.StringIO(data.decode("utf-8-sig")))
    return sorted((dict(row) for row in rows), key=lambda r: (r["company"], r["job_title"]))


def test_a_quote_left_open_is_flagged_not_swallowed_into_one_row(journal: Journal) -> None:
    lines = ["Company,Title,Date Applied"]
    lines += ['Acme,"Analyst,2026-01-05']  # the quote never closes
    lines += [f"Firm {n},Role {n},2026-01-{n % 28 + 1:02d}" for n in range(50)]
    plan = _plan(journal, "\n".join(lines).encode())
    assert len(plan.rows) == 1
    assert plan.to_import == []
    assert "quote left open" in plan.rows[0].problem
    assert "line 2 to line 52" in plan.rows[0].problem


def test_a_stray_comma_flags_its_row_and_only_that_row(journal: Journal) -> None:
    data = (
        b"Company,Title,Date Applied,Notes\n"
        b"Acme,Analyst,2026-01-05,fine\n"
        b"Initech,Lead, Platform,2026-01-06,shifted\n"
        b"Globex,Engineer,2026-01-07\n"
    )
    plan = _plan(journal, data)
    by_line = {row.line: row for row in plan.rows}
    assert not by_line[2].skipped
    assert "5 cells where the header has 4" in by_line[3].problem
    assert not by_line[4].skipped and "read as empty" in by_line[4].note


def test_rows_keep_their_own_line_numbers_after_a_cell_over_two_lines(journal: Journal) -> None:
    data = b'Company,Title,Notes\nAcme,Analyst,"two\nlines"\n\nGlobex,,x\n'
    plan = _plan(journal, data)
    assert [(row.line, row.problem) for row in plan.rows] == [(2, ""), (5, "no job title")]


def test_a_huge_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    huge = tmp_path / "huge.csv"
    with huge.open("wb") as file:  # sparse: 3 GB on paper, nothing on the disk
        file.truncate(3 * 1024**3)
    with pytest.raises(csv_import.ImportRefused, match="over 50 MB"):
        csv_import.read_csv(huge)


def test_a_refusal_names_the_line_where_the_text_stops_being_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes(b"Company,Title\nAcme,Analyst\n" + b"Caf\xe9 Z\xfcrich,Chef\n")
    with pytest.raises(csv_import.ImportRefused, match=r"not UTF-8.*CSV UTF-8"):
        csv_import.read_csv(path)


def test_stopping_an_import_leaves_the_journal_as_it_was(journal: Journal) -> None:
    rows = "\n".join(f"Firm {n},Role {n},2026-01-05" for n in range(5000))
    plan = _plan(journal, f"Company,Title,Date Applied\n{rows}".encode())
    progress = Progress()
    steps = []

    def stop_half_way(done: int, total: int | None = None, stage: str | None = None) -> None:
        steps.append(done)
        if done >= 2000:
            progress.cancel()
        Progress.step(progress, done, total, stage)

    progress.step = stop_half_way  # type: ignore[method-assign]
    with pytest.raises(Cancelled):
        csv_import.run_import(journal, plan, progress)
    assert journal.count_applications() == 0
    assert journal.all(plain.Company) == []


def test_a_big_import_writes_every_row_with_its_history(journal: Journal) -> None:
    rows = "\n".join(f"Firm {n % 700},Role {n},2026-01-05,Rejected" for n in range(6000))
    plan = _plan(journal, f"Company,Title,Date Applied,Status\n{rows}".encode())
    report = csv_import.run_import(journal, plan)
    assert (report.imported, report.companies_added) == (6000, 700)
    application = journal.all(plain.Application)[4321]
    history = [
        (c.from_status, c.to_status, c.changed_on) for c in journal.status_history(application.id)
    ]
    assert history == [
        (None, "applied", date(2026, 1, 5)),
        ("applied", "rejected", date(2026, 1, 5)),
    ]
    with journal.session() as session:  # the sorting key, kept by the model's events
        assert session.get(m.Application, application.id).title_fold == "role 4321"  # type: ignore[union-attr]


def test_every_status_route_is_a_sequence_of_allowed_moves() -> None:
    from jobjournal.core.records import transitions

    for route in csv_import._ROUTES.values():
        for before, after in itertools.pairwise(route):
            transitions.check_transition(before, after)
