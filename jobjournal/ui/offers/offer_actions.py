"""What the main window does with offers: record one, negotiate in rounds, compare them,
accept one (ending the others, with their letters), decline, and the profile that holds
my targets. Kept apart so the main window stays about applications."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QMessageBox

from jobjournal.core.records import plain
from jobjournal.core.storage.models import Status
from jobjournal.core.work import offers, packages
from jobjournal.ui.applications.window_actions import WindowActions
from jobjournal.ui.letters.letter_dialog import LetterDialog
from jobjournal.ui.offers.compare_dialog import CompareDialog
from jobjournal.ui.offers.offer_dialogs import AcceptDialog, OfferDialog, RoundDialog
from jobjournal.ui.offers.profile_dialog import ProfileDialog

if TYPE_CHECKING:
    from jobjournal.core.records.journal import Journal
    from jobjournal.core.records.search import HitKind


class OfferActions(WindowActions):
    def run(self, action: str, ref_id: int) -> None:
        """A link on the Offer tab asked for this (`ref_id` is a round's id for
        "edit_round", an offer's otherwise)."""
        handlers = {
            "edit_offer": self.edit_offer,
            "round": self.new_round,
            "edit_round": self.edit_round,
            "counteroffer": self.write_counteroffer,
            "compare": self.compare,
            "accept": self.accept,
            "decline": self.decline,
        }
        handlers[action](ref_id)

    def record_offer(self) -> None:
        window = self.window
        application_id = window.detail.application_id
        if application_id is None or not window.leave_details():
            return
        dialog = OfferDialog(window, self.journal, application_id)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.offer_id is not None:
            self._show(application_id, "offer", dialog.offer_id)

    def edit_offer(self, offer_id: int) -> None:
        offer = self.journal.get(plain.Offer, offer_id)
        dialog = OfferDialog(self.window, self.journal, offer.application_id, offer_id)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._show(offer.application_id, "offer", offer_id)

    def new_round(self, offer_id: int) -> None:
        """Another round of asking; past the second, only once the person has read why
        that is usually unwise and still wants to."""
        offer = self.journal.get(plain.Offer, offer_id)
        warning = offers.next_round_warning(offer)
        if warning is not None and not self._still_wants(warning):
            return
        self._run_round(RoundDialog(self.window, self.journal, offer_id, past_advice=True))

    def edit_round(self, round_id: int) -> None:
        offer_id = self.journal.get(plain.NegotiationRound, round_id).offer_id
        self._run_round(RoundDialog(self.window, self.journal, offer_id, round_id))

    def _run_round(self, dialog: RoundDialog) -> None:
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.round_id is not None:
            application_id = self.journal.get(plain.Offer, dialog.offer_id).application_id
            self._show(application_id, "negotiation", dialog.round_id)

    def _still_wants(self, warning: offers.TooManyRounds) -> bool:
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(f"Start round {warning.number}?")
        box.setText(str(warning))
        box.setAccessibleName("Too many rounds")
        start = box.addButton(f"Start round {warning.number}", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is start

    def write_counteroffer(self, offer_id: int) -> None:
        self._select_offer_application(offer_id)
        self.window.write_letter("counteroffer")

    def compare(self, offer_id: int | None = None) -> None:
        if not packages.offer_choices(self.journal):
            self.window.statusBar().showMessage("No offer recorded yet: nothing to compare.", 6000)
            return
        CompareDialog(self.window, self.journal, offer_id).exec()

    def decline(self, offer_id: int) -> None:
        self._select_offer_application(offer_id)
        self.window.change_status(Status.DECLINED)

    def accept(self, offer_id: int) -> None:
        application_id = self._select_offer_application(offer_id)
        if application_id is not None:
            self.after_accepting(application_id, already_accepted=False)

    def after_accepting(
        self, application_id: int, *, already_accepted: bool, acceptance_letter: bool = True
    ) -> None:
        """Accept (or, after the status dialog, only end the others), then the letters:
        the acceptance, one to each application ended, and the resignation."""
        window = self.window
        has_job = packages.current_job(self.journal) is not None
        dialog = AcceptDialog(
            window,
            self.journal,
            application_id,
            already_accepted=already_accepted,
            has_current_job=has_job,
        )
        dialog.action = lambda: self._accept(dialog, application_id, already_accepted)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            if already_accepted and acceptance_letter:  # accepted all the same: say so
                window.write_letter("accept_offer")
            return
        if acceptance_letter:
            window.write_letter("accept_offer")
        if dialog.letters.isChecked() and any(e.letter_kind for e in dialog.chosen):
            self._letter(
                LetterDialog(
                    window, self.journal, application_id, "withdraw_others", endings=dialog.chosen
                )
            )
        if dialog.resignation.isChecked():
            self._letter(LetterDialog(window, self.journal, None, "resignation"))

    def _accept(self, dialog: AcceptDialog, application_id: int, already_accepted: bool) -> None:
        """The acceptance and the endings ticked, one operation: one Ctrl+Z takes it all
        back, in one transaction as it was made."""
        dialog.chosen = dialog.chosen_endings()
        ended = [ending.application_id for ending in dialog.chosen]
        if already_accepted:
            self.window.runner.run(
                "End the other applications",
                lambda: offers.end_others(self.journal, application_id, ended),
                focus=application_id,
            )
        else:
            self.window.runner.run(
                "Accept offer",
                lambda: offers.accept(self.journal, application_id, ended),
                focus=application_id,
            )

    def _letter(self, dialog: LetterDialog) -> None:
        dialog.exec()
        if dialog.changed and not self.journal.is_locked:
            self.window.refresh(select=self.window.detail.application_id)

    def open_profile(self) -> None:
        if not self.window.leave_details():
            return
        if ProfileDialog(self.window, self.journal).exec() == QDialog.DialogCode.Accepted:
            self.window.refresh(select=self.window.detail.application_id)
            self.window.statusBar().showMessage("Profile and targets saved.", 4000)

    def _select_offer_application(self, offer_id: int) -> int | None:
        application_id = self.journal.get(plain.Offer, offer_id).application_id
        if self.window.detail.application_id != application_id:
            if not self.window.leave_details():
                return None
            self.window.show_all_if_hidden(application_id)
        return application_id

    def _show(self, application_id: int, kind: HitKind, ref_id: int) -> None:
        self.window.refresh(select=application_id)
        self.window.detail.show_hit(kind, ref_id)


def offer_verdicts(journal: Journal, shown: list[plain.Offer]) -> dict[int, packages.Verdict]:
    """How each offer shown measures up to my targets (the profile is read only when there
    is an offer to measure)."""
    if not shown:
        return {}
    profile = journal.profile()
    assumptions = packages.Assumptions()
    return {
        offer.id: packages.measure(packages.package_of_offer(offer, "", ""), profile, assumptions)
        for offer in shown
    }
