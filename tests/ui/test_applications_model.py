"""The table model on its own: pages of rows from SQL, finding a row far down, sorting."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from jobjournal.core.records.journal import Journal
from jobjournal.core.records.listing import ApplicationFilter
from jobjournal.core.storage.models import Status
from jobjournal.ui.applications.applications_model import (
    COL_COMPANY,
    COL_STATUS,
    PAGE,
    ApplicationsModel,
)

MANY = PAGE * 2 + 50


@pytest.fixture(scope="module")
def many_path(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """One journal of 450 applications for the module (adding them one by one is slow)."""
    from support import PASSPHRASE

    from jobjournal.core.storage import vault

    path = tmp_path_factory.mktemp("many") / "many.db"
    journal = vault.create(path, PASSPHRASE)
    company = journal.find_or_add_company("Company").id
    for number in range(MANY):
        journal.add_application(
            company_id=company,
            job_title=f"Role {number:04d}",
            status=Status.APPLIED if number % 3 else Status.SAVED,
        )
    journal.lock()
    yield path


@pytest.fixture
def model(qtbot: QtBot, many_path: object) -> Iterator[ApplicationsModel]:
    from support import PASSPHRASE

    from jobjournal.core.storage import vault

    journal: Journal = vault.unlock(many_path, PASSPHRASE)  # type: ignore[arg-type]
    model = ApplicationsModel(journal)
    model.reload()
    yield model
    journal.lock()


def test_rows_come_a_page_at_a_time(model: ApplicationsModel) -> None:
    assert model.rowCount() == PAGE and model.canFetchMore()
    model.fetchMore()
    model.fetchMore()
    assert model.rowCount() == MANY and not model.canFetchMore()
    assert len(set(model.loaded_ids())) == MANY


def test_a_row_beyond_the_loaded_page_is_found(model: ApplicationsModel) -> None:
    model.sort(1, Qt.SortOrder.AscendingOrder)  # by job title: "Role 0000" first
    last = model._journal.list_applications(  # type: ignore[union-attr]
        sort="job_title", descending=True, limit=1
    )[0]
    row = model.row_of(last.id)
    assert row == MANY - 1
    assert model.index(row, 1).data() == f"Role {MANY - 1:04d}"


def test_sorting_and_filtering_are_done_by_the_journal(model: ApplicationsModel) -> None:
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert model.index(0, 1).data() == f"Role {MANY - 1:04d}"
    model.set_filter(ApplicationFilter(statuses=frozenset({Status.APPLIED})))
    assert model.rowCount() == PAGE and model.canFetchMore()  # 300 applied: two pages
    model.fetchMore()
    statuses = {model.index(row, COL_STATUS).data() for row in range(model.rowCount())}
    assert statuses == {"Applied"}
    assert model.rowCount() == MANY - len(range(0, MANY, 3)) and not model.canFetchMore()
    titles = [model.index(row, 1).data() for row in range(model.rowCount())]
    assert titles == sorted(titles, reverse=True)


def test_clear_forgets_every_row_and_the_journal(model: ApplicationsModel) -> None:
    model.clear()
    assert model.rowCount() == 0 and not model.canFetchMore()
    assert model.row_of(1) is None
    model.reload()
    assert model.rowCount() == 0
    assert model.index(0, COL_COMPANY).data() is None
