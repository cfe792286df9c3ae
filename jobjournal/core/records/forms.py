"""The fields of each form, as the core knows them: which value an operation takes, the
words beside its input, and what kind of input it is. The kind, the choices and whether a
choice may be left unset come from the schema and its checks (`validation`), never from
the window; the window lays these lists out and reads values back by `Field.name`.

A label marks its access key with "&" ("&Base pay:"), the convention of every desktop
toolkit; `Field.words` is the label as a message names it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import Date, Integer, Text

from jobjournal.core.records import copying, validation
from jobjournal.core.storage import models as m

FieldKind = Literal["text", "long", "money", "whole", "date", "choice"]

EXCITEMENT = {1: "★ 1 — lukewarm", 2: "★★ 2", 3: "★★★ 3", 4: "★★★★ 4", 5: "★★★★★ 5 — dream job"}


@dataclass(frozen=True)
class Field:
    name: str  # the keyword the operation takes, and the record's attribute
    label: str
    kind: FieldKind
    hint: str = ""
    choices: Mapping[Any, str] | None = None
    optional: bool = True  # a choice that may be left "—"
    happened: bool = False  # a date of something done: never after today

    @property
    def words(self) -> str:
        """The label without its access key and colon: "Base pay"."""
        return self.label.replace("&", "").rstrip(":")


def field(
    record: type[Any],
    name: str,
    label: str,
    hint: str = "",
    *,
    one_line: bool = False,
    choices: Mapping[Any, str] | None = None,
) -> Field:
    """A field of `record` (a plain record's kind or its model); an unknown name is a bug
    and raises KeyError. `one_line`: a long text column edited on one line."""
    column = copying.model_of(record).__table__.c[name]
    choices = choices or validation.choices_for(column.table.name, name)
    kind = _kind(column, choices, one_line)
    happened = validation.happened(name)
    return Field(name, label, kind, hint, choices, column.nullable, happened)


def _kind(column: Any, choices: Mapping[Any, str] | None, one_line: bool) -> FieldKind:
    if choices is not None:
        return "choice"
    if isinstance(column.type, Date):
        return "date"
    if isinstance(column.type, Integer):
        return "money" if column.name.endswith("_cents") else "whole"
    if isinstance(column.type, Text) and not one_line:
        return "long"
    return "text"


def _package(record: type[m.Base]) -> tuple[Field, ...]:
    """What an offer and the current job share: pay, time off, where the work is, benefits."""
    return (
        field(record, "base_cents", "&Base pay:", "e.g. 98,000"),
        field(record, "currency", "C&urrency:", "USD, EUR, GBP…"),
        field(record, "period", "Pa&id:"),
        field(record, "bonus_percent", "Bonus (% of base):", "e.g. 10"),
        field(record, "bonus_cents", "Bonus (fixed):", "or a fixed amount a year"),
        field(record, "pto_days", "Paid &time off (days):"),
        field(record, "work_model", "&Work model:"),
        field(record, "commute_minutes", "Co&mmute (minutes each way):"),
        field(record, "commute_cost_cents", "Commute cost (round trip):", "e.g. 5.50"),
        field(record, "health_start", "&Health cover starts:", "e.g. first day"),
        field(record, "retirement_match", "&Retirement match:", "e.g. 4% match"),
        field(record, "benefits_value_cents", "Benefits' value a ye&ar:", "if you know it"),
        field(record, "other_perks", "&Other perks:"),
    )


_OFFER_PACKAGE = _package(m.Offer)

# An offer's terms, in the order the form shows them. OFFER_PAY is its left column: the
# offer itself and its pay, down to the equity's cliff.
OFFER_PAY = (
    field(m.Offer, "kind", "&Kind:"),
    field(m.Offer, "received_on", "R&eceived on:"),
    field(m.Offer, "respond_by", "Respond b&y:"),
    *_OFFER_PACKAGE[:5],
    field(m.Offer, "sign_on_cents", "Si&gn-on bonus:"),
    field(m.Offer, "equity", "E&quity:", "as stated, e.g. 2,000 RSUs", one_line=True),
    field(m.Offer, "equity_value_cents", "Equity grant's va&lue:", "the whole grant"),
    field(m.Offer, "vesting_years", "&Vesting (years):", "e.g. 4"),
    field(m.Offer, "vesting_cliff_months", "Cli&ff (months):", "e.g. 12"),
)
OFFER = (
    *OFFER_PAY,
    *_OFFER_PACKAGE[5:12],
    field(m.Offer, "start_on", "Start &date:"),
    field(m.Offer, "relocation_cents", "Relo&cation:"),
    field(m.Offer, "learning_stipend_cents", "Learning sti&pend:", "a year"),
    _OFFER_PACKAGE[12],
    field(m.Offer, "notes", "My &notes:", "Only for you"),
)

PROFILE_ABOUT = (
    field(m.Profile, "name", "&Name:", "As you sign letters"),
    field(m.Profile, "email", "&Email:"),
    field(m.Profile, "phone", "&Phone:"),
    field(m.Profile, "address", "&Address:", "Printed at the top of letters"),
    field(m.Profile, "signature", "&Signature:", "Under the closing; your name if empty"),
    field(m.Profile, "money_style", "Amo&unts written as:"),
    field(m.Profile, "date_style", "&Dates in letters:"),
)
PROFILE_TARGETS = (
    field(m.Profile, "currency", "C&urrency:", "USD, EUR, GBP…"),
    field(m.Profile, "period", "Sa&laries are:"),
    field(m.Profile, "target_min_cents", "Target from:", "the low end of a good offer"),
    field(m.Profile, "target_max_cents", "Target &to:", "the high end"),
    field(m.Profile, "walk_away_cents", "&Walk away below:", "the least you would accept"),
)
CURRENT_JOB = (
    field(m.CurrentJob, "employer", "&Employer:"),
    field(m.CurrentJob, "job_title", "&Job title:"),
    *_package(m.CurrentJob),
    field(m.CurrentJob, "equity_per_year_cents", "E&quity a year:", "what vests each year"),
)

# An application's own fields (its company is typed as a name: see `Journal.add_application`;
# its long texts live beside it, in `ApplicationText`).
APPLICATION = (
    field(m.Application, "job_title", "&Job title:", "The role, as the posting names it"),
    field(m.Application, "location", "&Location:", "City, or Remote"),
    field(m.Application, "work_model", "&Work model:"),
    field(m.Application, "source", "So&urce:"),
    field(m.Application, "posting_url", "Posting lin&k:", "https://…"),
    field(m.Application, "posted_min_cents", "Posted salary from", "e.g. 85,000"),
    field(m.Application, "posted_max_cents", "Posted salary to", "e.g. 95,000"),
    field(m.Application, "salary_currency", "Currency", "USD"),
    field(m.Application, "salary_period", "Salary period"),
    field(m.Application, "expected_cents", "E&xpected salary:", "what I will ask for"),
    field(m.Application, "applied_on", "&Applied on:"),
    field(m.Application, "next_action", "&Next action:", "e.g. follow up with the recruiter"),
    field(m.Application, "next_action_on", "Next action &on:"),
    field(m.Application, "priority", "Exc&itement:", choices=EXCITEMENT),
    field(
        m.ApplicationText, "notes", "No&tes:", "Anything worth remembering about this application"
    ),
    field(m.ApplicationText, "job_description", "Job &description:", "Paste the posting here"),
)

# -- the network (issue 26) -----------------------------------------------------------------

# What introductions say of me, and my skills (a tab of the profile).
PROFILE_NETWORK = (
    field(
        m.Profile,
        "headline",
        "&Who I am:",
        "e.g. a data engineer with eight years in payments",
        one_line=True,
    ),
    field(
        m.Profile,
        "looking_for",
        "What I am &looking for:",
        "e.g. a senior data role on a platform team",
        one_line=True,
    ),
    field(
        m.Profile,
        "skills",
        "My &skills:",
        "One per line; after a colon, how you can show it:\n"
        "Python: eight years, led the billing rewrite",
    ),
)
# A contact's own fields (the organisation is typed as a name: see `network.save_contact`).
CONTACT = (
    field(m.Contact, "name", "&Name:"),
    field(m.Contact, "title", "&Role:", "e.g. Head of Data"),
    field(m.Contact, "relation", "How I &know them:"),
    field(m.Contact, "how_we_met", "&Where we met:", "e.g. worked together at Acme", one_line=True),
    field(m.Contact, "email", "&Email:"),
    field(m.Contact, "phone", "&Phone:"),
    field(m.Contact, "profile_url", "Profile l&ink:", "https://…"),
    field(m.Contact, "last_contacted_on", "&Last contact:"),
    field(m.Contact, "follow_up_on", "Next &follow-up:"),
    field(m.Contact, "notes", "No&tes:"),
)
CONVERSATION = (
    field(m.Conversation, "held_on", "&On:"),
    field(m.Conversation, "channel", "&How:"),
    field(m.Conversation, "note", "&What we said:", "What you talked about, what you promised"),
    field(m.Contact, "follow_up_on", "Next &follow-up:"),
)
# A target organisation's own fields (its organisation is typed as a name).
TARGET = (
    field(m.Target, "status", "&Status:"),
    field(m.Target, "why", "&Why this organisation:", "In your words: letters quote it"),
    field(m.Target, "notes", "No&tes:"),
)
OPENING = (
    field(m.Opening, "job_title", "&Job title:"),
    field(m.Opening, "url", "&Link:", "https://…"),
    field(m.Opening, "seen_on", "Seen o&n:"),
    field(m.Opening, "description", "The &posting:", "Paste the posting: requirements are read"),
)
INTRODUCTION = (
    field(m.Introduction, "to_name", "&Introduce me to:", "their name"),
    field(m.Introduction, "to_role", "Their &role:", "e.g. Head of Data"),
    field(m.Introduction, "asked_on", "&Asked on:"),
    field(m.Introduction, "channel", "&How I asked:"),
    field(m.Introduction, "notes", "No&tes:"),
)
