"""A generated journal of 100,000 applications with ~2 KB notes each, plus interviews.

Built once through the real encrypted engine (the FTS triggers index every text) and
cached in .bench-cache/, because building it takes a minute or two.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from pathlib import Path

from jobjournal.core.records.folding import fold, order_key
from jobjournal.core.records.journal import Journal
from jobjournal.core.storage import vault
from jobjournal.core.storage.models import Status

PASSPHRASE = "benchmark passphrase"
APPLICATIONS = 100_000
COMPANIES = 5_000
VERSION = 2  # bump when the generator or the schema changes
CACHE = Path(__file__).resolve().parent.parent / ".bench-cache"

_SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ter",
    "sun",
    "dra",
    "vel",
    "po",
    "nix",
    "ar",
    "quen",
    "bri",
    "so",
    "tal",
    "ure",
    "men",
    "fo",
    "gri",
    "ve",
    "dan",
    "lin",
    "cor",
    "ish",
    "pe",
]


def vocabulary(rng: random.Random, size: int = 5_000) -> list[str]:
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choices(_SYLLABLES, k=rng.randint(2, 4))))
    return sorted(words, key=lambda w: (len(w), w))


def query_words() -> tuple[str, str]:
    """Two words of middling frequency (ranks 300 and 600 of the Zipf vocabulary)."""
    words = vocabulary(random.Random(VERSION))
    return words[300], words[600]


def _sentences(rng: random.Random, words: list[str], count: int) -> list[str]:
    weights = [1 / (rank + 1) for rank in range(len(words))]
    return [
        " ".join(rng.choices(words, weights, k=rng.randint(12, 24))).capitalize() + "."
        for _ in range(count)
    ]


def path() -> Path:
    return CACHE / f"big-v{VERSION}.db"


def open_big_journal() -> Journal:
    if not path().exists():
        build(path())
    return vault.unlock(path(), PASSPHRASE)


def build(target: Path) -> None:
    CACHE.mkdir(exist_ok=True)
    partial = target.with_suffix(".building")
    for leftover in CACHE.glob(partial.name + "*"):
        leftover.unlink()
    journal = vault.create(partial, PASSPHRASE)
    rng = random.Random(VERSION)
    sentences = _sentences(rng, vocabulary(random.Random(VERSION)), 4_000)
    with journal.session() as session:
        connection = session.connection()
        names = [
            (i, f"Company {i:05d} {rng.choice(sentences).split()[0]}")
            for i in range(1, COMPANIES + 1)
        ]
        connection.exec_driver_sql(
            "INSERT INTO companies (id, name, website, location, notes, name_fold, name_order) "
            "VALUES (?, ?, '', '', '', ?, ?)",
            [(i, name, fold(name), order_key(name)) for i, name in names],
        )
        _applications(connection, rng, sentences)
        _interviews(connection, rng, sentences)
    journal.lock()
    partial.rename(target)


def _applications(connection: object, rng: random.Random, sentences: list[str]) -> None:
    titles = [
        "Data Analyst",
        "Senior Data Analyst",
        "Analytics Engineer",
        "Product Analyst",
        "BI Developer",
        "Data Scientist",
        "Operations Analyst",
        "Research Analyst",
    ]
    statuses = [s.value for s in Status]
    start = datetime(2024, 1, 1)
    apps, texts = [], []
    for i in range(1, APPLICATIONS + 1):
        when = start + timedelta(minutes=rng.randint(0, 1_000_000))
        applied = (when - timedelta(days=rng.randint(0, 30))).date()
        apps.append(
            (
                i,
                rng.randint(1, COMPANIES),
                rng.choice(titles),
                rng.choice(statuses),
                applied,
                rng.choice(["", "Follow up", "Prepare"]),
                applied + timedelta(days=rng.randint(1, 20)),
                when,
                when,
            )
        )
        texts.append((i, " ".join(rng.choices(sentences, k=14)), ""))
    connection.exec_driver_sql(  # type: ignore[attr-defined]
        "INSERT INTO applications (id, company_id, job_title, status, applied_on, next_action, "
        "next_action_on, status_changed_at, created_at, location, posting_url, salary_currency, "
        "salary_period, title_fold, title_order) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '', '', '', 'year', ?, ?)",
        [(*app, fold(app[2]), order_key(app[2])) for app in apps],
    )
    connection.exec_driver_sql(  # type: ignore[attr-defined]
        "INSERT INTO application_texts (application_id, notes, job_description) VALUES (?, ?, ?)",
        texts,
    )


def _interviews(connection: object, rng: random.Random, sentences: list[str]) -> None:
    interviews, questions = [], []
    for i in range(1, APPLICATIONS // 4 + 1):
        interviews.append(
            (
                i,
                rng.randint(1, APPLICATIONS),
                " ".join(rng.choices(sentences, k=3)),
                datetime(2025, 1, 1) + timedelta(hours=i),
            )
        )
        for position in range(2):
            questions.append((i, position, rng.choice(sentences), rng.choice(sentences)))
    connection.exec_driver_sql(  # type: ignore[attr-defined]
        "INSERT INTO interviews (id, application_id, reflection, starts_at, round, place, "
        "went_well, to_improve, promised_to_send) VALUES (?, ?, ?, ?, 'technical', '', '', '', '')",
        interviews,
    )
    connection.exec_driver_sql(  # type: ignore[attr-defined]
        "INSERT INTO interview_questions (interview_id, position, question, my_answer, next_time, "
        "direction) VALUES (?, ?, ?, ?, '', 'asked_me')",
        questions,
    )
