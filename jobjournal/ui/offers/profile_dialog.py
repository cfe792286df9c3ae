"""The person behind the journal: who signs the letters, what a perfect offer looks like,
the point below which they walk away, and the job they have now (the baseline every
offer is compared with)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from jobjournal.core.records import forms
from jobjournal.core.work import packages
from jobjournal.ui.shared.basics import fit_on_screen, message_label, scrolling, use_money_style
from jobjournal.ui.shared.dialogs import ActionDialog, dialog_buttons
from jobjournal.ui.shared.field_set import FieldSet

if TYPE_CHECKING:
    from jobjournal.core.records.journal import Journal

WISH_COLUMNS = ("What I want beyond salary", "How much, or what exactly")


class ProfileDialog(ActionDialog):
    def __init__(self, parent: QWidget, journal: Journal) -> None:
        super().__init__(parent)
        self.journal = journal
        self.setWindowTitle("Profile and targets")
        self.setAccessibleName("Profile and targets")
        self.about = FieldSet(forms.PROFILE_ABOUT)
        self.targets = FieldSet(forms.PROFILE_TARGETS)
        self.job = FieldSet(forms.CURRENT_JOB)
        self.network = FieldSet(forms.PROFILE_NETWORK, long_height=None)
        self.message = message_label("Profile message")
        self._build()
        self._load()
        self.action = self._save
        fit_on_screen(self, 720, 680)

    def _build(self) -> None:
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Profile sections")
        self.tabs.addTab(self._about_page(), "&About me")
        self.tabs.addTab(self._targets_page(), "Perfect offer and &walk-away")
        self.tabs.addTab(self._job_page(), "&Current job")
        self.tabs.addTab(self._network_page(), "Introductions and s&kills")
        buttons = dialog_buttons(self, "Save", "Save profile")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _about_page(self) -> QWidget:
        form = QFormLayout()
        self.about.add_rows(form)
        return _page(form, "Letters are signed with these details.")

    def _targets_page(self) -> QWidget:
        form = QFormLayout()
        self.targets.add_rows(form)
        self.wishes = QTableWidget(0, 2)
        self.wishes.setTabKeyNavigation(False)  # Tab leaves it; arrows and F2 edit cells
        self.wishes.setAccessibleName("Perfect offer items")
        self.wishes.setHorizontalHeaderLabels(WISH_COLUMNS)
        self.wishes.horizontalHeader().setStretchLastSection(True)
        self.wishes.horizontalHeader().setAccessibleName("Perfect offer columns")
        self.wishes.verticalHeader().hide()
        self.wishes.setColumnWidth(0, 260)
        add = QPushButton("A&dd an item")
        add.setAccessibleName("Add a perfect offer item")
        add.clicked.connect(lambda: self.add_wish("", ""))
        remove = QPushButton("Remo&ve item")
        remove.setAccessibleName("Remove the perfect offer item")
        remove.clicked.connect(self._remove_wish)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        layout = QVBoxLayout()
        layout.addLayout(form)
        layout.addWidget(QLabel("<b>My perfect offer, beyond salary</b>"))
        layout.addWidget(self.wishes, 1)
        layout.addLayout(row)
        return _page(
            layout,
            "Write these down before an offer comes: every offer is then shown against "
            "them, with a plain warning below the walk-away point.",
        )

    def _job_page(self) -> QWidget:
        self.has_job = QCheckBox("I have a job now: compare offers with it")
        self.has_job.setAccessibleName("I have a job now")
        form = QFormLayout()
        form.addRow(self.has_job)
        self.job.add_rows(form)
        self.has_job.toggled.connect(self._enable_job)
        return _page(form, "Kept only in this journal, like everything else.")

    def _network_page(self) -> QWidget:
        form = QFormLayout()
        self.network.add_rows(form)
        return _page(
            form,
            "Introductions you ask for say who you are and what you are looking for in these "
            "words; each opening's requirements are marked against your skills.",
        )

    def _enable_job(self, on: bool) -> None:
        for widget in self.job.widgets.values():
            widget.setEnabled(on)

    # -- loading and saving ---------------------------------------------------------------

    def _load(self) -> None:
        profile = self.journal.profile()
        self.about.load(profile)
        self.targets.load(profile)
        self.network.load(profile)
        for item in profile.perfect_offer:
            self.add_wish(item.item, item.wanted)
        job = packages.current_job(self.journal)
        self.job.load(job)
        self.has_job.setChecked(job is not None)
        self._enable_job(job is not None)

    def add_wish(self, item: str, wanted: str) -> None:
        row = self.wishes.rowCount()
        self.wishes.insertRow(row)
        first = QTableWidgetItem(item)
        self.wishes.setItem(row, 0, first)
        self.wishes.setItem(row, 1, QTableWidgetItem(wanted))
        if not item:  # a new, empty row: ready to type into
            self.wishes.setCurrentCell(row, 0)
            self.wishes.editItem(first)

    def _remove_wish(self) -> None:
        row = self.wishes.currentRow()
        if row >= 0:
            self.wishes.removeRow(row)

    def wish_rows(self) -> list[tuple[str, str]]:
        rows = []
        for row in range(self.wishes.rowCount()):
            item, wanted = (self._cell(row, column) for column in (0, 1))
            if item:
                rows.append((item, wanted))
        return rows

    def _cell(self, row: int, column: int) -> str:
        cell = self.wishes.item(row, column)
        return cell.text().strip() if cell is not None else ""

    def _save(self) -> None:
        packages.save_profile(
            self.journal,
            {**self.about.values(), **self.targets.values(), **self.network.values()},
            self.wish_rows(),
            self.job.values() if self.has_job.isChecked() else None,
        )
        use_money_style(self.journal)


def _page(content: QFormLayout | QVBoxLayout, note: str) -> QWidget:
    """A tab: its fields (scrolling on a short screen), and a note under them."""
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.addWidget(scrolling(content), 1)
    hint = QLabel(note)
    hint.setWordWrap(True)
    hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    layout.addWidget(hint)
    return page
