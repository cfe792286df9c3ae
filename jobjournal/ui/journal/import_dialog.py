"""Importing applications from a CSV file: choose which column fills which field (common
trackers' columns are already chosen), see every row as it will be imported or why it
is skipped, then import them all in one go."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jobjournal.core.documents import csv_import
from jobjournal.core.errors import JournalError
from jobjournal.core.records import dates
from jobjournal.core.records.progress import Progress
from jobjournal.ui.shared.basics import fit_on_screen, labelled_row, message_label, show_message
from jobjournal.ui.shared.dialogs import ActionDialog, dialog_buttons
from jobjournal.ui.shared.fields import NOT_SET, ChoiceBox
from jobjournal.ui.shared.work import run_with_progress

if TYPE_CHECKING:
    from pathlib import Path

    from jobjournal.core.records.journal import Journal

PREVIEW_ROWS = 200  # the first rows shown; the summary counts them all
_PREVIEW_COLUMNS = ("Line", "Company", "Job title", "Becomes", "Applied on", "Note")


class ImportDialog(ActionDialog):
    """Opened with the file read and planned (`read_and_plan`, off the GUI thread); a new
    choice of columns plans again, and the import itself runs, with progress and Stop."""

    ask_before_discarding = False  # choices only: nothing typed to lose

    def __init__(
        self,
        parent: QWidget,
        journal: Journal,
        sheet: csv_import.Sheet,
        first: csv_import.Plan | JournalError,
    ) -> None:
        super().__init__(parent)
        self.journal = journal
        self.sheet = sheet
        self.plan: csv_import.Plan | None = None
        self.report: csv_import.Report | None = None
        self.setWindowTitle(f"Import applications from {sheet.name}")
        self.setAccessibleName("Import applications")
        self.columns = self._mapping_boxes(csv_import.guess_mapping(sheet.headers))
        self.preview = QTableWidget(0, len(_PREVIEW_COLUMNS))
        self.preview.setTabKeyNavigation(False)  # Tab leaves it; the arrows go cell by cell
        self.preview.setAccessibleName("Import preview")
        self.preview.setHorizontalHeaderLabels(_PREVIEW_COLUMNS)
        self.preview.horizontalHeader().setStretchLastSection(True)
        self.preview.horizontalHeader().setAccessibleName("Preview columns")
        self.preview.verticalHeader().hide()
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.only_skipped = QCheckBox("Show only the rows that will be &skipped")
        self.only_skipped.setAccessibleName("Only skipped rows")
        self.only_skipped.toggled.connect(lambda _on: self._fill_preview())
        self.summary = QLabel()
        self.summary.setAccessibleName("Import summary")
        self.summary.setWordWrap(True)
        self.message = message_label("Import message")
        self.buttons = dialog_buttons(self, "&Import", "Import")
        layout = QVBoxLayout(self)
        layout.addWidget(self._mapping_box())
        heading = QHBoxLayout()
        heading.addWidget(QLabel(f"<b>Preview</b> of {len(sheet.rows):,} rows in {sheet.name}"))
        heading.addStretch(1)
        heading.addWidget(self.only_skipped)
        layout.addLayout(heading)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.action = self._import
        fit_on_screen(self, 960, 760)
        self._show_plan(first)

    def _mapping_box(self) -> QGroupBox:
        """Two columns of choices, so the preview keeps its room on a laptop screen: what
        other trackers export on the left, the rest of jobjournal's own columns right."""
        box = QGroupBox("Which column holds what")
        columns = QHBoxLayout(box)
        names = list(self.columns)
        split = list(csv_import.TARGETS).index("status_changed_on")
        for part in (names[:split], names[split:]):
            form = QFormLayout()
            for name in part:
                target = csv_import.TARGETS[name]
                label = f"{target.label}{' (needed)' if target.required else ''}:"
                labelled_row(form, label, self.columns[name])
            columns.addLayout(form, 1)
        return box

    def _mapping_boxes(self, guessed: dict[str, int | None]) -> dict[str, QComboBox]:
        boxes: dict[str, QComboBox] = {}
        for name, target in csv_import.TARGETS.items():
            box = ChoiceBox()
            box.setAccessibleName(f"Column for {target.label.lower()}")
            box.addItem(NOT_SET, None)
            for index, header in enumerate(self.sheet.headers):
                box.addItem(header or f"(column {index + 1})", index)
            box.setCurrentIndex(
                box.findData(guessed.get(name)) if guessed.get(name) is not None else 0
            )
            box.currentIndexChanged.connect(lambda _i: self.replan())
            boxes[name] = box
        return boxes

    def mapping(self) -> dict[str, int | None]:
        return {name: box.currentData() for name, box in self.columns.items()}

    def replan(self) -> None:
        progress = Progress()
        mapping = self.mapping()
        try:
            planned: csv_import.Plan | JournalError = run_with_progress(
                self,
                "Checking the rows",
                lambda: csv_import.plan_import(
                    self.journal, self.sheet, mapping, progress=progress
                ),
                progress,
            )
        except JournalError as error:  # Cancelled too: the columns can be chosen again
            planned = error
        self._show_plan(planned)

    def _show_plan(self, planned: csv_import.Plan | JournalError) -> None:
        if isinstance(planned, JournalError):
            self.plan = None
            self.preview.setRowCount(0)
            self.summary.setText("")
            show_message(self.message, str(planned))
            self._ok_button().setEnabled(False)
            return
        self.plan = planned
        show_message(self.message, "")
        self._fill_preview()
        count = len(self.plan.to_import)
        self.summary.setText(_summary(self.plan))
        self._ok_button().setEnabled(count > 0)
        self._ok_button().setText(f"&Import {count:,} application{'s' if count != 1 else ''}")

    def _ok_button(self) -> QAbstractButton:
        return self.buttons.buttons()[0]

    def _fill_preview(self) -> None:
        if self.plan is None:
            return
        rows = self.plan.skipped if self.only_skipped.isChecked() else self.plan.rows
        shown = rows[:PREVIEW_ROWS]
        self.preview.setRowCount(len(shown))
        skipped = QBrush(QColor(200, 40, 40))
        for row_index, row in enumerate(shown):
            becomes = (
                "Skipped" if row.skipped else " → ".join(status.label for status in row.statuses)
            )
            cells = (
                str(row.line),
                row.company,
                row.job_title,
                becomes,
                dates.day_text(row.on),
                row.problem or row.note,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text if column == len(cells) - 1 else "")
                if row.skipped:
                    item.setForeground(skipped)
                self.preview.setItem(row_index, column, item)
        self.preview.resizeColumnsToContents()

    def _import(self) -> None:
        plan = self.plan
        if plan is None or not plan.to_import:
            raise csv_import.ImportRefused("Nothing to import: choose the columns first.")
        progress = Progress()
        self.report = run_with_progress(
            self, "Importing", lambda: csv_import.run_import(self.journal, plan, progress), progress
        )


def read_and_plan(
    path: Path, journal: Journal, progress: Progress
) -> tuple[csv_import.Sheet, csv_import.Plan | JournalError]:
    """The file read and planned with the columns guessed (off the GUI thread); a plan
    refused for want of a column comes back as its error, for the dialog to show."""
    sheet = csv_import.read_csv(path, progress)
    try:
        mapping = csv_import.guess_mapping(sheet.headers)
        return sheet, csv_import.plan_import(journal, sheet, mapping, progress=progress)
    except csv_import.ImportRefused as refused:
        return sheet, refused


def _summary(plan: csv_import.Plan) -> str:
    count, skipped = len(plan.to_import), len(plan.skipped)
    text = f"<b>{count:,} to import</b>, {skipped:,} skipped"
    duplicates = sum("already applied" in row.problem for row in plan.skipped)
    if duplicates:
        text += f" ({duplicates} you already have)"
    malformed = sum(row.malformed for row in plan.skipped)
    if malformed:
        text += (
            f". {malformed} row{'s are' if malformed != 1 else ' is'} broken in the file "
            "(see the note): correct the file and import it again to bring "
            f"{'them' if malformed != 1 else 'it'} in"
        )
    notes = " ".join(plan.notes)
    return f"{text}. {notes}".strip()
