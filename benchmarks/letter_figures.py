"""letter_export (the letters issue): read the facts, draft a letter and export it as .docx,
against python-docx alone writing a document of the same paragraphs in the same run."""

from __future__ import annotations

import tempfile
from functools import partial
from pathlib import Path

import keyring
from docx import Document

from benchmarks.common import BenchKeyring, Figure, median_ms
from jobjournal.core.documents import docx_letter, letters
from jobjournal.core.records.journal import Journal
from jobjournal.core.storage import vault
from jobjournal.core.storage.models import ApplicationLetterKind
from jobjournal.core.work.demo import fill_demo

REPEAT = 40
COMPANY = "Northwind Analytics"  # negotiating: the counteroffer is the longest letter
KIND: ApplicationLetterKind = "counteroffer"


def _demo_journal(folder: Path) -> Journal:
    keyring.set_keyring(BenchKeyring())
    journal = vault.create(folder / "bench.db", "benchmark passphrase")
    fill_demo(journal)
    return journal


def _draft_and_export(journal: Journal, application_id: int, folder: Path) -> Path:
    facts = letters.gather(journal, application_id)
    letter = letters.draft(KIND, facts, letters.Options(), application_id)
    return docx_letter.export(letter, folder, replace=True)


def _bare_document(letter: letters.Draft, path: Path) -> None:
    """The same words as plain paragraphs: what python-docx itself costs."""
    document = Document()
    for line in [
        letter.sender_name,
        *letter.sender_lines,
        letter.day.isoformat(),
        *letter.recipient_lines,
        letter.subject,
        letter.salutation,
        *letter.paragraphs(),
        letter.closing,
        letter.signature,
    ]:
        document.add_paragraph(line)
    document.save(str(path))


def letter_export() -> Figure:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        journal = _demo_journal(folder)
        try:
            application_id = next(r.id for r in journal.list_applications() if r.company == COMPANY)
            letter = letters.draft(KIND, letters.gather(journal, application_id))
            ours = partial(_draft_and_export, journal, application_id, folder)
            bare = partial(_bare_document, letter, folder / "bare.docx")
            ours(), bare()  # warm: imports, templates, caches
            ours_ms = median_ms(ours, REPEAT)
            bare_ms = median_ms(bare, REPEAT)
        finally:
            journal.lock()
    return Figure("letter_export", ours_ms, "bare_python_docx", bare_ms, "<= 60 ms, ~2x")
