"""review_open and question_bank_open (the interviews issue), on a journal of 1,000
interviews with 10 questions each, built for the run.

review_open: from opening the review to its first screen painted, against a bare
QTextBrowser painting the same first page's HTML (the cost of reading and laying out).
question_bank_open: from opening the question bank to its list and first answers painted,
against raw sqlcipher3 fetching the same 10,000 question rows.
"""

from __future__ import annotations

import random
import tempfile
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import keyring
import sqlcipher3.dbapi2 as sqlcipher

from benchmarks.common import BenchKeyring, Figure, median_ms
from jobjournal.core.records.journal import Journal
from jobjournal.core.storage import vault
from jobjournal.core.storage.crypto import derive_key, read_salt
from jobjournal.core.storage.models import Status
from jobjournal.core.work import interviews as iv

INTERVIEWS = 1_000
QUESTIONS_EACH = 10
REPEAT = 9
PASSPHRASE = "benchmark passphrase"
_STEMS = [
    "tell me about yourself",
    "why do you want to work here",
    "describe a time you disagreed with a stakeholder",
    "walk me through your background",
    "what is your greatest weakness",
    "how would you measure the success of a launch",
    "how do you prioritise competing requests",
    "describe a project that failed",
    "what would you do in your first ninety days",
    "how do you explain a result to a non-technical audience",
]
_TOPICS = ["pricing", "churn", "onboarding", "search", "checkout", "retention", "forecasting"]


def _wording(rng: random.Random) -> str:
    """Real variety: a stem, a topic, and the ways people rephrase the same question."""
    stem = rng.choice(_STEMS)
    if rng.random() < 0.6:
        stem = f"{stem} on {rng.choice(_TOPICS)} number {rng.randint(1, 120)}"
    prefix = rng.choice(["", "", "can you ", "could you please "])
    return (prefix + stem).capitalize() + rng.choice(["?", ".", ""])


def _build(folder: Path) -> Path:
    keyring.set_keyring(BenchKeyring())
    path = folder / "interviews.db"
    journal = vault.create(path, PASSPHRASE)
    rng = random.Random(6)
    company_ids = [journal.find_or_add_company(f"Company {n}").new_id for n in range(50)]
    applications = [
        journal.add_application(
            company_id=rng.choice(company_ids), job_title=f"Analyst {n}", status=Status.INTERVIEWING
        ).new_id
        for n in range(200)
    ]
    with journal.session() as session:
        connection = session.connection()
        interviews, questions = [], []
        start = datetime(2025, 1, 1, 9)
        for number in range(1, INTERVIEWS + 1):
            reflection = " ".join(rng.choice(_TOPICS) for _ in range(40))
            interviews.append(
                (
                    number,
                    rng.choice(applications),
                    start + timedelta(hours=7 * number),
                    reflection,
                    rng.randint(1, 5),
                )
            )
            for position in range(QUESTIONS_EACH):
                questions.append(
                    (
                        number,
                        position,
                        _wording(rng),
                        "An answer " * 12,
                        "Next time " * 6,
                        rng.randint(1, 5),
                    )
                )
        connection.exec_driver_sql(
            "INSERT INTO interviews (id, application_id, starts_at, reflection, overall_rating, "
            "round, place, went_well, to_improve, promised_to_send) "
            "VALUES (?, ?, ?, ?, ?, 'technical', '', 'Clear examples', 'Slow down', '')",
            interviews,
        )
        connection.exec_driver_sql(
            "INSERT INTO interview_questions (interview_id, position, question, my_answer, "
            "next_time, rating, direction) VALUES (?, ?, ?, ?, ?, ?, 'asked_me')",
            questions,
        )
    journal.lock()
    return path


def _raw(path: Path) -> Any:
    connection = sqlcipher.connect(str(path))
    key = derive_key(PASSPHRASE, read_salt(path))
    connection.execute(f"PRAGMA key = {key.pragma_literal()}")
    return connection


def _painted(app: Any, widget: Any) -> None:
    widget.show()
    app.processEvents()
    widget.repaint()


def review_open() -> Figure:
    from PySide6.QtWidgets import QApplication, QTextBrowser, QWidget

    from jobjournal.ui.interviews.review_windows import PAGE, ReviewDialog, _review_entry

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        path = _build(Path(folder))
        journal = vault.unlock(path, PASSPHRASE)
        parent = QWidget()
        try:
            page_html = "".join(_review_entry(e) for e in iv.review(journal, limit=PAGE))

            def ours() -> None:
                dialog = ReviewDialog(parent, journal)
                _painted(app, dialog)
                dialog.close()
                dialog.deleteLater()

            def bare() -> None:
                browser = QTextBrowser()
                browser.resize(900, 800)
                browser.setHtml(page_html)
                _painted(app, browser)
                browser.close()

            ours()  # warm: imports, fonts, caches
            bare()
            ours_ms, bare_ms = median_ms(ours, REPEAT), median_ms(bare, REPEAT)
        finally:
            journal.lock()
    return Figure("review_open", ours_ms, "bare_qtextbrowser_same_page", bare_ms, "<= 150 ms")


def question_bank_open() -> Figure:
    from PySide6.QtWidgets import QApplication, QWidget

    from jobjournal.core.work.interviews import _BANK_SQL
    from jobjournal.ui.interviews.review_windows import QuestionBankDialog

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        path = _build(Path(folder))
        journal: Journal = vault.unlock(path, PASSPHRASE)
        connection = _raw(path)
        parent = QWidget()
        try:

            def ours() -> None:
                dialog = QuestionBankDialog(parent, journal)
                _painted(app, dialog)
                dialog.close()
                dialog.deleteLater()

            def raw() -> None:
                connection.execute(_BANK_SQL).fetchall()

            ours()  # warm: imports, fonts, the first query's plan
            raw()
            # Cold: the wordings' keys are cached once read; a person opens it fresh.
            ours_ms = median_ms(ours, REPEAT, setup=iv.question_key.cache_clear)
            raw_ms = median_ms(raw, REPEAT)
        finally:
            journal.lock()
            connection.close()
    return Figure("question_bank_open", ours_ms, "raw_sqlcipher3_same_rows", raw_ms, "<= 300 ms")
