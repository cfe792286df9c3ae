"""What the main window asks of the core: a row's position, an application's records,
where backups go, the reasons offered for an ending."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import PASSPHRASE, application_at

from jobjournal.core.errors import InvalidInput
from jobjournal.core.records.journal import Journal
from jobjournal.core.records.listing import SORTS, ApplicationFilter
from jobjournal.core.records.transitions import ASKS_FOR_REASON, REASONS_FOR
from jobjournal.core.storage import models as m
from jobjournal.core.storage import paths, vault
from jobjournal.core.storage.models import Status


@pytest.mark.parametrize("sort", sorted(SORTS))
@pytest.mark.parametrize("descending", [False, True])
def test_position_matches_the_listed_order(
    demo_journal: Journal, sort: str, descending: bool
) -> None:
    rows = demo_journal.list_applications(sort=sort, descending=descending)
    for expected, row in enumerate(rows):
        assert demo_journal.position_of(row.id, sort=sort, descending=descending) == expected


def test_position_under_a_filter_and_outside_it(demo_journal: Journal) -> None:
    negotiating = ApplicationFilter(statuses=frozenset({Status.NEGOTIATING}))
    listed = [r.id for r in demo_journal.list_applications(negotiating, "company", False)]
    assert [demo_journal.position_of(i, negotiating, "company", False) for i in listed] == [0, 1]
    applied = application_at(demo_journal, "Juniper Energy")
    assert demo_journal.position_of(applied, negotiating) is None
    assert demo_journal.position_of(999_999) is None


def test_records_of_an_application_are_loaded_and_ordered(demo_journal: Journal) -> None:
    quartz = demo_journal.records_of(application_at(demo_journal, "Quartz Analytics"))
    assert quartz.application.company.name == "Quartz Analytics"
    assert len(quartz.interviews) == 2
    assert quartz.interviews[0].starts_at <= quartz.interviews[1].starts_at
    assert len(quartz.feedback) == 1 and quartz.offers == []
    northwind = demo_journal.records_of(application_at(demo_journal, "Northwind Analytics"))
    assert len(northwind.offers) == 1 and len(northwind.offers[0].rounds) >= 1
    harbor = demo_journal.records_of(application_at(demo_journal, "Harbor Logistics"))
    assert [letter.kind for letter in harbor.letters] != []


def test_records_of_a_deleted_application_says_so(demo_journal: Journal) -> None:
    gone = application_at(demo_journal, "Juniper Energy")
    demo_journal.delete(m.Application, gone, confirm=True)
    with pytest.raises(InvalidInput, match="no longer exists"):
        demo_journal.records_of(gone)


def test_backups_go_where_chosen_and_keep_as_many_as_chosen(
    journal: Journal, tmp_path: Path
) -> None:
    chosen = tmp_path / "usb stick" / "backups"
    journal.vault.place_backups(chosen, keep=2)
    made = [journal.vault.backup(label=str(n)) for n in range(3)]
    assert all(path.parent == chosen for path in made)
    assert sorted(chosen.iterdir()) == sorted(made[1:])
    assert vault.list_backups(journal.path) == sorted(made[1:], reverse=True)
    journal.vault.place_backups(None, keep=5)  # back to the default folder beside the journal
    assert journal.vault.backup().parent == paths.backups_dir_for(journal.path) != chosen


def test_a_chosen_backups_place_holds_from_the_next_unlock(
    journal: Journal, tmp_path: Path
) -> None:
    path = journal.path
    journal.lock()
    vault.set_backup_place(path, tmp_path / "elsewhere", keep=3)
    reopened = vault.unlock(path, PASSPHRASE)
    try:
        assert reopened.vault.backups_dir == tmp_path / "elsewhere"
        assert reopened.vault.backup_if_due() is not None
        assert len(vault.list_backups(path)) == 1
    finally:
        reopened.lock()
        vault.set_backup_place(path, None, keep=10)


def test_keeping_no_backups_is_refused(journal: Journal) -> None:
    with pytest.raises(InvalidInput, match="at least one"):
        journal.vault.place_backups(None, keep=0)


def test_every_ending_that_asks_why_offers_known_reasons() -> None:
    assert set(REASONS_FOR) == set(ASKS_FOR_REASON)
    for reasons in REASONS_FOR.values():
        assert reasons and all(code in m.REASONS for code in reasons)
        assert len(set(reasons)) == len(reasons)
