"""Every writing operation × every fault, checked from outside; docs/reliability.md from it.

Set JOBJOURNAL_WRITE_RELIABILITY=1 to rewrite docs/reliability.md; otherwise the test
fails when the committed table no longer says what the matrix found.
"""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from fault_matrix import (
    BACKUP_FAULTS,
    CSV_ROWS,
    KILLS,
    NEW_PASSPHRASE,
    OPERATIONS,
    SUMMARY,
    Templates,
    Trial,
    clean_run_seconds,
    faults_for,
    run_trial,
)
from sqlalchemy import text
from support import PASSPHRASE, PROJECT_DIR, keep_section

from jobjournal.core.documents import transfer
from jobjournal.core.storage import migrations, vault
from jobjournal.core.storage.crypto import derive_key, read_salt
from jobjournal.core.work import demo

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform != "linux", reason="SIGKILL, RLIMIT_FSIZE and tmpfs"),
]
RELIABILITY = PROJECT_DIR / "docs" / "reliability.md"


def _can_mount_tmpfs(folder: Path) -> bool:
    folder.mkdir()
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=16k", "tmpfs", str(folder)], capture_output=True
    )
    if made.returncode == 0:
        subprocess.run(["umount", str(folder)], check=True)
    return made.returncode == 0


def _templates(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Templates:
    folder.mkdir()
    journal = folder / "journal.db"
    opened = vault.create(journal, PASSPHRASE)
    company = opened.find_or_add_company("Acme").new_id
    opened.add_application(company_id=company, job_title="Analyst")
    opened.lock()

    full = vault.create(folder / "demo.db", PASSPHRASE)
    demo.fill_demo(full)
    exported = folder / "journal.json"
    exported.write_bytes(transfer.export_json(full))
    full.lock()
    vault.create(folder / "empty.db", PASSPHRASE).lock()

    restorable = vault.create(folder / "restorable.db", PASSPHRASE)
    company = restorable.find_or_add_company("Acme").new_id
    restorable.add_application(company_id=company, job_title="restored")
    with restorable.session() as session:  # big enough that copying it takes a while
        session.execute(
            text("INSERT INTO journal_info VALUES (:k, :v)"),
            [{"k": f"pad{n}", "v": os.urandom(1500).hex()} for n in range(3000)],
        )
    backup = restorable.vault.backup()
    restorable.lock()

    with monkeypatch.context() as old_app:
        old_app.setattr(migrations, "MIGRATIONS", {1: migrations.MIGRATIONS[1]})
        old_app.setattr(migrations, "LATEST_VERSION", 1)
        old = vault.create(folder / "old.db", PASSPHRASE)
        with old.session() as session:
            session.execute(text("INSERT INTO companies VALUES (1, 'Acme', '', '', '', NULL)"))
            session.execute(
                text(
                    "INSERT INTO applications (id, company_id, job_title, location, "
                    "posting_url, salary_currency, salary_period, next_action, status, "
                    "status_changed_at, created_at) VALUES (1, 1, 'Analyst', '', '', '', "
                    "'year', '', 'applied', '2026-11-01 09:00:00', '2026-11-01 09:00:00')"
                )
            )
        old.lock()

    csv = folder / "in.csv"
    csv.write_text(
        "Company,Job title,Status,Applied on\n"
        + "".join(f"Firm {n},Role {n},Applied,2026-10-{n % 28 + 1:02d}\n" for n in range(CSV_ROWS))
    )
    salt = read_salt(journal)
    keys = {p: derive_key(p, salt).pragma_literal() for p in (PASSPHRASE, NEW_PASSPHRASE)}
    # Every template is given the first one's salt, so one pair of keys fits them all.
    for other in (folder / "empty.db", folder / "old.db", backup):
        _resalt(other, journal)
    return Templates(
        folder, journal, folder / "empty.db", folder / "old.db", backup, csv, exported, keys
    )


def _resalt(path: Path, like: Path) -> None:
    """Re-encrypt `path` under `like`'s salt (a new SQLCipher file, same passphrase)."""
    import sqlcipher3.dbapi2 as sqlcipher

    key = derive_key(PASSPHRASE, read_salt(like))
    target = path.with_name(path.name + ".resalted")
    connection = sqlcipher.connect(str(path))
    connection.execute(f"PRAGMA key = {derive_key(PASSPHRASE, read_salt(path)).pragma_literal()}")
    connection.execute(f"ATTACH DATABASE ? AS resalted KEY {key.pragma_literal()}", (str(target),))
    connection.execute("SELECT sqlcipher_export('resalted')")
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    connection.execute(f"PRAGMA resalted.user_version = {version}")
    connection.execute(f"PRAGMA resalted.application_id = {migrations.APPLICATION_ID}")
    connection.execute("DETACH DATABASE resalted")
    connection.close()
    target.replace(path)


def test_every_writing_operation_under_every_fault(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not _can_mount_tmpfs(tmp_path / "probe"):
        pytest.skip("cannot mount a small tmpfs here (needs root on Linux)")
    templates = _templates(tmp_path / "templates", monkeypatch)
    trials = [Trial(op, fault) for op in OPERATIONS for fault in faults_for(op)]
    durations = {
        op: clean_run_seconds(templates, op, tmp_path / f"clean-{n}")
        for n, op in enumerate(OPERATIONS)
    }

    def run(numbered: tuple[int, Trial]) -> Trial:
        n, trial = numbered
        return run_trial(templates, trial, tmp_path / f"trial-{n}", durations[trial.operation])

    with ThreadPoolExecutor(max_workers=2) as pool:  # two cores
        done = list(pool.map(run, enumerate(trials)))
    told = sum(1 for t in done if t.told_kind not in ("", "ok", "changed"))
    killed = sum(1 for t in done if t.fault.kill_at is not None)
    SUMMARY.append(
        f"fault matrix: {len(done)} trials passed ({len(OPERATIONS)} operations × "
        f"{len(KILLS) + 1 + len(BACKUP_FAULTS)} faults where they apply: {killed} SIGKILLs, "
        f"{told} refusals told to the person)"
    )
    _compare_or_write(_reliability_table(done))


def _reliability_table(done: list[Trial]) -> str:
    lines = [
        "# Reliability: what the person sees when things go wrong",
        "",
        "Written by `tests/core/test_fault_matrix.py` from the trials it ran "
        "(`JOBJOURNAL_WRITE_RELIABILITY=1 make test` rewrites it); the test fails when this "
        "page no longer says what the trials found. Each trial copies a journal, runs one "
        "operation in a child process under one fault, and checks from outside that the "
        "journal at its path opens with exactly one passphrase, holds every change the "
        "child acknowledged, and that what the child was told matches what happened.",
        "",
        "## Operations × faults",
        "",
        "| operation | SIGKILL at 8 points | file-size limit part-way | backups folder missing "
        "| backups folder is a file | backups folder full |",
        "|---|---|---|---|---|---|",
    ]
    for operation in OPERATIONS:
        mine = [t for t in done if t.operation == operation]
        kills = [t for t in mine if t.fault.kill_at is not None]
        cells = [f"{kills[0].seen} (8 of 8)"]
        for name in (
            "file-size limit part-way",
            "backups folder missing",
            "backups folder is a file",
            "backups folder full",
        ):
            found = [t for t in mine if t.fault.name == name]
            cells.append(_told(found[0]) if found else "— (makes no backup)")
        lines.append(f"| {operation} | " + " | ".join(cells) + " |")
    lines += ["", *INPUTS_TABLE]
    return "\n".join(lines) + "\n"


def _told(trial: Trial) -> str:
    """What the person read: the first two sentences, with temporary folders hidden."""
    if trial.told_kind == "ok" and not trial.told:
        return f"works; {trial.seen}"
    words = []
    for word in trial.told.split():
        if "/tmp/" in word or word.startswith(str(Path.home())):
            word = "‹folder›" + (":" if word.endswith(":") else "")
        words.append(word)
    sentences = " ".join(words).replace("|", "/").split(". ")
    message = ". ".join(sentences[:2]).rstrip(".")
    kind = {"changed": "changed, and told", "ok": "works, and told"}.get(trial.told_kind, "told")
    return f"{kind}: “{message}.”"


INPUTS_TABLE = [
    "## Damaged files and other bad inputs (tests/core/test_vault_faults.py, test_vault.py)",
    "",
    "| what was done to the journal | what the person sees |",
    "|---|---|",
    "| cut to half its size | “… is damaged: part of the file cannot be read.” and the "
    "backups offered |",
    "| cut mid-page, no -wal | “… is damaged: it was cut short and cannot be read whole …” |",
    "| main file cut by a write limit, every row in the -wal | opens with every row; "
    "nothing said |",
    "| one byte flipped inside a page | opens; Verify reports the page; reading it says damaged |",
    "| a byte of the salt flipped | “your passphrase opens its backup … but not the journal "
    "itself” |",
    "| emptied to 0 bytes | “… is damaged: it is empty.” (never opened as a new journal) |",
    "| crash, then -wal and -shm deleted | “… was not closed properly last time … Changes "
    "made in that last session may be missing. Nothing has been written …” with Restore "
    "and Open as it is |",
    "| open in another window | “… is already open in another jobjournal window …” |",
    "| passphrase typed in another Unicode form | opens |",
    "| keychain that raises | opens with the passphrase; “This computer's keychain is not "
    "working …” |",
    "| plaintext or unknown keychain backend | never given the key; Settings says why |",
]


def _compare_or_write(table: str) -> None:
    keep_section(RELIABILITY, "fault matrix", table)
