"""What the main window does with the network: the Contacts and Target organisations
windows, an introduction, my skills against a posting; the Targets list beside the
pipeline; and the Due items and search hits that belong to the network."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from jobjournal.core.records import plain
from jobjournal.core.work import network
from jobjournal.ui.applications.window_actions import WindowActions
from jobjournal.ui.network.contacts_window import ContactsWindow
from jobjournal.ui.network.introduction_dialog import IntroductionDialog
from jobjournal.ui.network.skills_dialog import SkillsDialog
from jobjournal.ui.network.targets_window import TargetsWindow, target_line

if TYPE_CHECKING:
    from jobjournal.core.records.changes import Changes
    from jobjournal.core.records.search import SearchHit
    from jobjournal.core.work.due import DueItem

# What the Targets list reads: a change to any of these redraws it.
TARGET_TABLES = ("targets", "openings", "contacts", "introductions", "companies")
NETWORK_HITS = ("contact", "conversation", "target", "opening", "introduction")


class TargetsPanel(QListWidget):
    """The target organisations beside the pipeline, furthest along first."""

    opened = Signal(object)  # the target's id; None: "add one"

    def __init__(self) -> None:
        super().__init__()
        self.setAccessibleName("Target organisations")
        self.setToolTip("Organisations you want to work for: Enter opens one")
        self.setWordWrap(True)
        # A glance beside the pipeline, not a third list as tall as the others.
        self.setMaximumHeight(self.fontMetrics().lineSpacing() * 5 + 12)
        self.itemActivated.connect(
            lambda item: self.opened.emit(item.data(Qt.ItemDataRole.UserRole))
        )

    def show_rows(self, rows: list[network.TargetRow]) -> None:
        self.clear()
        for row in rows:
            item = QListWidgetItem(target_line(row))
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.addItem(item)
        if not rows:
            self.addItem("None yet: press Enter to add the organisations you want to join.")


class NetworkActions(WindowActions):
    def open_contacts(self, select: int | None = None) -> None:
        ContactsWindow(self.window, self.journal, self.window.runner, select).exec()

    def open_targets(self, select: int | None = None) -> None:
        dialog = TargetsWindow(self.window, self.journal, self.window.runner, select)
        dialog.application_opened.connect(self._show_application)
        dialog.exec()

    def ask_introduction(self) -> None:
        IntroductionDialog(self.window, self.journal, self.window.runner).exec()

    def open_introduction(self, introduction_id: int) -> None:
        dialog = IntroductionDialog(
            self.window, self.journal, self.window.runner, introduction_id=introduction_id
        )
        dialog.exec()

    def open_skills(self) -> None:
        """My skills against the selected application's posting."""
        application_id = self.window.detail.application_id
        if application_id is None or not self.window.leave_details():
            return
        application = self.journal.get(plain.Application, application_id)
        title = f"{application.job_title}, {application.company.name}"
        SkillsDialog(
            self.window,
            self.journal,
            self.window.runner,
            application_id=application_id,
            title=title,
        ).exec()

    def refresh_targets(self) -> None:
        self.window.targets.show_rows(network.target_rows(self.journal))

    def after(self, changes: Changes) -> None:
        if any(changes.touches(table) for table in TARGET_TABLES):
            self.refresh_targets()

    def open_due(self, due: DueItem) -> bool:
        """Open where a network item of the Due list is done; False: not the network's."""
        if due.introduction_id is not None:
            self.open_introduction(due.introduction_id)
            return True
        if due.contact_id is not None:
            self.open_contacts(due.contact_id)
            return True
        return False

    def open_hit(self, hit: SearchHit) -> bool:
        """Open a search hit that lives in the network; False: not the network's."""
        if hit.kind not in NETWORK_HITS or (hit.kind == "opening" and hit.application_id):
            return False
        if hit.kind == "contact":
            self.open_contacts(hit.ref_id)
        elif hit.kind == "conversation":
            self.open_contacts(self.journal.get(plain.Conversation, hit.ref_id).contact_id)
        elif hit.kind == "introduction":
            self.open_introduction(hit.ref_id)
        elif hit.kind == "target":
            self.open_targets(hit.ref_id)
        else:
            self.open_targets(self.journal.get(plain.Opening, hit.ref_id).target_id)
        return True

    def _show_application(self, application_id: int) -> None:
        self.window.refresh(select=application_id)
        self.window.show_all_if_hidden(application_id)
