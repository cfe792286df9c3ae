"""Everything a script can do to a journal, in one style: `operation(journal, …)`.

Operations that change the journal return `Changes` (data: what was added, changed and
removed, `.id` for the record made, `.undo` to take it back with `undo(journal, …)`,
whose result's `.undo` redoes it). Readers return records, rows or counts. Words for a
person are the window's to make; a refusal is a `JournalError` whose message is one.
Records come out as read-only copies from `plain` (`get(journal, plain.Offer, id)`): frozen,
holding what they relate to, never reaching back into the file.

    from jobjournal.core import api

    journal = api.create("/tmp/search.db", "a long passphrase")
    added = api.add_application(journal, company="Acme", job_title="Analyst")
    api.set_status(journal, added.new_id, api.Status.APPLIED)
    api.undo(journal, added.undo)

The journal's own methods (`journal.add_application(…)`) are the same operations; this
module lists them beside those of each feature, so a script needs one import.
"""

from __future__ import annotations

from jobjournal.core.documents.letters import record, reopen, with_text, write
from jobjournal.core.documents.transfer import export_csv, export_json, import_json
from jobjournal.core.errors import InvalidInput, JournalError
from jobjournal.core.insight.insights import insights
from jobjournal.core.records import plain
from jobjournal.core.records.changes import Changes
from jobjournal.core.records.journal import Journal, StatusMove
from jobjournal.core.storage.models import Status
from jobjournal.core.storage.vault import create, unlock
from jobjournal.core.work.due import due_items
from jobjournal.core.work.feedback import lessons, reject, save_feedback, set_done
from jobjournal.core.work.interviews import (
    add_interview,
    question_asked,
    question_bank,
    review,
    save_reflection,
    update_meeting,
)
from jobjournal.core.work.offers import accept, end_others, others_to_end, record_offer, save_round
from jobjournal.core.work.packages import save_current_job, save_profile
from jobjournal.core.work.prep import prepare

write_letter = write  # drafted from what the journal knows; `record` keeps it

# The journal's own operations, as functions of the journal.
add = Journal.add
update = Journal.update
delete = Journal.delete
get = Journal.get
all_of = Journal.all
deletion_impact = Journal.deletion_impact
add_application = Journal.add_application
update_application = Journal.update_application
records_of = Journal.records_of
find_or_add_company = Journal.find_or_add_company
set_status = Journal.set_status
set_statuses = Journal.set_statuses
change_status_date = Journal.change_status_date
undo_last_status_change = Journal.undo_last_status_change
status_history = Journal.status_history
timeline = Journal.timeline
add_question = Journal.add_question
set_people_met = Journal.set_people_met
profile = Journal.profile
update_profile = Journal.update_profile
list_applications = Journal.list_applications
status_counts = Journal.status_counts
search = Journal.search
undo = Journal.undo
lock = Journal.lock

__all__ = [
    "Changes",
    "InvalidInput",
    "Journal",
    "JournalError",
    "Status",
    "StatusMove",
    "accept",
    "add",
    "add_application",
    "add_interview",
    "add_question",
    "all_of",
    "change_status_date",
    "create",
    "delete",
    "deletion_impact",
    "due_items",
    "end_others",
    "export_csv",
    "export_json",
    "find_or_add_company",
    "get",
    "import_json",
    "insights",
    "lessons",
    "list_applications",
    "lock",
    "others_to_end",
    "plain",
    "prepare",
    "profile",
    "question_asked",
    "question_bank",
    "record",
    "record_offer",
    "records_of",
    "reject",
    "reopen",
    "review",
    "save_current_job",
    "save_feedback",
    "save_profile",
    "save_reflection",
    "save_round",
    "search",
    "set_done",
    "set_people_met",
    "set_status",
    "set_statuses",
    "status_counts",
    "status_history",
    "timeline",
    "undo",
    "undo_last_status_change",
    "unlock",
    "update",
    "update_application",
    "update_meeting",
    "update_profile",
    "with_text",
    "write_letter",
]
