"""Numbered schema migrations. Version N is reached by running 1..N in order.

A migration is a list of SQL statements, frozen once released: never edit one that has
shipped, add the next number instead. `PRAGMA user_version` holds the version reached,
`PRAGMA application_id` marks the file as a jobjournal journal.

Version 1 is the whole domain model of `models.py` (a test keeps them identical) plus
`search_index`, an FTS5 table that triggers keep in step with every long text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from jobjournal.core.records import folding

if TYPE_CHECKING:
    from jobjournal.core.records.search import HitKind

APPLICATION_ID = 0x4A4A524E  # "JJRN"

# Each searchable kind of record gets a code; its index row is rowid = id * 16 + code, so
# a trigger finds and replaces it by rowid instead of scanning the index.
SEARCH_KINDS = {
    "application": 1,
    "interview": 2,
    "question": 3,
    "feedback": 4,
    "letter": 5,
    "company": 6,
    "contact": 7,
    "offer": 8,
    "negotiation": 9,
    "action": 10,
    "argument": 11,
    "target": 12,
    "opening": 13,
    "introduction": 14,
    "conversation": 15,
}
SEARCH_ROWID_FACTOR = 16


def _joined(*columns: str, row: str = "NEW") -> str:
    """SQL joining a row's text columns with newlines, skipping empty ones."""
    parts = " || char(10) || ".join(f"coalesce({row}.{c}, '')" for c in columns)
    return f"trim({parts}, char(10))"


def _search_reindex(table: str, kind: HitKind, application: str, *columns: str) -> list[str]:
    """Index a kind's existing rows again, after its triggers changed what they index."""
    code = SEARCH_KINDS[kind]
    body = _joined(*columns, row="row")
    return [
        f"DELETE FROM search_index WHERE kind = '{kind}'",
        f"INSERT INTO search_index (rowid, body, kind, ref_id, application_id) "
        f"SELECT row.id * {SEARCH_ROWID_FACTOR} + {code}, {body}, '{kind}', row.id, "
        f"{application} FROM {table} AS row WHERE {body} != ''",
    ]


def _search_triggers(table: str, kind: HitKind, application: str, *columns: str) -> list[str]:
    code = SEARCH_KINDS[kind]
    rowid = f"{{row}}.id * {SEARCH_ROWID_FACTOR} + {code}"
    insert = (
        f"INSERT INTO search_index (rowid, body, kind, ref_id, application_id) "
        f"SELECT {rowid.format(row='NEW')}, {_joined(*columns)}, '{kind}', NEW.id, {application} "
        f"WHERE {_joined(*columns)} != '';"
    )
    delete = f"DELETE FROM search_index WHERE rowid = {rowid.format(row='OLD')};"
    name = f"search_{table}"
    return [
        f"CREATE TRIGGER {name}_ai AFTER INSERT ON {table} BEGIN {insert} END",
        f"CREATE TRIGGER {name}_ad AFTER DELETE ON {table} BEGIN {delete} END",
        f"CREATE TRIGGER {name}_au AFTER UPDATE ON {table} BEGIN {delete} {insert} END",
    ]


# Pipeline order of the statuses (models.Status), for sorting the list by status.
_STATUS_ORDER = [
    "saved",
    "applied",
    "screening",
    "interviewing",
    "offer",
    "negotiating",
    "accepted",
    "declined",
    "withdrawn",
    "rejected",
    "no_response",
]
STATUS_RANK_SQL = (
    "CASE status "
    + " ".join(f"WHEN '{status}' THEN {rank}" for rank, status in enumerate(_STATUS_ORDER))
    + " END"
)

_APPLICATION_OF_INTERVIEW = "(SELECT application_id FROM interviews WHERE id = NEW.interview_id)"

_V1_TABLES = [
    """CREATE TABLE companies (
        id INTEGER NOT NULL,
        name VARCHAR(200) NOT NULL,
        website VARCHAR(500) NOT NULL,
        location VARCHAR(200) NOT NULL,
        notes TEXT NOT NULL,
        apply_again_after DATE,
        PRIMARY KEY (id)
)""",
    "CREATE INDEX ix_companies_name ON companies (name COLLATE NOCASE)",
    """CREATE TABLE journal_info (
        "key" TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY ("key")
)""",
    """CREATE TABLE profile (
        id INTEGER NOT NULL,
        name VARCHAR(200) NOT NULL,
        email VARCHAR(320) NOT NULL,
        phone VARCHAR(50) NOT NULL,
        address TEXT NOT NULL,
        signature TEXT NOT NULL,
        target_min_cents INTEGER,
        target_max_cents INTEGER,
        walk_away_cents INTEGER,
        currency VARCHAR(3) NOT NULL,
        period VARCHAR(10) NOT NULL,
        PRIMARY KEY (id)
)""",
    """CREATE TABLE applications (
        id INTEGER NOT NULL,
        company_id INTEGER NOT NULL,
        job_title VARCHAR(200) NOT NULL,
        location VARCHAR(200) NOT NULL,
        work_model VARCHAR(20),
        source VARCHAR(30),
        posting_url VARCHAR(2000) NOT NULL,
        posted_min_cents INTEGER,
        posted_max_cents INTEGER,
        salary_currency VARCHAR(3) NOT NULL,
        salary_period VARCHAR(10) NOT NULL,
        expected_cents INTEGER,
        applied_on DATE,
        next_action VARCHAR(500) NOT NULL,
        next_action_on DATE,
        priority INTEGER,
        status VARCHAR(20) NOT NULL,
        status_changed_at DATETIME NOT NULL,
        created_at DATETIME NOT NULL,
        PRIMARY KEY (id),
        FOREIGN KEY(company_id) REFERENCES companies (id) ON DELETE SET NULL
)""",
    "CREATE INDEX ix_applications_applied_on ON applications (applied_on)",
    "CREATE INDEX ix_applications_company_id ON applications (company_id)",
    "CREATE INDEX ix_applications_job_title ON applications (job_title COLLATE NOCASE)",
    "CREATE INDEX ix_applications_next_action_on ON applications (next_action_on)",
    "CREATE INDEX ix_applications_status ON applications (status)",
    "CREATE INDEX ix_applications_status_changed_at ON applications (status_changed_at)",
    """CREATE TABLE contacts (
        id INTEGER NOT NULL,
        name VARCHAR(200) NOT NULL,
        title VARCHAR(200) NOT NULL,
        company_id INTEGER,
        email VARCHAR(320) NOT NULL,
        phone VARCHAR(50) NOT NULL,
        how_we_met TEXT NOT NULL,
        relation VARCHAR(30) NOT NULL,
        notes TEXT NOT NULL,
        last_contacted_on DATE,
        PRIMARY KEY (id),
        FOREIGN KEY(company_id) REFERENCES companies (id) ON DELETE SET NULL
)""",
    "CREATE INDEX ix_contacts_company_id ON contacts (company_id)",
    "CREATE INDEX ix_contacts_name ON contacts (name COLLATE NOCASE)",
    """CREATE TABLE perfect_offer_items (
        id INTEGER NOT NULL,
        profile_id INTEGER NOT NULL,
        position INTEGER NOT NULL,
        item VARCHAR(200) NOT NULL,
        wanted VARCHAR(500) NOT NULL,
        PRIMARY KEY (id),
        FOREIGN KEY(profile_id) REFERENCES profile (id) ON DELETE CASCADE
)""",
    "CREATE INDEX ix_perfect_offer_items_profile_id ON perfect_offer_items (profile_id)",
    """CREATE TABLE application_contacts (
        application_id INTEGER NOT NULL,
        contact_id INTEGER NOT NULL,
        PRIMARY KEY (application_id, contact_id),
        FOREIGN KEY(application_id) REFERENCES applications (id) ON DELETE CASCADE,
        FOREIGN KEY(contact_id) REFERENCES contacts (id) ON DELETE CASCADE
)""",
    "CREATE INDEX ix_application_contacts_contact_id ON application_contacts (contact_id)",
    """CREATE TABLE application_texts (
        application_id INTEGER NOT NULL,
        notes TEXT NOT NULL,
        job_description TEXT NOT NULL,
        PRIMARY KEY (application_id),
        FOREIGN KEY(application_id) REFERENCES applications (id) ON DELETE CASCADE
)""",
    """CREATE TABLE feedback_requests (
        id INTEGER NOT NULL,
        application_id INTEGER NOT NULL,
        asked_on DATE NOT NULL,
        contact_id INTEGER,
        channel VARCHAR(20) NOT NULL,
        answered_on DATE,
        feedback TEXT NOT NULL,
        lessons TEXT NOT NULL,
        PRIMARY KEY (id),
        FOREIGN KEY(application_id) REFERENCES applications (id) ON DELETE CASCADE,
        FOREIGN KEY(contact_id) REFERENCES contacts (id) ON DELETE SET NULL
)""",
    "CREATE INDEX ix_feedback_requests_application_id ON feedback_requests (application_id)",
    "CREATE INDEX ix_feedback_requests_contact_id ON feedback_requests (contact_id)",
    """CREATE TABLE interviews (
        id INTEGER NOT NULL,
        application_id INTEGER NOT NULL,
        round VARCHAR(30) NOT NULL,
        starts_at DATETIME,
        duration_minutes INTEGER,
        format VARCHAR(20),
        place VARCHAR(2000) NOT NULL,
        overall_rating INTEGER,
        reflection TEXT NOT NULL,
        went_well TEXT NOT NULL,
        to_improve TEXT NOT NULL,
        promised_to_send TEXT NOT NULL,
        thank_you_sent_on DATE,
        expected_decision_on DATE,
        PRIMARY KEY (id),
        FOREIGN KEY(application_id) REFERENCES applications (id) ON DELETE CASCADE
)""",
    "CREATE INDEX ix_interviews_application_id ON interviews (application_id)",
    "CREATE INDEX ix_interviews_starts_at ON interviews (starts_at)",
    """CREATE TABLE letters (
        id INTEGER NOT NULL,
        application_id INTEGER,
        kind VARCHAR(30) NOT NULL,
        created_at DATETIME NOT NULL,
        recipient VARCHAR(500) NOT NULL,
        subject VARCHAR(500) NOT NULL,
        body TEXT NOT NULL,
        exported_to VARCHAR(4000) NOT NULL,
        PRIMARY KEY (id),
        FOREIGN KEY(application_id) REFERENCES applications (id) ON DELETE CASCADE
)""",
    "CREATE INDEX ix_letters_application_id ON letters (application_id)",
    """CREATE TABLE offers (
        id INTEGER NOT NULL,
        application_id INTEGER NOT NULL,
        kind VARCHAR(10) NOT NULL,
        received_on DATE NOT NULL,
        respond_by DATE,
        base_cents INTEGER,
        currency VARCHAR(3) NOT NULL,
        period VARCHAR(10) NOT NULL,
        bonus_cents INTEGER,
        bonus_percent INTEGER,
        sign_on_cents INTEGER,
        equity TEXT NOT NULL,
        equity_value_cents INTEGER,
        vesting_years INTEGER,
        vesting_cliff_months INTEGER,
        pto_days INTEGER,
        health_start VARCHAR(200) NOT NULL,
        retirement_match VARCHAR(200) NOT NULL,
        work_model VARCHAR(20),
        start_on DATE,
        relocation_cents INTEGER,
        learning_stipend_cents INTEGER,
        other_perks TEXT NOT NULL,
        notes TEXT NOT NULL,
        PRIMARY KEY (id),
        FOREIGN KEY(application_id) REFERENCES applications (id) ON DELETE CASCADE
)""",
    "CREATE INDEX ix_offers_application_id ON offers (application_id)",
    """CREATE TABLE status_changes (
        id INTEGER NOT NULL,
        application_id INTEGER NOT NULL,
        from_status VARCHAR(20),
        to_status VARCHAR(20) NOT NULL,
        changed_on DATE NOT NULL,
        recorded_at DATETIME NOT NULL,
        ended_by VARCHAR(10),
        reason_code VARCHAR(30),
        reason_text TEXT NOT NULL,
        PRIMARY KEY (id),
        FOREIGN KEY(application_id) REFERENCES applications (id) ON DELETE CASCADE
)""",
    "CREATE INDEX ix_status_changes_application_id ON status_changes (application_id)",
    """CREATE TABLE action_items (
        id INTEGER NOT NULL,
        feedback_request_id INTEGER NOT NULL,
        position INTEGER NOT NULL,
        text TEXT NOT NULL,
        done BOOLEAN NOT NULL,
        PRIMARY KEY (id),
        FOREIGN KEY(feedback_request_id) REFERENCES feedback_requests (id) ON DELETE CASCADE
)""",
    "CREATE INDEX ix_action_items_feedback_request_id ON action_items (feedback_request_id)",
    """CREATE TABLE interview_contacts (
        interview_id INTEGER NOT NULL,
        contact_id INTEGER NOT NULL,
        PRIMARY KEY (interview_id, contact_id),
        FOREIGN KEY(interview_id) REFERENCES interviews (id) ON DELETE CASCADE,
        FOREIGN KEY(contact_id) REFERENCES contacts (id) ON DELETE CASCADE
)""",
    "CREATE INDEX ix_interview_contacts_contact_id ON interview_contacts (contact_id)",
    """CREATE TABLE interview_questions (
        id INTEGER NOT NULL,
        interview_id INTEGER NOT NULL,
        position INTEGER NOT NULL,
        direction VARCHAR(10) NOT NULL,
        question TEXT NOT NULL,
        my_answer TEXT NOT NULL,
        next_time TEXT NOT NULL,
        rating INTEGER,
        PRIMARY KEY (id),
        FOREIGN KEY(interview_id) REFERENCES interviews (id) ON DELETE CASCADE
)""",
    "CREATE INDEX ix_interview_questions_interview_id ON interview_questions (interview_id)",
    """CREATE TABLE negotiation_rounds (
        id INTEGER NOT NULL,
        offer_id INTEGER NOT NULL,
        number INTEGER NOT NULL,
        asked_on DATE NOT NULL,
        asked_base_cents INTEGER,
        asked_other TEXT NOT NULL,
        arguments TEXT NOT NULL,
        answered_on DATE,
        answer TEXT NOT NULL,
        answered_base_cents INTEGER,
        PRIMARY KEY (id),
        FOREIGN KEY(offer_id) REFERENCES offers (id) ON DELETE CASCADE
)""",
    "CREATE INDEX ix_negotiation_rounds_offer_id ON negotiation_rounds (offer_id)",
]

_V1_SEARCH = [
    f"CREATE INDEX ix_applications_status_rank ON applications ({STATUS_RANK_SQL})",
    """CREATE VIRTUAL TABLE search_index USING fts5(
        body, kind UNINDEXED, ref_id UNINDEXED, application_id UNINDEXED,
        tokenize = 'unicode61 remove_diacritics 2'
    )""",
    # application_texts has no id of its own: its key is the application's id.
    *[
        s.replace("NEW.id", "NEW.application_id").replace("OLD.id", "OLD.application_id")
        for s in _search_triggers(
            "application_texts", "application", "NEW.application_id", "notes", "job_description"
        )
    ],
    *_search_triggers(
        "interviews",
        "interview",
        "NEW.application_id",
        "reflection",
        "went_well",
        "to_improve",
        "promised_to_send",
    ),
    *_search_triggers(
        "interview_questions",
        "question",
        _APPLICATION_OF_INTERVIEW,
        "question",
        "my_answer",
        "next_time",
    ),
    *_search_triggers("feedback_requests", "feedback", "NEW.application_id", "feedback", "lessons"),
    *_search_triggers("letters", "letter", "NEW.application_id", "subject", "body"),
    *_search_triggers("companies", "company", "NULL", "notes"),
    *_search_triggers("contacts", "contact", "NULL", "how_we_met", "notes"),
    *_search_triggers("offers", "offer", "NEW.application_id", "equity", "other_perks", "notes"),
    *_search_triggers(
        "negotiation_rounds",
        "negotiation",
        "(SELECT application_id FROM offers WHERE id = NEW.offer_id)",
        "asked_other",
        "arguments",
        "answer",
    ),
    *_search_triggers(
        "action_items",
        "action",
        "(SELECT application_id FROM feedback_requests WHERE id = NEW.feedback_request_id)",
        "text",
    ),
    "INSERT INTO profile (id, name, email, phone, address, signature, currency, period) "
    "VALUES (1, '', '', '', '', '', '', 'year')",
]

# Version 2 (issue 7, offers): commute and benefits on offers, arguments of a negotiation
# round as records of their own, and the current job as the baseline of comparisons.
_V2 = [
    "ALTER TABLE offers ADD COLUMN commute_minutes INTEGER",
    "ALTER TABLE offers ADD COLUMN commute_cost_cents INTEGER",
    "ALTER TABLE offers ADD COLUMN benefits_value_cents INTEGER",
    """CREATE TABLE negotiation_arguments (
        id INTEGER NOT NULL,
        round_id INTEGER NOT NULL,
        position INTEGER NOT NULL,
        kind VARCHAR(20) NOT NULL,
        detail TEXT NOT NULL,
        source VARCHAR(500) NOT NULL,
        PRIMARY KEY (id),
        FOREIGN KEY(round_id) REFERENCES negotiation_rounds (id) ON DELETE CASCADE
)""",
    "CREATE INDEX ix_negotiation_arguments_round_id ON negotiation_arguments (round_id)",
    *_search_triggers(
        "negotiation_arguments",
        "argument",
        "(SELECT offers.application_id FROM offers JOIN negotiation_rounds "
        "ON negotiation_rounds.offer_id = offers.id WHERE negotiation_rounds.id = NEW.round_id)",
        "detail",
        "source",
    ),
    """CREATE TABLE current_job (
        id INTEGER NOT NULL,
        employer VARCHAR(200) NOT NULL,
        job_title VARCHAR(200) NOT NULL,
        base_cents INTEGER,
        currency VARCHAR(3) NOT NULL,
        period VARCHAR(10) NOT NULL,
        bonus_cents INTEGER,
        bonus_percent INTEGER,
        equity_per_year_cents INTEGER,
        pto_days INTEGER,
        benefits_value_cents INTEGER,
        health_start VARCHAR(200) NOT NULL,
        retirement_match VARCHAR(200) NOT NULL,
        work_model VARCHAR(20),
        commute_minutes INTEGER,
        commute_cost_cents INTEGER,
        other_perks TEXT NOT NULL,
        PRIMARY KEY (id)
)""",
]

# Version 3: names compared and ordered by Unicode (see `folding`). The keys are filled
# by Python functions the vault registers on the migrating connection.
_V3 = [
    "ALTER TABLE companies ADD COLUMN name_fold TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE companies ADD COLUMN name_order TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE applications ADD COLUMN title_fold TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE applications ADD COLUMN title_order TEXT NOT NULL DEFAULT ''",
    "UPDATE companies SET name_fold = jj_fold(name), name_order = jj_order_key(name)",
    "UPDATE applications SET title_fold = jj_fold(job_title), "
    "title_order = jj_order_key(job_title)",
    "CREATE INDEX ix_companies_name_fold ON companies (name_fold)",
    "CREATE INDEX ix_companies_name_order ON companies (name_order, name)",
    "CREATE INDEX ix_applications_title_fold ON applications (title_fold)",
    "CREATE INDEX ix_applications_title_order ON applications (title_order)",
    # Blank dates after every date when sorting up (listing.BLANK_LAST).
    "CREATE INDEX ix_applications_applied_on_blank_last "
    "ON applications ((applied_on IS NULL), applied_on)",
    "CREATE INDEX ix_applications_next_action_on_blank_last "
    "ON applications ((next_action_on IS NULL), next_action_on)",
]

# How letters write amounts and dates, chosen in the profile ("" lets the app decide).
_V4 = [
    "ALTER TABLE profile ADD COLUMN money_style VARCHAR(10) NOT NULL DEFAULT ''",
    "ALTER TABLE profile ADD COLUMN date_style VARCHAR(12) NOT NULL DEFAULT ''",
]

# The Due list, the pipeline's counts under a text filter (listing.status_counts) and the
# question bank each read an index of their own.
_V5 = [
    "CREATE INDEX ix_interviews_expected_decision_on ON interviews (expected_decision_on)",
    "CREATE INDEX ix_applications_company_status_title "
    "ON applications (company_id, status, title_fold)",
    # A question of the bank opened: its times asked, found by their wordings.
    "CREATE INDEX ix_interview_questions_question ON interview_questions (question)",
]


# Version 6 (issue 26, the network): contacts as records of their own (a profile link,
# the next follow-up, name keys for the Contacts window, conversations), target
# organisations with the openings seen there, introductions and their letters, the
# requirements read from a posting, and what introductions say of me in the profile.
_CONTACT_NAME_KEYS = "name_fold = jj_fold(name), name_order = jj_order_key(name)"
_CONTACT_TEXTS = ("name", "title", "how_we_met", "notes")
_V6 = [
    "ALTER TABLE contacts ADD COLUMN profile_url VARCHAR(2000) NOT NULL DEFAULT ''",
    "ALTER TABLE contacts ADD COLUMN follow_up_on DATE",
    "ALTER TABLE contacts ADD COLUMN name_fold TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE contacts ADD COLUMN name_order TEXT NOT NULL DEFAULT ''",
    f"UPDATE contacts SET {_CONTACT_NAME_KEYS}",
    "CREATE INDEX ix_contacts_last_contacted ON contacts (last_contacted_on, name_order)",
    "CREATE INDEX ix_contacts_name_order ON contacts (name_order)",
    "CREATE INDEX ix_contacts_follow_up_on ON contacts (follow_up_on)",
    "ALTER TABLE profile ADD COLUMN headline TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE profile ADD COLUMN looking_for TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE profile ADD COLUMN skills TEXT NOT NULL DEFAULT ''",
    """CREATE TABLE conversations (
        id INTEGER NOT NULL,
        contact_id INTEGER NOT NULL,
        held_on DATE NOT NULL,
        channel VARCHAR(20),
        note TEXT NOT NULL,
        PRIMARY KEY (id),
        FOREIGN KEY(contact_id) REFERENCES contacts (id) ON DELETE CASCADE
)""",
    "CREATE INDEX ix_conversations_contact_id ON conversations (contact_id)",
    """CREATE TABLE targets (
        id INTEGER NOT NULL,
        company_id INTEGER NOT NULL,
        status VARCHAR(20) NOT NULL,
        why TEXT NOT NULL,
        notes TEXT NOT NULL,
        added_on DATE NOT NULL,
        application_id INTEGER,
        PRIMARY KEY (id),
        UNIQUE (company_id),
        FOREIGN KEY(company_id) REFERENCES companies (id) ON DELETE CASCADE,
        FOREIGN KEY(application_id) REFERENCES applications (id) ON DELETE SET NULL
)""",
    "CREATE INDEX ix_targets_application_id ON targets (application_id)",
    """CREATE TABLE openings (
        id INTEGER NOT NULL,
        target_id INTEGER NOT NULL,
        job_title VARCHAR(200) NOT NULL,
        url VARCHAR(2000) NOT NULL,
        seen_on DATE,
        description TEXT NOT NULL,
        PRIMARY KEY (id),
        FOREIGN KEY(target_id) REFERENCES targets (id) ON DELETE CASCADE
)""",
    "CREATE INDEX ix_openings_target_id ON openings (target_id)",
    """CREATE TABLE introductions (
        id INTEGER NOT NULL,
        connector_id INTEGER NOT NULL,
        target_id INTEGER NOT NULL,
        to_name VARCHAR(200) NOT NULL,
        to_role VARCHAR(200) NOT NULL,
        asked_on DATE NOT NULL,
        channel VARCHAR(20),
        state VARCHAR(10) NOT NULL,
        made_on DATE,
        to_contact_id INTEGER,
        followed_up_on DATE,
        thanked_on DATE,
        notes TEXT NOT NULL,
        PRIMARY KEY (id),
        FOREIGN KEY(connector_id) REFERENCES contacts (id) ON DELETE CASCADE,
        FOREIGN KEY(target_id) REFERENCES targets (id) ON DELETE CASCADE,
        FOREIGN KEY(to_contact_id) REFERENCES contacts (id) ON DELETE SET NULL
)""",
    "CREATE INDEX ix_introductions_connector_id ON introductions (connector_id)",
    "CREATE INDEX ix_introductions_target_id ON introductions (target_id)",
    "CREATE INDEX ix_introductions_to_contact_id ON introductions (to_contact_id)",
    """CREATE TABLE requirements (
        id INTEGER NOT NULL,
        application_id INTEGER,
        opening_id INTEGER,
        position INTEGER NOT NULL,
        text VARCHAR(500) NOT NULL,
        mark VARCHAR(10),
        PRIMARY KEY (id),
        FOREIGN KEY(application_id) REFERENCES applications (id) ON DELETE CASCADE,
        FOREIGN KEY(opening_id) REFERENCES openings (id) ON DELETE CASCADE
)""",
    "CREATE INDEX ix_requirements_application_id ON requirements (application_id)",
    "CREATE INDEX ix_requirements_opening_id ON requirements (opening_id)",
    "ALTER TABLE letters ADD COLUMN introduction_id INTEGER "
    "REFERENCES introductions (id) ON DELETE CASCADE",
    "CREATE INDEX ix_letters_introduction_id ON letters (introduction_id)",
    # A person is found by name too, not only by how we met and the notes.
    *[f"DROP TRIGGER search_contacts_{when}" for when in ("ai", "ad", "au")],
    *_search_triggers("contacts", "contact", "NULL", *_CONTACT_TEXTS),
    *_search_reindex("contacts", "contact", "NULL", *_CONTACT_TEXTS),
    *_search_triggers("targets", "target", "NEW.application_id", "why", "notes"),
    *_search_triggers(
        "openings",
        "opening",
        "(SELECT application_id FROM targets WHERE id = NEW.target_id)",
        "job_title",
        "description",
    ),
    *_search_triggers("introductions", "introduction", "NULL", "to_name", "to_role", "notes"),
    *_search_triggers("conversations", "conversation", "NULL", "note"),
]

MIGRATIONS: dict[int, list[str]] = {
    1: _V1_TABLES + _V1_SEARCH,
    2: _V2,
    3: _V3,
    4: _V4,
    5: _V5,
    6: _V6,
}
# The SQL functions the migrations call, registered on the connection that runs them.
FUNCTIONS = {"jj_fold": folding.fold, "jj_order_key": folding.order_key}
LATEST_VERSION = max(MIGRATIONS)

# Tables every journal has had since version 1: if one is missing the file lost data
# (for instance its -wal after a crash), however valid the rest looks.
CORE_TABLES = frozenset({"journal_info", "applications", "companies", "search_index"})


def statements_after(version: int) -> list[tuple[int, list[str]]]:
    """The migrations still to run on a journal at `version`, in order."""
    return [(number, MIGRATIONS[number]) for number in sorted(MIGRATIONS) if number > version]
