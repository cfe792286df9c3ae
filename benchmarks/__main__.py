"""`python -m benchmarks [FIGURE]`: print one line per figure, ratio to its baseline."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable

# The figures open windows and save what a person would (the view, backup places): in a
# folder of their own, never the person's settings. Set before the app's modules load.
os.environ["JOBJOURNAL_HOME"] = tempfile.mkdtemp(prefix="jobjournal-bench-home-")

from benchmarks import (
    backup_figures,
    bundle_figures,
    edit_figures,
    input_figures,
    interview_figures,
    journal_figures,
    letter_figures,
    network_figures,
    sync_figures,
    vault_figures,
    window_figures,
)
from benchmarks.common import Figure

FIGURES: dict[str, Callable[[], Figure]] = {
    "unlock_remembered": vault_figures.unlock_remembered,
    "unlock_passphrase": vault_figures.unlock_passphrase,
    "list_first_page": journal_figures.list_first_page,
    "list_filter": journal_figures.list_filter,
    "search_top20": journal_figures.search_top20,
    "startup_first_paint": window_figures.startup_first_paint,
    "table_sort_repaint": window_figures.table_sort_repaint,
    "board_open": window_figures.board_open,
    "letter_export": letter_figures.letter_export,
    "review_open": interview_figures.review_open,
    "question_bank_open": interview_figures.question_bank_open,
    "bundle_mb": bundle_figures.bundle_mb,
    "bundle_tgz_mb": bundle_figures.bundle_tgz_mb,
    "bundle_start": bundle_figures.bundle_start,
    "unlock_to_table_100k": backup_figures.unlock_to_table_100k,
    "backup_100k": backup_figures.backup_100k,
    "backup_100k_stall": backup_figures.backup_100k_stall,
    "csv_import_rate": input_figures.csv_import_rate,
    "note_show_5mb": input_figures.note_show_5mb,
    "save_edit_redraw": edit_figures.save_edit_redraw,
    "undo_redraw": edit_figures.undo_redraw,
    "list_filter_broad": edit_figures.list_filter_broad,
    "question_bank_open_100k": edit_figures.question_bank_open_100k,
    "contacts_open": network_figures.contacts_open,
    "sync_write": sync_figures.sync_write,
    "sync_merge_1k": sync_figures.sync_merge_1k,
}


def main(argv: list[str]) -> int:
    wanted = [name for name in argv if name] or list(FIGURES)
    unknown = [name for name in wanted if name not in FIGURES]
    if unknown:
        print(f"unknown figure(s): {', '.join(unknown)}; known: {', '.join(FIGURES)}")
        return 2
    for name in wanted:
        print(FIGURES[name]().line(), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
