"""The pipeline: how many applications are in each status, each a filter to click."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem

from jobjournal.core.records.transitions import ACTIVE as IN_PROGRESS
from jobjournal.core.storage.models import Status
from jobjournal.ui.shared.theme import STATUS_COLOURS, status_dot

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
ALL, ACTIVE = "all", "active"


class PipelineList(QListWidget):
    """ "All", "In progress" and one row per status; Ctrl+click picks several statuses."""

    chosen = Signal()

    def __init__(self) -> None:
        super().__init__()

        self.setAccessibleName("Pipeline")
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSpacing(2)
        self._labels: dict[str, str] = {ALL: "All applications", ACTIVE: "In progress"}
        self._labels.update({status.value: status.label for status in Status})
        for key in self._labels:
            item = QListWidgetItem(self._labels[key])
            item.setData(KEY_ROLE, key)
            if key in STATUS_COLOURS:
                item.setIcon(status_dot(key))
            self.addItem(item)
        self.item(0).setSelected(True)
        self.itemSelectionChanged.connect(self._on_selection)

    def statuses(self) -> frozenset[Status]:
        """The statuses chosen; empty means every status."""

        keys = {item.data(KEY_ROLE) for item in self.selectedItems()}
        if not keys or ALL in keys:
            return frozenset()
        chosen = {Status(key) for key in keys if key != ACTIVE}
        if ACTIVE in keys:
            chosen |= IN_PROGRESS - {Status.NO_RESPONSE}
        return frozenset(chosen)

    def show_counts(self, counts: dict[Status, int]) -> None:

        totals = {status.value: n for status, n in counts.items()}
        totals[ALL] = sum(counts.values())
        totals[ACTIVE] = sum(
            n for s, n in counts.items() if s in IN_PROGRESS - {Status.NO_RESPONSE}
        )
        for row in range(self.count()):
            item = self.item(row)
            key = item.data(KEY_ROLE)
            item.setText(f"{self._labels[key]}  ({totals.get(key, 0):,})")

    def choose_all(self) -> None:
        self.blockSignals(True)
        self.clearSelection()
        self.item(0).setSelected(True)
        self.blockSignals(False)

    def _on_selection(self) -> None:
        selected = self.selectedItems()
        if len(selected) > 1 and self.item(0).isSelected():
            self.item(0).setSelected(False)  # picking a status narrows "All"
            return  # the deselection calls us again
        if not selected:
            self.item(0).setSelected(True)
            return
        self.chosen.emit()
