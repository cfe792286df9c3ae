"""The fault matrix: every operation that writes, under every fault, in a child process.

Each trial starts from a fresh copy of a journal, runs one operation in a child process
under one fault, and then checks from outside: the journal at its path opens with
exactly one passphrase, holds every change the child acknowledged, and what the child
was told matches what happened. `test_fault_matrix.py` runs it and writes
docs/reliability.md from the results.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from support import PASSPHRASE, opens_with, start_python

from jobjournal.core.storage import vault

NEW_PASSPHRASE = "the new passphrase, changed under fault"
SUMMARY: list[str] = []  # printed at the end of the run (tests/conftest.py)
KILL_POINTS = 8
EDITS = 30
CSV_ROWS = 300

CHILD = r"""
import json, os, resource, signal, sys
from pathlib import Path
import keyring
from support import FileKeyring, PASSPHRASE
from jobjournal.core.storage import vault
from jobjournal.core.errors import JournalError

spec = json.loads(sys.argv[1])
keyring.set_keyring(FileKeyring(Path(spec["keychain"])))
journal_path = Path(spec["journal"])
vault.set_backup_place(journal_path, Path(spec["backups"]), keep=10)


def ack(what):
    print("ACK", what, flush=True)


def limit_file_size():
    if spec["fsize"]:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG, not death
        resource.setrlimit(resource.RLIMIT_FSIZE, (spec["fsize"], spec["fsize"]))


def edit(journal):
    company = journal.find_or_add_company("Fault Test Ltd").new_id
    for n in range(EDITS):
        journal.add_application(company_id=company, job_title=f"edit-{n}")
        ack(f"edit-{n}")


def import_csv(journal):
    from jobjournal.core.documents import csv_import
    sheet = csv_import.parse_csv("in.csv", Path(spec["input"]).read_bytes())
    plan = csv_import.plan_import(journal, sheet, csv_import.guess_mapping(sheet.headers))
    csv_import.run_import(journal, plan)
    ack("csv")


def import_json(journal):
    from jobjournal.core.documents import transfer
    transfer.import_json(journal, Path(spec["input"]).read_bytes())
    ack("json")


def export(kind):
    def run(journal):
        from jobjournal.core.documents import calendar_file, docx_letter, letters, transfer
        from jobjournal.core.documents.exports import write_file
        target = Path(spec["exports"])
        if kind == "letter":
            facts = letters.gather(journal, 1)
            draft = letters.draft("withdraw", facts, letters.Options(), 1)
            docx_letter.export(draft, target, "letter")
        elif kind == "csv":
            write_file(target / "journal.csv", transfer.export_csv(journal))
        elif kind == "json":
            write_file(target / "journal.json", transfer.export_json(journal))
        else:
            calendar_file.export(journal, target / "journal.ics")
        ack("export")
    return run


def backup(journal):
    made = journal.vault.backup()
    ack(f"backup {made.name}")


def change_passphrase(journal):
    changed = journal.vault.change_passphrase(PASSPHRASE, spec["new_passphrase"])
    ack("changed")
    print("TOLD changed |", changed.message(), flush=True)
    sys.exit(0)


OPERATIONS = {
    "edit": edit, "import CSV": import_csv, "import JSON": import_json,
    "export letter": export("letter"), "export CSV": export("csv"),
    "export JSON": export("json"), "export calendar": export("ics"),
    "backup": backup, "passphrase change": change_passphrase,
}

try:
    if spec["op"] == "restore":
        print("READY", flush=True)
        limit_file_size()
        vault.restore_backup(Path(spec["input"]), journal_path, PASSPHRASE).lock()
        ack("restored")
    elif spec["op"] == "migration":
        print("READY", flush=True)
        limit_file_size()
        upgraded = vault.unlock(journal_path, PASSPHRASE)
        notes = " ".join(upgraded.vault.notes)
        upgraded.lock()
        ack("migrated")
        print("TOLD ok |", notes, flush=True)
        sys.exit(0)
    else:
        journal = vault.unlock(journal_path, PASSPHRASE)
        print("READY", flush=True)
        limit_file_size()
        OPERATIONS[spec["op"]](journal)
        journal.lock()
except JournalError as error:
    print("TOLD", type(error).__name__, "|", str(error).replace("\n", " "), flush=True)
else:
    print("TOLD ok |", flush=True)
""".replace("EDITS", str(EDITS))


@dataclass(frozen=True)
class Fault:
    name: str
    kill_at: float | None = None  # a fraction of the operation's clean run
    fsize: str = ""  # "part-way": a file-size limit the operation runs into
    backups: str = ""  # "missing", "file", "full"


KILLS = [Fault(f"SIGKILL {n + 1}", kill_at=(n + 0.5) / KILL_POINTS) for n in range(KILL_POINTS)]
FSIZE = Fault("file-size limit part-way", fsize="part-way")
BACKUP_FAULTS = [
    Fault("backups folder missing", backups="missing"),
    Fault("backups folder is a file", backups="file"),
    Fault("backups folder full", backups="full"),
]

OPERATIONS = [
    "edit",
    "import CSV",
    "import JSON",
    "export letter",
    "export CSV",
    "export JSON",
    "export calendar",
    "backup",
    "restore",
    "passphrase change",
    "migration",
]
MAKES_BACKUPS = {"backup", "passphrase change", "migration"}
EXPORTS = {"export letter", "export CSV", "export JSON", "export calendar"}


def faults_for(operation: str) -> list[Fault]:
    faults = [*KILLS, FSIZE]
    return faults + BACKUP_FAULTS if operation in MAKES_BACKUPS else faults


@dataclass
class Trial:
    operation: str
    fault: Fault
    acked: list[str] = field(default_factory=list)
    told_kind: str = ""  # "" when killed before it could be told anything
    told: str = ""
    seen: str = ""  # what the check found, for the table


@dataclass
class Templates:
    """Journals and inputs every trial copies from, made once."""

    folder: Path
    journal: Path  # a small journal with one application (a letter needs one)
    empty: Path  # an empty journal, for JSON import
    old: Path  # a journal one schema version back, for migration
    backup: Path  # a backup holding the row "restored"
    csv: Path
    json: Path
    keys: dict[str, str]  # passphrase -> pragma literal (all templates share one salt)


def run_trial(templates: Templates, trial: Trial, work: Path, clean_run: float) -> Trial:
    """Run one operation under one fault, then check the journal from outside."""
    journal, spec = _prepare(templates, trial, work)
    try:
        child = start_python(CHILD, json.dumps(spec))
        assert child.stdout is not None
        ready = child.stdout.readline().strip()
        assert ready == "READY", (ready, child.stderr.read() if child.stderr else "")
        if trial.fault.kill_at is not None:
            time.sleep(clean_run * trial.fault.kill_at)
            child.send_signal(signal.SIGKILL)
        out, err = _rest_of(child)
        _read_child(trial, out)
        where = f"{trial.operation} / {trial.fault.name}"
        if trial.fault.kill_at is None:
            assert trial.told_kind, f"{where}: no outcome\n{out}\n{err}"
        try:
            CHECKS[_check_kind(trial.operation)](templates, trial, work, journal)
        except AssertionError as failed:
            raise AssertionError(f"{where}: {failed}\n{out}\n{err}") from failed
    finally:
        _unmount(work)
    return trial


def clean_run_seconds(templates: Templates, operation: str, work: Path) -> float:
    trial = Trial(operation, Fault("none"))
    _, spec = _prepare(templates, trial, work)
    child = start_python(CHILD, json.dumps(spec))
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "READY"
    started = time.perf_counter()
    out, err = _rest_of(child)
    took = time.perf_counter() - started
    _read_child(trial, out)
    assert trial.told_kind in ("ok", "changed"), f"{operation}: {out}\n{err}"
    return took


def _rest_of(child: subprocess.Popen[str]) -> tuple[str, str]:
    """What the child printed after READY. Not communicate(): it reads the pipes' raw
    descriptors and would miss lines already buffered by the readline() before it."""
    assert child.stdout is not None and child.stderr is not None
    out = child.stdout.read()
    err = child.stderr.read()
    child.wait(timeout=120)
    return out, err


def _prepare(templates: Templates, trial: Trial, work: Path) -> tuple[Path, dict[str, object]]:
    if work.exists():
        _unmount(work)
        shutil.rmtree(work)
    (work / "data").mkdir(parents=True)
    (work / "exports").mkdir()
    journal = work / "data" / "journal.db"
    source = {"import JSON": templates.empty, "migration": templates.old}.get(
        trial.operation, templates.journal
    )
    shutil.copyfile(source, journal)
    os.chmod(journal, 0o600)
    backups = work / "backups"
    if trial.fault.backups == "missing":
        backups = work / "unplugged" / "backups"
    elif trial.fault.backups == "file":
        backups.write_text("a file where the backups folder should be")
    elif trial.fault.backups == "full":
        backups.mkdir()
        subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=48k", "tmpfs", str(backups)], check=True
        )
    keychain = work / "keychain.json"
    keychain.write_text(
        json.dumps({f"jobjournal|journal:{journal}": templates.keys[PASSPHRASE].strip("\"x'")})
    )
    spec = {
        "op": trial.operation,
        "journal": str(journal),
        "backups": str(backups),
        "exports": str(work / "exports"),
        "keychain": str(keychain),
        "new_passphrase": NEW_PASSPHRASE,
        "input": str(
            {"import CSV": templates.csv, "import JSON": templates.json}.get(
                trial.operation, templates.backup
            )
        ),
        "fsize": _file_size_limit(trial, journal, templates) if trial.fault.fsize else 0,
    }
    return journal, spec


def _file_size_limit(trial: Trial, journal: Path, templates: Templates) -> int:
    """A limit the operation reaches part-way through what it writes. It binds every
    file the child writes: the -wal starts empty after unlock, the copies start empty."""
    if trial.operation in EXPORTS:
        return 256  # every export is larger than this
    if trial.operation in ("backup", "restore", "passphrase change"):
        return journal.stat().st_size // 2  # the copy or the re-encrypted -wal, half-way
    return 48 * 1024  # about a dozen pages of -wal: edits and imports write far more


def _read_child(trial: Trial, out: str) -> None:
    for line in out.splitlines():
        if line.startswith("ACK "):
            trial.acked.append(line[4:])
        elif line.startswith("TOLD "):
            kind, _, message = line[5:].partition("|")
            trial.told_kind, trial.told = kind.strip(), message.strip()


def _unmount(work: Path) -> None:
    backups = work / "backups"
    if backups.is_dir() and os.path.ismount(backups):
        subprocess.run(["umount", str(backups)], check=True)


# -- the checks ---------------------------------------------------------------------------


def _open_journal(templates: Templates, journal: Path) -> tuple[str, Any]:
    """The journal opened through the app's own unlock, with the key of whichever
    passphrase opens it (remembered, to skip a derivation). Our unlock comes first: it
    must meet the files as the crash left them (a bare SQLCipher tool would write the
    -wal home and remove it). It also finishes what an interrupted restore left."""
    import keyring

    from jobjournal.core.errors import PassphraseRequired

    name = f"journal:{journal.resolve()}"
    for passphrase in (PASSPHRASE, NEW_PASSPHRASE):
        secret = templates.keys[passphrase].strip("\"x'")
        keyring.get_keyring().set_password("jobjournal", name, secret)
        try:
            return passphrase, _Checked(vault.unlock(journal), templates)
        except PassphraseRequired:
            continue
    raise AssertionError("neither passphrase opens the journal")


class _Checked:
    """An opened journal that, once locked, proves exactly one passphrase opens it."""

    def __init__(self, journal: Any, templates: Templates) -> None:
        self.journal, self.templates = journal, templates

    def __getattr__(self, name: str) -> Any:
        return getattr(self.journal, name)

    def lock(self) -> None:
        self.journal.lock()
        old = opens_with(self.journal.path, self.templates.keys[PASSPHRASE])
        new = opens_with(self.journal.path, self.templates.keys[NEW_PASSPHRASE])
        assert old != new, f"old opens: {old}, new opens: {new}"


def _titles(opened: object) -> set[str]:
    from sqlalchemy import text

    with opened.reading() as connection:  # type: ignore[attr-defined]
        return set(connection.execute(text("SELECT job_title FROM applications")).scalars())


def _check_edit(templates: Templates, trial: Trial, work: Path, journal: Path) -> None:
    _, opened = _open_journal(templates, journal)
    try:
        titles = _titles(opened)
    finally:
        opened.lock()  # type: ignore[attr-defined]
    missing = [a for a in trial.acked if a not in titles]
    assert not missing, f"acknowledged but lost: {missing}"
    if trial.told_kind not in ("", "ok"):
        assert trial.told_kind in ("DiskFull", "CannotWrite"), trial.told
    trial.seen = "opens; every acknowledged edit is there"


def _check_import(templates: Templates, trial: Trial, work: Path, journal: Path) -> None:
    _, opened = _open_journal(templates, journal)
    try:
        count = opened.count_applications()  # type: ignore[attr-defined]
    finally:
        opened.lock()  # type: ignore[attr-defined]
    before = 0 if trial.operation == "import JSON" else 1
    assert count in (before, before + _imported(trial.operation)), count
    if trial.acked:
        assert count == before + _imported(trial.operation), "acknowledged, not all there"
    if trial.told_kind not in ("", "ok"):
        assert count == before, f"told {trial.told_kind} but {count} rows are there"
    trial.seen = "opens; all rows or none"


def _imported(operation: str) -> int:
    return CSV_ROWS if operation == "import CSV" else 12


def _check_export(templates: Templates, trial: Trial, work: Path, journal: Path) -> None:
    exports = work / "exports"
    visible = [p for p in exports.iterdir() if not p.name.startswith(".")]
    assert len(visible) <= 1, visible
    for made in visible:
        assert made.stat().st_mode & 0o777 == 0o600, oct(made.stat().st_mode)
        assert _whole(made), f"{made.name} is cut short"
    if trial.acked:
        assert visible, "acknowledged, but there is no file"
    if trial.told_kind not in ("", "ok"):
        assert not visible, f"told {trial.told_kind} but a file is there"
        assert trial.told_kind in ("DiskFull", "CannotWrite"), trial.told
    from jobjournal.core.documents.exports import remove_leftovers

    remove_leftovers(exports)  # what the next export (or the next start) does
    assert not list(exports.glob(".*")), "a killed export's partial file stayed"
    _, opened = _open_journal(templates, journal)
    opened.lock()  # type: ignore[attr-defined]
    trial.seen = "no file, or the whole file (0600); leftovers cleaned"


def _whole(made: Path) -> bool:
    """Whether an exported file is complete, read as its own kind of file."""
    data = made.read_bytes()
    if made.suffix == ".docx":
        import zipfile

        return zipfile.is_zipfile(made) and b"word/document.xml" in data
    if made.suffix == ".json":
        json.loads(data)
        return True
    if made.suffix == ".ics":
        return data.rstrip().endswith(b"END:VCALENDAR")
    return data.endswith(b"\n")


def _check_backup(templates: Templates, trial: Trial, work: Path, journal: Path) -> None:
    passphrase, opened = _open_journal(templates, journal)
    opened.lock()  # type: ignore[attr-defined]
    made = vault.list_backups(journal, _backups_folder(work, trial))
    for backup in made:
        vault.check_backup(backup, passphrase)  # every backup there opens whole
    if trial.acked:
        assert made, "acknowledged, but no backup is there"
    if trial.told_kind == "BackupFailed":
        assert "Your journal itself is fine" in trial.told
        assert not made
    trial.seen = "journal opens; any backup there opens whole"


def _backups_folder(work: Path, trial: Trial) -> Path:
    return work / ("unplugged/backups" if trial.fault.backups == "missing" else "backups")


def _check_restore(templates: Templates, trial: Trial, work: Path, journal: Path) -> None:
    _, opened = _open_journal(templates, journal)  # finishes or undoes a cut-short swap
    try:
        restored = "restored" in _titles(opened)
    finally:
        opened.lock()  # type: ignore[attr-defined]
    assert not list(journal.parent.glob(".journal.db.*")), "a leftover copy stayed"
    if trial.told_kind == "ok" or trial.acked:
        assert restored
    elif trial.told_kind:
        assert not restored and trial.told_kind == "RestoreFailed", trial.told
    trial.seen = "the old journal or the restored one; leftovers resolved"


def _opens_whole(templates: Templates, journal: Path) -> str:
    """The passphrase that opens the journal, which still holds its one application."""
    passphrase, opened = _open_journal(templates, journal)
    try:
        assert opened.count_applications() == 1
    finally:
        opened.lock()
    return passphrase


def _schema_version(journal: Path, key: str) -> int:
    import sqlcipher3.dbapi2 as sqlcipher

    connection = sqlcipher.connect(str(journal))
    try:
        connection.execute(f"PRAGMA key = {key}")
        return int(connection.execute("PRAGMA user_version").fetchone()[0])
    finally:
        connection.close()


def _check_passphrase(templates: Templates, trial: Trial, work: Path, journal: Path) -> None:
    passphrase = _opens_whole(templates, journal)
    if trial.told_kind == "changed":
        assert passphrase == NEW_PASSPHRASE
        if trial.fault.backups and trial.fault.backups != "missing":
            assert "no backup was made" in trial.told.lower(), trial.told
    elif trial.told_kind:
        assert passphrase == PASSPHRASE and trial.told_kind == "PassphraseNotChanged", trial.told
    stored = json.loads((work / "keychain.json").read_text())
    for secret in stored.values():  # a remembered key is absent or opens the file
        assert opens_with(journal, f"\"x'{secret}'\"")
    trial.seen = "exactly one passphrase opens it, the one the person was told"


def _check_migration(templates: Templates, trial: Trial, work: Path, journal: Path) -> None:
    refused = trial.told_kind not in ("", "ok")
    if refused:  # told it was not upgraded: it is still the old version, whole
        assert trial.told_kind in ("DiskFull", "CannotWrite"), trial.told
        assert _schema_version(journal, templates.keys[PASSPHRASE]) == 1
    _opens_whole(templates, journal)
    trial.seen = "opens, old or new version, nothing lost"


CHECKS: dict[str, Callable[[Templates, Trial, Path, Path], None]] = {
    "edit": _check_edit,
    "import": _check_import,
    "export": _check_export,
    "backup": _check_backup,
    "restore": _check_restore,
    "passphrase change": _check_passphrase,
    "migration": _check_migration,
}


def _check_kind(operation: str) -> str:
    return operation.split()[0] if operation.split()[0] in ("import", "export") else operation
