"""Offers side by side, with my current job as a baseline: every part of each package,
the totals under assumptions the person can see and change, and where each offer stands
against my targets."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jobjournal.core.work import packages
from jobjournal.core.work.packages import Assumptions
from jobjournal.ui.shared.basics import close_buttons, fit_on_screen, labelled_row

if TYPE_CHECKING:
    from jobjournal.core.records.journal import Journal

BEST_TINT = QColor(46, 160, 67, 60)  # a green wash: reads on light and dark alike
WARNING_TINT = QColor(217, 48, 37, 50)


class CompareDialog(QDialog):
    def __init__(self, parent: QWidget, journal: Journal, selected: int | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.profile = journal.profile()
        self.setWindowTitle("Compare offers")
        self.setAccessibleName("Compare offers")
        self.choices = packages.offer_choices(journal)
        self.has_current_job = packages.current_job(journal) is not None
        self._build(selected)
        fit_on_screen(self, 1180, 820)
        self.refresh()

    # -- building -------------------------------------------------------------------------

    def _build(self, selected: int | None) -> None:
        self.offers = QListWidget()
        self.offers.setAccessibleName("Offers to compare")
        for choice in self.choices:
            item = QListWidgetItem(f"{choice.company} — {choice.job_title}")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            # Open written offers by default: a verbal one lacks the package to compare.
            wanted = choice.offer_id == selected or (choice.still_open and not choice.verbal)
            item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)
            item.setToolTip(f"Status: {choice.status}")
            self.offers.addItem(item)
        self.offers.setMaximumHeight(150)
        self.offers.itemChanged.connect(lambda _item: self.refresh())
        self.current_job = QCheckBox("Include my &current job as the baseline")
        self.current_job.setAccessibleName("Include my current job")
        self.current_job.setChecked(self.has_current_job)
        self.current_job.setEnabled(self.has_current_job)
        if not self.has_current_job:
            self.current_job.setToolTip("Add it under Journal → Profile and targets.")
        self.current_job.toggled.connect(lambda _on: self.refresh())
        self.table = QTableWidget()
        self.table.setTabKeyNavigation(False)  # Tab leaves it; the arrows go cell by cell
        self.table.setAccessibleName("Comparison")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setAccessibleName("Offers compared")
        self.table.verticalHeader().setAccessibleName("Parts of each package")
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.explained = QLabel()
        self.explained.setAccessibleName("Assumptions in words")
        self.explained.setWordWrap(True)
        left = QVBoxLayout()
        left.addWidget(QLabel("<b>Offers</b>"))
        left.addWidget(self.offers)
        left.addWidget(self.current_job)
        left.addWidget(self._assumptions_box())
        left.addWidget(self.explained)
        left.addStretch(1)
        side = QWidget()
        side.setLayout(left)
        side.setMaximumWidth(330)
        body = QHBoxLayout()
        body.addWidget(side)
        body.addWidget(self.table, 1)
        buttons = close_buttons(self)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)

    def _assumptions_box(self) -> QGroupBox:
        default = Assumptions()
        self.raise_percent = _number("Yearly raise (%)", default.raise_percent, 0, 50, 0.5)
        self.bonus_payout = _whole("Bonus paid (% of target)", default.bonus_payout_percent, 0, 300)
        self.equity_growth = _number(
            "Equity value change a year (%)", default.equity_growth_percent, -100, 200, 5
        )
        self.hours = _whole("Hours a year (hourly pay)", default.hours_per_year, 100, 5000)
        self.office_days = _whole("Office days a week (hybrid)", default.hybrid_office_days, 0, 7)
        self.work_weeks = _whole("Weeks commuted a year", default.work_weeks, 0, 52)
        self.count_commute = QCheckBox("Take commute costs off the totals")
        self.count_commute.setAccessibleName("Take commute costs off the totals")
        self.count_commute.setChecked(default.count_commute)
        form = QFormLayout()
        labelled_row(form, "&Raise a year (%):", self.raise_percent)
        labelled_row(form, "&Bonus paid (%):", self.bonus_payout)
        labelled_row(form, "&Equity change (%):", self.equity_growth)
        labelled_row(form, "&Hours a year:", self.hours)
        labelled_row(form, "&Office days (hybrid):", self.office_days)
        labelled_row(form, "&Weeks commuted:", self.work_weeks)
        form.addRow(self.count_commute)
        for spin in (self.raise_percent, self.equity_growth):
            spin.valueChanged.connect(lambda _v: self.refresh())
        for box in (self.bonus_payout, self.hours, self.office_days, self.work_weeks):
            box.valueChanged.connect(lambda _v: self.refresh())
        self.count_commute.toggled.connect(lambda _on: self.refresh())
        group = QGroupBox("Assumptions for the totals")
        group.setLayout(form)
        return group

    # -- showing --------------------------------------------------------------------------

    def assumptions(self) -> Assumptions:
        return Assumptions(
            raise_percent=self.raise_percent.value(),
            bonus_payout_percent=self.bonus_payout.value(),
            equity_growth_percent=self.equity_growth.value(),
            hours_per_year=self.hours.value(),
            hybrid_office_days=self.office_days.value(),
            work_weeks=self.work_weeks.value(),
            count_commute=self.count_commute.isChecked(),
        )

    def chosen_ids(self) -> list[int]:
        return [
            choice.offer_id
            for index, choice in enumerate(self.choices)
            if self.offers.item(index).checkState() == Qt.CheckState.Checked
        ]

    def refresh(self) -> None:
        assumptions = self.assumptions()
        chosen = packages.packages(self.journal, self.chosen_ids(), self.current_job.isChecked())
        self.explained.setText("<br>".join(assumptions.describe()))
        rows = packages.comparison(chosen, assumptions, self.profile, date.today())
        self._fill(chosen, rows if chosen else [])

    def _fill(self, chosen: list[packages.Package], rows: list[packages.Row]) -> None:
        self.table.clear()
        self.table.setColumnCount(len(chosen))
        self.table.setRowCount(len(rows))
        self.table.setHorizontalHeaderLabels([_wrapped(p.label) for p in chosen])
        self.table.setVerticalHeaderLabels([row.label for row in rows])
        bold = QFont(self.table.font())
        bold.setBold(True)
        for r, row in enumerate(rows):
            for c, text in enumerate(row.cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if c in row.best:
                    item.setBackground(QBrush(BEST_TINT))
                    item.setFont(bold)
                if row.kind == "total":
                    item.setFont(bold)
                if row.kind == "warning" and text.startswith(("Below", "Different")):
                    item.setBackground(QBrush(WARNING_TINT))
                self.table.setItem(r, c, item)
        self.table.resizeRowsToContents()


def _wrapped(label: str) -> str:
    return label.replace(" — ", "\n", 1)


def _number(name: str, value: float, low: float, high: float, step: float) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setAccessibleName(name)
    box.setRange(low, high)
    box.setSingleStep(step)
    box.setDecimals(1)
    box.setValue(value)
    return box


def _whole(name: str, value: int, low: int, high: int) -> QSpinBox:
    box = QSpinBox()
    box.setAccessibleName(name)
    box.setRange(low, high)
    box.setValue(value)
    return box
