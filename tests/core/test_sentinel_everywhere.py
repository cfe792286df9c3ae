"""Proof 2 extended: a sentinel in every free-text column of every record (and so in the
full-text index) never appears in any file on disk, while open and after lock."""

from __future__ import annotations

import tempfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import String, Text
from support import files_containing

from jobjournal.core.records.journal import Journal
from jobjournal.core.records.validation import _CHOICES, _CHOICES_BY_TABLE
from jobjournal.core.storage import models as m

SENTINEL = "SENTINEL-b41f9e"


def free_text(model: type[m.Base]) -> dict[str, str]:
    """Every free-text column of `model`, filled with the sentinel (within its length)."""
    table: Any = model.__table__
    filled = {}
    for column in table.columns:
        if not isinstance(column.type, (String, Text)) or column.primary_key:
            continue
        name = column.name
        if name in _CHOICES or (table.name, name) in _CHOICES_BY_TABLE or "currency" in name:
            continue
        if table.name == "applications" and name == "status":
            continue
        if name.endswith(("_fold", "_order")):
            continue  # keys the journal derives from a name (see core/records/folding.py)
        limit = getattr(column.type, "length", None) or 1000
        filled[name] = f"{SENTINEL} {name} {SENTINEL}"[:limit]
    return filled


def fill_every_text(journal: Journal) -> int:
    company = journal.add(m.Company, **free_text(m.Company)).new_id
    contact = journal.add(m.Contact, company_id=company, **free_text(m.Contact)).new_id
    app = journal.add_application(
        company_id=company,
        contact_ids=[contact],
        **free_text(m.Application),
        **free_text(m.ApplicationText),
    )
    interview = journal.add(
        m.Interview,
        application_id=app.new_id,
        starts_at=datetime(2026, 1, 1, 9),
        **free_text(m.Interview),
    ).new_id
    journal.add_question(interview, **free_text(m.InterviewQuestion))
    offer = journal.add(
        m.Offer, application_id=app.new_id, received_on=date(2026, 1, 2), **free_text(m.Offer)
    ).new_id
    journal.add(
        m.NegotiationRound,
        offer_id=offer,
        number=1,
        asked_on=date(2026, 1, 3),
        **free_text(m.NegotiationRound),
    )
    request = journal.add(
        m.FeedbackRequest,
        application_id=app.new_id,
        asked_on=date(2026, 1, 4),
        **free_text(m.FeedbackRequest),
    ).new_id
    journal.add(m.ActionItem, feedback_request_id=request, **free_text(m.ActionItem))
    journal.add(m.Letter, application_id=app.new_id, kind="withdraw", **free_text(m.Letter))
    journal.add(m.PerfectOfferItem, profile_id=1, **free_text(m.PerfectOfferItem))
    journal.update_profile(**free_text(m.Profile))
    _fill_the_network(journal, company, contact, app.new_id)
    return app.new_id


def _fill_the_network(journal: Journal, company: int, contact: int, application: int) -> None:
    """Every text of the network (issue 26): conversations, a target and its opening, an
    introduction and its letter, a requirement."""
    journal.add(
        m.Conversation, contact_id=contact, held_on=date(2026, 1, 5), **free_text(m.Conversation)
    )
    target = journal.add(m.Target, company_id=company, **free_text(m.Target)).new_id
    opening = journal.add(m.Opening, target_id=target, **free_text(m.Opening)).new_id
    introduction = journal.add(
        m.Introduction,
        connector_id=contact,
        target_id=target,
        asked_on=date(2026, 1, 6),
        **free_text(m.Introduction),
    ).new_id
    journal.add(
        m.Letter, introduction_id=introduction, kind="introduction_request", **free_text(m.Letter)
    )
    journal.add(m.Requirement, opening_id=opening, **free_text(m.Requirement))
    journal.add(m.Requirement, application_id=application, **free_text(m.Requirement))


def test_sentinel_in_every_text_field_and_fts_never_reaches_disk(
    journal: Journal, jobjournal_home: Path
) -> None:
    from support import PASSPHRASE

    from jobjournal.core.sync import merge as sync

    fill_every_text(journal)
    assert len(journal.search(SENTINEL, limit=100)) >= 10  # it is in the FTS index
    journal.vault.backup()
    # Syncing through a folder: the exchange files carry every field, encrypted.
    (jobjournal_home / "Sync").mkdir()
    sync.enable(journal, jobjournal_home / "Sync", PASSPHRASE, "laptop")
    assert sync.write_own(journal) is not None
    roots = [jobjournal_home, Path(tempfile.gettempdir()) / "jobjournal"]
    assert Path(f"{journal.path}-wal").stat().st_size > 0
    for root in roots:
        assert files_containing(root, SENTINEL) == []
    journal.lock()
    for root in roots:
        assert files_containing(root, SENTINEL) == []
